/**
 * The `casefile` command. Subcommands: serve, import, verify, verify-proof, custody; each one's
 * flags, output and exit codes are a stable contract (docs/cli.md). Usage errors exit 2 with a
 * line naming the problem.
 */
import { parseArgs } from 'node:util';
import { appPaths, packageRoot } from '../host/paths';
import { custodyCommand } from './custodyCommand';
import { importCommand } from './importCommand';
import { serveCommand } from './serveCommand';
import { verifyCommand } from './verifyCommand';
import { verifyProofCommand } from './verifyProofCommand';
import { TOOL_VERSION } from '../host/version';

const USAGE = `casefile ${TOOL_VERSION}
usage:
  casefile serve [case.duckdb] [--port N]
  casefile import <case.duckdb> <files...> [--producer NAME] [--mapping FILE] [--json]
  casefile verify <files...> [--producer auto|NAME] [--profile FILE] [keys, anchors…] [--json]
  casefile verify-proof <file> [--expect-count N] [--expect-root HEX] [--json]
  casefile custody <case.duckdb> [--expect-head HEX] [--json]
(docs/cli.md gives every flag)
`;

function usage(message: string): number {
  process.stderr.write(`casefile: ${message}\n${USAGE}`);
  return 2;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const paths = appPaths(packageRoot(import.meta.url));
  switch (command) {
    case 'serve': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { port: { type: 'string' }, token: { type: 'string' } },
      });
      const port = values.port === undefined ? undefined : Number(values.port);
      if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536))
        return usage(`--port must be 0–65535, got ${values.port}`);
      return serveCommand(
        {
          ...(positionals[0] ? { casePath: positionals[0] } : {}),
          ...(port !== undefined ? { port } : {}),
          ...(values.token ? { token: values.token } : {}),
        },
        paths,
      );
    }
    case 'import': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          producer: { type: 'string' },
          mapping: { type: 'string' },
          json: { type: 'boolean', default: false },
        },
      });
      const [casePath, ...files] = positionals;
      if (!casePath || files.length === 0) return usage('import needs a case file and at least one archive');
      return importCommand({
        casePath,
        files,
        json: values.json,
        ...(values.producer ? { producer: values.producer } : {}),
        ...(values.mapping ? { mappingFile: values.mapping } : {}),
      });
    }
    case 'verify':
      return verifyCommand(rest);
    case 'verify-proof':
      return verifyProofCommand(rest);
    case 'custody':
      return custodyCommand(rest);
    case '--version':
    case 'version':
      process.stdout.write(`${TOOL_VERSION}\n`);
      return 0;
    case undefined:
    case '--help':
    case 'help':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      return usage(`unknown command ${command}`);
  }
}

// `casefile verify … | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (thrown: unknown) => {
    process.stderr.write(
      `casefile: ${thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown)}\n`,
    );
    process.exitCode = 2;
  },
);
