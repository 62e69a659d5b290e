/**
 * The outputs rendered by ExcelJS into a loaded workbook: register text that
 * looks like a formula stays text, links, formats and print settings land,
 * marker names are written and read back.
 */
import ExcelJS from 'exceljs';
import { buildOutputs } from '../../src/domain/outputs';
import { reconcile } from '../../src/domain/reconcile/reconcile';
import { registerSheetModel } from '../../src/domain/register/registerSheet';
import type { WorkbookModel } from '../../src/domain/model';
import { sampleRegister, sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { strFromU8, unzipSync } from 'fflate';
import { applyOutputs, readWorkbookData } from '../../src/xlsx';
import { writeWorkbookBuffer } from '../../src/cli/workbookFiles';

const TRICKY = ['=HYPERLINK("x")', '+SUM(1,1)', '@x', '-2+3'];

/** The sample with project 3.1's texts replaced by formula-like strings. */
function trickyModel(): WorkbookModel {
  const reg = sampleRegister();
  const entries = reg.entries.map((e) =>
    e.id === '3.1'
      ? {
          ...e,
          area: TRICKY[0],
          phase: TRICKY[1],
          owner: TRICKY[2],
          role: TRICKY[3],
          partners: TRICKY,
          goals: TRICKY,
        }
      : e,
  );
  const model = sampleWorkbookModel();
  return {
    sheets: model.sheets.map((s) =>
      s.name === 'Prosjektregister' ? registerSheetModel({ ...reg, entries }) : s,
    ),
  };
}

async function load(buf: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

async function withOutputs(model: WorkbookModel, lang: 'nb' | 'en' = 'nb') {
  const file = readWorkbookData(new Uint8Array(await writeWorkbookBuffer(model)), 'in.xlsx');
  const snapshot = file.snapshot;
  const outputs = buildOutputs(reconcile(snapshot), lang, snapshot);
  const applied = applyOutputs(file, outputs);
  const out = await load(Buffer.from(applied.bytes));
  const reread = readWorkbookData(applied.bytes, 'out.xlsx', { allSheets: true }).snapshot;
  /** A part of the written file, as text. */
  const part = (name: string) => strFromU8(unzipSync(applied.bytes)[name]);
  return { out, applied, outputs, reread, part };
}

describe('outputs added to a workbook file, read back by ExcelJS', () => {
  it('writes register text beginning with = + - @ as text with the Text format, and reads it back as text', async () => {
    const { out, reread } = await withOutputs(trickyModel());
    const cards = out.getWorksheet('Prosjektkort')!;
    const summary = out.getWorksheet('Sammendrag')!;
    const found = new Map<string, ExcelJS.Cell[]>();
    for (const ws of [cards, summary]) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Merge) return;
          if (typeof cell.value === 'string' && TRICKY.includes(cell.value)) {
            found.set(cell.value, [...(found.get(cell.value) ?? []), cell]);
          }
        }),
      );
    }
    expect([...found.keys()].sort()).toEqual([...TRICKY].sort());
    for (const cells of found.values()) {
      for (const c of cells) {
        expect(c.type).toBe(ExcelJS.ValueType.String);
        expect(c.numFmt).toBe('@');
      }
    }
    const snap = reread.sheets.find((s) => s.name === 'Prosjektkort')!;
    const flat = snap.values.flat();
    for (const t of TRICKY) expect(flat).toContain(t);
    expect(
      snap.formulas!.flat().filter((f) => f !== null && TRICKY.some((t) => f.includes(t.slice(1)))),
    ).toEqual([]);
  });

  it('writes links, formats, frozen panes, print settings and marker names', async () => {
    const { out, applied, part, reread, outputs } = await withOutputs(sampleWorkbookModel());
    expect(outputs.sheets[1].sheet.print?.rowBreaks).toHaveLength(5);
    expect(applied.sheets).toEqual(['Avstemming', 'Prosjektkort', 'Sammendrag']);
    // ExcelJS does not read calcPr back: check what was written.
    expect(part('xl/workbook.xml')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    const ws = out.getWorksheet('Avstemming')!;
    let link: ExcelJS.Cell | undefined;
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.formula?.startsWith('HYPERLINK("#Budsjett!B9"')) link = c;
      }),
    );
    expect(link?.formula).toBe('HYPERLINK("#Budsjett!B9","Budsjett!B9")');
    expect(ws.getCell('C15').formula).toBe('Budsjett!B9');
    expect(ws.getCell('C15').numFmt).toBe('#,##0');
    expect(ws.getCell('A6').font?.bold).toBe(true);
    expect(ws.getCell('C15').border?.left?.style).toBe('thin');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 6, xSplit: 1 });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
    });
    expect(ws.pageSetup.printTitlesRow).toBe('6:6');
    const cf = (ws as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
    expect(cf.length).toBeGreaterThan(0);
    // ExcelJS does not read row breaks back: check what was written. A break after 1-based row r
    // starts the page at 0-based row r, the model's row.
    // Each output sheet's part holds its model's breaks (the cards', and the others' where they have some).
    const breaks = (n: string) => [...part(n).matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
    const written = Object.keys(unzipSync(applied.bytes))
      .filter((n) => n.startsWith('xl/worksheets/sheet') && part(n).includes('<rowBreaks'))
      .map(breaks);
    expect(written).toContainEqual(outputs.sheets[1].sheet.print?.rowBreaks);
    expect(reread.names).toEqual([
      { name: 'PlanReconciler_Reconciliation', sheet: 'Avstemming', ref: '$A$1' },
      { name: 'PlanReconciler_Cards', sheet: 'Prosjektkort', ref: '$A$1' },
      { name: 'PlanReconciler_Summary', sheet: 'Sammendrag', ref: '$A$1' },
    ]);
  });

  it('quotes sheet names that need it in marker names', async () => {
    const { out, reread } = await withOutputs(sampleWorkbookModel(), 'en');
    expect(out.worksheets.map((w) => w.name)).toContain('Project cards');
    expect(reread.names).toContainEqual({
      name: 'PlanReconciler_Cards',
      sheet: 'Project cards',
      ref: '$A$1',
    });
  });
});
