import { Subtitle2 } from '@fluentui/react-components';
import { useId } from 'react';
import type { RegisterEntry } from '../../domain/register/types';
import type { Strings } from '../strings';
import { S } from '../styles';

export interface NonMoneyProjectsProps {
  readonly projects: readonly Pick<RegisterEntry, 'id' | 'name'>[];
  readonly t: Strings;
}

/**
 * Projects the council supports with work, not money, and that therefore have no budget line:
 * listed for information, so nobody wonders where they went.
 */
export function NonMoneyProjects({ projects, t }: NonMoneyProjectsProps) {
  const headingId = useId();
  if (projects.length === 0) return null;
  return (
    <section aria-labelledby={headingId} style={S.stack}>
      <Subtitle2 as="h2" id={headingId} style={S.plain}>
        {t.nonMoneyHeading}
      </Subtitle2>
      <ul style={S.bullets}>
        {projects.map((p) => (
          <li key={`${p.id}\u0000${p.name}`}>
            {p.id} {p.name}
          </li>
        ))}
      </ul>
    </section>
  );
}
