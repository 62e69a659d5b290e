/**
 * Formula injection through the review (issue 17), as a property: whatever a reviewer types as a
 * reason or gives as a name, it never becomes a formula in the sheets the add-in inserts. fast-check
 * puts formula-like strings (`=SUM(A1)`, `+47 999 99 999`, `=cmd|' /C calc'!A0`, `@x`, …) into the
 * reason of 1.2's explanation and into the names of the reviewers who explain and sign off, kept in
 * the workbook's review log as the writers keep it; then checks
 *  - the domain: the texts reach the reconciliation sheet, the cards and the summary as literal
 *    values (the reason shortened, as quoted text is), and no formula holds them;
 *  - the .xlsx writer of the CLI (the file read back by ExcelJS) and the Office.js writer (the
 *    in-memory Excel host through Microsoft's client, ExcelApi 1.17 and 1.4): every literal cell is
 *    stored as that string, never a formula, under the Text format `@` when it starts like one.
 * (test/injection.test.ts does the same for the register's texts.)
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { cellRef } from '../src/domain/address';
import type { CellModel, WorkbookModel } from '../src/domain/model';
import { modelToSnapshot } from '../src/domain/modelToSnapshot';
import { buildOutputs, type Outputs } from '../src/domain/outputs';
import { reconcile } from '../src/domain/reconcile/reconcile';
import { shorten } from '../src/domain/shorten';
import { sampleWorkbookModel } from '../src/sample/sampleWorkbook';
import { applyOutputs, readWorkbookData, reviewSheetModel } from '../src/xlsx';
import { writeWorkbookBuffer } from '../src/cli/workbookFiles';
import { decodeXstring } from '../src/xlsx/read/text';
import { reviewedLog } from './domain/outputs/reviewFixtures';
import { gatewayOn } from './excel/writeHelpers';
import { hostFromModel } from './helpers/host';

type Lang = 'nb' | 'en';

const start = fc.constantFrom('=', '+', '-', '@', "'", '#', ' =', '==');
const part = fc.oneof(
  fc.constantFrom(
    'SUM(A1)',
    'HYPERLINK("http://x","y")',
    "cmd|' /C calc'!A0",
    '47 999 99 999',
    '1+1',
    'Budsjett!B9',
    '#N/A',
    'TRUE',
    '"',
    ';',
    ' ',
    'æøå',
  ),
  fc.string({ maxLength: 6 }),
);
/** A text that looks like a formula, never empty once trimmed. */
const formulaLike = fc
  .tuple(start, fc.array(part, { maxLength: 5 }), fc.constantFrom('', ` ${'begrunnelse '.repeat(12)}`))
  .map(([s, p, tail]) => `${s}${p.join('')}X${tail}`);

interface Review {
  readonly lang: Lang;
  readonly reason: string;
  readonly ola: string;
  readonly kari: string;
}

const review: fc.Arbitrary<Review> = fc.record({
  lang: fc.constantFrom<Lang>('nb', 'en'),
  reason: formulaLike,
  ola: formulaLike,
  kari: formulaLike,
});

/** The sample with its review log: 1.2 explained with `reason`, both sign-offs by these names. */
function reviewedWorkbook(r: Review): WorkbookModel {
  const model = sampleWorkbookModel();
  const log = reviewedLog(modelToSnapshot(model), { reason: r.reason, ola: r.ola, kari: r.kari });
  return { ...model, sheets: [...model.sheets, reviewSheetModel(log)] };
}

/** What the sheets quote of the review: the reason shortened, the names (trimmed, as the log keeps them). */
function quoted(r: Review): string[] {
  return [shorten(r.reason.trim()), shorten(r.ola.trim()), shorten(r.kari.trim())];
}

/** The domain: each quoted text in some literal cell, none in a formula. */
function expectDomain(outputs: Outputs, texts: readonly string[]): void {
  const cells = outputs.sheets.flatMap((o) => o.sheet.cells);
  const literals = cells.flatMap((c) =>
    c.formula === undefined && typeof c.value === 'string' ? [c.value] : [],
  );
  expect(texts.filter((t) => !literals.some((v) => v.includes(t)))).toEqual([]);
  const formulas = cells.flatMap((c) => (c.formula === undefined ? [] : [c.formula]));
  expect(formulas.filter((f) => texts.some((t) => f.includes(t) && t.length > 3))).toEqual([]);
}

