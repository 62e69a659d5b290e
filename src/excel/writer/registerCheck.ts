/**
 * Whether the register may be written, decided from round trip 1 before anything is written: the
 * register is what the edit was based on (else `changed`), its format version is not newer than
 * this add-in knows, and the names the new sheet and its tables need are not taken elsewhere.
 */
import { readRegister } from '../../domain/register/readRegister';
import {
  PROJECTS_TABLE,
  REGISTER_FORMAT_VERSION,
  REGISTER_SHEET,
  SOURCES_TABLE,
} from '../../domain/register/types';
import { ExcelFailure, type RegisterWriteOptions } from '../gateway';
import type { WorkbookNow } from './registerNow';

/** The names the register's tables must have; table names are unique in the workbook. */
export const TABLE_NAMES = [PROJECTS_TABLE, SOURCES_TABLE] as const;

export const lower = (s: string) => s.toLowerCase();

/** Refuses the write, with nothing written, when the workbook is not what the edit was based on. */
export function check(now: WorkbookNow, options: RegisterWriteOptions): void {
  const { register } = now;
  if (options.basedOn === null && register !== null) {
    throw new ExcelFailure(
      'changed',
      `A register sheet (${register.name}) was added to the workbook meanwhile; nothing was written.`,
      undefined,
      register.name,
    );
  }
  if (options.basedOn !== null && register === null) {
    throw new ExcelFailure(
      'changed',
      `The register sheet ${REGISTER_SHEET} is no longer in the workbook; nothing was written.`,
      undefined,
      REGISTER_SHEET,
    );
  }
  if (register !== null && register.fingerprint !== options.basedOn) {
    throw new ExcelFailure(
      'changed',
      'The register changed in the workbook since it was read (a co-author?); nothing was written.',
      undefined,
      register.name,
    );
  }
  if (register !== null) {
    // Not `changed`: the sheet is what the pane read, but a later add-in wrote it, and this one
    // must never change it (docs/REGISTER.md). read() reports it as REGISTER_INVALID, so the pane
    // offers no edit; this is the guard behind that. The kind `office` shows Excel's general
    // advice, with the code and the version on the details line.
    const reading = readRegister({ sheets: [register.snapshot] });
    const newer = reading.findings.find(
      (f) => f.code === 'REGISTER_INVALID' && f.params.reason === 'newerVersion',
    );
    if (newer) {
      throw new ExcelFailure(
        'office',
        `The register has format version ${newer.params.text ?? '?'}, newer than this add-in knows (${REGISTER_FORMAT_VERSION}); nothing was written.`,
        'RegisterNewerVersion',
        `${newer.cells[0] ?? register.name}: ${newer.params.text ?? ''}`,
      );
    }
  }
  // The register read is `' Prosjektregister'` (findRegisterSheet trims) and another sheet has the
  // name the new one needs: the swap would fail at the rename.
  const other = now.sheets.find((s) => lower(s.name) === lower(REGISTER_SHEET) && s.id !== register?.id);
  if (other) {
    throw new ExcelFailure(
      'office',
      `Another sheet is named ${other.name}, the name the register needs.`,
      'ItemAlreadyExists',
      other.name,
    );
  }
  // The tables' names are unique in the workbook (and shared with defined names): taken by a
  // table elsewhere or by a name, the swap would fail; refuse before writing anything.
  for (const name of TABLE_NAMES) {
    const table = now.tables.find((t) => lower(t.name) === lower(name) && t.sheetId !== register?.id);
    const taken = table ? now.sheets.find((s) => s.id === table.sheetId)?.name : undefined;
    if (table || now.names.some((n) => lower(n) === lower(name))) {
      throw new ExcelFailure(
        'office',
        `The name ${name}, which the register's table needs, is taken by ${taken ? `a table on ${taken}` : 'a defined name'}.`,
        'ItemAlreadyExists',
        name,
      );
    }
  }
}
