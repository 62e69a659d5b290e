/**
 * Charts (ExcelApi 1.1; adding series and setting their data 1.7): what was
 * asked is stored in the sheet's data, with series sources resolved to
 * addresses when set, so tests and the preview can read a chart back.
 */
import type { ChartData, ChartSeriesData, SheetData } from '../model/cells';
import { invalidArgument, itemNotFound } from '../model/errors';
import { qualifiedAddress, rectToA1 } from '../model/rangeAddress';
import type { Execution } from '../richApi/execution';
import { defineType, type TypeDef } from '../richApi/schema';
import { rangeArgument, rangeOf } from './ranges';
import { record } from './record';

interface ChartTarget {
  readonly sheet: SheetData;
  readonly chart: ChartData;
}

interface SeriesTarget {
  readonly chart: ChartTarget;
  readonly series: ChartSeriesData;
}

export const ChartCollection: TypeDef<SheetData> = defineType<SheetData>({
  name: 'ChartCollection',
  items: { type: () => Chart, list: (s) => s.charts.map((chart) => ({ sheet: s, chart })) },
  methods: {
    GetCount: { call: (s) => s.charts.length },
    /** A chart of `sourceData`: one series per column (or row), as Excel lays it out. */
    Add: {
      returns: () => Chart,
      call: (sheet, [type, sourceData, seriesBy], x): ChartTarget => {
        const { sheet: source, rect } = rangeOf(sourceData, 'ChartCollection.add');
        if (typeof type !== 'string') throw invalidArgument('chart type');
        x.state.guard(sheet);
        const byRows = seriesBy === 'Rows';
        const series: ChartSeriesData[] = Array.from({ length: byRows ? rect.rows : rect.cols }, (_, i) => ({
          name: null,
          values: qualifiedAddress(
            source.name,
            byRows ? { ...rect, row: rect.row + i, rows: 1 } : { ...rect, col: rect.col + i, cols: 1 },
          ),
          categories: null,
        }));
        const chart: ChartData = { type, title: null, series, position: null };
        sheet.charts.push(chart);
        x.journal.push(() => sheet.charts.splice(sheet.charts.indexOf(chart), 1));
        x.changedSheets.add(sheet.name);
        return { sheet, chart };
      },
    },
  },
});

export const Chart: TypeDef<ChartTarget> = defineType<ChartTarget>({
  name: 'Chart',
  properties: { ChartType: { get: (c) => c.chart.type } },
  navigations: {
    Title: { type: () => ChartTitle, get: (c) => c },
    Series: { type: () => ChartSeriesCollection, get: (c) => c },
  },
  methods: {
    SetPosition: {
      call: (c, [start], x: Execution) => {
        const { rect } = rangeArgument(x, c.sheet, start, 'Chart.setPosition');
        const position = rectToA1({ ...rect, rows: 1, cols: 1 });
        record(
          x,
          () => c.chart.position,
          (p) => (c.chart.position = p),
          position,
        );
      },
    },
  },
});

const ChartTitle: TypeDef<ChartTarget> = defineType<ChartTarget>({
  name: 'ChartTitle',
  properties: {
    Text: {
      get: (c) => c.chart.title,
      set: (c, v, x) =>
        record(
          x,
          () => c.chart.title,
          (t) => (c.chart.title = t),
          v === null ? null : String(v),
        ),
    },
  },
});

const ChartSeriesCollection: TypeDef<ChartTarget> = defineType<ChartTarget>({
  name: 'ChartSeriesCollection',
  items: { type: () => ChartSeries, list: (c) => c.chart.series.map((series) => ({ chart: c, series })) },
  methods: {
    GetCount: { call: (c) => c.chart.series.length },
    GetItemAt: {
      returns: () => ChartSeries,
      call: (c, [index]): SeriesTarget => {
        const series = c.chart.series[index as number];
        if (!series) throw itemNotFound(`series ${String(index)}`);
        return { chart: c, series };
      },
    },
    /** A new, empty series. */
    Add: {
      api: '1.7',
      returns: () => ChartSeries,
      call: (c, [name], x): SeriesTarget => {
        const series: ChartSeriesData = {
          name: typeof name === 'string' ? name : null,
          values: null,
          categories: null,
        };
        c.chart.series.push(series);
        x.journal.push(() => c.chart.series.splice(c.chart.series.indexOf(series), 1));
        return { chart: c, series };
      },
    },
  },
});

function source(key: 'values' | 'categories', where: string) {
  return {
    api: '1.7',
    call: (s: SeriesTarget, [data]: readonly unknown[], x: Execution) => {
      const t = rangeOf(data, where);
      record(
        x,
        () => s.series[key],
        (v) => (s.series[key] = v),
        qualifiedAddress(t.sheet.name, t.rect),
      );
    },
  };
}

const ChartSeries: TypeDef<SeriesTarget> = defineType<SeriesTarget>({
  name: 'ChartSeries',
  properties: {
    Name: {
      get: (s) => s.series.name,
      set: (s, v, x) =>
        record(
          x,
          () => s.series.name,
          (n) => (s.series.name = n),
          v === null ? null : String(v),
        ),
    },
  },
  methods: {
    SetValues: source('values', 'ChartSeries.setValues'),
    SetXAxisValues: source('categories', 'ChartSeries.setXAxisValues'),
  },
});
