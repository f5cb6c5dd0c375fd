/**
 * Issues #5 and #13 through the BUILT bundle (both builds: ST_ADDON=1 runs them against the
 * editor add-on in the runtime's add-on context): installTriggers manages exactly ONE hourly
 * scheduler trigger (runScheduledWork); firing it at chosen clock times runs the daily refresh
 * once a day, the weekly email once a week and a pending normalization continuation; a failing job
 * does not block the others; an old two-trigger installation migrates without losing state; the
 * scheduler's own overhead is at most 6 service calls when nothing is due.
 */
import type { Runtime } from '../../packages/gas-runtime/src';
import { SHEETS } from '../../src/domain/schema';
import type { ScheduledRun } from '../../src/gas/scheduler';
import type { TriggerReport } from '../../src/gas/triggers';
import { KPI_FIXTURE_NOW, kpiFixtureRows } from '../fixtures/kpi-fixture';
import { ADDON_BUILD, sheetValues } from '../helpers/runtime';
import { setSetting, summariesWorkbook } from './summariesHelpers';

const USER = 'lead@example.gov';
const TZ = 'America/New_York';
const HOUR = 3600 * 1000;
const SENT_WEEK_KEY = 'supportTracker.weeklySummary.sent';
const SPECS_KEY = 'supportTracker.triggers';
const OWNER_KEY = 'supportTracker.triggers.owner';
const CHECKPOINT_KEY = 'supportTracker.normalize.checkpoint';
const CONTINUATION_KEY = 'supportTracker.schedule.continuation';

/** Adds an hourly clock trigger of USER's for `handler` directly to the runtime; returns its id. */
function addUserTrigger(rt: Runtime, handler = 'myOwnReport'): string {
  return rt.triggers.add({
    handler,
    user: USER,
    source: 'CLOCK',
    eventType: 'CLOCK',
    sourceId: '',
    clock: { kind: 'hours', n: 1, timeZone: TZ },
    created: rt.clock.now().getTime(),
  }).id;
}

/** Run log rows (Start, Function, Duration, Rows, Outcome, Error) of one function. */
function runLog(rt: Runtime, fn: string): unknown[][] {
  return (sheetValues(rt, SHEETS.runLog) ?? []).slice(1).filter((r) => r[1] === fn);
}

/** Local "yyyy-MM-dd HH" of a Run log start. */
function localHour(d: unknown): string {
  const s = new Date(d as Date).toLocaleString('sv-SE', { timeZone: TZ });
  return s.slice(0, 13);
}

/** A workbook with the KPI fixture, daily refresh at 06:00, weekly email Monday 08:00 to USER. */
function scheduled(now = KPI_FIXTURE_NOW): Runtime {
  const rt = summariesWorkbook(kpiFixtureRows(), now);
  setSetting(rt, 'Daily refresh hour', 6);
  setSetting(rt, 'Weekly email day', 'Monday');
  setSetting(rt, 'Weekly email hour', 8);
  setSetting(rt, 'Weekly email recipients', USER);
  return rt;
}

