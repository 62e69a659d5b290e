/**
 * The checks of a form before it is saved: each field's errors, naming the other row where two
 * rows would claim the same id, name, budget line or alias.
 */
import { bestMatch, normalizeLabel } from '../../match';
import { displayName } from '../../reconcile/registerIndex';
import { LIST_SEPARATOR, type Register } from '../types';
import { parseDraftAmount, type EntryDraft, type SourceDraft } from './draft';
import type { FieldError } from './fieldErrors';
import { entryKeys, sourceKeys, sourceName, takenBy } from './labelsInUse';
import { checkRowIndex } from './update';

/** Ids compare without regard to case and spaces: `1.1A` is `1.1a`, `1. 3` is `1.3`. */
function idKey(id: string): string {
  return id.toLowerCase().replace(/\s+/g, '');
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

/** An alias each other row of the table does not go by already (empty and `;` items are listErrors'). */
function aliasErrors(
  aliases: readonly string[],
  other: (alias: string) => string | null,
  out: FieldError[],
): void {
  for (const raw of aliases) {
    const alias = raw.trim();
    if (alias === '' || alias.includes(LIST_SEPARATOR)) continue;
    const taken = other(alias);
    if (taken !== null)
      out.push({ field: 'aliases', code: 'aliasTaken', params: { text: alias, other: taken } });
  }
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
  checkRowIndex(register.entries.length, index);
  const out: FieldError[] = [];
  const entries = register.entries;
  const id = draft.id.trim();
  const name = draft.name.trim();
  const budgetLine = draft.budgetLine.trim();
  const takenByEntry = (label: string) => takenBy(entries, index, label, entryKeys, displayName);

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
    const other = takenByEntry(name);
    if (other !== null) out.push({ field: 'name', code: 'duplicateName', params: { text: name, other } });
  }

  const amount = parseDraftAmount(draft.contribution);
  const contribution = draft.contribution.trim();
  if (amount === undefined)
    out.push({ field: 'contribution', code: 'amount', params: { text: contribution } });
  else if (amount !== null && 'ore' in amount && amount.ore < 0)
    out.push({ field: 'contribution', code: 'amount', params: { text: contribution, reason: 'negative' } });
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
    const other = takenByEntry(budgetLine);
    if (other !== null && key !== normalizeLabel(name))
      out.push({ field: 'budgetLine', code: 'duplicateName', params: { text: budgetLine, other } });
  }

  listErrors('partners', draft.partners, out);
  listErrors('goals', draft.goals, out);
  listErrors('aliases', draft.aliases, out);
  aliasErrors(draft.aliases, takenByEntry, out);
  return out;
}

/** Field errors of a source's draft; index = the source being edited (null: a new one). */
export function validateSourceDraft(
  register: Register,
  draft: SourceDraft,
  index: number | null,
): FieldError[] {
  checkRowIndex(register.sources.length, index);
  const out: FieldError[] = [];
  const takenBySource = (label: string) => takenBy(register.sources, index, label, sourceKeys, sourceName);
  const name = draft.name.trim();
  if (name === '') out.push({ field: 'name', code: 'required' });
  else {
    const other = takenBySource(name);
    if (other !== null) out.push({ field: 'name', code: 'duplicateName', params: { text: name, other } });
  }
  listErrors('aliases', draft.aliases, out);
  aliasErrors(draft.aliases, takenBySource, out);
  return out;
}
