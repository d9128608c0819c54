/**
 * Stage timings on stderr when CASEFILE_TRACE=1: how `npm run bench:*` and users find slow stages.
 * Times count from the process's start (performance.now), so startup shows too.
 */
const enabled = process.env.CASEFILE_TRACE === '1';

export function trace(label: string, detail: Record<string, unknown> = {}): void {
  if (!enabled) return;
  const rss = Math.round(process.memoryUsage().rss / 1048576);
  process.stderr.write(
    `[trace +${Math.round(performance.now())}ms rss=${rss}MiB] ${label} ${JSON.stringify(detail)}\n`,
  );
}
