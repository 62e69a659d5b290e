/**
 * The package's bookkeeping (Open Packaging Conventions): which part is the
 * workbook, how parts point at each other (relationships, with relative or
 * absolute targets), and what each part is (content types). Read from the
 * zip on demand; each part at most once.
 */
import { PackageError, type Guard } from './guard';
import { entryText, findEntry, inflateEntry, type ZipArchive, type ZipEntry } from './zip';
import { CONTENT_TYPES_NS, PACKAGE_RELS_NS, parseXml, XmlBytes, XmlStream, type XmlHandler } from './xml';

export interface Relationship {
  readonly id: string;
  /** The last segment of the type (`worksheet`, `officeDocument`, `sharedStrings`, …): the same in strict and transitional. */
  readonly kind: string;
  readonly type: string;
  /** The target part's name, resolved (no leading slash); for an external target, the target as written. */
  readonly target: string;
  readonly external: boolean;
}

export interface ContentTypes {
  readonly defaults: ReadonlyMap<string, string>;
  readonly overrides: ReadonlyMap<string, string>;
}

/** The `_rels/x.rels` part holding the relationships of part `x`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target as a part name: relative to the source part's folder, or absolute. */
export function resolveTarget(source: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    // A stray % stays as written.
  }
  t = t.replace(/\\/g, '/');
  const hash = t.indexOf('#');
  if (hash >= 0) t = t.slice(0, hash);
  const segments = t.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const s of t.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') segments.pop();
    else segments.push(s);
  }
  return segments.join('/');
}

/** A read-only view of a package: its parts' text and relationships, read once. */
export class PackageReader {
  private readonly relsCache = new Map<string, readonly Relationship[]>();
  private contentTypesCache: ContentTypes | null = null;

  constructor(
    readonly zip: ZipArchive,
    readonly guard: Guard,
  ) {}

  entry(part: string): ZipEntry | undefined {
    return findEntry(this.zip, part);
  }

  has(part: string): boolean {
    return this.entry(part) !== undefined;
  }

  /** The part's text; `undefined` when there is no such part. */
  text(part: string): string | undefined {
    const e = this.entry(part);
    return e ? entryText(this.zip, e, this.guard) : undefined;
  }

  /** Streams the part through `handler` as it is inflated; false when there is no such part. */
  parse(part: string, handler: XmlHandler): boolean {
    const e = this.entry(part);
    if (!e) return false;
    const stream = new XmlBytes(new XmlStream(part, handler, this.guard));
    inflateEntry(this.zip, e, this.guard, (chunk) => stream.push(chunk));
    stream.end();
    return true;
  }

  /** The relationships of `part` (none when it has no rels part). */
  rels(part: string): readonly Relationship[] {
    const cached = this.relsCache.get(part);
    if (cached) return cached;
    const rels: Relationship[] = [];
    this.parse(relsPartOf(part), {
      open: (ns, local, a) => {
        if (local !== 'Relationship' || (ns !== PACKAGE_RELS_NS && ns !== '')) return;
        const target = a.Target ?? '';
        const external = (a.TargetMode ?? '').toLowerCase() === 'external';
        const type = a.Type ?? '';
        rels.push({
          id: a.Id ?? '',
          type,
          kind: type.slice(type.lastIndexOf('/') + 1),
          target: external ? target : resolveTarget(part, target),
          external,
        });
      },
      close: () => {},
    });
    this.relsCache.set(part, rels);
    return rels;
  }

  contentTypes(): ContentTypes {
    if (this.contentTypesCache) return this.contentTypesCache;
    const defaults = new Map<string, string>();
    const overrides = new Map<string, string>();
    const text = this.text('[Content_Types].xml');
    if (text !== undefined) {
      parseXml(
        '[Content_Types].xml',
        text,
        {
          open: (ns, local, a) => {
            if (ns !== CONTENT_TYPES_NS && ns !== '') return;
            if (local === 'Default' && a.Extension)
              defaults.set(a.Extension.toLowerCase(), a.ContentType ?? '');
            if (local === 'Override' && a.PartName)
              overrides.set(resolveTarget('', a.PartName).toLowerCase(), a.ContentType ?? '');
          },
          close: () => {},
        },
        this.guard,
      );
    }
    this.contentTypesCache = { defaults, overrides };
    return this.contentTypesCache;
  }

  /** The workbook part: the package's office document, or `xl/workbook.xml` as Excel falls back to. */
  workbookPart(): string {
    const doc = this.rels('').find((r) => r.kind === 'officeDocument' && !r.external);
    if (doc && this.has(doc.target)) return this.entry(doc.target)!.name;
    for (const fallback of ['xl/workbook.xml', 'xl/workbook.bin']) {
      const e = this.entry(fallback);
      if (e) return e.name;
    }
    throw new PackageError('not-workbook');
  }
}
