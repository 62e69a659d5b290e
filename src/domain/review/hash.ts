/**
 * Small, stable text hashes for the review: finding keys of very long labels,
 * the signed values and the sign-off fingerprint. Pure JS (FNV-1a over UTF-16
 * code units, two 32-bit lanes), the same in Node, the browser and Excel's
 * webview. Not a security measure: it notices a change, it does not prove
 * that nobody made one on purpose.
 *
 * (The register's co-authoring check has its own private hash in
 * register/fingerprint.ts; this one is kept apart so that the stored
 * fingerprints never change when that module does.)
 */

/** 32-bit FNV-1a of `text`, as 8 hex digits. */
export function hash8(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** 64 bits of `text` (FNV-1a and a second lane seeded differently), as 16 hex digits. */
export function hash16(text: string): string {
  let h2 = 0x6c62272e ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h2 = Math.imul(h2 ^ text.charCodeAt(i), 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return hash8(text) + (h2 >>> 0).toString(16).padStart(8, '0');
}
