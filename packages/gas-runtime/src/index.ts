/**
 * The local Apps Script runtime: in-memory fakes of every service the add-on calls, the built
 * bundle (dist/Code.js) loaded with gas-local into a vm context, a virtual clock, executions with
 * their own identity (locks, AuthMode, active user) and call counting. See runtime/README.md.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import type { ApostropheReading, PivotReadings, RuntimeContext, WriteRecord } from './context';
export type { ApostropheReading, PivotReadings, WriteRecord } from './context';
import { CallTracker, track, unwrap, type CallRecord } from './tracker';
import { userEdit, type UserEditOptions, type UserEditResult } from './userEdit';
import {
  FakeSpreadsheet,
  createCharts,
  createSpreadsheetApp,
  workbookFromJSON,
  workbookToJSON,
} from './spreadsheet';
import { FakeBlob } from './spreadsheet/blob';
import {
  CacheStores,
  Executions,
  FakeCacheService,
  FakeContentService,
  FakeHtmlService,
  FakeLockService,
  FakeLogger,
  FakeMailApp,
  FakePropertiesService,
  FakeScriptApp,
  FakeSession,
  FakeUi,
  FakeUtilities,
  LockTable,
  LogCapture,
  Outbox,
  PropertyStores,
  SCOPES,
  TriggerStore,
  UiLog,
  clockEvent,
  createConsole,
  hostError,
  marshalArgs,
  marshalReturn,
  realmError,
  type AuthModeName,
  type Execution,
  type ExecutionKind,
  type ServiceEnv,
} from './services';

export { CallTracker } from './tracker';
export type { CallStats, CallRecord } from './tracker';
export { FakeSpreadsheet } from './spreadsheet';

export interface RuntimeOptions {
  /** Folder holding Code.js and the pages. Default: $ST_DIST or <repo>/dist. */
  distDir?: string;
  /** Spreadsheet time zone for a new workbook. Default America/New_York. */
  timeZone?: string;
  /** Script time zone (Session.getScriptTimeZone(), appsscript.json). Default America/New_York. */
  scriptTimeZone?: string;
  /** Active user email. Default lead@example.gov. */
  user?: string;
  /** Owner of the sheet and script (effective user of triggers set up by them). Default = user. */
  owner?: string;
  /** Virtual clock start. Given: the clock stands still except set/advance/sleep/lock waits.
   *  Omitted: it follows real time (plus any advance). */
  now?: Date | number;
  /** Workbook JSON from workbookToJSON (otherwise a new empty spreadsheet). */
  workbook?: unknown;
  /** Whole state from Runtime.toJSON() (workbook, properties, triggers, outbox). */
  state?: unknown;
  spreadsheetName?: string;
  spreadsheetId?: string;
  scriptId?: string;
  /** Print Logger/console output to stderr (also ST_RUNTIME_VERBOSE=1). Default quiet. */
  verbose?: boolean;
  /**
   * Model the editor add-on context (runtime/README.md, "Editor add-on"): one trigger per type per
   * user per document, no active spreadsheet in time-driven triggers and web-app requests, AuthMode
   * per entry point. Default: $ST_ADDON === '1'.
   */
  addon?: boolean;
  /** Name of the add-on (the caption of createAddonMenu()). Default "Support Tracker". */
  addonName?: string;
  /** Skip loading the bundle (host-only use of the fakes, e.g. unit tests of the runtime). */
  noBundle?: boolean;
  /**
   * Advance the virtual clock by the tracker's estimated Apps Script time of every counted call
   * (fixed latency and per-cell costs), so code that watches the clock sees realistic durations.
   */
  simulateLatency?: boolean;
  /**
   * Kill an execution whose virtual duration exceeds this many ms ("Exceeded maximum execution
   * time"), checked at every counted call. Default: 360000 (6 min) with simulateLatency, else off.
   */
  executionLimitMs?: number;
  /**
   * Reading of a leading apostrophe in a plain-text ("@") cell: 'stripped' (like any cell) or
   * 'kept' (stored as a visible character). Default: $ST_APOSTROPHE ('kept' or 'stripped'), else
   * 'stripped'.
   */
  apostropheInPlainText?: ApostropheReading;
  /**
   * Readings of pivot behaviour the documentation leaves open (context.ts, issue 12). Default:
   * $ST_PIVOT_BLANK_ITEM ('grouped' | 'ignored' | 'rejected', else 'ignored') and
   * $ST_PIVOT_EMPTY_ROWS ('skipped' | 'grouped', else 'skipped').
   */
  pivot?: Partial<PivotReadings>;
}

