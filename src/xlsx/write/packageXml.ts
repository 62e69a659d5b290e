/**
 * The package's bookkeeping parts as text: relationships (a new id, a `<Relationship>`, a rels
 * part, a target relative to its source, a rels part edited) and `[Content_Types].xml` edited.
 * Edited element by element, so whatever else the parts hold stays as written.
 */
import { XlsxModelError } from './errors';
import { escAttr } from './xmlText';

/** A relationship id not in `ids` (then added to it). */
export function newRelIdIn(ids: Set<string>): string {
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  ids.add(`rId${n}`);
  return `rId${n}`;
}

/** A `<Relationship>` element. */
export function relationship(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="${type}" Target="${escAttr(target)}"/>`;
}

/** A relationships part holding `rels`. */
export function relsXml(rels: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
}

/** The part whose relationships a `_rels/….rels` part holds; null for any other part. */
export function sourceOfRels(name: string): string | null {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(name);
  return m ? m[1] + m[2] : null;
}

/** A target for a relationship of `source`, relative to its folder. */
export function relativeTarget(source: string, target: string): string {
  const from = source.split('/').slice(0, -1);
  const to = target.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

/** A rels part with relationships dropped (by id) and added. */
export function editRels(text: string, drop: ReadonlySet<string>, add: readonly string[]): string {
  let out = text.replace(
    /<(?:[\w.-]+:)?Relationship\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?Relationship>)/g,
    (el) => {
      const id = /\bId="([^"]*)"/.exec(el)?.[1];
      return id !== undefined && drop.has(id) ? '' : el;
    },
  );
  const close = /<\/([\w.-]+:)?Relationships>\s*$/.exec(out);
  if (!close) throw new XlsxModelError('The workbook relationships part has no end.');
  const prefix = close[1] ?? '';
  const added = prefix ? add.map((r) => r.replace(/^<Relationship/, `<${prefix}Relationship`)) : add;
  out = out.slice(0, close.index) + added.join('') + out.slice(close.index);
  return out;
}

/** Content types with removed parts' overrides dropped and the given overrides set. */
export function editContentTypes(
  text: string,
  removed: readonly string[],
  set: ReadonlyMap<string, string>,
): string {
  const drop = new Set([...removed, ...set.keys()].map((p) => `/${p}`.toLowerCase()));
  let out = text.replace(/<(?:[\w.-]+:)?Override\b[^>]*\/>/g, (el) => {
    const name = /\bPartName="([^"]*)"/.exec(el)?.[1];
    let decoded = name ?? '';
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      // as written
    }
    return name !== undefined && drop.has(decoded.toLowerCase()) ? '' : el;
  });
  const close = /<\/([\w.-]+:)?Types>\s*$/.exec(out);
  if (!close) throw new XlsxModelError('[Content_Types].xml has no end.');
  const prefix = close[1] ?? '';
  const adds = [...set].map(
    ([part, type]) => `<${prefix}Override PartName="/${escAttr(part)}" ContentType="${type}"/>`,
  );
  out = out.slice(0, close.index) + adds.join('') + out.slice(close.index);
  return out;
}
