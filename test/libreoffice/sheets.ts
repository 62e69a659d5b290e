/**
 * Reading a workbook that LibreOffice recalculated and saved: the cached result of every formula,
 * and tables found by their header labels rather than by fixed addresses.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';

export const ROOT = path.resolve(__dirname, '../..');
/** Gitignored; the PDF and PNG renderings are left here for people to look at. */
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'libreoffice');

export type Cached = number | string | boolean | null | { error: string };

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

export function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}; sheets: ${wb.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
}

/** A cell's value as last calculated: a formula's cached result, else the literal. */
export function cached(cell: ExcelJS.Cell): Cached {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  const o = v as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) {
    // Not o.result: ExcelJS's cell.value leaves out a cached result of 0 (falsy); cell.result keeps it.
    return cachedOf(cell.result);
  }
  if ('richText' in o) return (o.richText as { text: string }[]).map((r) => r.text).join('');
  if ('text' in o) return String(o.text); // hyperlink
  if ('error' in o) return { error: String(o.error) };
  return JSON.stringify(v);
}

function cachedOf(result: unknown): Cached {
  if (result === null || result === undefined) return null;
  if (typeof result === 'number' || typeof result === 'string' || typeof result === 'boolean') return result;
  if (typeof result === 'object' && 'error' in (result as object)) {
    return { error: String((result as { error: unknown }).error) };
  }
  return JSON.stringify(result);
}

/** The formula of a cell (without `=`), or null. */
export function formulaOf(cell: ExcelJS.Cell): string | null {
  const v = cell.value as unknown;
  if (v && typeof v === 'object' && 'formula' in (v as object))
    return String((v as { formula: string }).formula);
  if (v && typeof v === 'object' && 'sharedFormula' in (v as object)) return cell.formula ?? null;
  return null;
}

const norm = (s: unknown) =>
  String(s ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** Text of a cell as shown (cached), normalised for comparing labels. */
export function label(cell: ExcelJS.Cell): string {
  const c = cached(cell);
  return c === null || typeof c === 'object' ? '' : norm(c);
}

export interface Found {
  readonly row: number;
  readonly col: number;
}

/** Every cell whose text equals `text` (case and spacing ignored), top to bottom. */
export function findLabel(ws: ExcelJS.Worksheet, text: string | RegExp): Found[] {
  const found: Found[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const t = label(cell);
      if (typeof text === 'string' ? t === norm(text) : text.test(t)) found.push({ row: r, col: c });
    });
  });
  return found;
}

export interface TableRow {
  readonly row: number;
  /** Cached values by header label (normalised). */
  readonly values: Record<string, Cached>;
  /** Formulas by header label, null for literals. */
  readonly formulas: Record<string, string | null>;
  /** All the row's texts joined, for finding a row by a project id or name. */
  readonly text: string;
}

export interface Table {
  readonly headerRow: number;
  /** Header label (normalised) → column; for duplicate labels the first. */
  readonly columns: Record<string, number>;
  readonly rows: TableRow[];
}

/**
 * The tables whose header row holds every one of `headers` (case and spacing ignored); each
 * table's rows run from below its header to the first empty row.
 */
export function tablesWithHeaders(ws: ExcelJS.Worksheet, headers: readonly string[]): Table[] {
  const wanted = headers.map(norm);
  const tables: Table[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const columns: Record<string, number> = {};
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const t = label(cell);
      if (t && !(t in columns)) columns[t] = c;
    });
    if (!wanted.every((h) => h in columns)) continue;
    const rows: TableRow[] = [];
    for (let rr = r + 1; rr <= ws.rowCount; rr++) {
      const cells = Object.entries(columns).map(([h, c]) => [h, ws.getRow(rr).getCell(c)] as const);
      if (cells.every(([, cell]) => cached(cell) === null && formulaOf(cell) === null)) break;
      const all: string[] = [];
      ws.getRow(rr).eachCell({ includeEmpty: false }, (cell) => all.push(label(cell)));
      rows.push({
        row: rr,
        values: Object.fromEntries(cells.map(([h, cell]) => [h, cached(cell)])),
        formulas: Object.fromEntries(cells.map(([h, cell]) => [h, formulaOf(cell)])),
        text: all.join(' | '),
      });
    }
    tables.push({ headerRow: r, columns, rows });
  }
  return tables;
}

/**
 * Every formula cell of a sheet whose cached result is an error (#VALUE!, #REF!, …), as
 * `A1: =formula → error`. (A missing result cannot be told from an empty text result in ExcelJS;
 * the harness tests show LibreOffice computes every formula.)
 */
export function formulaErrors(ws: ExcelJS.Worksheet): string[] {
  const bad: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const f = formulaOf(cell);
      if (f === null) return;
      const c = cached(cell);
      if (c !== null && typeof c === 'object') bad.push(`${ws.name}!${cell.address}: =${f} → ${c.error}`);
    });
  });
  return bad;
}

/** Asserts the file exists and has at least `min` bytes; returns its size. */
export function sizeOf(file: string): number {
  return fs.statSync(file).size;
}

