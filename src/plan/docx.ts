/**
 * A Word document (.docx) as the plan reader's blocks, read with the
 * repository's own OOXML package layer (bounded inflate, zip-bomb and DTD
 * refusals, time limit): no Node built-ins, so the pane can use it in the
 * browser as the CLI does. It reads word/document.xml only:
 *
 * - a paragraph styled Heading1..9 / Overskrift1..9 / Title (or with an
 *   outline level) is a heading of that level;
 * - a paragraph with numbering (`w:numPr`) or a List style is a list item;
 * - a table (`w:tbl`) is a table of rows of cells (a cell's paragraphs joined
 *   by a space; a nested table's text goes into its cell);
 * - text is `w:t`; `w:tab` is a tab, `w:br`/`w:cr` a space; deleted text
 *   (`w:del`) is left out, inserted text (`w:ins`) read.
 */
import type { PlanBlock } from '../domain/plan/blocks';
import { Guard, PackageError, type Limits } from '../xlsx/package/guard';
import { PackageReader } from '../xlsx/package/opc';
import { openZip } from '../xlsx/package/zip';

const W_NS = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);

/** Heading style ids and names, as Word writes them in English and Norwegian installations. */
const HEADING_STYLE = /^(?:heading|overskrift|berschrift|rubrik)\s*([1-9])$/i;
const TITLE_STYLE = /^(?:title|tittel)$/i;
const LIST_STYLE = /^(?:list|liste)/i;

/** The document part: the package's officeDocument relationship, else Word's usual name. */
function documentPart(pkg: PackageReader): string {
  const doc = pkg.rels('').find((r) => r.kind === 'officeDocument' && !r.external);
  if (doc && pkg.has(doc.target)) {
    // The office document of a workbook or a presentation is no Word document.
    const type = pkg.contentTypes().overrides.get(doc.target.toLowerCase()) ?? '';
    if (type !== '' && !type.includes('wordprocessingml'))
      throw new PackageError('not-workbook', type.includes('spreadsheetml') ? 'xlsx' : undefined);
    return pkg.entry(doc.target)!.name;
  }
  if (pkg.has('word/document.xml')) return pkg.entry('word/document.xml')!.name;
  // A workbook or another zip: a package, but no Word document.
  throw new PackageError('not-workbook', pkg.has('xl/workbook.xml') ? 'xlsx' : undefined);
}

/** Style ids to names (`Overskrift1` -> `heading 1`), so custom ids based on built-in names are found. */
function styleNames(
  pkg: PackageReader,
  docPart: string,
): Map<string, { name: string; outline: number | null }> {
  const styles = new Map<string, { name: string; outline: number | null }>();
  const rel = pkg.rels(docPart).find((r) => r.kind === 'styles' && !r.external);
  if (!rel || !pkg.has(rel.target)) return styles;
  let id: string | null = null;
  let name = '';
  let outline: number | null = null;
  pkg.parse(rel.target, {
    open: (ns, local, a, scope) => {
      if (!W_NS.has(ns)) return;
      const attr = (k: string) => scope.attr(a, W_NS, k);
      if (local === 'style') {
        id = attr('styleId') ?? null;
        name = '';
        outline = null;
      } else if (local === 'name' && id !== null) name = attr('val') ?? '';
      else if (local === 'outlineLvl' && id !== null) outline = Number(attr('val') ?? 'NaN');
    },
    close: (ns, local) => {
      if (W_NS.has(ns) && local === 'style' && id !== null) {
        styles.set(id, { name, outline: Number.isInteger(outline) ? outline : null });
        id = null;
      }
    },
  });
  return styles;
}

