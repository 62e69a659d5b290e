/**
 * The package being edited: its parts as read, the parts written (as UTF-8) and removed, content
 * types to set, who points at whom through relationships, names no part has yet, and the new
 * package assembled, every part not written copied byte for byte under its stored name.
 */
import type { PackageReader, Relationship } from '../package/opc';
import { relsPartOf } from '../package/opc';
import { decodeXml, entryBytes, writeZip, type ZipPart } from '../package/zip';
import { XlsxModelError } from './errors';
import { editContentTypes, sourceOfRels } from './packageXml';

const utf8 = new TextEncoder();

export class PackageParts {
  /** Parts with new content, by name (added or edited). */
  private readonly written = new Map<string, Uint8Array>();
  private readonly removed = new Set<string>();
  /** Content types to set, by part name. */
  private readonly contentTypeEdits = new Map<string, string>();

  constructor(readonly pkg: PackageReader) {}

  /** Whether the part is to go. */
  isRemoved(part: string): boolean {
    return this.removed.has(part);
  }

  /**
   * Marks the parts for removal, with every part reachable from them through relationships that
   * no other part refers to (a replaced sheet's tables, drawing and its charts, comments), and
   * the calculation chain.
   */
  removeParts(parts: readonly string[], workbookPart: string): void {
    const { targets, referrers } = this.graph();
    const queue = [...parts];
    for (const p of parts) this.removed.add(p);
    while (queue.length > 0) {
      const part = queue.pop()!;
      const relsPart = this.pkg.entry(relsPartOf(part))?.name;
      if (relsPart) this.removed.add(relsPart);
      for (const r of targets.get(part) ?? []) {
        const target = this.pkg.entry(r.target)?.name;
        if (!target || this.removed.has(target)) continue;
        const from = referrers.get(target.toLowerCase()) ?? new Set<string>();
        if ([...from].every((s) => this.removed.has(this.pkg.entry(s)?.name ?? s))) {
          this.removed.add(target);
          queue.push(target);
        }
      }
    }
    for (const r of this.pkg.rels(workbookPart)) {
      if (r.kind === 'calcChain' && !r.external) {
        const name = this.pkg.entry(r.target)?.name;
        if (name) this.removed.add(name);
      }
    }
  }

  /** Sets the part's content type (an override in `[Content_Types].xml`). */
  contentType(part: string, type: string): void {
    this.contentTypeEdits.set(part, type);
  }

  /** The part's content type: its override, else its extension's default. */
  contentTypeOf(part: string): string | undefined {
    const ct = this.pkg.contentTypes();
    const override = ct.overrides.get(part.toLowerCase());
    if (override !== undefined) return override;
    const dot = part.lastIndexOf('.');
    return dot >= 0 ? ct.defaults.get(part.slice(dot + 1).toLowerCase()) : undefined;
  }

  /** The part's text, as written here or as in the original. */
  text(part: string): string {
    const entry = this.pkg.entry(part);
    if (!entry) throw new XlsxModelError(`The workbook has no part ${part}.`);
    const bytes = this.written.get(entry.name) ?? entryBytes(this.pkg.zip, entry, this.pkg.guard);
    return decodeXml(bytes);
  }

  /** Sets a part's text, written as UTF-8 (a part read as UTF-16 says so no more). */
  write(part: string, text: string): void {
    const utf8Text = text.replace(/^(<\?xml[^>]*?encoding=")UTF-16(")/i, '$1UTF-8$2');
    this.written.set(this.pkg.entry(part)?.name ?? part, utf8.encode(utf8Text));
  }

  /**
   * `prefix` + the first number not taken + `suffix`: a part name no part has, and no relationship
   * points at (a damaged package may point at parts it lacks; a new part there would be used twice).
   */
  unusedPart(prefix: string, suffix: string): string {
    const { referrers } = this.graph();
    for (let n = 1; ; n++) {
      const name = `${prefix}${n}${suffix}`;
      if (!this.pkg.has(name) && !this.written.has(name) && !referrers.has(name.toLowerCase())) return name;
    }
  }

  private relGraph: {
    /** Each part's internal relationships. */
    readonly targets: ReadonlyMap<string, readonly Relationship[]>;
    /** The parts that point at each target (lower-cased). */
    readonly referrers: ReadonlyMap<string, ReadonlySet<string>>;
  } | null = null;

  /** Who points at whom, from every relationships part of the package (read once). */
  private graph() {
    if (this.relGraph) return this.relGraph;
    const targets = new Map<string, Relationship[]>();
    const referrers = new Map<string, Set<string>>();
    for (const name of this.pkg.zip.entries.keys()) {
      const source = sourceOfRels(name);
      if (source === null) continue;
      const rels = this.pkg.rels(source).filter((r) => !r.external);
      targets.set(source, rels);
      for (const r of rels) {
        const target = r.target.toLowerCase();
        if (!referrers.has(target)) referrers.set(target, new Set());
        referrers.get(target)!.add(source);
      }
    }
    this.relGraph = { targets, referrers };
    return this.relGraph;
  }

  /** The new package's bytes. */
  assemble(): Uint8Array {
    const parts: ZipPart[] = [];
    const ctName = this.pkg.entry('[Content_Types].xml')?.name ?? '[Content_Types].xml';
    const removedTypes = [...this.removed];
    const ctText = editContentTypes(this.text(ctName), removedTypes, this.contentTypeEdits);
    for (const [name, entry] of this.pkg.zip.entries) {
      if (this.removed.has(name)) continue;
      // Under the name as stored: a part keeps its name too.
      if (name === ctName) {
        parts.push({ name: entry.storedName, data: utf8.encode(ctText) });
        continue;
      }
      const written = this.written.get(name);
      parts.push(
        written
          ? { name: entry.storedName, data: written }
          : { name: entry.storedName, copy: entry, from: this.pkg.zip },
      );
    }
    for (const [name, data] of this.written) {
      if (!this.pkg.has(name)) parts.push({ name, data });
    }
    return writeZip(parts);
  }
}
