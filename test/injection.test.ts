/**
 * Formula injection, as a property: whatever the register says, no register
 * text ever becomes a formula in what the add-in writes. fast-check puts
 * formula-like strings (`=HYPERLINK(...)`, `+SUM(1,1)`, `-2+3`, `@x`,
 * `=cmd|' /C calc'!A0`, with quotes, æøå, `;` ...) into the register fields
 * the outputs show (project name, area, phase, owner, role, partners, goals,
 * note) of randomly chosen sample projects, then checks
 *  - the domain: every formula of the outputs is the one the unmodified
 *    sample gets at the same cell (formulas never depend on register text),
 *    and the register texts do reach the outputs, as literal values;
 *  - the Office.js writer on the in-memory Excel host (through Microsoft's Office.js client) (ExcelApi 1.4, 1.8,
 *    1.17): every literal cell is stored as the literal string, with no
 *    formula, under `@` when it looks like one;
 *  - the .xlsx writer of the CLI: the outputs added to a copy of the file, read by ExcelJS,
 *    no literal cell is a formula cell and the texts come back as the same
 *    strings, control characters, U+FFFE and literal `_xHHHH_` included.
 * The edits keep the layout's shape (goal count, a note or none, own projects
 * stay own, areas renamed as a whole), so formulas can be compared cell by cell.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { cellRef, parseCellRef, quoteSheetName } from '../src/domain/address';
import { normalizeLabel } from '../src/domain/match';
import type { CellModel, WorkbookModel } from '../src/domain/model';
import { modelToSnapshot } from '../src/domain/modelToSnapshot';
import { buildOutputs, type Outputs } from '../src/domain/outputs';
import { reconcile } from '../src/domain/reconcile/reconcile';
import { registerSheetModel } from '../src/domain/register/registerSheet';
import { REGISTER_SHEET, type Register, type RegisterEntry } from '../src/domain/register/types';
import type { WorkbookSnapshot } from '../src/domain/snapshot';
import { ExcelHost } from '../src/host';
import { hostFromModel } from './helpers/host';
import { sampleRegister, sampleWorkbookModel } from '../src/sample/sampleWorkbook';
import { applyOutputs, readWorkbookData } from '../src/xlsx';
import { writeWorkbookBuffer } from '../src/cli/workbookFiles';
import { decodeXstring } from '../src/xlsx/read/text';
import { gatewayOn } from './excel/writeHelpers';

type Lang = 'nb' | 'en';
const LANGS: readonly Lang[] = ['nb', 'en'];

// ---- The register edits ----

const SAMPLE = sampleRegister();
const PROJECTS = SAMPLE.entries.flatMap((e, i) => (e.kind === 'project' ? [i] : []));
const AREAS = [...new Set(PROJECTS.map((i) => SAMPLE.entries[i].area))];
const MAX_GOALS = Math.max(1, ...PROJECTS.map((i) => SAMPLE.entries[i].goals.length));
/** Names and aliases of the own sources: an owner among them puts the project in the summary's own table. */
const OWN = new Set(
  SAMPLE.sources.filter((s) => s.kind === 'own').flatMap((s) => [s.name, ...s.aliases].map(normalizeLabel)),
);

/** How the text starts: mostly a character Excel reads as the start of a formula. */
const prefix = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('=', '+', '-', '@') },
  { weight: 2, arbitrary: fc.constantFrom("'", '#', '\t=', ' =', '   =', "'=", '==', '=+', '-=') },
);
const fragment = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'HYPERLINK("http://x","y")',
      'SUM(1,1)',
      "cmd|' /C calc'!A0",
      'WEBSERVICE("http://x")',
      '1+1',
      '2',
      '-3',
      '1e5',
      '0.5%',
      'A1',
      '$B$9',
      'Budsjett!B9',
      "'Budsjett'!B9",
      '#N/A',
      'TRUE',
      '"',
      '""',
      "'",
      '!',
      '(',
      ')',
      ',',
      ';',
      ' ',
      '&',
      'æøå',
      'ÆØÅ',
      'Prosjektkort',
    ),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 3 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
);
/** A register text that looks like a formula (or like something Excel would not keep as typed). */
const formulaLike = fc.tuple(prefix, fc.array(fragment, { maxLength: 5 })).map(([p, f]) => p + f.join(''));
/** A list item: no `;`, which would split it in two. */
const listItem = formulaLike.map((s) => s.replace(/;/g, ','));

