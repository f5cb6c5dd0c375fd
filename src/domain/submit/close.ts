/**
 * Validation of "close my request" (My open requests): the Request ID, resolution, time spent and
 * status it may set.
 */
import {
  type FieldErrors,
  type ActiveLists,
  type Validation,
  MAX_MINUTES,
  isMissing,
  matchList,
} from './form';

export interface ValidClose {
  requestId: string;
  status: string;
  resolution: string;
  timeSpentMin: number | '';
  resolvedAt: Date;
}

const CLOSE_KEYS = ['requestId', 'resolution', 'timeSpentMin', 'status'];

/** Validates a close: Status (default Resolved), Resolution (required), Time spent, Resolved at = now. */
export function validateClose(
  input: unknown,
  lists: Pick<ActiveLists, 'status' | 'resolution'>,
  now: Date,
): Validation<ValidClose> {
  const errors: Record<string, string> = {};
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, errors: { form: 'The request is missing.' } };
  }
  const o = input as Record<string, unknown>;
  const extra = Object.keys(o).filter((k) => !CLOSE_KEYS.includes(k));
  if (extra.length)
    errors.form = `Unknown field${extra.length > 1 ? 's' : ''}: ${extra.join(', ')}.`;
  const requestId = typeof o.requestId === 'string' ? o.requestId.trim() : '';
  if (!requestId || requestId.length > 64) errors.form = 'Request ID is missing.';
  const resolution =
    typeof o.resolution === 'string' ? (matchList(o.resolution, lists.resolution) ?? '') : '';
  if (!resolution) errors.resolution = 'Choose a Resolution from the list.';
  const status =
    typeof o.status === 'string' && o.status.trim()
      ? (matchList(o.status, lists.status) ?? '')
      : (matchList('Resolved', lists.status) ?? '');
  if (!status) errors.status = 'Choose a Status from the list.';
  let timeSpentMin: number | '' = '';
  if (!isMissing(o.timeSpentMin)) {
    const n =
      typeof o.timeSpentMin === 'number' ? o.timeSpentMin : Number(String(o.timeSpentMin).trim());
    if (!Number.isFinite(n) || n < 0 || n > MAX_MINUTES) {
      errors.timeSpentMin = `Time spent (min) must be a number of minutes between 0 and ${MAX_MINUTES}.`;
    } else timeSpentMin = Math.round(n * 100) / 100;
  }
  if (Object.keys(errors).length) return { ok: false, errors: errors as FieldErrors };
  return {
    ok: true,
    value: { requestId, status, resolution, timeSpentMin, resolvedAt: new Date(now.getTime()) },
  };
}
