/**
 * The part of the Excel JavaScript API the adapter uses, as structural
 * types. The real `Excel.RequestContext` satisfies them (checked at compile
 * time in office.ts), and it is the one context there is: in Excel, and on
 * the in-memory host in tests and the preview. This file needs no Office.js types:
 * the CLI build (tsconfig.cli.json, Node types only) compiles the adapter too.
 */

export interface ExcelClientResult<T> {
  readonly value: T;
}

/** The cell properties the adapter asks `getCellProperties` for. */
export interface ExcelCellProperties {
  readonly format?: { readonly indentLevel?: number };
}

export interface ExcelCellPropertiesLoadOptions {
  format?: { indentLevel?: boolean };
}

/** A border side as `range.format.borders.getItem('EdgeTop')` and `setCellProperties` take it. */
export interface ExcelCellBorder {
  style?: string;
  weight?: string;
  color?: string;
}

/**
 * What the writer gives `setCellProperties` (ExcelApi 1.9) per cell: the
 * part of `Excel.SettableCellProperties` it uses (number formats are not
 * cell properties: they go through `numberFormat`).
 */
export interface ExcelSettableCellProperties {
  format?: {
    font?: { bold?: boolean; italic?: boolean; color?: string; size?: number };
    fill?: { color?: string };
    horizontalAlignment?: string;
    verticalAlignment?: string;
    indentLevel?: number;
    wrapText?: boolean;
    borders?: {
      top?: ExcelCellBorder;
      bottom?: ExcelCellBorder;
      left?: ExcelCellBorder;
      right?: ExcelCellBorder;
    };
  };
}

export interface ExcelRangeFont {
  bold: boolean | null;
  italic: boolean | null;
  color: string | null;
  size: number | null;
  name: string | null;
}

export interface ExcelRangeBorder {
  style: string | null;
  weight: string | null;
}

export interface ExcelRangeFormat {
  readonly font: ExcelRangeFont;
  readonly fill: { color: string | null };
  readonly borders: { getItem(index: string): ExcelRangeBorder };
  horizontalAlignment: string | null;
  verticalAlignment: string | null;
  indentLevel: number | null;
  wrapText: boolean | null;
  /** Points (not characters). */
  columnWidth: number | null;
  /** Points. */
  rowHeight: number | null;
}

/** ExcelApi 1.7. */
export interface ExcelHyperlink {
  address?: string;
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

/** ExcelApi 1.6: an expression rule (`ConditionalFormatType.custom`). */
export interface ExcelConditionalFormat {
  readonly custom: {
    readonly rule: { formula: string | null };
    readonly format: {
      readonly fill: { color: string | null };
      readonly font: { color: string | null; bold: boolean | null };
    };
  };
}

export interface ExcelRange {
  readonly isNullObject: boolean;
  /** `Budsjett!A1:C12`. */
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  /** `""` for empty cells, `"#REF!"` for errors, formula results. Writable: null entries leave a cell as it is. */
  values: unknown[][];
  /** Formula text (`=SUM(B2:B9)`) where the cell holds one, else the same as `values`. */
  formulas: unknown[][];
  /** Number format codes; set them before the values (OFFICEJS.md). */
  numberFormat: unknown[][];
  readonly format: ExcelRangeFormat;
  /** ExcelApi 1.7. */
  hyperlink: ExcelHyperlink | null;
  /** ExcelApi 1.6. */
  readonly conditionalFormats: { add(type: string): ExcelConditionalFormat };
  /** `Empty`, `String`, `Double`, `Boolean`, `Error`, ... */
  readonly valueTypes: string[][];
  load(propertyNames: string): ExcelRange;
  /** ExcelApi 1.9. */
  getCellProperties(options: ExcelCellPropertiesLoadOptions): ExcelClientResult<ExcelCellProperties[][]>;
  /** ExcelApi 1.9. */
  setCellProperties(cellPropertiesData: ExcelSettableCellProperties[][]): void;
  merge(across?: boolean): void;
  select(): void;
  /**
   * Releases the range after the request it is used in. Inside `Excel.run` the client keeps every
   * Range it creates (`_KeepReference`) and releases them all at the end of the run, one by one,
   * which takes time quadratic in their number (Office.js `_removeKeepReferenceAction`); Microsoft:
   * "Having many tracked objects slows down the host application". The writers and the read
   * untrack each range they create, since none is used after its round trip.
   */
  untrack(): ExcelRange;
  /** The smallest range holding this one and `anotherRange`. */
  getBoundingRect(anotherRange: ExcelRange | string): ExcelRange;
  /** ExcelApi 1.4: the cells both cover; a null object when they share none. */
  getIntersectionOrNullObject(anotherRange: ExcelRange | string): ExcelRange;
}

/** ExcelApi 1.1 (`add`); the series methods 1.7. */
export interface ExcelChart {
  readonly title: { text: string | null };
  readonly series: {
    getItemAt(index: number): ExcelChartSeries;
    add(name?: string): ExcelChartSeries;
  };
  setPosition(startCell: ExcelRange | string, endCell?: ExcelRange | string): void;
}

export interface ExcelChartSeries {
  name: string | null;
  setValues(sourceData: ExcelRange): void;
  setXAxisValues(sourceData: ExcelRange): void;
}

export interface ExcelTable {
  name: string | null;
  style: string | null;
}

/** ExcelApi 1.9. */
export interface ExcelPageLayout {
  orientation: string | null;
  paperSize: string | null;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } | null;
  /** Points. */
  leftMargin: number | null;
  rightMargin: number | null;
  topMargin: number | null;
  bottomMargin: number | null;
  headerMargin: number | null;
  footerMargin: number | null;
  readonly headersFooters: {
    readonly defaultForAllPages: {
      leftFooter: string | null;
      centerFooter: string | null;
      rightFooter: string | null;
    };
  };
  setPrintTitleRows(printTitleRows: ExcelRange | string): void;
}

