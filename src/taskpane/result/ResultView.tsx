/**
 * The result of a run: per-year totals, the findings, the projects without money. Loaded as its
 * own chunk (with the domain's messages and amount formatting) on the first run or when the
 * browser is idle, so the first screen stays small.
 */
import { Subtitle2 } from '@fluentui/react-components';
import { useId } from 'react';
import type { ReconciliationResult } from '../../domain/reconcile/reconcile';
import type { SelectionState } from '../controller';
import type { Lang, Strings } from '../strings';
import { S } from '../styles';
import { FindingList } from './FindingList';
import { NonMoneyProjects } from './NonMoneyProjects';
import { YearTable } from './YearTable';

export interface ResultViewProps {
  readonly result: ReconciliationResult;
  readonly lang: Lang;
  readonly t: Strings;
  readonly selection: SelectionState;
  readonly onSelect: (ref: string) => void;
}

export function ResultView({ result, lang, t, selection, onSelect }: ResultViewProps) {
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
      <FindingList findings={result.findings} lang={lang} t={t} selection={selection} onSelect={onSelect} />
      <NonMoneyProjects projects={result.nonMoneyProjects} t={t} />
    </div>
  );
}
