/**
 * `Range` and what hangs off it (format, font, fill, borders, conditional
 * formats), as the host answers them. Values read as Office.js shows them:
 * `""` for an empty cell, `"#REF!"` for an error (valueType `Error`), a
 * formula's result in `values` and its text in `formulas`. A read of more
 * cells than Excel allows is refused (`RangeExceedsLimit`) or answered with
 * null values, as the host's limits say (OFFICEJS.md: both happen).
 */
import { quoteSheetName } from '../../domain/address';
import {
  FORMAT_KEYS,
  type CellData,
  type CellFormat,
  type CellHyperlink,
  type ConditionalFormatData,
  type HorizontalAlignment,
  type SheetData,
  type VerticalAlignment,
} from '../model/cells';
import { HostError, invalidArgument } from '../model/errors';
import {
  cellCount,
  MAX_COLS,
  MAX_ROWS,
  overlaps,
  parseRangeAddress,
  qualifiedAddress,
  type Rect,
  rectToA1,
} from '../model/rangeAddress';
import type { GridKind } from '../model/state';
import type { Execution } from '../richApi/execution';
import { defineType, type HostObject, type TypeDef } from '../richApi/schema';
import { activate, Worksheet } from './worksheet';

export interface RangeTarget {
  readonly sheet: SheetData;
  readonly rect: Rect;
}

export function checkedRect(rect: Rect, where: string): Rect {
  const ok =
    Number.isInteger(rect.row) &&
    Number.isInteger(rect.col) &&
    rect.row >= 0 &&
    rect.col >= 0 &&
    rect.rows >= 1 &&
    rect.cols >= 1 &&
    rect.row + rect.rows <= MAX_ROWS &&
    rect.col + rect.cols <= MAX_COLS;
  if (!ok) throw invalidArgument('the range is outside the worksheet', where);
  return rect;
}

/** A range argument: a Range object of the request. */
export function rangeOf(arg: unknown, where: string): RangeTarget {
  const obj = arg as HostObject | null;
  if (obj === null || typeof obj !== 'object' || obj.type !== Range) {
    throw invalidArgument('a Range is expected', where);
  }
  return obj.target as RangeTarget;
}

function grid(kind: GridKind) {
  return (t: RangeTarget, x: Execution): unknown[][] | null =>
    x.checkRead(cellCount(t.rect), `Range.${kind}`) ? x.state.read(t.sheet, t.rect, kind) : null;
}

function forEachCell(rect: Rect, f: (row: number, col: number) => void): void {
  for (let r = rect.row; r < rect.row + rect.rows; r++)
    for (let c = rect.col; c < rect.col + rect.cols; c++) f(r, c);
}

function writeContent(t: RangeTarget, x: Execution, input: unknown, where: string): void {
  x.state.writeContent(x.journal, t.sheet, t.rect, input, where);
  x.changedSheets.add(t.sheet.name);
}

const integer = (v: unknown, where: string): number => {
  if (typeof v !== 'number' || !Number.isInteger(v))
    throw invalidArgument(`${String(v)} is not an integer`, where);
  return v;
};

/** A range derived from another: its cells checked to lie on the sheet. */
const derived =
  (f: (r: Rect, args: readonly unknown[]) => Rect, where: string) =>
  (t: RangeTarget, args: readonly unknown[]): RangeTarget => ({
    sheet: t.sheet,
    rect: checkedRect(f(t.rect, args), where),
  });

