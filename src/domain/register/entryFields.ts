/**
 * The entry fields reconciling reads, by entry index, from entries in memory or straight from
 * the register sheet's snapshot (see `EntryFields`), and a register cell's text.
 */
import type { Ore } from '../amount';
import type { Grid } from '../grid';
import { isCellError, type CellValue } from '../snapshot';
import type { Basis, EntryKind, RegisterEntry } from './types';

/** A contribution stated as a range (`ca kr 2-300.000`). */
export interface OreRange {
  readonly min: Ore;
  readonly max: Ore;
}

/**
 * The fields of the register's entries that reconciling reads: id, name,
 * kind, contribution, basis, budget line and aliases, by entry index.
 *
 * Why not the entries themselves: a register may hold 100 000 of them, an
 * entry is an object of 16 fields, and on these machines the memory a run
 * touches for the first time costs more than the reading does (about 5 ms
 * per MB in page faults, measured; see BENCHMARKS.md). Read from a sheet,
 * the fields stay in the sheet's snapshot (`SheetEntryFields`), and the
 * full entries are made only when something asks for them: the outputs and
 * the register editor do, the CLI report does not.
 */
export interface EntryFields {
  readonly length: number;
  id(i: number): string;
  name(i: number): string;
  kind(i: number): EntryKind;
  isProject(i: number): boolean;
  /** Øre; null when the entry promises work, not money. */
  contribution(i: number): Ore | null;
  contributionRange(i: number): OreRange | undefined;
  basis(i: number): Basis | null;
  budgetLine(i: number): string;
  aliases(i: number): readonly string[];
}

/** `1.2 Helsedesign, Arena`, or the name alone for operations lines and entries without an id. */
export function nameWithId(id: string, name: string): string {
  return id ? `${id} ${name}` : name;
}

export function displayNameOf(f: EntryFields, i: number): string {
  return nameWithId(f.id(i), f.name(i));
}

/** The fields of entries made elsewhere (the editor, an import, a test). */
export function entryFieldsOf(entries: readonly RegisterEntry[]): EntryFields {
  return new ObjectEntryFields(entries);
}

class ObjectEntryFields implements EntryFields {
  constructor(private readonly entries: readonly RegisterEntry[]) {}

  get length(): number {
    return this.entries.length;
  }
  id(i: number): string {
    return this.entries[i].id;
  }
  name(i: number): string {
    return this.entries[i].name;
  }
  kind(i: number): EntryKind {
    return this.entries[i].kind;
  }
  isProject(i: number): boolean {
    return this.entries[i].kind === 'project';
  }
  contribution(i: number): Ore | null {
    return this.entries[i].contribution;
  }
  contributionRange(i: number): OreRange | undefined {
    return this.entries[i].contributionRange;
  }
  basis(i: number): Basis | null {
    return this.entries[i].basis;
  }
  budgetLine(i: number): string {
    return this.entries[i].budgetLine;
  }
  aliases(i: number): readonly string[] {
    return this.entries[i].aliases;
  }
}

/** A register cell as text: trimmed, '' when empty, an error as its code. */
export function cellText(v: CellValue): string {
  if (typeof v === 'string') return v.trim();
  if (v === null) return '';
  if (isCellError(v)) return v.error;
  return String(v).trim();
}

const NO_ITEMS: readonly string[] = Object.freeze([]);
const BASES: readonly (Basis | null)[] = [null, 'per år', 'totalt'];

/** Where the text fields stand in a register row's values (-1 when the table lacks the column). */
export interface TextColumns {
  readonly id: number;
  readonly name: number;
  readonly budgetLine: number;
}

/**
 * Entry fields read from the register's sheet: id, name and budget line are
 * read from the snapshot's cells when asked for (a string cell's trimmed
 * text is the string itself, so this makes nothing); what needed parsing
 * (kind, contribution, basis, aliases) is kept, in typed arrays or, for the
 * few entries that have any, in maps.
 */
export class SheetEntryFields implements EntryFields {
  private readonly rows: Int32Array;
  /** Øre; NaN when the entry promises no money. */
  private readonly contributions: Float64Array;
  /** Bit 0: operations; bits 1–2: basis (index into BASES). */
  private readonly codes: Uint8Array;
  private ranges: Map<number, OreRange> | null = null;
  private aliasLists: Map<number, readonly string[]> | null = null;
  private filled = 0;

  /** Room for `capacity` entries; `length` counts those pushed. */
  constructor(
    private readonly grid: Grid,
    private readonly columns: TextColumns,
    capacity: number,
  ) {
    this.rows = new Int32Array(capacity);
    this.contributions = new Float64Array(capacity);
    this.codes = new Uint8Array(capacity);
  }

  /** Appends the entry on sheet row `row`, with the fields that were parsed. */
  push(
    row: number,
    kind: EntryKind,
    contribution: Ore | null,
    range: OreRange | undefined,
    basis: Basis | null,
    aliases: readonly string[],
  ): void {
    const i = this.filled++;
    this.rows[i] = row;
    this.contributions[i] = contribution === null ? NaN : contribution;
    this.codes[i] =
      (kind === 'operations' ? 1 : 0) | ((basis === 'totalt' ? 2 : basis === 'per år' ? 1 : 0) << 1);
    if (range) (this.ranges ??= new Map()).set(i, range);
    if (aliases.length > 0) (this.aliasLists ??= new Map()).set(i, aliases);
  }

  get length(): number {
    return this.filled;
  }

  /** The sheet rows (0-based) of the entries, by index (a view, not a copy). */
  get sheetRows(): Int32Array {
    return this.rows.subarray(0, this.filled);
  }

  private text(i: number, col: number): string {
    if (col < 0) return '';
    const v = this.grid.rowValues(this.rows[i])[col];
    return v === undefined ? '' : cellText(v);
  }

  id(i: number): string {
    return this.text(i, this.columns.id);
  }
  name(i: number): string {
    return this.text(i, this.columns.name);
  }
  budgetLine(i: number): string {
    return this.text(i, this.columns.budgetLine);
  }
  kind(i: number): EntryKind {
    return (this.codes[i] & 1) === 1 ? 'operations' : 'project';
  }
  isProject(i: number): boolean {
    return (this.codes[i] & 1) === 0;
  }
  contribution(i: number): Ore | null {
    const c = this.contributions[i];
    return c !== c ? null : c; // NaN: no money promised
  }
  contributionRange(i: number): OreRange | undefined {
    return this.ranges?.get(i);
  }
  basis(i: number): Basis | null {
    return BASES[this.codes[i] >> 1];
  }
  aliases(i: number): readonly string[] {
    return this.aliasLists?.get(i) ?? NO_ITEMS;
  }
}
