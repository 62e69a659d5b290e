/**
 * What a cell shows: its value through its number format, in a display language, as Excel draws
 * it. Excel's format codes are locale-neutral (`,` groups thousands, `.` is the decimal point,
 * `/` the date separator); Excel draws them with the separators and names of the user's locale.
 * In bokmål (nb-NO) that is a no-break space (U+00A0) between thousands and a decimal comma —
 * `#,##0` shows 700 000 as `700 000` — and `.` between day, month and year; in English (en-US) a
 * comma and a point. U+00A0 is what Windows, CLDR and LibreOffice use for nb-NO (not the narrow
 * U+202F of French).
 *
 * Covered: General (at most 11 characters, then scientific, as Excel's General in a column wide
 * enough), digit placeholders `0 # ?`, thousands `,` and scaling by trailing `,`, `%`, `E+00`,
 * up to four sections (positive; negative; zero; text) and `[>=1000]`-style conditions, quoted
 * and escaped literals, `_x` spacing, colours (left out: the grid draws no font colour from a
 * format), `[$kr-414]` currency and locale tags, dates and times (`d m y h s`, names, `AM/PM`,
 * `[h]` elapsed, `.00` seconds) in Excel's 1900 date system (its 29 February 1900 included).
 * Not covered (drawn as General): fractions (`# ?/?`). The width of the column is not known
 * here, so a number is never shortened to fit or drawn as `####` for being too wide.
 *
 * Pure: no Intl (its nb minus sign is U+2212, Excel's is `-`), no library.
 */
import type { Lang } from './messages';
import { isCellError, type CellValue } from './snapshot';

export interface DisplayLocale {
  readonly decimal: string;
  readonly group: string;
  /** What `/` in a date format shows. */
  readonly dateSeparator: string;
  readonly trueText: string;
  readonly falseText: string;
  /** Excel's error values as this language writes them (`#NAME?` → `#NAVN?`); others as they are. */
  readonly errors: Readonly<Record<string, string>>;
  readonly names: DateNames;
}

export interface DateNames {
  readonly months: readonly string[];
  readonly monthsShort: readonly string[];
  /** Sunday first. */
  readonly days: readonly string[];
  readonly daysShort: readonly string[];
  readonly am: string;
  readonly pm: string;
}

const NB_NAMES: DateNames = {
  months: [
    'januar',
    'februar',
    'mars',
    'april',
    'mai',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'desember',
  ],
  // CLDR's (and LibreOffice's) abbreviations: a short name keeps no period.
  monthsShort: [
    'jan.',
    'feb.',
    'mars',
    'april',
    'mai',
    'juni',
    'juli',
    'aug.',
    'sep.',
    'okt.',
    'nov.',
    'des.',
  ],
  days: ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'],
  daysShort: ['sø.', 'ma.', 'ti.', 'on.', 'to.', 'fr.', 'lø.'],
  am: 'a.m.',
  pm: 'p.m.',
};

const EN_NAMES: DateNames = {
  months: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  monthsShort: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  daysShort: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  am: 'AM',
  pm: 'PM',
};

export const DISPLAY_LOCALES: Readonly<Record<Lang, DisplayLocale>> = {
  nb: {
    decimal: ',',
    group: '\u00A0',
    dateSeparator: '.',
    trueText: 'SANN',
    falseText: 'USANN',
    errors: { '#NAME?': '#NAVN?', '#VALUE!': '#VERDI!', '#N/A': '#I/T', '#NUM!': '#TALL!' },
    names: NB_NAMES,
  },
  en: {
    decimal: '.',
    group: ',',
    dateSeparator: '/',
    trueText: 'TRUE',
    falseText: 'FALSE',
    errors: {},
    names: EN_NAMES,
  },
};

/** Names for a `[$-414]`-style locale tag (Windows LCID, hex): bokmål, nynorsk and Norwegian use bokmål's. */
function namesForLcid(lcid: number): DateNames | null {
  const language = lcid & 0x3ff;
  if (language === 0x14) return NB_NAMES;
  if (language === 0x09) return EN_NAMES;
  return null;
}

