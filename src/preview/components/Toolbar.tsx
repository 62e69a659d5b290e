/**
 * The preview's toolbar: a stand-in for the ribbon's Avstem button, the workbook (open an .xlsx,
 * reload the sample, save it as .xlsx, what is open, what went wrong), and the language.
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
} from '@fluentui/react-components';
import { useId, useRef } from 'react';
import { isLang, type Lang } from '../../domain/messages';
import type { LoadError } from '../hooks/useWorkbook';
import type { PreviewStrings } from '../strings';

export interface ToolbarProps {
  readonly t: PreviewStrings;
  readonly lang: Lang;
  /** The open file's name; null for the sample. */
  readonly fileName: string | null;
  readonly reading: string | null;
  readonly error: LoadError | null;
  /** False until the pane is mounted. */
  readonly ribbonReady: boolean;
  readonly onRibbonReconcile: () => void;
  readonly onOpenFile: (file: File) => void;
  readonly onReloadSample: () => void;
  /** Saves the open workbook as .xlsx (what the pane wrote into it included). */
  readonly onSave: () => void;
  readonly onDismissError: () => void;
  readonly onLang: (lang: Lang) => void;
}

const XLSX_TYPES = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function Toolbar(props: ToolbarProps) {
  const { t, lang, fileName, reading, error } = props;
  const fileInput = useRef<HTMLInputElement>(null);
  const ribbonHintId = useId();
  const langId = useId();

  return (
    <header className="toolbar">
      <div className="toolbar-row">
        <div role="group" aria-label={t.ribbon} className="toolbar-group">
          <Button
            appearance="primary"
            disabledFocusable={!props.ribbonReady}
            aria-describedby={ribbonHintId}
            onClick={props.onRibbonReconcile}
          >
            {t.ribbonReconcile}
          </Button>
          <span id={ribbonHintId} className="toolbar-hint">
            {t.ribbonHint}
          </span>
        </div>
        <div role="group" aria-label={t.workbookGroup} className="toolbar-group">
          <Button onClick={() => fileInput.current?.click()}>{t.openFile}</Button>
          <input
            ref={fileInput}
            type="file"
            accept={XLSX_TYPES}
            aria-label={t.fileInputLabel}
            hidden
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              // Cleared so that choosing the same file again opens it again.
              e.currentTarget.value = '';
              if (file) props.onOpenFile(file);
            }}
          />
          <Button onClick={props.onReloadSample}>{t.reloadSample}</Button>
          <Button onClick={props.onSave}>{t.saveFile}</Button>
          <span className="toolbar-hint">{t.dropHint}</span>
        </div>
        <div className="toolbar-group">
          <label htmlFor={langId}>{t.language}</label>
          <Select
            id={langId}
            value={lang}
            onChange={(_, data) => props.onLang(isLang(data.value) ? data.value : 'nb')}
          >
            <option value="nb" lang="nb">
              {t.languageNames.nb}
            </option>
            <option value="en" lang="en">
              {t.languageNames.en}
            </option>
          </Select>
        </div>
      </div>
      <div className="toolbar-row" role="status">
        {reading === null ? (
          <span className="toolbar-open">
            {t.workbookGroup}: <strong data-testid="open-workbook">{t.openWorkbook(fileName)}</strong>
          </span>
        ) : (
          <Spinner size="tiny" label={t.reading(reading)} />
        )}
      </div>
      {error && (
        <div role="alert">
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.loadErrorTitle}</MessageBarTitle>
              {t.loadError(error.fileName, error.reason, error.detail)}
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={props.onDismissError}>{t.dismiss}</Button>
            </MessageBarActions>
          </MessageBar>
        </div>
      )}
    </header>
  );
}
