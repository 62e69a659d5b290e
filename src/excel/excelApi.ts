/**
 * The part of the Excel JavaScript API the adapter uses, as structural
 * types. Both the real `Excel.RequestContext` (checked at compile time in
 * office.ts) and the in-memory fake's context (src/fake) satisfy them, so the
 * adapter runs unchanged on either, and this file needs no Office.js types:
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

export interface ExcelRange {
  readonly isNullObject: boolean;
  /** `Budsjett!A1:C12`. */
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  /** `""` for empty cells, `"#REF!"` for errors, formula results. */
  readonly values: unknown[][];
  /** Formula text (`=SUM(B2:B9)`) where the cell holds one, else the same as `values`. */
  readonly formulas: unknown[][];
  /** `Empty`, `String`, `Double`, `Boolean`, `Error`, ... */
  readonly valueTypes: string[][];
  load(propertyNames: string): ExcelRange;
  /** ExcelApi 1.9. */
  getCellProperties(options: ExcelCellPropertiesLoadOptions): ExcelClientResult<ExcelCellProperties[][]>;
  select(): void;
}

export interface ExcelWorksheet {
  readonly isNullObject: boolean;
  readonly name: string;
  /** `Visible`, `Hidden` or `VeryHidden`. */
  readonly visibility: string;
  load(propertyNames: string): ExcelWorksheet;
  getRange(address?: string): ExcelRange;
  /** ExcelApi 1.4. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): ExcelRange;
  /** ExcelApi 1.5. */
  getNextOrNullObject(visibleOnly?: boolean): ExcelWorksheet;
  activate(): void;
}

export interface ExcelWorksheetCollection {
  readonly items: ExcelWorksheet[];
  load(propertyNames: string): ExcelWorksheetCollection;
  getItem(key: string): ExcelWorksheet;
  /** ExcelApi 1.4. */
  getItemOrNullObject(key: string): ExcelWorksheet;
  getActiveWorksheet(): ExcelWorksheet;
  /** ExcelApi 1.5. */
  getFirst(visibleOnly?: boolean): ExcelWorksheet;
}

export interface ExcelWorkbook {
  readonly worksheets: ExcelWorksheetCollection;
}

export interface ExcelContext {
  readonly workbook: ExcelWorkbook;
  sync(): Promise<unknown>;
}

/** `Excel.run`, or the fake's `run`. */
export type ExcelRun = <T>(batch: (context: ExcelContext) => Promise<T>) => Promise<T>;

/** `Office.context.requirements.isSetSupported`. */
export type IsSetSupported = (name: string, version: string) => boolean;
