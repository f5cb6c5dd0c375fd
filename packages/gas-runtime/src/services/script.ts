/**
 * ScriptApp: installable triggers (time-driven and spreadsheet), AuthMode and friends.
 *
 * Triggers live in a host-side `TriggerStore`. Time-driven triggers get a deterministic schedule
 * computed from their spec in the spreadsheet's time zone: Apps Script
 * picks a random minute inside the hour, the runtime uses `nearMinute` (default 0), so tests are
 * reproducible. One-off triggers (after/at) fire once and then stay listed, disabled, until
 * deleted, as in Apps Script. The runtime's `fireDueTriggers(until)` runs them in time order.
 */
import { fromWallClock, wallClock } from '../zone';
import { assertReal } from '../typing';
import { serviceClass, unwrap } from '../tracker';
import { enumOf, requireFullAuth, SCOPES, type ServiceEnv } from './env';

type TriggerT = GoogleAppsScript.Script.Trigger;

export const AuthMode = enumOf('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL');
export const AuthorizationStatus = enumOf('REQUIRED', 'NOT_REQUIRED');
export const EventType = enumOf(
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
);
export const TriggerSource = enumOf('SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR');
export const InstallationSource = enumOf(
  'APPS_MARKETPLACE_DOMAIN_ADD_ON',
  'NONE',
  'WEB_STORE_ADD_ON',
);
export const WeekDay = enumOf(
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
);
const WEEKDAY_INDEX: Record<string, number> = {
  SUNDAY: 0,
  MONDAY: 1,
  TUESDAY: 2,
  WEDNESDAY: 3,
  THURSDAY: 4,
  FRIDAY: 5,
  SATURDAY: 6,
};

export const MAX_TRIGGERS_PER_USER = 20;
export const TOO_MANY_TRIGGERS_MESSAGE =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';

export interface ClockSpec {
  kind: 'after' | 'at' | 'minutes' | 'hours' | 'days' | 'weeks' | 'monthDay';
  n: number;
  hour?: number;
  minute?: number;
  weekday?: number;
  monthDay?: number;
  /** One-off time (ms) for after/at. */
  at?: number;
  timeZone: string;
}

/**
 * Apps Script's error when an editor add-on creates a second trigger of one type for the same user
 * and document (time-based triggers; other types name their event).
 */
export const ADDON_TOO_MANY_TRIGGERS_MESSAGE =
  'This add-on has created too many time-based triggers in this document for this Google user account';

export function addonTooManyTriggers(eventType: string): string {
  if (eventType === 'CLOCK') return ADDON_TOO_MANY_TRIGGERS_MESSAGE;
  const kind = eventType.replace(/^ON_/, '').toLowerCase().replace(/_/g, '-');
  return `This add-on has created too many ${kind} triggers in this document for this Google user account`;
}

export interface TriggerRecord {
  id: string;
  handler: string;
  /** Editor add-on only: the document the trigger was created in (one per type per user per document). */
  document?: string;
  /** The user who created it (triggers run as, and are listed for, this user). */
  user: string;
  source: keyof typeof TriggerSource;
  eventType: keyof typeof EventType;
  sourceId: string;
  clock?: ClockSpec;
  created: number;
  /** Next fire time (ms), or null when it never fires again (spent one-off, non-clock). */
  nextFire: number | null;
  fired: number;
  lastFire?: number;
}

