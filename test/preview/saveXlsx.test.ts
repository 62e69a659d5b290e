/**
 * "Lagre som .xlsx" in the preview: the workbook the pane worked on, saved by the CLI's writer and
 * read back by the CLI's reader, gives the same reconciliation, review log included. The very
 * hidden sheets stay very hidden, and text stays text.
 */
import { modelToSnapshot } from '../../src/domain/modelToSnapshot';
import { reconcile } from '../../src/domain/reconcile/reconcile';
import { REVIEW_SHEET } from '../../src/domain/review';
import { saveXlsx, snapshotModel } from '../../src/preview/xlsx/saveXlsx';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { readWorkbookData } from '../../src/xlsx/readWorkbook';

const reopen = (bytes: Uint8Array) => readWorkbookData(bytes, 'saved.xlsx', { allSheets: true }).snapshot;

describe('saving the preview’s workbook as .xlsx', () => {
  it('reads back to the same findings and keeps the register very hidden', () => {
    const snapshot = modelToSnapshot(sampleWorkbookModel());
    const again = reopen(saveXlsx(snapshot));
    expect(again.sheets.map((s) => [s.name, s.visibility])).toEqual(
      snapshot.sheets.map((s) => [s.name, s.visibility ?? 'visible']),
    );
    expect(reconcile(again).findings).toEqual(reconcile(snapshot).findings);
  });

  it('keeps text that looks like a formula or a number as text, and formulas as formulas', () => {
    const saved = reopen(
      saveXlsx({
        sheets: [
          { name: 'Budsjett', origin: { row: 0, col: 0 }, values: [['Post']] },
          {
            name: REVIEW_SHEET,
            visibility: 'veryHidden',
            origin: { row: 1, col: 1 },
            values: [
              ['=SUM(A1)', '1.2', 3],
              ['+47 123', { error: '#N/A' }, 7],
            ],
            formulas: [
              [null, null, null],
              [null, null, '=C2*2+1'],
            ],
          },
        ],
      }),
    );
    const sheet = saved.sheets[1];
    expect(sheet.visibility).toBe('veryHidden');
    // Cells by their sheet position (B2 is where the snapshot's values start).
    const value = (row: number, col: number) =>
      sheet.values[row - sheet.origin.row]?.[col - sheet.origin.col];
    const formula = (row: number, col: number) =>
      sheet.formulas?.[row - sheet.origin.row]?.[col - sheet.origin.col] ?? null;
    expect([value(1, 1), value(1, 2), value(2, 1)]).toEqual(['=SUM(A1)', '1.2', '+47 123']);
    expect(formula(1, 1)).toBeNull();
    expect(formula(2, 3)).toBe('=C2*2+1');
  });

  it('leaves empty cells out of the model', () => {
    const model = snapshotModel({
      sheets: [{ name: 'A', origin: { row: 0, col: 0 }, values: [[null, '', 'x']] }],
    });
    expect(model.sheets[0].cells).toEqual([{ row: 0, col: 2, value: 'x' }]);
  });
});
