/**
 * The preview grid's model (src/preview/grid/gridModel.ts) on the host's own sheet views: what is
 * drawn, how it looks, merged areas, and the window that keeps the selection on screen. Runs in
 * Jest (node); the page itself is tested in Chromium by preview.test.js.
 */
import { hostFromModel } from '../helpers/host';
import { gridModel, parseRange, widthToPixels } from '../../src/preview/grid/gridModel';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';

const sample = () => hostFromModel(sampleWorkbookModel());

const cell = (model: ReturnType<typeof gridModel>, address: string) =>
  model.rows.flatMap((r) => r.cells).find((c) => c.address === address);

describe('gridModel', () => {
  it('draws the budget sheet with its texts and formats, as the host renders them', () => {
    const model = gridModel(sample().readSheet('Budsjett')!);
    expect(model.sheet).toBe('Budsjett');
    expect(cell(model, 'A1')).toMatchObject({ text: 'Post', look: { bold: true, align: 'left' } });
    expect(cell(model, 'B1')?.look.align).toBe('right');
    expect(cell(model, 'B9')).toMatchObject({ text: '300,000', look: { bold: false, align: 'right' } });
    expect(cell(model, 'B11')).toMatchObject({ text: '3,430,000', look: { bold: true } });
    expect(model.columns[0]).toMatchObject({ letter: 'A', width: widthToPixels(32) });
    expect(model.columns[2]).toMatchObject({ letter: 'C', width: 64 });
    // The used area plus blank rows and columns, at least a screenful.
    expect(model.rows.length).toBeGreaterThanOrEqual(24);
    expect(model.columns.length).toBeGreaterThanOrEqual(8);
    expect(model.clipped).toBe(false);
  });

  it('keeps indents and italics of the financing sheet', () => {
    const model = gridModel(sample().readSheet('Finansiering')!);
    expect(cell(model, 'A4')).toMatchObject({ text: 'Etablerertjenester', look: { indent: 1 } });
    expect(cell(model, 'A10')).toMatchObject({ text: 'SNRs bidrag', look: { italic: true } });
  });

  it('marks the selection, its first cell and its row and column headers', () => {
    const host = sample();
    host.selectRange('Budsjett!B9:C10');
    const model = gridModel(host.readSheet('Budsjett')!);
    expect(model.selection).toBe('B9:C10');
    expect(cell(model, 'B9')).toMatchObject({ selected: true, active: true });
    expect(cell(model, 'C10')).toMatchObject({ selected: true, active: false });
    expect(cell(model, 'A9')).toMatchObject({ selected: false });
    expect(model.rows.filter((r) => r.selected).map((r) => r.index)).toEqual([8, 9]);
    expect(model.columns.filter((c) => c.selected).map((c) => c.letter)).toEqual(['B', 'C']);
  });

  it('draws a merged area as one cell spanning the others', () => {
    const host = hostFromModel({
      sheets: [{ name: 'Ark1', cells: [{ row: 0, col: 0, value: 'Tittel' }], merges: ['A1:C2'] }],
    });
    const model = gridModel(host.readSheet('Ark1')!);
    expect(cell(model, 'A1')).toMatchObject({ text: 'Tittel', colSpan: 3, rowSpan: 2 });
    expect(cell(model, 'B1')).toBeUndefined();
    expect(cell(model, 'A2')).toBeUndefined();
    expect(cell(model, 'D1')).toBeDefined();
  });

  it('draws a window of a big sheet that holds the selection', () => {
    const cells = Array.from({ length: 5000 }, (_, i) => ({ row: i, col: 0, value: i + 1 }));
    const host = hostFromModel({ sheets: [{ name: 'Stor', cells }] });
    expect(gridModel(host.readSheet('Stor')!).rows).toHaveLength(500);

    host.selectRange('Stor!A4000');
    const model = gridModel(host.readSheet('Stor')!);
    expect(model.rows).toHaveLength(500);
    expect(model.clipped).toBe(true);
    expect(cell(model, 'A4000')).toMatchObject({ text: '4000', active: true });
    expect(model.shownRows.total).toBe(5000);
    expect(model.shownRows.first).toBeLessThan(4000);
    expect(model.shownRows.last).toBeGreaterThan(4000);
  });

  it('reads the addresses the host states', () => {
    expect(parseRange('B9')).toEqual({ row: 8, col: 1, rows: 1, cols: 1 });
    expect(parseRange('C3:A1')).toEqual({ row: 0, col: 0, rows: 3, cols: 3 });
    expect(parseRange('A:C')).toBeNull();
    expect(parseRange('')).toBeNull();
  });
});
