/**
 * A valid draft made into the register row it describes: text trimmed, the contribution read,
 * aliases without repeats, and what the form does not edit kept from the row it started from.
 */
import { normalizeLabel } from '../../match';
import type { Ore } from '../../amount';
import { LIST_SEPARATOR, type Basis, type FundingSource, type RegisterEntry } from '../types';
import { contributionText, parseDraftAmount, type EntryDraft, type SourceDraft } from './draft';

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
    budgetLine: draft.budgetLine.trim(),
    aliases: uniqueAliases(cleanList(draft.aliases, 'aliases')),
    kind: draft.kind,
    ...(base?.extra ? { extra: base.extra } : {}),
  };
}

/** The source a valid draft describes; `base` keeps its extra columns. Throws on an invalid draft. */
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
