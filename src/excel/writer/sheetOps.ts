/**
 * One output sheet as a list of write operations, each with an estimate of
 * the request bytes it costs, so that the writer can pack them into round
 * trips under the payload limit (chunks.ts). Nothing is queued until an
 * operation is given its round trip's worksheet object.
 *
 * Cells are written in row bands (at most `bandCells` cells and about
 * `bandBytes` bytes each): per band the number formats first (text that
 * must stay text gets `@`), then the values and formulas as one 2D array,
 * then the other formats grouped into rectangles of equal value, or as one
 * `setCellProperties` call (ExcelApi 1.9) where that is smaller (mixed
 * formats), then the links. Sheet settings (widths, heights, merges, frozen
 * panes, tables, conditional formats, printing, charts) follow the cells.
 */
import { cellRef, columnLetters, quoteSheetName } from '../../domain/address';
import {
  isProtectedText,
  numberFormatOf,
  type CellModel,
  type ChartModel,
  type SheetModel,
} from '../../domain/model';
import { jsonBytes } from '../adapter/blocks';
import { parseSheetRef } from '../adapter/sheetRef';
import type { ExcelRange, ExcelSettableCellProperties, ExcelWorksheet } from '../excelApi';
import { isLeftOut, type LeftOut } from '../gateway';
import { FORMAT_PROPERTIES } from './cellFormats';
import { rectangles, type Keyed, type Rect } from './rects';

/** What this Excel can do beyond ExcelApi 1.4 (each feature's set in parentheses). */
export interface Features {
  /** `setCellProperties`, `RangeFormat.indentLevel`, page layout, page breaks (1.9). */
  readonly api19: boolean;
  /** `Range.hyperlink`, frozen panes, chart series methods (1.7). */
  readonly api17: boolean;
  /** Conditional formats, `suspendApiCalculationUntilNextSync` (1.6). */
  readonly api16: boolean;
}

/** Where an operation writes: the sheet being written (under its temporary name), and any other sheet. */
export interface OpTarget {
  readonly sheet: ExcelWorksheet;
  /** A sheet by its name after writing (an output being written resolves to its temporary sheet). */
  readonly sheetFor: (name: string) => ExcelWorksheet;
}

export interface WriteOp {
  /** Estimated request bytes. */
  readonly bytes: number;
  /** Writes formulas: the round trip suspends calculation. */
  readonly formulas?: boolean;
  readonly queue: (target: OpTarget) => void;
}

export interface SheetPlan {
  readonly ops: WriteOp[];
  /** Features of the model this Excel lacks, left out (`chart`, `conditionalFormat`, ...). */
  readonly leftOut: LeftOut[];
  /** Tables are created under temporary names (table names are unique in the workbook); renamed at the swap. */
  readonly tableNames: readonly { readonly temporary: string; readonly name: string }[];
}

export interface BandLimits {
  /** Estimated request bytes a band of cells may take. */
  readonly bandBytes: number;
  /** Cells a band may cover (`setCellProperties` fails on the web around 90 000: office-js #2564). */
  readonly bandCells: number;
}

/** Bytes a request entry costs beyond its value: the object path, property or method name. */
const ENTRY_BYTES = 64;
/** Bytes per styled cell assumed when sizing bands (formats come on top of values). */
const STYLED_CELL_BYTES = 48;

function address(rect: Rect): string {
  const first = cellRef(rect.row, rect.col);
  return rect.rows === 1 && rect.cols === 1
    ? first
    : `${first}:${cellRef(rect.row + rect.rows - 1, rect.col + rect.cols - 1)}`;
}

const filled = <T>(rows: number, cols: number, v: T): T[][] =>
  Array.from({ length: rows }, () => new Array<T>(cols).fill(v));

/** `HYPERLINK("#'Budsjett'!B9","Budsjett!B9")`: the link without ExcelApi 1.7, as the .xlsx writer does it. */
function hyperlinkFormula(c: CellModel): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const shown = String(c.value ?? c.link!.cell);
  return `=HYPERLINK(${q(`#${quoteSheetName(c.link!.sheet)}!${c.link!.cell}`)},${q(shown)})`;
}

