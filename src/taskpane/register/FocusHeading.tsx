import { forwardRef, type ReactNode } from 'react';
import { S } from '../styles';

export interface FocusHeadingProps {
  readonly level: 2 | 3;
  readonly id: string;
  readonly children: ReactNode;
}

/**
 * A heading the editor can move the focus to (a form that opens, a table after a deletion), so
 * that screen-reader users hear where they are. Not in the Tab order (tabIndex -1). Fluent's text
 * presets take no ref, hence a native heading with Subtitle2's look.
 */
export const FocusHeading = forwardRef<HTMLHeadingElement, FocusHeadingProps>(function FocusHeading(
  { level, id, children },
  ref,
) {
  const Tag = level === 2 ? 'h2' : 'h3';
  return (
    <Tag ref={ref} id={id} tabIndex={-1} style={S.heading}>
      {children}
    </Tag>
  );
});
