/**
 * The Office.js register writer (`writeRegister`) against the in-memory
 * Excel host: the register read back is the register written; an edit keeps
 * the sheet's place, hidden and protected; a co-author's edit in between is
 * never overwritten; a failure at any point leaves the workbook as it was;
 * text that looks like a formula stays text; 2 round trips below the
 * payload limit.
 */
import type { CellModel, SheetModel, WorkbookModel } from '../../src/domain/model';
import { modelToSnapshot } from '../../src/domain/modelToSnapshot';
import { readRegister } from '../../src/domain/register/readRegister';
import { registerSheetModel } from '../../src/domain/register/registerSheet';
import { PROJECT_KEYS, REGISTER_SHEET, type Register } from '../../src/domain/register/types';
import type { ExcelRun } from '../../src/excel/excelApi';
import { ExcelFailure } from '../../src/excel/gateway';
import { readWorkbookNow, type RegisterWriteConfig } from '../../src/excel/writer/registerNow';
import { DEFAULT_PROTECTION_OPTIONS, ExcelHost } from '../../src/host';
import { type TestHostOptions, hostFromModel } from '../helpers/host';
import { sampleRegister, sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { generatePlan } from './helpers';
import { everything, gatewayOn } from './writeHelpers';

const sheetNames = (host: ExcelHost) => host.sheets().map((s) => s.name);

/** What readRegister gives for a register without extra columns. */
const asRead = (r: Register): Register => ({
  ...r,
  extraProjectColumns: r.extraProjectColumns ?? [],
  extraSourceColumns: r.extraSourceColumns ?? [],
});

/** The sample without its register sheet. */
function withoutRegister(options?: TestHostOptions): ExcelHost {
  const model = sampleWorkbookModel();
  return hostFromModel({ sheets: model.sheets.filter((s) => s.name !== REGISTER_SHEET) }, options);
}

/** Read as the pane reads, then the register and the fingerprint the edit is based on. */
async function readNow(host: ExcelHost) {
  const read = await gatewayOn(host).read();
  return { read, register: readRegister(read.snapshot).register, basedOn: read.registerFingerprint };
}

async function failure(promise: Promise<unknown>): Promise<ExcelFailure> {
  const e = await promise.catch((x: unknown) => x);
  expect(e).toBeInstanceOf(ExcelFailure);
  return e as ExcelFailure;
}

/** The sample register with unknown columns, every entry and source carrying them (as read gives them). */
function registerWithExtras(): Register {
  const r = sampleRegister();
  return {
    ...r,
    extraProjectColumns: ['Merknad', 'Prioritet', 'Aktiv'],
    extraSourceColumns: ['Konto'],
    entries: r.entries.map((e, i) => ({
      ...e,
      extra: {
        Merknad: i % 3 === 0 ? `merknad ${i}` : null,
        Prioritet: i % 2 === 0 ? i : null,
        Aktiv: i % 4 === 0,
      },
    })),
    sources: r.sources.map((s, i) => ({ ...s, extra: { Konto: i === 0 ? null : `30${i}0` } })),
  };
}

/** A register sheet laid out unlike the writer does it: moved cells, a title above. */
function movedRegisterSheet(register: Register): SheetModel {
  const model = registerSheetModel(register);
  // Kilder stands one column right of Prosjekter and its extra columns.
  const sourceCol = PROJECT_KEYS.length + (register.extraProjectColumns?.length ?? 0) + 1;
  const cells: CellModel[] = [{ row: 1, col: 1, value: 'Prosjektregister for handlingsplanen', bold: true }];
  for (const c of model.cells) {
    if (c.row === 0) cells.push({ ...c, row: 3, col: c.col + 1 });
    else if (c.col < sourceCol) {
      // Projects from C6, with `id` and `name` swapped.
      const col = c.col === 0 ? 1 : c.col === 1 ? 0 : c.col;
      cells.push({ ...c, row: c.row + 3, col: col + 2 });
    } else {
      // Sources below the projects, from B.
      cells.push({ ...c, row: c.row + register.entries.length + 7, col: c.col - sourceCol + 1 });
    }
  }
  return { name: REGISTER_SHEET, visibility: 'hidden', protect: true, cells };
}

function configFor(host: ExcelHost): RegisterWriteConfig {
  return {
    payloadLimit: host.payloadLimit,
    maxCellsPerRead: host.limits.maxReadCells,
    features: { api16: true, api17: true, api19: true },
    payloadRetries: 4,
  };
}

/** The writer's fingerprint of the register sheet as it is now (round trip 1 of a write). */
async function writerFingerprint(host: ExcelHost): Promise<{ fingerprint: string | null; syncs: number }> {
  const run: ExcelRun = host.run;
  return run(async (context) => {
    const trips = { count: 0 };
    const now = await readWorkbookNow(context, configFor(host), trips);
    return { fingerprint: now.register?.fingerprint ?? null, syncs: trips.count };
  });
}

describe('the fingerprint of round trip 1 is the one read() gives', () => {
  const cases: [string, () => WorkbookModel][] = [
    ['the sample', () => sampleWorkbookModel()],
    [
      'a register with a title above, extra columns and moved tables',
      () => {
        const model = sampleWorkbookModel();
        return { sheets: [...model.sheets.slice(0, 2), movedRegisterSheet(registerWithExtras())] };
      },
    ],
    [
      'a register sheet named " prosjektregister" (found trimmed, without regard to case)',
      () => {
        const model = sampleWorkbookModel();
        return { sheets: [...model.sheets.slice(0, 2), { ...model.sheets[2], name: ' prosjektregister' }] };
      },
    ],
    [
      'a blank register sheet',
      () => {
        const model = sampleWorkbookModel();
        return { sheets: [...model.sheets.slice(0, 2), { name: REGISTER_SHEET, cells: [] }] };
      },
    ],
  ];
  for (const [what, model] of cases) {
    it(what, async () => {
      const host = hostFromModel(model());
      const { basedOn } = await readNow(host);
      expect(basedOn).not.toBeNull();
      const mine = await writerFingerprint(host);
      expect(mine.fingerprint).toBe(basedOn);
      // A register under another spelling is not found by name: the list, then the sheet by id.
      expect(mine.syncs).toBe(what.includes('trimmed') ? 3 : 1);
    });
  }

  it('the register sheet with moved tables reads as the same register, and is rewritten in place', async () => {
    const model = sampleWorkbookModel();
    const host = hostFromModel({
      sheets: [movedRegisterSheet(registerWithExtras()), ...model.sheets.slice(0, 2)],
    });
    const { register, basedOn } = await readNow(host);
    expect(register).toEqual(registerWithExtras());
    const result = await gatewayOn(host).writeRegister(register!, { basedOn });
    expect(sheetNames(host)).toEqual([REGISTER_SHEET, 'Budsjett', 'Finansiering']);
    const again = await readNow(host);
    expect(again.basedOn).toBe(result.fingerprint);
    expect(again.register).toEqual(registerWithExtras());
  });
});

describe('creating the register', () => {
  it('in 2 round trips: a hidden, protected sheet at the end that reads back as the register', async () => {
    const host = withoutRegister();
    const active = host.activeSheet;
    host.resetStats();
    const result = await gatewayOn(host).writeRegister(sampleRegister(), { basedOn: null });
    expect(result.syncs).toBe(2);
    expect(host.stats.syncs).toBe(2);
    expect(host.sheets()).toEqual([
      { name: 'Budsjett', visibility: 'visible', protected: false },
      { name: 'Finansiering', visibility: 'visible', protected: false },
      { name: REGISTER_SHEET, visibility: 'veryHidden', protected: true },
    ]);
    expect(host.activeSheet).toBe(active);
    const view = host.readSheet(REGISTER_SHEET)!;
    expect(view.protection).toEqual({ options: DEFAULT_PROTECTION_OPTIONS, password: false });
    expect(view.tables.map((t) => [t.name, t.range])).toEqual([
      ['Prosjekter', 'A3:N16'],
      ['Kilder', 'P3:R8'],
    ]);

    const { register, basedOn } = await readNow(host);
    expect(basedOn).toBe(result.fingerprint);
    expect(register).toEqual(asRead(sampleRegister()));
  });

  it('keeps extra columns and their values (text, numbers, booleans)', async () => {
    const host = withoutRegister();
    const result = await gatewayOn(host).writeRegister(registerWithExtras(), { basedOn: null });
    const { register, basedOn } = await readNow(host);
    expect(basedOn).toBe(result.fingerprint);
    expect(register).toEqual(registerWithExtras());
  });

  it('an empty register still has both tables', async () => {
    const host = withoutRegister();
    const empty: Register = { formatVersion: 1, entries: [], sources: [] };
    const result = await gatewayOn(host).writeRegister(empty, { basedOn: null });
    expect(host.readSheet(REGISTER_SHEET)!.tables.map((t) => t.name)).toEqual(['Prosjekter', 'Kilder']);
    const { register, basedOn } = await readNow(host);
    expect(basedOn).toBe(result.fingerprint);
    expect(register).toEqual(asRead(empty));
  });

  it('refuses (changed) when a register sheet was added meanwhile, writing nothing', async () => {
    const host = hostFromModel(sampleWorkbookModel());
    const before = everything(host);
    const e = await failure(gatewayOn(host).writeRegister(sampleRegister(), { basedOn: null }));
    expect(e.kind).toBe('changed');
    expect(everything(host)).toBe(before);
  });
});

describe('editing the register', () => {
  it('keeps its place, hidden and protected, and chains: each result is the next basedOn', async () => {
    const host = hostFromModel(sampleWorkbookModel());
    await host.run(async (context) => {
      context.workbook.worksheets.getItem(REGISTER_SHEET).position = 1;
      await context.sync();
    });
    const gateway = gatewayOn(host);
    const { register, basedOn } = await readNow(host);
    const edited: Register = {
      ...register!,
      entries: [
        ...register!.entries.slice(1),
        { ...register!.entries[0], name: 'Energi- og miljøklyngen (ny)', aliases: ['EMK'] },
      ],
    };
    host.resetStats();
    const first = await gateway.writeRegister(edited, { basedOn });
    expect(first.syncs).toBe(2);
    expect(sheetNames(host)).toEqual(['Budsjett', REGISTER_SHEET, 'Finansiering']);
    expect(host.sheets()[1]).toEqual({ name: REGISTER_SHEET, visibility: 'veryHidden', protected: true });
    const once = await readNow(host);
    expect(once.basedOn).toBe(first.fingerprint);
    expect(once.register).toEqual(edited);

    // Again, over a register the writer made: protected, with tables named Prosjekter and Kilder.
    const again: Register = { ...edited, sources: edited.sources.slice(0, 3) };
    host.resetStats();
    const second = await gateway.writeRegister(again, { basedOn: first.fingerprint });
    expect(second.syncs).toBe(2);
    expect(sheetNames(host)).toEqual(['Budsjett', REGISTER_SHEET, 'Finansiering']);
    const view = host.readSheet(REGISTER_SHEET)!;
    expect(view.visibility).toBe('veryHidden');
    expect(view.protection).toEqual({ options: DEFAULT_PROTECTION_OPTIONS, password: false });
    expect(view.tables.map((t) => t.name)).toEqual(['Prosjekter', 'Kilder']);
    const twice = await readNow(host);
    expect(twice.basedOn).toBe(second.fingerprint);
    expect(twice.register).toEqual(asRead(again));
    // Nothing left behind: no temporary sheets, no other tables.
    expect(host.sheets()).toHaveLength(3);
  });

  it('keeps the extra columns of the register it edits', async () => {
    const model = sampleWorkbookModel();
    const host = hostFromModel({
      sheets: [...model.sheets.slice(0, 2), registerSheetModel(registerWithExtras())],
    });
    const { register, basedOn } = await readNow(host);
    const edited = { ...register!, entries: register!.entries.slice(0, 5) };
    const result = await gatewayOn(host).writeRegister(edited, { basedOn });
    const after = await readNow(host);
    expect(after.basedOn).toBe(result.fingerprint);
    expect(after.register!.extraProjectColumns).toEqual(['Merknad', 'Prioritet', 'Aktiv']);
    expect(after.register).toEqual(edited);
  });

  it('replaces a register found as " prosjektregister" with "Prosjektregister" in its place (4 round trips)', async () => {
    const model = sampleWorkbookModel();
    const host = hostFromModel({
      sheets: [{ ...model.sheets[2], name: ' prosjektregister' }, ...model.sheets.slice(0, 2)],
    });
    const { register, basedOn } = await readNow(host);
    const result = await gatewayOn(host).writeRegister(register!, { basedOn });
    expect(result.syncs).toBe(4);
    expect(sheetNames(host)).toEqual([REGISTER_SHEET, 'Budsjett', 'Finansiering']);
    expect((await readNow(host)).basedOn).toBe(result.fingerprint);

    // With a second sheet holding the name the register needs, nothing is written.
    const twice = hostFromModel({
      sheets: [
        { ...model.sheets[2], name: ' prosjektregister' },
        { name: 'PROSJEKTREGISTER', cells: [] },
      ],
    });
    const again = await readNow(twice);
    const before = everything(twice);
    const e = await failure(gatewayOn(twice).writeRegister(again.register!, { basedOn: again.basedOn }));
    expect([e.code, e.detail]).toEqual(['ItemAlreadyExists', 'PROSJEKTREGISTER']);
    expect(everything(twice)).toBe(before);
  });

  it('replaces a very hidden register (made hidden to be deleted) with a very hidden one', async () => {
    const model = sampleWorkbookModel();
    const host = hostFromModel({
      sheets: [...model.sheets.slice(0, 2), { ...model.sheets[2], visibility: 'veryHidden' }],
    });
    const { register, basedOn } = await readNow(host);
    await gatewayOn(host).writeRegister(register!, { basedOn });
    expect(host.sheets()[2]).toEqual({ name: REGISTER_SHEET, visibility: 'veryHidden', protected: true });
  });
});

describe('a co-author’s edit is never overwritten', () => {
  /** A co-author unprotects the register, types into it and protects it again. */
  async function coAuthorTypes(host: ExcelHost, address: string, text: string): Promise<void> {
    await host.run(async (context) => {
      context.workbook.worksheets.getItem(REGISTER_SHEET).protection.unprotect();
      await context.sync();
    });
    host.typeInto(REGISTER_SHEET, address, text);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem(REGISTER_SHEET).protection.protect();
      await context.sync();
    });
  }

  for (const [what, address, text] of [
    ['a changed name', 'B4', 'Nytt navn'],
    ['a cell typed far right of the tables', 'Z40', 'notat'],
  ] as const) {
    it(`refuses (changed) after ${what}, leaving the sheet as the co-author left it`, async () => {
      const host = hostFromModel(sampleWorkbookModel());
      const { register, basedOn } = await readNow(host);
      await coAuthorTypes(host, address, text);
      const before = everything(host);
      host.resetStats();
      const e = await failure(gatewayOn(host).writeRegister(register!, { basedOn }));
      expect(e.kind).toBe('changed');
      expect(host.stats.syncs).toBe(1);
      expect(everything(host)).toBe(before);
    });
  }

  it('refuses (changed) when the register sheet was deleted meanwhile', async () => {
    const host = hostFromModel(sampleWorkbookModel());
    const { register, basedOn } = await readNow(host);
    await host.run(async (context) => {
      // A very hidden sheet is made visible before it can be deleted (office-js #365).
      const sheet = context.workbook.worksheets.getItem(REGISTER_SHEET);
      sheet.visibility = 'Hidden';
      sheet.delete();
      await context.sync();
    });
    const before = everything(host);
    const e = await failure(gatewayOn(host).writeRegister(register!, { basedOn }));
    expect(e.kind).toBe('changed');
    expect(everything(host)).toBe(before);
  });

  it('a register of a newer format version is never changed (office, RegisterNewerVersion)', async () => {
    const model = sampleWorkbookModel();
    const newer = registerSheetModel({ ...sampleRegister(), formatVersion: 2 });
    const host = hostFromModel({ sheets: [...model.sheets.slice(0, 2), newer] });
    const { basedOn } = await readNow(host);
    const before = everything(host);
    const e = await failure(gatewayOn(host).writeRegister(sampleRegister(), { basedOn }));
    expect(e.kind).toBe('office');
    expect(e.code).toBe('RegisterNewerVersion');
    expect(e.detail).toBe(`${REGISTER_SHEET}!B1: 2`);
    expect(everything(host)).toBe(before);
  });

  /** A table on another sheet, or a defined name, takes one of the names the register's tables need. */
  async function taken(take: 'table' | 'name'): Promise<void> {
    const host = withoutRegister();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Budsjett');
      if (take === 'table') sheet.tables.add('A1:B3', true).name = 'Kilder';
      else context.workbook.names.add('Prosjekter', sheet.getRange('A1'));
      await context.sync();
    });
    const before = everything(host);
    const e = await failure(gatewayOn(host).writeRegister(sampleRegister(), { basedOn: null }));
    expect([e.kind, e.code, e.detail]).toEqual([
      'office',
      'ItemAlreadyExists',
      take === 'table' ? 'Kilder' : 'Prosjekter',
    ]);
    expect(everything(host)).toBe(before);
  }
  it('refuses when a table on another sheet holds a name the register’s tables need', () => taken('table'));
  it('refuses when a defined name holds a name the register’s tables need', () => taken('name'));
});

