/**
 * The Office.js writer (`writeOutputs`) against the in-memory Excel host (through Microsoft's Office.js client):
 * the sample's three outputs written in 3 round trips, cell for cell as the
 * models say; a user's sheet never touched; re-running gives the same
 * workbook; a failure at any round trip leaves the workbook as it was.
 */
import { MARKER_NAMES, type Outputs } from '../../src/domain/outputs';
import { ExcelFailure } from '../../src/excel/gateway';
import { ExcelHost } from '../../src/host';
import { excelRun, hostFromModel, supports } from '../helpers/host';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { differences, everything, gatewayOn, outputsFor } from './writeHelpers';

const sheetNames = (host: ExcelHost) => host.sheets().map((s) => s.name);

async function writeSample(host = hostFromModel(sampleWorkbookModel())) {
  const outputs = await outputsFor(host);
  host.resetStats();
  const result = await gatewayOn(host).writeOutputs(outputs, { activate: outputs.sheets[0].placement.sheet });
  return { host, outputs, result };
}

describe('writing the sample outputs', () => {
  it('adds the three sheets and their markers in 2 round trips (read, then write and swap)', async () => {
    const { host, outputs, result } = await writeSample();
    expect(result.syncs).toBe(2);
    expect(host.stats.syncs).toBe(2);
    // What this Excel cannot write is left out, and said so (ExcelApi 1.4: the rest is written).
    const models = outputs.sheets.map((o) => o.sheet);
    const has = (f: (m: (typeof models)[number]) => boolean) => models.some(f);
    const expected = [
      !supports('1.9') && has((m) => m.cells.some((c) => (c.indent ?? 0) > 0)) && 'indent',
      !supports('1.6') && has((m) => (m.conditionalFormats ?? []).length > 0) && 'conditionalFormat',
      !supports('1.7') && has((m) => m.freeze !== undefined) && 'freezePanes',
      !supports('1.9') && has((m) => m.print !== undefined) && 'print',
      !supports('1.7') && has((m) => (m.charts ?? []).length > 0) && 'chart',
    ].filter(Boolean);
    expect([...result.leftOut].sort()).toEqual(expected.sort());
    expect(result.sheets).toEqual(outputs.sheets.map((o) => o.placement.sheet));
    expect(sheetNames(host)).toEqual(['Budsjett', 'Finansiering', 'Prosjektregister', ...result.sheets]);
    expect(host.activeSheet).toBe(result.sheets[0]);
    const names = host.names();
    for (const o of outputs.sheets) {
      const marker = MARKER_NAMES[o.placement.kind];
      expect(names).toContainEqual({ name: marker, formula: `=${o.placement.sheet}!$A$1` });
    }
  });

  it('writes every cell as its model says: values, formulas, formats, links', async () => {
    const { host, outputs } = await writeSample();
    for (const { sheet } of outputs.sheets) expect(differences(host, sheet)).toEqual([]);
    const recon = host.readSheet(outputs.sheets[0].placement.sheet)!;
    const model = outputs.sheets[0].sheet;
    expect(recon.columnWidths.map((w) => w.col)).toEqual((model.columnWidths ?? []).map((w) => w.col));
    for (const w of model.columnWidths ?? []) {
      expect(recon.columnWidths.find((x) => x.col === w.col)!.width).toBeCloseTo(w.width, 1);
    }
    // Merged areas in any order (the writer merges runs of rows in one call).
    expect([...recon.merges].sort()).toEqual([...(model.merges ?? [])].sort());
    expect(recon.freeze).toEqual(supports('1.7') ? (model.freeze ?? null) : null);
    expect(recon.conditionalFormats).toHaveLength(
      supports('1.6') ? (model.conditionalFormats?.length ?? 0) : 0,
    );
    expect(recon.pageLayout.paperSize).toBe(supports('1.9') ? 'A4' : undefined);
  });

  it('sets each sheet up for paper as its model says: orientation, margins, print titles, the footer', async () => {
    const { host, outputs } = await writeSample();
    for (const { sheet } of outputs.sheets) {
      const layout = host.readSheet(sheet.name)!.pageLayout;
      const print = sheet.print!;
      if (!supports('1.9')) {
        expect(layout).toEqual({});
        continue;
      }
      expect(layout).toMatchObject({
        orientation: print.orientation === 'landscape' ? 'Landscape' : 'Portrait',
        paperSize: 'A4',
        zoom: { horizontalFitToPages: 1 },
        leftMargin: print.margins!.left,
        rightMargin: print.margins!.right,
        topMargin: print.margins!.top,
        bottomMargin: print.margins!.bottom,
        headerMargin: print.margins!.header,
        footerMargin: print.margins!.footer,
        // Excel's codes: the file's name, the date, `Side x av y`.
        leftFooter: '&F',
        centerFooter: '&D',
        rightFooter: 'Side &P av &N',
      });
      if (print.titleRows)
        expect(layout.printTitleRows).toBe(`$${print.titleRows.first + 1}:$${print.titleRows.last + 1}`);
    }
  });

  it('writes formulas whose results are the engine figures', async () => {
    const { host, outputs } = await writeSample();
    const name = outputs.sheets[0].placement.sheet;
    const view = host.readSheet(name)!;
    const formulas = view.cells.filter((c) => c.formula);
    expect(formulas.length).toBeGreaterThan(10);
    // Every formula the layouts write is one the host evaluates: no #NAME?.
    expect(formulas.filter((c) => typeof c.value === 'object' && c.value !== null)).toEqual([]);
  });

  it('leaves a user sheet named like an output alone and writes to "Avstemming (2)"', async () => {
    const model = sampleWorkbookModel();
    const user = {
      name: 'Avstemming',
      cells: [
        { row: 0, col: 0, value: 'Mine notater' },
        { row: 1, col: 1, value: 42 },
      ],
    };
    const host = hostFromModel({ sheets: [...model.sheets, user] });
    const before = JSON.stringify(host.readSheet('Avstemming'));
    const { result } = await writeSample(host);
    expect(result.sheets).toContain('Avstemming (2)');
    expect(JSON.stringify(host.readSheet('Avstemming'))).toBe(before);
  });

  it('writing twice gives the same workbook: replaced in place, no duplicates', async () => {
    const { host } = await writeSample();
    const once = everything(host);
    await writeSample(host);
    expect(host.stats.syncs).toBe(2);
    expect(everything(host)).toBe(once);
  });

  it('keeps the position of a replaced sheet the user moved, and follows a renamed one', async () => {
    const { host, result } = await writeSample();
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(result.sheets[0]);
      ws.position = 0;
      ws.name = 'Min avstemming';
      await context.sync();
    });
    const { result: again } = await writeSample(host);
    expect(again.sheets[0]).toBe('Min avstemming');
    expect(sheetNames(host)[0]).toBe('Min avstemming');
    expect(sheetNames(host)).toHaveLength(6);
  });

  it('a Ctrl+Z of the last rename (Excel on the web can undo one) leaves a marked sheet, which the next insert replaces', async () => {
    const { host, result } = await writeSample();
    const last = result.sheets[result.sheets.length - 1];
    // What undoing the swap's last rename does: the sheet has its temporary name again, and the
    // marker name, which follows renames, points at it there.
    await excelRun(host, async (context) => {
      context.workbook.worksheets.getItem(last).name = '~PR 3';
      await context.sync();
    });
    expect(host.names()).toContainEqual({ name: MARKER_NAMES.summary, formula: "='~PR 3'!$A$1" });
    const { result: again } = await writeSample(host);
    expect(again.sheets).toEqual(result.sheets);
    expect(sheetNames(host)).toEqual(['Budsjett', 'Finansiering', 'Prosjektregister', ...result.sheets]);
  });

  it('reads the markers back in the first round trip', async () => {
    const { host, result } = await writeSample();
    host.resetStats();
    const read = await gatewayOn(host).read();
    expect(read.syncs).toBe(2);
    expect(read.snapshot.names).toEqual(
      expect.arrayContaining([{ name: MARKER_NAMES.reconciliation, sheet: result.sheets[0], ref: '$A$1' }]),
    );
  });
});