/** Next fire strictly after `after` (ms) for a clock spec whose trigger was created at `created`. */
export function nextFireTime(spec: ClockSpec, created: number, after: number): number | null {
  const tz = spec.timeZone;
  switch (spec.kind) {
    case 'after':
    case 'at':
      return (spec.at as number) > after ? (spec.at as number) : null;
    case 'minutes':
    case 'hours': {
      const step = spec.n * (spec.kind === 'minutes' ? 60000 : 3600000);
      let base = created;
      if (spec.kind === 'hours' && spec.minute !== undefined) {
        const p = wallClock(created, tz);
        base = fromWallClock(tz, p.year, p.month, p.day, p.hour, spec.minute).getTime();
        if (base <= created) base += 3600000;
        base -= step; // first fire is at the aligned minute
      }
      const k = Math.max(1, Math.floor((after - base) / step) + 1);
      return base + k * step;
    }
    case 'days':
    case 'weeks': {
      const p0 = wallClock(created, tz);
      const hour = spec.hour ?? p0.hour;
      const minute = spec.minute ?? 0;
      // First fire: the first matching local day whose time is after creation.
      let d = 0;
      for (; d < 14; d++) {
        const t = fromWallClock(tz, p0.year, p0.month, p0.day + d, hour, minute).getTime();
        const wd = wallClock(t, tz).weekday;
        if (t > created && (spec.kind === 'days' || wd === (spec.weekday ?? 1))) break;
      }
      const stepDays = spec.n * (spec.kind === 'weeks' ? 7 : 1);
      // Estimate k then adjust (days are 23-25 h long across DST).
      let k = Math.max(0, Math.floor((after - created) / (stepDays * 86400000)) - 1);
      for (;;) {
        const t = fromWallClock(
          tz,
          p0.year,
          p0.month,
          p0.day + d + k * stepDays,
          hour,
          minute,
        ).getTime();
        if (t > after) return t;
        k++;
      }
    }
    case 'monthDay': {
      const p0 = wallClock(after, tz);
      for (let m = 0; m < 24; m++) {
        const t = fromWallClock(
          tz,
          p0.year,
          p0.month + m,
          spec.monthDay as number,
          spec.hour ?? 0,
          spec.minute ?? 0,
        ).getTime();
        if (t > after && t > created) return t;
      }
      return null;
    }
  }
}

/** Host-side store of the project's triggers. */
export class TriggerStore {
  triggers: TriggerRecord[] = [];
  private seq = 0;

  add(rec: Omit<TriggerRecord, 'id' | 'fired' | 'nextFire'>): TriggerRecord {
    this.seq++;
    const id = String(1000000 + this.seq) + String(rec.created % 100000).padStart(5, '0');
    const full: TriggerRecord = {
      ...rec,
      id,
      fired: 0,
      nextFire: rec.clock ? nextFireTime(rec.clock, rec.created, rec.created) : null,
    };
    this.triggers.push(full);
    return full;
  }
  remove(id: string): boolean {
    const n = this.triggers.length;
    this.triggers = this.triggers.filter((t) => t.id !== id);
    return this.triggers.length < n;
  }
  forUser(user: string): TriggerRecord[] {
    return this.triggers.filter((t) => t.user === user);
  }
  /** Handler names of all triggers (any user), in creation order. */
  handlers(): string[] {
    return this.triggers.map((t) => t.handler);
  }
  /** The earliest clock trigger due at or before `until` (ms), if any. */
  nextDue(until: number): TriggerRecord | undefined {
    let best: TriggerRecord | undefined;
    for (const t of this.triggers) {
      if (
        t.nextFire !== null &&
        t.nextFire <= until &&
        (!best || (t.nextFire as number) < (best.nextFire as number))
      )
        best = t;
    }
    return best;
  }
  /** Records a fire at `at` and schedules the next one. */
  markFired(t: TriggerRecord, at: number): void {
    t.fired++;
    t.lastFire = at;
    t.nextFire = t.clock ? nextFireTime(t.clock, t.created, at) : null;
  }
  clear(): void {
    this.triggers = [];
  }
  toJSON(): unknown {
    return { seq: this.seq, triggers: this.triggers };
  }
  load(json: unknown): void {
    const j = (json ?? {}) as { seq?: number; triggers?: TriggerRecord[] };
    this.seq = j.seq ?? 0;
    this.triggers = (j.triggers ?? []).map((t) => ({ ...t }));
  }
}

export class FakeTrigger implements Pick<
  TriggerT,
  'getEventType' | 'getHandlerFunction' | 'getTriggerSource' | 'getUniqueId'
