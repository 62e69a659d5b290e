/**
 * The labels a register row goes by (its name, budget line and aliases), and which other row
 * already goes by a label: what keeps two rows from claiming the same budget or financing line.
 */
import { normalizeLabel } from '../../match';
import type { FundingSource, RegisterEntry } from '../types';

/** The labels an entry is known by (normalised): name, budget line, aliases. */
export function entryKeys(e: RegisterEntry): string[] {
  return [e.name, e.budgetLine, ...e.aliases].map(normalizeLabel).filter((k) => k !== '');
}

/** The labels a source is known by (normalised): name, aliases. */
export function sourceKeys(s: FundingSource): string[] {
  return [s.name, ...s.aliases].map(normalizeLabel).filter((k) => k !== '');
}

export function sourceName(s: FundingSource): string {
  return s.name;
}

/** Which other row (by `keysOf`) already uses this label; its display name, or null. */
export function takenBy<T>(
  rows: readonly T[],
  skip: number | null,
  label: string,
  keysOf: (row: T) => string[],
  nameOf: (row: T) => string,
): string | null {
  const key = normalizeLabel(label);
  if (key === '') return null;
  for (let i = 0; i < rows.length; i++) {
    if (i === skip) continue;
    if (keysOf(rows[i]).includes(key)) return nameOf(rows[i]);
  }
  return null;
}
