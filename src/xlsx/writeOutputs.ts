/**
 * Writes the reconciliation outputs into a copy of a workbook file: each
 * output replaces its marked sheet in place or is added at the end, and the
 * marker names are rewritten; every other part of the file is copied as it
 * is (`write/addToPackage.ts`). Where each output goes is decided by the
 * domain (`buildOutputs`); this file only carries it out.
 */
import type { Outputs } from '../domain/outputs';
import type { WorkbookFile } from './read/readPackage';
import { addToPackage } from './write/addToPackage';

export interface AppliedOutputs {
  /** The new file's bytes. */
  readonly bytes: Uint8Array;
  /** Sheets written, in the outputs' order (with their charts: `write/chartXml.ts`). */
  readonly sheets: readonly string[];
}

export function applyOutputs(file: WorkbookFile, outputs: Outputs): AppliedOutputs {
  const bytes = addToPackage(file, {
    sheets: outputs.sheets.map(({ placement, sheet }) => ({ model: sheet, replaces: placement.replaces })),
    names: outputs.names,
  });
  return { bytes, sheets: outputs.sheets.map((o) => o.sheet.name) };
}
