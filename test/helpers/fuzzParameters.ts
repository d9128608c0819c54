/**
 * fast-check parameters for the fuzz tests: CASEFILE_FUZZ_RUNS sets how many inputs (CI runs
 * `defaultRuns`; a long hunt sets more) and CASEFILE_FUZZ_SEED replays a failure's seed.
 */
export function fuzzParameters(defaultRuns: number): { numRuns: number; seed?: number } {
  const runs = Number(process.env.CASEFILE_FUZZ_RUNS ?? defaultRuns);
  const seed = process.env.CASEFILE_FUZZ_SEED;
  return { numRuns: runs, ...(seed === undefined ? {} : { seed: Number(seed) }) };
}
