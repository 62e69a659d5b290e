/** The spellings of the register's enumerated values (basis, kinds) that the readers accept. */
import type { Basis, EntryKind, SourceKind } from './types';

/**
 * How the register's enumerated cells may be written, for the sheet reader
 * and the JSON/CSV import alike: the stored word, its Norwegian or English
 * twin, and the spellings people type.
 */
const BASIS: Readonly<Record<string, Basis>> = {
  'per år': 'per år',
  'pr år': 'per år',
  'pr. år': 'per år',
  'per year': 'per år',
  årlig: 'per år',
  totalt: 'totalt',
  total: 'totalt',
  'i alt': 'totalt',
};
const ENTRY_KINDS: Readonly<Record<string, EntryKind>> = {
  '': 'project',
  project: 'project',
  prosjekt: 'project',
  operations: 'operations',
  drift: 'operations',
};
const SOURCE_KINDS: Readonly<Record<string, SourceKind>> = {
  own: 'own',
  egen: 'own',
  external: 'external',
  ekstern: 'external',
  memo: 'memo',
};

/** `map[key]` for the map's own keys only (`constructor` is not a kind). */
function lookup<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

/** A basis as it may be written (`per år`, `pr. år`, `totalt`, ...); undefined when it is none. */
export function parseBasis(text: string): Basis | undefined {
  return lookup(BASIS, text) ?? lookup(BASIS, text.toLowerCase().replace(/\s+/g, ' '));
}

/** An entry's kind as it may be written (`prosjekt`, `Drift`, empty for a project). */
export function parseEntryKind(text: string): EntryKind | undefined {
  return lookup(ENTRY_KINDS, text) ?? lookup(ENTRY_KINDS, text.toLowerCase());
}

/** A source's kind as it may be written (`egen`, `External`, ...). */
export function parseSourceKind(text: string): SourceKind | undefined {
  return lookup(SOURCE_KINDS, text) ?? lookup(SOURCE_KINDS, text.toLowerCase());
}
