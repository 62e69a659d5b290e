/**
 * What every layout of the outputs shares: its options, and how a register project is named in a
 * cell (`1.2 Helsedesign , Arena`).
 */
import type { RegisterEntry } from '../register/types';
import { EXCEL_CELL_TEXT_MAX, shorten } from '../shorten';

export interface LayoutOptions {
  /** The sheet's name; by default the language's (`Avstemming` / `Reconciliation`). */
  readonly sheetName?: string;
}

/**
 * `1.2 Helsedesign , Arena`; register text, so always a literal. Id and name come from two cells,
 * so together they may exceed what one cell holds: at most `max` characters (a card's title keeps
 * the name whole up to Excel's limit; a table column quotes it shortened).
 */
export function projectLabel(
  entry: Pick<RegisterEntry, 'id' | 'name'>,
  max: number = EXCEL_CELL_TEXT_MAX,
): string {
  return shorten([entry.id, entry.name].filter((s) => s !== '').join(' '), max);
}
