/**
 * Issue #5 acceptance 2, 3 and 5 through the BUILT bundle in the local runtime: refreshSummaries
 * builds Summary / By topic / By team / Trends idempotently, shows clear empty states, survives an
 * injected failure without touching the previous tabs, and its service calls do not grow with rows.
 */
import type { Runtime } from '../../packages/gas-runtime/src';
import type { CallStats } from '../../packages/gas-runtime/src/tracker';
import { SHEETS } from '../../src/domain/schema';
import type { RefreshResult } from '../../src/gas/summaries';
import { GENERATED_PROTECTION, LAYOUT_KEY } from '../../src/gas/summaries';
import { KPI_FIXTURE_NOW, kpiFixtureRows } from '../fixtures/kpi-fixture';
import { ADDON_BUILD, sheetValues } from '../helpers/runtime';
import { creationCalls, setSetting, summariesWorkbook, workbookSnapshot } from './summariesHelpers';

/** The add-on build also maintains the Dashboard tab (issue 13). */
const DASHBOARD_TAB = ADDON_BUILD ? 1 : 0;

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function sheet(rt: Runtime, name: string): Sheet {
  const s = (rt.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet).getSheetByName(
    name,
  );
  if (!s) throw new Error(`no tab ${name}`);
  return s;
}
const GENERATED = [SHEETS.summary, SHEETS.byTopic, SHEETS.byTeam, SHEETS.trends];

describe('refreshSummaries on the hand-built fixture', () => {
  let rt: Runtime;
  beforeAll(() => {
    rt = summariesWorkbook(kpiFixtureRows(), KPI_FIXTURE_NOW);
    rt.run('refreshSummaries');
  });

  test('builds the four tabs with the KPI table, charts and native pivots', () => {
    const names = rt.spreadsheet._sheetNames();
    for (const n of GENERATED) expect(names).toContain(n);
    const summary = sheetValues(rt, SHEETS.summary) ?? [];
    const kpiHeader = summary.findIndex((r) => r[0] === 'KPI');
    expect(summary[kpiHeader].slice(0, 5)).toEqual([
      'KPI',
      'Last week (2026-11-16 to 2026-11-22)',
      'Last 4 weeks (2026-10-26 to 2026-11-22)',
      'All time',
      'Goal',
    ]);
    expect(summary[kpiHeader + 1].slice(0, 4)).toEqual(['Requests', 10, 25, 40]);
    const std = summary.find((r) => r[0] === 'Standardized rate') ?? [];
    expect(std[1]).toBeCloseTo(0.9, 12);
    expect(std[4]).toBe('≥ 95%');
    const frt = summary.find((r) => r[0] === 'First response, p90 (business hours)') ?? [];
    expect(frt[1]).toBeCloseTo(4.15, 9);
    // compile time is shown
    expect(summary[1][4]).toBe('Compile time (s)');
    expect(typeof summary[1][5]).toBe('number');

    const s = sheet(rt, SHEETS.summary);
    const charts = s.getCharts();
    expect(charts).toHaveLength(4);
    for (const c of charts) {
      // charts sit right of the tables (columns A-F), never over them
      expect(c.getContainerInfo().getAnchorColumn()).toBeGreaterThan(6);
    }
    expect(sheet(rt, SHEETS.trends).getCharts()).toHaveLength(1);
    expect(sheet(rt, SHEETS.byTopic).getPivotTables()).toHaveLength(4);
    expect(sheet(rt, SHEETS.byTeam).getPivotTables()).toHaveLength(2);
  });

  test('pivots show numbers computed by Sheets (the runtime)', () => {
    const byTopic = sheetValues(rt, SHEETS.byTopic) ?? [];
    // Time spent (min) by topic at A5: CI Error = L1 30 + L2 15 + L6 45 + F1 30 + E1 20 + D1 30 + T1 15 + M1 20
    const ci = byTopic.find((r) => r[0] === 'CI Error');
    expect(ci?.[1]).toBe(205);
    const total = byTopic.find((r) => r[0] === 'Grand Total');
    expect(total?.[1]).toBe(610);
  });

  test('generated tabs carry a warning-only protection and the note', () => {
    for (const name of GENERATED) {
      const s = sheet(rt, name);
      const prot = s.getProtections(
        (rt.services.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).ProtectionType
          .SHEET,
      );
      expect(prot).toHaveLength(1);
      expect(prot[0].isWarningOnly()).toBe(true);
      expect(prot[0].getDescription()).toBe(GENERATED_PROTECTION);
      expect(s.getRange(1, 1).getNote()).toMatch(/edits are overwritten/);
    }
  });

  test('acceptance 2: a second run gives an identical workbook (values, formats, charts, pivots)', () => {
    const before = workbookSnapshot(rt);
    rt.run('refreshSummaries');
    const after = workbookSnapshot(rt);
    // Only the compile time and the Run log may differ.
    expect(after.generated).toEqual(before.generated);
    expect(after.formats).toEqual(before.formats);
    expect(after.names).toEqual(before.names);
    expect(Object.values(after.charts).flat()).toHaveLength(5);
    expect(Object.values(after.pivots).flat()).toHaveLength(6);
    expect(after.charts).toEqual(before.charts);
    expect(after.pivots).toEqual(before.pivots);
    expect(after.protections).toEqual(before.protections);
    expect(after.others).toEqual(before.others);
    expect(Object.keys(after.others)).toContain(SHEETS.dataQuality);
  });

  test('the Run log has one row per run', () => {
    const log = sheetValues(rt, SHEETS.runLog) ?? [];
    expect(log[0]).toEqual(['Start', 'Function', 'Duration (s)', 'Rows', 'Outcome', 'Error']);
    const runs = log.slice(1).filter((r) => r[1] === 'refreshSummaries');
    expect(runs).toHaveLength(2);
    expect(runs[0][3]).toBe(40);
    expect(runs[0][4]).toBe('OK');
  });
});

