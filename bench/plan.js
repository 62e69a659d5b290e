'use strict';
/**
 * Reading an action plan of N projects (default 200): the plan reader as the pane runs it, on the
 * plan as pasted text and as a Word document (.docx built here: headings, bullets, Word tables).
 * Median of 7 runs after a warm-up; target under 1 s (issue 16). Needs `npm run build:cli`.
 *
 *   node bench/plan.js [--projects N] [--check]
 */
const path = require('path');

const build = (p) => require(path.join(__dirname, '..', 'build', p));
const { readPlan, textToBlocks } = build('domain/plan');
const { docxToBlocks } = build('plan/docx');
const { writeZip } = build('xlsx/package/zip');

const args = process.argv.slice(2);
const n = Number(args[args.indexOf('--projects') + 1]) || 200;

/** A plan of n projects in 10 focus areas, a budget line each, every fifth partly earmarked. */
function planText(n) {
  const lines = ['Handlingsplan 2025–2026 for Benkerådet (BR)', ''];
  const budget = ['Post\tBudsjett 2025', 'Sekretariat, drift\t500.000'];
  const fin = ['Kilde\tBudsjett 2025'];
  const earmarks = [];
  let total = 500_000;
  let own = 500_000;
  for (let a = 1; a <= 10; a++) {
    lines.push(`${a}. INNSATSOMRÅDE ${a}`, '');
    for (let k = 1; k <= n / 10; k++) {
      const id = `${a}.${k}`;
      const kr = 50_000 + ((a * 31 + k * 17) % 20) * 10_000;
      const name = `Tiltak ${id} ${['havbruk', 'reiseliv', 'logistikk', 'helse', 'energi'][k % 5]} ${a}${k}`;
      lines.push(`${id} ${name} (Nytt hovedprosjekt)`, '', 'Bakgrunn og beskrivelse av tiltaket.', '');
      lines.push(`Prosjekteier: Eier ${id}`, '', 'BRs rolle: medfinansierer', '');
      lines.push(
        'Andre samarbeidspartnere: Kommunene, Fylket og bedriftene',
        '',
        'Prosjektmål:',
        '- Første mål',
        '- Andre mål',
        '',
      );
      const earmark = k % 5 === 0 ? 20_000 : 0;
      lines.push(`BRs bidrag: kr ${(kr - earmark).toLocaleString('nb-NO').replace(/\s/g, '.')} pr år`, '');
      budget.push(`${name}\t${kr}`);
      if (earmark) earmarks.push(`${name}\t${earmark}`);
      total += kr;
      own += kr - earmark;
    }
  }
  budget.push(`Sum\t${total}`);
  fin.push(`BR\t${own}`, 'Fylket:', ...earmarks, `SUM\t${total}`, `BRs bidrag\t${own}`);
  lines.push('11. Budsjett', '', ...budget, '', '12. Finansiering', '', ...fin, '');
  return lines.join('\n');
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
function docx(blocks) {
  const p = (t, pPr = '') => `<w:p>${pPr}<w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`;
  const body = blocks
    .map((b) =>
      b.kind === 'heading'
        ? p(b.text, `<w:pPr><w:pStyle w:val="Heading${b.level}"/></w:pPr>`)
        : b.kind === 'listItem'
          ? p(b.text, '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>')
          : b.kind === 'paragraph'
            ? p(b.text)
            : `<w:tbl>${b.rows.map((r) => `<w:tr>${r.map((c) => `<w:tc>${p(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`,
    )
    .join('');
  const enc = (s) => new TextEncoder().encode(s);
  return writeZip([
    {
      name: '[Content_Types].xml',
      data: enc(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: enc(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
    },
    {
      name: 'word/document.xml',
      data: enc(`<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`),
    },
  ]);
}

function median(f) {
  f();
  const times = [];
  for (let i = 0; i < 7; i++) {
    const t0 = process.hrtime.bigint();
    f();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return times.sort((a, b) => a - b)[3];
}

const text = planText(n);
const bytes = docx(textToBlocks(text));
let reading;
const textMs = median(() => (reading = readPlan(textToBlocks(text))));
const found = reading.projects.length;
const docxMs = median(() => (reading = readPlan(docxToBlocks(bytes))));
const findings = reading.unread.length;
console.log(`plan reader, ${n} projects (${found} found, ${findings} unread items):`);
console.log(`  text  ${(text.length / 1024).toFixed(0)} KB: ${textMs.toFixed(0)} ms`);
console.log(`  .docx ${(bytes.length / 1024).toFixed(0)} KB: ${docxMs.toFixed(0)} ms (target < 1000 ms)`);
if (found !== n) {
  console.error(`expected ${n} projects, found ${found}`);
  process.exit(1);
}
if (args.includes('--check') && Math.max(textMs, docxMs) >= 1000) process.exit(1);
