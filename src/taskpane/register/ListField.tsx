/**
 * A list of the register (partners, goals, aliases) edited item by item: one labelled input per
 * item ("Partner 2"), a remove button for each, and an add button that puts the focus in the new
 * item. Enter in an item adds a new one after it (as in a list in a word processor) rather than
 * saving the form. A fieldset, so the list's name is read out with each input.
 */
import { Button, Caption1, Input } from '@fluentui/react-components';
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import type { RegisterList, Strings } from '../strings';
import { S } from '../styles';

export interface ListFieldProps {
  readonly t: Strings;
  readonly list: RegisterList;
  readonly items: readonly string[];
  /** The validation message for the list as a whole, if any. */
  readonly error?: string;
  readonly onChange: (items: string[]) => void;
}

export function ListField({ t, list, items, error, onChange }: ListFieldProps) {
  const errorId = useId();
  const root = useRef<HTMLFieldSetElement>(null);
  // Where the focus goes after the next render: an item's input by index, or the add button.
  const focusNext = useRef<number | 'add' | null>(null);

  useEffect(() => {
    const target = focusNext.current;
    if (target === null || root.current === null) return;
    focusNext.current = null;
    const inputs = root.current.querySelectorAll<HTMLInputElement>('input');
    const el =
      target === 'add' ? root.current.querySelector<HTMLButtonElement>('[data-add]') : inputs.item(target);
    el?.focus();
  });

  const set = (index: number, value: string) => onChange(items.map((x, i) => (i === index ? value : x)));
  const add = () => {
    focusNext.current = items.length;
    onChange([...items, '']);
  };
  const insertAfter = (index: number) => {
    focusNext.current = index + 1;
    onChange([...items.slice(0, index + 1), '', ...items.slice(index + 1)]);
  };
  const onItemKeyDown = (index: number, event: KeyboardEvent<HTMLInputElement>) => {
    // Not while an input method composes a word (Enter then picks the word); Enter with a modifier
    // key is left to the form (Ctrl+Enter saves).
    const modified = event.shiftKey || event.ctrlKey || event.altKey || event.metaKey;
    if (event.key !== 'Enter' || event.nativeEvent.isComposing || modified) return;
    event.preventDefault();
    insertAfter(index);
  };
  const remove = (index: number) => {
    const rest = items.filter((_, i) => i !== index);
    focusNext.current = rest.length === 0 ? 'add' : Math.min(index, rest.length - 1);
    onChange(rest);
  };

  return (
    <fieldset ref={root} style={S.fieldset} aria-describedby={error ? errorId : undefined}>
      <legend style={S.legend}>{t.reg.field[list]}</legend>
      {items.length === 0 ? (
        <Caption1>{t.reg.emptyList}</Caption1>
      ) : (
        <ul style={S.list}>
          {items.map((value, i) => (
            // Index keys: the inputs are controlled, so their values follow the items.
            <li key={i} style={S.row}>
              <Input
                value={value}
                aria-label={t.reg.listItem[list](i + 1)}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined}
                onChange={(_, data) => set(i, data.value)}
                onKeyDown={(event) => onItemKeyDown(i, event)}
                style={S.grow}
              />
              <Button aria-label={t.reg.removeItem[list](i + 1)} onClick={() => remove(i)}>
                {t.reg.removeShort}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Button data-add onClick={add} style={S.start}>
        {t.reg.addItem[list]}
      </Button>
      {error && (
        <Caption1 id={errorId} style={S.errorText}>
          {error}
        </Caption1>
      )}
    </fieldset>
  );
}
