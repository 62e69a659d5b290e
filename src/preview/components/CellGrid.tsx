/**
 * One sheet as Excel draws it: column letters and row numbers as table headers, each cell's
 * displayed text in its format (bold, italic, fill, colour, alignment, indent), merged areas,
 * and the selection highlighted and scrolled into view.
 *
 * From the keyboard it is an ARIA grid (read-only): one Tab stop, the active cell (a roving
 * tabindex); the arrow keys, Home, End, Ctrl+Home and Ctrl+End move the selection as in Excel
 * (gridModel's moveSelection), and the focus follows the active cell. A click selects a cell.
 */
import { useEffect, useRef, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { areaAt, moveSelection, type CellLook, type GridModel } from '../grid/gridModel';

export interface CellGridProps {
  readonly model: GridModel;
  readonly caption: string;
  /** Said under the grid when only part of the sheet is drawn. */
  readonly note: string | null;
  /** The grid is the sheet tabs' tab panel. */
  readonly panelId: string;
  readonly tabId: string;
  /** Selects `B9` (or a merged area, `A1:C1`) on the sheet shown. */
  readonly onSelect: (address: string) => void;
  /** Drawn over the cells, scrolling with them (the sheet's charts). */
  readonly children?: ReactNode;
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

export function CellGrid({ model, caption, note, panelId, tabId, onSelect, children }: CellGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // A key moved the selection: the focus goes to the new active cell once it is drawn (the old
  // one may be gone by then, when the drawn window moved).
  const focusFollows = useRef(false);
  const hasActive = model.rows.some((row) => row.cells.some((cell) => cell.active));

  useEffect(() => {
    const grid = scrollRef.current;
    const active = grid?.querySelector<HTMLElement>('[data-active]');
    if (!grid || !active) return;
    // Only when the user is in the grid: "go to cell" in the pane must not take the focus.
    if (focusFollows.current || grid.contains(document.activeElement)) active.focus({ preventScroll: true });
    focusFollows.current = false;
    active.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [model.sheet, model.selection]);

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const next = moveSelection(model, e);
    if (next === null) return;
    // The page must not scroll as well.
    e.preventDefault();
    focusFollows.current = true;
    onSelect(next);
  };

  return (
    <div ref={scrollRef} className="grid-scroll" role="tabpanel" id={panelId} aria-labelledby={tabId}>
      <table
        className="grid"
        role="grid"
        aria-readonly="true"
        aria-multiselectable="true"
        onKeyDown={onKeyDown}
      >
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
          {model.rows.map((row, r) => (
            <tr key={row.index}>
              <th scope="row" data-selected={flag(row.selected)}>
                {row.index + 1}
              </th>
              {row.cells.map((cell, c) => (
                <td
                  key={cell.col}
                  data-address={cell.address}
                  data-selected={flag(cell.selected)}
                  data-active={flag(cell.active)}
                  aria-selected={cell.selected}
                  // The grid's one Tab stop: the active cell (the first cell when there is none).
                  tabIndex={cell.active || (!hasActive && r === 0 && c === 0) ? 0 : -1}
                  onClick={() => onSelect(areaAt(model, row.index, cell.col))}
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
      {children}
      {note && <p className="grid-note">{note}</p>}
    </div>
  );
}