describe('a failure half-way leaves the workbook as it was', () => {
  /**
   * Round trip 2 writes every cell, then swaps. In the actions Microsoft's client sends, the swap
   * is 34 actions when 3 outputs are replaced (renames of the old, the names, renames of the new,
   * moves, then the 3 old sheets' deletions, 2 actions each, last) and 10 on a first write (the
   * names, 3 names added, then 3 renames, 2 actions each).
   */
  async function failing(sync: number, afterActions: number, rewrite: boolean, finished = false) {
    const host = hostFromModel(sampleWorkbookModel());
    if (rewrite) await writeSample(host);
    const outputs: Outputs = await outputsFor(host);
    const before = everything(host);
    host.failOnSync(sync, afterActions);
    const error = await gatewayOn(host)
      .writeOutputs(outputs)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelFailure);
    expect((error as ExcelFailure).kind).toBe('busy');
    if (!finished) {
      expect(everything(host)).toBe(before);
      return;
    }
    // Past the first deletion of an old sheet the write is finished rather than undone.
    const done = hostFromModel(sampleWorkbookModel());
    await writeSample(done);
    await gatewayOn(done).writeOutputs(await outputsFor(done));
    expect(sheetNames(host)).toEqual(sheetNames(done));
    for (const o of outputs.sheets) expect(differences(host, o.sheet)).toEqual([]);
  }

  for (const rewrite of [false, true]) {
    const what = rewrite ? 'replacing earlier outputs' : 'first write';
    it(`${what}: the first round trip fails`, () => failing(1, 0, rewrite));
    it(`${what}: the write fails at its start`, () => failing(2, 0, rewrite));
    it(`${what}: the write fails half-way`, () => failing(2, 40, rewrite));
    it(`${what}: the swap fails at its start`, () => failing(2, rewrite ? -34 : -10, rewrite));
    it(`${what}: the swap fails half-way`, () => failing(2, rewrite ? -20 : -5, rewrite));
    it(`${what}: the swap fails at its last step before a deletion`, () =>
      failing(2, rewrite ? -6 : -1, rewrite));
  }
  it('replacing earlier outputs: the swap fails after deleting an old sheet: finished', () =>
    failing(2, -4, true, true));

  it('refuses to replace a sheet whose marker is gone (the user took it over)', async () => {
    const { host, result } = await writeSample();
    const outputs = await outputsFor(host);
    await host.run(async (context) => {
      context.workbook.names.getItemOrNullObject(MARKER_NAMES.reconciliation).delete();
      await context.sync();
    });
    const before = everything(host);
    const error = await gatewayOn(host)
      .writeOutputs(outputs)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelFailure);
    expect((error as ExcelFailure).detail).toBe(result.sheets[0]);
    expect(everything(host)).toBe(before);
  });
});

