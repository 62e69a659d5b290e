/**
 * The workbook's cell formats (`xl/styles.xml`), added to and never
 * renumbered: the formats the new sheets need are appended after the
 * existing fonts, fills, borders, number formats, cell formats and
 * differential formats, so every index a user's sheet holds keeps meaning
 * what it meant. The part is edited as text: only the appended entries and
 * the `count` attributes of the lists they join change.
 */
import type { CellBorders, CellStyle, ConditionalFormatModel } from '../../domain/model';
import { XlsxModelError } from './errors';
import { esc, unescapeXml } from './xmlText';

/** The lists of styles.xml in the order the schema gives them. */
const ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
] as const;
type ListName = (typeof ORDER)[number];
const ITEM: Partial<Record<ListName, string>> = {
  numFmts: 'numFmt',
  fonts: 'font',
  fills: 'fill',
  borders: 'border',
  cellXfs: 'xf',
  dxfs: 'dxf',
};

/** Excel's default styles: for a new workbook, and one whose package has no styles part. */
export const MINIMAL_STYLES = (ns: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${ns}">` +
  '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>';

/** A cell's format as the writer asks for it: the model's style, with the number format to use. */
export interface XfRequest extends CellStyle {
  readonly numberFormat?: string;
  /** Unlocked cells stay editable on a protected sheet. */
  readonly unlocked?: boolean;
  /** The font's name (the sheet's font); the workbook's body font when left out. */
  readonly fontName?: string;
}

interface List {
  /** Items already in the part. */
  readonly existing: number;
  readonly added: string[];
  readonly keys: Map<string, number>;
}

const BUILTIN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '@': 49,
};

export class StylesEditor {
  private readonly prefix: string;
  private readonly lists = new Map<ListName, List>();
  private readonly formatIds = new Map<string, number>();
  private nextFormatId: number;
  /** The default font (font 0): the family every new font is written in. */
  private readonly baseFont: { name: string; size: string; family: string; scheme: string };