/** Literal cells of the outputs whose text carries one of the quoted texts. */
function reviewCells(outputs: Outputs, texts: readonly string[]): { sheet: string; cell: CellModel }[] {
  return outputs.sheets.flatMap((o) =>
    o.sheet.cells
      .filter(
        (c) =>
          c.formula === undefined &&
          typeof c.value === 'string' &&
          texts.some((t) => c.value === t || String(c.value).includes(t)),
      )
      .map((cell) => ({ sheet: o.sheet.name, cell })),
  );
}

const FORMULA_START = /^[=+\-@]/;

describe('review text never becomes a formula', () => {
  it('domain: reasons and names reach every output sheet as literal values, shortened where quoted', () => {
    fc.assert(
      fc.property(review, (r) => {
        const snapshot = modelToSnapshot(reviewedWorkbook(r));
        expectDomain(buildOutputs(reconcile(snapshot), r.lang, snapshot), quoted(r));
      }),
      { numRuns: 60 },
    );
  });

  it('.xlsx writer (CLI): read back by ExcelJS, every review cell is its string, never a formula', async () => {
    await fc.assert(
      fc.asyncProperty(review, async (r) => {
        const file = readWorkbookData(
          new Uint8Array(await writeWorkbookBuffer(reviewedWorkbook(r))),
          'in.xlsx',
        );
        const outputs = buildOutputs(reconcile(file.snapshot), r.lang, file.snapshot);
        const texts = quoted(r);
        expectDomain(outputs, texts);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(applyOutputs(file, outputs).bytes) as unknown as ExcelJS.Buffer);
        const bad: string[] = [];
        const found = reviewCells(outputs, texts);
        expect(found.length).toBeGreaterThanOrEqual(3);
        for (const { sheet, cell } of found) {
          const got = wb.getWorksheet(sheet)!.getCell(cell.row + 1, cell.col + 1);
          const where = `${sheet}!${cellRef(cell.row, cell.col)}`;
          if (got.type !== ExcelJS.ValueType.String || decodeXstring(String(got.value)) !== cell.value)
            bad.push(`${where}: ${JSON.stringify(got.value)} (${got.type})`);
          if (FORMULA_START.test(String(cell.value)) && got.numFmt !== '@')
            bad.push(`${where}: format ${got.numFmt}`);
        }
        expect(bad).toEqual([]);
      }),
      { numRuns: 15 },
    );
  }, 60_000);

  it('Office.js writer (Excel host, ExcelApi 1.17 and 1.4): every review cell is its string, never a formula', async () => {
    await fc.assert(
      fc.asyncProperty(review, fc.constantFrom('1.17', '1.4'), async (r, excelApi) => {
        const host = hostFromModel(reviewedWorkbook(r), { excelApi });
        const gateway = gatewayOn(host);
        const { snapshot } = await gateway.read();
        const outputs = buildOutputs(reconcile(snapshot), r.lang, snapshot);
        const texts = quoted(r);
        expectDomain(outputs, texts);
        await gateway.writeOutputs(outputs);
        const bad: string[] = [];
        const found = reviewCells(outputs, texts);
        expect(found.length).toBeGreaterThanOrEqual(3);
        for (const { sheet, cell } of found) {
          const got = host.readSheet(sheet)!.cells.find((c) => c.row === cell.row && c.col === cell.col);
          const where = `${sheet}!${cellRef(cell.row, cell.col)}`;
          if (got?.formula !== undefined || got?.value !== cell.value)
            bad.push(`${where}: ${JSON.stringify(got)}`);
          if (/^[=+\-@'#]/.test(String(cell.value)) && got?.format.numberFormat !== '@')
            bad.push(`${where}: format ${got?.format.numberFormat}`);
        }
        expect(bad).toEqual([]);
      }),
      { numRuns: 10 },
    );
  }, 60_000);
});
