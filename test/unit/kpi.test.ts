/** KPI statistics, per-KPI functions, row definitions, render blocks, empty states and speed. */
import { headerMapOf } from '../../src/domain/headers';
import {
  GENERATED_NOTE,
  NOT_AVAILABLE,
  OTHER_VALUES,
  SUMMARY_TABLE_ROWS,
  SUMMARY_WIDTH,
  TRENDS_HEADERS,
  WorkCalendar,
  ZoneClock,
  automatedResponseRate,
  automationCandidatesByTopic,
  computeReport,
  docsAnswerRate,
  documentationGapsByTopic,
  firstResponseTime,
  isChecked,
  isDateTime,
  median,
  minutesOf,
  misroutedRate,
  percentile,
  rate,
  relativeChange,
  renderSummary,
  renderTrends,
  standardPredicate,
  standardizedRate,
  timeSpent,
  timeToResolution,
  volumeByWeek,
  weekOverWeekChange,
} from '../../src/domain/kpi';
import type { Block, Report } from '../../src/domain/kpi';
import { FIELDS, HEADERS } from '../../src/domain/schema';
import { isStandardized } from '../../src/domain/standard';
import {
  KPI_FIXTURE_NOW,
  KPI_FIXTURE_TZ,
  kpiFixtureLists,
  kpiFixtureRows,
} from '../fixtures/kpi-fixture';

const cols = headerMapOf(HEADERS);
const lists = kpiFixtureLists();
const ctx = {
  timeZone: KPI_FIXTURE_TZ,
  isStandardized: standardPredicate(cols, lists),
};
const rows = kpiFixtureRows();

describe('statistics', () => {
  test('percentile: linear interpolation between closest ranks (Sheets PERCENTILE)', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([7], 0.9)).toBe(7);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    // 1..10: h = 9 * 0.9 = 8.1 -> 9 + 0.1 * (10 - 9) = 9.1 (Sheets: =PERCENTILE({1..10}, 0.9) = 9.1)
    expect(percentile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 0.9)).toBeCloseTo(9.1, 12);
    expect(percentile([1, 2, 3], 0)).toBe(1);
    expect(percentile([1, 2, 3], 1)).toBe(3);
  });
  test('rates and changes never divide by zero', () => {
    expect(rate(1, 0)).toBeNull();
    expect(rate(1, 4)).toBe(0.25);
    expect(relativeChange(5, 0)).toBeNull();
    expect(relativeChange(0, 4)).toBe(-1);
    expect(weekOverWeekChange(47, 42)).toBeCloseTo(5 / 42, 12);
  });
});

