/**
 * The Office.js adapter's read() against the in-memory Excel host (through Microsoft's Office.js client): the
 * engine finds in what it reads exactly what it finds in the workbook, in
 * at most 2 round trips below the payload limit, and in about
 * size ÷ limit round trips above it.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/domain/snapshot';
import { modelToSnapshot } from '../../src/domain/modelToSnapshot';
import { MARKER_NAMES, projectCardsSheet, type Outputs } from '../../src/domain/outputs';
import { reconcile } from '../../src/domain/reconcile/reconcile';
import { createExcelGateway, type ExcelGatewayOptions } from '../../src/excel/excelGateway';
import type { ExcelRun } from '../../src/excel/excelApi';
import { ExcelFailure } from '../../src/excel/gateway';
import { ExcelHost, PROFILES } from '../../src/host';
import { type TestHostOptions, blankHost, hostFromModel, hostFromSnapshot, supports } from '../helpers/host';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { planWorkbook, sheet } from '../helpers/workbook';
import { generatePlan, reconciled } from './helpers';

const MB = 2 ** 20;

function gatewayOn(host: ExcelHost, options: ExcelGatewayOptions = {}) {
  // The host's run is an ExcelRun: checked here at compile time.
  const run: ExcelRun = host.run;
  return createExcelGateway(run, {
    isSetSupported: host.isSetSupported,
    payloadLimit: host.payloadLimit,
    ...options,
  });
}

/** Deep equality of large snapshots (Jest's toEqual takes seconds on 50 000 rows). */
function expectSame(a: WorkbookSnapshot, b: WorkbookSnapshot): void {
  expect(JSON.stringify(a) === JSON.stringify(b)).toBe(true);
}

async function readOnHost(host: ExcelHost, options: ExcelGatewayOptions = {}) {
  host.resetStats();
  const read = await gatewayOn(host, options).read();
  return { read, stats: host.stats };
}

describe('the sample workbook', () => {
  it('reads in 2 round trips, and the engine finds exactly what it finds in the model', async () => {
    const host = hostFromModel(sampleWorkbookModel());
    const { read, stats } = await readOnHost(host);
    expect(read.syncs).toBe(2);
    expect(stats.syncs).toBe(2);
    const expected = reconciled(modelToSnapshot(sampleWorkbookModel()));
    expect(reconciled(read.snapshot)).toEqual(expected);
    expect(expected.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['DUPLICATE_ID', 'CONTRIBUTION_MISMATCH', 'YEAR_OVER_YEAR']),
    );
  });

  it('lists every sheet with its visibility, and snapshots the sheets the engine uses', async () => {
    const host = hostFromModel(sampleWorkbookModel());
    const { read } = await readOnHost(host);
    expect(read.sheets).toEqual([
      { name: 'Budsjett', visibility: 'visible' },
      { name: 'Finansiering', visibility: 'visible' },
      { name: 'Prosjektregister', visibility: 'veryHidden' },
    ]);
    const [budget, financing, register] = read.snapshot.sheets;
    expect(budget.origin).toEqual({ row: 0, col: 0 });
    expect(budget.values[1]).toEqual(['Koordinering, drift', 700_000]);
    expect(budget.formulas?.[1]).toEqual([null, null]);
    expect(budget.indents).toBeUndefined();
    expect(financing.values[10]).toEqual([null, null]);
    // Indents come from getCellProperties (ExcelApi 1.9); an older Excel gives none.
    expect(financing.indents?.map((r) => r[0])).toEqual(
      supports('1.9') ? [0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0] : undefined,
    );
    expect(register.visibility).toBe('veryHidden');
    expect(register.formulas).toBeUndefined();
  });

  it('without ExcelApi 1.9 reads no indents and the engine still groups the financing rows', async () => {
    const host = hostFromModel(sampleWorkbookModel(), { excelApi: '1.8' });
    const { read } = await readOnHost(host);
    expect(read.syncs).toBe(2);
    expect(read.snapshot.sheets[1].indents).toBeUndefined();
    expect(reconciled(read.snapshot)).toEqual(reconciled(modelToSnapshot(sampleWorkbookModel())));
  });

  it('an Excel with only ExcelApi 1.4 reads in 2 round trips too', async () => {
    const host = hostFromModel(sampleWorkbookModel(), { excelApi: '1.4' });
    const { read } = await readOnHost(host);
    expect(read.syncs).toBe(2);
    expect(reconciled(read.snapshot)).toEqual(reconciled(modelToSnapshot(sampleWorkbookModel())));
  });

  it('however many sheets the workbook has: only the chosen ones are asked for', async () => {
    const model = sampleWorkbookModel();
    const others = Array.from({ length: 40 }, (_, i) => ({
      name: `Notes ${i + 1}`,
      cells: [{ row: 0, col: 0, value: `note ${i + 1}` }],
    }));
    const host = hostFromModel({ ...model, sheets: [...others, ...model.sheets] });
    const { read, stats } = await readOnHost(host);
    expect(read.syncs).toBe(2);
    expect(read.snapshot.sheets).toHaveLength(43);
    expect(reconciled(read.snapshot)).toEqual(reconciled(modelToSnapshot(sampleWorkbookModel())));
    // The notes' cells never cross: only the three sheets the engine uses are read.
    expect(stats.responseBytes).toBeLessThan(20_000);
  });
});

