/**
 * The plan's projects from its headings: which numbered headings are focus areas (`1 Verdiskapende
 * klynger`), which are projects (`1.1`, `1.1a`) and which group sub-projects (`1.1` over `1.1a`,
 * `1.1b`, whose phase they inherit); for each project its name (the contents' spelling where it
 * differs; the heading's is kept as an alias), phase and section, and duplicate ids reported.
 */
import type { Ore } from '../amount';
import { bestMatch, normalizeLabel } from '../match';
import type { PlanBlock } from './blocks';
import { addAlias, type Draft } from './draft';
import { sentenceCase, splitPhase, type Heading } from './headings';
import { readSection } from './projectSection';
import { field, provenance } from './provenance';
import type { Field, PlanProject, PlanReading, UnreadItem } from './types';

/** Words that say the phase is not settled (`evt. videreføring`): dropped, the phase marked uncertain. */
const TENTATIVE = /^(?:evt\.?|eventuelt|ev\.|mulig|possibly|possible|tentative(?:ly)?)\s+/iu;

const EMPTY_LIST: readonly string[] = [];

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

interface Area {
  readonly id: string;
  readonly title: string;
  readonly block: number;
}

/** A project heading's id: `1.1`, `1.1a`. */
const fullId = (h: Heading) => h.number! + h.letter;

/** Which headings are projects, focus areas, groups of sub-projects. */
function structureOf(
  blocks: readonly PlanBlock[],
  headings: readonly Heading[],
): {
  projectHeadings: Heading[];
  areaOf: Map<Heading, Area | null>;
  areas: PlanReading['areas'][number][];
  groups: Set<Heading>;
} {
  const isProjectNumber = (h: Heading) => h.number !== null && (h.number.includes('.') || h.letter !== '');
  const projectHeadings: Heading[] = [];
  const areaOf = new Map<Heading, Area | null>();
  const areas: PlanReading['areas'][number][] = [];
  let area: Area | null = null;
  headings.forEach((h, k) => {
    if (h.number !== null && !isProjectNumber(h)) {
      const next = headings[k + 1];
      const first = next?.number?.split('.')[0];
      if (next && isProjectNumber(next) && first === h.number) {
        area = { id: h.number, title: `${h.number} ${sentenceCase(h.title)}`, block: h.block };
        areas.push({ id: h.number, title: area.title, from: provenance(blocks, h.block) });
      } else area = null;
      return;
    }
    if (isProjectNumber(h)) {
      projectHeadings.push(h);
      areaOf.set(h, area);
    } else if (h.number === null && h.level <= 1) area = null;
  });
  // A heading followed by its lettered or deeper-numbered children (1.1 -> 1.1a, 1.1b) groups them.
  const groups = new Set<Heading>();
  projectHeadings.forEach((h, k) => {
    const next = projectHeadings[k + 1];
    if (!next) return;
    const id = fullId(h);
    if (next.number === h.number && h.letter === '' && next.letter !== '') groups.add(h);
    else if (next.number!.startsWith(id + '.')) groups.add(h);
  });
  return { projectHeadings, areaOf, areas, groups };
}

/**
 * The projects of the plan, each read from its heading and section; the focus areas; and whom
 * the sections' possessive labels name (`SNRs rolle`), with how often.
 */
export function readProjects(
  blocks: readonly PlanBlock[],
  headings: readonly Heading[],
  contents: ReadonlyMap<string, readonly string[]>,
  unread: UnreadItem[],
): { drafts: Draft[]; areas: PlanReading['areas'][number][]; whoCounts: Map<string, number> } {
  const { projectHeadings, areaOf, areas, groups } = structureOf(blocks, headings);
  // Each project's section: from its heading to the next heading.
  const nextHeadingBlock = new Map<number, number>();
  headings.forEach((h, k) => nextHeadingBlock.set(h.block, headings[k + 1]?.block ?? blocks.length));
  const whoCounts = new Map<string, number>();
  const drafts: Draft[] = [];
  let group: { heading: Heading; phase: string; name: string } | null = null;
  for (const h of projectHeadings) {
    const { name, phase } = splitPhase(h.title);
    if (groups.has(h)) {
      group = { heading: h, phase, name };
      continue;
    }
    const id = fullId(h);
    const inGroup =
      group !== null &&
      id.startsWith(group.heading.number! + group.heading.letter) &&
      id !== fullId(group.heading);
    if (!inGroup) group = null;
    const at = provenance(blocks, h.block);
    const a = areaOf.get(h) ?? null;
    let phaseField: Field<string> = phase
      ? field(phase, at)
      : group?.phase
        ? field(group.phase, provenance(blocks, group.heading.block), 'medium')
        : field('', null);
    if (TENTATIVE.test(phaseField.value)) {
      phaseField = field(capitalise(phaseField.value.replace(TENTATIVE, '').trim()), phaseField.from, 'low');
      unread.push({ code: 'uncertain', from: at, subject: id, detail: 'phase' });
    }
    const d: Draft = {
      id,
      heading: h,
      name: field(name, at),
      area: a ? field(a.title, provenance(blocks, a.block)) : field('', null),
      phase: phaseField,
      owner: field('', null),
      role: field('', null),
      partners: field(EMPTY_LIST, null),
      goals: field(EMPTY_LIST, null),
      contribution: field<Ore | null>(null, null),
      basis: field<PlanProject['basis']['value']>(null, null),
      contributionNote: field('', null),
      budgetLine: field('', null),
      aliases: [],
      fieldsFound: 0,
    };
    // The contents' spelling of the same id is the plan's own index of names: it names the
    // project, the heading's spelling is kept as an alias (`Helse design , Arena`).
    const listed = contents.get(id);
    if (listed && listed.length > 0) {
      const best = bestMatch(
        name,
        listed.map((text, key) => ({ key, text })),
        0.6,
      );
      if (best && normalizeLabel(best.text) !== normalizeLabel(name)) {
        d.name = field(best.text, at, 'medium');
        addAlias(d, name);
      }
    }
    readSection(blocks, h.block + 1, nextHeadingBlock.get(h.block) ?? blocks.length, d, whoCounts, unread);
    if (d.fieldsFound === 0) unread.push({ code: 'projectNoFields', from: at, subject: id });
    drafts.push(d);
  }

  // Duplicate ids: both kept, reported.
  const seen = new Map<string, Draft>();
  for (const d of drafts) {
    const first = seen.get(d.id);
    if (first)
      unread.push({
        code: 'duplicateId',
        from: d.name.from,
        subject: d.id,
        detail: `${first.name.value} / ${d.name.value}`,
      });
    else seen.set(d.id, d);
  }
  return { drafts, areas, whoCounts };
}