/** What goes into the cell through `Range.formulas`: a formula, a literal, or null (left as it is). */
function contentOf(c: CellModel, features: Features): unknown {
  if (c.formula !== undefined) return c.formula.startsWith('=') ? c.formula : `=${c.formula}`;
  if (c.link !== undefined && !features.api17) return hyperlinkFormula(c);
  if (c.value === undefined || c.value === null || c.value === '') return null;
  return c.value;
}

function hasStyle(c: CellModel): boolean {
  return FORMAT_PROPERTIES.some((p) => p.valueOf(c) !== undefined) || c.numberFormat !== undefined;
}

interface Band {
  readonly cells: readonly CellModel[];
  readonly rect: Rect;
}

/** Rows with cells, cut into bands; every band spans the sheet's columns in use. */
function bands(cells: readonly CellModel[], limits: BandLimits): Band[] {
  if (cells.length === 0) return [];
  let minCol = Infinity;
  let maxCol = -1;
  for (const c of cells) {
    minCol = Math.min(minCol, c.col);
    maxCol = Math.max(maxCol, c.col);
  }
  const width = maxCol - minCol + 1;
  const out: Band[] = [];
  let start = 0;
  let bytes = 0;
  const close = (end: number) => {
    const part = cells.slice(start, end);
    const first = part[0].row;
    const last = part[part.length - 1].row;
    out.push({ cells: part, rect: { row: first, col: minCol, rows: last - first + 1, cols: width } });
    start = end;
    bytes = 0;
  };
  for (let i = 0; i < cells.length;) {
    const row = cells[i].row;
    let rowBytes = width * 5 + 3;
    let j = i;
    for (; j < cells.length && cells[j].row === row; j++) {
      const c = cells[j];
      rowBytes += jsonBytes(c.formula ?? c.value ?? null) + (hasStyle(c) ? STYLED_CELL_BYTES : 0);
    }
    const rows = start < i ? row - cells[start].row + 1 : 1;
    if (start < i && (bytes + rowBytes > limits.bandBytes || rows * width > limits.bandCells)) close(i);
    bytes += rowBytes;
    i = j;
  }
  close(cells.length);
  return out;
}

function bandOps(band: Band, features: Features, leftOut: Set<LeftOut>): WriteOp[] {
  const ops: WriteOp[] = [];
  const { cells, rect } = band;
  const range = (t: OpTarget, r: Rect): ExcelRange => t.sheet.getRange(address(r));

  // 1. Number formats, before the values (and `@` before text that must stay text).
  const formats = rectangles(
    cells.map((c): Keyed<string> => ({ row: c.row, col: c.col, value: numberFormatOf(c) })),
  );
  for (const { rect: r, value } of formats) {
    ops.push({
      bytes: ENTRY_BYTES + r.rows * (r.cols * (jsonBytes(value) + 1) + 2),
      queue: (t) => (range(t, r).numberFormat = filled(r.rows, r.cols, value)),
    });
  }

  // 2. Values and formulas: one 2D array (null leaves a cell as it is).
  const grid = filled<unknown>(rect.rows, rect.cols, null);
  let any = false;
  let formulas = false;
  for (const c of cells) {
    const v = contentOf(c, features);
    if (v === null) continue;
    grid[c.row - rect.row][c.col - rect.col] = v;
    any = true;
    if (typeof v === 'string' && v.startsWith('=') && !isProtectedText(c)) formulas = true;
  }
  if (any) {
    ops.push({
      bytes: ENTRY_BYTES + jsonBytes(grid),
      formulas,
      queue: (t) => (range(t, rect).formulas = grid),
    });
  }

  // 3. The other formats: rectangles, or per-cell properties when that is smaller.
  const props = FORMAT_PROPERTIES.filter((p) => {
    if (p.api === '1.9' && !features.api19) {
      if (!isLeftOut(p.name))
        throw new Error(`No LEFT_OUT entry for ${p.name}, which needs ExcelApi ${p.api}.`);
      if (cells.some((c) => p.valueOf(c) !== undefined)) leftOut.add(p.name);
      return false;
    }
    return true;
  });
  const groups = props.map((p) => ({
    p,
    rects: rectangles(
      cells.map((c) => ({ row: c.row, col: c.col, value: p.valueOf(c) })),
      p.grouping,
    ),
  }));
  const rectBytes = groups.reduce((s, g) => s + g.rects.length * ENTRY_BYTES * (1 + g.p.sets), 0);
  let cellProps: ExcelSettableCellProperties[][] | null = null;
  if (features.api19 && rectBytes > 0) {
    cellProps = filled<ExcelSettableCellProperties>(rect.rows, rect.cols, {}).map((row) =>
      row.map(() => ({})),
    );
    for (const c of cells) {
      const format: NonNullable<ExcelSettableCellProperties['format']> = {};
      for (const p of props) {
        const v = p.valueOf(c);
        if (v !== undefined) p.toCell(format, v);
      }
      if (Object.keys(format).length > 0) cellProps[c.row - rect.row][c.col - rect.col] = { format };
    }
    const cpBytes = ENTRY_BYTES + jsonBytes(cellProps);
    if (cpBytes >= rectBytes) cellProps = null;
  }
  if (cellProps) {
    const data = cellProps;
    ops.push({ bytes: ENTRY_BYTES + jsonBytes(data), queue: (t) => range(t, rect).setCellProperties(data) });
  } else {
    for (const { p, rects } of groups) {
      for (const { rect: r, value } of rects) {
        ops.push({ bytes: ENTRY_BYTES * (1 + p.sets), queue: (t) => p.apply(range(t, r), value) });
      }
    }
  }

  // 4. Links to cells of the workbook (ExcelApi 1.7; without it, HYPERLINK formulas in step 2).
  if (features.api17) {
    for (const c of cells) {
      if (c.link === undefined || c.formula !== undefined) continue;
      const link = {
        documentReference: `${quoteSheetName(c.link.sheet)}!${c.link.cell}`,
        textToDisplay: String(c.value ?? c.link.cell),
      };
      const r = { row: c.row, col: c.col, rows: 1, cols: 1 };
      ops.push({ bytes: ENTRY_BYTES + jsonBytes(link), queue: (t) => (range(t, r).hyperlink = link) });
    }
  }
  return ops;
}

