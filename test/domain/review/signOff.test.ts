/**
 * Signing off the sample: refused while the duplicate id is an open error,
 * recorded once it is explained, still signed after rows are inserted or
 * lines sorted, and "changed after sign-off" with what changed once 1.2's
 * budget is raised.
 */
import {
  describeRefusal,
  describeSignOffHistory,
  describeSignOffState,
  explain,
  latestSignOff,
  reviewFindings,
  reviewFingerprint,
  signOff,
  signOffState,
  type Explanation,
  type ReviewInput,
  type SignOff,
} from '../../../src/domain/review';
import {
  KARI,
  OLA,
  helsedesignBudgetRaised,
  insertRowsAbove,
  march5,
  reviewInputOf,
  sampleSnapshot,
  typeOver,
} from './fixtures';

const NBSP = '\u00a0';

function duplicateExplained(input: ReviewInput): Explanation[] {
  const dup = reviewFindings(input.findings, []).findings.find((r) => r.key === 'DUPLICATE_ID|project=1.3');
  const made = explain(dup!, 'Den andre 1.3 får nytt nummer i revidert plan.', OLA(march5(9)));
  return made.ok ? [made.explanation] : [];
}

function signed(input: ReviewInput, at = march5(14, 30)): SignOff {
  const made = signOff(input, duplicateExplained(input), KARI(at));
  if (!made.ok) throw new Error(made.refusal.reason);
  return made.signOff;
}

describe('signOff', () => {
  const sample = reviewInputOf(sampleSnapshot());

  it('is refused while an error is open, saying how many and which', () => {
    const refused = signOff(sample, [], KARI(march5(14, 30)));
    expect(refused).toEqual({
      ok: false,
      refusal: { reason: 'openErrors', count: 1, keys: ['DUPLICATE_ID|project=1.3'] },
    });
    if (refused.ok) return;
    expect(describeRefusal(refused.refusal, 'nb')).toBe(
      'Avstemmingen kan ikke godkjennes: 1 feil er åpen. Rett eller forklar den først.',
    );
    expect(describeRefusal(refused.refusal, 'en')).toBe(
      'The reconciliation cannot be signed off: 1 error is open. Correct or explain it first.',
    );
    expect(signOff(sample, duplicateExplained(sample), { by: '', at: march5(14) })).toEqual({
      ok: false,
      refusal: { reason: 'noName' },
    });
  });

  it('records who, when, the totals, the counts and the fingerprint once the error is explained', () => {
    const s = signed(sample);
    expect(s).toMatchObject({
      by: 'Kari Nordmann',
      at: '2024-03-05T14:30:00+01:00',
      fingerprint: reviewFingerprint(sample),
      open: 3,
      explained: 1,
      totals: [{ year: 2010, budget: 343_000_000, financing: 343_000_000 }],
    });
    expect(s.fingerprint).toMatch(/^f1-[0-9a-f]{16}$/);
    expect(s.values?.filter((v) => v.part === 'budget').map((v) => v.label)).toEqual([
      'Akkvisisjon',
      'Diverse',
      'Energi og miljø',
      'Etablerertjenesten',
      'Helsesdesign Arena',
      'Interreg prosjekt FEM',
      'Koordinering, drift',
      'Regional Innovasjonsprosjekt',
      'Reiselivet',
    ]);
    expect(s.values?.some((v) => v.part === 'register' && v.label === '1.3#2')).toBe(true);
  });

  it('keeps no values when they would not fit in a cell, and still signs', () => {
    const many: ReviewInput = {
      ...sample,
      budget: Array.from({ length: 3000 }, (_, i) => ({ label: `Linje nummer ${i}`, amounts: { 2010: i } })),
    };
    const s = signed(many);
    expect(s.values).toBeNull();
    const changed = signOffState(s, { ...many, budget: many.budget.slice(1) });
    expect(changed).toMatchObject({ state: 'changed', changes: { years: [], values: null } });
    expect(describeSignOffState(changed, 'en')).toEqual([
      'Signed off by Kari Nordmann on 5 March 2024 at 14:30',
      'Changed after sign-off',
      'Which lines changed was not stored with this sign-off.',
    ]);
  });
});

