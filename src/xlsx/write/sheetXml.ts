/**
 * One sheet of the domain's `SheetModel` as a SpreadsheetML worksheet part
 * (and its tables' parts): the cells with their formats, column widths, row
 * heights, frozen panes, merges, conditional formats, print settings and
 * protection. Strings are written inline (`t="inlineStr"`), so the
 * workbook's shared-string table is never touched; a string is always text,
 * never a formula. Formulas are written without a cached result: the
 * workbook is marked to calculate on open.
 */
import {
  cellRef,
  MAX_COLS,
  MAX_ROWS,
  parseCellRef,
  parseRangeRef,
  quoteSheetName,
} from '../../domain/address';
import {
  headerFooterCode,
  numberFormatOf,
  type CellModel,
  type HeaderFooterModel,
  type SheetModel,
  type TableModel,
} from '../../domain/model';
import { XlsxModelError } from './errors';
import type { StylesEditor } from './styles';
import { esc, escAttr, escText } from './xmlText';

export const DEFAULT_TABLE_STYLE = 'TableStyleMedium2';

/** Excel's limit on the characters in one cell. */
const MAX_CELL_TEXT = 32_767;

export interface TablePart {
  readonly model: TableModel;
  /** The table's `id`, unique in the workbook. */
  readonly id: number;
  /** The relationship id the sheet refers to it by. */
  readonly relId: string;
}

export interface SheetXmlContext {
  readonly mainNs: string;
  readonly relNs: string;
  readonly styles: StylesEditor;
  /** The sheet's tables, with ids and relationship ids given by the package writer. */
  readonly tables: readonly TablePart[];
  /** The relationship id of the sheet's drawing (its charts), when it has one. */
  readonly drawing?: string;
}

