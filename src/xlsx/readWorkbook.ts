/**
 * Reading side of the .xlsx adapter: opens a file with ExcelJS and turns
 * its worksheets into the domain's plain `WorkbookSnapshot`.
 */
import { promises as fs } from 'fs';
import ExcelJS from 'exceljs';
import type { CellValue, DefinedNameSnapshot, SheetSnapshot, WorkbookSnapshot } from '../domain/snapshot';

export type XlsxInputErrorReason = 'not-found' | 'not-xlsx' | 'unreadable';

/** The input file cannot be used as a workbook. `message` is one line and names the file. */
export class XlsxInputError extends Error {
  readonly reason: XlsxInputErrorReason;
  readonly path: string;

  constructor(reason: XlsxInputErrorReason, path: string, detail?: string) {
    super(inputErrorMessage(reason, path, detail));
    this.name = 'XlsxInputError';
    this.reason = reason;
    this.path = path;
  }
}

function inputErrorMessage(reason: XlsxInputErrorReason, path: string, detail?: string): string {
  const suffix = detail ? ` (${oneLine(detail)})` : '';
  switch (reason) {
    case 'not-found':
      return `File not found: ${path}`;
    case 'not-xlsx':
      return `Not an .xlsx workbook: ${path}${suffix || ' (an old .xls, a password-protected workbook or another kind of file)'}`;
    case 'unreadable':
      return `Cannot read workbook: ${path}${suffix}`;
  }
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Every .xlsx is a zip file; a zip file with entries starts with a local file header. */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const;

/**
 * Opens an .xlsx file. Throws `XlsxInputError`: `not-found` when the file
 * does not exist, `not-xlsx` when it is not a zip (text, .xls, encrypted
 * workbook, empty zip) or a zip without worksheets, `unreadable` when it
 * cannot be read (permissions, a directory, a damaged zip or XML).
 */
export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  let data: Buffer;
  try {
    data = await fs.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new XlsxInputError('not-found', path);
    throw new XlsxInputError('unreadable', path, code ?? String(e));
  }
  if (data.length < ZIP_MAGIC.length || ZIP_MAGIC.some((byte, i) => data[i] !== byte)) {
    throw new XlsxInputError('not-xlsx', path);
  }
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings want its own Buffer type; a Node Buffer is what it takes.
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new XlsxInputError('unreadable', path, e instanceof Error ? e.message : String(e));
  }
  // ExcelJS accepts any zip and returns an empty workbook; a real one has a sheet.
  if (wb.worksheets.length === 0) {
    throw new XlsxInputError('not-xlsx', path, 'a zip file without worksheets');
  }
  for (const ws of wb.worksheets) keepPageSetupAsRead(ws);
  return wb;
}

/**
 * ExcelJS reads a `<pageSetup>` without `firstPageNumber` or `copies` as 1 and
 * then writes both (and `useFirstPageNumber`), so a sheet saved again differs
 * from the one read. Taking the defaults out again writes the element as it was.
 */
function keepPageSetupAsRead(ws: ExcelJS.Worksheet): void {
  const setup = ws.pageSetup as Partial<ExcelJS.PageSetup> & {
    useFirstPageNumber?: boolean;
    copies?: number;
  };
  if (!setup) return;
  if (setup.useFirstPageNumber === false) delete setup.firstPageNumber;
  if (setup.copies === 1) delete setup.copies;
}

/**
 * Every worksheet, in tab order, as a snapshot anchored at A1 covering the
 * last row and column that hold a value or formula. `texts` is not filled.
 */
export function snapshotWorkbook(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const date1904 = Boolean(wb.properties?.date1904);
  const sheets = wb.worksheets.map((ws) => snapshotWorksheet(ws, date1904));
  const names = definedNames(wb);
  return names.length > 0 ? { sheets, names } : { sheets };
}

const NAME_RANGE = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)$/;

/**
 * Workbook-level names that refer to one range of one sheet (the outputs'
 * markers are such names). Excel's own names (`_xlnm.Print_Titles`) and
 * names ExcelJS cannot place are left out.
 */
export function definedNames(wb: ExcelJS.Workbook): DefinedNameSnapshot[] {
  const out: DefinedNameSnapshot[] = [];
  for (const { name, ranges } of wb.definedNames.model) {
    if (name.startsWith('_xlnm.') || ranges.length !== 1) continue;
    const m = NAME_RANGE.exec(ranges[0]);
    if (!m) continue;
    out.push({ name, sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], ref: m[3] });
  }
  return out;
}