describe('installTriggers / removeTriggers: one scheduler trigger', () => {
  test('twice: exactly one time-driven trigger (runScheduledWork, hourly)', () => {
    const rt = summariesWorkbook([], KPI_FIXTURE_NOW);
    // A user's own trigger survives (the add-on context allows no second time trigger at all).
    const userId = ADDON_BUILD ? null : addUserTrigger(rt);
    const first = rt.run('installTriggers') as TriggerReport;
    const ids = rt.triggers.triggers.map((t) => t.id);
    const second = rt.run('installTriggers') as TriggerReport;
    expect(rt.triggers.triggers.map((t) => t.id)).toEqual(ids); // nothing deleted or created
    const ours = rt.triggers.triggers.filter((t) => t.id !== userId);
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatchObject({ handler: 'runScheduledWork', eventType: 'CLOCK' });
    expect(ours[0].clock).toMatchObject({ kind: 'hours', n: 1 });
    if (userId) expect(rt.triggers.triggers.some((t) => t.id === userId)).toBe(true);
    expect(first).toMatchObject({ kept: 0, created: 1, removed: 0 });
    expect(second).toMatchObject({ kept: 1, created: 0, removed: 0 });
    expect(first.schedules).toEqual([
      'runScheduledWork: every hour, runs what is due',
      'refreshSummaries: every day at 06:00 (America/New_York)',
      'sendWeeklySummary: every monday at 08:00 (America/New_York)',
    ]);
    expect(runLog(rt, 'installTriggers').map((r) => r[5])).toEqual([
      'kept 0, created 1, removed 0',
      'kept 1, created 0, removed 0',
    ]);
  });

  test('a changed Settings hour keeps the trigger and moves the refresh', () => {
    const rt = scheduled();
    rt.run('installTriggers');
    const id = rt.triggers.triggers[0].id;
    setSetting(rt, 'Daily refresh hour', 9);
    expect(rt.run('installTriggers')).toMatchObject({ kept: 1, created: 0, removed: 0 });
    expect(rt.triggers.triggers.map((t) => t.id)).toEqual([id]);
    rt.fireDueTriggers(KPI_FIXTURE_NOW.getTime() + 24 * HOUR);
    expect(runLog(rt, 'refreshSummaries').map((r) => localHour(r[0]).slice(11))).toEqual(['09']);
  });

  test('removeTriggers removes only ours and the schedule', () => {
    const rt = summariesWorkbook([], KPI_FIXTURE_NOW);
    const userId = ADDON_BUILD ? null : addUserTrigger(rt);
    rt.run('installTriggers');
    expect(rt.run('removeTriggers')).toBe(1);
    expect(rt.triggers.triggers.map((t) => t.id)).toEqual(userId ? [userId] : []);
    expect(rt.properties.document.has('supportTracker.schedule')).toBe(false);
    expect(rt.run('removeTriggers')).toBe(0);
  });

  test("the add-on context refuses a second time-driven trigger with Google's error", () => {
    const rt = summariesWorkbook([], KPI_FIXTURE_NOW, { addon: true });
    rt.run('installTriggers');
    rt.run('installTriggers'); // ours is kept, never duplicated
    expect(rt.triggers.triggers).toHaveLength(1);
    // What the old design did (a second, weekly trigger) is refused in the add-on context.
    const scriptApp = rt.services.ScriptApp as GoogleAppsScript.Script.ScriptApp;
    expect(() =>
      scriptApp
        .newTrigger('sendWeeklySummary')
        .timeBased()
        .onWeekDay(scriptApp.WeekDay.MONDAY)
        .atHour(8)
        .create(),
    ).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google user account',
    );
    expect(rt.triggers.triggers).toHaveLength(1);
  });
});

