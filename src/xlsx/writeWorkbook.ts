/**
 * Writing side of the .xlsx adapter: renders the domain's `WorkbookModel`
 * with ExcelJS. The model decides layout; this file only translates.
 */
import { promises as fs } from 'fs';
import ExcelJS from 'exceljs';
import { cellRef, parseCellRef, parseRangeRef, quoteSheetName } from '../domain/address';
import {
  isProtectedText,
  type BorderWeight,
  type CellModel,
  type CellStyle,
  type ConditionalFormatModel,
  type DefinedNameModel,
  type PrintSettings,
  type SheetModel,
  type TableModel,
  type WorkbookModel,
} from '../domain/model';

/** The model cannot be written as a valid .xlsx (a bug in whoever built it). */
export class XlsxModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxModelError';
  }
}

export const DEFAULT_TABLE_STYLE = 'TableStyleMedium2';

/** Excel's limit on the characters in one cell. */
const MAX_CELL_TEXT = 32_767;

/**
 * Builds an ExcelJS workbook from the model. Async because ExcelJS's sheet
 * protection is. Throws `XlsxModelError` for a model Excel would reject
 * (bad sheet or table name, duplicate cell, value inside a merged area, ...).
 */
export async function buildWorkbook(model: WorkbookModel): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // Formulas are written without cached results: make Excel compute them on open.
  wb.calcProperties.fullCalcOnLoad = true;

  checkSheetNames(model.sheets);
  checkTableNames(model.sheets);
  if (model.sheets.length === 0) throw new XlsxModelError('A workbook needs at least one sheet.');
  const firstVisible = model.sheets.findIndex((s) => (s.visibility ?? 'visible') === 'visible');
  if (firstVisible < 0) throw new XlsxModelError('A workbook needs at least one visible sheet.');

  for (const sheet of model.sheets) {
    await renderSheet(wb.addWorksheet(sheet.name), sheet);
  }
  addDefinedNames(wb, model.names ?? []);
  // The active tab must be a visible sheet, or Excel opens on a hidden one.
  wb.views = [
    {
      x: 0,
      y: 0,
      width: 20000,
      height: 12000,
      firstSheet: 0,
      activeTab: firstVisible,
      visibility: 'visible',
    },
  ];
  return wb;
}

/** The model rendered as the bytes of an .xlsx file. */
export async function writeWorkbookBuffer(model: WorkbookModel): Promise<Buffer> {
  const wb = await buildWorkbook(model);
  const data = await wb.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

/** Writes the model to an .xlsx file at `path` (replacing it). */
export async function writeWorkbookFile(model: WorkbookModel, path: string): Promise<void> {
  await fs.writeFile(path, await writeWorkbookBuffer(model));
}

/**
 * Renders one sheet model into a worksheet (new and empty). Charts are not
 * drawn: ExcelJS cannot write them; returns how many were left out, so the
 * caller can say so.
 */
export async function renderSheet(
  ws: ExcelJS.Worksheet,
  sheet: SheetModel,
): Promise<{ chartsLeftOut: number }> {
  const byAddress = new Map<string, CellModel>();
  for (const c of sheet.cells) {
    if (!Number.isInteger(c.row) || !Number.isInteger(c.col) || c.row < 0 || c.col < 0) {
      throw new XlsxModelError(`Sheet ${sheet.name}: invalid cell position row ${c.row}, col ${c.col}.`);
    }
    const ref = cellRef(c.row, c.col);
    if (byAddress.has(ref)) throw new XlsxModelError(`Sheet ${sheet.name}: cell ${ref} is given twice.`);
    byAddress.set(ref, c);
    renderCell(ws.getCell(c.row + 1, c.col + 1), c, `${sheet.name}!${ref}`);
  }

  for (const { col, width } of sheet.columnWidths ?? []) {
    ws.getColumn(col + 1).width = width;
  }
  for (const { row, height } of sheet.rowHeights ?? []) {
    ws.getRow(row + 1).height = height;
  }
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)) {
    const { rows, cols } = sheet.freeze;
    ws.views = [{ state: 'frozen', xSplit: cols, ySplit: rows, topLeftCell: cellRef(rows, cols) }];
  }
  sheet.conditionalFormats?.forEach((cf, i) => renderConditionalFormat(ws, cf, i, sheet.name));
  if (sheet.print) renderPrint(ws, sheet.print, sheet.name);

  for (const table of sheet.tables ?? []) {
    renderTable(ws, sheet, table, byAddress);
  }

  for (const merge of sheet.merges ?? []) {
    const area = parseRange(merge, `Sheet ${sheet.name}: merge`);
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        if (r === area.top && c === area.left) continue;
        const cell = byAddress.get(cellRef(r, c));
        if (cell && (cell.formula !== undefined || (cell.value !== undefined && cell.value !== null))) {
          throw new XlsxModelError(
            `Sheet ${sheet.name}: cell ${cellRef(r, c)} has content but lies inside merged area ${merge} (only the top-left cell may).`,
          );
        }
      }
    }
    try {
      // Gives the whole area the top-left cell's format, as Excel's Merge does.
      ws.mergeCells(area.top + 1, area.left + 1, area.bottom + 1, area.right + 1);
    } catch (e) {
      throw new XlsxModelError(`Sheet ${sheet.name}: cannot merge ${merge}: ${(e as Error).message}`);
    }
  }

  ws.state = sheet.visibility ?? 'visible';

  if (sheet.protect) {
    await ws.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
    });
  }
  return { chartsLeftOut: sheet.charts?.length ?? 0 };
}

