/**
 * The review on paper (issue 17): the sample reviewed by Ola and Kari (explained findings, two
 * sign-offs, kept in the workbook's very hidden `Avstemmingslogg`), through `reconcile --out`, opened
 * and recalculated by LibreOffice: the copy opens, every formula computes, the review's texts are
 * where the board reads them and fit their cells; and after 1.2's budget is raised, the printed
 * reconciliation sheet says the reconciliation changed after the sign-off, and what.
 *
 * The pages are left in test-artifacts/libreoffice/review for people to look at.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { pdfToPng, recalculate, renderPdf } from '../../scripts/libreoffice';
import { writeWorkbookFile } from '../../src/cli/workbookFiles';
import type { CellModel, WorkbookModel } from '../../src/domain/model';
import { modelToSnapshot } from '../../src/domain/modelToSnapshot';
import { outputText } from '../../src/domain/outputs/text';
import type { ReviewState } from '../../src/domain/review';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { reviewSheetModel } from '../../src/xlsx';
import { HELSEDESIGN_REASON, reviewedLog } from '../domain/outputs/reviewFixtures';
import { runCli } from '../helpers/runCli';
import { misfits } from './misfits';
import { ARTIFACTS, cached, readWorkbook, sheet } from './sheets';

/** A cold LibreOffice start is 3–8 s. */
jest.setTimeout(300_000);

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-reconciler-review-'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The sample with Ola's and Kari's review log. */
function reviewed(
  model: WorkbookModel = sampleWorkbookModel(),
  log: ReviewState = reviewedLog(),
): WorkbookModel {
  return { ...model, sheets: [...model.sheets, reviewSheetModel(log)] };
}

/** Cells of the sample typed over: `{ Budsjett: { 4: 300000 } }` (0-based rows of column B). */
function typedOver(cells: Readonly<Record<string, Readonly<Record<number, number>>>>): WorkbookModel {
  const model = sampleWorkbookModel();
  return {
    ...model,
    sheets: model.sheets.map((s) => {
      const edits = cells[s.name];
      if (!edits) return s;
      return {
        ...s,
        cells: s.cells.map((c): CellModel =>
          c.col === 1 && c.row in edits ? { ...c, value: edits[c.row] } : c,
        ),
      };
    }),
  };
}

/** Helsesdesign Arena 200 000 → 300 000 and SNR's share with it, as fixtures' helsedesignBudgetRaised. */
const RAISED = {
  Budsjett: { 4: 300_000, 10: 3_530_000 },
  Finansiering: { 1: 1_600_000, 8: 3_530_000, 9: 1_950_000 },
};

/** `reconcile IN --out OUT --lang`, in-process; returns OUT. */
async function out(model: WorkbookModel, name: string, lang: 'nb' | 'en'): Promise<string> {
  const input = path.join(dir, `${name}.xlsx`);
  await writeWorkbookFile(model, input);
  const output = path.join(dir, `${name}-out.xlsx`);
  const run = await runCli(['reconcile', input, '--out', output, '--lang', lang]);
  expect({ err: run.err, written: fs.existsSync(output) }).toEqual({
    err: expect.any(String),
    written: true,
  });
  expect(run.code).toBeLessThan(2);
  return output;
}

/** Every text a sheet shows (cached), top to bottom. */
function shown(ws: ExcelJS.Worksheet): string[] {
  const texts: string[] = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cached(cell);
      if (typeof v === 'string' && v !== '' && !(cell.isMerged && cell.master !== cell)) texts.push(v);
    }),
  );
  return texts;
}

/** Every error value a formula of the sheet computes to. */
function errors(ws: ExcelJS.Worksheet): string[] {
  const found: string[] = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cached(cell);
      if (v !== null && typeof v === 'object') found.push(`${ws.name}!${cell.address}: ${v.error}`);
    }),
  );
  return found;
}

