import type { Ore } from '../amount';
import type { AmountCell } from '../tables/amountTable';
import type { Plan } from './plan';

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
  readonly lines: readonly LineFigures[];
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

/** The year's figures. Only earmarks from sources that are not the council's own count as earmarked. */
export function yearFigures(plan: Plan, year: number): YearFigures {
  const earmarksByLine = new Map<number, EarmarkFigure[]>();
  let financing = 0;
  let ownSources = 0;
  const ownSourceRefs: string[] = [];
  plan.funding.forEach((item, i) => {
    const cell = item.amounts.get(year);
    if (!cell) return;
    financing += cell.ore;
    if (item.own) {
      ownSources += cell.ore;
      ownSourceRefs.push(cell.ref);
    } else if (item.kind === 'earmark' && item.line !== null) {
      const list = earmarksByLine.get(item.line) ?? [];
      list.push({ item: i, amount: cell.ore, ref: cell.ref });
      earmarksByLine.set(item.line, list);
    }
  });

  let budget = 0;
  let earmarked = 0;
  const lines: LineFigures[] = plan.lines.map((line, i) => {
    const cell = line.amounts.get(year);
    const b = cell?.ore ?? 0;
    const earmarks = earmarksByLine.get(i) ?? NONE;
    let e = 0;
    for (const x of earmarks) e += x.amount;
    budget += b;
    earmarked += e;
    return new Line(i, b, cell, earmarks, e);
  });

  return {
    year,
    lines,
    budget,
    financing,
    earmarked,
    ownFunded: budget - earmarked,
    ownSources,
    ownSourceRefs,
    statedBudget: plan.budget?.sumRow?.amounts.get(year) ?? null,
    statedFinancing: plan.financing?.sumRow?.amounts.get(year) ?? null,
  };
}
