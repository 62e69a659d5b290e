/**
 * The review log writer's round trips and request bytes (`appendReview`, on the in-memory host):
 * the same 3 round trips to append to a log of 5 entries as to one of 2 000, and every request and
 * answer under the payload limit however large the log, read back whole.
 */
import { REVIEW_SHEET } from '../../src/domain/review';
import type { TestHostOptions } from '../helpers/host';
import { explanations, review, sample } from './reviewHelpers';
import { gatewayOn } from './writeHelpers';

describe('round trips and request bytes', () => {
  /** A host whose log holds `n` entries (written at once), then the stats reset. */
  async function withLog(n: number, options?: TestHostOptions, reason?: (i: number) => string) {
    const host = sample(options);
    const gateway = gatewayOn(host);
    host.resetStats();
    const created = await gateway.appendReview({ explanations: explanations(n, reason) });
    const requests = host.stats.log.slice();
    host.resetStats();
    return { host, gateway, created, requests };
  }

  it('an append to a log of 5 and to one of 2 000 entries: the same 3 round trips', async () => {
    const next = explanations(2_001).slice(-1);
    const syncs: number[] = [];
    for (const n of [5, 2_000]) {
      const { host, gateway } = await withLog(n);
      const result = await gateway.appendReview({ explanations: next });
      expect(result.state.explanations).toHaveLength(n + 1);
      expect(host.stats.syncs).toBe(result.syncs);
      syncs.push(result.syncs);
      // The write sends the new row only.
      expect(host.stats.log[1].requestBytes).toBeLessThan(8_000);
    }
    expect(syncs).toEqual([3, 3]);
  });

  it('2 000 entries of long reasons (over 5 MB): written in several requests, each under the limit, and read back', async () => {
    const long = (i: number) => `${i}:${' Begrunnelse med mange ord og tall 1 234 567.'.repeat(70)}`;
    const { host, gateway, created } = await withLog(2_000, {}, long);
    expect(created.syncs).toBeGreaterThan(3);
    const log = host.readSheet(REVIEW_SHEET)!;
    expect(log.visibility).toBe('veryHidden');
    const after = await review(gateway);
    expect(after.state.explanations).toHaveLength(2_000);
    expect(after.state.explanations[1_999].reason).toBe(long(1_999));

    // Appending to it: its answer is too large for one response, so it is read in blocks.
    host.resetStats();
    const result = await gateway.appendReview({ explanations: explanations(2_001).slice(-1) });
    expect(result.state.explanations).toHaveLength(2_001);
    expect(host.stats.log.filter((r) => !r.error).every((r) => r.requestBytes < host.payloadLimit)).toBe(
      true,
    );
    expect(host.stats.log.every((r) => r.responseBytes <= host.payloadLimit)).toBe(true);
  });

  it('with a small payload limit: every request under it, the log complete', async () => {
    const limit = 64 * 1024;
    const host = sample({ payloadLimit: limit });
    const gateway = gatewayOn(host);
    host.resetStats();
    const created = await gateway.appendReview({ explanations: explanations(2_000) });
    expect(created.syncs).toBeGreaterThan(3);
    expect(host.stats.log.every((r) => r.requestBytes <= limit && r.responseBytes <= limit)).toBe(true);
    expect(host.stats.log.filter((r) => r.error !== undefined).map((r) => r.error)).toEqual(['ItemNotFound']);
    const after = await review(gateway);
    expect(after.state.explanations).toEqual(explanations(2_000));
  });
});
