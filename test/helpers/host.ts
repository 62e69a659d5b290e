/**
 * The in-memory Excel host for tests, on Microsoft's Office.js client in Node.
 *
 * The suite runs twice (jest.config.js): under Excel on the web's profile, and under the oldest
 * Excel the add-in supports (ExcelApi 1.4, `EXCEL_PROFILE=api14`). A test that needs a
 * particular Excel names it (`excelApi: '1.8'`); otherwise it gets the run's profile, and says
 * what it expects of either with `supports()`.
 */
import type { WorkbookModel } from '../../src/domain/model';
import type { WorkbookSnapshot } from '../../src/domain/snapshot';
import { createExcelGateway, type ExcelGatewayOptions } from '../../src/excel/excelGateway';
import {
  ExcelHost,
  PROFILES,
  supportsApi,
  type ExcelClient,
  type HostOptions,
  type HostProfile,
} from '../../src/host';
import { nodeClient } from '../../src/host/client/node';

function runProfile(): HostProfile {
  const name = process.env.EXCEL_PROFILE;
  if (name === undefined || name === '') return PROFILES.web;
  if (!(name in PROFILES))
    throw new Error(`EXCEL_PROFILE=${name}: not one of ${Object.keys(PROFILES).join(', ')}`);
  return PROFILES[name as keyof typeof PROFILES];
}

/** The profile this run of the suite is under. */
export const PROFILE: HostProfile = runProfile();

/** Whether the run's Excel has ExcelApi `version`. */
export const supports = (version: string): boolean => supportsApi(PROFILE, 'ExcelApi', version);

export interface TestHostOptions extends HostOptions {
  /** An Excel with exactly this ExcelApi version (and nothing newer). */
  readonly excelApi?: string;
  readonly profile?: HostProfile;
  /** Microsoft's client checks requirement sets itself (default true; client/node.ts). */
  readonly clientCheck?: boolean;
}

export function profileOf(options: TestHostOptions = {}): HostProfile {
  if (options.profile) return options.profile;
  if (options.excelApi !== undefined)
    return { name: `ExcelApi ${options.excelApi}`, sets: { ExcelApi: options.excelApi } };
  return PROFILE;
}

export function clientFor(options: TestHostOptions = {}): ExcelClient {
  return nodeClient(profileOf(options), { clientCheck: options.clientCheck });
}

export function hostFromModel(model: WorkbookModel, options: TestHostOptions = {}): ExcelHost {
  return ExcelHost.fromModel(model, clientFor(options), options);
}

export function blankHost(options: TestHostOptions = {}): ExcelHost {
  return ExcelHost.blank(clientFor(options), options);
}

export function hostFromSnapshot(snapshot: WorkbookSnapshot, options: TestHostOptions = {}): ExcelHost {
  return ExcelHost.fromSnapshot(snapshot, clientFor(options), options);
}

/** The add-in's gateway on the host, as the pane and the preview make it. */
export function gatewayOn(host: ExcelHost, options: ExcelGatewayOptions = {}) {
  return createExcelGateway(host.run, {
    isSetSupported: host.isSetSupported,
    payloadLimit: host.payloadLimit,
    ...options,
  });
}

/** `Excel.run` on the host with Office.js's own types (not the adapter's structural subset). */
export function excelRun<T>(
  host: ExcelHost,
  batch: (context: Excel.RequestContext) => Promise<T>,
): Promise<T> {
  return host.run(batch as never);
}