/** The pivot readings selected by $ST_PIVOT_BLANK_ITEM and $ST_PIVOT_EMPTY_ROWS. */
export function defaultPivotReadings(): PivotReadings {
  const b = process.env.ST_PIVOT_BLANK_ITEM;
  return {
    blankItem: b === 'grouped' || b === 'rejected' ? b : 'ignored',
    emptyRows: process.env.ST_PIVOT_EMPTY_ROWS === 'grouped' ? 'grouped' : 'skipped',
  };
}

/** The apostrophe reading selected by $ST_APOSTROPHE (default 'stripped'). */
export function defaultApostropheReading(): ApostropheReading {
  return process.env.ST_APOSTROPHE === 'kept' ? 'kept' : 'stripped';
}

/** Message of an execution killed by the time limit (Apps Script's wording). */
export const EXECUTION_TIME_MESSAGE = 'Exceeded maximum execution time';

export interface RunOptions {
  user?: string;
  authMode?: AuthModeName;
  /** How the execution was started (default 'editor': a menu click or the script editor). */
  kind?: ExecutionKind;
  /** Session.getEffectiveUser() (default: the user). */
  effectiveUser?: string;
  /**
   * A web-app context (google.script.run from a page served by doGet): no containing document, so
   * getDocumentLock() and getDocumentCache() return null. doGet itself always runs as one.
   */
  webApp?: boolean;
  /** False: no active document (an add-on's time trigger or web request). Default true. */
  document?: boolean;
}

export interface FireResult {
  handler: string;
  triggerId: string;
  at: Date;
  ok: boolean;
  error?: string;
  result?: unknown;
}

export interface WebResponse {
  kind: 'html' | 'text';
  content: string;
  /** HTTP content type (text/html or the ContentService mime type). */
  mimeType: string;
  title?: string;
  /** The raw HtmlOutput/TextOutput returned by doGet. */
  output: unknown;
}

export interface WebGetOptions {
  /** Email of the visitor (Session.getActiveUser()); '' = anonymous. Default: the owner. */
  visitor?: string;
}

export interface RuntimeClock {
  now(): Date;
  set(t: Date | number): void;
  advance(ms: number): void;
}

