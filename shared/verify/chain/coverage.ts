/**
 * Collects which unauthenticated members actually occur in a file's records (formats/README.md
 * lesson 4): the format's uncovered list, in its order, plus any member the format does not know
 * (the producers' readers ignore extra keys, so nothing protects them).
 */
import { isJsonObject, type JsonValue } from '../../json/value';

export class CoverageCollector {
  private readonly seen = new Set<string>();
  private readonly extras = new Set<string>();

  constructor(
    private readonly uncovered: readonly string[],
    /** Members the format defines (covered or not); `all` when every other member is covered. */
    private readonly known: ReadonlySet<string> | 'all',
    private readonly prefix = '',
  ) {}

  add(record: JsonValue | undefined): void {
    if (!isJsonObject(record)) return;
    for (const key of Object.keys(record)) {
      if (this.uncovered.includes(key)) this.seen.add(key);
      else if (this.known !== 'all' && !this.known.has(key)) this.extras.add(key);
    }
  }

  fields(): string[] {
    const listed = this.uncovered.filter((k) => this.seen.has(k));
    return [...listed, ...[...this.extras].sort()].map((k) => this.prefix + k);
  }
}
