/**
 * Properties of the reconciliation engine over generated workbooks.
 */
import fc from 'fast-check';
import { formatNok, kronerToOre } from '../../src/domain/amount';
import { FINDING_CODES, SEVERITY, type Finding } from '../../src/domain/findings';
import { normalizeLabel } from '../../src/domain/match';
import { modelToSnapshot } from '../../src/domain/modelToSnapshot';
import { reconcile, type ReconciliationResult } from '../../src/domain/reconcile/reconcile';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/domain/snapshot';
import { isSumLabel } from '../../src/domain/tables/amountTable';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import {
  planWorkbook,
  registerSheet,
  sheet,
  split,
  withSheet,
  type BuiltPlan,
  type PlanLine,
} from '../helpers/workbook';

const MAX_YEARS = 3;
const MAX_LINES = 30;
const OWN_NAMES = ['SNR', 'Bruk fond SNR', 'Kommunene'];
const EXTERNAL_NAMES = ['Innovasjon Norge', 'Akershus fylkeskommune'];
const RESERVED = new Set([...OWN_NAMES, ...EXTERNAL_NAMES, 'SNRs bidrag'].map(normalizeLabel));

/** Budget line labels: a letter first, unique after normalising, never a sum label or a source name. */
const labelArb = fc
  .stringMatching(/^[A-Za-zÆØÅæøåé][A-Za-zÆØÅæøåé0-9 ,.&()/-]{0,24}$/)
  .filter((s) => normalizeLabel(s) !== '' && !isSumLabel(s.trim()) && !RESERVED.has(normalizeLabel(s)));
const labelsArb = fc.uniqueArray(labelArb, {
  minLength: 1,
  maxLength: MAX_LINES,
  size: 'max',
  selector: (s) => normalizeLabel(s),
});

const kroner = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.constant(10_000_000) },
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 10_000_000 }) },
);
const perYear = fc.array(kroner, { minLength: MAX_YEARS, maxLength: MAX_YEARS });

interface GenPlan {
  firstYear: number;
  nYears: number;
  labels: string[];
  budgets: number[][];
  /** [line][external source] -> included, amounts per year (unclamped). */
  earmarks: { on: boolean; amounts: number[] }[][];
  ownWeights: number[];
  shift: { row: number; col: number };
}

const genPlanArb: fc.Arbitrary<GenPlan> = fc.record({
  firstYear: fc.integer({ min: 2000, max: 2040 }),
  nYears: fc.integer({ min: 1, max: MAX_YEARS }),
  labels: labelsArb,
  budgets: fc.array(perYear, { minLength: MAX_LINES, maxLength: MAX_LINES }),
  earmarks: fc.array(
    fc.array(fc.record({ on: fc.boolean(), amounts: perYear }), { minLength: 2, maxLength: 2 }),
    {
      minLength: MAX_LINES,
      maxLength: MAX_LINES,
    },
  ),
  ownWeights: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: OWN_NAMES.length }),
  shift: fc.record({ row: fc.integer({ min: 0, max: 5000 }), col: fc.integer({ min: 0, max: 800 }) }),
});

/** Turns a generated plan into a plan spec; with `clamp`, earmarks never exceed the line's budget. */
function build(g: GenPlan, clamp: boolean, lineOverride?: (i: number, l: PlanLine) => PlanLine): BuiltPlan {
  const years = Array.from({ length: g.nYears }, (_, i) => g.firstYear + i);
  let lines: PlanLine[] = g.labels.map((label, i) => ({ label, amounts: g.budgets[i].slice(0, g.nYears) }));
  const earmarks: { source: string; line: string; amounts: number[] }[] = [];
  g.labels.forEach((label, i) => {
    const used = years.map(() => 0);
    g.earmarks[i].forEach((e, s) => {
      if (!e.on) return;
      const amounts = years.map((_, y) => {
        const a = clamp ? Math.min(e.amounts[y], g.budgets[i][y] - used[y]) : e.amounts[y];
        used[y] += a;
        return a;
      });
      earmarks.push({ source: EXTERNAL_NAMES[s], line: label, amounts });
    });
  });
  // Group the earmarks by source, as the sheet lists them.
  earmarks.sort((a, b) => EXTERNAL_NAMES.indexOf(a.source) - EXTERNAL_NAMES.indexOf(b.source));
  if (lineOverride) lines = lines.map((l, i) => lineOverride(i, l));
  const leftover = years.map(
    (_, y) => lines.reduce((s, l) => s + l.amounts[y], 0) - earmarks.reduce((s, e) => s + e.amounts[y], 0),
  );
  const parts = years.map((_, y) => split(leftover[y], g.ownWeights));
  const own = g.ownWeights.map((_, k) => ({ name: OWN_NAMES[k], amounts: years.map((_, y) => parts[y][k]) }));
  return planWorkbook({ years, lines, own, earmarks });
}

