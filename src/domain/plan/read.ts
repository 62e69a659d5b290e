/**
 * The plan reader: a plan document's blocks in, the register, the budget and
 * financing tables and the list of what could not be read out. Pure: no
 * Office, no DOM, no file access; the pane and the CLI both call it.
 *
 * What it understands is described in docs/PLAN.md.
 */
import { readAmount, type Ore } from '../amount';
import { bestMatch, normalizeLabel, type MatchCandidate } from '../match';
import { isOperationsLabel } from '../register/propose';
import { registerEntry } from '../register/entry';
import {
  REGISTER_FORMAT_VERSION,
  type FundingSource,
  type RegisterEntry,
  type SourceKind,
} from '../register/types';
import type { PlanBlock } from './blocks';
import { labelledLine, readContribution, splitList, tidyItem, type FieldKey } from './fields';
import { numberedHeadingLevel } from './text';
import type {
  Confidence,
  Field,
  PlanProject,
  PlanReading,
  PlanSource,
  PlanTable,
  PlanTableRow,
  Provenance,
  RowRole,
  UnreadItem,
} from './types';

/** A heading's number and title: `1.1a Energi og miljøklyngen`, `Prosjekt 2.1: Etablerertjeneste`. */
const HEADING_NUMBER =
  /^(?:(?:prosjekt|project|tiltak|forprosjekt|forstudie)\s+)?(\d{1,2}(?:\.\d{1,2})*)([a-z])?\.?\s*[:.\-–]?\s+(.+)$/iu;
/** A line of the contents: the title and a page number, maybe dot leaders. */
const DOT_LEADERS = /\s*\.{2,}\s*\d*\s*$/;
const SUM_LABEL = /^(?:sum|summ?er|totalt?|i alt|total|sum total)\b/iu;
const YEAR = /(?<!\d)((?:19|20)\d\d)(?!\d)/g;
const BUDGET_TITLE = /budsjett|budget|kostnader|costs|utgifter|expenditure/iu;
const FINANCING_TITLE = /finansiering|financing|funding|inntekter|income|finance/iu;
/** A summary line naming a project by id: `Prosjekt 1.2 Designdrevet innovasjon Ahus- miljøet`. */
const SUMMARY_LINE =
  /^(?:prosjekt|forprosjekt|forstudie|project|pilot)\s+(\d{1,2}\.\d{1,2}[a-z]?)\s+(\S.*)$/iu;
/** Words that say the phase is not settled (`evt. videreføring`): dropped, the phase marked uncertain. */
const TENTATIVE = /^(?:evt\.?|eventuelt|ev\.|mulig|possibly|possible|tentative(?:ly)?)\s+/iu;

interface Heading {
  readonly block: number;
  readonly number: string | null;
  readonly letter: string;
  readonly title: string;
  readonly level: number;
}

function provenance(blocks: readonly PlanBlock[], i: number, row?: number): Provenance {
  const b = blocks[i];
  const origin = b.kind === 'table' && row !== undefined ? (b.rowOrigins?.[row] ?? b.origin) : b.origin;
  const text =
    b.kind === 'table'
      ? row === undefined
        ? b.rows.map((r) => r.join('\t')).join('\n')
        : b.rows[row].join('\t')
      : b.text;
  return {
    block: i,
    ...(row !== undefined ? { row } : {}),
    ...(origin?.line !== undefined ? { line: origin.line } : {}),
    ...(origin?.paragraph !== undefined ? { paragraph: origin.paragraph } : {}),
    text,
  };
}

function field<T>(value: T, from: Provenance | null, confidence: Confidence = 'high'): Field<T> {
  return { value, from, confidence };
}

