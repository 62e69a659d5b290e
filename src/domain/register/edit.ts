/**
 * Editing the register, as the task pane's forms need it: drafts (what the
 * form holds, as typed), field errors with messages in bokmål and English,
 * and pure updates of the register. Learning an alias from a finding is here
 * too: the label the sheet uses is added to the register row it was matched to.
 */
import { formatNok, parseAmountText, type Ore } from '../amount';
import type { Finding } from '../findings';
import { bestMatch, normalizeLabel } from '../match';
import type { Lang } from '../messages';
import { displayName } from '../reconcile/registerIndex';
import type { WorkbookSnapshot } from '../snapshot';
import { readAmountTable } from '../tables/amountTable';
import { findSheet } from '../tables/findSheet';
import {
  REGISTER_FORMAT_VERSION,
  type Basis,
  type EntryKind,
  type FundingSource,
  type Register,
  type RegisterEntry,
  type SourceKind,
} from './types';
import { quote } from '../shorten';

export interface EntryDraft {
  id: string;
  name: string;
  area: string;
  phase: string;
  owner: string;
  role: string;
  partners: string[];
  goals: string[];
  /** As typed: '200 000', 'kr 1.500.000', '' (a range: '200 000–300 000'). */
  contribution: string;
  basis: '' | 'per år' | 'totalt';
  contributionNote: string;
  budgetLine: string;
  aliases: string[];
  kind: EntryKind;
}

export interface SourceDraft {
  name: string;
  kind: SourceKind;
  aliases: string[];
}

export type FieldErrorCode =
  | 'required'
  | 'duplicateId'
  | 'duplicateName'
  | 'amount'
  | 'basisNeeded'
  | 'basisWithoutAmount'
  | 'unknownBudgetLine'
  | 'listItemEmpty'
  | 'listSeparator'
  | 'aliasTaken';

/**
 * `params`: `other` names the conflicting row (`1.3 Logistikknæringen`),
 * `text` the offending text, `item` the 1-based list position, `reason`
 * `negative` for a negative contribution.
 */
export interface FieldError {
  readonly field: keyof EntryDraft | keyof SourceDraft;
  readonly code: FieldErrorCode;
  readonly params?: Readonly<Record<string, string>>;
}

const LIST_SEPARATOR = ';';

const q = quote;

const FIELD_LABEL: Record<Lang, Record<string, string>> = {
  nb: {
    id: 'Id',
    name: 'Navn',
    area: 'Innsatsområde',
    phase: 'Fase',
    owner: 'Prosjekteier',
    role: 'Rolle',
    partners: 'Partnere',
    goals: 'Mål',
    contribution: 'Bidrag',
    basis: 'Grunnlag',
    contributionNote: 'Merknad',
    budgetLine: 'Budsjettpost',
    aliases: 'Alias',
    kind: 'Type',
  },
  en: {
    id: 'Id',
    name: 'Name',
    area: 'Focus area',
    phase: 'Phase',
    owner: 'Owner',
    role: 'Role',
    partners: 'Partners',
    goals: 'Goals',
    contribution: 'Contribution',
    basis: 'Basis',
    contributionNote: 'Note',
    budgetLine: 'Budget line',
    aliases: 'Aliases',
    kind: 'Kind',
  },
};

