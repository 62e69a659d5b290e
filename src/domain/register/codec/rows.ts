/**
 * What both file formats share once their rows are found: a row made into a register entry or
 * funding source (every bad field reported), the register made of both tables, and the checks of
 * the format version and of the extra columns' headers.
 */
import { parseEntryKind, parseSourceKind } from '../spellings';
import {
  FORMAT_VERSION_KEY,
  PROJECT_KEYS,
  REGISTER_FORMAT_VERSION,
  SOURCE_KEYS,
  type FundingSource,
  type RegisterEntry,
} from '../types';
import type { ImportErrors, ImportResult, ImportTable } from './importErrors';
import { basisOf, contributionOf, extrasOf, lineOf, listOf, textOf, type Row } from './rowValues';

const KNOWN_KEYS = new Set<string>([...PROJECT_KEYS, ...SOURCE_KEYS]);

/** A row of table `Prosjekter` as an entry: a name always, an id for a project. */
export function readEntry(row: Row, extraColumns: readonly string[], errors: ImportErrors): RegisterEntry {
  const table = row.table;
  const id = textOf(row, 'id', errors);
  const name = textOf(row, 'name', errors);
  const kindText = textOf(row, 'kind', errors);
  const kind = parseEntryKind(kindText);
  if (!kind)
    errors.add({ line: lineOf(row, 'kind'), field: 'kind', code: 'unknownKind', text: kindText, table });
  if (name === '') errors.add({ line: lineOf(row, 'name'), field: 'name', code: 'required', table });
  if (id === '' && (kind ?? 'project') === 'project')
    errors.add({ line: lineOf(row, 'id'), field: 'id', code: 'required', table });
  const contribution = contributionOf(row, errors);
  return {
    id,
    name,
    area: textOf(row, 'area', errors),
    phase: textOf(row, 'phase', errors),
    owner: textOf(row, 'owner', errors),
    role: textOf(row, 'role', errors),
    partners: listOf(row, 'partners', errors),
    goals: listOf(row, 'goals', errors),
    contribution: contribution.ore,
    ...(contribution.range ? { contributionRange: contribution.range } : {}),
    basis: basisOf(row, contribution.ore !== null, errors),
    contributionNote: textOf(row, 'contributionNote', errors),
    budgetLine: textOf(row, 'budgetLine', errors),
    aliases: listOf(row, 'aliases', errors),
    kind: kind ?? 'project',
    ...(extraColumns.length > 0 ? { extra: extrasOf(row, extraColumns, errors) } : {}),
  };
}

/** A row of table `Kilder` as a funding source: a name and a kind. */
export function readSource(row: Row, extraColumns: readonly string[], errors: ImportErrors): FundingSource {
  const table = row.table;
  const name = textOf(row, 'name', errors);
  const kindText = textOf(row, 'kind', errors);
  if (name === '') errors.add({ line: lineOf(row, 'name'), field: 'name', code: 'required', table });
  const kind = parseSourceKind(kindText);
  if (kindText === '') errors.add({ line: lineOf(row, 'kind'), field: 'kind', code: 'required', table });
  else if (!kind)
    errors.add({ line: lineOf(row, 'kind'), field: 'kind', code: 'unknownKind', text: kindText, table });
  return {
    name,
    kind: kind ?? 'own',
    aliases: listOf(row, 'aliases', errors),
    ...(extraColumns.length > 0 ? { extra: extrasOf(row, extraColumns, errors) } : {}),
  };
}

/** The rows of one table as found in the file, and the names of its extra columns. */
export interface TableRows {
  readonly rows: readonly Row[];
  readonly extraColumns: string[];
}

/** The register of both tables' rows: every entry and source, or every error found in them. */
export function registerOfTables(
  version: number | null,
  projects: TableRows,
  sources: TableRows,
  errors: ImportErrors,
): ImportResult {
  const entries = projects.rows.map((r) => readEntry(r, projects.extraColumns, errors));
  const fundingSources = sources.rows.map((r) => readSource(r, sources.extraColumns, errors));
  return errors.result(() => ({
    formatVersion: version ?? REGISTER_FORMAT_VERSION,
    entries,
    sources: fundingSources,
    extraProjectColumns: projects.extraColumns,
    extraSourceColumns: sources.extraColumns,
  }));
}

/** A format version this add-in reads: a whole number from 1 up to REGISTER_FORMAT_VERSION. */
export function checkVersion(
  version: number | null,
  text: string,
  line: number,
  errors: ImportErrors,
): boolean {
  if (version === null || !Number.isInteger(version) || version < 1) {
    errors.add({ line, code: 'formatVersion', reason: text === '' ? 'missing' : 'invalid', text });
    return false;
  }
  if (version > REGISTER_FORMAT_VERSION) {
    errors.add({ line, code: 'formatVersion', reason: 'newer', text });
    return false;
  }
  return true;
}

/** Checks extra column headers: non-empty, unique (case-insensitively, as Excel wants), not a known key. */
export function checkExtraColumns(
  headers: readonly { name: string; line: number }[],
  table: ImportTable,
  errors: ImportErrors,
): void {
  const seen = new Set<string>();
  for (const h of headers) {
    const lower = h.name.toLowerCase();
    if (h.name.trim() === '') errors.add({ line: h.line, code: 'shape', reason: 'emptyHeader', table });
    else if (KNOWN_KEYS.has(h.name) || h.name === FORMAT_VERSION_KEY)
      errors.add({ line: h.line, code: 'shape', reason: 'reservedHeader', text: h.name, table });
    else if (seen.has(lower))
      errors.add({ line: h.line, code: 'shape', reason: 'duplicateHeader', text: h.name, table });
    seen.add(lower);
  }
}
