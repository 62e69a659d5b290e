import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { Strings } from '../strings';
import { S } from '../styles';

export interface RegisterBarProps {
  readonly t: Strings;
  /** Whether the register editor is shown (the button's aria-expanded). */
  readonly open: boolean;
  /** The id of the element the editor is rendered in (the button's aria-controls). */
  readonly panelId: string;
  /** The last run found no register: offer to create one. */
  readonly offerCreate: boolean;
  readonly onToggle: () => void;
  readonly onCreate: () => void;
}

/**
 * The way into the project register from the first screen: a disclosure button that shows or
 * hides the editor, and, when the workbook has none, the offer to create it. Part of the first
 * chunk (it is small); the editor itself is loaded on demand (RegisterSlot).
 */
export function RegisterBar({ t, open, panelId, offerCreate, onToggle, onCreate }: RegisterBarProps) {
  return (
    <>
      {offerCreate && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.reg.noRegisterTitle}</MessageBarTitle>
            {t.reg.noRegisterBody}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={onCreate}>
              {t.reg.create}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <Button aria-expanded={open} aria-controls={panelId} onClick={onToggle} style={S.start}>
        {t.reg.toggle}
      </Button>
    </>
  );
}
