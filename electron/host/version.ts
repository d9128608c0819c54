/** The tool version recorded in custody logs and reports; injected by the build (esbuild define). */
declare const __CASEFILE_VERSION__: string | undefined;

export const TOOL_VERSION: string =
  typeof __CASEFILE_VERSION__ === 'string' ? __CASEFILE_VERSION__ : '0.0.0-dev';
