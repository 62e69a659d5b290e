/**
 * The register as a file: export as JSON or CSV (the codec's formats, docs/REGISTER.md), and import
 * from either. An import writes nothing until its content is confirmed: a file with errors lists
 * every one (line and field) and stops there; a good file is shown by its counts first.
 */
import {
  Body1,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { registerFromCsv, registerToCsv } from '../../domain/register/codec/csv';
import { detectFormat } from '../../domain/register/codec/format';
import { importErrorMessage } from '../../domain/register/codec/importMessages';
import { registerFromJson, registerToJson } from '../../domain/register/codec/json';
import type { Register } from '../../domain/register/types';
import type { RegisterChange } from '../../app/controller';
import type { Lang, Strings } from '../strings';
import { S } from '../styles';
import { downloadText, readFileText } from './download';
import { FocusHeading } from './FocusHeading';

/** The exported file's type by format; its name is the pane's language's (`prosjektregister.csv`). */
export const EXPORT_TYPES = { json: 'application/json', csv: 'text/csv;charset=utf-8' } as const;

export interface ImportExportProps {
  readonly t: Strings;
  readonly lang: Lang;
  /** The register to export; null when there is none (import only). */
  readonly register: Register | null;
  readonly busy: boolean;
  readonly onWrite: (register: Register, change: RegisterChange) => Promise<boolean>;
}

type Pending =
  | { readonly status: 'errors'; readonly fileName: string; readonly messages: readonly string[] }
  | { readonly status: 'confirm'; readonly fileName: string; readonly register: Register };

export function ImportExport({ t, lang, register, busy, onWrite }: ImportExportProps) {
  const headingId = useId();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [exported, setExported] = useState<string | null>(null);

  const exportAs = (format: 'json' | 'csv') => {
    if (register === null) return;
    const fileName = `${t.reg.exportFileName}.${format}`;
    downloadText(
      format === 'json' ? registerToJson(register) : registerToCsv(register),
      fileName,
      EXPORT_TYPES[format],
    );
    setExported(fileName);
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setExported(null);
    let text: string;
    try {
      text = await readFileText(file);
    } catch {
      setPending({ status: 'errors', fileName: file.name, messages: [t.reg.importUnreadable] });
      return;
    } finally {
      // The same file can be chosen again after it was corrected.
      if (input.current) input.current.value = '';
    }
    const parsed = detectFormat(file.name, text) === 'json' ? registerFromJson(text) : registerFromCsv(text);
    setPending(
      parsed.ok
        ? { status: 'confirm', fileName: file.name, register: parsed.register }
        : {
            status: 'errors',
            fileName: file.name,
            messages: parsed.errors.map((e) => importErrorMessage(e, lang)),
          },
    );
  };

  /**
   * Closes the import's message: the focus goes to the file input (to choose another file), or to
   * the section's heading while the input is disabled, rather than to the page with the button.
   */
  const dismiss = () => {
    const el = input.current;
    if (el !== null && !el.disabled) el.focus();
    else headingRef.current?.focus();
    setPending(null);
  };

  const confirm = async () => {
    if (pending?.status !== 'confirm') return;
    const r = pending.register;
    const ok = await onWrite(r, { kind: 'import', entries: r.entries.length, sources: r.sources.length });
    if (ok) {
      setPending(null);
      input.current?.focus();
    }
  };

  return (
    <section aria-labelledby={headingId} style={S.stack}>
      <FocusHeading level={3} id={headingId} ref={headingRef}>
        {t.reg.ioHeading}
      </FocusHeading>
      {register !== null && (
        <div style={S.row}>
          <Button onClick={() => exportAs('json')}>{t.reg.exportJson}</Button>
          <Button onClick={() => exportAs('csv')}>{t.reg.exportCsv}</Button>
        </div>
      )}
      {/* Always rendered: a live region that appears with its text is often not announced. */}
      <Body1 as="p" role="status" aria-live="polite" style={S.plain}>
        {exported ? t.reg.exported(exported) : ''}
      </Body1>
      <label htmlFor={inputId}>
        <Body1>{t.reg.importLabel}</Body1>
      </label>
      <input
        ref={input}
        id={inputId}
        type="file"
        accept=".json,.csv,.txt,application/json,text/csv"
        disabled={busy}
        onChange={(event) => void choose(event)}
        style={S.shrink}
      />
      {pending?.status === 'errors' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.reg.importFailed(pending.fileName)}</MessageBarTitle>
            {t.reg.importNothingWritten}
            <ul style={S.bullets}>
              {pending.messages.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={dismiss}>{t.dismiss}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {pending?.status === 'confirm' && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.reg.importConfirmTitle(pending.fileName)}</MessageBarTitle>
            {t.reg.importConfirmBody(
              pending.register.entries.length,
              pending.register.sources.length,
              register !== null,
            )}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" disabledFocusable={busy} onClick={() => void confirm()}>
              {t.reg.importConfirm}
            </Button>
            <Button disabledFocusable={busy} onClick={dismiss}>
              {t.reg.cancel}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </section>
  );
}
