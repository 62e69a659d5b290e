/**
 * The result of a reconciliation: the contract between the engine and everything downstream of
 * it (the outputs written into the workbook, the task pane, the CLI report).
 *
 * Plain, read-only data: objects, arrays, strings, numbers, booleans and null, and the register
 * and findings as the domain defines them. No engine internals are reachable from it: the engine
 * keeps its fast shapes (tables by column, entry fields by index, the register's look-up) behind
 * this line, and `toResult()` builds the result from them once, at the end of `reconcile()`.
 *
 * Indices: `lines[i].entry` and a project's `entry` are indices into `entries`, which is the
 * register's entries in register order (ids need not be unique: the sample has 1.3 twice, so a
 * project is named by its index). Every per-year array (`LineResult.years`,
 * `EntryResult.years`, `FundingSourceResult.years`, `balance`) follows `years`, in order.
 *
 * What only the outputs and the pane need (lines, entries, projects, funding sources) is made on
 * first read, once, by a getter: a plan may have 100 000 lines, and the CLI report reads none of
 * it. The getters are own and enumerable, so spreading or serialising a result reads them.
 *
 * Amounts are øre (`Ore`), as everywhere in the domain.
 */
import type {
  Explanation,
  ReviewCounts,
  ReviewedFinding,
  ReviewInput,
  ReviewProblem,
  ReviewState,
  SignOffState,
} from '../review';
import { qualifiedRef } from '../address';
import type { Ore } from '../amount';
import type { Finding } from '../findings';
import type { Register, RegisterEntry } from '../register/types';

/**
 * A year's totals. Own-funded, own sources and earmarked need the register
 * (which sources are the council's own, which line an earmark names): null
 * when there is none or it is empty (`registerFigures` false), never 0.
 */
export interface YearTotals {
  readonly budget: Ore;
  readonly financing: Ore;
  readonly ownFunded: Ore | null;
  readonly ownSources: Ore | null;
  readonly earmarked: Ore | null;
}

/**
 * A cell of the budget or financing sheet that the engine read an amount from: where it is, and
 * what was read. An output writes a formula on it (`=Budsjett!B9`) when it holds a number, and
 * the amount read otherwise (a formula cannot add text such as `1. 500.000`).
 */
export interface SourceCell {
  /** The sheet it is on (a plan kept one sheet per year has its amounts on several). */
  readonly sheet: string;
  /** 0-based row and column on that sheet. */
  readonly row: number;
  readonly col: number;
  /** The amount read, in øre; 0 when the cell is empty or could not be read (a finding names it). */
  readonly ore: Ore;
  /**
   * `number`: the cell holds a number (a formula may refer to it); `text`: the amount was read
   * from text (`kr 1.500.000`); `empty`: the cell holds no value (a formula without a result);
   * `unreadable`: neither a number nor an amount (an error value, a range such as `2-300 000`).
   */
  readonly reading: 'number' | 'text' | 'empty' | 'unreadable';
}

/** The cell's qualified address, as findings give it: `Budsjett!B9`, `'Budsjett 2014'!B3`. */
export function sourceCellRef(cell: SourceCell): string {
  return qualifiedRef(cell.sheet, cell.row, cell.col);
}

/** Money earmarked for a budget line by an external source, in one year. */
export interface EarmarkResult {
  /** The source's name (as in `fundingSources`). */
  readonly source: string;
  /** The financing sheet's cell of the earmarked row; its `ore` is the amount. */
  readonly cell: SourceCell;
}

/**
 * A budget line in one year: budget − earmarked = own-funded, always. Earmarked and own-funded
 * need the register (which sources are external), as the year's totals do: without one
 * (`registerFigures` false) they are null and `earmarks` is empty.
 */
export interface LineYear {
  readonly year: number;
  readonly budget: Ore;
  /** The line's budget cell for the year; null when the row has none (budget 0). */
  readonly budgetCell: SourceCell | null;
  /** What external sources earmark for the line (the council's own sources never count). */
  readonly earmarks: readonly EarmarkResult[];
  readonly earmarked: Ore | null;
  /** What the council itself pays for the line. */
  readonly ownFunded: Ore | null;
}

/** A row of the budget table with an amount, in the sheet's order. */
export interface LineResult {
  /** Its label, as in the sheet (`Helsesdesign Arena`). */
  readonly label: string;
  /** The label's cell (`Budsjett!A5`). */
  readonly labelRef: string;
  /**
   * The register entry (project or operations line) whose name, budget line or alias the label
   * is, as an index into `entries`; null when the register knows no such entry, or there is none.
   */
  readonly entry: number | null;
  /** Per year of `years`. */
  readonly years: readonly LineYear[];
}

/**
 * A register entry's figures in one year, summed over its budget lines. (An entry means a
 * register with something in it: `registerFigures` is true, and earmarked is computed.)
 */
export interface EntryYear {
  readonly year: number;
  readonly budget: Ore;
  readonly earmarked: Ore;
  readonly ownFunded: Ore;
}