describe('row definitions', () => {
  test('checkboxes and minutes', () => {
    expect([true, 'TRUE', 'yes', 'x', 1].map(isChecked)).toEqual([true, true, true, true, true]);
    expect([false, '', 'no', 0, null, 'FALSE'].map(isChecked)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect([30, '45', ' 5 ', -3, 'abc', '', null, NaN].map(minutesOf)).toEqual([
      30, 45, 5, 0, 0, 0, 0, 0,
    ]);
  });
  test('a date-time is not exactly local midnight', () => {
    const cal = new WorkCalendar(new ZoneClock(KPI_FIXTURE_TZ));
    expect(isDateTime(new Date('2026-11-18T00:00:00-05:00'), cal)).toBe(false);
    expect(isDateTime(new Date('2026-11-18T00:00:01-05:00'), cal)).toBe(true);
    expect(isDateTime(new Date('2026-11-18T00:00:00Z'), cal)).toBe(true); // 19:00 the day before in NY
    expect(isDateTime('2026-11-18 10:00', cal)).toBe(false);
    expect(isDateTime(new Date(NaN), cal)).toBe(false);
  });
  test('Resolution matches are trimmed and case-insensitive; negative spans are ignored', () => {
    const mk = (over: Record<string, unknown>): unknown[] => FIELDS.map((f) => over[f.key] ?? '');
    const data = [
      mk({ requestedAt: new Date('2026-11-16T10:00:00-05:00'), resolution: ' automated ANSWER ' }),
      mk({
        requestedAt: new Date('2026-11-16T10:00:00-05:00'),
        resolution: 'Answered',
        firstResponseAt: new Date('2026-11-16T09:00:00-05:00'), // before the request: a data error
        resolvedAt: new Date('2026-11-15T09:00:00-05:00'),
      }),
    ];
    expect(automatedResponseRate(data, cols, ctx)).toBe(0.5);
    expect(firstResponseTime(data, cols, ctx).n).toBe(0);
    expect(timeToResolution(data, cols, ctx).n).toBe(0);
  });
});

describe('standardPredicate', () => {
  test('the memoized predicate gives the foundation verdict for every row', () => {
    const pred = standardPredicate(cols, lists);
    const variants = rows.flatMap((r) => [
      r,
      r.map((v, i) => (i === 9 ? 42 : v)),
      r.map((v, i) => (i === 12 ? '  ' : v)),
    ]);
    for (const row of [...variants, ...variants]) {
      const byField = Object.fromEntries(FIELDS.map((f, i) => [f.key, row[i]]));
      expect(pred(row)).toBe(isStandardized(byField, lists));
    }
    expect(rows.filter((r) => pred(r)).length).toBe(36);
  });
});

describe('per-KPI functions agree with computeReport (all time, fixture)', () => {
  const r = computeReport(rows, cols, { timeZone: KPI_FIXTURE_TZ, now: KPI_FIXTURE_NOW, lists });
  const k = r.allTime.kpis;
  test('rates', () => {
    expect(standardizedRate(rows, cols, ctx)).toBe(k.standardizedRate);
    expect(automatedResponseRate(rows, cols, ctx)).toBe(k.automatedRate);
    expect(docsAnswerRate(rows, cols, ctx)).toBe(k.docsAnswerRate);
    expect(misroutedRate(rows, cols, ctx)).toBe(k.misroutedRate);
  });
  test('times', () => {
    expect(firstResponseTime(rows, cols, ctx)).toEqual(k.firstResponse);
    expect(timeToResolution(rows, cols, ctx)).toEqual(k.resolution);
    const t = timeSpent(rows, cols, ctx);
    expect(t.total).toBe(610);
    expect(t.byVspTeam).toEqual(r.allTime.breakdowns.minutesByVspTeam);
    expect(t.byTopic).toEqual(r.allTime.breakdowns.minutesByTopic);
    // by week: W1 325, W2 130, W3 40, W4 55, W10 30, current week 10, March 20 (sorted by week)
    expect(t.byWeek).toEqual([
      { startIso: '2026-03-02', minutes: 20 },
      { startIso: '2026-09-14', minutes: 30 },
      { startIso: '2026-10-26', minutes: 55 },
      { startIso: '2026-11-02', minutes: 40 },
      { startIso: '2026-11-09', minutes: 130 },
      { startIso: '2026-11-16', minutes: 325 },
      { startIso: '2026-11-23', minutes: 10 },
    ]);
  });
  test('ranked gaps and candidates', () => {
    expect(documentationGapsByTopic(rows, cols, ctx)).toEqual(
      r.allTime.breakdowns.documentationGapsByTopic,
    );
    expect(automationCandidatesByTopic(rows, cols, ctx)).toEqual(
      r.allTime.breakdowns.automationCandidatesByTopic,
    );
  });
  test('volume by week: contiguous, zero weeks included, Monday or Sunday starts', () => {
    const v = volumeByWeek(rows, cols, ctx);
    expect(v[0]).toMatchObject({ startIso: '2026-03-02', requests: 1 }); // M1
    expect(v[v.length - 1]).toMatchObject({ startIso: '2026-11-23', requests: 2 }); // C1, C2
    expect(v.reduce((s, w) => s + w.requests, 0)).toBe(39); // all but the undated U1
    expect(v.find((w) => w.startIso === '2026-11-16')?.requests).toBe(10);
    // Weeks starting Sunday: L8 (Sun 11-22 23:30) moves to the 11-22 week with C1 and C2;
    // D2 (Sun 11-01 23:30 EST) and D3 (Sun 11-01 01:30 EDT) move to the 11-01 week.
    const sun = volumeByWeek(rows, cols, { ...ctx, weekStart: 0 });
    expect(sun.find((w) => w.startIso === '2026-11-22')?.requests).toBe(3);
    expect(sun.find((w) => w.startIso === '2026-11-15')?.requests).toBe(9);
    expect(sun.find((w) => w.startIso === '2026-11-01')?.requests).toBe(2 + 5); // D2, D3 + W3's E1..E5
    expect(sun.find((w) => w.startIso === '2026-11-01')?.start.toISOString()).toBe(
      '2026-11-01T04:00:00.000Z',
    );
  });
});

function cellAt(b: Block, name: string, dRow: number, dCol: number): unknown {
  const s = b.sections[name];
  return b.values[s.row - 1 + dRow][s.col - 1 + dCol];
}

describe('render-ready blocks', () => {
  const r = computeReport(rows, cols, { timeZone: KPI_FIXTURE_TZ, now: KPI_FIXTURE_NOW, lists });
  test('Summary: rectangular, KPI table with goals, chart tables', () => {
    const b = renderSummary(r, 1.234);
    for (const row of b.values) expect(row).toHaveLength(SUMMARY_WIDTH);
    expect(b.formats).toHaveLength(b.values.length);
    expect(b.values[1][5]).toBe(1.23); // compile time, rounded
    expect(cellAt(b, 'kpis', 0, 1)).toBe('Last week (2026-11-16 to 2026-11-22)');
    const labels = b.values.slice(b.sections.kpis.row - 1).map((row) => row[0]);
    const rowOf = (label: string): unknown[] =>
      b.values[b.sections.kpis.row - 1 + labels.indexOf(label)];
    expect(rowOf('Requests').slice(1, 4)).toEqual([10, 25, 40]);
    expect(rowOf('Standardized rate')[4]).toBe('≥ 95%');
    expect(rowOf('Change vs previous period').slice(1, 4)).toEqual([1.5, 2.125, NOT_AVAILABLE]);
    expect(rowOf('First response, p90 (business hours)')[4]).toBe('≤ 3 h');
    expect(b.sections.topTopics.numRows).toBe(11); // header + top 10
    expect(cellAt(b, 'topTopics', 1, 0)).toBe('CI Error');
    expect(cellAt(b, 'weeklyVolume', 12, 1)).toBe(10);
    expect(cellAt(b, 'channelMix', 1, 1)).toBe(28);
    expect(cellAt(b, 'timeByVspTeam', 1, 0)).toBe('Operations/DevOps');
    const fmt = b.formats[b.sections.kpis.row - 1 + labels.indexOf('Standardized rate')][1];
    expect(fmt).toBe('0.0%');
    // Sections never overlap one another
    const names = Object.keys(b.sections).filter((n) => n !== 'notices');
    for (const a of names)
      for (const c of names) {
        if (a === c) continue;
        const s = b.sections[a];
        const t = b.sections[c];
        expect(s.row + s.numRows <= t.row || t.row + t.numRows <= s.row).toBe(true);
      }
  });
  test('chart tables have a fixed size: padded, or the tail folded into "(other values)"', () => {
    const channel = FIELDS.findIndex((f) => f.key === 'channel');
    const many = rows.map((row, i) => row.map((v, c) => (c === channel ? `Channel ${i % 12}` : v)));
    const b = renderSummary(
      computeReport(many, cols, { timeZone: KPI_FIXTURE_TZ, now: KPI_FIXTURE_NOW, lists }),
      0,
    );
    const s = b.sections.channelMix;
    expect(s.numRows).toBe(1 + SUMMARY_TABLE_ROWS.channelMix);
    expect(cellAt(b, 'channelMix', SUMMARY_TABLE_ROWS.channelMix, 0)).toBe(OTHER_VALUES);
    // 12 channels of 40 rows: 4 channels have 4 rows, 8 have 3; 7 shown, the rest = 40 - 4*4 - 3*3 = 15
    expect(cellAt(b, 'channelMix', SUMMARY_TABLE_ROWS.channelMix, 1)).toBe(15);
    const empty = renderSummary(
      computeReport([], cols, { timeZone: KPI_FIXTURE_TZ, now: KPI_FIXTURE_NOW, lists }),
      0,
    );
    expect(empty.sections.topTopics).toEqual(
      renderSummary(
        computeReport(rows, cols, { timeZone: KPI_FIXTURE_TZ, now: KPI_FIXTURE_NOW, lists }),
        0,
      ).sections.topTopics,
    );
    expect(cellAt(empty, 'topTopics', 2, 0)).toBe('');
  });

  test('Top 10 topics leaves the remainder out of the chart table and states it in a note', () => {
    const topic = FIELDS.findIndex((f) => f.key === 'topic');
    const many = rows.map((row, i) => row.map((v, c) => (c === topic ? `Topic ${i % 14}` : v)));
    const b = renderSummary(
      computeReport(many, cols, { timeZone: KPI_FIXTURE_TZ, now: KPI_FIXTURE_NOW, lists }),
      0,
    );
    const s = b.sections.topTopics;
    expect(s.numRows).toBe(1 + SUMMARY_TABLE_ROWS.topTopics);
    const labels = b.values.slice(s.row, s.row - 1 + s.numRows).map((r) => r[0]);
    expect(labels).not.toContain(OTHER_VALUES);
    // 14 topics of 40 rows: 12 have 3 rows, 2 have 2: the 4 left out hold 3 + 3 + 2 + 2 = 10.
    const note = b.values[b.sections.topTopicsNote.row - 1][0];
    expect(note).toBe(
      'Not in the chart: 4 more topics with 10 requests in all (25% of the total).',
    );
    expect(b.sections.topTopicsNote.row).toBe(s.row + s.numRows);
  });

  test('Trends: one row per week, one column per KPI', () => {
    const b = renderTrends(r);
    const s = b.sections.trends;
    expect(s.numRows).toBe(13);
    expect(b.values[s.row - 1]).toEqual([...TRENDS_HEADERS]);
    const last = b.values[s.row - 1 + 12];
    expect((last[0] as Date).toISOString()).toBe('2026-11-16T05:00:00.000Z');
    expect(last[1]).toBe(10);
    expect(last[2]).toBe(1.5);
    expect(last[10]).toBeCloseTo(4.15, 9); // FRT p90 business hours
    expect(b.values[s.row][2]).toBe(-1); // first trend week vs the week before it
    expect(b.values[s.row + 1][2]).toBe(NOT_AVAILABLE); // change from a week with 0
  });
  test('user text that Sheets would parse sits in a plain-text cell, as typed', () => {
    const odd = rows.map((row) => row.slice());
    odd[0][FIELDS.findIndex((f) => f.key === 'topic')] = '=HYPERLINK("x")';
    const b = renderSummary(
      computeReport(odd, cols, { timeZone: KPI_FIXTURE_TZ, now: KPI_FIXTURE_NOW, lists }),
      null,
    );
    let found = 0;
    b.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === '=HYPERLINK("x")') {
          found++;
          expect(b.formats[r][c]).toBe('@');
        }
      }),
    );
    expect(found).toBeGreaterThan(0);
    expect(b.values[1][5]).toBe(NOT_AVAILABLE);
  });
});

