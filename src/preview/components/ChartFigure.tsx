/**
 * A chart of the sheet, drawn as Excel draws a new clustered column chart: a white frame with
 * the title, grid lines and value labels, the bars in the series' colours, wrapped category
 * labels and the legend. For a screen reader it is one image named by its title, with every
 * value in its description.
 */
import { useId } from 'react';
import { chartLayout, LABEL_PX, TITLE_PX } from '../chart/chartLayout';
import type { ChartPicture } from '../chart/chartPicture';

export interface ChartFigureProps {
  readonly picture: ChartPicture;
  /** A number as the display language writes it (`2 000 000`, `2,000,000`). */
  readonly format: (n: number) => string;
  /** The image's name for a screen reader (`Diagram: …`). */
  readonly label: string;
}

const TEXT = '#595959';
const LINE = '#D9D9D9';

export function ChartFigure({ picture, format, label }: ChartFigureProps) {
  const layout = chartLayout(picture, format);
  const descId = useId();
  const description = picture.series
    .map(
      (s) =>
        `${s.name}: ${picture.categories.map((c, k) => `${c} ${s.values[k] === null ? '–' : format(s.values[k]!)}`).join('; ')}`,
    )
    .join('. ');
  const { plot } = layout;
  return (
    <svg
      className="chart"
      role="img"
      aria-label={label}
      aria-describedby={descId}
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      data-title={picture.title}
    >
      <desc id={descId}>{description}</desc>
      <rect
        x={0.5}
        y={0.5}
        width={layout.width - 1}
        height={layout.height - 1}
        fill="#FFFFFF"
        stroke={LINE}
      />
      {picture.title && (
        <text x={layout.title.x} y={layout.title.y} textAnchor="middle" fontSize={TITLE_PX} fill={TEXT}>
          {picture.title}
        </text>
      )}
      {layout.ticks.map((t) => (
        <g key={t.value}>
          <line x1={plot.left} x2={plot.right} y1={t.y} y2={t.y} stroke={LINE} />
          <text x={plot.left - 6} y={t.y + LABEL_PX / 3} textAnchor="end" fontSize={LABEL_PX} fill={TEXT}>
            {t.label}
          </text>
        </g>
      ))}
      {layout.bars.map((b) => (
        <rect
          key={`${b.series}-${b.category}`}
          x={b.x}
          y={b.y}
          width={b.width}
          height={b.height}
          fill={picture.series[b.series].color}
          data-series={b.series}
          data-category={b.category}
          data-value={b.value}
        />
      ))}
      {layout.categories.map((c, k) => (
        <text key={k} x={c.x} y={c.y} textAnchor="middle" fontSize={layout.categoryPx} fill={TEXT}>
          {c.lines.map((line, i) => (
            <tspan key={i} x={c.x} dy={i === 0 ? 0 : layout.categoryPx + 2}>
              {line}
            </tspan>
          ))}
        </text>
      ))}
      {layout.legend.map((item) => (
        <g key={item.name}>
          <rect x={item.x} y={item.y - 8} width={8} height={8} fill={item.color} />
          <text x={item.x + 12} y={item.y} fontSize={LABEL_PX} fill={TEXT}>
            {item.name}
          </text>
        </g>
      ))}
    </svg>
  );
}
