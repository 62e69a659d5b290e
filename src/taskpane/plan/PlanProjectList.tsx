/**
 * The projects the plan reader found, one disclosure each (the pane is narrow and a plan has many
 * projects): its id, name and how many of its fields are uncertain are always shown; opened, every
 * field with its value as the register will have it, the uncertain mark, and its source text.
 * A field the user has edited is no longer marked: the user has decided it.
 */
import { Badge, Button } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { Field, PlanProject } from '../../domain/plan';
import { entryToDraft, type EntryDraft } from '../../domain/register/edit/draft';
import type { ProjectKey, RegisterEntry } from '../../domain/register/types';
import type { Strings } from '../strings';
import { S } from '../styles';
import { PlanFieldRow } from './PlanFields';

/** A register field the review shows for a project: all but its id, aliases and kind. */
type ShownField = Exclude<ProjectKey, 'id' | 'aliases' | 'kind'>;

/** The fields as the review lists them (the phase before the area, unlike the register's columns). */
const SHOWN: readonly ShownField[] = [
  'name',
  'phase',
  'area',
  'owner',
  'role',
  'partners',
  'goals',
  'contribution',
  'basis',
  'contributionNote',
  'budgetLine',
];

const text = (draft: EntryDraft, field: ShownField): string => {
  const v = draft[field];
  return Array.isArray(v) ? v.join('; ') : v;
};

/** The project's fields: value (as edited), whether still uncertain, and where it came from. */
export function projectFields(project: PlanProject, read: RegisterEntry, edited: RegisterEntry | null) {
  const before = entryToDraft(read);
  const now = edited === null ? before : entryToDraft(edited);
  return SHOWN.map((field) => {
    const source = project[field] as Field<unknown>;
    const value = text(now, field);
    return {
      field,
      value,
      from: source.from,
      uncertain: source.confidence === 'low' && value === text(before, field),
    };
  });
}

export interface PlanProjectItemProps {
  readonly t: Strings;
  readonly project: PlanProject;
  /** The register entry the reader made of it, and the same entry as edited (null: removed). */
  readonly read: RegisterEntry;
  readonly edited: RegisterEntry | null;
}

export function PlanProjectItem({ t, project, read, edited }: PlanProjectItemProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const fields = projectFields(project, read, edited);
  const uncertain = fields.filter((f) => f.uncertain).length;
  const shown = edited ?? read;
  return (
    <li style={S.registerItem}>
      <div style={S.rowTight}>
        <Button
          appearance="transparent"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((o) => !o)}
          style={S.shrink}
        >
          {`${shown.id} ${shown.name}`}
        </Button>
        {uncertain > 0 && (
          <Badge appearance="tint" color="warning">
            {t.plan.uncertainCount(uncertain)}
          </Badge>
        )}
      </div>
      <div id={id}>
        {open && (
          <dl style={S.facts}>
            {fields.map((f) => (
              <PlanFieldRow
                key={f.field}
                t={t}
                label={t.reg.field[f.field]}
                value={f.value}
                uncertain={f.uncertain}
                from={f.from}
              />
            ))}
          </dl>
        )}
      </div>
    </li>
  );
}

export interface PlanProjectListProps {
  readonly t: Strings;
  readonly projects: readonly PlanProject[];
  /** The reader's register entries (the projects first, in order). */
  readonly read: readonly RegisterEntry[];
  /** The register as edited. */
  readonly edited: readonly RegisterEntry[];
}

/** The edited entry of the reader's entry `i`: at its place while it is there, else by id and name. */
function editedOf(read: readonly RegisterEntry[], edited: readonly RegisterEntry[], i: number) {
  const r = read[i];
  const at = edited[i];
  if (at !== undefined && edited.length === read.length && at.kind === r.kind) return at;
  return edited.find((e) => e === r || (e.id === r.id && e.name === r.name)) ?? null;
}

export function PlanProjectList({ t, projects, read, edited }: PlanProjectListProps) {
  return (
    <ul style={S.list}>
      {projects.map((p, i) => (
        <PlanProjectItem key={i} t={t} project={p} read={read[i]} edited={editedOf(read, edited, i)} />
      ))}
    </ul>
  );
}