describe('signOffState', () => {
  const sample = reviewInputOf(sampleSnapshot());
  const s = signed(sample);

  it('is none without a sign-off, and signed while the values are those signed', () => {
    expect(signOffState(null, sample)).toEqual({ state: 'none' });
    expect(describeSignOffState({ state: 'none' }, 'nb')).toEqual(['Ikke godkjent']);
    expect(signOffState(s, sample)).toEqual({ state: 'signed', signOff: s });
    expect(describeSignOffState(signOffState(s, sample), 'nb')).toEqual([
      'Godkjent av Kari Nordmann den 5. mars 2024 kl. 14.30',
    ]);
  });

  it('stays signed when rows are inserted or lines sorted: addresses and order are not values', () => {
    expect(signOffState(s, reviewInputOf(insertRowsAbove(sampleSnapshot(), 4))).state).toBe('signed');
    const sorted = {
      ...sample,
      budget: [...sample.budget].reverse(),
      // A register row moved; the two rows with id 1.3 keep their order (they are told apart by it).
      register: [...sample.register.slice(1), sample.register[0]],
    };
    expect(signOffState(s, sorted).state).toBe('signed');
  });

  it("says changed after sign-off, with the year totals and lines, when 1.2's budget is raised", () => {
    const state = signOffState(s, reviewInputOf(helsedesignBudgetRaised()));
    expect(state).toEqual({
      state: 'changed',
      signOff: s,
      changes: {
        years: [
          {
            year: 2010,
            before: { budget: 343_000_000, financing: 343_000_000 },
            now: { budget: 353_000_000, financing: 353_000_000 },
          },
        ],
        values: {
          added: [],
          removed: [],
          changed: [
            { part: 'budget', label: 'Helsesdesign Arena' },
            { part: 'financing', label: 'SNR' },
          ],
        },
      },
    });
    expect(describeSignOffState(state, 'nb')).toEqual([
      'Godkjent av Kari Nordmann den 5. mars 2024 kl. 14.30',
      'Endret etter godkjenningen',
      `2010: budsjett 3${NBSP}430${NBSP}000 kr → 3${NBSP}530${NBSP}000 kr, finansiering 3${NBSP}430${NBSP}000 kr → 3${NBSP}530${NBSP}000 kr`,
      'Endret i budsjettet: Helsesdesign Arena',
      'Endret i finansieringen: SNR',
    ]);
    expect(describeSignOffState(state, 'en').slice(2)).toEqual([
      '2010: budget 3,430,000 kr → 3,530,000 kr, financing 3,430,000 kr → 3,530,000 kr',
      'Changed in the budget: Helsesdesign Arena',
      'Changed in the financing: SNR',
    ]);
  });

  it('names lines added and removed, and register rows changed', () => {
    const renamed = typeOver(sampleSnapshot(), 'Budsjett', { A10: 'Diverse utgifter' });
    const promised = typeOver(renamed, 'Prosjektregister', { I6: 250_000 });
    const row = (reviewInputOf(sampleSnapshot()).register.find((r) => r.key === '1.2')?.values ?? [])[8];
    expect(row).toBe(200_000); // I6 is 1.2's contribution
    const state = signOffState(s, reviewInputOf(promised));
    expect(state.state === 'changed' && state.changes).toEqual({
      years: [],
      values: {
        added: [{ part: 'budget', label: 'Diverse utgifter' }],
        removed: [{ part: 'budget', label: 'Diverse' }],
        changed: [{ part: 'register', label: '1.2' }],
      },
    });
    expect(describeSignOffState(state as never, 'nb').slice(2)).toEqual([
      'Endret i prosjektregisteret: 1.2',
      'Lagt til i budsjettet: Diverse utgifter',
      'Fjernet fra budsjettet: Diverse',
    ]);
  });

  it('takes the latest sign-off by time, and lists the history oldest first', () => {
    const later = signed(sample, march5(16));
    expect(latestSignOff([later, s])).toBe(later);
    expect(latestSignOff([])).toBeNull();
    expect(describeSignOffHistory([later, s], 'nb')).toEqual([
      'Godkjent av Kari Nordmann den 5. mars 2024 kl. 14.30: 3 åpne funn, 1 forklart',
      'Godkjent av Kari Nordmann den 5. mars 2024 kl. 16.00: 3 åpne funn, 1 forklart',
    ]);
    expect(describeSignOffHistory([{ ...s, open: 1 }], 'en')).toEqual([
      'Signed off by Kari Nordmann on 5 March 2024 at 14:30: 1 open finding, 1 explained',
    ]);
  });
});

describe('reviewFingerprint', () => {
  const sample = reviewInputOf(sampleSnapshot());
  const base = reviewFingerprint(sample);

  it('changes with one øre of one line, a total, or one register value', () => {
    const line = sample.budget[0];
    expect(
      reviewFingerprint({
        ...sample,
        budget: [{ ...line, amounts: { 2010: line.amounts[2010] + 1 } }, ...sample.budget.slice(1)],
      }),
    ).not.toBe(base);
    expect(reviewFingerprint({ ...sample, totals: { 2010: { budget: 1, financing: 1 } } })).not.toBe(base);
    const [first, ...rest] = sample.register;
    expect(
      reviewFingerprint({ ...sample, register: [{ ...first, values: [...first.values, 'x'] }, ...rest] }),
    ).not.toBe(base);
  });

  it('ignores the findings, the order of lines and white space in labels', () => {
    expect(reviewFingerprint({ ...sample, findings: [] })).toBe(base);
    const spaced = sample.financing.map((l) => ({ ...l, label: ` ${l.label.replace(' ', '  ')} ` }));
    expect(reviewFingerprint({ ...sample, financing: [...spaced].reverse() })).toBe(base);
  });

  it('tells two lines of the same name apart by their order', () => {
    const twice = (a: number, b: number): ReviewInput => ({
      ...sample,
      budget: [
        { label: 'Diverse', amounts: { 2010: a } },
        { label: 'Diverse', amounts: { 2010: b } },
      ],
    });
    expect(reviewFingerprint(twice(1, 2))).not.toBe(reviewFingerprint(twice(2, 1)));
    expect(reviewFingerprint(twice(1, 1))).not.toBe(
      reviewFingerprint({ ...twice(1, 1), budget: twice(1, 1).budget.slice(0, 1) }),
    );
  });
});
