/**
 * A `ChartModel` as DrawingML: the chart part (`c:chartSpace`, a clustered column chart whose
 * series and categories are formulas on the sheet's cells, with a cached copy of their values)
 * and the drawing part (`xdr:wsDr`) that places it on the sheet. What the Office.js writer gets
 * from `charts.add('ColumnClustered', …)`, a title, named series and `setPosition(cell)`: the
 * same type, title, series and top-left cell, at Excel's default size for a new chart.
 *
 * Colours, fonts and text sizes are written out rather than left to the workbook's theme, so
 * that Excel and LibreOffice draw the same chart (LibreOffice has its own defaults otherwise).
 */
import {
  cellRef,
  MAX_COLS,
  MAX_ROWS,
  parseCellRef,
  quoteSheetName,
  splitSheetRef,
} from '../../domain/address';
import type { CellModel, ChartModel, SheetModel } from '../../domain/model';
import { CHART_COLORS } from '../../domain/outputs/style';
import { XlsxModelError } from './errors';
import { esc, escAttr, escText } from './xmlText';

export const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

/** Excel's size for a new chart (`charts.add` without a size): 5 × 3 inches. */
export const CHART_WIDTH_PX = 480;
export const CHART_HEIGHT_PX = 288;

/** Series fills, in order (`RRGGBB`): Excel's for a new chart, the domain's `CHART_COLORS`. */
export const SERIES_COLORS: readonly string[] = CHART_COLORS.map((c) => c.slice(1).toUpperCase());

const TEXT_COLOR = '595959';
const LINE_COLOR = 'D9D9D9';

const EMU_PER_PX = 9525;
const EMU_PER_PT = 12700;
/** Excel's defaults for a sheet that sets none: 8.43 characters (64 px) and 15 pt. */
const DEFAULT_COLUMN_PX = 64;
const DEFAULT_ROW_PT = 15;

/** The namespaces of a package: transitional, or strict (ISO 29500) like its workbook. */
export interface DrawingNamespaces {
  readonly main: string;
  readonly chart: string;
  readonly sheetDrawing: string;
  readonly rel: string;
}

export function drawingNamespaces(strict: boolean): DrawingNamespaces {
  return strict
    ? {
        main: 'http://purl.oclc.org/ooxml/drawingml/main',
        chart: 'http://purl.oclc.org/ooxml/drawingml/chart',
        sheetDrawing: 'http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing',
        rel: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
      }
    : {
        main: 'http://schemas.openxmlformats.org/drawingml/2006/main',
        chart: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
        sheetDrawing: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
        rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
      };
}

