/**
 * A register row as found in a JSON or CSV file, and its values read as the register's types:
 * text, lists, a contribution with its range, a basis, extra columns. Each reader reports what
 * is wrong with the value's line and field, and gives a usable value anyway, so that one import
 * reports every bad field at once.
 */
import type { Ore } from '../../amount';
import { parseBasis } from '../spellings';
import { LIST_SEPARATOR, type Basis, type ExtraValue } from '../types';
import { kronerText, oreOfKroner, parseContribution } from './contribution';
import { decodeCsvValue } from './csvCells';
import type { ImportErrors, ImportTable } from './importErrors';
import { jsonText, type JNode } from './jsonTree';

/** One value of a row as found in the file: a CSV cell (without its text mark) or a JSON value. */
export type Value =
  | { readonly line: number; readonly csv: true; readonly text: string; readonly marked: boolean }
  | { readonly line: number; readonly csv: false; readonly node: JNode };

export interface Row {
  readonly line: number;
  readonly table: ImportTable;
  /** Known keys; absent keys are missing. */
  readonly values: ReadonlyMap<string, Value>;
  /** Extra columns' values, by header. */
  readonly extras: ReadonlyMap<string, Value>;
}

/** A contribution as the register keeps it: øre (a range's min), and the range when there is one. */
export interface RowContribution {
  readonly ore: Ore | null;
  readonly range?: { readonly min: Ore; readonly max: Ore };
}

const NO_ITEMS: readonly string[] = Object.freeze([]);

/** The line of the row's value for `key`, or the row's own when the key is absent. */
export function lineOf(row: Row, key: string): number {
  return row.values.get(key)?.line ?? row.line;
}

/** A text field, trimmed; '' when absent or null. */
export function textOf(row: Row, key: string, errors: ImportErrors): string {
  const v = row.values.get(key);
  if (!v) return '';
  if (v.csv) return v.text.trim();
  const n = v.node;
  if (n.t === 'null') return '';
  if (n.t === 'str') return n.v.trim();
  errors.add({ line: v.line, field: key, code: 'shape', reason: 'notString', table: row.table });
  return '';
}

function splitList(text: string): readonly string[] {
  const items = text
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return items.length === 0 ? NO_ITEMS : items;
}

/** A list field: `a; b` as text, or (JSON) an array of strings, none empty or holding `;`. */
export function listOf(row: Row, key: string, errors: ImportErrors): readonly string[] {
  const v = row.values.get(key);
  if (!v) return NO_ITEMS;
  if (v.csv) return splitList(v.text);
  const n = v.node;
  if (n.t === 'null') return NO_ITEMS;
  if (n.t === 'str') return splitList(n.v);
  if (n.t !== 'arr') {
    errors.add({ line: v.line, field: key, code: 'shape', reason: 'notArray', table: row.table });
    return NO_ITEMS;
  }
  const items: string[] = [];
  for (const item of n.items) {
    if (item.t !== 'str') {
      errors.add({ line: item.line, field: key, code: 'shape', reason: 'notString', table: row.table });
      continue;
    }
    const s = item.v.trim();
    if (s === '')
      errors.add({ line: item.line, field: key, code: 'badList', reason: 'emptyItem', table: row.table });
    else if (s.includes(LIST_SEPARATOR))
      errors.add({
        line: item.line,
        field: key,
        code: 'badList',
        reason: 'separator',
        text: s,
        table: row.table,
      });
    else items.push(s);
  }
  return items.length === 0 ? NO_ITEMS : items;
}

function extraOf(v: Value | undefined, key: string, row: Row, errors: ImportErrors): ExtraValue {
  if (!v) return null;
  if (v.csv) return v.marked ? v.text : decodeCsvValue(v.text);
  const n = v.node;
  switch (n.t) {
    case 'null':
      return null;
    case 'str':
    case 'num':
    case 'bool':
      return n.v;
    default:
      errors.add({ line: v.line, field: key, code: 'shape', reason: 'notValue', table: row.table });
      return null;
  }
}

/** The row's extra columns, every one of `columns` (null where the row has none). */
export function extrasOf(
  row: Row,
  columns: readonly string[],
  errors: ImportErrors,
): Record<string, ExtraValue> {
  return Object.fromEntries(columns.map((h) => [h, extraOf(row.extras.get(h), h, row, errors)]));
}

