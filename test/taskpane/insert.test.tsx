/**
 * Inserting the outputs into the workbook: the controller's insert (what it writes, where, one
 * write at a time, never during a read), the pane's "Sett inn i arbeidsboken" section, and the
 * ribbon's Avstem refreshing a reconciliation sheet written earlier.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { reconcileFromRibbon } from '../../src/commands/commands';
import type { SheetModel, WorkbookModel } from '../../src/domain/model';
import type { Outputs } from '../../src/domain/outputs';
import {
  ExcelFailure,
  LEFT_OUT,
  type WorkbookRead,
  type WriteOptions,
  type WriteResult,
} from '../../src/excel/gateway';
import { createReconcileController, type OfficePlatform } from '../../src/app/controller';
import { TaskpaneRoot } from '../../src/taskpane/mount';
import { STRINGS, type Lang } from '../../src/taskpane/strings';
import { ExcelHost } from '../../src/host';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { gatewayOn, hostFromModel } from '../helpers/host';
import { deferred, readOf, stubGateway, type StubGateway } from './helpers';

/** The sample as read, with sheets the add-in wrote earlier (name → marker) and any other sheets. */
function readWith(
  marked: Readonly<Record<string, string>>,
  otherSheets: readonly string[] = [],
): WorkbookRead {
  const read = readOf();
  const extra = [...Object.keys(marked), ...otherSheets];
  return {
    ...read,
    // As the gateway reads: every sheet is listed, only the ones the engine needs are in the snapshot.
    sheets: [...read.sheets, ...extra.map((name) => ({ name, visibility: 'visible' as const }))],
    snapshot: {
      ...read.snapshot,
      names: Object.entries(marked).map(([sheet, name]) => ({ name, sheet, ref: '$A$1' })),
    },
  };
}

function gatewayReading(read: WorkbookRead): StubGateway {
  const gateway = stubGateway();
  gateway.read.mockResolvedValue(read);
  gateway.listSheets.mockResolvedValue(read.sheets);
  return gateway;
}

/** The outputs and options of the n-th writeOutputs call. */
function written(gateway: StubGateway, n = 0): { outputs: Outputs; options: WriteOptions | undefined } {
  const [outputs, options] = gateway.writeOutputs.mock.calls[n];
  return { outputs, options };
}

const placements = (outputs: Outputs) => outputs.sheets.map((s) => s.placement);

/** Every text cell of an output sheet. */
const texts = (outputs: Outputs, n = 0): string[] =>
  outputs.sheets[n].sheet.cells.flatMap((c) => (typeof c.value === 'string' ? [c.value] : []));

/** The register entry of the `nth` project with this id (ids repeat in the sample: 1.3). */
function entryOf(controller: ReturnType<typeof createReconcileController>, id: string, nth = 1): number {
  const run = controller.getState().run;
  if (run.status !== 'done') throw new Error('no run');
  const found = run.result.projects.filter((p) => p.fields.id === id)[nth - 1]?.entry;
  if (found === undefined) throw new Error(`no project ${id} #${nth}`);
  return found;
}

/** The card titles on the (only) cards sheet of an insert, top to bottom, left to right. */
const cardTitles = (outputs: Outputs): string[] =>
  outputs.sheets[0].sheet.cells
    .filter((c) => c.fontSize === 12 && c.fontColor === '#FFFFFF')
    .sort((a, b) => a.row - b.row || a.col - b.col)
    .map((c) => String(c.value));

/** A2:B2 of the cards sheet: where it records the projects it holds when not all (null: empty). */
function selectionRecord(outputs: Outputs): [string, string] | null {
  const cells = outputs.sheets[0].sheet.cells;
  const at = (col: number) => cells.find((c) => c.row === 1 && c.col === col)?.value;
  const [label, keys] = [at(0), at(1)];
  return typeof label === 'string' && typeof keys === 'string' ? [label, keys] : null;
}