/** The cell's value as Excel shows it in `locale`: numbers through `numberFormat` (General when absent). */
export function displayText(
  value: CellValue,
  numberFormat: string | undefined,
  locale: DisplayLocale,
): string {
  if (value === null) return '';
  // Excel shows a boolean or an error whatever the cell's format.
  if (typeof value === 'boolean') return value ? locale.trueText : locale.falseText;
  if (isCellError(value)) return locale.errors[value.error] ?? value.error;
  if (typeof value === 'string') return formatText(value, numberFormat);
  return formatNumber(value, numberFormat, locale);
}

// ---- Parsing ------------------------------------------------------------------------------

type DigitChar = '0' | '#' | '?';

type Token =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'digit'; readonly ch: DigitChar }
  | { readonly kind: 'point' }
  | { readonly kind: 'comma' }
  | { readonly kind: 'percent' }
  | { readonly kind: 'exponent'; readonly text: string; readonly plus: boolean }
  | { readonly kind: 'text' }
  | { readonly kind: 'general' }
  | { readonly kind: 'slash' }
  /** `y`, `mm`, `dddd`, `h`, `ss`…: a run of one date or time letter, lower case. */
  | { readonly kind: 'date'; readonly letter: 'y' | 'm' | 'd' | 'h' | 's'; readonly length: number }
  | { readonly kind: 'elapsed'; readonly letter: 'h' | 'm' | 's'; readonly length: number }
  | { readonly kind: 'ampm'; readonly short: boolean; readonly lower: boolean }
  | { readonly kind: 'subsecond'; readonly digits: number };

interface Condition {
  readonly op: '<' | '<=' | '>' | '>=' | '=' | '<>';
  readonly value: number;
}

interface Section {
  readonly tokens: readonly Token[];
  readonly condition: Condition | null;
  /** Month and day names of a `[$-414]` tag; null for the display language's. */
  readonly names: DateNames | null;
  readonly isDate: boolean;
  readonly hasText: boolean;
  readonly hasDigits: boolean;
  readonly hasGeneral: boolean;
  readonly hasFraction: boolean;
}

interface Format {
  readonly sections: readonly Section[];
  readonly conditional: boolean;
}

/** Splits a code at `;` outside quotes, brackets and escapes. */
function splitSections(code: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"') {
      const end = code.indexOf('"', i + 1);
      i = end < 0 ? code.length : end;
    } else if (c === '\\' || c === '_' || c === '*') {
      i++;
    } else if (c === '[') {
      const end = code.indexOf(']', i + 1);
      i = end < 0 ? code.length : end;
    } else if (c === ';') {
      out.push(code.slice(start, i));
      start = i + 1;
    }
  }
  out.push(code.slice(start));
  return out;
}

const CONDITION = /^(<=|>=|<>|<|>|=)\s*(-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)$/i;

