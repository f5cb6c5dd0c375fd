import {
  dashboardJson,
  notPublishedJson,
  renderDashboardHtml,
  renderNotPublishedHtml,
} from '../../src/domain/render/dashboard';
import type { DashboardData } from '../../src/domain/render/model';
import { countLabel, suppressSmallCounts } from '../../src/domain/render/suppress';
import { sparklineSvg } from '../../src/domain/render/svg';
import { activeContent, DASHBOARD_TAGS, tagsOf } from '../helpers/htmlSafety';

const WEEKS = Array.from({ length: 12 }, (_, i) => {
  const d = new Date(Date.UTC(2026, 8, 7 + 7 * i));
  return d.toISOString().slice(0, 10);
});

function data(overrides: Partial<DashboardData> = {}): DashboardData {
  return {
    title: 'Support KPIs',
    generatedAt: '2026-11-23T13:05:00.000Z',
    timeZone: 'America/New_York',
    threshold: 3,
    weekStart: '2026-11-16',
    weekEnd: '2026-11-22',
    kpis: [
      { key: 'volume', label: 'Requests', unit: 'count', value: 47 },
      {
        key: 'standardizedRate',
        label: 'Standardized rows',
        unit: 'rate',
        value: 0.96,
        goal: { value: 0.95, direction: 'atLeast' },
      },
    ],
    trends: {
      weeks: WEEKS,
      series: [
        { key: 'volume', label: 'Requests', unit: 'count', values: WEEKS.map((_, i) => 30 + i) },
        {
          key: 'standardizedRate',
          label: 'Standardized rows',
          unit: 'rate',
          values: WEEKS.map((_, i) => (i === 3 ? null : 0.8 + i / 100)),
          goal: { value: 0.95, direction: 'atLeast' },
        },
      ],
    },
    breakdownPeriod: 'last 4 weeks',
    byTeam: suppressSmallCounts(
      [
        { name: 'Benefits', count: 12 },
        { name: 'Health', count: 2 },
        { name: 'Profile', count: 3 },
        { name: 'Vets', count: 1 },
      ],
      3,
    ),
    byTopic: suppressSmallCounts(
      [
        { name: 'CI Error', count: 9 },
        { name: 'Forms', count: 3 },
        { name: 'Design', count: 2 },
        { name: 'SOCKS', count: 1 },
      ],
      3,
    ),
    ...overrides,
  };
}

describe('suppressSmallCounts', () => {
  const at = (out: ReturnType<typeof suppressSmallCounts>, name: string) =>
    out.find((c) => c.name === name);

  it('hides counts under the threshold and shows a count equal to it', () => {
    const out = suppressSmallCounts(
      [
        { name: 'A', count: 2 },
        { name: 'B', count: 3 },
        { name: 'C', count: 4 },
        { name: 'D', count: 1 },
        { name: 'Z', count: 0 },
      ],
      3,
    );
    expect(out).toEqual([
      { name: 'C', count: 4, suppressed: false },
      { name: 'B', count: 3, suppressed: false },
      { name: 'A', count: null, suppressed: true },
      { name: 'D', count: null, suppressed: true },
    ]);
    expect(out.map((c) => countLabel(c, 3))).toEqual(['4', '3', 'fewer than 3', 'fewer than 3']);
  });

  it('follows the threshold setting at both sides of the boundary', () => {
    for (const t of [2, 3, 5, 10]) {
      // Two small entries that together reach the threshold: no complement needed.
      const out = suppressSmallCounts(
        [
          { name: 'below', count: t - 1 },
          { name: 'one', count: 1 },
          { name: 'at', count: t },
          { name: 'above', count: t + 1 },
        ],
        t,
      );
      expect(at(out, 'at')).toEqual({ name: 'at', count: t, suppressed: false });
      expect(at(out, 'above')).toEqual({ name: 'above', count: t + 1, suppressed: false });
      expect(at(out, 'below')).toEqual({ name: 'below', count: null, suppressed: true });
      expect(at(out, 'one')).toEqual({ name: 'one', count: null, suppressed: true });
    }
    expect(suppressSmallCounts([{ name: 'x', count: 1 }], 1)).toEqual([
      { name: 'x', count: 1, suppressed: false },
    ]);
  });

  it('hides the smallest shown count too when a lone small count could be derived from the total', () => {
    const out = suppressSmallCounts(
      [
        { name: 'big', count: 10 },
        { name: 'mid', count: 4 },
        { name: 'tiny', count: 2 },
      ],
      3,
    );
    expect(out).toEqual([
      { name: 'big', count: 10, suppressed: false },
      { name: 'mid', count: null, suppressed: true, complementary: true },
      { name: 'tiny', count: null, suppressed: true },
    ]);
    expect(out.map((c) => countLabel(c, 3))).toEqual(['10', '3 or more', 'fewer than 3']);
  });

  it('adds complements until the hidden entries hold at least the threshold', () => {
    // Two hidden 1s add up to 2 < 3: both would be known to be 1, so one more is hidden.
    const out = suppressSmallCounts(
      [
        { name: 'a', count: 1 },
        { name: 'b', count: 1 },
        { name: 'c', count: 5 },
        { name: 'd', count: 7 },
      ],
      3,
    );
    expect(out.filter((c) => !c.suppressed).map((c) => c.name)).toEqual(['d']);
    expect(at(out, 'c')).toEqual({ name: 'c', count: null, suppressed: true, complementary: true });
  });

  it('orders suppressed entries by name so their ranking does not leak', () => {
    const out = suppressSmallCounts(
      [
        { name: 'b', count: 2 },
        { name: 'a', count: 1 },
      ],
      3,
    );
    expect(out.map((c) => c.name)).toEqual(['a', 'b']);
  });
});