/** `Excel.WorksheetProtectionOptions` (ExcelApi 1.2; `selectionMode` 1.7). */
export interface ExcelProtectionOptions {
  allowAutoFilter?: boolean;
  allowDeleteColumns?: boolean;
  allowDeleteRows?: boolean;
  allowEditObjects?: boolean;
  allowEditScenarios?: boolean;
  allowFormatCells?: boolean;
  allowFormatColumns?: boolean;
  allowFormatRows?: boolean;
  allowInsertColumns?: boolean;
  allowInsertHyperlinks?: boolean;
  allowInsertRows?: boolean;
  allowPivotTables?: boolean;
  allowSort?: boolean;
  selectionMode?: string;
}

/** `Excel.WorksheetProtection` (ExcelApi 1.2). */
export interface ExcelWorksheetProtection {
  readonly protected: boolean;
  readonly options: ExcelProtectionOptions;
  load(propertyNames: string): unknown;
  /** Fails when the sheet is protected already. */
  protect(options?: ExcelProtectionOptions, password?: string): void;
  unprotect(password?: string): void;
}

/** `Excel.WorksheetChangedEventArgs` (ExcelApi 1.7): what the adapter reads of it. */
export interface ExcelWorksheetChangedEventArgs {
  /** `WorksheetChanged`. */
  readonly type: string;
  /** `RangeEdited`, `RowInserted`, … */
  readonly changeType: string;
  /** `Local` (this user) or `Remote` (a co-author). */
  readonly source: string;
  /** The changed range on the sheet, without the sheet's name: `B5`, `A3:C9`. */
  readonly address: string;
  readonly worksheetId: string;
  /** Who made it (ExcelApi 1.14): `ThisLocalAddin` for this add-in's own writes; absent before 1.14. */
  readonly triggerSource?: string;
}

/** `OfficeExtension.EventHandlerResult`: its `context` is the request context the handler was added in. */
export interface ExcelEventHandlerResult {
  readonly context: { sync(): Promise<unknown> };
  /** Once only: a removal whose sync failed cannot be repeated through it (`EventHandlers.remove` can). */
  remove(): void;
}

/**
 * `OfficeExtension.EventHandlers<T>`: adding or removing a handler takes effect at the next sync,
 * and a handler is removed in the request context it was added in (Microsoft: "The same
 * RequestContext object that the handler was added in must be used when removing the handler").
 */
export interface ExcelEventHandlers<T> {
  add(handler: (args: T) => Promise<unknown>): ExcelEventHandlerResult;
  remove(handler: (args: T) => Promise<unknown>): void;
}

