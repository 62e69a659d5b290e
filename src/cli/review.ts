/**
 * `plan-reconciler explain` and `plan-reconciler sign-off` (issue 17): an explanation of a finding,
 * or a sign-off of the reconciliation, appended to the review log of a copy of the workbook
 * (`Avstemmingslogg`, very hidden; the stored format is in docs/REGISTER.md). IN is never changed:
 * OUT is a new file, as for `reconcile --out` and `register import`. The findings, their keys and
 * what a sign-off signs come from reconciling IN exactly as `reconcile` does.
 */
import { writeFile } from 'fs/promises';
import { userInfo } from 'os';
import type { SheetChoice } from '../domain/reconcile/chooseSheets';
import { reconcile } from '../domain/reconcile/reconcile';
import type { ReconciliationResult } from '../domain/reconcile/result';
import {
  describeProblem,
  describeRefusal,
  explain,
  reviewText,
  signOff,
  timestamp,
  type Actor,
} from '../domain/review';
import { nameList } from '../domain/shorten';
import { appendReviewEntries, type ReviewEntries, type WorkbookFile } from '../xlsx';
import type { RegisterContext } from './register';
import { loadWorkbook } from './workbookFiles';

/** What the review commands need from main: the same as the register commands. */
export type ReviewContext = RegisterContext;

const EXIT_OK = 0;
/** A sign-off refused while an error is open: the run's own "errors found". */
const EXIT_OPEN_ERRORS = 1;

/** Keys named when a key is not found: enough to see what they look like. */
const KEYS_SHOWN = 5;

function flag(ctx: ReviewContext, name: string): string | undefined {
  const v = ctx.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

function onlyFlags(ctx: ReviewContext, command: string, allowed: readonly string[]): void {
  const all = [...allowed, '--out', '--lang', '--budget-sheet', '--financing-sheet'];
  for (const name of ctx.flags.keys())
    if (!all.includes(name)) ctx.usage(ctx.text.commandNoFlag(command, name));
}

/** Now, as this computer's clock shows it (with its UTC offset). */
function now(): string {
  return timestamp(Date.now(), -new Date().getTimezoneOffset());
}

/** The user's name on this computer, or '' when the system has none to give. */
function osUserName(): string {
  try {
    return userInfo().username.trim();
  } catch {
    return '';
  }
}

interface Opened {
  readonly input: string;
  readonly out: string;
  readonly book: WorkbookFile;
  readonly result: ReconciliationResult;
}

/**
 * IN read and reconciled as `reconcile` would, after OUT is checked; refused when its review log
 * cannot be written by this version (a newer format, or content it does not understand).
 */
async function open(ctx: ReviewContext, command: string): Promise<Opened> {
  const input = ctx.positional[1];
  const out = flag(ctx, '--out');
  if (out === undefined) return ctx.usage(ctx.text.needsOut(command));
  ctx.checkOutPath(input, out);
  const choice: SheetChoice = {
    budgetSheet: flag(ctx, '--budget-sheet'),
    financingSheet: flag(ctx, '--financing-sheet'),
  };
  const book = await loadWorkbook(input, choice);
  ctx.checkMacros(book, out);
  const result = reconcile(book.snapshot, choice);
  const review = result.review;
  if (review.state.readOnly) {
    const first = review.problems[0];
    ctx.fail(ctx.text.reviewReadOnly(first ? describeProblem(first, ctx.lang) : (review.sheet ?? '')));
  }
  return { input, out, book, result };
}

/** Appends the entries to IN's review log and writes OUT; returns the log's sheet name. */
async function write(ctx: ReviewContext, opened: Opened, add: ReviewEntries): Promise<string> {
  const { input, out, book } = opened;
  const written = ctx.adding(input, out, () => appendReviewEntries(book, add));
  if (!written.ok) {
    const first = written.problems[0];
    return ctx.fail(ctx.text.reviewReadOnly(first ? describeProblem(first, ctx.lang) : ''));
  }
  await ctx.writing(out, () => writeFile(out, written.bytes));
  return written.sheet;
}

/** `explain IN.xlsx KEY --reason "…" [--by NAME] --out OUT.xlsx` */
export async function runExplain(ctx: ReviewContext): Promise<number> {
  const t = ctx.text;
  onlyFlags(ctx, 'explain', ['--reason', '--by']);
  if (ctx.positional.length !== 3) ctx.usage(t.explainArgs);
  const key = ctx.positional[2].trim();
  const reason = flag(ctx, '--reason');
  if (reason === undefined) return ctx.usage(t.explainNeedsReason);
  const by = (flag(ctx, '--by') ?? osUserName()).trim();
  if (by === '') ctx.usage(t.explainNeedsBy);

  const opened = await open(ctx, 'explain');
  const { input, result } = opened;
  const findings = result.review.findings;
  const target = findings.find((r) => r.key === key);
  if (!target) {
    if (findings.length === 0) return ctx.fail(t.noFindings(input));
    const more = reviewText(ctx.lang).more;
    return ctx.fail(
      t.unknownKey(
        key,
        nameList(
          findings.map((r) => r.key),
          more,
          KEYS_SHOWN,
        ),
        input,
      ),
    );
  }
  const made = explain(target, reason, { by, at: now() });
  if (!made.ok) return ctx.usage(describeRefusal(made.refusal, ctx.lang));
  const sheet = await write(ctx, opened, { explanations: [made.explanation] });
  ctx.err(`${t.wroteExplanation(opened.out, key, sheet)}\n`);
  return EXIT_OK;
}

/** `sign-off IN.xlsx --name "…" --out OUT.xlsx`: refused, exit 1, while an error is open. */
export async function runSignOff(ctx: ReviewContext): Promise<number> {
  const t = ctx.text;
  onlyFlags(ctx, 'sign-off', ['--name']);
  if (ctx.positional.length !== 2) ctx.usage(t.signOffArgs);
  const name = flag(ctx, '--name');
  if (name === undefined || name.trim() === '') return ctx.usage(t.signOffNeedsName);

  const opened = await open(ctx, 'sign-off');
  const review = opened.result.review;
  const actor: Actor = { by: name, at: now() };
  const made = signOff(review.input, review.state.explanations, actor);
  if (!made.ok) {
    const refusal = made.refusal;
    if (refusal.reason !== 'openErrors') return ctx.usage(describeRefusal(refusal, ctx.lang));
    ctx.err(`plan-reconciler: ${describeRefusal(refusal, ctx.lang)}\n${t.openErrorKeys}\n`);
    for (const key of refusal.keys) ctx.err(`  ${key}\n`);
    return EXIT_OPEN_ERRORS;
  }
  const sheet = await write(ctx, opened, { signOffs: [made.signOff] });
  ctx.err(`${t.wroteSignOff(opened.out, made.signOff.by, sheet)}\n`);
  return EXIT_OK;
}
