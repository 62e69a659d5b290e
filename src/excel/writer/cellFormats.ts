/**
 * The model's cell styles as Office.js formats: which Office.js property
 * each style sets, how cells of equal style are grouped, and the same as
 * `setCellProperties` data (ExcelApi 1.9) for bands of mixed formats.
 */
import type { BorderWeight, CellBorders, CellModel } from '../../domain/model';
import type { ExcelCellBorder, ExcelRange, ExcelSettableCellProperties } from '../excelApi';
import type { RectOptions } from './rects';
import { jsonBytes } from '../adapter/blocks';
import * as bytes from './requestBytes';

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;
const WEIGHT: Readonly<Record<BorderWeight, string>> = { thin: 'Thin', medium: 'Medium' };

/** The horizontal alignment: an indent needs a left (or right) alignment to show, as in Excel. */
function alignmentOf(c: CellModel): string | undefined {
  if (c.horizontalAlignment) return H_ALIGN[c.horizontalAlignment];
  return c.indent !== undefined && c.indent > 0 ? 'Left' : undefined;
}

export type BorderSide = 'top' | 'bottom' | 'left' | 'right';
const SIDES: readonly BorderSide[] = ['top', 'bottom', 'left', 'right'];

/** One format the writer sets, grouped into rectangles of cells that share its value. */
export interface FormatProperty<T> {
  readonly name: string;
  /** ExcelApi version the range property needs (RangeFormat.indentLevel: 1.9). */
  readonly api?: string;
  readonly valueOf: (c: CellModel) => T | undefined;
  readonly grouping?: RectOptions<T>;
  /** Sets the value on a range. */
  readonly apply: (range: ExcelRange, value: T) => void;
  /** Request bytes of what `apply` queues on the range `on` (requestBytes.ts). */
  readonly requestBytes: (on: bytes.Reach, value: T) => number;
  /** Adds the value to a cell's `setCellProperties` entry. */
  readonly toCell: (format: NonNullable<ExcelSettableCellProperties['format']>, value: T) => void;
}

const prop = <T>(p: FormatProperty<T>): FormatProperty<unknown> => p as FormatProperty<unknown>;

function borderItem(range: ExcelRange, index: string, weight: string): void {
  const b = range.format.borders.getItem(index);
  b.style = 'Continuous';
  b.weight = weight;
}

/**
 * Borders: rectangles only where they draw exactly the cells' sides — down
 * rows when each cell's top and bottom agree (the inside lines are both),
 * along a row when its left and right agree.
 */
const borders: FormatProperty<CellBorders> = {
  name: 'border',
  valueOf: (c) => (c.border && SIDES.some((s) => c.border![s]) ? c.border : undefined),
  grouping: {
    key: (b) => SIDES.map((s) => b[s] ?? '').join('/'),
    acrossRows: (b) => b.top === b.bottom,
    acrossCols: (b) => b.left === b.right,
  },
  apply: (range, b) => {
    if (b.top) borderItem(range, 'EdgeTop', WEIGHT[b.top]);
    if (b.bottom) borderItem(range, 'EdgeBottom', WEIGHT[b.bottom]);
    if (b.left) borderItem(range, 'EdgeLeft', WEIGHT[b.left]);
    if (b.right) borderItem(range, 'EdgeRight', WEIGHT[b.right]);
    if (b.top && b.top === b.bottom) borderItem(range, 'InsideHorizontal', WEIGHT[b.top]);
    if (b.left && b.left === b.right) borderItem(range, 'InsideVertical', WEIGHT[b.left]);
  },
  requestBytes: (on, b) => {
    const items: { name: string; argsBytes: number; reach?: bytes.Reach }[] = [];
    const add = (index: string, weight: string) => {
      const reach = bytes.itemOnly(index);
      items.push({ name: 'Style', argsBytes: jsonBytes(['Continuous']), reach });
      items.push({ name: 'Weight', argsBytes: jsonBytes([weight]), reach: { bytes: 0, paths: 0 } });
    };
    if (b.top) add('EdgeTop', WEIGHT[b.top]);
    if (b.bottom) add('EdgeBottom', WEIGHT[b.bottom]);
    if (b.left) add('EdgeLeft', WEIGHT[b.left]);
    if (b.right) add('EdgeRight', WEIGHT[b.right]);
    if (b.top && b.top === b.bottom) add('InsideHorizontal', WEIGHT[b.top]);
    if (b.left && b.left === b.right) add('InsideVertical', WEIGHT[b.left]);
    return bytes.actions(bytes.nav(on, 'Format', 'Borders'), items);
  },
  toCell: (f, b) => {
    const out: Partial<Record<BorderSide, ExcelCellBorder>> = {};
    for (const s of SIDES) {
      const w = b[s];
      if (w) out[s] = { style: 'Continuous', weight: WEIGHT[w] };
    }
    f.borders = out;
  },
};

