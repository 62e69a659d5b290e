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
import type { PackageReader } from '../package/opc';
import { relsPartOf } from '../package/opc';
import type { SheetEntry, WorkbookEntry } from '../read/parts';
import { decodeXstring } from '../read/text';
import { editAppProperties } from './appProperties';
import { chartSpaceXml, CT_CHART, CT_DRAWING, drawingNamespaces, drawingXml } from './chartXml';
import { XlsxModelError } from './errors';
import { PackageParts } from './packageParts';
import { editRels, newRelIdIn, relationship, relativeTarget, relsXml } from './packageXml';
import { cellsByAddress, sheetXml, tableXml, type TablePart } from './sheetXml';
import { MINIMAL_STYLES, StylesEditor } from './styles';
import { definedNamesEdit, isTableName } from './workbookNames';
import { editWorkbook } from './workbookXml';
import { escAttr, unescapeXml } from './xmlText';

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

/** The new package's bytes. Throws `XlsxModelError` for a change the workbook cannot take. */
export function addToPackage(original: OriginalPackage, changes: PackageChanges): Uint8Array {
  return new PackageEdit(original).apply(changes);
}

/** One edit of the package: the sheets and names of `changes` entered, with their parts. */
class PackageEdit {
  private readonly pkg: PackageReader;
  private readonly parts: PackageParts;
  private readonly workbook: WorkbookEntry;
  private readonly wbPart: string;
  private readonly wbDir: string;
  private readonly strict: boolean;

  constructor(original: OriginalPackage) {
    this.pkg = original.pkg;
    this.parts = new PackageParts(original.pkg);
    this.workbook = original.workbook;
    this.wbPart = original.workbook.part;
    this.wbDir = this.wbPart.slice(0, this.wbPart.lastIndexOf('/') + 1);
    const wbText = this.parts.text(this.wbPart);
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
      /<(?:[\w.-]+:)?workbook\b[^>]*>/.exec(this.parts.text(this.wbPart))?.[0] ?? '',
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
      this.parts.removeParts(
        replaced.map((r) => r.entry.part).filter((p): p is string => p !== null),
        this.wbPart,
      );

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
      const part = this.parts.unusedPart(`${this.wbDir}worksheets/sheet`, '.xml');
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
      this.parts.write(
        part,
        sheetXml(model, { mainNs, relNs, styles: styles.editor, tables, drawing: drawingRelId }),
      );
      const rels: string[] = [];
      if (tables.length > 0) {
        const byAddress = cellsByAddress(model);
        for (const t of tables) {
          const tablePart = this.parts.unusedPart(`${this.wbDir}tables/table`, '.xml');
          this.parts.write(tablePart, tableXml(model, t, byAddress, mainNs));
          this.parts.contentType(tablePart, CT_TABLE);
          rels.push(relationship(t.relId, relType('table'), relativeTarget(part, tablePart)));
        }
      }
      if (drawingRelId !== undefined) {
        // The chart's text in the sheet's font, as its cells (else the workbook's body font).
        const drawing = this.addDrawing(model, relType, model.font?.name ?? styles.editor.fontName);
        rels.push(relationship(drawingRelId, relType('drawing'), relativeTarget(part, drawing)));
      }
      if (rels.length > 0) this.parts.write(relsPartOf(part), relsXml(rels));
      this.parts.contentType(part, CT_WORKSHEET);
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
    const names = definedNamesEdit(
      changes,
      replaced.map((r) => r.index),
      sheetIndex,
    );
    this.parts.write(
      this.wbPart,
      editWorkbook(this.parts.text(this.wbPart), sheetElements, appended, names.remove, names.add),
    );

    // Its relationships: the new sheets in, the replaced ones (and a dropped calculation chain) out.
    const dropIds = new Set(
      this.pkg
        .rels(this.wbPart)
        .filter((r) => !r.external && this.parts.isRemoved(r.target))
        .map((r) => r.id),
    );
    if (styles.created) {
      const id = newRelId(relIds);
      newRels.push(relationship(id, relType('styles'), relativeTarget(this.wbPart, styles.part)));
    }
    this.parts.write(
      relsPartOf(this.wbPart),
      editRels(this.parts.text(relsPartOf(this.wbPart)), dropIds, newRels),
    );
    const stylesText = styles.editor.result();
    if (styles.created || stylesText !== styles.original) this.parts.write(styles.part, stylesText);
    if (styles.created) this.parts.contentType(styles.part, CT_STYLES);
    this.editAppProperties(sheetElements, changes);
    return this.parts.assemble();
  }

  /**
   * The sheet's charts as parts: one chart part each and the drawing that places them, with their
   * relationships and content types. Returns the drawing part's name.
   */
  private addDrawing(model: SheetModel, relType: (kind: string) => string, font: string): string {
    const ns = drawingNamespaces(this.strict);
    const drawing = this.parts.unusedPart(`${this.wbDir}drawings/drawing`, '.xml');
    const ids = new Set<string>();
    const placed: { chart: ChartModel; relId: string }[] = [];
    const rels: string[] = [];
    for (const chart of model.charts ?? []) {
      const chartPart = this.parts.unusedPart(`${this.wbDir}charts/chart`, '.xml');
      this.parts.write(chartPart, chartSpaceXml(model, chart, { ns, font }));
      this.parts.contentType(chartPart, CT_CHART);
      const relId = newRelIdIn(ids);
      rels.push(relationship(relId, relType('chart'), relativeTarget(drawing, chartPart)));
      placed.push({ chart, relId });
    }
    this.parts.write(drawing, drawingXml(model, placed, ns));
    this.parts.contentType(drawing, CT_DRAWING);
    this.parts.write(relsPartOf(drawing), relsXml(rels));
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
      this.parts.text(part),
      worksheets.map((s) => s.name),
      after,
    );
    if (edited !== null) this.parts.write(part, edited);
  }

  /** The styles part and its editor (a minimal part when the workbook has none). */
  private stylesEditor(): { editor: StylesEditor; part: string; original: string; created: boolean } {
    const rel = this.pkg.rels(this.wbPart).find((r) => r.kind === 'styles' && !r.external);
    const part = rel ? this.pkg.entry(rel.target)?.name : undefined;
    if (part) {
      const original = this.parts.text(part);
      return { editor: new StylesEditor(original), part, original, created: false };
    }
    const original = MINIMAL_STYLES(this.strict ? STRICT_MAIN : TRANSITIONAL_MAIN);
    return {
      editor: new StylesEditor(original),
      part: this.parts.unusedPart(`${this.wbDir}styles`, '.xml'),
      original,
      created: true,
    };
  }

  /** Every table of the workbook that stays: its id and name (both unique in a workbook). */
  private tables(): { id: number; name: string }[] {
    const out: { id: number; name: string }[] = [];
    for (const name of this.pkg.zip.entries.keys()) {
      if (this.parts.isRemoved(name)) continue;
      if (this.parts.contentTypeOf(name) !== CT_TABLE) continue;
      const text = this.parts.text(name);
      const root = /<(?:[\w.-]+:)?table\b([^>]*)>/.exec(text)?.[1] ?? '';
      const id = Number(/\bid="(\d+)"/.exec(root)?.[1] ?? 0);
      const tableName = decodeXstring(unescapeXml(/\bname="([^"]*)"/.exec(root)?.[1] ?? ''));
      const display = decodeXstring(unescapeXml(/\bdisplayName="([^"]*)"/.exec(root)?.[1] ?? ''));
      out.push({ id, name: tableName });
      if (display && display !== tableName) out.push({ id, name: display });
    }
    return out;
  }
}
