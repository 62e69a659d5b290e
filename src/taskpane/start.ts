/**
 * Starting the add-in inside Office, once Office.onReady has fired: language and theme from
 * Office, the pane mounted, and the ribbon's Avstem command bound to the pane's controller.
 *
 * taskpane.html is also the shared runtime's FunctionFile, so this one module instance serves
 * both the pane and the ribbon: a run started from the ribbon is the run the pane shows.
 */
import { langFromLocale } from '../domain/messages';
import type { WorkbookGateway } from '../excel/gateway';
import { registerRibbonCommands } from '../commands/commands';
import type { OfficePlatform, ReconcileController } from '../app/controller';
import { mountTaskpane } from './mount';
import { themeKindFromBackground } from './theme';

export function startInOffice(gateway: WorkbookGateway, container: HTMLElement | null): ReconcileController {
  if (container === null) {
    throw new Error('taskpane.html has no element with id "root"');
  }
  const lang = langFromLocale(Office.context.displayLanguage);
  document.documentElement.lang = lang;
  const theme = themeKindFromBackground(officeBackground());
  const controller = mountTaskpane(container, { gateway, lang, theme, platform: officePlatform() });
  // Office.actions exists with the shared runtime (SharedRuntime 1.1), which the ribbon needs anyway.
  if (typeof Office.actions?.associate === 'function') {
    registerRibbonCommands(controller);
  }
  return controller;
}

/**
 * Excel on the web or a desktop Excel (Windows, Mac; iPad's Excel counts as desktop: what the pane
 * says about undo there holds everywhere). Office.context.platform is in every requirement set;
 * older hosts have it under diagnostics.
 */
export function officePlatform(): OfficePlatform {
  try {
    const platform = Office.context.platform ?? Office.context.diagnostics?.platform;
    return String(platform) === 'OfficeOnline' ? 'web' : 'desktop';
  } catch {
    return 'desktop';
  }
}

/** Office's pane background colour; undefined where the host has no officeTheme (then: light). */
function officeBackground(): string | undefined {
  try {
    return Office.context.officeTheme?.bodyBackgroundColor;
  } catch {
    // Some hosts throw instead of returning undefined for an unsupported property.
    return undefined;
  }
}