interface ProjectEdit {
  readonly project: number;
  readonly name?: string;
  readonly phase?: string;
  readonly owner?: string;
  readonly role?: string;
  /** Items may hold `;`: the register sheet splits them, as it would a user's. */
  readonly partners?: string[];
  /** MAX_GOALS items, cut to the project's goal count. */
  readonly goals?: string[];
  readonly note?: string;
  /** A project without goals gets one (the card has a goals row either way). */
  readonly goalForNone?: boolean;
}

interface Injection {
  readonly lang: Lang;
  readonly edits: readonly ProjectEdit[];
  /** New names for the first focus areas, every project of an area renamed alike. */
  readonly areas: readonly string[];
}

const projectEdit: fc.Arbitrary<ProjectEdit> = fc.record(
  {
    project: fc.constantFrom(...PROJECTS),
    name: formulaLike,
    phase: formulaLike,
    owner: formulaLike.filter((s) => !OWN.has(normalizeLabel(s))),
    role: formulaLike,
    partners: fc.array(formulaLike, { minLength: 1, maxLength: 3 }),
    goals: fc.array(listItem, { minLength: MAX_GOALS, maxLength: MAX_GOALS }),
    note: formulaLike,
    goalForNone: fc.boolean(),
  },
  { requiredKeys: ['project'] },
);

const injection: fc.Arbitrary<Injection> = fc.record({
  lang: fc.constantFrom(...LANGS),
  edits: fc.uniqueArray(projectEdit, {
    selector: (e) => e.project,
    minLength: 1,
    maxLength: PROJECTS.length,
  }),
  areas: fc.uniqueArray(formulaLike, { selector: (s) => s.trim(), maxLength: AREAS.length }),
});

function applyEdit(e: RegisterEntry, edit: ProjectEdit | undefined, areas: ReadonlyMap<string, string>) {
  const area = areas.get(e.area) ?? e.area;
  if (!edit) return { ...e, area };
  const goals =
    edit.goals === undefined
      ? e.goals
      : e.goals.length > 0
        ? edit.goals.slice(0, e.goals.length)
        : edit.goalForNone
          ? edit.goals.slice(0, 1)
          : [];
  return {
    ...e,
    area,
    name: edit.name ?? e.name,
    phase: edit.phase ?? e.phase,
    // An own project stays own, or the summary's table of own projects changes shape.
    owner: edit.owner !== undefined && !OWN.has(normalizeLabel(e.owner)) ? edit.owner : e.owner,
    role: edit.role ?? e.role,
    partners: edit.partners ?? e.partners,
    goals,
    // A note keeps its row only where there was one.
    contributionNote: edit.note !== undefined && e.contributionNote !== '' ? edit.note : e.contributionNote,
  };
}

/** The sample register with the edits; id, budget line, aliases, amounts and sources unchanged. */
function injectedRegister(inj: Injection): Register {
  const areas = new Map(inj.areas.map((a, i) => [AREAS[i], a]));
  const edits = new Map(inj.edits.map((e) => [e.project, e]));
  return { ...SAMPLE, entries: SAMPLE.entries.map((e, i) => applyEdit(e, edits.get(i), areas)) };
}

/** The sample workbook with this register. */
function workbookWith(register: Register): WorkbookModel {
  const model = sampleWorkbookModel();
  return {
    sheets: model.sheets.map((s) => (s.name === REGISTER_SHEET ? registerSheetModel(register) : s)),
  };
}

/** What a list field reads back as: written `a; b`, split at `;`, trimmed, empty items dropped. */
const readList = (items: readonly string[]) =>
  items
    .join('; ')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** The edited texts as the register reader returns them (trimmed): what the outputs should show. */
