/**
 * Updates of the register as the editor makes them: a row put, replaced or removed, each giving
 * a new register (the one given is not changed); and the empty register a new workbook starts with.
 */
import { REGISTER_FORMAT_VERSION, type FundingSource, type Register, type RegisterEntry } from '../types';

/** Throws unless `index` is a row of a table of `length` rows (null: a new row, always fine). */
export function checkRowIndex(length: number, index: number | null): void {
  if (index !== null && (!Number.isInteger(index) || index < 0 || index >= length))
    throw new RangeError(`No register row ${index} (the table has ${length}).`);
}

function put<T>(rows: readonly T[], index: number | null, row: T): T[] {
  checkRowIndex(rows.length, index);
  if (index === null) return [...rows, row];
  const out = [...rows];
  out[index] = row;
  return out;
}

function remove<T>(rows: readonly T[], index: number): T[] {
  checkRowIndex(rows.length, index);
  return rows.filter((_, i) => i !== index);
}

/** Replaces entry `index`, or appends when index is null. */
export function putEntry(register: Register, index: number | null, entry: RegisterEntry): Register {
  return { ...register, entries: put(register.entries, index, entry) };
}

export function removeEntry(register: Register, index: number): Register {
  return { ...register, entries: remove(register.entries, index) };
}

/** Replaces source `index`, or appends when index is null. */
export function putSource(register: Register, index: number | null, source: FundingSource): Register {
  return { ...register, sources: put(register.sources, index, source) };
}

export function removeSource(register: Register, index: number): Register {
  return { ...register, sources: remove(register.sources, index) };
}

export function emptyRegister(): Register {
  return {
    formatVersion: REGISTER_FORMAT_VERSION,
    entries: [],
    sources: [],
    extraProjectColumns: [],
    extraSourceColumns: [],
  };
}