export interface Runtime {
  /** The bundle's global object (vm context): the public functions and the service globals. */
  globals: Record<string, unknown>;
  /** True when this runtime models an editor add-on. */
  addon: boolean;
  /**
   * Editor add-on: whether the add-on is enabled in this document (set by the first run in
   * AuthMode.FULL, e.g. a menu item or onInstall). onOpen runs under AuthMode.LIMITED once it is,
   * under AuthMode.NONE before.
   */
  addonEnabled: boolean;
  /** One execution of a top-level function (menu, editor, trigger...); its locks are released at the end. */
  run(name: string, ...args: unknown[]): unknown;
  runAs(opts: RunOptions, name: string, ...args: unknown[]): unknown;
  /** google.script.run semantics: arguments checked and copied, illegal return values become null. */
  runFromClient(name: string, ...args: unknown[]): unknown;
  /** Like runFromClient, as another user. */
  runFromClientAs(opts: RunOptions, name: string, ...args: unknown[]): unknown;
  /**
   * A web-app GET: runs doGet(e) with the query parameters and renders the output. The web app
   * executes as the owner (USER_DEPLOYING); `visitor` is who opened it: Session.getActiveUser()
   * returns their email, '' for an anonymous visitor (or one outside the owner's domain), as in
   * Apps Script. Default: the owner.
   */
  get(params?: Record<string, string | string[]>, opts?: WebGetOptions): WebResponse;
  /** Raw, uncounted host access to the workbook. */
  spreadsheet: FakeSpreadsheet;
  /**
   * A manual edit in the Sheets UI by `user`: runs `fn` (host, uncounted writes through
   * `rt.spreadsheet`) as that user, so protections apply to them (a blocked edit throws).
   */
  editAs<T>(user: string, fn: (ss: FakeSpreadsheet) => T): T;
  /** Every block written to any tab, in order (clear it with `writes.length = 0`). */
  writes: WriteRecord[];
  /** The apostrophe reading of plain-text cells this runtime models. */
  apostrophe: ApostropheReading;
  tracker: CallTracker;
  clock: RuntimeClock;
  ui: UiLog;
  outbox: Outbox;
  triggers: TriggerStore;
  properties: PropertyStores;
  cache: CacheStores;
  locks: LockTable;
  logs: LogCapture;
  executions: Executions;
  /** Raw (uncounted) service objects, as the bundle sees them before counting. */
  services: Record<string, unknown>;
  /** Runs the clock-driven triggers due up to `until`, in time order, each as its own execution. */
  fireDueTriggers(until: Date | number): FireResult[];
  /**
   * Runs the installable spreadsheet triggers of one event type (ON_OPEN, ON_EDIT, ON_CHANGE,
   * ON_FORM_SUBMIT), each as its creator, with `event` plus authMode, triggerUid and source.
   */
  fireSpreadsheetEvent(
    type: 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT',
    event?: Record<string, unknown>,
  ): FireResult[];
  /**
   * Runs `fn` (typically a nested `rt.run(...)`: a concurrent execution) just before the first
   * counted service call matching `match`. Returns a function that cancels it.
   */
  interleave(match: (call: CallRecord) => boolean, fn: () => void): () => void;
  /**
   * Kills the execution that makes the next counted call matching `match`, before that call runs
   * (simulates a crash or the 6-minute kill at an exact point). That call and every later service
   * call of the killed execution throw "Execution killed".
   */
  killAt(match: (call: CallRecord) => boolean): void;
  /**
   * A person's edit of one cell (1-based row and column), as Sheets applies it: protections,
   * typing, data validation (reject or warn), then onEdit and the installable ON_EDIT triggers.
   */
  editCell(
    sheet: string,
    row: number,
    col: number,
    input: string,
    opts?: UserEditOptions,
  ): UserEditResult;
  /** Return values of client calls that Apps Script would have turned into null. */
  clientWarnings: Array<{ name: string; path: string }>;
  /** Whole state for persistence; pass it back as `createRuntime({ state })`. */
  toJSON(): RuntimeState;
}

export interface RuntimeState {
  version: 1;
  timeZone: string;
  workbook: unknown;
  properties: unknown;
  triggers: unknown;
  outbox: unknown;
}

const DEFAULT_TZ = 'America/New_York';
const DEFAULT_USER = 'lead@example.gov';

/**
 * Root of the project that uses the runtime: the nearest folder above this package holding a
 * package.json when running from source, else the working directory.
 */
function repoRoot(): string {
  if (typeof __dirname !== 'string') return process.cwd();
  // __dirname is <package>/src; start above the package folder.
  let dir = path.resolve(__dirname, '..', '..');
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

/**
 * The dist folder the runtime loads by default: $ST_DIST relative to the repo, else dist/ (or
 * dist-addon/ when $ST_ADDON is '1').
 */
export function defaultDistDir(): string {
  return path.resolve(
    repoRoot(),
    process.env.ST_DIST || (process.env.ST_ADDON === '1' ? 'dist-addon' : 'dist'),
  );
}

/** OAuth scopes of a build's manifest (<distDir>/appsscript.json), or null when it has none. */
function manifestScopes(distDir: string): string[] | null {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(distDir, 'appsscript.json'), 'utf8')) as {
      oauthScopes?: unknown;
    };
    return Array.isArray(m.oauthScopes) ? m.oauthScopes.map(String) : null;
  } catch {
    return null;
  }
}