export const Range: TypeDef<RangeTarget> = defineType<RangeTarget>({
  name: 'Range',
  properties: {
    Address: { get: (t) => qualifiedAddress(t.sheet.name, t.rect) },
    AddressLocal: { get: (t) => qualifiedAddress(t.sheet.name, t.rect) },
    RowIndex: { get: (t) => t.rect.row },
    ColumnIndex: { get: (t) => t.rect.col },
    RowCount: { get: (t) => t.rect.rows },
    ColumnCount: { get: (t) => t.rect.cols },
    CellCount: { get: (t) => cellCount(t.rect) },
    Values: {
      get: grid('values'),
      set: (t, v, x) => writeContent(t, x, v, 'Range.values'),
    },
    Formulas: {
      get: grid('formulas'),
      set: (t, v, x) => writeContent(t, x, v, 'Range.formulas'),
    },
    Text: { get: grid('text') },
    ValueTypes: { get: grid('valueTypes') },
    NumberFormat: {
      get: grid('numberFormat'),
      set: (t, v, x) => {
        x.state.writeFormat(x.journal, t.sheet, t.rect, 'numberFormat', v, 'Range.numberFormat');
        x.changedSheets.add(t.sheet.name);
      },
    },
    Hyperlink: {
      api: '1.7',
      get: (t) => t.sheet.get(t.rect.row, t.rect.col)?.hyperlink ?? null,
      // A link on every cell of the range; `textToDisplay` becomes the cell's text, as in Excel.
      set: (t, v, x) => {
        const link = v as CellHyperlink | null;
        x.state.guard(t.sheet);
        forEachCell(t.rect, (r, c) =>
          x.state.change(x.journal, t.sheet, r, c, (cell) => {
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
        x.changedSheets.add(t.sheet.name);
      },
    },
  },
  navigations: {
    Format: { type: () => RangeFormat, get: (t) => t },
    Worksheet: { type: () => Worksheet, get: (t) => t.sheet },
    ConditionalFormats: { api: '1.6', type: () => ConditionalFormatCollection, get: (t) => t },
  },
  methods: {
    GetCell: {
      returns: () => Range,
      call: derived(
        (r, [row, col]) => ({
          row: r.row + integer(row, 'Range.getCell'),
          col: r.col + integer(col, 'Range.getCell'),
          rows: 1,
          cols: 1,
        }),
        'Range.getCell',
      ),
    },
    GetRow: {
      returns: () => Range,
      call: derived(
        (r, [row]) => ({ ...r, row: r.row + integer(row, 'Range.getRow'), rows: 1 }),
        'Range.getRow',
      ),
    },
    GetColumn: {
      returns: () => Range,
      call: derived(
        (r, [col]) => ({ ...r, col: r.col + integer(col, 'Range.getColumn'), cols: 1 }),
        'Range.getColumn',
      ),
    },
    GetResizedRange: {
      returns: () => Range,
      call: derived(
        (r, [dr, dc]) => ({
          ...r,
          rows: r.rows + integer(dr, 'Range.getResizedRange'),
          cols: r.cols + integer(dc, 'Range.getResizedRange'),
        }),
        'Range.getResizedRange',
      ),
    },
    GetOffsetRange: {
      returns: () => Range,
      call: derived(
        (r, [dr, dc]) => ({
          ...r,
          row: r.row + integer(dr, 'Range.getOffsetRange'),
          col: r.col + integer(dc, 'Range.getOffsetRange'),
        }),
        'Range.getOffsetRange',
      ),
    },
    /** The smallest range holding both (the client's own bulk writes use it). */
    GetBoundingRect: {
      returns: () => Range,
      call: (t, [other]) => {
        const o = rangeOf(other, 'Range.getBoundingRect');
        if (o.sheet !== t.sheet)
          throw invalidArgument('the ranges are on different sheets', 'Range.getBoundingRect');
        const row = Math.min(t.rect.row, o.rect.row);
        const col = Math.min(t.rect.col, o.rect.col);
        const row1 = Math.max(t.rect.row + t.rect.rows, o.rect.row + o.rect.rows);
        const col1 = Math.max(t.rect.col + t.rect.cols, o.rect.col + o.rect.cols);
        return { sheet: t.sheet, rect: { row, col, rows: row1 - row, cols: col1 - col } };
      },
    },
    /** ExcelApi 1.4: the cells both ranges cover; a null object when none. */
    GetIntersectionOrNullObject: {
      api: '1.4',
      returns: () => Range,
      call: (t, [other]) => {
        const o = rangeOfArg(t, other, 'Range.getIntersectionOrNullObject');
        if (o.sheet !== t.sheet || !overlaps(t.rect, o.rect)) return null;
        const row = Math.max(t.rect.row, o.rect.row);
        const col = Math.max(t.rect.col, o.rect.col);
        const row1 = Math.min(t.rect.row + t.rect.rows, o.rect.row + o.rect.rows);
        const col1 = Math.min(t.rect.col + t.rect.cols, o.rect.col + o.rect.cols);
        return { sheet: t.sheet, rect: { row, col, rows: row1 - row, cols: col1 - col } };
      },
    },
    /** The client checks a bulk write's array against the range with this before writing it in parts. */
    _ValidateArraySize: {
      call: (t, [rows, cols]) => {
        if (rows !== t.rect.rows || cols !== t.rect.cols) {
          throw invalidArgument(
            "the number of rows or columns in the input array doesn't match the size or dimensions of the range",
            'Range.values',
          );
        }
      },
    },
    GetCellProperties: {
      api: '1.9',
      call: (t, [options], x) => {
        x.checkRead(cellCount(t.rect), 'Range.getCellProperties');
        return cellProperties(t, (options ?? {}) as CellPropertiesLoadOptions);
      },
    },
    /**
     * Per-cell formats, a 2D array the size of the range; keys left out change nothing. Excel fails
     * with an internal error on the web for very large ranges (office-js #2564): the host refuses
     * from 90 000 cells.
     */
    SetCellProperties: {
      api: '1.9',
      call: (t, [data], x) => {
        if (cellCount(t.rect) >= 90_000)
          throw new HostError('GeneralException', 'setCellProperties on 90 000 cells or more');
        const rows = data as SettableCellProperties[][];
        if (
          !Array.isArray(rows) ||
          rows.length !== t.rect.rows ||
          rows.some((row) => !Array.isArray(row) || row.length !== t.rect.cols)
        ) {
          throw invalidArgument(
            "the number of rows or columns in the input array doesn't match the size or dimensions of the range",
          );
        }
        x.state.guard(t.sheet);
        forEachCell(t.rect, (r, c) => {
          const f = rows[r - t.rect.row][c - t.rect.col]?.format;
          if (!f) return;
          x.state.change(x.journal, t.sheet, r, c, (cell) => applyCellFormat(cell, f));
        });
        x.changedSheets.add(t.sheet.name);
      },
    },
    /** Merges the range (or each row, `across`); the other cells' contents are dropped, as Excel does. */
    Merge: {
      call: (t, [across], x) => {
        x.state.guard(t.sheet);
        const areas = across
          ? Array.from({ length: t.rect.rows }, (_, i) => ({ ...t.rect, row: t.rect.row + i, rows: 1 }))
          : [t.rect];
        for (const area of areas) {
          if (area.rows * area.cols < 2) continue;
          if (
            t.sheet.merges.overlapping(area) ||
            t.sheet.tables.some((tb) => overlaps(parseAddress(tb.range, 'Range.merge'), area))
          ) {
            throw new HostError('MergedRangeConflict', rectToA1(area));
          }
          forEachCell(area, (r, c) => {
            if (r === area.row && c === area.col) return;
            const cell = t.sheet.get(r, c);
            if (cell && (cell.formula !== undefined || cell.value !== null)) {
              x.state.change(x.journal, t.sheet, r, c, (next) => {
                next.value = null;
                delete next.formula;
              });
            }
          });
          t.sheet.merges.add(area);
          x.journal.push(() => t.sheet.merges.remove(area));
        }
        x.changedSheets.add(t.sheet.name);
      },
    },
    /** Selects the range, activating its sheet (a hidden sheet cannot be). */
    Select: {
      call: (t, _args, x) => {
        activate(x, t.sheet);
        const old = t.sheet.selection;
        t.sheet.selection = t.rect;
        x.journal.push(() => (t.sheet.selection = old));
      },
    },
    /** Clears contents, formats or both (default). */
    Clear: {
      call: (t, [applyTo = 'All'], x) => {
        if (!['All', 'Formats', 'Contents'].includes(applyTo as string)) {
          throw invalidArgument(`applyTo '${String(applyTo)}' is not modelled`);
        }
        x.state.guard(t.sheet);
        for (let r = t.rect.row; r < t.rect.row + t.rect.rows; r++) {
          const row = t.sheet.rows[r];
          if (!row) continue;
          row.forEach((cell, c) => {
            if (c < t.rect.col || c >= t.rect.col + t.rect.cols || cell === undefined) return;
            x.state.change(x.journal, t.sheet, r, c, (next) => {
              if (applyTo !== 'Formats') {
                next.value = null;
                delete next.formula;
                delete next.quotePrefix;
              }
              if (applyTo !== 'Contents') for (const k of FORMAT_KEYS) delete next[k];
            });
          });
        }
        x.changedSheets.add(t.sheet.name);
      },
    },
  },
});

/** A Range, or an address on the range's sheet (`getIntersectionOrNullObject('A1:C3')`). */
function rangeOfArg(t: RangeTarget, arg: unknown, where: string): RangeTarget {
  if (typeof arg === 'string') return { sheet: t.sheet, rect: parseAddress(arg, where) };
  return rangeOf(arg, where);
}

export function parseAddress(address: string, where: string): Rect {
  const rect = parseRangeAddress(address);
  if (!rect) throw invalidArgument(`'${address}' is not a range address`, where);
  return rect;
}

// ---- Cell properties (ExcelApi 1.9) ----

/** What `setCellProperties` takes per cell (the part of Excel.SettableCellProperties the host knows). */
interface SettableCellProperties {
  format?: {
    indentLevel?: number;
    horizontalAlignment?: string;
    verticalAlignment?: string;
    wrapText?: boolean;
    font?: { bold?: boolean; italic?: boolean; color?: string; size?: number; name?: string };
    fill?: { color?: string };
    borders?: { top?: CellBorder; bottom?: CellBorder; left?: CellBorder; right?: CellBorder };
  };
}

interface CellBorder {
  style?: string;
  weight?: string;
  color?: string;
}

interface CellPropertiesLoadOptions {
  address?: boolean;
  format?: {
    indentLevel?: boolean;
    horizontalAlignment?: boolean;
    wrapText?: boolean;
    font?: { bold?: boolean; italic?: boolean; color?: boolean; size?: boolean };
    fill?: { color?: boolean };
  };
}

const H_ALIGN: readonly string[] = ['General', 'Left', 'Center', 'Right'];
const V_ALIGN: readonly string[] = ['Top', 'Center', 'Bottom'];

function checkAlignment(value: unknown, allowed: readonly string[], where: string): void {
  if (value !== null && value !== undefined && !allowed.includes(value as string)) {
    throw invalidArgument(`alignment '${String(value)}' is not modelled`, where);
  }
}

/** A border side as stored: the weight of a continuous line, or none. */
function borderWeight(current: string | undefined, b: CellBorder): string | undefined {
  if (b.style === 'None') return undefined;
  if (b.weight !== undefined) return b.weight;
  if (b.style !== undefined) return current ?? 'Thin';
  return current;
}

function applyCellFormat(cell: CellData, f: NonNullable<SettableCellProperties['format']>): void {
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

const DEFAULTS = {
  verticalAlignment: 'Bottom',
  indentLevel: 0,
  bold: false,
  italic: false,
  fontSize: 11,
  fontName: 'Calibri',
  fontColor: '#000000',
  fill: '#FFFFFF',
  horizontalAlignment: 'General',
  wrapText: false,
} as const satisfies Partial<Record<keyof CellFormat, unknown>>;

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

function cellProperties(t: RangeTarget, o: CellPropertiesLoadOptions): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 0; r < t.rect.rows; r++) {
    const cells = t.sheet.rows[t.rect.row + r];
    const row: unknown[] = [];
    for (let c = 0; c < t.rect.cols; c++) {
      const cell = cells?.[t.rect.col + c];
      const p: Record<string, unknown> = {};
      if (o.address) {
        p.address = `${quoteSheetName(t.sheet.name)}!${rectToA1({ row: t.rect.row + r, col: t.rect.col + c, rows: 1, cols: 1 })}`;
      }
      const f = o.format;
      if (f) {
        const format: Record<string, unknown> = {};
        if (f.indentLevel) format.indentLevel = styleOf(cell, 'indentLevel');
        if (f.horizontalAlignment) format.horizontalAlignment = styleOf(cell, 'horizontalAlignment');
        if (f.wrapText) format.wrapText = styleOf(cell, 'wrapText');
        if (f.font) {
          const font: Record<string, unknown> = {};
          if (f.font.bold) font.bold = styleOf(cell, 'bold');
          if (f.font.italic) font.italic = styleOf(cell, 'italic');
          if (f.font.color) font.color = styleOf(cell, 'fontColor');
          if (f.font.size) font.size = styleOf(cell, 'fontSize');
          format.font = font;
        }
        if (f.fill?.color) format.fill = { color: styleOf(cell, 'fill') };
        p.format = format;
      }
      row.push(p);
    }
    out.push(row);
  }
  return out;
}

// ---- Format, font, fill, borders ----

function style(key: StyleKey, check?: (v: unknown, where: string) => void) {
  return {
    get: (t: RangeTarget) => uniform(t, key),
    set: (t: RangeTarget, v: unknown, x: Execution) => {
      if (v === null) return;
      check?.(v, key);
      x.state.writeFormat(x.journal, t.sheet, t.rect, key, v, key);
      x.changedSheets.add(t.sheet.name);
    },
  };
}

export const RangeFormat: TypeDef<RangeTarget> = defineType<RangeTarget>({
  name: 'RangeFormat',
  properties: {
    IndentLevel: {
      api: '1.9',
      ...style('indentLevel', (v) => {
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 250)
          throw invalidArgument(`indentLevel ${String(v)}`);
      }),
    },
    HorizontalAlignment: style('horizontalAlignment', (v, w) => checkAlignment(v, H_ALIGN, w)),
    VerticalAlignment: style('verticalAlignment', (v, w) => checkAlignment(v, V_ALIGN, w)),
    WrapText: style('wrapText'),
    /** Points; stored in characters, as files keep it. */
    ColumnWidth: {
      get: (t) => charactersToPoints(t.sheet.columnWidths.get(t.rect.col) ?? 8.43),
      set: (t, v, x) => {
        if (v === null) return;
        const points = v as number;
        if (!(typeof points === 'number' && points >= 0 && points <= 1800))
          throw invalidArgument(`columnWidth ${String(v)}`);
        for (let c = t.rect.col; c < t.rect.col + t.rect.cols; c++) {
          const old = t.sheet.columnWidths.get(c);
          t.sheet.columnWidths.set(c, pointsToCharacters(points));
          x.journal.push(() =>
            old === undefined ? t.sheet.columnWidths.delete(c) : t.sheet.columnWidths.set(c, old),
          );
        }
        x.changedSheets.add(t.sheet.name);
      },
    },
    /** Points; Excel's maximum is 409. */
    RowHeight: {
      get: (t) => t.sheet.rowHeights.get(t.rect.row) ?? 15,
      set: (t, v, x) => {
        if (v === null) return;
        const points = v as number;
        if (!(typeof points === 'number' && points >= 0 && points <= 409))
          throw invalidArgument(`rowHeight ${String(v)}`);
        for (let r = t.rect.row; r < t.rect.row + t.rect.rows; r++) {
          const old = t.sheet.rowHeights.get(r);
          t.sheet.rowHeights.set(r, points);
          x.journal.push(() =>
            old === undefined ? t.sheet.rowHeights.delete(r) : t.sheet.rowHeights.set(r, old),
          );
        }
        x.changedSheets.add(t.sheet.name);
      },
    },
  },
  navigations: {
    Font: { type: () => RangeFont, get: (t) => t },
    Fill: { type: () => RangeFill, get: (t) => t },
    Borders: { type: () => RangeBorderCollection, get: (t) => t },
  },
});

export const RangeFont: TypeDef<RangeTarget> = defineType<RangeTarget>({
  name: 'RangeFont',
  properties: {
    Bold: style('bold'),
    Italic: style('italic'),
    Color: style('fontColor'),
    Size: style('fontSize'),
    Name: style('fontName'),
  },
});

export const RangeFill: TypeDef<RangeTarget> = defineType<RangeTarget>({
  name: 'RangeFill',
  properties: { Color: style('fill') },
});

const BORDER_INDEXES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideHorizontal',
  'InsideVertical',
] as const;
type BorderIndex = (typeof BORDER_INDEXES)[number];

