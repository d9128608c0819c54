// Runs `casefile verify --json` in this process and prints {"verdict","maxRssMiB"} last.
const [file, key] = process.argv.slice(2);
process.argv = [process.argv[0], 'casefile', 'verify', file, '--hmac-key-hex', key, '--json'];
let out = '';
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk) => {
  out += chunk;
  return true;
};
await import('../../dist/node/cli.mjs');
await new Promise((resolve) => process.once('beforeExit', resolve));
process.stdout.write = write;
const verdicts = [...new Set(JSON.parse(out).files.map((f) => f.verdict))].join(',');
console.log(
  JSON.stringify({ verdict: verdicts, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }),
);
