/**
 * The grid's view of the host: its tabs, the sheet shown and that sheet's grid model, redrawn on
 * every change the host reports. The sheet shown follows the host's active sheet (so the pane's
 * "go to cell", which selects in the host, brings its sheet up), except while the user looks at
 * a hidden sheet, which Excel cannot activate; the next selection ends that.
 *
 * Moving in the grid (the arrow keys, a click) selects in the host, as in Excel, so the name box
 * and the pane see it; on a hidden sheet, which Excel cannot select in, only the grid's own
 * selection moves. Typing into a cell of a visible, unprotected sheet writes it in the host, as
 * typing in Excel does (the pane's live re-check sees it as it would see a user's edit).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { quoteSheetName } from '../../domain/address';
import type { Lang } from '../../domain/messages';
import type { ExcelHost } from '../../host';
import { gridModel, type GridModel } from '../grid/gridModel';

export interface SheetTab {
  readonly name: string;
  readonly hidden: boolean;
}

export interface SheetView {
  readonly tabs: readonly SheetTab[];
  /** The sheet shown; null for a workbook without sheets. */
  readonly shown: string | null;
  readonly model: GridModel | null;
  /** A click on a tab: activates a visible sheet in the host, only shows a hidden one. */
  showSheet(name: string): void;
  /** Selects `B9` or `A1:C1` on the sheet shown. */
  select(address: string): void;
  /** Whether the user may type into the sheet shown: visible and not protected, as in Excel. */
  readonly editable: boolean;
  /** Types `text` into a cell of the sheet shown, read as Excel reads typing (`=` starts a formula). */
  edit(address: string, text: string): void;
}

/** `lang`: the page's language, which the grid shows numbers in. */
export function useSheetView(host: ExcelHost, lang: Lang): SheetView {
  // Bumped on every change the host reports; the memos below re-read the host then.
  const [version, setVersion] = useState(0);
  const [hiddenShown, setHiddenShown] = useState<string | null>(null);
  // The grid's selection on the hidden sheet shown (the host keeps none for it).
  const [hiddenSelection, setHiddenSelection] = useState<string | null>(null);

  useEffect(() => {
    setHiddenShown(null);
    setHiddenSelection(null);
    return host.subscribe((change) => {
      if (change.selection || change.structure) {
        setHiddenShown(null);
        setHiddenSelection(null);
      }
      setVersion((v) => v + 1);
    });
  }, [host]);

  const tabs = useMemo(
    () => host.sheets().map((s) => ({ name: s.name, hidden: s.visibility !== 'visible' })),
    [host, version], // version: re-read the host after a change
  );
  const shown = hiddenShown ?? host.activeSheet ?? tabs[0]?.name ?? null;
  const model = useMemo(() => {
    const view = shown === null ? undefined : host.readSheet(shown);
    if (!view) return null;
    const selection = hiddenShown !== null && hiddenSelection !== null ? hiddenSelection : view.selection;
    return gridModel({ ...view, selection }, lang);
  }, [host, shown, hiddenShown, hiddenSelection, version, lang]);

  const showSheet = useCallback(
    (name: string) => {
      const sheet = host.sheets().find((s) => s.name === name);
      if (!sheet) return;
      setHiddenSelection(null);
      if (sheet.visibility === 'visible') {
        setHiddenShown(null);
        host.activateSheet(name);
      } else {
        setHiddenShown(name);
      }
    },
    [host],
  );

  const select = useCallback(
    (address: string) => {
      if (shown === null) return;
      if (hiddenShown !== null) setHiddenSelection(address);
      else host.selectRange(`${quoteSheetName(shown)}!${address}`);
    },
    [host, shown, hiddenShown],
  );

  const info = shown === null ? undefined : host.sheets().find((s) => s.name === shown);
  const editable =
    hiddenShown === null && info !== undefined && info.visibility === 'visible' && !info.protected;
  const edit = useCallback(
    (address: string, text: string) => {
      if (shown !== null && editable) host.typeInto(shown, address, text);
    },
    [host, shown, editable],
  );

  return { tabs, shown, model, showSheet, select, editable, edit };
}