interface BorderTarget {
  readonly range: RangeTarget;
  readonly index: BorderIndex;
}

export const RangeBorderCollection: TypeDef<RangeTarget> = defineType<RangeTarget>({
  name: 'RangeBorderCollection',
  /** `EdgeTop`, `EdgeBottom`, `EdgeLeft`, `EdgeRight`, `InsideHorizontal`, `InsideVertical` (diagonals are not modelled). */
  indexer: {
    returns: () => RangeBorder,
    call: (t, [index]): BorderTarget => {
      if (!(BORDER_INDEXES as readonly unknown[]).includes(index)) {
        throw invalidArgument(`border index '${String(index)}' is not modelled`);
      }
      return { range: t, index: index as BorderIndex };
    },
  },
});

type SideKey = 'borderTop' | 'borderBottom' | 'borderLeft' | 'borderRight';

/** One side of every cell of a range, as Excel sets it: edges on the outer cells, insides between them. */
function applyBorder(b: BorderTarget, x: Execution, border: CellBorder): void {
  const t = b.range;
  x.state.guard(t.sheet);
  const { row, col, rows, cols } = t.rect;
  const sides: { rect: Rect; key: SideKey }[] = [];
  switch (b.index) {
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
      x.state.change(x.journal, t.sheet, r, c, (cell) => {
        const w = borderWeight(cell[key], border);
        if (w === undefined) delete cell[key];
        else cell[key] = w;
      }),
    );
  }
  x.changedSheets.add(t.sheet.name);
}

