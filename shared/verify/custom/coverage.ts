/**
 * Which stored fields a user-defined profile leaves unprotected (formats/README.md lesson 4):
 * every member the covered object does not contain, except the integrity fields themselves
 * (hash, link, signature, key id), which are checked in their own way. Inside a member that
 * holds integrity fields (`integrity`), its other sub-members are listed one by one.
 */
import { isJsonObject, type JsonObject } from '../../json/value';
import type { CustomProfileSpec } from './schema';

export class UncoveredFields {
  private readonly seen = new Set<string>();
  private readonly integrity: ReadonlySet<string>;

  constructor(spec: CustomProfileSpec) {
    const paths = [
      spec.hashField,
      spec.signature?.field,
      spec.signature ? spec.signature.keyIdField : undefined,
    ];
    if (spec.chain) paths.push(spec.chain.prevField);
    this.integrity = new Set(paths.filter((p): p is string => p !== undefined));
  }

  private holdsIntegrity(member: string): boolean {
    return [...this.integrity].some((p) => p.startsWith(`${member}.`));
  }

  /** Records `record`'s members that `covered` (the hashed object) does not contain. */
  add(record: JsonObject, covered: JsonObject): void {
    for (const member of Object.keys(record)) {
      if (Object.hasOwn(covered, member) || this.integrity.has(member)) continue;
      const value = record[member];
      if (this.holdsIntegrity(member) && isJsonObject(value)) {
        for (const sub of Object.keys(value)) {
          const path = `${member}.${sub}`;
          if (!this.integrity.has(path)) this.seen.add(path);
        }
      } else {
        this.seen.add(member);
      }
    }
  }

  fields(): string[] {
    return [...this.seen];
  }
}
