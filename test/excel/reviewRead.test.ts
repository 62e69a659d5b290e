/**
 * The review log as read() reads it (the log's sheet has the role `review` in sheetsToRead), after
 * the Office.js writer wrote it: `reconcile(read.snapshot).review` sees every entry appended,
 * however long the log, past the first window of rows read() reads with the used range.
 */
import { HELSEDESIGN, explanation, explanations, finding, review, sample } from './reviewHelpers';
import { gatewayOn } from './writeHelpers';

describe('read() reads the log the writer wrote', () => {
  it('1.2 explained after the first explanation, the latest of its key counting after the next', async () => {
    const gateway = gatewayOn(sample());
    const first = await explanation(gateway, HELSEDESIGN, 'Betalt av fylket', 12);
    await gateway.appendReview({ explanations: [first] });
    expect(finding(await review(gateway), HELSEDESIGN).explanation).toEqual(first);
    const second = await explanation(gateway, HELSEDESIGN, 'Betalt av fylket og SNR', 13);
    await gateway.appendReview({ explanations: [second] });
    const after = await review(gateway);
    expect(after.state.explanations).toEqual([first, second]);
    expect(finding(after, HELSEDESIGN)).toMatchObject({ status: 'explained', explanation: second });
  });

  it('a log of 2 000 entries: every one, past the first 1 200 rows', async () => {
    const gateway = gatewayOn(sample());
    await gateway.appendReview({ explanations: explanations(2_000) });
    expect((await review(gateway)).state.explanations).toEqual(explanations(2_000));
  });

  // read() loads the log's value types (adapter/sheetReads.ts), as the writer's own read does: text
  // that spells an error value is that text, not an error (the row would be unreadable).
  it('a reason "#N/A" reads back through read() as that text', async () => {
    const gateway = gatewayOn(sample());
    const made = await explanation(gateway, HELSEDESIGN, '#N/A', 12);
    const result = await gateway.appendReview({ explanations: [made] });
    expect(result.state.explanations).toEqual([made]);
    const after = await review(gateway);
    expect(after.problems).toEqual([]);
    expect(finding(after, HELSEDESIGN).explanation?.reason).toBe('#N/A');
  });
});