interface Area {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

function area(range: string, where: string): Area {
  const r = parseRangeRef(range);
  if (!r) throw new XlsxModelError(`${where}: ${JSON.stringify(range)} is not an A1 range.`);
  return { top: r.row, left: r.col, bottom: r.row + r.rows - 1, right: r.col + r.cols - 1 };
}

const ref = (a: Area) => `${cellRef(a.top, a.left)}:${cellRef(a.bottom, a.right)}`;

/** A table's area in the file: a header-only table gets one empty data row (Excel stores none without). */
export function tableArea(sheet: SheetModel, table: TableModel): Area {
  const a = area(table.range, `Sheet ${sheet.name}: table ${table.name}`);
  return a.bottom === a.top ? { ...a, bottom: a.top + 1 } : a;
}

/** The header names of a table, from its header cells (text, unique, not empty). */
export function tableHeaders(sheet: SheetModel, table: TableModel, byAddress: CellIndex): string[] {
  const where = `Sheet ${sheet.name}: table ${table.name}`;
  const a = area(table.range, where);
  const names: string[] = [];
  const seen = new Set<string>();
  for (let c = a.left; c <= a.right; c++) {
    const at = cellRef(a.top, c);
    const header = byAddress.get(key(a.top, c));
    if (header?.formula !== undefined)
      throw new XlsxModelError(`${where}: header ${at} is a formula; headers must be text.`);
    const name = header?.value === undefined || header.value === null ? '' : String(header.value);
    if (name.trim() === '') throw new XlsxModelError(`${where}: header cell ${at} is empty.`);
    if (seen.has(name.toLowerCase()))
      throw new XlsxModelError(`${where}: header ${JSON.stringify(name)} is used twice.`);
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

/** Cells by position: `key(row, col)`. */
export type CellIndex = ReadonlyMap<number, CellModel>;

const key = (row: number, col: number) => row * MAX_COLS + col;

export function cellsByAddress(sheet: SheetModel): Map<number, CellModel> {
  const byAddress = new Map<number, CellModel>();
  for (const c of sheet.cells) {
    if (
      !Number.isInteger(c.row) ||
      !Number.isInteger(c.col) ||
      c.row < 0 ||
      c.col < 0 ||
      c.row >= MAX_ROWS ||
      c.col >= MAX_COLS
    ) {
      throw new XlsxModelError(`Sheet ${sheet.name}: invalid cell position row ${c.row}, col ${c.col}.`);
    }
    const k = key(c.row, c.col);
    if (byAddress.has(k))
      throw new XlsxModelError(`Sheet ${sheet.name}: cell ${cellRef(c.row, c.col)} is given twice.`);
    byAddress.set(k, c);
  }
  return byAddress;
}

/** The worksheet part's XML. */
export function sheetXml(sheet: SheetModel, ctx: SheetXmlContext): string {
  const byAddress = cellsByAddress(sheet);
  const merges = (sheet.merges ?? []).map((m) => area(m, `Sheet ${sheet.name}: merge`));
  checkMerges(sheet, merges, byAddress);
  // Header cells of tables are text in Excel, whatever the model holds (2010 is "2010").
  const headerCells = new Set<number>();
  for (const t of sheet.tables ?? []) {
    const a = area(t.range, `Sheet ${sheet.name}: table ${t.name}`);
    tableHeaders(sheet, t, byAddress);
    for (let c = a.left; c <= a.right; c++) headerCells.add(key(a.top, c));
  }

  // Rows in order, each with its cells in order.
  const rows = new Map<number, CellModel[]>();
  let maxRow = 0;
  let maxCol = 0;
  for (const c of sheet.cells) {
    let list = rows.get(c.row);
    if (!list) rows.set(c.row, (list = []));
    list.push(c);
    maxRow = Math.max(maxRow, c.row);
    maxCol = Math.max(maxCol, c.col);
  }
  const heights = new Map((sheet.rowHeights ?? []).map((h) => [h.row, h.height]));
  for (const r of heights.keys()) if (!rows.has(r)) rows.set(r, []);
  const rowNumbers = [...rows.keys()].sort((a, b) => a - b);

  const out: string[] = [];
  out.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`);
  out.push(`<worksheet xmlns="${ctx.mainNs}" xmlns:r="${ctx.relNs}">`);
  if (sheet.print?.fitToWidth) out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  out.push(`<dimension ref="${sheet.cells.length > 0 ? `A1:${cellRef(maxRow, maxCol)}` : 'A1'}"/>`);
  out.push(sheetViews(sheet));
  out.push('<sheetFormatPr defaultRowHeight="15"/>');
  const widths = [...(sheet.columnWidths ?? [])].sort((a, b) => a.col - b.col);
  if (widths.length > 0) {
    out.push('<cols>');
    for (const { col, width } of widths) {
      if (!(width >= 0 && width <= 255))
        throw new XlsxModelError(`Sheet ${sheet.name}: column width ${width}.`);
      out.push(`<col min="${col + 1}" max="${col + 1}" width="${width}" customWidth="1"/>`);
    }
    out.push('</cols>');
  }
  out.push('<sheetData>');
  for (const r of rowNumbers) {
    const cells = rows.get(r)!.sort((a, b) => a.col - b.col);
    const h = heights.get(r);
    if (h !== undefined && !(h >= 0 && h <= 409))
      throw new XlsxModelError(`Sheet ${sheet.name}: row height ${h} on row ${r + 1}.`);
    out.push(`<row r="${r + 1}"${h !== undefined ? ` ht="${h}" customHeight="1"` : ''}>`);
    for (const c of cells)
      out.push(cellXml(c, sheet, ctx, headerCells.size > 0 && headerCells.has(key(c.row, c.col))));
    out.push('</row>');
  }
  out.push('</sheetData>');
  if (sheet.protect) out.push('<sheetProtection sheet="1" objects="1" scenarios="1"/>');
  if (merges.length > 0) {
    out.push(`<mergeCells count="${merges.length}">`);
    for (const m of merges) out.push(`<mergeCell ref="${ref(m)}"/>`);
    out.push('</mergeCells>');
  }
  (sheet.conditionalFormats ?? []).forEach((cf, i) => {
    const where = `Sheet ${sheet.name}: conditional format ${cf.range}`;
    const a = area(cf.range, where);
    const formula = cf.formula.startsWith('=') ? cf.formula.slice(1) : cf.formula;
    if (formula.trim() === '') throw new XlsxModelError(`${where}: empty formula.`);
    out.push(
      `<conditionalFormatting sqref="${ref(a)}"><cfRule type="expression" dxfId="${ctx.styles.dxf(cf)}" priority="${
        i + 1
      }"><formula>${esc(formula)}</formula></cfRule></conditionalFormatting>`,
    );
  });
  const m = sheet.print?.margins;
  const inches = (points: number) => String(Math.round((points / 72) * 1000) / 1000);
  out.push(
    m
      ? `<pageMargins left="${inches(m.left)}" right="${inches(m.right)}" top="${inches(m.top)}" bottom="${inches(m.bottom)}" header="${inches(m.header)}" footer="${inches(m.footer)}"/>`
      : '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
  );
  if (sheet.print) {
    const p = sheet.print;
    out.push(
      `<pageSetup paperSize="9" orientation="${p.orientation}"${p.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`,
    );
    const footer = footerCode(p.footer);
    if (footer !== '') out.push(`<headerFooter><oddFooter>${escText(footer)}</oddFooter></headerFooter>`);
    const breaks = [...new Set(p.rowBreaks ?? [])].filter((r) => r > 0).sort((a, b) => a - b);
    if (breaks.length > 0) {
      out.push(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">`);
      // A break after 1-based row r starts the next page at 0-based row r.
      for (const r of breaks) out.push(`<brk id="${r}" max="16383" man="1"/>`);
      out.push('</rowBreaks>');
    }
  }
  // The schema's order: after the page setup and breaks, before the table parts.
  if (ctx.drawing !== undefined) out.push(`<drawing r:id="${ctx.drawing}"/>`);
  if (ctx.tables.length > 0) {
    out.push(`<tableParts count="${ctx.tables.length}">`);
    for (const t of ctx.tables) out.push(`<tablePart r:id="${t.relId}"/>`);
    out.push('</tableParts>');
  }
  out.push('</worksheet>');
  return out.join('');
}

