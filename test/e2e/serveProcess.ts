/** Starts `casefile serve` as a child process and waits for its `Casefile serving at <url>` line. */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';

export interface RunningServe {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

const READY_LINE = /Casefile serving at (\S+)/;
const START_TIMEOUT_MS = 30_000;

/** `casePath` opens that case instead of the first-run demo. */
export function startServe(root: string, home: string, casePath?: string): Promise<RunningServe> {
  const token = randomBytes(24).toString('hex');
  const args = [
    'bin/casefile.mjs',
    'serve',
    ...(casePath ? [casePath] : []),
    '--port',
    '0',
    '--token',
    token,
  ];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, CASEFILE_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`casefile serve did not print its URL within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = READY_LINE.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], child, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`casefile serve exited with ${code}:\n${output}`));
    });
  });
}