function parseSection(text: string): Section {
  const tokens: Token[] = [];
  let condition: Condition | null = null;
  let names: DateNames | null = null;
  const literal = (s: string) => tokens.push({ kind: 'literal', text: s });
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const lower = c.toLowerCase();
    if (c === '"') {
      const end = text.indexOf('"', i + 1);
      literal(text.slice(i + 1, end < 0 ? text.length : end));
      i = end < 0 ? text.length : end;
    } else if (c === '\\') {
      if (i + 1 < text.length) literal(text[i + 1]);
      i++;
    } else if (c === '_') {
      // Space as wide as the next character: a plain space in text.
      literal(' ');
      i++;
    } else if (c === '*') {
      // Repeat the next character to fill the cell: the cell's width is not known here.
      i++;
    } else if (c === '[') {
      const end = text.indexOf(']', i + 1);
      const inner = text.slice(i + 1, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end;
      const cond = CONDITION.exec(inner);
      if (cond) {
        condition = { op: cond[1] as Condition['op'], value: Number(cond[2]) };
      } else if (inner.startsWith('$')) {
        const dash = inner.indexOf('-');
        literal(dash < 0 ? inner.slice(1) : inner.slice(1, dash));
        if (dash >= 0) names = namesForLcid(parseInt(inner.slice(dash + 1), 16) || 0) ?? names;
      } else if (/^(h+|m+|s+)$/i.test(inner)) {
        tokens.push({
          kind: 'elapsed',
          letter: inner[0].toLowerCase() as 'h' | 'm' | 's',
          length: inner.length,
        });
      }
      // Anything else in brackets (a colour `[Red]`, a calendar, `[DBNum1]`) is left out.
    } else if (text.slice(i, i + 7).toLowerCase() === 'general') {
      tokens.push({ kind: 'general' });
      i += 6;
    } else if (c === '0' || c === '#' || c === '?') {
      tokens.push({ kind: 'digit', ch: c });
    } else if (c === '.') {
      tokens.push({ kind: 'point' });
    } else if (c === ',') {
      tokens.push({ kind: 'comma' });
    } else if (c === '%') {
      tokens.push({ kind: 'percent' });
      literal('%');
    } else if ((c === 'E' || c === 'e') && (text[i + 1] === '+' || text[i + 1] === '-')) {
      tokens.push({ kind: 'exponent', text: c, plus: text[i + 1] === '+' });
      i++;
    } else if (c === '@') {
      tokens.push({ kind: 'text' });
    } else if (c === '/') {
      tokens.push({ kind: 'slash' });
    } else if (text.slice(i, i + 5).toUpperCase() === 'AM/PM') {
      tokens.push({ kind: 'ampm', short: false, lower: c === 'a' });
      i += 4;
    } else if (text.slice(i, i + 3).toUpperCase() === 'A/P') {
      tokens.push({ kind: 'ampm', short: true, lower: c === 'a' });
      i += 2;
    } else if (lower === 'y' || lower === 'm' || lower === 'd' || lower === 'h' || lower === 's') {
      let j = i;
      while (j + 1 < text.length && text[j + 1].toLowerCase() === lower) j++;
      tokens.push({ kind: 'date', letter: lower, length: j - i + 1 });
      i = j;
    } else {
      literal(c);
    }
  }
  const isDate = tokens.some((t) => t.kind === 'date' || t.kind === 'elapsed' || t.kind === 'ampm');
  const finalTokens = isDate ? dateTokens(tokens) : tokens;
  return {
    tokens: finalTokens,
    condition,
    names,
    isDate,
    hasText: finalTokens.some((t) => t.kind === 'text'),
    hasDigits: finalTokens.some((t) => t.kind === 'digit'),
    hasGeneral: finalTokens.some((t) => t.kind === 'general'),
    hasFraction: !isDate && finalTokens.some((t) => t.kind === 'slash'),
  };
}

/** In a date section: `.00` after seconds is fractions of a second; other number tokens are literal. */
function dateTokens(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'point' && tokens[i + 1]?.kind === 'digit') {
      let n = 0;
      while (tokens[i + 1 + n]?.kind === 'digit') n++;
      out.push({ kind: 'subsecond', digits: n });
      i += n;
    } else if (t.kind === 'point') out.push({ kind: 'literal', text: '.' });
    else if (t.kind === 'comma') out.push({ kind: 'literal', text: ',' });
    else if (t.kind === 'digit') out.push({ kind: 'literal', text: t.ch });
    else if (t.kind === 'exponent') out.push({ kind: 'literal', text: `${t.text}${t.plus ? '+' : '-'}` });
    else out.push(t);
  }
  return out;
}

const cache = new Map<string, Format>();

function compile(code: string): Format {
  let format = cache.get(code);
  if (format === undefined) {
    const sections = splitSections(code).map(parseSection);
    format = { sections, conditional: sections.some((s) => s.condition !== null) };
    // A workbook uses a handful of formats; the bound only keeps a pathological one small.
    if (cache.size >= 1000) cache.clear();
    cache.set(code, format);
  }
  return format;
}

