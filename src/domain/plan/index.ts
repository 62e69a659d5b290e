/** The plan reader: a plan document (as blocks, or as text) in; register, tables and what was not read out. */
import { readPlan } from './read';
import { textToBlocks } from './text';
import type { PlanReading } from './types';

export type { BlockOrigin, PlanBlock } from './blocks';
export type * from './types';
export { readPlan } from './read';
export { textToBlocks } from './text';
export { planSheets, planWorkbookModel } from './sheets';
export { unreadMessage } from './messages';

/** Reads plain text (a .txt file, or text pasted into the pane). */
export function readPlanText(text: string): PlanReading {
  return readPlan(textToBlocks(text));
}
