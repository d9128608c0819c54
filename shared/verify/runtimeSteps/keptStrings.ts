/**
 * Strings kept after a record was checked. The lossless parser returns slices of the record's
 * text, and an engine may keep a slice's whole parent alive (V8 does for slices of 13+ units):
 * one kept run id or hash would pin the whole line, and every line the whole file. A copy does not.
 */

/** A copy of `s` that shares no storage with the text it was cut from. */
export function detached(s: string): string {
  // Concatenation then slicing makes the engine flatten into a new string first.
  return (' ' + s).slice(1);
}

/** One copy per distinct value (run ids, tenants, phases repeat on many events). */
export class StringPool {
  private readonly kept = new Map<string, string>();

  keep(s: string): string {
    const known = this.kept.get(s);
    if (known !== undefined) return known;
    const copy = detached(s);
    this.kept.set(copy, copy);
    return copy;
  }
}