describe('controller.insert', () => {
  it('writes the reconciliation sheet after the run, activates it, and says what was written', async () => {
    const gateway = stubGateway();
    const controller = createReconcileController({ gateway, lang: 'nb' });
    await controller.reconcile();
    await controller.insert('reconciliation');

    expect(gateway.writeOutputs).toHaveBeenCalledTimes(1);
    const { outputs, options } = written(gateway);
    expect(placements(outputs)).toEqual([{ kind: 'reconciliation', sheet: 'Avstemming', replaces: null }]);
    expect(outputs.sheets[0].sheet.name).toBe('Avstemming');
    expect(outputs.names).toEqual([
      { name: 'PlanReconciler_Reconciliation', sheet: 'Avstemming', ref: '$A$1' },
    ]);
    expect(options?.activate).toBe('Avstemming');
    expect(controller.getState().insert).toEqual({
      status: 'done',
      target: { kind: 'reconciliation' },
      sheets: ['Avstemming'],
      leftOut: [],
    });
    expect(controller.getState().inserted).toBe(true);
    // The pane's sheet list knows the new sheet.
    expect(controller.getState().sheets.sheets?.map((s) => s.name)).toContain('Avstemming');
  });

  it('reconciles first when there is no run yet', async () => {
    const gateway = stubGateway();
    const controller = createReconcileController({ gateway, lang: 'nb' });
    await controller.insert('summary');
    expect(gateway.read).toHaveBeenCalledTimes(1);
    expect(controller.getState().run.status).toBe('done');
    expect(gateway.read.mock.invocationCallOrder[0]).toBeLessThan(
      gateway.writeOutputs.mock.invocationCallOrder[0],
    );
    expect(placements(written(gateway).outputs)).toEqual([
      { kind: 'summary', sheet: 'Sammendrag', replaces: null },
    ]);
  });

  it('writes nothing when the run it needs fails (the run’s failure is shown)', async () => {
    const gateway = stubGateway();
    gateway.read.mockRejectedValueOnce(new ExcelFailure('cellEditMode', 'editing'));
    const controller = createReconcileController({ gateway, lang: 'nb' });
    await controller.insert('reconciliation');
    expect(gateway.writeOutputs).not.toHaveBeenCalled();
    expect(controller.getState().run).toMatchObject({ status: 'error', failure: { kind: 'cellEditMode' } });
    expect(controller.getState().insert).toEqual({ status: 'idle' });
  });

  it('all three: every kind, in English, the first one activated', async () => {
    const gateway = stubGateway();
    const controller = createReconcileController({ gateway, lang: 'en' });
    await controller.reconcile();
    await controller.insert('all');
    const { outputs, options } = written(gateway);
    expect(placements(outputs).map((p) => p.kind)).toEqual(['reconciliation', 'cards', 'summary']);
    expect(outputs.names.map((n) => n.name)).toEqual([
      'PlanReconciler_Reconciliation',
      'PlanReconciler_Cards',
      'PlanReconciler_Summary',
    ]);
    expect(options?.activate).toBe(outputs.sheets[0].placement.sheet);
  });

  it('replaces a marked output in place, and never touches a user’s sheet of the same name', async () => {
    const gateway = gatewayReading(
      readWith({ 'Min avstemming': 'PlanReconciler_Reconciliation' }, ['Sammendrag']),
    );
    const controller = createReconcileController({ gateway, lang: 'nb' });
    await controller.reconcile();
    expect(controller.existingOutput('reconciliation')).toBe('Min avstemming');
    expect(controller.existingOutput('summary')).toBeNull();

    await controller.insert('all');
    expect(placements(written(gateway).outputs)).toEqual([
      { kind: 'reconciliation', sheet: 'Min avstemming', replaces: 'Min avstemming' },
      { kind: 'cards', sheet: 'Prosjektkort', replaces: null },
      { kind: 'summary', sheet: 'Sammendrag (2)', replaces: null },
    ]);
  });

  it('a second insert replaces what the first one wrote (without a new read)', async () => {
    const gateway = stubGateway();
    const controller = createReconcileController({ gateway, lang: 'nb' });
    await controller.reconcile();
    await controller.insert('reconciliation');
    expect(controller.existingOutput('reconciliation')).toBe('Avstemming');
    await controller.insert('reconciliation');
    expect(gateway.read).toHaveBeenCalledTimes(1);
    expect(placements(written(gateway, 1).outputs)).toEqual([
      { kind: 'reconciliation', sheet: 'Avstemming', replaces: 'Avstemming' },
    ]);
  });

  it('one project’s card: the chosen project alone, where the project cards go', async () => {
    const gateway = stubGateway();
    const controller = createReconcileController({ gateway, lang: 'nb' });
    await controller.reconcile();
    const run = controller.getState().run;
    if (run.status !== 'done') throw new Error('unreachable');
    const akkvisisjon = run.result.entries.findIndex((e) => e.fields.id === '3.1');
    expect(akkvisisjon).toBeGreaterThanOrEqual(0);

    await controller.insert('card', akkvisisjon);
    const { outputs, options } = written(gateway);
    expect(placements(outputs)).toEqual([{ kind: 'cards', sheet: 'Prosjektkort', replaces: null }]);
    expect(options?.activate).toBe('Prosjektkort');
    const cardTexts = texts(outputs).join('\n');
    expect(cardTexts).toContain('Akkvisisjon');
    expect(cardTexts).not.toContain('Helsedesign');
    expect(controller.getState().insert).toMatchObject({
      status: 'done',
      target: { kind: 'card', project: akkvisisjon },
    });
  });

  it('one project’s card after "Prosjektkort": the cards sheet keeps every card, written anew', async () => {
    const gateway = gatewayReading(readWith({ Prosjektkort: 'PlanReconciler_Cards' }));
    const controller = createReconcileController({ gateway, lang: 'nb' });
    await controller.reconcile();
    await controller.insert('card', entryOf(controller, '3.1'));
    const { outputs } = written(gateway);
    expect(placements(outputs)).toEqual([{ kind: 'cards', sheet: 'Prosjektkort', replaces: 'Prosjektkort' }]);
    expect(cardTitles(outputs)).toHaveLength(11);
    expect(selectionRecord(outputs)).toBeNull();
  });

  it('cards one at a time: each is added to those on the sheet, in register order, never twice', async () => {
    const gateway = stubGateway();
    const controller = createReconcileController({ gateway, lang: 'nb' });
    await controller.reconcile();
    await controller.insert('card', entryOf(controller, '3.1'));
    expect(cardTitles(written(gateway, 0).outputs)).toEqual(['3.1 Akkvisisjon']);
    expect(selectionRecord(written(gateway, 0).outputs)).toEqual(['Utvalgte prosjekter', '3.1']);

    await controller.insert('card', entryOf(controller, '1.2'));
    const second = written(gateway, 1).outputs;
    expect(placements(second)).toEqual([{ kind: 'cards', sheet: 'Prosjektkort', replaces: 'Prosjektkort' }]);
    expect(cardTitles(second)).toEqual(['1.2 Helsedesign , Arena', '3.1 Akkvisisjon']);
    expect(selectionRecord(second)).toEqual(['Utvalgte prosjekter', '1.2; 3.1']);

    // Again: written anew, not twice.
    await controller.insert('card', entryOf(controller, '3.1'));
    expect(cardTitles(written(gateway, 2).outputs)).toEqual(['1.2 Helsedesign , Arena', '3.1 Akkvisisjon']);

    // The second of two projects with the same id is its own card.
    await controller.insert('card', entryOf(controller, '1.3', 2));
    expect(cardTitles(written(gateway, 3).outputs)).toEqual([
      '1.2 Helsedesign , Arena',
      '1.3 Et løft for reiselivet',
      '3.1 Akkvisisjon',
    ]);
    expect(selectionRecord(written(gateway, 3).outputs)?.[1]).toBe('1.2; 1.3#2; 3.1');

    // "Prosjektkort" still replaces the sheet with every card; a card after that keeps them all.
    await controller.insert('cards');
    expect(cardTitles(written(gateway, 4).outputs)).toHaveLength(11);
    expect(selectionRecord(written(gateway, 4).outputs)).toBeNull();
    await controller.insert('card', entryOf(controller, '2.1'));
    expect(cardTitles(written(gateway, 5).outputs)).toHaveLength(11);
    expect(gateway.read).toHaveBeenCalledTimes(1);
  });

  it('adds to the cards the workbook’s cards sheet records, as read (another pane, an earlier session)', async () => {
    const read = readWith({ 'Mine kort': 'PlanReconciler_Cards' });
    // The keys as the read found them; one of a project no longer in the register is dropped.
    const gateway = gatewayReading({ ...read, cardSelection: ['4.1', '9.9'] });
    const controller = createReconcileController({ gateway, lang: 'en' });
    await controller.reconcile();
    await controller.insert('card', entryOf(controller, '1.1a'));
    const { outputs } = written(gateway);
    expect(placements(outputs)).toEqual([{ kind: 'cards', sheet: 'Mine kort', replaces: 'Mine kort' }]);
    expect(cardTitles(outputs)).toEqual([
      '1.1a Energi- og miljøklyngen',
      '4.1 Samhandling kommune og næringsliv',
    ]);
    expect(selectionRecord(outputs)).toEqual(['Selected projects', '1.1a; 4.1']);
  });

  it('a card for every project one by one gives the full sheet, without a record', async () => {
    const gateway = stubGateway();
    const controller = createReconcileController({ gateway, lang: 'nb' });
    await controller.reconcile();
    const run = controller.getState().run;
    if (run.status !== 'done') throw new Error('unreachable');
    const projects = run.result.projects.map((p) => p.entry);
    for (const i of projects) await controller.insert('card', i);
    const last = written(gateway, projects.length - 1).outputs;
    expect(cardTitles(last)).toHaveLength(projects.length);
    expect(selectionRecord(last)).toBeNull();
  });

  it('a card for an entry that is not a project fails (a bug), without writing', async () => {
    const gateway = stubGateway();
    const controller = createReconcileController({ gateway, lang: 'nb' });
    await controller.reconcile();
    await controller.insert('card', 999);
    expect(gateway.writeOutputs).not.toHaveBeenCalled();
    expect(controller.getState().insert).toMatchObject({ status: 'error', failure: { kind: 'unexpected' } });
  });

  it('reports progress while writing, then done with what was left out', async () => {
    const gateway = stubGateway();
    const pending = deferred<WriteResult>();
    let progress: ((done: number) => void) | undefined;
    gateway.writeOutputs.mockImplementationOnce((_outputs, options) => {
      progress = options?.onProgress;
      return pending.promise;
    });
    const controller = createReconcileController({ gateway, lang: 'nb' });
    await controller.reconcile();
    const inserting = controller.insert('summary');
    await waitFor(() => expect(progress).toBeDefined());
    expect(controller.getState().insert).toMatchObject({ status: 'writing', progress: 0 });
    progress?.(0.5);
    expect(controller.getState().insert).toEqual({
      status: 'writing',
      target: { kind: 'summary' },
      progress: 0.5,
    });
    pending.resolve({ sheets: ['Sammendrag'], leftOut: ['chart'], syncs: 3 });
    await inserting;
    expect(controller.getState().insert).toEqual({
      status: 'done',
      target: { kind: 'summary' },
      sheets: ['Sammendrag'],
      leftOut: ['chart'],
    });
    // A late progress report does not turn done back into writing.
    progress?.(1);
    expect(controller.getState().insert.status).toBe('done');
  });

  it('keeps a failed write as state with its kind, and resolves', async () => {
    const gateway = stubGateway();
    gateway.writeOutputs.mockRejectedValueOnce(new ExcelFailure('accessDenied', 'protected', 'AccessDenied'));
    const controller = createReconcileController({ gateway, lang: 'nb' });
    await controller.reconcile();
    await expect(controller.insert('cards')).resolves.toBeUndefined();
    expect(controller.getState().insert).toEqual({
      status: 'error',
      target: { kind: 'cards' },
      failure: { kind: 'accessDenied', code: 'AccessDenied', detail: 'protected' },
    });
    expect(controller.getState().inserted).toBe(false);
  });

  it('never two writes at once: a second insert returns the one under way', async () => {
    const gateway = stubGateway();
    const pending = deferred<WriteResult>();
    gateway.writeOutputs.mockReturnValueOnce(pending.promise);
    const controller = createReconcileController({ gateway, lang: 'nb' });
    await controller.reconcile();
    const first = controller.insert('reconciliation');
    const second = controller.insert('summary');
    expect(second).toBe(first);
    pending.resolve({ sheets: ['Avstemming'], leftOut: [], syncs: 1 });
    await Promise.all([first, second]);
    expect(gateway.writeOutputs).toHaveBeenCalledTimes(1);
  });

  it('never a read during a write: a run started while writing reads after the write', async () => {
    const gateway = stubGateway();
    const pending = deferred<WriteResult>();
    gateway.writeOutputs.mockReturnValueOnce(pending.promise);
    const controller = createReconcileController({ gateway, lang: 'nb' });
    await controller.reconcile();
    const inserting = controller.insert('reconciliation');
    await waitFor(() => expect(gateway.writeOutputs).toHaveBeenCalledTimes(1));
    const running = controller.reconcile();
    await Promise.resolve();
    await Promise.resolve();
    expect(gateway.read).toHaveBeenCalledTimes(1);
    pending.resolve({ sheets: ['Avstemming'], leftOut: [], syncs: 1 });
    await Promise.all([inserting, running]);
    expect(gateway.read).toHaveBeenCalledTimes(2);
    expect(gateway.writeOutputs.mock.invocationCallOrder[0]).toBeLessThan(
      gateway.read.mock.invocationCallOrder[1],
    );
  });

  it('never a write during a read: an insert waits for the run under way', async () => {
    const gateway = stubGateway();
    const pendingRead = deferred<WorkbookRead>();
    gateway.read.mockReturnValueOnce(pendingRead.promise);
    const controller = createReconcileController({ gateway, lang: 'nb' });
    const running = controller.reconcile();
    const inserting = controller.insert('reconciliation');
    await Promise.resolve();
    expect(gateway.writeOutputs).not.toHaveBeenCalled();
    pendingRead.resolve(readOf());
    await Promise.all([running, inserting]);
    expect(gateway.read).toHaveBeenCalledTimes(1);
    expect(gateway.writeOutputs).toHaveBeenCalledTimes(1);
  });
});

