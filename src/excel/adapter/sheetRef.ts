/**
 * The cell references findings carry (`Budsjett!B9`, `'Finansiering 2012'!C4`,
 * `Budsjett!B2:C9`), split into sheet and address for `select()`.
 */

import { splitSheetRef } from '../../domain/address';

export interface SheetRef {
  /** Null when the reference names no sheet: the active sheet is meant. */
  readonly sheet: string | null;
  /** `B9` or `B2:C9`, without `$`. */
  readonly address: string;
}

const ADDRESS = /^\$?[A-Za-z]{1,3}\$?\d{1,7}(:\$?[A-Za-z]{1,3}\$?\d{1,7})?$/;

/** Null when the text is not a cell or range reference. */
export function parseSheetRef(ref: string): SheetRef | null {
  const text = ref.trim();
  const split = text.includes('!') ? splitSheetRef(text) : { sheet: null, address: text };
  if (!split) return null;
  const { sheet, address } = split;
  if (!ADDRESS.test(address)) return null;
  return { sheet, address: address.replace(/\$/g, '').toUpperCase() };
}