describe('a failure at any point leaves the workbook as it was', () => {
  type Setup = () => Promise<{ host: ExcelHost; register: Register; basedOn: string | null }>;
  const setups: [string, Setup][] = [
    ['creating', async () => ({ host: withoutRegister(), register: registerWithExtras(), basedOn: null })],
    [
      'editing the sample’s register (protected, no tables)',
      async () => {
        const host = hostFromModel(sampleWorkbookModel());
        const { register, basedOn } = await readNow(host);
        return { host, register: { ...register!, entries: register!.entries.slice(2) }, basedOn };
      },
    ],
    [
      'editing a written register (protected, with its tables), moved to the front',
      async () => {
        const host = withoutRegister();
        const first = await gatewayOn(host).writeRegister(registerWithExtras(), { basedOn: null });
        await host.run(async (context) => {
          context.workbook.worksheets.getItem(REGISTER_SHEET).position = 0;
          await context.sync();
        });
        return { host, register: sampleRegister(), basedOn: first.fingerprint };
      },
    ],
  ];

  for (const [what, setup] of setups) {
    it(`${what}: at every operation of every round trip`, async () => {
      for (let sync = 1; sync <= 2; sync++) {
        for (let after = 0; ; after++) {
          const { host, register, basedOn } = await setup();
          const before = everything(host);
          host.failOnSync(sync, after);
          const result = await gatewayOn(host)
            .writeRegister(register, { basedOn })
            .catch((e: unknown) => e);
          if (!(result instanceof ExcelFailure)) {
            // The failure came after the last operation (the old sheet's deletion): the write is
            // complete, only Excel's answer was lost.
            expect(basedOn).not.toBeNull();
            expect(sync).toBe(2);
            const { register: read, basedOn: now } = await readNow(host);
            expect(read).toEqual(asRead(register));
            expect(now).toBe((result as { fingerprint: string }).fingerprint);
            break;
          }
          if (result.kind !== 'busy') throw new Error(`${result.kind}: ${result.detail}`);
          expect(result.kind).toBe('busy');
          expect(everything(host)).toBe(before);
          // The next write works (nothing left in the way).
          if (after % 25 === 0) await gatewayOn(host).writeRegister(register, { basedOn });
          if (result.detail?.includes('end of the round trip')) break;
        }
      }
    });
  }

  it('an old register protected with a password by a user: the write fails and changes nothing', async () => {
    const host = withoutRegister();
    const first = await gatewayOn(host).writeRegister(sampleRegister(), { basedOn: null });
    host.protectSheet(REGISTER_SHEET, 'hemmelig');
    const before = everything(host);
    const e = await failure(gatewayOn(host).writeRegister(sampleRegister(), { basedOn: first.fingerprint }));
    expect(e.code).toBe('BadPassword');
    expect(everything(host)).toBe(before);
  });
});

