/**
 * The CLI's report of a reconciliation, from the result contract (reconcile/result.ts) alone: the
 * JSON of `--json` (amounts in kroner, fields that do not apply left out) and the readable text.
 */
import { formatNok, oreToKroner } from './amount';
import { SEVERITY_ORDER, type Finding } from './findings';
import { describe, SEVERITY_LABEL, type Lang } from './messages';
import { NOT_COMPUTED_NO_REGISTER } from './messages';
import type { ReconciliationResult, ResultReview } from './reconcile/result';
import {
  byTime,
  describeExplanation,
  describeKey,
  describeProblem,
  describeSignOffState,
  displayLabel,
  failingErrors,
  reviewFields,
  reviewText,
  type Explanation,
  type FindingStatus,
  type ReviewCounts,
  type ReviewedFinding,
  type ReviewYearTotals,
  type SignOffState,
  type ValuePart,
} from './review';
import { quote, shorten } from './shorten';

export interface FindingJson {
  /**
   * The finding's stable key (review/findingKey.ts): what it is about, never where it was seen,
   * so it stays the same when rows are inserted; `#2` on a second finding with the same facts.
   */
  key?: string;
  code: string;
  severity: string;
  message: string;
  cells: string[];
  projectId?: string;
  year?: number;
  expected?: number;
  actual?: number;
  difference?: number;
  suggestion?: string;
  /** `open`, `explained` or `stale` (explained, but its figures have changed since: open again). */
  status?: FindingStatus;
  /** The explanation, when explained or stale (the old one, for stale). */
  reason?: string;
  explainedBy?: string;
  explainedAt?: string;
}

/** Year totals in kroner. */
export interface TotalsJson {
  budget: number;
  financing: number;
}

/** A line of the budget or the financing, or a register row, named in a sign-off's changes. */
export interface ValueRefJson {
  part: ValuePart;
  label: string;
}

/** Whether the workbook is still what was signed off, and if not, what changed. */
export type SignOffJson =
  | { state: 'none' }
  | { state: 'signed'; by: string; at: string; fingerprint: string }
  | {
      state: 'changed';
      by: string;
      at: string;
      fingerprint: string;
      changes: {
        /** Years whose totals differ; `before` or `now` left out for a year added or removed. */
        years: { year: number; before?: TotalsJson; now?: TotalsJson }[];
        /** Lines and register rows added, removed or changed; null when the sign-off kept no values. */
        lines: { added: ValueRefJson[]; removed: ValueRefJson[]; changed: ValueRefJson[] } | null;
      };
    };

/** The review log (issue 17): the sign-off state, counts, history and what could not be read. */
export interface ReviewJson {
  /** The log's sheet; left out when the workbook has none. */
  sheet?: string;
  /** The log is in a newer format or holds what this version does not understand: it is not written. */
  readOnly?: true;
  signOff: SignOffJson;
  counts: ReviewCounts;
  /** Every sign-off, oldest first. */
  signOffs: {
    by: string;
    at: string;
    fingerprint: string;
    open: number;
    explained: number;
    totals: Record<string, TotalsJson>;
  }[];
  /** Explanations whose finding is not there now (kept: it may come back). */
  orphans: { key: string; reason: string; explainedBy: string; explainedAt: string }[];
  problems: { cell: string; message: string }[];
}

export interface ResultJson {
  years: number[];
  balanced: boolean;
  /** ownFunded and ownSources are left out when not computed (no register, or an empty one). */
  totals: Record<string, { budget: number; financing: number; ownFunded?: number; ownSources?: number }>;
  findings: FindingJson[];
  nonMoneyProjects: { id: string; name: string }[];
  review: ReviewJson;
}

/** A finding for JSON: amounts in kroner, fields that do not apply left out. */
export function findingToJson(f: Finding, lang: Lang): FindingJson {
  const out: FindingJson = {
    code: f.code,
    severity: f.severity,
    message: describe(f, lang),
    cells: [...f.cells],
  };
  if (f.projectId !== undefined) out.projectId = f.projectId;
  if (f.year !== undefined) out.year = f.year;
  if (f.expected !== undefined) out.expected = oreToKroner(f.expected);
  if (f.actual !== undefined) out.actual = oreToKroner(f.actual);
  if (f.difference !== undefined) out.difference = oreToKroner(f.difference);
  if (f.suggestion !== undefined) out.suggestion = f.suggestion;
  return out;
}

