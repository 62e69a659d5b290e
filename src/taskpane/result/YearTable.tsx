import { Badge, Subtitle2, tokens } from '@fluentui/react-components';
import { useId, type CSSProperties } from 'react';
import { formatNok, type Ore } from '../../domain/amount';
import type { YearTotals } from '../../domain/reconcile/result';
import type { Lang, Strings } from '../strings';
import { S } from '../styles';

/** A figure that is not computed: words, not a number, so wrapped and set apart in italics. */
const NOT_COMPUTED: CSSProperties = {
  ...S.amount,
  whiteSpace: 'normal',
  fontStyle: 'italic',
  color: tokens.colorNeutralForeground2,
};

export interface YearTableProps {
  readonly year: number;
  readonly totals: YearTotals;
  readonly lang: Lang;
  readonly t: Strings;
}

/**
 * One year's headline: does the budget equal the financing, and does what the council pays
 * itself equal its own sources. The badges carry the verdict in words and a symbol, not only in
 * colour. Differences are financing − budget and own sources − own-funded, the engine's sign.
 * Without a register the own figures are not computed (null): the table says so in their place,
 * with no difference and no verdict on them.
 */
export function YearTable({ year, totals, lang, t }: YearTableProps) {
  const headingId = useId();
  const balanced = totals.budget === totals.financing;
  const { ownFunded, ownSources } = totals;
  const ownKnown = ownFunded !== null && ownSources !== null;
  const ownMatches = ownKnown && ownFunded === ownSources;
  const row = (label: string, amount: Ore | null, style?: CSSProperties) => (
    <tr style={style}>
      <th scope="row" style={S.rowHead}>
        {label}
      </th>
      <td style={amount === null ? NOT_COMPUTED : S.amount}>
        {amount === null ? t.notComputedNoRegister : formatNok(amount, lang)}
      </td>
    </tr>
  );
  return (
    <section aria-labelledby={headingId} style={S.stack}>
      <div style={S.row}>
        <Subtitle2 as="h3" id={headingId} style={S.plain}>
          {t.yearHeading(year)}
        </Subtitle2>
        <Badge appearance="tint" color={balanced ? 'success' : 'danger'}>
          {balanced ? `✓ ${t.balanced}` : `✗ ${t.unbalanced}`}
        </Badge>
        {ownKnown ? (
          <Badge appearance="tint" color={ownMatches ? 'success' : 'warning'}>
            {ownMatches ? `✓ ${t.ownMatches}` : `✗ ${t.ownDiffers}`}
          </Badge>
        ) : (
          <Badge appearance="tint" color="informative">
            {`– ${t.ownNotComputed}`}
          </Badge>
        )}
      </div>
      <table style={S.table} aria-labelledby={headingId}>
        <thead>
          <tr>
            <th scope="col" style={S.columnHead}>
              {t.itemColumn}
            </th>
            <th scope="col" style={{ ...S.columnHead, textAlign: 'end' }}>
              {t.amountColumn}
            </th>
          </tr>
        </thead>
        <tbody>
          {row(t.budget, totals.budget)}
          {row(t.financing, totals.financing)}
          {row(t.difference, totals.financing - totals.budget, S.groupEnd)}
          {row(t.ownFunded, ownFunded)}
          {row(t.ownSources, ownSources)}
          {ownKnown && row(t.difference, ownSources - ownFunded)}
        </tbody>
      </table>
    </section>
  );
}