// ---- Numbers -------------------------------------------------------------------------------

/**
 * |x| as decimal digits at Excel's 15 significant digits: x = 0.digits × 10^point (so `point`
 * digits stand before the decimal point). `0` for zero.
 */
function decimalDigits(x: number): { digits: string; point: number } {
  if (x === 0) return { digits: '0', point: 1 };
  const [mantissa, exp] = Math.abs(x).toExponential(14).split('e');
  const digits = mantissa.replace('.', '').replace(/0+$/, '') || '0';
  return { digits, point: Number(exp) + 1 };
}

/**
 * Rounds 0.digits × 10^point half away from zero to `decimals` places, on the decimal digits (so
 * 2.675 → 2.68, as Excel, not 2.67 as binary rounding gives). `int` has no leading zeros ('' for
 * zero); `frac` has exactly `decimals` digits.
 */
function roundDigits(digits: string, point: number, decimals: number): { int: string; frac: string } {
  const keep = point + decimals;
  let kept: string;
  let p = point;
  if (keep < 0) {
    kept = '';
  } else if (keep >= digits.length) {
    kept = digits.padEnd(keep, '0');
  } else {
    kept = digits.slice(0, keep);
    if (digits[keep] >= '5') {
      const chars = kept.split('');
      let i = chars.length - 1;
      while (i >= 0 && chars[i] === '9') chars[i--] = '0';
      if (i >= 0) chars[i] = String(Number(chars[i]) + 1);
      else {
        chars.unshift('1');
        p++;
      }
      kept = chars.join('');
    }
  }
  const int = p > 0 ? kept.slice(0, p).padEnd(p, '0') : '';
  const fracDigits = p >= 0 ? kept.slice(p) : '0'.repeat(-p) + kept;
  return { int: int.replace(/^0+/, ''), frac: fracDigits.padEnd(decimals, '0').slice(0, decimals) };
}

