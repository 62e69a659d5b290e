import { Button, Spinner } from '@fluentui/react-components';
import type { Strings } from '../strings';
import { S } from '../styles';

export interface ReconcileBarProps {
  readonly t: Strings;
  readonly busy: boolean;
  readonly onReconcile: () => void;
}

/**
 * The primary action. While a run is in progress the button stays focusable but inert
 * (`disabledFocusable`, aria-disabled): a plain `disabled` would drop keyboard focus to the page
 * just as the finance officer pressed Enter.
 */
export function ReconcileBar({ t, busy, onReconcile }: ReconcileBarProps) {
  return (
    <div style={S.row}>
      <Button appearance="primary" disabledFocusable={busy} onClick={onReconcile}>
        {t.reconcile}
      </Button>
      {busy && <Spinner size="tiny" label={t.reconciling} />}
    </div>
  );
}