> {
  constructor(readonly _rec: TriggerRecord) {}
  getEventType(): GoogleAppsScript.Script.EventType {
    return this._rec.eventType as unknown as GoogleAppsScript.Script.EventType;
  }
  getHandlerFunction(): string {
    return this._rec.handler;
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return this._rec.source as unknown as GoogleAppsScript.Script.TriggerSource;
  }
  getUniqueId(): string {
    return this._rec.id;
  }
}
assertReal<FakeTrigger, TriggerT>(true);
serviceClass(FakeTrigger, 'Trigger', {}, 'local');

interface BuilderState {
  env: ServiceEnv;
  store: TriggerStore;
  handler: string;
  spreadsheetId: () => string;
}

function checkInt(env: ServiceEnv, v: unknown, name: string, ok: (n: number) => boolean): number {
  const n = Number(v);
  if (!Number.isInteger(n) || !ok(n)) throw env.error(`Invalid argument: ${name}`);
  return n;
}

function create(
  state: BuilderState,
  rec: Omit<TriggerRecord, 'id' | 'fired' | 'nextFire' | 'handler' | 'user' | 'created'>,
): TriggerT {
  const user = state.env.exec.current().user;
  if (state.store.forUser(user).length >= MAX_TRIGGERS_PER_USER)
    throw state.env.error(TOO_MANY_TRIGGERS_MESSAGE);
  // An editor add-on owns at most one trigger of each type per user per document.
  const document = state.env.addon ? state.spreadsheetId() : undefined;
  if (
    document !== undefined &&
    state.store.forUser(user).some((t) => t.document === document && t.eventType === rec.eventType)
  )
    throw state.env.error(addonTooManyTriggers(rec.eventType));
  const r = state.store.add({
    ...rec,
    ...(document !== undefined ? { document } : {}),
    handler: state.handler,
    user,
    created: state.env.ctx.now().getTime(),
  });
  return new FakeTrigger(r) as unknown as TriggerT;
}

type ClockBuilderT = GoogleAppsScript.Script.ClockTriggerBuilder;

export class FakeClockTriggerBuilder implements Pick<
  ClockBuilderT,
  | 'after'
  | 'at'
  | 'atHour'
  | 'create'
  | 'everyDays'
  | 'everyHours'
  | 'everyMinutes'
  | 'nearMinute'
  | 'onWeekDay'