/** Excel's General for |x|: up to 11 characters, else scientific with up to 6 significant digits. */
function general(x: number, locale: DisplayLocale): string {
  if (x === 0) return '0';
  const { digits, point } = decimalDigits(x);
  const e = point - 1;
  if (e < 11 && e > -5) {
    const { int, frac } = roundDigits(digits, point, e >= 0 ? Math.max(0, 9 - e) : 9);
    if (int.length <= 11) {
      const f = frac.replace(/0+$/, '');
      return (int || '0') + (f ? locale.decimal + f : '');
    }
  }
  const m = roundDigits(digits, 1, 5);
  const exp = m.int.length > 1 ? e + 1 : e;
  const mantissa = m.int.length > 1 ? '1' : m.int;
  const f = m.int.length > 1 ? '' : m.frac.replace(/0+$/, '');
  return `${mantissa}${f ? locale.decimal + f : ''}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/** Which section shows `v`, and whether its minus sign is shown (not in a negative section of its own). */
function sectionFor(format: Format, v: number): { section: Section; signed: boolean } | null {
  const s = format.sections;
  if (format.conditional) {
    const test = (c: Condition) =>
      c.op === '<'
        ? v < c.value
        : c.op === '<='
          ? v <= c.value
          : c.op === '>'
            ? v > c.value
            : c.op === '>='
              ? v >= c.value
              : c.op === '='
                ? v === c.value
                : v !== c.value;
    if (s[0].condition === null || test(s[0].condition)) return { section: s[0], signed: true };
    if (s[1] && (s[1].condition === null || test(s[1].condition))) return { section: s[1], signed: true };
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

function formatNumber(v: number, code: string | undefined, locale: DisplayLocale): string {
  if (!Number.isFinite(v)) return locale.errors['#NUM!'] ?? '#NUM!';
  const generalText = () => (v < 0 ? '-' : '') + general(Math.abs(v), locale);
  if (code === undefined || code === '' || /^general$/i.test(code)) return generalText();
  const format = compile(code);
  const chosen = sectionFor(format, v);
  if (chosen === null) return generalText();
  const { section, signed } = chosen;
  if (section.hasFraction) return generalText();
  if (section.isDate) return formatDate(v, section, locale) ?? '#'.repeat(8);
  // A section of only `@` (the text format) shows a number as General.
  if (section.hasText && !section.hasDigits && !section.hasGeneral) return generalText();
  const minus = signed && v < 0 ? '-' : '';
  if (section.hasGeneral && !section.hasDigits) {
    return (
      minus +
      section.tokens
        .map((t) =>
          t.kind === 'general' ? general(Math.abs(v), locale) : t.kind === 'literal' ? t.text : '',
        )
        .join('')
    );
  }
  return minus + formatDigits(Math.abs(v), section.tokens, locale);
}

/** A number section's tokens drawn for |x|. */
function formatDigits(x: number, tokens: readonly Token[], locale: DisplayLocale): string {
  const expAt = tokens.findIndex((t) => t.kind === 'exponent');
  const mantissaTokens = expAt < 0 ? tokens : tokens.slice(0, expAt);
  const pointAt = mantissaTokens.findIndex((t) => t.kind === 'point');
  const intTokens = pointAt < 0 ? mantissaTokens : mantissaTokens.slice(0, pointAt);
  const fracTokens = pointAt < 0 ? [] : mantissaTokens.slice(pointAt + 1);

  // Commas: between integer digits they group thousands; after the last digit they divide by 1000.
  let grouping = false;
  let scale = 0;
  const lastDigit = (list: readonly Token[]) => list.map((t) => t.kind).lastIndexOf('digit');
  const intLast = lastDigit(intTokens);
  const firstDigit = intTokens.findIndex((t) => t.kind === 'digit');
  intTokens.forEach((t, i) => {
    if (t.kind !== 'comma') return;
    if (i > firstDigit && i < intLast && firstDigit >= 0) grouping = true;
    else if (i > intLast && intLast >= 0 && fracTokens.every((f) => f.kind !== 'digit')) scale++;
  });
  const fracLast = lastDigit(fracTokens);
  fracTokens.forEach((t, i) => {
    if (t.kind === 'comma' && i > fracLast) scale++;
  });
  const percents = tokens.filter((t) => t.kind === 'percent').length;

  const fracPlaces = fracTokens.filter((t) => t.kind === 'digit').length;
  const intPlaces = intTokens.filter((t) => t.kind === 'digit').length;
  const decimal = decimalDigits(x);
  const digits = decimal.digits;
  // % multiplies by 100 and each scaling comma divides by 1000: moves of the decimal point.
  const point = digits === '0' ? 1 : decimal.point + 2 * percents - 3 * scale;

  if (expAt >= 0) {
    const expToken = tokens[expAt] as Extract<Token, { kind: 'exponent' }>;
    const expPlaces = tokens.slice(expAt + 1).filter((t) => t.kind === 'digit').length;
    // With more than one integer digit the exponent is a multiple of their count (`##0.0E+0`: engineering).
    const step = Math.max(1, intPlaces);
    let e = digits === '0' ? 0 : Math.floor((point - 1) / step) * step;
    let rounded = roundDigits(digits, point - e, fracPlaces);
    if (rounded.int.length > step) {
      e += step;
      rounded = roundDigits(digits, point - e, fracPlaces);
    }
    const sign = e < 0 ? '-' : expToken.plus ? '+' : '';
    const expLiterals = tokens
      .slice(expAt + 1)
      .filter((t) => t.kind === 'literal')
      .map((t) => (t as { text: string }).text)
      .join('');
    const exponentText = `${expToken.text}${sign}${String(Math.abs(e)).padStart(expPlaces, '0')}${expLiterals}`;
    return (
      drawInteger(rounded.int, intTokens, false, pointAt >= 0, locale) +
      drawFraction(rounded.frac, pointAt >= 0, fracTokens, locale) +
      exponentText
    );
  }
  const rounded = roundDigits(digits, point, fracPlaces);
  return (
    drawInteger(rounded.int, intTokens, grouping, pointAt >= 0, locale) +
    drawFraction(rounded.frac, pointAt >= 0, fracTokens, locale)
  );
}

