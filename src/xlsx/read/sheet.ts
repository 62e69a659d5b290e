/**
 * One worksheet part streamed into the domain's `SheetSnapshot`: the cells
 * that exist (values, cached formula results of every type, formulas,
 * indents), nothing else. Merges, validations, conditional formats and the
 * declared used range (`<dimension>`) are tokenised and passed over, so no
 * list of them, however long or wide, makes the work grow.
 */
import { PackageError, type Guard } from '../package/guard';
import type { PackageReader } from '../package/opc';
import { isMain, type Attributes, type XmlHandler } from '../package/xml';
import { cellRef, MAX_COLS, MAX_ROWS, parseCellRef } from '../../domain/address';
import type { CellValue, SheetSnapshot } from '../../domain/snapshot';
import { shiftFormula, stripFuturePrefixes } from './formula';
import { decodeXstring, isoToSerial } from './text';

export interface SheetContext {
  readonly strings: readonly string[];
  readonly indents: Int32Array;
  readonly date1904: boolean;
  readonly guard: Guard;
}

interface Row {
  readonly r: number;
  values: CellValue[];
  formulas: (string | null)[] | null;
  indents: number[] | null;
}

/** Sets `a[i] = v`, filling a gap before `i` with `fill` so the array never has holes. */
function put<T>(a: T[], i: number, v: T, fill: T): void {
  while (a.length < i) a.push(fill);
  a[i] = v;
}

const enum Capture {
  None,
  Value,
  Formula,
  Inline,
}

export function readSheet(
  pkg: PackageReader,
  part: string,
  name: string,
  visibility: SheetSnapshot['visibility'],
  ctx: SheetContext,
): SheetSnapshot {
  const reader = new SheetReader(name, ctx);
  pkg.parse(part, reader);
  const kept = reader.rows.filter((r) => r.values.length > 0);
  if (!reader.inOrder) mergeRows(kept);
  const last = kept.length > 0 ? kept[kept.length - 1].r : -1;
  const width = reader.width;
  if (kept.length * width > ctx.guard.limits.maxSheetCells) {
    throw new PackageError(
      'too-large',
      `${name}!${cellRef(last, width - 1)}: ${kept.length} rows × ${width} columns`,
    );
  }
  return assemble(name, visibility, kept, last + 1, width);
}

/** The cells of `<sheetData>`, as the parser hands them over (a class: its fields stay monomorphic). */
class SheetReader implements XmlHandler {
  readonly rows: Row[] = [];
  inOrder = true;
  width = 0;
  /** Cells the rows hold so far, gaps included. */
  private cells = 0;

  private row: Row | null = null;
  private rowIndex = -1;
  private inSheetData = false;
  // The cell being read.
  private col = -1;
  private type = '';
  private style = 0;
  private capture = Capture.None;
  private v = '';
  private f = '';
  private fAttrs: Attributes | null = null;
  private inline = '';
  private inIs = false;
  private phonetic = 0;
  /** Shared formulas by `si`: the master's text and cell. */
  private readonly shared = new Map<string, { text: string; row: number; col: number }>();

  constructor(
    private readonly name: string,
    private readonly ctx: SheetContext,
  ) {}

  open(ns: string, local: string, a: Attributes): void {
    if (!this.inSheetData) {
      if (local === 'sheetData' && isMain(ns)) this.inSheetData = true;
      return;
    }
    if (!isMain(ns)) return;
    switch (local) {
      case 'c':
        this.startCell(a);
        break;
      case 'v':
        this.capture = Capture.Value;
        break;
      case 'f':
        this.capture = Capture.Formula;
        this.fAttrs = a;
        break;
      case 'is':
        this.inIs = true;
        break;
      case 't':
        if (this.inIs && this.phonetic === 0) this.capture = Capture.Inline;
        break;
      case 'rPh':
        this.phonetic++;
        break;
      case 'row': {
        const r = a.r === undefined ? this.rowIndex + 1 : Number(a.r) - 1;
        if (!Number.isInteger(r)) throw new PackageError('damaged', `${this.name}: row ${a.r}`);
        this.startRow(r);
        this.col = -1;
        break;
      }
    }
  }

