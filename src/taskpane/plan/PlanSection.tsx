/**
 * One part of the plan's review (its projects, its sources, the difference to the register): a
 * region named by its heading, so that screen-reader users can jump between the parts.
 */
import type { ReactNode } from 'react';
import { S } from '../styles';

export interface PlanSectionProps {
  /** The heading, also the region's name. */
  readonly heading: string;
  readonly children: ReactNode;
}

export function PlanSection({ heading, children }: PlanSectionProps) {
  return (
    <section aria-label={heading} style={S.stack}>
      <h3 style={S.heading}>{heading}</h3>
      {children}
    </section>
  );
}
