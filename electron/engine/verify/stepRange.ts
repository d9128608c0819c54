/**
 * Checks the runtime-steps events of one byte range of a JSONL file on their own (parse, JCS,
 * SHA-256, HMAC: the per-event, order-independent work, formats/runtime-steps.md §6 steps 1–2),
 * for a worker thread or the calling thread. Positions are local to the range; precheckSteps.ts
 * shifts them. Results travel in columns (cloning one object per event cost ~5 µs each).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { positionOf } from '../../../shared/verify/chain/position';
import { readRecord } from '../../../shared/verify/meshguard/records';
import type { ResolvedKeys } from '../../../shared/verify/profile';
import { StringPool } from '../../../shared/verify/runtimeSteps/keptStrings';
import { checkStep, type StepCheck } from '../../../shared/verify/runtimeSteps/stepCheck';
import { LineSplitter, type LineRecord } from '../import/lines';
import { nodeHash } from './nodeHash';

export interface RangeJob {
  path: string;
  /** Byte offsets: `start` is 0 or just after a `\n`; `end` is just after a `\n` or the file's end. */
  start: number;
  end: number;
  keys: ResolvedKeys['hmac'];
}

/**
 * One range's checks, record i in row i. A plain event (no finding, hash verified, no kept `sig`)
 * is all columns; any other check is whole in `others` with its key left out.
 */
export interface RangeResult {
  /** Physical lines in the range (its `\n` count, plus one for an unterminated last line). */
  lines: number;
  line: number[];
  textLength: number[];
  /** Index in the job's keys of the key that verified the HMAC, -1 for none. */
  keyIndex: number[];
  /** Index in `strings` of run id, tenant (-1: none) and phase. */
  runId: number[];
  tenantId: number[];
  phase: number[];
  strings: string[];
  prev: string[];
  hash: string[];
  step: string[];
  others: Map<number, StepCheck>;
}

const CHUNK = 4 * 1024 * 1024;
const LF = 0x0a;

function emptyResult(): RangeResult {
  return {
    lines: 0,
    line: [],
    textLength: [],
    keyIndex: [],
    runId: [],
    tenantId: [],
    phase: [],
    strings: [],
    prev: [],
    hash: [],
    step: [],
    others: new Map(),
  };
}

function columns(out: RangeResult, keys: RangeJob['keys']): (check: StepCheck, textLength: number) => void {
  const ids = new Map<string, number>();
  const id = (s: string): number => {
    let i = ids.get(s);
    if (i === undefined) {
      i = out.strings.push(s) - 1;
      ids.set(s, i);
    }
    return i;
  };
  return (check, textLength) => {
    const row = out.line.length;
    out.line.push(check.line ?? -1);
    out.textLength.push(textLength);
    const plain = check.ok && check.findings.length === 0 && check.hashOk && check.sig === undefined;
    out.keyIndex.push(plain && check.verifiedBy !== undefined ? keys.indexOf(check.verifiedBy) : -1);
    out.runId.push(plain ? id(check.runId) : -1);
    out.tenantId.push(plain && check.tenantId !== undefined ? id(check.tenantId) : -1);
    out.phase.push(plain ? id(check.phase) : -1);
    out.prev.push(plain ? check.prev : '');
    out.hash.push(plain ? check.hash : '');
    out.step.push(plain ? check.step : '');
    // Not plain: whole; the key is named by index, as a key cannot cross threads by identity.
    if (!plain) {
      const key = check.ok && check.verifiedBy !== undefined ? keys.indexOf(check.verifiedBy) : -1;
      out.keyIndex[row] = key;
      out.others.set(row, check.ok ? { ...check, verifiedBy: undefined } : check);
    }
  };
}

export function checkStepRange(job: RangeJob): RangeResult {
  const keys = job.keys.length > 0 ? job.keys : null;
  const pool = new StringPool();
  const decoder = new TextDecoder('utf-8');
  const out = emptyResult();
  const add = columns(out, job.keys);
  let lastByte = LF;
  const splitter = new LineSplitter((r: LineRecord) => {
    const text = decoder.decode(r.bytes);
    const read = readRecord({ entryIndex: r.entryIndex, line: r.line, text });
    const at = positionOf(read);
    add(
      read.ok
        ? checkStep(read.value, at, nodeHash, keys, pool)
        : { ...at, ok: false, findings: [read.finding] },
      text.length,
    );
  });
  const fd = openSync(job.path, 'r');
  try {
    const chunk = new Uint8Array(CHUNK);
    for (let pos = job.start; pos < job.end;) {
      const n = readSync(fd, chunk, 0, Math.min(CHUNK, job.end - pos), pos);
      if (n <= 0) break;
      const data = chunk.subarray(0, n);
      for (let i = data.indexOf(LF); i >= 0; i = data.indexOf(LF, i + 1)) out.lines++;
      lastByte = data[n - 1] ?? LF;
      splitter.push(data);
      pos += n;
    }
    splitter.end();
  } finally {
    closeSync(fd);
  }
  if (lastByte !== LF) out.lines++;
  return out;
}
