/**
 * Starting the add-in inside Office, once Office.onReady has fired: language and theme from
 * Office, the pane mounted, and the ribbon's Avstem command bound to the pane's controller.
 *
 * taskpane.html is also the shared runtime's FunctionFile, so this one module instance serves
 * both the pane and the ribbon: a run started from the ribbon is the run the pane shows.
 */
import { langFromLocale } from '../domain/messages';
import type { WorkbookGateway } from '../excel/gateway';
import {
  canAssociateActions,
  officeBackground,
  officeDisplayLanguage,
  officePlatform,
} from '../excel/officeRuntime';
import { registerRibbonCommands } from '../commands/commands';
import type { ReconcileController } from '../app/controller';
import { mountTaskpane } from './mount';
import { themeKindFromBackground } from './theme';

export function startInOffice(gateway: WorkbookGateway, container: HTMLElement | null): ReconcileController {
  if (container === null) {
    throw new Error('taskpane.html has no element with id "root"');
  }
  const lang = langFromLocale(officeDisplayLanguage());
  document.documentElement.lang = lang;
  const theme = themeKindFromBackground(officeBackground());
  const controller = mountTaskpane(container, { gateway, lang, theme, platform: officePlatform() });
  // Office.actions exists with the shared runtime (SharedRuntime 1.1), which the ribbon needs anyway.
  if (canAssociateActions()) {
    registerRibbonCommands(controller);
  }
  return controller;
}
