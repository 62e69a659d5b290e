/**
 * A plan kept one sheet per year (`Budsjett 2014`, `Budsjett 2015`) read as
 * one table: a row per line, its amount for each year from that year's
 * sheet. Every cell keeps its own sheet, so findings and the formulas of the
 * outputs name the sheet and cell the amount is in.
 */
import { cellRef, quoteSheetName } from '../address';
import { finding, type Finding } from '../findings';
import { normalizeLabel } from '../match';
import type { SheetSnapshot } from '../snapshot';
import {
  readAmountTable,
  type AmountCell,
  type AmountTable,
  type EntryLookup,
  type TableRow,
  type YearAmounts,
} from './amountTable';
import { perYearSheetYear, type SheetRole } from './findSheet';
import type { YearColumn } from './yearHeader';

/**
 * Reads the tables of `sheets` (one sheet: `readAmountTable` itself). Each
 * year is read from one sheet: the sheet named for it, else the first that
 * has it. A sheet that gives no year at all (its table has only years read
 * from other sheets) is a TABLE_NOT_FOUND that says so, as is a sheet with no
 * table; the others are still read.
 */
export function readAmountTables(
  sheets: readonly SheetSnapshot[],
  role: SheetRole,
  entries: EntryLookup | null = null,
): { table: AmountTable | null; findings: Finding[] } {
  if (sheets.length === 1) return readAmountTable(sheets[0], role, entries);
  const findings: Finding[] = [];
  const read: { table: AmountTable; named: number | null }[] = [];
  for (const sheet of sheets) {
    const r = readAmountTable(sheet, role, entries);
    for (const f of r.findings) findings.push(f);
    if (r.table) read.push({ table: r.table, named: perYearSheetYear(sheet.name, role) });
  }
  // Which table each year is read from: the one named for the year, else the first with it.
  const owner = new Map<number, AmountTable>();
  for (const { table, named } of read) {
    if (named !== null && table.years.some((y) => y.year === named)) owner.set(named, table);
  }
  for (const { table } of read) {
    for (const y of table.years) if (!owner.has(y.year)) owner.set(y.year, table);
  }
  const parts: Part[] = [];
  for (const { table, named } of read) {
    const years = table.years.filter((y) => owner.get(y.year) === table);
    if (years.length > 0) {
      parts.push({ table, years });
      continue;
    }
    const others = [...new Set(table.years.map((y) => owner.get(y.year)!.sheet))];
    findings.push(
      finding({
        code: 'TABLE_NOT_FOUND',
        cells: [`${quoteSheetName(table.sheet)}!${cellRef(table.headerRow, table.years[0].col)}`],
        year: named ?? undefined,
        params: {
          sheet: table.sheet,
          role,
          reason: 'otherYear',
          text: table.years.map((y) => y.year).join(', '),
          name: others.join(', '),
        },
      }),
    );
  }
  if (parts.length === 0) return { table: null, findings };
  if (parts.length === 1 && parts[0].years.length === parts[0].table.years.length)
    return { table: parts[0].table, findings };
  return { table: mergeTables(parts, entries), findings };
}

interface Part {
  readonly table: AmountTable;
  /** The years read from this table. */
  readonly years: readonly YearColumn[];
}

/**
 * One line of the merged table: its label (and register entry) from the
 * first sheet it is in, each year's amount from that year's sheet.
 */
class MergedRow implements TableRow, YearAmounts {
  private readonly byYear = new Map<number, TableRow>();

  constructor(private readonly first: TableRow) {}

  add(row: TableRow, years: readonly YearColumn[]): void {
    for (const y of years) if (row.amounts.has(y.year)) this.byYear.set(y.year, row);
  }

  get sheet(): string {
    return this.first.sheet;
  }

  get row(): number {
    return this.first.row;
  }

  get label(): string {
    return this.first.label;
  }

  get labelRef(): string {
    return this.first.labelRef;
  }

  get indent(): number {
    return this.first.indent;
  }

  get entry(): number | null {
    return this.first.entry;
  }

  get amounts(): YearAmounts {
    return this;
  }

  get size(): number {
    return this.byYear.size;
  }

  get(year: number): AmountCell | undefined {
    return this.byYear.get(year)?.amounts.get(year);
  }

  ore(year: number): number {
    return this.byYear.get(year)?.amounts.ore(year) ?? 0;
  }

  has(year: number): boolean {
    return this.byYear.has(year);
  }

  *entries(): IterableIterator<[number, AmountCell]> {
    for (const year of [...this.byYear.keys()].sort((a, b) => a - b)) yield [year, this.get(year)!];
  }
}

/** A merged row and where it stands: the first sheet's rows at 0, 1, 2…, a later sheet's own just after the row they follow. */
interface Node {
  readonly row: MergedRow;
  readonly seq: number;
}

/** Less than any gap between two rows of the first sheet, however many rows later sheets add. */
const STEP = 1e-9;

/**
 * The rows of every part as one list: rows with the same label (after
 * normalising) are one line, in the first sheet's order; a line that only a
 * later sheet has comes right after the line it follows there. Of several
 * rows with one label (`Beta` earmarked under two sources) a row takes the
 * first one after the line it follows, so that the financing's groups keep
 * their rows.
 */
function mergeRows(parts: readonly Part[], rowsOf: (t: AmountTable) => readonly TableRow[]): MergedRow[] {
  const nodes: Node[] = [];
  const byLabel = new Map<string, Node[]>();
  let added = 0;
  parts.forEach(({ table, years }, p) => {
    const used = new Set<Node>();
    let previous: Node | null = null;
    for (const row of rowsOf(table)) {
      const key = normalizeLabel(row.label);
      const after: number = previous?.seq ?? -1;
      let node: Node | undefined;
      for (const n of byLabel.get(key) ?? []) {
        if (used.has(n)) continue;
        if (n.seq > after && (node === undefined || node.seq < after || n.seq < node.seq)) node = n;
        else if (node === undefined) node = n;
      }
      if (node === undefined) {
        node = { row: new MergedRow(row), seq: p === 0 ? nodes.length : after + ++added * STEP };
        nodes.push(node);
        const list = byLabel.get(key);
        if (list) list.push(node);
        else byLabel.set(key, [node]);
      }
      node.row.add(row, years);
      used.add(node);
      previous = node;
    }
  });
  return nodes.sort((a, b) => a.seq - b.seq).map((n) => n.row);
}

function mergeTables(parts: readonly Part[], entries: EntryLookup | null): AmountTable {
  const sums = parts.filter((p) => p.table.sumRow !== null);
  let sumRow: MergedRow | null = null;
  if (sums.length > 0) {
    sumRow = new MergedRow(sums[0].table.sumRow!);
    for (const p of sums) sumRow.add(p.table.sumRow!, p.years);
  }
  const first = parts[0].table;
  const sheets = parts.map((p) => p.table.sheet);
  return {
    sheet: sheets.join(', '),
    sheets,
    headerRow: first.headerRow,
    labelCol: first.labelCol,
    years: parts.flatMap((p) => p.years).sort((a, b) => a.year - b.year),
    rows: mergeRows(parts, (t) => t.rows),
    sumRow,
    entries,
    after: mergeRows(parts, (t) => t.after),
  };
}
