/**
 * The review log's sheet name, on its own: the sheet choice (reconcile/chooseSheets.ts) needs it
 * on the pane's first screen, the rest of the review does not (it loads with the engine).
 */
export const REVIEW_SHEET = 'Avstemmingslogg';
