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
  type CellHyperlink,
  type FakeConditionalFormatData,
  type HorizontalAlignment,
  type SheetData,
  type VerticalAlignment,
} from './cells';
import { FakeClientObject, FakeClientResult, type Scalars } from './clientObject';
import type { Execution, FakeRequestContext } from './context';
import { FakeOfficeError, invalidArgument } from './errors';
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
    hyperlink: (t) => t.sheet.get(t.rect.row, t.rect.col)?.hyperlink ?? null,
  };
  private formatObject: FakeRangeFormat | undefined;
  private conditionalFormatsObject: FakeConditionalFormatCollection | undefined;
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

  get hyperlink(): CellHyperlink | null {
    return this.get('hyperlink');
  }
  /**
   * ExcelApi 1.7: a link on every cell of the range; `textToDisplay` becomes
   * the cell's text, as in Excel. Null removes the links.
   */
  set hyperlink(link: CellHyperlink | null) {
    this.set('hyperlink', link, (t, exec) => {
      exec.requireApi('1.7', 'Range.hyperlink');
      exec.state.guard(t.sheet);
      forEachCell(t.rect, (r, c) =>
        exec.state.change(exec.journal, t.sheet, r, c, (cell) => {
          if (link === null) {
            delete cell.hyperlink;
            return;
          }
          cell.hyperlink = { ...link };
          if (link.textToDisplay !== undefined) {
            delete cell.formula;
            delete cell.calcVersion;
            delete cell.fromFile;
            cell.value = link.textToDisplay === '' ? null : link.textToDisplay;
          }
        }),
      );
      exec.changedSheets.add(t.sheet.name);
    });
  }

  /** ExcelApi 1.6. */
  get conditionalFormats(): FakeConditionalFormatCollection {
    return (this.conditionalFormatsObject ??= new FakeConditionalFormatCollection(this));
  }

  /**
   * ExcelApi 1.9: per-cell formats, a 2D array the size of the range; keys
   * left out change nothing. Excel fails with an internal error on the web
   * for very large ranges (office-js #2564): the fake refuses over 90 000 cells.
   */
  setCellProperties(data: FakeSettableCellProperties[][]): void {
    this.call(
      'setCellProperties',
      [data],
      (t, exec) => {
        if (t === null) return;
        if (cellCount(t.rect) >= 90_000) {
          throw new FakeOfficeError(
            'GeneralException',
            'An internal error has occurred.',
            'Range.setCellProperties',
          );
        }
        const at = (i: number, j: number) => data[i]?.[j];
        if (data.length !== t.rect.rows || data.some((row) => row.length !== t.rect.cols)) {
          throw invalidArgument(
            "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
            'Range.setCellProperties',
          );
        }
        exec.state.guard(t.sheet);
        forEachCell(t.rect, (r, c) => {
          const f = at(r - t.rect.row, c - t.rect.col)?.format;
          if (!f) return;
          exec.state.change(exec.journal, t.sheet, r, c, (cell) => applyCellFormat(cell, f));
        });
        exec.changedSheets.add(t.sheet.name);
      },
      '1.9',
    );
  }

  /** Merges the range (or each row, `across`); the other cells' contents are dropped, as Excel does. */
  merge(across = false): void {
    this.call('merge', [across], (t, exec) => {
      if (t === null) return;
      exec.state.guard(t.sheet);
      const areas = across
        ? Array.from({ length: t.rect.rows }, (_, i) => ({ ...t.rect, row: t.rect.row + i, rows: 1 }))
        : [t.rect];
      for (const area of areas) {
        if (area.rows * area.cols < 2) continue;
        const overlapping = t.sheet.merges.some((m) => overlaps(m, area));
        if (overlapping) throw new FakeOfficeError('InvalidOperation', 'Cannot merge overlapping ranges.');
        forEachCell(area, (r, c) => {
          if (r === area.row && c === area.col) return;
          const cell = t.sheet.get(r, c);
          if (cell && (cell.formula !== undefined || cell.value !== null)) {
            exec.state.change(exec.journal, t.sheet, r, c, (next) => {
              next.value = null;
              delete next.formula;
            });
          }
        });
        t.sheet.merges.push(area);
        exec.journal.push(() => t.sheet.merges.splice(t.sheet.merges.indexOf(area), 1));
      }
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

  /** How the range crosses in a request when passed as an argument. */
  toJSON(): unknown {
    return { ref: this.path };
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

/** What `setCellProperties` takes per cell (the part of Excel.SettableCellProperties the fake knows). */
export interface FakeSettableCellProperties {
  format?: {
    indentLevel?: number;
    horizontalAlignment?: string;
    verticalAlignment?: string;
    wrapText?: boolean;
    font?: { bold?: boolean; italic?: boolean; color?: string; size?: number };
    fill?: { color?: string };
    borders?: {
      top?: FakeCellBorder;
      bottom?: FakeCellBorder;
      left?: FakeCellBorder;
      right?: FakeCellBorder;
    };
  };
}

export interface FakeCellBorder {
  style?: string;
  weight?: string;
  color?: string;
}

function forEachCell(rect: Rect, f: (row: number, col: number) => void): void {
  for (let r = rect.row; r < rect.row + rect.rows; r++)
    for (let c = rect.col; c < rect.col + rect.cols; c++) f(r, c);
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

const H_ALIGN: readonly string[] = ['General', 'Left', 'Center', 'Right'];
const V_ALIGN: readonly string[] = ['Top', 'Center', 'Bottom'];

function checkAlignment(value: string | null | undefined, allowed: readonly string[], where: string): void {
  if (value !== null && value !== undefined && !allowed.includes(value)) {
    throw invalidArgument(`Alignment '${value}' is not modelled.`, where);
  }
}

/** A border side as stored: the weight of a continuous line, or none. */
function borderWeight(current: string | undefined, b: FakeCellBorder): string | undefined {
  if (b.style === 'None') return undefined;
  if (b.weight !== undefined) return b.weight;
  if (b.style !== undefined) return current ?? 'Thin';
  return current;
}

function applyCellFormat(cell: CellData, f: NonNullable<FakeSettableCellProperties['format']>): void {
  if (f.indentLevel !== undefined) cell.indentLevel = f.indentLevel;
  if (f.horizontalAlignment !== undefined) {
    checkAlignment(f.horizontalAlignment, H_ALIGN, 'Range.setCellProperties');
    cell.horizontalAlignment = f.horizontalAlignment as HorizontalAlignment;
  }
  if (f.verticalAlignment !== undefined) {
    checkAlignment(f.verticalAlignment, V_ALIGN, 'Range.setCellProperties');
    cell.verticalAlignment = f.verticalAlignment as VerticalAlignment;
  }
  if (f.wrapText !== undefined) cell.wrapText = f.wrapText;
  if (f.font?.bold !== undefined) cell.bold = f.font.bold;
  if (f.font?.italic !== undefined) cell.italic = f.font.italic;
  if (f.font?.color !== undefined) cell.fontColor = f.font.color;
  if (f.font?.size !== undefined) cell.fontSize = f.font.size;
  if (f.fill?.color !== undefined) cell.fill = f.fill.color;
  const sides = [
    ['top', 'borderTop'],
    ['bottom', 'borderBottom'],
    ['left', 'borderLeft'],
    ['right', 'borderRight'],
  ] as const;
  for (const [side, key] of sides) {
    const b = f.borders?.[side];
    if (b === undefined) continue;
    const w = borderWeight(cell[key], b);
    if (w === undefined) delete cell[key];
    else cell[key] = w;
  }
}

/** Excel's column width in points for a width in characters (Calibri 11: 7 px a character, 5 px padding). */
export function charactersToPoints(chars: number): number {
  return ((chars * 7 + 5) * 3) / 4;
}

export function pointsToCharacters(points: number): number {
  return Math.round((((points * 4) / 3 - 5) / 7) * 100) / 100;
}

const DEFAULTS: Required<
  Omit<
    CellFormat,
    'numberFormat' | 'verticalAlignment' | 'borderTop' | 'borderBottom' | 'borderLeft' | 'borderRight'
  >
> & { verticalAlignment: VerticalAlignment } = {
  verticalAlignment: 'Bottom',
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
    verticalAlignment: (t) => uniform(t, 'verticalAlignment'),
    wrapText: (t) => uniform(t, 'wrapText'),
    columnWidth: (t) => charactersToPoints(t.sheet.columnWidths.get(t.rect.col) ?? 8.43),
    rowHeight: (t) => t.sheet.rowHeights.get(t.rect.row) ?? 15,
  };
  private fontObject: FakeRangeFont | undefined;
  private fillObject: FakeRangeFill | undefined;
  private bordersObject: FakeRangeBorderCollection | undefined;

  get verticalAlignment(): VerticalAlignment | null {
    return this.get('verticalAlignment');
  }
  set verticalAlignment(v: VerticalAlignment | null) {
    checkAlignment(v, V_ALIGN, 'RangeFormat.verticalAlignment');
    this.setStyle('verticalAlignment', 'verticalAlignment', v);
  }

  /** Points; stored in characters, as files keep it. */
  get columnWidth(): number | null {
    return this.get('columnWidth');
  }
  set columnWidth(points: number | null) {
    this.set('columnWidth', points, (t, exec) => {
      if (points === null) return;
      if (!(points >= 0 && points <= 1800))
        throw invalidArgument(`columnWidth ${points}.`, 'RangeFormat.columnWidth');
      for (let c = t.rect.col; c < t.rect.col + t.rect.cols; c++) {
        const old = t.sheet.columnWidths.get(c);
        t.sheet.columnWidths.set(c, pointsToCharacters(points));
        exec.journal.push(() =>
          old === undefined ? t.sheet.columnWidths.delete(c) : t.sheet.columnWidths.set(c, old),
        );
      }
      exec.changedSheets.add(t.sheet.name);
    });
  }

  get rowHeight(): number | null {
    return this.get('rowHeight');
  }
  set rowHeight(points: number | null) {
    this.set('rowHeight', points, (t, exec) => {
      if (points === null) return;
      if (!(points >= 0 && points <= 409))
        throw invalidArgument(`rowHeight ${points}.`, 'RangeFormat.rowHeight');
      for (let r = t.rect.row; r < t.rect.row + t.rect.rows; r++) {
        const old = t.sheet.rowHeights.get(r);
        t.sheet.rowHeights.set(r, points);
        exec.journal.push(() =>
          old === undefined ? t.sheet.rowHeights.delete(r) : t.sheet.rowHeights.set(r, old),
        );
      }
      exec.changedSheets.add(t.sheet.name);
    });
  }

  get borders(): FakeRangeBorderCollection {
    return (this.bordersObject ??= new FakeRangeBorderCollection(this.range));
  }

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
    checkAlignment(v, H_ALIGN, 'RangeFormat.horizontalAlignment');
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

const BORDER_INDEXES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideHorizontal',
  'InsideVertical',
] as const;
type BorderIndex = (typeof BORDER_INDEXES)[number];

export class FakeRangeBorderCollection {
  constructor(private readonly range: FakeRange) {}

  /** `EdgeTop`, `EdgeBottom`, `EdgeLeft`, `EdgeRight`, `InsideHorizontal`, `InsideVertical` (diagonals are not modelled). */
  getItem(index: string): FakeRangeBorder {
    if (!(BORDER_INDEXES as readonly string[]).includes(index)) {
      throw invalidArgument(`Border index '${index}' is not modelled.`, 'RangeBorderCollection.getItem');
    }
    return new FakeRangeBorder(this.range, index as BorderIndex);
  }
}

/** One side of every cell of a range, as Excel sets it: edges on the outer cells, insides between them. */
export class FakeRangeBorder extends FakeClientObject<RangeTarget> {
  protected readonly typeName = 'RangeBorder';
  protected readonly scalars: Scalars<RangeTarget> = {};

  constructor(
    range: FakeRange,
    private readonly index: BorderIndex,
  ) {
    super(range.context, `${range.ref}.format.borders.getItem(${JSON.stringify(index)})`, (exec) =>
      range.resolve(exec),
    );
  }

  get style(): string | null {
    return this.get('style');
  }
  set style(v: string | null) {
    this.set('style', v, (t, exec) => v !== null && this.apply(t, exec, { style: v }));
  }
  get weight(): string | null {
    return this.get('weight');
  }
  set weight(v: string | null) {
    this.set('weight', v, (t, exec) => v !== null && this.apply(t, exec, { weight: v }));
  }

  private apply(t: RangeTarget, exec: Execution, b: FakeCellBorder): void {
    exec.state.guard(t.sheet);
    const { row, col, rows, cols } = t.rect;
    const sides: { rect: Rect; key: 'borderTop' | 'borderBottom' | 'borderLeft' | 'borderRight' }[] = [];
    switch (this.index) {
      case 'EdgeTop':
        sides.push({ rect: { row, col, rows: 1, cols }, key: 'borderTop' });
        break;
      case 'EdgeBottom':
        sides.push({ rect: { row: row + rows - 1, col, rows: 1, cols }, key: 'borderBottom' });
        break;
      case 'EdgeLeft':
        sides.push({ rect: { row, col, rows, cols: 1 }, key: 'borderLeft' });
        break;
      case 'EdgeRight':
        sides.push({ rect: { row, col: col + cols - 1, rows, cols: 1 }, key: 'borderRight' });
        break;
      case 'InsideHorizontal':
        if (rows > 1) {
          sides.push({ rect: { row, col, rows: rows - 1, cols }, key: 'borderBottom' });
          sides.push({ rect: { row: row + 1, col, rows: rows - 1, cols }, key: 'borderTop' });
        }
        break;
      case 'InsideVertical':
        if (cols > 1) {
          sides.push({ rect: { row, col, rows, cols: cols - 1 }, key: 'borderRight' });
          sides.push({ rect: { row, col: col + 1, rows, cols: cols - 1 }, key: 'borderLeft' });
        }
        break;
    }
    for (const { rect, key } of sides) {
      forEachCell(rect, (r, c) =>
        exec.state.change(exec.journal, t.sheet, r, c, (cell) => {
          const w = borderWeight(cell[key], b);
          if (w === undefined) delete cell[key];
          else cell[key] = w;
        }),
      );
    }
    exec.changedSheets.add(t.sheet.name);
  }
}

/** ExcelApi 1.6: `range.conditionalFormats`; only expression rules (`Custom`) are modelled. */
export class FakeConditionalFormatCollection {
  constructor(private readonly range: FakeRange) {}

  add(type: string): FakeConditionalFormat {
    let added: FakeConditionalFormatData | null = null;
    const range = this.range;
    range.context.enqueue({
      request: { call: `${range.ref}.conditionalFormats`, method: 'add', args: [type] },
      run: (exec) => {
        exec.requireApi('1.6', 'ConditionalFormatCollection.add');
        if (type !== 'Custom') throw invalidArgument(`Conditional format type '${type}' is not modelled.`);
        const t = range.resolve(exec);
        if (t === null) return;
        exec.state.guard(t.sheet);
        const data: FakeConditionalFormatData = {
          range: rectToA1(t.rect),
          type,
          formula: null,
          fill: null,
          fontColor: null,
          bold: null,
        };
        t.sheet.conditionalFormats.push(data);
        added = data;
        exec.journal.push(() =>
          t.sheet.conditionalFormats.splice(t.sheet.conditionalFormats.indexOf(data), 1),
        );
        exec.changedSheets.add(t.sheet.name);
      },
    });
    return new FakeConditionalFormat(
      range.context,
      `${range.ref}.conditionalFormats.add(${JSON.stringify(type)})`,
      () => added,
    );
  }
}

type CfKey = 'formula' | 'fill' | 'fontColor' | 'bold';

/** A settable property of a conditional format's data. */
class CfPart extends FakeClientObject<FakeConditionalFormatData> {
  protected readonly typeName = 'ConditionalFormatPart';
  protected readonly scalars: Scalars<FakeConditionalFormatData> = {};

  protected setKey(name: string, key: CfKey, value: string | boolean | null): void {
    this.set(name, value, (data, exec) => {
      const old = data[key];
      (data as unknown as Record<CfKey, unknown>)[key] = value;
      exec.journal.push(() => ((data as unknown as Record<CfKey, unknown>)[key] = old));
    });
  }
}

class CfRule extends CfPart {
  get formula(): string | null {
    return this.get('formula');
  }
  set formula(v: string | null) {
    this.setKey('formula', 'formula', v);
  }
}

class CfFill extends CfPart {
  get color(): string | null {
    return this.get('color');
  }
  set color(v: string | null) {
    this.setKey('color', 'fill', v);
  }
}

class CfFont extends CfPart {
  get color(): string | null {
    return this.get('color');
  }
  set color(v: string | null) {
    this.setKey('color', 'fontColor', v);
  }
  get bold(): boolean | null {
    return this.get('bold');
  }
  set bold(v: boolean | null) {
    this.setKey('bold', 'bold', v);
  }
}

export class FakeConditionalFormat extends FakeClientObject<FakeConditionalFormatData> {
  protected readonly typeName = 'ConditionalFormat';
  protected readonly scalars: Scalars<FakeConditionalFormatData> = { type: (d) => d.type };
  readonly custom: {
    readonly rule: CfRule;
    readonly format: { readonly fill: CfFill; readonly font: CfFont };
  };

  constructor(context: FakeRequestContext, path: string, resolver: () => FakeConditionalFormatData | null) {
    super(context, path, resolver);
    const at = (p: string) =>
      [context, `${this.ref}.custom.${p}`, (exec: Execution) => this.resolve(exec)] as const;
    this.custom = {
      rule: new CfRule(...at('rule')),
      format: { fill: new CfFill(...at('format.fill')), font: new CfFont(...at('format.font')) },
    };
  }
}
