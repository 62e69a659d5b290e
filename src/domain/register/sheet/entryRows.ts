/**
 * Reading table `Prosjekter` row by row: first the fields reconciling needs (with a finding for
 * each that is wrong), then, when something asks for them, the full entries.
 */
import { readAmount, wholeKronerOre } from '../../amount';
import { finding, type Finding } from '../../findings';
import type { Grid } from '../../grid';
import type { CellValue } from '../../snapshot';
import { cellText, type SheetEntryFields } from '../entryFields';
import { parseBasis, parseEntryKind } from '../spellings';
import {
  PROJECT_KEYS,
  PROJECTS_TABLE,
  type Basis,
  type EntryKind,
  type ExtraValue,
  type ProjectKey,
  type RegisterEntry,
} from '../types';
import { extraValue, list } from './cells';
import type { Segment } from './tables';

/** Each project key's position in PROJECT_KEYS: `K.id` is a plain property read, not a keyed lookup. */
export const K = Object.fromEntries(PROJECT_KEYS.map((key, i) => [key, i])) as Readonly<
  Record<ProjectKey, number>
>;

/**
 * Where each project key's cell is in a row's values (by `K`), -1 when the
 * table lacks the column. Made once per table, so reading a row is array
 * indexing only.
 */
export function projectColumns(seg: Segment, firstCol: number): Int32Array {
  const cols = new Int32Array(PROJECT_KEYS.length).fill(-1);
  PROJECT_KEYS.forEach((key, i) => {
    const c = seg.columns.get(key);
    if (c !== undefined) cols[i] = c - firstCol;
  });
  return cols;
}

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
export function readEntryFields(
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
export function fullEntries(
  grid: Grid,
  seg: Segment,
  cols: Int32Array,
  fields: SheetEntryFields,
): RegisterEntry[] {
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
