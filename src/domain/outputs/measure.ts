/**
 * How much room a text takes in a cell: the one text-fitting rule of every output sheet.
 *
 * The outputs are written in one font, named in the file (BODY_FONT: Calibri, Excel's body font
 * before Aptos; every Office has it, and LibreOffice renders it with Carlito, which has the same
 * metrics). Widths are Calibri's advance widths (thousandths of an em, from the font's metrics
 * table), per character for ASCII and the Norwegian letters, per class for everything else, so
 * that a layout can tell whether a text fits its column, how many lines it wraps to, and how
 * tall its row must be. A text taller than Excel's tallest row (409 pt) is cut into chunks at
 * line breaks, each written in a row of its own below the first, so that no row is taller than
 * Excel allows and nothing is lost.
 *
 * The rule errs on the wide side (bold is taken 5 % wider than the font's own bold; a line breaks
 * only at spaces, where Excel and LibreOffice may also break after a hyphen), so a text measured
 * to fit does fit; a renderer that fits more on a line leaves some room below the text.
 */

/** The font every output sheet names for its cells. */
export const BODY_FONT = { name: 'Calibri', size: 11 } as const;

/** Excel's tallest row, in points: a taller one is refused (Office.js) or cut (a file). */
export const MAX_ROW_HEIGHT = 409;

/** Pixels of the widest digit of the body font at 96 dpi: the unit of Excel's column widths. */
const DIGIT_PX = 7;
/** Pixels of a cell's width that text cannot use: Excel's margins on both sides, and a pixel of grid. */
const CELL_PADDING_PX = 7;
const PX_TO_PT = 0.75;

/** Advance widths of ' ' (32) to '~' (126), in thousandths of an em, rounded up (Calibri Regular). */
// prettier-ignore
const ASCII = [
  227, 326, 401, 499, 507, 715, 683, 221, 304, 304, 499, 499, 250, 307, 253, 387,
  507, 507, 507, 507, 507, 507, 507, 507, 507, 507, 268, 268, 499, 499, 499, 464,
  895, 579, 544, 534, 616, 489, 460, 631, 624, 252, 319, 520, 421, 855, 646, 663,
  517, 673, 543, 460, 488, 642, 568, 890, 520, 488, 469, 307, 387, 307, 499, 499,
  292, 480, 526, 423, 526, 498, 306, 471, 526, 230, 240, 455, 230, 799, 526, 528,
  526, 526, 349, 392, 335, 526, 452, 715, 434, 453, 396, 315, 461, 315, 499,
];

// prettier-ignore
/** Letters and signs of Norwegian text outside ASCII. */
const OTHER: Readonly<Record<string, number>> = {
  æ: 773, ø: 530, å: 480, Æ: 764, Ø: 664, Å: 579, é: 498, è: 498, ü: 526, ö: 528, ä: 480,
  Ä: 579, Ö: 663, Ü: 642, '–': 499, '—': 906, '«': 513, '»': 513, '…': 691, '’': 250, '‘': 250,
  '“': 419, '”': 419, '€': 507, '§': 499, '\u00a0': 227, '\u202f': 227,
};

/** Width of a character not in the tables, by class (thousandths of an em). */
function classWidth(code: number): number {
  if (code < 32 || (code >= 0x300 && code < 0x370) || code === 0x200b || code === 0xad) return 0;
  // CJK, Hangul, full-width forms and emoji: a full em.
  if (
    (code >= 0x1100 && code < 0x1200) ||
    (code >= 0x2e80 && code < 0xa4d0) ||
    (code >= 0xac00 && code < 0xd7a4) ||
    (code >= 0xf900 && code < 0xfb00) ||
    (code >= 0xfe30 && code < 0xfe50) ||
    (code >= 0xff00 && code < 0xff61) ||
    code >= 0x1f000
  )
    return 1000;
  const c = String.fromCodePoint(code);
  if (c !== c.toLowerCase()) return 680; // a capital letter: as wide as Calibri's widest common ones
  return 560;
}

/** The width of one character (a code point), in thousandths of an em. */
function charWidth(code: number): number {
  if (code >= 32 && code <= 126) return ASCII[code - 32];
  return OTHER[String.fromCodePoint(code)] ?? classWidth(code);
}

/** How a cell's text is drawn. */
export interface TextFont {
  /** Points; BODY_FONT's by default. */
  readonly size?: number;
  readonly bold?: boolean;
}

const BOLD = 1.05;

/** The width of a text on one line, in points. */
export function textWidth(text: string, font: TextFont = {}): number {
  let units = 0;
  for (const ch of text) units += charWidth(ch.codePointAt(0)!);
  return (units / 1000) * (font.size ?? BODY_FONT.size) * (font.bold ? BOLD : 1);
}

/** The width in points a text can use in a column block this many characters wide (Excel's unit). */
export function usableWidth(widthChars: number): number {
  return Math.max(1, (widthChars * DIGIT_PX - CELL_PADDING_PX) * PX_TO_PT);
}

