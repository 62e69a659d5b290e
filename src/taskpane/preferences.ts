/**
 * What the pane remembers on this machine (localStorage, per browser profile): the reviewer's
 * name, recorded with explanations and sign-offs, and whether live re-check is on. Nothing here
 * goes into the workbook. Storage that is missing or refuses (a locked-down browser, private
 * mode) is no error: the pane then forgets when it closes.
 */

const KEYS = {
  name: 'planReconciler.reviewerName',
  live: 'planReconciler.liveRecheck',
} as const;

export interface Preferences {
  /** The name last typed; empty when none. */
  readonly name: string;
  /** Live re-check on (the default) or off. */
  readonly live: boolean;
}

function storage(): Storage | null {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null;
  } catch {
    return null;
  }
}

function read(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    storage()?.setItem(key, value);
  } catch {
    // Full or refused: remembered for this session only (the pane's state has it).
  }
}

export function readPreferences(): Preferences {
  return { name: read(KEYS.name) ?? '', live: read(KEYS.live) !== 'off' };
}

export function saveName(name: string): void {
  write(KEYS.name, name);
}

export function saveLive(on: boolean): void {
  write(KEYS.live, on ? 'on' : 'off');
}
