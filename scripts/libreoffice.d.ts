// Types for scripts/libreoffice.js (plain CommonJS, used by test/libreoffice).
export interface ConvertOptions {
  /** Limit for the LibreOffice run in ms (default 120 000); the run is killed after it. */
  readonly timeoutMs?: number;
  /** soffice's `--infilter` (the import filter and its options), e.g. `CSV:59,34,76,1`. */
  readonly infilter?: string;
  /** The locale LibreOffice shows numbers and dates in (`nb-NO`, `en-US`); by default the machine's. */
  readonly locale?: string;
}
export class LibreOfficeError extends Error {}
/** `soffice --convert-to <format>` of inFile (recalculated on load), as outDir/<same name>.<extension>. */
export function convert(
  inFile: string,
  outDir: string,
  format: string,
  extension: string,
  options?: ConvertOptions,
): Promise<string>;
/**
 * Every sheet of inXlsx (hidden ones too), recalculated, as CSV of the text each cell shows in
 * LibreOffice set to `locale` (`,`-separated, UTF-8): outDir/<name>-<sheet>.csv, one per sheet.
 */
export function sheetsAsShown(
  inXlsx: string,
  outDir: string,
  options?: { readonly locale?: string; readonly timeoutMs?: number },
): Promise<{ readonly sheet: string; readonly file: string }[]>;
/** inXlsx recalculated by LibreOffice and saved with results, as outDir/<same name>.xlsx. */
export function recalculate(inXlsx: string, outDir: string, options?: ConvertOptions): Promise<string>;
/** inCsv opened as Norwegian LibreOffice opens a `;`-separated UTF-8 CSV, saved as outDir/<same name>.xlsx. */
export function openCsv(inCsv: string, outDir: string, options?: ConvertOptions): Promise<string>;
/** The visible sheets of inXlsx, recalculated, as outDir/<same name>.pdf. */
export function renderPdf(inXlsx: string, outDir: string, options?: ConvertOptions): Promise<string>;
/** Every page of pdf as <outPrefix>-N.png, in page order. */
export function pdfToPng(
  pdf: string,
  outPrefix: string,
  options?: { readonly resolution?: number; readonly timeoutMs?: number },
): Promise<string[]>;
/** The soffice executable (SOFFICE_PATH, PATH, usual locations); throws LibreOfficeError naming the package. */
export function findSoffice(env?: NodeJS.ProcessEnv, candidates?: readonly string[]): string;
export const REGISTRY_MODIFICATIONS: string;
