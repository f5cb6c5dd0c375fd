/**
 * Robustness of the triggered operations through the BUILT bundle:
 * 1. invalid Settings are visible, consistently: refreshSummaries and sendWeeklySummary use the
 *    default and record a warning naming the cell (Run log row, alert from the menu); installTriggers
 *    ignores settings it does not need (a bad recipient) and refuses, naming the cell and changing
 *    nothing, when a schedule setting is invalid;
 * 2. triggers are per user: a second editor's installTriggers/removeTriggers does not create a
 *    second scheduler trigger (or touch the installer's) and says who installed it;
 * 3. the failure email is sent at most once a day even when two triggered runs fail at once.
 */
import type { Runtime } from '../../packages/gas-runtime/src';
import { RUN_LOG_HEADERS, SHEETS } from '../../src/domain/schema';
import type { RefreshResult } from '../../src/gas/summaries';
import type { TriggerReport } from '../../src/gas/triggers';
import type { WeeklyResult } from '../../src/gas/weekly';
import { KPI_FIXTURE_NOW, kpiFixtureRows } from '../fixtures/kpi-fixture';
import { sheetValues, adminProps } from '../helpers/runtime';
import { setSetting, summariesWorkbook } from './summariesHelpers';

const LEAD = 'lead@example.gov';
const OTHER = 'analyst@example.gov';
const OWNER_KEY = 'supportTracker.triggers.owner';
const TRIGGER_EVENT = { triggerUid: 'trigger-1', authMode: 'FULL' };

/** The Settings cell ("Settings!B7") of a setting, found by its label (host side). */
function settingCell(rt: Runtime, label: string): string {
  const values = sheetValues(rt, SHEETS.settings) ?? [];
  const row = values.findIndex((r) => String(r[0]).toLowerCase() === label.toLowerCase());
  if (row < 0) throw new Error(`no setting ${label}`);
  return `Settings!B${row + 1}`;
}

function runLog(rt: Runtime, fn?: string): Record<string, unknown>[] {
  const v = sheetValues(rt, SHEETS.runLog) ?? [];
  return (
    v
      .slice(1)
      .map((r) => Object.fromEntries(RUN_LOG_HEADERS.map((h, i) => [h, r[i]])))
      // The setup row (issue 10) precedes what these tests are about.
      .filter((r) => r.Function !== 'setUpSheet')
      .filter((r) => fn === undefined || r.Function === fn)
  );
}

/**
 * Issue 11: installing and removing triggers is admin-only. These tests are about two admins, each
 * of whom may install, and the installer record between them.
 */
function bothAdmins(rt: Runtime): void {
  adminProps(rt).set('supportTracker.admins', JSON.stringify([LEAD, OTHER]));
}

function triggerSummary(rt: Runtime): string[] {
  return rt.triggers.triggers.map((t) => `${t.user} ${t.handler} ${JSON.stringify(t.clock)}`);
}

