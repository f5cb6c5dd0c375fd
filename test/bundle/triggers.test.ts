/**
 * Issue #5 acceptance 4 through the BUILT bundle: installTriggers run twice leaves exactly the
 * intended triggers, a user's own unrelated trigger survives, Settings changes replace only ours,
 * removeTriggers removes only ours, and the daily trigger really refreshes the summaries.
 */
import type { Runtime } from '../../runtime';
import { SHEETS } from '../../src/domain/schema';
import { KPI_FIXTURE_NOW, kpiFixtureRows } from '../fixtures/kpi-fixture';
import { sheetValues } from '../helpers/runtime';
import { setSetting, summariesWorkbook } from './summariesHelpers';

const USER = 'lead@example.gov';

/** Adds an hourly clock trigger of USER's for `handler` directly to the runtime; returns its id. */
function addUserTrigger(rt: Runtime, handler = 'myOwnReport'): string {
  return rt.triggers.add({
    handler,
    user: USER,
    source: 'CLOCK',
    eventType: 'CLOCK',
    sourceId: '',
    clock: { kind: 'hours', n: 1, timeZone: 'America/New_York' },
    created: rt.clock.now().getTime(),
  }).id;
}

function ours(rt: Runtime): { handler: string; clock: unknown }[] {
  return rt.triggers.triggers
    .filter((t) => t.handler !== 'myOwnReport')
    .map((t) => ({ handler: t.handler, clock: t.clock }))
    .sort((a, b) => a.handler.localeCompare(b.handler));
}

describe('installTriggers / removeTriggers', () => {
  test('twice: exactly the intended triggers, the user trigger survives', () => {
    const rt = summariesWorkbook([], KPI_FIXTURE_NOW);
    const userId = addUserTrigger(rt);
    rt.run('installTriggers');
    const first = ours(rt);
    const ids = rt.triggers.triggers.map((t) => t.id);
    rt.run('installTriggers');
    expect(rt.triggers.triggers.map((t) => t.id)).toEqual(ids); // nothing deleted or created
    expect(ours(rt)).toEqual(first);
    expect(first.map((t) => t.handler)).toEqual(['refreshSummaries', 'sendWeeklySummary']);
    const [daily, weekly] = first.map((t) => t.clock as Record<string, unknown>);
    expect(daily).toMatchObject({ kind: 'days', n: 1, timeZone: 'America/New_York' });
    expect(typeof daily.hour).toBe('number');
    expect(weekly).toMatchObject({ kind: 'weeks', n: 1, timeZone: 'America/New_York' });
    expect(typeof weekly.weekday).toBe('number');
    expect(rt.triggers.triggers.some((t) => t.id === userId)).toBe(true);
    const log = (sheetValues(rt, SHEETS.runLog) ?? [])
      .slice(1)
      .filter((r) => r[1] === 'installTriggers');
    expect(log.map((r) => r[5])).toEqual([
      'kept 0, created 2, removed 0',
      'kept 2, created 0, removed 0',
    ]);
  });

  test('a changed Settings hour replaces only the stale trigger; stray duplicates of ours go', () => {
    const rt = summariesWorkbook([], KPI_FIXTURE_NOW);
    addUserTrigger(rt);
    rt.run('installTriggers');
    const weeklyId = rt.triggers.triggers.find((t) => t.handler === 'sendWeeklySummary')?.id;
    // A duplicate of ours made by hand (not recorded): removed as stale.
    addUserTrigger(rt, 'refreshSummaries');
    setSetting(rt, 'Daily refresh hour', 5);
    rt.run('installTriggers');
    const refresh = rt.triggers.triggers.filter((t) => t.handler === 'refreshSummaries');
    expect(refresh).toHaveLength(1);
    expect(refresh[0].clock).toMatchObject({ kind: 'days', hour: 5 });
    expect(rt.triggers.triggers.find((t) => t.handler === 'sendWeeklySummary')?.id).toBe(weeklyId);
    expect(rt.triggers.triggers.filter((t) => t.handler === 'myOwnReport')).toHaveLength(1);
  });

  test('removeTriggers removes only ours', () => {
    const rt = summariesWorkbook([], KPI_FIXTURE_NOW);
    addUserTrigger(rt);
    rt.run('installTriggers');
    expect(rt.run('removeTriggers')).toBe(2);
    expect(rt.triggers.triggers.map((t) => t.handler)).toEqual(['myOwnReport']);
    expect(rt.run('removeTriggers')).toBe(0);
  });

  test('the daily trigger fires refreshSummaries, which builds the tabs and logs a run', () => {
    const rt = summariesWorkbook(kpiFixtureRows(), KPI_FIXTURE_NOW);
    rt.run('installTriggers');
    const fired = rt.fireDueTriggers(KPI_FIXTURE_NOW.getTime() + 24 * 3600 * 1000);
    const refresh = fired.filter((f) => f.handler === 'refreshSummaries');
    expect(refresh).toHaveLength(1);
    expect(refresh[0].ok).toBe(true);
    expect(
      (sheetValues(rt, SHEETS.summary) ?? []).find((r) => r[0] === 'Requests')?.slice(1, 4),
    ).toEqual([10, 25, 40]);
    const log = (sheetValues(rt, SHEETS.runLog) ?? [])
      .slice(1)
      .filter((r) => r[1] === 'refreshSummaries');
    expect(log).toHaveLength(1);
    expect(log[0][4]).toBe('OK');
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
