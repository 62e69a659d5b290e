/**
 * Choosing the plan: a file input (.docx, .txt), a drop zone, or text pasted into a text area.
 * Presentational: the chosen file or the pasted text goes out; a refusal comes in and is shown
 * (in an alert, so it is announced) until the next choice.
 */
import {
  Body1,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Textarea,
} from '@fluentui/react-components';
import { useId, useState, type DragEvent } from 'react';
import type { Strings } from '../strings';
import { S } from '../styles';

export interface PlanChooseProps {
  readonly t: Strings;
  readonly busy: boolean;
  /** Why the last file or text was refused; null when none was. */
  readonly refused: string | null;
  readonly onFile: (file: File) => void;
  readonly onText: (text: string) => void;
}

const DROP: React.CSSProperties = {
  ...S.stack,
  padding: '12px',
  border: '1px dashed currentColor',
  borderRadius: '4px',
};

export function PlanChoose({ t, busy, refused, onFile, onText }: PlanChooseProps) {
  const inputId = useId();
  const [text, setText] = useState('');
  const drop = (event: DragEvent) => {
    event.preventDefault();
    // The page around the pane (the local preview) opens dropped workbooks: not this file.
    event.stopPropagation();
    const file = event.dataTransfer.files[0];
    if (file && !busy) onFile(file);
  };
  return (
    <div style={S.outcome}>
      <Body1 as="p" style={S.plain}>
        {t.plan.intro}
      </Body1>
      <div
        style={DROP}
        data-testid="plan-drop"
        onDragOver={(event) => {
          event.preventDefault();
          event.stopPropagation();
        }}
        onDrop={drop}
      >
        <label htmlFor={inputId}>
          <Body1>{t.plan.fileLabel}</Body1>
        </label>
        <input
          id={inputId}
          type="file"
          accept=".docx,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
          disabled={busy}
          style={S.shrink}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) onFile(file);
          }}
        />
        <Body1 style={S.missing}>{t.plan.dropHint}</Body1>
      </div>
      <Field label={t.plan.pasteLabel}>
        <Textarea value={text} resize="vertical" onChange={(_, data) => setText(data.value)} />
      </Field>
      <Button disabledFocusable={busy || text.trim() === ''} onClick={() => onText(text)} style={S.start}>
        {t.plan.readPasted}
      </Button>
      {refused !== null && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t.plan.refusedTitle}</MessageBarTitle>
            {refused}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
