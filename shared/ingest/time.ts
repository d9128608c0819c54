/**
 * Timestamp normalizers: every producer's rendering → `YYYY-MM-DDTHH:MM:SS.ffffffZ` (UTC, always six
 * fraction digits, so the text sorts like the instant and casts to a DuckDB TIMESTAMP losslessly).
 * Pure string and BigInt arithmetic: an epoch float token is never rounded through a JS number.
 */
import { JsonNumber, type JsonValue } from '../json/value';

/** How the source wrote the time; lets detection and the import report say what was seen. */
export type TimeStyle =
  | 'rfc3339' // `T`, then `Z` or `±HH:MM` (meshguard, runtime-steps, pydantic, Python isoformat)
  | 'space-separated' // Python `str(datetime)` / `default=str` (formats/agentmesh.md §1)
  | 'offset-then-z' // AgentMesh CloudEvents `…+00:00Z` (formats/agentmesh.md §6): not RFC 3339
  | 'naive' // no zone at all (naive Python datetime, DuckDB TIMESTAMP text): read as UTC
  | 'epoch';

export type EpochUnit = 'seconds' | 'millis' | 'micros' | 'nanos';

export type TimeResult =
  { ok: true; iso: string; style: TimeStyle; note?: string } | { ok: false; reason: string };

/** Notes are constant strings: the engine keeps one set per archive, so they must not carry values. */
export const TIME_NOTES = {
  offsetThenZ:
    'CloudEvents time written as an offset followed by Z (…+00:00Z, formats/agentmesh.md §6) is not RFC 3339; accepted and read at the offset it names',
  naive: 'timestamp without a UTC offset (naive datetime or DuckDB TIMESTAMP text) read as UTC',
  subMicro: 'timestamp with sub-microsecond digits rounded to the microsecond',
} as const;

const MICROS_PER_DAY = 86_400_000_000n;
const FIRST_DAY = BigInt(daysFromCivil(1, 1, 1));
const LAST_DAY = BigInt(daysFromCivil(9999, 12, 31));
const UNIT_DIGITS: Record<EpochUnit, number> = { seconds: 6, millis: 3, micros: 0, nanos: -3 };
const TEXT_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})([Tt ])(\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,12}))?(Z|z|[+-]\d{2}(?::?\d{2})?Z?)?$/;
const NUMBER_PATTERN = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** A JSON value holding a time: text in any rendering above, or a number of epoch seconds (gantz). */
export function normalizeTimeValue(value: JsonValue | undefined): TimeResult {
  if (typeof value === 'string') return normalizeTimeText(value);
  if (value instanceof JsonNumber) return normalizeEpoch(value.token, 'seconds');
  return { ok: false, reason: `expected a timestamp, found ${describe(value)}` };
}

export function normalizeTimeText(text: string): TimeResult {
  const m = TEXT_PATTERN.exec(text);
  if (!m) return { ok: false, reason: `not an ISO 8601 date-time: ${preview(text)}` };
  const [, y, mo, d, sep, h, mi, s, fraction = '', zone = ''] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, reason: `no such calendar date: ${preview(text)}` };
  }
  if (hour > 23 || minute > 59 || second > 59)
    return { ok: false, reason: `no such time of day: ${preview(text)}` };
  const offset = parseOffset(zone);
  if (offset === null) return { ok: false, reason: `unreadable UTC offset: ${preview(text)}` };
  const fracMicros = roundDigits(fraction, 6);
  const local =
    BigInt(daysFromCivil(year, month, day)) * MICROS_PER_DAY +
    BigInt(hour * 3600 + minute * 60 + second) * 1_000_000n +
    fracMicros;
  const iso = formatMicros(local - BigInt(offset) * 60_000_000n);
  if (iso === null) return { ok: false, reason: `outside the years 0001–9999 once in UTC: ${preview(text)}` };
  const style = styleOf(sep ?? 'T', zone);
  const note = noteFor(style, fraction.length > 6);
  return note === undefined ? { ok: true, iso, style } : { ok: true, iso, style, note };
}