/** The error as a sentence for the form, naming the conflicting row where there is one. */
export function fieldErrorMessage(e: FieldError, lang: Lang): string {
  const p = e.params ?? {};
  const nb = lang === 'nb';
  const item = p.item ? (nb ? ` (element ${p.item})` : ` (item ${p.item})`) : '';
  switch (e.code) {
    case 'required':
      return nb
        ? `${FIELD_LABEL.nb[e.field] ?? e.field} må fylles ut.`
        : `${FIELD_LABEL.en[e.field] ?? e.field} is required.`;
    case 'duplicateId':
      return nb
        ? `Id ${q(p.text)} er allerede brukt av ${q(p.other)}.`
        : `Id ${q(p.text)} is already used by ${q(p.other)}.`;
    case 'duplicateName':
      return nb
        ? `${q(p.text)} er allerede navn, budsjettpost eller alias for ${q(p.other)}.`
        : `${q(p.text)} is already the name, budget line or alias of ${q(p.other)}.`;
    case 'amount':
      if (p.reason === 'negative')
        return nb
          ? `Bidraget kan ikke være negativt (${q(p.text)}).`
          : `The contribution cannot be negative (${q(p.text)}).`;
      return nb
        ? `${q(p.text)} er ikke et beløp. Skriv f.eks. 200 000 eller 1 234,50.`
        : `${q(p.text)} is not an amount. Write e.g. 200 000 or 1 234,50.`;
    case 'basisNeeded':
      return nb ? 'Velg grunnlag: per år eller totalt.' : 'Choose a basis: per year or in total.';
    case 'basisWithoutAmount':
      return nb
        ? 'Grunnlag gjelder bare når et beløp er oppgitt.'
        : 'A basis applies only when an amount is given.';
    case 'unknownBudgetLine':
      return nb
        ? `Budsjettarket har ingen post ${q(p.text)}.${p.other ? ` Mente du ${q(p.other)}?` : ''}`
        : `The budget sheet has no line ${q(p.text)}.${p.other ? ` Did you mean ${q(p.other)}?` : ''}`;
    case 'listItemEmpty':
      return nb ? `Listen har et tomt element${item}.` : `The list has an empty item${item}.`;
    case 'listSeparator':
      return nb
        ? `${q(p.text)}${item} inneholder «;», som skiller elementene i registeret.`
        : `${q(p.text)}${item} contains «;», which separates the items in the register.`;
    case 'aliasTaken':
      return nb
        ? `Aliaset ${q(p.text)} er allerede navn, budsjettpost eller alias for ${q(p.other)}.`
        : `The alias ${q(p.text)} is already the name, budget line or alias of ${q(p.other)}.`;
  }
}

// ---------------------------------------------------------------------------
// Drafts

/** An amount as a Norwegian types it: `200 000`, `1 234,50` (plain spaces, so it can be edited). */
function amountText(ore: Ore): string {
  return formatNok(ore, 'nb').replace(/\u00A0/g, ' ');
}

function contributionText(e: RegisterEntry): string {
  if (e.contributionRange)
    return `${amountText(e.contributionRange.min)}–${amountText(e.contributionRange.max)}`;
  return e.contribution === null ? '' : amountText(e.contribution);
}

export function entryToDraft(e: RegisterEntry): EntryDraft {
  return {
    id: e.id,
    name: e.name,
    area: e.area,
    phase: e.phase,
    owner: e.owner,
    role: e.role,
    partners: [...e.partners],
    goals: [...e.goals],
    contribution: contributionText(e),
    basis: e.basis ?? '',
    contributionNote: e.contributionNote,
    budgetLine: e.budgetLine,
    aliases: [...e.aliases],
    kind: e.kind,
  };
}

export function emptyEntryDraft(): EntryDraft {
  return {
    id: '',
    name: '',
    area: '',
    phase: '',
    owner: '',
    role: '',
    partners: [],
    goals: [],
    contribution: '',
    basis: '',
    contributionNote: '',
    budgetLine: '',
    aliases: [],
    kind: 'project',
  };
}

export function sourceToDraft(s: FundingSource): SourceDraft {
  return { name: s.name, kind: s.kind, aliases: [...s.aliases] };
}

// ---------------------------------------------------------------------------
// Validation

/** Ids compare without regard to case and spaces: `1.1A` is `1.1a`, `1. 3` is `1.3`. */
function idKey(id: string): string {
  return id.toLowerCase().replace(/\s+/g, '');
}

/** The labels an entry is known by (normalised): name, budget line, aliases. */
function entryKeys(e: RegisterEntry): string[] {
  return [e.name, e.budgetLine, ...e.aliases].map(normalizeLabel).filter((k) => k !== '');
}

function sourceKeys(s: FundingSource): string[] {
  return [s.name, ...s.aliases].map(normalizeLabel).filter((k) => k !== '');
}

function sourceName(s: FundingSource): string {
  return s.name;
}

