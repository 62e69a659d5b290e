/**
 * What is wrong with the review log's sheet (Avstemmingslogg), each naming its cell: a warning,
 * never a failure (the reconciliation went on, and nothing in the log is lost).
 */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { describeProblem, type ReviewProblem } from '../../domain/review';
import type { Lang, Strings } from '../strings';
import { S } from '../styles';

export function ReviewProblems({
  t,
  lang,
  problems,
}: {
  readonly t: Strings;
  readonly lang: Lang;
  readonly problems: readonly ReviewProblem[];
}) {
  if (problems.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t.review.problemsTitle}</MessageBarTitle>
        <ul style={S.bullets}>
          {problems.map((p, i) => (
            <li key={i}>{describeProblem(p, lang)}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
