/**
 * The adapter bound to the real Office.js: the one file that names the
 * global `Excel` and `Office` namespaces (the CLI build, with Node types
 * only, leaves it out; see tsconfig.cli.json).
 */
import type { ExcelContext, ExcelRun, IsSetSupported } from './excelApi';
import { createExcelGateway, type ExcelGatewayOptions } from './excelGateway';
import type { WorkbookGateway } from './gateway';

/**
 * Compile-time proof that Office.js's request context has everything the
 * adapter uses (excelApi.ts): this fails to type-check if it does not.
 */
type Assignable<T, U> = [T] extends [U] ? true : never;
export const OFFICE_CONTEXT_FITS: Assignable<Excel.RequestContext, ExcelContext> = true;

/** `Excel.run`, seen through the adapter's types. */
export const officeRun: ExcelRun = (batch) => Excel.run(batch);

export const officeIsSetSupported: IsSetSupported = (name, version) =>
  Office.context.requirements.isSetSupported(name, version);

/** The gateway on the workbook Excel has open. Call after `Office.onReady`. */
export function officeGateway(options: Omit<ExcelGatewayOptions, 'isSetSupported'> = {}): WorkbookGateway {
  return createExcelGateway(officeRun, { ...options, isSetSupported: officeIsSetSupported });
}
