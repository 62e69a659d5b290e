/**
 * The explained findings, listed apart from the open ones ("Forklarte funn (N)"), and the
 * explanations whose finding is not there now (kept in the log: the finding may come back).
 */
import { Body1, Subtitle2 } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import { describeKey, reviewText, type Explanation } from '../../domain/review';
import { ListSection } from '../components/ListSection';
import type { Lang, Strings } from '../strings';
import { S, SEVERITY_BORDER } from '../styles';
import { ExplainedReview } from './FindingReview';
import type { ReviewHandlers } from './types';

export interface ExplainedSectionProps {
  readonly t: Strings;
  /** The heading takes the focus when a finding has just moved here. */
  readonly headingId: string;
  readonly count: number;
  /** The findings' items. */
  readonly children: ReactNode;
}

export function ExplainedSection({ t, headingId, count, children }: ExplainedSectionProps) {
  return (
    <section aria-labelledby={headingId} style={S.stack}>
      <Subtitle2 as="h3" id={headingId} tabIndex={-1} style={S.plain}>
        {t.review.explainedHeading(count)}
      </Subtitle2>
      <ul style={S.list} aria-labelledby={headingId}>
        {children}
      </ul>
    </section>
  );
}

export interface OrphanSectionProps {
  readonly t: Strings;
  readonly lang: Lang;
  readonly orphans: readonly Explanation[];
  readonly handlers: ReviewHandlers;
}

export function OrphanSection({ t, lang, orphans, handlers }: OrphanSectionProps) {
  return (
    <ListSection level="h3" heading={`${reviewText(lang).orphansTitle} (${orphans.length})`}>
      {orphans.map((e) => (
        <Orphan key={e.key} t={t} lang={lang} explanation={e} handlers={handlers} />
      ))}
    </ListSection>
  );
}

function Orphan({
  t,
  lang,
  explanation,
  handlers,
}: {
  readonly t: Strings;
  readonly lang: Lang;
  readonly explanation: Explanation;
  readonly handlers: ReviewHandlers;
}) {
  const id = useId();
  return (
    <li style={{ ...S.finding, borderInlineStartColor: SEVERITY_BORDER.info }}>
      <Body1 as="p" id={id} style={S.plain}>
        {describeKey(explanation.key, lang)}
      </Body1>
      <ExplainedReview
        t={t}
        lang={lang}
        handlers={handlers}
        messageId={id}
        reviewKey={explanation.key}
        explanation={explanation}
      />
    </li>
  );
}
