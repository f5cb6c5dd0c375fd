// submitRequest and writeRequest: a validated request appended under the lock, with its Request ID
// from the per-day sequence and idempotency by clientRequestId (one DocumentProperties entry).
import { FIELDS, type ListKey } from '../../domain/schema';
import { literalRow, verifyRow } from '../cellWriter';
import { nextRequestId, type IdState } from '../../domain/requestId';
import {
  stickyFrom,
  listAliases,
  validateSubmitForm,
  requestRowValues,
  type FieldErrors,
  type SubmitContext,
  type SubmitResult,
  type ValidRequest,
} from '../../domain/submit';
import { BUSY_MESSAGE, getSpreadsheet, getTimeZone, withWriteLock } from '../sheets';
import { activeLists, activeUserEmail, dataTab, readListsCompact, STICKY_KEY } from './tabs';

/** Wait for the document lock at most this long before answering "busy". */
export const SUBMIT_LOCK_MS = 8000;

/** DocumentProperties key of the submit state (ID sequence + recent clientRequestIds). */
export const SUBMIT_STATE_KEY = 'supportTracker.submitState';

/**
 * How many recent clientRequestIds are remembered for idempotency: 60 entries of at most ~100
 * bytes keep the state under the 9 KB limit of one property value.
 */
export const RECENT_IDS = 60;

/** Longest submit state written (one property value holds 9 KB). */
const STATE_MAX_CHARS = 8500;

interface SubmitState extends IdState {
  /**
   * [clientRequestId, requestId, row, loggedBy (lower case)], newest last. The logged-by entry lets
   * closeMyRequest check the owner of a row not yet under the ownership protection (issue 11):
   * document properties cannot be edited from the sheet.
   */
  recent: [string, string, number, string?][];
}

export function parseState(raw: string | null): SubmitState | null {
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as Partial<SubmitState>;
    if (typeof s.day !== 'string' || typeof s.seq !== 'number' || typeof s.salt !== 'number')
      return null;
    return {
      day: s.day,
      seq: s.seq,
      salt: s.salt,
      recent: Array.isArray(s.recent) ? s.recent : [],
    };
  } catch {
    return null;
  }
}

function invalid(errors: FieldErrors): SubmitResult {
  const n = Object.keys(errors).length;
  return {
    ok: false,
    busy: false,
    message: `Not saved: ${n} field${n === 1 ? '' : 's'} to fix.`,
    errors,
  };
}

/** How a caller of the shared write path (writeRequest) differs from the sidebar. */
export interface WriteOptions {
  /** Normally required fields this caller may leave empty (see SubmitContext.optional). */
  optional?: SubmitContext['optional'];
  /**
   * Server-chosen list values accepted even when the sheet's list lacks them (never user input):
   * e.g. the Self-service channel on a sheet set up before it existed. A Disabled entry stays refused.
   */
  extraValues?: Partial<Record<ListKey, readonly string[]>>;
  /**
   * Runs under the document lock after the idempotency check and before the append: a message
   * refuses the request (nothing is written), null admits it.
   */
  admit?: () => string | null;
  /** Runs under the document lock right after the append (e.g. the ask events log). */
  afterAppend?: (requestId: string, row: number, req: ValidRequest, now: Date) => void;
  /** Remember the sticky values of the user (the sidebar). Default true. */
  sticky?: boolean;
  /**
   * A web-app writer (the ask page): there is no document lock there (see withWriteLock), so a new
   * ID is also checked against the Request ID column (a bounded TextFinder) before it is used.
   * Residual risk: a sidebar submit in the very same instant can still read the same ID state.
   */
  webApp?: boolean;
}

/**
 * Validates and appends one request row. Returns `{ok: true, requestId, row}`, field errors (nothing
 * written), or a busy result when the document lock is not free within SUBMIT_LOCK_MS (nothing
 * written; the client retries with the same clientRequestId). A repeated clientRequestId returns
 * the original Request ID and writes nothing.
 */
export function submitRequest(form: unknown): SubmitResult {
  return writeRequest(form);
}

/**
 * THE write path of a request (submitRequest and submitAsk): validation against the current lists,
 * the document lock, idempotency by clientRequestId, literal text, one atomic appendRow.
 */
