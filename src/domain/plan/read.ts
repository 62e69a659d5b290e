/**
 * The plan reader: a plan document's blocks in, the register, the budget and
 * financing tables and the list of what could not be read out. Pure: no
 * Office, no DOM, no file access; the pane and the CLI both call it.
 *
 * This module runs the steps in order: headings and contents (headings.ts), the projects and
 * their sections (projects.ts), the council and the labels' language (council.ts), the amount
 * tables (tablePlaces.ts, amountTables.ts), the sources (sources.ts), other spellings from summary
 * lines, and the register (planRegister.ts). What it understands is described in docs/PLAN.md.
 */
import { bestMatch, type MatchCandidate } from '../match';
import { readBudget, readFinancing } from './amountTables';
import type { PlanBlock } from './blocks';
import { councilOf, englishLabels } from './council';
import { addAlias } from './draft';
import { headingsOf, readContents } from './headings';
import { planProjects, planRegister } from './planRegister';
import { readProjects } from './projects';
import { decideSources } from './sources';
import { findAmountTables } from './tablePlaces';
import type { PlanReading, UnreadItem } from './types';

/** A summary line naming a project by id: `Prosjekt 1.2 Designdrevet innovasjon Ahus- miljøet`. */
const SUMMARY_LINE =
  /^(?:prosjekt|forprosjekt|forstudie|project|pilot)\s+(\d{1,2}\.\d{1,2}[a-z]?)\s+(\S.*)$/iu;

/** Reads a plan's blocks. Never throws; what it cannot read is in `unread`. */
export function readPlan(blocks: readonly PlanBlock[]): PlanReading {
  const unread: UnreadItem[] = [];
  const headings = headingsOf(blocks);
  const contents = readContents(blocks);
  const { drafts, areas, whoCounts } = readProjects(blocks, headings, contents.names, unread);

  // --- The council: whom the possessive labels name most often; its full name where the text gives it.
  const { short, full } = councilOf(blocks, whoCounts);
  const lang = englishLabels(blocks) ? 'en' : 'nb';

  // --- Tables.
  const tables = findAmountTables(blocks, headings, contents.blocks);
  const projectCandidates: MatchCandidate<number>[] = [];
  drafts.forEach((d, k) => {
    projectCandidates.push({ key: k, text: d.name.value });
    for (const a of d.aliases) projectCandidates.push({ key: k, text: a });
  });
  const budget = tables.budget ? readBudget(blocks, tables.budget, drafts, projectCandidates, unread) : null;
  if (!tables.budget && drafts.length > 0) unread.push({ code: 'noBudgetTable', from: null });
  const financing = tables.financing
    ? readFinancing(blocks, tables.financing, budget, drafts, projectCandidates, unread)
    : null;
  if (!tables.financing && drafts.length > 0) unread.push({ code: 'noFinancingTable', from: null });
  const sources = financing ? decideSources(financing, short, full, unread) : [];

  // --- Summary lines elsewhere, after the tables' spellings (`Prosjekt 2.1 Etablerertjenester Nedre Romerike`) are aliases.
  blocks.forEach((b, i) => {
    if (b.kind !== 'paragraph' && b.kind !== 'heading') return;
    const m = SUMMARY_LINE.exec(b.text.replace(/\s+/g, ' ').trim());
    if (!m) return;
    const same = drafts.filter((d) => d.id === m[1].toLowerCase() && d.heading.block !== i);
    if (same.length === 0) return;
    const best = bestMatch(
      m[2],
      same.map((d, key) => ({ key, text: d.name.value })),
      0,
    );
    const target = same[best?.key ?? 0];
    addAlias(target, m[2].replace(/\.$/, ''));
  });

  for (const d of drafts) {
    if (d.contribution.value !== null && d.budgetLine.value === '' && budget)
      unread.push({ code: 'projectNoBudgetLine', from: d.contribution.from, subject: d.id });
  }

  const projects = planProjects(blocks, drafts);
  const register = planRegister(projects, budget, financing, sources);
  return { council: { short, full }, lang, areas, projects, budget, financing, sources, register, unread };
}
