/**
 * An output sheet's settings as write operations, after its cells: column widths and row heights
 * (consecutive equal ones in one call), merged areas, frozen panes, tables (under temporary names,
 * renamed at the swap), conditional formats, printing with its page breaks, charts, visibility;
 * each left out, and listed, where this Excel lacks the feature.
 */
import { cellRef, columnLetters, parseRangeRef } from '../../domain/address';
import { headerFooterCode, type ChartModel, type SheetModel } from '../../domain/model';
import { jsonBytes } from '../adapter/blocks';
import { parseSheetRef } from '../adapter/sheetRef';
import type { ExcelRange } from '../excelApi';
import type { LeftOut } from '../gateway';
import type { Rect } from './rects';
import * as bytes from './requestBytes';
import { address, SMALL_OP, type BandLimits, type Features, type OpTarget, type WriteOp } from './writeOp';

/**
 * Merged areas as merge calls: single-row areas of the same columns in consecutive rows are one
 * call that merges each row (`merge(true)`, Excel's Merge Across); others one call each.
 */
export function mergeRuns(merges: readonly string[]): { address: string; across: boolean }[] {
  const parsed = merges.map((m) => ({ m, rect: parseRangeRef(m) }));
  const single = parsed
    .filter((p): p is { m: string; rect: Rect } => p.rect !== null && p.rect.rows === 1)
    .sort((a, b) => a.rect.col - b.rect.col || a.rect.cols - b.rect.cols || a.rect.row - b.rect.row);
  const out: { address: string; across: boolean }[] = parsed
    .filter((p) => p.rect === null || p.rect.rows > 1)
    .map((p) => ({ address: p.m, across: false }));
  for (let i = 0; i < single.length;) {
    const first = single[i].rect;
    let j = i + 1;
    while (
      j < single.length &&
      single[j].rect.col === first.col &&
      single[j].rect.cols === first.cols &&
      single[j].rect.row === first.row + (j - i)
    ) {
      j++;
    }
    out.push(
      j - i === 1
        ? { address: single[i].m, across: false }
        : { address: address({ ...first, rows: j - i }), across: true },
    );
    i = j;
  }
  return out;
}

/** Excel's column width in points for a width in characters (Calibri 11: 7 px a character, 5 px padding). */
export function widthToPoints(chars: number): number {
  return ((chars * 7 + 5) * 3) / 4;
}

/** Consecutive indexes with the same value, as `[first, last, value]`. */
function runs(items: readonly { index: number; value: number }[]): [number, number, number][] {
  const sorted = [...items].sort((a, b) => a.index - b.index);
  const out: [number, number, number][] = [];
  for (const { index, value } of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === index - 1 && last[2] === value) last[1] = index;
    else out.push([index, index, value]);
  }
  return out;
}

/** `'Sammendrag'!$A$5:$A$8` on the sheet it names. */
function chartRange(t: OpTarget, model: SheetModel, ref: string): ExcelRange {
  const parsed = parseSheetRef(ref);
  if (!parsed) throw new Error(`Chart range ${ref} is not a range.`);
  const sheet =
    parsed.sheet === null || parsed.sheet.toLowerCase() === model.name.toLowerCase()
      ? t.sheet
      : t.sheetFor(parsed.sheet);
  return sheet.getRange(parsed.address).untrack();
}

/** A chart's request bytes: a dozen calls, costed generously (a chart or two a sheet). */
function chartBytes(chart: ChartModel): number {
  return SMALL_OP * (2 + 2 * chart.series.length) + jsonBytes(chart);
}

function chartOp(model: SheetModel, chart: ChartModel): WriteOp {
  return {
    bytes: chartBytes(chart),
    queue: (t) => {
      const [first, ...rest] = chart.series;
      const categories = () => chartRange(t, model, chart.categories);
      const c = t.sheet.charts.add('ColumnClustered', chartRange(t, model, first.values), 'Columns');
      c.title.text = chart.title;
      const s0 = c.series.getItemAt(0);
      s0.name = first.name;
      s0.setXAxisValues(categories());
      for (const s of rest) {
        const added = c.series.add(s.name);
        added.setValues(chartRange(t, model, s.values));
        added.setXAxisValues(categories());
      }
      c.setPosition(cellRef(chart.anchor.row, chart.anchor.col));
    },
  };
}

const VISIBILITY = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' } as const;

let tableSerial = 0;

/**
 * The sheet's settings as operations, in the order Excel takes them, and the tables' temporary
 * names. What this Excel lacks is added to `leftOut`.
 */
