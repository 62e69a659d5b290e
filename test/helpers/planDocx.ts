/**
 * A minimal valid Word document (.docx) from a plan's blocks, for tests: headings as Heading1..9
 * paragraphs (styles.xml defines them, with outline levels), list items as numbered paragraphs
 * (numbering.xml has a bullet list), tables as real Word tables, a tab inside a paragraph as
 * `w:tab`. LibreOffice opens what it writes (checked by hand: docs/PLAN.md).
 */
import type { PlanBlock } from '../../src/domain/plan/blocks';
import { writeZip } from '../../src/xlsx/package/zip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A run of text, tabs as `w:tab`, leading/trailing spaces kept. */
function runs(text: string): string {
  return text
    .split('\t')
    .map(
      (part, i) =>
        (i > 0 ? '<w:r><w:tab/></w:r>' : '') +
        (part ? `<w:r><w:t xml:space="preserve">${esc(part)}</w:t></w:r>` : ''),
    )
    .join('');
}

function paragraph(text: string, pPr = ''): string {
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs(text)}</w:p>`;
}

export interface DocxOptions {
  /** Heading style ids: `Heading` (English Word) or `Overskrift` (Norwegian Word). */
  readonly headingStyle?: 'Heading' | 'Overskrift';
}

export function documentXml(blocks: readonly PlanBlock[], options: DocxOptions = {}): string {
  const h = options.headingStyle ?? 'Heading';
  const body = blocks
    .map((b) => {
      switch (b.kind) {
        case 'heading':
          return paragraph(b.text, `<w:pStyle w:val="${h}${Math.min(9, b.level)}"/>`);
        case 'listItem':
          return paragraph(
            b.text,
            `<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="${b.level - 1}"/><w:numId w:val="1"/></w:numPr>`,
          );
        case 'paragraph':
          return paragraph(b.text);
        case 'table': {
          const width = Math.max(1, ...b.rows.map((r) => r.length));
          const grid = Array.from({ length: width }, () => '<w:gridCol w:w="3000"/>').join('');
          const rows = b.rows
            .map(
              (r) =>
                `<w:tr>${Array.from({ length: width }, (_, k) => `<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>${paragraph(r[k] ?? '')}</w:tc>`).join('')}</w:tr>`,
            )
            .join('');
          return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows}</w:tbl><w:p/>`;
        }
      }
    })
    .join('');
  return `${DECL}<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`;
}

function stylesXml(h: string): string {
  const headings = Array.from(
    { length: 9 },
    (_, i) =>
      `<w:style w:type="paragraph" w:styleId="${h}${i + 1}"><w:name w:val="heading ${i + 1}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="${i}"/></w:pPr><w:rPr><w:b/><w:sz w:val="${Math.max(22, 32 - i * 4)}"/></w:rPr></w:style>`,
  ).join('');
  return (
    `${DECL}<w:styles xmlns:w="${W}">` +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    headings +
    '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>' +
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>' +
    '</w:styles>'
  );
}

const NUMBERING =
  `${DECL}<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0">` +
  [0, 1, 2]
    .map(
      (l) =>
        `<w:lvl w:ilvl="${l}"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${720 * (l + 1)}" w:hanging="360"/></w:pPr></w:lvl>`,
    )
    .join('') +
  '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>';

/** The .docx file's bytes. `documentXmlOverride` replaces word/document.xml (for damaged-input tests). */
export function planDocx(
  blocks: readonly PlanBlock[],
  options: DocxOptions & { documentXmlOverride?: string } = {},
): Uint8Array {
  const text = (s: string) => new TextEncoder().encode(s);
  const h = options.headingStyle ?? 'Heading';
  return writeZip([
    {
      name: '[Content_Types].xml',
      data: text(
        `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
          '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' +
          '</Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: text(
        `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
      ),
    },
    {
      name: 'word/_rels/document.xml.rels',
      data: text(
        `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${R}/numbering" Target="numbering.xml"/></Relationships>`,
      ),
    },
    { name: 'word/document.xml', data: text(options.documentXmlOverride ?? documentXml(blocks, options)) },
    { name: 'word/styles.xml', data: text(stylesXml(h)) },
    { name: 'word/numbering.xml', data: text(NUMBERING) },
  ]);
}
