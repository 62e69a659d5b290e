/**
 * The workbook-level parts the reader needs: the workbook (sheets, names,
 * date system), the shared strings and the cell formats' indents. Each is
 * read with namespaces resolved, so `<x:sheet>` and `<sheet>` are the same.
 */
import type { PackageReader } from '../package/opc';
import { MAIN_NS, REL_NS, type XmlHandler } from '../package/xml';
import { decodeXstring } from './text';

export type SheetKind = 'worksheet' | 'chartsheet' | 'dialogsheet' | 'macrosheet' | 'other';

export interface SheetEntry {
  readonly name: string;
  readonly sheetId: string;
  readonly relId: string;
  readonly state: 'visible' | 'hidden' | 'veryHidden';
  /** The sheet's part (resolved through the workbook's relationships), if it has one. */
  readonly part: string | null;
  readonly kind: SheetKind;
}

export interface DefinedNameEntry {
  readonly name: string;
  /** Tab position of the sheet the name is local to, if it is. */
  readonly localSheetId: number | null;
  readonly text: string;
}

export interface WorkbookEntry {
  readonly part: string;
  readonly sheets: readonly SheetEntry[];
  readonly names: readonly DefinedNameEntry[];
  readonly date1904: boolean;
  /** The workbook has macros (a VBA project; Excel opens it only as .xlsm). */
  readonly macroEnabled: boolean;
}

const truthy = (v: string | undefined) => v === '1' || v === 'true';

export function readWorkbookPart(pkg: PackageReader, part = pkg.workbookPart()): WorkbookEntry {
  const rels = new Map(pkg.rels(part).map((r) => [r.id, r]));
  const raw: Omit<SheetEntry, 'part' | 'kind'>[] = [];
  const names: DefinedNameEntry[] = [];
  let date1904 = false;
  let name: { name: string; localSheetId: number | null } | null = null;
  let text = '';
  pkg.parse(part, {
    open(ns, local, a, scope) {
      if (!MAIN_NS.has(ns)) return;
      if (local === 'sheet') {
        const state = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
        raw.push({
          name: decodeXstring(a.name ?? ''),
          sheetId: a.sheetId ?? '',
          relId: scope.attr(a, REL_NS, 'id') ?? '',
          state,
        });
      } else if (local === 'workbookPr') {
        date1904 = truthy(a.date1904);
      } else if (local === 'definedName') {
        const id = a.localSheetId === undefined ? null : Number(a.localSheetId);
        name = { name: a.name ?? '', localSheetId: Number.isInteger(id) ? id : null };
        text = '';
      }
    },
    close(ns, local) {
      if (local === 'definedName' && name && MAIN_NS.has(ns)) {
        names.push({ ...name, text });
        name = null;
      }
    },
    text(t) {
      if (name) text += t;
    },
  });
  const sheets = raw.map((s): SheetEntry => {
    const rel = rels.get(s.relId);
    const target = rel && !rel.external ? (pkg.entry(rel.target)?.name ?? null) : null;
    const kind = (['worksheet', 'chartsheet', 'dialogsheet', 'macrosheet'] as const).find(
      (k) => k === rel?.kind,
    );
    // Excel 4 macro sheets are worksheets of their own kind (`xlMacrosheet`, rel `macrosheet`).
    return { ...s, part: target, kind: kind ?? (rel?.kind === 'xlMacrosheet' ? 'macrosheet' : 'other') };
  });
  const contentType = pkg.contentTypes().overrides.get(part.toLowerCase()) ?? '';
  const macroEnabled =
    /macroEnabled/i.test(contentType) || pkg.rels(part).some((r) => r.kind === 'vbaProject' && !r.external);
  return { part, sheets, names, date1904, macroEnabled };
}

/** The shared-string table: one string per `<si>`, rich-text runs joined, phonetic runs left out. */
export function readSharedStrings(pkg: PackageReader, workbookPart: string): string[] {
  const rel = pkg.rels(workbookPart).find((r) => r.kind === 'sharedStrings' && !r.external);
  const strings: string[] = [];
  if (!rel) return strings;
  let inSi = false;
  let phonetic = 0;
  let inT = false;
  let current = '';
  const handler: XmlHandler = {
    open(ns, local) {
      if (!MAIN_NS.has(ns)) return;
      if (local === 't') inT = inSi && phonetic === 0;
      else if (local === 'si') {
        inSi = true;
        current = '';
      } else if (local === 'rPh') phonetic++;
    },
    close(ns, local) {
      if (!MAIN_NS.has(ns)) return;
      if (local === 't') inT = false;
      else if (local === 'rPh') phonetic--;
      else if (local === 'si') {
        strings.push(decodeXstring(current));
        inSi = false;
      }
    },
    text(t) {
      if (inT) current += t;
    },
  };
  pkg.parse(rel.target, handler);
  return strings;
}

/** The indent of each cell format (`cellXfs`), by its index: what the financing sheet's groups use. */
export function readIndents(pkg: PackageReader, workbookPart: string): Int32Array {
  const rel = pkg.rels(workbookPart).find((r) => r.kind === 'styles' && !r.external);
  const indents: number[] = [];
  if (!rel) return new Int32Array(0);
  let inCellXfs = false;
  let inXf = false;
  pkg.parse(rel.target, {
    open(ns, local, a) {
      if (!MAIN_NS.has(ns)) return;
      if (local === 'cellXfs') inCellXfs = true;
      else if (local === 'xf' && inCellXfs) {
        inXf = true;
        indents.push(0);
      } else if (local === 'alignment' && inXf) {
        const n = Number(a.indent ?? 0);
        indents[indents.length - 1] = Number.isFinite(n) && n > 0 ? Math.min(250, Math.floor(n)) : 0;
      }
    },
    close(ns, local) {
      if (!MAIN_NS.has(ns)) return;
      if (local === 'cellXfs') inCellXfs = false;
      else if (local === 'xf') inXf = false;
    },
  });
  return Int32Array.from(indents);
}
