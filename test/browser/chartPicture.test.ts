/**
 * The preview's chart (src/preview/chart): what it draws for a chart the pane inserted into the
 * in-memory Excel, read from the host with its cells' current values, and where the bars and
 * labels go. Runs in Jest (node); preview.test.js looks at the page in Chromium.
 */
import { buildOutputs } from '../../src/domain/outputs';
import { CHART_COLORS } from '../../src/domain/outputs/style';
import { reconcile } from '../../src/domain/reconcile/reconcile';
import type { ExcelHost } from '../../src/host';
import { chartLayout, wrapText } from '../../src/preview/chart/chartLayout';
import { chartPicture, niceScale, splitRange } from '../../src/preview/chart/chartPicture';
import { hostRangeReader } from '../../src/preview/hooks/useSheetCharts';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { excelRun, gatewayOn, hostFromModel } from '../helpers/host';

/** The sample with the pane's three outputs inserted, as the preview's "Alle tre" does. */
async function sampleWithOutputs(): Promise<{ host: ExcelHost; summary: string }> {
  const host = hostFromModel(sampleWorkbookModel());
  const gateway = gatewayOn(host);
  const read = await gateway.read();
  const outputs = buildOutputs(reconcile(read.snapshot), 'nb', read.snapshot);
  await gateway.writeOutputs(outputs);
  return { host, summary: outputs.sheets.find((o) => o.placement.kind === 'summary')!.placement.sheet };
}

const format = (n: number) => new Intl.NumberFormat('nb-NO').format(n);

describe('the chart the preview draws from the host', () => {
  let host: ExcelHost;
  let summary: string;

  beforeAll(async () => {
    ({ host, summary } = await sampleWithOutputs());
  });

  const picture = () => chartPicture(host.readSheet(summary)!.charts[0], hostRangeReader(host))!;

  it('is the chart the pane inserted: its title, cell, series and the cells’ values and labels', () => {
    const [chart] = host.readSheet(summary)!.charts;
    const p = picture();
    expect(p.title).toBe(chart.title);
    expect(p.title).toBe('Budsjett etter innsatsområde');
    const view = host.readSheet(summary)!;
    const at = (ref: string) => {
      const { address } = splitRange(ref)!;
      const [first, last] = address.split(':');
      return view.cells.filter(
        (c) =>
          c.col === first.charCodeAt(0) - 65 &&
          c.row >= Number(first.slice(1)) - 1 &&
          c.row <= Number((last ?? first).slice(1)) - 1,
      );
    };
    expect(p.categories).toEqual(at(chart.series[0].categories!).map((c) => c.text));
    expect(p.series).toEqual(
      chart.series.map((s, i) => ({
        name: s.name,
        color: CHART_COLORS[i],
        values: at(s.values!).map((c) => c.value),
      })),
    );
    expect(p.anchor).toEqual({
      row: Number(chart.position!.slice(1)) - 1,
      col: chart.position!.charCodeAt(0) - 65,
    });
    // The engine's budget, split by focus area.
    expect(p.series[0].values.reduce((a: number, v) => a + (v ?? 0), 0)).toBe(3_430_000);
  });

  it('follows the cells: after a budget cell is edited, the bar of its focus area changes', async () => {
    const before = picture().series[0].values;
    await excelRun(host, async (context) => {
      context.workbook.worksheets.getItem('Budsjett').getRange('B9').values = [[200_000]];
      await context.sync();
    });
    const after = picture().series[0].values;
    const changed = after.map((v, i) => (v !== before[i] ? i : -1)).filter((i) => i >= 0);
    expect(changed).toHaveLength(1);
    expect(before[changed[0]]! - after[changed[0]]!).toBe(100_000);
  });

  it('lays out a bar per value as tall as its value on the axis, labels that fit their category', () => {
    const p = picture();
    const layout = chartLayout(p, format);
    const { plot } = layout;
    const values = p.series[0].values as number[];
    expect(layout.bars.map((b) => b.value)).toEqual(values);
    const scale = (plot.bottom - plot.top) / (p.scale.max - p.scale.min);
    for (const b of layout.bars) {
      expect(b.height).toBeCloseTo(b.value * scale, 6);
      expect(b.y + b.height).toBeCloseTo(plot.bottom, 6);
      expect(b.x).toBeGreaterThanOrEqual(plot.left);
      expect(b.x + b.width).toBeLessThanOrEqual(plot.right);
    }
    // The tallest bar stays under the top of the axis, whose labels are in the display language.
    expect(Math.max(...values)).toBeLessThanOrEqual(p.scale.max);
    expect(layout.ticks.map((t) => t.label)).toContain(format(p.scale.max));
    expect(layout.ticks[layout.ticks.length - 1].label).toMatch(/^\d{1,3}(\u00A0\d{3})*$/);
    // Every category's label, wrapped onto lines, keeps all its letters.
    const letters = (t: string) => t.replace(/\s+/g, '');
    layout.categories.forEach((c, k) => expect(letters(c.lines.join(''))).toBe(letters(p.categories[k])));
    expect(layout.legend.map((l) => [l.name, l.color])).toEqual(p.series.map((s) => [s.name, s.color]));
  });
});

describe('two series', () => {
  it('stand side by side in each category, in their own colours, with Excel’s gaps', () => {
    const layout = chartLayout(
      {
        title: 't',
        anchor: { row: 0, col: 0 },
        categories: ['a', 'b'],
        series: [
          { name: '2012', color: CHART_COLORS[0], values: [200, 500] },
          { name: '2013', color: CHART_COLORS[1], values: [200, null] },
        ],
        scale: niceScale(0, 500),
      },
      String,
    );
    const [a1, b1, a2] = layout.bars;
    expect(layout.bars).toHaveLength(3); // no bar where the cell holds no number
    expect([a1.series, a1.category, b1.series, b1.category, a2.series, a2.category]).toEqual([
      0, 0, 0, 1, 1, 0,
    ]);
    expect(a2.x).toBeCloseTo(a1.x + 1.27 * a1.width, 6);
    expect(b1.x - a1.x).toBeCloseTo((layout.plot.right - layout.plot.left) / 2, 6);
  });
});

describe('niceScale', () => {
  it('ends on whole steps of 1, 2 or 5 × 10ⁿ, with room above the tallest bar, as Excel', () => {
    expect(niceScale(0, 1_780_000)).toEqual({ min: 0, max: 2_000_000, step: 200_000 });
    expect(niceScale(0, 520_000)).toEqual({ min: 0, max: 600_000, step: 100_000 });
    expect(niceScale(0, 100)).toEqual({ min: 0, max: 120, step: 20 });
    expect(niceScale(-50, 100)).toEqual({ min: -60, max: 120, step: 20 });
    expect(niceScale(0, 0)).toEqual({ min: 0, max: 1, step: 0.2 });
  });
});

describe('wrapText', () => {
  it('breaks between words, cuts a word longer than a line, and ends a text too long with …', () => {
    expect(wrapText('3 Omdømmebygging og markedsføring av region og kommuner', 14, 4)).toEqual([
      '3',
      'Omdømmebygging',
      'og',
      'markedsføring…',
    ]);
    expect(wrapText('Drift og ukjente poster', 14)).toEqual(['Drift og', 'ukjente poster']);
    expect(wrapText('abcdefghij', 4, 5)).toEqual(['abcd', 'efgh', 'ij']);
  });
});
