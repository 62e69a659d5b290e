import type { InternalLink } from '../model';

const QUALIFIED = /^(?:'((?:[^']|'')+)'|([^!']+))!\$?([A-Za-z]{1,3})\$?(\d+)/;

/** `Budsjett!B9` or `'Finansiering 2012'!$B$4:$B$6` as a link to its (first) cell; null when not qualified. */
export function linkOf(ref: string): InternalLink | null {
  const m = QUALIFIED.exec(ref.trim());
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  return { sheet, cell: `${m[3].toUpperCase()}${m[4]}` };
}

/** Excel's tallest row, in points: a taller one is refused (Office.js) or cut (a file). */
export const MAX_ROW_HEIGHT = 409;

/**
 * Rough row height (points) for text wrapped in a column block `width` characters wide, at most
 * Excel's 409 points (longer text is cut off on screen; the cell keeps all of it).
 */
export function wrappedHeight(text: string, width: number, lineHeight = 15): number {
  const lines = text
    .split('\n')
    .reduce((n, part) => n + Math.max(1, Math.ceil((part.length * 1.1) / Math.max(1, width))), 0);
  return Math.min(MAX_ROW_HEIGHT, Math.max(1, lines) * lineHeight);
}
