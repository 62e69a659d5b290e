/**
 * The sheet tabs under the grid, as in Excel, as an ARIA tab list (arrow keys, Home and End move
 * between tabs). A hidden sheet has a greyed tab that says so, and can still be looked at.
 */
import type { KeyboardEvent } from 'react';
import type { SheetTab } from '../hooks/useSheetView';

export interface SheetTabsProps {
  readonly tabs: readonly SheetTab[];
  readonly shown: string | null;
  readonly label: string;
  /** The word for a hidden sheet, `skjult`. */
  readonly hiddenLabel: string;
  readonly panelId: string;
  readonly tabId: (index: number) => string;
  readonly onShow: (name: string) => void;
}

export function SheetTabs({ tabs, shown, label, hiddenLabel, panelId, tabId, onShow }: SheetTabsProps) {
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const current = tabs.findIndex((t) => t.name === shown);
    const next =
      e.key === 'ArrowRight'
        ? (current + 1) % tabs.length
        : e.key === 'ArrowLeft'
          ? (current - 1 + tabs.length) % tabs.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? tabs.length - 1
              : null;
    if (next === null || tabs.length === 0) return;
    e.preventDefault();
    onShow(tabs[next].name);
    document.getElementById(tabId(next))?.focus();
  };

  return (
    <div className="sheet-tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab, i) => {
        const selected = tab.name === shown;
        return (
          <button
            key={tab.name}
            type="button"
            role="tab"
            id={tabId(i)}
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            className="sheet-tab"
            data-hidden={tab.hidden ? 'true' : undefined}
            onClick={() => onShow(tab.name)}
          >
            {tab.name}
            {tab.hidden && <span className="sheet-tab-marker"> ({hiddenLabel})</span>}
          </button>
        );
      })}
    </div>
  );
}
