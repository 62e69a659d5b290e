/**
 * The Office.js adapter reads every year's sheet of a plan kept one sheet per year (the sheets
 * chosen by the engine's own sheetsToRead, as the .xlsx reader chooses them): the engine finds
 * in what it read exactly what it finds in the workbook, each finding on its year's sheet.
 */
import { reconcile } from '../../src/domain/reconcile/reconcile';
import { gatewayOn, hostFromSnapshot } from '../helpers/host';
import { perYearSnapshot } from '../helpers/perYearWorkbook';
import { reconciled } from './helpers';

describe('a plan kept one sheet per year, read through Office.js', () => {
  it('reads all four year sheets and the register, and nothing else', async () => {
    const read = await gatewayOn(hostFromSnapshot(perYearSnapshot())).read();
    const withCells = read.snapshot.sheets.filter((s) => s.values.length > 0).map((s) => s.name);
    expect(withCells.sort()).toEqual(
      ['Budsjett 2014', 'Budsjett 2015', 'Finansiering 2014', 'Finansiering 2015', 'Prosjektregister'].sort(),
    );
    expect(reconciled(read.snapshot)).toEqual(reconciled(perYearSnapshot()));
    const r = reconcile(read.snapshot);
    expect(r.years).toEqual([2014, 2015]);
    expect(r.findings.find((f) => f.code === 'SUM_MISMATCH')?.cells).toEqual(["'Budsjett 2015'!B6"]);
  });
});
