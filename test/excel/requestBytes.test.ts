/**
 * The writers plan their round trips from the request bytes Microsoft's client will send
 * (src/excel/writer/requestBytes.ts). Checked here against the requests the client really sends,
 * for every operation the writers make (the three outputs of a large plan, the register), with
 * and without the newer requirement sets: no round trip is larger than planned, none much smaller.
 */
import { buildOutputs } from '../../src/domain/outputs';
import { reconcile } from '../../src/domain/reconcile/reconcile';
import { registerWriteModel } from '../../src/excel/writer/registerModel';
import { sheetOps } from '../../src/excel/writer/sheetOps';
import type { Features } from '../../src/excel/writer/writeOp';
import { bandLimits, writeStaged, type Stage, type StagedOp } from '../../src/excel/writer/stagedWrite';
import type { SheetModel } from '../../src/domain/model';
import { readRegister } from '../../src/domain/register/readRegister';
import { modelToSnapshot } from '../../src/domain/modelToSnapshot';
import { PROFILES } from '../../src/host';
import { generatePlan } from './helpers';
import { blankHost } from '../helpers/host';

const MB = 1024 * 1024;

function stageOf(models: readonly SheetModel[], features: Features, payloadLimit: number): Stage {
  const ops: StagedOp[] = [];
  models.forEach((model, job) => {
    for (const op of sheetOps(model, features, bandLimits(payloadLimit)).ops) ops.push({ ...op, job });
  });
  return {
    temporaries: models.map((_, i) => `~PR ${i + 1}`),
    finalNames: models.map((m) => m.name),
    ops,
    swap: () => undefined,
    swapBytes: 0,
  };
}

/** Writes `models` through Microsoft's client; the planned and the real bytes of each round trip. */
async function measure(models: readonly SheetModel[], features: Features, payloadLimit: number) {
  const host = blankHost({ profile: PROFILES.web, payloadLimit });
  const planned: number[] = [];
  await host.run((context) =>
    writeStaged(
      context,
      stageOf(models, features, payloadLimit),
      { payloadLimit, features, payloadRetries: 0 },
      () => context.sync().then(() => undefined),
      (done, _total, bytes) => {
        if (done > 0) planned.push(bytes);
      },
    ),
  );
  return {
    planned,
    real: host.stats.log.map((r) => r.requestBytes),
    errors: host.stats.log.filter((r) => r.error),
  };
}

const plan = generatePlan(1_000);
const snapshot = modelToSnapshot(plan);
const outputs = buildOutputs(reconcile(snapshot), 'nb', snapshot).sheets.map((o) => o.sheet);
const register = registerWriteModel(readRegister(snapshot).register!);

describe.each<[string, Features]>([
  ['Excel on the web', { api16: true, api17: true, api19: true }],
  ['ExcelApi 1.4', { api16: false, api17: false, api19: false }],
])('%s', (_name, features) => {
  it.each<[string, readonly SheetModel[]]>([
    ['the three outputs of 1 000 projects', outputs],
    ['the register of 1 000 projects', [register]],
  ])(
    '%s: every round trip at most as large as planned, and at least 90 % of it (the last 75 %)',
    async (_what, models) => {
      const { planned, real, errors } = await measure(models, features, 5 * MB);
      expect(errors).toEqual([]);
      expect(real).toHaveLength(planned.length);
      real.forEach((bytes, i) => {
        expect(bytes).toBeLessThanOrEqual(planned[i]);
        // The last round trip is the smallest: the allowance for the calls around the operations weighs more.
        expect(bytes).toBeGreaterThanOrEqual((i === real.length - 1 ? 0.75 : 0.9) * planned[i]);
      });
      // Each round trip under Excel on the web's limit, and the plan fills them.
      expect(Math.max(...real)).toBeLessThan(5 * MB);
      if (real.length > 1) expect(Math.min(...real.slice(0, -1))).toBeGreaterThan(0.7 * 0.9 * 5 * MB);
    },
  );
});

it('a small limit: still never more than planned, and none refused', async () => {
  const { planned, real, errors } = await measure(
    outputs,
    { api16: true, api17: true, api19: true },
    200 * 1024,
  );
  expect(errors).toEqual([]);
  expect(real.length).toBeGreaterThan(20);
  real.forEach((bytes, i) => expect(bytes).toBeLessThanOrEqual(planned[i]));
});