/**
 * The contribution: text (an amount or a range), or (JSON) a number of kroner, and JSON's
 * `contributionRange: { min, max }`, which must agree with `contribution`.
 */
export function contributionOf(row: Row, errors: ImportErrors): RowContribution {
  const v = row.values.get('contribution');
  let found: RowContribution = { ore: null };
  const bad = (line: number, text: string) =>
    errors.add({ line, field: 'contribution', code: 'amount', text, table: row.table });
  if (v) {
    const text = v.csv ? v.text : v.node.t === 'str' ? v.node.v : null;
    if (text !== null) {
      if (text.trim() !== '') {
        const c = parseContribution(text);
        if (c === null) bad(v.line, text);
        else found = 'ore' in c ? { ore: c.ore } : { ore: c.min, range: { min: c.min, max: c.max } };
      }
    } else if (!v.csv && v.node.t === 'num') {
      const ore = oreOfKroner(v.node.v);
      if (ore === null) bad(v.line, v.node.raw);
      else found = { ore };
    } else if (!v.csv && v.node.t !== 'null') {
      errors.add({
        line: v.line,
        field: 'contribution',
        code: 'shape',
        reason: 'notNumber',
        table: row.table,
      });
    }
  }
  const r = row.values.get('contributionRange');
  if (r && !r.csv && r.node.t !== 'null') {
    const range = rangeOf(r.node, r.line, row, errors);
    if (range) {
      // A range that disagrees with the contribution: the contribution's line, or the range's.
      const line = v?.line ?? r.line;
      if (found.range && (found.range.min !== range.min || found.range.max !== range.max)) {
        const text = v && !v.csv && v.node.t === 'str' ? v.node.v : '';
        errors.add({
          line,
          field: 'contribution',
          code: 'amount',
          reason: 'rangeConflict',
          text,
          table: row.table,
        });
      } else if (!found.range && found.ore !== null && found.ore !== range.min) {
        errors.add({
          line,
          field: 'contribution',
          code: 'amount',
          reason: 'rangeConflict',
          text: kronerText(found.ore),
          table: row.table,
        });
      }
      found = { ore: range.min, range };
    }
  }
  return found;
}

/** JSON's `contributionRange`: `{ min, max }` in kroner, 0 ≤ min ≤ max. */
function rangeOf(n: JNode, line: number, row: Row, errors: ImportErrors): { min: Ore; max: Ore } | null {
  const field = 'contributionRange';
  const table = row.table;
  if (n.t !== 'obj') {
    errors.add({ line, field, code: 'shape', reason: 'notObject', table });
    return null;
  }
  const ends: Partial<Record<'min' | 'max', Ore>> = {};
  let ok = true;
  for (const p of n.props) {
    if (p.key !== 'min' && p.key !== 'max') {
      errors.add({ line: p.line, field, code: 'shape', reason: 'unknownKey', text: p.key, table });
      ok = false;
      continue;
    }
    const ore = p.value.t === 'num' ? oreOfKroner(p.value.v) : null;
    if (ore === null) {
      errors.add({
        line: p.value.line,
        field: `${field}.${p.key}`,
        code: 'amount',
        text: jsonText(p.value),
        table,
      });
      ok = false;
    } else ends[p.key] = ore;
  }
  if (!ok) return null;
  if (ends.min === undefined || ends.max === undefined) {
    const end = ends.min === undefined ? 'min' : 'max';
    errors.add({ line, field: `${field}.${end}`, code: 'required', table });
    return null;
  }
  if (ends.min < 0 || ends.min > ends.max) {
    const text = `${kronerText(ends.min)}–${kronerText(ends.max)}`;
    errors.add({ line, field, code: 'amount', reason: 'negative', text, table });
    return null;
  }
  return { min: ends.min, max: ends.max };
}

/** The basis: required when there is an amount, one of its spellings (`per år`, `pr. år`, `totalt`). */
export function basisOf(row: Row, hasAmount: boolean, errors: ImportErrors): Basis | null {
  const text = textOf(row, 'basis', errors);
  const line = lineOf(row, 'basis');
  if (text === '') {
    if (hasAmount) errors.add({ line, field: 'basis', code: 'basis', reason: 'missing', table: row.table });
    return null;
  }
  const basis = parseBasis(text);
  if (!basis) errors.add({ line, field: 'basis', code: 'basis', text, table: row.table });
  return basis ?? null;
}
