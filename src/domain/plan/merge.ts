/**
 * The register a plan reads, set against the register a workbook already has: which rows are
 * new, changed (and in which fields), unchanged, or only in the workbook; and the register that
 * results when the user takes some of the changes. Pure, for the pane's "Read the action plan"
 * on a workbook with a register, where nothing may be overwritten without being shown.
 *
 * Rows are matched as the reconciliation knows them: projects by id (case and spaces ignored; a
 * duplicated id by its occurrence, so the seed's two `1.3` meet their own), operations lines by
 * name, sources by name. Aliases are learned spellings (from findings, or curated): a plan that
 * does not list one does not remove it, so a taken change keeps them all, and a row whose only
 * difference is an alias the workbook has more of is unchanged.
 */
import { entryToDraft, sourceToDraft, type EntryDraft, type SourceDraft } from '../register/edit/draft';
import { normalizeLabel } from '../match';
import {
  PROJECT_KEYS,
  SOURCE_KEYS,
  type FundingSource,
  type Register,
  type RegisterEntry,
} from '../register/types';

export type DiffStatus = 'new' | 'changed' | 'unchanged' | 'onlyInWorkbook';

export interface RowDiff<T, F extends string> {
  readonly status: DiffStatus;
  /** The row as the plan has it; null for `onlyInWorkbook`. */
  readonly plan: T | null;
  /** Its index in the workbook's register; null for `new`. */
  readonly current: number | null;
  /** The fields that differ (`changed` only), in the register's column order. */
  readonly fields: readonly F[];
}

export type EntryField = Exclude<keyof EntryDraft, 'kind'>;
export type SourceField = keyof SourceDraft;
export type EntryDiff = RowDiff<RegisterEntry, EntryField>;
export type SourceDiff = RowDiff<FundingSource, SourceField>;

export interface RegisterDiff {
  readonly entries: readonly EntryDiff[];
  readonly sources: readonly SourceDiff[];
}

/** The register's stored columns (DOMAIN.md "Stable formats"), the row's kind left out. */
const ENTRY_FIELDS: readonly EntryField[] = PROJECT_KEYS.filter((k): k is EntryField => k !== 'kind');
const SOURCE_FIELDS: readonly SourceField[] = SOURCE_KEYS;

const idKey = (id: string) => id.toLowerCase().replace(/\s+/g, '');

/** A row's key: projects by id and occurrence, operations lines and sources by name. */
function keysOf<T>(rows: readonly T[], base: (row: T) => string): string[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const key = base(row);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return `${key}#${n}`;
  });
}

const entryKey = (e: RegisterEntry) =>
  e.kind === 'project' && e.id.trim() !== '' ? `p:${idKey(e.id)}` : `o:${normalizeLabel(e.name)}`;
const sourceKey = (s: FundingSource) => normalizeLabel(s.name);

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Aliases the plan has that the workbook's row lacks (normalised): the only alias change there is. */
function newAliases(plan: readonly string[], current: readonly string[]): string[] {
  const have = new Set(current.map(normalizeLabel));
  return plan.filter((a) => !have.has(normalizeLabel(a)));
}

function changedFields<D extends object, F extends keyof D & string>(
  plan: D & { aliases: string[] },
  current: D & { aliases: string[] },
  fields: readonly F[],
): F[] {
  return fields.filter((f) => {
    if (f === 'aliases') return newAliases(plan.aliases, current.aliases).length > 0;
    const a = plan[f];
    const b = current[f];
    return Array.isArray(a) && Array.isArray(b) ? !sameList(a, b) : a !== b;
  });
}

function diffRows<T, F extends string>(
  current: readonly T[],
  plan: readonly T[],
  key: (row: T) => string,
  fields: (plan: T, current: T) => F[],
): RowDiff<T, F>[] {
  const currentKeys = keysOf(current, key);
  const at = new Map(currentKeys.map((k, i) => [k, i]));
  const matched = new Set<number>();
  const out: RowDiff<T, F>[] = keysOf(plan, key).map((k, i) => {
    const index = at.get(k);
    if (index === undefined) return { status: 'new', plan: plan[i], current: null, fields: [] };
    matched.add(index);
    const differ = fields(plan[i], current[index]);
    return {
      status: differ.length > 0 ? 'changed' : 'unchanged',
      plan: plan[i],
      current: index,
      fields: differ,
    };
  });
  current.forEach((_, index) => {
    if (!matched.has(index)) out.push({ status: 'onlyInWorkbook', plan: null, current: index, fields: [] });
  });
  return out;
}

/** The plan's register against the workbook's, row by row. */
export function diffRegisters(current: Register, plan: Register): RegisterDiff {
  return {
    entries: diffRows(current.entries, plan.entries, entryKey, (p, c) =>
      changedFields(entryToDraft(p), entryToDraft(c), ENTRY_FIELDS),
    ),
    sources: diffRows(current.sources, plan.sources, sourceKey, (p, c) =>
      changedFields(sourceToDraft(p), sourceToDraft(c), SOURCE_FIELDS),
    ),
  };
}

/** Which rows the user takes: by table and position in the diff. */
export interface TakenRows {
  readonly entries: ReadonlySet<number>;
  readonly sources: ReadonlySet<number>;
}

/** The rows a change can be taken for (new or changed), all taken: the pane's starting choice. */
export function allChanges(diff: RegisterDiff): TakenRows {
  const changes = (rows: readonly RowDiff<unknown, string>[]) =>
    new Set(rows.flatMap((r, i) => (r.status === 'new' || r.status === 'changed' ? [i] : [])));
  return { entries: changes(diff.entries), sources: changes(diff.sources) };
}

function take<T extends { aliases: readonly string[]; extra?: unknown }>(
  current: readonly T[],
  rows: readonly RowDiff<T, string>[],
  taken: ReadonlySet<number>,
): T[] {
  const out = [...current];
  const added: T[] = [];
  rows.forEach((r, i) => {
    if (!taken.has(i) || r.plan === null) return;
    if (r.status === 'new') added.push(r.plan);
    else if (r.status === 'changed' && r.current !== null) {
      const before = out[r.current];
      // The workbook's aliases and unknown columns stay: the plan does not know them.
      out[r.current] = {
        ...r.plan,
        aliases: [...before.aliases, ...newAliases(r.plan.aliases, before.aliases)],
        ...(before.extra === undefined ? {} : { extra: before.extra }),
      };
    }
  });
  return [...out, ...added];
}

/**
 * The workbook's register with the taken changes: changed rows replaced in place, new rows added
 * after the rows of their table, every other row (unchanged, not taken, only in the workbook, the
 * rows the reader could not use) as it was.
 */
export function applyDiff(current: Register, diff: RegisterDiff, taken: TakenRows): Register {
  return {
    ...current,
    entries: take(current.entries, diff.entries, taken.entries),
    sources: take(current.sources, diff.sources, taken.sources),
  };
}