/**
 * The integer digits into their placeholders, right to left: the leftmost placeholder takes every
 * digit left over; an unfilled `0` shows 0, `?` a space, `#` nothing. Literals stay in place.
 * Without placeholders the digits stand before the decimal point, if there is one (`.00` shows
 * 12.5 as `12.50`); a code of literals only (`"-"`) shows no digits.
 */
function drawInteger(
  int: string,
  tokens: readonly Token[],
  grouping: boolean,
  beforePoint: boolean,
  locale: DisplayLocale,
): string {
  const first = tokens.findIndex((t) => t.kind === 'digit');
  if (first < 0)
    return tokens.map((t) => (t.kind === 'literal' ? t.text : '')).join('') + (beforePoint ? int : '');
  let out = '';
  let used = 0; // digits drawn so far, counted from the right (for the thousands separators)
  let k = 0; // digits of `int` consumed
  const put = (d: string) => {
    out = d + (grouping && used > 0 && used % 3 === 0 ? locale.group : '') + out;
    used++;
  };
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t.kind === 'literal') out = t.text + out;
    if (t.kind !== 'digit') continue;
    if (i === first && k < int.length) {
      for (let j = int.length - 1 - k; j >= 0; j--) put(int[j]);
      k = int.length;
    } else if (k < int.length) {
      put(int[int.length - 1 - k]);
      k++;
    } else if (t.ch === '0') put('0');
    else if (t.ch === '?') out = ' ' + out;
  }
  return out;
}

/** The point (always shown when the code has one, as Excel does: `0.#` shows `1.`) and the decimals. */
function drawFraction(
  frac: string,
  hasPoint: boolean,
  tokens: readonly Token[],
  locale: DisplayLocale,
): string {
  if (!hasPoint) return '';
  const places = tokens.filter((t) => t.kind === 'digit') as Extract<Token, { kind: 'digit' }>[];
  // Trailing zeros: `#` drops them, `?` shows a space, `0` keeps them.
  const shown = frac.split('');
  for (let i = places.length - 1; i >= 0 && shown[i] === '0' && places[i].ch !== '0'; i--) {
    shown[i] = places[i].ch === '?' ? ' ' : '';
  }
  let out = locale.decimal;
  let d = 0;
  for (const t of tokens) {
    if (t.kind === 'literal') out += t.text;
    else if (t.kind === 'digit') out += shown[d++] ?? '';
  }
  return out;
}

// ---- Dates and times -----------------------------------------------------------------------

/** Excel's last date, 31 December 9999, is serial 2958465. */
const MAX_SERIAL = 2958466;
const DAY_MS = 86_400_000;

interface DateParts {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number; // 0 for Excel's 0 January 1900
  readonly weekday: number; // 0 = Sunday
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** Milliseconds within the second. */
  readonly ms: number;
  /** The whole value in ms, for elapsed times. */
  readonly totalMs: number;
}

