/**
 * The register's fields as people read them, in bokmål and English: the one set of labels that
 * the editor's forms, its validation messages and anything else naming a field to the user
 * share. The stored keys (`role`, `contributionNote`) stay as they are on the sheet and in files.
 */
import type { Lang } from '../messages';
import type { ProjectKey } from './types';

/** A field of a register row: a project's keys (a source's `name`, `kind` and `aliases` among them). */
export type RegisterField = ProjectKey;

/** A label for every field: a field missing in either language is a type error. */
export type RegisterFieldLabels = Readonly<Record<RegisterField, string>>;

const NB: RegisterFieldLabels = {
  id: 'Id',
  name: 'Navn',
  area: 'Innsatsområde',
  phase: 'Fase',
  owner: 'Prosjekteier',
  role: 'Rådets rolle',
  partners: 'Partnere',
  goals: 'Mål',
  contribution: 'Bidrag',
  basis: 'Grunnlag',
  contributionNote: 'Merknad til bidraget',
  budgetLine: 'Budsjettpost',
  aliases: 'Alias',
  kind: 'Type',
};

const EN: RegisterFieldLabels = {
  id: 'Id',
  name: 'Name',
  area: 'Focus area',
  phase: 'Phase',
  owner: 'Project owner',
  role: "The council's role",
  partners: 'Partners',
  goals: 'Goals',
  contribution: 'Contribution',
  basis: 'Basis',
  contributionNote: 'Note on the contribution',
  budgetLine: 'Budget line',
  aliases: 'Aliases',
  kind: 'Kind',
};

export const REGISTER_FIELD_LABELS: Readonly<Record<Lang, RegisterFieldLabels>> = { nb: NB, en: EN };
