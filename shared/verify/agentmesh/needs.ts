/** What only a published anchor reveals in AgentMesh archives (formats/README.md lesson 5, formats/agentmesh.md §5-§6). */
import { TAIL_TRUNCATION, type AnchorNeed } from '../chain/outcome';

export const RECHAINED_KEYLESS: AnchorNeed = {
  text: 'an insertion, deletion or edit followed by re-chaining (no key protects this copy; in-chain audit_integrity checkpoints count only if their roots were published elsewhere)',
  revealedBy: ['head', 'root'],
};

export const RECHAINED_UNKEYED_SINK: AnchorNeed = {
  text: 'an edit, insertion or deletion followed by re-chaining (no HMAC key was supplied)',
  revealedBy: ['head'],
};

/** Per-file anchors cannot reveal a whole rotated file that is missing: nothing links rotated files. */
export const ROTATED_FILE_REMOVED: AnchorNeed = {
  text: 'removal of a whole rotated file (each rotated sink file restarts its chain at "")',
  revealedBy: [],
};

export const KEYLESS_NEEDS: AnchorNeed[] = [TAIL_TRUNCATION, RECHAINED_KEYLESS];

/** A window of a longer log: the header/whole-log root covers entries outside the file. */
export function windowNeed(what: string): AnchorNeed {
  return { text: what, revealedBy: [] };
}
