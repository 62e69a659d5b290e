/**
 * Writes the project register into a copy of a workbook file: the register
 * sheet is replaced in place (same tab position) or added at the end, hidden
 * and protected, as `registerSheetModel` lays it out. Every other part of
 * the file is copied as it is (`write/addToPackage.ts`).
 */
import { findRegisterSheet, readRegister } from '../domain/register/readRegister';
import { registerSheetModel, sheetRangeText } from '../domain/register/registerSheet';
import { REGISTER_FORMAT_VERSION, type Register } from '../domain/register/types';
import type { SheetModel } from '../domain/model';
import type { WorkbookFile } from './read/readPackage';
import { addToPackage } from './write/addToPackage';
import { XlsxModelError } from './write/errors';

export interface WrittenRegister {
  /** The new file's bytes. */
  readonly bytes: Uint8Array;
  /** True when a register sheet was replaced, false when one was added. */
  readonly replaced: boolean;
  /** Ranges the sheet cannot hold as text (max ten times min or more): written as their min. */
  readonly rangesAsMin: readonly number[];
}

/**
 * The register sheet's model, and the entries whose contribution range the
 * sheet cannot hold as text (it gets their min; the CLI says so).
 */
export function registerSheetModelWithRanges(register: Register): {
  model: SheetModel;
  rangesAsMin: number[];
} {
  const rangesAsMin: number[] = [];
  register.entries.forEach((e, i) => {
    if (e.contributionRange && sheetRangeText(e.contributionRange.min, e.contributionRange.max) === null) {
      rangesAsMin.push(i);
    }
  });
  return { model: registerSheetModel(register), rangesAsMin };
}

/**
 * Replaces (same position) or adds the register sheet. Refuses, with `XlsxModelError`, when the
 * workbook's register has a newer format version than this code writes, or another sheet holds a
 * table named like the register's tables. `file` must have been read with the register's cells
 * (as `loadWorkbook` reads them by default).
 */
export function writeRegisterSheet(file: WorkbookFile, register: Register): WrittenRegister {
  const old = findRegisterSheet(file.snapshot);
  if (old) {
    const reading = readRegister({ sheets: [old] });
    const newer = reading.findings.find(
      (f) => f.code === 'REGISTER_INVALID' && f.params.reason === 'newerVersion',
    );
    if (newer) {
      throw new XlsxModelError(
        `The register in sheet ${old.name} has format version ${newer.params.text ?? '?'}, newer than this version writes (${REGISTER_FORMAT_VERSION}); it is left unchanged.`,
      );
    }
  }
  const { model, rangesAsMin } = registerSheetModelWithRanges({
    ...register,
    formatVersion: REGISTER_FORMAT_VERSION,
  });
  const bytes = addToPackage(file, { sheets: [{ model, replaces: old ? old.name : null }] });
  return { bytes, replaced: old !== undefined, rangesAsMin };
}
