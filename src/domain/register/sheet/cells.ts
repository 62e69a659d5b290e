/** A register sheet's cell as the register keeps it: a list cell's items, an unknown column's value. */
import { cellText } from '../entryFields';
import { isCellError, type CellValue } from '../../snapshot';
import { LIST_SEPARATOR, type ExtraValue } from '../types';

/** Shared by every entry whose list cell is empty (most of them): no array per row. */
export const NO_ITEMS: readonly string[] = Object.freeze([]);

/** A list cell's items: `a; b` split at `;`, trimmed, empty items dropped. */
export function list(v: CellValue): readonly string[] {
  if (v === null || v === '') return NO_ITEMS;
  const text = cellText(v);
  if (text === '') return NO_ITEMS;
  if (!text.includes(LIST_SEPARATOR)) return [text];
  return text
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A cell of a column the add-in does not know, as it is (an error as its text: `#REF!`). */
export function extraValue(v: CellValue): ExtraValue {
  return isCellError(v) ? v.error : v;
}
