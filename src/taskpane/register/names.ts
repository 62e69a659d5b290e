/**
 * How the register editor names a row: `1.2 Helsedesign, Arena` for a project, the name alone for
 * an operations line or a source. Used in headings, button labels and messages.
 */
import type { FundingSource, Register, RegisterEntry } from '../../domain/register/types';

/** A row of the register as the editor lists it: a project or operations line, or a source, by index. */
export interface RegisterRow {
  readonly table: 'entries' | 'sources';
  readonly index: number;
}

export function entryName(e: Pick<RegisterEntry, 'id' | 'name'>): string {
  return e.id ? `${e.id} ${e.name}` : e.name;
}

export function sourceName(s: Pick<FundingSource, 'name'>): string {
  return s.name;
}

/** The display name of an entry or source of `register`, by table and index. */
export function targetName(register: Register, target: RegisterRow): string {
  if (target.table === 'entries') {
    const e = register.entries[target.index];
    return e ? entryName(e) : '';
  }
  const s = register.sources[target.index];
  return s ? sourceName(s) : '';
}
