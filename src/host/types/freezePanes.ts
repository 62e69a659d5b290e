/**
 * `Worksheet.freezePanes` (ExcelApi 1.7): frozen rows and columns, stored in
 * the sheet's data for the preview to show.
 */
import type { SheetData } from '../model/cells';
import { invalidArgument } from '../model/errors';
import type { Execution } from '../richApi/execution';
import { defineType, type TypeDef } from '../richApi/schema';
import { rangeArgument } from './ranges';
import { record } from './record';

function freeze(sheet: SheetData, x: Execution, to: SheetData['freeze']): void {
  record(
    x,
    () => sheet.freeze,
    (v) => (sheet.freeze = v),
    to,
  );
  x.changedSheets.add(sheet.name);
}

const count = (v: unknown): number => {
  const n = v === undefined || v === null ? 1 : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw invalidArgument(`count ${String(v)}`);
  return n;
};

export const WorksheetFreezePanes: TypeDef<SheetData> = defineType<SheetData>({
  name: 'WorksheetFreezePanes',
  methods: {
    FreezeRows: { api: '1.7', call: (s, [n], x) => freeze(s, x, { rows: count(n), cols: 0 }) },
    FreezeColumns: { api: '1.7', call: (s, [n], x) => freeze(s, x, { rows: 0, cols: count(n) }) },
    /** The range's bottom-right corner is the last frozen cell: everything above and left of it stays in view. */
    FreezeAt: {
      api: '1.7',
      call: (s, [range], x) => {
        const { rect } = rangeArgument(x, s, range, 'WorksheetFreezePanes.freezeAt');
        freeze(s, x, { rows: rect.row + rect.rows, cols: rect.col + rect.cols });
      },
    },
    Unfreeze: { api: '1.7', call: (s, _args, x) => freeze(s, x, null) },
  },
});