describe('Settings drive the report', () => {
  test('week start, SLA hours and goals come from the Settings tab', () => {
    const rt = summariesWorkbook(kpiFixtureRows(), KPI_FIXTURE_NOW);
    setSetting(rt, 'Week start', 'Sunday');
    setSetting(rt, 'SLA hours to acknowledge', 2);
    setSetting(rt, 'Standardized goal (%)', 90);
    rt.run('refreshSummaries');
    const summary = sheetValues(rt, SHEETS.summary) ?? [];
    const header = summary.find((r) => r[0] === 'KPI') ?? [];
    // Sunday weeks: the last complete week is Sun 11-15 .. Sat 11-21
    expect(header[1]).toBe('Last week (2026-11-15 to 2026-11-21)');
    expect(summary.find((r) => r[0] === 'Standardized rate')?.[4]).toBe('≥ 90%');
    const sla = summary.find((r) => r[0] === 'Acknowledged within SLA (2 business hours)');
    expect(sla?.[4]).toMatch(/^≥ \d+%$/);
    expect(summary.find((r) => r[0] === 'First response, p90 (business hours)')?.[4]).toBe('≤ 2 h');
  });
});

describe('acceptance 3: empty states', () => {
  test('an empty data tab', () => {
    const rt = summariesWorkbook([], KPI_FIXTURE_NOW);
    const result = rt.run('refreshSummaries') as RefreshResult;
    expect(result.rows).toBe(0);
    const summary = (sheetValues(rt, SHEETS.summary) ?? []).flat();
    expect(summary).toContain(
      'No requests yet: the data tab has no rows. Log a request or import your sheet, then refresh.',
    );
    expect((sheetValues(rt, SHEETS.trends) ?? [])[2][0]).toMatch(/No requests yet/);
    expect((sheetValues(rt, SHEETS.byTopic) ?? [])[2][0]).toMatch(/No requests yet/);
  });
  test('a single row', () => {
    const rt = summariesWorkbook([kpiFixtureRows()[0]], KPI_FIXTURE_NOW);
    rt.run('refreshSummaries');
    const summary = sheetValues(rt, SHEETS.summary) ?? [];
    expect(summary.flat()).toContain(
      'Only 1 request so far: medians and percentiles are that single value until more requests arrive.',
    );
    expect(summary.find((r) => r[0] === 'Requests')?.slice(1, 4)).toEqual([1, 1, 1]);
  });
  test('rows that are all non-standard', () => {
    const rows = kpiFixtureRows().map((r) => {
      const c = r.slice();
      c[7] = "'=1+1"; // Topic "=1+1" (stored literally): not a list value, and Sheets would parse it
      return c;
    });
    const rt = summariesWorkbook(rows, KPI_FIXTURE_NOW);
    rt.run('refreshSummaries');
    const summary = sheetValues(rt, SHEETS.summary) ?? [];
    expect(summary.flat().join(' ')).toMatch(/None of the 40 rows is standardized yet/);
    expect(summary.find((r) => r[0] === 'Standardized rate')?.slice(1, 4)).toEqual([0, 0, 0]);
    // the topic label is stored as typed text in a plain-text cell, not as a formula
    const topics = summary.findIndex((r) => r[0] === 'Top 10 topics (all time)');
    expect(summary[topics + 2].slice(0, 2)).toEqual(['=1+1', 40]);
  });
  test('shrinking data leaves no stale rows behind', () => {
    const rt = summariesWorkbook(kpiFixtureRows(), KPI_FIXTURE_NOW);
    rt.run('refreshSummaries');
    const data = sheet(rt, 'Requests');
    data.getRange(2, 1, data.getLastRow() - 1, data.getLastColumn()).clearContent();
    rt.run('refreshSummaries');
    const fresh = summariesWorkbook([], KPI_FIXTURE_NOW);
    fresh.run('refreshSummaries');
    const strip = (v: unknown[][]): unknown[][] => v.filter((_, i) => i !== 1); // compile-time row
    expect(strip(sheetValues(rt, SHEETS.summary) ?? [])).toEqual(
      strip(sheetValues(fresh, SHEETS.summary) ?? []),
    );
  });
});