/** Epoch time from a decimal token (`1775466230.6820729`, `1.7e9`, `1712345678901`), rounded to the microsecond. */
export function normalizeEpoch(token: string, unit: EpochUnit): TimeResult {
  const m = NUMBER_PATTERN.exec(token.trim());
  if (!m) return { ok: false, reason: `not a finite decimal number: ${preview(token)}` };
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = m;
  // No real epoch needs 40 digits or a 5-digit exponent; refusing early keeps hostile tokens cheap.
  if (exponent.replace(/^[+-]/, '').length > 4 || whole.length + fraction.length > 40)
    return { ok: false, reason: `epoch value out of range: ${preview(token)}` };
  // micros = (whole ‖ fraction digits) × 10^(exponent − fraction digits + UNIT_DIGITS[unit]: 6 s, 3 ms, 0 µs, −3 ns)
  const mantissa = BigInt(whole + fraction);
  const shift = Number(exponent) - fraction.length + UNIT_DIGITS[unit];
  const magnitude =
    shift >= 0 ? mantissa * 10n ** BigInt(shift) : roundDivide(mantissa, 10n ** BigInt(-shift));
  const micros = sign === '-' ? -magnitude : magnitude;
  const iso = formatMicros(micros);
  if (iso === null)
    return { ok: false, reason: `epoch ${unit} outside the years 0001–9999: ${preview(token)}` };
  const lost = shift < 0 && mantissa % 10n ** BigInt(-shift) !== 0n;
  return lost
    ? { ok: true, iso, style: 'epoch', note: TIME_NOTES.subMicro }
    : { ok: true, iso, style: 'epoch' };
}

function noteFor(style: TimeStyle, subMicro: boolean): string | undefined {
  if (style === 'offset-then-z') return TIME_NOTES.offsetThenZ;
  if (style === 'naive') return TIME_NOTES.naive;
  return subMicro ? TIME_NOTES.subMicro : undefined;
}

function styleOf(separator: string, zone: string): TimeStyle {
  if (zone === '') return 'naive';
  if (zone.length > 1 && zone.endsWith('Z')) return 'offset-then-z';
  return separator === ' ' ? 'space-separated' : 'rfc3339';
}

/** Minutes east of UTC; `…+00:00Z` counts as the offset it names (the trailing Z is the producer's addition). */
function parseOffset(zone: string): number | null {
  if (zone === '' || zone === 'Z' || zone === 'z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?Z?$/.exec(zone);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 23 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** The first `keep` digits of a fraction as an integer, rounded half to even on the rest. */
function roundDigits(fraction: string, keep: number): bigint {
  const padded = fraction.padEnd(keep, '0');
  const head = BigInt(padded.slice(0, keep) || '0');
  const rest = padded.slice(keep);
  if (rest === '' || /^0*$/.test(rest)) return head;
  return roundDivide(BigInt(padded), 10n ** BigInt(rest.length));
}

/** Non-negative n / d rounded half to even. */
function roundDivide(n: bigint, d: bigint): bigint {
  const q = n / d;
  const twice = (n % d) * 2n;
  if (twice > d || (twice === d && q % 2n === 1n)) return q + 1n;
  return q;
}

/** Microseconds since 1970-01-01T00:00:00Z → ISO text, or null outside the years 0001–9999. */
function formatMicros(sinceEpoch: bigint): string | null {
  const dayCount = floorDiv(sinceEpoch, MICROS_PER_DAY);
  // Range-check in BigInt: a hostile epoch (1e400) must not reach Number as Infinity/NaN.
  if (dayCount < FIRST_DAY || dayCount > LAST_DAY) return null;
  const inDay = sinceEpoch - dayCount * MICROS_PER_DAY;
  const { year, month, day } = civilFromDays(Number(dayCount));
  const seconds = inDay / 1_000_000n;
  const micros = inDay % 1_000_000n;
  const hh = seconds / 3600n;
  const mm = (seconds % 3600n) / 60n;
  const ss = seconds % 60n;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hh, 2)}:${pad(mm, 2)}:${pad(ss, 2)}.${pad(micros, 6)}Z`;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant, "chrono-compatible low-level date algorithms"). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number | bigint, width: number): string {
  return n.toString().padStart(width, '0');
}

function preview(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function describe(value: JsonValue | undefined): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