describe('one project’s card, on the Office.js adapter and the in-memory Excel host', () => {
  /** The card titles on a sheet of the host, top to bottom, left to right. */
  const hostTitles = (host: ExcelHost, sheet: string) =>
    host
      .readSheet(sheet)!
      .cells.filter((c) => c.format.fontSize === 12 && typeof c.value === 'string')
      .sort((a, b) => a.row - b.row || a.col - b.col)
      .map((c) => String(c.value));
  const pane = (host: ExcelHost) => createReconcileController({ gateway: gatewayOn(host), lang: 'nb' });

  it('adds each card to the sheet, keeps them across panes, and "Prosjektkort" writes them all', async () => {
    const host = hostFromModel(sampleWorkbookModel());
    const first = pane(host);
    await first.reconcile();
    await first.insert('card', entryOf(first, '3.1'));
    await first.insert('card', entryOf(first, '1.2'));
    expect(hostTitles(host, 'Prosjektkort')).toEqual(['1.2 Helsedesign , Arena', '3.1 Akkvisisjon']);

    // A pane opened later (the workbook saved and opened again) reads which cards are there.
    const second = pane(host);
    await second.reconcile();
    await second.insert('card', entryOf(second, '3.1'));
    await second.insert('card', entryOf(second, '4.1'));
    expect(hostTitles(host, 'Prosjektkort')).toEqual([
      '1.2 Helsedesign , Arena',
      '3.1 Akkvisisjon',
      '4.1 Samhandling kommune og næringsliv',
    ]);
    expect(host.sheets().filter((s) => /kort/i.test(s.name))).toHaveLength(1);

    await second.insert('cards');
    expect(hostTitles(host, 'Prosjektkort')).toHaveLength(11);
    const third = pane(host);
    await third.reconcile();
    await third.insert('card', entryOf(third, '2.1'));
    expect(hostTitles(host, 'Prosjektkort')).toHaveLength(11);
    expect(third.getState().insert).toMatchObject({ status: 'done', sheets: ['Prosjektkort'] });
  });
});

