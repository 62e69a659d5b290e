/**
 * Mounting the pane into a page: the Office entry (index.tsx → start.ts) and the local preview
 * page both come through here, so both show the same pane on the same controller.
 */
import { FluentProvider } from '@fluentui/react-components';
import { createRoot, type Root } from 'react-dom/client';
import type { Lang } from '../domain/messages';
import type { WorkbookGateway } from '../excel/gateway';
import { App } from './App';
import { createReconcileController, type OfficePlatform, type ReconcileController } from '../app/controller';
import { ControllerContext, useForcedColors } from './hooks';
import { S } from './styles';
import { fluentTheme, type ThemeKind } from './theme';

export interface TaskpaneRootProps {
  readonly controller: ReconcileController;
  /** Office's light or dark look; forced colours (high contrast) override it. */
  readonly theme?: ThemeKind;
  /** Fetch the lazy chunks when idle (off in tests). */
  readonly preload?: boolean;
}

/** The pane with its theme and controller: what mountTaskpane renders, and what tests render. */
export function TaskpaneRoot({ controller, theme = 'light', preload = true }: TaskpaneRootProps) {
  const forcedColors = useForcedColors();
  return (
    <FluentProvider theme={fluentTheme(theme, forcedColors)} style={S.provider}>
      <ControllerContext.Provider value={controller}>
        <App preload={preload} />
      </ControllerContext.Provider>
    </FluentProvider>
  );
}

export interface MountOptions {
  readonly gateway: WorkbookGateway;
  readonly lang: Lang;
  readonly platform?: OfficePlatform;
  readonly theme?: ThemeKind;
  readonly preload?: boolean;
}

const roots = new WeakMap<HTMLElement, Root>();

/**
 * Renders the task pane into `container` on a new controller over `gateway`, and returns the
 * controller: the ribbon command (or the preview's stand-in for it) must drive this one.
 * Mounting again into the same container replaces the previous pane.
 */
export function mountTaskpane(container: HTMLElement, options: MountOptions): ReconcileController {
  unmountTaskpane(container);
  const controller = createReconcileController({
    gateway: options.gateway,
    lang: options.lang,
    platform: options.platform,
  });
  const root = createRoot(container);
  root.render(<TaskpaneRoot controller={controller} theme={options.theme} preload={options.preload} />);
  roots.set(container, root);
  return controller;
}

/** Removes a pane mounted with mountTaskpane (no-op when there is none). */
export function unmountTaskpane(container: HTMLElement): void {
  roots.get(container)?.unmount();
  roots.delete(container);
}
