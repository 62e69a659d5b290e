/**
 * Column widths from what a column holds (measure.ts): wide enough for its widest text on one
 * line, within bounds, so that a column of short labels stays narrow and a column of long ones
 * wraps them instead of widening the page.
 */
import { formatNok, type Ore } from '../amount';
import { charsFor, textWidth, type TextFont } from './measure';

export interface WidthBounds {
  readonly min: number;
  readonly max: number;
}

/** The width (characters) of the widest of `texts` on one line, kept within the bounds. */
export function widthFor(texts: Iterable<string>, bounds: WidthBounds, font: TextFont = {}): number {
  let widest = 0;
  for (const t of texts) {
    // Past what the bound allows, the rest of a long text cannot widen the column.
    const points = textWidth(t.length > 400 ? t.slice(0, 400) : t, font);
    if (points > widest) widest = points;
  }
  return Math.min(bounds.max, Math.max(bounds.min, charsFor(widest)));
}

/** The widest word of each text: a header may wrap between words, never inside one. */
export function words(texts: Iterable<string>): string[] {
  const out: string[] = [];
  for (const t of texts) out.push(...t.split(/\s+/).filter((w) => w !== ''));
  return out;
}

/** How an amount of this size shows under `#,##0`, with a minus: the widest a column of them needs. */
export function amountText(maxAbs: Ore): string {
  return `-${formatNok(Math.abs(maxAbs), 'nb')}`;
}
