/**
 * The outputs as a board member gets them: what `reconcile --out` writes, measured from the file
 * (no row taller than Excel's 409 pt, no text wider than the area it may use, every font named),
 * a register text of 30 000 characters included; and the project cards rendered by LibreOffice
 * in Norwegian (nb-NO), as paper: at most six A4 pages for the sample's eleven cards, the body
 * text at 11 pt. The measure the layouts fit text with is checked against the real font's
 * widths (Carlito, Calibri's metric twin, from the Debian package fonts-crosextra-carlito).
 *
 * The pages are left in test-artifacts/libreoffice/board for people to look at.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pdfToPng, renderPdf } from '../../scripts/libreoffice';
import type { SheetModel, WorkbookModel } from '../../src/domain/model';
import { modelToSnapshot } from '../../src/domain/modelToSnapshot';
import { BODY_FONT, MAX_ROW_HEIGHT, textWidth } from '../../src/domain/outputs/measure';
import { outputText } from '../../src/domain/outputs/text';
import { reconcile } from '../../src/domain/reconcile/reconcile';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { writeWorkbookFile } from '../../src/cli/workbookFiles';
import { runCli } from '../helpers/runCli';
import { CARLITO, readFontMetrics } from './fontMetrics';
import { misfits } from './misfits';
import { ARTIFACTS, cached, readWorkbook, sheet } from './sheets';

/** A cold LibreOffice start is 3–8 s. */
jest.setTimeout(300_000);

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-reconciler-board-'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const SAMPLE_PROJECTS = reconcile(modelToSnapshot(sampleWorkbookModel()))
  .register!.entries.filter((e) => e.kind === 'project')
  .map((e) => `${e.id} ${e.name}`);

/** The sample with project `id`'s goals replaced by one goal of `text`. */
function sampleWithGoal(id: string, text: string): WorkbookModel {
  const model = sampleWorkbookModel();
  return {
    ...model,
    sheets: model.sheets.map((s): SheetModel => {
      const header = s.cells.find((c) => c.value === 'goals');
      if (!header) return s;
      const idCol = s.cells.find((c) => c.row === header.row && c.value === 'id')!.col;
      const row = s.cells.find((c) => c.col === idCol && c.value === id && c.row > header.row)!.row;
      const others = s.cells.filter((c) => !(c.row === row && c.col === header.col));
      return { ...s, cells: [...others, { row, col: header.col, value: text }] };
    }),
  };
}

/** `reconcile IN --out OUT --lang` in-process; returns OUT. */
async function out(model: WorkbookModel, name: string, lang: 'nb' | 'en'): Promise<string> {
  const input = path.join(dir, `${name}.xlsx`);
  await writeWorkbookFile(model, input);
  const output = path.join(dir, `${name}-out.xlsx`);
  const run = await runCli(['reconcile', input, '--out', output, '--lang', lang]);
  // The sample has an error (a duplicate id): exit 1, the copy written.
  expect({ code: run.code, written: fs.existsSync(output) }).toEqual({ code: 1, written: true });
  return output;
}

describe('the outputs measure text as the font draws it', () => {
  const regular = readFontMetrics(CARLITO.regular);
  const bold = readFontMetrics(CARLITO.bold);
  const texts = [
    ...SAMPLE_PROJECTS,
    'Egenfinansiert Øremerket Innovasjonsprosjekt fylkeskommune',
    'ÆØÅ æøå «sitat» – tankestrek … 1 234 567,89 kr (+2,2 %)',
    String.fromCharCode(...Array.from({ length: 95 }, (_, i) => 32 + i)),
    'CONTRIBUTION_MISMATCH Prosjektregister!A7',
  ];

  it('never narrower than Carlito (Calibri’s metrics), regular and bold, and within 6 % of it', () => {
    for (const t of texts) {
      for (const size of [10, 11, 12, 14]) {
        const real = regular.textWidth(t, size);
        expect(textWidth(t, { size })).toBeGreaterThanOrEqual(real - 1e-9);
        expect(textWidth(t, { size })).toBeLessThanOrEqual(real * 1.06);
        expect(textWidth(t, { size, bold: true })).toBeGreaterThanOrEqual(bold.textWidth(t, size) - 1e-9);
      }
    }
  });
});