/** Which other row (by `keysOf`) already uses this label; its display name, or null. */
function takenBy<T>(
  rows: readonly T[],
  skip: number | null,
  label: string,
  keysOf: (row: T) => string[],
  nameOf: (row: T) => string,
): string | null {
  const key = normalizeLabel(label);
  if (key === '') return null;
  for (let i = 0; i < rows.length; i++) {
    if (i === skip) continue;
    if (keysOf(rows[i]).includes(key)) return nameOf(rows[i]);
  }
  return null;
}

function listErrors(
  field: 'partners' | 'goals' | 'aliases',
  items: readonly string[],
  out: FieldError[],
): void {
  items.forEach((raw, i) => {
    const s = raw.trim();
    const item = String(i + 1);
    if (s === '') out.push({ field, code: 'listItemEmpty', params: { item } });
    else if (s.includes(LIST_SEPARATOR))
      out.push({ field, code: 'listSeparator', params: { item, text: s } });
  });
}

/** The contribution a draft's text gives: null for '', undefined when it is not an amount. */
function parseDraftAmount(text: string): { ore: Ore } | { min: Ore; max: Ore } | null | undefined {
  if (text.trim() === '') return null;
  const r = parseAmountText(text);
  if (r === null) return undefined;
  return 'ore' in r ? { ore: r.ore } : { min: r.minOre, max: r.maxOre };
}

function checkIndex(length: number, index: number | null): void {
  if (index !== null && (!Number.isInteger(index) || index < 0 || index >= length))
    throw new RangeError(`No register row ${index} (the table has ${length}).`);
}

/**
 * Field errors of a draft; index = the entry being edited (null: a new one).
 * budgetLines = the budget sheet's line labels ([] when unknown: then no
 * unknownBudgetLine check); the entry's own line, unchanged, is never checked.
 */
export function validateEntryDraft(
  register: Register,
  draft: EntryDraft,
  index: number | null,
  budgetLines: readonly string[],
): FieldError[] {
  checkIndex(register.entries.length, index);
  const out: FieldError[] = [];
  const entries = register.entries;
  const id = draft.id.trim();
  const name = draft.name.trim();
  const budgetLine = draft.budgetLine.trim();

  if (id === '') {
    if (draft.kind === 'project') out.push({ field: 'id', code: 'required' });
  } else {
    const k = idKey(id);
    // An id the entry already had is kept even when it is taken twice (the sample has 1.3 twice,
    // a DUPLICATE_ID finding): editing another field of such an entry must stay possible.
    const unchanged = index !== null && index < entries.length && idKey(entries[index].id) === k;
    const other = unchanged
      ? -1
      : entries.findIndex((e, i) => i !== index && e.id !== '' && idKey(e.id) === k);
    if (other >= 0)
      out.push({
        field: 'id',
        code: 'duplicateId',
        params: { text: id, other: displayName(entries[other]) },
      });
  }

  if (name === '') out.push({ field: 'name', code: 'required' });
  else {
    const other = takenBy(entries, index, name, entryKeys, displayName);
    if (other !== null) out.push({ field: 'name', code: 'duplicateName', params: { text: name, other } });
  }

  const amount = parseDraftAmount(draft.contribution);
  if (amount === undefined)
    out.push({ field: 'contribution', code: 'amount', params: { text: draft.contribution.trim() } });
  else if (amount !== null && 'ore' in amount && amount.ore < 0)
    out.push({
      field: 'contribution',
      code: 'amount',
      params: { text: draft.contribution.trim(), reason: 'negative' },
    });
  const hasAmount = amount !== null;
  if (hasAmount && draft.basis === '') out.push({ field: 'basis', code: 'basisNeeded' });
  if (!hasAmount && draft.basis !== '') out.push({ field: 'basis', code: 'basisWithoutAmount' });

  if (budgetLine !== '') {
    const key = normalizeLabel(budgetLine);
    // A line the entry already had is kept even when this year's budget lacks it (a project
    // promised money for another year): only a newly chosen line must be in the budget sheet.
    const unchanged =
      index !== null && index < entries.length && normalizeLabel(entries[index].budgetLine) === key;
    if (!unchanged && budgetLines.length > 0 && !budgetLines.some((l) => normalizeLabel(l) === key)) {
      const near = bestMatch(
        budgetLine,
        budgetLines.map((text, i) => ({ key: i, text })),
      );
      out.push({
        field: 'budgetLine',
        code: 'unknownBudgetLine',
        params: near ? { text: budgetLine, other: near.text } : { text: budgetLine },
      });
    }
    const other = takenBy(entries, index, budgetLine, entryKeys, displayName);
    if (other !== null && key !== normalizeLabel(name))
      out.push({ field: 'budgetLine', code: 'duplicateName', params: { text: budgetLine, other } });
  }

  listErrors('partners', draft.partners, out);
  listErrors('goals', draft.goals, out);
  listErrors('aliases', draft.aliases, out);
  for (const raw of draft.aliases) {
    const alias = raw.trim();
    if (alias === '' || alias.includes(LIST_SEPARATOR)) continue;
    const other = takenBy(entries, index, alias, entryKeys, displayName);
    if (other !== null) out.push({ field: 'aliases', code: 'aliasTaken', params: { text: alias, other } });
  }
  return out;
}