describe('1. invalid Settings: the default is used and the cell is named', () => {
  test('refreshSummaries from the menu: summaries built with the default, warning in the Run log and the alert', () => {
    const rt = summariesWorkbook(kpiFixtureRows(), KPI_FIXTURE_NOW);
    setSetting(rt, 'Week start', 'Funday');
    setSetting(rt, 'Weekly email recipients', 'not-an-address'); // not used by a refresh
    const cell = settingCell(rt, 'Week start');
    const result = rt.run('refreshSummaries') as RefreshResult;
    expect(result.rows).toBe(40);
    expect(result.settingsWarning).toBe(
      `Invalid setting(s), default used: ${cell}: 'Week start' must be a day of the week (Monday..Sunday), got 'Funday'.`,
    );
    // The default week start (Monday) was used: the same numbers as with valid settings.
    expect(
      (sheetValues(rt, SHEETS.summary) ?? []).find((r) => r[0] === 'Requests')?.slice(1, 4),
    ).toEqual([10, 25, 40]);
    const [row] = runLog(rt, 'refreshSummaries');
    expect(row.Outcome).toBe('OK');
    expect(row.Error).toBe(result.settingsWarning);
    const alert = rt.ui.alerts.find((a) => a.title === 'Summaries refreshed with default settings');
    expect(alert?.prompt).toContain(`${cell}: 'Week start' must be a day of the week`);
  });

  test('refreshSummaries from the trigger: the warning is in the Run log row, no alert', () => {
    const rt = summariesWorkbook(kpiFixtureRows(), KPI_FIXTURE_NOW);
    setSetting(rt, 'SLA hours to acknowledge', 'soon');
    const cell = settingCell(rt, 'SLA hours to acknowledge');
    rt.ui.alerts.length = 0;
    const result = rt.run('refreshSummaries', TRIGGER_EVENT) as RefreshResult;
    expect(result.rows).toBe(40);
    const [row] = runLog(rt, 'refreshSummaries');
    expect(row.Outcome).toBe('OK');
    expect(String(row.Error)).toMatch(
      new RegExp(`^Invalid setting\\(s\\), default used: ${cell}: 'SLA hours to acknowledge'`),
    );
    expect(rt.ui.alerts).toEqual([]);
  });

  test('valid settings: no warning', () => {
    const rt = summariesWorkbook(kpiFixtureRows(), KPI_FIXTURE_NOW);
    const result = rt.run('refreshSummaries') as RefreshResult;
    expect(result.settingsWarning).toBe('');
    expect(runLog(rt, 'refreshSummaries')[0].Error).toBe('');
  });

  test('sendWeeklySummary: bad addresses skipped naming their cell, other invalid settings defaulted and named', () => {
    const rt = summariesWorkbook(kpiFixtureRows(), KPI_FIXTURE_NOW);
    setSetting(rt, 'Weekly email recipients', `${LEAD}, not-an-address`);
    setSetting(rt, 'Week start', 'Funday');
    const recipients = settingCell(rt, 'Weekly email recipients');
    const weekStart = settingCell(rt, 'Week start');
    const result = rt.run('sendWeeklySummary', TRIGGER_EVENT) as WeeklyResult;
    expect(result.outcome).toBe('sent');
    expect(rt.outbox.messages).toHaveLength(1);
    expect(rt.outbox.messages[0].to).toEqual([LEAD]);
    expect(result.message).toContain(
      `Skipped invalid address(es): not-an-address. Fix them in ${recipients}.`,
    );
    expect(result.message).toContain(
      `Invalid setting(s), default used: ${weekStart}: 'Week start' must be a day of the week`,
    );
    const [row] = runLog(rt, 'sendWeeklySummary');
    expect(row.Outcome).toBe('OK');
    expect(row.Error).toBe(result.message);
    // From the menu, the alert carries the same warning.
    rt.run('sendTestWeeklySummary');
    const alert = rt.ui.alerts.filter((a) => a.title === 'Weekly summary').pop();
    expect(alert?.prompt).toContain(`${weekStart}: 'Week start'`);
  });

  test('installTriggers is not stopped by an invalid recipient address', () => {
    const rt = summariesWorkbook([], KPI_FIXTURE_NOW);
    setSetting(rt, 'Weekly email recipients', 'not-an-address');
    const report = rt.run('installTriggers') as TriggerReport;
    expect(report.refused).toBeUndefined();
    expect(report.created).toBe(1);
    expect(rt.triggers.handlers()).toEqual(['runScheduledWork']);
    expect(runLog(rt, 'installTriggers')[0].Outcome).toBe('OK');
  });

  test.each([
    ['Daily refresh hour', 25, 'must be a whole hour'],
    ['Weekly email day', 'Someday', 'must be a day of the week'],
    ['Weekly email hour', 'noon-ish', 'must be a whole hour'],
  ])(
    'installTriggers refuses an invalid %s, naming the cell, changing nothing',
    (label, value, why) => {
      const rt = summariesWorkbook([], KPI_FIXTURE_NOW);
      rt.run('installTriggers');
      const before = triggerSummary(rt);
      const props = new Map(rt.properties.document);
      setSetting(rt, label, value);
      const cell = settingCell(rt, label);
      const report = rt.run('installTriggers') as TriggerReport;
      expect(report).toMatchObject({ kept: 0, created: 0, removed: 0 });
      expect(report.refused).toMatch(
        new RegExp(`^Triggers not installed: ${cell}: '${label}' ${why}`),
      );
      expect(triggerSummary(rt)).toEqual(before);
      expect(new Map(rt.properties.document)).toEqual(props);
      const last = runLog(rt, 'installTriggers').pop();
      expect(last?.Outcome).toBe('Skipped: invalid setting');
      expect(last?.Error).toBe(report.refused);
      expect(rt.ui.alerts.pop()).toMatchObject({
        title: 'Triggers not installed',
        prompt: report.refused,
      });
    },
  );
});

