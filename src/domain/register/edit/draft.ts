/**
 * What the register editor's forms hold: a row as typed (a draft), made from a register row or
 * empty, and the contribution a draft's text gives.
 */
import { formatNok, parseAmountText, type Ore } from '../../amount';
import type { EntryKind, FundingSource, RegisterEntry, SourceKind } from '../types';

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

/** An amount as a Norwegian types it: `200 000`, `1 234,50` (plain spaces, so it can be edited). */
function amountText(ore: Ore): string {
  return formatNok(ore, 'nb').replace(/\u00A0/g, ' ');
}

/** An entry's contribution as its draft shows it: `200 000`, a range `200 000–300 000`, or ''. */
export function contributionText(e: RegisterEntry): string {
  if (e.contributionRange)
    return `${amountText(e.contributionRange.min)}–${amountText(e.contributionRange.max)}`;
  return e.contribution === null ? '' : amountText(e.contribution);
}

/** The contribution a draft's text gives: null for '', undefined when it is not an amount. */
export function parseDraftAmount(text: string): { ore: Ore } | { min: Ore; max: Ore } | null | undefined {
  if (text.trim() === '') return null;
  const r = parseAmountText(text);
  if (r === null) return undefined;
  return 'ore' in r ? { ore: r.ore } : { min: r.minOre, max: r.maxOre };
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

/** A new source's form: external, the kind most sources are. */
export function emptySourceDraft(): SourceDraft {
  return { name: '', kind: 'external', aliases: [] };
}