/** An expression rule; the model's formula is written for the range's top-left cell, as Excel stores it. */
function renderConditionalFormat(
  ws: ExcelJS.Worksheet,
  cf: ConditionalFormatModel,
  index: number,
  sheetName: string,
): void {
  const where = `Sheet ${sheetName}: conditional format ${cf.range}`;
  parseRange(cf.range, where);
  const formula = cf.formula.startsWith('=') ? cf.formula.slice(1) : cf.formula;
  if (formula.trim() === '') throw new XlsxModelError(`${where}: empty formula.`);
  const style: Partial<ExcelJS.Style> = {};
  if (cf.fill) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.fill, where) } };
  const font: Partial<ExcelJS.Font> = {};
  if (cf.fontColor) font.color = { argb: argb(cf.fontColor, where) };
  if (cf.bold !== undefined) font.bold = cf.bold;
  if (Object.keys(font).length > 0) style.font = font;
  ws.addConditionalFormatting({
    ref: cf.range,
    rules: [{ type: 'expression', priority: index + 1, formulae: [formula], style }],
  });
}

const PAPER_A4 = 9;

function renderPrint(ws: ExcelJS.Worksheet, p: PrintSettings, sheetName: string): void {
  ws.pageSetup.paperSize = PAPER_A4;
  ws.pageSetup.orientation = p.orientation;
  if (p.fitToWidth) {
    ws.pageSetup.fitToPage = true;
    ws.pageSetup.fitToWidth = 1;
    // 0: as many pages tall as it takes.
    ws.pageSetup.fitToHeight = 0;
  }
  if (p.titleRows) {
    const { first, last } = p.titleRows;
    if (first < 0 || last < first)
      throw new XlsxModelError(`Sheet ${sheetName}: print title rows ${first}..${last} are not a range.`);
    ws.pageSetup.printTitlesRow = `${first + 1}:${last + 1}`;
  }
  // A break after 1-based row r starts the next page at 0-based row r.
  for (const r of [...new Set(p.rowBreaks ?? [])].sort((a, b) => a - b)) {
    if (r > 0) ws.getRow(r).addPageBreak();
  }
}

/** Workbook-level names referring to one cell (`'Avstemming'!$A$1`); replaces any of the same name. */
export function addDefinedNames(wb: ExcelJS.Workbook, names: readonly DefinedNameModel[]): void {
  if (names.length === 0) return;
  const replaced = new Set(names.map((n) => n.name.toLowerCase()));
  // ExcelJS has no "remove this name": rebuild the list without the names being replaced.
  wb.definedNames.model = wb.definedNames.model.filter((n) => !replaced.has(n.name.toLowerCase()));
  for (const n of names) {
    if (!parseCellRef(n.ref)) throw new XlsxModelError(`Defined name ${n.name}: ${n.ref} is not one cell.`);
    const ref = n.ref.replace(/^\$?([A-Za-z]+)\$?(\d+)$/, '$$$1$$$2');
    wb.definedNames.add(`${quoteSheetName(n.sheet)}!${ref}`, n.name);
  }
}