export interface ExcelWorksheet {
  readonly isNullObject: boolean;
  /** Settable: renames the sheet. */
  name: string;
  /** Stable across renames. */
  readonly id: string;
  /** 0-based tab position; settable: moves the sheet. */
  position: number;
  /** `Visible`, `Hidden` or `VeryHidden`. */
  visibility: string;
  load(propertyNames: string): ExcelWorksheet;
  getRange(address?: string): ExcelRange;
  /** The used range; A1 for a blank sheet. `valuesOnly`: ExcelApi 1.2. */
  getUsedRange(valuesOnly?: boolean): ExcelRange;
  /** ExcelApi 1.4. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): ExcelRange;
  activate(): void;
  delete(): void;
  /** ExcelApi 1.2. */
  readonly protection: ExcelWorksheetProtection;
  /** ExcelApi 1.7. */
  readonly freezePanes: {
    freezeRows(count?: number): void;
    freezeColumns(count?: number): void;
    freezeAt(frozenRange: ExcelRange | string): void;
  };
  readonly tables: {
    add(address: ExcelRange | string, hasHeaders: boolean): ExcelTable;
    getItem(key: string): ExcelTable;
  };
  readonly charts: { add(type: string, sourceData: ExcelRange, seriesBy?: string): ExcelChart };
  /** ExcelApi 1.9. */
  readonly pageLayout: ExcelPageLayout;
  /** ExcelApi 1.9. */
  readonly horizontalPageBreaks: { add(pageBreakRange: ExcelRange | string): unknown };
  /** ExcelApi 1.7: the sheet's cells changed (each edit, by this user or a co-author). */
  readonly onChanged: ExcelEventHandlers<ExcelWorksheetChangedEventArgs>;
}

export interface ExcelWorksheetCollection {
  readonly items: ExcelWorksheet[];
  load(propertyNames: string): ExcelWorksheetCollection;
  getItem(key: string): ExcelWorksheet;
  /** ExcelApi 1.4. */
  getItemOrNullObject(key: string): ExcelWorksheet;
  getActiveWorksheet(): ExcelWorksheet;
  /** Adds a sheet at the end. */
  add(name?: string): ExcelWorksheet;
}

/** A workbook-level name (ExcelApi 1.1; `formula` 1.7). */
export interface ExcelNamedItem {
  readonly isNullObject: boolean;
  readonly name: string;
  /** `='Avstemming'!$A$1` (ExcelApi 1.7). */
  readonly formula: unknown;
  /** For a range name, its address (`Avstemming!$A$1`). */
  readonly value: unknown;
  delete(): void;
}

export interface ExcelNamedItemCollection {
  readonly items: ExcelNamedItem[];
  load(propertyNames: string): ExcelNamedItemCollection;
  /** ExcelApi 1.4. */
  add(name: string, reference: ExcelRange | string, comment?: string): ExcelNamedItem;
  /** Fails at the sync with `ItemNotFound` when there is no such name. */
  getItem(name: string): ExcelNamedItem;
  /** ExcelApi 1.4. */
  getItemOrNullObject(name: string): ExcelNamedItem;
}

export interface ExcelWorkbook {
  readonly worksheets: ExcelWorksheetCollection;
  readonly names: ExcelNamedItemCollection;
  /** Every table of the workbook (ExcelApi 1.1), with the sheet of each (`Table.worksheet`, 1.2). */
  readonly tables: {
    readonly items: readonly { readonly name: string | null; readonly worksheet: { readonly id: string } }[];
    load(propertyNames: string): unknown;
  };
}

export interface ExcelApplication {
  /** `Recalculate`, `Full` or `FullRebuild` (ExcelApi 1.1). */
  calculate(calculationType: string): void;
  /** ExcelApi 1.6. */
  suspendApiCalculationUntilNextSync(): void;
  /** ExcelApi 1.9. */
  suspendScreenUpdatingUntilNextSync(): void;
}

export interface ExcelContext {
  readonly workbook: ExcelWorkbook;
  readonly application: ExcelApplication;
  sync(): Promise<unknown>;
}

/** `Excel.run` (in Excel, or on the in-memory host). */
export type ExcelRun = <T>(batch: (context: ExcelContext) => Promise<T>) => Promise<T>;

/** `Office.context.requirements.isSetSupported`. */
export type IsSetSupported = (name: string, version: string) => boolean;
