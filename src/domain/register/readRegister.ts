/**
 * Reading the project register from its hidden sheet: both tables found by their header names
 * wherever they stand (sheet/tables.ts), their rows read (sheet/entryRows.ts,
 * sheet/sourceRows.ts), unknown columns and unreadable rows kept, and every problem a finding
 * naming its cell.
 */
import { qualifiedRef } from '../address';
import { appendFindings, finding, type Finding } from '../findings';
import { Grid } from '../grid';
import type { WorkbookSnapshot } from '../snapshot';
import { StringIndex } from '../stringIndex';
import { entryFieldsOf, SheetEntryFields, type EntryFields } from './entryFields';
import { fullEntries, K, projectColumns, readEntryFields } from './sheet/entryRows';
import { readSource } from './sheet/sourceRows';
import {
  dataEnd,
  findSegment,
  isProjectTable,
  isSourceTable,
  rawRow,
  readFormatVersion,
  tableFindings,
} from './sheet/tables';
import {
  REGISTER_FORMAT_VERSION,
  REGISTER_SHEET,
  type FundingSource,
  type ProjectKey,
  type Register,
  type RegisterEntry,
  type RegisterLocation,
  type UnreadRow,
} from './types';

export interface RegisterReading {
  /** Null when the workbook has no usable register. */
  readonly register: Register | null;
  /** The fields of `register.entries` that reconciling reads, without making the entries. */
  readonly fields: EntryFields | null;
  readonly location: RegisterLocation | null;
  readonly findings: readonly Finding[];
}

export function findRegisterSheet(workbook: WorkbookSnapshot) {
  return workbook.sheets.find((s) => s.name.trim().toLowerCase() === REGISTER_SHEET.toLowerCase());
}

/**
 * Reads the register from its hidden sheet by header names, wherever the
 * two tables stand, keeping unknown columns. Every row it cannot use is a
 * finding naming its cell.
 */
export function readRegister(workbook: WorkbookSnapshot): RegisterReading {
  const sheet = findRegisterSheet(workbook);
  if (!sheet) {
    return {
      register: null,
      fields: null,
      location: null,
      findings: [finding({ code: 'REGISTER_MISSING', cells: [], params: { sheet: REGISTER_SHEET } })],
    };
  }
  const grid = new Grid(sheet);
  const findings: Finding[] = [];

  const version = readFormatVersion(grid);
  if (version.value !== null && version.value > REGISTER_FORMAT_VERSION) {
    findings.push(
      finding({
        code: 'REGISTER_INVALID',
        cells: version.cell ? [version.cell] : [],
        params: { sheet: grid.name, reason: 'newerVersion', text: String(version.value) },
      }),
    );
    return { register: null, fields: null, location: null, findings };
  }

  const projectSeg = findSegment(grid, isProjectTable);
  const sourceSeg = findSegment(grid, isSourceTable);
  appendFindings(findings, tableFindings(grid, projectSeg, sourceSeg));

  let fields: SheetEntryFields | null = null;
  const cols = projectSeg ? projectColumns(projectSeg, grid.firstCol) : null;
  const unreadEntries: UnreadRow[] = [];
  const unreadSources: UnreadRow[] = [];
  if (projectSeg && cols) {
    const start = projectSeg.row + 1;
    const end = dataEnd(grid, projectSeg);
    fields = new SheetEntryFields(
      grid,
      { id: cols[K.id], name: cols[K.name], budgetLine: cols[K.budgetLine] },
      end - start,
    );
    for (let row = start; row < end; row++) {
      if (!readEntryFields(grid, projectSeg, cols, row, fields, findings)) {
        unreadEntries.push(rawRow(grid, projectSeg, row));
      }
    }
  }
  const sources: FundingSource[] = [];
  const sourceRows: number[] = [];
  if (sourceSeg) {
    for (let row = sourceSeg.row + 1, end = dataEnd(grid, sourceSeg); row < end; row++) {
      const source = readSource(grid, sourceSeg, row, findings);
      if (source) {
        sources.push(source);
        sourceRows.push(row);
      } else {
        unreadSources.push(rawRow(grid, sourceSeg, row));
      }
    }
  }
  const location: RegisterLocation = {
    sheet: grid.name,
    entryRows: fields?.sheetRows ?? [],
    sourceRows,
    projectColumns: projectSeg?.columns ?? new Map(),
    sourceColumns: sourceSeg?.columns ?? new Map(),
  };
  if (fields) appendFindings(findings, duplicateIds(fields, location));

  // The full entries are made on first use (see EntryFields): reconciling reads `fields`.
  let entries: readonly RegisterEntry[] | null = null;
  let make: (() => RegisterEntry[]) | null =
    projectSeg && cols && fields ? () => fullEntries(grid, projectSeg, cols, fields) : () => [];
  const register: Register = {
    formatVersion: version.value ?? REGISTER_FORMAT_VERSION,
    // An own, enumerable getter: spreading, comparing or serialising the register reads it.
    get entries(): readonly RegisterEntry[] {
      if (entries === null) {
        entries = make!();
        make = null; // lets the sheet's snapshot go
      }
      return entries;
    },
    sources,
    extraProjectColumns: projectSeg?.extras.map((e) => e.header) ?? [],
    extraSourceColumns: sourceSeg?.extras.map((e) => e.header) ?? [],
    ...(unreadEntries.length > 0 ? { unreadEntries } : {}),
    ...(unreadSources.length > 0 ? { unreadSources } : {}),
  };
  return { register, fields: fields ?? entryFieldsOf([]), location, findings };
}

/** Qualified address of an entry's field, e.g. `Prosjektregister!I5`. */
export function entryCell(location: RegisterLocation, entry: number, key: ProjectKey): string | undefined {
  const row = location.entryRows[entry];
  const col = location.projectColumns.get(key);
  return row === undefined || col === undefined ? undefined : qualifiedRef(location.sheet, row, col);
}

/** A DUPLICATE_ID finding for each id two or more entries share, naming each of their cells. */
function duplicateIds(fields: EntryFields, location: RegisterLocation): Finding[] {
  const ids = new StringIndex(fields.length);
  const first = new Int32Array(fields.length);
  const repeated = new Map<string, number[]>();
  for (let i = 0; i < fields.length; i++) {
    const id = fields.id(i);
    if (id === '') continue;
    const before = ids.size;
    const n = ids.add(id);
    if (n === before) first[n] = i;
    else repeated.set(id, [...(repeated.get(id) ?? [first[n]]), i]);
  }
  const out: Finding[] = [];
  for (const [id, idx] of repeated) {
    out.push(
      finding({
        code: 'DUPLICATE_ID',
        cells: idx.map((i) => entryCell(location, i, 'id')).filter((c): c is string => c !== undefined),
        projectId: id,
        params: {
          name: fields.name(idx[0]),
          other: idx
            .slice(1)
            .map((i) => fields.name(i))
            .join(', '),
        },
      }),
    );
  }
  return out;
}