function renderCell(cell: ExcelJS.Cell, c: CellModel, where: string): void {
  if (c.link !== undefined && c.formula === undefined) {
    const target = parseCellRef(c.link.cell);
    if (!target) throw new XlsxModelError(`${where}: link target ${c.link.cell} is not a cell.`);
    // A HYPERLINK formula, not an ExcelJS hyperlink: ExcelJS 4.4 writes an in-workbook link with an
    // external relationship as well as its location, which Excel follows as a file name.
    const shown = String(literal(c.value ?? c.link.cell, where));
    const address = `#${quoteSheetName(c.link.sheet)}!${cellRef(target.row, target.col)}`;
    cell.value = { formula: `HYPERLINK(${excelString(address)},${excelString(shown)})`, result: shown };
  } else if (c.formula !== undefined) {
    const text = c.formula.startsWith('=') ? c.formula.slice(1) : c.formula;
    if (text.trim() === '') throw new XlsxModelError(`${where}: empty formula.`);
    cell.value = { formula: text };
  } else if (c.value !== undefined && c.value !== null) {
    const v = literal(c.value, where);
    cell.value = typeof v === 'string' ? xmlSafeText(v) : v;
  }
  applyStyle(cell, c, where);
  // ExcelJS always stores a string as text, never as a formula. Text that Excel would turn into
  // something else when the cell is edited (F2, Enter) gets the Text format too, as the Office.js
  // writer does: one rule, in the domain.
  if (c.link === undefined && isProtectedText(c)) cell.numFmt = '@';
}

/** A string literal inside a formula: `"` doubled. */
function excelString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function literal(v: number | string | boolean, where: string): number | string | boolean {
  if (typeof v === 'number' && !Number.isFinite(v)) {
    throw new XlsxModelError(`${where}: ${v} is not a number Excel can store.`);
  }
  if (typeof v === 'string' && v.length > MAX_CELL_TEXT) {
    throw new XlsxModelError(`${where}: text of ${v.length} characters exceeds Excel's ${MAX_CELL_TEXT}.`);
  }
  return v;
}

/**
 * Text as OOXML stores it, so that it reads back as written. XML cannot hold control characters
 * (other than tab and newline), a carriage return survives only escaped, and U+FFFE, U+FFFF and
 * lone surrogates are not characters at all: Excel writes each as `_xHHHH_`. ExcelJS does not
 * (it drops controls and writes U+FFFE raw, which no reader then opens), so it is done here; and a
 * literal `_xHHHH_` in the text is itself escaped (`_x005F_`), else it would read back decoded.
 */
