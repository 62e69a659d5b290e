/**
 * Where each part of a clustered column chart goes in its frame, as Excel lays out a new chart:
 * the title on top, the legend at the bottom, the value axis' labels on the left, category
 * labels under the plot (wrapped), bars with Excel's gaps (219 % of a bar between categories,
 * 27 % between the bars of one category). Pure geometry in CSS pixels; the component draws it.
 */
import { CHART_SIZE, type ChartPicture } from './chartPicture';

/** Text sizes in CSS pixels: 14 pt for the title, 9 pt for the rest (Excel's defaults). */
export const TITLE_PX = 18.7;
export const LABEL_PX = 12;
const LINE_PX = 14;
/** About how wide one character of Calibri (or Carlito) is, per pixel of size: no text is measured here. */
const CHAR_EM = 0.48;
const CHAR_PX = CHAR_EM * LABEL_PX;
const MAX_LABEL_LINES = 5;
/** Category label sizes tried in turn until every label fits its lines (Excel shrinks them too). */
const CATEGORY_PX = [LABEL_PX, 10.5, 9];
const GAP = 2.19;
const SPACE = 0.27;

export interface BarBox {
  readonly series: number;
  readonly category: number;
  readonly value: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface ChartLayout {
  readonly width: number;
  readonly height: number;
  readonly title: { readonly x: number; readonly y: number };
  /** The plot area. */
  readonly plot: {
    readonly left: number;
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
  };
  /** Value axis ticks: value, label and height. */
  readonly ticks: readonly { readonly value: number; readonly label: string; readonly y: number }[];
  /** Category labels: centre, first baseline and lines, all in one size (`categoryPx`). */
  readonly categories: readonly {
    readonly x: number;
    readonly y: number;
    readonly lines: readonly string[];
  }[];
  readonly categoryPx: number;
  readonly bars: readonly BarBox[];
  readonly legend: readonly {
    readonly x: number;
    readonly y: number;
    readonly name: string;
    readonly color: string;
  }[];
}

/** Words on lines of at most `chars` characters (a longer word is cut), at most `max` lines. */
export function wrapText(text: string, chars: number, max = MAX_LABEL_LINES): string[] {
  const width = Math.max(1, Math.floor(chars));
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (word.length > width) {
      if (line) lines.push(line);
      lines.push(word.slice(0, width));
      word = word.slice(width);
      line = '';
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = `${kept[max - 1].slice(0, Math.max(0, width - 1))}…`;
  return kept;
}

export function chartLayout(picture: ChartPicture, format: (n: number) => string): ChartLayout {
  const { width, height } = CHART_SIZE;
  const { min, max, step } = picture.scale;
  const values: number[] = [];
  for (let k = 0; min + k * step <= max + step / 2; k++) values.push(min + k * step);
  const labels = values.map(format);
  const axisWidth = Math.max(...labels.map((l) => l.length)) * CHAR_PX + 8;

  const titleHeight = picture.title ? TITLE_PX + 16 : 8;
  const legendHeight = LINE_PX + 14;
  const left = 8 + axisWidth;
  const right = width - 14;
  const n = Math.max(1, picture.categories.length);
  const slot = (right - left) / n;
  const wrapAt = (px: number) =>
    picture.categories.map((c) => wrapText(c, (slot - 4) / (CHAR_EM * px), Infinity));
  const categoryPx = CATEGORY_PX.find((px) => wrapAt(px).every((w) => w.length <= MAX_LABEL_LINES)) ?? 9;
  const wrapped = picture.categories.map((c) => wrapText(c, (slot - 4) / (CHAR_EM * categoryPx)));
  const lineCount = Math.max(1, ...wrapped.map((w) => w.length));
  const top = titleHeight + 6;
  const bottom = height - legendHeight - lineCount * (categoryPx + 2) - 8;
  const y = (v: number) => bottom - ((v - min) / (max - min)) * (bottom - top);
  const zero = y(Math.min(Math.max(0, min), max));

  const count = picture.series.length;
  const bar = slot / (count + SPACE * (count - 1) + GAP);
  const bars: BarBox[] = [];
  picture.series.forEach((s, i) =>
    s.values.forEach((value, k) => {
      if (value === null || k >= n) return;
      const top = Math.min(y(value), zero);
      bars.push({
        series: i,
        category: k,
        value,
        x: left + k * slot + (GAP / 2) * bar + i * (1 + SPACE) * bar,
        y: top,
        width: bar,
        height: Math.abs(y(value) - zero),
      });
    }),
  );

  // The legend: one row, centred (swatch, gap, name, space).
  const items = picture.series.map((s) => ({ s, w: 12 + s.name.length * CHAR_PX + 14 }));
  let x = (width - items.reduce((a, it) => a + it.w, 0)) / 2;
  const legend = items.map(({ s, w }) => {
    const item = { x, y: height - 12, name: s.name, color: s.color };
    x += w;
    return item;
  });

  return {
    width,
    height,
    title: { x: width / 2, y: 8 + TITLE_PX },
    plot: { left, top, right, bottom },
    ticks: values.map((value, k) => ({ value, label: labels[k], y: y(value) })),
    categories: wrapped.map((lines, k) => ({
      x: left + (k + 0.5) * slot,
      y: bottom + 6 + categoryPx,
      lines,
    })),
    categoryPx,
    bars,
    legend,
  };
}
