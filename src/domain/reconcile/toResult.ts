/**
 * The engine's side of the result contract (result.ts): the ReconciliationResult built from the
 * engine's internal shapes (the plan, the register's look-up, the year figures), once, at the end
 * of `reconcile()`. Nothing of those shapes is put into the result: what the outputs need of them
 * (amounts, and the cells they were read from) is copied out as plain data.
 *
 * Linear in the plan's size, with no closure per line: the lines are made in one pass, the
 * earmarks bucketed by line in one pass over the financing per year, the entries' lines taken
 * from the plan's grouping (LinesOfEntry) and the findings grouped by project id once. What only
 * the outputs and the pane read (lines, entries, projects, funding sources) is made on first read.
 */
import type { Ore } from '../amount';
import type { Finding } from '../findings';
import type { RegisterEntry } from '../register/types';
import type { AmountCell } from '../tables/amountTable';
import type { SheetSnapshot } from '../snapshot';
import type { YearFigures } from './figures';
import { hasRegisterFigures } from './notComputed';
import type { Plan } from './plan';
import type { RegisterIndex } from './registerIndex';
import { resultReview } from './review';
import type {
  EarmarkResult,
  EntryResult,
  EntryYear,
  FundingSourceResult,
  LineResult,
  LineYear,
  MemoResult,
  ReconciliationResult,
  ResultReview,
  SourceCell,
  SourcesRead,
  YearBalance,
  YearTotals,
} from './result';

/** What the engine hands over: its internal shapes, and what it found. */
export interface EngineOutcome {
  readonly plan: Plan;
  /** The register's look-up; null without a register. */
  readonly index: RegisterIndex | null;
  /** The figures of the years reported, in year order. */
  readonly figures: readonly YearFigures[];
  /** Every finding to report. */
  readonly findings: readonly Finding[];
  readonly sources: SourcesRead;
  /** The review log's sheet as read (its cells); null when the workbook has none. */
  readonly reviewSheet: SheetSnapshot | null;
  /** With `--year`: the result of every year, for the sign-off (reconcile/review.ts); else absent. */
  readonly wholeResult?: () => ReconciliationResult;
}

const NONE: readonly never[] = Object.freeze([]);

export function toResult(outcome: EngineOutcome): ReconciliationResult {
  const { plan, index, figures, findings } = outcome;
  const registerFigures = hasRegisterFigures(index);
  const totals: Record<number, YearTotals> = {};
  for (const f of figures) {
    totals[f.year] = {
      budget: f.budget,
      financing: f.financing,
      ownFunded: registerFigures ? f.ownFunded : null,
      ownSources: registerFigures ? f.ownSources : null,
      earmarked: registerFigures ? f.earmarked : null,
    };
  }

  let lines: readonly LineResult[] | null = null;
  let entries: readonly EntryResult[] | null = null;
  let projects: readonly EntryResult[] | null = null;
  let fundingSources: readonly FundingSourceResult[] | null = null;
  let review: ResultReview | null = null;
  const allEntries = () => (entries ??= entriesOf(plan, index, figures, findings));
  const result: ReconciliationResult = {
    years: figures.map((f) => f.year),
    balanced:
      plan.budget !== null &&
      plan.financing !== null &&
      figures.length > 0 &&
      figures.every((f) => f.budget === f.financing),
    registerFigures,
    totals,
    balance: figures.map((f) => yearBalance(plan, f)),
    findings,
    nonMoneyProjects: nonMoneyProjects(plan, index),
    sources: outcome.sources,
    register: index?.register ?? null,
    get lines() {
      return (lines ??= linesOf(plan, figures, registerFigures));
    },
    get entries() {
      return allEntries();
    },
    get projects() {
      return (projects ??= allEntries().filter((e) => e.fields.kind === 'project'));
    },
    get fundingSources() {
      return (fundingSources ??= fundingSourcesOf(plan, figures, registerFigures));
    },
    get review() {
      return (review ??= resultReview(result, outcome.reviewSheet, outcome.wholeResult));
    },
  };
  return result;
}

/** A cell the engine read, as plain data; null for none. */
function sourceCell(cell: AmountCell | undefined): SourceCell | null {
  if (cell === undefined) return null;
  const r = cell.reading;
  return {
    sheet: cell.sheet,
    row: cell.row,
    col: cell.col,
    ore: cell.ore,
    reading: r === 'number' || r === 'text' || r === 'empty' ? r : 'unreadable',
  };
}

function yearBalance(plan: Plan, f: YearFigures): YearBalance {
  const memos: MemoResult[] = [];
  for (const memo of plan.memos) {
    if (memo.source?.kind !== 'memo') continue;
    const cell = sourceCell(memo.amounts.get(f.year));
    if (cell !== null) memos.push({ label: memo.label, cell });
  }
  return {
    year: f.year,
    balanced: f.budget === f.financing,
    statedBudget: sourceCell(f.statedBudget ?? undefined),
    statedFinancing: sourceCell(f.statedFinancing ?? undefined),
    memos,
  };
}

/** Register projects that promise no money and have no budget line. */
function nonMoneyProjects(plan: Plan, index: RegisterIndex | null): Pick<RegisterEntry, 'id' | 'name'>[] {
  if (!index) return [];
  const f = index.fields;
  const out: Pick<RegisterEntry, 'id' | 'name'>[] = [];
  for (let i = 0; i < f.length; i++) {
    if (f.isProject(i) && f.contribution(i) === null && plan.linesOfEntry.first(i) < 0)
      out.push({ id: f.id(i), name: f.name(i) });
  }
  return out;
}