/** A plan laid out unlike the sample: English names, titles above, tables lower and further right. */
function otherLayout(): WorkbookSnapshot {
  const plan = planWorkbook({
    years: [2023, 2024],
    lines: [
      {
        label: 'Operations',
        amounts: [500_000, 520_000],
        entry: { kind: 'operations', contributionKr: null },
      },
      { label: 'Cluster', amounts: [100_000, 100_000] },
      { label: 'Innovation', amounts: [800_000, 600_000] },
      { label: 'Marketing', amounts: [250_000, 250_000] },
    ],
    earmarks: [{ source: 'Innovasjon Norge', line: 'Innovation', amounts: [400_000, 300_000] }],
    budgetSheetName: 'Budget',
    financingSheetName: 'Financing 2024',
    budgetHeader: (y) => `Budget ${y}`,
    financingHeader: (y) => y,
  });
  const shift = (
    s: SheetSnapshot,
    rows: CellValue[][],
    origin: { row: number; col: number },
  ): SheetSnapshot => ({
    ...s,
    origin,
    values: rows,
    ...(s.indents ? { indents: [[0], [0], ...s.indents] } : {}),
  });
  const budgetRows = plan.budget.values.map((r) => [...r]);
  // An error where an amount should be, a text amount, a formula with its cached result, one without.
  budgetRows[2][1] = { error: '#REF!' };
  budgetRows[4][2] = 'kr 250.000';
  const budgetFormulas = budgetRows.map((r) => r.map((): string | null => null));
  budgetFormulas[5][1] = '=SUM(D6:D9)';
  budgetFormulas[3][2] = '=Data!A1';
  budgetRows[3][2] = null;
  const budget = {
    ...shift(plan.budget, [['Revidert budsjett', null, null], [null, null, null], ...budgetRows], {
      row: 3,
      col: 2,
    }),
    formulas: [[null, null, null], [null, null, null], ...budgetFormulas],
  };
  const financing = shift(
    plan.financing,
    [['Financing plan', null, null], [null, null, null], ...plan.financing.values.map((r) => [...r])],
    { row: 1, col: 1 },
  );
  return {
    sheets: [
      sheet('Notes', [['Some notes'], ['=1+1 is text here']]),
      budget,
      financing,
      { ...sheet('Data', [[1, 2]]), visibility: 'veryHidden' },
      plan.workbook.sheets[2],
    ],
  };
}

