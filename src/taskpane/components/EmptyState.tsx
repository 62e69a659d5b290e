import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { SheetRole } from '../../domain/tables/findSheet';
import type { Strings } from '../strings';
import { S } from '../styles';

export interface EmptyStateProps {
  readonly t: Strings;
  /** The roles without a sheet, e.g. `['financing']`. */
  readonly missing: readonly SheetRole[];
  /** The names the engine looks for, per role (from SHEET_NAMES). */
  readonly lookedFor: Readonly<Record<SheetRole, readonly string[]>>;
  /** "Read the action plan": the sheets (and the register) can be made from the plan document. */
  readonly onReadPlan?: () => void;
}

/**
 * No budget or financing sheet: say exactly which sheet names the add-in looks for, since the
 * usual cause is a sheet called something else ("Ark1", "Budsjett-2012" is fine, "B 2012" is not).
 */
export function EmptyState({ t, missing, lookedFor, onReadPlan }: EmptyStateProps) {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t.emptyTitle}</MessageBarTitle>
        {t.emptyMissing(missing)}
        <ul style={S.bullets}>
          {missing.map((role) => (
            <li key={role}>{t.emptyLookedFor(role, lookedFor[role])}</li>
          ))}
        </ul>
        {t.emptyHint}
      </MessageBarBody>
      {onReadPlan && (
        <MessageBarActions>
          <Button onClick={onReadPlan}>{t.plan.open}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
