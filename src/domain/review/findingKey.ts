/**
 * A finding's stable key, and its figures.
 *
 * The key names what the finding is about, never where it was seen: the code,
 * then the facts that tell one finding of that code from another (project id
 * or line label, source, sheet, year, …), as `CODE|name=value|…`:
 *
 *     CONTRIBUTION_MISMATCH|project=1.2|year=2010
 *     UNKNOWN_EARMARK|source=Akershus Fylkeskommune|label=Helsesdesign
 *
 * Cell addresses are left out: they move when a row is inserted. Values have
 * their white space collapsed, `\`, `|` and `#` escaped with `\`, and a value of
 * more than 80 characters is cut to 60 plus `…` and a hash of the whole, so a
 * 30 000-character label makes a short key that is still its own.
 *
 * Two findings that would get the same key (a register row with neither id
 * nor name, twice) are told apart by their order in the result: the second
 * gets `#2`, the third `#3` (`findingKeys`).
 *
 * The figures are what an explanation was given for: the finding's amounts
 * (`expected`, `actual`, `difference`), or for a finding without amounts the
 * text it reports (the unreadable amount, the names sharing an id). When they
 * differ from those stored with an explanation, the explanation is stale.
 */
import type { Ore } from '../amount';
import type { Finding, FindingCode } from '../findings';
import { hash8 } from './hash';

type Part = readonly [name: string, value: (f: Finding) => string | number | undefined];

const project: Part = ['project', (f) => f.projectId];
/** A project's name, only when it has no id (a register row without one). */
const nameWithoutId: Part = ['name', (f) => (f.projectId ? undefined : f.params.name)];
const year: Part = ['year', (f) => f.year];
const sheet: Part = ['sheet', (f) => f.params.sheet];
const label: Part = ['label', (f) => f.params.label];
const source: Part = ['source', (f) => f.params.source];
const role: Part = ['role', (f) => f.params.role];
const reason: Part = ['reason', (f) => f.params.reason];

/** Per code, the facts that make its key, in key order. */
const KEY_PARTS: Readonly<Record<FindingCode, readonly Part[]>> = {
  SHEET_MISSING: [role, ['sheet', (f) => f.params.name]],
  TABLE_NOT_FOUND: [reason, role, sheet, year],
  REGISTER_MISSING: [],
  REGISTER_INVALID: [
    reason,
    ['table', (f) => f.params.name],
    ['field', (f) => f.params.field],
    project,
    source,
  ],
  DUPLICATE_ID: [project],
  AMOUNT_AS_TEXT: [sheet, project, label, year],
  AMOUNT_INVALID: [sheet, project, label, year],
  SUM_MISMATCH: [sheet, year],
  UNBALANCED: [year],
  UNKNOWN_LINE: [reason, sheet, label],
  UNKNOWN_EARMARK: [reason, source, label, project],
  UNKNOWN_SOURCE: [reason, sheet, label],
  OVERFINANCED: [project, label, year],
  CONTRIBUTION_MISMATCH: [project, nameWithoutId, year],
  NO_BUDGET_LINE: [project, nameWithoutId],
  OWN_FUNDING_MISMATCH: [year],
  MEMO_MISMATCH: [label, year],
  YEAR_OVER_YEAR: [role, ['earlierYear', (f) => f.params.earlierYear], year],
};

const LONG = 80;
const KEEP = 60;

/** A value as it goes into a key or a stored label: one line, escaped, bounded. */
export function keyValue(value: string): string {
  const text = value.replace(/\s+/g, ' ').trim();
  // The cut never splits a surrogate pair: half an emoji is no text a cell can hold.
  const cut = KEEP - (/[\uD800-\uDBFF]/.test(text.charAt(KEEP - 1)) ? 1 : 0);
  const bounded = text.length > LONG ? `${text.slice(0, cut)}…${hash8(text)}` : text;
  return bounded.replace(/[\\|#]/g, (c) => `\\${c}`);
}

/** The finding's key, without the `#n` that `findingKeys` adds to a repeated one. */
export function findingKey(finding: Finding): string {
  const parts: string[] = [finding.code];
  for (const [name, get] of KEY_PARTS[finding.code] ?? []) {
    const v = get(finding);
    if (v === undefined || v === '') continue;
    parts.push(`${name}=${keyValue(String(v))}`);
  }
  return parts.join('|');
}

/** Every finding's key, in the findings' order; a key seen before gets `#2`, `#3`, … */
export function findingKeys(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const key = findingKey(f);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  });
}

/** The key's code and facts, for showing a key whose finding is gone. */
export function parseKey(key: string): { code: string; parts: { name: string; value: string }[]; n: number } {
  const fields: string[] = [];
  let cur = '';
  let n = 1;
  for (let i = 0; i < key.length; i++) {
    const c = key[i];
    if (c === '\\' && i + 1 < key.length) cur += key[++i];
    else if (c === '|') {
      fields.push(cur);
      cur = '';
    } else if (c === '#') {
      n = Number(key.slice(i + 1)) || 1;
      break;
    } else cur += c;
  }
  fields.push(cur);
  const [code, ...rest] = fields;
  const parts = rest.map((p) => {
    const eq = p.indexOf('=');
    return eq < 0 ? { name: '', value: p } : { name: p.slice(0, eq), value: p.slice(eq + 1) };
  });
  return { code, parts, n };
}

/** A stored label (`keyValue`, and `#2` for a repeated one) for people: `Diverse (2)`. */
export function displayLabel(stored: string): string {
  const { code, n } = parseKey(stored);
  return n > 1 ? `${code} (${n})` : code;
}

/** Øre as exact kroner text: `200000`, `-1234.5` is `-1234.50`. */
export function kronerText(ore: Ore): string {
  const abs = Math.abs(Math.round(ore));
  const kr = Math.floor(abs / 100);
  const rest = abs - kr * 100;
  const sign = ore < 0 && abs !== 0 ? '-' : '';
  return `${sign}${kr}${rest === 0 ? '' : `.${String(rest).padStart(2, '0')}`}`;
}

/** The figures an explanation is tied to, as one stable text (empty when the finding has none). */
export function findingFigures(finding: Finding): string {
  const out: string[] = [];
  for (const name of ['expected', 'actual', 'difference'] as const) {
    const v = finding[name];
    if (v !== undefined) out.push(`${name}=${kronerText(v)}`);
  }
  if (out.length > 0) return out.join(';');
  if (finding.code === 'AMOUNT_INVALID' && finding.params.text !== undefined)
    return `text=${finding.params.text}`;
  if (finding.code === 'DUPLICATE_ID')
    return `names=${[finding.params.name, finding.params.other].filter((n) => n).join(', ')}`;
  return '';
}
