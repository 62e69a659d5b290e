/**
 * What Excel makes of a value written to `Range.values` or `Range.formulas`:
 * the same as typing it. A string beginning with `=` is a formula, and so is
 * one beginning with `+` or `-` that is not a number (`excel.d.ts`); number,
 * percent, currency, date and time text becomes a number (with a matching
 * number format, as Excel gives typed dates one), TRUE/FALSE a boolean, `#N/A`
 * and friends error values. A cell formatted `@` (text) keeps any string
 * literally; a leading `'` stores the rest as text. This is the trap every
 * writer must avoid (DOMAIN.md: text is written as text, never as a formula
 * or a number), so the host reproduces it rather than storing strings as given.
 *
 * The host reads as Excel does in the en-US locale (`1,234.5`, `5/1/2024`,
 * `May 2024`, `$12`); Excel in Norwegian reads `1 234,5`, `1.5.2024` and `kr 12`
 * as numbers too. The writers do not depend on a locale: every literal with a
 * digit in it is written under `@` (domain/model.ts `needsTextFormat`).
 */
import type { CellValue } from '../../domain/snapshot';
import { EXCEL_ERROR_VALUES as ERROR_VALUES } from '../../domain/errorValues';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^[+-]?(\d+(\.\d*)?|\.\d+)%$/;
/** `1,234`, `$1,234.50`, `-$12`, `($12)`. */
const GROUPED = /^([+-]?)(\$?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d*)?$/;
const CURRENCY = /^([+-]?)\$(\d+(?:,\d{3})*(?:\.\d*)?|\.\d+)$|^\(\$?(\d+(?:,\d{3})*(?:\.\d*)?)\)$/;
/** `1 1/2`: a whole number and a fraction. */
const MIXED = /^(\d+) (\d+)\/(\d+)$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?\s*([AaPp][Mm])?$/;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** What a written entry becomes: unchanged (null entries leave the cell as it is), cleared, or content. */
export type Interpreted =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'clear' }
  | {
      readonly kind: 'constant';
      readonly value: CellValue;
      readonly quotePrefix?: boolean;
      /** The number format Excel gives a cell typed this way (a date, a percentage), when General. */
      readonly numberFormat?: string;
    }
  | { readonly kind: 'formula'; readonly formula: string };

export function interpretInput(input: unknown, numberFormat: string | undefined): Interpreted {
  if (input === null || input === undefined) return { kind: 'unchanged' };
  if (typeof input === 'number') {
    return Number.isFinite(input)
      ? { kind: 'constant', value: input }
      : { kind: 'constant', value: { error: '#NUM!' } };
  }
  if (typeof input === 'boolean') return { kind: 'constant', value: input };
  if (typeof input !== 'string') return { kind: 'constant', value: String(input) };
  if (input === '') return { kind: 'clear' };
  if (numberFormat === '@') return { kind: 'constant', value: input };
  if (input.startsWith("'")) {
    return input.length === 1
      ? { kind: 'clear' }
      : { kind: 'constant', value: input.slice(1), quotePrefix: true };
  }
  const trimmed = input.trim();
  if (NUMBER.test(trimmed)) return { kind: 'constant', value: Number(trimmed) };
  if (PERCENT.test(trimmed)) {
    return { kind: 'constant', value: Number(trimmed.slice(0, -1)) / 100, numberFormat: '0%' };
  }
  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'constant', value: upper === 'TRUE' };
  if (ERROR_VALUES.has(upper)) return { kind: 'constant', value: { error: upper } };
  if (input.length > 1 && input.startsWith('=')) return { kind: 'formula', formula: input };
  const typed = typedNumber(trimmed);
  if (typed) return { kind: 'constant', ...typed };
  if (input.length > 1 && (input.startsWith('+') || input.startsWith('-'))) {
    return { kind: 'formula', formula: `=${input}` };
  }
  return { kind: 'constant', value: input };
}

