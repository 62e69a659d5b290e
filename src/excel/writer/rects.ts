/**
 * Grouping cells that share a format into rectangles, so that a format is
 * set once per rectangle (`range.format.fill.color = ...`) rather than once
 * per cell (OFFICEJS.md: per-cell formatting is what makes writes slow).
 */

/** 0-based rectangle of cells. */
export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export interface Keyed<T> {
  readonly row: number;
  readonly col: number;
  /** The format's value; undefined: the cell does not set it. */
  readonly value: T | undefined;
}

export interface RectOptions<T> {
  /** Whether cells of this value may be joined across rows / columns (borders: only when the sides agree). */
  readonly acrossRows?: (value: T) => boolean;
  readonly acrossCols?: (value: T) => boolean;
  /** Identity of a value; default `String`. */
  readonly key?: (value: T) => string;
}

/**
 * Maximal runs of equal values along each row, then runs of identical runs
 * down the rows. `cells` in row-major order. Linear in the number of cells.
 */
export function rectangles<T>(
  cells: readonly Keyed<T>[],
  options: RectOptions<T> = {},
): { readonly rect: Rect; readonly value: T }[] {
  const keyOf = options.key ?? ((v: T) => String(v));
  const done: { rect: Rect; value: T }[] = [];
  type Open = { row: number; col: number; rows: number; cols: number; value: T; key: string };
  let open = new Map<string, Open>();
  let i = 0;
  while (i < cells.length) {
    const row = cells[i].row;
    const runs: Open[] = [];
    for (; i < cells.length && cells[i].row === row; i++) {
      const c = cells[i];
      if (c.value === undefined) continue;
      const key = keyOf(c.value);
      const last = runs[runs.length - 1];
      if (
        last &&
        last.key === key &&
        last.col + last.cols === c.col &&
        (options.acrossCols?.(c.value) ?? true)
      ) {
        last.cols++;
      } else {
        runs.push({ row, col: c.col, rows: 1, cols: 1, value: c.value, key });
      }
    }
    const next = new Map<string, Open>();
    for (const run of runs) {
      const id = `${run.col}:${run.cols}:${run.key}`;
      const above = open.get(id);
      if (above && above.row + above.rows === row && (options.acrossRows?.(run.value) ?? true)) {
        above.rows++;
        open.delete(id);
        next.set(id, above);
      } else {
        next.set(id, run);
      }
    }
    for (const o of open.values()) done.push({ rect: o, value: o.value });
    open = next;
  }
  for (const o of open.values()) done.push({ rect: o, value: o.value });
  return done.map(({ rect, value }) => ({
    rect: { row: rect.row, col: rect.col, rows: rect.rows, cols: rect.cols },
    value,
  }));
}
