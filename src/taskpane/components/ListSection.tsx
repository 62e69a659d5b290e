/**
 * A headed list: a region named by its heading, and a list named by the same heading, so that
 * screen-reader users hear which list they are in (the findings of one severity, a proposal's
 * projects or sources).
 */
import { Subtitle2 } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import { S } from '../styles';

export interface ListSectionProps {
  readonly heading: string;
  /** The heading's level where it stands in the pane. */
  readonly level: 'h3' | 'h4';
  /** Said between the heading and the list. */
  readonly intro?: ReactNode;
  /** Bullets, for a list of notes rather than of things to act on. */
  readonly bullets?: boolean;
  /** The list's items. */
  readonly children: ReactNode;
}

export function ListSection({ heading, level, intro, bullets, children }: ListSectionProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} style={S.stack}>
      <Subtitle2 as={level} id={headingId} style={S.plain}>
        {heading}
      </Subtitle2>
      {intro}
      <ul style={bullets ? S.bullets : S.list} aria-labelledby={headingId}>
        {children}
      </ul>
    </section>
  );
}
