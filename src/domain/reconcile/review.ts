/**
 * The review of a reconciliation result (issue 17): the review log read from its sheet, each
 * finding's status (open / explained / stale), the sign-off state, and what a sign-off now would
 * sign. Built on first read of `result.review` (toResult.ts), from the result and the review
 * sheet's cells in the snapshot; the review itself (domain/review) never sees the result.
 */
import type { Ore } from '../amount';
import {
  decodeReviewSheet,
  latestSignOff,
  reviewFindings,
  rowsFromA1,
  signOffState,
  type ReviewInput,
  type ReviewLine,
  type ReviewRegisterItem,
  type ReviewYearTotals,
  type SignOffState,
} from '../review';
import type { Register, RegisterEntry } from '../register/types';
import type { SheetSnapshot } from '../snapshot';
import type { ReconciliationResult, ResultReview } from './result';

/** The review's input, as the result has it: years, totals, findings, lines, register values. */
export function reviewInput(result: Omit<ReconciliationResult, 'review'>): ReviewInput {
  const totals: Record<number, ReviewYearTotals> = {};
  for (const year of result.years) {
    const t = result.totals[year];
    if (t !== undefined) totals[year] = { budget: t.budget, financing: t.financing };
  }
  const budget: ReviewLine[] = result.lines.map((line) => ({
    label: line.label,
    amounts: perYear(line.years.map((y) => [y.year, y.budget])),
  }));
  const financing: ReviewLine[] = result.fundingSources.map((source) => ({
    label: source.name,
    amounts: perYear(source.years.map((y, i) => [result.years[i], y.amount])),
  }));
  // An earmarked row, by its source and its line: moved from one funder to another, it changed.
  for (const line of result.lines) {
    const bySource = new Map<string, [number, Ore][]>();
    for (const y of line.years) {
      for (const e of y.earmarks) {
        if (!bySource.has(e.source)) bySource.set(e.source, []);
        bySource.get(e.source)!.push([y.year, e.cell.ore]);
      }
    }
    for (const [source, amounts] of bySource) {
      financing.push({ label: `${source} / ${line.label}`, amounts: perYear(amounts) });
    }
  }
  return {
    years: result.years,
    totals,
    findings: result.findings,
    budget,
    financing,
    register: registerItems(result.register),
  };
}

function perYear(pairs: readonly (readonly [number | undefined, Ore])[]): Record<number, Ore> {
  const out: Record<number, Ore> = {};
  for (const [year, ore] of pairs) if (year !== undefined) out[year] = (out[year] ?? 0) + ore;
  return out;
}

/** Every register row that counts for a sign-off: entries by id (or name), sources by name. */
function registerItems(register: Register | null): ReviewRegisterItem[] {
  if (register === null) return [];
  const entry = (e: RegisterEntry): ReviewRegisterItem => ({
    key: e.id !== '' ? e.id : e.name,
    values: [
      e.id,
      e.name,
      e.kind,
      e.area,
      e.phase,
      e.owner,
      e.role,
      e.partners.join('\n'),
      e.goals.join('\n'),
      e.contribution,
      e.contributionRange ? `${e.contributionRange.min}-${e.contributionRange.max}` : null,
      e.basis,
      e.contributionNote,
      e.budgetLine,
      e.aliases.join('\n'),
    ],
  });
  return [
    ...register.entries.map(entry),
    ...register.sources.map((s) => ({
      key: `source:${s.name}`,
      values: [s.name, s.kind, s.aliases.join('\n')],
    })),
  ];
}

/**
 * The result's review: the log on `sheet` (none: an empty log) read against the result. A sign-off
 * is of the whole workbook: when the result reports one year only (`--year`), `whole` gives the
 * result of every year (reconciled only if a sign-off is compared or made), which the sign-off state and the input of a new sign-off are taken from
 * (the findings' statuses are still those of the year reported).
 */
export function resultReview(
  result: Omit<ReconciliationResult, 'review'>,
  sheet: SheetSnapshot | null,
  whole: () => Omit<ReconciliationResult, 'review'> = () => result,
): ResultReview {
  const reading = decodeReviewSheet(
    sheet === null ? [] : rowsFromA1(sheet.origin, sheet.values),
    sheet?.name,
  );
  const findings = reviewFindings(result.findings, reading.state.explanations);
  // The values signed (every line and register row) only when a sign-off is compared or made:
  // a workbook never signed off pays nothing for them.
  let input: ReviewInput | null = null;
  const signedInput = () => (input ??= reviewInput(whole()));
  const latest = latestSignOff(reading.state.signOffs);
  let signOff: SignOffState | null = null;
  return {
    sheet: sheet?.name ?? null,
    state: reading.state,
    problems: reading.problems,
    findings: findings.findings,
    orphans: findings.orphans,
    counts: findings.counts,
    get signOff() {
      return (signOff ??= latest === null ? { state: 'none' } : signOffState(latest, signedInput()));
    },
    get input() {
      return signedInput();
    },
  };
}
