/**
 * "Sett inn i arbeidsboken": the buttons that write the outputs into the workbook (the
 * reconciliation sheet, the project cards, one project's card, the summary, or all three), the
 * progress while Excel writes, and what came of it. Part of the result chunk: it is shown only
 * after a run.
 *
 * The project list is Fluent's Select (a native <select>), not Dropdown: the native list has the
 * keyboard and screen-reader behaviour people know (type-ahead, arrows, Alt+↓) in every Office
 * host, and Dropdown's focus management (Tabster) takes over Tab for the whole pane.
 */
import {
  Body1,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Subtitle2,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { OutputKind } from '../../domain/outputs/placement';
import { FailureMessage } from '../components/FailureMessage';
import type { InsertKind, InsertState, InsertTarget } from '../../app/controller';
import type { Strings } from '../strings';
import { S } from '../styles';

/** A project that can get a card: its index in the register's entries, id and name. */
export interface ProjectChoice {
  readonly entry: number;
  readonly id: string;
  readonly name: string;
}

export interface InsertSectionProps {
  readonly t: Strings;
  readonly projects: readonly ProjectChoice[];
  readonly insert: InsertState;
  /** Before the first insert: what inserting does to Excel's undo history (null: nothing said). */
  readonly note: string | null;
  readonly onInsert: (kind: InsertKind, project?: number) => void;
}

const BUTTONS: readonly (OutputKind | 'all')[] = ['reconciliation', 'cards', 'summary', 'all'];

export function InsertSection({ t, projects, insert, note, onInsert }: InsertSectionProps) {
  const headingId = useId();
  const noteId = useId();
  const cardLabelId = useId();
  const [chosen, setChosen] = useState<number | null>(null);
  // The first project until one is chosen (and again if the chosen one left the register).
  const project = projects.find((p) => p.entry === chosen) ?? projects[0];
  const writing = insert.status === 'writing';
  const describedBy = note === null ? undefined : noteId;

  return (
    <section aria-labelledby={headingId} style={S.stack}>
      <Subtitle2 as="h2" id={headingId} style={S.plain}>
        {t.insertHeading}
      </Subtitle2>
      {note !== null && (
        <Body1 as="p" id={noteId} style={S.plain}>
          {note}
        </Body1>
      )}
      <div style={S.row}>
        {BUTTONS.map((kind) => (
          <Button
            key={kind}
            disabledFocusable={writing}
            aria-describedby={describedBy}
            onClick={() => onInsert(kind)}
          >
            {t.insertButton[kind]}
          </Button>
        ))}
      </div>
      {project && (
        <div role="group" aria-labelledby={cardLabelId} style={S.stack}>
          <Field
            label={{ id: cardLabelId, children: t.cardProjectLabel }}
            hint={t.cardProjectHint}
            style={S.shrink}
          >
            <Select
              value={String(project.entry)}
              onChange={(_, data) => setChosen(Number(data.value))}
              style={S.shrink}
            >
              {projects.map((p) => (
                <option key={p.entry} value={String(p.entry)}>
                  {t.projectOption(p.id, p.name)}
                </option>
              ))}
            </Select>
          </Field>
          <Button
            disabledFocusable={writing}
            aria-describedby={describedBy}
            onClick={() => onInsert('card', project.entry)}
            style={S.start}
          >
            {t.insertButton.card}
          </Button>
        </div>
      )}
      <p style={S.srOnly} role="status" aria-live="polite" aria-atomic="true">
        {announcement(insert, t)}
      </p>
      {insert.status === 'writing' && (
        <Field
          label={t.inserting(what(insert.target, t))}
          validationMessage={t.insertProgress(Math.round(insert.progress * 100))}
          validationState="none"
        >
          <ProgressBar value={insert.progress} max={1} />
        </Field>
      )}
      {insert.status === 'done' && (
        <MessageBar intent={insert.leftOut.length > 0 ? 'warning' : 'success'} layout="multiline">
          <MessageBarBody>
            {t.inserted(insert.sheets)}
            {insert.leftOut.length > 0 && <> {t.leftOut(insert.leftOut)}</>}
          </MessageBarBody>
        </MessageBar>
      )}
      {insert.status === 'error' && (
        <FailureMessage
          t={t}
          failure={insert.failure}
          title={t.insertFailed(what(insert.target, t))}
          body={t.insertFailureBody[insert.failure.kind]}
          onRetry={() => retry(insert.target, onInsert)}
        />
      )}
    </section>
  );
}

function what(target: InsertTarget, t: Strings): string {
  return t.insertWhat[target.kind];
}

function retry(target: InsertTarget, onInsert: InsertSectionProps['onInsert']): void {
  if (target.kind === 'card') onInsert('card', target.project);
  else onInsert(target.kind);
}

/** What the live region says: the start, the outcome, or the failure of the last insert. */
function announcement(insert: InsertState, t: Strings): string {
  switch (insert.status) {
    case 'idle':
      return '';
    case 'writing':
      return t.inserting(what(insert.target, t));
    case 'done':
      return [t.inserted(insert.sheets), insert.leftOut.length > 0 ? t.leftOut(insert.leftOut) : '']
        .filter(Boolean)
        .join(' ');
    case 'error':
      return `${t.insertFailed(what(insert.target, t))}: ${t.failureTitle[insert.failure.kind]}.`;
  }
}
