/**
 * Acceptance 1 (issue #5): every KPI of the hand-built fixture, computed by hand. Each expected
 * number is a literal with the arithmetic beside it. Percentiles: linear interpolation (Sheets'
 * PERCENTILE): h = (n - 1) * p, value = v[floor h] + frac(h) * (v[floor h + 1] - v[floor h]).
 */
import { headerMapOf } from '../../src/domain/headers';
import { computeReport } from '../../src/domain/kpi';
import type { Report } from '../../src/domain/kpi';
import {
  KPI_FIXTURE_HEADERS,
  KPI_FIXTURE_NOW,
  KPI_FIXTURE_TZ,
  kpiFixtureLists,
  kpiFixtureRows,
} from '../fixtures/kpi-fixture';

function report(): Report {
  return computeReport(kpiFixtureRows(), headerMapOf(KPI_FIXTURE_HEADERS), {
    timeZone: KPI_FIXTURE_TZ,
    now: KPI_FIXTURE_NOW,
    weekStart: 1,
    lists: kpiFixtureLists(),
  });
}

const r = report();

describe('row counts and week boundaries', () => {
  test('40 rows, 1 undated, 2 in the current week', () => {
    expect(r.totalRows).toBe(40);
    expect(r.undatedRows).toBe(1); // U1: "last Tuesday" is text, no Logged at
    expect(r.currentWeekRows).toBe(2); // C1 (Mon 00:00:30), C2
  });

  test('periods are local Monday weeks', () => {
    // now = Wed 2026-11-25 12:00 EST -> current week starts Mon 2026-11-23 00:00 EST = 05:00 UTC
    expect(r.currentWeekStart.toISOString()).toBe('2026-11-23T05:00:00.000Z');
    expect(r.lastWeek.from?.toISOString()).toBe('2026-11-16T05:00:00.000Z');
    expect(r.lastWeek.to?.toISOString()).toBe('2026-11-23T05:00:00.000Z');
    expect([r.lastWeek.firstDayIso, r.lastWeek.lastDayIso]).toEqual(['2026-11-16', '2026-11-22']);
    // last 4 weeks start Mon 2026-10-26 00:00 EDT = 04:00 UTC (before the DST change)
    expect(r.last4Weeks.from?.toISOString()).toBe('2026-10-26T04:00:00.000Z');
    expect([r.last4Weeks.firstDayIso, r.last4Weeks.lastDayIso]).toEqual([
      '2026-10-26',
      '2026-11-22',
    ]);
  });

  test('weekly volume for the 12 trend weeks, with week-over-week change', () => {
    expect(r.weeks.map((w) => w.startIso)).toEqual([
      '2026-08-31',
      '2026-09-07',
      '2026-09-14',
      '2026-09-21',
      '2026-09-28',
      '2026-10-05',
      '2026-10-12',
      '2026-10-19',
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
    ]);
    // W12..W1. W1 = L1..L10 (L8 Sun 23:30 is in, C1 Mon 00:00:30 is out); W4 holds D2 (Sun 23:30
    // EST = Mon 04:30 UTC) and D6 (Mon 00:00 EDT); W3 holds E1 (Mon 00:10 EST).
    expect(r.weeks.map((w) => w.kpis.requests)).toEqual([0, 0, 2, 0, 1, 2, 2, 3, 6, 5, 4, 10]);
    // The 2026-11-02 week starts at 05:00 UTC (EST), the 2026-10-26 one at 04:00 UTC (EDT).
    expect(r.weeks[9].start.toISOString()).toBe('2026-11-02T05:00:00.000Z');
    expect(r.weeks[8].start.toISOString()).toBe('2026-10-26T04:00:00.000Z');
    // W12 vs W13 (1 row, T3): (0-1)/1 = -1; vs 0 -> null; W9 (0-2)/2 = -1; W7 (2-1)/1 = 1;
    // W6 (2-2)/2 = 0; W5 (3-2)/2 = 0.5; W4 (6-3)/3 = 1; W3 (5-6)/6 = -1/6; W2 (4-5)/5 = -0.2;
    // W1 (10-4)/4 = 1.5
    const changes = r.weeks.map((w) => w.volumeChange);
    expect(changes.slice(0, 5)).toEqual([-1, null, null, -1, null]);
    expect(changes[5]).toBe(1);
    expect(changes[6]).toBe(0);
    expect(changes[7]).toBe(0.5);
    expect(changes[8]).toBe(1);
    expect(changes[9]).toBeCloseTo(-1 / 6, 12);
    expect(changes[10]).toBeCloseTo(-0.2, 12);
    expect(changes[11]).toBe(1.5);
  });
});

