/**
 * Small derived values the first screen needs from a result, without loading the result view.
 */
import type { Finding } from '../domain/findings';
import type { SeverityCounts } from './strings';

export function severityCounts(findings: readonly Pick<Finding, 'severity'>[]): SeverityCounts {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}
