/**
 * A year's balance on the reconciliation sheet, under its lines: budget against financing and
 * the stated sums, own-funded against own sources, and each memo row against what it restates.
 * Each comparison is a row with both amounts (formulas on the source cells or on the year's
 * totals row), their difference and a status.
 */
import { cellRef } from '../address';
import type { ReconciliationResult } from '../reconcile/result';
import { sumContent, termOf } from './amounts';
import { statusFormats, type Columns } from './reconciliationYear';
import type { Content, SheetBuilder } from './sheetBuilder';
import { AMOUNT, BOX, COLORS, HEADER } from './style';
import type { OutputText } from './text';

/** `IF(ABS(E5)<0.005,"OK","Avvik")`: amounts are kroner with at most øre, so half an øre is equality. */
export function statusFormula(diffRef: string, text: OutputText): string {
  return `=IF(ABS(${diffRef})<0.005,"${text.ok}","${text.deviation}")`;
}

/** Columns of the balance table. */
const B = { label: 0, against: 1, amount: 2, other: 3, diff: 4, status: 5 } as const;

/**
 * Year `y` (an index into `result.years`) from `startRow`; `totalRow` is the year's totals row
 * of the line table (`cols` its columns). Returns the next free row.
 */
export function balanceTable(
  s: SheetBuilder,
  result: ReconciliationResult,
  y: number,
  cols: Columns,
  text: OutputText,
  startRow: number,
  totalRow: number,
): number {
  const year = result.years[y];
  const totals = result.totals[year];
  const balance = result.balance[y];
  let row = startRow;
  const headers = [
    text.balanceTitle(year),
    text.comparedWith,
    text.amount,
    text.comparedWith,
    text.difference,
    text.status,
  ];
  row += s.row(
    row,
    headers.map((h, c) => ({
      col: c,
      content: h,
      style: { ...HEADER, horizontalAlignment: c >= 2 && c < B.status ? 'right' : 'left' },
    })),
  );
  const first = row;

  const addRow = (label: string, against: string, amount: Content | null, other: Content | null) => {
    const at = row;
    const diff = cellRef(at, B.diff);
    row += s.row(at, [
      { col: B.label, content: label, style: { border: BOX } },
      { col: B.against, content: against, style: { border: BOX } },
      { col: B.amount, content: amount ?? { value: 0 }, style: AMOUNT },
      { col: B.other, content: other ?? { value: 0 }, style: AMOUNT },
      {
        col: B.diff,
        content: { formula: `=${cellRef(at, B.amount)}-${cellRef(at, B.other)}` },
        style: AMOUNT,
      },
      { col: B.status, content: { formula: statusFormula(diff, text) }, style: { border: BOX } },
    ]);
    return at;
  };

  const fundingTerms = result.fundingSources.flatMap((src) => src.years[y].cells.map(termOf));
  const budgetTotal = { formula: `=${cellRef(totalRow, cols.budget)}` };
  const financingRow = addRow(
    text.budgetVsFinancing,
    text.financingRows,
    budgetTotal,
    sumContent(fundingTerms, totals.financing),
  );
  if (balance.statedBudget) {
    addRow(text.budgetVsStated, text.statedSum, budgetTotal, sumContent([termOf(balance.statedBudget)], 0));
  }
  if (balance.statedFinancing) {
    addRow(
      text.financingVsStated,
      text.statedSum,
      { formula: `=${cellRef(financingRow, B.other)}` },
      sumContent([termOf(balance.statedFinancing)], 0),
    );
  }
  if (!result.registerFigures) {
    // Own sources need the register: the comparison is named, and said not to be computed.
    row += s.row(row, [
      { col: B.label, content: text.ownFundedVsOwnSources, style: { border: BOX } },
      { col: B.against, content: text.ownSources, style: { border: BOX } },
      { col: B.amount, content: text.notComputed, style: { border: BOX, italic: true } },
      ...[B.other, B.diff, B.status].map((c) => ({ col: c, content: null, style: { border: BOX } })),
    ]);
  } else {
    const ownTerms = result.fundingSources.flatMap((src) =>
      src.kind === 'own' ? src.years[y].cells.map(termOf) : [],
    );
    const ownRow = addRow(
      text.ownFundedVsOwnSources,
      text.ownSources,
      { formula: `=${cellRef(totalRow, cols.own)}` },
      sumContent(ownTerms, totals.ownSources ?? 0),
    );
    for (const memo of balance.memos) {
      addRow(
        text.memoVsOwnSources(memo.label),
        text.ownSources,
        sumContent([termOf(memo.cell)], memo.cell.ore),
        { formula: `=${cellRef(ownRow, B.other)}` },
      );
    }
  }
  const last = row - 1;
  const diff = cellRef(first, B.diff);
  s.conditional({
    range: `${diff}:${cellRef(last, B.diff)}`,
    formula: `ABS(${diff})>=0.005`,
    fill: COLORS.badFill,
    fontColor: COLORS.badFont,
  });
  statusFormats(s, `${cellRef(first, B.status)}:${cellRef(last, B.status)}`, cellRef(first, B.status), text);
  return row + 1;
}
