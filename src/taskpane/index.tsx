/**
 * The task pane page's entry (taskpane.html, also the ribbon's FunctionFile). Only what the
 * first screen needs is in this chunk; the result view and the engine are loaded on demand.
 */
import { officeGateway } from '../excel/office';
import { onOfficeReady } from '../excel/officeRuntime';
import { startInOffice } from './start';

onOfficeReady(() => {
  startInOffice(officeGateway(), document.getElementById('root'));
});
