/**
 * The CLI's report of a reconciliation, from the result contract (reconcile/result.ts) alone: the
 * JSON of `--json` (amounts in kroner, fields that do not apply left out) and the readable text.
 */
import { formatNok, oreToKroner } from './amount';
import { SEVERITY_ORDER, type Finding } from './findings';
import { describe, SEVERITY_LABEL, type Lang } from './messages';
import { NOT_COMPUTED_NO_REGISTER } from './messages';
import type { ReconciliationResult } from './reconcile/result';
import { findingKeys } from './review/findingKey';
import { shorten } from './shorten';

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
}

export interface ResultJson {
  years: number[];
  balanced: boolean;
  /** ownFunded and ownSources are left out when not computed (no register, or an empty one). */
  totals: Record<string, { budget: number; financing: number; ownFunded?: number; ownSources?: number }>;
  findings: FindingJson[];
  nonMoneyProjects: { id: string; name: string }[];
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
  const keys = findingKeys(result.findings);
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
    findings: result.findings.map((f, i) => ({ key: keys[i], ...findingToJson(f, lang) })),
    nonMoneyProjects: result.nonMoneyProjects.map((p) => ({ id: p.id, name: p.name })),
  };
}

export function hasErrors(result: ReconciliationResult): boolean {
  return result.findings.some((f) => f.severity === 'error');
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
  for (const sev of SEVERITY_ORDER) {
    const group = result.findings.filter((f) => f.severity === sev);
    if (group.length === 0) continue;
    lines.push(`${SEVERITY_LABEL[lang][sev]} (${group.length}):`);
    for (const f of group) {
      lines.push(`  [${f.code}] ${describe(f, lang)}`);
      if (f.cells.length > 0) lines.push(`      ${f.cells.join(', ')}`);
    }
    lines.push('');
  }
  if (result.nonMoneyProjects.length > 0) {
    lines.push(`${t.nonMoney}:`);
    for (const p of result.nonMoneyProjects) lines.push(`  ${shorten(`${p.id} ${p.name}`)}`);
  }
  return lines.join('\n').trimEnd() + '\n';
}
