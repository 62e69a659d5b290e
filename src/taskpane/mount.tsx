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
import { readPreferences } from './preferences';
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
  /** Live re-check on at the start; by default what the user last chose on this machine (on). */
  readonly live?: boolean;
}

/** The pane's controller over `gateway`, live re-check as the user last chose it (preferences.ts). */
export function createPaneController(options: MountOptions): ReconcileController {
  return createReconcileController({
    gateway: options.gateway,
    lang: options.lang,
    platform: options.platform,
    live: options.live ?? readPreferences().live,
  });
}

const roots = new WeakMap<HTMLElement, { readonly root: Root; readonly controller: ReconcileController }>();

/**
 * Renders the task pane into `container` on a new controller over `gateway`, and returns the
 * controller: the ribbon command (or the preview's stand-in for it) must drive this one.
 * Mounting again into the same container replaces the previous pane.
 */
export function mountTaskpane(container: HTMLElement, options: MountOptions): ReconcileController {
  unmountTaskpane(container);
  const controller = createPaneController(options);
  const root = createRoot(container);
  root.render(<TaskpaneRoot controller={controller} theme={options.theme} preload={options.preload} />);
  roots.set(container, { root, controller });
  return controller;
}

/** Removes a pane mounted with mountTaskpane, and stops its watching the workbook (no-op when there is none). */
export function unmountTaskpane(container: HTMLElement): void {
  const mounted = roots.get(container);
  mounted?.root.unmount();
  void mounted?.controller.dispose();
  roots.delete(container);
}
