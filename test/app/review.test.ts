/**
 * The controller's review actions (issue 17): a finance officer explains a finding, takes an
 * explanation back, signs off. What is written to the review log, what is refused (nothing
 * written), and that the result stays shown while the workbook is reconciled again.
 */
import { createReconcileController, type ReconcileController } from '../../src/app/controller';
import { reconcile } from '../../src/domain/reconcile/reconcile';
import { timestamp } from '../../src/domain/review';
import { ExcelFailure, type ReviewWriteResult } from '../../src/excel/gateway';
import { deferred, workbookStub, type WorkbookStub } from '../taskpane/helpers';

const WARNING_12 = 'CONTRIBUTION_MISMATCH|project=1.2|year=2010';
const DUPLICATE = 'DUPLICATE_ID|project=1.3';
// 5 March 2024 10:12 in Oslo (UTC+1).
const NOW = { epochMs: Date.UTC(2024, 2, 5, 9, 12), offsetMinutes: 60 };
const AT = '2024-03-05T10:12:00+01:00';

async function reconciled(gateway: WorkbookStub = workbookStub()) {
  const controller = createReconcileController({
    gateway,
    lang: 'nb',
    loadEngine: async () => reconcile,
    now: () => NOW,
  });
  await controller.reconcile();
  return { controller, gateway };
}

function result(controller: ReconcileController) {
  const { run } = controller.getState();
  if (run.status !== 'done') throw new Error(`run is ${run.status}`);
  return run.result;
}

const statusOf = (controller: ReconcileController, key: string) =>
  result(controller).review.findings.find((f) => f.key === key)?.status;

describe('explaining a finding', () => {
  it('appends the reason as typed, by whom and when, reconciles again, and the finding is explained', async () => {
    const { controller, gateway } = await reconciled();
    expect(timestamp(NOW.epochMs, NOW.offsetMinutes)).toBe(AT);
    const runs: string[] = [];
    controller.subscribe(() => runs.push(controller.getState().run.status));

    await expect(
      controller.explain(WARNING_12, '  Forskuttert i 2009, jf. styrevedtak 12/09 ', 'Kari Nordmann'),
    ).resolves.toBe(true);

    expect(gateway.appendReview).toHaveBeenCalledTimes(1);
    expect(gateway.appendReview).toHaveBeenCalledWith({
      explanations: [
        {
          key: WARNING_12,
          action: 'explained',
          reason: 'Forskuttert i 2009, jf. styrevedtak 12/09',
          figures: 'expected=200000;actual=0;difference=-200000',
          by: 'Kari Nordmann',
          at: AT,
        },
      ],
    });
    expect(gateway.read).toHaveBeenCalledTimes(2);
    expect(statusOf(controller, WARNING_12)).toBe('explained');
    expect(controller.getState().reviewWrite).toEqual({
      status: 'done',
      action: { kind: 'explain', key: WARNING_12 },
    });
    // The result stayed shown while the workbook was read again (no spinner, no lost focus).
    expect(runs).not.toContain('loading');
  });

  it('keeps a reason that looks like a formula exactly as typed', async () => {
    const { controller, gateway } = await reconciled();
    await controller.explain(WARNING_12, '=SUM(A1) avtalt med rådmannen', 'Kari');
    expect(gateway.appendReview.mock.calls[0][0].explanations?.[0].reason).toBe(
      '=SUM(A1) avtalt med rådmannen',
    );
  });

  it('refuses an empty reason, and a missing name, writing nothing', async () => {
    const { controller, gateway } = await reconciled();
    await expect(controller.explain(WARNING_12, '   ', 'Kari')).resolves.toBe(false);
    expect(controller.getState().reviewWrite).toEqual({
      status: 'refused',
      action: { kind: 'explain', key: WARNING_12 },
      refusal: { reason: 'noReason' },
    });
    await expect(controller.explain(WARNING_12, 'Avtalt', ' ')).resolves.toBe(false);
    expect(controller.getState().reviewWrite).toMatchObject({
      status: 'refused',
      refusal: { reason: 'noName' },
    });
    expect(gateway.appendReview).not.toHaveBeenCalled();
    expect(gateway.read).toHaveBeenCalledTimes(1);
  });

  it('says the finding is gone when its key is not in the last result', async () => {
    const { controller, gateway } = await reconciled();
    await expect(controller.explain('UNBALANCED|year=2010', 'Avtalt', 'Kari')).resolves.toBe(false);
    expect(controller.getState().reviewWrite).toMatchObject({
      status: 'error',
      failure: { kind: 'notFound' },
    });
    expect(gateway.appendReview).not.toHaveBeenCalled();
  });

  it('keeps a failed write as state: a review log in a newer format is not written', async () => {
    const { controller, gateway } = await reconciled();
    gateway.appendReview.mockRejectedValueOnce(new ExcelFailure('readOnly', 'newer format'));
    await expect(controller.explain(WARNING_12, 'Avtalt', 'Kari')).resolves.toBe(false);
    expect(controller.getState().reviewWrite).toEqual({
      status: 'error',
      action: { kind: 'explain', key: WARNING_12 },
      failure: { kind: 'readOnly', detail: 'newer format' },
    });
    expect(gateway.read).toHaveBeenCalledTimes(1);
    expect(statusOf(controller, WARNING_12)).toBe('open');
    controller.dismissReviewWrite();
    expect(controller.getState().reviewWrite).toEqual({ status: 'idle' });
  });

  it('writes one thing at a time: a second call while one is under way returns it', async () => {
    const { controller, gateway } = await reconciled();
    const slow = deferred<ReviewWriteResult>();
    const real = gateway.appendReview.getMockImplementation()!;
    gateway.appendReview.mockImplementationOnce(async (add) => {
      await slow.promise;
      return real(add);
    });
    const first = controller.explain(WARNING_12, 'Avtalt', 'Kari');
    const second = controller.signOff('Kari');
    expect(second).toBe(first);
    await Promise.resolve();
    expect(controller.getState().reviewWrite.status).toBe('writing');
    controller.dismissReviewWrite();
    expect(controller.getState().reviewWrite.status).toBe('writing');
    slow.resolve({} as ReviewWriteResult);
    await expect(first).resolves.toBe(true);
    expect(gateway.appendReview).toHaveBeenCalledTimes(1);
  });
});