describe('acceptance 5: a failure mid-refresh', () => {
  /** One more request in the last complete week: changes Summary and Trends. */
  function addRequest(rt: Runtime): void {
    const extra = kpiFixtureRows()[0].map((v, c) => (c === 0 ? 'NEW-1' : v));
    sheet(rt, 'Requests').getRange(42, 1, 1, extra.length).setValues([extra]);
  }
  /** The generated blocks: whole Summary and Trends, the 4 header rows of the pivot tabs. */
  function blocks(rt: Runtime): Record<string, unknown[][]> {
    const g = workbookSnapshot(rt).generated;
    return {
      [SHEETS.summary]: g[SHEETS.summary],
      [SHEETS.trends]: g[SHEETS.trends],
      [SHEETS.byTopic]: g[SHEETS.byTopic].slice(0, 4),
      [SHEETS.byTeam]: g[SHEETS.byTeam].slice(0, 4),
    };
  }
  function lastLogRow(rt: Runtime): unknown[] {
    // The setup's own row (issue 10) precedes the runs under test.
    const log = (sheetValues(rt, SHEETS.runLog) ?? [])
      .slice(1)
      .filter((r) => r[1] !== 'setUpSheet');
    return log[log.length - 1];
  }

  test('before any write: previous tabs intact, Run log row written, error rethrown', () => {
    const rt = summariesWorkbook(kpiFixtureRows(), KPI_FIXTURE_NOW);
    rt.run('refreshSummaries');
    const before = blocks(rt);
    const shape = workbookSnapshot(rt);
    addRequest(rt);
    rt.interleave(
      (call) => call.name === 'Range.setNumberFormats',
      () => {
        throw new Error('Injected failure: service unavailable');
      },
    );
    expect(() => rt.run('refreshSummaries')).toThrow(/Injected failure/);
    expect(blocks(rt)).toEqual(before);
    const after = workbookSnapshot(rt);
    expect(after.names).toEqual(shape.names);
    expect(after.charts).toEqual(shape.charts);
    expect(after.pivots).toEqual(shape.pivots);
    const last = lastLogRow(rt);
    expect(last[1]).toBe('refreshSummaries');
    expect(last[4]).toBe('Error');
    expect(last[5]).toMatch(/Injected failure/);
    // The next run succeeds and catches up.
    rt.run('refreshSummaries');
    expect(
      (sheetValues(rt, SHEETS.summary) ?? []).find((r) => r[0] === 'Requests')?.slice(1, 4),
    ).toEqual([11, 26, 41]);
  });

  test('during the writes: every tab is entirely old or entirely new, never mixed', () => {
    const rt = summariesWorkbook(kpiFixtureRows(), KPI_FIXTURE_NOW);
    rt.run('refreshSummaries');
    const before = blocks(rt);
    addRequest(rt);
    let n = 0;
    rt.interleave(
      (call) => call.name === 'Range.setValues' && ++n === 2, // Summary written, By topic fails
      () => {
        throw new Error('Injected failure: quota');
      },
    );
    expect(() => rt.run('refreshSummaries')).toThrow(/Injected failure/);
    const after = blocks(rt);
    const fresh = summariesWorkbook(kpiFixtureRows(), KPI_FIXTURE_NOW);
    addRequest(fresh);
    fresh.run('refreshSummaries');
    const expectedNew = blocks(fresh);
    expect(after[SHEETS.summary]).toEqual(expectedNew[SHEETS.summary]);
    expect(after[SHEETS.trends]).toEqual(before[SHEETS.trends]);
    expect(after[SHEETS.trends]).not.toEqual(expectedNew[SHEETS.trends]);
    expect(lastLogRow(rt)[4]).toBe('Error');
  });

  test('a failure after a tab grew: the next run still blanks what that run wrote', () => {
    const rt = summariesWorkbook([], KPI_FIXTURE_NOW);
    rt.run('refreshSummaries'); // empty state: small Summary and Trends
    const data = sheet(rt, 'Requests');
    const rows = kpiFixtureRows();
    data.getRange(2, 1, rows.length, rows[0].length).setValues(rows);
    rt.interleave(
      (call) => call.name === 'Sheet.clearContents', // Data quality, after every generated tab
      () => {
        throw new Error('Injected failure: late');
      },
    );
    expect(() => rt.run('refreshSummaries')).toThrow(/Injected failure/);
    data.getRange(2, 1, rows.length, rows[0].length).clearContent();
    rt.run('refreshSummaries');
    const fresh = summariesWorkbook([], KPI_FIXTURE_NOW);
    fresh.run('refreshSummaries');
    const strip = (v: unknown[][]): unknown[][] => v.filter((_, i) => i !== 1); // compile-time row
    expect(sheetValues(rt, SHEETS.trends)).toEqual(sheetValues(fresh, SHEETS.trends));
    expect(strip(sheetValues(rt, SHEETS.summary) ?? [])).toEqual(
      strip(sheetValues(fresh, SHEETS.summary) ?? []),
    );
  });

  test('a failing triggered run is logged and emails the owner at most once a day', () => {
    const rt = summariesWorkbook(kpiFixtureRows(), KPI_FIXTURE_NOW);
    rt.spreadsheet.deleteSheet(sheet(rt, 'Requests')); // the data tab disappears
    const event = { triggerUid: 'trigger-1', authMode: 'FULL' };
    expect(rt.run('refreshSummaries', event)).toBeUndefined();
    expect(rt.run('refreshSummaries', event)).toBeUndefined();
    // The setup's own row (issue 10) precedes the runs under test.
    const log = (sheetValues(rt, SHEETS.runLog) ?? [])
      .slice(1)
      .filter((r) => r[1] !== 'setUpSheet');
    expect(log.map((r) => r[4])).toEqual(['Error', 'Error']);
    expect(String(log[0][5])).toMatch(/data tab 'Requests' was not found/);
    expect(rt.outbox.messages).toHaveLength(1);
    expect(rt.outbox.messages[0].subject).toBe('Support Tracker: refreshSummaries failed');
    rt.clock.advance(24 * 3600 * 1000);
    rt.run('refreshSummaries', event);
    expect(rt.outbox.messages).toHaveLength(2);
  });
});

