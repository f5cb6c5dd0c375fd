/**
 * Issue 11, acceptance "a published page and JSON from which no hidden count can be solved".
 *
 * Property test: for random support data, build the dashboard the way doGet does
 * (dashboardFromSnapshot -> dashboardJson, the model the page and the Dashboard tab render), then
 * act as an observer who reads ONLY the published JSON and knows the rules: shown numbers are
 * exact, "fewer than t" is 0..t-1, "not shown" is at least t and at most the smallest shown count
 * of its table, every request has one team and one topic, and the breakdown period is the last 4
 * trend weeks. For every hidden cell, an independent solver (subset-sum dynamic programming over
 * each table, intersected on the shared total; not the interval algorithm of suppress.ts) tries
 * every other value: the test fails if any hidden cell has only one feasible value.
 */
import fc from 'fast-check';
import { dashboardJson, renderDashboardHtml } from '../../src/domain/render/dashboard';
import { dashboardFromSnapshot, type DashboardSnapshot } from '../../src/domain/render/fromReport';
import { suppressPublished, suppressSmallCounts } from '../../src/domain/render/suppress';
import { solvedCells, type Truth } from '../helpers/suppressionSolver';

const dataArb = fc.record({
  threshold: fc.integer({ min: 2, max: 5 }),
  earlier: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 8, maxLength: 8 }),
  teams: fc.integer({ min: 1, max: 5 }),
  topics: fc.integer({ min: 1, max: 4 }),
  requests: fc.array(
    fc.record({
      week: fc.integer({ min: 0, max: 3 }),
      team: fc.integer({ min: 0, max: 5 }),
      topic: fc.integer({ min: 0, max: 4 }),
    }),
    { maxLength: 30 },
  ),
});

interface Data {
  threshold: number;
  earlier: number[];
  teams: number;
  topics: number;
  requests: { week: number; team: number; topic: number }[];
}

function snapshotOf(d: Data): { snap: DashboardSnapshot; truth: Truth } {
  // Team index == teams (one past the list) stands for "Other or not labelled".
  const teamNames = [
    ...Array.from({ length: d.teams }, (_, i) => `Team ${i}`),
    'Other or not labelled',
  ];
  const topicNames = [
    ...Array.from({ length: d.topics }, (_, i) => `Topic ${i}`),
    'Other or not labelled',
  ];
  const weeks = [...d.earlier, 0, 0, 0, 0];
  const teams = new Map(teamNames.map((n) => [n, 0]));
  const topics = new Map(topicNames.map((n) => [n, 0]));
  for (const r of d.requests) {
    weeks[8 + r.week]++;
    const tn = teamNames[Math.min(r.team, teamNames.length - 1)];
    const pn = topicNames[Math.min(r.topic, topicNames.length - 1)];
    teams.set(tn, (teams.get(tn) ?? 0) + 1);
    topics.set(pn, (topics.get(pn) ?? 0) + 1);
  }
  const weekIds = weeks.map(
    (_, i) => `2026-${String(9 + Math.floor(i / 4)).padStart(2, '0')}-0${1 + (i % 4)}`,
  );
  const snap: DashboardSnapshot = {
    version: 1,
    title: 'Dashboard',
    generatedAt: '2026-11-24T15:00:00.000Z',
    timeZone: 'America/New_York',
    weekStart: '2026-11-16',
    weekEnd: '2026-11-22',
    kpis: [
      { key: 'requests', label: 'Requests', unit: 'count', value: weeks[11] },
      {
        key: 'misroutedRate',
        label: 'Misrouted',
        unit: 'rate',
        value: weeks[11] ? 1 / weeks[11] : null,
      },
    ],
    trends: {
      weeks: weekIds,
      series: [
        { key: 'requests', label: 'Requests per week', unit: 'count', values: [...weeks] },
        {
          key: 'docsAnswerRate',
          label: 'Docs',
          unit: 'rate',
          values: weeks.map((w) => (w ? 1 / w : null)),
        },
      ],
    },
    breakdownPeriod: 'last 4 weeks',
    byTeam: [...teams].map(([name, count]) => ({ name, count })),
    byTopic: [...topics].map(([name, count]) => ({ name, count })),
  };
  return { snap, truth: { weeks, teams, topics } };
}

