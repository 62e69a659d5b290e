import { readAmount, wholeKronerOre } from '../amount';
import { qualifiedRef } from '../address';
import { appendFindings, finding, type Finding } from '../findings';
import { Grid } from '../grid';
import { StringIndex } from '../stringIndex';
import { cellText, entryFieldsOf, SheetEntryFields, type EntryFields } from './entryFields';
import { parseBasis, parseEntryKind, parseSourceKind } from './spellings';
import type { CellValue, WorkbookSnapshot } from '../snapshot';
import { isCellError } from '../snapshot';
import {
  FORMAT_VERSION_KEY,
  PROJECT_KEYS,
  PROJECTS_TABLE,
  REGISTER_FORMAT_VERSION,
  REGISTER_SHEET,
  SOURCE_KEYS,
  SOURCES_TABLE,
  type Basis,
  type EntryKind,
  type ExtraValue,
  type FundingSource,
  type ProjectKey,
  type Register,
  type RegisterEntry,
  type RegisterLocation,
  type UnreadRow,
  type SourceKey,
} from './types';

export interface RegisterReading {
  /** Null when the workbook has no usable register. */
  readonly register: Register | null;
  /** The fields of `register.entries` that reconciling reads, without making the entries. */
  readonly fields: EntryFields | null;
  readonly location: RegisterLocation | null;
  readonly findings: readonly Finding[];
}

/** Each project key's position in PROJECT_KEYS: `K.id` is a plain property read, not a keyed lookup. */
const K = Object.fromEntries(PROJECT_KEYS.map((key, i) => [key, i])) as Readonly<Record<ProjectKey, number>>;

/**
 * Where each project key's cell is in a row's values (by `K`), -1 when the
 * table lacks the column. Made once per table, so reading a row is array
 * indexing only.
 */
function projectColumns(seg: Segment, firstCol: number): Int32Array {
  const cols = new Int32Array(PROJECT_KEYS.length).fill(-1);
  PROJECT_KEYS.forEach((key, i) => {
    const c = seg.columns.get(key);
    if (c !== undefined) cols[i] = c - firstCol;
  });
  return cols;
}

/** A header segment: contiguous non-empty header cells in one row. */
interface Segment {
  readonly row: number;
  readonly columns: ReadonlyMap<string, number>;
  readonly extras: readonly { header: string; col: number }[];
  readonly fromCol: number;
  readonly toCol: number;
}

const LIST_SEPARATOR = ';';

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

  const projectSeg = findSegment(grid, (keys) => keys.has('id') && keys.has('name'));
  const sourceSeg = findSegment(
    grid,
    (keys) => keys.has('name') && keys.has('kind') && !keys.has('id') && !keys.has('budgetLine'),
  );
  if (!projectSeg) {
    findings.push(
      finding({
        code: 'REGISTER_INVALID',
        cells: [grid.ref(grid.firstRow, grid.firstCol)],
        params: { sheet: grid.name, reason: 'noTable', name: PROJECTS_TABLE },
      }),
    );
  }
  if (!sourceSeg) {
    findings.push(
      finding({
        code: 'REGISTER_INVALID',
        cells: [grid.ref(grid.firstRow, grid.firstCol)],
        params: { sheet: grid.name, reason: 'noTable', name: SOURCES_TABLE },
      }),
    );
  }
  for (const [seg, keys, table] of [
    [projectSeg, PROJECT_KEYS, PROJECTS_TABLE],
    [sourceSeg, SOURCE_KEYS, SOURCES_TABLE],
  ] as const) {
    if (!seg) continue;
    for (const key of keys) {
      if (!seg.columns.has(key)) {
        findings.push(
          finding({
            code: 'REGISTER_INVALID',
            cells: [grid.ref(seg.row, seg.fromCol)],
            params: { sheet: grid.name, reason: 'missingColumn', name: table, field: key },
          }),
        );
      }
    }
  }

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

/** A row's cells by header, known and unknown columns alike, as they are (errors as their text). */
function rawRow(grid: Grid, seg: Segment, row: number): UnreadRow {
  const out = Object.create(null) as Record<string, ExtraValue>;
  for (const [header, col] of seg.columns) out[header] = extraValue(grid.value(row, col));
  for (const e of seg.extras) out[e.header] = extraValue(grid.value(row, e.col));
  return out;
}

function readFormatVersion(grid: Grid): { value: number | null; cell: string | null } {
  for (let r = grid.firstRow; r < Math.min(grid.endRow, grid.firstRow + 50); r++) {
    for (let c = grid.firstCol; c < grid.endCol; c++) {
      if (grid.text(r, c) === FORMAT_VERSION_KEY) {
        const v = grid.value(r, c + 1);
        const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim()) : NaN;
        return { value: Number.isFinite(n) ? n : null, cell: grid.ref(r, c + 1) };
      }
    }
  }
  return { value: null, cell: null };
}

