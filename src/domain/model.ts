/**
 * A neutral description of sheets to write: cells with values or formulas
 * and their formats. The domain builds it (the sample workbook, the
 * register sheet, later the reconciliation outputs); each adapter renders it
 * (the .xlsx writer in the CLI, Office.js in the add-in). No adapter decides layout.
 */

export interface CellStyle {
  readonly numberFormat?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  /** `#RRGGBB` */
  readonly fontColor?: string;
  /** `#RRGGBB` */
  readonly fill?: string;
  readonly indent?: number;
  readonly horizontalAlignment?: 'left' | 'center' | 'right';
  readonly wrapText?: boolean;
  readonly verticalAlignment?: 'top' | 'middle' | 'bottom';
  /** Borders per side; a side left out keeps no border. */
  readonly border?: CellBorders;
}

export type BorderWeight = 'thin' | 'medium';

export interface CellBorders {
  readonly top?: BorderWeight;
  readonly bottom?: BorderWeight;
  readonly left?: BorderWeight;
  readonly right?: BorderWeight;
}

/**
 * A link to a cell of a sheet in the same workbook. The target is kept as
 * sheet and cell, not as a URL, so each renderer writes it its own way
 * (.xlsx: a `HYPERLINK("#Sheet!B9",…)` formula; Office.js: `Range.hyperlink.documentReference`).
 */
export interface InternalLink {
  /** The sheet's name, unquoted. */
  readonly sheet: string;
  /** `B9` (no sheet, no `$`). */
  readonly cell: string;
}

export interface CellModel extends CellStyle {
  /** 0-based row and column. */
  readonly row: number;
  readonly col: number;
  /**
   * A literal value. A string is always written as text, never as a
   * formula, even when it begins with `=`, `+`, `-` or `@`.
   */
  readonly value?: number | string | boolean | null;
  /** A formula, with its leading `=`. Takes precedence over `value`. */
  readonly formula?: string;
  /** Makes the cell a link; its `value` is the text shown. */
  readonly link?: InternalLink;
}

export interface TableModel {
  readonly name: string;
  /** A1 range including the header row, e.g. `A3:N14`. Header cells must be in `cells`. */
  readonly range: string;
  readonly style?: string;
}

/**
 * A conditional format: an expression rule, written as Excel writes it for
 * the range's top-left cell (relative references move with each cell), e.g.
 * `ABS(H5)>=0.005` on `H5:H20`. Office.js has these from ExcelApi 1.6.
 */
export interface ConditionalFormatModel {
  /** A1 range, e.g. `H5:H20`. */
  readonly range: string;
  /** The rule, without a leading `=`. */
  readonly formula: string;
  /** `#RRGGBB` */
  readonly fill?: string;
  /** `#RRGGBB` */
  readonly fontColor?: string;
  readonly bold?: boolean;
}

/**
 * A printed header or footer: text left, centred and right. Besides plain text it may hold the
 * fields `{page}`, `{pages}`, `{date}`, `{file}` and `{sheet}`, which the printout fills in
 * (see headerFooterCode).
 */
export interface HeaderFooterModel {
  readonly left?: string;
  readonly center?: string;
  readonly right?: string;
}

/** Page margins in points (72 to the inch). */
export interface MarginsModel {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  /** From the paper's edge to the header and to the footer. */
  readonly header: number;
  readonly footer: number;
}

/** How the sheet prints. */
export interface PrintSettings {
  readonly paperSize: 'A4';
  readonly orientation: 'portrait' | 'landscape';
  /** Scale to one page wide (any number of pages tall). */
  readonly fitToWidth?: boolean;
  /** 0-based first and last row repeated at the top of every printed page. */
  readonly titleRows?: { readonly first: number; readonly last: number };
  /** 0-based rows that start a new page (a manual break above each). */
  readonly rowBreaks?: readonly number[];
  readonly margins?: MarginsModel;
  readonly footer?: HeaderFooterModel;
}

const HEADER_FOOTER_FIELDS: Readonly<Record<string, string>> = {
  page: '&P',
  pages: '&N',
  date: '&D',
  file: '&F',
  sheet: '&A',
};

/**
 * One part of a header or footer in Excel's code, which both the file format and Office.js take:
 * `&` doubled, the fields as `&P`, `&N`, `&D`, `&F` and `&A` (`Side {page} av {pages}` gives
 * `Side &P av &N`).
 */
