/**
 * Excel's object model as the host describes it: loads every module that
 * defines types and registers, by name, each type another module refers to
 * (registry.ts). The host executes requests from its root, the `Workbook`.
 */
import type { WorkbookState } from '../model/state';
import type { TypeDef } from '../richApi/schema';
import { ChartCollection } from './charts';
import { ConditionalFormatCollection } from './conditionalFormats';
import { WorksheetFreezePanes } from './freezePanes';
import { PageBreakCollection, PageLayout } from './pageLayout';
import { WorksheetProtection } from './protection';
import { Range } from './range';
import { RangeFormat } from './rangeFormat';
import { registerTypes } from './registry';
import { WorkbookTableCollection, WorksheetTableCollection } from './tables';
import { Workbook } from './workbook';
import { Worksheet } from './worksheet';

registerTypes({
  Range,
  RangeFormat,
  ConditionalFormatCollection,
  Worksheet,
  WorksheetProtection,
  WorksheetFreezePanes,
  PageLayout,
  PageBreakCollection,
  ChartCollection,
  WorksheetTableCollection,
  WorkbookTableCollection,
});

/**
 * The request's global object, the workbook: every object path starts from it. A binding of this
 * module's own (not a re-export), so whoever executes requests loads the module, and with it the
 * registrations above.
 */
export const workbookRoot: TypeDef<WorkbookState> = Workbook;
