/** Hand-made runtime-steps CloudEvents (formats/runtime-steps.md §7) for the native import tests. */
import { stepLine } from './runtimeStepLine';

/**
 * A CloudEvent wrapping stepLine(step, dataChanges), with `changes` applied to the envelope
 * (raw JSON text; undefined removes a member, and `data` replaces the event's text).
 */
export function stepCloudEventLine(
  step: number,
  changes: Record<string, string | undefined> = {},
  dataChanges: Record<string, string | undefined> = {},
): string {
  const base: Record<string, string> = {
    specversion: '"1.0"',
    id: `"run_1/${step}/pre_exec"`,
    source: '"//runtime.example/tenants/tnt_x"',
    type: '"io.agentruntime.step.pre_exec"',
    subject: '"run_1"',
    time: '"2025-02-11T08:01:35.625Z"',
    datacontenttype: '"application/json"',
    data: stepLine(step, dataChanges),
  };
  const members = Object.entries({ ...base, ...changes }).filter(
    (e): e is [string, string] => e[1] !== undefined,
  );
  return `{${members.map(([k, v]) => `"${k}":${v}`).join(',')}}`;
}