> {
  private _kind?: ClockSpec['kind'];
  private _n = 1;
  private _hour?: number;
  private _minute?: number;
  private _weekday?: number;
  private _monthDay?: number;
  private _at?: number;
  private _date?: [number, number, number];

  constructor(private readonly _s: BuilderState) {}

  after(durationMilliseconds: number): ClockBuilderT {
    const ms = checkInt(this._s.env, durationMilliseconds, 'durationMilliseconds', (n) => n >= 0);
    this._kind = 'after';
    this._at = this._s.env.ctx.now().getTime() + ms;
    return this.self();
  }
  at(date: GoogleAppsScript.Base.Date): ClockBuilderT {
    const t = new Date(date as unknown as Date).getTime();
    if (Number.isNaN(t)) throw this._s.env.error('Invalid argument: date');
    this._kind = 'at';
    this._at = t;
    return this.self();
  }
  atHour(hour: number): ClockBuilderT {
    this._hour = checkInt(this._s.env, hour, 'hour', (n) => n >= 0 && n <= 23);
    return this.self();
  }
  nearMinute(minute: number): ClockBuilderT {
    this._minute = checkInt(this._s.env, minute, 'minute', (n) => n >= 0 && n <= 59);
    return this.self();
  }
  everyMinutes(n: number): ClockBuilderT {
    this._n = checkInt(this._s.env, n, 'minutes', (x) => [1, 5, 10, 15, 30].includes(x));
    this._kind = 'minutes';
    return this.self();
  }
  everyHours(n: number): ClockBuilderT {
    this._n = checkInt(this._s.env, n, 'hours', (x) => [1, 2, 4, 6, 8, 12].includes(x));
    this._kind = 'hours';
    return this.self();
  }
  everyDays(n: number): ClockBuilderT {
    this._n = checkInt(this._s.env, n, 'days', (x) => x >= 1);
    this._kind = 'days';
    return this.self();
  }
  onWeekDay(day: GoogleAppsScript.Base.Weekday): ClockBuilderT {
    const idx = WEEKDAY_INDEX[String(day)];
    if (idx === undefined) throw this._s.env.error('Invalid argument: day');
    this._weekday = idx;
    if (this._kind !== 'weeks') {
      this._kind = 'weeks';
      this._n = 1;
    }
    return this.self();
  }
  create(): TriggerT {
    requireFullAuth(this._s.env, 'ClockTriggerBuilder.create', SCOPES.scriptapp);
    const tz = this._s.env.ctx.timeZone();
    if (!this._kind) {
      throw this._s.env.error(
        'The trigger needs a schedule: call after, at, everyMinutes, everyHours, everyDays or everyWeeks.',
      );
    }
    if (this._kind === 'weeks' && this._weekday === undefined) {
      throw this._s.env.error('Weekly triggers need onWeekDay(day).');
    }
    let at = this._at;
    if (this._date) {
      const [y, m, d] = this._date;
      at = fromWallClock(tz, y, m, d, this._hour ?? 0, this._minute ?? 0).getTime();
    }
    const clock: ClockSpec = {
      kind: this._kind,
      n: this._n,
      hour: this._hour,
      minute: this._minute,
      weekday: this._weekday,
      monthDay: this._monthDay,
      at,
      timeZone: tz,
    };
    return create(this._s, { source: 'CLOCK', eventType: 'CLOCK', sourceId: '', clock });
  }
  private self(): ClockBuilderT {
    return this as unknown as ClockBuilderT;
  }
}
assertReal<FakeClockTriggerBuilder, ClockBuilderT>(true);
serviceClass(FakeClockTriggerBuilder, 'ClockTriggerBuilder', { create: 'script' }, 'local');

type SsBuilderT = GoogleAppsScript.Script.SpreadsheetTriggerBuilder;

export class FakeSpreadsheetTriggerBuilder implements Pick<
  SsBuilderT,
  'create' | 'onEdit' | 'onOpen'
> {
  private _event?: keyof typeof EventType;
  constructor(
    private readonly _s: BuilderState,
    private readonly _sourceId: string,
  ) {}
  onEdit(): SsBuilderT {
    return this.set('ON_EDIT');
  }
  onOpen(): SsBuilderT {
    return this.set('ON_OPEN');
  }
  create(): TriggerT {
    requireFullAuth(this._s.env, 'SpreadsheetTriggerBuilder.create', SCOPES.scriptapp);
    if (!this._event)
      throw this._s.env.error(
        'The trigger needs an event type: call onOpen, onEdit, onChange or onFormSubmit.',
      );
    return create(this._s, {
      source: 'SPREADSHEETS',
      eventType: this._event,
      sourceId: this._sourceId,
    });
  }
  private set(e: keyof typeof EventType): SsBuilderT {
    this._event = e;
    return this as unknown as SsBuilderT;
  }
}
assertReal<FakeSpreadsheetTriggerBuilder, SsBuilderT>(true);
serviceClass(
  FakeSpreadsheetTriggerBuilder,
  'SpreadsheetTriggerBuilder',
  { create: 'script' },
  'local',
);

export class FakeTriggerBuilder implements Pick<
  GoogleAppsScript.Script.TriggerBuilder,
  'timeBased' | 'forSpreadsheet'
> {
  constructor(private readonly _s: BuilderState) {}
  timeBased(): ClockBuilderT {
    return new FakeClockTriggerBuilder(this._s) as unknown as ClockBuilderT;
  }
  forSpreadsheet(sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string): SsBuilderT {
    const raw = unwrap(sheet) as unknown;
    const id =
      typeof raw === 'string'
        ? raw
        : raw && typeof (raw as { getId?: unknown }).getId === 'function'
          ? (raw as { getId(): string }).getId()
          : this._s.spreadsheetId();
    return new FakeSpreadsheetTriggerBuilder(this._s, id) as unknown as SsBuilderT;
  }
}
assertReal<FakeTriggerBuilder, GoogleAppsScript.Script.TriggerBuilder>(true);
serviceClass(FakeTriggerBuilder, 'TriggerBuilder', {}, 'local');

