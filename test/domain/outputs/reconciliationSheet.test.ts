/**
 * The reconciliation sheet on the sample: formulas point at exactly the cells
 * the engine read, and evaluated they give the engine's totals.
 */
import { cellRef } from '../../../src/domain/address';
import { oreToKroner } from '../../../src/domain/amount';
import type { CellModel, SheetModel } from '../../../src/domain/model';
import { modelToSnapshot } from '../../../src/domain/modelToSnapshot';
import { reconcile, type ReconciliationResult } from '../../../src/domain/reconcile/reconcile';
import { sourceCellRef } from '../../../src/domain/reconcile/result';
import { reconciliationSheet } from '../../../src/domain/outputs';
import { textWidth, usableWidth, wrapLines } from '../../../src/domain/outputs/measure';
import type { WorkbookSnapshot } from '../../../src/domain/snapshot';
import { sampleWorkbookModel } from '../../../src/sample/sampleWorkbook';
import { Evaluator } from './evaluate';

const find = (sheet: SheetModel, pred: (c: CellModel) => boolean) => sheet.cells.filter(pred);
const rowOf = (sheet: SheetModel, label: string) => {
  const c = find(sheet, (x) => x.col === 0 && x.value === label);
  expect(c).toHaveLength(1);
  return c[0].row;
};
const at = (sheet: SheetModel, row: number, col: number) =>
  sheet.cells.find((c) => c.row === row && c.col === col);
/** The line table's header row: the row printed on every page. */
const headerRow = (sheet: SheetModel) => sheet.print!.titleRows!.first;
const headerCol = (sheet: SheetModel, header: string) =>
  find(sheet, (c) => c.row === headerRow(sheet) && c.value === header)[0].col;

