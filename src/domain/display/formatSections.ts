/**
 * A number format code cut into its sections (positive; negative; zero; text, or up to two
 * `[>=1000]`-style conditions) by numfmt's tokenizer, what each section needs before numfmt draws
 * it, and which section shows a value.
 *
 * Each section becomes a numfmt pattern of its own, so that this module, not numfmt, decides the
 * section and the minus sign (Excel keeps the minus of a number that rounds to zero: `-0`). In
 * it a `[$kr-414]` tag is reduced to its text (`"kr"`): the tag's language picks the month and day
 * names, but the separators stay the display language's, as Excel draws them; `/` in a date
 * becomes the display language's date separator; Excel's one-letter `A/P` and `a/p` become
 * numfmt's AM/PM, drawn with letters (see `AmPm`); `General` is a slot for Excel's General text.
 */
import { isValidFormat, tokenize, type FormatToken } from 'numfmt';
import { namesForLcid, type AmPm, type DateNames } from './locales';

interface Condition {
  readonly op: '<' | '<=' | '>' | '>=' | '=' | '<>';
  readonly value: number;
}

/** A place in a section's pattern filled when it is drawn. */
type Slot = { readonly slot: 'dateSeparator' } | { readonly slot: 'general' };

export interface Section {
  /** The section's numfmt pattern, literal text and slots. */
  readonly pieces: readonly (string | Slot)[];
  readonly condition: Condition | null;
  /** Month and day names of a `[$-414]` tag; null for the display language's. */
  readonly names: DateNames | null;
  readonly ampm: AmPm;
  readonly isDate: boolean;
  readonly hasText: boolean;
  readonly hasDigits: boolean;
  readonly hasGeneral: boolean;
  /** A fraction (`# ?/?`): numfmt finds the fraction of the 15-digit value. */
  readonly hasFraction: boolean;
  /** Scientific (`0.00E+00`): the integer and decimal placeholders of the mantissa. */
  readonly scientific: { readonly intPlaces: number; readonly fracPlaces: number } | null;
  /** Decimals shown of the value itself: placeholders after the point, + `shift`. */
  readonly places: number;
  /**
   * Excel's scaling, a power of ten: + 2 for each `%`, − 3 for each `,` after the digits. numfmt
   * scales by one `%` only, or else by the last group of commas: what it leaves out is `shift`
   * less `numfmtShift`.
   */
  readonly shift: number;
  readonly numfmtShift: number;
  /** Fractions of a second a date section shows (`ss.00`: 2). */
  readonly subsecond: number;
  /** Whether numfmt accepts the section (a date and digits mixed, say, it does not)… */
  readonly valid: boolean;
  /** …and as the section for text (digits it does not accept there). */
  readonly validForText: boolean;
}

export interface Format {
  readonly sections: readonly Section[];
  readonly conditional: boolean;
}

const DIGIT_TYPES = new Set(['zero', 'hash', 'qmark']);
const DATE_TYPES = new Set(['datetime', 'duration', 'ampm']);

const quoted = (text: string) => `"${text}"`;

/** Three empty sections before a section make it the one numfmt shows a text with, `@` or not. */
export const TEXT_ONLY = ';;;';

/** Splits numfmt's tokens at `;`. */
function splitSections(tokens: readonly FormatToken[]): FormatToken[][] {
  const out: FormatToken[][] = [[]];
  for (const t of tokens) {
    if (t.type === 'break') out.push([]);
    else out[out.length - 1].push(t);
  }
  return out;
}

/** Whether tokens[i] starts Excel's lower-case `a/p` (numfmt reads only `A/P` and `AM/PM`). */
const isLowerAp = (tokens: readonly FormatToken[], i: number) =>
  tokens[i].raw === 'a' && tokens[i + 1]?.type === 'slash' && tokens[i + 2]?.raw === 'p';