describe('last complete week (W1, 10 rows)', () => {
  const k = r.lastWeek.kpis;
  test('volume and change', () => {
    expect(k.requests).toBe(10);
    expect(r.lastWeek.previousRequests).toBe(4); // W2: F1..F4
    expect(r.lastWeek.volumeChange).toBe(1.5); // (10 - 4) / 4
  });
  test('standardized rate', () => {
    expect(k.standardized).toBe(9); // all but L10
    expect(k.standardizedRate).toBeCloseTo(0.9, 12); // 9 / 10
  });
  test('resolution rates', () => {
    // Resolution filled: L1 L2 L3 L4 L5 L7 L9 = 7 (L6 L8 L10 blank)
    expect(k.resolved).toBe(7);
    expect(k.automatedRate).toBeCloseTo(1 / 7, 12); // L3
    expect(k.docsAnswerRate).toBeCloseTo(2 / 7, 12); // L2 docs + L3 automated
    expect(k.misroutedRate).toBeCloseTo(1 / 7, 12); // L5
  });
  test('first response time, calendar and business hours, SLA', () => {
    // Eligible (both date-times): L1 1.5h, L2 15h (17:30 -> 08:30), L3 5 min = 1/12 h, L4 22h,
    // L5 2h, L6 64.5h (Fri 17:00 -> Mon 09:30), L7 1h, L10 1h. L8: no reply; L9: date only. n = 8
    const f = k.firstResponse;
    expect(f.n).toBe(8);
    // sorted: 1/12, 1, 1, 1.5, 2, 15, 22, 64.5
    // median: h = 7 * 0.5 = 3.5 -> 1.5 + 0.5 * (2 - 1.5) = 1.75
    expect(f.medianHours).toBeCloseTo(1.75, 9);
    // p90: h = 7 * 0.9 = 6.3 -> 22 + 0.3 * (64.5 - 22) = 34.75
    expect(f.p90Hours).toBeCloseTo(34.75, 9);
    // Business (8-18 Mon-Fri): L1 1.5; L2 0.5 (Mon 17:30-18) + 0.5 (Tue 8-8:30) = 1; L3 1/12;
    // L4 4 (Wed 14-18) + 4 (Thu 8-12) = 8; L5 2; L6 1 (Fri 17-18) + 1.5 (Mon 8-9:30) = 2.5;
    // L7 0 (Saturday); L10 1. sorted: 0, 1/12, 1, 1, 1.5, 2, 2.5, 8
    // median: h = 3.5 -> 1 + 0.5 * (1.5 - 1) = 1.25; p90: h = 6.3 -> 2.5 + 0.3 * (8 - 2.5) = 4.15
    expect(f.medianBusinessHours).toBeCloseTo(1.25, 9);
    expect(f.p90BusinessHours).toBeCloseTo(4.15, 9);
    // within 3 business hours: all but L4 -> 7 / 8
    expect(f.withinSla).toBe(7);
    expect(f.withinSlaRate).toBeCloseTo(0.875, 12);
  });
  test('time to resolution (days)', () => {
    // L1 6h = 0.25; L2 24h = 1; L3 5 min = 5/1440; L4 48h = 2; L5 2h = 1/12; L7 Sat 10:00 ->
    // Tue 10:00 = 3; L9 (date 11-18 00:00 -> 11-19 00:00, a date may count here) = 1. n = 7
    const t = k.resolution;
    expect(t.n).toBe(7);
    // sorted: 5/1440, 1/12, 0.25, 1, 1, 2, 3. median: h = 3 -> 1
    expect(t.medianDays).toBeCloseTo(1, 12);
    // p90: h = 6 * 0.9 = 5.4 -> 2 + 0.4 * (3 - 2) = 2.4
    expect(t.p90Days).toBeCloseTo(2.4, 12);
    // within 1 day: 5/1440, 1/12, 0.25, 1, 1 -> 5 / 7
    expect(t.resolvedWithinDays).toBe(5);
  });
  test('time spent, gaps, candidates, topics', () => {
    // 30 + 15 + 0 + 120 + 10 + 45 + 20 + 0 + 60 + 25 ("25" as text) = 325
    expect(k.minutes).toBe(325);
    expect(k.documentationGaps).toBe(1); // L4
    expect(k.automationCandidates).toBe(1); // L6
    // CI Error: L1 L2 L6; API: L4 L9; Access Request: L3 L7; then 1 each. Ties A-Z by code point.
    expect(r.lastWeek.breakdowns.topics).toEqual([
      { label: 'CI Error', value: 3 },
      { label: 'API', value: 2 },
      { label: 'Access Request', value: 2 },
      { label: 'Forms', value: 1 },
      { label: 'Something Else', value: 1 },
      { label: 'ci stuff', value: 1 },
    ]);
  });
});

