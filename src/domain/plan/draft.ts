/**
 * A project as the plan reader builds it up: from its heading, then the labelled lines of its
 * section, the budget line tied to it and the other spellings the document uses for it.
 */
import type { Ore } from '../amount';
import { normalizeLabel } from '../match';
import type { Heading } from './headings';
import type { Field, PlanProject } from './types';

export interface Draft {
  id: string;
  heading: Heading;
  name: Field<string>;
  area: Field<string>;
  phase: Field<string>;
  owner: Field<string>;
  role: Field<string>;
  partners: Field<readonly string[]>;
  goals: Field<readonly string[]>;
  contribution: Field<Ore | null>;
  contributionRange?: { min: Ore; max: Ore };
  basis: Field<PlanProject['basis']['value']>;
  contributionNote: Field<string>;
  budgetLine: Field<string>;
  aliases: string[];
  fieldsFound: number;
}

/** Adds another spelling of the project's name, unless it is the name or an alias already. */
export function addAlias(d: { name: Field<string>; aliases: string[] }, alias: string): void {
  const a = alias.replace(/\s+/g, ' ').trim();
  if (a === '') return;
  const n = normalizeLabel(a);
  if (n === normalizeLabel(d.name.value) || d.aliases.some((x) => normalizeLabel(x) === n)) return;
  d.aliases.push(a);
}
