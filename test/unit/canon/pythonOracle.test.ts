/** Differential tests against CPython: repr(float) and json.dumps on generated hostile values. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pythonFloatRepr } from '../../../shared/canon/pythonFloat';
import { pythonDumps } from '../../../shared/canon/pythonJson';
import { parseJson } from '../../../shared/json/parse';
import { anyDouble, doubleBitsHex, hostileJsonText } from './support/arbitraries';
import { pythonLoop, pythonUnavailableReason, runPythonBatch } from './support/pythonOracle';

const skipReason = pythonUnavailableReason();
if (skipReason) console.warn(`skipping python3 differential tests: ${skipReason}`);
const SEED = Number(process.env.FC_SEED ?? 20260406);

/** The double `steps` units in the last place away from `x` (bit-pattern arithmetic, finite positive x). */
function ulpStep(x: number, steps: bigint): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + steps);
  return view.getFloat64(0);
}

/** Doubles around the places where repr switches layout or digit count: every power of ten ± 1 and 2 ulps. */
function boundaryDoubles(): number[] {
  const out: number[] = [
    0,
    -0,
    Number.NaN,
    Infinity,
    -Infinity,
    Number.MIN_VALUE,
    -Number.MIN_VALUE,
    Number.MAX_VALUE,
  ];
  for (let e = -323; e <= 308; e++) {
    const x = Number(`1e${e}`);
    for (const y of [x, ulpStep(x, -2n), ulpStep(x, -1n), ulpStep(x, 1n), ulpStep(x, 2n), x * 1.5])
      out.push(y, -y);
  }
  return out;
}

describe.skipIf(skipReason !== null)('python3 oracle', () => {
  it('pythonFloatRepr equals repr(float) on 20,000 random bit patterns and every power-of-ten boundary', () => {
    const xs = [...boundaryDoubles(), ...fc.sample(anyDouble, { numRuns: 20_000, seed: SEED })];
    const script = pythonLoop('import struct', "repr(struct.unpack('>d', bytes.fromhex(s))[0])");
    const expected = runPythonBatch(script, xs.map(doubleBitsHex));
    const wrong = xs.flatMap((x, i) =>
      pythonFloatRepr(x) === expected[i]
        ? []
        : [`${doubleBitsHex(x)}: ${pythonFloatRepr(x)} vs ${String(expected[i])}`],
    );
    expect(wrong).toEqual([]);
  });

  it('pythonDumps(parseJson(text)) equals json.dumps(json.loads(text)) in three configurations (3,000 texts)', () => {
    const texts = fc.sample(hostileJsonText, { numRuns: 3_000, seed: SEED });
    const script = pythonLoop(
      '',
      "(lambda v: [json.dumps(v, sort_keys=True), json.dumps(v, sort_keys=True, ensure_ascii=False), json.dumps(v, sort_keys=True, separators=(',', ':'))])(json.loads(s))",
    );
    const expected = runPythonBatch(script, texts) as [string, string, string][];
    for (const [i, text] of texts.entries()) {
      const parsed = parseJson(text, { allowNonFinite: true });
      if (!parsed.ok) throw new Error(`rejected ${JSON.stringify(text)}: ${parsed.error.message}`);
      const [ascii, unicode, compact] = expected[i] as [string, string, string];
      const context = `text ${JSON.stringify(text)}`;
      expect(pythonDumps(parsed.value, { numbers: 'python-repr' }), context).toBe(ascii);
      expect(pythonDumps(parsed.value, { numbers: 'python-repr', ensureAscii: false }), context).toBe(
        unicode,
      );
      expect(
        pythonDumps(parsed.value, { numbers: 'python-repr', itemSeparator: ',', keySeparator: ':' }),
        context,
      ).toBe(compact);
      // Python's own output re-emits unchanged when tokens are copied (the producer's tokens are its repr).
      const reparsed = parseJson(ascii, { allowNonFinite: true });
      expect(reparsed.ok && pythonDumps(reparsed.value), context).toBe(ascii);
    }
  });
});
