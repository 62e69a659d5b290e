/**
 * One field the plan reader read: its label, its value, the "uncertain" mark when the reader is
 * unsure (a word, so screen readers say it, not only a colour), and where in the document it came
 * from: a small button naming the place (`linje 118`) whose tooltip is the source text. Fluent's
 * Tooltip shows on hover and on keyboard focus, and as a description it is read with the button.
 */
import { Badge, Button, Tooltip } from '@fluentui/react-components';
import type { Provenance } from '../../domain/plan';
import { shorten } from '../../domain/shorten';
import type { Strings } from '../strings';
import { S } from '../styles';

export function UncertainMark({ t }: { readonly t: Strings }) {
  return (
    <Badge appearance="tint" color="warning" size="small">
      {t.plan.uncertain}
    </Badge>
  );
}

export function ProvenanceButton({ t, from }: { readonly t: Strings; readonly from: Provenance | null }) {
  if (from === null) return <span style={S.missing}>{t.plan.notInDocument}</span>;
  return (
    <Tooltip content={t.plan.sourceText(shorten(from.text, 300))} relationship="description" withArrow>
      <Button size="small" appearance="subtle">
        {t.plan.where(from)}
      </Button>
    </Tooltip>
  );
}

export interface PlanFieldRowProps {
  readonly t: Strings;
  readonly label: string;
  /** The value as the register will have it (after any edit), '' for none. */
  readonly value: string;
  readonly uncertain: boolean;
  readonly from: Provenance | null;
}

/** A term and its description in the project's list (a `<dl>` laid out as two columns). */
export function PlanFieldRow({ t, label, value, uncertain, from }: PlanFieldRowProps) {
  return (
    <>
      <dt style={S.term}>{label}</dt>
      <dd style={{ ...S.plain, ...S.rowTight }}>
        <span>{value === '' ? '–' : value}</span>
        {uncertain && <UncertainMark t={t} />}
        <ProvenanceButton t={t} from={from} />
      </dd>
    </>
  );
}
