/**
 * The register sheet in Excel: very hidden, so Excel's own menus cannot show it (and it is not
 * changed by accident). This shows it (still protected) for those who want to look at its rows,
 * and hides it again; the outcome is announced politely.
 */
import { Body1, Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { FailureMessage } from '../components/FailureMessage';
import type { RegisterSheetState } from '../../app/controller';
import type { Strings } from '../strings';
import { S } from '../styles';

export interface RegisterSheetControlProps {
  readonly t: Strings;
  /** Whether the register sheet is visible in Excel now. */
  readonly visible: boolean;
  readonly state: RegisterSheetState;
  readonly onSet: (visible: boolean) => void;
}

export function RegisterSheetControl({ t, visible, state, onSet }: RegisterSheetControlProps) {
  const working = state.status === 'working';
  return (
    <div style={S.contents}>
      <Body1 as="p" style={S.plain}>
        {visible ? t.reg.sheetShownNote : t.reg.sheetHiddenNote}
      </Body1>
      <Button appearance="secondary" disabled={working} onClick={() => onSet(!visible)} style={S.start}>
        {visible ? t.reg.hideSheet : t.reg.showSheet}
      </Button>
      <div role="status" aria-live="polite" style={S.contents}>
        {state.status === 'done' && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {state.visible ? t.reg.sheetShown(state.sheet) : t.reg.sheetHidden(state.sheet)}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {state.status === 'error' && <FailureMessage t={t} failure={state.failure} title={t.reg.sheetFailed} />}
    </div>
  );
}
