/**
 * XML parts read as a stream of elements with their namespaces resolved, on
 * saxes (a strict, non-validating XML parser). SpreadsheetML is written with
 * any prefix (`<x:workbook xmlns:x="…">` by .NET's Open XML SDK, none by
 * Excel), in the transitional or the strict namespaces: handlers see an
 * element's namespace URI and local name, never its prefix.
 *
 * A document type declaration is refused: the parts of a package have none,
 * and one is how entity-expansion attacks begin (saxes expands no entity of
 * its own; this says so in words instead of "undefined entity").
 */
import { SaxesParser, type SaxesOptions } from 'saxes';
import { PackageError, type Guard } from './guard';

const MAIN_TRANSITIONAL = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const MAIN_STRICT = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
/** SpreadsheetML's main namespace, transitional and strict. */
export const MAIN_NS: ReadonlySet<string> = new Set([MAIN_TRANSITIONAL, MAIN_STRICT]);

/**
 * Whether `ns` (as handed to a handler: interned) is SpreadsheetML's main namespace: compared by
 * identity first, which is what makes it cheap for every element of a sheet.
 */
export function isMain(ns: string): boolean {
  return ns === MAIN_TRANSITIONAL || ns === MAIN_STRICT;
}
/** The relationships namespace of `r:id` attributes, transitional and strict. */
export const REL_NS = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'http://purl.oclc.org/ooxml/officeDocument/relationships',
]);
export const PACKAGE_RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const CONTENT_TYPES_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';

export type Attributes = Readonly<Record<string, string>>;

export interface XmlHandler {
  /** An element opens; `ns` is its namespace URI ('' when none). */
  open(ns: string, local: string, attrs: Attributes, scope: Scope): void;
  close(ns: string, local: string): void;
  /** Character data (text and CDATA, entities decoded). Optional. */
  text?(text: string): void;
}

/** The namespace prefixes in effect at an element. */
export class Scope {
  constructor(
    private readonly prefixes: ReadonlyMap<string, string>,
    readonly parent: Scope | null,
  ) {}

  uri(prefix: string): string {
    return this.prefixes.get(prefix) ?? '';
  }

  /** An attribute by namespace and local name (`r:id` whatever the prefix), if present. */
  attr(attrs: Attributes, namespaces: ReadonlySet<string>, local: string): string | undefined {
    for (const key in attrs) {
      const colon = key.indexOf(':');
      if (colon < 0 || key.slice(colon + 1) !== local) continue;
      if (namespaces.has(this.uri(key.slice(0, colon)))) return attrs[key];
    }
    return undefined;
  }

  /** The scope of an element with these attributes: itself when it declares no namespace. */
  enter(attrs: Attributes): Scope {
    let map: Map<string, string> | null = null;
    for (const key in attrs) {
      if (key.charCodeAt(0) !== 120 /* x */ || !key.startsWith('xmlns')) continue;
      if (key.length !== 5 && key.charCodeAt(5) !== 58 /* : */) continue;
      map ??= new Map(this.prefixes);
      map.set(key.length === 5 ? '' : key.slice(6), intern(attrs[key]));
    }
    return map === null ? this : new Scope(map, this);
  }
}

/** Without saxes's own namespace processing (done here, lazily, for speed): attributes are strings. */
type PlainOptions = SaxesOptions & { xmlns?: false };

interface QName {
  readonly prefix: string;
  readonly local: string;
  readonly hot: boolean;
  /** The namespace last resolved for this name, and in which scope. */
  scope: Scope | null;
  ns: string;
}

/**
 * The known namespaces and names as the very strings of this module: parsed text is compared by
 * its characters, a string constant by identity; handlers compare each element's names.
 */
const INTERNED = new Map<string, string>(
  [
    ...MAIN_NS,
    ...REL_NS,
    PACKAGE_RELS_NS,
    CONTENT_TYPES_NS,
    ...['c', 'v', 'f', 'is', 't', 'r', 'rPh', 'row', 'si', 'sheetData', 'sheet', 'sheets', 'definedName'],
    ...['workbookPr', 'cellXfs', 'xf', 'alignment', 'Relationship', 'Default', 'Override'],
  ].map((s) => [s, s]),
);

function intern(s: string): string {
  return INTERNED.get(s) ?? s;
}

const HOT = new Set(['c', 'v', 'f', 'is', 't', 'r', 'rPr', 'row', 'si']);
const qnames = new Map<string, QName>();

/** The unprefixed hot names, found without hashing the parser's fresh string. */
const Q_C = qualifiedSlow('c');
const Q_V = qualifiedSlow('v');
const Q_T = qualifiedSlow('t');
const Q_IS = qualifiedSlow('is');
const Q_ROW = qualifiedSlow('row');

