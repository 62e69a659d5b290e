/**
 * One sheet as Excel draws it: column letters and row numbers as table headers, each cell's
 * displayed text in its format (bold, italic, fill, colour, alignment, indent), merged areas,
 * and the selection highlighted and scrolled into view.
 *
 * From the keyboard it is an ARIA grid: one Tab stop, the active cell (a roving tabindex); the
 * arrow keys, Home, End, Ctrl+Home and Ctrl+End move the selection as in Excel (gridModel's
 * moveSelection), and the focus follows the active cell. A click selects a cell.
 *
 * With `onEdit` (a visible, unprotected sheet) a cell is edited as in Excel: typing a character
 * starts over with it, F2 or Enter edits what the cell holds (its formula or value), Enter or Tab
 * writes it and moves down or right, Esc leaves the cell as it was, Delete empties it. Without
 * it the grid is read-only.
 */
import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
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
  /** Writes what was typed into a cell (`B9`); absent: the sheet cannot be edited. */
  readonly onEdit?: (address: string, text: string) => void;
  /** The editor's accessible name for a cell (`Rediger B9`). */
  readonly editLabel?: (address: string) => string;
  /** Drawn over the cells, scrolling with them (the sheet's charts). */
  readonly children?: ReactNode;
}

interface Editing {
  readonly address: string;
  readonly text: string;
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

export function CellGrid(props: CellGridProps) {
  const { model, caption, note, panelId, tabId, onSelect, onEdit, children } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
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

  // Another sheet: an edit under way is dropped, as Esc.
  useEffect(() => setEditing(null), [model.sheet]);
  // The edit ended by a key: the focus goes back to the grid's active cell (the editor is gone).
  useEffect(() => {
    if (editing !== null || !focusFollows.current) return;
    scrollRef.current?.querySelector<HTMLElement>('[data-active]')?.focus({ preventScroll: true });
  }, [editing]);
  // Set when Enter, Tab or Esc ended the edit: the editor's blur that follows writes nothing.
  const ended = useRef(false);

  const active = model.rows.flatMap((row) => row.cells).find((cell) => cell.active) ?? null;

  /** Writes the edit, then moves the selection as Enter or Tab does in Excel. */
  const commit = (edit: Editing, move: 'down' | 'right' | null) => {
    ended.current = true;
    setEditing(null);
    onEdit?.(edit.address, edit.text);
    // A key ended the edit: the focus stays in the grid. A click elsewhere keeps it there.
    if (move === null) return;
    focusFollows.current = true;
    const next = moveSelection(model, {
      key: move === 'down' ? 'ArrowDown' : 'ArrowRight',
      ctrlKey: false,
      metaKey: false,
      shiftKey: false,
    });
    if (next !== null) onSelect(next);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    if (editing !== null) return;
    if (onEdit && active !== null && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const start = (text: string) => {
        e.preventDefault();
        ended.current = false;
        setEditing({ address: active.address, text });
      };
      if (e.key === 'F2' || e.key === 'Enter') return start(active.input);
      if (e.key.length === 1) return start(e.key);
      if (e.key === 'Delete') {
        e.preventDefault();
        onEdit(active.address, '');
        return;
      }
    }
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
        aria-readonly={onEdit ? undefined : 'true'}
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
                  {editing !== null && editing.address === cell.address ? (
                    <input
                      className="grid-editor"
                      aria-label={props.editLabel?.(cell.address) ?? cell.address}
                      value={editing.text}
                      autoFocus
                      onChange={(e) => setEditing({ address: cell.address, text: e.currentTarget.value })}
                      onKeyDown={(e) => {
                        // The grid's keys are not for the editor.
                        e.stopPropagation();
                        if (e.key === 'Enter' || e.key === 'Tab') {
                          e.preventDefault();
                          commit(editing, e.key === 'Enter' ? 'down' : 'right');
                        } else if (e.key === 'Escape') {
                          e.preventDefault();
                          ended.current = true;
                          focusFollows.current = true;
                          setEditing(null);
                        }
                      }}
                      onBlur={() => {
                        // A click elsewhere writes the edit, as in Excel.
                        if (!ended.current) commit(editing, null);
                      }}
                    />
                  ) : (
                    cell.text
                  )}
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
