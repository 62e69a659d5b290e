/**
 * The preview grid's model (src/preview/grid/gridModel.ts) on the host's own sheet views: what is
 * drawn, how it looks, merged areas, and the window that keeps the selection on screen. Runs in
 * Jest (node); the page itself is tested in Chromium by preview.test.js.
 */
import { columnLetters } from '../../src/domain/address';
import { hostFromModel } from '../helpers/host';
import {
  areaAt,
  gridModel,
  moveSelection,
  parseRange,
  widthToPixels,
} from '../../src/preview/grid/gridModel';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';

const sample = () => hostFromModel(sampleWorkbookModel());

const cell = (model: ReturnType<typeof gridModel>, address: string) =>
  model.rows.flatMap((r) => r.cells).find((c) => c.address === address);

describe('gridModel', () => {
  it('draws the budget sheet with its texts and formats, amounts as Excel shows them in English', () => {
    const model = gridModel(sample().readSheet('Budsjett')!, 'en');
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

  it('shows amounts as Excel does in bokmål: a no-break space between thousands', () => {
    const model = gridModel(sample().readSheet('Budsjett')!, 'nb');
    expect(cell(model, 'B9')?.text).toBe('300\u00A0000');
    expect(cell(model, 'B11')?.text).toBe('3\u00A0430\u00A0000');
    expect(cell(model, 'A1')?.text).toBe('Post');
  });

  it('shows each cell through its own number format, in the language asked for', () => {
    const cells = [
      { row: 0, col: 0, value: 100_000, numberFormat: '#,##0;-#,##0;"-"' },
      { row: 0, col: 1, value: 0, numberFormat: '#,##0;-#,##0;"-"' },
      { row: 0, col: 2, value: -200_000, numberFormat: '#,##0;-#,##0;"-"' },
      { row: 0, col: 3, value: 0.022, numberFormat: '0.0%' },
      { row: 0, col: 4, value: 40179, numberFormat: 'd. mmmm yyyy' },
      { row: 0, col: 5, value: 1234.5 },
      { row: 0, col: 6, value: true },
      { row: 0, col: 7, value: '1 500 000 som tekst' },
      { row: 0, col: 8, formula: '=A1*2', numberFormat: '#,##0' },
    ];
    const host = hostFromModel({ sheets: [{ name: 'Ark1', cells }] });
    const texts = (lang: 'nb' | 'en') =>
      gridModel(host.readSheet('Ark1')!, lang)
        .rows[0].cells.slice(0, cells.length)
        .map((c) => c.text);
    expect(texts('nb')).toEqual([
      '100\u00A0000',
      '-',
      '-200\u00A0000',
      '2,2%',
      '1. januar 2010',
      '1234,5',
      'SANN',
      '1 500 000 som tekst',
      '200\u00A0000',
    ]);
    expect(texts('en')).toEqual([
      '100,000',
      '-',
      '-200,000',
      '2.2%',
      '1. January 2010',
      '1234.5',
      'TRUE',
      '1 500 000 som tekst',
      '200,000',
    ]);
  });

  it('keeps indents and italics of the financing sheet', () => {
    const model = gridModel(sample().readSheet('Finansiering')!, 'nb');
    expect(cell(model, 'A4')).toMatchObject({ text: 'Etablerertjenester', look: { indent: 1 } });
    expect(cell(model, 'A10')).toMatchObject({ text: 'SNRs bidrag', look: { italic: true } });
  });

  it('marks the selection, its first cell and its row and column headers', () => {
    const host = sample();
    host.selectRange('Budsjett!B9:C10');
    const model = gridModel(host.readSheet('Budsjett')!, 'nb');
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
    const model = gridModel(host.readSheet('Ark1')!, 'nb');
    expect(cell(model, 'A1')).toMatchObject({ text: 'Tittel', colSpan: 3, rowSpan: 2 });
    expect(cell(model, 'B1')).toBeUndefined();
    expect(cell(model, 'A2')).toBeUndefined();
    expect(cell(model, 'D1')).toBeDefined();
  });

  it('draws a window of a big sheet that holds the selection', () => {
    const cells = Array.from({ length: 5000 }, (_, i) => ({ row: i, col: 0, value: i + 1 }));
    const host = hostFromModel({ sheets: [{ name: 'Stor', cells }] });
    expect(gridModel(host.readSheet('Stor')!, 'nb').rows).toHaveLength(500);

    host.selectRange('Stor!A4000');
    const model = gridModel(host.readSheet('Stor')!, 'nb');
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

describe('moveSelection: the keys that move the selection in the grid, as in Excel', () => {
  /** The selection after pressing `keys` one after the other on Budsjett of the sample, from `start`. */
  function press(
    start: string,
    ...keys: (string | { key: string; ctrlKey?: boolean; shiftKey?: boolean })[]
  ) {
    const host = sample();
    host.selectRange(`Budsjett!${start}`);
    const moves: (string | null)[] = [];
    for (const k of keys) {
      const next = moveSelection(
        gridModel(host.readSheet('Budsjett')!, 'nb'),
        typeof k === 'string' ? { key: k } : k,
      );
      moves.push(next);
      if (next !== null) host.selectRange(`Budsjett!${next}`);
    }
    return moves;
  }

  it('moves one cell with the arrows, and stops at the edge of the sheet', () => {
    expect(press('B9', 'ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'ArrowUp')).toEqual([
      'C9',
      'C10',
      'B10',
      'B9',
      'B8',
    ]);
    expect(press('A1', 'ArrowUp', 'ArrowLeft')).toEqual(['A1', 'A1']);
  });

  it('moves from a range selection’s active (first) cell', () => {
    expect(press('B9:C10', 'ArrowDown')).toEqual(['B10']);
  });

  it('Home and End go to column A and the last column used in the row; with Ctrl to A1 and the last used cell', () => {
    const used = sample().readSheet('Budsjett')!;
    const lastCol = columnLetters(used.columnCount - 1);
    expect(press('B9', 'Home', 'End', { key: 'End', ctrlKey: true }, { key: 'Home', ctrlKey: true })).toEqual(
      ['A9', `${lastCol}9`, `${lastCol}${used.rowCount}`, 'A1'],
    );
  });

  it('leaves the keys alone that do something else in Excel (Shift extends, Ctrl+arrow jumps, letters type)', () => {
    expect(
      press('B9', { key: 'ArrowDown', shiftKey: true }, { key: 'ArrowDown', ctrlKey: true }, 'a', 'Tab'),
    ).toEqual([null, null, null, null]);
  });

  it('moves past a merged area the active cell is in, and onto a merged area as a whole', () => {
    const host = hostFromModel({
      sheets: [{ name: 'Ark1', cells: [{ row: 0, col: 0, value: 'Tittel' }], merges: ['A1:C2'] }],
    });
    const model = (at: string) => {
      host.selectRange(`Ark1!${at}`);
      return gridModel(host.readSheet('Ark1')!, 'nb');
    };
    expect(moveSelection(model('A1:C2'), { key: 'ArrowRight' })).toBe('D1');
    expect(moveSelection(model('A1:C2'), { key: 'ArrowDown' })).toBe('A3');
    expect(moveSelection(model('D2'), { key: 'ArrowLeft' })).toBe('A1:C2');
    expect(moveSelection(model('B3'), { key: 'ArrowUp' })).toBe('A1:C2');
    expect(areaAt(model('D1'), 1, 1)).toBe('A1:C2');
    expect(areaAt(model('D1'), 2, 1)).toBe('B3');
  });
});