const serious = (r: ReconciliationResult) =>
  r.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
const brief = (f: Finding) =>
  `${f.code} ${f.year ?? ''} ${f.projectId ?? ''} ${f.params.label ?? ''} ${f.cells.join(',')}`;

/** Per year and line: budget and earmarked as built, and budget = earmarked + ownFunded. */
function checkLineFigures(r: ReconciliationResult, built: BuiltPlan, g: GenPlan) {
  expect(r.lines.map((l) => l.label)).toEqual(g.labels.map((l) => l.trim()));
  r.years.forEach((year, y) => {
    const lines = r.lines.map((line) => line.years[y]);
    expect(lines).toHaveLength(g.labels.length);
    lines.forEach((l, i) => {
      expect(l.earmarked! + l.ownFunded!).toBe(l.budget);
      expect(l.budget).toBe(kronerToOre(g.budgets[i][y]));
      expect(l.earmarked).toBe(kronerToOre(built.earmarked[i][y]));
    });
    const t = r.totals[year];
    expect(t.ownFunded).toBe(t.ownSources);
    expect(t.budget).toBe(kronerToOre(built.budgetTotal[y]));
    expect(t.financing).toBe(t.budget);
    expect(t.earmarked! + t.ownFunded!).toBe(t.budget);
  });
}