describe('reconciliation sheet on the sample', () => {
  let snapshot: WorkbookSnapshot;
  let result: ReconciliationResult;
  let sheet: SheetModel;
  let ev: Evaluator;

  beforeAll(() => {
    snapshot = modelToSnapshot(sampleWorkbookModel());
    result = reconcile(snapshot);
    sheet = reconciliationSheet(result, 'nb');
    ev = new Evaluator(snapshot, [sheet]);
  });

  it('is named Avstemming in bokmål and Reconciliation in English', () => {
    expect(sheet.name).toBe('Avstemming');
    expect(reconciliationSheet(result, 'en').name).toBe('Reconciliation');
    expect(reconciliationSheet(result, 'nb', { sheetName: 'Avstemming (2)' }).name).toBe('Avstemming (2)');
  });

  it('has one row per budget line whose budget formula is the cell the engine read', () => {
    const budget = headerCol(sheet, 'Budsjett');
    expect(at(sheet, rowOf(sheet, 'Akkvisisjon'), budget)?.formula).toBe('=Budsjett!B9');
    result.lines.forEach((line) => {
      const row = rowOf(sheet, line.label);
      expect(at(sheet, row, budget)?.formula).toBe(`=${sourceCellRef(line.years[0].budgetCell!)}`);
    });
  });

  it('has one earmark column per external source, pointing at the earmarked cells', () => {
    const inn = headerCol(sheet, 'Øremerket Innovasjon Norge');
    const afk = headerCol(sheet, 'Øremerket Akershus fylkeskommune');
    expect(at(sheet, rowOf(sheet, 'Etablerertjenesten'), inn)?.formula).toBe('=Finansiering!B4');
    expect(at(sheet, rowOf(sheet, 'Helsesdesign Arena'), afk)?.formula).toBe('=Finansiering!B7');
    expect(at(sheet, rowOf(sheet, 'Regional Innovasjonsprosjekt'), afk)?.formula).toBe('=Finansiering!B6');
  });

  it('computes per line what the engine computed: own-funded, difference and status', () => {
    const own = headerCol(sheet, 'Egenfinansiert');
    const diff = headerCol(sheet, 'Differanse');
    const status = headerCol(sheet, 'Status');
    result.lines.forEach((line) => {
      const row = rowOf(sheet, line.label);
      expect(ev.at(sheet.name, row, own)).toBe(oreToKroner(line.years[0].ownFunded!));
    });
    const akk = rowOf(sheet, 'Akkvisisjon');
    expect(ev.at(sheet.name, akk, diff)).toBe(100_000);
    expect(ev.at(sheet.name, akk, status)).toBe('Avvik');
    const helse = rowOf(sheet, 'Helsesdesign Arena');
    expect(ev.at(sheet.name, helse, diff)).toBe(-200_000);
    expect(ev.at(sheet.name, rowOf(sheet, 'Regional Innovasjonsprosjekt'), status)).toBe('OK');
    expect(ev.at(sheet.name, rowOf(sheet, 'Koordinering, drift'), status)).toBe('OK');
    // The promised amount is a value from the register, not a formula.
    const promised = at(sheet, akk, headerCol(sheet, 'Lovet'));
    expect(promised).toMatchObject({ value: 200_000 });
    expect(promised?.formula).toBeUndefined();
  });

  it('totals and balance evaluate to the engine totals', () => {
    const t = result.totals[2010];
    const total = rowOf(sheet, 'Sum 2010');
    expect(ev.at(sheet.name, total, headerCol(sheet, 'Budsjett'))).toBe(oreToKroner(t.budget));
    expect(ev.at(sheet.name, total, headerCol(sheet, 'Egenfinansiert'))).toBe(oreToKroner(t.ownFunded!));
    const financing = rowOf(sheet, 'Budsjett mot finansiering');
    expect(ev.at(sheet.name, financing, 3)).toBe(oreToKroner(t.financing));
    expect(ev.at(sheet.name, financing, 5)).toBe('OK');
    const own = rowOf(sheet, 'Egenfinansiert mot egne kilder');
    expect(ev.at(sheet.name, own, 3)).toBe(oreToKroner(t.ownSources!));
    expect(at(sheet, own, 3)?.formula).toBe('=Finansiering!B2+Finansiering!B8');
    const memo = rowOf(sheet, 'SNRs bidrag mot egne kilder');
    expect(at(sheet, memo, 2)?.formula).toBe('=Finansiering!B10');
    expect(ev.at(sheet.name, memo, 5)).toBe('OK');
  });

  it('follows an edit of a source cell', () => {
    const edited: WorkbookSnapshot = {
      sheets: snapshot.sheets.map((s) =>
        s.name === 'Budsjett' ? { ...s, values: s.values.map((r, i) => (i === 8 ? [r[0], 200_000] : r)) } : s,
      ),
    };
    const e = new Evaluator(edited, [sheet]);
    const akk = rowOf(sheet, 'Akkvisisjon');
    expect(e.at(sheet.name, akk, headerCol(sheet, 'Status'))).toBe('OK');
    expect(e.at(sheet.name, rowOf(sheet, 'Budsjett mot finansiering'), 5)).toBe('Avvik');
  });

  it('lists every finding with a link to each of its cells', () => {
    const links = sheet.cells.filter((c) => c.link);
    const cells = result.findings.flatMap((f) => f.cells);
    expect(links.map((c) => c.value)).toEqual(cells);
    expect(links.find((c) => c.value === 'Budsjett!B9')?.link).toEqual({ sheet: 'Budsjett', cell: 'B9' });
    for (const f of result.findings) expect(sheet.cells.some((c) => c.value === f.code)).toBe(true);
  });

  it('puts each finding on one row: severity, code, message and its cells, each a link, side by side', () => {
    const codes = sheet.cells.filter((c) => c.col === 1 && result.findings.some((f) => f.code === c.value));
    expect(codes).toHaveLength(result.findings.length);
    result.findings.forEach((f, i) => {
      const row = codes[i].row;
      expect(codes[i].value).toBe(f.code);
      const links = sheet.cells.filter((c) => c.row === row && c.link).sort((a, b) => a.col - b.col);
      expect(links.map((c) => c.value)).toEqual(f.cells);
      // No row below it holds a part of it.
      expect(
        sheet.cells.filter((c) => c.row === row + 1 && c.link && !codes.some((k) => k.row === row + 1)),
      ).toEqual([]);
    });
    // The sample's duplicate id names two cells: two link columns, under one header.
    expect(result.findings.find((f) => f.code === 'DUPLICATE_ID')?.cells).toHaveLength(2);
  });

  it('fits its columns to what they hold and every text to its cell, headers within their band', () => {
    const width = (col: number) => sheet.columnWidths!.find((w) => w.col === col)!.width;
    const height = (row: number) => sheet.rowHeights?.find((h) => h.row === row)?.height ?? 15;
    // The longest line label, `Regional Innovasjonsprosjekt`, fits on one line.
    const label = 'Regional Innovasjonsprosjekt';
    expect(textWidth(label)).toBeLessThanOrEqual(usableWidth(width(0)));
    // The header row is as tall as its most wrapped header (`Øremerket Akershus fylkeskommune`: 3 lines).
    const header = headerRow(sheet);
    const headers = sheet.cells.filter((c) => c.row === header && typeof c.value === 'string');
    const lines = Math.max(
      ...headers.map((c) => wrapLines(String(c.value), usableWidth(width(c.col)), { bold: true }).length),
    );
    expect(lines).toBe(3);
    expect(height(header)).toBe(lines * 15);
    // A project label longer than its column wraps, and its row is as tall as its lines.
    const campus = sheet.cells.find((c) => String(c.value).startsWith('2.2 Regionalt innovasjonsprosjekt'))!;
    expect(campus.wrapText).toBe(true);
    expect(height(campus.row)).toBe(wrapLines(String(campus.value), usableWidth(width(1))).length * 15);
    expect(sheet.font).toEqual({ name: 'Calibri', size: 11 });
  });

  it('formats amounts, freezes the header, prints on A4 one page wide with the header repeated', () => {
    const budget = at(sheet, rowOf(sheet, 'Akkvisisjon'), 2);
    expect(budget?.numberFormat).toBe('#,##0');
    // Under the title and the review's two rows (findings, sign-off) and a blank row: the header.
    const header = headerRow(sheet);
    expect(header).toBe(5);
    expect(at(sheet, header, 0)?.bold).toBe(true);
    expect(sheet.freeze).toEqual({ rows: header + 1, cols: 1 });
    expect(sheet.print).toMatchObject({
      paperSize: 'A4',
      fitToWidth: true,
      orientation: 'landscape',
      titleRows: { first: 5, last: 5 },
      footer: { left: '{file}', center: '{date}', right: 'Side {page} av {pages}' },
    });
    const diffCol = headerCol(sheet, 'Differanse');
    expect(sheet.conditionalFormats?.some((cf) => cf.range.startsWith(cellRef(header + 2, diffCol)))).toBe(
      true,
    );
  });

  it('starts the findings on a new page when their title, header and first finding would not fit under the balance', () => {
    // The sample: the balance ends low on the first printed page; the findings start the second.
    const title = find(sheet, (c) => c.col === 0 && c.value === 'Funn' && c.fontSize === 12)[0].row;
    expect(sheet.print?.rowBreaks).toEqual([title]);
  });

  it('never writes register or sheet text as a formula', () => {
    for (const c of sheet.cells) {
      if (c.formula !== undefined) expect(c.value).toBeUndefined();
    }
  });
});