  constructor(private readonly original: string) {
    const root = /<([A-Za-z_][\w.-]*:)?styleSheet\b/.exec(original);
    if (!root) throw new XlsxModelError('styles.xml has no styleSheet element.');
    this.prefix = root[1] ?? '';
    let maxId = 163;
    for (const m of original.matchAll(new RegExp(`<${this.re('numFmt')}\\b([^>]*)>`, 'g'))) {
      const id = Number(/\bnumFmtId="(\d+)"/.exec(m[1])?.[1]);
      const code = /\bformatCode="([^"]*)"/.exec(m[1])?.[1];
      if (Number.isInteger(id)) {
        maxId = Math.max(maxId, id);
        if (code !== undefined) this.formatIds.set(unescapeXml(code), id);
      }
    }
    this.nextFormatId = maxId + 1;
    const font0 = new RegExp(
      `<${this.re('fonts')}\\b[^>]*>\\s*<${this.re('font')}\\b[^>]*>([\\s\\S]*?)</${this.re('font')}>`,
    ).exec(original)?.[1];
    const val = (tag: string) =>
      font0 ? new RegExp(`<${this.re(tag)}\\b[^>]*\\bval="([^"]*)"`).exec(font0)?.[1] : undefined;
    this.baseFont = {
      name: val('name') ?? 'Calibri',
      size: val('sz') ?? '11',
      family: val('family') ?? '2',
      scheme: val('scheme') ?? '',
    };
  }

  /** The workbook's body font (font 0's name), which new fonts and charts' text are written in. */
  get fontName(): string {
    return this.baseFont.name;
  }

  /** Formats asked for before, by a key of their fields (cheaper than building their XML). */
  private readonly xfCache = new Map<string, number>();

  /** The index in `cellXfs` of a format with this style (appended on first use). */
  xf(s: XfRequest): number {
    const b = s.border;
    const k =
      `${s.numberFormat ?? ''}\u0001${s.bold ? 1 : 0}${s.italic ? 1 : 0}${s.wrapText ? 1 : 0}${s.unlocked ? 1 : 0}` +
      `\u0001${s.fontSize ?? ''}\u0001${s.fontColor ?? ''}\u0001${s.fill ?? ''}\u0001${s.indent ?? ''}` +
      `\u0001${s.horizontalAlignment ?? ''}\u0001${s.verticalAlignment ?? ''}\u0001${s.fontName ?? ''}` +
      (b ? `\u0001${b.top ?? ''}.${b.bottom ?? ''}.${b.left ?? ''}.${b.right ?? ''}` : '');
    const known = this.xfCache.get(k);
    if (known !== undefined) return known;
    const index = this.newXf(s);
    this.xfCache.set(k, index);
    return index;
  }

  private newXf(s: XfRequest): number {
    const numFmtId = s.numberFormat === undefined ? 0 : this.numberFormat(s.numberFormat);
    const fontId = this.font(s);
    const fillId = s.fill === undefined ? 0 : this.fill(s.fill);
    const borderId = s.border === undefined ? 0 : this.border(s.border);
    let alignment = '';
    const horizontal = s.horizontalAlignment ?? (s.indent ? 'left' : undefined);
    const a: string[] = [];
    if (horizontal) a.push(`horizontal="${horizontal}"`);
    if (s.verticalAlignment)
      a.push(`vertical="${s.verticalAlignment === 'middle' ? 'center' : s.verticalAlignment}"`);
    if (s.wrapText) a.push('wrapText="1"');
    if (s.indent && s.indent > 0) a.push(`indent="${Math.floor(s.indent)}"`);
    if (a.length > 0) alignment = `<${this.p('alignment')} ${a.join(' ')}/>`;
    const protection = s.unlocked ? `<${this.p('protection')} locked="0"/>` : '';
    const attrs =
      `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      (numFmtId ? ' applyNumberFormat="1"' : '') +
      (fontId ? ' applyFont="1"' : '') +
      (fillId ? ' applyFill="1"' : '') +
      (borderId ? ' applyBorder="1"' : '') +
      (alignment ? ' applyAlignment="1"' : '') +
      (protection ? ' applyProtection="1"' : '');
    const xml =
      alignment || protection
        ? `<${this.p('xf')} ${attrs}>${alignment}${protection}</${this.p('xf')}>`
        : `<${this.p('xf')} ${attrs}/>`;
    return this.add('cellXfs', xml);
  }

  /** The index in `dxfs` of a conditional format's look. */
  dxf(cf: ConditionalFormatModel): number {
    let inner = '';
    if (cf.bold !== undefined || cf.fontColor !== undefined) {
      inner += `<${this.p('font')}>${cf.bold ? `<${this.p('b')}/>` : ''}${
        cf.fontColor ? `<${this.p('color')} rgb="${argb(cf.fontColor)}"/>` : ''
      }</${this.p('font')}>`;
    }
    if (cf.fill !== undefined) {
      inner += `<${this.p('fill')}><${this.p('patternFill')} patternType="solid"><${this.p('bgColor')} rgb="${argb(
        cf.fill,
      )}"/></${this.p('patternFill')}></${this.p('fill')}>`;
    }
    return this.add('dxfs', `<${this.p('dxf')}>${inner}</${this.p('dxf')}>`);
  }

  /** styles.xml with what was added; the original text when nothing was. */
  result(): string {
    let text = this.original;
    for (const name of ORDER) {
      const list = this.lists.get(name);
      if (!list || list.added.length === 0) continue;
      text = this.appendTo(text, name, list);
    }
    return text;
  }

  private numberFormat(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    const known = this.formatIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.formatIds.set(code, id);
    // Appended to numFmts like any list item; what counts is its id, not its position.
    this.add('numFmts', `<${this.p('numFmt')} numFmtId="${id}" formatCode="${esc(code)}"/>`);
    return id;
  }

  private font(s: XfRequest): number {
    if (
      s.bold === undefined &&
      s.italic === undefined &&
      s.fontSize === undefined &&
      s.fontColor === undefined &&
      s.fontName === undefined
    )
      return 0;
    const f = this.baseFont;
    // A font named by the sheet is that font: without a scheme, which would make Excel show the
    // theme's font instead of the name (`minor` is how a workbook's body font follows its theme).
    const named = s.fontName !== undefined;
    const xml =
      `<${this.p('font')}>` +
      (s.bold ? `<${this.p('b')}/>` : '') +
      (s.italic ? `<${this.p('i')}/>` : '') +
      `<${this.p('sz')} val="${s.fontSize ?? f.size}"/>` +
      (s.fontColor ? `<${this.p('color')} rgb="${argb(s.fontColor)}"/>` : `<${this.p('color')} theme="1"/>`) +
      `<${this.p('name')} val="${esc(s.fontName ?? f.name)}"/><${this.p('family')} val="${named ? 2 : f.family}"/>` +
      (!named && f.scheme ? `<${this.p('scheme')} val="${f.scheme}"/>` : '') +
      `</${this.p('font')}>`;
    return this.add('fonts', xml);
  }

  private fill(color: string): number {
    return this.add(
      'fills',
      `<${this.p('fill')}><${this.p('patternFill')} patternType="solid"><${this.p('fgColor')} rgb="${argb(
        color,
      )}"/><${this.p('bgColor')} indexed="64"/></${this.p('patternFill')}></${this.p('fill')}>`,
    );
  }

  private border(b: CellBorders): number {
    const side = (tag: string, w: string | undefined) =>
      w
        ? `<${this.p(tag)} style="${w}"><${this.p('color')} auto="1"/></${this.p(tag)}>`
        : `<${this.p(tag)}/>`;
    return this.add(
      'borders',
      `<${this.p('border')}>${side('left', b.left)}${side('right', b.right)}${side('top', b.top)}${side(
        'bottom',
        b.bottom,
      )}<${this.p('diagonal')}/></${this.p('border')}>`,
    );
  }

  /**
   * The item's index: an equal item in the part already (written so by an earlier write: the same
   * text) or added before, else the next after the part's own. A file written again and again
   * (the review log, the outputs) so keeps its styles as they are.
   */
  private add(name: ListName, xml: string): number {
    let list = this.lists.get(name);
    if (!list) {
      list = { existing: this.count(this.original, name), added: [], keys: this.items(this.original, name) };
      this.lists.set(name, list);
    }
    const known = list.keys.get(xml);
    if (known !== undefined) return known;
    const index = list.existing + list.added.length;
    list.added.push(xml);
    list.keys.set(xml, index);
    return index;
  }

  /** The list's own items in `text`, by their exact text, each at its (first) index. */
  private items(text: string, name: ListName): Map<string, number> {
    const out = new Map<string, number>();
    const section = this.section(text, name);
    if (!section || section.selfClosing) return out;
    const item = ITEM[name]!;
    const body = text.slice(section.bodyStart, section.bodyEnd);
    let depth = 0;
    let n = 0;
    let start = -1;
    const re = new RegExp(`<(/?)${this.re(item)}\\b[^>]*?(/?)>`, 'g');
    for (const m of body.matchAll(re)) {
      const at = m.index;
      if (m[1]) {
        if (--depth === 0 && start >= 0) {
          const xml = body.slice(start, at + m[0].length);
          if (!out.has(xml)) out.set(xml, n - 1);
        }
        continue;
      }
      if (depth === 0) {
        n++;
        start = at;
        if (m[2]) {
          const xml = m[0];
          if (!out.has(xml)) out.set(xml, n - 1);
          continue;
        }
      }
      if (!m[2]) depth++;
    }
    return out;
  }

  /** How many items the list holds in `text` (0 when it is not there). */
  private count(text: string, name: ListName): number {
    const section = this.section(text, name);
    if (!section || section.selfClosing) return 0;
    const item = ITEM[name]!;
    const body = text.slice(section.bodyStart, section.bodyEnd);
    // Only the list's own items: in `dxfs`, a `dxf` holds a font and a fill of its own.
    let depth = 0;
    let n = 0;
    const re = new RegExp(`<(/?)${this.re(item)}\\b[^>]*?(/?)>`, 'g');
    for (const m of body.matchAll(re)) {
      if (m[1]) depth--;
      else {
        if (depth === 0) n++;
        if (!m[2]) depth++;
      }
    }
    return n;
  }

  private section(
    text: string,
    name: ListName,
  ): { start: number; openEnd: number; bodyStart: number; bodyEnd: number; selfClosing: boolean } | null {
    const open = new RegExp(`<${this.re(name)}\\b([^>]*?)(/?)>`).exec(text);
    if (!open) return null;
    const start = open.index;
    const openEnd = start + open[0].length;
    if (open[2]) return { start, openEnd, bodyStart: openEnd, bodyEnd: openEnd, selfClosing: true };
    const close = text.indexOf(`</${this.p(name)}>`, openEnd);
    if (close < 0) throw new XlsxModelError(`styles.xml: ${name} is not closed.`);
    return { start, openEnd, bodyStart: openEnd, bodyEnd: close, selfClosing: false };
  }

  private appendTo(text: string, name: ListName, list: List): string {
    const total = list.existing + list.added.length;
    const items = list.added.join('');
    const s = this.section(text, name);
    if (s === null) {
      // Not there: inserted before the first list that follows it in the schema's order.
      const later = ORDER.slice(ORDER.indexOf(name) + 1)
        .map((n) => this.section(text, n)?.start)
        .find((i) => i !== undefined);
      const at = later ?? text.lastIndexOf(`</${this.p('styleSheet')}>`);
      return `${text.slice(0, at)}<${this.p(name)} count="${total}">${items}</${this.p(name)}>${text.slice(at)}`;
    }
    const openTag = text.slice(s.start, s.openEnd);
    const attrs = /\bcount="\d*"/.test(openTag)
      ? openTag.replace(/\bcount="\d*"/, `count="${total}"`)
      : openTag.replace(new RegExp(`^<${this.re(name)}`), `<${this.p(name)} count="${total}"`);
    if (s.selfClosing) {
      return `${text.slice(0, s.start)}${attrs.replace(/\s*\/>$/, '>')}${items}</${this.p(name)}>${text.slice(s.openEnd)}`;
    }
    return `${text.slice(0, s.start)}${attrs}${text.slice(s.openEnd, s.bodyEnd)}${items}${text.slice(s.bodyEnd)}`;
  }

  /** An element name with the part's prefix. */
  private p(local: string): string {
    return this.prefix + local;
  }

  /** The same, for a regular expression. */
  private re(local: string): string {
    return this.prefix.replace(/[.]/g, '\\.') + local;
  }
}

/** `#RRGGBB` as `FFRRGGBB` (opaque). */
function argb(color: string): string {
  const m = /^#?([0-9a-fA-F]{6})$/.exec(color);
  if (!m) throw new XlsxModelError(`colour ${JSON.stringify(color)} is not #RRGGBB.`);
  return 'FF' + m[1].toUpperCase();
}
