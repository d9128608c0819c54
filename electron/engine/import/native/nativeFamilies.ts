/**
 * Families DuckDB can normalize by itself for plain rows (nativeJsonl.ts). Each entry restates
 * its JS mapper (shared/ingest/normalize/*) in SQL for the simple shapes only: `plain` is true
 * exactly when the mapper would map the row with no note and get what `columns` compute. Rows
 * that are not plain go to the JS mapper, which stays the reference; the equivalence tests import
 * every fixture both ways and compare every column.
 */
import { agentmeshSink } from './families/agentmeshSink';
import { meshguard } from './families/meshguard';
import { meshguardSiem } from './families/meshguardSiem';
import { runtimeSteps, runtimeStepsCloudEvents } from './families/runtimeSteps';

export type NestedField = 'text' | 'integer' | { listOf: string };

/**
 * A member of the producer's own line (NativeFamily `layout`): its name, with a `?` after it when
 * the producer leaves it out of some records, or a closed member's object with its fields.
 */
export type LayoutEntry = string | { object: string; fields: readonly LayoutEntry[] };

export interface NativeFamily {
  producer: string;
  /**
   * Top-level members the columns read (each as `v_<name>`, sqlFields.ts). `strings` must hold a
   * JSON string or null when present (recordShape.ts checks). `tokens` are read from their JSON
   * text, so their plain rule must accept only text both readers read alike (step_id: an integer
   * token, or the same digits in a string, which RecordReader.requireInteger also takes), and no
   * rendering longer than the token itself (recordShape.ts compactLength counts on it).
   */
  strings: readonly string[];
  tokens: readonly string[];
  /**
   * The format's other top-level members, all strings, which no column reads. They are read and
   * type-checked all the same, so that a record's length can be accounted for (recordShape.ts);
   * a record with a key named in none of the lists goes to the JS path.
   */
  others: readonly string[];
  /**
   * Top-level members of any JSON type that no column reads (AgentMesh's free-form `data`). They
   * are counted among the format's keys but not read; a family with any is shown read alike by
   * the general check only (recordShape.ts), since their text has no fixed length.
   */
  free: readonly string[];
  /**
   * Fields read inside a free-form member (AgentMesh `data.reason`, meshguard `agent.id`), each as
   * `v_<member>__<field>` (sqlFields.ts nestedMember). A member that is not an object reads as
   * all fields absent, as the JS reader's paths do. Each field's key appears at most once in the
   * whole record: DuckDB reads a repeated key first-wins, the JS parser last-wins
   * (recordShape.ts). By kind:
   * - `text`: must hold a string or null wherever its key appears, like `strings`;
   * - `integer`: read as DuckDB's rendering, which the family's plain rule must check;
   * - `{ listOf: f }`: an array of objects, read as the list of their `f` (VARCHAR[]); `f` must
   *   be a string or null wherever it appears, and appear once in each element and nowhere else.
   */
  nested: Readonly<Record<string, Readonly<Record<string, NestedField>>>>;
  /**
   * Free-form members whose nested fields are all the members their object may hold (none a
   * list): when every free-form member is closed, a compact record's length can be accounted for
   * (recordShape.ts compactLength), as for a flat family.
   */
  closed: readonly string[];
  /**
   * Names that send a row to the JS path wherever they appear in quotes, as a key or as a string
   * value (recordShape.ts): members the columns would need but the SQL does not restate.
   */
  refused: readonly string[];
  /**
   * The producer's own line, member by member in its order, compact (formats/*.md): a record that
   * is exactly this text filled with the values DuckDB read is read alike at the cost of one
   * string comparison (recordShape.ts producerLayout); any other record takes the checks.
   */
  layout?: readonly LayoutEntry[];
  /** SQL boolean over the members (and `record`), given their types (recordShape.ts). */
  plain: string;
  /** Canonical column → SQL expression; columns not named are NULL. */
  columns: Readonly<Record<string, string>>;
  /**
   * Canonical columns the family's JS mapper may fill beyond `columns`, for the rows the INSERT
   * leaves out: the case gets them before the INSERT (eventTable.ts), so that such a row does not
   * make the import run again (nativeFamilies tests check the fixtures against this list).
   */
  mapperAlsoFills: readonly string[];
}

const FAMILIES: ReadonlyMap<string, NativeFamily> = new Map([
  [runtimeSteps.producer, runtimeSteps],
  [agentmeshSink.producer, agentmeshSink],
  [meshguard.producer, meshguard],
  [runtimeStepsCloudEvents.producer, runtimeStepsCloudEvents],
  [meshguardSiem.producer, meshguardSiem],
]);

/** The top-level members the INSERT reads (json_transform): all but the free-form ones. */
export function readMembersOf(family: NativeFamily): readonly string[] {
  return [...family.strings, ...family.tokens, ...family.others];
}

/** Every top-level member the format names (recordShape.ts counts a record's keys against them). */
export function membersOf(family: NativeFamily): readonly string[] {
  return [...readMembersOf(family), ...family.free];
}

/** The canonical columns an import of the family may fill, on either path. */
export function columnsFilledBy(family: NativeFamily): string[] {
  return [...Object.keys(family.columns), ...family.mapperAlsoFills];
}

export function nativeFamily(producer: string): NativeFamily | undefined {
  return FAMILIES.get(producer);
}

/** A family's nested fields, each with its member and kind. */
export function nestedFieldsOf(family: NativeFamily): { member: string; field: string; kind: NestedField }[] {
  return Object.entries(family.nested).flatMap(([m, fields]) =>
    Object.entries(fields).map(([field, kind]) => ({ member: m, field, kind })),
  );
}