describe('a register text of 30 000 characters, inserted on the Office.js adapter and the in-memory Excel host', () => {
  const goal = `${'Styrke samarbeidet mellom kommunene og næringslivet i regionen. '.repeat(470)}Slutt.`;

  /** The sample with project 3.1's goals replaced by `goal`. */
  function withLongGoal(): WorkbookModel {
    const model = sampleWorkbookModel();
    return {
      ...model,
      sheets: model.sheets.map((s): SheetModel => {
        const header = s.cells.find((c) => c.value === 'goals');
        if (!header) return s;
        const idCol = s.cells.find((c) => c.row === header.row && c.value === 'id')!.col;
        const row = s.cells.find((c) => c.col === idCol && c.value === '3.1' && c.row > header.row)!.row;
        const others = s.cells.filter((c) => !(c.row === row && c.col === header.col));
        return { ...s, cells: [...others, { row, col: header.col, value: goal }] };
      }),
    };
  }

  it('writes all three sheets, no row over 409 pt, the goal whole over the rows below its first', async () => {
    expect(goal.length).toBeGreaterThanOrEqual(30_000);
    const host = hostFromModel(withLongGoal());
    const controller = createReconcileController({ gateway: gatewayOn(host), lang: 'nb' });
    await controller.reconcile();
    await controller.insert('all');
    expect(controller.getState().insert).toMatchObject({
      status: 'done',
      sheets: ['Avstemming', 'Prosjektkort', 'Sammendrag'],
    });
    for (const name of ['Avstemming', 'Prosjektkort', 'Sammendrag']) {
      const heights = host.readSheet(name)!.rowHeights.map((h) => h.height);
      expect(Math.max(...heights)).toBeLessThanOrEqual(409);
    }
    const cards = host.readSheet('Prosjektkort')!;
    const pieces = cards.cells
      .filter((c) => c.col === 1 && typeof c.value === 'string')
      .sort((a, b) => a.row - b.row)
      .map((c) => String(c.value));
    const first = pieces.findIndex((p) => p.startsWith('Styrke samarbeidet'));
    const last = pieces.findIndex((p) => p.endsWith('Slutt.'));
    expect(last - first).toBeGreaterThan(10);
    expect(pieces.slice(first, last + 1).join(' ')).toBe(goal);
  });
});

