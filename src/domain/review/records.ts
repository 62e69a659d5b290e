/**
 * One explanation or sign-off as the cells of a row of the review sheet, and
 * back. Every cell is text or a number; structured values (a sign-off's year
 * totals and signed values) are JSON text in one cell. Reading a row either
 * gives the record or says which cell is wrong and why: the caller keeps such
 * a row as it was (see reviewSheet.ts), it never guesses.
 */
import { kronerToOre } from '../amount';
import { kronerText } from './findingKey';
import { timeValue } from './time';
import {
  VALUE_PARTS,
  type Explanation,
  type RawCell,
  type RawRow,
  type ReviewTable,
  type SignedValue,
  type SignOff,
  type ValuePart,
} from './types';

export const EXPLANATION_COLUMNS = ['key', 'reason', 'figures', 'by', 'at', 'action'] as const;
export const SIGN_OFF_COLUMNS = ['by', 'at', 'fingerprint', 'open', 'explained', 'totals', 'values'] as const;

export const COLUMNS: Readonly<Record<ReviewTable, readonly string[]>> = {
  explanations: EXPLANATION_COLUMNS,
  signOffs: SIGN_OFF_COLUMNS,
};

/** Columns a table may lack (older writers, or nothing to say): the rest are required. */
export const OPTIONAL_COLUMNS: Readonly<Record<ReviewTable, readonly string[]>> = {
  explanations: ['action'],
  signOffs: ['values'],
};

/** Excel's limit for the text of one cell. */
export const CELL_TEXT_MAX = 32_767;

/** What is wrong with a cell of a row. */
export type CellIssue =
  'missing' | 'notText' | 'notATime' | 'notANumber' | 'badTotals' | 'badValues' | 'unknownAction';

export type RowReading<T> = { ok: true; record: T } | { ok: false; column: string; issue: CellIssue };

class BadCell extends Error {
  constructor(
    readonly column: string,
    readonly issue: CellIssue,
  ) {
    super(`${column}: ${issue}`);
  }
}

/** The row's text in a column ('' when empty); a number reads as its digits. */
function text(row: RawRow, column: string, required: boolean): string {
  const v = row[column];
  const t = v === undefined ? '' : String(v);
  if (required && t === '') throw new BadCell(column, 'missing');
  return t;
}

function time(row: RawRow, column: string): string {
  const t = text(row, column, true);
  if (typeof row[column] !== 'string' || timeValue(t) === null) throw new BadCell(column, 'notATime');
  return t;
}

function count(row: RawRow, column: string): number {
  const v = row[column];
  const n = typeof v === 'number' ? v : /^\s*\d+\s*$/.test(v ?? '') ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n < 0)
    throw new BadCell(column, v === undefined ? 'missing' : 'notANumber');
  return n;
}

