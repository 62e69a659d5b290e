/**
 * Ranges and their formats as Office.js API objects. Values read as
 * Office.js shows them: `""` for an empty cell, `"#REF!"` for an error (with
 * valueType `Error`), a formula's result in `values` and its text in
 * `formulas`. A read of more cells than the fake's `maxReadCells` returns
 * null instead of the array (OFFICEJS.md: over 5 000 000 cells).
 */
import { quoteSheetName } from '../domain/address';
import {
  FORMAT_KEYS,
  type CellData,
  type CellFormat,
  type HorizontalAlignment,
  type SheetData,
} from './cells';
import { FakeClientObject, FakeClientResult, type Scalars } from './clientObject';
import type { Execution, FakeRequestContext } from './context';
import { invalidArgument } from './errors';
import { cellCount, qualifiedAddress, rectToA1, type Rect } from './rangeAddress';
import type { GridKind } from './state';
import { activate, checkedRect, FakeWorksheet } from './worksheets';

export interface RangeTarget {
  readonly sheet: SheetData;
  readonly rect: Rect;
}

/** What `getCellProperties` can return per cell (the part of Excel.CellProperties the fake knows). */
export interface FakeCellProperties {
  address?: string;
  format?: {
    indentLevel?: number;
    horizontalAlignment?: HorizontalAlignment;
    wrapText?: boolean;
    font?: { bold?: boolean; italic?: boolean; color?: string; size?: number };
    fill?: { color?: string };
  };
}

export interface FakeCellPropertiesLoadOptions {
  address?: boolean;
  format?: {
    indentLevel?: boolean;
    horizontalAlignment?: boolean;
    wrapText?: boolean;
    font?: { bold?: boolean; italic?: boolean; color?: boolean; size?: boolean };
    fill?: { color?: boolean };
  };
}

function grid(kind: GridKind) {
  return (t: RangeTarget, exec: Execution): unknown[][] | null =>
    cellCount(t.rect) > exec.maxReadCells ? null : exec.state.read(t.sheet, t.rect, kind);
}

export class FakeRange extends FakeClientObject<RangeTarget> {
  protected readonly typeName = 'Range';
  protected readonly scalars: Scalars<RangeTarget> = {
    address: (t) => qualifiedAddress(t.sheet.name, t.rect),
    addressLocal: (t) => qualifiedAddress(t.sheet.name, t.rect),
    rowIndex: (t) => t.rect.row,
    columnIndex: (t) => t.rect.col,
    rowCount: (t) => t.rect.rows,
    columnCount: (t) => t.rect.cols,
    cellCount: (t) => cellCount(t.rect),
    values: grid('values'),
    formulas: grid('formulas'),
    text: grid('text'),
    valueTypes: grid('valueTypes'),
    numberFormat: grid('numberFormat'),
  };
  private formatObject: FakeRangeFormat | undefined;
  private worksheetObject: FakeWorksheet | undefined;

  constructor(context: FakeRequestContext, path: string, resolver: (exec: Execution) => RangeTarget | null) {
    super(context, path, resolver);
  }

