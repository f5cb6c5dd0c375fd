// My open requests: the caller's open rows (a bounded scan), and closing or marking one replied,
// only on a row that is the caller's own.
import { rowObject } from '../../domain/headers';
import { toLiteralCell } from '../../domain/literal';
import {
  validateClose,
  type CloseResult,
  type OpenRequest,
  type OpenRequestsResult,
  type RepliedResult,
} from '../../domain/submit';
import { isDate } from '../../domain/time';
import { PROTECTED_THROUGH_KEY } from '../protection';
import { BUSY_MESSAGE, getSpreadsheet, withDocumentLock } from '../sheets';
import { parseState, SUBMIT_LOCK_MS, SUBMIT_STATE_KEY } from './submit';
import { activeLists, activeUserEmail, dataTab, readListsCompact } from './tabs';

/** My open requests searches this many of the newest rows (a bounded read). */
export const OPEN_SCAN_ROWS = 2000;

function isoOrEmpty(v: unknown): string {
  return isDate(v) ? v.toISOString() : '';
}

/**
 * The current user's Open requests among the newest OPEN_SCAN_ROWS rows (one bounded read, the
 * same cost at any sheet size), newest first.
 */
export function getMyOpenRequests(): OpenRequestsResult {
  const ss = getSpreadsheet();
  const user = activeUserEmail().toLowerCase();
  const { data } = dataTab(ss);
  const lastRow = data.sheet.getLastRow();
  if (lastRow < 2 || !user) return { requests: [], scannedRows: 0 };
  const first = Math.max(2, lastRow - OPEN_SCAN_ROWS + 1);
  const values = data.sheet.getRange(first, 1, lastRow - first + 1, data.header.length).getValues();
  const requests: OpenRequest[] = [];
  for (let i = values.length - 1; i >= 0; i--) {
    const r = rowObject(values[i], data.map);
    if (String(r.loggedBy).trim().toLowerCase() !== user) continue;
    if (String(r.status).trim().toLowerCase() !== 'open') continue;
    if (!r.requestId) continue;
    requests.push({
      requestId: String(r.requestId),
      row: first + i,
      summary: String(r.summary ?? '').slice(0, 300),
      topic: String(r.topic ?? ''),
      vfsTeam: String(r.vfsTeam ?? ''),
      requestedAt: isoOrEmpty(r.requestedAt),
      firstResponseAt: isoOrEmpty(r.firstResponseAt),
    });
  }
  return { requests, scannedRows: values.length };
}

type OwnRow =
  { ok: true; row: number; current: ReturnType<typeof rowObject> } | { ok: false; message: string };

/**
 * The row of `requestId` when it is the caller's (issue 11): the Request ID must match exactly one
 * row (a duplicate could otherwise reach a row logged by someone else), the caller must equal
 * Logged by, and a row newer than the ownership protection must also match the submit record.
 * Call inside the document lock. Shared by closeMyRequest and markRepliedNow.
 */
function findOwnRow(
  data: ReturnType<typeof dataTab>['data'],
  props: ReturnType<typeof dataTab>['props'],
  requestId: string,
  user: string,
): OwnRow {
  const { sheet, map } = data;
  const found = sheet
    .getRange(2, map.requestId, Math.max(1, sheet.getMaxRows() - 1), 1)
    .createTextFinder(requestId)
    .matchEntireCell(true)
    .matchCase(true)
    .findAll();
  if (found.length > 1) {
    return {
      ok: false,
      message:
        `Request ${requestId} appears in ${found.length} rows (${found.map((r) => r.getRow()).join(', ')}), ` +
        'so it cannot tell which one is yours. Nothing was changed: ask an admin to fix the duplicate Request ID.',
    };
  }
  const row = found.length === 1 ? found[0].getRow() : 0;
  if (row < 2) return { ok: false, message: `Request ${requestId} was not found.` };
  const current = rowObject(sheet.getRange(row, 1, 1, data.header.length).getValues()[0], map);
  if (String(current.requestId) !== requestId)
    return { ok: false, message: `Request ${requestId} was not found.` };
  if (String(current.loggedBy).trim().toLowerCase() !== user)
    return { ok: false, message: `${requestId} was logged by someone else.` };
  // A row below the ownership protection (logged since the last admin run extended it) could have
  // had its Logged by typed over: its owner must also match the submit record.
  const through = Number(props.getProperty(PROTECTED_THROUGH_KEY) ?? '');
  if (through > 0 && row > through) {
    const owner = parseState(props.getProperty(SUBMIT_STATE_KEY))?.recent.find(
      (r) => r[1] === requestId,
    )?.[3];
    if (owner !== user) {
      return {
        ok: false,
        message:
          `${requestId} cannot be confirmed as yours yet (it is newer than the last protected row). ` +
          'Nothing was changed: ask an admin to refresh the summaries, then try again.',
      };
    }
  }
  return { ok: true, row, current };
}

