/**
 * What a written output sheet's text cells say about fitting, measured from the file as Excel lays
 * it out: no row taller than Excel's 409 pt, no text wider than the area it may use (its cell or
 * merged block) or taller than its rows, and every font named (Calibri, not a theme's).
 */
import ExcelJS from 'exceljs';
import { parseRangeRef } from '../../src/domain/address';
import {
  BODY_FONT,
  lineHeight,
  MAX_ROW_HEIGHT,
  textWidth,
  usableWidth,
  wrapLines,
} from '../../src/domain/outputs/measure';
import { cached } from './sheets';

/** What the written file says about one output sheet's text cells, measured as Excel lays them out. */
export function misfits(ws: ExcelJS.Worksheet): string[] {
  const bad: string[] = [];
  const heightOf = (r: number) => ws.getRow(r).height ?? lineHeight(BODY_FONT.size);
  const widthOf = (c: number) => ws.getColumn(c).width ?? 8.43;
  const merges = new Map<string, { row: number; col: number; rows: number; cols: number }>();
  for (const m of (ws.model as { merges?: string[] }).merges ?? []) {
    const r = parseRangeRef(m)!;
    merges.set(`${r.row + 1},${r.col + 1}`, r);
  }
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if ((row.height ?? 0) > MAX_ROW_HEIGHT) bad.push(`${ws.name} row ${r}: ${row.height} pt`);
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      // A cell a merge covers: ExcelJS shows the merge's value there; only the first cell counts.
      if (cell.isMerged && cell.master !== cell) return;
      const font = cell.font;
      if (cell.value !== null || cell.style?.border || cell.style?.fill) {
        // Named, and not a theme's font: `scheme` would make Excel show the theme's instead.
        if (font?.name !== BODY_FONT.name || font.scheme !== undefined)
          bad.push(`${ws.name}!${cell.address}: font ${JSON.stringify(font)}`);
      }
      const text = cached(cell);
      if (typeof text !== 'string' || text === '') return;
      const area = merges.get(`${r},${c}`) ?? { row: r - 1, col: c - 1, rows: 1, cols: 1 };
      let chars = 0;
      for (let k = 0; k < area.cols; k++) chars += widthOf(area.col + 1 + k);
      let height = 0;
      for (let k = 0; k < area.rows; k++) height += heightOf(area.row + 1 + k);
      const measured = { size: font?.size ?? BODY_FONT.size, bold: font?.bold === true };
      const room = usableWidth(chars);
      if (cell.alignment?.wrapText) {
        const needed = wrapLines(text, room, measured).length * lineHeight(measured.size);
        if (needed > height + 0.01)
          bad.push(`${ws.name}!${cell.address}: ${needed} pt of wrapped text in ${height} pt`);
      } else if (textWidth(text, measured) > room) {
        bad.push(`${ws.name}!${cell.address}: ${textWidth(text, measured).toFixed(1)} pt wide in ${room} pt`);
      }
    });
  });
  return bad;
}
