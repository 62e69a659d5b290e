/**
 * The result's review (`result.review`, reconcile/review.ts): the review log read from the
 * workbook's `Avstemmingslogg` sheet in the snapshot, against the findings of the same run.
 * Explained, stale and signed here are what the pane, the outputs and `--json` all show.
 */
import { reconcile } from '../../../src/domain/reconcile/reconcile';
import { sheetsToRead } from '../../../src/domain/reconcile/sheetsToRead';
import {
  REVIEW_SHEET,
  emptyReviewState,
  encodeReviewSheet,
  explain,
  signOff,
  withEntries,
  type ReviewState,
} from '../../../src/domain/review';
import type { WorkbookSnapshot } from '../../../src/domain/snapshot';
import { KARI, helsedesignBudgetRaised, march5, sampleSnapshot, typeOver } from './fixtures';

const HELSEDESIGN = 'CONTRIBUTION_MISMATCH|project=1.2|year=2010';

/** The workbook with its review log sheet holding `state` (as the writers write it, from A1). */
function withLog(wb: WorkbookSnapshot, state: ReviewState, name = REVIEW_SHEET): WorkbookSnapshot {
  const rest = wb.sheets.filter((s) => s.name !== name);
  return {
    ...wb,
    sheets: [
      ...rest,
      { name, origin: { row: 0, col: 0 }, values: encodeReviewSheet(state), visibility: 'veryHidden' },
    ],
  };
}

function explained1_2(wb: WorkbookSnapshot): ReviewState {
  const target = reconcile(wb).review.findings.find((f) => f.key === HELSEDESIGN)!;
  const made = explain(target, 'Akershus fylkeskommune betaler hele 2010', KARI(march5(10)));
  if (!made.ok) throw new Error('not explained');
  return withEntries(emptyReviewState(), { explanations: [made.explanation] });
}

