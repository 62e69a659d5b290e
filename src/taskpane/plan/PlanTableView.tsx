/**
 * A budget or financing table as the reader understood it: each row's label, what kind of row it
 * is (line, group, earmarked, sum, memo), its amounts per year, and for a budget line or earmark
 * what it is tied to; a row the reader is unsure of is marked. The notes under it follow.
 */
import { formatNok } from '../../domain/amount';
import type { PlanProject, PlanTable } from '../../domain/plan';
import type { Lang } from '../../domain/messages';
import type { Strings } from '../strings';
import { S } from '../styles';
import { UncertainMark } from './PlanFields';

export interface PlanTableViewProps {
  readonly t: Strings;
  readonly lang: Lang;
  readonly caption: string;
  readonly table: PlanTable | null;
  readonly projects: readonly PlanProject[];
}

export function PlanTableView({ t, lang, caption, table, projects }: PlanTableViewProps) {
  if (table === null) {
    return (
      <p style={{ ...S.plain, ...S.missing }}>
        {caption}: {t.plan.noTable}
      </p>
    );
  }
  const tie = (r: PlanTable['rows'][number]) => {
    if (r.tiedTo === undefined) return '';
    if (r.tiedTo === null) return t.plan.notTied;
    if (r.tiedTo.kind === 'operations') return t.plan.tiedToOperations;
    return t.plan.tiedToProject(projects[r.tiedTo.project]?.id.value ?? '');
  };
  return (
    <>
      <table style={S.table}>
        <caption style={{ ...S.term, textAlign: 'start' }}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" style={S.columnHead}>
              {t.plan.labelColumn}
            </th>
            <th scope="col" style={S.columnHead}>
              {t.plan.roleColumn}
            </th>
            {table.years.map((y, k) => (
              <th key={k} scope="col" style={{ ...S.columnHead, textAlign: 'end' }}>
                {t.plan.yearColumn(y)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr key={i} style={r.role === 'sum' ? { fontWeight: 600 } : undefined}>
              <th
                scope="row"
                style={{ ...S.rowHead, paddingInlineStart: r.role === 'earmark' ? '1.25em' : undefined }}
              >
                {r.label}
              </th>
              <td style={S.cell}>
                <span style={S.rowTight}>
                  {[t.plan.rowRole[r.role], tie(r)].filter(Boolean).join(', ')}
                  {r.confidence === 'low' && <UncertainMark t={t} />}
                </span>
              </td>
              {r.texts.map((text, k) => (
                <td key={k} style={S.amount}>
                  {r.amounts[k] === null ? text : formatNok(r.amounts[k]!, lang)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {table.notes.map((n, i) => (
        <p key={i} style={{ ...S.plain, ...S.missing }}>
          {n.text}
        </p>
      ))}
    </>
  );
}
