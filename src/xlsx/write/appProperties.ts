/**
 * `docProps/app.xml` (the extended properties) lists the workbook's sheets by
 * kind for file browsers and search: `HeadingPairs` counts each kind
 * ("Worksheets" 4, "Named Ranges" 2 — in the language of the application that
 * wrote it) and `TitlesOfParts` names them in that order. Excel rewrites both
 * on save and reads neither; a copy with sheets added should still not
 * describe the old workbook.
 *
 * The edit is made only when the part lists the original worksheets exactly
 * (one heading group whose titles are the worksheets' names in tab order):
 * then that group's count and titles become the new worksheets'. A part in
 * any other shape is left byte for byte — a guess would be worse than a
 * stale list.
 */
import { escText, unescapeXml } from './xmlText';

/** The part's text with the worksheets listed as `after`, or null to leave the part as it is. */
export function editAppProperties(
  text: string,
  before: readonly string[],
  after: readonly string[],
): string | null {
  if (before.length === after.length && before.every((n, i) => n === after[i])) return null;
  const titles = vectorIn(text, 'TitlesOfParts');
  const headings = vectorIn(text, 'HeadingPairs');
  if (!titles || !headings) return null;
  const names = elements(titles.body, 'lpstr').map((e) => unescapeXml(e.inner));
  if (names.length !== titles.size) return null;

  // The heading pairs: (name, count) in order; the titles are grouped by them.
  const variants = elements(headings.body, 'variant');
  if (variants.length !== headings.size || variants.length % 2 !== 0) return null;
  let offset = 0;
  for (let i = 0; i < variants.length; i += 2) {
    const countEl = /<([\w.-]+:)?i4>\s*(\d+)\s*<\/\1?i4>/.exec(variants[i + 1].inner);
    if (!countEl) return null;
    const count = Number(countEl[2]);
    const group = names.slice(offset, offset + count);
    if (count === before.length && group.length === count && group.every((n, k) => n === before[k])) {
      return rewrite(text, titles, headings, variants[i + 1], countEl, offset, count, names, after);
    }
    offset += count;
  }
  return null;
}

interface Span {
  /** Where the element starts and ends in the text it was found in. */
  readonly start: number;
  readonly end: number;
  readonly inner: string;
  readonly innerStart: number;
}

interface Vector extends Span {
  readonly size: number;
  readonly body: string;
  /** The `size="…"` attribute's value position in the text. */
  readonly sizeAt: number;
  readonly sizeText: string;
  readonly prefix: string;
}

/** The `<vt:vector>` inside the element `local` (any prefixes). */
function vectorIn(text: string, local: string): Vector | null {
  const outer = elements(text, local)[0];
  if (!outer) return null;
  const m = /<([\w.-]+:)?vector\b([^>]*)>([\s\S]*?)<\/\1?vector>/.exec(outer.inner);
  if (!m) return null;
  const sizeMatch = /\bsize="(\d+)"/.exec(m[2]);
  if (!sizeMatch) return null;
  const start = outer.innerStart + m.index;
  const attrsAt = start + 1 + (m[1] ?? '').length + 'vector'.length;
  return {
    start,
    end: start + m[0].length,
    inner: m[3],
    innerStart: start + m[0].indexOf('>') + 1,
    size: Number(sizeMatch[1]),
    body: m[3],
    sizeAt: attrsAt + sizeMatch.index + 'size="'.length,
    sizeText: sizeMatch[1],
    prefix: m[1] ?? '',
  };
}

/** Every `local` element (any prefix, not nested in itself) of `text`, with positions. */
function elements(text: string, local: string): Span[] {
  const re = new RegExp(`<([\\w.-]+:)?${local}\\b[^>]*>([\\s\\S]*?)</\\1?${local}>`, 'g');
  const out: Span[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const innerStart = m.index + m[0].indexOf('>') + 1;
    out.push({ start: m.index, end: m.index + m[0].length, inner: m[2], innerStart });
  }
  return out;
}

function rewrite(
  text: string,
  titles: Vector,
  headings: Vector,
  countVariant: Span,
  countEl: RegExpExecArray,
  offset: number,
  count: number,
  names: readonly string[],
  after: readonly string[],
): string {
  const p = titles.prefix;
  const newNames = [...names.slice(0, offset), ...after, ...names.slice(offset + count)];
  const titlesBody = newNames.map((n) => `<${p}lpstr>${escText(n)}</${p}lpstr>`).join('');
  // Edits from the end of the text backwards, so earlier positions stay true.
  const edits: { at: number; end: number; text: string }[] = [
    { at: titles.innerStart, end: titles.innerStart + titles.inner.length, text: titlesBody },
    { at: titles.sizeAt, end: titles.sizeAt + titles.sizeText.length, text: String(newNames.length) },
  ];
  const countAt = headings.innerStart + countVariant.innerStart + countEl.index;
  const countText = countEl[0].replace(/>\s*\d+\s*</, `>${after.length}<`);
  edits.push({ at: countAt, end: countAt + countEl[0].length, text: countText });
  edits.sort((a, b) => b.at - a.at);
  let out = text;
  for (const e of edits) out = out.slice(0, e.at) + e.text + out.slice(e.end);
  return out;
}
