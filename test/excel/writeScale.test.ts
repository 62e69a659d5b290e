/**
 * Round trips of the writer by size, measured on the requests Microsoft's
 * client really sends: none refused, and about size ÷ limit of them (never
 * one per row); and what an older Excel leaves out.
 */
import { hostFromModel } from '../helpers/host';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { generatePlan } from './helpers';
import { ExcelFailure } from '../../src/excel/gateway';
import { differences, everything, gatewayOn, outputsFor } from './writeHelpers';

describe('writing 1 000 projects', () => {
  it('under 5 MB: none refused, 1 + about bytes ÷ limit round trips', async () => {
    const host = hostFromModel(generatePlan(1_000));
    const outputs = await outputsFor(host);
    host.resetStats();
    const result = await gatewayOn(host).writeOutputs(outputs);
    expect(host.stats.log.every((r) => r.requestBytes < host.payloadLimit && !r.error)).toBe(true);
    const ideal = 1 + Math.ceil(host.stats.requestBytes / host.payloadLimit);
    expect(result.syncs).toBeGreaterThanOrEqual(ideal);
    expect(result.syncs).toBeLessThanOrEqual(ideal + 1);
    for (const { sheet } of outputs.sheets) expect(differences(host, sheet)).toEqual([]);
  });

  it('with a small limit, round trips grow with size ÷ limit', async () => {
    const host = hostFromModel(generatePlan(1_000));
    const outputs = await outputsFor(host);
    host.resetStats();
    await gatewayOn(host).writeOutputs(outputs);
    const total = host.stats.requestBytes;

    const limit = 256 * 1024;
    const small = hostFromModel(generatePlan(1_000), { payloadLimit: limit });
    const smallOutputs = await outputsFor(small);
    small.resetStats();
    const progress: number[] = [];
    const result = await gatewayOn(small).writeOutputs(smallOutputs, { onProgress: (p) => progress.push(p) });
    const ideal = Math.ceil(total / limit);
    expect(result.syncs).toBeGreaterThanOrEqual(ideal);
    // Round trips are planned to 90 % of the limit and cut between operations (up to a quarter of one).
    expect(result.syncs).toBeLessThanOrEqual(1.4 * ideal + 2);
    expect(small.stats.log.every((r) => r.requestBytes <= limit && !r.error)).toBe(true);
    expect(progress[progress.length - 1]).toBe(1);
    expect(progress.length).toBeGreaterThanOrEqual(result.syncs);
    for (const { sheet } of smallOutputs.sheets) expect(differences(small, sheet)).toEqual([]);
    // Calculation was suspended while formulas were written in pieces; the last round trip
    // recalculates, so every formula shows what it shows when written in one piece.
    const results = (h: typeof host) =>
      h.sheets().flatMap((s) =>
        h
          .readSheet(s.name)!
          .cells.filter((c) => c.formula)
          .map((c) => [s.name, c.row, c.col, c.value]),
      );
    const written = results(small);
    expect(written.length).toBeGreaterThan(1_000);
    small.recalculate();
    expect(results(small)).toEqual(written);
    // Every object the writer used was untracked: nothing left for Excel to keep alive.
    expect(small.references.size).toBe(0);
  });
});

describe('a round trip Excel rejects as too large', () => {
  // The writer plans for 5 MB; this Excel refuses anything over 1 MB (a smaller limit than assumed).
  const real = 1024 * 1024;

  it('is split in two and sent again, until everything is written', async () => {
    const host = hostFromModel(generatePlan(1_000), { payloadLimit: real });
    const outputs = await outputsFor(host);
    host.resetStats();
    const result = await gatewayOn(host, { payloadLimit: 5 * 1024 * 1024, payloadRetries: 16 }).writeOutputs(
      outputs,
    );
    expect(host.stats.log.some((r) => r.error !== undefined)).toBe(true);
    expect(result.syncs).toBeGreaterThan(3);
    for (const { sheet } of outputs.sheets) expect(differences(host, sheet)).toEqual([]);
  });

  it('fails when the retries run out, and leaves the workbook as it was', async () => {
    const host = hostFromModel(generatePlan(1_000), { payloadLimit: real });
    const outputs = await outputsFor(host);
    const before = everything(host);
    const error = await gatewayOn(host, { payloadLimit: 5 * 1024 * 1024, payloadRetries: 1 })
      .writeOutputs(outputs)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelFailure);
    expect((error as ExcelFailure).kind).toBe('payloadTooLarge');
    expect(everything(host)).toBe(before);
  });
});

describe('an Excel without the optional requirement sets', () => {
  it('ExcelApi 1.4: leaves out what it cannot write and writes the rest', async () => {
    const host = hostFromModel(sampleWorkbookModel(), { excelApi: '1.4' });
    const outputs = await outputsFor(host);
    const result = await gatewayOn(host).writeOutputs(outputs);
    expect(result.leftOut).toEqual(
      expect.arrayContaining(['conditionalFormat', 'freezePanes', 'print', 'chart']),
    );
    expect(result.syncs).toBe(2);
    const recon = host.readSheet(result.sheets[0])!;
    expect(recon.conditionalFormats).toEqual([]);
    expect(recon.freeze).toBeNull();
    // Links become HYPERLINK formulas; the other cells are as the model says.
    const links = outputs.sheets[0].sheet.cells.filter((c) => c.link);
    for (const l of links) {
      const got = recon.cells.find((c) => c.row === l.row && c.col === l.col)!;
      expect(got.formula).toMatch(/^=HYPERLINK\("#/);
    }
    const skip = new Set(
      outputs.sheets[0].sheet.cells.filter((c) => c.link || c.indent).map((c) => `r${c.row} c${c.col}`),
    );
    const diff = differences(host, outputs.sheets[0].sheet).filter(
      (d) => !skip.has(d.split(' ').slice(1, 3).join(' ')),
    );
    expect(diff).toEqual([]);
  });

  it('ExcelApi 1.8: no setCellProperties, formats by range instead; charts and links kept', async () => {
    const host = hostFromModel(sampleWorkbookModel(), { excelApi: '1.8' });
    const outputs = await outputsFor(host);
    const result = await gatewayOn(host).writeOutputs(outputs);
    expect(result.leftOut).toEqual(expect.arrayContaining(['print']));
    expect(result.leftOut).not.toContain('chart');
    const summary = outputs.sheets.find((o) => o.placement.kind === 'summary')!;
    expect(host.readSheet(summary.placement.sheet)!.charts).toHaveLength(summary.sheet.charts?.length ?? 0);
  });
});
