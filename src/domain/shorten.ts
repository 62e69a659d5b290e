/**
 * How user text is quoted: a label, a name or a register field inside a
 * message, a report line or a cell the outputs compose stays readable however
 * long the original is (Excel allows 32 767 characters in a cell). The user's
 * own text copied as a value is never cut here: it came from a cell, so it
 * fits one.
 */

/** Characters a quote keeps at most, the ellipsis included. */
export const QUOTE_MAX = 100;

/** Excel's limit on the text of one cell, in UTF-16 code units (what Excel and `.length` count). */
export const EXCEL_CELL_TEXT_MAX = 32_767;

const ELLIPSIS = '…';

/**
 * `text` when it has at most `max` characters; else its beginning and `…`, `max` characters in
 * all. The cut never splits a surrogate pair (an emoji stays whole or goes whole).
 */
export function shorten(text: string, max: number = QUOTE_MAX): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - ELLIPSIS.length);
  const last = text.charCodeAt(end - 1);
  // A high surrogate whose low half would be cut off goes with it.
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end).trimEnd() + ELLIPSIS;
}

/**
 * A list of names for a message: at most `maxItems` of them, each shortened, then what `more` says
 * about the rest (`… og 188 til`). Never the whole of a 200-sheet workbook.
 */
export function nameList(
  names: readonly string[],
  more: (count: number) => string,
  maxItems = 12,
  separator = ', ',
): string {
  // One over the bound is shown rather than "and 1 more", which is no shorter.
  const shown = names.length <= maxItems + 1 ? names : names.slice(0, maxItems);
  const list = shown.map((n) => shorten(n)).join(separator);
  return shown.length < names.length ? `${list} ${more(names.length - shown.length)}` : list;
}

/** User text quoted in a message: between «guillemets», shortened. */
export function quote(text: string | undefined): string {
  return `«${shorten(text ?? '')}»`;
}