export function snapshotWorksheet(ws: ExcelJS.Worksheet, date1904 = false): SheetSnapshot {
  // One pass filling row arrays as ExcelJS hands out the cells (rows in
  // order), then every row padded to the widest one. Rows with no formula
  // (or no indent) share one all-null (all-zero) row: a plan of 100 000 lines
  // would otherwise carry 200 000 arrays of nothing, and the engine would pay
  // for them in garbage collection.
  const values: CellValue[][] = [];
  const formulas: ((string | null)[] | null)[] = [];
  const indents: (number[] | null)[] = [];
  let width = 0;

  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    let rowValues: CellValue[] | undefined;
    let rowFormulas: (string | null)[] | null = null;
    let rowIndents: number[] | null = null;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // ExcelJS repeats a merged area's value in every cell of it; only the master keeps it.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      let value: CellValue;
      let formula: string | null = null;
      if (cell.type === ExcelJS.ValueType.Formula) {
        formula = formulaText(cell);
        // `cell.result`, not `cell.value.result`: the latter drops falsy results (0, false, '').
        value = toCellValue(cell.result, date1904);
      } else {
        value = toCellValue(cell.value, date1904);
        // A stored empty string (or empty rich text) reads as an empty cell, as in Excel.
        if (value === '') value = null;
      }
      const indent = cell.alignment?.indent ?? 0;
      if (value === null && formula === null && indent === 0) return;
      rowValues ??= [];
      const c = colNumber - 1;
      // Fill any gap before this column so the arrays stay dense (no holes).
      while (rowValues.length < c) rowValues.push(null);
      rowValues.push(value);
      if (formula !== null) {
        rowFormulas ??= [];
        while (rowFormulas.length < c) rowFormulas.push(null);
        rowFormulas.push(formula);
      }
      if (indent !== 0) {
        rowIndents ??= [];
        while (rowIndents.length < c) rowIndents.push(0);
        rowIndents.push(indent);
      }
      if (colNumber > width) width = colNumber;
    });
    if (rowValues === undefined) return;
    while (values.length < r) {
      values.push([]);
      formulas.push(null);
      indents.push(null);
    }
    values.push(rowValues);
    formulas.push(rowFormulas);
    indents.push(rowIndents);
  });

  const noFormulas: readonly (string | null)[] = Object.freeze(new Array<string | null>(width).fill(null));
  const noIndents: readonly number[] = Object.freeze(new Array<number>(width).fill(0));
  const pad = <T>(row: T[], fill: T) => {
    while (row.length < width) row.push(fill);
    return row;
  };
  for (let r = 0; r < values.length; r++) pad(values[r], null);
  return {
    name: ws.name,
    visibility: ws.state ?? 'visible',
    origin: { row: 0, col: 0 },
    values,
    formulas: formulas.map((row) => (row === null ? noFormulas : pad(row, null))),
    indents: indents.map((row) => (row === null ? noIndents : pad(row, 0))),
  };
}

/** `=` + the formula, as Office.js `Range.formulas` shows it (no `_xlfn.` prefixes). */
function formulaText(cell: ExcelJS.Cell): string {
  let text: string | undefined = cell.formula;
  if (!text) {
    // A shared-formula cell whose master ExcelJS could not find: fall back to the reference.
    const v = cell.value as { sharedFormula?: string } | null;
    text = v?.sharedFormula ?? '';
  }
  return '=' + stripFuturePrefixes(text);
}

/** Excel stores newer functions as `_xlfn.XLOOKUP(...)`; Excel shows `XLOOKUP(...)`. */
function stripFuturePrefixes(formula: string): string {
  if (!formula.includes('_xl')) return formula;
  // Split on string literals ("..." with "" as an escaped quote) and only touch the code parts.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/_xl(?:fn|ws|pm)\./gi, '')))
    .join('');
}

const MS_PER_DAY = 86_400_000;
/** Days from 1899-12-30 (the 1900 system's day 0) to 1970-01-01. */
const EPOCH_1900 = 25_569;
/** The 1904 date system counts from 1904-01-01, 1462 days later. */
const EPOCH_1904 = EPOCH_1900 - 1_462;

/** Excel serial number of a date (time of day as the fraction). */
export function dateToSerial(d: Date, date1904 = false): number {
  // Add whole milliseconds before dividing once, so midnight gives an exact integer.
  return (d.getTime() + (date1904 ? EPOCH_1904 : EPOCH_1900) * MS_PER_DAY) / MS_PER_DAY;
}

/** Converts what ExcelJS returns for a cell (or a formula's result) to a domain value. */
export function toCellValue(v: unknown, date1904 = false): CellValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'number':
      return Number.isFinite(v) ? v : { error: '#NUM!' };
    case 'string':
    case 'boolean':
      return v;
    case 'object':
      break;
    default:
      return String(v);
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { error: '#VALUE!' } : dateToSerial(v, date1904);
  const o = v as Record<string, unknown>;
  if (typeof o.error === 'string') return { error: o.error };
  if (Array.isArray(o.richText)) return richTextToString(o.richText);
  if ('hyperlink' in o || 'text' in o) return textOf(o.text);
  if ('formula' in o || 'sharedFormula' in o) return toCellValue(o.result, date1904);
  // Anything else ExcelJS may invent (e.g. a JSON value): keep it visible rather than drop it.
  return JSON.stringify(v);
}

function textOf(t: unknown): string | null {
  if (t === null || t === undefined) return null;
  if (typeof t === 'string') return t;
  if (typeof t === 'object' && Array.isArray((t as { richText?: unknown }).richText)) {
    return richTextToString((t as { richText: unknown[] }).richText);
  }
  return String(t);
}

function richTextToString(runs: readonly unknown[]): string {
  let s = '';
  for (const run of runs) {
    const text = (run as { text?: unknown } | null)?.text;
    if (text !== undefined && text !== null) s += String(text);
  }
  return s;
}
