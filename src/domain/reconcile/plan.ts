import type { Ore } from '../amount';
import { findAmountInText } from '../amount';
import { finding, type Finding } from '../findings';
import { bestMatch } from '../match';
import type { FundingSource } from '../register/types';
import type { AmountTable, TableRow, YearAmounts } from '../tables/amountTable';
import { LabelIndex } from '../labelIndex';
import { RegisterIndex } from './registerIndex';

/**
 * A budget line: a row of the budget table with an amount, tied to a
 * register entry (`entry`) when its label names one. The table's row itself:
 * a plan may have 100 000 lines, and an object per line costs.
 */
export type BudgetLine = TableRow;

/** A funding row of the financing table (a source's own row, or an earmarked row under a group). */
export interface FundingItem {
  readonly kind: 'source' | 'earmark';
  /** The sheet of its row (one of several when the plan is kept one sheet per year). */
  readonly sheet: string;
  readonly label: string;
  readonly labelRef: string;
  /** The registered source (the group's, for earmarks); null when unregistered. */
  readonly source: FundingSource | null;
  /** The name shown for the source: the register's, else the sheet's label. */
  readonly sourceName: string;
  readonly own: boolean;
  /** For earmarks: the budget line it names, or null when it names none. */
  readonly line: number | null;
  readonly amounts: YearAmounts;
}

/** A group header in the financing sheet (`Innovasjon Norge,`). */
export interface FundingGroup {
  readonly sheet: string;
  readonly label: string;
  readonly labelRef: string;
  readonly source: FundingSource | null;
}

/** A row after the sum row that restates a figure (`SNRs bidrag`). */
export interface MemoRow {
  readonly sheet: 'budget' | 'financing';
  readonly label: string;
  readonly labelRef: string;
  readonly source: FundingSource | null;
  readonly amounts: YearAmounts;
}

/** A note under a table that states an earlier year's figure. */
export interface EarlierFigure {
  readonly sheet: 'budget' | 'financing';
  readonly ref: string;
  readonly text: string;
  readonly year: number;
  readonly amount: Ore;
}

/**
 * The plan as read from the two sheets and tied to the register: the engine's internal shape
 * (rows stay in their tables' columns). The register's look-up is passed beside it (RuleContext).
 */
export interface Plan {
  readonly budget: AmountTable | null;
  readonly financing: AmountTable | null;
  readonly lines: readonly BudgetLine[];
  readonly funding: readonly FundingItem[];
  readonly groups: readonly FundingGroup[];
  readonly memos: readonly MemoRow[];
  readonly earlier: readonly EarlierFigure[];
  readonly years: readonly number[];
  /** The budget lines of each register entry (empty without a register). */
  readonly linesOfEntry: LinesOfEntry;
  /** Structural findings made while tying rows together (unknown earmarks, rows after the sum). */
  readonly findings: readonly Finding[];
}

/** The rows with an amount: the same array when that is every row (no copy of 100 000 rows). */
function linesOf(rows: readonly TableRow[]): readonly BudgetLine[] {
  let first = 0;
  while (first < rows.length && rows[first].amounts.size > 0) first++;
  if (first === rows.length) return rows;
  const lines = rows.slice(0, first);
  for (let i = first + 1; i < rows.length; i++) if (rows[i].amounts.size > 0) lines.push(rows[i]);
  return lines;
}

const GROUP_HEADER = /[:,]\s*$/;
const YEAR = /(?:^|\D)((?:19|20)\d{2})(?!\d)/g;