function sheetViews(sheet: SheetModel): string {
  const f = sheet.freeze;
  if (!f || (f.rows <= 0 && f.cols <= 0)) return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const pane = f.rows > 0 && f.cols > 0 ? 'bottomRight' : f.rows > 0 ? 'bottomLeft' : 'topRight';
  const split = `${f.cols > 0 ? ` xSplit="${f.cols}"` : ''}${f.rows > 0 ? ` ySplit="${f.rows}"` : ''}`;
  return (
    `<sheetViews><sheetView workbookViewId="0"><pane${split} topLeftCell="${cellRef(f.rows, f.cols)}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${cellRef(f.rows, f.cols)}" sqref="${cellRef(f.rows, f.cols)}"/></sheetView></sheetViews>`
  );
}

function checkMerges(sheet: SheetModel, merges: readonly Area[], byAddress: CellIndex): void {
  const taken = new Set<number>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        const at = key(r, c);
        if (taken.has(at))
          throw new XlsxModelError(`Sheet ${sheet.name}: cannot merge ${ref(m)}: it overlaps another merge.`);
        taken.add(at);
        if (r === m.top && c === m.left) continue;
        const cell = byAddress.get(at);
        if (cell && (cell.formula !== undefined || (cell.value !== undefined && cell.value !== null))) {
          throw new XlsxModelError(
            `Sheet ${sheet.name}: cell ${cellRef(r, c)} has content but lies inside merged area ${ref(m)} (only the top-left cell may).`,
          );
        }
      }
    }
  }
}

