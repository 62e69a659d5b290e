/**
 * The plan's headings and its contents: each heading's number, letter, title and level (a Word
 * paragraph with a number counts when the document has no heading styles), a title's phase in
 * brackets, and the contents' numbered lines with page numbers, which name the projects as the
 * plan's own index does.
 */
import type { PlanBlock } from './blocks';
import { numberedHeadingLevel } from './text';

/** A heading's number and title: `1.1a Energi og miljøklyngen`, `Prosjekt 2.1: Etablerertjeneste`. */
export const HEADING_NUMBER =
  /^(?:(?:prosjekt|project|tiltak|forprosjekt|forstudie)\s+)?(\d{1,2}(?:\.\d{1,2})*)([a-z])?\.?\s*[:.\-–]?\s+(.+)$/iu;
/** A line of the contents: the title and a page number, maybe dot leaders. */
export const DOT_LEADERS = /\s*\.{2,}\s*\d*\s*$/;

export interface Heading {
  readonly block: number;
  readonly number: string | null;
  readonly letter: string;
  readonly title: string;
  readonly level: number;
}

/** `VERDISKAPENDE KLYNGER` -> `Verdiskapende klynger`; mixed case is left as written. */
export function sentenceCase(s: string): string {
  if (s !== s.toUpperCase() || s === s.toLowerCase()) return s;
  const lower = s.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** A heading block, or a paragraph that is a numbered heading (Word documents without heading styles). */
export function headingOf(b: PlanBlock, i: number): Heading | null {
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
export function splitPhase(title: string): { name: string; phase: string } {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(title);
  if (!m || m[1].trim() === '') return { name: title.trim(), phase: '' };
  return { name: m[1].trim(), phase: m[2].trim() };
}

/** The headings of the plan, in order. */
export function headingsOf(blocks: readonly PlanBlock[]): Heading[] {
  const headings: Heading[] = [];
  blocks.forEach((b, i) => {
    const h = headingOf(b, i);
    if (h) headings.push(h);
  });
  return headings;
}

/**
 * The contents: numbered lines with page numbers, as a table (tab lines) or tabbed paragraphs.
 * `names` lists, per id, the names the contents give it; `blocks` are the contents' blocks (no
 * amount tables).
 */
export function readContents(blocks: readonly PlanBlock[]): {
  names: Map<string, string[]>;
  blocks: Set<number>;
} {
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
  return { names: contents, blocks: contentsBlocks };
}