  close(ns: string, local: string): void {
    if (!this.inSheetData || !isMain(ns)) return;
    switch (local) {
      case 'c':
        this.finishCell();
        break;
      case 'v':
      case 'f':
      case 't':
        this.capture = Capture.None;
        break;
      case 'is':
        this.inIs = false;
        break;
      case 'rPh':
        this.phonetic--;
        break;
      case 'sheetData':
        this.inSheetData = false;
        break;
    }
  }

  text(t: string): void {
    switch (this.capture) {
      case Capture.Value:
        this.v += t;
        break;
      case Capture.Formula:
        this.f += t;
        break;
      case Capture.Inline:
        this.inline += t;
        break;
    }
  }

  private startRow(r: number): void {
    if (r < 0 || r >= MAX_ROWS) throw new PackageError('damaged', `${this.name}: row ${r + 1}`);
    if (this.row !== null && this.row.r === r) return;
    const rows = this.rows;
    if (rows.length > 0 && r <= rows[rows.length - 1].r) this.inOrder = false;
    this.row = { r, values: [], formulas: null, indents: null };
    rows.push(this.row);
    this.rowIndex = r;
  }

  private startCell(a: Attributes): void {
    this.ctx.guard.tick();
    const ref = a.r;
    if (ref !== undefined) {
      // `B12`: letters, then the row's digits.
      let col = 0;
      let i = 0;
      let c = ref.charCodeAt(0);
      for (; c >= 65 && c <= 90; c = ref.charCodeAt(++i)) col = col * 26 + (c - 64);
      let r = 0;
      const lettersEnd = i;
      for (; c >= 48 && c <= 57; c = ref.charCodeAt(++i)) r = r * 10 + (c - 48);
      if (lettersEnd === 0 || i === lettersEnd || i !== ref.length) {
        // Lower-case letters or anything else: the slow, general way.
        const parsed = parseCellRef(ref);
        if (!parsed) throw new PackageError('damaged', `${this.name}: cell reference ${ref}`);
        col = parsed.col + 1;
        r = parsed.row + 1;
      }
      this.col = col - 1;
      if (this.col >= MAX_COLS) throw new PackageError('damaged', `${this.name}: cell reference ${ref}`);
      if (this.row === null || r - 1 !== this.rowIndex) this.startRow(r - 1);
    } else {
      if (this.row === null) this.startRow(this.rowIndex + 1);
      this.col += 1;
      if (this.col >= MAX_COLS)
        throw new PackageError('damaged', `${this.name}: more than ${MAX_COLS} columns`);
    }
    this.type = a.t ?? '';
    const s = a.s;
    let style = 0;
    if (s !== undefined) {
      for (let i = 0; i < s.length; i++) {
        const d = s.charCodeAt(i) - 48;
        if (d < 0 || d > 9) {
          style = 0;
          break;
        }
        style = style * 10 + d;
      }
    }
    this.style = style;
    this.v = '';
    this.f = '';
    this.fAttrs = null;
    this.inline = '';
  }

  private finishCell(): void {
    const v = this.v;
    let value: CellValue = null;
    let formula: string | null = null;
    if (this.fAttrs !== null) formula = this.formulaOf(this.f, this.fAttrs);
    switch (this.type) {
      case 's':
        value = v === '' ? null : (this.ctx.strings[Number(v)] ?? null);
        break;
      case 'str':
        value = decodeXstring(v);
        break;
      case 'inlineStr':
        value = decodeXstring(this.inline);
        break;
      case 'b':
        value = v === '' ? null : v === '1' || v === 'true';
        break;
      case 'e':
        value = v === '' ? null : { error: v };
        break;
      case 'd':
        value = v === '' ? null : (isoToSerial(v, this.ctx.date1904) ?? { error: '#VALUE!' });
        break;
      default:
        if (v !== '') {
          const n = Number(v);
          value = Number.isFinite(n) ? n : v.trim() === '' ? null : { error: '#NUM!' };
        }
    }
    // A stored empty string reads as an empty cell, as in Excel (a formula's '' result stays).
    if (value === '' && formula === null) value = null;
    const indents = this.ctx.indents;
    const indent = this.style > 0 && this.style < indents.length ? indents[this.style] : 0;
    if (value === null && formula === null && indent === 0) return;
    const row = this.row!;
    const col = this.col;
    // Counted as the rows grow, so a sheet of far-apart cells is refused before it takes the memory.
    if (col >= row.values.length) {
      this.cells += col + 1 - row.values.length;
      if (this.cells > this.ctx.guard.limits.maxSheetCells)
        throw new PackageError(
          'too-large',
          `${this.name}!${cellRef(row.r, col)}: more than ${this.ctx.guard.limits.maxSheetCells} cells`,
        );
    }
    put(row.values, col, value, null);
    if (formula !== null) put((row.formulas ??= []), col, formula, null);
    if (indent !== 0) put((row.indents ??= []), col, indent, 0);
    if (col >= this.width) this.width = col + 1;
  }