function findSegment(grid: Grid, accept: (keys: ReadonlySet<string>) => boolean): Segment | null {
  for (let r = grid.firstRow; r < grid.endRow; r++) {
    let c = grid.firstCol;
    while (c < grid.endCol) {
      if (grid.isBlank(r, c)) {
        c++;
        continue;
      }
      const from = c;
      const columns = new Map<string, number>();
      const headers: { header: string; col: number }[] = [];
      while (c < grid.endCol && !grid.isBlank(r, c)) {
        const header = grid.display(r, c);
        if (!columns.has(header)) columns.set(header, c);
        headers.push({ header, col: c });
        c++;
      }
      if (accept(new Set(columns.keys()))) {
        const known = new Set<string>([...PROJECT_KEYS, ...SOURCE_KEYS]);
        return {
          row: r,
          columns,
          extras: headers.filter((h) => !known.has(h.header)),
          fromCol: from,
          toCol: c,
        };
      }
    }
  }
  return null;
}

/** The rows of a table: from under its header to the first blank row. */
function dataEnd(grid: Grid, seg: Segment): number {
  let r = seg.row + 1;
  while (r < grid.endRow && !grid.isRowBlank(r, seg.fromCol, seg.toCol)) r++;
  return r;
}

function list(v: CellValue): readonly string[] {
  if (v === null || v === '') return NO_ITEMS;
  const text = cellText(v);
  if (text === '') return NO_ITEMS;
  if (!text.includes(LIST_SEPARATOR)) return [text];
  return text
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function extraValue(v: CellValue): ExtraValue {
  return isCellError(v) ? v.error : v;
}

/** Shared by every entry whose list cell is empty (most of them): no array per row. */
const NO_ITEMS: readonly string[] = Object.freeze([]);

/** The row's cell for key number `k` (see `K`); null when the table lacks the column. */
function field(cells: readonly CellValue[], cols: Int32Array, k: number): CellValue {
  const c = cols[k];
  return c < 0 ? null : (cells[c] ?? null);
}

/**
 * Reads the fields reconciling needs from one register row into `fields`,
 * with a finding for each that is wrong; false when the row cannot be used.
 * This runs for every row of a register that may hold 100 000 entries, so it
 * allocates only what the entry keeps: no closures, no arrays for empty
 * lists, lookups before normalising text.
 */
function readEntryFields(
  grid: Grid,
  seg: Segment,
  cols: Int32Array,
  row: number,
  fields: SheetEntryFields,
  findings: Finding[],
): boolean {
  const cells = grid.rowValues(row);

  const id = cellText(field(cells, cols, K.id));
  const name = cellText(field(cells, cols, K.name));
  const kindRaw = cellText(field(cells, cols, K.kind));
  let kind: EntryKind = 'project';
  if (kindRaw !== '') {
    const parsed = parseEntryKind(kindRaw);
    if (parsed) kind = parsed;
    else invalidEntry(grid, seg, row, id, 'kind', 'unknownKind', findings, kindRaw.toLowerCase());
  }

  if (name === '') {
    invalidEntry(grid, seg, row, id, 'name', 'missingName', findings);
    return false;
  }
  if (id === '' && kind === 'project') invalidEntry(grid, seg, row, id, 'id', 'missingId', findings);

  let contribution: number | null = null;
  let contributionRange: { min: number; max: number } | undefined;
  const contributionCell = field(cells, cols, K.contribution);
  const whole = wholeKronerOre(contributionCell);
  if (whole !== null) {
    contribution = whole;
  } else {
    const amount = readAmount(contributionCell);
    switch (amount.kind) {
      case 'empty':
        break;
      case 'number':
        contribution = amount.ore;
        break;
      case 'text':
        contribution = amount.ore;
        findings.push(
          finding({
            code: 'AMOUNT_AS_TEXT',
            cells: [entryRef(grid, seg, row, 'contribution')],
            projectId: id || undefined,
            actual: amount.ore,
            params: { sheet: grid.name, text: amount.text },
          }),
        );
        break;
      case 'range':
        contribution = amount.minOre;
        contributionRange = { min: amount.minOre, max: amount.maxOre };
        findings.push(
          finding({
            code: 'AMOUNT_AS_TEXT',
            cells: [entryRef(grid, seg, row, 'contribution')],
            projectId: id || undefined,
            params: { sheet: grid.name, text: amount.text },
          }),
        );
        break;
      case 'error':
        invalidEntry(grid, seg, row, id, 'contribution', 'notANumber', findings, amount.error);
        break;
      case 'invalid':
        invalidEntry(grid, seg, row, id, 'contribution', 'notANumber', findings, amount.text);
        break;
    }
  }

  const basisRaw = cellText(field(cells, cols, K.basis));
  let basis: Basis | null = null;
  if (basisRaw !== '') {
    // Own keys only: `constructor` in the cell is an unknown basis, not Object's.
    basis = parseBasis(basisRaw) ?? null;
    if (!basis) {
      const text = basisRaw.toLowerCase().replace(/\s+/g, ' ');
      invalidEntry(grid, seg, row, id, 'basis', 'unknownBasis', findings, text);
    }
  } else if (contribution !== null) {
    invalidEntry(grid, seg, row, id, 'basis', 'missingBasis', findings);
    basis = 'per år';
  }

  fields.push(row, kind, contribution, contributionRange, basis, list(field(cells, cols, K.aliases)));
  return true;
}

/**
 * The register's entries: the fields already read, the rest of each row
 * read now. These fields make no findings, so reading them late changes
 * nothing the reconciliation reports.
 */
function fullEntries(grid: Grid, seg: Segment, cols: Int32Array, fields: SheetEntryFields): RegisterEntry[] {
  const rows = fields.sheetRows;
  const entries = new Array<RegisterEntry>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const cells = grid.rowValues(rows[i]);
    let extra: Record<string, ExtraValue> | undefined;
    if (seg.extras.length > 0) {
      // No prototype: a column headed `__proto__` is a column like any other.
      extra = Object.create(null) as Record<string, ExtraValue>;
      for (const e of seg.extras) extra[e.header] = extraValue(grid.value(rows[i], e.col));
    }
    // One object shape for every entry (no conditional spreads).
    entries[i] = {
      id: fields.id(i),
      name: fields.name(i),
      area: cellText(field(cells, cols, K.area)),
      phase: cellText(field(cells, cols, K.phase)),
      owner: cellText(field(cells, cols, K.owner)),
      role: cellText(field(cells, cols, K.role)),
      partners: list(field(cells, cols, K.partners)),
      goals: list(field(cells, cols, K.goals)),
      contribution: fields.contribution(i),
      contributionRange: fields.contributionRange(i),
      basis: fields.basis(i),
      contributionNote: cellText(field(cells, cols, K.contributionNote)),
      budgetLine: fields.budgetLine(i),
      aliases: fields.aliases(i),
      kind: fields.kind(i),
      extra,
    };
  }
  return entries;
}

