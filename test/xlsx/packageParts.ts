/**
 * Reading a written package's parts as a reader would: XML with namespaces resolved, parts found
 * through relationships (never by their names), content types, and a sheet's charts read back
 * into the model's terms. For the chart tests (test/xlsx/chart.test.ts and the LibreOffice one,
 * which reads what LibreOffice saves).
 */
import { strFromU8 } from 'fflate';
import { SaxesParser } from 'saxes';

export interface El {
  readonly local: string;
  readonly uri: string;
  /** By qualified and by local name. */
  readonly attrs: Record<string, string>;
  readonly children: El[];
  text: string;
}

export function parseXml(text: string): El {
  const parser = new SaxesParser({ xmlns: true });
  const root: El = { local: '#document', uri: '', attrs: {}, children: [], text: '' };
  const stack = [root];
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      attrs[a.name] = a.value;
      attrs[a.local] ??= a.value;
    }
    const el: El = { local: tag.local, uri: tag.uri, attrs, children: [], text: '' };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  parser.on('text', (t) => (stack[stack.length - 1].text += t));
  parser.on('closetag', () => void stack.pop());
  parser.write(text).close();
  return root.children[0];
}

/** Every descendant with this local name, in document order. */
export const all = (el: El, local: string): El[] =>
  el.children.flatMap((c) => [...(c.local === local ? [c] : []), ...all(c, local)]);

/** The one descendant with this local name (throws when there are none or several). */
export const one = (el: El, local: string): El => {
  const found = all(el, local);
  if (found.length !== 1) throw new Error(`${found.length} <${local}> in <${el.local}>`);
  return found[0];
};

export const val = (el: El, local: string) => one(el, local).attrs.val;

export type Parts = Record<string, Uint8Array>;

export const partText = (parts: Parts, name: string) => strFromU8(parts[name]);

/** `../drawings/drawing1.xml` from `xl/worksheets/sheet6.xml` → `xl/drawings/drawing1.xml`. */
function resolve(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return new URL(target, `file:///${from}`).pathname.slice(1);
}

export interface Rel {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

export function relsOf(parts: Parts, part: string): Rel[] {
  const name = part === '' ? '_rels/.rels' : part.replace(/([^/]+)$/, '_rels/$1.rels');
  if (!(name in parts)) return [];
  return all(parseXml(partText(parts, name)), 'Relationship').map((r) => {
    const external = r.attrs.TargetMode === 'External';
    return {
      id: r.attrs.Id,
      type: r.attrs.Type,
      target: external ? r.attrs.Target : resolve(part, r.attrs.Target),
      external,
    };
  });
}

/** The workbook part, from the package's relationships. */
export function workbookPart(parts: Parts): string {
  return relsOf(parts, '').find((r) => r.type.endsWith('/officeDocument'))!.target;
}

export function sheetPart(parts: Parts, sheet: string): string {
  const wbPart = workbookPart(parts);
  const wb = parseXml(partText(parts, wbPart));
  const el = all(wb, 'sheet').find((s) => s.attrs.name === sheet);
  if (!el) throw new Error(`no sheet ${sheet}`);
  return relsOf(parts, wbPart).find((r) => r.id === el.attrs['r:id'])!.target;
}

/** Part name (without the leading `/`) → content type, from the overrides. */
export function contentTypes(parts: Parts): Map<string, string> {
  const ct = parseXml(partText(parts, '[Content_Types].xml'));
  return new Map(all(ct, 'Override').map((o) => [o.attrs.PartName.slice(1), o.attrs.ContentType]));
}

export interface AnchorPoint {
  readonly col: number;
  readonly colOff: number;
  readonly row: number;
  readonly rowOff: number;
}

export interface PlacedChart {
  readonly from: AnchorPoint;
  readonly to: AnchorPoint;
  /** The frame's `cNvPr` attributes (name, descr). */
  readonly frame: Record<string, string>;
  readonly part: string;
  readonly relType: string;
  readonly chart: El;
}

/** The sheet's drawing and the charts it places, followed through the relationships; null without one. */
export function chartsOf(parts: Parts, sheet: string) {
  const part = sheetPart(parts, sheet);
  const xml = parseXml(partText(parts, part));
  if (all(xml, 'drawing').length === 0) return null;
  const drawingRel = relsOf(parts, part).find((r) => r.id === one(xml, 'drawing').attrs['r:id'])!;
  const drawing = parseXml(partText(parts, drawingRel.target));
  const chartRels = relsOf(parts, drawingRel.target);
  const anchors: PlacedChart[] = all(drawing, 'twoCellAnchor')
    .filter((a) => all(a, 'chart').length === 1)
    .map((a) => {
      const chartRel = chartRels.find((r) => r.id === one(a, 'chart').attrs['r:id'])!;
      const at = (p: El) => ({
        col: Number(one(p, 'col').text),
        colOff: Number(one(p, 'colOff').text),
        row: Number(one(p, 'row').text),
        rowOff: Number(one(p, 'rowOff').text),
      });
      return {
        from: at(one(a, 'from')),
        to: at(one(a, 'to')),
        frame: one(a, 'cNvPr').attrs,
        part: chartRel.target,
        relType: chartRel.type,
        chart: parseXml(partText(parts, chartRel.target)),
      };
    });
  return { sheetPart: part, sheetXml: xml, drawingRel, drawing, anchors };
}

export interface ReadSeries {
  readonly name: string;
  readonly values: string;
  readonly categories: string;
  readonly valueCount: number;
  /** Point index → cached text. */
  readonly valueCache: Record<number, string>;
  readonly categoryCache: Record<number, string>;
  /** The fill's `RRGGBB` (upper case), when the series sets one. */
  readonly color: string | undefined;
}

/** A chart part read back into the model's terms (bar charts only). */
export function readChart(chart: El) {
  const bar = one(chart, 'barChart');
  const series: ReadSeries[] = all(bar, 'ser').map((s) => {
    const cat = one(s, 'cat');
    const v = one(s, 'val');
    const points = (cache: El) =>
      Object.fromEntries(all(cache, 'pt').map((p) => [Number(p.attrs.idx), one(p, 'v').text]));
    const categoryCache = all(cat, 'strCache')[0] ?? all(cat, 'numCache')[0];
    const fill = s.children.find((c) => c.local === 'spPr');
    return {
      name: all(one(s, 'tx'), 'v')[0]?.text ?? '',
      values: one(v, 'f').text,
      categories: one(cat, 'f').text,
      valueCount: Number(val(one(v, 'numCache'), 'ptCount')),
      valueCache: points(one(v, 'numCache')),
      categoryCache: categoryCache ? points(categoryCache) : {},
      color: fill ? all(fill, 'srgbClr')[0]?.attrs.val.toUpperCase() : undefined,
    };
  });
  return {
    barDir: val(bar, 'barDir'),
    grouping: val(bar, 'grouping'),
    title: all(one(chart, 'title'), 't')
      .map((t) => t.text)
      .join(''),
    series,
    axes: [all(chart, 'catAx').length, all(chart, 'valAx').length],
  };
}
