/**
 * Reading and writing money amounts as Norwegian finance officers type them.
 *
 * Money is kept as integer øre (1 krone = 100 øre). Text is parsed digit by
 * digit into integers; no floating point is involved except when a cell
 * already holds a number (then `Math.round(kr * 100)`, half away from zero).
 *
 * Accepted text (after trimming; any whitespace, including U+00A0, U+202F
 * and U+2009, counts as a space):
 * - currency words `kr`, `kr.`, `kroner`, `NOK` (any case) before or after
 *   the number, a trailing `,-` / `,–`, and a leading `ca`, `ca.` or `cirka`;
 * - a sign: a leading `-`, `−` (U+2212) or `–` (en dash), or the whole amount
 *   in parentheses `(5 000)`; both at once is rejected;
 * - an integer part that is either plain digits (`3430000`) or digit groups
 *   where the first group has 1–3 digits (not starting with 0) and every
 *   later group exactly 3 digits, all separated the same way: spaces
 *   (`3 430 000`), dots (`3.430.000`, also dot + space `1. 500.000`) or
 *   commas (`3,430,000`);
 * - an optional decimal part: `,` or `.` followed by 1–2 digits at the end
 *   (`1 234,50`, `12,5`, `1234.5`, `1,234.50`); it must not use the same
 *   character as the group separator;
 * - a range `A-B` (hyphen, en dash or U+2212, optional spaces), where A may be
 *   abbreviated: `2-300.000` is 200 000–300 000 (A is scaled by the largest
 *   power of ten that keeps it <= B). A range has no sign and A <= B.
 *
 * Not accepted: a leading `+`, exponents, more than two decimals, groups of
 * other than three digits after the first (`1 23`, `12 34 5`), two numbers
 * without a dash, leftover letters.
 *
 * Note: a comma followed by exactly three digits (`1,234`) is read as an
 * English thousands separator, not as a decimal comma: money has at most
 * two decimals, and `formatNok(x, 'en')` must read back.
 */
import { CellValue, isCellError } from './snapshot';

/** Integer øre (1/100 krone). */
export type Ore = number;

export type AmountReading =
  | { kind: 'empty' }
  | { kind: 'number'; ore: Ore }
  | { kind: 'text'; ore: Ore; text: string }
  | { kind: 'range'; minOre: Ore; maxOre: Ore; text: string }
  | { kind: 'error'; error: string }
  | { kind: 'invalid'; text: string };

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Leading approximation or currency word, not followed by a letter. */
const LEADING_WORD = /^(?:cirka|ca\.?|kroner|kr\.?|nok)(?!\p{L})\s*/iu;
/** Trailing currency word (not part of a longer word) or `,-` / `,–`. */
const TRAILING_WORD = /(?:\s*,\s*[-–—]|(?<!\p{L})\s*(?:kroner|kr\.?|nok))$/iu;
const SIGN = /^[-−–]/;
const DASHES = /[-−–]/g;

function stripWords(s: string): string {
  let cur = s;
  for (;;) {
    const next = cur.replace(LEADING_WORD, '').replace(TRAILING_WORD, '').trim();
    if (next === cur) return cur;
    cur = next;
  }
}

/**
 * Parses digits with group separators and an optional 1–2 digit decimal part
 * into øre. `s` has single ASCII spaces only and no sign.
 */
