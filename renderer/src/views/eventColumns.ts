/** Which canonical columns the events table shows, their labels and widths (px). */
import type { GridColumn } from '../components/VirtualGrid';

function decisionClass(value: string | null): string {
  // Decisions are the canonical words (shared/ingest/decision.ts); colour only what an auditor scans for.
  if (value === 'allow') return 'decision decision-allow';
  if (value === 'deny' || value === 'stop') return 'decision decision-block';
  if (value === 'approval_required') return 'decision decision-approval';
  return 'decision';
}

/** Decision sits early: with the detail panel open it must still be on screen. */
export const EVENT_COLUMNS: readonly GridColumn[] = [
  { name: 'row_id', label: '#', width: 76, numeric: true },
  { name: 'ts', label: 'Time (UTC)', width: 232 },
  { name: 'producer', label: 'Producer', width: 150 },
  { name: 'event_type', label: 'Event type', width: 160 },
  { name: 'decision', label: 'Decision', width: 150, cellClass: decisionClass },
  { name: 'agent_id', label: 'Agent', width: 180 },
  { name: 'action', label: 'Action', width: 140 },
  { name: 'resource', label: 'Resource', width: 220 },
  { name: 'outcome', label: 'Outcome', width: 90 },
  { name: 'run_id', label: 'Run', width: 150 },
  { name: 'step', label: 'Step', width: 56, numeric: true },
  { name: 'phase', label: 'Phase', width: 80 },
  { name: 'line', label: 'Line', width: 72, numeric: true },
];

export const QUARANTINE_COLUMNS: readonly GridColumn[] = [
  { name: 'path', label: 'File', width: 260 },
  { name: 'line', label: 'Line', width: 72, numeric: true },
  { name: 'byte_offset', label: 'Byte offset', width: 100, numeric: true },
  { name: 'reason', label: 'Reason', width: 340 },
  { name: 'field', label: 'Field', width: 140 },
  { name: 'raw', label: 'Raw bytes', width: 520 },
];