export const RangeBorder: TypeDef<BorderTarget> = defineType<BorderTarget>({
  name: 'RangeBorder',
  properties: {
    SideIndex: { get: (b) => b.index },
    Style: { set: (b, v, x) => v !== null && applyBorder(b, x, { style: v as string }) },
    Weight: { set: (b, v, x) => v !== null && applyBorder(b, x, { weight: v as string }) },
  },
});

// ---- Conditional formats (ExcelApi 1.6): expression rules only ----

export const ConditionalFormatCollection: TypeDef<RangeTarget> = defineType<RangeTarget>({
  name: 'ConditionalFormatCollection',
  methods: {
    Add: {
      api: '1.6',
      returns: () => ConditionalFormat,
      call: (t, [type], x) => {
        if (type !== 'Custom')
          throw invalidArgument(`conditional format type '${String(type)}' is not modelled`);
        x.state.guard(t.sheet);
        const data: ConditionalFormatData = {
          range: rectToA1(t.rect),
          type: 'Custom',
          formula: null,
          fill: null,
          fontColor: null,
          bold: null,
        };
        t.sheet.conditionalFormats.push(data);
        x.journal.push(() => t.sheet.conditionalFormats.splice(t.sheet.conditionalFormats.indexOf(data), 1));
        x.changedSheets.add(t.sheet.name);
        return data;
      },
    },
  },
});

