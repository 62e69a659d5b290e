/**
 * Live re-check: a switch, remembered on this machine, that makes the pane reconcile again a
 * moment after the budget, the financing or the register is edited; in an Excel that cannot watch
 * for edits (no ExcelApi 1.7), a plain "Avstem på nytt" instead. While a re-check is due or
 * running, a line says so; what it found is announced in the pane's status region (App).
 */
import { Body1, Button, Caption1, Switch } from '@fluentui/react-components';
import { useId } from 'react';
import type { LiveState } from '../../app/controller';
import type { Strings } from '../strings';
import { S } from '../styles';

export interface LiveControlProps {
  readonly t: Strings;
  readonly live: LiveState;
  readonly onSetLive: (on: boolean) => void;
  readonly onReconcile: () => void;
}

export function LiveControl({ t, live, onSetLive, onReconcile }: LiveControlProps) {
  const hintId = useId();
  if (live.supported === false) {
    return (
      <div style={S.row}>
        <Body1 as="p" style={S.plain}>
          {t.review.liveUnsupported}
        </Body1>
        <Button onClick={onReconcile}>{t.review.reconcileAgain}</Button>
      </div>
    );
  }
  return (
    <div style={S.stack}>
      <Switch
        checked={live.on}
        label={t.review.liveSwitch}
        aria-describedby={hintId}
        onChange={(_, data) => onSetLive(data.checked)}
      />
      <Caption1 as="p" id={hintId} style={S.plain}>
        {live.on && live.pending ? t.review.livePending : t.review.liveHint}
      </Caption1>
    </div>
  );
}