describe('register text that looks like a formula, a number or an error', () => {
  const tricky = ['=HYPERLINK("x")', '+1', '@x', '-2+3', '#N/A', '1e5', 'TRUE', '2010-01-01', '1.5.2010'];

  it('is stored as text under the @ format and read back as written', async () => {
    const base = sampleRegister();
    const register: Register = {
      ...base,
      entries: base.entries.map((e, i) =>
        i < tricky.length ? { ...e, name: tricky[i], aliases: [tricky[(i + 1) % tricky.length]] } : e,
      ),
      sources: [...base.sources, { name: '=SUM(A1)', kind: 'external', aliases: ['-1'] }],
    };
    const host = withoutRegister();
    const result = await gatewayOn(host).writeRegister(register, { basedOn: null });
    const view = host.readSheet(REGISTER_SHEET)!;
    for (const text of [...tricky, '=SUM(A1)', '-1']) {
      const cell = view.cells.find((c) => c.value === text);
      expect(cell).toBeDefined();
      expect(cell!.formula).toBeUndefined();
      expect(cell!.format.numberFormat).toBe('@');
    }
    expect(view.cells.filter((c) => c.formula !== undefined)).toEqual([]);
    const { register: read, basedOn } = await readNow(host);
    expect(basedOn).toBe(result.fingerprint);
    expect(read).toEqual(asRead(register));
  });
});

