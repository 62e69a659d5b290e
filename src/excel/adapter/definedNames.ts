/**
 * The workbook's defined names as read() keeps them: those that refer to one range of one sheet
 * (`='Avstemming'!$A$1`), as sheet and reference; the markers of earlier outputs are such names.
 */
import { splitSheetRef } from '../../domain/address';
import type { DefinedNameSnapshot } from '../../domain/snapshot';
import type { ExcelNamedItem } from '../excelApi';

/**
 * The names that refer to one range of one sheet (`='Avstemming'!$A$1`),
 * as sheet and reference; constants, formulas and broken references
 * (`=#REF!$A$1`) are left out.
 */
export function readNames(
  items: readonly Pick<ExcelNamedItem, 'name' | 'formula' | 'value'>[],
  byFormula: boolean,
): DefinedNameSnapshot[] {
  const out: DefinedNameSnapshot[] = [];
  for (const item of items) {
    const parsed = parseNameReference(byFormula ? item.formula : item.value);
    if (parsed) out.push({ name: item.name, ...parsed });
  }
  return out;
}

const RANGE = /^\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?$/;

/** A name's reference (`Avstemming!$A$1`) as sheet and address; null for anything else. */
export function parseNameReference(text: unknown): { sheet: string; ref: string } | null {
  if (typeof text !== 'string') return null;
  const split = splitSheetRef(text);
  if (!split || !RANGE.test(split.address) || split.sheet.includes('#REF!')) return null;
  return { sheet: split.sheet, ref: split.address.toUpperCase() };
}
