/**
 * The result contract (src/domain/reconcile/result.ts): what the outputs, the pane and the CLI
 * report read. Per project its register fields, lines, per-year figures and findings; per line
 * its cells; per source its cells; per year the balance; and nothing of the engine behind it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { modelToSnapshot } from '../../src/domain/modelToSnapshot';
import { reconcile } from '../../src/domain/reconcile/reconcile';
import { sourceCellRef, type ReconciliationResult } from '../../src/domain/reconcile/result';
import { REGISTER_SHEET } from '../../src/domain/register/types';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { entry, kronerToOre, planWorkbook, withSheet } from '../helpers/workbook';

const ore = kronerToOre;
const sample = () => reconcile(modelToSnapshot(sampleWorkbookModel()));

// The engine's plan and figures are not part of the contract: naming them does not compile.
// @ts-expect-error no `plan` on the result
export type NoPlan = ReconciliationResult['plan'];
// @ts-expect-error no `figures` on the result
export type NoFigures = ReconciliationResult['figures'];

/**
 * Every value reachable from the result is plain data: a plain object (or null-prototype one), an
 * array, a string, a number, a boolean or null. A class instance (the engine's register look-up,
 * a table row, typed arrays, maps) or a function fails, naming where it is.
 */
function nonPlain(value: unknown, at = 'result', seen = new Set<object>()): string[] {
  if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return [];
  if (typeof value !== 'object') return [`${at}: ${typeof value}`];
  if (seen.has(value)) return [];
  seen.add(value);
  const proto = Object.getPrototypeOf(value);
  if (Array.isArray(value)) {
    if (proto !== Array.prototype) return [`${at}: ${proto?.constructor?.name}`];
  } else if (proto !== Object.prototype && proto !== null) {
    return [`${at}: ${proto?.constructor?.name ?? 'object'}`];
  }
  return Object.keys(value).flatMap((k) =>
    nonPlain((value as Record<string, unknown>)[k], `${at}.${k}`, seen),
  );
}

