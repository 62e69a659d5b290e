/**
 * What the host stores per worksheet: sparse rows of cells, each with a
 * constant or a formula (and the formula's last result), and the formats
 * the add-in reads or writes. Empty cells are not stored.
 */
import type { CellValue } from '../../domain/snapshot';
import type { ExcelProtectionOptions } from '../../excel/excelApi';
import { overlaps, type Rect } from './rangeAddress';

export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';
export type HorizontalAlignment = 'General' | 'Left' | 'Center' | 'Right';

export interface CellFormat {
  numberFormat?: string;
  indentLevel?: number;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** The font's name (`RangeFont.name`). */
  fontName?: string;
  /** `#RRGGBB` */
  fontColor?: string;
  /** `#RRGGBB` */
  fill?: string;
  horizontalAlignment?: HorizontalAlignment;
  wrapText?: boolean;
  /** `Top`, `Center`, `Bottom` (Office.js names). */
  verticalAlignment?: VerticalAlignment;
  /** A border side's weight (`Thin`, `Medium`) when it has a continuous line. */
  borderTop?: string;
  borderBottom?: string;
  borderLeft?: string;
  borderRight?: string;
}

export type VerticalAlignment = 'Top' | 'Center' | 'Bottom';

/** `Range.hyperlink` (ExcelApi 1.7). */
export interface CellHyperlink {
  readonly address?: string;
  readonly documentReference?: string;
  readonly textToDisplay?: string;
  readonly screenTip?: string;
}

export const FORMAT_KEYS = [
  'numberFormat',
  'indentLevel',
  'bold',
  'italic',
  'fontSize',
  'fontName',
  'fontColor',
  'fill',
  'horizontalAlignment',
  'wrapText',
  'verticalAlignment',
  'borderTop',
  'borderBottom',
  'borderLeft',
  'borderRight',
] as const satisfies readonly (keyof CellFormat)[];

export interface CellData extends CellFormat {
  /** A constant, or the formula's last result; null when the cell has no content. */
  value: CellValue;
  /** Formula text with its leading `=`. */
  formula?: string;
  /** Text typed with a leading `'`: shown and read without it (`formulas` loses it, office-js #6687). */
  quotePrefix?: boolean;
  /** Workbook version the formula's `value` was calculated at; recalculated lazily after any change. */
  calcVersion?: number;
  /**
   * A formula read from a file with its cached result: the result stands
   * until the workbook changes, and stays when the host cannot evaluate the
   * formula (instead of `#NAME?`).
   */
  fromFile?: boolean;
  /**
   * Written while calculation was suspended, before the workbook's `calculations`-th
   * recalculation: `value` is the old result until then (state.ts).
   */
  uncalculated?: number;
  hyperlink?: CellHyperlink;
}

export function hasContent(cell: CellData | undefined): boolean {
  return cell !== undefined && (cell.formula !== undefined || cell.value !== null);
}

export function hasFormat(cell: CellData): boolean {
  return FORMAT_KEYS.some((k) => cell[k] !== undefined);
}

export interface TableData {
  /** Stable across renames, like `Table.id`. */
  readonly id: string;
  name: string;
  /** `A3:N14` */
  range: string;
  hasHeaders: boolean;
  style: string;
}

export interface ConditionalFormatData {
  /** `H5:H20` */
  range: string;
  type: string;
  /** With its leading `=`. */
  formula: string | null;
  fill: string | null;
  fontColor: string | null;
  bold: boolean | null;
}

export interface ChartSeriesData {
  name: string | null;
  /** Qualified addresses (`'Sammendrag'!C5:C8`), resolved when set. */
  values: string | null;
  categories: string | null;
}

export interface ChartData {
  type: string;
  title: string | null;
  series: ChartSeriesData[];
  /** Top-left cell, `E5`. */
  position: string | null;
}

export interface PageLayoutData {
  orientation?: string;
  paperSize?: string;
  /** Points. */
  leftMargin?: number;
  rightMargin?: number;
  topMargin?: number;
  bottomMargin?: number;
  headerMargin?: number;
  footerMargin?: number;
  /** `headersFooters.defaultForAllPages`'s footers, in Excel's code (`Side &P av &N`). */
  leftFooter?: string;
  centerFooter?: string;
  rightFooter?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** `$1:$3` */
  printTitleRows?: string;
}

/**
 * `WorksheetProtectionOptions` (ExcelApi 1.2; `selectionMode` 1.7): what a protected sheet still
 * lets the user do, as the adapter's API subset describes it. Stored, not enforced beyond writes
 * (see state.ts `guard`).
 */
