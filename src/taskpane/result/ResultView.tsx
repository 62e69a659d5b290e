/**
 * The result of a run: per-year totals, the findings, the projects without money. Loaded as its
 * own chunk (with the domain's messages and amount formatting) on the first run or when the
 * browser is idle, so the first screen stays small.
 */
import { Subtitle2 } from '@fluentui/react-components';
import { useId } from 'react';
import type { ReconciliationResult } from '../../domain/reconcile/reconcile';
import type { InsertKind, InsertState, SelectionState } from '../controller';
import type { Lang, Strings } from '../strings';
import { S } from '../styles';
import { FindingList } from './FindingList';
import { InsertSection, type ProjectChoice } from './InsertSection';
import { NonMoneyProjects } from './NonMoneyProjects';
import { YearTable } from './YearTable';

export interface ResultViewProps {
  readonly result: ReconciliationResult;
  readonly lang: Lang;
  readonly t: Strings;
  readonly selection: SelectionState;
  readonly onSelect: (ref: string) => void;
  /** The last insert of outputs, and whether one has succeeded yet (the undo note until then). */
  readonly insert: InsertState;
  readonly inserted: boolean;
  readonly onInsert: (kind: InsertKind, project?: number) => void;
}

/** The register's projects, in register order (each gets a card; duplicate ids too). */
function projectChoices(result: ReconciliationResult): ProjectChoice[] {
  const entries = result.plan.index?.register.entries ?? [];
  return entries.flatMap((e, entry) => (e.kind === 'project' ? [{ entry, id: e.id, name: e.name }] : []));
}

export function ResultView(props: ResultViewProps) {
  const { result, lang, t, selection, onSelect } = props;
  const headingId = useId();
  return (
    <div style={S.result}>
      {result.years.length > 0 && (
        <section aria-labelledby={headingId} style={S.outcome}>
          <Subtitle2 as="h2" id={headingId} style={S.plain}>
            {t.resultHeading}
          </Subtitle2>
          {result.years.map((year) => {
            const totals = result.totals[year];
            return totals ? <YearTable key={year} year={year} totals={totals} lang={lang} t={t} /> : null;
          })}
        </section>
      )}
      <InsertSection
        t={t}
        projects={projectChoices(result)}
        insert={props.insert}
        showNote={!props.inserted}
        onInsert={props.onInsert}
      />
      <FindingList findings={result.findings} lang={lang} t={t} selection={selection} onSelect={onSelect} />
      <NonMoneyProjects projects={result.nonMoneyProjects} t={t} />
    </div>
  );
}