describe('the result contract on the sample', () => {
  const r = sample();
  const project = (id: string, nth = 1) => r.projects.filter((p) => p.fields.id === id)[nth - 1];

  it('is plain data all the way down, with no engine internals reachable', () => {
    expect(nonPlain(r)).toEqual([]);
    expect(Object.keys(r)).not.toContain('plan');
    expect(Object.keys(r)).not.toContain('figures');
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('has every register entry by its index, and the projects among them as the same objects', () => {
    expect(r.entries).toHaveLength(13);
    r.entries.forEach((e, i) => expect(e.entry).toBe(i));
    expect(r.entries.map((e) => e.fields)).toEqual(r.register!.entries);
    expect(r.projects).toHaveLength(11);
    expect(r.projects.every((p) => r.entries[p.entry] === p && p.fields.kind === 'project')).toBe(true);
    expect(r.entries.filter((e) => e.fields.kind === 'operations').map((e) => e.fields.name)).toEqual([
      'Koordinering, drift',
      'Diverse',
    ]);
  });

  it('gives each project its lines, its figures per year and its findings', () => {
    const akk = project('3.1');
    expect(akk.fields.name).toBe('Akkvisisjon');
    expect(akk.lines.map((i) => r.lines[i].label)).toEqual(['Akkvisisjon']);
    expect(akk.years).toEqual([{ year: 2010, budget: ore(300_000), earmarked: 0, ownFunded: ore(300_000) }]);
    expect(akk.findings.map((f) => f.code)).toEqual(['CONTRIBUTION_MISMATCH']);

    const helse = project('1.2');
    expect(helse.years).toEqual([
      { year: 2010, budget: ore(200_000), earmarked: ore(200_000), ownFunded: 0 },
    ]);
    const line = r.lines[helse.lines[0]];
    expect(line).toMatchObject({ label: 'Helsesdesign Arena', labelRef: 'Budsjett!A5', entry: helse.entry });
    expect(sourceCellRef(line.years[0].budgetCell!)).toBe('Budsjett!B5');
    expect(line.years[0].earmarks.map((e) => [e.source, sourceCellRef(e.cell), e.cell.ore])).toEqual([
      ['Akershus fylkeskommune', 'Finansiering!B7', ore(200_000)],
    ]);

    // A project that gives work, not money: no line, 0 in every year, and OK.
    const food = project('1.4');
    expect(food.lines).toEqual([]);
    expect(food.years).toEqual([{ year: 2010, budget: 0, earmarked: 0, ownFunded: 0 }]);
    expect(food.findings).toEqual([]);
    expect(r.nonMoneyProjects).toContainEqual({ id: '1.4', name: 'Næringsmiddelbedrifter' });
  });

  it('gives a duplicate id’s finding to both projects with the id, and to no other', () => {
    const [logistics, tourism] = [project('1.3', 1), project('1.3', 2)];
    expect([logistics.fields.name, tourism.fields.name]).toEqual([
      'Logistikknæringen',
      'Et løft for reiselivet',
    ]);
    const duplicate = r.findings.find((f) => f.code === 'DUPLICATE_ID')!;
    expect(logistics.findings).toEqual([duplicate]);
    expect(tourism.findings).toEqual([duplicate]);
    expect(tourism.lines.map((i) => r.lines[i].label)).toEqual(['Reiselivet']);
    const withIt = r.entries.filter((e) => e.findings.includes(duplicate));
    expect(withIt).toEqual([logistics, tourism]);
  });

  it('ties every line to its entry and back, and the lines add up to the totals', () => {
    r.lines.forEach((line, i) => {
      expect(line.entry).not.toBeNull();
      expect(r.entries[line.entry!].lines).toContain(i);
    });
    const t = r.totals[2010];
    const sum = (k: 'budget' | 'earmarked' | 'ownFunded') =>
      r.lines.reduce((s, l) => s + (l.years[0][k] ?? 0), 0);
    expect([sum('budget'), sum('earmarked'), sum('ownFunded')]).toEqual([t.budget, t.earmarked, t.ownFunded]);
    expect(r.entries.reduce((s, e) => s + e.years[0].budget, 0)).toBe(t.budget);
  });

  it('gives the financing by source: kind, the cells of its rows, and what they add up to', () => {
    expect(
      r.fundingSources.map((s) => [
        s.name,
        s.kind,
        s.earmarksLines,
        s.years[0].amount,
        s.years[0].cells.map(sourceCellRef),
      ]),
    ).toEqual([
      ['SNR', 'own', false, ore(1_500_000), ['Finansiering!B2']],
      ['Innovasjon Norge', 'external', true, ore(980_000), ['Finansiering!B4']],
      ['Akershus fylkeskommune', 'external', true, ore(600_000), ['Finansiering!B6', 'Finansiering!B7']],
      ['Bruk fond SNR', 'own', false, ore(350_000), ['Finansiering!B8']],
    ]);
    const own = r.fundingSources.filter((s) => s.kind === 'own').reduce((n, s) => n + s.years[0].amount, 0);
    expect(own).toBe(r.totals[2010].ownSources);
    expect(r.fundingSources.reduce((n, s) => n + s.years[0].amount, 0)).toBe(r.totals[2010].financing);
  });

  it('gives each year its balance: the stated sums and the memo rows it compares', () => {
    expect(r.balance).toHaveLength(1);
    const b = r.balance[0];
    expect(b).toMatchObject({ year: 2010, balanced: true });
    expect([sourceCellRef(b.statedBudget!), sourceCellRef(b.statedFinancing!)]).toEqual([
      'Budsjett!B11',
      'Finansiering!B9',
    ]);
    expect(b.memos.map((m) => [m.label, sourceCellRef(m.cell), m.cell.reading])).toEqual([
      ['SNRs bidrag', 'Finansiering!B10', 'number'],
    ]);
  });

  it('keeps the register as read, its entries still made only when asked for', () => {
    const fresh = sample();
    expect(typeof Object.getOwnPropertyDescriptor(fresh.register!, 'entries')?.get).toBe('function');
    expect(fresh.register!.sources.map((s) => s.name)).toContain('SNRs bidrag');
  });
});

describe('a two-year plan with a project on two lines', () => {
  const built = planWorkbook({
    years: [2012, 2013],
    lines: [
      { label: 'Drift', amounts: [50_000, 60_000], entry: { kind: 'operations', contributionKr: null } },
      {
        label: 'Beta',
        amounts: [250_000, 170_000],
        entry: { contributionKr: 400_000, basis: 'totalt', aliases: ['Beta del 2'] },
      },
      { label: 'Alfa', amounts: [100_000, 100_000] },
      { label: 'Beta del 2', amounts: [30_000, 40_000], entry: null },
    ],
    earmarks: [{ source: 'Innovasjon Norge', line: 'Beta', amounts: [100_000, 20_000] }],
    extraEntries: [entry({ id: '9', name: 'Bare arbeid' })],
  });
  const r = reconcile(built.workbook);

  it('sums the project over its lines in each year, and lists its lines in the sheet’s order', () => {
    expect(r.years).toEqual([2012, 2013]);
    const beta = r.projects.find((p) => p.fields.name === 'Beta')!;
    expect(beta.lines.map((i) => r.lines[i].label)).toEqual(['Beta', 'Beta del 2']);
    expect(beta.years).toEqual([
      { year: 2012, budget: ore(280_000), earmarked: ore(100_000), ownFunded: ore(180_000) },
      { year: 2013, budget: ore(210_000), earmarked: ore(20_000), ownFunded: ore(190_000) },
    ]);
    // 370 000 paid against 400 000 promised in total: the finding is Beta's.
    expect(beta.findings.map((f) => [f.code, f.projectId])).toEqual([['CONTRIBUTION_MISMATCH', '2']]);
    expect(r.projects.filter((p) => p !== beta).flatMap((p) => p.findings)).toEqual([]);
    expect(r.lines[3].years.map((y) => y.earmarks)).toEqual([[], []]);
  });

  it('keeps per-year arrays in the order of the years', () => {
    for (const line of r.lines) expect(line.years.map((y) => y.year)).toEqual([2012, 2013]);
    for (const e of r.entries) expect(e.years.map((y) => y.year)).toEqual([2012, 2013]);
    for (const s of r.fundingSources) expect(s.years).toHaveLength(2);
    expect(r.balance.map((b) => b.year)).toEqual([2012, 2013]);
  });

  it('reports one year with --year, every per-year array narrowed to it', () => {
    const one = reconcile(built.workbook, { year: 2013 });
    expect(one.years).toEqual([2013]);
    expect(one.lines.map((l) => l.years.map((y) => y.year))).toEqual([[2013], [2013], [2013], [2013]]);
    expect(one.projects.find((p) => p.fields.name === 'Beta')!.years).toEqual([
      { year: 2013, budget: ore(210_000), earmarked: ore(20_000), ownFunded: ore(190_000) },
    ]);
    expect(one.balance.map((b) => b.year)).toEqual([2013]);
    expect(nonPlain(one)).toEqual([]);
  });
});

describe('a workbook without a register', () => {
  const r = reconcile(withSheet(modelToSnapshot(sampleWorkbookModel()), REGISTER_SHEET, null));

  it('has no register, no entries and no projects; its lines are tied to nothing', () => {
    expect(r.registerFigures).toBe(false);
    expect(r.register).toBeNull();
    expect(r.entries).toEqual([]);
    expect(r.projects).toEqual([]);
    expect(r.nonMoneyProjects).toEqual([]);
    expect(r.lines).toHaveLength(9);
    expect(r.lines.every((l) => l.entry === null)).toBe(true);
    expect(nonPlain(r)).toEqual([]);
  });

  it('keeps the budget and its cells, and says earmarked and own-funded are not computed (null)', () => {
    const akk = r.lines.find((l) => l.label === 'Akkvisisjon')!.years[0];
    expect(akk).toMatchObject({ budget: ore(300_000), earmarked: null, ownFunded: null, earmarks: [] });
    expect(sourceCellRef(akk.budgetCell!)).toBe('Budsjett!B9');
    expect(r.totals[2010]).toMatchObject({ earmarked: null, ownFunded: null, ownSources: null });
  });

  it('has every source unregistered, none earmarking as an external one', () => {
    expect(r.fundingSources.length).toBeGreaterThan(0);
    expect(r.fundingSources.every((s) => s.kind === 'unregistered' && !s.earmarksLines)).toBe(true);
    expect(r.fundingSources.reduce((n, s) => n + s.years[0].amount, 0)).toBe(r.totals[2010].financing);
    // The memo row is compared only with own sources, which need the register.
    expect(r.balance[0].memos).toEqual([]);
  });
});

describe('what reads the result', () => {
  const root = path.join(__dirname, '../..');
  /** Every .ts/.tsx file under `dir`. */
  const files = (dir: string): string[] =>
    fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((d) => {
      const rel = `${dir}/${d.name}`;
      return d.isDirectory() ? files(rel) : /\.tsx?$/.test(d.name) ? [rel] : [];
    });
  const ENGINE =
    /from '[./]*(?:domain\/)?(?:reconcile\/(?:plan|figures|registerIndex|toResult|notComputed)|register\/entryFields|tables\/amountTable|labelIndex|rules)'/;

  it('imports nothing of the engine’s internal shapes: outputs, app, pane, report and CLI', () => {
    const readers = [
      ...files('src/domain/outputs'),
      ...files('src/app'),
      ...files('src/taskpane'),
      ...files('src/cli'),
      'src/domain/report.ts',
      'src/domain/reconcile/result.ts',
    ];
    const offending = readers.filter((f) => ENGINE.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(offending).toEqual([]);
  });

  it('finds no `plan.index` anywhere under src', () => {
    const all = files('src').filter((f) =>
      fs.readFileSync(path.join(root, f), 'utf8').includes('plan.index'),
    );
    expect(all).toEqual([]);
  });
});
