/**
 * Issue 12 items 10 and 13 on the BUILT bundle: every median, p90 and rate shows the n behind it on
 * the Summary tab, in the weekly email and on the dashboard; below the "Minimum n for a KPI"
 * setting (default 5) it reads "too few to tell"; the Summary counts rows with no usable date.
 */
import type { Runtime } from '../../packages/gas-runtime/src';
import { HEADERS, SHEETS } from '../../src/domain/schema';
import { KPI_FIXTURE_NOW, kpiFixtureRows } from '../fixtures/kpi-fixture';
import { sheetValues } from '../helpers/runtime';
import { setSetting, summariesWorkbook } from './summariesHelpers';

function kpiTable(rt: Runtime): { header: unknown[]; row: (label: string) => unknown[] } {
  const summary = sheetValues(rt, SHEETS.summary) ?? [];
  const at = summary.findIndex((r) => r[0] === 'KPI');
  return {
    header: summary[at],
    row: (label) => summary.find((r) => r[0] === label) ?? [],
  };
}

function workbook(minN?: number, extra: unknown[][] = [], addon?: boolean): Runtime {
  const rt = summariesWorkbook([...kpiFixtureRows(), ...extra], KPI_FIXTURE_NOW, { addon });
  if (minN !== undefined) setSetting(rt, 'Minimum n for a KPI', minN);
  setSetting(rt, 'Weekly email recipients', 'lead@example.gov');
  setSetting(rt, 'Dashboard published', true);
  rt.run('refreshSummaries');
  return rt;
}

describe('KPIs show their n; below the minimum n they read "too few to tell"', () => {
  it('Summary: n columns per period, the default minimum is 5, and the setting applies', () => {
    const rt = workbook();
    const { header, row } = kpiTable(rt);
    expect(header.slice(5, 8)).toEqual(['n, Last week', 'n, Last 4 weeks', 'n, All time']);
    // Last week of the fixture: 10 requests, 8 first responses measured, 7 resolutions.
    expect(row('Standardized rate')[5]).toBe(10);
    expect(row('First response, p90 (business hours)')[5]).toBe(8);
    expect(row('First response, p90 (business hours)')[1]).toBeCloseTo(4.15, 9);
    expect(row('Time to resolution, median (days)')[5]).toBe(7);
    // Counts are their own n: no n column value.
    expect(row('Requests')[5]).toBe('');
    expect(row('Time spent (minutes)')[5]).toBe('');

    const strict = workbook(8);
    const s = kpiTable(strict);
    expect(s.row('First response, p90 (business hours)')[1]).toBeCloseTo(4.15, 9); // n = 8
    expect(s.row('Time to resolution, median (days)')[1]).toBe('too few to tell'); // n = 7
    expect(s.row('Docs answer rate')[1]).toBe('too few to tell');
    expect(s.row('Time to resolution, median (days)')[5]).toBe(7);
    const summary = sheetValues(strict, SHEETS.summary) ?? [];
    expect(summary.some((r) => String(r[0]).includes('fewer than 8 requests'))).toBe(true);
  });

  it('weekly email: the n beside every median, p90 and rate; "too few to tell" below the minimum', () => {
    const rt = workbook(8);
    rt.runAs({ kind: 'trigger' }, 'sendWeeklySummary');
    expect(rt.outbox.messages).toHaveLength(1);
    const m = rt.outbox.messages[0];
    const text = m.body ?? '';
    expect(text).toContain('- First response, median (business hours): 1.3 h (n = 8)');
    expect(text).toContain('- Time to resolution, median: too few to tell (n = 7)');
    expect(text).toContain('from fewer than 8 it shows "too few to tell"');
    expect(m.htmlBody).toMatch(/>too few to tell<\/td><td[^>]*>n = 7<\/td>/);
    // A value hidden as too few is never judged against its goal.
    expect(text).not.toMatch(/too few to tell \(n = \d+; goal [^)]*(met|below goal)/);
  });

  it('dashboard: cards and JSON carry n; too few hides the value', () => {
    // The web app is the bound build's (issue 13: the add-on has the Dashboard tab).
    const rt = workbook(8, [], false);
    const html = rt.get().content;
    expect(html).toContain('<span class="n">n = 7</span>');
    expect(html).toContain('too few to tell');
    const json = JSON.parse(rt.get({ format: 'json' }).content);
    const ttr = json.kpis.find((k: { key: string }) => k.key === 'ttrMedianDays');
    expect(ttr).toMatchObject({ n: 7, tooFew: true, value: null });
    const frt = json.kpis.find((k: { key: string }) => k.key === 'frtMedianBusinessHours');
    expect(frt.n).toBe(8);
    expect(frt.tooFew).toBe(false);
    expect(frt.value).toBeCloseTo(1.25, 9);
    expect(json.minN).toBe(8);
  });
});

describe('Summary counts rows with no usable date (item 13)', () => {
  it('shows how many rows have neither Requested at nor Logged at as a date', () => {
    const undated = (summary: string): unknown[] => {
      const r: unknown[] = HEADERS.map(() => '');
      r[HEADERS.indexOf('Summary')] = summary;
      r[HEADERS.indexOf('Requested at')] = 'sometime in spring';
      return r;
    };
    const rt = workbook(undefined, [undated('a'), undated('b'), undated('c')]);
    const summary = sheetValues(rt, SHEETS.summary) ?? [];
    const line = summary.find((r) => r[0] === 'Rows with no usable date') ?? [];
    // The fixture itself has one undated row.
    expect(line[3]).toBe(4);
    const base = (sheetValues(workbook(), SHEETS.summary) ?? []).find(
      (r) => r[0] === 'Rows with no usable date',
    );
    expect(base?.[3]).toBe(1);
  });
});
