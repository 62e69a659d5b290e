/**
 * `plan-reconciler reconcile` on .xlsx files laid out a year at a time: one sheet per year with
 * the amount column headed `Beløp` (written by the repo's writer), and a single year whose
 * `Beløp` column takes its year from the title above (written by ExcelJS, as another program
 * would). Read from the file, findings name each year's sheet and cell, and `--out` writes
 * formulas on them.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { registerSheetModel } from '../../src/domain/register/registerSheet';
import { writeWorkbookFile } from '../../src/cli/workbookFiles';
import { PER_YEAR_REGISTER, perYearModel } from '../helpers/perYearWorkbook';
import { snapshotFile } from '../helpers/xlsxFiles';
import { runCli } from '../helpers/runCli';

let dir: string;

const run = runCli;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-reconciler-layouts-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('one sheet per year (Budsjett 2014, Budsjett 2015, …), amounts under «Beløp»', () => {
  let file: string;

  beforeAll(async () => {
    file = path.join(dir, 'per-year.xlsx');
    await writeWorkbookFile(perYearModel(), file);
  });

  it('reconciles both years, each finding on its year’s sheet', async () => {
    const r = await run(['reconcile', file, '--json', '--lang', 'en']);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.years).toEqual([2014, 2015]);
    expect(json.totals['2014']).toEqual({
      budget: 400_000,
      financing: 400_000,
      ownFunded: 300_000,
      ownSources: 300_000,
    });
    expect(json.totals['2015']).toMatchObject({ budget: 290_000, financing: 300_000 });
    const cells = (code: string) =>
      json.findings.filter((f: { code: string }) => f.code === code).map((f: { cells: string[] }) => f.cells);
    expect(cells('SUM_MISMATCH')).toEqual([["'Budsjett 2015'!B6"]]);
    expect(cells('UNKNOWN_LINE')).toEqual([["'Budsjett 2015'!A4"]]);
    expect(cells('CONTRIBUTION_MISMATCH')).toContainEqual(["'Budsjett 2015'!B3"]);
    expect(json.findings.map((f: { code: string }) => f.code)).not.toContain('TABLE_NOT_FOUND');
  });

  it('the report names the sheets it read', async () => {
    const r = await run(['reconcile', file, '--lang', 'nb']);
    expect(r.out).toContain(
      'Ark: Budsjett = Budsjett 2014, Budsjett 2015, Finansiering = Finansiering 2014, Finansiering 2015,',
    );
    expect(r.out).toMatch(/År 2014: i balanse/);
    expect(r.out).toMatch(/År 2015: IKKE i balanse/);
  });

  it('--out writes budget formulas on each year’s sheet, and leaves the year sheets as they were', async () => {
    const out = path.join(dir, 'per-year-out.xlsx');
    await run(['reconcile', file, '--out', out, '--lang', 'nb']);
    const snapshot = await snapshotFile(out);
    const avstemming = snapshot.sheets.find((s) => s.name === 'Avstemming')!;
    const formulas = (avstemming.formulas ?? []).flat().filter((f): f is string => !!f);
    expect(formulas).toContain("='Budsjett 2014'!B3");
    expect(formulas).toContain("='Budsjett 2015'!B3");
    const before = await snapshotFile(file);
    for (const name of ['Budsjett 2014', 'Budsjett 2015', 'Finansiering 2014', 'Finansiering 2015'])
      expect(snapshot.sheets.find((s) => s.name === name)?.values).toEqual(
        before.sheets.find((s) => s.name === name)?.values,
      );
  });
});

describe('a single year, «Beløp» under the title «Budsjett 2014», written by ExcelJS', () => {
  it('is read as 2014 and reconciles cleanly', async () => {
    const file = path.join(dir, 'single-year.xlsx');
    // A cover sheet and the register as the add-in writes it; then the plan's sheets, by ExcelJS.
    const withRegister = path.join(dir, 'register-only.xlsx');
    await writeWorkbookFile(
      {
        sheets: [
          { name: 'Forside', cells: [{ row: 0, col: 0, value: 'Handlingsplan 2014' }] },
          registerSheetModel({
            ...PER_YEAR_REGISTER,
            entries: PER_YEAR_REGISTER.entries.map((e) =>
              e.name === 'Beta' ? { ...e, contribution: 15_000_000, basis: 'per år' as const } : e,
            ),
          }),
        ],
      },
      withRegister,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(withRegister);
    const budget = wb.addWorksheet('Budsjett');
    budget.addRows([
      ['Budsjett 2014'],
      ['Post', 'Beløp'],
      ['Drift', 50_000],
      ['Alfa', 100_000],
      ['Beta', 250_000],
      ['Sum', 400_000],
    ]);
    budget.mergeCells('A1:B1');
    const financing = wb.addWorksheet('Finansiering');
    financing.addRows([
      ['Finansiering 2014'],
      ['Kilde', 'Kr'],
      ['SNR', 300_000],
      ['Innovasjon Norge,'],
      ['Beta', 100_000],
      ['SUM', 400_000],
    ]);
    await wb.xlsx.writeFile(file);

    const r = await run(['reconcile', file, '--json', '--lang', 'en']);
    expect(r.err).toBe('');
    const json = JSON.parse(r.out);
    expect(json.years).toEqual([2014]);
    expect(json.findings).toEqual([]);
    expect(json.totals['2014']).toEqual({
      budget: 400_000,
      financing: 400_000,
      ownFunded: 300_000,
      ownSources: 300_000,
    });
    expect(r.code).toBe(0);
  });
});
