import type { Ore } from '../amount';
import { findAmountInText } from '../amount';
import { finding, type Finding } from '../findings';
import { bestMatch, normalizeLabel } from '../match';
import type { FundingSource } from '../register/types';
import type { AmountTable, TableRow, YearAmounts } from '../tables/amountTable';
import { RegisterIndex } from './registerIndex';

/** A budget line: one row of the budget table, tied to a register entry when one matches. */
export interface BudgetLine {
  readonly label: string;
  /** The label normalised for matching. */
  readonly key: string;
  readonly row: TableRow;
  readonly labelRef: string;
  /** Index into the register's entries; null when unknown (or there is no register). */
  readonly entry: number | null;
  readonly amounts: YearAmounts;
}

/** A funding row of the financing table (a source's own row, or an earmarked row under a group). */
export interface FundingItem {
  readonly kind: 'source' | 'earmark';
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

/** The plan as read from the two sheets and tied to the register. */
export interface Plan {
  readonly index: RegisterIndex | null;
  readonly budget: AmountTable | null;
  readonly financing: AmountTable | null;
  readonly lines: readonly BudgetLine[];
  readonly funding: readonly FundingItem[];
  readonly groups: readonly FundingGroup[];
  readonly memos: readonly MemoRow[];
  readonly earlier: readonly EarlierFigure[];
  readonly years: readonly number[];
  /** Structural findings made while tying rows together (unknown earmarks, rows after the sum). */
  readonly findings: readonly Finding[];
}

/** Three fields: a plan may hold 100 000 of these. */
class Line implements BudgetLine {
  constructor(
    readonly row: TableRow,
    readonly key: string,
    readonly entry: number | null,
  ) {}

  get label(): string {
    return this.row.label;
  }

  get amounts(): YearAmounts {
    return this.row.amounts;
  }

  get labelRef(): string {
    return this.row.labelRef;
  }
}

const GROUP_HEADER = /[:,]\s*$/;
const YEAR = /(?:^|\D)((?:19|20)\d{2})(?!\d)/g;

export function buildPlan(
  budget: AmountTable | null,
  financing: AmountTable | null,
  index: RegisterIndex | null,
): Plan {
  const findings: Finding[] = [];
  const rows = budget?.rows ?? [];
  // Sized once (a plan may have 100 000 lines), trimmed after.
  const lines = new Array<BudgetLine>(rows.length);
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.amounts.size === 0) continue;
    const key = normalizeLabel(r.label);
    lines[n++] = new Line(r, key, index ? index.entryForKey(key) : null);
  }
  lines.length = n;

  const { funding, groups } = financing
    ? readFunding(financing, budget !== null, lines, index, findings)
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
              params: { sheet: table.sheet, label: row.label, reason: 'afterSum' },
            }),
          );
        }
      } else {
        const figure = earlierFigure(row, sheet, years);
        if (figure) earlier.push(figure);
      }
    }
  }
  return { index, budget, financing, lines, funding, groups, memos, earlier, years, findings };
}

/** Finds the budget line an earmark names: by register entry, else by label. */
class Lookup {
  /** First line of each register entry, -1 when none; by entry index. */
  private readonly lineByEntry: Int32Array;
  /** Built on first need: most earmarks are found through the register. */
  private lineByLabel: Map<string, number> | null = null;

  constructor(
    readonly lines: readonly BudgetLine[],
    entries: number,
    readonly budgetRead: boolean,
  ) {
    this.lineByEntry = new Int32Array(entries).fill(-1);
    for (let i = lines.length - 1; i >= 0; i--) {
      const e = lines[i].entry;
      if (e !== null) this.lineByEntry[e] = i;
    }
  }

  byEntry(entry: number): number | null {
    const i = this.lineByEntry[entry];
    return i === undefined || i < 0 ? null : i;
  }

  byLabel(key: string): number | null {
    if (this.lineByLabel === null) {
      this.lineByLabel = new Map();
      this.lines.forEach((l, i) => {
        if (!this.lineByLabel!.has(l.key)) this.lineByLabel!.set(l.key, i);
      });
    }
    return this.lineByLabel.get(key) ?? null;
  }
}

function readFunding(
  table: AmountTable,
  budgetRead: boolean,
  lines: readonly BudgetLine[],
  index: RegisterIndex | null,
  findings: Finding[],
): { funding: FundingItem[]; groups: FundingGroup[] } {
  const funding: FundingItem[] = [];
  const groups: FundingGroup[] = [];
  let group: (FundingGroup & { indent: number; childIndent: number | null }) | null = null;
  const lookup = new Lookup(lines, index?.register.entries.length ?? 0, budgetRead);

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
      funding.push(earmark(row, group, lookup, index, table.sheet, findings));
      continue;
    }
    if (!hasAmount) {
      const g = { label: row.label, labelRef: row.labelRef, source: isSourceRow ? source : null };
      groups.push(g);
      group = { ...g, indent: row.indent, childIndent: null };
      continue;
    }
    group = null;
    funding.push({
      kind: 'source',
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
  sheet: string,
  findings: Finding[],
): FundingItem {
  let line: number | null = null;
  const entry = index ? index.entryFor(row.label) : null;
  if (entry !== null) line = lookup.byEntry(entry);
  line ??= lookup.byLabel(normalizeLabel(row.label));
  // Without a budget table there is nothing to name: SHEET_MISSING / TABLE_NOT_FOUND says why.
  const sourceName = group.source?.name ?? group.label.replace(/[:,]\s*$/, '').trim();
  if (line === null && row.amounts.size > 0 && lookup.budgetRead) {
    findings.push(
      finding({
        code: 'UNKNOWN_EARMARK',
        cells: [row.labelRef],
        projectId: entry !== null && index ? index.entry(entry).id || undefined : undefined,
        suggestion: entry === null ? suggestLine(row.label, lookup.lines, index) : undefined,
        params: {
          sheet,
          label: row.label,
          source: sourceName,
          reason: entry !== null ? 'noBudgetLine' : undefined,
        },
      }),
    );
  }
  return {
    kind: 'earmark',
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