describe('a workbook laid out differently', () => {
  it('gives the same findings, cells and amounts as the workbook itself', async () => {
    const wb = otherLayout();
    const host = hostFromSnapshot(wb);
    const { read } = await readOnHost(host);
    expect(read.syncs).toBe(2);
    const expected = reconciled(wb);
    expect(reconciled(read.snapshot)).toEqual(expected);
    expect(expected.sources).toMatchObject({ budgetSheet: 'Budget', financingSheet: 'Financing 2024' });
    expect(expected.findings.map((f) => [f.code, f.cells[0], f.params.reason])).toEqual(
      expect.arrayContaining([
        ['AMOUNT_INVALID', 'Budget!D8', 'error'],
        ['AMOUNT_INVALID', 'Budget!E9', 'noResult'],
        ['AMOUNT_AS_TEXT', 'Budget!E10', undefined],
        ['OVERFINANCED', "'Financing 2024'!D7", undefined],
      ]),
    );
    const budget = read.snapshot.sheets[1];
    expect(budget.origin).toEqual({ row: 3, col: 2 });
    expect(budget.values[4][1]).toEqual({ error: '#REF!' });
    expect(budget.formulas?.[7][1]).toBe('=SUM(D6:D9)');
    expect(budget.formulas?.[5][2]).toBe('=Data!A1');
    expect(read.snapshot.sheets.map((s) => [s.name, s.values.length])).toEqual([
      ['Notes', 0],
      ['Budget', budget.values.length],
      ['Financing 2024', read.snapshot.sheets[2].values.length],
      ['Data', 0],
      ['Prosjektregister', read.snapshot.sheets[4].values.length],
    ]);
  });

  it('honours the sheets the user chose', async () => {
    const wb = otherLayout();
    const renamed = {
      sheets: wb.sheets.map((s) => (s.name === 'Budget' ? { ...s, name: 'Mitt budsjett' } : s)),
    };
    const host = hostFromSnapshot(renamed);
    const read = await gatewayOn(host).read({ budgetSheet: 'mitt budsjett' });
    expect(read.syncs).toBe(2);
    expect(reconcile(read.snapshot, { budgetSheet: 'mitt budsjett' }).sources.budgetSheet).toBe(
      'Mitt budsjett',
    );
    expect(reconciled(read.snapshot)).toEqual(reconciled(renamed));
  });

  it('missing sheets and a blank one give the findings the engine gives the workbook', async () => {
    const wb: WorkbookSnapshot = {
      sheets: [sheet('Budsjett', []), sheet('Ark2', [['x']])],
    };
    const host = hostFromSnapshot(wb);
    const { read } = await readOnHost(host);
    // The blank budget sheet is found blank with its used range: nothing more to read.
    expect(read.syncs).toBe(2);
    const found = reconciled(read.snapshot);
    expect(found).toEqual(reconciled(wb));
    expect(found.findings.map((f) => f.code).sort()).toEqual([
      'REGISTER_MISSING',
      'SHEET_MISSING',
      'TABLE_NOT_FOUND',
    ]);
    expect(found.findings.find((f) => f.code === 'SHEET_MISSING')?.params.sheets).toEqual([
      'Budsjett',
      'Ark2',
    ]);
  });
});

describe('which projects’ cards the project cards sheet holds', () => {
  /** The sample with a cards sheet (marked, under `name`) of these projects' cards; all by default. */
  async function withCards(ids: readonly string[] | null, name = 'Prosjektkort') {
    const host = hostFromModel(sampleWorkbookModel());
    const result = reconcile((await gatewayOn(host).read()).snapshot);
    const entries = result.register!.entries;
    const projects =
      ids === null
        ? undefined
        : entries.flatMap((e, i) => (e.kind === 'project' && ids.includes(e.id) ? [i] : []));
    const outputs: Outputs = {
      sheets: [
        {
          placement: { kind: 'cards', sheet: name, replaces: null },
          sheet: projectCardsSheet(result, 'nb', { sheetName: name, projects }),
        },
      ],
      names: [{ name: MARKER_NAMES.cards, sheet: name, ref: '$A$1' }],
    };
    await gatewayOn(host).writeOutputs(outputs);
    return host;
  }

  it('reads the projects a sheet of some cards records, in the same 2 round trips', async () => {
    const host = await withCards(['3.1', '1.2']);
    const { read, stats } = await readOnHost(host);
    expect(read.cardSelection).toEqual(['1.2', '3.1']);
    expect(stats.syncs).toBe(2);
  });

  it('follows the marker to a sheet the user renamed', async () => {
    const host = await withCards(['4.1'], 'Kort til styret');
    expect((await readOnHost(host)).read.cardSelection).toEqual(['4.1']);
  });

  it('none for a sheet of every card, a workbook without one, or the same cells on a sheet of the user’s', async () => {
    expect((await readOnHost(await withCards(null))).read.cardSelection).toBeNull();
    expect((await readOnHost(hostFromModel(sampleWorkbookModel()))).read.cardSelection).toBeNull();
    const snapshot = modelToSnapshot(sampleWorkbookModel());
    const mine = sheet('Prosjektkort', [[null], ['Utvalgte prosjekter', '1.2']]);
    const host = hostFromSnapshot({ ...snapshot, sheets: [...snapshot.sheets, mine] });
    expect((await readOnHost(host)).read.cardSelection).toBeNull();
  });
});