describe('reconcile --out, measured from the written file', () => {
  const goal = `${'Styrke samarbeidet mellom kommunene og næringslivet i regionen. '.repeat(470)}Slutt.`;
  let files: { name: string; file: string; lang: 'nb' | 'en' }[];

  beforeAll(async () => {
    expect(goal.length).toBeGreaterThanOrEqual(30_000);
    files = [
      { name: 'sample', file: await out(sampleWorkbookModel(), 'sample', 'nb'), lang: 'nb' },
      { name: 'sample-en', file: await out(sampleWorkbookModel(), 'sample-en', 'en'), lang: 'en' },
      { name: 'long-goal', file: await out(sampleWithGoal('3.1', goal), 'long-goal', 'nb'), lang: 'nb' },
    ];
  });

  it('no row over 409 pt, no text wider than its area or taller than its rows, every font named', async () => {
    for (const { file, lang } of files) {
      const wb = await readWorkbook(file);
      const sheets = Object.values(outputText(lang).sheets);
      expect(sheets.flatMap((n) => misfits(sheet(wb, n)))).toEqual([]);
    }
  });

  it('a goal of 30 000 characters goes on over the rows below, whole, beside one label', async () => {
    const wb = await readWorkbook(files[2].file);
    const ws = sheet(wb, outputText('nb').sheets.cards);
    const pieces: { row: number; text: string }[] = [];
    ws.eachRow((row, r) => {
      const v = cached(row.getCell(2));
      if (
        typeof v === 'string' &&
        (v.startsWith('Styrke samarbeidet') || pieces.length > 0) &&
        v !== 'Slutt.'
      )
        if (pieces.length === 0 || r === pieces[pieces.length - 1].row + 1) pieces.push({ row: r, text: v });
    });
    const whole = pieces.map((p) => p.text).join(' ');
    expect(whole.startsWith(goal.slice(0, 200))).toBe(true);
    expect(pieces.length).toBeGreaterThan(10);
    expect(whole.replace(/\s+/g, ' ')).toContain(goal.trim().replace(/\s+/g, ' ').slice(0, -10));
    for (const p of pieces) expect(ws.getRow(p.row).height).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
  });
});

describe('the project cards on paper, rendered by LibreOffice in Norwegian', () => {
  const target = path.join(ARTIFACTS, 'board');
  let pdf: string;

  beforeAll(async () => {
    const file = await out(sampleWorkbookModel(), 'paper', 'nb');
    fs.rmSync(target, { recursive: true, force: true });
    // As a Norwegian LibreOffice shows it: `100 000`, `06.12.2026`, `Side 4 av 11`.
    pdf = await renderPdf(file, target, { locale: 'nb-NO' });
    await pdfToPng(pdf, path.join(target, 'page'), { resolution: 80 });
  });

  const pageText = (page: number) =>
    execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], {
      encoding: 'utf8',
    });
  const pages = () => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);

  /** The pages each card's title is on. */
  const cardPages = () => {
    const found = new Map<string, number[]>();
    for (let p = 1; p <= pages(); p++) {
      const text = pageText(p);
      for (const title of SAMPLE_PROJECTS) {
        if (!text.split('\n').some((l) => l.trim() === title)) continue;
        found.set(title, [...(found.get(title) ?? []), p]);
      }
    }
    return found;
  };

  it('puts the eleven cards on at most six A4 pages, each card whole on one page', () => {
    const found = cardPages();
    // The two projects 1.3 have different names: eleven titles, each on one page.
    expect([...found.keys()].sort()).toEqual([...SAMPLE_PROJECTS].sort());
    for (const ps of found.values()) expect(ps).toHaveLength(1);
    const used = new Set([...found.values()].flat());
    // Whole: each card's last row (its status) on the page of its title.
    for (const p of used) {
      const lines = pageText(p).split('\n');
      const titles = lines.filter((l) => SAMPLE_PROJECTS.includes(l.trim())).length;
      expect(lines.filter((l) => /^\s*Status\s/.test(l)).length).toBe(titles);
    }
    expect(used.size).toBeLessThanOrEqual(6);
    // Every card page has its footer: the page number as nb-NO prints it.
    for (const p of used) expect(pageText(p)).toMatch(new RegExp(`Side ${p} av ${pages()}`));
  });

  it('prints the card text at 100 %: a label in 11 pt bold is as wide as the font makes it', () => {
    const real = readFontMetrics(CARLITO.bold).textWidth('Innsatsområde', BODY_FONT.size);
    const sizes: number[] = [];
    for (const p of new Set([...cardPages().values()].flat())) {
      const html = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-bbox', pdf, '-'], {
        encoding: 'utf8',
      });
      for (const m of html.matchAll(
        /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>Innsatsområde<\/word>/g,
      ))
        sizes.push((BODY_FONT.size * (Number(m[2]) - Number(m[1]))) / real);
    }
    // One label per card.
    expect(sizes).toHaveLength(SAMPLE_PROJECTS.length);
    for (const size of sizes) {
      expect(size).toBeGreaterThanOrEqual(10);
      expect(size).toBeLessThanOrEqual(BODY_FONT.size + 0.2);
    }
  });
});
