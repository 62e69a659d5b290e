/**
 * A range's format (`Range.format`) and what hangs off it: alignment, indent,
 * wrapping, column widths and row heights, font, fill and borders. A property
 * read over the range is its cells' common value, or null when they differ
 * (as Office.js answers); setting it sets every cell.
 */
import type { RangeTarget } from '../model/cells';
import { invalidArgument } from '../model/errors';
import type { Rect } from '../model/rangeAddress';
import type { Execution } from '../richApi/execution';
import { defineType, type TypeDef } from '../richApi/schema';
import {
  borderWeight,
  charactersToPoints,
  checkAlignment,
  H_ALIGN,
  pointsToCharacters,
  uniform,
  V_ALIGN,
  type CellBorder,
  type StyleKey,
} from './cellFormat';
import { forEachCell } from './ranges';

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