/** Excel's column width in points for a width in characters (Calibri 11: 7 px a character, 5 px padding). */
export function widthToPoints(chars: number): number {
  return ((chars * 7 + 5) * 3) / 4;
}

/** Consecutive indexes with the same value, as `[first, last, value]`. */
function runs(items: readonly { index: number; value: number }[]): [number, number, number][] {
  const sorted = [...items].sort((a, b) => a.index - b.index);
  const out: [number, number, number][] = [];
  for (const { index, value } of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === index - 1 && last[2] === value) last[1] = index;
    else out.push([index, index, value]);
  }
  return out;
}

/** `'Sammendrag'!$A$5:$A$8` on the sheet it names. */
function chartRange(t: OpTarget, model: SheetModel, ref: string): ExcelRange {
  const parsed = parseSheetRef(ref);
  if (!parsed) throw new Error(`Chart range ${ref} is not a range.`);
  const sheet =
    parsed.sheet === null || parsed.sheet.toLowerCase() === model.name.toLowerCase()
      ? t.sheet
      : t.sheetFor(parsed.sheet);
  return sheet.getRange(parsed.address);
}

function chartOp(model: SheetModel, chart: ChartModel): WriteOp {
  return {
    bytes: ENTRY_BYTES * (4 + chart.series.length * 4) + jsonBytes(chart),
    queue: (t) => {
      const [first, ...rest] = chart.series;
      const categories = () => chartRange(t, model, chart.categories);
      const c = t.sheet.charts.add('ColumnClustered', chartRange(t, model, first.values), 'Columns');
      c.title.text = chart.title;
      const s0 = c.series.getItemAt(0);
      s0.name = first.name;
      s0.setXAxisValues(categories());
      for (const s of rest) {
        const added = c.series.add(s.name);
        added.setValues(chartRange(t, model, s.values));
        added.setXAxisValues(categories());
      }
      c.setPosition(cellRef(chart.anchor.row, chart.anchor.col));
    },
  };
}

const VISIBILITY = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' } as const;

let tableSerial = 0;

