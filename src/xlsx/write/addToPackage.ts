/**
 * Writes a copy of a workbook package with sheets added or replaced, by
 * adding, never by rebuilding: every part of the original is copied byte for
 * byte, except the bookkeeping the new sheets must be entered in
 * (`[Content_Types].xml`, the workbook part and its relationships,
 * `styles.xml` with formats appended); a new sheet comes with its tables and
 * its charts' drawing and chart parts. When a sheet is replaced, the parts
 * only that sheet used (its tables, drawings, comments) go, and so does the
 * calculation chain (Excel rebuilds it; it lists cells by sheet).
 *
 * A sheet is replaced only when the caller says so; the caller (the domain's
 * placement, the register writer) replaces only sheets the add-in owns.
 */
import type { ChartModel, DefinedNameModel, SheetModel } from '../../domain/model';
import { parseCellRef, quoteSheetName } from '../../domain/address';
import type { PackageReader, Relationship } from '../package/opc';
import { relsPartOf } from '../package/opc';
import { decodeXml, entryBytes, writeZip, type ZipPart } from '../package/zip';
import type { SheetEntry, WorkbookEntry } from '../read/parts';
import { decodeXstring } from '../read/text';
import { chartSpaceXml, CT_CHART, CT_DRAWING, drawingNamespaces, drawingXml } from './chartXml';
import { XlsxModelError } from './errors';
import { cellsByAddress, sheetXml, tableXml, type TablePart } from './sheetXml';
import { MINIMAL_STYLES, StylesEditor } from './styles';
import { editAppProperties } from './appProperties';
import { escAttr, escText, unescapeXml } from './xmlText';

export interface SheetChange {
  readonly model: SheetModel;
  /** The name of the sheet this one takes the place of (same tab position), or null to add at the end. */
  readonly replaces: string | null;
}

export interface PackageChanges {
  readonly sheets: readonly SheetChange[];
  /** Workbook-level names to set, each replacing any name of the same name. */
  readonly names?: readonly DefinedNameModel[];
}

/** What the original package is: read by `readWorkbookBytes`. */
export interface OriginalPackage {
  readonly pkg: PackageReader;
  readonly workbook: WorkbookEntry;
}

const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const TRANSITIONAL_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const TRANSITIONAL_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_TABLE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

const utf8 = new TextEncoder();

/** The new package's bytes. Throws `XlsxModelError` for a change the workbook cannot take. */
export function addToPackage(original: OriginalPackage, changes: PackageChanges): Uint8Array {
  return new PackageEdit(original).apply(changes);
}

class PackageEdit {
  private readonly pkg: PackageReader;
  private readonly workbook: WorkbookEntry;
  private readonly wbPart: string;
  private readonly wbDir: string;
  private readonly strict: boolean;
  /** Parts with new content, by name (added or edited). */
  private readonly written = new Map<string, Uint8Array>();
  private readonly removed = new Set<string>();

  constructor(original: OriginalPackage) {
    this.pkg = original.pkg;
    this.workbook = original.workbook;
    this.wbPart = original.workbook.part;
    this.wbDir = this.wbPart.slice(0, this.wbPart.lastIndexOf('/') + 1);
    const wbText = this.text(this.wbPart);
    this.strict = wbText.includes(STRICT_MAIN) && !wbText.includes(TRANSITIONAL_MAIN);
  }