describe('last 4 weeks (W1..W4, 25 rows)', () => {
  const k = r.last4Weeks.kpis;
  test('volume, change vs the 4 weeks before, standardized', () => {
    expect(k.requests).toBe(25); // 10 + 4 + 5 + 6
    expect(r.last4Weeks.previousRequests).toBe(8); // W5..W8: 3 + 2 + 2 + 1
    expect(r.last4Weeks.volumeChange).toBeCloseTo(2.125, 12); // (25 - 8) / 8
    expect(k.standardized).toBe(22); // all but L10, F3, E4
    expect(k.standardizedRate).toBeCloseTo(0.88, 12); // 22 / 25
  });
  test('resolution rates', () => {
    // resolved: W1 7 + W2 3 (F1 F2 F4) + W3 4 (E1 E2 E3 E5) + W4 4 (D1 D3 D4 D5) = 18
    expect(k.resolved).toBe(18);
    expect(k.automatedRate).toBeCloseTo(2 / 18, 12); // L3, E3
    expect(k.docsAnswerRate).toBeCloseTo(4 / 18, 12); // L2, L3, E3, D4
    expect(k.misroutedRate).toBeCloseTo(2 / 18, 12); // L5, E5
  });
  test('first response time across the DST change', () => {
    // W1's 8 + F1 1h, F2 18h (Tue 16:00 -> Wed 10:00), F4 44h (Sat 12:00 -> Mon 08:00)
    // + E2 3h, E3 16h, E5 0.5h + D1 65h (Fri 17:00 EDT = 21:00Z -> Mon 09:00 EST = 14:00Z: 72 - 7),
    // D3 1h (01:30 EDT -> 01:30 EST), D4 0.75h. n = 17
    const f = k.firstResponse;
    expect(f.n).toBe(17);
    // sorted: 1/12, .5, .75, 1, 1, 1, 1, 1.5, 2, 3, 15, 16, 18, 22, 44, 64.5, 65
    // median h = 8 -> 2; p90 h = 16 * 0.9 = 14.4 -> 44 + 0.4 * (64.5 - 44) = 52.2
    expect(f.medianHours).toBeCloseTo(2, 9);
    expect(f.p90Hours).toBeCloseTo(52.2, 9);
    // Business: W1 (0, 1/12, 1, 1, 1.5, 2, 2.5, 8) + F1 1, F2 2 (Tue 16-18) + 2 (Wed 8-10) = 4,
    // F4 0 + E2 3, E3 1 + 1 = 2, E5 0.5 + D1 1 (Fri 17-18 EDT) + 1 (Mon 8-9 EST) = 2, D3 0 (Sunday),
    // D4 0.75. sorted: 0, 0, 0, 1/12, .5, .75, 1, 1, 1, 1.5, 2, 2, 2, 2.5, 3, 4, 8
    // median h = 8 -> 1; p90 h = 14.4 -> 3 + 0.4 * (4 - 3) = 3.4
    expect(f.medianBusinessHours).toBeCloseTo(1, 9);
    expect(f.p90BusinessHours).toBeCloseTo(3.4, 9);
    // over 3 business hours: L4 (8), F2 (4); E2 at exactly 3 is within -> 15 / 17
    expect(f.withinSla).toBe(15);
    expect(f.withinSlaRate).toBeCloseTo(15 / 17, 12);
  });
  test('time to resolution', () => {
    // W1: 5/1440, 1/12, .25, 1, 1, 2, 3; W2: F1 1, F2 3, F4 44/24; W3: E1 .5, E2 .125 (3h),
    // E3 16/24, E5 .5/24; W4: D1 73h = 73/24, D3 1/24, D4 1/24, D5 1. n = 18
    const t = k.resolution;
    expect(t.n).toBe(18);
    // sorted: 5/1440, .5/24, 1/24, 1/24, 1/12, .125, .25, .5, 16/24, 1, 1, 1, 1, 44/24, 2, 3, 3, 73/24
    // median h = 8.5 -> 16/24 + 0.5 * (1 - 16/24) = 5/6
    expect(t.medianDays).toBeCloseTo(5 / 6, 12);
    // p90 h = 17 * 0.9 = 15.3 -> 3 + 0.3 * (3 - 3) = 3
    expect(t.p90Days).toBeCloseTo(3, 12);
    expect(t.resolvedWithinDays).toBe(13); // the first 13 sorted values are <= 1
  });
  test('time spent, gaps, candidates', () => {
    // W1 325 + W2 (30 + 90 + 0 + 10) 130 + W3 (20 + 10 + 5 + 0 + 5) 40 + W4 (30 + 0 + 15 + 10) 55
    expect(k.minutes).toBe(550);
    expect(r.last4Weeks.breakdowns.documentationGapsByTopic).toEqual([{ label: 'API', value: 3 }]); // L4 F2 D4
    expect(r.last4Weeks.breakdowns.automationCandidatesByTopic).toEqual([
      { label: 'Access Request', value: 1 }, // E3
      { label: 'CI Error', value: 1 }, // L6
    ]);
  });
});