function injectedTexts(register: Register, inj: Injection): string[] {
  const out = new Set<string>();
  const add = (s: string) => {
    if (s.trim() !== '') out.add(s.trim());
  };
  for (const e of inj.edits) {
    const entry = register.entries[e.project];
    if (e.name !== undefined) add(entry.name);
    if (e.phase !== undefined) add(entry.phase);
    if (e.owner !== undefined && entry.owner === e.owner) add(entry.owner);
    if (e.role !== undefined) add(entry.role);
    if (e.partners !== undefined) readList(entry.partners).forEach(add);
    if (e.goals !== undefined) readList(entry.goals).forEach(add);
    if (e.note !== undefined && entry.contributionNote === e.note) add(entry.contributionNote);
  }
  inj.areas.forEach(add);
  return [...out];
}

// ---- What must hold of the outputs ----

const at = (c: { row: number; col: number }) => cellRef(c.row, c.col);
const withEquals = (f: string) => (f.startsWith('=') ? f : `=${f}`);
/** Literal strings Excel would read as a formula when typed (the ExcelJS writer gives them `@`). */
const FORMULA_START = /^[=+\-@]/;
/** Literal strings the Office.js writer must put under `@` (see writeHelpers' expectedOf). */
const TEXT_FORMAT_START = /^[=+\-@'#]/;

interface Shape {
  readonly sheets: readonly string[];
  /** Per sheet: address -> formula, address -> link target, conditional format rules. */
  readonly formulas: readonly Record<string, string>[];
  readonly links: readonly Record<string, string>[];
  readonly conditional: readonly string[][];
}

function shapeOf(outputs: Outputs): Shape {
  const sheets = outputs.sheets.map((o) => o.sheet);
  const map = (cells: readonly CellModel[], f: (c: CellModel) => string | undefined) =>
    Object.fromEntries(cells.flatMap((c) => (f(c) === undefined ? [] : [[at(c), f(c)!]])));
  return {
    sheets: sheets.map((s) => s.name),
    formulas: sheets.map((s) => map(s.cells, (c) => c.formula)),
    links: sheets.map((s) => map(s.cells, (c) => c.link && `${c.link.sheet}!${c.link.cell}`)),
    conditional: sheets.map((s) => (s.conditionalFormats ?? []).map((cf) => `${cf.range} ${cf.formula}`)),
  };
}

/**
 * The domain: formulas, links and conditional formats are the unmodified
 * sample's, cell by cell; every injected text shows up in a literal cell.
 */
function expectDomain(outputs: Outputs, baseline: Shape, texts: readonly string[]): void {
  expect(shapeOf(outputs)).toEqual(baseline);
  const literals = outputs.sheets.flatMap((o) =>
    o.sheet.cells.flatMap((c) => (c.formula === undefined && typeof c.value === 'string' ? [c.value] : [])),
  );
  const missing = texts.filter((t) => !literals.some((v) => v.includes(t)));
  expect(missing).toEqual([]);
}

/** Collects what is wrong (once per cell) and fails with the first few. */
function problems() {
  const found = new Set<string>();
  return {
    check: (ok: boolean, what: () => string) => {
      if (!ok) found.add(what());
    },
    expectNone: () => expect([...found].slice(0, 10)).toEqual([]),
  };
}

/**
 * The Office.js writer, read back from the host: literals as literals,
 * formulas as the model's; links are hyperlinks, or HYPERLINK formulas below
 * ExcelApi 1.7.
 */
function expectHost(host: ExcelHost, outputs: Outputs, written: readonly string[], api17: boolean): void {
  const { check, expectNone } = problems();
  expect(written).toEqual(outputs.sheets.map((o) => o.sheet.name));
  for (const { sheet } of outputs.sheets) {
    const view = host.readSheet(sheet.name);
    expect(view).toBeDefined();
    const cells = new Map(view!.cells.map((c) => [at(c), c]));
    for (const c of sheet.cells) {
      const got = cells.get(at(c));
      cells.delete(at(c));
      const where = () =>
        `${sheet.name}!${at(c)} ${JSON.stringify(c.formula ?? c.value)}: got ${JSON.stringify(got)}`;
      if (c.formula !== undefined) {
        check(got?.formula === withEquals(c.formula), where);
        continue;
      }
      if (c.link !== undefined && !api17) {
        check(got?.formula === `=${hyperlinkOf(c)}`, where);
        continue;
      }
      check(got?.formula === undefined, where);
      if (typeof c.value === 'string' && c.value !== '') {
        check(got?.value === c.value, where);
        if (TEXT_FORMAT_START.test(c.value)) check(got?.format.numberFormat === '@', where);
      } else if (typeof c.value === 'number' || typeof c.value === 'boolean') {
        check(got?.value === c.value, where);
      }
    }
    // Nothing the model does not have: no stray formula.
    for (const extra of cells.values())
      check(extra.formula === undefined, () => `${sheet.name}: extra ${JSON.stringify(extra)}`);
  }
  expectNone();
}

const hasFormula = (cell: ExcelJS.Cell) => {
  const v = cell.value as unknown;
  return (
    cell.type === ExcelJS.ValueType.Formula ||
    cell.formula !== undefined ||
    (typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v))
  );
};