describe('round trips', () => {
  /** The register of the generated plan of `n` lines. */
  const generated = (n: number) => readRegister(modelToSnapshot(generatePlan(n))).register!;

  it('1 000 entries: 2 round trips (read, then write and swap), created or edited', async () => {
    const host = hostFromModel(generatePlan(1_000));
    const { register, basedOn } = await readNow(host);
    expect(register!.entries).toHaveLength(1_000);
    host.resetStats();
    const edited = { ...register!, entries: register!.entries.slice(1) };
    const result = await gatewayOn(host).writeRegister(edited, { basedOn });
    expect(result.syncs).toBe(2);
    expect(host.stats.log.every((r) => !r.error && r.requestBytes < host.payloadLimit)).toBe(true);
    expect((await readNow(host)).basedOn).toBe(result.fingerprint);

    const fresh = withoutRegister();
    const created = await gatewayOn(fresh).writeRegister(generated(1_000), { basedOn: null });
    expect(created.syncs).toBe(2);
  });

  it('with a small payload limit: read and write in about size ÷ limit round trips, each under it', async () => {
    const register = generated(1_000);
    const big = withoutRegister({ payloadLimit: Infinity });
    await gatewayOn(big).writeRegister(register, { basedOn: null });
    big.resetStats();
    const { basedOn } = await readNow(big);
    big.resetStats();
    await gatewayOn(big).writeRegister(register, { basedOn });
    const request = big.stats.requestBytes;
    const response = big.stats.responseBytes;

    const limit = 64 * 1024;
    const small = withoutRegister({ payloadLimit: limit });
    const first = await gatewayOn(small).writeRegister(register, { basedOn: null });
    expect(first.syncs).toBeGreaterThan(2);
    const again = await readNow(small);
    expect(again.basedOn).toBe(first.fingerprint);
    small.resetStats();
    const result = await gatewayOn(small).writeRegister(register, { basedOn: again.basedOn });
    const ideal = Math.ceil(request / limit) + Math.ceil(response / limit);
    expect(result.syncs).toBeGreaterThanOrEqual(ideal);
    expect(result.syncs).toBeLessThanOrEqual(2 * ideal + 3);
    // None refused: the first round trip reads a window sized to the limit, the rest in blocks.
    expect(
      small.stats.log.every((r) => !r.error && r.requestBytes <= limit && r.responseBytes <= limit),
    ).toBe(true);
    const after = await readNow(small);
    expect(after.basedOn).toBe(result.fingerprint);
    expect(after.register).toEqual(asRead(register));
  });
});

