/**
 * Continuation of a long normalization (issue #10): the one place that schedules and clears it.
 * Today a one-off time trigger on `normalizeRequests`; the scheduler work (one hourly trigger for
 * everything) re-points these two functions, so keep callers to this interface.
 *
 * Every schedule is recorded in Document properties ({at, reason}), so a checkpoint never exists
 * without either a scheduled continuation or a recorded reason that the next menu use shows.
 */

/** Handler the continuation runs. */
export const CONTINUATION_HANDLER = 'normalizeRequests';
/** DocumentProperties key: the scheduled continuation ({ due, reason }) as JSON. */
export const CONTINUATION_KEY = 'supportTracker.normalize.continuation';

export interface ContinuationInfo {
  /** When it is due (ms since epoch). */
  due: number;
  reason: string;
}

/** Schedules (or re-schedules) the continuation `afterMs` from now; replaces any earlier one. */
export function scheduleContinuation(afterMs: number, reason: string): void {
  clearTriggers();
  ScriptApp.newTrigger(CONTINUATION_HANDLER)
    .timeBased()
    .after(Math.max(1000, Math.round(afterMs)))
    .create();
  const info: ContinuationInfo = { due: Date.now() + afterMs, reason };
  PropertiesService.getDocumentProperties().setProperty(CONTINUATION_KEY, JSON.stringify(info));
}

/** Removes the scheduled continuation, if any. */
export function clearContinuation(): void {
  clearTriggers();
  PropertiesService.getDocumentProperties().deleteProperty(CONTINUATION_KEY);
}

/** The scheduled continuation, or null. */
export function scheduledContinuation(): ContinuationInfo | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(CONTINUATION_KEY);
  if (!raw) return null;
  try {
    const info = JSON.parse(raw) as ContinuationInfo;
    return typeof info?.due === 'number' ? info : null;
  } catch {
    return null;
  }
}

function clearTriggers(): void {
  for (const t of ScriptApp.getProjectTriggers())
    if (t.getHandlerFunction() === CONTINUATION_HANDLER) ScriptApp.deleteTrigger(t);
}
