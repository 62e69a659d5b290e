/*
 * Ribbon commands. With the shared runtime (see manifest.xml) this bundle is loaded by
 * taskpane.html, which is also the FunctionFile, so the commands and the task pane share one
 * JavaScript runtime. commands.html exists for a manifest without a shared runtime.
 */

/** The "Avstem" / "Reconcile" button. For now it only brings up the task pane. */
export async function reconcile(event: Office.AddinCommands.Event): Promise<void> {
  try {
    // Office.addin (SharedRuntime 1.1) is missing where the shared runtime is not supported.
    if (Office.context.requirements.isSetSupported('SharedRuntime', '1.1') && Office.addin) {
      await Office.addin.showAsTaskpane();
    }
  } catch (error) {
    // Nowhere to show it yet: a command has no UI of its own. Later work reports it in the pane.
    console.error('Plan Reconciler: could not show the task pane', error);
  } finally {
    // Office waits for this; without it the command spins until it times out.
    event.completed();
  }
}

void Office.onReady(() => {
  Office.actions.associate('reconcile', reconcile);
});