function cellXml(c: CellModel, sheet: SheetModel, ctx: SheetXmlContext, header: boolean): string {
  const at = cellRef(c.row, c.col);
  const where = `${sheet.name}!${at}`;
  // Text that Excel would turn into something else when the cell is edited (F2, Enter) gets the
  // Text format, as the Office.js writer does: one rule, in the domain. A link's text is a formula's.
  const numberFormat = c.link === undefined ? numberFormatOf(c) : c.numberFormat;
  // Every cell in the sheet's font, named, so that none shows the workbook's default instead.
  const font = sheet.font ? { fontName: sheet.font.name, fontSize: c.fontSize ?? sheet.font.size } : {};
  const s = ctx.styles.xf({ ...c, numberFormat, ...font });
  const sAttr = s === 0 ? '' : ` s="${s}"`;
  if (c.link !== undefined && c.formula === undefined) {
    const target = parseCellRef(c.link.cell);
    if (!target) throw new XlsxModelError(`${where}: link target ${c.link.cell} is not a cell.`);
    // A HYPERLINK formula: in-workbook, no relationship, the same in every reader.
    const shown = String(literal(c.value ?? c.link.cell, where));
    const address = `#${quoteSheetName(c.link.sheet)}!${cellRef(target.row, target.col)}`;
    const formula = `HYPERLINK(${excelString(address)},${excelString(shown)})`;
    return `<c r="${at}"${sAttr} t="str"><f>${escText(formula)}</f><v>${escText(shown)}</v></c>`;
  }
  if (c.formula !== undefined) {
    const text = c.formula.startsWith('=') ? c.formula.slice(1) : c.formula;
    if (text.trim() === '') throw new XlsxModelError(`${where}: empty formula.`);
    return `<c r="${at}"${sAttr}><f>${escText(text)}</f></c>`;
  }
  const v = c.value;
  if (v === undefined || v === null) return s === 0 ? '' : `<c r="${at}"${sAttr}/>`;
  const value = literal(v, where);
  if (typeof value === 'string' || header) {
    const text = String(value);
    const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
    return `<c r="${at}"${sAttr} t="inlineStr"><is><t${space}>${escText(text)}</t></is></c>`;
  }
  if (typeof value === 'boolean') return `<c r="${at}"${sAttr} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${at}"${sAttr}><v>${value}</v></c>`;
}

/** The table part's XML. */
export function tableXml(sheet: SheetModel, t: TablePart, byAddress: CellIndex, mainNs: string): string {
  const names = tableHeaders(sheet, t.model, byAddress);
  const a = tableArea(sheet, t.model);
  const r = ref(a);
  const columns = names.map((n, i) => `<tableColumn id="${i + 1}" name="${escAttr(n)}"/>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${mainNs}" id="${t.id}" name="${escAttr(t.model.name)}" displayName="${escAttr(t.model.name)}" ref="${r}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${r}"/><tableColumns count="${names.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${escAttr(t.model.style ?? DEFAULT_TABLE_STYLE)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** A footer's three parts in Excel's code (`&LBudsjett.xlsx&C&D&RSide &P av &N`); '' for none. */
export function footerCode(footer: HeaderFooterModel | undefined): string {
  if (!footer) return '';
  const part = (code: string, text: string | undefined) => (text ? `${code}${headerFooterCode(text)}` : '');
  return part('&L', footer.left) + part('&C', footer.center) + part('&R', footer.right);
}

/** A string literal inside a formula: `"` doubled. */
function excelString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function literal(v: number | string | boolean, where: string): number | string | boolean {
  if (typeof v === 'number' && !Number.isFinite(v))
    throw new XlsxModelError(`${where}: ${v} is not a number Excel can store.`);
  if (typeof v === 'string' && v.length > MAX_CELL_TEXT) {
    throw new XlsxModelError(`${where}: text of ${v.length} characters exceeds Excel's ${MAX_CELL_TEXT}.`);
  }
  return v;
}