/** The blocks of a .docx file's body. Throws `PackageError` for a file that is no readable Word document. */
export function docxToBlocks(bytes: Uint8Array, limits: Partial<Limits> = {}): PlanBlock[] {
  const guard = new Guard(limits);
  const zip = openZip(bytes, guard);
  for (const e of zip.entries.values()) if (e.encrypted) throw new PackageError('encrypted', e.name);
  const pkg = new PackageReader(zip, guard);
  const part = documentPart(pkg);
  const styles = styleNames(pkg, part);

  const blocks: PlanBlock[] = [];
  let index = 0; // body paragraphs and tables, for provenance
  // Paragraph state.
  let text = '';
  let style = '';
  let outline: number | null = null;
  let numbered = false;
  let listLevel = 0;
  let inPPr = 0;
  let inT = false;
  let deleted = 0;
  // Table state: a stack, so a nested table's text goes into its outer cell.
  let tableDepth = 0;
  let rows: string[][] = [];
  let row: string[] = [];
  let cell: string[] = [];

  const headingLevel = (): number | null => {
    const s = styles.get(style);
    for (const name of [style, s?.name ?? '']) {
      const m = HEADING_STYLE.exec(name.replace(/\s+/g, ' ').trim());
      if (m) return Number(m[1]);
      if (TITLE_STYLE.test(name)) return 1;
    }
    const o = outline ?? s?.outline ?? null;
    return o !== null && o >= 0 && o <= 8 ? o + 1 : null;
  };

  pkg.parse(part, {
    open: (ns, local, a, scope) => {
      if (!W_NS.has(ns)) return;
      const val = () => scope.attr(a, W_NS, 'val');
      switch (local) {
        case 'p':
          text = '';
          style = '';
          outline = null;
          numbered = false;
          listLevel = 0;
          break;
        case 'pPr':
          inPPr++;
          break;
        case 'pStyle':
          if (inPPr) style = val() ?? '';
          break;
        case 'outlineLvl':
          if (inPPr) outline = Number(val());
          break;
        case 'numPr':
          if (inPPr) numbered = true;
          break;
        case 'ilvl':
          if (inPPr) listLevel = Number(val()) || 0;
          break;
        case 't':
          inT = deleted === 0;
          break;
        case 'tab':
          if (!inPPr && deleted === 0) text += '\t';
          break;
        case 'br':
        case 'cr':
          if (deleted === 0) text += ' ';
          break;
        case 'del':
          deleted++;
          break;
        case 'tbl':
          if (tableDepth === 0) rows = [];
          tableDepth++;
          break;
        case 'tr':
          if (tableDepth === 1) row = [];
          break;
        case 'tc':
          if (tableDepth === 1) cell = [];
          break;
      }
    },
    close: (ns, local) => {
      if (!W_NS.has(ns)) return;
      switch (local) {
        case 'pPr':
          inPPr--;
          break;
        case 't':
          inT = false;
          break;
        case 'del':
          deleted--;
          break;
        case 'p': {
          const t = text.replace(/[^\S\t]+/g, ' ').trim();
          if (tableDepth > 0) {
            if (t !== '') cell.push(t.replace(/\t/g, ' '));
            break;
          }
          const at = { paragraph: index++ };
          if (t === '') break;
          const level = headingLevel();
          if (level !== null) blocks.push({ kind: 'heading', level, text: t, origin: at });
          else if (numbered || LIST_STYLE.test(styles.get(style)?.name ?? style))
            blocks.push({ kind: 'listItem', level: listLevel + 1, text: t, origin: at });
          else blocks.push({ kind: 'paragraph', text: t, origin: at });
          break;
        }
        case 'tc':
          if (tableDepth === 1) row.push(cell.join(' ').trim());
          break;
        case 'tr':
          if (tableDepth === 1) rows.push(row);
          break;
        case 'tbl':
          tableDepth--;
          if (tableDepth === 0) {
            const at = { paragraph: index++ };
            if (rows.length > 0) blocks.push({ kind: 'table', rows, origin: at });
          }
          break;
      }
    },
    text: (s) => {
      if (inT) text += s;
    },
  });
  return blocks;
}
