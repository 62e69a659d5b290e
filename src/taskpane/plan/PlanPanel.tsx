/**
 * "Read the action plan", loaded as its own chunk (the reader, the .docx layer, the diff): choose,
 * drop or paste the plan; review what was read (projects with each field's source and the
 * uncertain ones marked, sources, both tables, what could not be read); edit the register it makes
 * with the register editor itself; then write. A workbook without a register gets the plan's
 * register; one with a register is shown the difference and takes only the ticked changes. The
 * budget and financing sheets are written only where the workbook has none. The writing itself
 * is the controller's (`importPlan`); this panel only decides what to hand it.
 */
import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from '@fluentui/react-components';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { SheetModel } from '../../domain/model';
import { planSheets, unreadMessage, type PlanReading } from '../../domain/plan';
import { allChanges, applyDiff, diffRegisters, type TakenRows } from '../../domain/plan/merge';
import type { Register } from '../../domain/register/types';
import type { SheetRole } from '../../domain/tables/findSheet';
import type { LastRead, RegisterWriteState } from '../../app/controller';
import { FocusHeading } from '../register/FocusHeading';
import { RegisterEditor } from '../register/RegisterEditor';
import { WriteStatus } from '../register/WriteStatus';
import type { Lang, Strings } from '../strings';
import { S } from '../styles';
import { PlanChoose } from './PlanChoose';
import { PlanDiff } from './PlanDiff';
import { PlanProjectList } from './PlanProjectList';
import { PlanSection } from './PlanSection';
import { PlanSourceList } from './PlanSourceList';
import { PlanTableView } from './PlanTableView';
import { fileBytes } from '../fileBytes';
import { readPlanBytes, readPlanPasted, type PlanInput } from './readPlanInput';

export interface PlanPanelProps {
  readonly t: Strings;
  readonly lang: Lang;
  /** What the last run read; null before the first (writing waits for it). */
  readonly lastRead: LastRead | null;
  readonly running: boolean;
  /** The roles the workbook has no sheet for: only those sheets are written. */
  readonly missing: readonly SheetRole[];
  readonly write: RegisterWriteState;
  /** Bumped when the pane asks the panel to take the focus; 0: never. */
  readonly focusRequest: number;
  readonly onImport: (register: Register, sheets: readonly SheetModel[]) => Promise<boolean>;
  readonly onReread: () => void;
  readonly onDismissWrite: () => void;
  readonly onClose: () => void;
}

/** How many fields, sources and rows the reader marked uncertain (what the review marks). */
export function uncertainCount(r: PlanReading): number {
  let n = 0;
  for (const p of r.projects)
    for (const f of [
      p.name,
      p.area,
      p.phase,
      p.owner,
      p.role,
      p.partners,
      p.goals,
      p.contribution,
      p.basis,
      p.contributionNote,
      p.budgetLine,
    ])
      if (f.confidence === 'low') n++;
  n += r.sources.filter((s) => s.reason === 'undecided' || s.confidence === 'low').length;
  return n;
}

const key = (table: 'entries' | 'sources', index: number) => `${table}:${index}`;