export function writeRequest(form: unknown, options: WriteOptions = {}): SubmitResult {
  const ss = getSpreadsheet();
  const tz = getTimeZone(ss);
  const now = new Date();
  const lists = readListsCompact(ss);
  const routing: SubmitContext['routing'] = {};
  for (const t of lists.topics)
    routing[t.value] = { vspTeam: t.vspTeam, practiceArea: t.practiceArea };
  const aliases = listAliases({ teams: lists.teams, topics: lists.topics });
  const active = activeLists(lists);
  for (const [key, values] of Object.entries(options.extraValues ?? {}) as [
    ListKey,
    readonly string[],
  ][]) {
    const entries = lists[key] as { value: string }[];
    const add = values.filter(
      (v) => !entries.some((e) => e.value.toLowerCase() === v.toLowerCase()),
    );
    if (add.length) active[key] = [...active[key], ...add];
  }
  const checked = validateSubmitForm(form, {
    lists: active,
    tz,
    now,
    routing,
    aliases,
    optional: options.optional,
  });
  if (!checked.ok) return invalid(checked.errors);
  const req = checked.value;
  const user = activeUserEmail();
  const { data, props } = dataTab(ss);

  let refusal = '';
  const locked = withWriteLock(SUBMIT_LOCK_MS, (): SubmitResult | null => {
    const stateKey = SUBMIT_STATE_KEY;
    const state = parseState(props.getProperty(stateKey));
    if (req.clientRequestId && state) {
      const seen = state.recent.find((r) => r[0] === req.clientRequestId);
      if (seen) return { ok: true, requestId: seen[1], row: seen[2], duplicate: true };
    }
    const refused = options.admit ? options.admit() : null;
    if (refused) {
      refusal = refused;
      return null;
    }
    let { id, state: idState } = nextRequestId(state, now, tz);
    if (options.webApp) {
      const ids = data.sheet.getRange(1, data.map.requestId, data.sheet.getMaxRows(), 1);
      for (let tries = 0; tries < 5; tries++) {
        const taken = ids.createTextFinder(id).matchEntireCell(true).matchCase(true).findNext();
        if (!taken) break;
        ({ id, state: idState } = nextRequestId(idState, now, tz));
      }
    }
    // Raw text, encoded per column: plain-text columns get it as is, others a literal prefix.
    const values = requestRowValues(
      req,
      { requestId: id, loggedAt: now, loggedBy: user },
      (s) => s,
    );
    const raw: unknown[] = data.header.map(() => '');
    for (const f of FIELDS) raw[data.map[f.key] - 1] = values[f.key];
    const { row, verify } = literalRow(data.sheet, 2, raw);
    // appendRow is atomic: it writes below the last row with content and never overwrites.
    data.sheet.appendRow(row);
    const rowNumber = data.sheet.getLastRow();
    verifyRow(data.sheet, rowNumber, raw, verify);
    const recent = [
      ...(state?.recent ?? []),
      [req.clientRequestId, id, rowNumber, user.toLowerCase()] as SubmitState['recent'][number],
    ]
      .filter((r) => r[0] || r[3])
      .slice(-RECENT_IDS);
    // Long addresses must not push the state over the 9 KB property limit: drop the oldest.
    let json = JSON.stringify({ ...idState, recent });
    while (json.length > STATE_MAX_CHARS && recent.length > 1) {
      recent.shift();
      json = JSON.stringify({ ...idState, recent });
    }
    props.setProperty(stateKey, json);
    if (options.afterAppend) options.afterAppend(id, rowNumber, req, now);
    return { ok: true, requestId: id, row: rowNumber, duplicate: false };
  });
  if (!locked.ok) return { ok: false, busy: true, message: BUSY_MESSAGE, errors: {} };
  if (locked.value === null) return { ok: false, busy: false, message: refusal, errors: {} };
  if (locked.value.ok && !locked.value.duplicate && options.sticky !== false) {
    try {
      PropertiesService.getUserProperties().setProperty(
        STICKY_KEY,
        JSON.stringify(stickyFrom(req)),
      );
    } catch {
      // Sticky values are a convenience: never fail a saved request over them.
    }
  }
  return locked.value;
}