describe('ribbon: Avstem refreshes a reconciliation sheet written earlier', () => {
  const showTaskpane = () => Promise.resolve();

  it('rewrites the marked reconciliation sheet in place, and nothing else', async () => {
    const gateway = gatewayReading(
      readWith({ Avstemming: 'PlanReconciler_Reconciliation', Prosjektkort: 'PlanReconciler_Cards' }),
    );
    const controller = createReconcileController({ gateway, lang: 'nb' });
    const show = jest.fn(showTaskpane);
    await reconcileFromRibbon(controller, { showTaskpane: show });
    expect(gateway.writeOutputs).toHaveBeenCalledTimes(1);
    const { outputs, options } = written(gateway);
    expect(placements(outputs)).toEqual([
      { kind: 'reconciliation', sheet: 'Avstemming', replaces: 'Avstemming' },
    ]);
    expect(options?.activate).toBe('Avstemming');
    // The pane is up before the write, so its progress is shown there.
    expect(show.mock.invocationCallOrder[0]).toBeLessThan(gateway.writeOutputs.mock.invocationCallOrder[0]);
    expect(controller.getState().insert.status).toBe('done');
  });

  it('does not create a reconciliation sheet in a workbook without one', async () => {
    const gateway = gatewayReading(readWith({ Prosjektkort: 'PlanReconciler_Cards' }, ['Avstemming']));
    const controller = createReconcileController({ gateway, lang: 'nb' });
    await reconcileFromRibbon(controller, { showTaskpane });
    expect(controller.getState().run.status).toBe('done');
    expect(gateway.writeOutputs).not.toHaveBeenCalled();
  });

  it('does not recreate a reconciliation sheet the user deleted (a marker without its sheet)', async () => {
    const read = readWith({ Avstemming: 'PlanReconciler_Reconciliation' });
    const gateway = gatewayReading({ ...read, sheets: read.sheets.filter((s) => s.name !== 'Avstemming') });
    const controller = createReconcileController({ gateway, lang: 'nb' });
    await reconcileFromRibbon(controller, { showTaskpane });
    expect(gateway.writeOutputs).not.toHaveBeenCalled();
  });

  it('writes nothing when the run fails', async () => {
    const gateway = gatewayReading(readWith({ Avstemming: 'PlanReconciler_Reconciliation' }));
    gateway.read.mockRejectedValueOnce(new ExcelFailure('busy', 'busy'));
    const controller = createReconcileController({ gateway, lang: 'nb' });
    await reconcileFromRibbon(controller, { showTaskpane });
    expect(gateway.writeOutputs).not.toHaveBeenCalled();
    expect(controller.getState().run.status).toBe('error');
  });
});