function json(row: RawRow, column: string, issue: CellIssue): unknown {
  try {
    return JSON.parse(text(row, column, true));
  } catch (e) {
    if (e instanceof BadCell) throw e;
    throw new BadCell(column, issue);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function totals(row: RawRow): SignOff['totals'] {
  const data = json(row, 'totals', 'badTotals');
  if (!isObject(data)) throw new BadCell('totals', 'badTotals');
  return Object.entries(data).map(([year, t]) => {
    if (!/^\d{4}$/.test(year) || !isObject(t)) throw new BadCell('totals', 'badTotals');
    const { budget, financing } = t;
    if (typeof budget !== 'number' || typeof financing !== 'number') throw new BadCell('totals', 'badTotals');
    if (!Number.isFinite(budget) || !Number.isFinite(financing)) throw new BadCell('totals', 'badTotals');
    return { year: Number(year), budget: kronerToOre(budget), financing: kronerToOre(financing) };
  });
}

function values(row: RawRow): SignedValue[] | null {
  if (text(row, 'values', false) === '') return null;
  const data = json(row, 'values', 'badValues');
  if (!isObject(data)) throw new BadCell('values', 'badValues');
  const out: SignedValue[] = [];
  for (const [part, labels] of Object.entries(data)) {
    if (!VALUE_PARTS.includes(part as ValuePart) || !isObject(labels))
      throw new BadCell('values', 'badValues');
    for (const [label, hash] of Object.entries(labels)) {
      if (typeof hash !== 'string' || !/^[0-9a-f]{8}$/.test(hash)) throw new BadCell('values', 'badValues');
      out.push({ part: part as ValuePart, label, hash });
    }
  }
  return out;
}

function extra(row: RawRow, table: ReviewTable): Record<string, RawCell> | undefined {
  const known = COLUMNS[table];
  const rest = Object.entries(row).filter(([h]) => !known.includes(h));
  return rest.length === 0 ? undefined : Object.fromEntries(rest);
}

function reading<T>(read: () => T): RowReading<T> {
  try {
    return { ok: true, record: read() };
  } catch (e) {
    if (e instanceof BadCell) return { ok: false, column: e.column, issue: e.issue };
    throw e;
  }
}

export function readExplanation(row: RawRow): RowReading<Explanation> {
  return reading(() => {
    for (const c of ['key', 'reason', 'figures', 'by', 'action'])
      if (typeof (row[c] ?? '') !== 'string') throw new BadCell(c, 'notText');
    const action = text(row, 'action', false) || 'explained';
    if (action !== 'explained' && action !== 'withdrawn') throw new BadCell('action', 'unknownAction');
    const e: Explanation = {
      key: text(row, 'key', true),
      action,
      reason: text(row, 'reason', action === 'explained'),
      figures: text(row, 'figures', false),
      by: text(row, 'by', false),
      at: time(row, 'at'),
    };
    const more = extra(row, 'explanations');
    return more ? { ...e, extra: more } : e;
  });
}

export function readSignOff(row: RawRow): RowReading<SignOff> {
  return reading(() => {
    for (const c of ['by', 'fingerprint'])
      if (typeof (row[c] ?? '') !== 'string') throw new BadCell(c, 'notText');
    const s: SignOff = {
      by: text(row, 'by', true),
      at: time(row, 'at'),
      fingerprint: text(row, 'fingerprint', true),
      open: count(row, 'open'),
      explained: count(row, 'explained'),
      totals: totals(row),
      values: values(row),
    };
    const more = extra(row, 'signOffs');
    return more ? { ...s, extra: more } : s;
  });
}

const put = (row: Record<string, RawCell>, column: string, v: RawCell | null) => {
  if (v !== null && v !== '') row[column] = v;
};

export function explanationRow(e: Explanation): RawRow {
  const row: Record<string, RawCell> = { ...(e.extra ?? {}) };
  put(row, 'key', e.key);
  put(row, 'reason', e.reason);
  put(row, 'figures', e.figures);
  put(row, 'by', e.by);
  put(row, 'at', e.at);
  put(row, 'action', e.action);
  return row;
}

/** The year totals as stored: `{"2010":{"budget":3430000,"financing":3430000}}`, kroner. */
export function totalsText(t: SignOff['totals']): string {
  const kr = (o: number) => Number(kronerText(o));
  return JSON.stringify(
    Object.fromEntries(t.map((y) => [String(y.year), { budget: kr(y.budget), financing: kr(y.financing) }])),
  );
}

/** The signed values as stored: `{"budget":{"Akkvisisjon":"1a2b3c4d"},…}`. */
export function valuesText(values: readonly SignedValue[]): string {
  const out: Record<string, Record<string, string>> = {};
  for (const v of values) (out[v.part] ??= {})[v.label] = v.hash;
  return JSON.stringify(out);
}

/** The values, or null when their text would not fit in a cell (a plan of thousands of lines). */
export function fitValues(values: readonly SignedValue[]): readonly SignedValue[] | null {
  return valuesText(values).length <= CELL_TEXT_MAX ? values : null;
}

export function signOffRow(s: SignOff): RawRow {
  const row: Record<string, RawCell> = { ...(s.extra ?? {}) };
  put(row, 'by', s.by);
  put(row, 'at', s.at);
  put(row, 'fingerprint', s.fingerprint);
  put(row, 'open', s.open);
  put(row, 'explained', s.explained);
  put(row, 'totals', totalsText(s.totals));
  put(row, 'values', s.values === null ? null : valuesText(s.values));
  return row;
}

/** A row's identity: its cells, so that the same entry read twice, or read and made, is one. */
export function rowIdentity(row: RawRow): string {
  return JSON.stringify(
    Object.keys(row)
      .sort()
      .map((k) => [k, String(row[k])]),
  );
}
