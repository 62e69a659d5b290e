import type { Ore } from '../amount';
import type { AmountCell } from '../tables/amountTable';
import type { FundingItem, Plan } from './plan';

export interface EarmarkFigure {
  /** Index into plan.funding. */
  readonly item: number;
  readonly amount: Ore;
  readonly ref: string;
}

/** One budget line in one year: budget − earmarked = ownFunded, always. */
export interface LineFigures {
  /** Index into plan.lines. */
  readonly line: number;
  readonly budget: Ore;
  readonly budgetRef: string | null;
  readonly earmarks: readonly EarmarkFigure[];
  readonly earmarked: Ore;
  readonly ownFunded: Ore;
}

export interface YearFigures {
  readonly year: number;
  /** Every budget line's figures, in plan order (built on first use). */
  readonly lines: readonly LineFigures[];
  /** Line i's budget, earmarked and own-funded amounts, without an object per line. */
  lineBudget(i: number): Ore;
  lineEarmarked(i: number): Ore;
  lineOwnFunded(i: number): Ore;
  line(i: number): LineFigures;
  readonly budget: Ore;
  readonly financing: Ore;
  readonly earmarked: Ore;
  readonly ownFunded: Ore;
  readonly ownSources: Ore;
  /** Cells of the own sources' amounts this year. */
  readonly ownSourceRefs: readonly string[];
  readonly statedBudget: AmountCell | null;
  readonly statedFinancing: AmountCell | null;
}

const NONE: readonly EarmarkFigure[] = Object.freeze([]);

/** An earmark's figure; its cell's address is made when asked for (findings and outputs only). */
class Earmark implements EarmarkFigure {
  constructor(
    private readonly funding: FundingItem,
    private readonly year: number,
    readonly item: number,
    readonly amount: Ore,
  ) {}

  get ref(): string {
    return this.funding.amounts.get(this.year)!.ref;
  }
}

class Line implements LineFigures {
  readonly ownFunded: Ore;

  constructor(
    readonly line: number,
    readonly budget: Ore,
    private readonly cell: AmountCell | undefined,
    readonly earmarks: readonly EarmarkFigure[],
    readonly earmarked: Ore,
  ) {
    this.ownFunded = budget - earmarked;
  }

  get budgetRef(): string | null {
    return this.cell?.ref ?? null;
  }
}

/**
 * A year's figures, kept per column (amounts in typed arrays; øre stay exact
 * in a float64 up to 2^53): a plan may have 100 000 lines, and the rules
 * read three numbers of each.
 */
class Figures implements YearFigures {
  private lineList: LineFigures[] | null = null;

  constructor(
    private readonly plan: Plan,
    readonly year: number,
    private readonly budgets: Float64Array,
    private readonly earmarkedBy: Float64Array,
    /** Earmarks by line, only for lines that have some. */
    private readonly earmarksByLine: ReadonlyMap<number, readonly EarmarkFigure[]>,
    readonly budget: Ore,
    readonly financing: Ore,
    readonly earmarked: Ore,
    readonly ownSources: Ore,
    readonly ownSourceRefs: readonly string[],
    readonly statedBudget: AmountCell | null,
    readonly statedFinancing: AmountCell | null,
  ) {}

  get ownFunded(): Ore {
    return this.budget - this.earmarked;
  }

  lineBudget(i: number): Ore {
    return this.budgets[i];
  }

  lineEarmarked(i: number): Ore {
    return this.earmarkedBy[i];
  }

  lineOwnFunded(i: number): Ore {
    return this.budgets[i] - this.earmarkedBy[i];
  }

  line(i: number): LineFigures {
    if (this.lineList) return this.lineList[i];
    return new Line(
      i,
      this.budgets[i],
      this.plan.lines[i].amounts.get(this.year),
      this.earmarksByLine.get(i) ?? NONE,
      this.earmarkedBy[i],
    );
  }

  get lines(): readonly LineFigures[] {
    if (this.lineList === null) {
      const list: LineFigures[] = [];
      for (let i = 0; i < this.budgets.length; i++) list.push(this.line(i));
      this.lineList = list;
    }
    return this.lineList;
  }
}

/** The year's figures. Only earmarks from sources that are not the council's own count as earmarked. */
export function yearFigures(plan: Plan, year: number): YearFigures {
  const n = plan.lines.length;
  const earmarksByLine = new Map<number, EarmarkFigure[]>();
  const earmarkedBy = new Float64Array(n);
  let financing = 0;
  let ownSources = 0;
  const ownSourceRefs: string[] = [];
  // Indexed, and no cell object or address per funding row (10 000 of them at 100 000 lines).
  for (let i = 0; i < plan.funding.length; i++) {
    const item = plan.funding[i];
    if (!item.amounts.has(year)) continue;
    const ore = item.amounts.ore(year);
    financing += ore;
    if (item.own) {
      ownSources += ore;
      ownSourceRefs.push(item.amounts.get(year)!.ref);
    } else if (item.kind === 'earmark' && item.line !== null) {
      const list = earmarksByLine.get(item.line);
      const figure = new Earmark(item, year, i, ore);
      if (list) list.push(figure);
      else earmarksByLine.set(item.line, [figure]);
      earmarkedBy[item.line] += ore;
    }
  }

  const budgets = new Float64Array(n);
  let budget = 0;
  let earmarked = 0;
  for (let i = 0; i < n; i++) {
    const b = plan.lines[i].amounts.ore(year);
    budgets[i] = b;
    budget += b;
    earmarked += earmarkedBy[i];
  }

  return new Figures(
    plan,
    year,
    budgets,
    earmarkedBy,
    earmarksByLine,
    budget,
    financing,
    earmarked,
    ownSources,
    ownSourceRefs,
    plan.budget?.sumRow?.amounts.get(year) ?? null,
    plan.financing?.sumRow?.amounts.get(year) ?? null,
  );
}