/** Every format but the number format (set apart: before the values, and not a cell property). */
export const FORMAT_PROPERTIES: readonly FormatProperty<unknown>[] = [
  prop<boolean>({
    name: 'bold',
    valueOf: (c) => c.bold,
    apply: (r, v) => (r.format.font.bold = v),
    requestBytes: (on, v) => bytes.set(bytes.nav(on, 'Format', 'Font'), 'Bold', jsonBytes(v)),
    toCell: (f, v) => ((f.font ??= {}).bold = v),
  }),
  prop<boolean>({
    name: 'italic',
    valueOf: (c) => c.italic,
    apply: (r, v) => (r.format.font.italic = v),
    requestBytes: (on, v) => bytes.set(bytes.nav(on, 'Format', 'Font'), 'Italic', jsonBytes(v)),
    toCell: (f, v) => ((f.font ??= {}).italic = v),
  }),
  prop<number>({
    name: 'fontSize',
    valueOf: (c) => c.fontSize,
    apply: (r, v) => (r.format.font.size = v),
    requestBytes: (on, v) => bytes.set(bytes.nav(on, 'Format', 'Font'), 'Size', jsonBytes(v)),
    toCell: (f, v) => ((f.font ??= {}).size = v),
  }),
  prop<string>({
    name: 'fontColor',
    valueOf: (c) => c.fontColor,
    apply: (r, v) => (r.format.font.color = v),
    requestBytes: (on, v) => bytes.set(bytes.nav(on, 'Format', 'Font'), 'Color', jsonBytes(v)),
    toCell: (f, v) => ((f.font ??= {}).color = v),
  }),
  prop<string>({
    name: 'fill',
    valueOf: (c) => c.fill,
    apply: (r, v) => (r.format.fill.color = v),
    requestBytes: (on, v) => bytes.set(bytes.nav(on, 'Format', 'Fill'), 'Color', jsonBytes(v)),
    toCell: (f, v) => (f.fill = { color: v }),
  }),
  prop<string>({
    name: 'horizontalAlignment',
    valueOf: alignmentOf,
    apply: (r, v) => (r.format.horizontalAlignment = v),
    requestBytes: (on, v) => bytes.set(bytes.nav(on, 'Format'), 'HorizontalAlignment', jsonBytes(v)),
    toCell: (f, v) => (f.horizontalAlignment = v),
  }),
  prop<number>({
    name: 'indent',
    api: '1.9',
    valueOf: (c) => (c.indent !== undefined && c.indent > 0 ? c.indent : undefined),
    apply: (r, v) => (r.format.indentLevel = v),
    requestBytes: (on, v) => bytes.set(bytes.nav(on, 'Format'), 'IndentLevel', jsonBytes(v)),
    toCell: (f, v) => (f.indentLevel = v),
  }),
  prop<boolean>({
    name: 'wrapText',
    valueOf: (c) => c.wrapText,
    apply: (r, v) => (r.format.wrapText = v),
    requestBytes: (on, v) => bytes.set(bytes.nav(on, 'Format'), 'WrapText', jsonBytes(v)),
    toCell: (f, v) => (f.wrapText = v),
  }),
  prop<string>({
    name: 'verticalAlignment',
    valueOf: (c) => (c.verticalAlignment ? V_ALIGN[c.verticalAlignment] : undefined),
    apply: (r, v) => (r.format.verticalAlignment = v),
    requestBytes: (on, v) => bytes.set(bytes.nav(on, 'Format'), 'VerticalAlignment', jsonBytes(v)),
    toCell: (f, v) => (f.verticalAlignment = v),
  }),
  prop(borders),
];