/** Labels the reconciliation sheet is read by (`outputText(lang)` of src/domain/outputs/text). */
export interface ReconciliationLabels {
  readonly line: string;
  readonly project: string;
  readonly budget: string;
  readonly ownFunded: string;
  readonly promised: string;
  readonly difference: string;
  readonly status: string;
  readonly total: string;
  readonly amount: string;
  readonly comparedWith: string;
  readonly year: (year: number) => string;
  readonly balanceTitle: (year: number) => string;
}

export interface LineView {
  readonly row: number;
  readonly line: Cached;
  readonly project: Cached;
  readonly budget: Cached;
  readonly ownFunded: Cached;
  readonly promised: Cached;
  readonly difference: Cached;
  readonly status: Cached;
}

export interface BalanceView {
  readonly row: number;
  readonly amount: Cached;
  readonly against: Cached;
  readonly difference: Cached;
  readonly status: Cached;
}

export interface YearView {
  readonly lines: LineView[];
  readonly total: { readonly budget: Cached; readonly ownFunded: Cached };
  /** By the check's label (normalised), e.g. `budsjett mot finansiering`. */
  readonly balance: Record<string, BalanceView>;
  /** The line of a project, by the id its project label starts with. */
  line(projectId: string): LineView;
}

/**
 * The reconciliation sheet read by its labels: the line table's header row (Post, Prosjekt,
 * Budsjett, Egenfinansiert, Lovet, Differanse, Status), each year's section (a row with the year
 * under Post, the lines, `Sum <year>`) and the year's balance block (`Balanse <year>`, Beløp,
 * Mot, Differanse, Status).
 */
export function readReconciliation(ws: ExcelJS.Worksheet, t: ReconciliationLabels, year: number): YearView {
  const [table] = tablesWithHeaders(ws, [
    t.line,
    t.project,
    t.budget,
    t.ownFunded,
    t.promised,
    t.difference,
    t.status,
  ]);
  if (!table) throw new Error(`${ws.name}: no header row with ${t.line}, ${t.project}, ${t.budget}, …`);
  const col = (h: string) => table.columns[norm(h)];
  const lineCol = col(t.line);
  const at = (r: number, c: number) => cached(ws.getRow(r).getCell(c));
  const rowsWith = (text: string) =>
    findLabel(ws, text)
      .filter((f) => f.col === lineCol && f.row > table.headerRow)
      .map((f) => f.row);
  const [heading] = rowsWith(t.year(year));
  const totalRow = rowsWith(`${t.total} ${t.year(year)}`).find((r) => heading !== undefined && r > heading);
  if (heading === undefined || totalRow === undefined) {
    throw new Error(`${ws.name}: no section for ${year} (a row «${t.year(year)}» … «${t.total} ${year}»)`);
  }
  const lines: LineView[] = [];
  for (let r = heading + 1; r < totalRow; r++) {
    lines.push({
      row: r,
      line: at(r, lineCol),
      project: at(r, col(t.project)),
      budget: at(r, col(t.budget)),
      ownFunded: at(r, col(t.ownFunded)),
      promised: at(r, col(t.promised)),
      difference: at(r, col(t.difference)),
      status: at(r, col(t.status)),
    });
  }

  const title = findLabel(ws, t.balanceTitle(year))[0];
  if (!title) throw new Error(`${ws.name}: no «${t.balanceTitle(year)}»`);
  const header: [number, string][] = [];
  ws.getRow(title.row).eachCell({ includeEmpty: false }, (cell, c) => header.push([c, label(cell)]));
  const find = (h: string, after = 0) => header.find(([c, l]) => c > after && l === norm(h))?.[0];
  const amountCol = find(t.amount);
  const againstCol = amountCol && find(t.comparedWith, amountCol);
  const diffCol = find(t.difference);
  const statusCol = find(t.status);
  if (!amountCol || !againstCol || !diffCol || !statusCol) {
    throw new Error(
      `${ws.name}: the balance header of ${year} lacks ${t.amount}, ${t.comparedWith}, ${t.difference} or ${t.status}`,
    );
  }
  const balance: Record<string, BalanceView> = {};
  for (let r = title.row + 1; r <= ws.rowCount && label(ws.getRow(r).getCell(title.col)) !== ''; r++) {
    balance[label(ws.getRow(r).getCell(title.col))] = {
      row: r,
      amount: at(r, amountCol),
      against: at(r, againstCol),
      difference: at(r, diffCol),
      status: at(r, statusCol),
    };
  }

  return {
    lines,
    total: { budget: at(totalRow, col(t.budget)), ownFunded: at(totalRow, col(t.ownFunded)) },
    balance,
    line(projectId: string) {
      const found = lines.filter(
        (l) => typeof l.project === 'string' && l.project.startsWith(`${projectId} `),
      );
      if (found.length !== 1)
        throw new Error(`${ws.name} ${year}: ${found.length} lines for project ${projectId}`);
      return found[0];
    },
  };
}