export function xmlSafeText(s: string): string {
  if (
    !/[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\u007F\uD800-\uDFFF\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/.test(s)
  )
    return s;
  const hex = (code: number) => `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;
  return s
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')
    .replace(
      /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      (ch) => hex(ch.charCodeAt(0)),
    );
}

function applyStyle(cell: ExcelJS.Cell, s: CellStyle, where: string): void {
  if (s.numberFormat !== undefined) cell.numFmt = s.numberFormat;

  const font: Partial<ExcelJS.Font> = {};
  if (s.bold !== undefined) font.bold = s.bold;
  if (s.italic !== undefined) font.italic = s.italic;
  if (s.fontSize !== undefined) font.size = s.fontSize;
  if (s.fontColor !== undefined) font.color = { argb: argb(s.fontColor, where) };
  if (Object.keys(font).length > 0) cell.font = font;

  if (s.fill !== undefined) {
    cell.fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: argb(s.fill, where) },
    };
  }

  const alignment: Partial<ExcelJS.Alignment> = {};
  if (s.horizontalAlignment !== undefined) alignment.horizontal = s.horizontalAlignment;
  if (s.indent !== undefined && s.indent > 0) {
    alignment.indent = s.indent;
    // Excel only applies an indent to left-, right- or distributed-aligned cells.
    alignment.horizontal ??= 'left';
  }
  if (s.wrapText !== undefined) alignment.wrapText = s.wrapText;
  if (s.verticalAlignment !== undefined) alignment.vertical = s.verticalAlignment;
  if (Object.keys(alignment).length > 0) cell.alignment = alignment;

  if (s.border !== undefined) {
    const border: Partial<ExcelJS.Borders> = {};
    const side = (w: BorderWeight | undefined) => (w ? { style: w } : undefined);
    if (s.border.top) border.top = side(s.border.top);
    if (s.border.bottom) border.bottom = side(s.border.bottom);
    if (s.border.left) border.left = side(s.border.left);
    if (s.border.right) border.right = side(s.border.right);
    if (Object.keys(border).length > 0) cell.border = border;
  }
}

/** `#RRGGBB` -> ExcelJS `FFRRGGBB` (opaque). */
function argb(color: string, where: string): string {
  const m = /^#?([0-9a-fA-F]{6})$/.exec(color);
  if (!m) throw new XlsxModelError(`${where}: colour ${JSON.stringify(color)} is not #RRGGBB.`);
  return 'FF' + m[1].toUpperCase();
}

/**
 * An Excel table over `table.range`, header and data taken from the model's
 * cells. Excel cannot store a table without a data row: for a header-only
 * range one empty data row is added, so the table in the file is one row
 * taller than `range`. Header names are always text in Excel: a number
 * header such as 2010 is written as the text "2010".
 */
function renderTable(
  ws: ExcelJS.Worksheet,
  sheet: SheetModel,
  table: TableModel,
  byAddress: ReadonlyMap<string, CellModel>,
): void {
  const where = `Sheet ${sheet.name}: table ${table.name}`;
  const area = parseRange(table.range, where);

  const names: string[] = [];
  const seen = new Set<string>();
  for (let c = area.left; c <= area.right; c++) {
    const ref = cellRef(area.top, c);
    const header = byAddress.get(ref);
    if (header?.formula !== undefined)
      throw new XlsxModelError(`${where}: header ${ref} is a formula; headers must be text.`);
    const name = header?.value === undefined || header.value === null ? '' : String(header.value);
    if (name.trim() === '') throw new XlsxModelError(`${where}: header cell ${ref} is empty.`);
    if (seen.has(name.toLowerCase()))
      throw new XlsxModelError(`${where}: header ${JSON.stringify(name)} is used twice.`);
    seen.add(name.toLowerCase());
    names.push(name);
  }

  const rows: ExcelJS.CellValue[][] = [];
  for (let r = area.top + 1; r <= area.bottom; r++) {
    const row: ExcelJS.CellValue[] = [];
    for (let c = area.left; c <= area.right; c++) {
      const cell = byAddress.get(cellRef(r, c));
      if (cell?.formula !== undefined) {
        row.push({
          formula: cell.formula.startsWith('=') ? cell.formula.slice(1) : cell.formula,
        });
      } else {
        const v = cell?.value ?? null;
        row.push(typeof v === 'string' ? xmlSafeText(v) : v);
      }
    }
    rows.push(row);
  }
  if (rows.length === 0) rows.push(names.map(() => null));

  ws.addTable({
    name: table.name,
    displayName: table.name,
    ref: cellRef(area.top, area.left),
    headerRow: true,
    totalsRow: false,
    style: {
      theme: (table.style ?? DEFAULT_TABLE_STYLE) as ExcelJS.TableStyleProperties['theme'],
      showRowStripes: true,
    },
    // ExcelJS hides the filter buttons unless asked; Excel shows them on a new table.
    columns: names.map((name) => ({ name: xmlSafeText(name), filterButton: true })),
    rows,
  });
}

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** `A3:N14` (or a single `A3`) as 0-based corners. */
function parseRange(range: string, where: string): Area {
  const r = parseRangeRef(range);
  if (!r) throw new XlsxModelError(`${where}: ${JSON.stringify(range)} is not an A1 range.`);
  return { top: r.row, left: r.col, bottom: r.row + r.rows - 1, right: r.col + r.cols - 1 };
}

function checkSheetNames(sheets: readonly SheetModel[]): void {
  const seen = new Set<string>();
  for (const { name } of sheets) {
    if (name.length === 0 || name.length > 31) {
      throw new XlsxModelError(`Sheet name ${JSON.stringify(name)} must be 1 to 31 characters.`);
    }
    if (/[*?:/\\[\]]/.test(name) || /^'|'$/.test(name)) {
      throw new XlsxModelError(`Sheet name ${JSON.stringify(name)} contains a character Excel forbids.`);
    }
    if (name.toLowerCase() === 'history')
      throw new XlsxModelError('Sheet name "History" is reserved by Excel.');
    if (seen.has(name.toLowerCase()))
      throw new XlsxModelError(`Sheet name ${JSON.stringify(name)} is used twice.`);
    seen.add(name.toLowerCase());
  }
}

function checkTableNames(sheets: readonly SheetModel[]): void {
  const seen = new Set<string>();
  for (const sheet of sheets) {
    for (const { name } of sheet.tables ?? []) {
      const valid =
        /^[\p{L}_\\][\p{L}\p{N}_.]{0,254}$/u.test(name) &&
        !parseCellRef(name) &&
        !/^[RrCc]$/.test(name) &&
        !/^[Rr]\d*[Cc]\d*$/.test(name);
      if (!valid) throw new XlsxModelError(`Table name ${JSON.stringify(name)} is not a valid Excel name.`);
      if (seen.has(name.toLowerCase()))
        throw new XlsxModelError(`Table name ${JSON.stringify(name)} is used twice.`);
      seen.add(name.toLowerCase());
    }
  }
}