  apply(changes: PackageChanges): Uint8Array {
    const sheets = this.workbook.sheets;
    const byName = (name: string) => sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    const relType = (kind: string) => `${this.strict ? STRICT_REL : TRANSITIONAL_REL}/${kind}`;
    const mainNs = this.strict ? STRICT_MAIN : TRANSITIONAL_MAIN;
    const relNs = this.strict ? STRICT_REL : TRANSITIONAL_REL;
    // `r:id` with the prefix the workbook's root binds to the relationships namespace, or one
    // declared on the element where the root binds none.
    const bound = new RegExp(`xmlns:([\\w.-]+)="${relNs.replace(/[.]/g, '\\.')}"`).exec(
      /<(?:[\w.-]+:)?workbook\b[^>]*>/.exec(this.text(this.wbPart))?.[0] ?? '',
    );
    const relAttr = bound ? `${bound[1]}:id` : `xmlns:r="${relNs}" r:id`;

    // What is replaced, and what only it used.
    const replaced: { entry: SheetEntry; index: number }[] = [];
    for (const c of changes.sheets) {
      if (c.replaces === null) {
        const clash = byName(c.model.name);
        if (clash)
          throw new XlsxModelError(`Sheet ${clash.name} already exists and is not the output's to replace.`);
        continue;
      }
      const entry = byName(c.replaces);
      if (!entry) throw new XlsxModelError(`Sheet ${c.replaces} to replace is not in the workbook.`);
      replaced.push({ entry, index: sheets.indexOf(entry) });
    }
    if (replaced.length > 0)
      this.removeParts(replaced.map((r) => r.entry.part).filter((p): p is string => p !== null));

    const styles = this.stylesEditor();
    const existingTables = this.tables();
    const relIds = new Set(this.pkg.rels(this.wbPart).map((r) => r.id));
    const newRelId = newRelIdIn;
    let sheetId = Math.max(0, ...sheets.map((s) => Number(s.sheetId) || 0));
    let tableId = Math.max(0, ...existingTables.map((t) => t.id));
    const tableNames = new Set(existingTables.map((t) => t.name.toLowerCase()));
    const newRels: string[] = [];
    const sheetElements = new Map<string, string>(); // replaced sheet's name -> new element
    const appended: string[] = [];
    const sheetIndex = new Map<string, number>(); // new sheet's name -> tab position
    let nextIndex = sheets.length;

    for (const c of changes.sheets) {
      const model = c.model;
      const part = this.unusedPart(`${this.wbDir}worksheets/sheet`, '.xml');
      const relId = newRelId(relIds);
      const sheetRelIds = new Set<string>();
      const tables: TablePart[] = (model.tables ?? []).map((t) => {
        if (!isTableName(t.name))
          throw new XlsxModelError(`Table name ${JSON.stringify(t.name)} is not a valid Excel name.`);
        if (tableNames.has(t.name.toLowerCase()))
          throw new XlsxModelError(
            `The workbook already holds a table named ${t.name}, which sheet ${model.name} needs.`,
          );
        tableNames.add(t.name.toLowerCase());
        return { model: t, id: ++tableId, relId: newRelId(sheetRelIds) };
      });
      const charts = model.charts ?? [];
      const drawingRelId = charts.length > 0 ? newRelId(sheetRelIds) : undefined;
      this.write(
        part,
        sheetXml(model, { mainNs, relNs, styles: styles.editor, tables, drawing: drawingRelId }),
      );
      const rels: string[] = [];
      if (tables.length > 0) {
        const byAddress = cellsByAddress(model);
        for (const t of tables) {
          const tablePart = this.unusedPart(`${this.wbDir}tables/table`, '.xml');
          this.write(tablePart, tableXml(model, t, byAddress, mainNs));
          this.contentType(tablePart, CT_TABLE);
          rels.push(relationship(t.relId, relType('table'), relativeTarget(part, tablePart)));
        }
      }
      if (drawingRelId !== undefined) {
        // The chart's text in the sheet's font, as its cells (else the workbook's body font).
        const drawing = this.addDrawing(model, relType, model.font?.name ?? styles.editor.fontName);
        rels.push(relationship(drawingRelId, relType('drawing'), relativeTarget(part, drawing)));
      }
      if (rels.length > 0) this.write(relsPartOf(part), relsXml(rels));
      this.contentType(part, CT_WORKSHEET);
      newRels.push(relationship(relId, relType('worksheet'), relativeTarget(this.wbPart, part)));
      const state = model.visibility && model.visibility !== 'visible' ? ` state="${model.visibility}"` : '';
      const element = `<sheet name="${escAttr(model.name)}" sheetId="${++sheetId}"${state} ${relAttr}="${relId}"/>`;
      const old = replaced.find((r) => r.entry.name.toLowerCase() === (c.replaces ?? '').toLowerCase());
      if (old) {
        sheetElements.set(old.entry.name, element);
        sheetIndex.set(model.name, old.index);
      } else {
        appended.push(element);
        sheetIndex.set(model.name, nextIndex++);
      }
    }

    // The workbook: its sheets, names and calculation settings.
    const names = this.names(
      changes,
      replaced.map((r) => r.index),
      sheetIndex,
    );
    this.write(
      this.wbPart,
      editWorkbook(this.text(this.wbPart), sheetElements, appended, names.remove, names.add),
    );

    // Its relationships: the new sheets in, the replaced ones (and a dropped calculation chain) out.
    const dropIds = new Set(
      this.pkg
        .rels(this.wbPart)
        .filter((r) => !r.external && this.removed.has(r.target))
        .map((r) => r.id),
    );
    if (styles.created) {
      const id = newRelId(relIds);
      newRels.push(relationship(id, relType('styles'), relativeTarget(this.wbPart, styles.part)));
    }
    this.write(relsPartOf(this.wbPart), editRels(this.text(relsPartOf(this.wbPart)), dropIds, newRels));
    const stylesText = styles.editor.result();
    if (styles.created || stylesText !== styles.original) this.write(styles.part, stylesText);
    if (styles.created) this.contentType(styles.part, CT_STYLES);
    this.editAppProperties(sheetElements, changes);
    return this.assemble();
  }

