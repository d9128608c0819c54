/** Hand-made runtime-steps records (formats/runtime-steps.md §2) for the native import tests. */

/** A runtime-steps line with `changes` applied (undefined removes a member), as raw JSON text. */
export function stepLine(step: number, changes: Record<string, string | undefined> = {}): string {
  const base: Record<string, string> = {
    run_id: '"run_1"',
    step_id: String(step),
    tenant_id: '"tnt_x"',
    action: '"crm.search"',
    action_key: '"k1"',
    timestamp: '"2025-02-11T08:01:35.625Z"',
    phase: '"pre_exec"',
    decision: '"allow"',
    reason: '"policy_ok"',
    actor: '"agent:booker"',
    scope: '"user"',
    args_hash: '"00"',
    prev: `"${'0'.repeat(64)}"`,
    hash: `"${'a'.repeat(64)}"`,
    sig: '"00"',
  };
  const members = Object.entries({ ...base, ...changes }).filter(
    (e): e is [string, string] => e[1] !== undefined,
  );
  return `{${members.map(([k, v]) => `"${k}":${v}`).join(',')}}`;
}

/** The same record as Python's json.dumps lays it out by default: a space after each comma and colon. */
export function pythonLayout(line: string): string {
  const members = Object.entries(JSON.parse(line) as Record<string, unknown>);
  return `{${members.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}}`;
}

/**
 * Python's default spacing at every depth, by text: a space after each `,"` and `":`. For lines
 * whose strings hold neither (the hand-made lines of the native tests).
 */
export function spacedLayout(line: string): string {
  return line.replace(/,"/g, ', "').replace(/":/g, '": ');
}