describe('renderDashboardHtml', () => {
  const html = renderDashboardHtml(data());

  it('is a complete accessible page with no script and no external resource', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<title>Support KPIs</title>');
    expect(activeContent(html, DASHBOARD_TAGS)).toEqual([]);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect((html.match(/<caption>/g) ?? []).length).toBe(3);
    expect(
      tagsOf(html)
        .filter((t) => t.name === 'svg')
        .every((t) => t.attrs.role === 'img' && t.attrs['aria-labelledby']),
    ).toBe(true);
  });

  it('shows KPIs with goal status and 12-week trends as inline SVG', () => {
    expect(html).toContain(
      '<span class="value">96%</span><span class="goal">Goal ≥ 95% <span class="met">Meets goal</span>',
    );
    expect(tagsOf(html).filter((t) => t.name === 'svg')).toHaveLength(2);
    expect(html).toContain('Standardized rows, weekly from Sep 7 to Nov 23; latest 91%');
    // The null week breaks the line into two segments.
    expect((html.match(/<polyline/g) ?? []).length).toBe(3);
  });

  it('shows small counts as "fewer than N" at the threshold boundary', () => {
    expect(html).toContain('<th scope="row">Profile</th><td class="num">3</td>');
    expect(html).toContain(
      '<th scope="row">Health</th><td class="num suppressed">fewer than 3</td>',
    );
    expect(html).toContain(
      '<th scope="row">SOCKS</th><td class="num suppressed">fewer than 3</td>',
    );
    expect(html).not.toMatch(/>2<\/td>|>1<\/td>/);
  });

  it('escapes hostile team and topic names', () => {
    const hostile = renderDashboardHtml(
      data({
        title: '<script>alert(1)</script>',
        byTeam: suppressSmallCounts(
          [
            { name: '<img src=x onerror=alert(1)>', count: 5 },
            { name: '"><svg onload=alert(1)>', count: 1 },
          ],
          3,
        ),
        byTopic: suppressSmallCounts([{ name: '<script>alert(1)</script>', count: 4 }], 3),
        trends: {
          weeks: WEEKS,
          series: [
            {
              key: 'x',
              label: '"><svg onload=alert(1)>',
              unit: 'count',
              values: WEEKS.map(() => 1),
            },
          ],
        },
      }),
    );
    expect(activeContent(hostile, DASHBOARD_TAGS)).toEqual([]);
    expect(hostile).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(tagsOf(hostile).filter((t) => t.name === 'svg')).toHaveLength(1);
  });

  it('renders empty data with clear empty states', () => {
    const empty = renderDashboardHtml(
      data({ kpis: [], trends: { weeks: [], series: [] }, byTeam: [], byTopic: [] }),
    );
    expect(empty).toContain('No data yet.');
    expect(empty).toContain('No requests in the last 4 weeks.');
    expect(activeContent(empty, DASHBOARD_TAGS)).toEqual([]);
  });
});

describe('dashboardJson', () => {
  it('carries the same aggregates, with suppressed counts as null', () => {
    const json = dashboardJson(data());
    expect(json.published).toBe(true);
    expect(json.smallCountThreshold).toBe(3);
    expect(json.kpis[1]).toEqual({
      key: 'standardizedRate',
      label: 'Standardized rows',
      unit: 'rate',
      value: 0.96,
      goal: { value: 0.95, direction: 'atLeast' },
      n: null,
      tooFew: false,
    });
    expect(json.trends.weeks).toHaveLength(12);
    expect(json.breakdowns.byTeam).toEqual([
      { name: 'Benefits', count: 12, suppressed: false, display: '12' },
      { name: 'Profile', count: 3, suppressed: false, display: '3' },
      { name: 'Health', count: null, suppressed: true, display: 'fewer than 3' },
      { name: 'Vets', count: null, suppressed: true, display: 'fewer than 3' },
    ]);
    const complement = dashboardJson(
      data({
        byTeam: suppressSmallCounts(
          [
            { name: 'A', count: 9 },
            { name: 'B', count: 4 },
            { name: 'C', count: 1 },
          ],
          3,
        ),
      }),
    );
    expect(complement.breakdowns.byTeam[1]).toEqual({
      name: 'B',
      count: null,
      suppressed: true,
      display: '3 or more',
    });
    // Round-trips through JSON without loss.
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('not published', () => {
  it('is a plain page and a plain JSON message', () => {
    const html = renderNotPublishedHtml();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('This dashboard is not published.');
    expect(activeContent(html, DASHBOARD_TAGS)).toEqual([]);
    expect(notPublishedJson()).toEqual({
      version: 1,
      published: false,
      message: 'This dashboard is not published.',
    });
  });
});

describe('sparklineSvg', () => {
  it('draws a single point as a circle and all-null as just the axis', () => {
    expect(sparklineSvg([5], { title: 't', id: 'a' })).toContain('<circle');
    const none = sparklineSvg([null, null], { title: 't', id: 'b' });
    expect(none).not.toContain('<polyline');
    expect(none).toContain('<title id="b-title">t</title>');
  });
});