  private formulaOf(text: string, a: Attributes): string | null {
    const t = a.t;
    if (t === 'shared' && a.si !== undefined) {
      if (text !== '') {
        this.shared.set(a.si, { text, row: this.rowIndex, col: this.col });
      } else {
        const master = this.shared.get(a.si);
        if (!master) return null;
        text = shiftFormula(master.text, this.rowIndex - master.row, this.col - master.col);
      }
    } else if (t === 'dataTable') {
      // What Excel shows for a what-if data table's cells: {=TABLE(row input, column input)}.
      const r1 = a.r1 ?? '';
      const r2 = a.r2 ?? '';
      const twoD = a.dt2D === '1' || a.dt2D === 'true';
      const byRow = a.dtr === '1' || a.dtr === 'true';
      return `=TABLE(${twoD ? `${r1},${r2}` : byRow ? `${r1},` : `,${r1}`})`;
    }
    if (text === '') return null;
    return '=' + stripFuturePrefixes(text);
  }
}

/** Rows written out of order (allowed, rare) sorted, and a row given twice made one. */
function mergeRows(rows: Row[]): void {
  rows.sort((a, b) => a.r - b.r);
  for (let i = rows.length - 1; i > 0; i--) {
    const a = rows[i - 1];
    const b = rows[i];
    if (a.r !== b.r) continue;
    b.values.forEach((v, c) => {
      if (v !== null) put(a.values, c, v, null);
    });
    b.formulas?.forEach((f, c) => {
      if (f !== null) put((a.formulas ??= []), c, f, null);
    });
    b.indents?.forEach((n, c) => {
      if (n !== 0) put((a.indents ??= []), c, n, 0);
    });
    rows.splice(i, 1);
  }
}

/**
 * The rectangle from A1 to the last cell with content, as the snapshot wants it. Rows without
 * content (and rows without formulas or indents) share one frozen row, so a sheet whose few cells
 * lie far apart costs a pointer per empty row, not a row of cells.
 */
function assemble(
  name: string,
  visibility: SheetSnapshot['visibility'],
  rows: readonly Row[],
  height: number,
  width: number,
): SheetSnapshot {
  const noValues: readonly CellValue[] = Object.freeze(new Array<CellValue>(width).fill(null));
  const noFormulas: readonly (string | null)[] = Object.freeze(new Array<string | null>(width).fill(null));
  const noIndents: readonly number[] = Object.freeze(new Array<number>(width).fill(0));
  const values = new Array<readonly CellValue[]>(height).fill(noValues);
  const formulas = new Array<readonly (string | null)[]>(height).fill(noFormulas);
  const indents = new Array<readonly number[]>(height).fill(noIndents);
  for (const row of rows) {
    const pad = <T>(a: T[], fill: T): T[] => {
      while (a.length < width) a.push(fill);
      return a;
    };
    values[row.r] = pad(row.values, null);
    if (row.formulas) formulas[row.r] = pad(row.formulas, null);
    if (row.indents) indents[row.r] = pad(row.indents, 0);
  }
  return { name, visibility: visibility ?? 'visible', origin: { row: 0, col: 0 }, values, formulas, indents };
}