export function PlanPanel(props: PlanPanelProps) {
  const { t, lang, lastRead, running, missing, write, focusRequest, onImport, onClose } = props;
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const reviewRef = useRef<HTMLHeadingElement>(null);
  const [reading, setReading] = useState(false);
  const [input, setInput] = useState<PlanInput | null>(null);
  const [draft, setDraft] = useState<Register | null>(null);
  const [editing, setEditing] = useState(false);
  const [untaken, setUntaken] = useState<ReadonlySet<string>>(new Set());
  const [written, setWritten] = useState(false);
  const busy = write.status === 'writing';

  useEffect(() => {
    if (focusRequest > 0) headingRef.current?.focus();
  }, [focusRequest]);
  const read = input?.status === 'read' ? input.reading : null;
  // A plan read: the focus goes to the review (the file input it was on is gone).
  useEffect(() => {
    if (read !== null) reviewRef.current?.focus();
  }, [read]);
  useEffect(() => {
    if (written) headingRef.current?.focus();
  }, [written]);

  const take = (result: PlanInput) => {
    setInput(result);
    setDraft(result.status === 'read' ? result.reading.register : null);
    setUntaken(new Set());
    setEditing(false);
    setWritten(false);
  };
  const chooseFile = async (file: File) => {
    setReading(true);
    try {
      take(readPlanBytes(await fileBytes(file), file.name, lang));
    } catch {
      take({ status: 'refused', message: t.plan.readFailed(file.name), name: file.name });
    } finally {
      setReading(false);
    }
  };
  const chooseText = (text: string) => take(readPlanPasted(text, t.plan.pastedName, lang));

  const current = lastRead?.register ?? null;
  const diff = useMemo(
    () => (current !== null && draft !== null ? diffRegisters(current, draft) : null),
    [current, draft],
  );
  const taken: TakenRows | null = useMemo(() => {
    if (diff === null) return null;
    const all = allChanges(diff);
    const keep = (table: 'entries' | 'sources') =>
      new Set([...all[table]].filter((i) => !untaken.has(key(table, i))));
    return { entries: keep('entries'), sources: keep('sources') };
  }, [diff, untaken]);

  const sheets = useMemo(() => {
    if (read === null) return [];
    const { budget, financing } = planSheets(read);
    return [
      missing.includes('budget') ? budget : null,
      missing.includes('financing') ? financing : null,
    ].filter((s): s is SheetModel => s !== null);
  }, [read, missing]);
  const budgetLines = useMemo(
    () => read?.budget?.rows.filter((r) => r.role === 'line').map((r) => r.label) ?? [],
    [read],
  );

  const unusable = lastRead !== null && lastRead.hasRegisterSheet && current === null;
  const changes = taken === null ? 0 : taken.entries.size + taken.sources.size;
  const canWrite = lastRead !== null && !unusable && (current === null || changes > 0 || sheets.length > 0);
  const writeNow = async () => {
    if (draft === null || !canWrite || busy) return;
    const register =
      current !== null && diff !== null && taken !== null ? applyDiff(current, diff, taken) : draft;
    if (await onImport(register, sheets)) setWritten(true);
  };

  const planWrite =
    write.status !== 'idle' && write.change.kind === 'plan' ? write : { status: 'idle' as const };
  const status = (
    <WriteStatus
      t={t}
      write={planWrite}
      inForm={false}
      onReread={props.onReread}
      onDismiss={props.onDismissWrite}
    />
  );

  let content;
  if (written) {
    content = (
      <>
        {status}
        <div style={S.row}>
          <Button onClick={() => take({ status: 'refused', message: '', name: '' })}>{t.plan.another}</Button>
          <Button onClick={onClose}>{t.plan.close}</Button>
        </div>
      </>
    );
  } else if (read === null || draft === null) {
    content = reading ? (
      <Spinner size="small" label={t.plan.reading} style={S.start} />
    ) : (
      <PlanChoose
        t={t}
        busy={reading}
        refused={input?.status === 'refused' && input.message !== '' ? input.message : null}
        onFile={(file) => void chooseFile(file)}
        onText={chooseText}
      />
    );
  } else {
    content = (
      <>
        <FocusHeading level={3} id={`${headingId}-review`} ref={reviewRef}>
          {input?.name ?? ''}
        </FocusHeading>
        <Body1 as="p" style={S.plain}>
          {t.plan.found(read.projects.length, read.sources.length, uncertainCount(read))}
        </Body1>
        {read.unread.length > 0 && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.plan.unreadHeading}</MessageBarTitle>
              <ul style={S.bullets}>
                {read.unread.map((u, i) => (
                  <li key={i}>{unreadMessage(u, lang)}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
        <PlanSection heading={t.plan.projectsHeading}>
          <PlanProjectList
            t={t}
            projects={read.projects}
            read={read.register.entries}
            edited={draft.entries}
          />
        </PlanSection>
        <PlanSection heading={t.plan.sourcesHeading}>
          <PlanSourceList t={t} sources={read.sources} />
        </PlanSection>
        <PlanTableView
          t={t}
          lang={lang}
          caption={t.plan.budgetHeading}
          table={read.budget}
          projects={read.projects}
        />
        <PlanTableView
          t={t}
          lang={lang}
          caption={t.plan.financingHeading}
          table={read.financing}
          projects={read.projects}
        />
        <Button aria-expanded={editing} onClick={() => setEditing((e) => !e)} style={S.start}>
          {t.plan.editToggle}
        </Button>
        {editing && (
          <RegisterEditor
            t={t}
            lang={lang}
            register={draft}
            budgetLines={budgetLines}
            busy={false}
            status={() => null}
            // Edits stay in the pane until the plan is written: nothing goes to Excel from here.
            onWrite={(register) => {
              setDraft(register);
              return Promise.resolve(true);
            }}
            onOpenForm={() => undefined}
          />
        )}
        {current !== null && diff !== null && taken !== null && (
          <PlanSection heading={t.plan.diffHeading}>
            <PlanDiff
              t={t}
              diff={diff}
              current={current}
              taken={taken}
              onToggle={(table, index, on) =>
                setUntaken((u) => {
                  const next = new Set(u);
                  if (on) next.delete(key(table, index));
                  else next.add(key(table, index));
                  return next;
                })
              }
            />
          </PlanSection>
        )}
        {lastRead === null ? (
          <Spinner size="small" label={running ? t.reg.readingFirst : t.reg.needsRun} style={S.start} />
        ) : unusable ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t.reg.unusable}</MessageBarBody>
          </MessageBar>
        ) : (
          <>
            <Body1 as="p" style={S.plain}>
              {current !== null && changes === 0 && sheets.length === 0
                ? t.plan.nothingToTake
                : t.plan.writePlan(
                    sheets.map((s) => s.name),
                    current !== null,
                  )}
            </Body1>
            <div style={S.row}>
              <Button
                appearance="primary"
                disabledFocusable={busy || !canWrite}
                onClick={() => void writeNow()}
              >
                {current !== null ? t.plan.writeTaken(changes) : t.plan.write}
              </Button>
              <Button
                disabledFocusable={busy}
                onClick={() => take({ status: 'refused', message: '', name: '' })}
              >
                {t.plan.another}
              </Button>
            </div>
            {status}
          </>
        )}
      </>
    );
  }

  return (
    <section aria-labelledby={headingId} style={S.outcome}>
      <FocusHeading level={2} id={headingId} ref={headingRef}>
        {t.plan.heading}
      </FocusHeading>
      {/* Always rendered: a live region that appears with its text is often not announced. */}
      <p role="status" aria-live="polite" style={S.srOnly}>
        {read !== null && !written
          ? t.plan.found(read.projects.length, read.sources.length, uncertainCount(read))
          : ''}
      </p>
      {content}
    </section>
  );
}