/** A qualified name split at its colon, once per distinct name. */
function qualified(name: string): QName {
  switch (name) {
    case 'c':
      return Q_C;
    case 'v':
      return Q_V;
    case 't':
      return Q_T;
    case 'is':
      return Q_IS;
    case 'row':
      return Q_ROW;
  }
  return qualifiedSlow(name);
}

function qualifiedSlow(name: string): QName {
  let q = qnames.get(name);
  if (q === undefined) {
    const colon = name.indexOf(':');
    const local = intern(colon < 0 ? name : name.slice(colon + 1));
    q = { prefix: colon < 0 ? '' : name.slice(0, colon), local, hot: HOT.has(local), scope: null, ns: '' };
    // Names are few in any real part; a hostile part with millions of distinct names is not cached.
    if (qnames.size < 10_000) qnames.set(name, q);
  }
  return q;
}

/** The name's namespace URI in `scope` (resolved again only when the scope changed). */
function nsOf(q: QName, scope: Scope): string {
  if (q.scope !== scope) {
    q.ns = scope.uri(q.prefix);
    q.scope = scope;
  }
  return q.ns;
}

const ROOT_SCOPE = new Scope(new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), null);

/** A parser fed in pieces (`write`), then `end()`. Errors become `PackageError` naming the part. */
export class XmlStream {
  private readonly parser: SaxesParser<PlainOptions>;
  private scope: Scope = ROOT_SCOPE;
  /** Element depth, and the scopes to go back to: pushed only by an element that began one. */
  private depth = 0;
  private readonly scopes: { readonly depth: number; readonly outer: Scope }[] = [];

  constructor(
    private readonly part: string,
    handler: XmlHandler,
    private readonly guard: Guard,
  ) {
    const parser = new SaxesParser<PlainOptions>({ position: false });
    this.parser = parser;
    parser.on('doctype', () => {
      throw new PackageError('dtd', part);
    });
    parser.on('opentag', (tag) => {
      const outer = this.scope;
      const q = qualified(tag.name);
      // Cells and their parts are the bulk of a sheet and never declare a namespace (no writer
      // puts one there): their attributes are not looked through for declarations.
      const scope = q.hot ? outer : outer.enter(tag.attributes);
      this.depth++;
      if (scope !== outer) {
        this.scopes.push({ depth: this.depth, outer });
        this.scope = scope;
      }
      handler.open(nsOf(q, scope), q.local, tag.attributes, scope);
    });
    parser.on('closetag', (tag) => {
      const q = qualified(tag.name);
      const scope = this.scope;
      const began = this.scopes.length > 0 ? this.scopes[this.scopes.length - 1] : null;
      if (began !== null && began.depth === this.depth) {
        this.scopes.pop();
        this.scope = began.outer;
      }
      this.depth--;
      handler.close(nsOf(q, scope), q.local);
    });
    if (handler.text) {
      // A plain closure: a bound function costs more per call, and text comes with every value.
      const text = (t: string) => handler.text!(t);
      parser.on('text', text);
      parser.on('cdata', text);
    }
  }

  write(chunk: string): void {
    this.guard.check();
    try {
      this.parser.write(chunk);
    } catch (e) {
      throw this.failure(e);
    }
  }

  end(): void {
    try {
      this.parser.close();
    } catch (e) {
      throw this.failure(e);
    }
  }

  private failure(e: unknown): PackageError {
    if (e instanceof PackageError) return e;
    const message = e instanceof Error ? e.message : String(e);
    return new PackageError('damaged', `${this.part}: ${message.split('\n')[0]}`);
  }
}

/** Parses a whole part given as text. */
export function parseXml(part: string, text: string, handler: XmlHandler, guard: Guard): void {
  const stream = new XmlStream(part, handler, guard);
  const STEP = 1 << 20;
  for (let p = 0; p < text.length; p += STEP) stream.write(text.slice(p, p + STEP));
  stream.end();
}

/** Feeds a part's bytes, as they are inflated, to an `XmlStream` (UTF-8, or UTF-16 by its mark). */
export class XmlBytes {
  private decoder: TextDecoder | null = null;

  constructor(private readonly stream: XmlStream) {}

  push(chunk: Uint8Array): void {
    if (this.decoder === null) {
      const utf16 =
        chunk.length >= 2 &&
        ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff));
      this.decoder = new TextDecoder(utf16 ? (chunk[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8');
    }
    const text = this.decoder.decode(chunk, { stream: true });
    if (text.length > 0) this.stream.write(text);
  }

  end(): void {
    if (this.decoder) {
      const rest = this.decoder.decode();
      if (rest.length > 0) this.stream.write(rest);
    }
    this.stream.end();
  }
}
