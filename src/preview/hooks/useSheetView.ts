/**
 * The grid's view of the fake: its tabs, the sheet shown and that sheet's grid model, redrawn on
 * every change the fake reports. The sheet shown follows the fake's active sheet (so the pane's
 * "go to cell", which selects in the fake, brings its sheet up), except while the user looks at
 * a hidden sheet, which Excel cannot activate; the next selection ends that.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FakeWorkbook } from '../../fake';
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
  /** A click on a tab: activates a visible sheet in the fake, only shows a hidden one. */
  showSheet(name: string): void;
}

export function useSheetView(fake: FakeWorkbook): SheetView {
  // Bumped on every change the fake reports; the memos below re-read the fake then.
  const [version, setVersion] = useState(0);
  const [hiddenShown, setHiddenShown] = useState<string | null>(null);

  useEffect(() => {
    setHiddenShown(null);
    return fake.subscribe((change) => {
      if (change.selection || change.structure) setHiddenShown(null);
      setVersion((v) => v + 1);
    });
  }, [fake]);

  const tabs = useMemo(
    () => fake.sheets().map((s) => ({ name: s.name, hidden: s.visibility !== 'visible' })),
    [fake, version], // version: re-read the fake after a change
  );
  const shown = hiddenShown ?? fake.activeSheet ?? tabs[0]?.name ?? null;
  const model = useMemo(() => {
    const view = shown === null ? undefined : fake.readSheet(shown);
    return view ? gridModel(view) : null;
  }, [fake, shown, version]);

  const showSheet = useCallback(
    (name: string) => {
      const sheet = fake.sheets().find((s) => s.name === name);
      if (!sheet) return;
      if (sheet.visibility === 'visible') {
        setHiddenShown(null);
        fake.activateSheet(name);
      } else {
        setHiddenShown(name);
      }
    },
    [fake],
  );

  return { tabs, shown, model, showSheet };
}
