/**
 * The charts of the sheet shown, as the preview draws them: read from the host (where the pane's
 * `charts.add` put them) with their cells' current values, again after every change the host
 * reports (an edit of a cell a chart is fed by redraws it).
 */
import { useEffect, useMemo, useState } from 'react';
import { parseRangeRef } from '../../domain/address';
import type { CellValue } from '../../domain/snapshot';
import type { ExcelHost } from '../../host';
import { chartPicture, splitRange, type ChartPicture, type RangeReader } from '../chart/chartPicture';

/** A range's cells in order (one row or column), from the host. */
export function hostRangeReader(host: ExcelHost): RangeReader {
  return (ref) => {
    const split = splitRange(ref);
    if (!split) return null;
    const rect = parseRangeRef(split.address)!;
    const view = host.readSheet(split.sheet, split.address);
    if (!view) return null;
    const byCell = new Map(view.cells.map((c) => [`${c.row},${c.col}`, c]));
    const values: CellValue[] = [];
    const texts: string[] = [];
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      for (let c = rect.col; c < rect.col + rect.cols; c++) {
        const cell = byCell.get(`${r},${c}`);
        values.push(cell?.value ?? null);
        texts.push(cell?.text ?? '');
      }
    }
    return { values, texts };
  };
}

export function useSheetCharts(host: ExcelHost, sheet: string | null): readonly ChartPicture[] {
  const [version, setVersion] = useState(0);
  useEffect(() => host.subscribe(() => setVersion((v) => v + 1)), [host]);
  return useMemo(() => {
    const view = sheet === null ? undefined : host.readSheet(sheet, 'A1');
    if (!view || view.charts.length === 0) return [];
    const read = hostRangeReader(host);
    return view.charts.map((c) => chartPicture(c, read)).filter((p): p is ChartPicture => p !== null);
  }, [host, sheet, version]); // version: re-read the host after a change
}