export function settingsOps(
  model: SheetModel,
  features: Features,
  limits: BandLimits,
  leftOut: Set<LeftOut>,
): { ops: WriteOp[]; tableNames: { temporary: string; name: string }[] } {
  const at = (r: string) => (t: OpTarget) => t.sheet.getRange(r).untrack();
  const ops: WriteOp[] = [];
  for (const [first, last, width] of runs(
    (model.columnWidths ?? []).map((w) => ({ index: w.col, value: w.width })),
  )) {
    const cols = `${columnLetters(first)}:${columnLetters(last)}`;
    const points = widthToPoints(width);
    ops.push({
      bytes: bytes.set(bytes.nav(bytes.range(cols), 'Format'), 'ColumnWidth', jsonBytes(points)),
      queue: (t) => (at(cols)(t).format.columnWidth = points),
    });
  }
  for (const [first, last, height] of runs(
    (model.rowHeights ?? []).map((h) => ({ index: h.row, value: h.height })),
  )) {
    const rows = `${first + 1}:${last + 1}`;
    ops.push({
      bytes: bytes.set(bytes.nav(bytes.range(rows), 'Format'), 'RowHeight', jsonBytes(height)),
      queue: (t) => (at(rows)(t).format.rowHeight = height),
    });
  }
  for (const { address: m, across } of mergeRuns(model.merges ?? [])) {
    ops.push({
      bytes: bytes.call(bytes.range(m), 'Merge', jsonBytes([across])),
      queue: (t) => at(m)(t).merge(across),
    });
  }

  const freeze = model.freeze;
  if (freeze && (freeze.rows > 0 || freeze.cols > 0)) {
    if (!features.api17) leftOut.add('freezePanes');
    else {
      ops.push({
        bytes: SMALL_OP,
        queue: (t) => {
          if (freeze.rows > 0 && freeze.cols > 0) {
            t.sheet.freezePanes.freezeAt(
              t.sheet.getRange(cellRef(freeze.rows - 1, freeze.cols - 1)).untrack(),
            );
          } else if (freeze.rows > 0) t.sheet.freezePanes.freezeRows(freeze.rows);
          else t.sheet.freezePanes.freezeColumns(freeze.cols);
        },
      });
    }
  }

  const tableNames: { temporary: string; name: string }[] = [];
  for (const table of model.tables ?? []) {
    const temporary = `PlanReconcilerTmp${++tableSerial}`;
    tableNames.push({ temporary, name: table.name });
    ops.push({
      bytes: SMALL_OP,
      queue: (t) => {
        // A Range of this sheet: an address alone would put the table on the active sheet.
        const added = t.sheet.tables.add(t.sheet.getRange(table.range).untrack(), true);
        added.name = temporary;
        added.style = table.style ?? 'TableStyleMedium2';
      },
    });
  }

  if ((model.conditionalFormats ?? []).length > 0 && !features.api16) leftOut.add('conditionalFormat');
  for (const cf of features.api16 ? (model.conditionalFormats ?? []) : []) {
    ops.push({
      bytes: SMALL_OP + jsonBytes(cf),
      queue: (t) => {
        const f = at(cf.range)(t).conditionalFormats.add('Custom');
        f.custom.rule.formula = cf.formula.startsWith('=') ? cf.formula : `=${cf.formula}`;
        if (cf.fill) f.custom.format.fill.color = cf.fill;
        if (cf.fontColor) f.custom.format.font.color = cf.fontColor;
        if (cf.bold !== undefined) f.custom.format.font.bold = cf.bold;
      },
    });
  }

  const print = model.print;
  if (print && !features.api19) leftOut.add('print');
  if (print && features.api19) {
    const breaks = [...new Set(print.rowBreaks ?? [])].filter((r) => r > 0).sort((a, b) => a - b);
    ops.push({
      bytes: SMALL_OP * 2,
      queue: (t) => {
        const layout = t.sheet.pageLayout;
        layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
        layout.paperSize = print.paperSize;
        // One page wide; the height is left to Excel (as many pages as it takes).
        if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1 };
        if (print.titleRows)
          layout.setPrintTitleRows(`$${print.titleRows.first + 1}:$${print.titleRows.last + 1}`);
        const m = print.margins;
        if (m) {
          layout.leftMargin = m.left;
          layout.rightMargin = m.right;
          layout.topMargin = m.top;
          layout.bottomMargin = m.bottom;
          layout.headerMargin = m.header;
          layout.footerMargin = m.footer;
        }
        const footer = print.footer;
        if (footer) {
          const pages = layout.headersFooters.defaultForAllPages;
          if (footer.left) pages.leftFooter = headerFooterCode(footer.left);
          if (footer.center) pages.centerFooter = headerFooterCode(footer.center);
          if (footer.right) pages.rightFooter = headerFooterCode(footer.right);
        }
      },
    });
    // Page breaks in operations of at most opBytes (25 000 cards have 25 000 breaks: 5 MB).
    const breakBytes = bytes.reachObject(bytes.SHEET, 'Add', jsonBytes(['A1048576'])).bytes;
    const perOp = Math.max(1, Math.floor(limits.opBytes / breakBytes));
    for (let i = 0; i < breaks.length; i += perOp) {
      const part = breaks.slice(i, i + perOp);
      ops.push({
        bytes: SMALL_OP + part.length * breakBytes,
        queue: (t) => {
          const pageBreaks = t.sheet.horizontalPageBreaks;
          for (const r of part) pageBreaks.add(`A${r + 1}`);
        },
      });
    }
  }

  const charts = (model.charts ?? []).filter((c) => c.series.length > 0);
  if (charts.length > 0 && !features.api17) leftOut.add('chart');
  if (features.api17) for (const chart of charts) ops.push(chartOp(model, chart));

  const visibility = model.visibility ?? 'visible';
  if (visibility !== 'visible') {
    ops.push({ bytes: SMALL_OP, queue: (t) => (t.sheet.visibility = VISIBILITY[visibility]) });
  }
  if (model.protect) leftOut.add('protect');
  return { ops, tableNames };
}