describe('a reviewed reconciliation through --out, recalculated by LibreOffice', () => {
  const t = outputText('nb');
  let signed: ExcelJS.Workbook;
  let changed: ExcelJS.Workbook;

  beforeAll(async () => {
    // The log signed the sample as it is: made on the sample's own snapshot.
    expect(modelToSnapshot(sampleWorkbookModel()).sheets.length).toBeGreaterThan(0);
    const files = [
      await out(reviewed(), 'signed', 'nb'),
      await out(reviewed(typedOver(RAISED)), 'changed', 'nb'),
    ];
    const recalculated = await Promise.all(
      files.map((f, i) => recalculate(f, path.join(dir, `recalc-${i}`))),
    );
    [signed, changed] = await Promise.all(recalculated.map(readWorkbook));
  });

  it('opens, computes every formula, and fits every text, review included', () => {
    for (const wb of [signed, changed]) {
      const sheets = Object.values(t.sheets).map((n) => sheet(wb, n));
      expect(sheets.flatMap(errors)).toEqual([]);
      expect(sheets.flatMap(misfits)).toEqual([]);
    }
  });

  it('says who signed off and which findings are explained, with their reasons', () => {
    const recon = shown(sheet(signed, t.sheets.reconciliation));
    expect(recon).toContain('2 åpne funn, 2 forklart');
    expect(recon).toContain('Godkjent av Kari Nordmann den 5. mars 2024 kl. 11.00: 2 åpne funn, 2 forklart');
    expect(recon).toContain(`Forklart: ${HELSEDESIGN_REASON} (Kari Nordmann, 5. mars 2024)`);
    const summary = shown(sheet(signed, t.sheets.summary));
    expect(summary.indexOf('Kari Nordmann')).toBeLessThan(summary.indexOf('Ola Hansen'));
  });

  it("says it changed after the sign-off when 1.2's budget is raised, and 1.2's warning is open again", () => {
    const recon = shown(sheet(changed, t.sheets.reconciliation));
    expect(recon).toContain('Endret etter godkjenningen');
    expect(recon).toContain('Endret i budsjettet: Helsesdesign Arena');
    expect(recon).toContain(`Endret etter forklaringen: ${HELSEDESIGN_REASON} (Kari Nordmann, 5. mars 2024)`);
  });
});

describe('the reviewed reconciliation sheet on paper, in Norwegian', () => {
  const target = path.join(ARTIFACTS, 'review');
  const pdfs: Record<'signed' | 'changed', string> = { signed: '', changed: '' };

  beforeAll(async () => {
    fs.rmSync(target, { recursive: true, force: true });
    for (const [name, model] of [
      ['signed', reviewed()],
      ['changed', reviewed(typedOver(RAISED))],
    ] as const) {
      const file = await out(model, name, 'nb');
      pdfs[name] = await renderPdf(file, path.join(target, name), { locale: 'nb-NO' });
      await pdfToPng(pdfs[name], path.join(target, name, 'page'), { resolution: 80 });
    }
  });

  const pageText = (pdf: string, page: number) =>
    execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], {
      encoding: 'utf8',
    }).replace(/[ \u00a0]+/g, ' ');
  const pages = (pdf: string) =>
    Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  /** The reconciliation sheet's pages: from its title to the page before the first card. */
  const sheetPages = (pdf: string) => {
    const all = Array.from({ length: pages(pdf) }, (_, i) => i + 1);
    const first = all.find((p) => pageText(pdf, p).includes('Avstemming av handlingsplanen'))!;
    const cards = all.find((p) => p > first && pageText(pdf, p).includes('Prosjektkort'))!;
    return all.filter((p) => p >= first && p < cards);
  };

  it('prints the sign-off state and what changed above the line table, on the first page of the sheet', () => {
    const [first, ...rest] = sheetPages(pdfs.changed);
    const text = pageText(pdfs.changed, first);
    const at = (s: string) => text.indexOf(s);
    expect(at('Godkjent av Kari Nordmann')).toBeGreaterThan(at('Avstemming av handlingsplanen'));
    expect(at('Endret etter godkjenningen')).toBeGreaterThan(at('Godkjent av Kari Nordmann'));
    expect(at('Helsesdesign Arena')).toBeGreaterThan(at('Endret etter godkjenningen'));
    expect(at('Budsjett mot finansiering')).toBeGreaterThan(at('Endret i budsjettet'));
    // The findings with their explanations, on the sheet's next page.
    const all = rest.map((p) => pageText(pdfs.changed, p)).join('');
    // (Side by side, the message's and the explanation's lines interleave in the page's text.)
    expect(all).toContain('Endret etter forklaringen:');
    expect(all).toContain('betaler hele 2010');
    expect(all).toContain('Nordmann, 5. mars 2024)');
  });

  it('never leaves the findings’ title and header at the foot of a page without a finding under them', () => {
    for (const pdf of Object.values(pdfs)) {
      const onPage = sheetPages(pdf).filter((p) => /^\s*Alvorlighet Kode Melding/m.test(pageText(pdf, p)));
      expect(onPage).toHaveLength(1);
      const text = pageText(pdf, onPage[0]);
      expect(text.slice(text.search(/Alvorlighet Kode/))).toMatch(/CONTRIBUTION_MISMATCH/);
    }
  });
});
