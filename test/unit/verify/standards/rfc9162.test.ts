/** RFC 9162 Merkle tree: published vectors plus an independent recursive reference tree (node:crypto). */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  leafHash,
  rootFromEntries,
  rootFromLeafHashes,
  verifyConsistency,
  verifyInclusion,
} from '../../../../shared/verify/standards/rfc9162';

/** list[i], failing the test instead of yielding undefined. */
function at<T>(list: readonly T[], i: number): T {
  const v = list[i];
  if (v === undefined) throw new Error(`no element ${i}`);
  return v;
}
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const unhex = (h: string): Uint8Array => new Uint8Array(Buffer.from(h, 'hex'));

// ---- an independent reference: RFC 9162 §2.1.1, §2.1.3.1 PATH and §2.1.4.1 PROOF, written recursively.
function sha(...parts: Uint8Array[]): Uint8Array {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
}
const refLeaf = (d: Uint8Array): Uint8Array => sha(Uint8Array.of(0), d);
function k(n: number): number {
  let p = 1;
  while (p << 1 < n) p <<= 1;
  return p;
}
function mth(d: Uint8Array[]): Uint8Array {
  if (d.length === 0) return sha();
  if (d.length === 1) return refLeaf(at(d, 0));
  const s = k(d.length);
  return sha(Uint8Array.of(1), mth(d.slice(0, s)), mth(d.slice(s)));
}
function path(m: number, d: Uint8Array[]): Uint8Array[] {
  if (d.length === 1) return [];
  const s = k(d.length);
  return m < s
    ? [...path(m, d.slice(0, s)), mth(d.slice(s))]
    : [...path(m - s, d.slice(s)), mth(d.slice(0, s))];
}
function subproof(m: number, d: Uint8Array[], complete: boolean): Uint8Array[] {
  if (m === d.length) return complete ? [] : [mth(d)];
  const s = k(d.length);
  return m <= s
    ? [...subproof(m, d.slice(0, s), complete), mth(d.slice(s))]
    : [...subproof(m - s, d.slice(s), false), mth(d.slice(0, s))];
}
const proof = (m: number, d: Uint8Array[]): Uint8Array[] => subproof(m, d, true);

function flipped(b: Uint8Array, byte = 0): Uint8Array {
  const c = b.slice();
  c[byte] = at([...c], byte) ^ 0x01;
  return c;
}