export type ProtectionOptions = ExcelProtectionOptions;

/** Excel's defaults (Review > Protect Sheet as offered): nothing allowed but selecting. */
export const DEFAULT_PROTECTION_OPTIONS: Readonly<Required<ProtectionOptions>> = {
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: 'Normal',
};

let nextSheetId = 1;

/**
 * A sheet's merged areas, in the order merged, indexed by row: whether an area overlaps one costs
 * its rows, not the number of merges (a sheet of project cards has tens of thousands).
 */
export class Merges {
  private readonly list: Rect[] = [];
  private readonly byRow = new Map<number, Rect[]>();

  get size(): number {
    return this.list.length;
  }

  all(): readonly Rect[] {
    return this.list;
  }

  add(rect: Rect): void {
    this.list.push(rect);
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      const at = this.byRow.get(r);
      if (at) at.push(rect);
      else this.byRow.set(r, [rect]);
    }
  }

  remove(rect: Rect): void {
    const i = this.list.indexOf(rect);
    if (i >= 0) this.list.splice(i, 1);
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      const at = this.byRow.get(r);
      const j = at?.indexOf(rect) ?? -1;
      if (j >= 0) at!.splice(j, 1);
    }
  }

  /** Whether any merged area shares a cell with `rect`. */
  overlapping(rect: Rect): boolean {
    if (rect.rows > this.byRow.size) return this.list.some((m) => overlaps(m, rect));
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      if (this.byRow.get(r)?.some((m) => overlaps(m, rect))) return true;
    }
    return false;
  }
}

export class SheetData {
  /** Stable across renames, like `Worksheet.id`. */
  readonly id = `{00000000-0001-0000-0000-${String(nextSheetId++).padStart(12, '0')}}`;
  visibility: SheetVisibility = 'Visible';
  isProtected = false;
  /** The options of the sheet's protection (the last ones set; Excel's defaults before). */
  protectionOptions: Required<ProtectionOptions> = { ...DEFAULT_PROTECTION_OPTIONS };
  /** The protection's password; null when protected without one (or not protected). */
  protectionPassword: string | null = null;
  /** Sparse: `rows[r]?.[c]`. */
  readonly rows: (CellData | undefined)[][] = [];
  /** Column widths in characters (Excel's unit in files; `format.columnWidth` is in points). */
  readonly columnWidths = new Map<number, number>();
  /** Row heights in points. */
  readonly rowHeights = new Map<number, number>();
  readonly merges = new Merges();
  /** Frozen rows and columns at the top left; null when none. */
  freeze: { rows: number; cols: number } | null = null;
  readonly tables: TableData[] = [];
  readonly conditionalFormats: ConditionalFormatData[] = [];
  readonly charts: ChartData[] = [];
  readonly pageLayout: PageLayoutData = {};
  /** 0-based rows with a manual page break above them. */
  readonly rowBreaks: number[] = [];
  /** The sheet's selection, kept when another sheet is active (as Excel does). */
  selection: Rect = { row: 0, col: 0, rows: 1, cols: 1 };
  /** Bumped on every change; keys the used-range cache. */
  version = 0;
  private usedCache: { version: number; all: Rect | null; values: Rect | null } | null = null;

  constructor(public name: string) {}

  get(row: number, col: number): CellData | undefined {
    return this.rows[row]?.[col];
  }

  /** Stores a cell as given (undefined or an empty, unformatted cell removes it). */
  put(row: number, col: number, cell: CellData | undefined): void {
    this.version++;
    if (
      cell === undefined ||
      (!hasContent(cell) && !hasFormat(cell) && !cell.quotePrefix && cell.hyperlink === undefined)
    ) {
      const r = this.rows[row];
      if (r) delete r[col];
      return;
    }
    (this.rows[row] ??= [])[col] = cell;
  }

  /**
   * The used range: every cell with content, or (valuesOnly false) content
   * or a format; null for a blank sheet.
   */
  usedRect(valuesOnly: boolean): Rect | null {
    if (this.usedCache?.version !== this.version) {
      this.usedCache = { version: this.version, all: this.scan(false), values: this.scan(true) };
    }
    return valuesOnly ? this.usedCache.values : this.usedCache.all;
  }

  private scan(valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    this.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (cell === undefined || (valuesOnly && !hasContent(cell))) return;
        if (r < r0) r0 = r;
        r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      });
    });
    return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }
}

/** What a `Range` object of a request stands for: a rectangle of a sheet's cells. */
export interface RangeTarget {
  readonly sheet: SheetData;
  readonly rect: Rect;
}
