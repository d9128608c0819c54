/**
 * In-chain `audit_integrity` checkpoints (fixtures MANIFEST "In-chain checkpoints"): a checkpoint
 * at index k logs `data.entries_checked == k`, `data.merkle_root` = root of entries 0..k-1 and
 * `data.last_entry_hash` = entry_hash of entry k-1. A rewrite of earlier entries (even re-chained,
 * with a recomputed header) no longer matches the prefix roots logged after it.
 */
import { isJsonObject, JsonNumber, type JsonValue } from '../../json/value';
import type { HashProvider } from '../profile';
import type { Finding } from '../types';
import { MerkleAccumulator } from './merkle';
import { positionOf } from '../chain/position';

interface Pending {
  entryIndex: number;
  line?: number;
  claimed: number;
  loggedRoot: string;
  loggedLast: unknown;
}

/** Walks a whole chain once: the full Merkle root plus every checkpoint's prefix root. */
export class ChainMerkleTracker {
  private readonly acc: MerkleAccumulator;
  private readonly pending = new Map<number, Pending[]>();
  private lastLeaf: string | null = null;
  private broken = false;
  readonly findings: Finding[] = [];

  constructor(hash: HashProvider) {
    this.acc = new MerkleAccumulator(hash);
  }

  /** Feeds entry `entryIndex` (its stored hash is the leaf), registering it first if it is a checkpoint. */
  observe(
    at: { entryIndex: number; line?: number },
    storedHash: unknown,
    eventType: unknown,
    data: JsonValue | undefined,
  ): void {
    const checkpoint = eventType === 'audit_integrity' ? readCheckpoint(data) : null;
    if (checkpoint) {
      const p: Pending = { ...at, ...checkpoint };
      if (p.claimed <= this.acc.count) this.resolve(p);
      else this.pending.set(p.claimed, [...(this.pending.get(p.claimed) ?? []), p]);
    }
    if (typeof storedHash !== 'string') {
      // Without this leaf no later root can be recomputed; the missing hash is reported elsewhere.
      this.broken = true;
      return;
    }
    if (this.broken) return;
    this.acc.push(storedHash);
    this.lastLeaf = storedHash;
    for (const p of this.pending.get(this.acc.count) ?? []) this.resolve(p);
    this.pending.delete(this.acc.count);
  }

  /** Root over every entry, or null if an entry had no usable hash. Reports checkpoints claiming more entries than exist. */
  finish(): string | null {
    for (const list of this.pending.values()) {
      for (const p of list) {
        if (this.broken) continue;
        this.findings.push(
          this.mismatch(
            p,
            `it claims ${p.claimed} entries were checked, but the chain has only ${this.acc.count}`,
          ),
        );
      }
    }
    this.pending.clear();
    return this.broken ? null : this.acc.root();
  }

  private resolve(p: Pending): void {
    if (this.broken) return;
    if (p.claimed !== this.acc.count) {
      this.findings.push(
        this.mismatch(
          p,
          `it claims ${p.claimed} entries were checked, but ${this.acc.count} entries precede it`,
        ),
      );
      return;
    }
    const root = this.acc.root() ?? 'null';
    const problems: string[] = [];
    if (root !== p.loggedRoot)
      problems.push(
        `the root of the first ${p.claimed} entries recomputes to ${root}, the checkpoint logged ${p.loggedRoot}`,
      );
    if (p.loggedLast !== undefined && p.loggedLast !== this.lastLeaf) {
      problems.push(
        `entry ${p.claimed - 1} has entry_hash ${String(this.lastLeaf)}, the checkpoint logged ${String(p.loggedLast)}`,
      );
    }
    if (p.entryIndex !== p.claimed) problems.push(`it sits at index ${p.entryIndex}, not ${p.claimed}`);
    if (problems.length > 0) this.findings.push(this.mismatch(p, problems.join('; '), root));
  }

  private mismatch(p: Pending, why: string, actual?: string): Finding {
    const where = positionOf(p);
    return {
      kind: 'checkpoint_mismatch',
      ...where,
      field: 'data.merkle_root',
      detail: `audit_integrity checkpoint (entries_checked=${p.claimed}) disagrees with this file: ${why}; entries before it were rewritten, inserted or removed`,
      expected: p.loggedRoot,
      ...(actual === undefined ? {} : { actual }),
    };
  }
}

function readCheckpoint(
  data: JsonValue | undefined,
): { claimed: number; loggedRoot: string; loggedLast: unknown } | null {
  if (!isJsonObject(data)) return null;
  const checked = data.entries_checked;
  const root = data.merkle_root;
  if (!(checked instanceof JsonNumber) || !checked.isInteger || typeof root !== 'string') return null;
  const claimed = checked.toDouble();
  if (!Number.isSafeInteger(claimed) || claimed < 0) return null;
  return { claimed, loggedRoot: root, loggedLast: data.last_entry_hash };
}
