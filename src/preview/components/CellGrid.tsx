/**
 * One sheet as Excel draws it: column letters and row numbers as table headers, each cell's
 * displayed text in its format (bold, italic, fill, colour, alignment, indent), merged areas,
 * and the selection highlighted and scrolled into view.
 */
import { useEffect, useRef, type CSSProperties } from 'react';
import type { CellLook, GridModel } from '../grid/gridModel';

export interface CellGridProps {
  readonly model: GridModel;
  readonly caption: string;
  /** Said under the grid when only part of the sheet is drawn. */
  readonly note: string | null;
  /** The grid is the sheet tabs' tab panel. */
  readonly panelId: string;
  readonly tabId: string;
}

function cellStyle(look: CellLook): CSSProperties {
  return {
    fontWeight: look.bold ? 700 : undefined,
    fontStyle: look.italic ? 'italic' : undefined,
    color: look.fontColor,
    backgroundColor: look.fill,
    fontSize: look.fontSize ? `${look.fontSize}pt` : undefined,
    textAlign: look.align,
    // Excel indents by about one character width per level.
    paddingInlineStart: look.indent ? `${4 + look.indent * 10}px` : undefined,
    whiteSpace: look.wrap ? 'normal' : undefined,
  };
}

/** Boolean attributes for CSS and tests: present when true, absent otherwise. */
const flag = (on: boolean) => (on ? 'true' : undefined);

export function CellGrid({ model, caption, note, panelId, tabId }: CellGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    scrollRef.current
      ?.querySelector('[data-active]')
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [model.sheet, model.selection]);

  return (
    <div
      ref={scrollRef}
      className="grid-scroll"
      role="tabpanel"
      id={panelId}
      aria-labelledby={tabId}
      // Focusable, so the grid can be scrolled from the keyboard.
      tabIndex={0}
    >
      <table className="grid">
        <caption className="visually-hidden">{caption}</caption>
        <colgroup>
          <col className="grid-row-head-col" />
          {model.columns.map((c) => (
            <col key={c.index} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <td className="grid-corner" />
            {model.columns.map((c) => (
              <th key={c.index} scope="col" data-selected={flag(c.selected)}>
                {c.letter}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {model.rows.map((row) => (
            <tr key={row.index}>
              <th scope="row" data-selected={flag(row.selected)}>
                {row.index + 1}
              </th>
              {row.cells.map((cell) => (
                <td
                  key={cell.col}
                  data-address={cell.address}
                  data-selected={flag(cell.selected)}
                  data-active={flag(cell.active)}
                  aria-current={cell.active ? 'true' : undefined}
                  rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined}
                  colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
                  style={cellStyle(cell.look)}
                >
                  {cell.text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {note && <p className="grid-note">{note}</p>}
    </div>
  );
}