export function validateSourceDraft(
  register: Register,
  draft: SourceDraft,
  index: number | null,
): FieldError[] {
  checkIndex(register.sources.length, index);
  const out: FieldError[] = [];
  const name = draft.name.trim();
  if (name === '') out.push({ field: 'name', code: 'required' });
  else {
    const other = takenBy(register.sources, index, name, sourceKeys, sourceName);
    if (other !== null) out.push({ field: 'name', code: 'duplicateName', params: { text: name, other } });
  }
  listErrors('aliases', draft.aliases, out);
  for (const raw of draft.aliases) {
    const alias = raw.trim();
    if (alias === '' || alias.includes(LIST_SEPARATOR)) continue;
    const other = takenBy(register.sources, index, alias, sourceKeys, sourceName);
    if (other !== null) out.push({ field: 'aliases', code: 'aliasTaken', params: { text: alias, other } });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Drafts to rows

function cleanList(items: readonly string[], field: string): string[] {
  const out: string[] = [];
  for (const raw of items) {
    const s = raw.trim();
    if (s === '' || s.includes(LIST_SEPARATOR))
      throw new Error(`Invalid draft: ${field} item ${JSON.stringify(raw)} (validate first).`);
    out.push(s);
  }
  return out;
}

/** Aliases without repeats (normalised; the first spelling kept). */
function uniqueAliases(aliases: readonly string[]): string[] {
  const seen = new Set<string>();
  return aliases.filter((a) => {
    const k = normalizeLabel(a);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The entry a valid draft describes; `base` keeps what the form does not
 * edit (extra columns, contributionRange when the amount text is unchanged).
 * Throws on an invalid draft (validate first).
 */
export function draftToEntry(draft: EntryDraft, base?: RegisterEntry): RegisterEntry {
  const name = draft.name.trim();
  const id = draft.id.trim();
  if (name === '') throw new Error('Invalid draft: the name is empty (validate first).');
  if (id === '' && draft.kind === 'project')
    throw new Error('Invalid draft: a project needs an id (validate first).');
  let contribution: Ore | null;
  let contributionRange: { readonly min: Ore; readonly max: Ore } | undefined;
  if (base && draft.contribution === contributionText(base)) {
    contribution = base.contribution;
    contributionRange = base.contributionRange;
  } else {
    const amount = parseDraftAmount(draft.contribution);
    if (amount === undefined || (amount !== null && 'ore' in amount && amount.ore < 0))
      throw new Error(`Invalid draft: contribution ${JSON.stringify(draft.contribution)} (validate first).`);
    contribution = amount === null ? null : 'ore' in amount ? amount.ore : amount.min;
    contributionRange = amount !== null && 'min' in amount ? { min: amount.min, max: amount.max } : undefined;
  }
  const basis: Basis | null = draft.basis === '' ? null : draft.basis;
  if ((contribution === null) !== (basis === null))
    throw new Error('Invalid draft: a basis goes with an amount and only then (validate first).');
  const budgetLine = draft.budgetLine.trim();
  return {
    id,
    name,
    area: draft.area.trim(),
    phase: draft.phase.trim(),
    owner: draft.owner.trim(),
    role: draft.role.trim(),
    partners: cleanList(draft.partners, 'partners'),
    goals: cleanList(draft.goals, 'goals'),
    contribution,
    ...(contributionRange ? { contributionRange } : {}),
    basis,
    contributionNote: draft.contributionNote.trim(),
    budgetLine,
    aliases: uniqueAliases(cleanList(draft.aliases, 'aliases')),
    kind: draft.kind,
    ...(base?.extra ? { extra: base.extra } : {}),
  };
}

export function draftToSource(draft: SourceDraft, base?: FundingSource): FundingSource {
  const name = draft.name.trim();
  if (name === '') throw new Error('Invalid draft: the name is empty (validate first).');
  return {
    name,
    kind: draft.kind,
    aliases: uniqueAliases(cleanList(draft.aliases, 'aliases')),
    ...(base?.extra ? { extra: base.extra } : {}),
  };
}

// ---------------------------------------------------------------------------
// Register updates (new objects; the register given is not changed)

function put<T>(rows: readonly T[], index: number | null, row: T): T[] {
  checkIndex(rows.length, index);
  if (index === null) return [...rows, row];
  const out = [...rows];
  out[index] = row;
  return out;
}

function remove<T>(rows: readonly T[], index: number): T[] {
  checkIndex(rows.length, index);
  return rows.filter((_, i) => i !== index);
}

/** Replaces entry `index`, or appends when index is null. */
export function putEntry(register: Register, index: number | null, entry: RegisterEntry): Register {
  return { ...register, entries: put(register.entries, index, entry) };
}

export function removeEntry(register: Register, index: number): Register {
  return { ...register, entries: remove(register.entries, index) };
}

export function putSource(register: Register, index: number | null, source: FundingSource): Register {
  return { ...register, sources: put(register.sources, index, source) };
}

export function removeSource(register: Register, index: number): Register {
  return { ...register, sources: remove(register.sources, index) };
}

export function emptyRegister(): Register {
  return {
    formatVersion: REGISTER_FORMAT_VERSION,
    entries: [],
    sources: [],
    extraProjectColumns: [],
    extraSourceColumns: [],
  };
}

/** The budget sheet's line labels, for the budget-line picker (empty when there is no budget sheet). */
export function budgetLineLabels(
  workbook: WorkbookSnapshot,
  options: { budgetSheet?: string } = {},
): string[] {
  const found = findSheet(workbook, 'budget', options.budgetSheet);
  if ('finding' in found) return [];
  const { table } = readAmountTable(found.sheet, 'budget');
  if (!table) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const row of table.rows) {
    // As the reconciliation: a row without amounts is not a budget line.
    if (row.amounts.size === 0 || row.label === '' || seen.has(row.label)) continue;
    seen.add(row.label);
    out.push(row.label);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Learning aliases from findings

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
  checkIndex(rows.length, target.index);
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

/** Field-by-field equality of two drafts' values (lists item by item). */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/** The fields of `draft` that differ from `before`, laid over `after`. */
function merge<D extends object>(before: D, after: D, draft: D): D {
  const out = { ...after };
  for (const key of Object.keys(draft) as (keyof D)[]) {
    if (!sameValue(draft[key], before[key])) out[key] = draft[key];
  }
  return out;
}

/**
 * A three-way merge for a form saved after its row changed underneath it (an alias learned, a
 * co-author's edit re-read): the fields the user changed in `draft` (against the row as it was
 * when the form opened, `base`) win; every other field is the row as it is now, `current`.
 */
export function mergeEntryDraft(base: RegisterEntry, current: RegisterEntry, draft: EntryDraft): EntryDraft {
  return merge(entryToDraft(base), entryToDraft(current), draft);
}

export function mergeSourceDraft(
  base: FundingSource,
  current: FundingSource,
  draft: SourceDraft,
): SourceDraft {
  return merge(sourceToDraft(base), sourceToDraft(current), draft);
}
