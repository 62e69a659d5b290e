/**
 * The real task pane, mounted with mountTaskpane() into the element `hostRef` points at, on the
 * open workbook's gateway. A new workbook mounts a new pane (and controller), as reopening the
 * add-in would. A new language does not: the pane keeps its state (the findings shown, the
 * register editor) and draws it in the new language. Returns the controller, which the toolbar's
 * ribbon button drives.
 */
import { useEffect, useRef, useState } from 'react';
import type { Lang } from '../../domain/messages';
import type { WorkbookGateway } from '../../excel/gateway';
import type { ReconcileController } from '../../app/controller';
import { mountTaskpane, unmountTaskpane } from '../../taskpane/mount';
import type { ThemeKind } from '../../taskpane/theme';

export function useTaskpane(gateway: WorkbookGateway, lang: Lang, theme: ThemeKind) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [controller, setController] = useState<ReconcileController | null>(null);
  // The language a new pane starts in; changing it alone must not mount a new pane.
  const langRef = useRef(lang);
  langRef.current = lang;

  useEffect(() => {
    const host = hostRef.current;
    if (host === null) return undefined;
    // A fresh container per pane: the old one leaves the page at once and its React root is
    // unmounted after this commit (unmounting a root while React commits another is not allowed).
    const container = document.createElement('div');
    container.className = 'pane-root';
    host.appendChild(container);
    // The preview's host behaves as Excel on the web does.
    setController(mountTaskpane(container, { gateway, lang: langRef.current, theme, platform: 'web' }));
    return () => {
      container.remove();
      setTimeout(() => unmountTaskpane(container), 0);
    };
  }, [gateway, theme]);

  useEffect(() => {
    controller?.setLang(lang);
  }, [controller, lang]);

  return { hostRef, controller };
}