export function headerFooterCode(text: string): string {
  return text
    .replace(/&/g, '&&')
    .replace(/\{(page|pages|date|file|sheet)\}/g, (_, field: string) => HEADER_FOOTER_FIELDS[field]);
}

/** The font a sheet's cells are written in: named on every cell, so no cell falls back to another. */
export interface FontModel {
  readonly name: string;
  /** Points: the size of cells whose style gives none. */
  readonly size: number;
}

/**
 * A chart fed by cells: each renderer draws it its own way (Office.js: `charts.add`; .xlsx: a
 * DrawingML chart part). Ranges are qualified (`Sammendrag!$A$5:$A$8`).
 */
export interface ChartModel {
  readonly type: 'column';
  readonly title: string;
  /** Category labels, one range. */
  readonly categories: string;
  /** One series per range. */
  readonly series: readonly ChartSeriesModel[];
  /** 0-based top-left cell where the chart is placed. */
  readonly anchor: { readonly row: number; readonly col: number };
}

export interface ChartSeriesModel {
  readonly name: string;
  /** One column or row of cells. */
  readonly values: string;
  /**
   * What those cells hold as laid out (the engine's figures), in order: a file stores this copy
   * with the chart (DrawingML's `numCache`), so that a reader that does not recalculate still
   * draws the bars. The cells stay the source: Excel and LibreOffice redraw from them.
   */
  readonly cache?: readonly number[];
}

export interface SheetModel {
  readonly name: string;
  readonly visibility?: 'visible' | 'hidden' | 'veryHidden';
  readonly cells: readonly CellModel[];
  /** Column widths in characters, by 0-based column. */
  readonly columnWidths?: readonly { readonly col: number; readonly width: number }[];
  /** A1 ranges to merge, e.g. `A1:C1`. */
  readonly merges?: readonly string[];
  readonly tables?: readonly TableModel[];
  /** Protect the sheet without a password (against accidental edits). */
  readonly protect?: boolean;
  /** Row heights in points, by 0-based row (rows left out keep Excel's default). */
  readonly rowHeights?: readonly { readonly row: number; readonly height: number }[];
  /** Frozen panes: this many rows at the top and columns at the left stay in view. */
  readonly freeze?: { readonly rows: number; readonly cols: number };
  readonly conditionalFormats?: readonly ConditionalFormatModel[];
  readonly print?: PrintSettings;
  /** Charts placed on the sheet (an Excel without the chart API leaves them out and says so). */
  readonly charts?: readonly ChartModel[];
  /** The font of every cell the sheet writes (without it, cells keep the workbook's default). */
  readonly font?: FontModel;
}

/** A workbook-level name referring to a cell (`'Avstemming'!$A$1`). */
export interface DefinedNameModel {
  readonly name: string;
  /** The sheet's name, unquoted. */
  readonly sheet: string;
  /** `$A$1` */
  readonly ref: string;
}

export interface WorkbookModel {
  readonly sheets: readonly SheetModel[];
  readonly names?: readonly DefinedNameModel[];
}

/**
 * A literal string Excel would not keep as typed, written to a cell by the API (`Range.values`,
 * which reads as typing does) or by a user's F2 and Enter: a formula (`=`, `+`, `-`, `@`), a `'`
 * prefix, an error value (`#N/A`), a boolean (`TRUE`, Norwegian `SANN`), or anything with a digit,
 * which Excel may read as a number, a percentage, a currency amount, a fraction, a date or a time
 * in some locale (`1e5`, `12%`, `1/2`, `May 2024`, `1 000`, `1,5`, `kr 12`, `5. mai`). Both
 * renderers write such text under the text format `@`, so that it stays the text it is. A string
 * without a digit cannot be read as a number or a date in any locale.
 */
export function needsTextFormat(value: string): boolean {
  const t = value.trim();
  return /^[=+\-@'#]/.test(t) || /\d/.test(value) || /^(true|false|sann|usann)$/i.test(t);
}

/** Whether the cell holds a literal string that must be written under the text format `@`. */
export function isProtectedText(c: CellModel): boolean {
  return c.formula === undefined && typeof c.value === 'string' && c.value !== '' && needsTextFormat(c.value);
}

/** The number format a renderer gives the cell: `@` for text that must stay text, else the model's. */
export function numberFormatOf(c: CellModel): string | undefined {
  return isProtectedText(c) ? '@' : c.numberFormat;
}