describe('empty states', () => {
  const opts = { timeZone: KPI_FIXTURE_TZ, now: KPI_FIXTURE_NOW, lists };
  const notices = (r: Report): string => r.notices.join(' | ');
  test('empty sheet (and blank rows)', () => {
    const r = computeReport([['', '', null], []], cols, opts);
    expect(r.totalRows).toBe(0);
    expect(notices(r)).toMatch(/No requests yet/);
    expect(r.allTime.kpis.standardizedRate).toBeNull();
    expect(r.weeks).toHaveLength(12);
    const s = renderSummary(r, 0.1);
    expect(s.values.flat()).toContain(r.notices[0]);
    expect(s.values.flat()).toContain(NOT_AVAILABLE);
    expect(cellAt(s, 'topTopics', 1, 0)).toBe('(no data yet)');
    const t = renderTrends(r);
    expect(t.values[2][0]).toMatch(/No requests yet/);
    expect(t.values[1][0]).toBe(GENERATED_NOTE);
  });
  test('a single row', () => {
    const r = computeReport([rows[0]], cols, opts);
    expect(r.totalRows).toBe(1);
    expect(notices(r)).toMatch(/Only 1 request/);
    expect(r.lastWeek.kpis.firstResponse.medianHours).toBe(1.5);
    expect(r.lastWeek.kpis.firstResponse.p90Hours).toBe(1.5);
    expect(() => renderSummary(r, 0)).not.toThrow();
  });
  test('rows that are all non-standard', () => {
    const topic = FIELDS.findIndex((f) => f.key === 'topic');
    const bad = rows.map((row) => {
      const c = row.slice();
      c[topic] = 'misc';
      return c;
    });
    const r = computeReport(bad, cols, opts);
    expect(r.allTime.kpis.standardizedRate).toBe(0);
    expect(notices(r)).toMatch(/None of the 40 rows is standardized/);
    expect(r.allTime.breakdowns.topics).toEqual([{ label: 'misc', value: 40 }]);
  });
  test('needs the lists or a predicate', () => {
    expect(() =>
      computeReport([], cols, { timeZone: KPI_FIXTURE_TZ, now: KPI_FIXTURE_NOW }),
    ).toThrow(/lists/);
  });
});

describe('speed', () => {
  test('100,000 rows in one pass (budget 1 s; a 5 s margin for loaded CI machines, the bench reports the real number)', () => {
    const base = kpiFixtureRows();
    const big: unknown[][] = [];
    for (let i = 0; i < 100_000; i++) {
      const src = base[i % base.length];
      const shift = Math.floor(i / base.length) * 3_600_000; // spread over time, keep realistic spans
      big.push(
        src.map((v) =>
          Object.prototype.toString.call(v) === '[object Date]'
            ? new Date((v as Date).getTime() - shift)
            : v,
        ),
      );
    }
    const t0 = performance.now();
    const r = computeReport(big, cols, { timeZone: KPI_FIXTURE_TZ, now: KPI_FIXTURE_NOW, lists });
    const ms = performance.now() - t0;
    expect(r.totalRows).toBe(100_000);
    expect(ms).toBeLessThan(5000);
  });
});