export function sheetOps(model: SheetModel, features: Features, limits: BandLimits): SheetPlan {
  const leftOut = new Set<LeftOut>();
  const cells = [...model.cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const ops: WriteOp[] = bands(cells, limits).flatMap((b) => bandOps(b, features, leftOut));
  const at = (r: string) => (t: OpTarget) => t.sheet.getRange(r);

  for (const [first, last, width] of runs(
    (model.columnWidths ?? []).map((w) => ({ index: w.col, value: w.width })),
  )) {
    const cols = `${columnLetters(first)}:${columnLetters(last)}`;
    ops.push({
      bytes: ENTRY_BYTES * 2,
      queue: (t) => (at(cols)(t).format.columnWidth = widthToPoints(width)),
    });
  }
  for (const [first, last, height] of runs(
    (model.rowHeights ?? []).map((h) => ({ index: h.row, value: h.height })),
  )) {
    const rows = `${first + 1}:${last + 1}`;
    ops.push({ bytes: ENTRY_BYTES * 2, queue: (t) => (at(rows)(t).format.rowHeight = height) });
  }
  for (const m of model.merges ?? []) {
    ops.push({ bytes: ENTRY_BYTES * 2, queue: (t) => at(m)(t).merge(false) });
  }

  const freeze = model.freeze;
  if (freeze && (freeze.rows > 0 || freeze.cols > 0)) {
    if (!features.api17) leftOut.add('freezePanes');
    else {
      ops.push({
        bytes: ENTRY_BYTES * 2,
        queue: (t) => {
          if (freeze.rows > 0 && freeze.cols > 0) {
            t.sheet.freezePanes.freezeAt(t.sheet.getRange(cellRef(freeze.rows - 1, freeze.cols - 1)));
          } else if (freeze.rows > 0) t.sheet.freezePanes.freezeRows(freeze.rows);
          else t.sheet.freezePanes.freezeColumns(freeze.cols);
        },
      });
    }
  }

  const tableNames: { temporary: string; name: string }[] = [];
  for (const table of model.tables ?? []) {
    const temporary = `PlanReconcilerTmp${++tableSerial}`;
    tableNames.push({ temporary, name: table.name });
    ops.push({
      bytes: ENTRY_BYTES * 3,
      queue: (t) => {
        const added = t.sheet.tables.add(table.range, true);
        added.name = temporary;
        added.style = table.style ?? 'TableStyleMedium2';
      },
    });
  }

  if ((model.conditionalFormats ?? []).length > 0 && !features.api16) leftOut.add('conditionalFormat');
  for (const cf of features.api16 ? (model.conditionalFormats ?? []) : []) {
    ops.push({
      bytes: ENTRY_BYTES * 5 + jsonBytes(cf),
      queue: (t) => {
        const f = at(cf.range)(t).conditionalFormats.add('Custom');
        f.custom.rule.formula = cf.formula.startsWith('=') ? cf.formula : `=${cf.formula}`;
        if (cf.fill) f.custom.format.fill.color = cf.fill;
        if (cf.fontColor) f.custom.format.font.color = cf.fontColor;
        if (cf.bold !== undefined) f.custom.format.font.bold = cf.bold;
      },
    });
  }

  const print = model.print;
  if (print && !features.api19) leftOut.add('print');
  if (print && features.api19) {
    ops.push({
      bytes: ENTRY_BYTES * (5 + (print.rowBreaks?.length ?? 0)),
      queue: (t) => {
        const layout = t.sheet.pageLayout;
        layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
        layout.paperSize = print.paperSize;
        // One page wide; the height is left to Excel (as many pages as it takes).
        if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1 };
        if (print.titleRows)
          layout.setPrintTitleRows(`$${print.titleRows.first + 1}:$${print.titleRows.last + 1}`);
        for (const r of [...new Set(print.rowBreaks ?? [])].sort((a, b) => a - b)) {
          if (r > 0) t.sheet.horizontalPageBreaks.add(`A${r + 1}`);
        }
      },
    });
  }

  const charts = (model.charts ?? []).filter((c) => c.series.length > 0);
  if (charts.length > 0 && !features.api17) leftOut.add('chart');
  if (features.api17) for (const chart of charts) ops.push(chartOp(model, chart));

  const visibility = model.visibility ?? 'visible';
  if (visibility !== 'visible') {
    ops.push({ bytes: ENTRY_BYTES, queue: (t) => (t.sheet.visibility = VISIBILITY[visibility]) });
  }
  if (model.protect) leftOut.add('protect');
  return { ops, leftOut: [...leftOut], tableNames };
}
