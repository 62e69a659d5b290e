/**
 * Large plans: every line may give a finding, and the engine must list them
 * all, not overflow the call stack (spreading 150 000 findings into push() does).
 */
import { reconcile } from '../../src/domain/reconcile/reconcile';
import type { CellValue } from '../../src/domain/snapshot';
import { entry, register, registerSheet, sheet, source } from '../helpers/workbook';

describe('a plan of 150 000 lines that the register does not know', () => {
  it('gives one UNKNOWN_LINE per line and balances', () => {
    const n = 150_000;
    const budget: CellValue[][] = [['Post', 'Budsjett 2024']];
    for (let i = 0; i < n; i++) budget.push([`Ukjent ${i}`, 1]);
    budget.push(['Sum', n]);
    const workbook = {
      sheets: [
        sheet('Budsjett', budget),
        sheet('Finansiering', [
          ['Kilde', 'Finansiering 2024'],
          ['SNR', n],
          ['SUM', n],
        ]),
        registerSheet(register([entry({ name: 'Kjent prosjekt' })], [source('SNR', 'own')])),
      ],
    };
    const result = reconcile(workbook);
    expect(result.balanced).toBe(true);
    expect(result.totals[2024].budget).toBe(n * 100);
    const unknown = result.findings.filter((f) => f.code === 'UNKNOWN_LINE');
    expect(unknown).toHaveLength(n);
    expect(unknown[n - 1].cells).toEqual([`Budsjett!A${n + 1}`]);
  });
});