export class FakeService implements Pick<GoogleAppsScript.Script.Service, 'getUrl'> {
  constructor(private readonly _url: string) {}
  getUrl(): string {
    return this._url;
  }
}
assertReal<FakeService, GoogleAppsScript.Script.Service>(true);
serviceClass(FakeService, 'Service', {}, 'script');

export class FakeScriptApp implements Pick<
  GoogleAppsScript.Script.ScriptApp,
  | 'AuthMode'
  | 'AuthorizationStatus'
  | 'EventType'
  | 'InstallationSource'
  | 'TriggerSource'
  | 'WeekDay'
  | 'newTrigger'
  | 'getProjectTriggers'
  | 'deleteTrigger'
  | 'getScriptId'
  | 'getService'
> {
  AuthMode = AuthMode as unknown as typeof GoogleAppsScript.Script.AuthMode;
  AuthorizationStatus =
    AuthorizationStatus as unknown as typeof GoogleAppsScript.Script.AuthorizationStatus;
  EventType = EventType as unknown as typeof GoogleAppsScript.Script.EventType;
  InstallationSource =
    InstallationSource as unknown as typeof GoogleAppsScript.Script.InstallationSource;
  TriggerSource = TriggerSource as unknown as typeof GoogleAppsScript.Script.TriggerSource;
  WeekDay = WeekDay as unknown as typeof GoogleAppsScript.Base.Weekday;

  constructor(
    private readonly _env: ServiceEnv,
    readonly _store: TriggerStore,
    private readonly _spreadsheetId: () => string,
  ) {}

  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    requireFullAuth(this._env, 'ScriptApp.newTrigger', SCOPES.scriptapp);
    if (!functionName || typeof functionName !== 'string')
      throw this._env.error('Invalid argument: functionName');
    return new FakeTriggerBuilder({
      env: this._env,
      store: this._store,
      handler: functionName,
      spreadsheetId: this._spreadsheetId,
    }) as unknown as GoogleAppsScript.Script.TriggerBuilder;
  }
  getProjectTriggers(): TriggerT[] {
    requireFullAuth(this._env, 'ScriptApp.getProjectTriggers', SCOPES.scriptapp);
    return this._store
      .forUser(this._env.exec.current().user)
      .map((r) => new FakeTrigger(r) as unknown as TriggerT);
  }
  deleteTrigger(trigger: TriggerT): void {
    requireFullAuth(this._env, 'ScriptApp.deleteTrigger', SCOPES.scriptapp);
    const raw = unwrap(trigger) as unknown as FakeTrigger;
    if (!raw || !raw._rec) throw this._env.error('Invalid argument: trigger');
    this._store.remove(raw._rec.id);
  }
  getScriptId(): string {
    return this._env.scriptId;
  }
  getService(): GoogleAppsScript.Script.Service {
    return new FakeService(
      `https://script.google.com/macros/s/${this._env.scriptId}/exec`,
    ) as unknown as GoogleAppsScript.Script.Service;
  }
}
assertReal<FakeScriptApp, GoogleAppsScript.Script.ScriptApp>(true);
serviceClass(FakeScriptApp, 'ScriptApp', { getScriptId: 'local' }, 'script');

/** The event object Apps Script passes to a time-driven trigger handler (fields in UTC). */
export function clockEvent(t: TriggerRecord, at: number): Record<string, unknown> {
  const d = new Date(at);
  const jan1 = Date.UTC(d.getUTCFullYear(), 0, 1);
  return {
    authMode: AuthMode.FULL,
    triggerUid: t.id,
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    'day-of-month': d.getUTCDate(),
    'day-of-week': d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
    'week-of-year': Math.ceil(((at - jan1) / 86400000 + new Date(jan1).getUTCDay() + 1) / 7),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    timezone: 'UTC',
  };
}