describe('concurrent refreshes', () => {
  test('a second refresh while one is writing waits, then skips with a Run log row', () => {
    const rt = summariesWorkbook(kpiFixtureRows(), KPI_FIXTURE_NOW);
    let inner: unknown = 'not run';
    rt.interleave(
      (call) => call.name === 'Range.setNumberFormats',
      () => {
        inner = rt.run('refreshSummaries');
      },
    );
    const outer = rt.run('refreshSummaries') as RefreshResult;
    expect(outer.rows).toBe(40);
    expect(inner).toBeUndefined();
    // The setup's own row (issue 10) precedes the runs under test.
    const log = (sheetValues(rt, SHEETS.runLog) ?? [])
      .slice(1)
      .filter((r) => r[1] !== 'setUpSheet');
    expect(log.map((r) => r[4])).toEqual(['Skipped', 'OK']);
    expect(String(log[0][5])).toMatch(/busy/);
    expect(sheet(rt, SHEETS.summary).getCharts()).toHaveLength(4);
  });
});

describe('service calls do not grow with the row count', () => {
  /** Calls of the first run (creates tabs, protections, charts, pivots) and of a rerun. */
  let counts: { first: CallStats; rerun: CallStats }[] = [];
  beforeAll(() => {
    counts = [1000, 100000].map((n) => {
      const rt = summariesWorkbook(scaledRows(n), KPI_FIXTURE_NOW);
      rt.run('refreshSummaries');
      const first = rt.tracker.snapshot();
      rt.tracker.reset();
      rt.run('refreshSummaries');
      return { first, rerun: rt.tracker.snapshot() };
    });
  });

  test('1,000 vs 100,000 rows: same calls (±2), at most 100, one read of the data tab', () => {
    expect(Math.abs(counts[0].rerun.calls - counts[1].rerun.calls)).toBeLessThanOrEqual(2);
    expect(Math.abs(counts[0].first.calls - counts[1].first.calls)).toBeLessThanOrEqual(2);
    for (const c of counts) {
      expect(c.rerun.calls).toBeLessThanOrEqual(100);
      expect(c.rerun.byMethod['Range.getValues']).toBeLessThanOrEqual(8); // data tab once + config tabs
      expect(c.first.byMethod['Range.getValues']).toBeLessThanOrEqual(8);
      // A rerun keeps the tabs, charts and pivots: it creates nothing.
      expect(creationCalls(c.rerun.byMethod)).toBe(0);
    }
  });

  test('first run: besides creating 4 tabs, 4 protections, 5 charts and 6 pivots, at most 100 calls', () => {
    for (const { first } of counts) {
      const m = first.byMethod;
      // exactly one creation chain per object, nothing created twice
      expect(m['Sheet.insertChart']).toBe(5);
      expect(m['Sheet.newChart']).toBe(5);
      expect(m['EmbeddedChartBuilder.setOption']).toBe(5); // one option (the title) per chart
      expect(m['Range.createPivotTable']).toBe(6);
      expect(m['Sheet.protect']).toBe(4 + DASHBOARD_TAB); // + the add-on's Dashboard tab
      // a tab created in this run is not searched for charts, pivots, protections or its extent
      expect(m['Sheet.getCharts'] ?? 0).toBe(0);
      expect(m['Sheet.getPivotTables'] ?? 0).toBe(0);
      expect(m['Sheet.getProtections'] ?? 0).toBe(0);
      expect(m['Sheet.getLastColumn'] ?? 0).toBe(0);
      expect(m['Sheet.getName'] ?? 0).toBeLessThanOrEqual(1); // Data quality's own
      expect(m['Spreadsheet.getNumSheets']).toBe(1);
      // tab + protection chains; 14 of the 91 are issue 12's pivot filters: 11 addFilter (the
      // grouped fields of the 6 pivots whose blanks are left out) and one "is not empty" criteria
      // chain of 3 calls.
      expect(m['PivotTable.addFilter']).toBe(11);
      expect(creationCalls(m)).toBe(91 + 4 * DASHBOARD_TAB);
      expect(first.calls - creationCalls(m)).toBeLessThanOrEqual(100);
    }
  });

  test('a rerun takes the old extent of Summary and Trends from the layout, not the sheet', () => {
    const rt = summariesWorkbook(kpiFixtureRows(), KPI_FIXTURE_NOW);
    rt.run('refreshSummaries');
    rt.tracker.reset();
    rt.run('refreshSummaries');
    expect(rt.tracker.snapshot().byMethod['Sheet.getLastColumn'] ?? 0).toBe(0);
    // A workbook refreshed by an older version has no extents recorded: the sheet's own extent is
    // read once, so leftovers below the new block are still blanked.
    const layout = JSON.parse(rt.properties.document.get(LAYOUT_KEY) ?? '{}') as Record<
      string,
      string
    >;
    expect(layout[`extent:${SHEETS.summary}`]).toMatch(/^\d+x8$/);
    for (const k of Object.keys(layout)) if (k.startsWith('extent:')) delete layout[k];
    rt.properties.document.set(LAYOUT_KEY, JSON.stringify(layout));
    const summary = sheet(rt, SHEETS.summary);
    const below = summary.getLastRow() + 5;
    summary.getRange(below, 2).setValue('stale');
    rt.tracker.reset();
    rt.run('refreshSummaries');
    // Summary, Trends (and the add-on's Dashboard)
    expect(rt.tracker.snapshot().byMethod['Sheet.getLastColumn']).toBe(2 + DASHBOARD_TAB);
    expect(summary.getRange(below, 2).getValue()).toBe('');
    expect(sheet(rt, SHEETS.summary).getCharts()).toHaveLength(4);
  });
});

/** The fixture's rows repeated (shifted back one hour per copy) up to n rows. */
function scaledRows(n: number): unknown[][] {
  const base = kpiFixtureRows();
  const out: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    const shift = Math.floor(i / base.length) * 3_600_000;
    out.push(
      base[i % base.length].map((v) => (v instanceof Date ? new Date(v.getTime() - shift) : v)),
    );
  }
  return out;
}