describe('runScheduledWork at chosen clock times', () => {
  test('8 days: the refresh runs once a day at its hour, the email once a week', () => {
    const rt = scheduled();
    rt.run('installTriggers');
    const fired = rt.fireDueTriggers(KPI_FIXTURE_NOW.getTime() + 8 * 24 * HOUR);
    expect(fired.length).toBeGreaterThanOrEqual(8 * 24 - 1);
    expect(fired.every((f) => f.handler === 'runScheduledWork' && f.ok)).toBe(true);
    const refreshes = runLog(rt, 'refreshSummaries');
    // Wednesday Nov 25 12:00 + 8 days: Nov 26 ... Dec 3, each at 06:xx.
    expect(refreshes.map((r) => localHour(r[0]))).toEqual(
      ['26', '27', '28', '29', '30']
        .map((d) => `2026-11-${d} 06`)
        .concat(['01', '02', '03'].map((d) => `2026-12-${d} 06`)),
    );
    expect(refreshes.every((r) => r[4] === 'OK')).toBe(true);
    const weekly = runLog(rt, 'sendWeeklySummary');
    expect(weekly.map((r) => localHour(r[0]))).toEqual(['2026-11-30 08']);
    expect(rt.outbox.messages).toHaveLength(1);
    // The scheduler itself logs nothing when nothing is due.
    expect(runLog(rt, 'runScheduledWork')).toHaveLength(0);
    const summary = (sheetValues(rt, SHEETS.summary) ?? []).find((r) => r[0] === 'Requests');
    expect(summary).toBeDefined();
  });

  test('a pending normalization continuation runs on the next scheduler runs', () => {
    const rt = scheduled();
    rt.run('installTriggers');
    const first = rt.run('normalizeRequests', { budgetMs: 0, chunkRows: 10 }) as {
      status: string;
      message: string;
    };
    expect(first.status).toBe('continuing');
    expect(first.message).toMatch(/continues automatically within the hour/);
    expect(rt.properties.document.has(CONTINUATION_KEY)).toBe(true);
    // No trigger of its own: still the one scheduler.
    expect(rt.triggers.handlers()).toEqual(['runScheduledWork']);
    rt.fireDueTriggers(KPI_FIXTURE_NOW.getTime() + 6 * HOUR);
    const runs = runLog(rt, 'normalizeRequests');
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(runs.every((r) => r[4] === 'OK')).toBe(true);
    expect(rt.properties.document.has(CHECKPOINT_KEY)).toBe(false);
    expect(rt.properties.document.has(CONTINUATION_KEY)).toBe(false);
  });

  test('a stale continuation mark without a checkpoint starts nothing, even from a manual run', () => {
    const rt = scheduled();
    rt.properties.document.set(CONTINUATION_KEY, JSON.stringify({ notBefore: 0, reason: 'old' }));
    const run = rt.run('runScheduledWork') as ScheduledRun;
    expect(run.due).toEqual(['continuation']);
    expect(rt.properties.document.has(CONTINUATION_KEY)).toBe(false);
    expect(rt.properties.document.has(CHECKPOINT_KEY)).toBe(false);
    expect(runLog(rt, 'normalizeRequests').map((r) => r[4])).toEqual([
      'Skipped: nothing to continue',
    ]);
    expect((sheetValues(rt, SHEETS.changeLog) ?? []).slice(1)).toEqual([]); // header only
  });

  test('a failing job does not block the others; it is retried on the next run', () => {
    const rt = scheduled(new Date('2026-11-30T07:30:00-05:00')); // Monday
    setSetting(rt, 'Daily refresh hour', 8); // refresh and email due in the same run
    rt.run('installTriggers');
    rt.interleave(
      (c) => c.name === 'Range.setNumberFormats',
      () => {
        throw new Error('Service Spreadsheets failed while accessing document');
      },
    );
    const fired = rt.fireDueTriggers(new Date('2026-11-30T08:30:00-05:00'));
    expect(fired).toHaveLength(1);
    expect(fired[0].ok).toBe(true);
    const run = fired[0].result as ScheduledRun;
    expect(run.due).toEqual(['refresh', 'weekly']);
    expect(run.ran.map((r) => `${r.job}:${r.result}`)).toEqual(['refresh:retry', 'weekly:done']);
    expect(runLog(rt, 'refreshSummaries').map((r) => r[4])).toEqual(['Error']);
    expect(runLog(rt, 'sendWeeklySummary').map((r) => r[4])).toEqual(['OK']);
    expect(rt.outbox.to(USER).filter((m) => /week of/i.test(m.subject))).toHaveLength(1);
    // Next hour: the refresh is retried and succeeds; the email is not sent again.
    rt.fireDueTriggers(new Date('2026-11-30T09:30:00-05:00'));
    expect(runLog(rt, 'refreshSummaries').map((r) => r[4])).toEqual(['Error', 'OK']);
    expect(runLog(rt, 'sendWeeklySummary')).toHaveLength(1);
  });

  test('a due run finds its spreadsheet: active (bound) or opened by the ID stored at setup (add-on)', () => {
    const rt = scheduled();
    rt.run('installTriggers');
    rt.tracker.reset();
    rt.fireDueTriggers(KPI_FIXTURE_NOW.getTime() + 24 * HOUR);
    const m = rt.tracker.snapshot().byMethod;
    expect(m['SpreadsheetApp.openById'] ?? 0).toBe(ADDON_BUILD ? 1 : 0);
    expect(runLog(rt, 'refreshSummaries').map((r) => r[4])).toEqual(['OK']);
    if (ADDON_BUILD) {
      // Without the stored ID the add-on's trigger cannot find its document: the run fails
      // loudly (Apps Script's own failure email) and changes nothing.
      // The trigger's own record (User properties, by trigger ID) is the fallback.
      rt.properties.document.delete('supportTracker.spreadsheetId');
      rt.fireDueTriggers(KPI_FIXTURE_NOW.getTime() + 48 * HOUR);
      expect(runLog(rt, 'refreshSummaries').map((r) => r[4])).toEqual(['OK', 'OK']);
      rt.properties.document.delete('supportTracker.spreadsheetId');
      rt.properties.user(USER).clear();
      const fired = rt.fireDueTriggers(KPI_FIXTURE_NOW.getTime() + 72 * HOUR);
      expect(fired.some((f) => !f.ok && /does not know its spreadsheet/.test(f.error ?? ''))).toBe(
        true,
      );
    }
  });

  test('when nothing is due the scheduler makes at most 6 service calls (2) and writes nothing', () => {
    const rt = scheduled();
    rt.run('installTriggers');
    rt.fireDueTriggers(KPI_FIXTURE_NOW.getTime() + 24 * HOUR); // today's jobs done
    rt.tracker.reset();
    const fired = rt.fireDueTriggers(KPI_FIXTURE_NOW.getTime() + 25 * HOUR);
    expect(fired).toHaveLength(1);
    expect((fired[0].result as ScheduledRun).due).toEqual([]);
    const snap = rt.tracker.snapshot();
    expect(snap.calls).toBeLessThanOrEqual(6);
    expect(snap.calls).toBe(2);
    expect(snap.cellsWritten).toBe(0);
  });
});