describe('an Excel with ExcelApi 1.4 only', () => {
  it('writes and protects the register (no selectionMode before 1.7), and recovers the same way', async () => {
    const host = withoutRegister({ excelApi: '1.4' });
    const gateway = gatewayOn(host);
    const first = await gateway.writeRegister(sampleRegister(), { basedOn: null });
    expect(first.syncs).toBe(2);
    expect(host.readSheet(REGISTER_SHEET)!.protection?.options).toEqual(DEFAULT_PROTECTION_OPTIONS);
    // A failure in the swap after the old sheet was unprotected: protected again as it was.
    for (const after of [-1, -3, -6]) {
      const before = everything(host);
      host.failOnSync(2, after);
      const e = await failure(gateway.writeRegister(registerWithExtras(), { basedOn: first.fingerprint }));
      expect(e.kind).toBe('busy');
      expect(everything(host)).toBe(before);
    }
    const second = await gateway.writeRegister(registerWithExtras(), { basedOn: first.fingerprint });
    expect((await readNow(host)).basedOn).toBe(second.fingerprint);
  });
});

describe('rows the reader could not use', () => {
  it('are written back as they were when the pane saves an edit, so nothing typed is lost', async () => {
    const model = sampleWorkbookModel();
    // A project row without a name (F9 of the register: row 10) and a source with an unknown kind.
    const sheet = model.sheets.find((s) => s.name === REGISTER_SHEET)!;
    const broken: SheetModel = {
      ...sheet,
      cells: sheet.cells.map((c) =>
        c.row === 9 && c.col === 1
          ? { ...c, value: '' }
          : c.value === 'external' && c.row === 5
            ? { ...c, value: 'ukjent' }
            : c,
      ),
    };
    const host = hostFromModel({ sheets: model.sheets.map((s) => (s === sheet ? broken : s)) });
    const { register, basedOn } = await readNow(host);
    expect(register!.unreadEntries).toHaveLength(1);
    expect(register!.unreadSources).toHaveLength(1);
    const lost = register!.unreadEntries![0];

    const edited: Register = { ...register!, entries: register!.entries.slice(1) };
    await gatewayOn(host).writeRegister(edited, { basedOn });

    const after = await readNow(host);
    expect(after.register!.entries).toEqual(edited.entries);
    expect(after.register!.unreadEntries).toEqual([lost]);
    expect(after.register!.unreadSources).toEqual(register!.unreadSources);
    expect(
      readRegister(after.read.snapshot).findings.filter((f) => f.code === 'REGISTER_INVALID'),
    ).toHaveLength(2);
  });
});