export function resultToJson(result: ReconciliationResult, lang: Lang): ResultJson {
  const reviewed = result.review.findings;
  const totals: ResultJson['totals'] = {};
  for (const y of result.years) {
    const t = result.totals[y];
    totals[String(y)] = {
      budget: oreToKroner(t.budget),
      financing: oreToKroner(t.financing),
      ...(t.ownFunded === null ? {} : { ownFunded: oreToKroner(t.ownFunded) }),
      ...(t.ownSources === null ? {} : { ownSources: oreToKroner(t.ownSources) }),
    };
  }
  return {
    years: [...result.years],
    balanced: result.balanced,
    totals,
    findings: result.findings.map((f, i) => {
      const { key, ...review } = reviewFields(reviewed[i]);
      return { key, ...findingToJson(f, lang), ...review };
    }),
    nonMoneyProjects: result.nonMoneyProjects.map((p) => ({ id: p.id, name: p.name })),
    review: reviewToJson(result.review, lang),
  };
}

const totalsJson = (t: ReviewYearTotals): TotalsJson => ({
  budget: oreToKroner(t.budget),
  financing: oreToKroner(t.financing),
});

function signOffJson(s: SignOffState): SignOffJson {
  if (s.state === 'none') return { state: 'none' };
  const { by, at, fingerprint } = s.signOff;
  if (s.state === 'signed') return { state: 'signed', by, at, fingerprint };
  const refs = (list: readonly { part: ValuePart; label: string }[]) =>
    list.map((v) => ({ part: v.part, label: displayLabel(v.label) }));
  const v = s.changes.values;
  return {
    state: 'changed',
    by,
    at,
    fingerprint,
    changes: {
      years: s.changes.years.map((y) => ({
        year: y.year,
        ...(y.before ? { before: totalsJson(y.before) } : {}),
        ...(y.now ? { now: totalsJson(y.now) } : {}),
      })),
      lines: v && { added: refs(v.added), removed: refs(v.removed), changed: refs(v.changed) },
    },
  };
}

export function reviewToJson(review: ResultReview, lang: Lang): ReviewJson {
  return {
    ...(review.sheet === null ? {} : { sheet: review.sheet }),
    ...(review.state.readOnly ? { readOnly: true as const } : {}),
    signOff: signOffJson(review.signOff),
    counts: { ...review.counts },
    signOffs: byTime(review.state.signOffs).map((s) => ({
      by: s.by,
      at: s.at,
      fingerprint: s.fingerprint,
      open: s.open,
      explained: s.explained,
      totals: Object.fromEntries(s.totals.map((t) => [String(t.year), totalsJson(t)])),
    })),
    orphans: review.orphans.map((e) => ({
      key: e.key,
      reason: e.reason,
      explainedBy: e.by,
      explainedAt: e.at,
    })),
    problems: review.problems.map((p) => ({ cell: p.cell, message: problemMessage(p, lang) })),
  };
}

/** A problem of the log in words, without the cell it starts with (JSON gives the cell apart). */
function problemMessage(p: ResultReview['problems'][number], lang: Lang): string {
  const text = describeProblem(p, lang);
  return text.startsWith(`${p.cell}: `) ? text.slice(p.cell.length + 2) : text;
}

/**
 * The errors that fail a run (exit code 1): open ones (stale included); with `strict`, explained
 * ones too. Without a review log, every error is open.
 */
export function failingErrorCount(result: ReconciliationResult, strict = false): number {
  return failingErrors(result.review, strict);
}

const T = {
  nb: {
    title: 'Avstemming',
    sheets: 'Ark',
    none: '(mangler)',
    noTable: 'ingen tabell',
    register: 'Prosjektregister',
    projects: 'prosjekter',
    sources: 'kilder',
    year: 'År',
    budget: 'Budsjett',
    financing: 'Finansiering',
    ownFunded: 'Egenfinansiert',
    ownSources: 'Egne kilder',
    balanced: 'i balanse',
    unbalanced: 'IKKE i balanse',
    noFindings: 'Ingen funn.',
    nonMoney: 'Prosjekter uten pengebidrag (bidrar med arbeid)',
    reason: 'Begrunnelse',
    reviewLog: 'Avstemmingsloggen',
  },
  en: {
    title: 'Reconciliation',
    sheets: 'Sheets',
    none: '(missing)',
    noTable: 'no table',
    register: 'Project register',
    projects: 'projects',
    sources: 'sources',
    year: 'Year',
    budget: 'Budget',
    financing: 'Financing',
    ownFunded: 'Own-funded',
    ownSources: 'Own sources',
    balanced: 'balanced',
    unbalanced: 'NOT balanced',
    noFindings: 'No findings.',
    nonMoney: 'Projects without a money contribution (work only)',
    reason: 'Reason',
    reviewLog: 'The review log',
  },
} as const;

