/**
 * What changed between two results of the reconciliation, by finding key:
 * findings resolved (gone), added (new) and changed (same key, other
 * figures). The pane shows it after a re-check: "1 funn løst, 1 nytt".
 */
import type { Finding } from '../findings';
import { findingFigures, findingKeys } from './findingKey';

export interface KeyedFinding {
  readonly key: string;
  readonly finding: Finding;
}

export interface ResultChanges {
  readonly resolved: readonly KeyedFinding[];
  readonly added: readonly KeyedFinding[];
  /** Still there, but with other figures (now, as the current result has them). */
  readonly changed: readonly KeyedFinding[];
}

function keyed(findings: readonly Finding[]): Map<string, Finding> {
  const keys = findingKeys(findings);
  return new Map(findings.map((f, i) => [keys[i], f]));
}

/** The findings resolved, added and changed from `previous` to `current`, each in its result's order. */
export function resultChanges(previous: readonly Finding[], current: readonly Finding[]): ResultChanges {
  const before = keyed(previous);
  const now = keyed(current);
  const list = (from: Map<string, Finding>, keep: (key: string, f: Finding) => boolean) =>
    [...from].filter(([key, f]) => keep(key, f)).map(([key, finding]) => ({ key, finding }));
  return {
    resolved: list(before, (key) => !now.has(key)),
    added: list(now, (key) => !before.has(key)),
    changed: list(now, (key, f) => {
      const old = before.get(key);
      return old !== undefined && findingFigures(old) !== findingFigures(f);
    }),
  };
}

/** True when nothing was resolved, added or changed. */
export function noChanges(c: ResultChanges): boolean {
  return c.resolved.length === 0 && c.added.length === 0 && c.changed.length === 0;
}
