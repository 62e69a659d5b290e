import { Body1, Subtitle2 } from '@fluentui/react-components';
import type { Strings } from '../strings';
import { S } from '../styles';
import type { WorkbookFacts } from '../workbookFacts';

export interface WorkbookSummaryProps {
  readonly t: Strings;
  /** Null while the sheet list is being read. */
  readonly facts: WorkbookFacts | null;
  readonly headingId: string;
}

/**
 * What the add-in found in the workbook, so the finance officer can see before and after a run
 * which sheets it takes for budget, financing and register. A missing sheet is said in words,
 * not only by styling.
 */
export function WorkbookSummary({ t, facts, headingId }: WorkbookSummaryProps) {
  const value = (text: string | null) => (text === null ? <span style={S.missing}>{t.notFound}</span> : text);
  const register = () => {
    if (facts?.register == null) return value(null);
    const { sheet, hidden, counts } = facts.register;
    const name = hidden ? t.hiddenSheet(sheet) : sheet;
    return counts === null ? name : t.registerCounts(name, counts.projects, counts.sources);
  };
  const years = () => {
    if (facts?.years == null) return <span style={S.missing}>{t.yearsAfterRun}</span>;
    return facts.years.length === 0 ? t.noYears : facts.years.join(', ');
  };
  return (
    <section aria-labelledby={headingId} style={S.stack}>
      <Subtitle2 as="h2" id={headingId} style={S.plain}>
        {t.workbookHeading}
      </Subtitle2>
      {facts === null ? (
        <Body1 as="p" style={S.plain}>
          {t.readingWorkbook}
        </Body1>
      ) : (
        <dl style={S.facts}>
          <dt style={S.term}>{t.budgetSheet}</dt>
          <dd style={S.plain}>{value(facts.budgetSheet)}</dd>
          <dt style={S.term}>{t.financingSheet}</dt>
          <dd style={S.plain}>{value(facts.financingSheet)}</dd>
          <dt style={S.term}>{t.register}</dt>
          <dd style={S.plain}>{register()}</dd>
          <dt style={S.term}>{t.years}</dt>
          <dd style={S.plain}>{years()}</dd>
        </dl>
      )}
    </section>
  );
}