/** A readable report: what was read, the balance per year, findings grouped by severity with their cells. */
export function formatReport(result: ReconciliationResult, lang: Lang): string {
  const t = T[lang];
  const kr = (o: number) => formatNok(o, lang).padStart(14);
  const s = result.sources;
  const lines: string[] = [];
  lines.push(`${t.title}`);
  // A sheet found without a table to read is named as such, not called missing.
  const sheet = (name: string | null, role: 'budget' | 'financing') => {
    if (name !== null) return name;
    const noTable = result.findings.find(
      (f) => f.code === 'TABLE_NOT_FOUND' && f.params.role === role && f.params.sheet !== undefined,
    );
    return noTable ? `${noTable.params.sheet} (${t.noTable})` : t.none;
  };
  lines.push(
    `${t.sheets}: ${t.budget} = ${sheet(s.budgetSheet, 'budget')}, ${t.financing} = ${sheet(s.financingSheet, 'financing')}, ${t.register} = ${
      s.registerSheet
        ? `${s.registerSheet} (${s.projects} ${t.projects}, ${s.fundingSources} ${t.sources})`
        : t.none
    }`,
  );
  lines.push(...signOffLines(result.review, lang));
  for (const y of result.years) {
    const tot = result.totals[y];
    lines.push('');
    lines.push(`${t.year} ${y}: ${tot.budget === tot.financing ? t.balanced : t.unbalanced}`);
    lines.push(`  ${t.budget.padEnd(16)}${kr(tot.budget)}`);
    lines.push(`  ${t.financing.padEnd(16)}${kr(tot.financing)}`);
    const own = (o: number | null) => (o === null ? `  ${NOT_COMPUTED_NO_REGISTER[lang]}` : kr(o));
    lines.push(`  ${t.ownFunded.padEnd(16)}${own(tot.ownFunded)}`);
    lines.push(`  ${t.ownSources.padEnd(16)}${own(tot.ownSources)}`);
  }
  lines.push('');
  if (result.findings.length === 0) lines.push(t.noFindings);
  const review = result.review;
  const rt = reviewText(lang);
  const said = (e: Explanation) => `      ${t.reason}: ${quote(oneLine(e.reason))}`;
  const finding = (r: ReviewedFinding) => {
    const f = r.finding;
    lines.push(`  [${f.code}] ${describe(f, lang)}`);
    if (f.cells.length > 0) lines.push(`      ${f.cells.join(', ')}`);
    if (r.explanation === null) return;
    // Stale: open again, the old reason shown under what happened to it.
    if (r.status === 'stale') lines.push(`      ${rt.status.stale}. ${rt.staleNote}`);
    lines.push(said(r.explanation), `      ${describeExplanation(r.explanation, lang)}`);
  };
  const open = review.findings.filter((r) => r.status !== 'explained');
  for (const sev of SEVERITY_ORDER) {
    const group = open.filter((r) => r.finding.severity === sev);
    if (group.length === 0) continue;
    lines.push(`${SEVERITY_LABEL[lang][sev]} (${group.length}):`);
    group.forEach(finding);
    lines.push('');
  }
  const explained = review.findings.filter((r) => r.status === 'explained');
  if (explained.length > 0) {
    lines.push(`${rt.status.explained} (${explained.length}):`);
    // Errors first, as the open ones are ordered.
    for (const sev of SEVERITY_ORDER) explained.filter((r) => r.finding.severity === sev).forEach(finding);
    lines.push('');
  }
  if (review.orphans.length > 0) {
    lines.push(`${rt.orphansTitle} (${review.orphans.length}):`);
    for (const e of review.orphans) {
      lines.push(`  ${shorten(describeKey(e.key, lang))}`, said(e), `      ${describeExplanation(e, lang)}`);
    }
    lines.push('');
  }
  if (review.problems.length > 0) {
    lines.push(`${t.reviewLog} (${review.problems.length}):`);
    for (const p of review.problems) lines.push(`  ${describeProblem(p, lang)}`);
    lines.push('');
  }
  if (result.nonMoneyProjects.length > 0) {
    lines.push(`${t.nonMoney}:`);
    for (const p of result.nonMoneyProjects) lines.push(`  ${shorten(`${p.id} ${p.name}`)}`);
  }
  return lines.join('\n').trimEnd() + '\n';
}

/**
 * The sign-off state under the sheets line: `Godkjent av … den …`, and when the figures have
 * changed since, `Endret etter godkjenningen:` with what changed, indented. Nothing for a workbook
 * without a review log (the report is then as it always was).
 */
function signOffLines(review: ResultReview, lang: Lang): string[] {
  if (review.sheet === null && review.signOff.state === 'none') return [];
  const [first, changed, ...what] = describeSignOffState(review.signOff, lang);
  if (changed === undefined) return [first];
  return [first, `${changed}:`, ...what.map((l) => `  ${l}`)];
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
