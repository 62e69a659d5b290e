/**
 * `Range`, as the host answers it: its address and size, its cells' values,
 * formulas, text and number formats, hyperlinks, the ranges derived from it,
 * merging, selecting and clearing. Values read as Office.js shows them: `""`
 * for an empty cell, `"#REF!"` for an error (valueType `Error`), a formula's
 * result in `values` and its text in `formulas`. A read of more cells than
 * Excel allows is refused (`RangeExceedsLimit`) or answered with null values,
 * as the host's limits say (OFFICEJS.md: both happen). Its format is
 * rangeFormat.ts, its conditional formats conditionalFormats.ts, its cell
 * properties cellProperties.ts.
 */
import { FORMAT_KEYS, type CellHyperlink, type RangeTarget } from '../model/cells';
import { HostError, invalidArgument } from '../model/errors';
import { cellCount, overlaps, qualifiedAddress, type Rect, rectToA1 } from '../model/rangeAddress';
import type { GridKind } from '../model/state';
import type { Execution } from '../richApi/execution';
import { defineType, type TypeDef } from '../richApi/schema';
import { getCellProperties, setCellProperties } from './cellProperties';
import { checkedRect, forEachCell, parseAddress, rangeOf } from './ranges';
import { typeRef } from './registry';
import { activate } from './sheetRules';

function grid(kind: GridKind) {
  return (t: RangeTarget, x: Execution): unknown[][] | null =>
    x.checkRead(cellCount(t.rect), `Range.${kind}`) ? x.state.read(t.sheet, t.rect, kind) : null;
}

function writeContent(t: RangeTarget, x: Execution, input: unknown, where: string): void {
  x.state.writeContent(x.journal, t.sheet, t.rect, input, where);
  x.cellsEdited(t.sheet, t.rect);
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
        // Text to display replaces the cells' content: an edit, as typing it would be.
        if (link !== null && link.textToDisplay !== undefined) x.cellsEdited(t.sheet, t.rect);
        else x.changedSheets.add(t.sheet.name);
      },
    },
  },
  navigations: {
    Format: { type: typeRef('RangeFormat'), get: (t) => t },
    Worksheet: { type: typeRef('Worksheet'), get: (t) => t.sheet },
    ConditionalFormats: { api: '1.6', type: typeRef('ConditionalFormatCollection'), get: (t) => t },
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
    GetCellProperties: { api: '1.9', call: (t, [options], x) => getCellProperties(t, options, x) },
    /** Per-cell formats; refused from 90 000 cells (cellProperties.ts). */
    SetCellProperties: { api: '1.9', call: (t, [data], x) => setCellProperties(t, data, x) },
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
        // Clearing contents is a cell edit (Changed); clearing formats only is not.
        if (applyTo !== 'Formats') x.cellsEdited(t.sheet, t.rect);
        else x.changedSheets.add(t.sheet.name);
      },
    },
  },
});

/** A Range, or an address on the range's sheet (`getIntersectionOrNullObject('A1:C3')`). */
function rangeOfArg(t: RangeTarget, arg: unknown, where: string): RangeTarget {
  if (typeof arg === 'string') return { sheet: t.sheet, rect: parseAddress(arg, where) };
  return rangeOf(arg, where);
}
