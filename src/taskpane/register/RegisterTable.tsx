/**
 * One table of the register in the editor's lists: its heading, how many rows are shown, the rows
 * with their Edit and Delete buttons, and Add. Presentational: every action goes out through
 * callbacks; the buttons carry data-focus keys so that the editor can return the focus to them.
 */
import { Body1, Button, Caption1 } from '@fluentui/react-components';
import { useId, type ReactNode, type RefObject } from 'react';
import type { Strings } from '../strings';
import { S } from '../styles';
import { FocusHeading } from './FocusHeading';

/** At most this many rows of a table are listed; the search finds the others. */
export const LIMIT = 200;

export interface RegisterTableProps {
  readonly t: Strings;
  readonly headingRef: RefObject<HTMLHeadingElement>;
  readonly heading: string;
  readonly total: number;
  readonly shown: number;
  readonly filtered: boolean;
  readonly addLabel: string;
  /** The add button's data-focus key. */
  readonly addKey: string;
  readonly busy: boolean;
  readonly onAdd: () => void;
  readonly children: ReactNode;
}

export function RegisterTable({
  t,
  headingRef,
  heading,
  total,
  shown,
  filtered,
  addLabel,
  addKey,
  busy,
  onAdd,
  children,
}: RegisterTableProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} style={S.stack}>
      <FocusHeading level={3} id={headingId} ref={headingRef}>
        {heading}
      </FocusHeading>
      <Caption1>
        {total === 0
          ? t.reg.emptyTable
          : shown === 0 && filtered
            ? t.reg.noMatches
            : t.reg.shown(Math.min(shown, LIMIT), total)}
      </Caption1>
      {shown > 0 && (
        <ul style={S.list} aria-labelledby={headingId}>
          {children}
        </ul>
      )}
      <Button data-focus={addKey} disabledFocusable={busy} onClick={onAdd} style={S.start}>
        {addLabel}
      </Button>
    </section>
  );
}

export interface RegisterRowItemProps {
  readonly t: Strings;
  /** The row a finding's cell opened the editor at: marked, for the eye and for screen readers. */
  readonly marked: boolean;
  readonly name: string;
  readonly summary: string;
  readonly busy: boolean;
  /** Prefix of the buttons' data-focus keys (`entries:3`). */
  readonly focusKey: string;
  readonly onEdit: () => void;
  readonly onDelete: () => void;
}

/** A row of a table: its name, its summary, Edit and Delete. */
export function RegisterRowItem({
  t,
  marked,
  name,
  summary,
  busy,
  focusKey,
  onEdit,
  onDelete,
}: RegisterRowItemProps) {
  return (
    <li
      style={marked ? { ...S.registerItem, ...S.markedItem } : S.registerItem}
      aria-current={marked || undefined}
    >
      <Body1 as="p" style={{ ...S.plain, ...S.term }}>
        {name}
      </Body1>
      <Caption1>{summary}</Caption1>
      <div style={S.row}>
        <Button
          size="small"
          data-focus={`${focusKey}:edit`}
          aria-label={t.reg.editWhat(name)}
          onClick={onEdit}
        >
          {t.reg.edit}
        </Button>
        <Button
          size="small"
          data-focus={`${focusKey}:delete`}
          disabledFocusable={busy}
          aria-label={t.reg.removeWhat(name)}
          onClick={onDelete}
        >
          {t.reg.remove}
        </Button>
      </div>
    </li>
  );
}
