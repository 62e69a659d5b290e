/**
 * Learning an alias from a finding: the label the budget or financing sheet uses, added to the
 * register row the reconciliation matched it to, so that the finding goes away on the next run.
 */
import type { Finding } from '../../findings';
import { bestMatch, normalizeLabel } from '../../match';
import { displayName } from '../../reconcile/registerIndex';
import { LIST_SEPARATOR, type Register } from '../types';
import type { FieldError } from './fieldErrors';
import { entryKeys, sourceKeys, sourceName, takenBy } from './labelsInUse';
import { checkRowIndex, putEntry, putSource } from './update';

/** The register row an alias goes to. */
export interface AliasTarget {
  readonly table: 'entries' | 'sources';
  readonly index: number;
}

/** A label as an alias: trailing `:`/`,` of a group header dropped. */
function aliasLabel(label: string): string {
  return label.replace(/[:,]\s*$/, '').trim();
}

/** The entry whose display name the reconciliation suggested, found as it found it. */
function suggestedEntry(register: Register, label: string, suggestion: string): number | null {
  const candidates = register.entries.flatMap((e, i) => {
    const names = e.budgetLine === e.name || e.budgetLine === '' ? [e.name] : [e.budgetLine, e.name];
    return [...names, ...e.aliases].filter((s) => s.trim() !== '').map((text) => ({ key: i, text }));
  });
  const hit = bestMatch(label, candidates);
  if (hit && displayName(register.entries[hit.key]) === suggestion) return hit.key;
  const same = register.entries.flatMap((e, i) => (displayName(e) === suggestion ? [i] : []));
  return same.length === 1 ? same[0] : null;
}

function suggestedSource(register: Register, label: string, suggestion: string): number | null {
  const candidates = register.sources.flatMap((s, i) =>
    [s.name, ...s.aliases].map((text) => ({ key: i, text })),
  );
  const hit = bestMatch(label, candidates);
  if (hit && register.sources[hit.key].name === suggestion) return hit.key;
  const same = register.sources.flatMap((s, i) => (s.name === suggestion ? [i] : []));
  return same.length === 1 ? same[0] : null;
}

/**
 * For an UNKNOWN_LINE / UNKNOWN_EARMARK / UNKNOWN_SOURCE finding with a
 * suggestion: the label to learn and the register row to add it to; null
 * otherwise, and null when learning it would not make the finding go (a row
 * after the sum row tied to a source that is not a memo source, a label with
 * `;`, a label another row already has).
 */
export function aliasSuggestion(
  register: Register,
  finding: Finding,
): { readonly label: string; readonly target: AliasTarget } | null {
  const raw = finding.params.label;
  if (!finding.suggestion || raw === undefined) return null;
  const label = aliasLabel(raw);
  if (label === '' || label.includes(LIST_SEPARATOR) || normalizeLabel(label) === '') return null;
  let target: AliasTarget | null = null;
  const afterSum = finding.params.reason === 'afterSum';
  if (finding.code === 'UNKNOWN_SOURCE' || (finding.code === 'UNKNOWN_LINE' && afterSum)) {
    const i = suggestedSource(register, label, finding.suggestion);
    // After the sum row only a memo source ties a row; above it only a non-memo source does.
    if (i !== null && (register.sources[i].kind === 'memo') === afterSum)
      target = { table: 'sources', index: i };
  } else if (
    finding.code === 'UNKNOWN_LINE' ||
    (finding.code === 'UNKNOWN_EARMARK' && finding.params.reason === undefined)
  ) {
    const i = suggestedEntry(register, label, finding.suggestion);
    if (i !== null) target = { table: 'entries', index: i };
  }
  if (target === null || aliasConflict(register, target, label) !== null) return null;
  return { label, target };
}

/**
 * Why `label` cannot become an alias of the target: empty, contains `;`, or
 * another row of the same table already goes by it (`aliasTaken`, naming it).
 * Null when it can (also when the target has it already).
 */
export function aliasConflict(register: Register, target: AliasTarget, label: string): FieldError | null {
  const s = label.trim();
  if (s === '') return { field: 'aliases', code: 'listItemEmpty', params: { item: '1' } };
  if (s.includes(LIST_SEPARATOR))
    return { field: 'aliases', code: 'listSeparator', params: { item: '1', text: s } };
  const other =
    target.table === 'entries'
      ? takenBy(register.entries, target.index, s, entryKeys, displayName)
      : takenBy(register.sources, target.index, s, sourceKeys, sourceName);
  return other === null ? null : { field: 'aliases', code: 'aliasTaken', params: { text: s, other } };
}

/**
 * Adds `label` to the aliases of the target row; no change when the row
 * already goes by it (normalised). Throws when it cannot be added
 * (see `aliasConflict`) or the row does not exist.
 */
export function addAlias(register: Register, target: AliasTarget, label: string): Register {
  const rows = target.table === 'entries' ? register.entries : register.sources;
  checkRowIndex(rows.length, target.index);
  const conflict = aliasConflict(register, target, label);
  if (conflict) throw new Error(`Cannot add alias ${JSON.stringify(label)}: ${conflict.code}.`);
  const alias = label.trim();
  const key = normalizeLabel(alias);
  if (target.table === 'entries') {
    const e = register.entries[target.index];
    if (entryKeys(e).includes(key)) return register;
    return putEntry(register, target.index, { ...e, aliases: [...e.aliases, alias] });
  }
  const s = register.sources[target.index];
  if (sourceKeys(s).includes(key)) return register;
  return putSource(register, target.index, { ...s, aliases: [...s.aliases, alias] });
}
