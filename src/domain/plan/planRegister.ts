/**
 * What the plan reader hands out from its drafts: each project with where each field came from,
 * and the register the plan makes: its projects, its operations lines (so a known non-project
 * line is told from an unknown one) with their other spellings, and its sources.
 */
import { bestMatch, normalizeLabel } from '../match';
import { registerEntry } from '../register/entry';
import {
  REGISTER_FORMAT_VERSION,
  type FundingSource,
  type Register,
  type RegisterEntry,
} from '../register/types';
import type { PlanBlock } from './blocks';
import type { Draft } from './draft';
import { field, provenance } from './provenance';
import type { PlanProject, PlanSource, PlanTable } from './types';

/** The drafts as the reading's projects. */
export function planProjects(blocks: readonly PlanBlock[], drafts: readonly Draft[]): PlanProject[] {
  return drafts.map((d) => ({
    id: field(d.id, d.name.from),
    name: d.name,
    area: d.area,
    phase: d.phase,
    owner: d.owner,
    role: d.role,
    partners: d.partners,
    goals: d.goals,
    contribution: d.contribution,
    ...(d.contributionRange ? { contributionRange: d.contributionRange } : {}),
    basis: d.basis,
    contributionNote: d.contributionNote,
    budgetLine: d.budgetLine,
    aliases: d.aliases,
    heading: provenance(blocks, d.heading.block),
  }));
}

/** The register the plan makes: its projects, its operations lines and its sources. */
export function planRegister(
  projects: readonly PlanProject[],
  budget: PlanTable | null,
  financing: PlanTable | null,
  sources: readonly PlanSource[],
): Register {
  const entries: RegisterEntry[] = projects.map((p) =>
    registerEntry({
      id: p.id.value,
      name: p.name.value,
      area: p.area.value,
      phase: p.phase.value,
      owner: p.owner.value,
      role: p.role.value,
      partners: p.partners.value,
      goals: p.goals.value,
      contribution: p.contribution.value,
      ...(p.contributionRange ? { contributionRange: p.contributionRange } : {}),
      basis: p.basis.value,
      contributionNote: p.contributionNote.value,
      budgetLine: p.budgetLine.value,
      aliases: p.aliases,
    }),
  );
  // Operations lines are registered too, so a known non-project line is told from an unknown one.
  const operations = new Map<string, string[]>();
  for (const r of budget?.rows ?? [])
    if (r.role === 'line' && r.tiedTo?.kind === 'operations') operations.set(r.label, []);
  for (const r of financing?.rows ?? []) {
    if (r.role !== 'earmark' || r.tiedTo?.kind !== 'operations') continue;
    const line = budget
      ? bestMatch(
          r.label,
          [...operations.keys()].map((text) => ({ key: text, text })),
          0.6,
        )
      : null;
    if (line && normalizeLabel(line.key) !== normalizeLabel(r.label)) operations.get(line.key)!.push(r.label);
  }
  for (const [label, aliases] of operations)
    entries.push(registerEntry({ name: label, kind: 'operations', budgetLine: label, aliases }));
  return {
    formatVersion: REGISTER_FORMAT_VERSION,
    entries,
    sources: sources.map((s): FundingSource => ({ name: s.name, kind: s.kind, aliases: s.aliases })),
  };
}