/** A range of one row or column: its sheet and cells. */
interface ChartRange {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** `'Sammendrag'!$A$5:$A$9` (or without `$`, or without a sheet: the chart's own sheet). */
function chartRange(sheet: SheetModel, ref: string, where: string): ChartRange {
  const split = splitSheetRef(ref);
  const sheetName = split ? split.sheet : sheet.name;
  const address = split ? split.address : ref.trim();
  const [a, b = a] = address.split(':');
  const start = address.split(':').length <= 2 ? parseCellRef(a) : null;
  const end = start ? parseCellRef(b) : null;
  if (!start || !end)
    throw new XlsxModelError(`Sheet ${sheet.name}: chart range ${JSON.stringify(ref)} is not a range.`);
  const r = {
    sheet: sheetName,
    row: Math.min(start.row, end.row),
    col: Math.min(start.col, end.col),
    rows: Math.abs(start.row - end.row) + 1,
    cols: Math.abs(start.col - end.col) + 1,
  };
  if (r.rows > 1 && r.cols > 1)
    throw new XlsxModelError(`Sheet ${sheet.name}: ${where} ${ref} is not one row or one column.`);
  return r;
}

const cellsOf = (r: ChartRange) =>
  Array.from({ length: r.rows * r.cols }, (_, i) =>
    r.cols === 1 ? { row: r.row + i, col: r.col } : { row: r.row, col: r.col + i },
  );

/** `Sammendrag!$A$5:$A$9`, as Excel writes a chart's reference. */
function formulaOf(r: ChartRange): string {
  const abs = (row: number, col: number) => cellRef(row, col).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  const end = cellsOf(r)[r.rows * r.cols - 1];
  return `${quoteSheetName(r.sheet)}!${abs(r.row, r.col)}${r.rows * r.cols > 1 ? `:${abs(end.row, end.col)}` : ''}`;
}

/** Looks up the model's cells of a range on the chart's own sheet (others: none known). */
function modelCells(sheet: SheetModel, r: ChartRange): (CellModel | undefined)[] {
  const own = r.sheet.toLowerCase() === sheet.name.toLowerCase();
  const byKey = new Map<string, CellModel>();
  if (own) for (const c of sheet.cells) byKey.set(`${c.row},${c.col}`, c);
  return cellsOf(r).map(({ row, col }) => byKey.get(`${row},${col}`));
}

/** Text as DrawingML's `xsd:string` takes it: characters XML cannot hold are left out. */
function drawingText(s: string): string {
  return esc(s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu, ''));
}

/** Run properties (`a:defRPr` or `a:rPr`): size, colour and, when known, the font. */
function runProps(sizePt: number, font: string | undefined, tag = 'a:defRPr'): string {
  return (
    `<${tag} sz="${Math.round(sizePt * 100)}" b="0">` +
    `<a:solidFill><a:srgbClr val="${TEXT_COLOR}"/></a:solidFill>` +
    (font ? `<a:latin typeface="${escAttr(font)}"/><a:cs typeface="${escAttr(font)}"/>` : '') +
    `</${tag}>`
  );
}

/** Text properties; `horizontal` keeps labels level (Excel and LibreOffice then wrap long ones). */
function textProps(sizePt: number, font: string | undefined, horizontal = false): string {
  const body = horizontal ? '<a:bodyPr rot="0" vert="horz"/>' : '<a:bodyPr/>';
  return `<c:txPr>${body}<a:lstStyle/><a:p><a:pPr>${runProps(sizePt, font)}</a:pPr></a:p></c:txPr>`;
}

const line = (color: string) =>
  `<a:ln w="9525"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></a:ln>`;

export interface ChartXmlOptions {
  readonly ns: DrawingNamespaces;
  /** The workbook's body font, named on every text of the chart. */
  readonly font?: string;
}

/** The chart part (`c:chartSpace`) of one chart of `sheet`. */
export function chartSpaceXml(sheet: SheetModel, chart: ChartModel, options: ChartXmlOptions): string {
  if (chart.type !== 'column')
    throw new XlsxModelError(`Sheet ${sheet.name}: chart type ${String(chart.type)} is not written.`);
  if (chart.series.length === 0)
    throw new XlsxModelError(`Sheet ${sheet.name}: chart ${JSON.stringify(chart.title)} has no series.`);
  const { font } = options;
  const categories = chartRange(sheet, chart.categories, 'chart categories');
  const categoryCells = modelCells(sheet, categories);
  const points = categories.rows * categories.cols;
  const catCache = categoryCells
    .map((c, i) =>
      c?.formula === undefined && c?.value !== undefined && c.value !== null
        ? `<c:pt idx="${i}"><c:v>${escText(String(c.value))}</c:v></c:pt>`
        : '',
    )
    .join('');
  const cat =
    `<c:cat><c:strRef><c:f>${esc(formulaOf(categories))}</c:f>` +
    `<c:strCache><c:ptCount val="${points}"/>${catCache}</c:strCache></c:strRef></c:cat>`;

  const series = chart.series.map((s, i) => {
    const values = chartRange(sheet, s.values, `series ${JSON.stringify(s.name)}`);
    const cells = modelCells(sheet, values);
    const count = values.rows * values.cols;
    if (count !== points)
      throw new XlsxModelError(
        `Sheet ${sheet.name}: series ${JSON.stringify(s.name)} has ${count} values for ${points} categories.`,
      );
    const format = cells.find((c) => c?.numberFormat !== undefined)?.numberFormat ?? 'General';
    const cache = cells
      .map((c, k) => {
        const v =
          c?.formula === undefined && typeof c?.value === 'number' ? c.value : (s.cache?.[k] ?? undefined);
        return typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${k}"><c:v>${v}</c:v></c:pt>` : '';
      })
      .join('');
    return (
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
      `<c:tx><c:v>${escText(s.name)}</c:v></c:tx>` +
      `<c:spPr><a:solidFill><a:srgbClr val="${SERIES_COLORS[i % SERIES_COLORS.length]}"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>` +
      `<c:invertIfNegative val="0"/>` +
      cat +
      `<c:val><c:numRef><c:f>${esc(formulaOf(values))}</c:f>` +
      `<c:numCache><c:formatCode>${esc(format)}</c:formatCode><c:ptCount val="${count}"/>${cache}</c:numCache></c:numRef></c:val>` +
      `</c:ser>`
    );
  });
  const valueFormat =
    modelCells(sheet, chartRange(sheet, chart.series[0].values, 'series')).find(
      (c) => c?.numberFormat !== undefined,
    )?.numberFormat ?? 'General';

  const CAT_AX = 500000001;
  const VAL_AX = 500000002;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${options.ns.chart}" xmlns:a="${options.ns.main}" xmlns:r="${options.ns.rel}">` +
    `<c:date1904 val="0"/><c:roundedCorners val="0"/>` +
    `<c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${runProps(14, font)}</a:pPr>` +
    `<a:r>${runProps(14, font, 'a:rPr')}<a:t>${drawingText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    series.join('') +
    `<c:gapWidth val="219"/><c:overlap val="-27"/><c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>` +
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:spPr>${line(LINE_COLOR)}</c:spPr>${textProps(9, font, true)}` +
    `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:majorGridlines><c:spPr>${line(LINE_COLOR)}</c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="${escAttr(valueFormat)}" sourceLinked="1"/><c:majorTickMark val="none"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:spPr><a:ln><a:noFill/></a:ln></c:spPr>${textProps(9, font)}` +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
    `</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${textProps(9, font)}</c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>${line(LINE_COLOR)}</c:spPr>` +
    textProps(10, font) +
    `</c:chartSpace>`
  );
}

