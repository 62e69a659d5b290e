/**
 * Labels as matching compares them: case-folded, æ/ø/å spelled out, other diacritics stripped,
 * punctuation and any whitespace as single spaces (`Helsedesign , Arena` → `helsedesign arena`).
 * A plain ASCII label, as most are, takes a fast path.
 */

/** Combining marks left after NFD. */
const MARKS = /\p{M}+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/gu;
const PLAIN_ASCII = /^[\x20-\x7e]*$/;
const ASCII_NON_WORD = /[^a-z0-9]+/g;

/**
 * Case-folded, æ->ae ø->o å->a (other diacritics stripped), every character
 * that is not a letter or digit (punctuation, symbols, any whitespace)
 * replaced by a space, spaces collapsed, trimmed.
 */
export function normalizeLabel(s: string): string {
  s = String(s);
  // Fastest path: letters, digits and single inner spaces only, so lower-casing is all it takes.
  if (isSimpleAscii(s)) return s.toLowerCase();
  // Fast path for plain ASCII labels (most of them): no Unicode normalisation needed.
  if (PLAIN_ASCII.test(s)) return s.toLowerCase().replace(ASCII_NON_WORD, ' ').trim();
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/œ/g, 'oe')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(MARKS, '')
    .normalize('NFC')
    .replace(NON_WORD, ' ')
    .trim();
}

/** ASCII letters and digits with single spaces between them: already normal but for case. */
export function isSimpleAscii(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  let prevSpace = true; // no leading space
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
    } else if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      prevSpace = false;
    } else {
      return false;
    }
  }
  return !prevSpace;
}
