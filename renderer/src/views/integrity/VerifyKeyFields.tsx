/** The Verify dialog's key material and anchors: HMAC key (text or hex), Ed25519 keys, key ring, anchors. */
import type { ReactNode } from 'react';
import { guessHmacEncoding, type VerifyForm } from '../../integrity/verifyRequest';
import { KeyTextField } from './KeyTextField';

interface VerifyKeyFieldsProps {
  form: VerifyForm;
  set(patch: Partial<VerifyForm>): void;
  /** The request field an error named (`keys` or `anchors`), to mark the inputs concerned. */
  invalid: string | undefined;
}

export function VerifyKeyFields({ form, set, invalid }: VerifyKeyFieldsProps): ReactNode {
  return (
    <>
      <KeyTextField
        label="HMAC key"
        hint="The shared secret of an HMAC-signed log (agentmesh sink, runtime-steps), as text or hex."
        value={form.hmacKey}
        onChange={(hmacKey) => set({ hmacKey })}
        onFile={(hmacKey, name) => set({ hmacKey, hmacEncoding: guessHmacEncoding(hmacKey, name) })}
        testId="verify-hmac"
        rows={0}
        secret
        invalid={invalid === 'keys'}
      >
        <select
          aria-label="HMAC key encoding"
          value={form.hmacEncoding}
          onChange={(e) => set({ hmacEncoding: e.target.value === 'hex' ? 'hex' : 'text' })}
          data-testid="verify-hmac-encoding"
        >
          <option value="text">text (UTF-8)</option>
          <option value="hex">hex</option>
        </select>
      </KeyTextField>
      <KeyTextField
        label="Ed25519 public keys"
        hint="Hex, base64url, JWK or PEM; several keys separated by blank lines. Each loaded file is added."
        value={form.publicKeys}
        onChange={(publicKeys) => set({ publicKeys })}
        onFile={(text) =>
          set({ publicKeys: form.publicKeys.trim() === '' ? text : `${form.publicKeys.trim()}\n\n${text}` })
        }
        testId="verify-public-keys"
        rows={3}
        invalid={invalid === 'keys'}
      />
      <KeyTextField
        label="Key ring (JSON)"
        hint="Keys with ids and validity windows, e.g. a producer's published keys file."
        value={form.keyring}
        onChange={(keyring) => set({ keyring })}
        onFile={(keyring) => set({ keyring })}
        testId="verify-keyring"
        rows={3}
        invalid={invalid === 'keys'}
      />
      <KeyTextField
        label="Anchors (JSON)"
        hint={
          'Published counts, roots or heads: a producer’s anchors file applies to that producer’s archives ' +
          'only; a {"chains":[…]} file applies to every chosen archive, so choose the ones it was published for.'
        }
        value={form.anchors}
        onChange={(anchors) => set({ anchors })}
        onFile={(anchors) => set({ anchors })}
        testId="verify-anchors"
        rows={3}
        invalid={invalid === 'anchors'}
      />
    </>
  );
}