function parseUnsigned(s: string): Ore | null {
  if (!/^\d[\d .,]*$/.test(s)) return null;
  let intPart = s;
  let decSep = '';
  let dec = '';
  const m = /^(.*\d)([.,])(\d{1,2})$/.exec(s);
  if (m) {
    intPart = m[1];
    decSep = m[2];
    dec = m[3];
  }
  const first = /^\d+/.exec(intPart);
  if (!first) return null;
  let digits = first[0];
  let rest = intPart.slice(digits.length);
  let kind: 'dot' | 'comma' | 'space' | null = null;
  const groupRe = /^(\. |\.|,| )(\d+)/;
  while (rest.length > 0) {
    const g = groupRe.exec(rest);
    if (!g || g[2].length !== 3) return null;
    const k = g[1][0] === '.' ? 'dot' : g[1] === ',' ? 'comma' : 'space';
    if (kind !== null && kind !== k) return null;
    kind = k;
    digits += g[2];
    rest = rest.slice(g[0].length);
  }
  if (kind !== null) {
    if (first[0].length > 3 || first[0][0] === '0') return null;
    if ((decSep === '.' && kind === 'dot') || (decSep === ',' && kind === 'comma')) return null;
  }
  let kr = 0;
  for (let i = 0; i < digits.length; i++) {
    kr = kr * 10 + (digits.charCodeAt(i) - 48);
    if (kr > MAX_SAFE) return null;
  }
  if (kr > Math.floor((MAX_SAFE - 99) / 100)) return null;
  let ore = 0;
  if (dec.length === 1) ore = (dec.charCodeAt(0) - 48) * 10;
  else if (dec.length === 2) ore = (dec.charCodeAt(0) - 48) * 10 + (dec.charCodeAt(1) - 48);
  return kr * 100 + ore;
}

function parseSide(s: string): Ore | null {
  return parseUnsigned(stripWords(s.trim()));
}

/**
 * Reads amount text. Returns `{ ore }` for a single amount, `{ minOre, maxOre }`
 * for a range such as `ca kr 2-300.000`, or null when the text is not an amount.
 */
export function parseAmountText(text: string): { ore: Ore } | { minOre: Ore; maxOre: Ore } | null {
  let s = String(text).replace(/\s+/g, ' ').trim();
  let negative = false;
  let parens = false;
  let signed = false;
  for (;;) {
    const before = s;
    s = stripWords(s);
    if (!parens && s.length >= 2 && s[0] === '(' && s[s.length - 1] === ')') {
      parens = true;
      negative = true;
      s = s.slice(1, -1).trim();
    }
    if (!signed && SIGN.test(s)) {
      signed = true;
      negative = true;
      s = s.slice(1).trim();
    }
    if (s === before) break;
  }
  if (parens && signed) return null;
  if (s.length === 0) return null;

  const dashes = s.match(DASHES);
  if (dashes) {
    if (dashes.length !== 1 || negative) return null;
    const at = s.search(DASHES);
    const a = parseSide(s.slice(0, at));
    const b = parseSide(s.slice(at + 1));
    if (a === null || b === null) return null;
    let min = a;
    if (min > 0) {
      while (min * 10 <= b) min *= 10;
    }
    if (min > b) return null;
    return { minOre: min, maxOre: b };
  }

  const v = parseUnsigned(s);
  if (v === null) return null;
  return { ore: negative && v !== 0 ? -v : v };
}

function safeString(v: unknown): string {
  try {
    return String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}

/**
 * Classifies a cell value as an amount. Never throws. A number whose øre value
 * is not a safe integer (NaN, ±Infinity, beyond ±2^53 øre) is 'invalid'; a
 * boolean is 'invalid' with text 'TRUE'/'FALSE'.
 */
const EMPTY: AmountReading = Object.freeze({ kind: 'empty' });

/** The largest whole-kroner amount whose øre are still exact. */
const MAX_WHOLE_KRONER = Math.floor(MAX_SAFE / 100);

/**
 * The øre of a cell holding whole kroner, else null. The common case of
 * `readAmount`, without making a reading object: hot loops over 100 000
 * amounts try this first and fall back to `readAmount`.
 */
export function wholeKronerOre(value: CellValue): Ore | null {
  if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > MAX_WHOLE_KRONER)
    return null;
  return value * 100 + 0; // `+ 0` turns -0 into 0
}

