/**
 * The local preview: the real task pane beside a grid view of the in-memory Excel it works on,
 * under a toolbar with the ribbon's Avstem, a file picker and the language. State lives in the
 * hooks; the components only draw it.
 */
import { FluentProvider } from '@fluentui/react-components';
import { useCallback, useId, useMemo } from 'react';
import { reconcileFromRibbon, type RibbonHost } from '../commands/commands';
import { fluentTheme } from '../taskpane/theme';
import { CellGrid } from './components/CellGrid';
import { ChartLayer } from './components/ChartLayer';
import { NameBox } from './components/NameBox';
import { SheetTabs } from './components/SheetTabs';
import { Toolbar } from './components/Toolbar';
import { useFileDrop } from './hooks/useFileDrop';
import { useLanguage } from './hooks/useLanguage';
import { useSheetCharts } from './hooks/useSheetCharts';
import { useSheetView } from './hooks/useSheetView';
import { useTaskpane } from './hooks/useTaskpane';
import { useWorkbook } from './hooks/useWorkbook';
import type { OpenWorkbook } from './hooks/useWorkbook';
import type { PreviewParams } from './params';
import { PREVIEW_STRINGS } from './strings';

export function PreviewApp({ params }: { readonly params: PreviewParams }) {
  const [lang, setLang] = useLanguage(params.lang);
  const t = PREVIEW_STRINGS[lang];
  const workbook = useWorkbook(params.latencyMs, params.profile);
  const { hostRef, controller } = useTaskpane(workbook.workbook.gateway, lang, params.theme);
  const sheets = useSheetView(workbook.workbook.host, lang);
  const { openFile } = workbook;
  const dragging = useFileDrop(useCallback((file: File) => void openFile(file), [openFile]));
  const ids = useId();
  const tabId = (index: number) => `${ids}-tab-${index}`;
  const panelId = `${ids}-panel`;

  const onRibbonReconcile = () => {
    if (controller === null) return;
    // Exactly what the ribbon runs in Excel; "showing the pane" here brings it into view.
    const host: RibbonHost = {
      showTaskpane: async () => hostRef.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' }),
    };
    void reconcileFromRibbon(controller, host);
  };

  const { model, tabs, shown } = sheets;
  const charts = useSheetCharts(workbook.workbook.host, model?.sheet ?? null);
  // The chart's axis in the display language's digits (`2 000 000` with U+00A0 in bokmål, as Excel).
  const formatNumber = useMemo(() => {
    const f = new Intl.NumberFormat(t.numberLocale, { maximumFractionDigits: 2 });
    return (n: number) => f.format(n);
  }, [t]);
  const shownIndex = tabs.findIndex((tab) => tab.name === shown);
  const note =
    model && model.clipped
      ? t.rowsShown(
          model.shownRows.first,
          Math.min(model.shownRows.last, model.shownRows.total),
          model.shownRows.total,
        )
      : null;

  return (
    <FluentProvider theme={fluentTheme(params.theme, false)} className="preview">
      <Toolbar
        t={t}
        lang={lang}
        fileName={workbook.workbook.fileName}
        reading={workbook.reading}
        error={workbook.error}
        ribbonReady={controller !== null}
        onRibbonReconcile={onRibbonReconcile}
        onOpenFile={(file) => void openFile(file)}
        onReloadSample={workbook.loadSample}
        onSave={() => void saveWorkbook(workbook.workbook, t.savedSampleName)}
        onDismissError={workbook.dismissError}
        onLang={setLang}
      />
      <div className="preview-body">
        <section className="workbook" aria-label={t.workbookRegion}>
          <NameBox label={t.nameBox} address={model?.selection ?? ''} />
          {model ? (
            <CellGrid
              model={model}
              caption={t.gridCaption(model.sheet, tabs[shownIndex]?.hidden ?? false)}
              note={note}
              panelId={panelId}
              tabId={tabId(shownIndex)}
              onSelect={sheets.select}
              onEdit={sheets.editable ? sheets.edit : undefined}
              editLabel={t.editCell}
            >
              <ChartLayer charts={charts} model={model} format={formatNumber} label={t.chartLabel} />
            </CellGrid>
          ) : (
            <p className="grid-scroll">{t.emptyWorkbook}</p>
          )}
          <SheetTabs
            tabs={tabs}
            shown={shown}
            label={t.sheetTabs}
            hiddenLabel={t.hidden}
            panelId={panelId}
            tabId={tabId}
            onShow={sheets.showSheet}
          />
        </section>
        <aside className="pane" aria-label={t.paneRegion} ref={hostRef} />
      </div>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          {t.dropHere}
        </div>
      )}
    </FluentProvider>
  );
}

/** The open workbook as an .xlsx download, by the CLI's writer in its own chunk. */
async function saveWorkbook(workbook: OpenWorkbook, sampleName: string): Promise<void> {
  const { saveXlsx } = await import(/* webpackChunkName: "xlsx-writer" */ './xlsx/saveXlsx');
  const bytes = saveXlsx(workbook.host.toSnapshot());
  const url = URL.createObjectURL(
    new Blob([new Uint8Array(bytes)], {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = workbook.fileName ?? sampleName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
