import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  normalizeEpoch,
  normalizeTimeText,
  normalizeTimeValue,
  TIME_NOTES,
} from '../../../shared/ingest/time';
import { JsonNumber } from '../../../shared/json/value';

/** Every rendering the fixtures hold (formats/*.md), with the UTC instant each one means. */
const RENDERINGS: [string, string, string, string | undefined][] = [
  // [description, text, expected iso, expected note]
  ['AgentMesh isoformat', '2026-04-06T00:00:11.804508+00:00', '2026-04-06T00:00:11.804508Z', undefined],
  [
    'isoformat, microsecond 0 (no fraction)',
    '2026-04-09T13:00:06+00:00',
    '2026-04-09T13:00:06.000000Z',
    undefined,
  ],
  ['isoformat keeps .450000', '2026-04-09T13:00:00.450000+00:00', '2026-04-09T13:00:00.450000Z', undefined],
  ['isoformat, -03:00 offset', '2026-04-09T10:00:10.000074-03:00', '2026-04-09T13:00:10.000074Z', undefined],
  [
    'export default=str (space)',
    '2026-04-06 00:00:11.804508+00:00',
    '2026-04-06T00:00:11.804508Z',
    undefined,
  ],
  ['export pydantic (Z)', '2026-04-06T00:00:11.804508Z', '2026-04-06T00:00:11.804508Z', undefined],
  [
    'CloudEvents …+00:00Z',
    '2026-04-06T00:00:11.804508+00:00Z',
    '2026-04-06T00:00:11.804508Z',
    TIME_NOTES.offsetThenZ,
  ],
  [
    'CloudEvents …-03:00Z',
    '2026-04-09T10:00:10.000074-03:00Z',
    '2026-04-09T13:00:10.000074Z',
    TIME_NOTES.offsetThenZ,
  ],
  ['naive isoformat', '2026-04-09 13:00:16.000170', '2026-04-09T13:00:16.000170Z', TIME_NOTES.naive],
  ['meshguard milliseconds Z', '2024-03-14T02:14:20.079Z', '2024-03-14T02:14:20.079000Z', undefined],
  [
    'DuckDB TIMESTAMP text (runtime-steps Parquet)',
    '2025-02-11 08:01:45.831',
    '2025-02-11T08:01:45.831000Z',
    TIME_NOTES.naive,
  ],
  [
    'DuckDB TIMESTAMP text without .000',
    '2025-02-11 08:01:45',
    '2025-02-11T08:01:45.000000Z',
    TIME_NOTES.naive,
  ],
  [
    'offset crossing midnight and a year',
    '2024-12-31T23:30:00-01:00',
    '2025-01-01T00:30:00.000000Z',
    undefined,
  ],
  ['leap day', '2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000000Z', undefined],
  [
    'nanoseconds rounded half to even',
    '2024-01-01T00:00:00.0000005Z',
    '2024-01-01T00:00:00.000000Z',
    TIME_NOTES.subMicro,
  ],
  [
    'nanoseconds rounded up',
    '2024-01-01T23:59:59.9999996Z',
    '2024-01-02T00:00:00.000000Z',
    TIME_NOTES.subMicro,
  ],
];

describe('normalizeTimeText', () => {
  for (const [what, text, iso, note] of RENDERINGS) {
    it(what, () => {
      const r = normalizeTimeText(text);
      expect(r).toMatchObject({ ok: true, iso });
      expect(r.ok ? r.note : 'failed').toBe(note);
    });
  }

  it('names the non-RFC-3339 style so detection can report it', () => {
    expect(normalizeTimeText('2026-04-06T00:00:11.804508+00:00Z')).toMatchObject({ style: 'offset-then-z' });
    expect(normalizeTimeText('2026-04-06 00:00:11+00:00')).toMatchObject({ style: 'space-separated' });
    expect(normalizeTimeText('2026-04-06T00:00:11Z')).toMatchObject({ style: 'rfc3339' });
  });

  it.each([
    ['not a date', 'yesterday'],
    ['30 February', '2024-02-30T00:00:00Z'],
    ['29 February of a common year', '2023-02-29T00:00:00Z'],
    ['hour 24', '2024-01-01T24:00:00Z'],
    ['leap second', '2016-12-31T23:59:60Z'],
    ['offset hours 24', '2024-01-01T00:00:00+24:00'],
    ['year 0000 once in UTC', '0001-01-01T00:30:00+01:00'],
    ['trailing garbage', '2024-01-01T00:00:00Zjunk'],
    ['empty', ''],
  ])('rejects %s with a reason', (_what, text) => {
    const r = normalizeTimeText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.length).toBeGreaterThan(5);
  });

  it('agrees with Date for every millisecond instant of years 0001–9999', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0001-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59.999Z'),
          noInvalidDate: true,
        }),
        (d) => {
          const text = d.toISOString();
          expect(normalizeTimeText(text)).toMatchObject({ ok: true, iso: text.replace('Z', '000Z') });
          const millis = normalizeEpoch(String(d.getTime()), 'millis');
          expect(millis).toMatchObject({ ok: true, iso: text.replace('Z', '000Z') });
        },
      ),
    );
  });
});

describe('normalizeEpoch and normalizeTimeValue (gantz float seconds)', () => {
  it.each([
    ['1775466230.6820729', '2026-04-06T09:03:50.682073Z'], // gantz first event (MANIFEST: …50.682073+00:00)
    ['1775477282.0', '2026-04-06T12:08:02.000000Z'], // a whole second written with .0
    ['1.7754662306820729e9', '2026-04-06T09:03:50.682073Z'],
    ['0', '1970-01-01T00:00:00.000000Z'],
    ['-1.5', '1969-12-31T23:59:58.500000Z'],
  ])('%s seconds', (token, iso) => {
    expect(normalizeTimeValue(new JsonNumber(token))).toMatchObject({ ok: true, iso, style: 'epoch' });
  });

  it('keeps 17 significant digits exact (no JS number) and notes the rounding', () => {
    const r = normalizeEpoch('1775466230.6820725', 'seconds');
    expect(r).toMatchObject({ ok: true, iso: '2026-04-06T09:03:50.682072Z', note: TIME_NOTES.subMicro });
  });

  it('reads milliseconds, microseconds and nanoseconds', () => {
    expect(normalizeEpoch('1712345678901', 'millis')).toMatchObject({ iso: '2024-04-05T19:34:38.901000Z' });
    expect(normalizeEpoch('1712345678901234', 'micros')).toMatchObject({
      iso: '2024-04-05T19:34:38.901234Z',
    });
    expect(normalizeEpoch('1712345678901234567', 'nanos')).toMatchObject({
      iso: '2024-04-05T19:34:38.901235Z',
    });
  });

  it.each(['NaN', 'Infinity', '-Infinity', '1e400', '1e99999999', '99999999999999999999', 'abc', ''])(
    'rejects %s',
    (token) => {
      expect(normalizeEpoch(token, 'seconds').ok).toBe(false);
    },
  );

  it('rejects values that are not times', () => {
    expect(normalizeTimeValue(true).ok).toBe(false);
    expect(normalizeTimeValue(null).ok).toBe(false);
    expect(normalizeTimeValue(undefined).ok).toBe(false);
    expect(normalizeTimeValue([]).ok).toBe(false);
  });
});