describe('2. triggers are per user: one set, installed by one user', () => {
  test("another editor's install creates no duplicate and names the installer", () => {
    const rt = summariesWorkbook(kpiFixtureRows(), KPI_FIXTURE_NOW);
    bothAdmins(rt);
    rt.run('installTriggers');
    const before = triggerSummary(rt);
    const props = new Map(rt.properties.document);
    const report = rt.runAs({ user: OTHER }, 'installTriggers') as TriggerReport;
    expect(report.created).toBe(0);
    expect(triggerSummary(rt)).toEqual(before); // no second set of the other user's
    expect(JSON.parse(rt.properties.document.get(OWNER_KEY) ?? '{}')).toMatchObject({
      email: LEAD,
      handlers: ['runScheduledWork'],
    });
    expect(report.refused).toMatch(
      /^Triggers are installed by lead@example\.gov; ask them to change or remove them\./,
    );
    expect(triggerSummary(rt)).toEqual(before);
    expect(new Map(rt.properties.document)).toEqual(props);
    expect(rt.ui.alerts.pop()).toMatchObject({
      title: 'Triggers not changed',
      prompt: report.refused,
    });
    expect(runLog(rt, 'installTriggers').pop()?.Outcome).toBe('Skipped: installed by another user');
    // Their removeTriggers changes nothing either.
    expect(rt.runAs({ user: OTHER }, 'removeTriggers')).toBe(0);
    expect(triggerSummary(rt)).toEqual(before);
    expect(new Map(rt.properties.document)).toEqual(props);
    // The daily refresh runs once a day, not twice.
    rt.fireDueTriggers(KPI_FIXTURE_NOW.getTime() + 24 * 3600 * 1000);
    expect(runLog(rt, 'refreshSummaries')).toHaveLength(1);
  });

  test('the refusal alert is shown after the document lock is released', () => {
    const rt = summariesWorkbook([], KPI_FIXTURE_NOW);
    bothAdmins(rt);
    rt.run('installTriggers');
    let holderDuringAlert: number | null | 'no alert' = 'no alert';
    rt.interleave(
      (call) => call.name === 'Ui.alert',
      () => {
        holderDuringAlert = rt.locks.holder('document');
      },
    );
    rt.runAs({ user: OTHER }, 'installTriggers');
    expect(holderDuringAlert).toBeNull();
  });

  test('a set installed before the installer was recorded is not duplicated either', () => {
    const rt = summariesWorkbook([], KPI_FIXTURE_NOW);
    bothAdmins(rt);
    rt.run('installTriggers');
    rt.properties.document.delete(OWNER_KEY); // as left by the previous version
    const before = triggerSummary(rt);
    const report = rt.runAs({ user: OTHER }, 'installTriggers') as TriggerReport;
    expect(report.refused).toMatch(/^Triggers are installed by another editor/);
    expect(triggerSummary(rt)).toEqual(before);
    // The installer's rerun keeps the set and records them.
    expect(rt.run('installTriggers')).toMatchObject({ kept: 1, created: 0, removed: 0 });
    expect(JSON.parse(rt.properties.document.get(OWNER_KEY) ?? '{}').email).toBe(LEAD);
  });

  test('the installer can reinstall; after they remove them, another editor can install', () => {
    const rt = summariesWorkbook([], KPI_FIXTURE_NOW);
    bothAdmins(rt);
    rt.run('installTriggers');
    const ids = rt.triggers.triggers.map((t) => t.id);
    expect((rt.run('installTriggers') as TriggerReport).kept).toBe(1);
    expect(rt.triggers.triggers.map((t) => t.id)).toEqual(ids);
    expect(rt.run('removeTriggers')).toBe(1);
    expect(rt.properties.document.has(OWNER_KEY)).toBe(false);
    const report = rt.runAs({ user: OTHER }, 'installTriggers') as TriggerReport;
    expect(report).toMatchObject({ created: 1, removed: 0 });
    expect(report.refused).toBeUndefined();
    expect(rt.triggers.triggers.map((t) => t.user)).toEqual([OTHER]);
    expect(JSON.parse(rt.properties.document.get(OWNER_KEY) ?? '{}').email).toBe(OTHER);
    // Now the first user is the other one.
    expect((rt.run('installTriggers') as TriggerReport).refused).toMatch(
      /^Triggers are installed by analyst@example\.gov;/,
    );
    expect(rt.triggers.triggers).toHaveLength(1);
  });
});

