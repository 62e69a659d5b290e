/**
 * Live re-check: the controller watches the sheets the last run read (budget, financing, register,
 * review log) and reconciles again a pause after the last change (`liveDelayMs`).
 *
 * - Changes are counted. A run covers every change counted when its read started; after a run,
 *   a change it did not cover makes one more run (debounced again, as any change).
 * - One read at a time: a re-check waits for the run under way.
 * - Never while the controller writes itself (an insert, a register or review write, showing or
 *   hiding the register sheet): changes reported meanwhile are its own and are ignored (the
 *   register and review writes reconcile again anyway), and a re-check due meanwhile waits.
 * - A live re-check that fails because the user is editing a cell, or Excel is busy, keeps the
 *   result shown and tries again after the pause.
 * - Watching is renewed only when the set of sheets changes; `supported` is false when this Excel
 *   cannot watch (the pane then offers "Avstem på nytt").
 */
import type { ReconciliationResult } from '../domain/reconcile/result';
import type { SheetChange, Unwatch, WorkbookGateway } from '../excel/gateway';
import type { LiveState } from './state';

/** The controller's own writes under way: live re-checks keep out of their way. */
export interface WriteGate {
  /** Runs `work` as a write of the controller's own. */
  run<T>(work: () => Promise<T>): Promise<T>;
  busy(): boolean;
  /** Resolves when no write of the controller's own is under way. */
  idle(): Promise<void>;
}

export function createWriteGate(): WriteGate {
  let count = 0;
  let waiters: (() => void)[] = [];
  const idle = () =>
    count === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve));
  return {
    async run(work) {
      count++;
      try {
        return await work();
      } finally {
        count--;
        if (count === 0) {
          const wake = waiters;
          waiters = [];
          for (const w of wake) w();
        }
      }
    },
    busy: () => count > 0,
    idle,
  };
}

/** How a re-check ended: `retry` when it failed but the result is kept (a cell in edit mode). */
export type RecheckOutcome = 'done' | 'failed' | 'retry';

export interface LiveDeps {
  readonly gateway: WorkbookGateway;
  readonly exclusive: <T>(work: () => Promise<T>) => Promise<T>;
  readonly delayMs: number;
  readonly initiallyOn: boolean;
  readonly getState: () => LiveState;
  readonly setState: (live: LiveState) => void;
  readonly gate: WriteGate;
  /** The run under way, if any. */
  readonly running: () => Promise<unknown> | null;
  /** Reconciles again with the last run's options, keeping the result shown while it runs. */
  readonly recheck: () => Promise<RecheckOutcome>;
}

export interface LiveCheck {
  /** A run's read starts: returns the change count it covers once it succeeds. */
  readStarted(): number;
  /** A run that started reading at `seq` succeeded: its result is watched, its changes covered. */
  runDone(seq: number, result: ReconciliationResult): void;
  setOn(on: boolean): Promise<void>;
  dispose(): Promise<void>;
}

/** The sheets a run read and a live re-check watches, sorted, without repeats. */
export function watchedSheets(result: ReconciliationResult): string[] {
  const { budgetSheets, financingSheets, registerSheet } = result.sources;
  const names = [...budgetSheets, ...financingSheets, registerSheet, result.review.sheet];
  return [...new Set(names.filter((n): n is string => n !== null && n !== ''))].sort();
}

export function createLiveCheck(deps: LiveDeps): LiveCheck {
  const { gateway, gate } = deps;
  let on = deps.initiallyOn;
  let disposed = false;
  let changeSeq = 0;
  let coveredSeq = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let looping = false;
  // The sheets of the last successful run, and the set being (or last) watched.
  let lastSheets: string[] | null = null;
  let wantedKey: string | null = null;
  let current: Unwatch | null = null;
  let chain: Promise<void> = Promise.resolve();

  const patch = (p: Partial<LiveState>) => {
    const s = deps.getState();
    const next = { ...s, ...p };
    if (next.on !== s.on || next.supported !== s.supported || next.pending !== s.pending) deps.setState(next);
  };
  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const schedule = () => {
    clearTimer();
    timer = setTimeout(fire, deps.delayMs);
  };
  const uncovered = () => changeSeq > coveredSeq;

  function onChange(change?: SheetChange): void {
    if (!on || disposed) return;
    // The controller's own write (it reconciles again itself where that matters): while it is
    // under way, and after it, when Excel says so (its events arrive after the write's request).
    if (gate.busy() || change?.byThisAddin === true) return;
    changeSeq++;
    patch({ pending: true });
    schedule();
  }

  function fire(): void {
    timer = null;
    // A loop under way sees this change when its run ends.
    if (looping) return;
    looping = true;
    void loop().finally(() => {
      looping = false;
      if (timer === null) patch({ pending: false });
    });
  }

  async function loop(): Promise<void> {
    while (on && !disposed && uncovered() && timer === null) {
      const run = deps.running();
      if (run !== null) {
        await run;
        continue;
      }
      if (gate.busy()) {
        await gate.idle();
        continue;
      }
      const outcome = await deps.recheck();
      if (outcome === 'retry') schedule();
      if (outcome !== 'done') return;
    }
  }

  const stopWatching = async () => {
    const unwatch = current;
    current = null;
    if (unwatch !== null) await unwatch().catch(() => undefined);
  };

  const watch = (sheets: string[]) => {
    const key = JSON.stringify(sheets);
    if (key === wantedKey) return;
    wantedKey = key;
    chain = chain.then(async () => {
      if (key !== wantedKey) return;
      await stopWatching();
      if (!on || disposed || sheets.length === 0) return;
      let unwatch: Unwatch | null;
      try {
        unwatch = await deps.exclusive(() => gateway.watchSheets(sheets, onChange));
      } catch {
        // Cannot watch now: the pane offers a re-check by hand; the next run tries again.
        if (key === wantedKey) wantedKey = null;
        patch({ supported: false });
        return;
      }
      if (key !== wantedKey || !on || disposed) {
        if (unwatch !== null) await unwatch().catch(() => undefined);
        return;
      }
      current = unwatch;
      patch({ supported: unwatch !== null });
    });
  };

  const stop = async () => {
    clearTimer();
    wantedKey = null;
    chain = chain.then(stopWatching);
    await chain;
  };

  return {
    readStarted: () => changeSeq,
    runDone(seq, result) {
      coveredSeq = Math.max(coveredSeq, seq);
      if (!uncovered()) {
        clearTimer();
        if (!looping) patch({ pending: false });
      }
      lastSheets = watchedSheets(result);
      if (on && !disposed) watch(lastSheets);
    },
    async setOn(next) {
      if (disposed || next === on) return;
      on = next;
      patch({ on, pending: false });
      if (!on) {
        await stop();
        return;
      }
      if (lastSheets !== null) watch(lastSheets);
      await chain;
    },
    async dispose() {
      disposed = true;
      patch({ pending: false });
      await stop();
    },
  };
}