/** A register entry (a project, or an operations line) as the reconciliation saw it. */
export interface EntryResult {
  /** Its index in `entries` and in the register's entries. */
  readonly entry: number;
  /** Its register fields, as read (`kind` says project or operations). */
  readonly fields: RegisterEntry;
  /** Its budget lines, as indices into `lines`, in the sheet's order; empty when it has none. */
  readonly lines: readonly number[];
  /** Per year of `years`: budget, earmarked and own-funded over its lines (0 without lines). */
  readonly years: readonly EntryYear[];
  /**
   * The findings about it: those naming its id and, where a finding names a project, its name
   * (the sample has two projects 1.3, and the duplicate id's finding names both). Empty: it is OK.
   */
  readonly findings: readonly Finding[];
}

/** A funding source as the financing sheet has it: its own rows and the rows earmarked under it. */
export interface FundingSourceResult {
  /** The register's name for it; the sheet's label (a group header without its `,`) when unregistered. */
  readonly name: string;
  /** What the register says it is; `unregistered` when the register does not know it (or there is none). */
  readonly kind: 'own' | 'external' | 'unregistered';
  /**
   * Whether it earmarks money for a budget line as an external source (not the council's own):
   * such a source has a column of its own on the reconciliation sheet. Never without a register
   * (`registerFigures` false): no source is known to be external then.
   */
  readonly earmarksLines: boolean;
  /** Per year of `years`: every cell of its rows that has the year, and what they add up to. */
  readonly years: readonly { readonly amount: Ore; readonly cells: readonly SourceCell[] }[];
}

/** A memo row (`SNRs bidrag`, after the sum row) that restates the council's own sources, in one year. */
export interface MemoResult {
  readonly label: string;
  readonly cell: SourceCell;
}

/** One year's balance: what is compared with what, beyond the totals. */
export interface YearBalance {
  readonly year: number;
  /** Budget equals financing this year. */
  readonly balanced: boolean;
  /** The sheets' stated sums (the `Sum` row's cell) for the year; null when the sheet states none. */
  readonly statedBudget: SourceCell | null;
  readonly statedFinancing: SourceCell | null;
  /** Memo rows the register names as such, with their cell this year (compared with the own sources). */
  readonly memos: readonly MemoResult[];
}

/** What was read: sheet names (null when missing) and the register's size. */
export interface SourcesRead {
  /** The sheet's name; the names joined with `, ` when the plan is kept one sheet per year. */
  readonly budgetSheet: string | null;
  readonly financingSheet: string | null;
  /** Every sheet read for the budget and for the financing (several: one per year). */
  readonly budgetSheets: readonly string[];
  readonly financingSheets: readonly string[];
  readonly registerSheet: string | null;
  readonly projects: number;
  readonly fundingSources: number;
}

export interface ReconciliationResult {
  /** The years reported, ascending (one with `--year`). */
  readonly years: readonly number[];
  /** True when both sheets were read and budget equals financing in every year. */
  readonly balanced: boolean;
  /**
   * False without a register or with an empty one: own-funded, own sources,
   * earmarked and everything compared with them are not computed (see
   * notComputed.ts); budget, financing and the stated sums are.
   */
  readonly registerFigures: boolean;
  /** Per year (by the year): budget, financing and, with a register, own funding. */
  readonly totals: Readonly<Record<number, YearTotals>>;
  /** Per year of `years`: the balance and the stated sums and memo rows it compares. */
  readonly balance: readonly YearBalance[];
  /** Every finding, in the rules' order; findings of other years left out with `--year`. */
  readonly findings: readonly Finding[];
  /** Projects that promise work, not money, and have no budget line (listed, not faults). */
  readonly nonMoneyProjects: readonly Pick<RegisterEntry, 'id' | 'name'>[];
  /** What was read: the sheets and the register's size. */
  readonly sources: SourcesRead;
  /** The register as read (what the pane's editor edits); null when there is none or it cannot be used. */
  readonly register: Register | null;
  /** Every budget line with an amount, in the sheet's order (made on first read). */
  readonly lines: readonly LineResult[];
  /** Every register entry, in register order: `entries[i]` is register entry i (made on first read). */
  readonly entries: readonly EntryResult[];
  /** The entries that are projects, in register order (the same objects as in `entries`). */
  readonly projects: readonly EntryResult[];
  /** The financing by source, in the order the sources first appear in the financing sheet (made on first read). */
  readonly fundingSources: readonly FundingSourceResult[];
  /**
   * The review (issue 17): the explanations and sign-offs kept in the workbook's review log, each
   * finding's status and the sign-off state (made on first read; reconcile/review.ts).
   */
  readonly review: ResultReview;
}

/** The review of this result: the log as read, each finding's status, the sign-off state. */
export interface ResultReview {
  /** The review log's sheet as named in the workbook; null when it has none (an empty log). */
  readonly sheet: string | null;
  /** The log as read: what a write appends to (and the sign-off history, `state.signOffs`). */
  readonly state: ReviewState;
  /** What is wrong with the log's sheet, each naming its cell: reported, never fatal. */
  readonly problems: readonly ReviewProblem[];
  /** Each finding with its key, status and explanation: `findings[i]` is the result's `findings[i]`. */
  readonly findings: readonly ReviewedFinding[];
  /** Explanations (the latest of their key) whose finding is not there now; kept, the finding may come back. */
  readonly orphans: readonly Explanation[];
  readonly counts: ReviewCounts;
  /** Whether the latest sign-off still holds, and if not, what changed (made on first read). */
  readonly signOff: SignOffState;
  /** What a sign-off made now would sign (`signOff(input, state.explanations, actor)`; made on first read). */
  readonly input: ReviewInput;
}
