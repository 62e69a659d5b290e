/**
 * One project's section, from its heading to the next: its labelled lines (`Prosjekteier:`,
 * `SNRs rolle:`, `Bidrag: 200 000 kr per år`) and the lists under them, read into the draft.
 */
import type { PlanBlock } from './blocks';
import type { Draft } from './draft';
import { labelledLine, readContribution, splitList, tidyItem, type FieldKey } from './fields';
import { field, provenance } from './provenance';
import type { Provenance, UnreadItem } from './types';

/** Reads the labelled lines of one project's section into the draft. */
export function readSection(
  blocks: readonly PlanBlock[],
  from: number,
  to: number,
  d: Draft,
  whoCounts: Map<string, number>,
  unread: UnreadItem[],
): void {
  let open: { key: FieldKey; at: Provenance; items: string[] } | null = null;
  const closeList = () => {
    if (!open) return;
    const { key, at, items } = open;
    if (items.length > 0) {
      if (key === 'goals') d.goals = field(items.map(tidyItem), at);
      else if (key === 'partners') d.partners = field(items.map(tidyItem), at);
    }
    open = null;
  };
  for (let i = from; i < to; i++) {
    const b = blocks[i];
    if (b.kind === 'listItem') {
      if (open) (open as { items: string[] }).items.push(b.text);
      continue;
    }
    if (b.kind !== 'paragraph') continue;
    const line = labelledLine(b.text);
    if (!line) continue;
    closeList();
    const at = provenance(blocks, i);
    d.fieldsFound++;
    if (line.who) {
      const who = line.who.replace(/^the\s+/i, '');
      whoCounts.set(who, (whoCounts.get(who) ?? 0) + 1);
    }
    const v = line.value.replace(/\s+/g, ' ').trim();
    switch (line.key) {
      case 'owner':
        d.owner = field(v.replace(/\.$/, ''), at);
        break;
      case 'role':
        d.role = field(v.replace(/\.$/, ''), at);
        break;
      case 'phase':
        d.phase = field(v.replace(/\.$/, ''), at);
        break;
      case 'partners':
        if (v === '') open = { key: 'partners', at, items: [] };
        else d.partners = field(splitList(v), at);
        break;
      case 'goals':
        if (v === '') open = { key: 'goals', at, items: [] };
        else d.goals = field([tidyItem(v)], at);
        break;
      case 'contribution': {
        if (v === '') {
          unread.push({ code: 'contributionUnclear', from: at, subject: d.id });
          break;
        }
        const c = readContribution(v);
        d.contribution = field(c.amount, at, c.range ? 'medium' : 'high');
        if (c.range) d.contributionRange = c.range;
        d.basis = field(c.basis, c.amount === null ? null : at, c.basisGuessed ? 'low' : 'high');
        d.contributionNote = field(c.note, c.note ? at : null);
        if (c.basisGuessed) unread.push({ code: 'basisNotStated', from: at, subject: d.id });
        break;
      }
    }
  }
  closeList();
}
