/**
 * Finding the register's two tables on its sheet by their header names, wherever they stand:
 * the header row's segment, where each table's rows end, the format version's cell, and the
 * findings for a table or column that is missing.
 */
import { finding, type Finding } from '../../findings';
import type { Grid } from '../../grid';
import {
  FORMAT_VERSION_KEY,
  PROJECT_KEYS,
  PROJECTS_TABLE,
  SOURCE_KEYS,
  SOURCES_TABLE,
  type ExtraValue,
  type UnreadRow,
} from '../types';
import { extraValue } from './cells';

/** A header segment: contiguous non-empty header cells in one row. */
export interface Segment {
  readonly row: number;
  readonly columns: ReadonlyMap<string, number>;
  readonly extras: readonly { header: string; col: number }[];
  readonly fromCol: number;
  readonly toCol: number;
}

const KNOWN_KEYS = new Set<string>([...PROJECT_KEYS, ...SOURCE_KEYS]);

/** The format version (the number right of `formatVersion` near the top) and its cell. */
export function readFormatVersion(grid: Grid): { value: number | null; cell: string | null } {
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

/** The first header segment whose headers `accept` takes, top to bottom, left to right. */
export function findSegment(grid: Grid, accept: (keys: ReadonlySet<string>) => boolean): Segment | null {
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
        return {
          row: r,
          columns,
          extras: headers.filter((h) => !KNOWN_KEYS.has(h.header)),
          fromCol: from,
          toCol: c,
        };
      }
    }
  }
  return null;
}

/** Table `Prosjekter`: headers `id` and `name`. */
export const isProjectTable = (keys: ReadonlySet<string>) => keys.has('id') && keys.has('name');
/** Table `Kilder`: headers `name` and `kind`, and neither of a project's `id` and `budgetLine`. */
export const isSourceTable = (keys: ReadonlySet<string>) =>
  keys.has('name') && keys.has('kind') && !keys.has('id') && !keys.has('budgetLine');

/** The rows of a table: from under its header to the first blank row. */
export function dataEnd(grid: Grid, seg: Segment): number {
  let r = seg.row + 1;
  while (r < grid.endRow && !grid.isRowBlank(r, seg.fromCol, seg.toCol)) r++;
  return r;
}

/** A row's cells by header, known and unknown columns alike, as they are (errors as their text). */
export function rawRow(grid: Grid, seg: Segment, row: number): UnreadRow {
  const out = Object.create(null) as Record<string, ExtraValue>;
  for (const [header, col] of seg.columns) out[header] = extraValue(grid.value(row, col));
  for (const e of seg.extras) out[e.header] = extraValue(grid.value(row, e.col));
  return out;
}

/** A REGISTER_INVALID finding for each table not found, and each stored column a found table lacks. */
export function tableFindings(grid: Grid, projects: Segment | null, sources: Segment | null): Finding[] {
  const findings: Finding[] = [];
  const tables = [
    [projects, PROJECT_KEYS, PROJECTS_TABLE],
    [sources, SOURCE_KEYS, SOURCES_TABLE],
  ] as const;
  for (const [seg, , name] of tables) {
    if (seg) continue;
    const cells = [grid.ref(grid.firstRow, grid.firstCol)];
    findings.push(
      finding({ code: 'REGISTER_INVALID', cells, params: { sheet: grid.name, reason: 'noTable', name } }),
    );
  }
  for (const [seg, keys, name] of tables) {
    if (!seg) continue;
    for (const key of keys) {
      if (seg.columns.has(key)) continue;
      findings.push(
        finding({
          code: 'REGISTER_INVALID',
          cells: [grid.ref(seg.row, seg.fromCol)],
          params: { sheet: grid.name, reason: 'missingColumn', name, field: key },
        }),
      );
    }
  }
  return findings;
}
