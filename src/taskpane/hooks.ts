/**
 * React's view of the controller. Components get plain values and callbacks from these hooks (in
 * App) and never see the gateway; the controller lives outside React so that the ribbon command
 * can drive the same instance.
 */
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { ReconcileController, ReconcileState } from '../app/controller';

export const ControllerContext = createContext<ReconcileController | null>(null);

export function useController(): ReconcileController {
  const controller = useContext(ControllerContext);
  if (controller === null) {
    throw new Error('The task pane must be rendered inside <ControllerContext.Provider> (see mount.tsx)');
  }
  return controller;
}

/** The controller's state; re-renders on every change. */
export function useReconcileState(): ReconcileState {
  const controller = useController();
  return useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
}

/**
 * Runs `work` once the browser is idle after the first render: the lazy chunks (result view and
 * engine) are fetched while the finance officer reads the first screen, not on their first click.
 */
export function useIdle(work: () => void, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return undefined;
    // Safari has no requestIdleCallback; a short timer is the usual stand-in.
    if (typeof window.requestIdleCallback === 'function' && typeof window.cancelIdleCallback === 'function') {
      const cancel = window.cancelIdleCallback.bind(window);
      const handle = window.requestIdleCallback(work, { timeout: 3000 });
      return () => cancel(handle);
    }
    const handle = window.setTimeout(work, 1500);
    return () => window.clearTimeout(handle);
  }, [work, enabled]);
}

/** Whether Windows high-contrast (CSS `forced-colors: active`) is on; follows changes. */
export function useForcedColors(): boolean {
  const query = '(forced-colors: active)';
  const [active, setActive] = useState(() => matches(query));
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return undefined;
    const list = window.matchMedia(query);
    const onChange = () => setActive(list.matches);
    onChange();
    list.addEventListener?.('change', onChange);
    return () => list.removeEventListener?.('change', onChange);
  }, []);
  return active;
}

function matches(query: string): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(query).matches
    : false;
}
