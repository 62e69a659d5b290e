/**
 * `Worksheet.pageLayout` and `Worksheet.horizontalPageBreaks` (ExcelApi 1.9):
 * orientation, paper size, zoom, margins, print title rows, the footers of
 * every page and manual page breaks. Stored in the sheet's data, enough to read
 * back in tests and the preview; nothing is printed.
 */
import type { SheetData } from '../model/cells';
import { invalidArgument } from '../model/errors';
import type { Execution } from '../richApi/execution';
import { defineType, type TypeDef } from '../richApi/schema';
import { rangeArgument } from './ranges';
import { record } from './record';

const ORIENTATIONS = ['Portrait', 'Landscape'];

type LayoutKey = Exclude<keyof SheetData['pageLayout'], 'printTitleRows'>;

function layoutSetting<K extends LayoutKey>(key: K, fallback: unknown) {
  return {
    api: '1.9',
    get: (s: SheetData) => s.pageLayout[key] ?? fallback,
    set: (s: SheetData, v: unknown, x: Execution) => {
      if (v === null) return;
      if (key === 'orientation' && !ORIENTATIONS.includes(v as string))
        throw invalidArgument(`orientation '${String(v)}'`);
      if (key.endsWith('Margin') && !(typeof v === 'number' && v >= 0))
        throw invalidArgument(`${key} ${String(v)}`);
      if (key.endsWith('Footer') && typeof v !== 'string') throw invalidArgument(`${key} ${String(v)}`);
      const value = (key === 'zoom' ? { ...(v as object) } : v) as SheetData['pageLayout'][K];
      record(
        x,
        () => s.pageLayout[key],
        (w) => (s.pageLayout[key] = w),
        value,
      );
    },
  };
}

export const PageLayout: TypeDef<SheetData> = defineType<SheetData>({
  name: 'PageLayout',
  properties: {
    Orientation: layoutSetting('orientation', 'Portrait'),
    PaperSize: layoutSetting('paperSize', 'Letter'),
    Zoom: layoutSetting('zoom', { scale: 100 }),
    LeftMargin: layoutSetting('leftMargin', 50.4),
    RightMargin: layoutSetting('rightMargin', 50.4),
    TopMargin: layoutSetting('topMargin', 54),
    BottomMargin: layoutSetting('bottomMargin', 54),
    HeaderMargin: layoutSetting('headerMargin', 21.6),
    FooterMargin: layoutSetting('footerMargin', 21.6),
  },
  navigations: {
    HeadersFooters: { api: '1.9', type: () => HeaderFooterGroup, get: (s) => s },
  },
  methods: {
    /** Whole rows, `$1:$3`, or a range on them. */
    SetPrintTitleRows: {
      api: '1.9',
      call: (s, [rows], x) => {
        const { rect } = rangeArgument(x, s, rows, 'PageLayout.setPrintTitleRows');
        const value = `$${rect.row + 1}:$${rect.row + rect.rows}`;
        record(
          x,
          () => s.pageLayout.printTitleRows,
          (v) => (s.pageLayout.printTitleRows = v),
          value,
        );
      },
    },
  },
});

/** `PageLayout.headersFooters`: only the footers of every page are modelled. */
export const HeaderFooterGroup: TypeDef<SheetData> = defineType<SheetData>({
  name: 'HeaderFooterGroup',
  navigations: {
    DefaultForAllPages: { api: '1.9', type: () => HeaderFooter, get: (s) => s },
  },
});

export const HeaderFooter: TypeDef<SheetData> = defineType<SheetData>({
  name: 'HeaderFooter',
  properties: {
    LeftFooter: layoutSetting('leftFooter', ''),
    CenterFooter: layoutSetting('centerFooter', ''),
    RightFooter: layoutSetting('rightFooter', ''),
  },
});

interface PageBreakTarget {
  readonly sheet: SheetData;
  readonly row: number;
}

export const PageBreak: TypeDef<PageBreakTarget> = defineType<PageBreakTarget>({
  name: 'PageBreak',
  properties: { RowIndex: { api: '1.9', get: (b) => b.row }, ColumnIndex: { api: '1.9', get: () => 0 } },
});

export const PageBreakCollection: TypeDef<SheetData> = defineType<SheetData>({
  name: 'PageBreakCollection',
  items: { type: () => PageBreak, list: (s) => s.rowBreaks.map((row) => ({ sheet: s, row })) },
  methods: {
    /** A manual break above the range's top-left cell. */
    Add: {
      api: '1.9',
      returns: () => PageBreak,
      call: (s, [range], x): PageBreakTarget => {
        const { rect } = rangeArgument(x, s, range, 'PageBreakCollection.add');
        if (!s.rowBreaks.includes(rect.row)) {
          s.rowBreaks.push(rect.row);
          s.rowBreaks.sort((a, b) => a - b);
          x.journal.push(() => s.rowBreaks.splice(s.rowBreaks.indexOf(rect.row), 1));
        }
        return { sheet: s, row: rect.row };
      },
    },
    RemovePageBreaks: {
      api: '1.9',
      call: (s, _args, x) => {
        const old = [...s.rowBreaks];
        s.rowBreaks.length = 0;
        x.journal.push(() => s.rowBreaks.push(...old));
      },
    },
  },
});