/** `VERDISKAPENDE KLYNGER` -> `Verdiskapende klynger`; mixed case is left as written. */
function sentenceCase(s: string): string {
  if (s !== s.toUpperCase() || s === s.toLowerCase()) return s;
  const lower = s.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A heading block, or a paragraph that is a numbered heading (Word documents without heading styles). */
function headingOf(b: PlanBlock, i: number): Heading | null {
  let text: string;
  let level: number;
  if (b.kind === 'heading') {
    text = b.text;
    level = b.level;
  } else if (b.kind === 'paragraph' && !b.text.includes('\t')) {
    const l = numberedHeadingLevel(b.text.trim());
    if (l === null) return null;
    text = b.text;
    level = l;
  } else return null;
  const clean = text.replace(/\s+/g, ' ').trim().replace(DOT_LEADERS, '');
  const m = HEADING_NUMBER.exec(clean);
  if (!m) return { block: i, number: null, letter: '', title: clean, level };
  return { block: i, number: m[1], letter: (m[2] ?? '').toLowerCase(), title: m[3].trim(), level };
}

/** `Energi- og miljøklyngen (Videreføring av hovedprosjekt)` -> name and phase. */
function splitPhase(title: string): { name: string; phase: string } {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(title);
  if (!m || m[1].trim() === '') return { name: title.trim(), phase: '' };
  return { name: m[1].trim(), phase: m[2].trim() };
}

interface Draft {
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

const EMPTY_LIST: readonly string[] = [];

function addAlias(d: { name: Field<string>; aliases: string[] }, alias: string): void {
  const a = alias.replace(/\s+/g, ' ').trim();
  if (a === '') return;
  const n = normalizeLabel(a);
  if (n === normalizeLabel(d.name.value) || d.aliases.some((x) => normalizeLabel(x) === n)) return;
  d.aliases.push(a);
}

/** Reads a plan's blocks. Never throws; what it cannot read is in `unread`. */
export function readPlan(blocks: readonly PlanBlock[]): PlanReading {
  const unread: UnreadItem[] = [];
  const headings: Heading[] = [];
  blocks.forEach((b, i) => {
    const h = headingOf(b, i);
    if (h) headings.push(h);
  });

  // --- The contents: numbered lines with page numbers, as a table (tab lines) or tabbed paragraphs.
  const contents = new Map<string, string[]>();
  const contentsBlocks = new Set<number>();
  blocks.forEach((b, i) => {
    const lines =
      b.kind === 'table'
        ? b.rows.map((r) => r.filter((c) => c !== ''))
        : b.kind === 'paragraph' && b.text.includes('\t')
          ? [
              b.text
                .split('\t')
                .map((c) => c.trim())
                .filter((c) => c !== ''),
            ]
          : [];
    if (lines.length === 0) return;
    const entries = lines.filter(
      (r) =>
        r.length >= 1 &&
        r.length <= 2 &&
        (r.length === 1 ? DOT_LEADERS.test(r[0]) : /^\d{1,3}$/.test(r[1])) &&
        numberedHeadingLevel(r[0].replace(DOT_LEADERS, '')) !== null,
    );
    if (entries.length === 0 || entries.length * 2 < lines.length) return;
    contentsBlocks.add(i);
    for (const r of entries) {
      const m = HEADING_NUMBER.exec(r[0].replace(DOT_LEADERS, '').trim());
      if (!m) continue;
      const id = m[1] + (m[2] ?? '').toLowerCase();
      const list = contents.get(id) ?? [];
      list.push(splitPhase(m[3]).name);
      contents.set(id, list);
    }
  });

  // --- Which headings are projects, focus areas, groups of sub-projects.
  const isProjectNumber = (h: Heading) => h.number !== null && (h.number.includes('.') || h.letter !== '');
  const projectHeadings: Heading[] = [];
  const areaOf = new Map<Heading, { id: string; title: string; block: number } | null>();
  const areas: PlanReading['areas'][number][] = [];
  let area: { id: string; title: string; block: number } | null = null;
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
  const fullId = (h: Heading) => h.number! + h.letter;
  const groups = new Set<Heading>();
  projectHeadings.forEach((h, k) => {
    const next = projectHeadings[k + 1];
    if (!next) return;
    const id = fullId(h);
    if (next.number === h.number && h.letter === '' && next.letter !== '') groups.add(h);
    else if (next.number!.startsWith(id + '.')) groups.add(h);
  });

  // --- Each project's section: from its heading to the next heading.
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

  // --- Duplicate ids: both kept, reported.
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

  // --- The council: whom the possessive labels name most often; its full name where the text gives it.
  let short: string | null = null;
  let bestCount = 0;
  for (const [who, n] of whoCounts) {
    if (n > bestCount) {
      short = who;
      bestCount = n;
    }
  }
  const full = short ? fullNameOf(blocks, short) : null;
  const lang = englishLabels(blocks) ? 'en' : 'nb';

  // --- Tables.
  const tables = findAmountTables(blocks, headings, contentsBlocks);
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

  const projects: PlanProject[] = drafts.map((d) => ({
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
  const register = {
    formatVersion: REGISTER_FORMAT_VERSION,
    entries,
    sources: sources.map((s): FundingSource => ({ name: s.name, kind: s.kind, aliases: s.aliases })),
  };
  return { council: { short, full }, lang, areas, projects, budget, financing, sources, register, unread };
}

/** Reads the labelled lines of one project's section into the draft. */
function readSection(
  blocks: readonly PlanBlock[],
  from: number,
  to: number,
  d: Draft,
  whoCounts: Map<string, number>,
  unread: UnreadItem[],
): void {
  let open: { key: FieldKey; at: Provenance; items: string[] } | null = null;
  const closeList = () => {
    if (!open) return;
    const { key, at, items } = open;
    if (items.length > 0) {
      if (key === 'goals') d.goals = field(items.map(tidyItem), at);
      else if (key === 'partners') d.partners = field(items.map(tidyItem), at);
    }
    open = null;
  };
  for (let i = from; i < to; i++) {
    const b = blocks[i];
    if (b.kind === 'listItem') {
      if (open) (open as { items: string[] }).items.push(b.text);
      continue;
    }
    if (b.kind !== 'paragraph') continue;
    const line = labelledLine(b.text);
    if (!line) continue;
    closeList();
    const at = provenance(blocks, i);
    d.fieldsFound++;
    if (line.who) {
      const who = line.who.replace(/^the\s+/i, '');
      whoCounts.set(who, (whoCounts.get(who) ?? 0) + 1);
    }
    const v = line.value.replace(/\s+/g, ' ').trim();
    switch (line.key) {
      case 'owner':
        d.owner = field(v.replace(/\.$/, ''), at);
        break;
      case 'role':
        d.role = field(v.replace(/\.$/, ''), at);
        break;
      case 'phase':
        d.phase = field(v.replace(/\.$/, ''), at);
        break;
      case 'partners':
        if (v === '') open = { key: 'partners', at, items: [] };
        else d.partners = field(splitList(v), at);
        break;
      case 'goals':
        if (v === '') open = { key: 'goals', at, items: [] };
        else d.goals = field([tidyItem(v)], at);
        break;
      case 'contribution': {
        if (v === '') {
          unread.push({ code: 'contributionUnclear', from: at, subject: d.id });
          break;
        }
        const c = readContribution(v);
        d.contribution = field(c.amount, at, c.range ? 'medium' : 'high');
        if (c.range) d.contributionRange = c.range;
        d.basis = field(c.basis, c.amount === null ? null : at, c.basisGuessed ? 'low' : 'high');
        d.contributionNote = field(c.note, c.note ? at : null);
        if (c.basisGuessed) unread.push({ code: 'basisNotStated', from: at, subject: d.id });
        break;
      }
    }
  }
  closeList();
}

function fullNameOf(blocks: readonly PlanBlock[], short: string): string | null {
  const esc = short.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(
    `(\\p{Lu}[\\p{L}\\-]+(?:\\s+(?:for|i|og|på|of|the|and|\\p{Lu}[\\p{L}\\-]+))*)\\s*\\(${esc}\\)`,
    'u',
  );
  for (const b of blocks) {
    if (b.kind !== 'paragraph') continue;
    const m = re.exec(b.text);
    if (m) return m[1].replace(/\s+/g, ' ').trim();
  }
  return null;
}

function englishLabels(blocks: readonly PlanBlock[]): boolean {
  let en = 0;
  let nb = 0;
  for (const b of blocks) {
    if (b.kind !== 'paragraph') continue;
    if (
      /^(?:project owner|owner|partners|other partners|goals|objectives|the [\p{L} ]+'s (?:role|contribution)|contribution)\s*:/iu.test(
        b.text,
      )
    )
      en++;
    if (
      /^(?:prosjekt\s?eier|eier|andre samarbeidspartnere|partnere|prosjekt\s?mål|målsetting|\S+\s?s (?:rolle|bidrag))/iu.test(
        b.text,
      )
    )
      nb++;
  }
  return en > nb;
}

// ---------------------------------------------------------------------------------------------
// Tables

interface TablePlace {
  readonly block: number;
  /** The text around the table that may give its year: the heading and the paragraphs above. */
  readonly context: readonly string[];
  readonly confidence: Confidence;
}

/** Whether a row's cells after the first read as amounts (at least one) or are empty. */
function amountRow(row: readonly string[]): boolean {
  const rest = row.slice(1);
  return (
    rest.some((c) => c.trim() !== '') && rest.every((c) => c.trim() === '' || readAmount(c).kind === 'text')
  );
}

function findAmountTables(
  blocks: readonly PlanBlock[],
  headings: readonly Heading[],
  contentsBlocks: ReadonlySet<number>,
): { budget: TablePlace | null; financing: TablePlace | null } {
  const found: { place: TablePlace; role: 'budget' | 'financing' | null }[] = [];
  blocks.forEach((b, i) => {
    if (b.kind !== 'table' || contentsBlocks.has(i)) return;
    if (b.rows.filter(amountRow).length === 0) return;
    const heading = [...headings].reverse().find((h) => h.block < i);
    const context: string[] = [];
    for (let j = i - 1; j >= 0 && j > (heading?.block ?? -1) - 1; j--) {
      const p = blocks[j];
      if (p.kind === 'paragraph' || p.kind === 'heading') context.push(p.text);
      if (p.kind === 'table') break;
    }
    const title = heading?.title ?? '';
    const header = b.rows[0]?.join(' ') ?? '';
    let role: 'budget' | 'financing' | null = null;
    if (FINANCING_TITLE.test(title)) role = 'financing';
    else if (BUDGET_TITLE.test(title)) role = 'budget';
    else if (/^(?:kilde|source|finansiering|financing|funding)/iu.test(header)) role = 'financing';
    else if (/^(?:post|budsjettpost|item|line|budget)/iu.test(header)) role = 'budget';
    found.push({ place: { block: i, context, confidence: role ? 'high' : 'low' }, role });
  });
  let budget = found.find((f) => f.role === 'budget')?.place ?? null;
  let financing = found.find((f) => f.role === 'financing')?.place ?? null;
  // Unnamed tables: the first is the budget, the next the financing, as plans order them.
  const unnamed = found.filter((f) => f.role === null).map((f) => f.place);
  if (!budget && unnamed.length > 0) budget = unnamed.shift()!;
  if (!financing && unnamed.length > 0) financing = unnamed.shift()!;
  return { budget, financing };
}

interface Columns {
  readonly years: (number | null)[];
  /** The first data row. */
  readonly start: number;
  readonly width: number;
}

/** The amount columns and their years: from the header row, else the text above the table. */
function columnsOf(rows: readonly (readonly string[])[], context: readonly string[]): Columns {
  const width = Math.max(2, ...rows.map((r) => r.length));
  const n = width - 1;
  const first = rows[0] ?? [];
  const headerCells = first.slice(1);
  const isHeader =
    !amountRow(first) || headerCells.every((c) => c.trim() === '' || /^\D*(?:19|20)\d\d\D*$/.test(c.trim()));
  if (isHeader && first.length > 1) {
    const years = Array.from({ length: n }, (_, k) => {
      const m = /(?:19|20)\d\d/.exec(first[k + 1] ?? '');
      return m ? Number(m[0]) : null;
    });
    if (years.some((y) => y !== null) || n > 1) return { years, start: 1, width };
    return { years: contextYears(context, n), start: 1, width };
  }
  return { years: contextYears(context, n), start: 0, width };
}

function contextYears(context: readonly string[], n: number): (number | null)[] {
  for (const text of context) {
    const ys = [...text.matchAll(YEAR)].map((m) => Number(m[1]));
    // `Budsjett 2010` says the year; `Handlingsplan 2010-2011` over a one-column table does not.
    if (ys.length === n && !(n === 1 && /\d\s*[-–]\s*\d/.test(text))) return ys;
  }
  return Array.from({ length: n }, () => null);
}

function readCells(
  cells: readonly string[],
  width: number,
): { amounts: (Ore | null)[]; texts: string[]; bad: number[] } {
  const amounts: (Ore | null)[] = [];
  const texts: string[] = [];
  const bad: number[] = [];
  for (let k = 1; k < width; k++) {
    const t = (cells[k] ?? '').trim();
    texts.push(t);
    if (t === '') {
      amounts.push(null);
      continue;
    }
    const r = readAmount(t);
    if (r.kind === 'text') amounts.push(r.ore);
    else {
      amounts.push(null);
      bad.push(k - 1);
    }
  }
  return { amounts, texts, bad };
}

function tableFrom(
  blocks: readonly PlanBlock[],
  place: TablePlace,
  unread: UnreadItem[],
  what: string,
): { rows: readonly (readonly string[])[]; cols: Columns } {
  const b = blocks[place.block] as Extract<PlanBlock, { kind: 'table' }>;
  const cols = columnsOf(b.rows, place.context);
  if (cols.years.some((y) => y === null))
    unread.push({ code: 'tableNoYear', from: provenance(blocks, place.block), detail: what });
  return { rows: b.rows, cols };
}

function readBudget(
  blocks: readonly PlanBlock[],
  place: TablePlace,
  drafts: Draft[],
  candidates: readonly MatchCandidate<number>[],
  unread: UnreadItem[],
): PlanTable {
  const { rows, cols } = tableFrom(blocks, place, unread, 'budget');
  const out: PlanTableRow[] = [];
  for (let r = cols.start; r < rows.length; r++) {
    const label = (rows[r][0] ?? '').replace(/\s+/g, ' ').trim();
    const cells = readCells(rows[r], cols.width);
    if (label === '' && cells.texts.every((t) => t === '')) continue;
    const from = provenance(blocks, place.block, r);
    for (const k of cells.bad)
      unread.push({ code: 'amountUnreadable', from, subject: label, detail: cells.texts[k] });
    if (SUM_LABEL.test(label)) {
      out.push({ label, ...cells, role: 'sum', from, confidence: 'high' });
      continue;
    }
    let tiedTo: PlanTableRow['tiedTo'] = null;
    let confidence: Confidence = 'high';
    if (isOperationsLabel(label)) tiedTo = { kind: 'operations' };
    else {
      const m = bestMatch(label, candidates, 0.5);
      const d = m ? drafts[m.key] : undefined;
      if (m && d && d.budgetLine.value === '') {
        tiedTo = { kind: 'project', project: m.key };
        confidence = m.score >= 0.75 ? 'high' : m.score >= 0.6 ? 'medium' : 'low';
        d.budgetLine = field(label, from, confidence);
      } else {
        unread.push({ code: 'budgetLineUnmatched', from, subject: label });
        confidence = 'low';
      }
    }
    out.push({ label, ...cells, role: 'line', from, tiedTo, confidence });
  }
  checkSum(out, unread);
  return { years: cols.years, rows: out, from: provenance(blocks, place.block), notes: [] };
}

/** A stated sum that differs from its rows is reported here, and found again by the reconciliation. */
function checkSum(rows: readonly PlanTableRow[], unread: UnreadItem[]): void {
  const sum = rows.find((r) => r.role === 'sum');
  if (!sum) return;
  sum.amounts.forEach((stated, k) => {
    if (stated === null) return;
    const total = rows
      .filter((r) => r.role !== 'sum' && r.role !== 'memo' && r.role !== 'groupHeader')
      .reduce((s, r) => s + (r.amounts[k] ?? 0), 0);
    if (total !== stated)
      unread.push({
        code: 'sumDiffers',
        from: sum.from,
        subject: sum.label,
        detail: `${total / 100}/${stated / 100}`,
      });
  });
}

function readFinancing(
  blocks: readonly PlanBlock[],
  place: TablePlace,
  budget: PlanTable | null,
  drafts: Draft[],
  candidates: readonly MatchCandidate<number>[],
  unread: UnreadItem[],
): PlanTable {
  const { rows, cols } = tableFrom(blocks, place, unread, 'financing');
  const lines: MatchCandidate<number>[] = (budget?.rows ?? []).flatMap((r, k) =>
    r.role === 'line' ? [{ key: k, text: r.label }] : [],
  );
  const out: PlanTableRow[] = [];
  let inGroup = false;
  let afterSum = false;
  for (let r = cols.start; r < rows.length; r++) {
    const rawLabel = (rows[r][0] ?? '').replace(/\s+/g, ' ').trim();
    const cells = readCells(rows[r], cols.width);
    if (rawLabel === '' && cells.texts.every((t) => t === '')) continue;
    const from = provenance(blocks, place.block, r);
    for (const k of cells.bad)
      unread.push({ code: 'amountUnreadable', from, subject: rawLabel, detail: cells.texts[k] });
    const empty = cells.texts.every((t) => t === '');
    let role: RowRole;
    let tiedTo: PlanTableRow['tiedTo'];
    let confidence: Confidence = 'high';
    if (SUM_LABEL.test(rawLabel)) {
      role = 'sum';
      afterSum = true;
      inGroup = false;
    } else if (afterSum) role = 'memo';
    else if (empty) {
      role = 'groupHeader';
      inGroup = true;
      if (!/[:,]$/.test(rawLabel)) confidence = 'medium';
    } else {
      // Under a group header, a row naming a budget line (or a project) is earmarked money; the
      // first row that names neither is a source of its own again (`Bruk fond SNR`).
      const line = bestMatch(rawLabel, lines, 0.5);
      const project = line ? null : bestMatch(rawLabel, candidates, 0.6);
      if (inGroup && (line || project)) {
        role = 'earmark';
        const score = (line ?? project)!.score;
        confidence = score >= 0.75 ? 'high' : 'medium';
        const budgetRow = line ? budget!.rows[line.key] : null;
        if (budgetRow?.tiedTo?.kind === 'project') {
          tiedTo = budgetRow.tiedTo;
          // The budget line's own spelling is its budgetLine already; another spelling is an alias.
          if (normalizeLabel(rawLabel) !== normalizeLabel(budgetRow.label))
            addAlias(drafts[budgetRow.tiedTo.project], rawLabel);
        } else if (budgetRow?.tiedTo?.kind === 'operations') tiedTo = { kind: 'operations' };
        else if (project) {
          tiedTo = { kind: 'project', project: project.key };
          addAlias(drafts[project.key], rawLabel);
        } else tiedTo = null;
      } else {
        role = 'source';
        inGroup = false;
      }
    }
    out.push({
      label: rawLabel,
      ...cells,
      role,
      from,
      ...(tiedTo !== undefined ? { tiedTo } : {}),
      confidence,
    });
  }
  checkSum(out, unread);
  // Lines under the table that speak of an earlier year's figure belong with it.
  const notes: { text: string; from: Provenance }[] = [];
  for (let j = place.block + 1; j < blocks.length; j++) {
    const b = blocks[j];
    if (b.kind === 'heading' || b.kind === 'table') break;
    if (b.kind !== 'paragraph') continue;
    if (
      /(?:19|20)\d\d/.test(b.text) &&
      /\d{1,3}(?:[. ]\d{3})+|\d{4,}/.test(b.text.replace(/(?:19|20)\d\d/g, ''))
    )
      notes.push({ text: b.text.trim(), from: provenance(blocks, j) });
  }
  return { years: cols.years, rows: out, from: provenance(blocks, place.block), notes };
}

// ---------------------------------------------------------------------------------------------
// Sources

function sourceName(label: string): string {
  return label.replace(/[\s:,;]+$/, '').trim();
}

/**
 * Each source's kind. Group headers with earmarks are external. The memo row (after the sum)
 * restates the council's own money: the top-level sources adding up to it are own. Failing
 * that, a source named after the council is own; any other is marked undecided for the user.
 */
function decideSources(
  financing: PlanTable,
  short: string | null,
  full: string | null,
  unread: UnreadItem[],
): PlanSource[] {
  const tops = financing.rows.filter((r) => r.role === 'source');
  const memos = financing.rows.filter((r) => r.role === 'memo');
  const own = new Set<PlanTableRow>();
  const explained = new Set<PlanTableRow>();
  for (const memo of memos) {
    const k = memo.amounts.findIndex((a) => a !== null);
    if (k < 0) continue;
    const subset = subsetSumming(
      tops.map((t) => t.amounts[k] ?? 0),
      memo.amounts[k]!,
    );
    if (subset) {
      subset.forEach((i) => own.add(tops[i]));
      explained.add(memo);
    } else unread.push({ code: 'memoUnexplained', from: memo.from, subject: memo.label });
  }
  const council = [short, full].filter((s): s is string => !!s).map(normalizeLabel);
  const namesCouncil = (label: string) => {
    const n = ` ${normalizeLabel(label)} `;
    return council.some((c) => n.includes(` ${c} `) || n.includes(` ${c}s `));
  };
  const out: PlanSource[] = [];
  const push = (s: PlanSource) => {
    if (!out.some((o) => normalizeLabel(o.name) === normalizeLabel(s.name))) out.push(s);
  };
  for (const t of tops) {
    if (own.has(t))
      push({
        name: sourceName(t.label),
        kind: 'own',
        aliases: [],
        from: t.from,
        confidence: 'high',
        reason: 'addsUpToMemo',
      });
    else if (namesCouncil(t.label))
      push({
        name: sourceName(t.label),
        kind: 'own',
        aliases: [],
        from: t.from,
        confidence: memos.length > 0 ? 'low' : 'medium',
        reason: 'councilName',
      });
    else {
      push({
        name: sourceName(t.label),
        kind: 'external',
        aliases: [],
        from: t.from,
        confidence: 'low',
        reason: 'undecided',
      });
      unread.push({ code: 'sourceKindUndecided', from: t.from, subject: sourceName(t.label) });
    }
  }
  for (const g of financing.rows.filter((r) => r.role === 'groupHeader'))
    push({
      name: sourceName(g.label),
      kind: 'external',
      aliases: [],
      from: g.from,
      confidence: g.confidence,
      reason: 'groupHeader',
    });
  for (const m of memos)
    push({
      name: sourceName(m.label),
      kind: 'memo',
      aliases: [],
      from: m.from,
      confidence: explained.has(m) ? 'high' : 'medium',
      reason: 'memoRow',
    });
  // The council's own source gets its full name as an alias (`Samarbeidsrådet for Nedre Romerike`).
  if (short && full) {
    const i = out.findIndex((s) => s.kind === 'own' && normalizeLabel(s.name) === normalizeLabel(short));
    if (i >= 0) out[i] = { ...out[i], aliases: [full] };
  }
  const order: Record<SourceKind, number> = { own: 0, external: 1, memo: 2 };
  return out
    .map((s, i) => ({ s, i }))
    .sort((a, b) => order[a.s.kind] - order[b.s.kind] || a.i - b.i)
    .map(({ s }) => s);
}

/** Indices of amounts adding up to `target` (the fewest-first search; up to 20 sources). */
function subsetSumming(amounts: readonly number[], target: number): number[] | null {
  const n = Math.min(amounts.length, 20);
  for (let mask = 1; mask < 1 << n; mask++) {
    let s = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) s += amounts[i];
    if (s === target) return Array.from({ length: n }, (_, i) => i).filter((i) => mask & (1 << i));
  }
  return null;
}
