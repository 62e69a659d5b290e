/*
 * The ribbon's Avstem / Reconcile button (manifest.xml: ExecuteFunction `reconcile`).
 *
 * With the shared runtime the FunctionFile is taskpane.html, so the command is registered by the
 * task pane's entry (src/taskpane/start.ts) on the pane's own controller: the run the ribbon
 * starts is the run the pane shows, from one module instance. Nothing here runs on import, so the
 * local preview can call reconcileFromRibbon() for its stand-in ribbon button.
 */
import { associateAction, showOfficeTaskpane, type CommandEvent } from '../excel/officeRuntime';
import type { ReconcileController } from '../app/controller';

/** The FunctionName in manifest.xml. */
export const RECONCILE_ACTION = 'reconcile';

/** What the command needs from its host: Office, or the preview page. */
export interface RibbonHost {
  /** Brings up the task pane. */
  showTaskpane(): Promise<void>;
}

/** Office's task pane, through the shared runtime's Office.addin. */
export const officeRibbonHost: RibbonHost = { showTaskpane: showOfficeTaskpane };

/**
 * What the ribbon's Avstem runs: reconcile on the pane's controller, then show the pane with the
 * outcome. The pane is shown even when the run failed, since that is where the failure is
 * explained; if the pane cannot be shown, that failure is kept for when it is opened.
 *
 * After a successful run, a reconciliation sheet the add-in wrote earlier (its marker name is in
 * the workbook) is rewritten with the new result, so that it never shows an old reconciliation;
 * a workbook without one does not get one from the ribbon (that is the pane's insert button).
 * The pane is shown first: the write's progress and outcome are shown there.
 */
export async function reconcileFromRibbon(
  controller: ReconcileController,
  host: RibbonHost = officeRibbonHost,
): Promise<void> {
  try {
    await controller.reconcile();
  } finally {
    try {
      await host.showTaskpane();
    } catch (error) {
      controller.reportCommandFailure(error);
    }
  }
  if (controller.getState().run.status === 'done' && controller.existingOutput('reconciliation') !== null) {
    await controller.insert('reconciliation');
  }
}

/** The ExecuteFunction handler: reconcileFromRibbon, then always `event.completed()`. */
export function ribbonReconcileAction(
  controller: ReconcileController,
  host: RibbonHost = officeRibbonHost,
): (event: CommandEvent) => Promise<void> {
  return async (event) => {
    try {
      await reconcileFromRibbon(controller, host);
    } finally {
      // Office waits for this; without it the button spins until Office gives up.
      event.completed();
    }
  };
}

/** Binds the manifest's `reconcile` action to this controller (call once, after Office.onReady). */
export function registerRibbonCommands(
  controller: ReconcileController,
  host: RibbonHost = officeRibbonHost,
): void {
  associateAction(RECONCILE_ACTION, ribbonReconcileAction(controller, host));
}
