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
import {
  activeValues,
  FIELDS,
  LISTS_HEADERS,
  SHEETS,
  TEAMS_HEADERS,
  TOPICS_HEADERS,
  type FieldKey,
  type ListKey,
  type Lists,
} from '../domain/schema';
import { headerMapOf, rowObject } from '../domain/headers';
import { parseLists, type TabValues } from '../domain/lists';
import { toLiteralCell } from '../domain/literal';
import { quoteSheet } from '../domain/a1';
import { literalRow, verifyRow } from './cellWriter';
import { nextRequestId, type IdState } from '../domain/requestId';
import { isStandardized } from '../domain/standard';
import {
  STICKY_KEYS,
  stickyFrom,
  listAliases,
  validateClose,
  validateSubmitForm,
  requestRowValues,
  type ActiveLists,
  type CloseResult,
  type FieldErrors,
  type FormOptions,
  type OpenRequest,
  type OpenRequestsResult,
  type RepliedResult,
  type StickyValues,
  type SubmitContext,
  type SubmitResult,
  type ValidRequest,
} from '../domain/submit';
import { buildSuggestModel, type SuggestModel, type TrainingRow } from '../domain/suggest';
import { isDate } from '../domain/time';
import { PROTECTED_THROUGH_KEY } from './protection';
import {
  BUSY_MESSAGE,
  getDataSheet,
  getSpreadsheet,
  getTimeZone,
  readTabValues,
  requireAllFields,
  withDocumentLock,
  withWriteLock,
} from './sheets';
import { cachedJson } from './versionedCache';
import { FORM_OPTIONS_SCOPE, FORM_OPTIONS_TTL_S } from './formCache';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Properties = GoogleAppsScript.Properties.Properties;

/** Wait for the document lock at most this long before answering "busy". */
export const SUBMIT_LOCK_MS = 8000;
/** DocumentProperties key of the submit state (ID sequence + recent clientRequestIds). */
export const SUBMIT_STATE_KEY = 'supportTracker.submitState';
/** UserProperties key of the sticky values. */
export const STICKY_KEY = 'supportTracker.sticky';
/**
 * How many recent clientRequestIds are remembered for idempotency: 60 entries of at most ~100
 * bytes keep the state under the 9 KB limit of one property value.
 */
export const RECENT_IDS = 60;
/** Longest submit state written (one property value holds 9 KB). */
const STATE_MAX_CHARS = 8500;
/** getFormOptions learns the suggestion model from at most this many of the newest rows. */
export const TRAINING_ROWS = 5000;
/** My open requests searches this many of the newest rows (a bounded read). */
export const OPEN_SCAN_ROWS = 2000;

/** Opens the sidebar (menu item "Log a request"). */
export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Log support request');
  SpreadsheetApp.getUi().showSidebar(html);
}

/* ------------------------------------------------------------------ reading */

/** A config tab read through one A1 range (2 calls), or through the shared helper on failure. */
function readConfigTab(ss: Spreadsheet, name: string, width: number): TabValues | undefined {
  let values: unknown[][];
  try {
    values = ss.getRange(`${quoteSheet(name)}!A:${String.fromCharCode(64 + width)}`).getValues();
  } catch {
    // Missing tab (defaults apply) or a tab narrower than its standard columns.
    return readTabValues(ss, name);
  }
  let end = values.length;
  while (end > 0 && values[end - 1].every((v) => v === '' || v === null)) end--;
  return end === 0 ? undefined : values.slice(0, end);
}

/** The editable lists in 6 calls (3 of them cell reads): Teams, Topics and Lists tabs. */
export function readListsCompact(ss: Spreadsheet): Lists {
  return parseLists({
    teams: readConfigTab(ss, SHEETS.teams, TEAMS_HEADERS.length),
    topics: readConfigTab(ss, SHEETS.topics, TOPICS_HEADERS.length),
    lists: readConfigTab(ss, SHEETS.lists, LISTS_HEADERS.length),
  }).lists;
}

function activeLists(lists: Lists): ActiveLists {
  return {
    teams: activeValues(lists, 'teams'),
    topics: activeValues(lists, 'topics'),
    channel: activeValues(lists, 'channel'),
    vspTeam: activeValues(lists, 'vspTeam'),
    practiceArea: activeValues(lists, 'practiceArea'),
    requestType: activeValues(lists, 'requestType'),
    status: activeValues(lists, 'status'),
    resolution: activeValues(lists, 'resolution'),
  };
}

export interface DataTab {
  sheet: Sheet;
  header: unknown[];
  map: Record<FieldKey, number>;
}

/** DocumentProperties key remembering the data tab's name (refreshed by every getFormOptions). */
export const DATA_TAB_KEY = 'supportTracker.dataTab';

function checkedTab(sheet: Sheet, header: unknown[]): DataTab {
  return { sheet, header, map: requireAllFields(sheet, headerMapOf(header)) };
}

/**
 * The data tab and its header map. With the remembered tab name this is 3 calls and one cell read
 * (`'<tab>'!1:1`); otherwise the tab is resolved from Settings by the shared getDataSheet and its
 * name remembered in DocumentProperties for the next calls.
 */
function readDataTab(ss: Spreadsheet, props: Properties, remembered: string | null): DataTab {
  if (remembered) {
    try {
      const range = ss.getRange(`${quoteSheet(remembered)}!1:1`);
      const header = range.getValues()[0];
      const tab = checkedTab(range.getSheet(), header);
      return tab;
    } catch {
      // The tab was renamed or deleted, or lost its headers: resolve it again below.
    }
  }
  const sheet = getDataSheet(ss);
  if (sheet.getName() !== remembered) props.setProperty(DATA_TAB_KEY, sheet.getName());
  return checkedTab(sheet, sheet.getRange(1, 1, 1, sheet.getMaxColumns()).getValues()[0]);
}

