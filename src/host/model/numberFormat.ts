/**
 * `Range.text`: what a cell shows. Only the formats the add-in writes are
 * rendered (General, `0`, `0.00`, `#,##0`, `#,##0.00`, `0%`, `0.00%`, `@`),
 * in the invariant en-US style (`3,430,000`); other formats fall back to
 * General. Excel renders in the user's locale (`3 430 000` in Norway), so
 * nothing may depend on these strings.
 */
import type { CellValue } from '../../domain/snapshot';
import { isCellError } from '../../domain/snapshot';

function general(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const s = Number(n.toPrecision(10)).toString();
  return s.length > 11
    ? n
        .toExponential(5)
        .replace(/\.?0+e/, 'E')
        .replace('e', 'E')
    : s;
}

function grouped(n: number, decimals: number): string {
  const fixed = Math.abs(n).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const withCommas = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (n < 0 && Number(fixed) !== 0 ? '-' : '') + withCommas + (frac ? `.${frac}` : '');
}

export function formatValue(value: CellValue, numberFormat: string | undefined): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isCellError(value)) return value.error;
  if (typeof value === 'string') return value;
  switch (numberFormat) {
    case '0':
      return Math.round(value).toString();
    case '0.00':
      return value.toFixed(2);
    case '#,##0':
      return grouped(value, 0);
    case '#,##0.00':
      return grouped(value, 2);
    case '0%':
      return `${Math.round(value * 100)}%`;
    case '0.00%':
      return `${(value * 100).toFixed(2)}%`;
    default:
      return general(value);
  }
}
