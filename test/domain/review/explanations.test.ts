/**
 * Explaining findings on the sample: 1.2 Helsedesign's warning explained, then
 * its budget raised (stale: open again, old reason shown), withdrawn, gone
 * (an orphan, kept), and what counts for the exit code.
 */
import {
  describeExplanation,
  explain,
  failingErrors,
  findingFigures,
  findingKey,
  latestExplanations,
  reviewFields,
  reviewFindings,
  withdraw,
  type Explanation,
} from '../../../src/domain/review';
import { KARI, OLA, findingsOf, helsedesignBudgetRaised, march5, sampleSnapshot, typeOver } from './fixtures';

const HELSEDESIGN = 'CONTRIBUTION_MISMATCH|project=1.2|year=2010';
const DUPLICATE = 'DUPLICATE_ID|project=1.3';
const REASON = 'Arenaprogrammet betaler SNRs andel i 2010; avtalt med AFK.';

function explained(key: string, reason: string, actor = KARI(march5(10, 12))): Explanation {
  const target = reviewFindings(findingsOf(sampleSnapshot()), []).findings.find((r) => r.key === key);
  if (!target) throw new Error(key);
  const made = explain(target, reason, actor);
  if (!made.ok) throw new Error(made.refusal.reason);
  return made.explanation;
}

describe('explaining a finding', () => {
  it('requires a reason, a name and a time, and keeps the reason as typed but trimmed', () => {
    const target = { key: HELSEDESIGN, figures: 'expected=200000;actual=0;difference=-200000' };
    expect(explain(target, '   ', KARI(march5(10)))).toEqual({ ok: false, refusal: { reason: 'noReason' } });
    expect(explain(target, REASON, { by: ' ', at: march5(10) })).toEqual({
      ok: false,
      refusal: { reason: 'noName' },
    });
    expect(explain(target, REASON, { by: 'Kari', at: 'i går' })).toEqual({
      ok: false,
      refusal: { reason: 'badTime' },
    });
    expect(explain(target, 'x'.repeat(32_768), KARI(march5(10)))).toMatchObject({
      refusal: { reason: 'reasonTooLong' },
    });
    expect(explain(target, '  =SUM(A1)  ', KARI(march5(10)))).toEqual({
      ok: true,
      explanation: {
        ...target,
        action: 'explained',
        reason: '=SUM(A1)',
        by: 'Kari Nordmann',
        at: '2024-03-05T10:00:00+01:00',
      },
    });
  });
});

describe('reviewFindings on the sample', () => {
  const sample = findingsOf(sampleSnapshot());

  it('has every finding open before anything is explained', () => {
    const review = reviewFindings(sample, []);
    expect(review.findings.map((r) => r.status)).toEqual(['open', 'open', 'open', 'open']);
    expect(review.counts).toEqual({ open: 4, explained: 0, stale: 0, openErrors: 1, explainedErrors: 0 });
    expect(review.orphans).toEqual([]);
  });

  it("shows 1.2 Helsedesign's warning explained, with its reason, apart from the open ones", () => {
    const review = reviewFindings(sample, [explained(HELSEDESIGN, REASON)]);
    const h = review.findings.find((r) => r.key === HELSEDESIGN);
    expect(h?.status).toBe('explained');
    expect(h?.explanation).toMatchObject({
      reason: REASON,
      by: 'Kari Nordmann',
      at: '2024-03-05T10:12:00+01:00',
    });
    expect(review.counts).toMatchObject({ open: 3, explained: 1, stale: 0 });
    expect(describeExplanation(h!.explanation!, 'nb')).toBe(
      'Forklart av Kari Nordmann den 5. mars 2024 kl. 10.12',
    );
    expect(describeExplanation(h!.explanation!, 'en')).toBe(
      'Explained by Kari Nordmann on 5 March 2024 at 10:12',
    );
    expect(reviewFields(h!)).toEqual({
      key: HELSEDESIGN,
      status: 'explained',
      reason: REASON,
      explainedBy: 'Kari Nordmann',
      explainedAt: '2024-03-05T10:12:00+01:00',
    });
  });

  it('makes the explanation stale when the budget of 1.2 changes: open again, the old reason shown', () => {
    const raised = findingsOf(helsedesignBudgetRaised());
    const h = raised.find((f) => findingKey(f) === HELSEDESIGN);
    expect(h && findingFigures(h)).toBe('expected=200000;actual=100000;difference=-100000');
    const review = reviewFindings(raised, [explained(HELSEDESIGN, REASON)]);
    const r = review.findings.find((x) => x.key === HELSEDESIGN);
    expect(r?.status).toBe('stale');
    expect(r?.explanation?.reason).toBe(REASON);
    expect(review.counts).toMatchObject({ open: 4, explained: 0, stale: 1 });
    expect(reviewFields(r!)).toMatchObject({ status: 'stale', reason: REASON });
  });

  it('lets the latest entry per key count, by time not by place in the log, and a withdrawal reopen it', () => {
    const early = explained(HELSEDESIGN, 'Første forklaring', OLA(march5(9)));
    const late = explained(HELSEDESIGN, REASON, KARI(march5(11)));
    expect(latestExplanations([late, early]).get(HELSEDESIGN)?.reason).toBe(REASON);
    const reopened = reviewFindings(sample, [early, late, withdraw(HELSEDESIGN, OLA(march5(12)))]);
    expect(reopened.findings[1]).toMatchObject({ status: 'open', explanation: null });
    expect(reopened.orphans).toEqual([]);
  });

  it('orders entries from two time zones by their instant', () => {
    const oslo = explained(HELSEDESIGN, 'Oslo 10:30', { by: 'Kari', at: '2024-03-05T10:30:00+01:00' });
    const london = explained(HELSEDESIGN, 'London 09:45', { by: 'Ola', at: '2024-03-05T09:45:00+00:00' });
    expect(latestExplanations([london, oslo]).get(HELSEDESIGN)?.reason).toBe('London 09:45');
  });

  it('lists an explanation whose finding is gone as an orphan, and shows it again when the finding returns', () => {
    const e = explained(HELSEDESIGN, REASON);
    // 1.2 own-funds what it promised: the warning is resolved.
    const resolved = typeOver(helsedesignBudgetRaised(), 'Budsjett', { B5: 400_000, B11: 3_630_000 });
    const fixed = typeOver(resolved, 'Finansiering', { B2: 1_700_000, B9: 3_630_000, B10: 2_050_000 });
    const gone = reviewFindings(findingsOf(fixed), [e]);
    expect(gone.findings.map((r) => r.key)).not.toContain(HELSEDESIGN);
    expect(gone.orphans).toEqual([e]);
    expect(reviewFindings(sample, [e]).findings[1].status).toBe('explained');
  });

  it('counts only open errors for the exit code, explained ones too when strict', () => {
    const open = reviewFindings(sample, []);
    expect([failingErrors(open), failingErrors(open, true)]).toEqual([1, 1]);
    const review = reviewFindings(sample, [explained(DUPLICATE, 'De to 1.3 er rettet i neste plan.')]);
    expect(review.counts).toMatchObject({ openErrors: 0, explainedErrors: 1 });
    expect([failingErrors(review), failingErrors(review, true)]).toEqual([0, 1]);
  });
});