/** Text Excel (en-US) reads as a number: grouped digits, currency, fractions, dates and times. */
function typedNumber(t: string): { value: number; numberFormat: string } | null {
  let m = GROUPED.exec(t);
  if (m && (m[2] === '$' || m[3].includes(','))) {
    const n = Number(`${m[1]}${m[3].replace(/,/g, '')}${m[4] ?? ''}`);
    return { value: n, numberFormat: m[2] === '$' ? '$#,##0.00' : '#,##0' };
  }
  m = CURRENCY.exec(t);
  if (m) {
    const n =
      m[3] !== undefined ? -Number(m[3].replace(/,/g, '')) : Number(`${m[1]}${m[2].replace(/,/g, '')}`);
    return { value: n, numberFormat: '$#,##0.00' };
  }
  m = MIXED.exec(t);
  if (m && Number(m[3]) > 0)
    return { value: Number(m[1]) + Number(m[2]) / Number(m[3]), numberFormat: '# ?/?' };
  const time = timeOf(t);
  if (time !== null) return { value: time, numberFormat: 'h:mm' };
  const date = dateOf(t);
  if (date !== null) return date;
  return null;
}

function timeOf(t: string): number | null {
  const m = TIME.exec(t);
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const s = m[3] === undefined ? 0 : Number(m[3]);
  if (m[4]) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (m[4].toLowerCase() === 'pm' ? 12 : 0);
  }
  if (h > 23 || min > 59 || s >= 60) return null;
  return (h * 3600 + min * 60 + s) / 86400;
}

function month(name: string): number | null {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  if (i < 0) return null;
  const full = [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ][i];
  const n = name.toLowerCase().replace(/\.$/, '');
  return full.startsWith(n) && n.length >= 3 ? i + 1 : null;
}

function fullYear(y: string | undefined): number {
  if (y === undefined) return new Date().getFullYear();
  const n = Number(y);
  if (y.length <= 2) return n < 30 ? 2000 + n : 1900 + n;
  return n;
}

/** Excel's serial for a date (1900 system): days since 1899-12-30. */
export function dateSerial(year: number, m: number, d: number): number | null {
  if (year < 1900 || year > 9999 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  if (d > days) return null;
  return (Date.UTC(year, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** `5/1`, `5/1/2024`, `2024-05-01`, `1-May`, `1 May 2024`, `May 2024`, `May 1, 2024`. */
function dateOf(t: string): { value: number; numberFormat: string } | null {
  let m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(t);
  if (m) return dated(fullYear(m[3]), Number(m[1]), Number(m[2]), m[3] ? 'm/d/yyyy' : 'd-mmm');
  m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (m) return dated(Number(m[1]), Number(m[2]), Number(m[3]), 'm/d/yyyy');
  m = /^(\d{1,2})[- ]([A-Za-z]{3,9}\.?)(?:[- ,]+(\d{2}|\d{4}))?$/.exec(t);
  if (m) {
    const mo = month(m[2]);
    if (mo !== null) return dated(fullYear(m[3]), mo, Number(m[1]), m[3] ? 'd-mmm-yy' : 'd-mmm');
  }
  m = /^([A-Za-z]{3,9}\.?)[- ,]+(\d{4})$/.exec(t);
  if (m) {
    const mo = month(m[1]);
    if (mo !== null) return dated(Number(m[2]), mo, 1, 'mmm-yy');
  }
  m = /^([A-Za-z]{3,9}\.?)[- ](\d{1,2})(?:,?\s+(\d{4}))?$/.exec(t);
  if (m) {
    const mo = month(m[1]);
    if (mo !== null) return dated(fullYear(m[3]), mo, Number(m[2]), m[3] ? 'd-mmm-yy' : 'd-mmm');
  }
  return null;
}

function dated(
  y: number,
  m: number,
  d: number,
  numberFormat: string,
): { value: number; numberFormat: string } | null {
  const value = dateSerial(y, m, d);
  return value === null ? null : { value, numberFormat };
}