/** The HYPERLINK formula a link cell gets from ExcelJS (and Office.js below 1.7): a link, not register text. */
function hyperlinkOf(c: CellModel): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const target = parseCellRef(c.link!.cell)!;
  const shown = String(c.value ?? c.link!.cell);
  return `HYPERLINK(${q(`#${quoteSheetName(c.link!.sheet)}!${cellRef(target.row, target.col)}`)},${q(shown)})`;
}

/**
 * The .xlsx writer's copy read by ExcelJS: no literal cell is a formula cell; texts are strings.
 * ExcelJS leaves Excel's `_xHHHH_` escapes in inline strings and formulas as they are stored
 * (Excel decodes them, as the CLI's reader does): they are decoded here before comparing.
 */
function expectXlsx(out: ExcelJS.Workbook, outputs: Outputs): void {
  const { check, expectNone } = problems();
  for (const { sheet } of outputs.sheets) {
    const ws = out.getWorksheet(sheet.name);
    expect(ws).toBeDefined();
    const seen = new Set<string>();
    for (const c of sheet.cells) {
      const cell = ws!.getCell(c.row + 1, c.col + 1);
      seen.add(at(c));
      const where = () =>
        `${sheet.name}!${at(c)} ${JSON.stringify(c.formula ?? c.value)}: got ${JSON.stringify(cell.value)} (${cell.type}, ${cell.numFmt})`;
      // The top-left cell holds a merged area's content; the others only point to it.
      if (cell.type === ExcelJS.ValueType.Merge) {
        check(
          c.formula === undefined && (c.value === null || c.value === undefined || c.value === ''),
          where,
        );
        continue;
      }
      if (c.formula !== undefined) {
        check(cell.formula === c.formula.replace(/^=/, ''), where);
      } else if (c.link !== undefined) {
        check(decodeXstring(cell.formula) === hyperlinkOf(c), where);
      } else {
        check(!hasFormula(cell), where);
        if (typeof c.value === 'string' && c.value !== '') {
          check(
            cell.type === ExcelJS.ValueType.String && decodeXstring(String(cell.value)) === c.value,
            where,
          );
          if (FORMULA_START.test(c.value)) check(cell.numFmt === '@', where);
        }
      }
    }
    ws!.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const ref = cellRef(Number(cell.row) - 1, Number(cell.col) - 1);
        if (!seen.has(ref) && cell.type !== ExcelJS.ValueType.Merge)
          check(!hasFormula(cell), () => `${sheet.name}!${ref}: stray formula ${cell.formula}`);
      }),
    );
  }
  expectNone();
}

// ---- The three paths ----

/** Pure domain: the register read from a snapshot of the model, no spreadsheet in between. */
function viaDomain(model: WorkbookModel, lang: Lang): Outputs {
  const snapshot = modelToSnapshot(model);
  return buildOutputs(reconcile(snapshot), lang, snapshot);
}

