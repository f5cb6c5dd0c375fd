/**
 * A pending normalization continuation (issue 13): `scheduleContinuation(afterMs, reason)` and
 * `clearContinuation()`.
 *
 * An editor add-on may own only one time-driven trigger per user per document, so a long
 * normalization no longer creates its own one-off trigger. It marks a continuation in Document
 * properties instead ("not before time T"); the hourly scheduler trigger (src/gas/scheduler.ts)
 * runs `normalizeRequests` on its next run at or after T. The mark has its own property key, so
 * it never races with the scheduler's read-modify-write of the schedule.
 *
 * Back-off: when the sheet is busy, the continuation simply stays pending and the next hourly run
 * tries again (an hour later).
 */
import { parseContinuation, type Continuation } from '../domain/schedule';
import { SCHEDULE_KEY } from './scheduleStore';

/** Document-properties key of the pending continuation (JSON Continuation). */
export const CONTINUATION_KEY = 'supportTracker.schedule.continuation';

/** Marks a continuation to run no earlier than `afterMs` from now. */
export function scheduleContinuation(afterMs: number, reason: string): void {
  const props = PropertiesService.getDocumentProperties();
  if (!props) return;
  const c: Continuation = {
    notBefore: Date.now() + Math.max(0, Math.floor(afterMs)),
    reason: String(reason).slice(0, 200),
  };
  props.setProperty(CONTINUATION_KEY, JSON.stringify(c));
}

/** Clears the pending continuation (the run finished, or there is nothing to continue). */
export function clearContinuation(): void {
  const props = PropertiesService.getDocumentProperties();
  if (props && props.getProperty(CONTINUATION_KEY) !== null) props.deleteProperty(CONTINUATION_KEY);
}

/** The pending continuation, or null. */
export function pendingContinuation(): Continuation | null {
  const props = PropertiesService.getDocumentProperties();
  return props ? parseContinuation(props.getProperty(CONTINUATION_KEY)) : null;
}

/** True when the scheduler trigger is installed (so a continuation runs by itself). */
export function continuesAutomatically(): boolean {
  const props = PropertiesService.getDocumentProperties();
  return !!props && props.getProperty(SCHEDULE_KEY) !== null;
}