function toMs(t: Date | number): number {
  const ms = typeof t === 'number' ? t : new Date(t).getTime();
  if (Number.isNaN(ms)) throw new Error(`Invalid time: ${String(t)}`);
  return ms;
}

/** A Date constructor for the bundle: host Dates (so `instanceof Date` holds across the realm
 *  boundary), with `new Date()` and `Date.now()` reading the runtime clock. */
function clockedDate(nowMs: () => number): DateConstructor {
  return new Proxy(Date, {
    construct(target, args: unknown[], newTarget) {
      if (args.length === 0) return Reflect.construct(target, [nowMs()], newTarget) as object;
      return Reflect.construct(target, args, newTarget) as object;
    },
    apply(target) {
      return new target(nowMs()).toString();
    },
    get(target, prop, receiver) {
      if (prop === 'now') return () => nowMs();
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

/** Creates a runtime and loads the built bundle into it. */
export function createRuntime(opts: RuntimeOptions = {}): Runtime {
  const state = opts.state as Partial<RuntimeState> | undefined;
  const distDir = path.resolve(opts.distDir ?? defaultDistDir());
  const user = opts.user ?? DEFAULT_USER;
  const owner = opts.owner ?? user;
  const scriptId = opts.scriptId ?? 'local-support-tracker-script';
  const optionTz = opts.timeZone ?? state?.timeZone ?? DEFAULT_TZ;
  const addon = opts.addon ?? process.env.ST_ADDON === '1';
  const scopes = manifestScopes(distDir);

  // Clock.
  let fixed: number | null = opts.now !== undefined ? toMs(opts.now) : null;
  let offset = 0;
  const nowMs = (): number => (fixed !== null ? fixed : Date.now() + offset);
  const clock: RuntimeClock = {
    now: () => new Date(nowMs()),
    set: (t) => {
      const ms = toMs(t);
      if (fixed !== null) fixed = ms;
      else offset = ms - Date.now();
    },
    advance: (ms) => {
      if (fixed !== null) fixed += ms;
      else offset += ms;
    },
  };
  const DateCtor = clockedDate(nowMs);

  const tracker = new CallTracker();
  const executions = new Executions(() => ({ user, owner }));
  let spreadsheet: FakeSpreadsheet | undefined;
  let inTz = false;
  const ctx: RuntimeContext = {
    tracker,
    timeZone: () => {
      const ss = spreadsheet as unknown as { getSpreadsheetTimeZone?: () => string } | undefined;
      if (inTz || !ss || typeof ss.getSpreadsheetTimeZone !== 'function') return optionTz;
      inTz = true;
      try {
        return ss.getSpreadsheetTimeZone() || optionTz;
      } finally {
        inTz = false;
      }
    },
    now: () => new Date(nowMs()),
    activeUser: () => {
      const e = executions.current();
      return e.authMode === 'NONE' ? '' : e.user;
    },
    effectiveUser: () => {
      const e = executions.current();
      return e.authMode === 'NONE' ? '' : e.effectiveUser;
    },
    owner: () => owner,
    DateCtor,
    apostrophe: opts.apostropheInPlainText ?? defaultApostropheReading(),
    pivot: { ...defaultPivotReadings(), ...opts.pivot },
    writes: [],
    executionId: () => executions.current().id,
  };

  let makeError: (m: string) => Error = hostError;
  let globals: Record<string, unknown> = {};
  const env: ServiceEnv = {
    ctx,
    exec: executions,
    error: (m) => makeError(m),
    distDir,
    scriptId,
    globals: () => globals,
    addon,
    scopes,
  };

  // Workbook.
  const workbookJson = state?.workbook ?? opts.workbook;
  if (workbookJson !== undefined) {
    spreadsheet = workbookFromJSON(workbookJson, ctx);
  } else {
    spreadsheet = new FakeSpreadsheet(ctx, {
      name: opts.spreadsheetName ?? 'Support Tracker',
      id: opts.spreadsheetId,
    });
    const ss = spreadsheet as unknown as { setSpreadsheetTimeZone?: (tz: string) => unknown };
    if (typeof ss.setSpreadsheetTimeZone === 'function') ss.setSpreadsheetTimeZone(optionTz);
  }
  const ss = spreadsheet;
  const spreadsheetId = (): string => {
    const s = ss as unknown as { getId?: () => string };
    return typeof s.getId === 'function' ? s.getId() : (opts.spreadsheetId ?? 'local-spreadsheet');
  };

  // Host-side state.
  const ui = new UiLog();
  const outbox = new Outbox();
  const triggers = new TriggerStore();
  const properties = new PropertyStores();
  const cache = new CacheStores();
  const locks = new LockTable(env);
  const logs = new LogCapture(
    ctx.now,
    Boolean(opts.verbose ?? process.env.ST_RUNTIME_VERBOSE === '1'),
  );
  if (state) {
    properties.load(state.properties);
    triggers.load(state.triggers);
    outbox.load(state.outbox);
  }
  executions.onEnd((e) => locks.releaseAll(e.id));

  // Services (raw).
  const fakeUi = new FakeUi(env, ui, opts.addonName);
  const services: Record<string, unknown> = {
    SpreadsheetApp: createSpreadsheetApp(
      ctx,
      ss,
      track(fakeUi, tracker) as unknown as GoogleAppsScript.Base.Ui,
      {
        hasDocument: () => executions.current().document,
        // Without a manifest (throwaway test bundles) nothing is refused.
        openByIdRefusal: () =>
          scopes === null || scopes.includes(SCOPES.allSpreadsheets)
            ? ''
            : `You do not have permission to call SpreadsheetApp.openById. Required permissions: ${SCOPES.allSpreadsheets}`,
        error: (m) => makeError(m),
      },
    ),
    Charts: createCharts(),
    HtmlService: new FakeHtmlService(env),
    ScriptApp: new FakeScriptApp(env, triggers, spreadsheetId),
    LockService: new FakeLockService(env, locks, clock.advance),
    PropertiesService: new FakePropertiesService(env, properties),
    CacheService: new FakeCacheService(env, cache),
    MailApp: new FakeMailApp(env, outbox),
    Session: new FakeSession(env, opts.scriptTimeZone ?? DEFAULT_TZ),
    Utilities: new FakeUtilities(
      env,
      clock.advance,
      (bytes, type, name) =>
        new FakeBlob(bytes, type, name) as unknown as GoogleAppsScript.Base.Blob,
    ),
    ContentService: new FakeContentService(),
    Logger: new FakeLogger(logs),
  };

  // Globals seen by the bundle: counted services; SpreadsheetApp guarded under AuthMode.NONE.
  const globalObject: Record<string, unknown> = {};
  for (const [name, svc] of Object.entries(services)) globalObject[name] = track(svc, tracker);
  globalObject.SpreadsheetApp = guardNone(globalObject.SpreadsheetApp as object, executions, env);
  globalObject.console = createConsole(logs);
  globalObject.Date = DateCtor;

  if (!opts.noBundle) {
    const code = path.join(distDir, 'Code.js');
    if (!fs.existsSync(code)) {
      throw new Error(`${code} not found: run \`npm run build\` first (or set ST_DIST / distDir).`);
    }
    // Resolved from the repo (not from this file): bundled entries run from a temporary folder.
    const gas = createRequire(path.join(repoRoot(), 'package.json'))('gas-local') as {
      require: (dir: string, g: object, o: object) => object;
    };
    globals = gas.require(distDir, globalObject, {
      filter: (f: string) => f.endsWith('Code.js'),
    }) as Record<string, unknown>;
  } else {
    globals = vm.createContext(globalObject) as Record<string, unknown>;
  }
  makeError = realmError(vm.runInContext('Error', globals as vm.Context) as ErrorConstructor);

  /**
   * AuthMode per entry point. Bound script: FULL unless given. Editor add-on: onOpen runs under
   * NONE until the add-on is enabled in the document, then LIMITED (a simple trigger); every other
   * entry point (menu items, onInstall, google.script.run, triggers, the web app) under FULL.
   */
  const defaultAuthMode = (name: string, kind: ExecutionKind): AuthModeName => {
    if (addon && name === 'onOpen' && kind !== 'client' && kind !== 'web')
      return rt.addonEnabled ? 'LIMITED' : 'NONE';
    return 'FULL';
  };

  const execute = (
    o: RunOptions & { kind: ExecutionKind },
    name: string,
    args: unknown[],
  ): unknown => {
    const fn = globals[name];
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
    const e: Execution = executions.begin({
      name,
      user: o.user,
      effectiveUser: o.effectiveUser,
      authMode: o.authMode ?? defaultAuthMode(name, o.kind),
      kind: o.kind,
      webApp: o.webApp ?? o.kind === 'web',
      document: o.document,
    });
    if (addon && e.authMode === 'FULL') rt.addonEnabled = true;
    startedAt.set(e.id, nowMs());
    try {
      return (fn as (...a: unknown[]) => unknown)(...args);
    } finally {
      startedAt.delete(e.id);
      killed.delete(e.id);
      executions.end(e);
    }
  };

  // Kills: an execution killed at a call (killAt, or the time limit) fails that call and every
  // later service call it makes, so even a catch-all handler cannot write anything afterwards.
  const startedAt = new Map<number, number>();
  const killed = new Map<number, string>();
  const killMatchers: Array<(c: CallRecord) => boolean> = [];
  const limitMs = opts.executionLimitMs ?? (opts.simulateLatency ? 360000 : undefined);
  let lastEstimate = 0;
  tracker.onCall((rec) => {
    if (opts.simulateLatency) {
      const est = tracker.snapshot().estimatedMs;
      const delta = est >= lastEstimate ? est - lastEstimate : est; // a reset() restarts the count
      lastEstimate = est;
      clock.advance(delta);
    }
    const id = executions.current().id;
    if (id === 0) return;
    const reason = killed.get(id);
    if (reason) throw makeError(reason);
    const i = killMatchers.findIndex((m) => m(rec));
    if (i >= 0) {
      killMatchers.splice(i, 1);
      killed.set(id, 'Execution killed');
      throw makeError('Execution killed');
    }
    const start = startedAt.get(id);
    if (limitMs !== undefined && start !== undefined && nowMs() - start > limitMs) {
      killed.set(id, EXECUTION_TIME_MESSAGE);
      throw makeError(EXECUTION_TIME_MESSAGE);
    }
  });

  if (process.env.ST_PRODUCT_CALLS_FILE && !opts.noBundle && distDir === defaultDistDir()) {
    recordProductCalls(tracker, executions, process.env.ST_PRODUCT_CALLS_FILE);
  }

  const clientWarnings: Runtime['clientWarnings'] = [];
  const runFromClientAs = (o: RunOptions, name: string, ...args: unknown[]): unknown => {
    if (name.endsWith('_')) throw new Error(`Script function not found: ${name}`);
    const copied = marshalArgs(args);
    let result: unknown;
    try {
      result = execute({ ...o, kind: 'client' }, name, copied);
    } catch (err) {
      const e = new Error(errorMessage(err));
      e.name =
        err && typeof err === 'object' && 'name' in err ? String((err as Error).name) : 'Error';
      throw e;
    }
    const r = marshalReturn(unwrap(result));
    if (r.illegalPath !== null) clientWarnings.push({ name, path: r.illegalPath });
    return r.value;
  };

  const rt: Runtime = {
    globals,
    addon,
    addonEnabled: false,
    run: (name, ...args) => execute({ kind: 'editor' }, name, args),
    runAs: (o, name, ...args) => execute({ kind: 'editor', ...o }, name, args),
    editAs: (user, fn) => {
      const e = executions.begin({ name: '(manual edit)', user, kind: 'host' });
      try {
        return fn(ss);
      } finally {
        executions.end(e);
      }
    },
    runFromClient: (name, ...args) => runFromClientAs({}, name, ...args),
    runFromClientAs,
    get: (params = {}, getOpts = {}) => {
      const parameter: Record<string, string> = {};
      const parameters: Record<string, string[]> = {};
      for (const [k, v] of Object.entries(params)) {
        const list = Array.isArray(v) ? v.map(String) : [String(v)];
        parameter[k] = list[0];
        parameters[k] = list;
      }
      const queryString = Object.entries(parameters)
        .flatMap(([k, vs]) => vs.map((v) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`))
        .join('&');
      const e = {
        parameter,
        parameters,
        queryString,
        contextPath: '',
        contentLength: -1,
        pathInfo: '',
      };
      const out = unwrap(
        execute(
          { kind: 'web', user: getOpts.visitor ?? owner, effectiveUser: owner, document: !addon },
          'doGet',
          [e],
        ),
      ) as {
        getContent?: () => string;
        getMimeType?: () => unknown;
        getTitle?: () => string;
      } | null;
      if (!out || typeof out.getContent !== 'function')
        throw new Error('doGet did not return an HtmlOutput or TextOutput');
      if (typeof out.getMimeType === 'function') {
        const m = String(out.getMimeType());
        const types: Record<string, string> = {
          JSON: 'application/json',
          CSV: 'text/csv',
          TEXT: 'text/plain',
          XML: 'text/xml',
          JAVASCRIPT: 'application/javascript',
        };
        return {
          kind: 'text',
          content: out.getContent(),
          mimeType: types[m] ?? 'text/plain',
          output: out,
        };
      }
      return {
        kind: 'html',
        content: out.getContent(),
        mimeType: 'text/html',
        title: out.getTitle?.(),
        output: out,
      };
    },
    spreadsheet: ss,
    writes: ctx.writes,
    apostrophe: ctx.apostrophe,
    tracker,
    clock,
    ui,
    outbox,
    triggers,
    properties,
    cache,
    locks,
    logs,
    executions,
    services,
    fireDueTriggers: (until) => {
      const untilMs = toMs(until);
      const results: FireResult[] = [];
      for (let guard = 0; guard < 100000; guard++) {
        const t = triggers.nextDue(untilMs);
        if (!t) break;
        const at = t.nextFire as number;
        if (at > nowMs()) clock.set(at);
        triggers.markFired(t, at);
        const base = { handler: t.handler, triggerId: t.id, at: new Date(at) };
        try {
          const result = execute(
            { kind: 'trigger', user: t.user, effectiveUser: t.user, document: !addon },
            t.handler,
            [clockEvent(t, at)],
          );
          results.push({ ...base, ok: true, result });
        } catch (err) {
          results.push({ ...base, ok: false, error: errorMessage(err) });
        }
      }
      if (untilMs > nowMs()) clock.set(untilMs);
      return results;
    },
    fireSpreadsheetEvent: (type, event = {}) => {
      const results: FireResult[] = [];
      for (const t of triggers.triggers.filter(
        (x) => x.source === 'SPREADSHEETS' && x.eventType === type,
      )) {
        const at = nowMs();
        triggers.markFired(t, at);
        const e = { ...event, authMode: 'FULL', triggerUid: t.id, source: track(ss, tracker) };
        const base = { handler: t.handler, triggerId: t.id, at: new Date(at) };
        try {
          results.push({
            ...base,
            ok: true,
            result: execute({ kind: 'trigger', user: t.user }, t.handler, [e]),
          });
        } catch (err) {
          results.push({ ...base, ok: false, error: errorMessage(err) });
        }
      }
      return results;
    },
    killAt: (match) => {
      killMatchers.push(match);
    },
    editCell: (sheet, row, col, input, editOpts = {}) =>
      userEdit(
        {
          ss,
          activeUser: () => user,
          owner: () => owner,
          track: (v) => track(v, tracker),
          runSimpleOnEdit: (event, by) => {
            if (typeof globals.onEdit !== 'function') return false;
            const scriptApp = globals.ScriptApp as { AuthMode: Record<string, unknown> };
            execute({ kind: 'trigger', authMode: 'LIMITED', user: by }, 'onEdit', [
              { ...event, authMode: scriptApp.AuthMode.LIMITED },
            ]);
            return true;
          },
          fireInstallable: (event) =>
            rt
              .fireSpreadsheetEvent('ON_EDIT', event)
              .map((f) => (f.ok ? { handler: f.handler } : { handler: f.handler, error: f.error })),
        },
        sheet,
        row,
        col,
        input,
        editOpts,
      ),
    interleave: (match, fn) => {
      let done = false;
      const off = tracker.onCall((rec) => {
        if (done || !match(rec)) return;
        done = true;
        off();
        fn();
      });
      return () => {
        done = true;
        off();
      };
    },
    clientWarnings,
    toJSON: () => ({
      version: 1,
      timeZone: ctx.timeZone(),
      workbook: workbookToJSON(ss),
      properties: properties.toJSON(),
      triggers: triggers.toJSON(),
      outbox: outbox.toJSON(),
    }),
  };
  return rt;
}

/** Names already appended to the product-calls file by this process. */
const productCallsWritten = new Set<string>();

/**
 * Conformance (runtime/README.md): with ST_PRODUCT_CALLS_FILE set, every service method the
 * product bundle (the default dist/, not a throwaway test bundle) calls inside an execution is
 * appended to that file once per process (`Range.getValues`; `!Range.copyTo` when not emulated).
 * Calls that tests make on the globals outside an execution are not the product's and are skipped.
 */
function recordProductCalls(tracker: CallTracker, executions: Executions, file: string): void {
  tracker.onCall((rec) => {
    if (executions.current().id === 0) return;
    const line = rec.notEmulated ? `!${rec.name}` : rec.name;
    if (productCallsWritten.has(line)) return;
    productCallsWritten.add(line);
    fs.appendFileSync(file, `${line}\n`);
  });
}

function errorMessage(err: unknown): string {
  return err && typeof err === 'object' && 'message' in err
    ? String((err as Error).message)
    : String(err);
}

/** SpreadsheetApp methods that need no authorization (usable from onOpen under AuthMode.NONE). */
const NONE_ALLOWED = new Set(['getUi']);

/**
 * Wraps the SpreadsheetApp global so that, under AuthMode.NONE, every method except getUi (and
 * builders/enums, which touch no data) throws the authorization error.
 */
function guardNone(target: object, executions: Executions, env: ServiceEnv): object {
  return new Proxy(target, {
    get(t, prop, receiver) {
      const v = Reflect.get(t, prop, receiver) as unknown;
      if (typeof v !== 'function' || typeof prop !== 'string') return v;
      if (NONE_ALLOWED.has(prop) || prop.startsWith('new')) return v;
      return (...args: unknown[]) => {
        if (executions.current().authMode === 'NONE') {
          throw env.error(
            `You do not have permission to call SpreadsheetApp.${prop}. Required permissions: ${SCOPES.spreadsheets}`,
          );
        }
        return (v as (...a: unknown[]) => unknown).apply(t, args);
      };
    },
  });
}
export type { UserEditOptions, UserEditResult } from './userEdit';
