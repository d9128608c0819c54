/** Python `repr(float)`: shortest round-trip digits in Python's layout (formats/agentmesh.md §1, gantz.md). */

/**
 * `repr(x)` as CPython 3 writes it (float_repr_style 'short'): the shortest digits that round-trip
 * (the same digits ECMAScript finds), in plain notation with a mandatory fractional part when the
 * decimal exponent is in [-4, 16), otherwise `d[.ddd]e±XX` with at least two exponent digits.
 * Non-finite values give Python's repr spellings `nan`, `inf`, `-inf`; json.dumps spells them
 * differently (see pythonJson.ts).
 */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Number.POSITIVE_INFINITY) return 'inf';
  if (x === Number.NEGATIVE_INFINITY) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  // toExponential() without an argument yields the shortest round-trip digits: "d.ddde±n".
  const sci = Math.abs(x).toExponential();
  const ePos = sci.indexOf('e');
  const digits = sci.charCodeAt(1) === 46 ? sci[0] + sci.slice(2, ePos) : sci.slice(0, ePos);
  const exponent = Number(sci.slice(ePos + 1));
  return sign + layout(digits, exponent);
}

/** Places `digits` (d1 d2 …, value d1.d2… × 10^exponent) the way Python's repr does. */
function layout(digits: string, exponent: number): string {
  if (exponent < -4 || exponent >= 16) {
    const mantissa = digits.length === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
    const magnitude = Math.abs(exponent);
    return `${mantissa}e${exponent < 0 ? '-' : '+'}${magnitude < 10 ? '0' : ''}${magnitude}`;
  }
  if (exponent < 0) return `0.${'0'.repeat(-exponent - 1)}${digits}`;
  const intLength = exponent + 1;
  if (digits.length <= intLength) return `${digits}${'0'.repeat(intLength - digits.length)}.0`;
  return `${digits.slice(0, intLength)}.${digits.slice(intLength)}`;
}