export function buildPlan(
  budget: AmountTable | null,
  financing: AmountTable | null,
  index: RegisterIndex | null,
): Plan {
  for (const table of [budget, financing]) {
    if (table && table.entries !== index) {
      throw new Error(
        `buildPlan: ${table.sheet} was not read with this register (readAmountTable's entries).`,
      );
    }
  }
  const findings: Finding[] = [];
  const rows = budget?.rows ?? [];
  const lines = linesOf(rows);
  const linesOfEntry = new LinesOfEntry(lines, index?.fields.length ?? 0);

  const { funding, groups } = financing
    ? readFunding(financing, budget !== null, lines, linesOfEntry, index, findings)
    : { funding: [], groups: [] };

  const memos: MemoRow[] = [];
  const earlier: EarlierFigure[] = [];
  const years = [...new Set([...(budget?.years ?? []), ...(financing?.years ?? [])].map((y) => y.year))].sort(
    (a, b) => a - b,
  );
  for (const [table, sheet] of [
    [budget, 'budget'],
    [financing, 'financing'],
  ] as const) {
    if (!table) continue;
    for (const row of table.after) {
      if (row.amounts.size > 0) {
        const source = index?.sourceFor(row.label) ?? null;
        memos.push({
          sheet,
          label: row.label,
          labelRef: row.labelRef,
          source: source?.kind === 'memo' ? source : null,
          amounts: row.amounts,
        });
        if (index && source?.kind !== 'memo') {
          findings.push(
            finding({
              code: sheet === 'budget' ? 'UNKNOWN_LINE' : 'UNKNOWN_SOURCE',
              cells: [row.labelRef],
              suggestion: index.suggestSource(row.label),
              params: { sheet: row.sheet, label: row.label, reason: 'afterSum' },
            }),
          );
        }
      } else {
        const figure = earlierFigure(row, sheet, years);
        if (figure) earlier.push(figure);
      }
    }
  }
  return { budget, financing, lines, funding, groups, memos, earlier, years, linesOfEntry, findings };
}

/** The budget lines of each register entry, by entry index; lists only for the rare entry with several. */
export class LinesOfEntry {
  private readonly firstLine: Int32Array;
  private readonly more = new Map<number, number[]>();

  constructor(lines: readonly BudgetLine[], entries: number) {
    this.firstLine = new Int32Array(entries).fill(-1);
    for (let li = 0; li < lines.length; li++) {
      const e = lines[li].entry;
      if (e === null) continue;
      if (this.firstLine[e] < 0) this.firstLine[e] = li;
      else {
        const list = this.more.get(e);
        if (list) list.push(li);
        else this.more.set(e, [this.firstLine[e], li]);
      }
    }
  }

  /** The entry's first line; -1 when it has none. */
  first(entry: number): number {
    const i = this.firstLine[entry];
    return i === undefined ? -1 : i;
  }

  /** All of the entry's lines when it has more than one; else undefined (no array is made). */
  several(entry: number): readonly number[] | undefined {
    return this.more.size === 0 ? undefined : this.more.get(entry);
  }

  /** The entry's lines, in order. */
  all(entry: number): readonly number[] {
    const first = this.first(entry);
    return this.several(entry) ?? (first < 0 ? [] : [first]);
  }
}

/** Finds the budget line an earmark names: by register entry, else by label. */
class Lookup {
  /** Built on first need: most earmarks are found through the register. */
  private lineByLabel: { labels: LabelIndex; line: number[] } | null = null;

  constructor(
    readonly lines: readonly BudgetLine[],
    private readonly linesOfEntry: LinesOfEntry,
    readonly budgetRead: boolean,
  ) {}

  byEntry(entry: number): number | null {
    const i = this.linesOfEntry.first(entry);
    return i < 0 ? null : i;
  }

  /** The first line whose label is this one, after normalising. */
  byLabel(label: string): number | null {
    if (this.lineByLabel === null) {
      const labels = new LabelIndex(this.lines.length);
      const line: number[] = [];
      for (let i = 0; i < this.lines.length; i++) {
        if (labels.addNew(this.lines[i].label)) line.push(i);
      }
      this.lineByLabel = { labels, line };
    }
    const n = this.lineByLabel.labels.get(label);
    return n < 0 ? null : this.lineByLabel.line[n];
  }
}

