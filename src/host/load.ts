/**
 * How a host's workbook is filled before the add-in sees it: from a model
 * (the sample, or what the add-in would write), with its formats, or from a
 * snapshot of a file (the .xlsx reader, in the browser), formulas kept as
 * text with their cached results. The first visible sheet is the active one.
 */
import type { BorderWeight, CellStyle, WorkbookModel } from '../domain/model';
import { quoteSheetName } from '../domain/address';
import type { WorkbookSnapshot } from '../domain/snapshot';
import type { CellData, HorizontalAlignment, SheetVisibility, VerticalAlignment } from './model/cells';
import { parseRangeAddress } from './model/rangeAddress';
import type { WorkbookState } from './model/state';
import type { Visibility } from './views';

const TO_EXCEL: Record<Visibility, SheetVisibility> = {
  visible: 'Visible',
  hidden: 'Hidden',
  veryHidden: 'VeryHidden',
};
const V_ALIGN: Record<NonNullable<CellStyle['verticalAlignment']>, VerticalAlignment> = {
  top: 'Top',
  middle: 'Center',
  bottom: 'Bottom',
};
const WEIGHT: Record<BorderWeight, string> = { thin: 'Thin', medium: 'Medium' };
const ALIGN: Record<NonNullable<CellStyle['horizontalAlignment']>, HorizontalAlignment> = {
  left: 'Left',
  center: 'Center',
  right: 'Right',
};

/** The sheets of a model, with their formats, and its names. */
export function loadModel(state: WorkbookState, model: WorkbookModel): void {
  for (const m of model.sheets) {
    const sheet = state.addSheet(m.name);
    sheet.visibility = TO_EXCEL[m.visibility ?? 'visible'];
    sheet.isProtected = m.protect === true;
    for (const c of m.cells) {
      const cell: CellData = { value: null };
      // A model's string is text, never a formula (model.ts), so it is stored as given.
      if (c.formula !== undefined) cell.formula = c.formula;
      else if (c.value !== undefined && c.value !== '') cell.value = c.value;
      if (c.numberFormat !== undefined) cell.numberFormat = c.numberFormat;
      if (c.indent) cell.indentLevel = c.indent;
      if (c.bold !== undefined) cell.bold = c.bold;
      if (c.italic !== undefined) cell.italic = c.italic;
      if (c.fontSize !== undefined) cell.fontSize = c.fontSize;
      if (c.fontColor !== undefined) cell.fontColor = c.fontColor;
      if (c.fill !== undefined) cell.fill = c.fill;
      if (c.horizontalAlignment !== undefined) cell.horizontalAlignment = ALIGN[c.horizontalAlignment];
      if (c.wrapText !== undefined) cell.wrapText = c.wrapText;
      if (c.verticalAlignment !== undefined) cell.verticalAlignment = V_ALIGN[c.verticalAlignment];
      if (c.border?.top) cell.borderTop = WEIGHT[c.border.top];
      if (c.border?.bottom) cell.borderBottom = WEIGHT[c.border.bottom];
      if (c.border?.left) cell.borderLeft = WEIGHT[c.border.left];
      if (c.border?.right) cell.borderRight = WEIGHT[c.border.right];
      sheet.put(c.row, c.col, cell);
    }
    for (const w of m.columnWidths ?? []) sheet.columnWidths.set(w.col, w.width);
    for (const h of m.rowHeights ?? []) sheet.rowHeights.set(h.row, h.height);
    if (m.freeze && (m.freeze.rows > 0 || m.freeze.cols > 0)) sheet.freeze = { ...m.freeze };
    for (const merge of m.merges ?? []) {
      const rect = parseRangeAddress(merge);
      if (rect) sheet.merges.add(rect);
    }
  }
  for (const n of model.names ?? []) {
    state.names.push({ name: n.name, formula: `=${quoteSheetName(n.sheet)}!${n.ref}` });
  }
  activateFirstVisible(state);
}

/**
 * The sheets of a file's snapshot: values are the cached results, formulas are kept as text and
 * their results stand until the workbook changes.
 */
export function loadSnapshot(state: WorkbookState, snapshot: WorkbookSnapshot): void {
  for (const s of snapshot.sheets) {
    const sheet = state.addSheet(s.name);
    sheet.visibility = TO_EXCEL[s.visibility ?? 'visible'];
    s.values.forEach((row, r) => {
      const width = Math.max(row.length, s.formulas?.[r]?.length ?? 0, s.indents?.[r]?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const value = row[c] ?? null;
        const formula = s.formulas?.[r]?.[c] ?? null;
        const indent = s.indents?.[r]?.[c] ?? 0;
        if ((value === null || value === '') && formula === null && !indent) continue;
        const cell: CellData = { value: value === '' ? null : value };
        if (formula !== null) {
          cell.formula = formula;
          cell.fromFile = true;
          cell.calcVersion = state.version;
        }
        if (indent) cell.indentLevel = indent;
        sheet.put(s.origin.row + r, s.origin.col + c, cell);
      }
    });
  }
  activateFirstVisible(state);
}

function activateFirstVisible(state: WorkbookState): void {
  state.active = state.sheets.find((s) => s.visibility === 'Visible') ?? state.sheets[0] ?? null;
}
