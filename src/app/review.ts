/**
 * The review actions of the controller (issue 17): explaining a finding, taking an explanation
 * back, signing off. Each is made by the domain (domain/review: a reason and a name are required,
 * a sign-off is refused while errors are open), appended to the review log in the workbook
 * (`gateway.appendReview`, which re-reads the log and merges a co-author's entries), and then the
 * workbook is reconciled again, keeping the result shown while it runs. One review write at a time.
 */
import type { Actor, Explanation, Refusal } from '../domain/review';
import type { ReconciliationResult } from '../domain/reconcile/result';
import { ExcelFailure, type ReviewAppend, type WorkbookGateway } from '../excel/gateway';
import type { ReconcileController } from './controllerApi';
import { toFailure } from './failure';
import type { WriteGate } from './live';
import type * as reviewChunk from './reviewChunk';
import type { ReconcileState, ReviewAction, ReviewWriteState } from './state';

export type Clock = () => { readonly epochMs: number; readonly offsetMinutes: number };

/** The machine's clock, with its UTC offset now (east of UTC, as `timestamp` takes it). */
export const machineClock: Clock = () => {
  const now = new Date();
  return { epochMs: now.getTime(), offsetMinutes: -now.getTimezoneOffset() };
};

/** The review's functions, loaded on demand (reviewChunk.ts). */
export type ReviewDomain = typeof reviewChunk;

/** The review's functions as their own chunk, with the engine: the first screen does not need them. */
export const loadReviewDomain = (): Promise<ReviewDomain> =>
  import(/* webpackChunkName: "engine" */ './reviewChunk');

export interface ReviewDeps {
  readonly gateway: WorkbookGateway;
  readonly loadDomain: () => Promise<ReviewDomain>;
  readonly exclusive: <T>(work: () => Promise<T>) => Promise<T>;
  readonly gate: WriteGate;
  readonly now: Clock;
  readonly getState: () => ReconcileState;
  readonly setReviewWrite: (reviewWrite: ReviewWriteState) => void;
  /** The run under way, if any. */
  readonly running: () => Promise<unknown> | null;
  /** Reconciles again with the last run's options, keeping the result shown while it runs. */
  readonly rerun: () => Promise<void>;
}

type ReviewActions = Pick<ReconcileController, 'explain' | 'withdraw' | 'signOff' | 'dismissReviewWrite'>;

/** What to append, or why not, made from the last run's result. */
type Making = { ok: true; add: ReviewAppend } | { ok: false; refusal: Refusal };

export function createReviewActions(deps: ReviewDeps): ReviewActions {
  let writing: Promise<boolean> | null = null;

  const actor = (domain: ReviewDomain, by: string): Actor => {
    const { epochMs, offsetMinutes } = deps.now();
    return { by, at: domain.timestamp(epochMs, offsetMinutes) };
  };

  type Make = (result: ReconciliationResult, domain: ReviewDomain) => Making;

  const write = async (action: ReviewAction, make: Make): Promise<boolean> => {
    deps.setReviewWrite({ status: 'writing', action });
    // A run under way decides what is explained or signed (and its findings' figures).
    const run = deps.running();
    if (run !== null) await run;
    const state = deps.getState();
    if (state.run.status !== 'done') {
      // The pane offers these only under a result: nothing to review.
      const failure = toFailure(new ExcelFailure('notFound', 'There is no reconciliation to review'));
      deps.setReviewWrite({ status: 'error', action, failure });
      return false;
    }
    let made: Making;
    try {
      made = make(state.run.result, await deps.loadDomain());
    } catch (error) {
      deps.setReviewWrite({ status: 'error', action, failure: toFailure(error) });
      return false;
    }
    if (!made.ok) {
      deps.setReviewWrite({ status: 'refused', action, refusal: made.refusal });
      return false;
    }
    const add = made.add;
    return deps.gate.run(async () => {
      try {
        await deps.exclusive(() => deps.gateway.appendReview(add));
      } catch (error) {
        deps.setReviewWrite({ status: 'error', action, failure: toFailure(error) });
        return false;
      }
      // A run that started meanwhile may have read before the write: read again after it.
      const meanwhile = deps.running();
      if (meanwhile !== null) await meanwhile;
      await deps.rerun();
      deps.setReviewWrite({ status: 'done', action });
      return true;
    });
  };

  const once = (action: ReviewAction, make: Make) => {
    if (writing === null) {
      writing = write(action, make).finally(() => {
        writing = null;
      });
    }
    return writing;
  };

  const explanations = (e: Explanation): Making => ({ ok: true, add: { explanations: [e] } });

  return {
    explain(key, reason, by) {
      return once({ kind: 'explain', key }, (result, domain) => {
        const target = result.review.findings.find((f) => f.key === key);
        if (target === undefined) {
          // The finding went away (a live re-check, a co-author's edit) before it was explained.
          throw new ExcelFailure('notFound', `No finding with the key ${key}`);
        }
        const made = domain.explain(target, reason, actor(domain, by));
        return made.ok ? explanations(made.explanation) : made;
      });
    },
    withdraw(key, by) {
      return once({ kind: 'withdraw', key }, (_, domain) => {
        if (by.trim() === '') return { ok: false, refusal: { reason: 'noName' } };
        return explanations(domain.withdraw(key, actor(domain, by)));
      });
    },
    signOff(by) {
      return once({ kind: 'signOff' }, (result, domain) => {
        const { input, state } = result.review;
        const made = domain.signOff(input, state.explanations, actor(domain, by));
        return made.ok ? { ok: true, add: { signOffs: [made.signOff] } } : made;
      });
    },
    dismissReviewWrite() {
      if (deps.getState().reviewWrite.status !== 'writing') deps.setReviewWrite({ status: 'idle' });
    },
  };
}