function dateParts(serial: number, subsecond: number): DateParts | null {
  if (serial < 0 || serial >= MAX_SERIAL) return null;
  // Rounded to what is shown: whole seconds, or the shown fraction of a second.
  const step = 1000 / 10 ** Math.min(subsecond, 3);
  const totalMs = Math.round(Math.round(serial * DAY_MS) / step) * step;
  const days = Math.floor(totalMs / DAY_MS);
  let inDay = totalMs - days * DAY_MS;
  let year: number;
  let month: number;
  let day: number;
  // Excel's 1900 system: serial 1 is 1 January 1900, and 60 is 29 February 1900 (which did not exist).
  if (days === 0) [year, month, day] = [1900, 1, 0];
  else if (days === 60) [year, month, day] = [1900, 2, 29];
  else {
    const d = new Date(Date.UTC(1899, 11, days < 60 ? 31 : 30) + days * DAY_MS);
    [year, month, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  }
  const hour = Math.floor(inDay / 3_600_000);
  inDay -= hour * 3_600_000;
  const minute = Math.floor(inDay / 60_000);
  inDay -= minute * 60_000;
  const second = Math.floor(inDay / 1000);
  return {
    year,
    month,
    day,
    weekday: (days + 6) % 7,
    hour,
    minute,
    second,
    ms: inDay - second * 1000,
    totalMs,
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function formatDate(v: number, section: Section, locale: DisplayLocale): string | null {
  const tokens = section.tokens;
  const subsecond = tokens.reduce((n, t) => (t.kind === 'subsecond' ? Math.max(n, t.digits) : n), 0);
  const p = dateParts(v, subsecond);
  if (p === null) return null;
  const names = section.names ?? locale.names;
  const twelve = tokens.some((t) => t.kind === 'ampm');
  const timeTokens = tokens.filter(
    (t): t is Extract<Token, { kind: 'date' | 'elapsed' }> => t.kind === 'date' || t.kind === 'elapsed',
  );
  /** `m` is minutes right after an hour or right before a second; else the month. */
  const isMinute = (t: (typeof timeTokens)[number]) => {
    const at = timeTokens.indexOf(t);
    const before = timeTokens[at - 1];
    const after = timeTokens[at + 1];
    return (before !== undefined && before.letter === 'h') || (after !== undefined && after.letter === 's');
  };
  let out = '';
  for (const t of tokens) {
    switch (t.kind) {
      case 'literal':
        out += t.text;
        break;
      case 'slash':
        out += locale.dateSeparator;
        break;
      case 'subsecond':
        out += locale.decimal + pad(p.ms, 3).slice(0, t.digits).padEnd(t.digits, '0');
        break;
      case 'ampm': {
        const pm = p.hour >= 12;
        const text = t.short ? (pm ? 'P' : 'A') : pm ? names.pm : names.am;
        out += t.short && t.lower ? text.toLowerCase() : text;
        break;
      }
      case 'elapsed': {
        const unit = t.letter === 'h' ? 3_600_000 : t.letter === 'm' ? 60_000 : 1000;
        out += pad(Math.floor(p.totalMs / unit), t.length);
        break;
      }
      case 'date':
        out += dateField(t, p, names, twelve, isMinute(t));
        break;
      default:
        break;
    }
  }
  return out;
}

function dateField(
  t: Extract<Token, { kind: 'date' }>,
  p: DateParts,
  names: DateNames,
  twelve: boolean,
  minute: boolean,
): string {
  const n = t.length;
  switch (t.letter) {
    case 'y':
      return n <= 2 ? pad(p.year % 100, 2) : String(p.year);
    case 'm':
      if (minute && n <= 2) return pad(p.minute, n);
      if (n <= 2) return pad(p.month, n);
      if (n === 3) return names.monthsShort[p.month - 1];
      if (n === 5) return names.months[p.month - 1][0];
      return names.months[p.month - 1];
    case 'd':
      if (n <= 2) return pad(p.day, n);
      return n === 3 ? names.daysShort[p.weekday] : names.days[p.weekday];
    case 'h':
      return pad(twelve ? p.hour % 12 || 12 : p.hour, Math.min(n, 2));
    case 's':
      return pad(p.second, Math.min(n, 2));
  }
}

// ---- Text ----------------------------------------------------------------------------------

function formatText(text: string, code: string | undefined): string {
  if (code === undefined || code === '' || code === '@') return text;
  const sections = compile(code).sections;
  // The fourth section is for text; so is a format of one section with `@` (`"Sum: "@`).
  const section =
    sections.length >= 4 ? sections[3] : sections.length === 1 && sections[0].hasText ? sections[0] : null;
  if (section === null) return text;
  return section.tokens.map((t) => (t.kind === 'text' ? text : t.kind === 'literal' ? t.text : '')).join('');
}