/** ExcelApi versions of the host: all features, no `setCellProperties` (1.9), no hyperlinks (1.7). */
const APIS = ['1.17', '1.8', '1.4'] as const;
type Api = (typeof APIS)[number];

/** The add-in: read from the host through the gateway, reconciled, laid out and written back. */
async function viaHost(model: WorkbookModel, lang: Lang, excelApi: Api = '1.17') {
  const host = hostFromModel(model, { excelApi });
  const gateway = gatewayOn(host);
  const { snapshot } = await gateway.read();
  const outputs = buildOutputs(reconcile(snapshot), lang, snapshot);
  const result = await gateway.writeOutputs(outputs);
  return { host, outputs, written: result.sheets };
}

async function load(buf: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

/** The CLI: the workbook file read, the outputs added to a copy, the copy loaded by ExcelJS. */
async function viaXlsx(model: WorkbookModel, lang: Lang) {
  const file = readWorkbookData(new Uint8Array(await writeWorkbookBuffer(model)), 'in.xlsx');
  const snapshot: WorkbookSnapshot = file.snapshot;
  const outputs = buildOutputs(reconcile(snapshot), lang, snapshot);
  const { bytes } = applyOutputs(file, outputs);
  const out = await load(Buffer.from(bytes));
  return { out, outputs };
}

/**
 * The unmodified sample's shape for each setting (language, API), computed
 * once: each path has its own, as they read formulas' results differently.
 */
function baselines<K extends unknown[]>(
  f: (model: WorkbookModel, ...key: K) => Promise<{ outputs: Outputs }>,
): (...key: K) => Promise<Shape> {
  const cache = new Map<string, Promise<Shape>>();
  return (...key) => {
    const k = JSON.stringify(key);
    if (!cache.has(k))
      cache.set(
        k,
        f(sampleWorkbookModel(), ...key).then((r) => shapeOf(r.outputs)),
      );
    return cache.get(k)!;
  };
}

const TIMEOUT = 60_000;

describe('register text never becomes a formula', () => {
  it(
    'domain: outputs have the unmodified sample’s formulas cell for cell, and show the injected texts as literals',
    () => {
      const baseline = {} as Record<Lang, Shape>;
      for (const lang of LANGS) baseline[lang] = shapeOf(viaDomain(sampleWorkbookModel(), lang));
      fc.assert(
        fc.property(injection, (inj) => {
          const register = injectedRegister(inj);
          const outputs = viaDomain(workbookWith(register), inj.lang);
          expectDomain(outputs, baseline[inj.lang], injectedTexts(register, inj));
        }),
        { numRuns: 100 },
      );
    },
    TIMEOUT,
  );

  it(
    'Office.js writer (Excel host, ExcelApi 1.4/1.8/1.17): every literal cell is stored as that exact string, never a formula, and formula-like text gets the @ format',
    async () => {
      const baseline = baselines(viaHost);
      await fc.assert(
        fc.asyncProperty(injection, fc.constantFrom(...APIS), async (inj, api) => {
          const register = injectedRegister(inj);
          const { host, outputs, written } = await viaHost(workbookWith(register), inj.lang, api);
          expectDomain(outputs, await baseline(inj.lang, api), injectedTexts(register, inj));
          expectHost(host, outputs, written, api !== '1.4');
        }),
        { numRuns: 30 },
      );
    },
    TIMEOUT,
  );

  it(
    '.xlsx writer (CLI): read back by ExcelJS, no literal cell is a formula cell, texts come back as the same strings, formula-like text has the @ format',
    async () => {
      const baseline = baselines(viaXlsx);
      await fc.assert(
        fc.asyncProperty(injection, async (inj) => {
          const register = injectedRegister(inj);
          const { out, outputs } = await viaXlsx(workbookWith(register), inj.lang);
          expectDomain(outputs, await baseline(inj.lang), injectedTexts(register, inj));
          expectXlsx(out, outputs);
        }),
        { numRuns: 20 },
      );
    },
    TIMEOUT,
  );
});
