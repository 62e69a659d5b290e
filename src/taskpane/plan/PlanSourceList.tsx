/** The financing sources the reader found: name, kind and why; an undecided kind is marked. */
import type { PlanSource } from '../../domain/plan';
import type { Strings } from '../strings';
import { S } from '../styles';
import { ProvenanceButton, UncertainMark } from './PlanFields';

export function PlanSourceList({
  t,
  sources,
}: {
  readonly t: Strings;
  readonly sources: readonly PlanSource[];
}) {
  return (
    <ul style={S.list}>
      {sources.map((s, i) => (
        <li key={i} style={S.rowTight}>
          <span style={S.term}>{s.name}</span>
          <span>{`${t.reg.sourceKind[s.kind]} (${t.plan.sourceReason[s.reason]})`}</span>
          {(s.reason === 'undecided' || s.confidence === 'low') && <UncertainMark t={t} />}
          <ProvenanceButton t={t} from={s.from} />
        </li>
      ))}
    </ul>
  );
}