describe('withdrawing an explanation', () => {
  it('appends a withdrawal: the finding is open again', async () => {
    const { controller, gateway } = await reconciled();
    await controller.explain(WARNING_12, 'Avtalt', 'Kari');
    await expect(controller.withdraw(WARNING_12, 'Ola')).resolves.toBe(true);
    expect(gateway.appendReview.mock.calls[1][0]).toEqual({
      explanations: [{ key: WARNING_12, action: 'withdrawn', reason: '', figures: '', by: 'Ola', at: AT }],
    });
    expect(statusOf(controller, WARNING_12)).toBe('open');
    expect(controller.getState().reviewWrite).toEqual({
      status: 'done',
      action: { kind: 'withdraw', key: WARNING_12 },
    });
  });

  it('needs a name', async () => {
    const { controller, gateway } = await reconciled();
    await expect(controller.withdraw(WARNING_12, '')).resolves.toBe(false);
    expect(controller.getState().reviewWrite).toMatchObject({ refusal: { reason: 'noName' } });
    expect(gateway.appendReview).not.toHaveBeenCalled();
  });
});

describe('signing off', () => {
  it('is refused while the sample’s duplicate id is open: nothing is written', async () => {
    const { controller, gateway } = await reconciled();
    await expect(controller.signOff('Kari')).resolves.toBe(false);
    expect(controller.getState().reviewWrite).toEqual({
      status: 'refused',
      action: { kind: 'signOff' },
      refusal: { reason: 'openErrors', count: 1, keys: [DUPLICATE] },
    });
    expect(gateway.appendReview).not.toHaveBeenCalled();
  });

  it('once the error is explained, appends the sign-off, and the result says signed', async () => {
    const { controller, gateway } = await reconciled();
    await controller.explain(DUPLICATE, 'To prosjekter deler id i handlingsplanen; rettes i 2011', 'Kari');
    await expect(controller.signOff('Kari Nordmann')).resolves.toBe(true);
    const signOffs = gateway.appendReview.mock.calls[1][0].signOffs ?? [];
    expect(signOffs).toHaveLength(1);
    expect(signOffs[0]).toMatchObject({ by: 'Kari Nordmann', at: AT, open: 3, explained: 1 });
    expect(signOffs[0].fingerprint).toMatch(/^f1-[0-9a-f]{16}$/);
    const review = result(controller).review;
    expect(review.signOff).toMatchObject({ state: 'signed', signOff: { by: 'Kari Nordmann' } });
    expect(review.state.signOffs).toHaveLength(1);
    expect(controller.getState().reviewWrite).toEqual({ status: 'done', action: { kind: 'signOff' } });
  });
});