  get address(): string {
    return this.get('address');
  }
  get addressLocal(): string {
    return this.get('addressLocal');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get cellCount(): number {
    return this.get('cellCount');
  }
  get text(): string[][] {
    return this.get('text');
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }

  get values(): unknown[][] {
    return this.get('values');
  }
  /** A 2D array of the range's size, or one value for every cell; null entries leave a cell as it is. */
  set values(input: unknown[][]) {
    this.set('values', input, (t, exec) => this.writeContent(t, exec, input, 'Range.values'));
  }

  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(input: unknown[][]) {
    this.set('formulas', input, (t, exec) => this.writeContent(t, exec, input, 'Range.formulas'));
  }

  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  set numberFormat(input: unknown[][]) {
    this.set('numberFormat', input, (t, exec) => {
      exec.state.writeFormat(exec.journal, t.sheet, t.rect, 'numberFormat', input, 'Range.numberFormat');
      exec.changedSheets.add(t.sheet.name);
    });
  }

  private writeContent(t: RangeTarget, exec: Execution, input: unknown, where: string): void {
    exec.state.writeContent(exec.journal, t.sheet, t.rect, input, where);
    exec.changedSheets.add(t.sheet.name);
  }

  get format(): FakeRangeFormat {
    return (this.formatObject ??= new FakeRangeFormat(this));
  }

  get worksheet(): FakeWorksheet {
    return (this.worksheetObject ??= new FakeWorksheet(this.context, `${this.ref}.worksheet`, (exec) => {
      const t = this.resolve(exec);
      return t === null ? null : t.sheet;
    }));
  }

  protected override navigation(name: string) {
    if (name === 'format') return this.format;
    if (name === 'worksheet') return this.worksheet;
    return undefined;
  }

  private derived(label: string, rect: (r: Rect) => Rect): FakeRange {
    return new FakeRange(this.context, `${this.ref}.${label}`, (exec) => {
      const t = this.resolve(exec);
      return t === null ? null : { sheet: t.sheet, rect: checkedRect(rect(t.rect), `Range.${label}`) };
    });
  }

  /** A cell relative to the range's top left (it may lie outside the range). */
  getCell(row: number, column: number): FakeRange {
    return this.derived(`getCell(${row},${column})`, (r) => ({
      row: r.row + row,
      col: r.col + column,
      rows: 1,
      cols: 1,
    }));
  }

  getRow(row: number): FakeRange {
    return this.derived(`getRow(${row})`, (r) => ({ row: r.row + row, col: r.col, rows: 1, cols: r.cols }));
  }

  getColumn(column: number): FakeRange {
    return this.derived(`getColumn(${column})`, (r) => ({
      row: r.row,
      col: r.col + column,
      rows: r.rows,
      cols: 1,
    }));
  }

  /** The same top left, `deltaRows`/`deltaColumns` more (or fewer) rows and columns. */
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived(`getResizedRange(${deltaRows},${deltaColumns})`, (r) => ({
      row: r.row,
      col: r.col,
      rows: r.rows + deltaRows,
      cols: r.cols + deltaColumns,
    }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derived(`getOffsetRange(${rowOffset},${columnOffset})`, (r) => ({
      ...r,
      row: r.row + rowOffset,
      col: r.col + columnOffset,
    }));
  }

  /**
   * ExcelApi 1.9: the requested properties of every cell, e.g.
   * `{ format: { indentLevel: true } }` gives `[[{ format: { indentLevel: 0 } }, ...]]`.
   */
  getCellProperties(options: FakeCellPropertiesLoadOptions): FakeClientResult<FakeCellProperties[][]> {
    const result = new FakeClientResult<FakeCellProperties[][]>();
    this.call(
      'getCellProperties',
      [options],
      (t, exec) => {
        const value = t === null ? null : cellProperties(t, options);
        exec.respond(value);
        exec.onCommit(() => result.settle(value as FakeCellProperties[][]));
      },
      '1.9',
    );
    return result;
  }

  /** Selects the range, activating its sheet (a hidden sheet cannot be). */
  select(): void {
    this.call('select', [], (t, exec) => {
      if (t === null) return;
      activate(exec, t.sheet);
      const old = t.sheet.selection;
      t.sheet.selection = t.rect;
      exec.journal.push(() => (t.sheet.selection = old));
    });
  }

  /** Clears contents, formats or both (default). */
  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this.call('clear', [applyTo], (t, exec) => {
      if (t === null) return;
      exec.state.guard(t.sheet);
      const { rows } = t.sheet;
      for (let r = t.rect.row; r < t.rect.row + t.rect.rows; r++) {
        const row = rows[r];
        if (!row) continue;
        row.forEach((cell, c) => {
          if (c < t.rect.col || c >= t.rect.col + t.rect.cols || cell === undefined) return;
          exec.state.change(exec.journal, t.sheet, r, c, (next) => {
            if (applyTo !== 'Formats') {
              next.value = null;
              delete next.formula;
              delete next.quotePrefix;
            }
            if (applyTo !== 'Contents') for (const k of FORMAT_KEYS) delete next[k];
          });
        });
      }
      exec.changedSheets.add(t.sheet.name);
    });
  }
}

const DEFAULTS: Required<Omit<CellFormat, 'numberFormat'>> = {
  indentLevel: 0,
  bold: false,
  italic: false,
  fontSize: 11,
  fontColor: '#000000',
  fill: '#FFFFFF',
  horizontalAlignment: 'General',
  wrapText: false,
};

type StyleKey = keyof typeof DEFAULTS;

function styleOf(cell: CellData | undefined, key: StyleKey): unknown {
  return cell?.[key] ?? DEFAULTS[key];
}

/** A format property of a whole range: its value when every cell agrees, else null (as Office.js). */
function uniform(t: RangeTarget, key: StyleKey): unknown {
  let first: unknown;
  for (let r = 0; r < t.rect.rows; r++) {
    const row = t.sheet.rows[t.rect.row + r];
    for (let c = 0; c < t.rect.cols; c++) {
      const v = styleOf(row?.[t.rect.col + c], key);
      if (r === 0 && c === 0) first = v;
      else if (v !== first) return null;
    }
  }
  return first;
}

function cellProperties(t: RangeTarget, o: FakeCellPropertiesLoadOptions): FakeCellProperties[][] {
  const out: FakeCellProperties[][] = [];
  for (let r = 0; r < t.rect.rows; r++) {
    const cells = t.sheet.rows[t.rect.row + r];
    const row: FakeCellProperties[] = [];
    for (let c = 0; c < t.rect.cols; c++) {
      const cell = cells?.[t.rect.col + c];
      const p: FakeCellProperties = {};
      if (o.address)
        p.address = `${quoteSheetName(t.sheet.name)}!${rectToA1({ row: t.rect.row + r, col: t.rect.col + c, rows: 1, cols: 1 })}`;
      const f = o.format;
      if (f) {
        const format: NonNullable<FakeCellProperties['format']> = {};
        if (f.indentLevel) format.indentLevel = styleOf(cell, 'indentLevel') as number;
        if (f.horizontalAlignment)
          format.horizontalAlignment = styleOf(cell, 'horizontalAlignment') as HorizontalAlignment;
        if (f.wrapText) format.wrapText = styleOf(cell, 'wrapText') as boolean;
        if (f.font) {
          format.font = {};
          if (f.font.bold) format.font.bold = styleOf(cell, 'bold') as boolean;
          if (f.font.italic) format.font.italic = styleOf(cell, 'italic') as boolean;
          if (f.font.color) format.font.color = styleOf(cell, 'fontColor') as string;
          if (f.font.size) format.font.size = styleOf(cell, 'fontSize') as number;
        }
        if (f.fill?.color) format.fill = { color: styleOf(cell, 'fill') as string };
        p.format = format;
      }
      row.push(p);
    }
    out.push(row);
  }
  return out;
}

/** A format object bound to a range; `key` maps each Office.js property to the cell's field. */
abstract class FormatPart extends FakeClientObject<RangeTarget> {
  constructor(
    protected readonly range: FakeRange,
    name: string,
  ) {
    super(range.context, `${range.ref}.${name}`, (exec) => range.resolve(exec));
  }

