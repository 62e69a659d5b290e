/**
 * What the preview draws for a chart the host holds (one added through Office.js's
 * `charts.add`, as the pane's writer adds the summary's): its title, the categories and each
 * series' values read from the cells the series point at (as they are now, so an edit shows),
 * the value axis' scale, and where it stands. Pure: the chart component draws this.
 */
import { parseCellRef, parseRangeRef, splitSheetRef } from '../../domain/address';
import { CHART_COLORS } from '../../domain/outputs/style';
import type { CellValue } from '../../domain/snapshot';
import type { ChartData } from '../../host';

/** Excel's size for a new chart (5 × 3 in at 96 dpi), in CSS pixels. */
export const CHART_SIZE = { width: 480, height: 288 } as const;

export interface ChartSeriesPicture {
  readonly name: string;
  /** `#RRGGBB`: Excel's colour for the series at this position. */
  readonly color: string;
  /** One per category; null where the cell holds no number. */
  readonly values: readonly (number | null)[];
}

export interface ChartPicture {
  readonly title: string;
  /** 0-based top-left cell. */
  readonly anchor: { readonly row: number; readonly col: number };
  readonly categories: readonly string[];
  readonly series: readonly ChartSeriesPicture[];
  /** The value axis: from `min` to `max` in steps of `step` (both multiples of it). */
  readonly scale: { readonly min: number; readonly max: number; readonly step: number };
}

/** The cells of a range, in order (one row or column), as values and as shown. */
export type RangeReader = (
  ref: string,
) => { readonly values: readonly CellValue[]; readonly texts: readonly string[] } | null;

/** `'Sammendrag'!C5:C9` → sheet and address; null when it is not a range. */
export function splitRange(ref: string): { sheet: string; address: string } | null {
  const split = splitSheetRef(ref);
  if (!split) return null;
  const address = split.address.replace(/\$/g, '');
  return parseRangeRef(address) ? { sheet: split.sheet, address } : null;
}

/**
 * The chart as the preview draws it; null when it cannot be (no series with cells, or no
 * position: Excel would not show it either).
 */
export function chartPicture(chart: ChartData, read: RangeReader): ChartPicture | null {
  const anchor = chart.position === null ? null : parseCellRef(chart.position);
  if (!anchor) return null;
  const series = chart.series
    .map((s, i): ChartSeriesPicture | null => {
      const cells = s.values === null ? null : read(s.values);
      if (!cells) return null;
      return {
        name: s.name ?? `${i + 1}`,
        color: CHART_COLORS[i % CHART_COLORS.length],
        values: cells.values.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null)),
      };
    })
    .filter((s): s is ChartSeriesPicture => s !== null);
  if (series.length === 0) return null;
  const count = Math.max(...series.map((s) => s.values.length));
  const categoryRef = chart.series.find((s) => s.categories !== null)?.categories ?? null;
  const labels = categoryRef === null ? null : read(categoryRef);
  const categories = Array.from({ length: count }, (_, i) => labels?.texts[i] ?? `${i + 1}`);
  const numbers = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  return {
    title: chart.title ?? '',
    anchor,
    categories,
    series,
    scale: niceScale(Math.min(0, ...numbers), Math.max(0, ...numbers)),
  };
}

/**
 * An axis from `low` to `high` as Excel draws one: 5 % of the range added beyond the data, steps
 * of 1, 2 or 5 × 10ⁿ, at most about ten of them, the ends on whole steps. The caller includes 0.
 */
export function niceScale(low: number, high: number): { min: number; max: number; step: number } {
  if (!(high > low)) return { min: low, max: low + 1, step: 0.2 };
  const top = high > 0 ? high + 0.05 * (high - low) : high;
  const bottom = low < 0 ? low - 0.05 * (high - low) : low;
  const rough = (top - bottom) / 10;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  return { min: Math.floor(bottom / step) * step, max: Math.ceil(top / step) * step, step };
}
