/** Batched python3 oracle: one process per batch, JSON lines in and out, so property tests stay fast. */
import { spawnSync } from 'node:child_process';

/** Why python3 cannot be used, or null when it can. */
export function pythonUnavailableReason(): string | null {
  const probe = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0)
    return `python3 not runnable (${probe.error?.message ?? `exit ${probe.status}`})`;
  return null;
}

/**
 * Runs `script` (which reads `sys.stdin` lines and prints one JSON line per input line) on `inputs`
 * and returns the decoded outputs. Inputs travel as JSON strings, so lone surrogates survive.
 */
export function runPythonBatch(script: string, inputs: readonly string[]): unknown[] {
  const stdin = inputs.map((s) => JSON.stringify(s)).join('\n') + '\n';
  const result = spawnSync('python3', ['-c', script], {
    input: stdin,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`python3 failed: ${result.stderr}`);
  const lines = result.stdout.split('\n').filter((line) => line !== '');
  if (lines.length !== inputs.length)
    throw new Error(`python3 returned ${lines.length} lines for ${inputs.length} inputs`);
  return lines.map((line) => JSON.parse(line) as unknown);
}

/** Reads JSON-string lines; for each, prints the JSON (ASCII) of `expression` over `s`. */
export function pythonLoop(imports: string, expression: string): string {
  return [
    'import sys, json',
    imports,
    'for raw in sys.stdin:',
    '    raw = raw.strip()',
    '    if not raw: continue',
    '    s = json.loads(raw)',
    `    print(json.dumps(${expression}))`,
  ].join('\n');
}
