// Lint rules encode the architecture; each message names the fix (style/anchors.md §3.4).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'net',
  'url',
  'util',
  'zlib',
  'stream',
  'worker_threads',
];

const sharedRestrictions = {
  patterns: [
    {
      group: NODE_BUILTINS,
      message:
        'shared/ is pure: no Node APIs. Take what you need as a parameter (e.g. a HashProvider) and let electron/engine inject it.',
    },
    {
      group: ['electron'],
      message: 'shared/ must not depend on Electron: put shell code in electron/main or electron/preload.',
    },
    { group: ['react', 'react-dom', 'zustand'], message: 'shared/ has no UI: put components in renderer/.' },
    { group: ['@duckdb/*'], message: 'shared/ has no database: put queries in electron/engine.' },
    {
      group: ['**/electron/**', '**/renderer/**'],
      message: 'shared/ is imported by both sides and imports neither.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test/fixtures/**',
      'demo/**',
      'bin/**',
      'scripts/**',
      // AssemblyScript, compiled by asc (scripts/build-wasm.mjs), not tsc: its types (i32, v128) are asc's.
      'wasm/**',
      'playwright-report/**',
      'test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': ['error'],
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportDefaultDeclaration',
          message: 'Use named exports: they keep names stable across imports and stack traces.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message:
                'Raw IPC lives only in electron/main/ipcBridge.ts and electron/preload/preload.ts: call the typed contract (shared/rpc/client) instead.',
            },
          ],
        },
      ],
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', sharedRestrictions],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'shared/ runs outside browsers too: take the value as a parameter.' },
        { name: 'document', message: 'shared/ has no DOM: render in renderer/.' },
        { name: 'process', message: 'shared/ runs in browsers too: pass configuration in.' },
        { name: 'Buffer', message: 'shared/ runs in browsers too: use Uint8Array and @noble/hashes/utils.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: NODE_BUILTINS,
              message:
                'The renderer has no Node: ask the engine through the contract (shared/contract/api.ts).',
            },
            {
              group: ['electron'],
              message:
                'The renderer never imports electron: window.casefile (preload) is reached through renderer/src/api/connect.ts.',
            },
            {
              group: ['@duckdb/*', '**/electron/**'],
              message:
                'The renderer reaches the engine only through the contract: add a method to shared/contract/api.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'electron/engine/**/*.ts',
      'electron/serve/**/*.ts',
      'electron/host/**/*.ts',
      'electron/cli/**/*.ts',
    ],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron'],
              message:
                'The engine, host, serve and CLI run under plain Node (serve mode, CI): only electron/main and electron/preload may import electron.',
            },
            {
              group: ['**/renderer/**', 'react', 'react-dom'],
              message: 'The engine does not import UI code: share types through shared/contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/ipcBridge.ts', 'electron/preload/preload.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['test/**/*.ts', '*.config.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'max-lines': 'off' },
  },
  {
    // Vite, Vitest and Playwright read their configuration from a default export.
    files: ['*.config.ts', 'test/e2e/playwright.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  prettier,
);