describe('all time (40 rows)', () => {
  const k = r.allTime.kpis;
  test('volume and rates', () => {
    expect(k.requests).toBe(40);
    expect(r.allTime.volumeChange).toBeNull();
    expect(k.standardized).toBe(36); // all but L10, F3, E4, U1
    expect(k.standardizedRate).toBeCloseTo(0.9, 12);
    // resolved: last 4 weeks' 18 + C2 + M1 = 20
    expect(k.resolved).toBe(20);
    expect(k.automatedRate).toBeCloseTo(0.1, 12); // 2 / 20
    expect(k.docsAnswerRate).toBeCloseTo(0.2, 12); // 4 / 20
    expect(k.misroutedRate).toBeCloseTo(0.1, 12); // 2 / 20
  });
  test('first response time, with the spring DST change', () => {
    // last 4 weeks' 17 + C2 20 min = 1/3 h + M1 Fri 17:00 EST = 22:00Z -> Mon 09:00 EDT = 13:00Z = 63h
    const f = k.firstResponse;
    expect(f.n).toBe(19);
    // sorted: 1/12, 1/3, .5, .75, 1, 1, 1, 1, 1.5, 2, 3, 15, 16, 18, 22, 44, 63, 64.5, 65
    // median h = 9 -> 2; p90 h = 18 * 0.9 = 16.2 -> 63 + 0.2 * (64.5 - 63) = 63.3
    expect(f.medianHours).toBeCloseTo(2, 9);
    expect(f.p90Hours).toBeCloseTo(63.3, 9);
    // business: + C2 1/3, + M1 1 (Fri 17-18 EST) + 1 (Mon 8-9 EDT) = 2
    // sorted: 0, 0, 0, 1/12, 1/3, .5, .75, 1, 1, 1, 1.5, 2, 2, 2, 2, 2.5, 3, 4, 8
    // median h = 9 -> 1; p90 h = 16.2 -> 3 + 0.2 * (4 - 3) = 3.2
    expect(f.medianBusinessHours).toBeCloseTo(1, 9);
    expect(f.p90BusinessHours).toBeCloseTo(3.2, 9);
    expect(f.withinSla).toBe(17); // all but L4, F2
  });
  test('time to resolution', () => {
    // last 4 weeks' 18 + C2 20 min = 1/72 + M1 Mar 6 22:00Z -> Mar 9 16:00Z = 66h = 2.75
    const t = k.resolution;
    expect(t.n).toBe(20);
    // sorted: 5/1440, 1/72, .5/24, 1/24, 1/24, 1/12, .125, .25, .5, 16/24, 1, 1, 1, 1, 44/24, 2,
    // 2.75, 3, 3, 73/24. median h = 9.5 -> 16/24 + 0.5 * (1 - 16/24) = 5/6; p90 h = 17.1 -> 3
    expect(t.medianDays).toBeCloseTo(5 / 6, 12);
    expect(t.p90Days).toBeCloseTo(3, 12);
    expect(t.resolvedWithinDays).toBe(14);
  });
  test('breakdowns: topics, channel mix, time by VSP team, gaps, candidates', () => {
    const b = r.allTime.breakdowns;
    expect(b.topics).toEqual([
      { label: 'CI Error', value: 14 }, // L1 L2 L6 C1 F1 E1 E4 D1 P1 P4 P8 T1 M1 U1
      { label: 'Access Request', value: 7 }, // L3 L7 C2 F4 E2 E3 P6
      { label: 'API', value: 5 }, // L4 L9 F2 D4 P5
      { label: 'Forms', value: 4 }, // L8 F3 D6 P7
      { label: 'Environments', value: 2 }, // P2 T2
      { label: 'Something Else', value: 2 }, // L5 E5
      { label: 'Design', value: 1 },
      { label: 'Design System', value: 1 },
      { label: 'Orientation/Onboarding', value: 1 },
      { label: 'Pipeline', value: 1 },
      { label: 'VA.gov Incident', value: 1 },
      { label: 'ci stuff', value: 1 },
    ]);
    expect(b.channels).toEqual([
      { label: 'Slack', value: 28 }, // 40 - 12
      { label: 'GitHub', value: 6 }, // L4 L8 F2 F3 D4 P5
      { label: 'Email', value: 3 }, // L5 E5 D6
      { label: 'Meeting', value: 1 }, // D5
      { label: 'Office hours', value: 1 }, // P7
      { label: 'slack', value: 1 }, // L10
    ]);
    // Ops: 30+15+45+20+10+30+10+20+10+5+30+15+15+15+20 = 290; Backend: 120+60+90+10 = 280;
    // (blank) L10 25; Other: 10 + 5 = 15. Total 610.
    expect(k.minutes).toBe(610);
    expect(b.minutesByVspTeam).toEqual([
      { label: 'Operations/DevOps', value: 290 },
      { label: 'Backend Tools', value: 280 },
      { label: '(blank)', value: 25 },
      { label: 'Other', value: 15 },
    ]);
    expect(b.documentationGapsByTopic).toEqual([
      { label: 'API', value: 3 },
      { label: 'Environments', value: 1 },
    ]);
    expect(b.automationCandidatesByTopic).toEqual([
      { label: 'CI Error', value: 2 }, // L6 T1
      { label: 'Access Request', value: 1 }, // E3
    ]);
  });
});