/**
 * Closes one of the user's requests: Status (default Resolved), Resolution, Time spent and
 * Resolved at = now. The row is found by Request ID with a TextFinder on the ID column (never a
 * full-sheet read), re-checked under the document lock.
 */
export function closeMyRequest(input: unknown): CloseResult {
  const ss = getSpreadsheet();
  const lists = readListsCompact(ss);
  const active = activeLists(lists);
  const checked = validateClose(input, active, new Date());
  if (!checked.ok) {
    return { ok: false, message: 'Not saved: fix the highlighted fields.', errors: checked.errors };
  }
  const close = checked.value;
  const user = activeUserEmail().toLowerCase();
  if (!user) {
    // Without the user's address nobody could be told apart: close nothing rather than anything.
    return {
      ok: false,
      message:
        'Your email address is not available to Support Tracker, so it cannot check that ' +
        `${close.requestId} is yours. Nothing was changed: update the row in the sheet.`,
      errors: {},
    };
  }
  const { data, props } = dataTab(ss);
  const { sheet, map } = data;
  const locked = withDocumentLock(SUBMIT_LOCK_MS, (): CloseResult => {
    const own = findOwnRow(data, props, close.requestId, user);
    if (!own.ok) return { ok: false, message: own.message, errors: {} };
    const { row, current } = own;
    // Already closed this way (a retry whose first answer was lost, or a second tab): keep the
    // original Resolved at and write nothing. Closed another way: never overwrite it.
    if (String(current.status).trim() === close.status && isDate(current.resolvedAt)) {
      if (String(current.resolution).trim() === close.resolution)
        return { ok: true, requestId: close.requestId, row };
      return {
        ok: false,
        message: `${close.requestId} is already ${close.status} (${String(current.resolution)}): nothing was changed.`,
        errors: {},
      };
    }
    const updates: [number, unknown][] = [
      [map.status, toLiteralCell(close.status)],
      [map.resolution, toLiteralCell(close.resolution)],
      [map.resolvedAt, close.resolvedAt],
    ];
    if (close.timeSpentMin !== '') updates.push([map.timeSpentMin, close.timeSpentMin]);
    // One setValues per run of adjacent columns.
    updates.sort((a, b) => a[0] - b[0]);
    let i = 0;
    while (i < updates.length) {
      let j = i + 1;
      while (j < updates.length && updates[j][0] === updates[j - 1][0] + 1) j++;
      sheet
        .getRange(row, updates[i][0], 1, j - i)
        .setValues([updates.slice(i, j).map((u) => u[1])]);
      i = j;
    }
    return { ok: true, requestId: close.requestId, row };
  });
  if (!locked.ok) return { ok: false, message: BUSY_MESSAGE, errors: {} };
  return locked.value;
}

/**
 * "Replied now" in My open requests: sets First response at = now on one of the user's requests,
 * found by Request ID (TextFinder, never a full read) under the document lock. A request that
 * already has a First response at keeps it (idempotent: a retry changes nothing).
 */
export function markRepliedNow(input: unknown): RepliedResult {
  const o = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const requestId = typeof o.requestId === 'string' ? o.requestId.trim() : '';
  if (!requestId || requestId.length > 64) return { ok: false, message: 'Request ID is missing.' };
  const user = activeUserEmail().toLowerCase();
  if (!user) {
    return {
      ok: false,
      message:
        'Your email address is not available to Support Tracker, so it cannot check that ' +
        `${requestId} is yours. Nothing was changed: fill in First response at in the sheet.`,
    };
  }
  const ss = getSpreadsheet();
  const { data, props } = dataTab(ss);
  const { sheet, map } = data;
  const now = new Date();
  const locked = withDocumentLock(SUBMIT_LOCK_MS, (): RepliedResult => {
    const own = findOwnRow(data, props, requestId, user);
    if (!own.ok) return { ok: false, message: own.message };
    const { row, current } = own;
    if (isDate(current.firstResponseAt))
      return {
        ok: true,
        requestId,
        row,
        firstResponseAt: current.firstResponseAt.toISOString(),
        already: true,
      };
    sheet.getRange(row, map.firstResponseAt).setValue(now);
    return { ok: true, requestId, row, firstResponseAt: now.toISOString(), already: false };
  });
  if (!locked.ok) return { ok: false, message: BUSY_MESSAGE };
  return locked.value;
}