function readFunding(
  table: AmountTable,
  budgetRead: boolean,
  lines: readonly BudgetLine[],
  linesOfEntry: LinesOfEntry,
  index: RegisterIndex | null,
  findings: Finding[],
): { funding: FundingItem[]; groups: FundingGroup[] } {
  const funding: FundingItem[] = [];
  const groups: FundingGroup[] = [];
  let group: (FundingGroup & { indent: number; childIndent: number | null }) | null = null;
  const lookup = new Lookup(lines, linesOfEntry, budgetRead);

  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r];
    const source = index?.sourceFor(row.label) ?? null;
    const isSourceRow = source !== null && source.kind !== 'memo';
    const hasAmount = row.amounts.size > 0;
    // A row belongs to the open group unless it is a registered source, stands at the
    // header's indent when the group's rows are indented, or (without amounts) is a new header.
    const inGroup = group !== null && !isSourceRow && !outdented(group, row.indent);
    if (group && inGroup && (hasAmount || !GROUP_HEADER.test(row.label))) {
      if (hasAmount) group.childIndent ??= row.indent;
      funding.push(earmark(row, group, lookup, index, findings));
      continue;
    }
    if (!hasAmount) {
      const g = {
        sheet: row.sheet,
        label: row.label,
        labelRef: row.labelRef,
        source: isSourceRow ? source : null,
      };
      groups.push(g);
      group = { ...g, indent: row.indent, childIndent: null };
      continue;
    }
    group = null;
    funding.push({
      kind: 'source',
      sheet: row.sheet,
      label: row.label,
      labelRef: row.labelRef,
      source: isSourceRow ? source : null,
      sourceName: isSourceRow && source ? source.name : row.label,
      own: isSourceRow && source?.kind === 'own',
      line: null,
      amounts: row.amounts,
    });
  }
  return { funding, groups };
}

/** True when a group's rows are indented and this row is back at (or left of) the header. */
function outdented(group: { indent: number; childIndent: number | null }, indent: number): boolean {
  return group.childIndent !== null && group.childIndent > group.indent && indent <= group.indent;
}

function earmark(
  row: TableRow,
  group: FundingGroup,
  lookup: Lookup,
  index: RegisterIndex | null,
  findings: Finding[],
): FundingItem {
  let line: number | null = null;
  const entry = row.entry;
  if (entry !== null) line = lookup.byEntry(entry);
  line ??= lookup.byLabel(row.label);
  // Without a budget table there is nothing to name: SHEET_MISSING / TABLE_NOT_FOUND says why.
  const sourceName = group.source?.name ?? group.label.replace(GROUP_HEADER, '').trim();
  if (line === null && row.amounts.size > 0 && lookup.budgetRead) {
    findings.push(
      finding({
        code: 'UNKNOWN_EARMARK',
        cells: [row.labelRef],
        projectId: entry !== null && index ? index.fields.id(entry) || undefined : undefined,
        suggestion: entry === null ? suggestLine(row.label, lookup.lines, index) : undefined,
        params: {
          sheet: row.sheet,
          label: row.label,
          source: sourceName,
          reason: entry !== null ? 'noBudgetLine' : undefined,
        },
      }),
    );
  }
  return {
    kind: 'earmark',
    sheet: row.sheet,
    label: row.label,
    labelRef: row.labelRef,
    source: group.source,
    sourceName,
    own: group.source?.kind === 'own',
    line,
    amounts: row.amounts,
  };
}

function suggestLine(
  label: string,
  lines: readonly BudgetLine[],
  index: RegisterIndex | null,
): string | undefined {
  if (index) return index.suggestEntry(label);
  // Without a register, offer the closest budget line label.
  return bestMatch(
    label,
    lines.map((l, i) => ({ key: i, text: l.label })),
  )?.text;
}

function earlierFigure(
  row: TableRow,
  sheet: 'budget' | 'financing',
  years: readonly number[],
): EarlierFigure | null {
  if (years.length === 0) return null;
  const text = row.label;
  let year: number | null = null;
  for (const m of text.matchAll(YEAR)) {
    const y = Number(m[1]);
    if (y < years[0]) {
      year = y;
      break;
    }
  }
  if (year === null) return null;
  const amount = findAmountInText(text);
  if (amount === null) return null;
  return { sheet, ref: row.labelRef, text, year, amount };
}