describe('a workbook changing between round trips', () => {
  /** A run whose first sync is followed by a co-author's change. */
  const withChangeAfterFirstSync =
    (host: ExcelHost, change: () => Promise<void>): ExcelRun =>
    (batch) =>
      host.run((context) => {
        let syncs = 0;
        const sync = async () => {
          await context.sync();
          if (++syncs === 1) await change();
        };
        return batch({ workbook: context.workbook, application: context.application, sync });
      });

  const deleteSheet = (host: ExcelHost, name: string) => () =>
    host.run(async (context) => {
      context.workbook.worksheets.getItem(name).delete();
      await context.sync();
    });

  it('a sheet deleted between the sheet list and its data: the read starts again, without it', async () => {
    const host = hostFromModel(sampleWorkbookModel());
    const gateway = createExcelGateway(withChangeAfterFirstSync(host, deleteSheet(host, 'Finansiering')), {
      isSetSupported: host.isSetSupported,
    });
    const read = await gateway.read();
    expect(read.syncs).toBe(4);
    expect(read.snapshot.sheets.map((s) => [s.name, s.values.length])).toEqual([
      ['Budsjett', 11],
      ['Prosjektregister', 16],
    ]);
  });

  it('a sheet deleted before the rest of its rows are read is notFound', async () => {
    const host = hostFromModel(generatePlan(2_000), { payloadLimit: 200 * 1024 });
    const budget = host.sheets()[0].name;
    let syncs = 0;
    const run: ExcelRun = (batch) =>
      host.run((context) =>
        batch({
          workbook: context.workbook,
          application: context.application,
          sync: async () => {
            await context.sync();
            if (++syncs === 2) await deleteSheet(host, budget)();
          },
        }),
      );
    const gateway = createExcelGateway(run, {
      isSetSupported: host.isSetSupported,
      payloadLimit: host.payloadLimit,
    });
    await expect(gateway.read()).rejects.toMatchObject({ kind: 'notFound', code: 'ItemNotFound' });
  });
});