/** Resolves the data tab from Settings (authoritative) and refreshes the remembered name. */
function resolveDataTab(ss: Spreadsheet): DataTab {
  const props = PropertiesService.getDocumentProperties();
  const sheet = getDataSheet(ss);
  if (props.getProperty(DATA_TAB_KEY) !== sheet.getName())
    props.setProperty(DATA_TAB_KEY, sheet.getName());
  return checkedTab(sheet, sheet.getRange(1, 1, 1, sheet.getMaxColumns()).getValues()[0]);
}

/** The data tab using the remembered name (the cheap path of every call but getFormOptions). */
export function dataTab(ss: Spreadsheet): { data: DataTab; props: Properties } {
  const props = PropertiesService.getDocumentProperties();
  return { data: readDataTab(ss, props, props.getProperty(DATA_TAB_KEY)), props };
}

export function activeUserEmail(): string {
  try {
    return Session.getActiveUser().getEmail() || '';
  } catch {
    return '';
  }
}

function readSticky(): StickyValues {
  try {
    const raw = PropertiesService.getUserProperties().getProperty(STICKY_KEY);
    const parsed = raw ? (JSON.parse(raw) as unknown) : {};
    const out: StickyValues = {};
    if (parsed && typeof parsed === 'object') {
      for (const k of STICKY_KEYS) {
        const v = (parsed as Record<string, unknown>)[k];
        if (typeof v === 'string') out[k] = v;
      }
    }
    return out;
  } catch {
    return {};
  }
}

/* ------------------------------------------------------------------ options */

export function trainingRows(
  sheet: Sheet,
  map: Record<FieldKey, number>,
  width: number,
  lists: Lists,
): TrainingRow[] {
  const lastRow = sheet.getLastRow();
  if (lastRow < 2) return [];
  const first = Math.max(2, lastRow - TRAINING_ROWS + 1);
  const values = sheet.getRange(first, 1, lastRow - first + 1, width).getValues();
  const out: TrainingRow[] = [];
  for (const v of values) {
    const row = rowObject(v, map);
    if (isStandardized(row, lists))
      out.push({ summary: String(row.summary), topic: String(row.topic) });
  }
  return out;
}

function suggestModel(data: DataTab, lists: Lists): SuggestModel {
  const topics = lists.topics.filter((t) => !t.disabled);
  const rows = trainingRows(data.sheet, data.map, data.header.length, lists);
  return buildSuggestModel(
    topics.map((t) => ({ topic: t.value, keywords: t.keywords })),
    rows,
  );
}

/** The part of the form options that is the same for every user: cached (see ./formCache.ts). */
type SharedFormOptions = Omit<FormOptions, 'now' | 'user' | 'sticky'>;

/** Builds the shared options from the sheet (cold path: about 25 service calls). */
function buildSharedOptions(): SharedFormOptions {
  const ss = getSpreadsheet();
  const tz = getTimeZone(ss);
  const lists = readListsCompact(ss);
  const data = resolveDataTab(ss);
  const active = activeLists(lists);
  const pick = (want: string, list: readonly string[]): string =>
    list.find((v) => v.toLowerCase() === want.toLowerCase()) ?? list[0] ?? '';
  return {
    tz,
    lists: {
      teams: [...active.teams],
      topics: [...active.topics],
      channel: [...active.channel],
      vspTeam: [...active.vspTeam],
      practiceArea: [...active.practiceArea],
      requestType: [...active.requestType],
      status: [...active.status],
      resolution: [...active.resolution],
    },
    topics: lists.topics
      .filter((t) => !t.disabled)
      .map((t) => ({
        topic: t.value,
        description: t.description,
        vspTeam: t.vspTeam,
        practiceArea: t.practiceArea,
        keywords: t.keywords,
        docLink: t.docLink,
      })),
    defaults: {
      channel: pick('Slack', active.channel),
      status: pick('Open', active.status),
      requestType: '',
    },
    model: suggestModel(data, lists),
    freeTextTeams: active.teams.length === 0,
    aliases: listAliases({ teams: lists.teams, topics: lists.topics }),
  };
}

/**
 * Everything the sidebar needs in one call (lists, topics, defaults, sticky values, model). Warm:
 * 8 service calls at any row count (4 for the versioned cache, 2 for the user, 2 for the sticky
 * values); cold: the sheet reads of buildSharedOptions.
 */
export function getFormOptions(): FormOptions {
  const shared = cachedJson(FORM_OPTIONS_SCOPE, 'shared', buildSharedOptions, {
    seconds: FORM_OPTIONS_TTL_S,
  });
  return {
    ...shared,
    now: new Date().toISOString(),
    user: activeUserEmail(),
    sticky: readSticky(),
  };
}

/* ------------------------------------------------------------------ submit */

interface SubmitState extends IdState {
  /**
   * [clientRequestId, requestId, row, loggedBy (lower case)], newest last. The logged-by entry lets
   * closeMyRequest check the owner of a row not yet under the ownership protection (issue 11):
   * document properties cannot be edited from the sheet.
   */
  recent: [string, string, number, string?][];
}

function parseState(raw: string | null): SubmitState | null {
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

/* ------------------------------------------------------------------ my open requests */

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
