/** Stage timings on stderr when CASEFILE_TRACE=1: how `npm run bench:*` and users find slow stages. */
const enabled = process.env.CASEFILE_TRACE === '1';
const origin = Date.now();

export function trace(label: string, detail: Record<string, unknown> = {}): void {
  if (!enabled) return;
  const rss = Math.round(process.memoryUsage().rss / 1048576);
  process.stderr.write(
    `[trace +${Date.now() - origin}ms rss=${rss}MiB] ${label} ${JSON.stringify(detail)}\n`,
  );
}
