// Normalization of the existing data tab (issue #4), Apps Script side: the public entry points
// (preview, run, undo, bulk resolution, list proposals) and the dialog opener.
/*
 * All decisions come from the pure domain (src/domain/normalize). These modules only read and
 * write blocks, chunk by chunk, so the service calls per chunk are constant:
 *   read values + formulas of the chunk -> plan -> append the chunk's Change log rows (one
 *   setValues) -> write the chunk's changed block (one setValues) -> save the checkpoint.
 *
 * Nothing lost: every changed cell is in the Change log (typed original and new value), written
 * BEFORE the data; the checkpoint (DocumentProperties) records how far the data is committed. A run
 * killed at any point leaves no half-written row (a chunk's data is one setValues) and, rerun, first
 * replays the logged-but-uncommitted chunk, then continues: same result as an uninterrupted run.
 * Near the time budget a run saves its checkpoint and marks a continuation, which the hourly
 * scheduler trigger runs (src/gas/continuation.ts, src/gas/scheduler.ts).
 *
 *   context.ts       what an execution reads once, constants, chunk reads and plans
 *   preview.ts       previewNormalization (writes nothing)
 *   run.ts           normalizeRequests
 *   commit.ts        writing a chunk (IDs first), replay of an uncommitted chunk
 *   changeLog.ts     Change log rows and reading a run's changes back
 *   checkpoint.ts    checkpoint, last run, continuation back-off
 *   undo.ts          undoLastNormalization
 *   resolve.ts       resolveValue (bulk resolution from the dialog)
 *   listProposals.ts proposeListsFromData, confirmListProposals
 * Report types and their text live in src/domain/normalize/report.ts.
 */
import { tryGetUi } from '../sheets';

export { previewNormalization } from './preview';
export { normalizeRequests } from './run';
export { undoLastNormalization } from './undo';
export { resolveValue } from './resolve';
export { proposeListsFromData, confirmListProposals } from './listProposals';
export { CHECKPOINT_KEY, LAST_RUN_KEY } from './checkpoint';
export type { NormalizeOptions } from './context';

/** Menu item "Normalize existing rows": opens the preview dialog (its confirm calls normalizeRequests). */
export function showNormalizeDialog(): void {
  const html = HtmlService.createHtmlOutputFromFile('NormalizeDialog').setWidth(760).setHeight(600);
  const ui = tryGetUi();
  if (ui) ui.showModalDialog(html, 'Normalize existing rows');
}
