/**
 * The sheet's charts over the grid, each with its top-left corner on its cell, as Excel floats a
 * chart over the cells; they scroll with the grid. A chart whose cell is not drawn (outside the
 * grid's window) is not shown. The grid stays usable under a chart (clicks go through it).
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { ChartPicture } from '../chart/chartPicture';
import type { GridModel } from '../grid/gridModel';
import { ChartFigure } from './ChartFigure';

export interface ChartLayerProps {
  readonly charts: readonly ChartPicture[];
  readonly model: GridModel;
  readonly format: (n: number) => string;
  readonly label: (title: string) => string;
}

type Position = { readonly left: number; readonly top: number } | null;

export function ChartLayer({ charts, model, format, label }: ChartLayerProps) {
  const layerRef = useRef<HTMLDivElement>(null);
  const [positions, setPositions] = useState<readonly Position[]>([]);

  // Where the anchor cells are drawn: measured, since the grid's rows grow with their text.
  useLayoutEffect(() => {
    const layer = layerRef.current;
    const table = layer?.parentElement?.querySelector('table');
    if (!layer || !table) return;
    const measure = () => {
      const origin = layer.getBoundingClientRect();
      const heads = table.querySelectorAll('thead th');
      const rows = table.querySelectorAll('tbody tr');
      setPositions(
        charts.map(({ anchor }) => {
          const col = model.columns.findIndex((c) => c.index === anchor.col);
          const row = model.rows.findIndex((r) => r.index === anchor.row);
          if (col < 0 || row < 0 || !heads[col] || !rows[row]) return null;
          return {
            left: heads[col].getBoundingClientRect().left - origin.left,
            top: rows[row].getBoundingClientRect().top - origin.top,
          };
        }),
      );
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(table);
    return () => observer.disconnect();
  }, [charts, model]);

  if (charts.length === 0) return null;
  return (
    <div ref={layerRef} className="chart-layer">
      {charts.map((picture, i) => {
        const at = positions[i];
        return at ? (
          <div key={i} className="chart-frame" style={{ left: at.left, top: at.top }}>
            <ChartFigure picture={picture} format={format} label={label(picture.title)} />
          </div>
        ) : null;
      })}
    </div>
  );
}