  /**
   * The sheet's charts as parts: one chart part each and the drawing that places them, with their
   * relationships and content types. Returns the drawing part's name.
   */
  private addDrawing(model: SheetModel, relType: (kind: string) => string, font: string): string {
    const ns = drawingNamespaces(this.strict);
    const drawing = this.unusedPart(`${this.wbDir}drawings/drawing`, '.xml');
    const ids = new Set<string>();
    const placed: { chart: ChartModel; relId: string }[] = [];
    const rels: string[] = [];
    for (const chart of model.charts ?? []) {
      const chartPart = this.unusedPart(`${this.wbDir}charts/chart`, '.xml');
      this.write(chartPart, chartSpaceXml(model, chart, { ns, font }));
      this.contentType(chartPart, CT_CHART);
      const relId = newRelIdIn(ids);
      rels.push(relationship(relId, relType('chart'), relativeTarget(drawing, chartPart)));
      placed.push({ chart, relId });
    }
    this.write(drawing, drawingXml(model, placed, ns));
    this.contentType(drawing, CT_DRAWING);
    this.write(relsPartOf(drawing), relsXml(rels));
    return drawing;
  }

  /**
   * The extended properties' list of worksheets, when it lists the original ones: replaced sheets
   * renamed in place, added ones at the end (the workbook's tab order).
   */
  private editAppProperties(replacedBy: ReadonlyMap<string, string>, changes: PackageChanges): void {
    const rel = this.pkg
      .rels('')
      .find((r) => (r.kind === 'extended-properties' || r.kind === 'extendedProperties') && !r.external);
    const part = rel ? this.pkg.entry(rel.target)?.name : undefined;
    if (!part) return;
    const worksheets = this.workbook.sheets.filter((s) => s.kind === 'worksheet');
    const newName = new Map<string, string>();
    for (const c of changes.sheets)
      if (c.replaces !== null) newName.set(c.replaces.toLowerCase(), c.model.name);
    const after = [
      ...worksheets.map((s) =>
        replacedBy.has(s.name) ? (newName.get(s.name.toLowerCase()) ?? s.name) : s.name,
      ),
      ...changes.sheets.filter((c) => c.replaces === null).map((c) => c.model.name),
    ];
    const edited = editAppProperties(
      this.text(part),
      worksheets.map((s) => s.name),
      after,
    );
    if (edited !== null) this.write(part, edited);
  }

  /** The styles part and its editor (a minimal part when the workbook has none). */
  private stylesEditor(): { editor: StylesEditor; part: string; original: string; created: boolean } {
    const rel = this.pkg.rels(this.wbPart).find((r) => r.kind === 'styles' && !r.external);
    const part = rel ? this.pkg.entry(rel.target)?.name : undefined;
    if (part) {
      const original = this.text(part);
      return { editor: new StylesEditor(original), part, original, created: false };
    }
    const original = MINIMAL_STYLES(this.strict ? STRICT_MAIN : TRANSITIONAL_MAIN);
    return {
      editor: new StylesEditor(original),
      part: this.unusedPart(`${this.wbDir}styles`, '.xml'),
      original,
      created: true,
    };
  }

  /** Every table of the workbook that stays: its id and name (both unique in a workbook). */
  private tables(): { id: number; name: string }[] {
    const out: { id: number; name: string }[] = [];
    for (const name of this.pkg.zip.entries.keys()) {
      if (this.removed.has(name)) continue;
      if (this.contentTypeOf(name) !== CT_TABLE) continue;
      const text = this.text(name);
      const root = /<(?:[\w.-]+:)?table\b([^>]*)>/.exec(text)?.[1] ?? '';
      const id = Number(/\bid="(\d+)"/.exec(root)?.[1] ?? 0);
      const tableName = decodeXstring(unescapeXml(/\bname="([^"]*)"/.exec(root)?.[1] ?? ''));
      const display = decodeXstring(unescapeXml(/\bdisplayName="([^"]*)"/.exec(root)?.[1] ?? ''));
      out.push({ id, name: tableName });
      if (display && display !== tableName) out.push({ id, name: display });
    }
    return out;
  }

