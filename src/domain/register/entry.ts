/** Making a register entry in code (the proposal, the plan reader, tests) without naming every field. */
import type { RegisterEntry } from './types';

/** A register entry with every field empty but those given: a project unless `kind` says otherwise. */
export function registerEntry(fields: Partial<RegisterEntry> & Pick<RegisterEntry, 'name'>): RegisterEntry {
  return {
    id: '',
    area: '',
    phase: '',
    owner: '',
    role: '',
    partners: [],
    goals: [],
    contribution: null,
    basis: null,
    contributionNote: '',
    budgetLine: '',
    aliases: [],
    kind: 'project',
    ...fields,
  };
}
