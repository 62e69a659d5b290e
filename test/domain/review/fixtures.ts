/**
 * The sample workbook for the review tests, changed the way a finance officer
 * changes it (an amount typed over, a row inserted above the table), and
 * mapped onto the review's own input as the app layer will map it: from the
 * sheets' cells and the findings, not from the reconciliation's other fields.
 */
import { kronerToOre } from '../../../src/domain/amount';
import type { Finding } from '../../../src/domain/findings';
import { modelToSnapshot } from '../../../src/domain/modelToSnapshot';
import { reconcile } from '../../../src/domain/reconcile/reconcile';
import type { ReviewInput, ReviewLine } from '../../../src/domain/review';
import { timestamp } from '../../../src/domain/review';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../src/domain/snapshot';
import { sampleWorkbookModel } from '../../../src/sample/sampleWorkbook';

export function sampleSnapshot(): WorkbookSnapshot {
  return modelToSnapshot(sampleWorkbookModel());
}

/** The workbook with cells of one sheet typed over: `{ B5: 300000 }` (addresses from A1 of the data). */
export function typeOver(
  wb: WorkbookSnapshot,
  sheetName: string,
  cells: Readonly<Record<string, CellValue>>,
): WorkbookSnapshot {
  return {
    ...wb,
    sheets: wb.sheets.map((s) => {
      if (s.name !== sheetName) return s;
      const values = s.values.map((r) => [...r]);
      for (const [ref, v] of Object.entries(cells)) {
        const m = /^([A-Z])(\d+)$/.exec(ref);
        if (!m) throw new Error(ref);
        values[Number(m[2]) - 1 - s.origin.row][m[1].charCodeAt(0) - 65 - s.origin.col] = v;
      }
      return { ...s, values };
    }),
  };
}

/** Rows inserted above every sheet's content: every address moves down, nothing else changes. */
export function insertRowsAbove(wb: WorkbookSnapshot, rows: number): WorkbookSnapshot {
  return {
    ...wb,
    sheets: wb.sheets.map((s) => ({ ...s, origin: { row: s.origin.row + rows, col: s.origin.col } })),
  };
}

/**
 * The sample after a budget change: Helsesdesign Arena 200 000 → 300 000 (B5), paid by SNR
 * (1 500 000 → 1 600 000), sums and the memo row updated. Still balanced; 1.2 now own-funds
 * 100 000 of its promised 200 000.
 */
export function helsedesignBudgetRaised(wb: WorkbookSnapshot = sampleSnapshot()): WorkbookSnapshot {
  const budget = typeOver(wb, 'Budsjett', { B5: 300_000, B11: 3_530_000 });
  return typeOver(budget, 'Finansiering', { B2: 1_600_000, B9: 3_530_000, B10: 1_950_000 });
}

export function findingsOf(wb: WorkbookSnapshot): readonly Finding[] {
  return reconcile(wb).findings;
}

const text = (v: CellValue | undefined) => (typeof v === 'string' ? v : '');

/** Label and 2010 amount of every row with a number before the sum row, and the sum. */
function lines(s: SheetSnapshot): { lines: ReviewLine[]; sum: number } {
  const out: ReviewLine[] = [];
  for (const row of s.values.slice(1)) {
    const label = text(row[0]);
    if (typeof row[1] !== 'number') continue;
    if (/^sum$/i.test(label)) return { lines: out, sum: kronerToOre(row[1]) };
    out.push({ label, amounts: { 2010: kronerToOre(row[1]) } });
  }
  return { lines: out, sum: 0 };
}

/** The review input of a sample-like workbook, as the app layer would map it. */
export function reviewInputOf(wb: WorkbookSnapshot, findings = findingsOf(wb)): ReviewInput {
  const sheet = (name: string) => wb.sheets.find((s) => s.name === name) as SheetSnapshot;
  const budget = lines(sheet('Budsjett'));
  const financing = lines(sheet('Finansiering'));
  const register = sheet('Prosjektregister')
    .values.slice(3)
    .filter((r) => r.some((v) => v !== null))
    .map((r) => ({
      key: text(r[0]) || text(r[1]),
      values: r.map((v) => (typeof v === 'object' && v !== null ? null : v)),
    }));
  return {
    years: [2010],
    totals: { 2010: { budget: budget.sum, financing: financing.sum } },
    findings,
    budget: budget.lines,
    financing: financing.lines,
    register,
  };
}

/** 5 March 2024 at hh:mm, Norwegian winter time (+01:00). */
export function march5(hour: number, minute = 0): string {
  return timestamp(Date.UTC(2024, 2, 5, hour - 1, minute), 60);
}

export const KARI = (at: string) => ({ by: 'Kari Nordmann', at });
export const OLA = (at: string) => ({ by: 'Ola Hansen', at });