describe('migration from the two triggers of before issue 13', () => {
  /** The state an old installation left: two triggers, their specs, the installer, a sent week. */
  function oldInstall(rt: Runtime): void {
    const at = rt.clock.now().getTime();
    const daily = rt.triggers.add({
      handler: 'refreshSummaries',
      user: USER,
      source: 'CLOCK',
      eventType: 'CLOCK',
      sourceId: '',
      clock: { kind: 'days', n: 1, hour: 6, timeZone: TZ },
      created: at,
    });
    const weekly = rt.triggers.add({
      handler: 'sendWeeklySummary',
      user: USER,
      source: 'CLOCK',
      eventType: 'CLOCK',
      sourceId: '',
      clock: { kind: 'weeks', n: 1, hour: 8, weekday: 1, timeZone: TZ },
      created: at,
    });
    rt.properties.document.set(
      SPECS_KEY,
      JSON.stringify({
        [daily.id]: `refreshSummaries|daily|6||${TZ}`,
        [weekly.id]: `sendWeeklySummary|weekly|8|1|${TZ}`,
      }),
    );
    rt.properties.document.set(
      OWNER_KEY,
      JSON.stringify({
        email: USER,
        handlers: ['refreshSummaries', 'sendWeeklySummary'],
        installedAt: new Date(at).toISOString(),
      }),
    );
  }

  test.each(['installTriggers', 'setUpSheet'])(
    'the next %s installs the scheduler and keeps the weekly "already sent" state',
    (entry) => {
      // Monday 07:00: this week's email was already sent by hand, before the weekly slot.
      const rt = scheduled(new Date('2026-11-30T07:00:00-05:00'));
      oldInstall(rt);
      rt.run('sendWeeklySummary');
      expect(rt.outbox.messages).toHaveLength(1);
      const sent = rt.properties.document.get(SENT_WEEK_KEY);
      expect(sent).toBeDefined();
      rt.run(entry);
      expect(rt.triggers.handlers()).toEqual(['runScheduledWork']);
      expect(rt.properties.document.get(SENT_WEEK_KEY)).toBe(sent);
      expect(JSON.parse(rt.properties.document.get(OWNER_KEY) ?? '{}')).toMatchObject({
        email: USER,
        handlers: ['runScheduledWork'],
      });
      expect(Object.values(JSON.parse(rt.properties.document.get(SPECS_KEY) ?? '{}'))).toEqual([
        'runScheduledWork|hourly',
      ]);
      // The weekly slot (08:00) passes: the same week is not sent twice.
      rt.fireDueTriggers(new Date('2026-11-30T09:30:00-05:00'));
      expect(rt.outbox.messages).toHaveLength(1);
      expect(runLog(rt, 'sendWeeklySummary').map((r) => r[4])).toEqual([
        'OK',
        'Skipped: already sent',
      ]);
      // And the next day's refresh runs once, at its hour.
      rt.fireDueTriggers(new Date('2026-12-01T12:00:00-05:00'));
      expect(runLog(rt, 'refreshSummaries').map((r) => localHour(r[0]))).toEqual(['2026-12-01 06']);
    },
  );

  test('an old one-off normalizeRequests continuation becomes a pending continuation', () => {
    const rt = scheduled();
    rt.run('normalizeRequests', { budgetMs: 0, chunkRows: 10 });
    rt.properties.document.delete(CONTINUATION_KEY); // as the old version left it
    rt.triggers.add({
      handler: 'normalizeRequests',
      user: USER,
      source: 'CLOCK',
      eventType: 'CLOCK',
      sourceId: '',
      clock: { kind: 'after', n: 1, at: rt.clock.now().getTime() + 60000, timeZone: TZ },
      created: rt.clock.now().getTime(),
    });
    rt.run('installTriggers');
    expect(rt.triggers.handlers()).toEqual(['runScheduledWork']);
    expect(rt.properties.document.has(CONTINUATION_KEY)).toBe(true);
    rt.fireDueTriggers(rt.clock.now().getTime() + 6 * HOUR);
    expect(rt.properties.document.has(CHECKPOINT_KEY)).toBe(false);
  });
});

describe('Run log', () => {
  test('keeps only the last 500 runs', () => {
    const rt = summariesWorkbook([], KPI_FIXTURE_NOW);
    const ss = rt.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    rt.run('removeTriggers'); // creates the Run log with one row
    const log = ss.getSheetByName(SHEETS.runLog);
    if (!log) throw new Error('no Run log');
    const old = Array.from({ length: 505 }, (_, i) => [
      new Date(2026, 0, 1),
      `old${i}`,
      0,
      '',
      'OK',
      '',
    ]);
    log.insertRowsAfter(log.getMaxRows(), 600);
    log.getRange(3, 1, old.length, 6).setValues(old);
    rt.run('removeTriggers');
    const values = sheetValues(rt, SHEETS.runLog) ?? [];
    expect(values).toHaveLength(501);
    expect(values[0][0]).toBe('Start');
    expect(values[500][1]).toBe('removeTriggers');
    expect(values[1][1]).toBe('old6'); // 1 + 505 + 1 = 507 runs: the oldest 7 dropped
  });
});
