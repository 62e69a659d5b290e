/**
 * Plain text (a .txt file, or text pasted into the pane) as blocks: a line
 * with a tab is a table row (consecutive ones one table), a `- `/`• `/`* `
 * line a list item, a numbered short line (`1.`, `1.1`, `1.1a` then a title)
 * a heading, anything else a paragraph. Blank lines only separate.
 */
import type { PlanBlock } from './blocks';

/** A numbered heading: `1. Title`, `1.1 Title`, `1.1a Title`, `2.3.1 Title`. */
const NUMBERED = /^(\d{1,2}(?:\.\d{1,2})*)([a-z])?(\.)?\s+(\S.*)$/;
const BULLET = /^([-–•*▪·])\s+(.*)$/;
/** Longer than this, a numbered line is a sentence (`30. april møttes ...`), not a heading. */
const HEADING_MAX = 110;

/** The heading's level by its number (`1.` 1, `1.1` 2, `1.1a` 3), or null when the line is no heading. */
export function numberedHeadingLevel(line: string): number | null {
  const m = NUMBERED.exec(line);
  if (!m) return null;
  const [, num, letter, dot, title] = m;
  if (line.length > HEADING_MAX) return null;
  // `1. Innledning` needs the dot; `1.1 Title` may have it; `2010 var et år` is no heading.
  const parts = num.split('.');
  if (parts.length === 1 && !dot) return null;
  // A sentence ends with a full stop; a heading does not (dot leaders `.....` and a page number may follow).
  const stripped = title.replace(/\s*\.{2,}\s*\d*\s*$/, '');
  if (/[.!?]$/.test(stripped) && !/\.{2,}/.test(title)) return null;
  // A title does not start with a digit: `1. 500.000` is an amount.
  if (/^\d/.test(title)) return null;
  return parts.length + (letter ? 1 : 0);
}

export function textToBlocks(text: string): PlanBlock[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const blocks: PlanBlock[] = [];
  let table: { rows: string[][]; rowOrigins: { line: number }[]; origin: { line: number } } | null = null;
  const flush = () => {
    if (table) blocks.push({ kind: 'table', ...table });
    table = null;
  };
  lines.forEach((raw, i) => {
    const line = i + 1;
    // Trailing tabs stay: `Innovasjon Norge,<TAB>` is a table row with an empty amount.
    const text = raw.replace(/\u00A0/g, ' ').replace(/[^\S\t]+$/, '');
    if (text.trim() === '') {
      // A blank line ends a table only when what follows is not another row of it.
      const next = lines.slice(i + 1).find((l) => l.trim() !== '');
      if (next === undefined || !next.includes('\t')) flush();
      return;
    }
    if (text.includes('\t')) {
      const cells = text.split('\t').map((c) => c.trim());
      table ??= { rows: [], rowOrigins: [], origin: { line } };
      table.rows.push(cells);
      table.rowOrigins.push({ line });
      return;
    }
    const trimmed = text.trim();
    // Inside a table, a group header typed without its tab (`Akershus fylkeskommune:`) is still a
    // row of it when the table goes on after it.
    const next = lines.slice(i + 1).find((l) => l.trim() !== '');
    if (table && /[:,]$/.test(trimmed) && trimmed.length <= 60 && next?.includes('\t')) {
      table.rows.push([trimmed]);
      table.rowOrigins.push({ line });
      return;
    }
    flush();
    const bullet = BULLET.exec(trimmed);
    if (bullet) {
      const indent = /^\s*/.exec(text)![0].length;
      blocks.push({ kind: 'listItem', text: bullet[2].trim(), level: indent >= 2 ? 2 : 1, origin: { line } });
      return;
    }
    const level = numberedHeadingLevel(trimmed);
    if (level !== null) blocks.push({ kind: 'heading', level, text: trimmed, origin: { line } });
    else blocks.push({ kind: 'paragraph', text: trimmed, origin: { line } });
  });
  flush();
  return blocks;
}