// The RFC 6962 reference data shared by google/certificate-transparency's merkle tree tests and
// transparency-dev/merkle (testonly/constants.go): 8 leaf inputs, the roots of sizes 0..8, and
// some of their inclusion/consistency proofs.
const CT_INPUTS = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(unhex);
const CT_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
// [0-based index, tree size, path]
const CT_INCLUSION: [number, number, string[]][] = [
  [
    0,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    5,
    8,
    [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [
    1,
    5,
    [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
];
// [size1, size2, proof]
const CT_CONSISTENCY: [number, number, string[]][] = [
  [1, 1, []],
  [
    1,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    6,
    8,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [
    2,
    5,
    [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
];

describe('RFC 6962/9162 published vectors', () => {
  it('reproduces the reference roots of sizes 0..8', () => {
    for (let n = 0; n <= 8; n++)
      expect(hex(rootFromEntries(CT_INPUTS.slice(0, n))), `size ${n}`).toBe(at(CT_ROOTS, n));
  });

  it('accepts the reference inclusion proofs and rejects them against another root', () => {
    for (const [i, n, p] of CT_INCLUSION) {
      const leaf = leafHash(at(CT_INPUTS, i));
      expect(verifyInclusion(leaf, i, n, p.map(unhex), unhex(at(CT_ROOTS, n)))).toEqual({ ok: true });
      expect(verifyInclusion(leaf, i, n, p.map(unhex), unhex(at(CT_ROOTS, n - 1))).ok).toBe(false);
    }
  });

  it('accepts the reference consistency proofs', () => {
    for (const [m, n, p] of CT_CONSISTENCY) {
      expect(
        verifyConsistency(m, n, p.map(unhex), unhex(at(CT_ROOTS, m)), unhex(at(CT_ROOTS, n))),
        `${m}→${n}`,
      ).toEqual({
        ok: true,
      });
    }
    const [, , p] = at(CT_CONSISTENCY, 2);
    expect(verifyConsistency(6, 8, p.map(unhex), unhex(at(CT_ROOTS, 5)), unhex(at(CT_ROOTS, 8))).ok).toBe(
      false,
    );
  });
});

describe('RFC 9162 against an independent reference tree, every pair up to n = 40', () => {
  const N = 40;
  const entries = Array.from({ length: N }, (_, i) => Uint8Array.of(i, (i * 37) & 0xff, 0x5a));
  const leaves = entries.map(refLeaf);
  const roots = Array.from({ length: N + 1 }, (_, n) => mth(entries.slice(0, n)));

  it('computes the same tree heads from leaves and from leaf hashes', () => {
    for (let n = 0; n <= N; n++) {
      expect(hex(rootFromEntries(entries.slice(0, n)))).toBe(hex(at(roots, n)));
      expect(hex(rootFromLeafHashes(leaves.slice(0, n)))).toBe(hex(at(roots, n)));
    }
  });

  it('verifies every inclusion proof and rejects every tampered one', () => {
    let checked = 0;
    for (let n = 1; n <= N; n++) {
      for (let i = 0; i < n; i++) {
        const p = path(i, entries.slice(0, n));
        expect(verifyInclusion(at(leaves, i), i, n, p, at(roots, n)), `i=${i} n=${n}`).toEqual({ ok: true });
        expect(verifyInclusion(flipped(at(leaves, i)), i, n, p, at(roots, n)).ok).toBe(false);
        p.forEach((_, j) => {
          const bad = p.map((h, x) => (x === j ? flipped(h, 31) : h));
          expect(verifyInclusion(at(leaves, i), i, n, bad, at(roots, n)).ok, `flip ${j} i=${i} n=${n}`).toBe(
            false,
          );
        });
        if (p.length > 0)
          expect(verifyInclusion(at(leaves, i), i, n, p.slice(0, -1), at(roots, n)).ok).toBe(false);
        expect(verifyInclusion(at(leaves, i), i, n, [...p, at(leaves, 0)], at(roots, n)).ok).toBe(false);
        if ((i ^ 1) < n) expect(verifyInclusion(at(leaves, i), i ^ 1, n, p, at(roots, n)).ok).toBe(false);
        checked++;
      }
    }
    expect(checked).toBe((N * (N + 1)) / 2);
  });

  it('verifies every consistency proof and rejects every tampered one', () => {
    let checked = 0;
    for (let n = 1; n <= N; n++) {
      for (let m = 1; m <= n; m++) {
        const p = proof(m, entries.slice(0, n));
        expect(verifyConsistency(m, n, p, at(roots, m), at(roots, n)), `${m}→${n}`).toEqual({ ok: true });
        if (m < n) {
          expect(verifyConsistency(m, n, p, flipped(at(roots, m)), at(roots, n)).ok).toBe(false);
          expect(verifyConsistency(m, n, p, at(roots, m), flipped(at(roots, n))).ok).toBe(false);
          p.forEach((_, j) => {
            const bad = p.map((h, x) => (x === j ? flipped(h, 7) : h));
            expect(verifyConsistency(m, n, bad, at(roots, m), at(roots, n)).ok, `flip ${j} ${m}→${n}`).toBe(
              false,
            );
          });
          expect(verifyConsistency(m, n, p.slice(0, -1), at(roots, m), at(roots, n)).ok).toBe(false);
          expect(verifyConsistency(m, n, [...p, at(roots, 1)], at(roots, m), at(roots, n)).ok).toBe(false);
        }
        checked++;
      }
    }
    expect(checked).toBe((N * (N + 1)) / 2);
  });
});

describe('RFC 9162 proof edge cases', () => {
  const leaf = leafHash(Uint8Array.of(1));
  it('rejects an index outside the tree, negative or fractional sizes and short hashes', () => {
    expect(verifyInclusion(leaf, 0, 0, [], leaf)).toMatchObject({ ok: false, reason: /not inside/ });
    expect(verifyInclusion(leaf, 3, 3, [], leaf).ok).toBe(false);
    expect(verifyInclusion(leaf, -1, 3, [], leaf).ok).toBe(false);
    expect(verifyInclusion(leaf, 0.5, 3, [], leaf).ok).toBe(false);
    expect(verifyInclusion(leaf, 0, 2, [leaf.slice(0, 31)], leaf)).toMatchObject({
      ok: false,
      reason: /31 bytes/,
    });
  });

  it('a one-leaf tree: the leaf hash is the root and the path is empty', () => {
    expect(verifyInclusion(leaf, 0, 1, [], leaf)).toEqual({ ok: true });
    expect(verifyInclusion(leaf, 0n, 1n, [], leaf)).toEqual({ ok: true });
  });

  it('consistency: a larger first tree, size 0, equal sizes', () => {
    const r = rootFromLeafHashes([leaf]);
    expect(verifyConsistency(2, 1, [], r, r).ok).toBe(false);
    expect(verifyConsistency(0, 5, [], r, r)).toEqual({ ok: true });
    expect(verifyConsistency(0, 5, [r], r, r).ok).toBe(false);
    expect(verifyConsistency(3, 3, [], r, r)).toEqual({ ok: true });
    expect(verifyConsistency(3, 3, [], r, flipped(r)).ok).toBe(false);
    expect(verifyConsistency(3, 5, [], r, r)).toMatchObject({ ok: false, reason: /empty/ });
  });
});