  protected setStyle(name: string, key: StyleKey, value: unknown): void {
    this.set(name, value, (t, exec) => {
      exec.state.writeFormat(exec.journal, t.sheet, t.rect, key, value, `${this.typeName}.${name}`);
      exec.changedSheets.add(t.sheet.name);
    });
  }
}

export class FakeRangeFormat extends FormatPart {
  protected readonly typeName = 'RangeFormat';
  protected readonly scalars: Scalars<RangeTarget> = {
    indentLevel: (t) => uniform(t, 'indentLevel'),
    horizontalAlignment: (t) => uniform(t, 'horizontalAlignment'),
    wrapText: (t) => uniform(t, 'wrapText'),
  };
  private fontObject: FakeRangeFont | undefined;
  private fillObject: FakeRangeFill | undefined;

  constructor(range: FakeRange) {
    super(range, 'format');
  }

  get indentLevel(): number | null {
    return this.get('indentLevel');
  }
  set indentLevel(v: number | null) {
    if (v !== null && (!Number.isInteger(v) || v < 0 || v > 250)) throw invalidArgument(`indentLevel ${v}.`);
    this.setStyle('indentLevel', 'indentLevel', v);
  }
  get horizontalAlignment(): HorizontalAlignment | null {
    return this.get('horizontalAlignment');
  }
  set horizontalAlignment(v: HorizontalAlignment | null) {
    this.setStyle('horizontalAlignment', 'horizontalAlignment', v);
  }
  get wrapText(): boolean | null {
    return this.get('wrapText');
  }
  set wrapText(v: boolean | null) {
    this.setStyle('wrapText', 'wrapText', v);
  }

  get font(): FakeRangeFont {
    return (this.fontObject ??= new FakeRangeFont(this.range));
  }
  get fill(): FakeRangeFill {
    return (this.fillObject ??= new FakeRangeFill(this.range));
  }

  protected override navigation(name: string) {
    if (name === 'font') return this.font;
    if (name === 'fill') return this.fill;
    return undefined;
  }
}

export class FakeRangeFont extends FormatPart {
  protected readonly typeName = 'RangeFont';
  protected readonly scalars: Scalars<RangeTarget> = {
    bold: (t) => uniform(t, 'bold'),
    italic: (t) => uniform(t, 'italic'),
    color: (t) => uniform(t, 'fontColor'),
    size: (t) => uniform(t, 'fontSize'),
  };

  constructor(range: FakeRange) {
    super(range, 'format.font');
  }

  get bold(): boolean | null {
    return this.get('bold');
  }
  set bold(v: boolean | null) {
    this.setStyle('bold', 'bold', v);
  }
  get italic(): boolean | null {
    return this.get('italic');
  }
  set italic(v: boolean | null) {
    this.setStyle('italic', 'italic', v);
  }
  get color(): string | null {
    return this.get('color');
  }
  set color(v: string | null) {
    this.setStyle('color', 'fontColor', v);
  }
  get size(): number | null {
    return this.get('size');
  }
  set size(v: number | null) {
    this.setStyle('size', 'fontSize', v);
  }
}

export class FakeRangeFill extends FormatPart {
  protected readonly typeName = 'RangeFill';
  protected readonly scalars: Scalars<RangeTarget> = { color: (t) => uniform(t, 'fill') };

  constructor(range: FakeRange) {
    super(range, 'format.fill');
  }

  get color(): string | null {
    return this.get('color');
  }
  set color(v: string | null) {
    this.setStyle('color', 'fill', v);
  }
}