/** The width in points a column block of this many characters takes on paper (at 100 %). */
export function columnPoints(widthChars: number): number {
  return widthChars * DIGIT_PX * PX_TO_PT;
}

/** The column width (characters) that holds a text of this width in points on one line. */
export function charsFor(points: number): number {
  return Math.ceil(((points / PX_TO_PT + CELL_PADDING_PX) / DIGIT_PX) * 4) / 4;
}

/** Points of one line of text: Excel's row of the body font is 15 pt for 11 pt text. */
export function lineHeight(size: number = BODY_FONT.size): number {
  return Math.ceil(((size * 15) / 11) * 4) / 4;
}

/** Lines of this font a row can hold within Excel's 409 pt. */
export function maxLinesPerRow(font: TextFont = {}): number {
  return Math.max(1, Math.floor(MAX_ROW_HEIGHT / lineHeight(font.size)));
}

/** A line of wrapped text: where it starts and ends in the text (UTF-16 offsets, end exclusive). */
export interface LineSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * The text broken into the lines a wrapping cell shows: at line feeds, at spaces where the next
 * word would pass the width, and inside a word that is wider than the width by itself. The spaces
 * a line breaks at belong to neither line.
 */
export function wrapLines(text: string, widthPt: number, font: TextFont = {}): LineSpan[] {
  const scale = ((font.size ?? BODY_FONT.size) * (font.bold ? BOLD : 1)) / 1000;
  const max = widthPt / scale;
  const space = charWidth(32);
  const lines: LineSpan[] = [];
  let start = 0;
  while (start <= text.length) {
    const feed = text.indexOf('\n', start);
    const stop = feed < 0 ? text.length : feed;
    wrapParagraph(text, start, stop, max, space, lines);
    if (feed < 0) break;
    start = feed + 1;
  }
  return lines;
}

function wrapParagraph(
  text: string,
  from: number,
  to: number,
  max: number,
  space: number,
  out: LineSpan[],
): void {
  let lineStart = from;
  let lineEnd = from;
  let units = 0;
  let i = from;
  while (i < to) {
    // The next word (up to a space) and its width.
    let j = i;
    let word = 0;
    while (j < to && text.charCodeAt(j) !== 32) {
      const code = text.codePointAt(j)!;
      word += charWidth(code);
      j += code > 0xffff ? 2 : 1;
    }
    const empty = lineEnd === lineStart;
    // Spaces between the line's end and this word (kept when the word stays on the line).
    const gap = empty ? 0 : (i - lineEnd) * space;
    if (!empty && units + gap + word > max) {
      out.push({ start: lineStart, end: lineEnd });
      lineStart = i;
      lineEnd = i;
      units = 0;
    }
    if (lineEnd === lineStart && word > max) {
      // A word wider than the cell: broken where the width ends, as Excel and LibreOffice do.
      let k = i;
      while (k < j) {
        const code = text.codePointAt(k)!;
        const w = charWidth(code);
        if (lineEnd > lineStart && units + w > max) {
          out.push({ start: lineStart, end: lineEnd });
          lineStart = k;
          units = 0;
        }
        k += code > 0xffff ? 2 : 1;
        lineEnd = k;
        units += w;
      }
    } else {
      units += (lineEnd === lineStart ? 0 : (i - lineEnd) * space) + word;
      lineEnd = j;
    }
    i = j;
    while (i < to && text.charCodeAt(i) === 32) i++;
    // Spaces at the very start of a line are part of it.
    if (lineEnd === lineStart && i > lineEnd) {
      units += (i - lineEnd) * space;
      lineEnd = i;
    }
  }
  out.push({ start: lineStart, end: lineEnd });
}

/** A piece of a text written in one row: its text and the lines it wraps to there. */
export interface TextChunk {
  readonly text: string;
  readonly lines: number;
}

/**
 * A text cut into chunks of at most `maxLinesPerRow` wrapped lines each, at line breaks (the
 * space or line feed at a cut is dropped): the first goes in the text's own row, each other one
 * in a row below. One chunk, the whole text, when it fits in one row, however many lines it
 * takes there.
 */
export function fitText(text: string, widthPt: number, font: TextFont = {}): TextChunk[] {
  if (!text.includes('\n') && textWidth(text, font) <= widthPt) return [{ text, lines: 1 }];
  const lines = wrapLines(text, widthPt, font);
  const perRow = maxLinesPerRow(font);
  if (lines.length <= perRow) return [{ text, lines: lines.length }];
  const chunks: TextChunk[] = [];
  for (let i = 0; i < lines.length; i += perRow) {
    const part = lines.slice(i, i + perRow);
    chunks.push({ text: text.slice(part[0].start, part[part.length - 1].end), lines: part.length });
  }
  return chunks;
}

/** The height in points of a row showing this many lines of text of this size (at most 409). */
export function rowHeightFor(lines: number, size: number = BODY_FONT.size): number {
  return Math.min(MAX_ROW_HEIGHT, Math.max(1, lines) * lineHeight(size));
}
