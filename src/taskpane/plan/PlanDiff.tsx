/**
 * The plan's register against the one the workbook has: the counts, then every new or changed row
 * with a checkbox to take it (and, for a changed row, which fields differ), and the rows only in
 * the workbook, which stay. Unchanged rows are only counted. Nothing is written from here: the
 * panel's button writes what is ticked.
 */
import { Body1, Checkbox } from '@fluentui/react-components';
import type { RegisterDiff, RowDiff, TakenRows } from '../../domain/plan/merge';
import type { FundingSource, Register, RegisterEntry } from '../../domain/register/types';
import type { Strings } from '../strings';
import { S } from '../styles';
import { entryName, sourceName } from '../register/names';

export interface PlanDiffProps {
  readonly t: Strings;
  readonly diff: RegisterDiff;
  readonly current: Register;
  readonly taken: TakenRows;
  readonly onToggle: (table: 'entries' | 'sources', index: number, take: boolean) => void;
}

type AnyDiff = RowDiff<RegisterEntry | FundingSource, string>;

export function PlanDiff({ t, diff, current, taken, onToggle }: PlanDiffProps) {
  const all: AnyDiff[] = [...diff.entries, ...diff.sources];
  const counts = { new: 0, changed: 0, unchanged: 0, onlyInWorkbook: 0 };
  for (const r of all) counts[r.status]++;
  const name = (table: 'entries' | 'sources', r: AnyDiff) => {
    const row = r.plan ?? (table === 'entries' ? current.entries[r.current!] : current.sources[r.current!]);
    return table === 'entries' ? entryName(row as RegisterEntry) : sourceName(row as FundingSource);
  };
  const field = (f: string) => (f in t.reg.field ? t.reg.field[f as keyof typeof t.reg.field] : f);
  const rows = (table: 'entries' | 'sources') =>
    (table === 'entries' ? diff.entries : diff.sources).map((r: AnyDiff, i) => {
      if (r.status === 'unchanged') return null;
      const label = `${t.plan.diffStatus[r.status]}: ${name(table, r)}`;
      if (r.status === 'onlyInWorkbook') {
        return (
          <li key={`${table}${i}`}>
            <Body1>{`${label}. ${t.plan.keptNote}`}</Body1>
          </li>
        );
      }
      return (
        <li key={`${table}${i}`} style={S.stack}>
          <Checkbox
            label={t.plan.take(label)}
            checked={taken[table].has(i)}
            onChange={(_, data) => onToggle(table, i, data.checked === true)}
          />
          {r.status === 'changed' && (
            <Body1 style={S.plain}>{t.plan.fieldsChanged(r.fields.map(field))}</Body1>
          )}
        </li>
      );
    });
  return (
    <div style={S.stack}>
      <Body1 as="p" style={S.plain}>
        {t.plan.diffIntro}
      </Body1>
      <Body1 as="p" style={S.plain}>
        {t.plan.diffCounts(counts)}
      </Body1>
      <ul style={S.list}>
        {rows('entries')}
        {rows('sources')}
      </ul>
    </div>
  );
}