/** Text shown in the pane, not the screen-reader-only live region that repeats it. */
const SHOWN = { ignore: 'script, style, [role="status"]' };

function renderPane(gateway: StubGateway = stubGateway(), lang: Lang = 'nb', platform?: OfficePlatform) {
  const controller = createReconcileController({ gateway, lang, platform });
  const user = userEvent.setup();
  const view = render(<TaskpaneRoot controller={controller} preload={false} />);
  return { controller, gateway, user, ...view };
}

async function afterRun(gateway?: StubGateway, lang: Lang = 'nb', platform?: OfficePlatform) {
  const pane = renderPane(gateway, lang, platform);
  await pane.user.click(screen.getByRole('button', { name: STRINGS[lang].reconcile }));
  const heading = await screen.findByRole('heading', { name: STRINGS[lang].insertHeading });
  return { ...pane, section: heading.closest('section')! };
}

describe('task pane: insert into the workbook', () => {
  it('shows the section only after a run, with the undo note and the buttons', async () => {
    const { user } = renderPane();
    expect(screen.queryByRole('heading', { name: 'Sett inn i arbeidsboken' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Avstemmingsark' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Avstem' }));
    const section = (await screen.findByRole('heading', { name: 'Sett inn i arbeidsboken' })).closest(
      'section',
    )!;
    for (const name of ['Avstemmingsark', 'Prosjektkort', 'Sammendrag', 'Alle tre', 'Sett inn kortet']) {
      expect(within(section).getByRole('button', { name })).toBeEnabled();
    }
    const note = within(section).getByText(/tømmes angreloggen i Excel/);
    expect(note).toHaveTextContent(/Setter du inn på nytt, erstattes arket/);
    // The note is read out with the buttons, for those who do not read the pane top to bottom.
    expect(within(section).getByRole('button', { name: 'Avstemmingsark' })).toHaveAccessibleDescription(
      note.textContent ?? '',
    );
    // Where the card goes: beside the cards already on the sheet, not instead of them.
    expect(
      within(section).getByRole('combobox', { name: 'Kort for ett prosjekt' }),
    ).toHaveAccessibleDescription(
      /legges til på arket med prosjektkort, og kortene som alt er der, blir stående/,
    );
  });

  it('in Excel on the web, which can undo renaming a sheet, the note says only replacing clears the undo history', async () => {
    for (const lang of ['nb', 'en'] as const) {
      const { section, unmount } = await afterRun(undefined, lang, 'web');
      const note = within(section).getByText(STRINGS[lang].insertNote.web);
      expect(note).toHaveTextContent(
        lang === 'nb' ? /erstattes arket.*tømmes angreloggen/ : /replaces.*clears/,
      );
      expect(within(section).queryByText(STRINGS[lang].insertNote.desktop)).not.toBeInTheDocument();
      unmount();
    }
  });

  it('inserts the reconciliation sheet, then names the sheet and drops the note', async () => {
    const { user, gateway, section } = await afterRun();
    await user.click(within(section).getByRole('button', { name: 'Avstemmingsark' }));
    expect(await within(section).findByText('Satt inn arket «Avstemming».', SHOWN)).toBeInTheDocument();
    expect(gateway.writeOutputs).toHaveBeenCalledTimes(1);
    const { outputs, options } = written(gateway);
    expect(placements(outputs).map((p) => p.kind)).toEqual(['reconciliation']);
    expect(options?.activate).toBe('Avstemming');
    expect(within(section).queryByText(/tømmes angreloggen/)).not.toBeInTheDocument();
    expect(within(section).getByRole('status')).toHaveTextContent('Satt inn arket «Avstemming».');
  });

  it('each button inserts its kind; "Alle tre" all of them', async () => {
    const { user, gateway, section } = await afterRun();
    const cases = [
      ['Prosjektkort', ['cards']],
      ['Sammendrag', ['summary']],
      ['Alle tre', ['reconciliation', 'cards', 'summary']],
    ] as const;
    for (const [n, [name, kinds]] of cases.entries()) {
      await user.click(within(section).getByRole('button', { name }));
      await waitFor(() => expect(gateway.writeOutputs).toHaveBeenCalledTimes(n + 1));
      expect(placements(written(gateway, n).outputs).map((p) => p.kind)).toEqual(kinds);
    }
    expect(
      await within(section).findByText(
        'Satt inn arkene «Avstemming», «Prosjektkort» og «Sammendrag».',
        SHOWN,
      ),
    ).toBeInTheDocument();
  });

  it('while writing: a progress bar with the share done, the buttons inert but focusable', async () => {
    const gateway = stubGateway();
    const pending = deferred<WriteResult>();
    let progress: ((done: number) => void) | undefined;
    gateway.writeOutputs.mockImplementationOnce((_outputs, options) => {
      progress = options?.onProgress;
      return pending.promise;
    });
    const { user, section } = await afterRun(gateway);
    const button = within(section).getByRole('button', { name: 'Sammendrag' });
    await user.click(button);
    const bar = await within(section).findByRole('progressbar');
    expect(within(section).getByText('Setter inn sammendraget …', SHOWN)).toBeInTheDocument();
    expect(within(section).getByRole('status')).toHaveTextContent('Setter inn sammendraget …');
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveFocus();

    act(() => progress?.(0.4));
    expect(bar).toHaveAttribute('aria-valuenow', '0.4');
    expect(within(section).getByText('40 % ferdig')).toBeInTheDocument();

    // A second click while writing starts nothing.
    await user.click(button);
    await act(async () => pending.resolve({ sheets: ['Sammendrag'], leftOut: ['chart'], syncs: 2 }));
    expect(
      await within(section).findByText(
        /Satt inn arket «Sammendrag»\. Utelatt fordi denne Excel-versjonen ikke støtter det: diagrammet\./,
        SHOWN,
      ),
    ).toBeInTheDocument();
    expect(within(section).queryByRole('progressbar')).not.toBeInTheDocument();
    expect(gateway.writeOutputs).toHaveBeenCalledTimes(1);
    expect(button).not.toHaveAttribute('aria-disabled', 'true');
  });

  it('one project’s card: chosen from the register’s projects, by keyboard', async () => {
    const { user, gateway, section } = await afterRun();
    const select = within(section).getByRole('combobox', { name: 'Kort for ett prosjekt' });
    const options = within(select)
      .getAllByRole('option')
      .map((o) => o.textContent);
    // Every project, in register order, duplicate ids too; no operations lines.
    expect(options[0]).toBe('1.1a Energi- og miljøklyngen');
    expect(options).toHaveLength(11);
    expect(options).not.toContain(' Koordinering, drift');
    expect(options).toContain('3.1 Akkvisisjon');
    expect(options).toContain('1.3 Logistikknæringen');
    expect(options).toContain('1.3 Et løft for reiselivet');

    await user.selectOptions(select, '3.1 Akkvisisjon');
    expect(select).toHaveDisplayValue('3.1 Akkvisisjon');
    await user.tab();
    const button = within(section).getByRole('button', { name: 'Sett inn kortet' });
    expect(button).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(gateway.writeOutputs).toHaveBeenCalledTimes(1));
    const { outputs } = written(gateway);
    expect(placements(outputs)).toEqual([{ kind: 'cards', sheet: 'Prosjektkort', replaces: null }]);
    expect(texts(outputs).join('\n')).toContain('Akkvisisjon');
    expect(texts(outputs).join('\n')).not.toContain('Helsedesign');
  });

  it('a failed insert shows the failure with a retry, which writes again', async () => {
    const gateway = stubGateway();
    gateway.writeOutputs.mockRejectedValueOnce(new ExcelFailure('accessDenied', 'protected', 'AccessDenied'));
    const { user, section } = await afterRun(gateway, 'en');
    await user.click(within(section).getByRole('button', { name: 'Project cards' }));
    expect(await within(section).findByText('Could not insert the project cards')).toBeInTheDocument();
    expect(
      within(section).getByText(/The workbook is protected\. The sheet or workbook is protected/),
    ).toBeInTheDocument();
    expect(within(section).getByRole('status')).toHaveTextContent(
      'Could not insert the project cards: The workbook is protected.',
    );
    // The note stays until an insert succeeds.
    expect(within(section).getByText(/clears Excel’s undo history/)).toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: 'Try again' }));
    expect(
      await within(section).findByText('Inserted the sheet «Project cards».', SHOWN),
    ).toBeInTheDocument();
    expect(placements(written(gateway, 1).outputs).map((p) => p.kind)).toEqual(['cards']);
  });

  it('a write over the payload limit gets advice about writing, not reading', async () => {
    const gateway = stubGateway();
    gateway.writeOutputs.mockRejectedValueOnce(new ExcelFailure('payloadTooLarge', 'too large'));
    const { user, section } = await afterRun(gateway);
    await user.click(within(section).getByRole('button', { name: 'Alle tre' }));
    expect(
      await within(section).findByText(/Excel på nettet avviste skrivingen fordi den ble for stor/),
    ).toBeInTheDocument();
    expect(within(section).queryByText(/avviste lesingen/)).not.toBeInTheDocument();
  });

  it('shows the ribbon’s refresh of the reconciliation sheet in the pane', async () => {
    const gateway = gatewayReading(readWith({ Avstemming: 'PlanReconciler_Reconciliation' }));
    const { controller } = renderPane(gateway);
    await act(() => reconcileFromRibbon(controller, { showTaskpane: async () => undefined }));
    expect(await screen.findByText('Satt inn arket «Avstemming».', SHOWN)).toBeInTheDocument();
  });
});

describe('what an older Excel leaves out', () => {
  it('is named in words in both languages, every kind the writer can report', () => {
    expect(STRINGS.nb.leftOut([...LEFT_OUT])).toBe(
      'Utelatt fordi denne Excel-versjonen ikke støtter det: diagrammet, betinget formatering, frosne overskriftsrader, utskriftsoppsettet, innrykk og arkbeskyttelsen.',
    );
    expect(STRINGS.en.leftOut(['conditionalFormat', 'print'])).toMatch(
      /conditional formatting and the print settings/,
    );
    for (const lang of ['nb', 'en'] as const) {
      for (const kind of LEFT_OUT) expect(STRINGS[lang].leftOut([kind])).not.toMatch(/[a-z][A-Z]|undefined/);
    }
  });
});
