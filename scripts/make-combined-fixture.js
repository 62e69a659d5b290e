'use strict';
/**
 * Builds test/fixtures/corpus/combined__pivot_chartsheet_vba_comments.xlsm: one workbook with a
 * PivotTable (and its cache), a chart sheet, a VBA project and comments, for the test that a
 * copy written by `--out` keeps them all and opens in LibreOffice. No public test file has all
 * four, so this one is put together from two that are in the folder (see its README):
 *
 *   sheetjs__BlankSheetTypes.xlsm  (a chart sheet, a VBA project, a macro and a dialog sheet)
 *   + from xlsxpop__template_3.xlsx: the PivotTable with its cache and records, and two comments
 *     with their VML drawing, on a new worksheet "Pivot Table" holding the pivot's source data
 *     and the cells Excel shows for the pivot.
 *
 *   node scripts/make-combined-fixture.js
 */
const fs = require('fs');
const path = require('path');
const { unzipSync, zipSync, strFromU8, strToU8 } = require('fflate');

const DIR = path.join(__dirname, '..', 'test', 'fixtures', 'corpus');
const OUT = path.join(DIR, 'combined__pivot_chartsheet_vba_comments.xlsm');
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

const base = unzipSync(fs.readFileSync(path.join(DIR, 'sheetjs__BlankSheetTypes.xlsm')));
const donor = unzipSync(fs.readFileSync(path.join(DIR, 'xlsxpop__template_3.xlsx')));
const text = (parts, name) => strFromU8(parts[name]);
const out = { ...base };

/** One cell: a number, or a string written inline. */
const cell = (ref, v) =>
  typeof v === 'number'
    ? `<c r="${ref}"><v>${v}</v></c>`
    : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
// The pivot's source (A2:B5) and what Excel shows for it at D2:E6 (pivotTable1.xml's location).
const rows = [
  [2, ['foo', 'bar', null, 'Row Labels', 'Sum of bar']],
  [3, [1, 1, null, 1, 1]],
  [4, [2, 2, null, 2, 2]],
  [5, [3, 3, null, 3, 3]],
  [6, [null, null, null, 'Grand Total', 6]],
];
const sheetData = rows
  .map(
    ([r, values]) =>
      `<row r="${r}">${values
        .map((v, i) => (v === null ? '' : cell(`${'ABCDE'[i]}${r}`, v)))
        .join('')}</row>`,
  )
  .join('');
out['xl/worksheets/sheet2.xml'] = strToU8(
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">` +
    `<dimension ref="A2:E6"/><sheetData>${sheetData}</sheetData>` +
    `<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>` +
    `<legacyDrawing r:id="rId3"/></worksheet>`,
);
out['xl/worksheets/_rels/sheet2.xml.rels'] = strToU8(
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL}/pivotTable" Target="../pivotTables/pivotTable1.xml"/>` +
    `<Relationship Id="rId2" Type="${REL}/comments" Target="../comments1.xml"/>` +
    `<Relationship Id="rId3" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing2.vml"/>` +
    `</Relationships>`,
);
// The donor's parts as they are (the base has a vmlDrawing1.vml of its own).
for (const name of [
  'xl/pivotTables/pivotTable1.xml',
  'xl/pivotTables/_rels/pivotTable1.xml.rels',
  'xl/pivotCache/pivotCacheDefinition1.xml',
  'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels',
  'xl/pivotCache/pivotCacheRecords1.xml',
  'xl/comments1.xml',
])
  out[name] = donor[name];
out['xl/drawings/vmlDrawing2.vml'] = donor['xl/drawings/vmlDrawing1.vml'];

// The workbook: the sheet (last tab), the pivot cache (before extLst, the schema's order).
const sheetsEnd = '</sheets>';
let wb = text(base, 'xl/workbook.xml');
wb = wb.replace(sheetsEnd, `<sheet name="Pivot Table" sheetId="5" r:id="rId8"/>${sheetsEnd}`);
wb = wb.replace('<extLst>', '<pivotCaches><pivotCache cacheId="0" r:id="rId9"/></pivotCaches><extLst>');
out['xl/workbook.xml'] = strToU8(wb);
out['xl/_rels/workbook.xml.rels'] = strToU8(
  text(base, 'xl/_rels/workbook.xml.rels').replace(
    '</Relationships>',
    `<Relationship Id="rId8" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/>` +
      `<Relationship Id="rId9" Type="${REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/></Relationships>`,
  ),
);
out['[Content_Types].xml'] = strToU8(
  text(base, '[Content_Types].xml').replace(
    '</Types>',
    `<Override PartName="/xl/worksheets/sheet2.xml" ContentType="${CT}.worksheet+xml"/>` +
      `<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="${CT}.pivotTable+xml"/>` +
      `<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="${CT}.pivotCacheDefinition+xml"/>` +
      `<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="${CT}.pivotCacheRecords+xml"/>` +
      `<Override PartName="/xl/comments1.xml" ContentType="${CT}.comments+xml"/></Types>`,
  ),
);
// The worksheets Explorer lists: two now.
out['docProps/app.xml'] = strToU8(
  text(base, 'docProps/app.xml')
    .replace(/(<vt:lpstr>Worksheets<\/vt:lpstr><\/vt:variant><vt:variant><vt:i4>)1(<)/, '$12$2')
    .replace(
      '<vt:vector size="4" baseType="lpstr"><vt:lpstr>Sheet1</vt:lpstr>',
      '<vt:vector size="5" baseType="lpstr"><vt:lpstr>Sheet1</vt:lpstr><vt:lpstr>Pivot Table</vt:lpstr>',
    ),
);

// Fixed dates, so the file is the same on every run.
const mtime = new Date('2020-01-01T00:00:00Z');
fs.writeFileSync(
  OUT,
  zipSync(Object.fromEntries(Object.entries(out).map(([n, d]) => [n, [d, { mtime }]])), { level: 6 }),
);
console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