function compileSection(tokens: readonly FormatToken[]): Section {
  const isDate = tokens.some((t, i) => DATE_TYPES.has(t.type) || isLowerAp(tokens, i));
  const pieces: (string | Slot)[] = [];
  let condition: Condition | null = null;
  let names: DateNames | null = null;
  let ampm: AmPm = 'words';
  let intPlaces = 0;
  let fracPlaces = 0;
  let afterPoint = false;
  let exponent = false;
  let commas = 0;
  let lastCommas = 0;
  let percents = 0;
  let subsecond = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'condition') {
      const [op, value] = t.value as [Condition['op'], string];
      condition = { op, value: Number(value) };
    } else if (t.type === 'locale') {
      const text = String(t.value);
      const dash = text.indexOf('-');
      const currency = dash < 0 ? text : text.slice(0, dash);
      if (currency) pieces.push(quoted(currency));
      if (dash >= 0) names = namesForLcid(parseInt(text.slice(dash + 1), 16) || 0) ?? names;
    } else if (isDate && isLowerAp(tokens, i)) {
      ampm = 'lowerLetter';
      pieces.push('AM/PM');
      i += 2;
    } else if (t.type === 'ampm') {
      if (t.raw === 'A/P') ampm = 'letter';
      pieces.push('AM/PM');
    } else if (t.type === 'slash' && isDate) {
      pieces.push({ slot: 'dateSeparator' });
    } else if (t.type === 'general') {
      pieces.push({ slot: 'general' });
    } else {
      pieces.push(t.raw);
      if (t.type === 'point') afterPoint = true;
      else if (t.type === 'exp') exponent = true;
      else if (t.type === 'percent') percents++;
      else if (t.type === 'scale') {
        commas += t.raw.length;
        lastCommas = t.raw.length;
      } else if (DIGIT_TYPES.has(t.type) && !exponent) {
        if (afterPoint) fracPlaces++;
        else intPlaces++;
      }
      if (isDate && t.type === 'point') {
        let n = 0;
        while (tokens[i + 1 + n]?.type === 'zero') n++;
        subsecond = Math.max(subsecond, n);
      }
    }
  }
  const hasDigits = !isDate && intPlaces + fracPlaces > 0;
  const section = {
    pieces,
    condition,
    names,
    ampm,
    isDate,
    hasText: tokens.some((t) => t.type === 'text'),
    hasDigits,
    hasGeneral: pieces.some((p) => typeof p !== 'string' && p.slot === 'general'),
    hasFraction: !isDate && tokens.some((t) => t.type === 'slash'),
    scientific: exponent ? { intPlaces, fracPlaces } : null,
    places: fracPlaces + 2 * percents - 3 * commas,
    shift: 2 * percents - 3 * commas,
    numfmtShift: percents > 0 ? 2 : -3 * lastCommas,
    subsecond: Math.min(subsecond, 3),
  };
  const pattern = sectionPattern(section, '/', '0');
  return { ...section, valid: isValidFormat(pattern), validForText: isValidFormat(TEXT_ONLY + pattern) };
}

/** The section as a numfmt pattern: slots filled with the date separator and the General text. */
export function sectionPattern(
  section: Pick<Section, 'pieces'>,
  dateSeparator: string,
  generalText: string,
): string {
  let out = '';
  for (const p of section.pieces) {
    out += typeof p === 'string' ? p : quoted(p.slot === 'general' ? generalText : dateSeparator);
  }
  return out;
}

const cache = new Map<string, Format>();

/** The code's sections, compiled once per code. */
export function compile(code: string): Format {
  let format = cache.get(code);
  if (format === undefined) {
    const sections = splitSections(tokenize(code)).map(compileSection);
    format = { sections, conditional: sections.some((s) => s.condition !== null) };
    // A workbook uses a handful of formats; the bound only keeps a pathological one small.
    if (cache.size >= 1000) cache.clear();
    cache.set(code, format);
  }
  return format;
}

function holds(c: Condition, v: number): boolean {
  switch (c.op) {
    case '<':
      return v < c.value;
    case '<=':
      return v <= c.value;
    case '>':
      return v > c.value;
    case '>=':
      return v >= c.value;
    case '=':
      return v === c.value;
    case '<>':
      return v !== c.value;
  }
}

/** Which section shows `v`, and whether its minus sign is shown (not in a negative section of its own). */
export function sectionFor(format: Format, v: number): { section: Section; signed: boolean } | null {
  const s = format.sections;
  if (format.conditional) {
    if (s[0].condition === null || holds(s[0].condition, v)) return { section: s[0], signed: true };
    if (s[1] && (s[1].condition === null || holds(s[1].condition, v))) return { section: s[1], signed: true };
    if (s[2] && !s[2].hasText) return { section: s[2], signed: true };
    return null;
  }
  // A text-only last section (`0;-0;;@`) is not one for numbers.
  const numeric = s.length > 1 && s[s.length - 1].hasText && !s[s.length - 1].hasDigits ? s.slice(0, -1) : s;
  if (numeric.length === 0) return { section: s[0], signed: true };
  if (v < 0 && numeric.length >= 2) return { section: numeric[1], signed: false };
  if (v === 0 && numeric.length >= 3) return { section: numeric[2], signed: false };
  return { section: numeric[0], signed: true };
}

/** The section that shows a text: the fourth, or the only one when it has `@` (`"Sum: "@`). */
export function textSection(format: Format): Section | null {
  const s = format.sections;
  return s.length >= 4 ? s[3] : s.length === 1 && s[0].hasText ? s[0] : null;
}