describe('consistent generated plans', () => {
  it('give no error or warning, balance, and budget = earmarked + own-funded on every line', () => {
    fc.assert(
      fc.property(genPlanArb, (g) => {
        const built = build(g, true);
        const r = reconcile(built.workbook);
        expect(serious(r).map(brief)).toEqual([]);
        expect(r.balanced).toBe(true);
        expect(r.years).toEqual(Array.from({ length: g.nYears }, (_, i) => g.firstYear + i));
        checkLineFigures(r, built, g);
        // The same tables elsewhere on their sheets read the same.
        const moved: WorkbookSnapshot = {
          sheets: built.workbook.sheets.map((s, i) =>
            i < 2
              ? { ...s, origin: { row: s.origin.row + g.shift.row, col: s.origin.col + g.shift.col } }
              : s,
          ),
        };
        const m = reconcile(moved);
        expect(serious(m).map(brief)).toEqual([]);
        expect(m.totals).toEqual(r.totals);
      }),
      { numRuns: 150 },
    );
  });

  it('with earmarks beyond budgets: still budget = earmarked + own-funded, and OVERFINANCED exactly where earmarked > budget', () => {
    fc.assert(
      fc.property(genPlanArb, (g) => {
        const built = build(g, false);
        const r = reconcile(built.workbook);
        checkLineFigures(r, built, g);
        const expected: string[] = [];
        g.labels.forEach((label, i) =>
          built.earmarked[i].forEach((e, y) => {
            if (e > g.budgets[i][y]) expected.push(`${String(i + 1)}|${g.firstYear + y}|${label.trim()}`);
          }),
        );
        const over = r.findings.filter((f) => f.code === 'OVERFINANCED');
        expect(over.map((f) => `${f.projectId}|${f.year}|${f.params.label}`).sort()).toEqual(expected.sort());
        for (const f of over) {
          expect(f.difference).toBe((f.actual ?? NaN) - (f.expected ?? NaN));
          expect(f.difference).toBeGreaterThan(0);
        }
        expect(
          serious(r)
            .filter((f) => f.code !== 'OVERFINANCED')
            .map(brief),
        ).toEqual([]);
        expect(r.balanced).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

/** A finding without its cells (they move with the rows), for comparing as a set. */
const essence = (f: Finding) =>
  JSON.stringify({
    code: f.code,
    severity: f.severity,
    projectId: f.projectId ?? null,
    year: f.year ?? null,
    expected: f.expected ?? null,
    actual: f.actual ?? null,
    difference: f.difference ?? null,
    suggestion: f.suggestion ?? null,
  });
const essences = (r: ReconciliationResult) => r.findings.map(essence).sort();

describe('row order of the budget sheet', () => {
  const perturbArb = fc.array(
    fc.record({
      unregistered: fc.oneof(
        { weight: 5, arbitrary: fc.constant(false) },
        { weight: 1, arbitrary: fc.constant(true) },
      ),
      contributionDelta: fc.oneof(
        { weight: 3, arbitrary: fc.constant(0) },
        { weight: 1, arbitrary: fc.integer({ min: -50_000, max: 50_000 }) },
      ),
      asText: fc.oneof(
        { weight: 4, arbitrary: fc.constant(false) },
        { weight: 1, arbitrary: fc.constant(true) },
      ),
      sortKey: fc.integer(),
    }),
    { minLength: MAX_LINES, maxLength: MAX_LINES },
  );

  it('does not change any finding (cells aside)', () => {
    fc.assert(
      fc.property(
        genPlanArb,
        fc.boolean(),
        perturbArb,
        fc.integer({ min: -3, max: 3 }),
        (g, clamp, perturb, sumDelta) => {
          const built = build(g, clamp, (i, l) => (perturb[i].unregistered ? { ...l, entry: null } : l));
          // Contributions that differ from what the council pays.
          const entries = built.register.entries.map((e) => {
            const i = Number(e.id) - 1;
            const d = perturb[i]?.contributionDelta ?? 0;
            return d !== 0 && e.contribution !== null
              ? { ...e, contribution: e.contribution + kronerToOre(d) }
              : e;
          });
          const reg = registerSheet({ ...built.register, entries });
          // Some amounts stored as text, a stated sum that may be off.
          const values = built.budget.values.map((row) => [...row]);
          const n = g.labels.length;
          for (let i = 0; i < n; i++) {
            if (perturb[i].asText)
              values[1 + i][1] = formatNok(kronerToOre(values[1 + i][1] as number), 'nb');
          }
          values[n + 1][1] = (values[n + 1][1] as number) + sumDelta * 1000;
          const budget: SheetSnapshot = { ...built.budget, values };
          const base: WorkbookSnapshot = withSheet(
            withSheet(built.workbook, 'Budsjett', budget),
            'Prosjektregister',
            reg,
          );

          const order = Array.from({ length: n }, (_, i) => i).sort(
            (a, b) => perturb[a].sortKey - perturb[b].sortKey || a - b,
          );
          const shuffled: SheetSnapshot = {
            ...budget,
            values: [values[0], ...order.map((i) => values[1 + i]), ...values.slice(n + 1)],
          };
          const before = reconcile(base);
          const after = reconcile(withSheet(base, 'Budsjett', shuffled));
          expect(essences(after)).toEqual(essences(before));
          expect(after.totals).toEqual(before.totals);
          expect(after.balanced).toBe(before.balanced);
        },
      ),
      { numRuns: 120 },
    );
  });
});

// ---------------------------------------------------------------------------
// Arbitrary grids

const CELL_ADDRESS = /^('[^']+'|[^!]+)!\$?[A-Z]{1,3}\$?\d+$/;
const KNOWN_CODES = new Set<string>(FINDING_CODES);

const TRICKY_TEXT = [
  '2010',
  '2011',
  'Budsjett 2010',
  'Budsjett 2011',
  'Finansiering 2012',
  'Sum',
  'SUM',
  'Totalt',
  'i alt',
  '1. 500.000',
  'kr 100 000',
  '(5 000)',
  '-(5 000)',
  '2-300.000',
  'ca kr 2-300.000',
  '3\u00a0430\u00a0000',
  '1,234.50',
  '=SUM(A1)',
  '+100',
  '1e5',
  'se note',
  '',
  '   ',
  'Innovasjon Norge,',
  'Akershus Fylkeskommune:',
  'SNR',
  'Bruk fond SNR',
  'SNRs bidrag',
  'Mrk. Finansiering SNP 2009 er kr 1.810.000',
  'formatVersion',
  'id',
  'name',
  'kind',
  'contribution',
  'basis',
  'budgetLine',
  'aliases',
  'own',
  'external',
  'memo',
  'per år',
  'totalt',
  'operations',
  'Helsesdesign Arena',
  'Ærlig østlig ål',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀',
  'e\u0301',
  '\u202e',
  '9'.repeat(40),
];

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constant(null),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0.005, -1e300, 2 ** 60, 1e21),
  fc.integer({ min: -10_000_000, max: 10_000_000 }),
  fc.integer({ min: 1890, max: 2110 }),
  fc.constantFrom(...TRICKY_TEXT),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.boolean(),
  fc.constantFrom<CellValue>({ error: '#REF!' }, { error: '#DIV/0!' }, { error: '#N/A' }),
);

const sheetNameArb = fc.oneof(
  fc.constantFrom(
    'Budsjett',
    'Finansiering',
    'Prosjektregister',
    'Budget',
    'Financing',
    'budsjett',
    'Finansiering 2012',
    'Mitt budsjett',
    'Ark1',
    'A1',
    'Æøå',
    'Sheet (2)',
  ),
  fc.string({ minLength: 1, maxLength: 31 }).filter((s) => !s.includes("'")),
);

const gridSheetArb = fc.record({
  name: sheetNameArb,
  rows: fc.array(fc.array(cellArb, { maxLength: 8, size: 'max' }), { maxLength: 30, size: 'max' }),
  origin: fc.record({
    row: fc.integer({ min: 0, max: 1_048_000 }),
    col: fc.integer({ min: 0, max: 16_000 }),
  }),
  indents: fc.option(fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 8 }), { maxLength: 30 })),
});

function checkResult(r: ReconciliationResult) {
  for (const f of r.findings) {
    expect(KNOWN_CODES.has(f.code)).toBe(true);
    expect(f.severity).toBe(SEVERITY[f.code]);
    for (const c of f.cells) {
      if (!CELL_ADDRESS.test(c)) throw new Error(`bad cell address ${JSON.stringify(c)} in ${f.code}`);
    }
    for (const k of ['expected', 'actual', 'difference'] as const) {
      const v = f[k];
      if (v !== undefined && !Number.isSafeInteger(v)) throw new Error(`${f.code}.${k} is ${v}`);
    }
  }
  for (const t of Object.values(r.totals)) {
    // null: not computed (no register); never 0 for that.
    for (const v of Object.values(t)) expect(v === null || Number.isSafeInteger(v)).toBe(true);
  }
}

const optionsArb = fc.record(
  {
    year: fc.integer({ min: 2008, max: 2013 }),
    budgetSheet: sheetNameArb,
    financingSheet: sheetNameArb,
  },
  { requiredKeys: [] },
);

describe('any grid', () => {
  it('is reconciled without throwing, with known codes, their severity and valid cell addresses', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(gridSheetArb, { maxLength: 4, selector: (s) => s.name.trim().toLowerCase() }),
        fc.option(optionsArb),
        (sheets, options) => {
          const wb: WorkbookSnapshot = {
            sheets: sheets.map((s) =>
              sheet(s.name, s.rows, { origin: s.origin, indents: s.indents ?? undefined }),
            ),
          };
          checkResult(reconcile(wb, options ?? {}));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a real plan with random cells overwritten is reconciled without throwing', () => {
    const sample = modelToSnapshot(sampleWorkbookModel());
    const edit = fc.record({
      sheet: fc.integer({ min: 0, max: sample.sheets.length - 1 }),
      row: fc.integer({ min: 0, max: 20 }),
      col: fc.integer({ min: 0, max: 20 }),
      value: cellArb,
    });
    fc.assert(
      fc.property(
        fc.array(edit, { minLength: 1, maxLength: 12 }),
        fc.option(optionsArb),
        (edits, options) => {
          const values = sample.sheets.map((s) => s.values.map((r) => [...r]));
          for (const e of edits) {
            const grid = values[e.sheet];
            while (grid.length <= e.row) grid.push([]);
            const row = grid[e.row];
            while (row.length <= e.col) row.push(null);
            row[e.col] = e.value;
          }
          const wb: WorkbookSnapshot = {
            sheets: sample.sheets.map((s, i) =>
              sheet(s.name, values[i], { indents: s.indents?.map((r) => [...r]) }),
            ),
          };
          checkResult(reconcile(wb, options ?? {}));
        },
      ),
      { numRuns: 200 },
    );
  });
});
