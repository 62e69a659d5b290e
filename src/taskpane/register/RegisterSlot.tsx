/**
 * Where the project register editor goes: the lazily loaded RegisterPanel (its own chunk,
 * "register", with the domain's register editing, proposal and import/export code), a spinner
 * while the chunk arrives, and a failure with a retry if it cannot be fetched.
 */
import { lazyView } from '../components/lazyView';
import type { RegisterPanelProps } from './RegisterPanel';

const registerPanel = lazyView<RegisterPanelProps>(
  () => import(/* webpackChunkName: "register" */ './RegisterPanel').then((m) => m.RegisterPanel),
  (t) => ({ loading: t.reg.loading, failed: t.reg.viewFailed }),
);

export const RegisterSlot = registerPanel.Slot;

/** Starts fetching the editor (e.g. when the pane offers to create a register). */
export const preloadRegisterPanel = registerPanel.preload;