/** Each year's external earmarks by budget line, in the financing sheet's order (as yearFigures counts them). */
function earmarksByLine(plan: Plan, year: number): Map<number, EarmarkResult[]> {
  const byLine = new Map<number, EarmarkResult[]>();
  for (let i = 0; i < plan.funding.length; i++) {
    const item = plan.funding[i];
    if (item.kind !== 'earmark' || item.own || item.line === null) continue;
    const cell = sourceCell(item.amounts.get(year));
    if (cell === null) continue;
    const earmark: EarmarkResult = { source: item.sourceName, cell };
    const list = byLine.get(item.line);
    if (list) list.push(earmark);
    else byLine.set(item.line, [earmark]);
  }
  return byLine;
}

/** Every budget line; without register figures, no earmarks and no own funding (see LineYear). */
function linesOf(plan: Plan, figures: readonly YearFigures[], registerFigures: boolean): LineResult[] {
  const none = new Map<number, EarmarkResult[]>();
  const earmarks = figures.map((f) => (registerFigures ? earmarksByLine(plan, f.year) : none));
  const out = new Array<LineResult>(plan.lines.length);
  for (let i = 0; i < plan.lines.length; i++) {
    const row = plan.lines[i];
    const years = new Array<LineYear>(figures.length);
    for (let y = 0; y < figures.length; y++) {
      const f = figures[y];
      const budget = f.lineBudget(i);
      const earmarked = registerFigures ? f.lineEarmarked(i) : null;
      years[y] = {
        year: f.year,
        budget,
        budgetCell: sourceCell(row.amounts.get(f.year)),
        earmarks: earmarks[y].get(i) ?? NONE,
        earmarked,
        ownFunded: earmarked === null ? null : budget - earmarked,
      };
    }
    out[i] = { label: row.label, labelRef: row.labelRef, entry: row.entry, years };
  }
  return out;
}

function entriesOf(
  plan: Plan,
  index: RegisterIndex | null,
  figures: readonly YearFigures[],
  findings: readonly Finding[],
): EntryResult[] {
  if (!index) return [];
  const registered = index.register.entries;
  const byId = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.projectId === undefined || f.projectId === '') continue;
    const list = byId.get(f.projectId);
    if (list) list.push(f);
    else byId.set(f.projectId, [f]);
  }
  // An entry without a budget line: 0 in every year, one object per year shared by all of them.
  const noLine: readonly EntryYear[] = figures.map((f) =>
    Object.freeze({ year: f.year, budget: 0, earmarked: 0, ownFunded: 0 }),
  );
  const out = new Array<EntryResult>(registered.length);
  for (let i = 0; i < registered.length; i++) {
    const fields = registered[i];
    const lines = plan.linesOfEntry.all(i);
    out[i] = {
      entry: i,
      fields,
      lines,
      years: lines.length === 0 ? noLine : entryYears(figures, lines),
      findings: findingsAbout(fields, byId),
    };
  }
  return out;
}

function entryYears(figures: readonly YearFigures[], lines: readonly number[]): EntryYear[] {
  const years = new Array<EntryYear>(figures.length);
  for (let y = 0; y < figures.length; y++) {
    const f = figures[y];
    let budget: Ore = 0;
    let earmarked: Ore = 0;
    for (let k = 0; k < lines.length; k++) {
      budget += f.lineBudget(lines[k]);
      earmarked += f.lineEarmarked(lines[k]);
    }
    years[y] = { year: f.year, budget, earmarked, ownFunded: budget - earmarked };
  }
  return years;
}

/** The findings naming the entry's id, and its name where they name a project. */
function findingsAbout(entry: RegisterEntry, byId: ReadonlyMap<string, Finding[]>): readonly Finding[] {
  if (entry.id === '') return NONE;
  const withId = byId.get(entry.id);
  if (withId === undefined) return NONE;
  return withId.filter(
    (f) => f.params.name === undefined || f.params.name === entry.name || f.params.other === entry.name,
  );
}

function fundingSourcesOf(
  plan: Plan,
  figures: readonly YearFigures[],
  registerFigures: boolean,
): FundingSourceResult[] {
  type Building = {
    name: string;
    kind: FundingSourceResult['kind'];
    earmarksLines: boolean;
    years: { amount: Ore; cells: SourceCell[] }[];
  };
  const byName = new Map<string, Building>();
  for (const item of plan.funding) {
    let source = byName.get(item.sourceName);
    if (source === undefined) {
      source = {
        name: item.sourceName,
        kind: item.source === null ? 'unregistered' : item.source.kind === 'own' ? 'own' : 'external',
        earmarksLines: false,
        years: figures.map(() => ({ amount: 0, cells: [] })),
      };
      byName.set(item.sourceName, source);
    }
    if (registerFigures && item.kind === 'earmark' && !item.own && item.line !== null)
      source.earmarksLines = true;
    for (let y = 0; y < figures.length; y++) {
      const cell = sourceCell(item.amounts.get(figures[y].year));
      if (cell === null) continue;
      source.years[y].cells.push(cell);
      source.years[y].amount += cell.ore;
    }
  }
  return [...byName.values()];
}