  /** The names to remove from the workbook and the `<definedName>` elements to add. */
  private names(
    changes: PackageChanges,
    replacedIndexes: readonly number[],
    sheetIndex: ReadonlyMap<string, number>,
  ): { remove: (name: string, localSheetId: number | null) => boolean; add: string[] } {
    const setNames = new Set((changes.names ?? []).map((n) => n.name.toLowerCase()));
    const gone = new Set(replacedIndexes);
    const remove = (name: string, localSheetId: number | null) =>
      localSheetId === null ? setNames.has(name.toLowerCase()) : gone.has(localSheetId);
    const add: string[] = [];
    for (const n of changes.names ?? []) {
      if (!parseCellRef(n.ref)) throw new XlsxModelError(`Defined name ${n.name}: ${n.ref} is not one cell.`);
      const ref = n.ref.replace(/^\$?([A-Za-z]+)\$?(\d+)$/, '$$$1$$$2');
      add.push(
        `<definedName name="${escAttr(n.name)}">${escText(`${quoteSheetName(n.sheet)}!${ref}`)}</definedName>`,
      );
    }
    for (const c of changes.sheets) {
      const t = c.model.print?.titleRows;
      if (!t) continue;
      if (t.first < 0 || t.last < t.first)
        throw new XlsxModelError(
          `Sheet ${c.model.name}: print title rows ${t.first}..${t.last} are not a range.`,
        );
      const text = `${quoteSheetName(c.model.name)}!$${t.first + 1}:$${t.last + 1}`;
      add.push(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${sheetIndex.get(c.model.name)}">${escText(text)}</definedName>`,
      );
    }
    return { remove, add };
  }

  /**
   * Marks the parts for removal, with every part reachable from them through relationships that
   * no other part refers to (a replaced sheet's tables, drawing and its charts, comments), and
   * the calculation chain.
   */
  private removeParts(parts: readonly string[]): void {
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
    for (const r of this.pkg.rels(this.wbPart)) {
      if (r.kind === 'calcChain' && !r.external) {
        const name = this.pkg.entry(r.target)?.name;
        if (name) this.removed.add(name);
      }
    }
  }

  private readonly contentTypeEdits = new Map<string, string>();

  private contentType(part: string, type: string): void {
    this.contentTypeEdits.set(part, type);
  }

  private contentTypeOf(part: string): string | undefined {
    const ct = this.pkg.contentTypes();
    const override = ct.overrides.get(part.toLowerCase());
    if (override !== undefined) return override;
    const dot = part.lastIndexOf('.');
    return dot >= 0 ? ct.defaults.get(part.slice(dot + 1).toLowerCase()) : undefined;
  }

  private text(part: string): string {
    const entry = this.pkg.entry(part);
    if (!entry) throw new XlsxModelError(`The workbook has no part ${part}.`);
    const bytes = this.written.get(entry.name) ?? entryBytes(this.pkg.zip, entry, this.pkg.guard);
    return decodeXml(bytes);
  }

  /** Sets a part's text, written as UTF-8 (a part read as UTF-16 says so no more). */
  private write(part: string, text: string): void {
    const utf8Text = text.replace(/^(<\?xml[^>]*?encoding=")UTF-16(")/i, '$1UTF-8$2');
    this.written.set(this.pkg.entry(part)?.name ?? part, utf8.encode(utf8Text));
  }