describe("the result's review", () => {
  it('is an empty log without a review sheet: every finding open, nothing signed', () => {
    const review = reconcile(sampleSnapshot()).review;
    expect(review.sheet).toBeNull();
    expect(review.problems).toEqual([]);
    expect(review.findings.every((f) => f.status === 'open')).toBe(true);
    expect(review.counts.explained).toBe(0);
    expect(review.signOff).toEqual({ state: 'none' });
  });

  it('gives findings[i] the review of the result’s findings[i]', () => {
    const result = reconcile(sampleSnapshot());
    expect(result.review.findings.map((r) => r.finding)).toEqual(result.findings);
  });

  it('reads the log from the sheet the adapters read (sheetsToRead names it, any case)', () => {
    const names = ['Budsjett', 'Finansiering', 'Prosjektregister', 'avstemmingslogg '];
    const review = sheetsToRead(names).find((s) => s.roles.has('review'));
    expect(review?.name).toBe('avstemmingslogg ');
    const wb = sampleSnapshot();
    const result = reconcile(withLog(wb, explained1_2(wb), 'avstemmingslogg '));
    expect(result.review.sheet).toBe('avstemmingslogg ');
    expect(result.review.findings.find((f) => f.key === HELSEDESIGN)?.status).toBe('explained');
  });

  it("shows 1.2's warning explained, then stale when 1.2's budget changes", () => {
    const wb = sampleSnapshot();
    const log = explained1_2(wb);
    const explained = reconcile(withLog(wb, log)).review;
    const r = explained.findings.find((f) => f.key === HELSEDESIGN)!;
    expect(r.status).toBe('explained');
    expect(r.explanation?.reason).toBe('Akershus fylkeskommune betaler hele 2010');
    expect(explained.counts.explained).toBe(1);

    const stale = reconcile(withLog(helsedesignBudgetRaised(wb), log)).review;
    const s = stale.findings.find((f) => f.key === HELSEDESIGN)!;
    expect(s.status).toBe('stale');
    expect(s.explanation?.reason).toBe('Akershus fylkeskommune betaler hele 2010');
  });

  it('holds a sign-off while nothing changes, and names the changed line and year when it does', () => {
    const wb = sampleSnapshot();
    const before = reconcile(wb).review;
    // The sample's one error (1.3 is in the register twice) blocks a sign-off until explained.
    expect(signOff(before.input, [], KARI(march5(11)))).toMatchObject({
      ok: false,
      refusal: { reason: 'openErrors' },
    });
    const duplicate = before.findings.find((f) => f.finding.severity === 'error')!;
    const why = explain(duplicate, 'Rettes i registeret etter styremøtet', KARI(march5(10)));
    if (!why.ok) throw new Error('not explained');
    const made = signOff(before.input, [why.explanation], KARI(march5(11)));
    if (!made.ok) throw new Error(JSON.stringify(made.refusal));
    const log = withEntries(emptyReviewState(), {
      explanations: [why.explanation],
      signOffs: [made.signOff],
    });
    expect(reconcile(withLog(wb, log)).review.signOff.state).toBe('signed');

    const changed = reconcile(withLog(helsedesignBudgetRaised(wb), log)).review.signOff;
    if (changed.state !== 'changed') throw new Error(changed.state);
    expect(changed.changes.years.map((y) => y.year)).toEqual([2010]);
    expect(changed.changes.values?.changed.map((v) => `${v.part}:${v.label}`)).toContain(
      'budget:Helsesdesign Arena',
    );
  });

  it('does not sign a register value change as nothing: the fingerprint sees the register', () => {
    const wb = sampleSnapshot();
    const input = reconcile(wb).review.input;
    const register = wb.sheets.find((s) => s.name === 'Prosjektregister')!;
    const row = register.values.findIndex((r) => r[0] === '1.2');
    const col = register.values[row].findIndex(
      (v) => v === 'Helsedesign' || (typeof v === 'string' && v.startsWith('Helse')),
    );
    const renamed = {
      ...wb,
      sheets: wb.sheets.map((s) =>
        s === register
          ? {
              ...s,
              values: s.values.map((r, i) =>
                i === row ? r.map((v, c) => (c === col ? 'Helsedesign AS' : v)) : r,
              ),
            }
          : s,
      ),
    };
    const after = reconcile(renamed).review.input;
    expect(after.register).not.toEqual(input.register);
  });

  it('reports a tampered log as problems naming the cell, and keeps the run', () => {
    const wb = sampleSnapshot();
    const cells = encodeReviewSheet(explained1_2(wb));
    cells[3][cells[2].indexOf('at')] = 'i går';
    const sheet = { name: REVIEW_SHEET, origin: { row: 0, col: 0 }, values: cells };
    const result = reconcile({ ...wb, sheets: [...wb.sheets, sheet] });
    expect(result.review.problems).toEqual([
      expect.objectContaining({ kind: 'badCell', cell: expect.stringMatching(/^Avstemmingslogg!/) }),
    ]);
    expect(result.review.state.unread.explanations).toHaveLength(1);
    expect(result.findings.length).toBeGreaterThan(0);
  });

  it('keeps the budget sheet typed over in the input (a value the sign-off would see)', () => {
    const wb = typeOver(sampleSnapshot(), 'Budsjett', { B5: 250_000 });
    const line = reconcile(wb).review.input.budget.find((l) => l.label === 'Helsesdesign Arena');
    expect(line?.amounts[2010]).toBe(25_000_000);
  });

  it('signs the whole workbook with --year: the sign-off input is every year’s, the statuses the year’s', () => {
    const sheet = (name: string, values: (string | number | null)[][]) => ({
      name,
      origin: { row: 0, col: 0 },
      values,
    });
    const wb: WorkbookSnapshot = {
      sheets: [
        sheet('Budsjett', [
          ['Post', 'Budsjett 2012', 'Budsjett 2013'],
          ['Alfa', 100_000, 150_000],
          ['Sum', 100_000, 150_000],
        ]),
        sheet('Finansiering', [
          ['Kilde', 'Budsjett 2012', 'Budsjett 2013'],
          ['SNR', 100_000, 140_000],
          ['SUM', 100_000, 140_000],
        ]),
      ],
    };
    const whole = reconcile(wb);
    const year = reconcile(wb, { year: 2012 });
    expect(whole.years).toEqual([2012, 2013]);
    expect(year.years).toEqual([2012]);
    expect(year.review.input).toEqual(whole.review.input);
    expect(year.review.findings.map((r) => r.finding)).toEqual(year.findings);
  });
});
