/**
 * Office's runtime, read in one place: when Office is ready, its display language, platform and
 * theme, the shared runtime's task pane, and the ribbon's actions. The pane's entry
 * (src/taskpane/start.ts) and the ribbon (src/commands) use these instead of the `Office` global,
 * so that Office.js's globals appear only in the Office.js adapter (ESLint refuses them elsewhere).
 *
 * Each function reads the global when called, not on import: the preview and the tests load the
 * modules above without Office.
 */
import { ExcelFailure } from './gateway';

/** Runs `start` once Office has initialised the add-in. */
export function onOfficeReady(start: () => void): void {
  void Office.onReady(start);
}

/** Office's display language (`nb-NO`, `en-US`), or undefined outside Office. */
export function officeDisplayLanguage(): string | undefined {
  return Office.context.displayLanguage;
}

/**
 * Excel on the web or a desktop Excel (Windows, Mac; iPad's Excel counts as desktop: what the pane
 * says about undo there holds everywhere). Office.context.platform is in every requirement set;
 * older hosts have it under diagnostics.
 */
export function officePlatform(): 'web' | 'desktop' {
  try {
    const platform = Office.context.platform ?? Office.context.diagnostics?.platform;
    return String(platform) === 'OfficeOnline' ? 'web' : 'desktop';
  } catch {
    return 'desktop';
  }
}

/** Office's pane background colour; undefined where the host has no officeTheme (then: light). */
export function officeBackground(): string | undefined {
  try {
    return Office.context.officeTheme?.bodyBackgroundColor;
  } catch {
    // Some hosts throw instead of returning undefined for an unsupported property.
    return undefined;
  }
}

/** What Office hands a ribbon command: it waits for `completed()`. */
export interface CommandEvent {
  completed(): void;
}

/** Whether ribbon actions can be bound here (Office.actions: the shared runtime, SharedRuntime 1.1). */
export function canAssociateActions(): boolean {
  return typeof Office.actions?.associate === 'function';
}

/** Binds the manifest's action `name` (ExecuteFunction) to `handler`. */
export function associateAction(name: string, handler: (event: CommandEvent) => Promise<void>): void {
  Office.actions.associate(name, handler);
}

/** Brings up the task pane through the shared runtime's Office.addin. */
export async function showOfficeTaskpane(): Promise<void> {
  // Office.addin (SharedRuntime 1.1) is missing where the shared runtime is not supported.
  if (!Office.context.requirements.isSetSupported('SharedRuntime', '1.1') || !Office.addin) {
    throw new ExcelFailure(
      'unsupported',
      'Office.addin.showAsTaskpane() needs the shared runtime',
      undefined,
      'SharedRuntime 1.1',
    );
  }
  await Office.addin.showAsTaskpane();
}
