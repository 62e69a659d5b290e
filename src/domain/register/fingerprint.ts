/**
 * A fingerprint of the register sheet's contents: what the pane's edit was
 * based on. Before writing, the adapter reads the sheet again and compares
 * fingerprints, so that a co-author's edit made in between is never
 * overwritten. Cells are taken by sheet position, values and formulas alike,
 * trailing empty cells ignored, so two reads of the same sheet agree
 * whichever adapter made them.
 */
import { isCellError, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from '../snapshot';
import { findRegisterSheet } from './readRegister';

function cellText(v: CellValue, formula: string | null | undefined): string {
  if (formula) return `f${formula}`;
  if (v === null || v === '') return '';
  if (isCellError(v)) return `e${v.error}`;
  return `${typeof v === 'number' ? 'n' : typeof v === 'boolean' ? 'b' : 's'}${String(v)}`;
}

/** 53-bit FNV-1a style hash of `text`, as 14 hex digits (two 32-bit lanes). */
function hash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 13);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + ((h2 >>> 0) & 0xffffff).toString(16).padStart(6, '0');
}

/** The fingerprint of one sheet's cells. */
export function sheetFingerprint(sheet: SheetSnapshot): string {
  const rows: string[] = [];
  sheet.values.forEach((row, r) => {
    const cells = row.map((v, c) => cellText(v, sheet.formulas?.[r]?.[c]));
    let end = cells.length;
    while (end > 0 && cells[end - 1] === '') end--;
    if (end > 0)
      rows.push(`${sheet.origin.row + r}:${sheet.origin.col}:${cells.slice(0, end).join('\u0001')}`);
  });
  return hash(rows.join('\u0002'));
}

/** The fingerprint of the workbook's register sheet, null when it has none. */
export function registerFingerprint(workbook: WorkbookSnapshot): string | null {
  const sheet = findRegisterSheet(workbook);
  return sheet ? sheetFingerprint(sheet) : null;
}