describe('register text that looks like a formula', () => {
  it('is written as text under the @ format', async () => {
    const model = sampleWorkbookModel();
    const tricky = ['=HYPERLINK("x")', '+SUM(1,1)', '@x', '-2+3'];
    const host = hostFromModel(model);
    const outputs = await outputsFor(host);
    // Put the tricky texts into the outputs' own text cells (a label column of the first sheet).
    const first = outputs.sheets[0].sheet;
    const cells = first.cells.map((c, i) =>
      typeof c.value === 'string' && c.link === undefined && i % 7 === 0 ? { ...c, value: tricky[i % 4] } : c,
    );
    const changed: Outputs = {
      ...outputs,
      sheets: [{ ...outputs.sheets[0], sheet: { ...first, cells } }, ...outputs.sheets.slice(1)],
    };
    await gatewayOn(host).writeOutputs(changed);
    const view = host.readSheet(first.name)!;
    for (const c of cells.filter((x) => typeof x.value === 'string' && tricky.includes(x.value))) {
      const got = view.cells.find((v) => v.row === c.row && v.col === c.col)!;
      expect(got.formula).toBeUndefined();
      expect(got.value).toBe(c.value);
      expect(got.format.numberFormat).toBe('@');
    }
    expect(differences(host, { ...first, cells })).toEqual([]);
  });
});