describe('complementary suppression (issue 11): nothing hidden can be solved', () => {
  it('for random data, no hidden count is determined by the published JSON', () => {
    fc.assert(
      fc.property(dataArb, (d) => {
        const { snap, truth } = snapshotOf(d);
        const data = dashboardFromSnapshot(snap, d.threshold);
        const json = dashboardJson(data);
        expect(solvedCells(json, truth)).toEqual([]);
        // Every small count is shown as "fewer than t", zeros included; no "N or more" anywhere.
        const html = renderDashboardHtml(data);
        expect(html).not.toMatch(/\d+ or more/);
        expect(JSON.stringify(json)).not.toMatch(/or more/);
        for (const [name, count] of truth.teams) {
          const row = json.breakdowns.byTeam.find((r) => r.name === name);
          if (json.breakdowns.byTeam.length === 0) continue;
          expect(row).toBeDefined();
          if (count < d.threshold) expect(row?.display).toBe(`fewer than ${d.threshold}`);
          else expect([String(count), 'not shown']).toContain(row?.display);
        }
        // A hidden week hides every indicator of that week (a rate would give its count away).
        json.trends.suppressed.forEach((label, i) => {
          if (label === null) return;
          for (const s of json.trends.series) expect(s.values[i]).toBeNull();
        });
        if (json.trends.suppressed[11] !== null)
          for (const k of json.kpis) expect(k.value).toBeNull();
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('the solver is not vacuous: it solves the cells of primary-only suppression', () => {
    const { snap, truth } = snapshotOf({
      threshold: 3,
      earlier: [5, 5, 5, 5, 5, 5, 5, 5],
      teams: 2,
      topics: 1,
      requests: [
        ...Array.from({ length: 10 }, (_, i) => ({ week: i % 4, team: 0, topic: 0 })),
        { week: 0, team: 1, topic: 0 },
      ],
    });
    const json = dashboardJson(dashboardFromSnapshot(snap, 3));
    // Undo the complements: what primary-only suppression would publish.
    for (const r of [...json.breakdowns.byTeam, ...json.breakdowns.byTopic])
      if (r.display === 'not shown') {
        const name = r.name;
        r.count = (truth.teams.get(name) ?? truth.topics.get(name)) as number;
        r.display = String(r.count);
        r.suppressed = false;
      }
    expect(solvedCells(json, truth).length).toBeGreaterThan(0);
  });

  it('the example of the issue: shown 10, 4-week total 14, two hidden teams of 3 and 1', () => {
    const hidden = suppressSmallCounts(
      [
        { name: 'A', count: 10 },
        { name: 'B', count: 3 },
        { name: 'C', count: 1 },
      ],
      3,
    );
    // C is small, so B is hidden as its complement, shown as "not shown" (never "3 or more").
    // From the total 14 and A = 10: B + C = 4 with C in 0..2 and B in 3..10, so (B, C) may be
    // (3, 1) or (4, 0): neither is determined.
    expect(hidden.map((c) => [c.name, c.count, c.complementary ?? false])).toEqual([
      ['A', 10, false],
      ['B', null, true],
      ['C', null, false],
    ]);
  });

  it('stays fast with long lists (500 teams, 200 topics)', () => {
    const byTeam = Array.from({ length: 500 }, (_, i) => ({ name: `T${i}`, count: i % 7 }));
    const total = byTeam.reduce((a, b) => a + b.count, 0);
    const byTopic = Array.from({ length: 200 }, (_, i) => ({ name: `P${i}`, count: 0 }));
    byTopic[0].count = total;
    const weeks = [...Array(8).fill(5), total - 30, 10, 10, 10];
    const started = Date.now();
    const out = suppressPublished({ weeks, linkedWeeks: 4, byTeam, byTopic }, 3);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(out.byTeam.filter((c) => c.suppressed).length).toBeGreaterThan(0);
  });

  it('teams with zero requests are listed as "fewer than 3", never left off', () => {
    const { snap } = snapshotOf({
      threshold: 3,
      earlier: [5, 5, 5, 5, 5, 5, 5, 5],
      teams: 3,
      topics: 1,
      requests: Array.from({ length: 12 }, (_, i) => ({ week: i % 4, team: 0, topic: 0 })),
    });
    const json = dashboardJson(dashboardFromSnapshot(snap, 3));
    const names = json.breakdowns.byTeam.map((r) => [r.name, r.display]);
    expect(names).toContainEqual(['Team 1', 'fewer than 3']);
    expect(names).toContainEqual(['Team 2', 'fewer than 3']);
  });
});