describe('3. the failure email is sent at most once a day under concurrency', () => {
  /** A workbook whose data tab is gone: every refresh and weekly email fails. */
  function broken(): Runtime {
    const rt = summariesWorkbook(kpiFixtureRows(), KPI_FIXTURE_NOW);
    setSetting(rt, 'Weekly email recipients', LEAD);
    const ss = rt.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    const data = ss.getSheetByName(SHEETS.data);
    if (!data) throw new Error('no data tab');
    ss.deleteSheet(data);
    return rt;
  }

  test('two triggered runs failing at once send one email; both failures are logged', () => {
    const rt = broken();
    // The weekly trigger fails while the refresh trigger is emailing about its own failure.
    rt.interleave(
      (call) => call.name === 'MailApp.sendEmail',
      () => {
        rt.run('sendWeeklySummary', { ...TRIGGER_EVENT, triggerUid: 'trigger-2' });
      },
    );
    expect(rt.run('refreshSummaries', TRIGGER_EVENT)).toBeUndefined();
    expect(rt.outbox.messages.map((m) => m.subject)).toEqual([
      'Support Tracker: refreshSummaries failed',
    ]);
    const log = runLog(rt);
    // The refresh logs its row, then emails (holding the lock) while the weekly run fails.
    expect(log.map((r) => `${r.Function} ${r.Outcome}`)).toEqual([
      'refreshSummaries Error',
      'sendWeeklySummary Error',
    ]);
    expect(String(log[1].Error)).toMatch(/data tab 'Requests' was not found/);
  });

  test('a busy lock skips the email (the Run log still has the failure); the next failure emails', () => {
    const rt = broken();
    rt.locks.hold('document');
    expect(rt.run('sendWeeklySummary', TRIGGER_EVENT)).toBeUndefined();
    expect(rt.outbox.messages).toHaveLength(0);
    expect(runLog(rt).map((r) => r.Outcome)).toEqual(['Error']);
    rt.locks.release('document');
    rt.run('sendWeeklySummary', TRIGGER_EVENT);
    rt.run('refreshSummaries', TRIGGER_EVENT);
    expect(rt.outbox.messages.map((m) => m.subject)).toEqual([
      'Support Tracker: sendWeeklySummary failed',
    ]);
    expect(runLog(rt).map((r) => r.Outcome)).toEqual(['Error', 'Error', 'Error']);
  });
});
