/**
 * A plan kept one sheet per year, the amount column headed `Beløp` and the year in each sheet's
 * name (`Budsjett 2014`, `Budsjett 2015`, `Finansiering 2014`, `Finansiering 2015`), with a sheet
 * of notes between them. As rows, a snapshot and a model (for the .xlsx writer).
 *
 * 2014 reconciles; in 2015 Alfa's own funding is 10 000 over its promise, the stated sum is
 * 10 000 over its rows, Gamma is a new line not in the register, and Beta's `totalt` promise
 * (300 000) is not met over the two years (150 000 + 70 000).
 */
import type { CellModel, SheetModel, WorkbookModel } from '../../src/domain/model';
import { registerSheetModel } from '../../src/domain/register/registerSheet';
import type { CellValue, WorkbookSnapshot } from '../../src/domain/snapshot';
import { entry, register, registerSheet, sheet, source } from './workbook';

/** Drift (operations); Alfa (1: 100 000 per år); Beta (2: 300 000 totalt); SNR own, Innovasjon Norge and Akershus fylkeskommune external. */
export const PER_YEAR_REGISTER = register(
  [
    entry({ name: 'Drift', kind: 'operations' }),
    entry({ id: '1', name: 'Alfa', contributionKr: 100_000, basis: 'per år' }),
    entry({ id: '2', name: 'Beta', contributionKr: 300_000, basis: 'totalt' }),
  ],
  [source('SNR', 'own'), source('Innovasjon Norge'), source('Akershus fylkeskommune')],
);

/** The sheets' rows, in workbook order (2015 before 2014, as a user may have them). */
export const PER_YEAR_SHEETS: readonly { readonly name: string; readonly rows: CellValue[][] }[] = [
  { name: 'Notater', rows: [['Budsjettet ligger på ett ark per år.']] },
  {
    name: 'Budsjett 2015',
    rows: [
      ['Post', 'Beløp'],
      ['Drift', 60_000],
      ['Alfa', 110_000],
      ['Gamma', 20_000],
      ['Beta', 100_000],
      ['Sum', 300_000],
    ],
  },
  {
    name: 'Budsjett 2014',
    rows: [
      ['Post', 'Beløp'],
      ['Drift', 50_000],
      ['Alfa', 100_000],
      ['Beta', 250_000],
      ['Sum', 400_000],
    ],
  },
  {
    name: 'Finansiering 2014',
    rows: [
      ['Kilde', 'Beløp'],
      ['SNR', 300_000],
      ['Innovasjon Norge,', null],
      ['Beta', 100_000],
      ['SUM', 400_000],
    ],
  },
  {
    name: 'Finansiering 2015',
    rows: [
      ['Kilde', 'Beløp'],
      ['SNR', 250_000],
      ['Akershus fylkeskommune,', null],
      ['Gamma', 20_000],
      ['Innovasjon Norge,', null],
      ['Beta', 30_000],
      ['SUM', 300_000],
    ],
  },
];

export function perYearSnapshot(): WorkbookSnapshot {
  return {
    sheets: [...PER_YEAR_SHEETS.map((s) => sheet(s.name, s.rows)), registerSheet(PER_YEAR_REGISTER)],
  };
}

export function perYearModel(): WorkbookModel {
  const sheetModel = (name: string, rows: readonly (readonly CellValue[])[]): SheetModel => ({
    name,
    cells: rows.flatMap((r, row) =>
      r.flatMap((value, col): CellModel[] =>
        value === null || typeof value === 'object' ? [] : [{ row, col, value }],
      ),
    ),
  });
  return {
    sheets: [
      ...PER_YEAR_SHEETS.map((s) => sheetModel(s.name, s.rows)),
      registerSheetModel(PER_YEAR_REGISTER),
    ],
  };
}
