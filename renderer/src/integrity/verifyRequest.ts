/** Turns the Verify dialog's fields into a `verify.run` request: empty fields are left out, keys split. */
import type { Request } from '../../../shared/contract/api';

export type HmacEncoding = 'text' | 'hex';

/** What the user typed or picked in the dialog; lives only in the dialog's state. */
export interface VerifyForm {
  archiveIds: readonly string[];
  hmacKey: string;
  hmacEncoding: HmacEncoding;
  /** Ed25519 public keys: hex, base64url, JWK or PEM, several separated by blank lines. */
  publicKeys: string;
  keyring: string;
  anchors: string;
}

export const EMPTY_VERIFY_FORM: VerifyForm = {
  archiveIds: [],
  hmacKey: '',
  hmacEncoding: 'text',
  publicKeys: '',
  keyring: '',
  anchors: '',
};

const PEM_BLOCK = /-----BEGIN [A-Z0-9 ]+-----[\s\S]*?-----END [A-Z0-9 ]+-----/g;

/**
 * Splits pasted public keys into one string per key: PEM blocks as they are, a block starting
 * with `{` (a JWK) whole, and hex or base64url keys (which hold no spaces) one per word.
 */
export function splitPublicKeys(text: string): string[] {
  const pems = text.match(PEM_BLOCK) ?? [];
  const rest = text.replace(PEM_BLOCK, '\n\n');
  const others = rest
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .flatMap((block) => (block.startsWith('{') ? [block] : block.split(/\s+/)));
  return [...pems, ...others];
}

/** A key read from a file usually ends with a newline that is not part of the key. */
function withoutTrailingNewlines(text: string): string {
  return text.replace(/[\r\n]+$/, '');
}

type VerifyKeys = NonNullable<Request<'verify.run'>['keys']>;

function keysOf(form: VerifyForm): VerifyKeys | undefined {
  const keys: VerifyKeys = {};
  const hmac = withoutTrailingNewlines(form.hmacKey);
  if (hmac !== '') {
    if (form.hmacEncoding === 'hex') keys.hmacHex = hmac.trim();
    else keys.hmacText = hmac;
  }
  const publicKeys = splitPublicKeys(form.publicKeys);
  if (publicKeys.length > 0) keys.publicKeys = publicKeys;
  if (form.keyring.trim() !== '') keys.keyring = form.keyring;
  return Object.keys(keys).length > 0 ? keys : undefined;
}

/** The request; `archiveIds` is left out when every archive of the case is chosen. */
export function buildVerifyRequest(
  form: VerifyForm,
  caseArchiveIds: readonly string[],
): Request<'verify.run'> {
  const all = caseArchiveIds.length > 0 && caseArchiveIds.every((id) => form.archiveIds.includes(id));
  const keys = keysOf(form);
  return {
    ...(all ? {} : { archiveIds: [...form.archiveIds] }),
    ...(keys ? { keys } : {}),
    ...(form.anchors.trim() !== '' ? { anchors: form.anchors } : {}),
  };
}

/** "text" unless the key looks like hex (a `.hex` file, or only hex digits of even length ≥ 32). */
export function guessHmacEncoding(text: string, fileName?: string): HmacEncoding {
  if (fileName?.toLowerCase().endsWith('.hex')) return 'hex';
  const compact = text.replace(/\s+/g, '');
  return compact.length >= 32 && compact.length % 2 === 0 && /^[0-9a-fA-F]+$/.test(compact) ? 'hex' : 'text';
}
