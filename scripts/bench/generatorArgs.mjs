// The generators' command line: --n events, --out file (by default the family's file in
// families.mjs, where bench:import looks for it) and --seed for the seeded ones.
import { parseArgs } from 'node:util';
import { BENCH_FAMILIES } from './families.mjs';

export function generatorArgs(family) {
  const { values } = parseArgs({
    options: {
      n: { type: 'string', default: '1000000' },
      out: { type: 'string' },
      seed: { type: 'string', default: '42' },
    },
  });
  const n = Number(values.n);
  return { n, out: values.out ?? BENCH_FAMILIES[family].file(n), seed: values.seed };
}
