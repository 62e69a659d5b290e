/**
 * The plan's amount tables: which table is the budget and which the financing (by the heading
 * over it, its header, else their order), the columns' years (from the header row, else the text
 * above), and the amounts of a row.
 */
import { readAmount, type Ore } from '../amount';
import type { PlanBlock } from './blocks';
import type { Heading } from './headings';
import { provenance } from './provenance';
import type { Confidence, UnreadItem } from './types';

const YEAR = /(?<!\d)((?:19|20)\d\d)(?!\d)/g;
const BUDGET_TITLE = /budsjett|budget|kostnader|costs|utgifter|expenditure/iu;
const FINANCING_TITLE = /finansiering|financing|funding|inntekter|income|finance/iu;

export interface TablePlace {
  readonly block: number;
  /** The text around the table that may give its year: the heading and the paragraphs above. */
  readonly context: readonly string[];
  readonly confidence: Confidence;
}

/** Whether a row's cells after the first read as amounts (at least one) or are empty. */
function amountRow(row: readonly string[]): boolean {
  const rest = row.slice(1);
  return (
    rest.some((c) => c.trim() !== '') && rest.every((c) => c.trim() === '' || readAmount(c).kind === 'text')
  );
}

export function findAmountTables(
  blocks: readonly PlanBlock[],
  headings: readonly Heading[],
  contentsBlocks: ReadonlySet<number>,
): { budget: TablePlace | null; financing: TablePlace | null } {
  const found: { place: TablePlace; role: 'budget' | 'financing' | null }[] = [];
  blocks.forEach((b, i) => {
    if (b.kind !== 'table' || contentsBlocks.has(i)) return;
    if (b.rows.filter(amountRow).length === 0) return;
    const heading = [...headings].reverse().find((h) => h.block < i);
    const context: string[] = [];
    for (let j = i - 1; j >= 0 && j > (heading?.block ?? -1) - 1; j--) {
      const p = blocks[j];
      if (p.kind === 'paragraph' || p.kind === 'heading') context.push(p.text);
      if (p.kind === 'table') break;
    }
    const title = heading?.title ?? '';
    const header = b.rows[0]?.join(' ') ?? '';
    let role: 'budget' | 'financing' | null = null;
    if (FINANCING_TITLE.test(title)) role = 'financing';
    else if (BUDGET_TITLE.test(title)) role = 'budget';
    else if (/^(?:kilde|source|finansiering|financing|funding)/iu.test(header)) role = 'financing';
    else if (/^(?:post|budsjettpost|item|line|budget)/iu.test(header)) role = 'budget';
    found.push({ place: { block: i, context, confidence: role ? 'high' : 'low' }, role });
  });
  let budget = found.find((f) => f.role === 'budget')?.place ?? null;
  let financing = found.find((f) => f.role === 'financing')?.place ?? null;
  // Unnamed tables: the first is the budget, the next the financing, as plans order them.
  const unnamed = found.filter((f) => f.role === null).map((f) => f.place);
  if (!budget && unnamed.length > 0) budget = unnamed.shift()!;
  if (!financing && unnamed.length > 0) financing = unnamed.shift()!;
  return { budget, financing };
}

export interface Columns {
  readonly years: (number | null)[];
  /** The first data row. */
  readonly start: number;
  readonly width: number;
}

/** The amount columns and their years: from the header row, else the text above the table. */
function columnsOf(rows: readonly (readonly string[])[], context: readonly string[]): Columns {
  const width = Math.max(2, ...rows.map((r) => r.length));
  const n = width - 1;
  const first = rows[0] ?? [];
  const headerCells = first.slice(1);
  const isHeader =
    !amountRow(first) || headerCells.every((c) => c.trim() === '' || /^\D*(?:19|20)\d\d\D*$/.test(c.trim()));
  if (isHeader && first.length > 1) {
    const years = Array.from({ length: n }, (_, k) => {
      const m = /(?:19|20)\d\d/.exec(first[k + 1] ?? '');
      return m ? Number(m[0]) : null;
    });
    if (years.some((y) => y !== null) || n > 1) return { years, start: 1, width };
    return { years: contextYears(context, n), start: 1, width };
  }
  return { years: contextYears(context, n), start: 0, width };
}

function contextYears(context: readonly string[], n: number): (number | null)[] {
  for (const text of context) {
    const ys = [...text.matchAll(YEAR)].map((m) => Number(m[1]));
    // `Budsjett 2010` says the year; `Handlingsplan 2010-2011` over a one-column table does not.
    if (ys.length === n && !(n === 1 && /\d\s*[-–]\s*\d/.test(text))) return ys;
  }
  return Array.from({ length: n }, () => null);
}

export function readCells(
  cells: readonly string[],
  width: number,
): { amounts: (Ore | null)[]; texts: string[]; bad: number[] } {
  const amounts: (Ore | null)[] = [];
  const texts: string[] = [];
  const bad: number[] = [];
  for (let k = 1; k < width; k++) {
    const t = (cells[k] ?? '').trim();
    texts.push(t);
    if (t === '') {
      amounts.push(null);
      continue;
    }
    const r = readAmount(t);
    if (r.kind === 'text') amounts.push(r.ore);
    else {
      amounts.push(null);
      bad.push(k - 1);
    }
  }
  return { amounts, texts, bad };
}

export function tableFrom(
  blocks: readonly PlanBlock[],
  place: TablePlace,
  unread: UnreadItem[],
  what: string,
): { rows: readonly (readonly string[])[]; cols: Columns } {
  const b = blocks[place.block] as Extract<PlanBlock, { kind: 'table' }>;
  const cols = columnsOf(b.rows, place.context);
  if (cols.years.some((y) => y === null))
    unread.push({ code: 'tableNoYear', from: provenance(blocks, place.block), detail: what });
  return { rows: b.rows, cols };
}