type CfKey = 'formula' | 'fill' | 'fontColor' | 'bold';

function cfSetting(key: CfKey) {
  return {
    get: (d: ConditionalFormatData) => d[key],
    set: (d: ConditionalFormatData, v: unknown, x: Execution) => {
      const old = d[key];
      (d as unknown as Record<CfKey, unknown>)[key] = v;
      x.journal.push(() => ((d as unknown as Record<CfKey, unknown>)[key] = old));
    },
  };
}

export const ConditionalFormat: TypeDef<ConditionalFormatData> = defineType<ConditionalFormatData>({
  name: 'ConditionalFormat',
  properties: { Type: { get: (d) => d.type } },
  navigations: {
    Custom: { type: () => CustomConditionalFormat, get: (d) => d },
  },
});

const CustomConditionalFormat: TypeDef<ConditionalFormatData> = defineType<ConditionalFormatData>({
  name: 'CustomConditionalFormat',
  navigations: {
    Rule: { type: () => ConditionalFormatRule, get: (d) => d },
    Format: { type: () => ConditionalRangeFormat, get: (d) => d },
  },
});

const ConditionalFormatRule: TypeDef<ConditionalFormatData> = defineType<ConditionalFormatData>({
  name: 'ConditionalFormatRule',
  properties: { Formula: cfSetting('formula') },
});

const ConditionalRangeFormat: TypeDef<ConditionalFormatData> = defineType<ConditionalFormatData>({
  name: 'ConditionalRangeFormat',
  navigations: {
    Fill: { type: () => ConditionalRangeFill, get: (d) => d },
    Font: { type: () => ConditionalRangeFont, get: (d) => d },
  },
});

const ConditionalRangeFill: TypeDef<ConditionalFormatData> = defineType<ConditionalFormatData>({
  name: 'ConditionalRangeFill',
  properties: { Color: cfSetting('fill') },
});

const ConditionalRangeFont: TypeDef<ConditionalFormatData> = defineType<ConditionalFormatData>({
  name: 'ConditionalRangeFont',
  properties: { Color: cfSetting('fontColor'), Bold: cfSetting('bold') },
});
