/**
 * What Excel makes of a value written to `Range.values` or `Range.formulas`:
 * the same as typing it. A string beginning with `=` is a formula, and so is
 * one beginning with `+` or `-` that is not a number (`excel.d.ts`); number
 * and TRUE/FALSE text becomes a number or boolean; `#N/A` and friends become
 * error values. A cell formatted `@` (text) keeps any string literally; a
 * leading `'` stores the rest as text. This is the trap the register writer
 * must avoid (DOMAIN.md: text is written as text, never as a formula), so
 * the fake reproduces it rather than storing strings as given.
 *
 * Not modelled: locale-dependent parsing (thousands separators, decimal
 * comma, currency, dates); numbers are read in the invariant `1234.5` form.
 */
import type { CellValue } from '../domain/snapshot';
import { EXCEL_ERROR_VALUES as ERROR_VALUES } from '../domain/errorValues';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^[+-]?(\d+(\.\d*)?|\.\d+)%$/;

/** What a written entry becomes: unchanged (null entries leave the cell as it is), cleared, or content. */
export type Interpreted =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'clear' }
  | { readonly kind: 'constant'; readonly value: CellValue; readonly quotePrefix?: boolean }
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
  if (PERCENT.test(trimmed)) return { kind: 'constant', value: Number(trimmed.slice(0, -1)) / 100 };
  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'constant', value: upper === 'TRUE' };
  if (ERROR_VALUES.has(upper)) return { kind: 'constant', value: { error: upper } };
  if (input.length > 1 && input.startsWith('=')) return { kind: 'formula', formula: input };
  if (input.length > 1 && (input.startsWith('+') || input.startsWith('-'))) {
    return { kind: 'formula', formula: `=${input}` };
  }
  return { kind: 'constant', value: input };
}