/** Qualified address of a field of the entry on `row` (the table's first column when the field has none). */
function entryRef(grid: Grid, seg: Segment, row: number, key: ProjectKey): string {
  return grid.ref(row, seg.columns.get(key) ?? seg.fromCol);
}

function invalidEntry(
  grid: Grid,
  seg: Segment,
  row: number,
  id: string,
  key: ProjectKey,
  reason: string,
  findings: Finding[],
  text?: string,
): void {
  findings.push(
    finding({
      code: 'REGISTER_INVALID',
      cells: [entryRef(grid, seg, row, key)],
      projectId: id || undefined,
      params: { sheet: grid.name, name: PROJECTS_TABLE, field: key, reason, text },
    }),
  );
}

function readSource(grid: Grid, seg: Segment, row: number, findings: Finding[]): FundingSource | null {
  const get = (key: SourceKey): CellValue => {
    const col = seg.columns.get(key);
    return col === undefined ? null : grid.value(row, col);
  };
  const name = cellText(get('name'));
  const kindText = cellText(get('kind')).toLowerCase();
  const invalid = (key: SourceKey, reason: string, text?: string) =>
    findings.push(
      finding({
        code: 'REGISTER_INVALID',
        cells: [grid.ref(row, seg.columns.get(key) ?? seg.fromCol)],
        params: {
          sheet: grid.name,
          name: SOURCES_TABLE,
          field: key,
          reason,
          text,
          source: name || undefined,
        },
      }),
    );
  if (name === '') {
    invalid('name', 'missingName');
    return null;
  }
  const kind = parseSourceKind(kindText);
  if (!kind) {
    invalid('kind', kindText === '' ? 'missingKind' : 'unknownKind', kindText);
    return null;
  }
  const extra = Object.create(null) as Record<string, ExtraValue>;
  for (const e of seg.extras) extra[e.header] = extraValue(grid.value(row, e.col));
  return { name, kind, aliases: list(get('aliases')), ...(seg.extras.length > 0 ? { extra } : {}) };
}

/** Qualified address of an entry's field, e.g. `Prosjektregister!I5`. */
export function entryCell(location: RegisterLocation, entry: number, key: ProjectKey): string | undefined {
  const row = location.entryRows[entry];
  const col = location.projectColumns.get(key);
  return row === undefined || col === undefined ? undefined : qualifiedRef(location.sheet, row, col);
}

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
