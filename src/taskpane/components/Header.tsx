import { Body1, Title2 } from '@fluentui/react-components';
import type { Strings } from '../strings';
import { S } from '../styles';

/** The pane's title; the only h1, so screen-reader users can jump to the start. */
export function Header({ t }: { readonly t: Strings }) {
  return (
    <header style={S.stack}>
      <Title2 as="h1" style={S.plain}>
        {t.title}
      </Title2>
      <Body1 as="p" style={S.plain}>
        {t.subtitle}
      </Body1>
    </header>
  );
}
