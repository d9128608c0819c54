/**
 * Decodes an HMAC secret: UTF-8 text used as is, hex (the raw bytes it decodes to), or the text
 * of a file holding hex (formats/runtime-steps.md §5.2: the key is the 32 bytes the hex decodes
 * to, never the hex text itself, §12).
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { decodeHex } from './encoding';
import { keyError, keyOk, type KeyResult } from './keyResult';

export interface HmacKeyInput {
  /** A passphrase-like secret: its UTF-8 bytes are the key. */
  text?: string;
  /** Hex digits: the bytes they decode to are the key. */
  hex?: string;
  /** The contents of a key file holding hex (surrounding whitespace and one trailing newline are ignored). */
  fileText?: string;
}

export function parseHmacKey(input: HmacKeyInput): KeyResult<Uint8Array> {
  const given = [input.text, input.hex, input.fileText].filter((v) => v !== undefined).length;
  if (given !== 1) return keyError('give exactly one of: secret text, hex, or a key file');
  if (input.text !== undefined) {
    if (input.text === '') return keyError('empty HMAC secret');
    return keyOk(utf8ToBytes(input.text));
  }
  const hex = (input.hex ?? input.fileText ?? '').trim();
  const where = input.hex !== undefined ? 'HMAC key hex' : 'HMAC key file';
  if (hex === '') return keyError(`${where}: empty`);
  const bytes = decodeHex(hex);
  if (!bytes.ok) return keyError(`${where}: ${bytes.error}`);
  return keyOk(bytes.value);
}
