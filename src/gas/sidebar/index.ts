// The "Log support request" sidebar, server side: the dialog opener and the public entry points
// (form options, submit, my open requests), re-exported from their modules.
/**
 * The "Log support request" sidebar, server side: showSidebar, getFormOptions, submitRequest and
 * the My open requests functions (getMyOpenRequests, closeMyRequest).
 *
 * Budget of submitRequest (issue #3): at most 25 service calls, at most 6 of them reading or writing
 * cells, the same at 1,000 and 100,000 rows. It reads the three config tabs (one A1 range each), the
 * data tab's header row, appends with the atomic `appendRow` and reads `getLastRow` once for the
 * row number; nothing else touches cells. Idempotency and the per-day ID sequence live in one
 * DocumentProperties entry, read and written under the document lock.
 */

/** Opens the sidebar (menu item "Log a request"). */
export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Log support request');
  SpreadsheetApp.getUi().showSidebar(html);
}

export { getFormOptions, trainingRows } from './options';
export { SUBMIT_STATE_KEY, submitRequest, writeRequest, type WriteOptions } from './submit';
export { closeMyRequest, getMyOpenRequests, markRepliedNow } from './myRequests';
export { dataTab, readListsCompact } from './tabs';