  /**
   * `prefix` + the first number not taken + `suffix`: a part name no part has, and no relationship
   * points at (a damaged package may point at parts it lacks; a new part there would be used twice).
   */
  private unusedPart(prefix: string, suffix: string): string {
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

  private assemble(): Uint8Array {
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

/** A name Excel takes for a table: a letter, `_` or `\` first, no spaces, not a cell reference. */
function isTableName(name: string): boolean {
  return (
    /^[\p{L}_\\][\p{L}\p{N}_.]{0,254}$/u.test(name) &&
    !parseCellRef(name) &&
    !/^[RrCc]$/.test(name) &&
    !/^[Rr]\d*[Cc]\d*$/.test(name)
  );
}

/** A relationship id not in `ids` (then added to it). */
function newRelIdIn(ids: Set<string>): string {
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  ids.add(`rId${n}`);
  return `rId${n}`;
}

function relationship(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="${type}" Target="${escAttr(target)}"/>`;
}

function relsXml(rels: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
}

/** The part whose relationships a `_rels/….rels` part holds; null for any other part. */
function sourceOfRels(name: string): string | null {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(name);
  return m ? m[1] + m[2] : null;
}

/** A target for a relationship of `source`, relative to its folder. */
function relativeTarget(source: string, target: string): string {
  const from = source.split('/').slice(0, -1);
  const to = target.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

/** A rels part with relationships dropped (by id) and added. */
function editRels(text: string, drop: ReadonlySet<string>, add: readonly string[]): string {
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
function editContentTypes(
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

/**
 * The workbook part with sheets replaced (`replace`: old sheet's name → new element) and added,
 * defined names removed and added, and `fullCalcOnLoad` set. Edited as text, element by element.
 */
function editWorkbook(
  text: string,
  replace: ReadonlyMap<string, string>,
  append: readonly string[],
  removeName: (name: string, localSheetId: number | null) => boolean,
  addNames: readonly string[],
): string {
  const root = /<([\w.-]+:)?workbook\b/.exec(text);
  if (!root) throw new XlsxModelError('The workbook part has no workbook element.');
  const p = root[1] ?? '';
  /** An element written unprefixed, given the workbook's prefix (start and end tags). */
  const prefixed = (el: string) => (p ? el.replace(/<(\/?)(?=[A-Za-z])/g, `<$1${p}`) : el);

  // Sheets.
  const sheetsOpen = new RegExp(`<${p}sheets\\b[^>]*>`).exec(text);
  const sheetsClose = text.indexOf(`</${p}sheets>`);
  if (!sheetsOpen || sheetsClose < 0) throw new XlsxModelError('The workbook part has no list of sheets.');
  let body = text.slice(sheetsOpen.index + sheetsOpen[0].length, sheetsClose);
  body = body.replace(new RegExp(`<${p}sheet\\b[^>]*?/>`, 'g'), (el) => {
    const name = decodeXstring(unescapeXml(/\bname="([^"]*)"/.exec(el)?.[1] ?? ''));
    const next = replace.get(name);
    return next === undefined ? el : prefixed(next);
  });
  body += append.map(prefixed).join('');
  text = text.slice(0, sheetsOpen.index + sheetsOpen[0].length) + body + text.slice(sheetsClose);

  // Defined names.
  const namesRe = new RegExp(
    `<${p}definedNames\\b[^>]*>([\\s\\S]*?)</${p}definedNames>|<${p}definedNames\\b[^>]*/>`,
  );
  const existing = namesRe.exec(text);
  let names = existing?.[1] ?? '';
  names = names.replace(
    new RegExp(`<${p}definedName\\b([^>]*?)(?:/>|>[\\s\\S]*?</${p}definedName>)`, 'g'),
    (el, attrs: string) => {
      const name = unescapeXml(/\bname="([^"]*)"/.exec(attrs)?.[1] ?? '');
      const local = /\blocalSheetId="(\d+)"/.exec(attrs)?.[1];
      return removeName(name, local === undefined ? null : Number(local)) ? '' : el;
    },
  );
  names += addNames.map(prefixed).join('');
  const block = names.trim() === '' ? '' : `<${p}definedNames>${names}</${p}definedNames>`;
  if (existing) {
    text = text.slice(0, existing.index) + block + text.slice(existing.index + existing[0].length);
  } else if (block) {
    text = insertAfterLast(text, p, ['sheets', 'functionGroups', 'externalReferences'], block);
  }

  // Calculate on open: the new formulas have no cached results.
  const calc = new RegExp(`<${p}calcPr\\b([^>]*?)(/?)>`).exec(text);
  if (calc) {
    const attrs = /\bfullCalcOnLoad="[^"]*"/.test(calc[1])
      ? calc[1].replace(/\bfullCalcOnLoad="[^"]*"/, 'fullCalcOnLoad="1"')
      : `${calc[1]} fullCalcOnLoad="1"`;
    text =
      text.slice(0, calc.index) + `<${p}calcPr${attrs}${calc[2]}>` + text.slice(calc.index + calc[0].length);
  } else {
    text = insertAfterLast(
      text,
      p,
      ['sheets', 'functionGroups', 'externalReferences', 'definedNames'],
      `<${p}calcPr fullCalcOnLoad="1"/>`,
    );
  }
  return text;
}

/** Inserts `xml` after the last of the given elements present (the schema's order). */
function insertAfterLast(text: string, p: string, after: readonly string[], xml: string): string {
  let at = -1;
  for (const local of after) {
    const close = text.indexOf(`</${p}${local}>`);
    if (close >= 0) at = Math.max(at, close + `</${p}${local}>`.length);
    else {
      const empty = new RegExp(`<${p}${local}\\b[^>]*/>`).exec(text);
      if (empty) at = Math.max(at, empty.index + empty[0].length);
    }
  }
  if (at < 0) throw new XlsxModelError('The workbook part has no list of sheets.');
  return text.slice(0, at) + xml + text.slice(at);
}
