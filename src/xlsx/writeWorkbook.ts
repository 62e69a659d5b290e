/**
 * A new workbook file from the domain's `WorkbookModel` (the sample, generated plans): the
 * model's sheets added to an empty package by the same writer that adds the outputs to a user's
 * file (`write/addToPackage.ts`), so there is one way sheets are written.
 */
import type { WorkbookModel } from '../domain/model';
import { Guard } from './package/guard';
import { PackageReader } from './package/opc';
import { openZip, writeZip } from './package/zip';
import { readWorkbookPart } from './read/parts';
import { addToPackage } from './write/addToPackage';
import { XlsxModelError } from './write/errors';
import { MINIMAL_STYLES } from './write/styles';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** An empty workbook: no sheets yet, Excel's default styles, the document properties. */
function emptyPackage(activeTab: number): Uint8Array {
  const text = (s: string) => new TextEncoder().encode(s);
  return writeZip([
    {
      name: '[Content_Types].xml',
      data: text(
        `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
          '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
          '</Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: text(
        `${DECL}<Relationships xmlns="${PKG_REL}">` +
          `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
          '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
          `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
          '</Relationships>',
      ),
    },
    {
      name: 'docProps/app.xml',
      data: text(
        `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Plan Reconciler</Application></Properties>`,
      ),
    },
    {
      name: 'docProps/core.xml',
      data: text(
        `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Plan Reconciler</dc:creator></cp:coreProperties>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: text(
        `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr/>` +
          `<bookViews><workbookView activeTab="${activeTab}"/></bookViews><sheets></sheets><calcPr fullCalcOnLoad="1"/></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: text(
        `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
      ),
    },
    { name: 'xl/styles.xml', data: text(MINIMAL_STYLES(MAIN)) },
  ]);
}

/** The model rendered as the bytes of an .xlsx file. Throws `XlsxModelError` for a model Excel would reject. */
export function workbookBytes(model: WorkbookModel): Uint8Array {
  checkSheetNames(model);
  const firstVisible = model.sheets.findIndex((s) => (s.visibility ?? 'visible') === 'visible');
  if (firstVisible < 0) throw new XlsxModelError('A workbook needs at least one visible sheet.');
  const guard = new Guard();
  const pkg = new PackageReader(openZip(emptyPackage(firstVisible), guard), guard);
  return addToPackage(
    { pkg, workbook: readWorkbookPart(pkg) },
    { sheets: model.sheets.map((s) => ({ model: s, replaces: null })), names: model.names ?? [] },
  );
}

function checkSheetNames(model: WorkbookModel): void {
  if (model.sheets.length === 0) throw new XlsxModelError('A workbook needs at least one sheet.');
  const seen = new Set<string>();
  for (const { name } of model.sheets) {
    if (name.length === 0 || name.length > 31) {
      throw new XlsxModelError(`Sheet name ${JSON.stringify(name)} must be 1 to 31 characters.`);
    }
    if (/[*?:/\\[\]]/.test(name) || /^'|'$/.test(name)) {
      throw new XlsxModelError(`Sheet name ${JSON.stringify(name)} contains a character Excel forbids.`);
    }
    if (name.toLowerCase() === 'history')
      throw new XlsxModelError('Sheet name "History" is reserved by Excel.');
    if (seen.has(name.toLowerCase()))
      throw new XlsxModelError(`Sheet name ${JSON.stringify(name)} is used twice.`);
    seen.add(name.toLowerCase());
  }
}