/** A cell corner plus an offset into that cell, in EMU: one end of a two-cell anchor. */
export interface AnchorPoint {
  readonly col: number;
  readonly colOff: number;
  readonly row: number;
  readonly rowOff: number;
}

/** Pixels of a column `width` characters wide as Excel stores it (Calibri 11: 7 px a character). */
function columnPx(width: number): number {
  return Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);
}

/**
 * Where the chart's corners fall: its top-left cell, and the cell and offset `CHART_WIDTH_PX` ×
 * `CHART_HEIGHT_PX` further on, walking the sheet's column widths and row heights.
 */
export function chartFrame(sheet: SheetModel, chart: ChartModel): { from: AnchorPoint; to: AnchorPoint } {
  const { row, col } = chart.anchor;
  if (
    !Number.isInteger(row) ||
    !Number.isInteger(col) ||
    row < 0 ||
    col < 0 ||
    row >= MAX_ROWS ||
    col >= MAX_COLS
  )
    throw new XlsxModelError(`Sheet ${sheet.name}: chart anchor row ${row}, col ${col}.`);
  const widths = new Map((sheet.columnWidths ?? []).map((w) => [w.col, w.width]));
  const heights = new Map((sheet.rowHeights ?? []).map((h) => [h.row, h.height]));
  const colEmu = (c: number) => (widths.has(c) ? columnPx(widths.get(c)!) : DEFAULT_COLUMN_PX) * EMU_PER_PX;
  const rowEmu = (r: number) => (heights.get(r) ?? DEFAULT_ROW_PT) * EMU_PER_PT;
  // The far corner falls inside the line where the length runs out (past the sheet's last line,
  // it stays at its end).
  const walk = (start: number, length: number, size: (i: number) => number, max: number) => {
    let i = start;
    let left = length;
    while (i < max - 1 && left >= size(i)) {
      left -= size(i);
      i++;
    }
    return { index: i, offset: Math.round(Math.min(left, size(i))) };
  };
  const x = walk(col, CHART_WIDTH_PX * EMU_PER_PX, colEmu, MAX_COLS);
  const y = walk(row, CHART_HEIGHT_PX * EMU_PER_PX, rowEmu, MAX_ROWS);
  return {
    from: { col, colOff: 0, row, rowOff: 0 },
    to: { col: x.index, colOff: x.offset, row: y.index, rowOff: y.offset },
  };
}

const point = (tag: string, p: AnchorPoint) =>
  `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>${p.colOff}</xdr:colOff>` +
  `<xdr:row>${p.row}</xdr:row><xdr:rowOff>${p.rowOff}</xdr:rowOff></xdr:${tag}>`;

/** The drawing part: each chart in a frame anchored to its cells, pointing at its part by `relId`. */
export function drawingXml(
  sheet: SheetModel,
  charts: readonly { readonly chart: ChartModel; readonly relId: string }[],
  ns: DrawingNamespaces,
): string {
  const anchors = charts.map(({ chart, relId }, i) => {
    const { from, to } = chartFrame(sheet, chart);
    // The frame's name and alt text are the chart's title (Excel's selection pane and screen readers).
    const name = escAttr(chart.title);
    return (
      `<xdr:twoCellAnchor>${point('from', from)}${point('to', to)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${name}" descr="${name}"/>` +
      `<xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${ns.chart}"><c:chart xmlns:c="${ns.chart}" r:id="${relId}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${ns.sheetDrawing}" xmlns:a="${ns.main}" xmlns:r="${ns.rel}">${anchors.join('')}</xdr:wsDr>`
  );
}