export function readAmount(value: CellValue): AmountReading {
  const v: unknown = value;
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'number') {
    const ore = Number.isFinite(v) ? kronerToOre(v) : NaN;
    // Beyond ±2^53 øre an amount cannot be held exactly: unreadable, not silently rounded.
    return Number.isSafeInteger(ore) ? { kind: 'number', ore } : { kind: 'invalid', text: String(v) };
  }
  if (typeof v === 'string') {
    if (v.trim() === '') return EMPTY;
    const r = parseAmountText(v);
    if (r === null) return { kind: 'invalid', text: v };
    if ('ore' in r) return { kind: 'text', ore: r.ore, text: v };
    return { kind: 'range', minOre: r.minOre, maxOre: r.maxOre, text: v };
  }
  if (typeof v === 'boolean') return { kind: 'invalid', text: v ? 'TRUE' : 'FALSE' };
  try {
    if (isCellError(v as CellValue))
      return { kind: 'error', error: safeString((v as { error: unknown }).error) };
  } catch {
    // fall through: an exotic object (e.g. a throwing proxy) is simply unreadable
  }
  return { kind: 'invalid', text: safeString(v) };
}

/**
 * A candidate amount inside prose: digit groups (space, dot, dot+space or
 * comma separated) or plain digits, an optional decimal comma, optionally a
 * minus. It may not start or end inside a longer token (`1.3`, `12.03.2010`).
 */
const AMOUNT_IN_TEXT =
  /(?<![\p{L}\p{N}.,])(?:([-−]) ?)?(\d{1,3}(?:(?:\. ?|,| )\d{3})+|\d+)(,\d{1,2})?(?!\p{N}|[.,]\p{N})/gu;

/**
 * Finds an amount inside a sentence, e.g. 'Mrk. Finansiering SNP 2009 er kr
 * 1.810.000' -> 181000000 øre. Ignores 4-digit years 1900-2099 standing alone
 * (unless directly preceded by `kr`/`NOK`); returns the last amount-like group
 * or null.
 */
export function findAmountInText(text: string): Ore | null {
  const s = String(text).replace(/\s/g, ' ');
  let last: Ore | null = null;
  for (const m of s.matchAll(AMOUNT_IN_TEXT)) {
    const [whole, sign, body, dec] = m;
    if (sign === undefined && dec === undefined && /^\d{4}$/.test(body)) {
      const year = Number(body);
      const before = s.slice(0, m.index);
      if (year >= 1900 && year <= 2099 && !/(?:^|[^\p{L}])(?:kr\.?|nok)\s*$/iu.test(before)) continue;
    }
    const r = parseAmountText(whole);
    if (r !== null && 'ore' in r) last = r.ore;
  }
  return last;
}

/** 123450 -> 1234.5 */
export function oreToKroner(ore: Ore): number {
  const k = ore / 100;
  return k === 0 ? 0 : k;
}

/**
 * Kroner to øre: `kr * 100` rounded to an integer, halves away from zero
 * (like Excel's ROUND), never -0.
 */
export function kronerToOre(kr: number): Ore {
  const x = kr * 100;
  const r = x < 0 ? -Math.round(-x) : Math.round(x);
  return r === 0 ? 0 : r;
}

/** How each language writes an amount: thousands grouped with U+00A0 and a decimal comma in bokmål. */
const SEPARATORS: Readonly<Record<'nb' | 'en', { readonly group: string; readonly decimal: string }>> = {
  nb: { group: '\u00A0', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/**
 * 'nb': `3 430 000` with U+00A0 as thousands separator and `,50` only when
 * the øre part is not 0 (`1 234,50`). 'en': `3,430,000`, `1,234.50`.
 * Negative amounts get an ASCII '-'.
 */
export function formatNok(ore: Ore, lang: 'nb' | 'en'): string {
  if (!Number.isFinite(ore)) return String(ore);
  const n = Math.round(ore);
  const abs = Math.abs(n);
  const kr = Math.floor(abs / 100);
  const rest = abs - kr * 100;
  const { group: groupSep, decimal: decSep } = SEPARATORS[lang];
  const digits = kr.toFixed(0);
  let grouped = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) grouped += groupSep;
    grouped += digits[i];
  }
  const dec = rest === 0 ? '' : decSep + (rest < 10 ? '0' : '') + String(rest);
  return (n < 0 ? '-' : '') + grouped + dec;
}
