import { Body1 } from '@fluentui/react-components';
import { S } from '../styles';

/**
 * A polite live region: screen readers announce what it says whenever the text changes. It is
 * always rendered (a region that appears together with its text is often not announced), and
 * visible, so sighted users get the same one-line outcome.
 */
export function StatusRegion({ message }: { readonly message: string }) {
  return (
    <Body1 as="p" block style={S.plain} role="status" aria-live="polite" aria-atomic="true">
      {message}
    </Body1>
  );
}
