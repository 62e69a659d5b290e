import { balance } from './balance';
import { contributions } from './contributions';
import { memos } from './memos';
import { overfinanced } from './overfinanced';
import { ownFunding } from './ownFunding';
import { sumRows } from './sums';
import type { Rule } from './types';
import { unknownLines } from './unknownLines';
import { unknownSources } from './unknownSources';
import { yearOverYear } from './yearOverYear';

export type { Rule, RuleContext } from './types';

/**
 * The reconciliation rules, in the order their findings are listed. Reading
 * findings (missing sheets and tables, unreadable amounts, register rows,
 * unknown earmarks) come from the readers before these run.
 */
export const RULES: readonly { readonly name: string; readonly rule: Rule }[] = [
  { name: 'sum rows equal their rows', rule: sumRows },
  { name: 'budget equals financing', rule: balance },
  { name: 'budget lines are registered', rule: unknownLines },
  { name: 'financing sources are registered', rule: unknownSources },
  { name: 'no line is over-financed', rule: overfinanced },
  { name: 'own funding matches promised contributions', rule: contributions },
  { name: 'own-funded total equals own sources', rule: ownFunding },
  { name: 'memo rows equal what they restate', rule: memos },
  { name: 'earlier-year figures compared', rule: yearOverYear },
];
