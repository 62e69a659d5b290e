/**
 * Two people explaining or signing off at once, each re-reading the sheet
 * before writing: both land, nothing is rewritten, a removal on the sheet is
 * respected, and the latest explanation of a finding counts whoever wrote last.
 */
import {
  decodeReviewSheet,
  emptyReviewState,
  encodeReviewSheet,
  explain,
  mergeReview,
  reviewFindings,
  signOff,
  withEntries,
  type Explanation,
  type ReviewState,
  type SignOff,
} from '../../../src/domain/review';
import { KARI, OLA, findingsOf, march5, reviewInputOf, sampleSnapshot } from './fixtures';

const HELSEDESIGN = {
  key: 'CONTRIBUTION_MISMATCH|project=1.2|year=2010',
  figures: 'expected=200000;actual=0;difference=-200000',
};
const AKKVISISJON = {
  key: 'CONTRIBUTION_MISMATCH|project=3.1|year=2010',
  figures: 'expected=200000;actual=300000;difference=100000',
};
const DUPLICATE = {
  key: 'DUPLICATE_ID|project=1.3',
  figures: 'names=Logistikknæringen, Et løft for reiselivet',
};

function explanation(
  target: { key: string; figures: string },
  reason: string,
  actor: { by: string; at: string },
): Explanation {
  const made = explain(target, reason, actor);
  if (!made.ok) throw new Error(made.refusal.reason);
  return made.explanation;
}

/** What the sheet holds after writing `state`, as the next reader sees it. */
const roundTrip = (state: ReviewState) => decodeReviewSheet(encodeReviewSheet(state)).state;

/** One user's save: re-read the sheet, merge, write. Returns the sheet after. */
function save(sheet: ReviewState, base: ReviewState, mine: ReviewState): ReviewState {
  const merged = mergeReview(base, mine, sheet);
  if (!merged.ok) throw new Error(merged.reason);
  return roundTrip(merged.state);
}

describe('mergeReview', () => {
  const start = roundTrip(
    withEntries(emptyReviewState(), {
      explanations: [explanation(DUPLICATE, 'Rettes i revidert plan.', OLA(march5(9)))],
    }),
  );

  it('lands both when two users explain different findings at once', () => {
    const kari = withEntries(start, {
      explanations: [explanation(HELSEDESIGN, 'Arenaprogrammet.', KARI(march5(10, 1)))],
    });
    const ola = withEntries(start, {
      explanations: [explanation(AKKVISISJON, 'Ekstra i 2010.', OLA(march5(10, 2)))],
    });
    const afterOla = save(start, start, ola);
    const afterKari = save(afterOla, start, kari);
    expect(afterKari.explanations.map((e) => e.key)).toEqual([
      DUPLICATE.key,
      AKKVISISJON.key,
      HELSEDESIGN.key,
    ]);
    const review = reviewFindings(findingsOf(sampleSnapshot()), afterKari.explanations);
    expect(review.counts).toMatchObject({ explained: 3, open: 1 });
  });

  it('lets the latest explanation of a finding count, whichever writer lands last', () => {
    const early = withEntries(start, {
      explanations: [explanation(HELSEDESIGN, 'Tidlig', KARI(march5(10)))],
    });
    const late = withEntries(start, { explanations: [explanation(HELSEDESIGN, 'Sent', OLA(march5(10, 5)))] });
    for (const [first, second] of [
      [early, late],
      [late, early],
    ]) {
      const sheet = save(save(start, start, first), start, second);
      expect(sheet.explanations).toHaveLength(3);
      const r = reviewFindings(findingsOf(sampleSnapshot()), sheet.explanations).findings[1];
      expect(r.explanation?.reason).toBe('Sent');
    }
  });

  it('appends sign-offs from both and never rewrites one', () => {
    const input = reviewInputOf(sampleSnapshot());
    const sign = (actor: { by: string; at: string }): SignOff => {
      const made = signOff(input, start.explanations, actor);
      if (!made.ok) throw new Error(made.refusal.reason);
      return made.signOff;
    };
    const kari = withEntries(start, { signOffs: [sign(KARI(march5(15)))] });
    const ola = withEntries(start, { signOffs: [sign(OLA(march5(15, 1)))] });
    const afterKari = save(start, start, kari);
    const afterBoth = save(afterKari, start, ola);
    expect(afterBoth.signOffs).toEqual([...afterKari.signOffs, ...ola.signOffs]);
    expect(afterBoth.signOffs.map((s) => s.by)).toEqual(['Kari Nordmann', 'Ola Hansen']);
  });

  it('writes an entry once, though both hold it, and does not bring back one removed from the sheet', () => {
    const e = explanation(HELSEDESIGN, 'Arenaprogrammet.', KARI(march5(10)));
    const kari = withEntries(start, { explanations: [e] });
    const sheet = save(start, start, kari);
    expect(save(sheet, start, kari).explanations).toEqual(sheet.explanations);
    const cleared = { ...sheet, explanations: sheet.explanations.filter((x) => x.key !== DUPLICATE.key) };
    expect(save(cleared, start, kari).explanations.map((x) => x.key)).toEqual([HELSEDESIGN.key]);
  });

  it('keeps rows the sheet could not read through a merge and a write', () => {
    const rows = encodeReviewSheet(start).map((r) => [...r]);
    rows[3][4] = 'i går';
    const tampered = decodeReviewSheet(rows).state;
    expect(tampered.unread.explanations).toHaveLength(1);
    const kari = withEntries(start, {
      explanations: [explanation(HELSEDESIGN, 'Arenaprogrammet.', KARI(march5(10)))],
    });
    const after = save(tampered, start, kari);
    expect(after.unread.explanations).toEqual(tampered.unread.explanations);
    expect(after.explanations.map((x) => x.key)).toEqual([HELSEDESIGN.key]);
  });

  it('refuses to merge into a sheet of a newer format', () => {
    const newer = decodeReviewSheet([['formatVersion', 2]]).state;
    expect(mergeReview(start, start, newer)).toEqual({ ok: false, reason: 'readOnly' });
  });
});