describe('round trips at scale', () => {
  it.each([10, 1_000])('%i lines: 2 round trips under the 5 MB limit, same findings', async (n) => {
    const model = generatePlan(n);
    const host = hostFromModel(model);
    const { read, stats } = await readOnHost(host);
    expect(read.syncs).toBe(2);
    expect(stats.log.every((r) => r.responseBytes < 5 * MB && !r.error)).toBe(true);
    expect(reconciled(read.snapshot)).toEqual(reconciled(modelToSnapshot(model)));
  });

  it.each([14_000, 20_000, 26_000])(
    '%i lines, just under the 5 MB limit: 3 or 4 round trips (the first rows with the used range, then the rest), none rejected',
    async (n) => {
      const model = generatePlan(n);
      const whole = await readOnHost(hostFromModel(model, { payloadLimit: Infinity }));
      const largest = Math.max(...whole.stats.log.map((r) => r.responseBytes));
      expect(largest).toBeLessThan(5 * MB);
      const { read, stats } = await readOnHost(hostFromModel(model));
      // The rest after the window: one round trip, or two near the limit (estimates have a margin).
      expect(read.syncs).toBeGreaterThanOrEqual(3);
      expect(read.syncs).toBeLessThanOrEqual(4);
      expect(stats.log.every((r) => !r.error)).toBe(true);
      expectSame(read.snapshot, whole.read.snapshot);
    },
  );

  it('50 000 lines: 3 round trips where the payload is not limited (its 9.5 MB exceed the web’s 5 MB)', async () => {
    const model = generatePlan(50_000);
    const host = hostFromModel(model, { payloadLimit: Infinity });
    const { read, stats } = await readOnHost(host);
    expect(read.syncs).toBe(3);
    expect(stats.responseBytes).toBeGreaterThan(5 * MB);
    const result = reconcile(read.snapshot);
    expect(result.findings).toEqual([]);
    expect(result.sources.projects).toBe(50_000);

    // Over Excel on the web's real 5 MB limit: blocks, about size ÷ limit round trips, same data.
    const limited = hostFromModel(model);
    const blocks = await readOnHost(limited);
    const needed = Math.ceil(stats.responseBytes / limited.payloadLimit) + 1;
    expect(blocks.read.syncs).toBeGreaterThanOrEqual(needed);
    expect(blocks.read.syncs).toBeLessThanOrEqual(needed + 3);
    expect(blocks.stats.log.every((r) => r.responseBytes <= limited.payloadLimit && !r.error)).toBe(true);
    expectSame(blocks.read.snapshot, read.snapshot);
  });

  it('over a small limit: row blocks, several per round trip, about size ÷ limit round trips', async () => {
    const model = generatePlan(2_000);
    const whole = await readOnHost(hostFromModel(model, { payloadLimit: Infinity }));
    const limit = 40 * 1024;
    const host = hostFromModel(model, { payloadLimit: limit });
    const { read, stats } = await readOnHost(host);
    const needed = Math.ceil(whole.stats.responseBytes / limit) + 1;
    expect(read.syncs).toBeGreaterThanOrEqual(needed);
    expect(read.syncs).toBeLessThanOrEqual(needed + 3);
    expect(read.syncs).toBeLessThan(2_000 / 100);
    expect(stats.log.every((r) => r.responseBytes <= limit && !r.error)).toBe(true);
    expect(read.snapshot).toEqual(whole.read.snapshot);
    expect(reconcile(read.snapshot).findings).toEqual([]);
  });

  it('never asks for more cells in one read than allowed', async () => {
    const model = generatePlan(500);
    const whole = await readOnHost(hostFromModel(model));
    // A host that refuses reads above 600 cells, as Excel does above 5 000 000.
    const host = hostFromModel(model, { maxReadCells: 600 });
    const { read, stats } = await readOnHost(host, { maxCellsPerRead: 600 });
    expect(stats.log.every((r) => !r.error)).toBe(true);
    expect(read.syncs).toBeLessThanOrEqual(Math.ceil((model.sheets[0].cells.length * 2) / 600) + 4);
    expect(read.snapshot).toEqual(whole.read.snapshot);
  });

  it('a round trip still too large is split and retried', async () => {
    // Long labels further down weigh far more than the first rows, measured with the used range.
    const long = (i: number) => `Prosjekt ${i} ${'med en svært lang beskrivelse '.repeat(12)}`;
    const rows: CellValue[][] = [['Post', 'Budsjett 2024']];
    for (let i = 0; i < 400; i++) rows.push([i < 40 ? `P${i}` : long(i), 1000]);
    const wb: WorkbookSnapshot = { sheets: [sheet('Budsjett', rows)] };
    const whole = await readOnHost(hostFromSnapshot(wb, { payloadLimit: Infinity }));
    const host = hostFromSnapshot(wb, { payloadLimit: 64 * 1024 });
    const { read, stats } = await readOnHost(host);
    expect(stats.log.some((r) => r.error === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
    expect(read.syncs).toBe(stats.syncs);
    expect(read.snapshot).toEqual(whole.read.snapshot);
  });

  it('a single row over the limit fails as payloadTooLarge', async () => {
    const wb: WorkbookSnapshot = { sheets: [sheet('Budsjett', [['x'.repeat(5000), 'Budsjett 2024']])] };
    const host = hostFromSnapshot(wb, { payloadLimit: 4000 });
    await expect(gatewayOn(host).read()).rejects.toMatchObject({
      name: 'ExcelFailure',
      kind: 'payloadTooLarge',
      code: 'ResponsePayloadSizeLimitExceeded',
    });
  });
});

describe('requirement sets', () => {
  it('without ExcelApi 1.4 read() fails as unsupported, naming the set, before touching Excel', async () => {
    const host = hostFromModel(sampleWorkbookModel(), { excelApi: '1.3' });
    const e = await gatewayOn(host)
      .read()
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ExcelFailure);
    expect(e).toMatchObject({ kind: 'unsupported', detail: 'ExcelApi 1.4' });
    expect((e as ExcelFailure).message).toContain('ExcelApi 1.4');
    expect(host.stats.syncs).toBe(0);
  });

  it('without an isSetSupported every set is taken as present', async () => {
    const host = hostFromModel(sampleWorkbookModel(), { profile: PROFILES.web });
    const read = await createExcelGateway(host.run).read();
    expect(read.syncs).toBe(2);
  });
});

describe('host options', () => {
  it('are the host’s own, not the adapter’s', () => {
    const options: TestHostOptions = { payloadLimit: 1, maxReadCells: 1, excelApi: '1.4', latencyMs: 0 };
    const host = blankHost(options);
    expect([host.payloadLimit, host.limits.maxReadCells, host.profile.sets.ExcelApi]).toEqual([1, 1, '1.4']);
  });
});
