/**
 * "Slette «X»?": the confirmation before a row leaves the register. An alert dialog: the focus is
 * trapped in it and starts on Cancel (the safe choice), Escape closes it.
 *
 * Always mounted, opened and closed by `open`: a Fluent Dialog removed while open leaves the
 * aria-hidden its modalizer put on the rest of the page (the whole pane would stay hidden from
 * screen readers). Closed, it renders nothing and takes no part in Tab.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useEffect, useId, useRef } from 'react';
import type { Strings } from '../strings';

export interface DeleteDialogProps {
  readonly t: Strings;
  readonly open: boolean;
  /** The name of the row to delete (kept while the dialog closes). */
  readonly name: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

export function DeleteDialog({ t, open, name, onConfirm, onCancel }: DeleteDialogProps) {
  const bodyId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  // Cancel first: Enter or Space right after "Slett" must not delete. After the dialog's own focus
  // handling (which takes the first focusable element, or the surface where it cannot tell).
  useEffect(() => {
    if (!open) return undefined;
    const timer = setTimeout(() => cancel.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, [open]);
  return (
    <Dialog
      open={open}
      modalType="alert"
      onOpenChange={(_, data) => {
        if (!data.open) onCancel();
      }}
    >
      <DialogSurface aria-describedby={bodyId}>
        <DialogBody>
          <DialogTitle>{t.reg.deleteTitle(name)}</DialogTitle>
          <DialogContent id={bodyId}>{t.reg.deleteBody}</DialogContent>
          <DialogActions>
            <Button ref={cancel} onClick={onCancel}>
              {t.reg.cancel}
            </Button>
            <Button appearance="primary" onClick={onConfirm}>
              {t.reg.confirmDelete}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
