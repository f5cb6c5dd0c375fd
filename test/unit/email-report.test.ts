/**
 * The Report -> view-model mappings (digestFromReport, dashboardFromReport) on a small data set,
 * including the PII guarantee of the dashboard (HTML and JSON).
 */
import { computeReport } from '../../src/domain/kpi/report';
import { headerMapOf } from '../../src/domain/headers';
import { HEADERS, type FieldKey, FIELD_KEYS } from '../../src/domain/schema';
import { zonedTime } from '../../src/domain/time';
import {
  dashboardFromReport,
  digestFromReport,
  OTHER_LABEL,
} from '../../src/domain/render/fromReport';
import { renderWeeklyEmail } from '../../src/domain/render/email';
import { dashboardJson, renderDashboardHtml } from '../../src/domain/render/dashboard';
import { activeContent, EMAIL_TAGS } from '../helpers/htmlSafety';

const TZ = 'America/New_York';
const at = (m: number, d: number, h = 10, min = 0): Date => zonedTime(TZ, 2026, m, d, h, min);

function row(v: Partial<Record<FieldKey, unknown>>): unknown[] {
  return FIELD_KEYS.map((k) => (v[k] === undefined ? '' : v[k]));
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
];

const rows: unknown[][] = [
  // Last complete week: Mon Nov 16 .. Sun Nov 22, 2026.
  row({
    requestId: 'SR-1',
    requestedAt: at(11, 16, 9),
    requester: 'Alice Veteran',
    loggedBy: 'alice@agency.example',
    vfsTeam: 'Benefits',
    channel: 'Slack',
    topic: 'CI Error',
    summary: 'Jenkins broke on main',
    link: 'https://dsva.slack.com/archives/C0ABCDEFG/p1712345678123456',
    documentationGap: true,
    firstResponseAt: at(11, 16, 10),
    resolution: 'Pointed to existing docs',
    resolvedAt: at(11, 17, 9),
    notes: 'secret note one',
  }),
  row({
    requestId: 'SR-2',
    requestedAt: at(11, 17, 11),
    requester: 'Bob Builder',
    vfsTeam: 'Benefits',
    channel: 'Slack',
    topic: 'CI Error',
    summary: HOSTILE[0],
    link: 'javascript:alert(1)',
    documentationGap: true,
    notes: HOSTILE[1],
  }),
  row({
    requestId: 'SR-3',
    requestedAt: at(11, 18, 14),
    requester: 'carol@agency.example',
    vfsTeam: 'Benefits',
    channel: 'GitHub',
    topic: 'Forms',
    summary: HOSTILE[2],
    link: 'https://github.com/org/repo/issues/77',
    automationCandidate: true,
    resolution: 'Automated answer',
  }),
  row({
    requestId: 'SR-4',
    requestedAt: at(11, 20, 15),
    requester: 'Dan',
    vfsTeam: 'dan.private@agency.example',
    channel: 'Email',
    topic: 'Forms',
    summary: 'Typed an email as team',
  }),
  row({
    requestId: 'SR-5',
    requestedAt: at(11, 22, 12),
    requester: 'Eve',
    vfsTeam: 'Health',
    channel: 'Slack',
    topic: 'Datadog',
    summary: 'Weekend dashboards',
  }),
  // Week before: Nov 9..15.
  row({
    requestId: 'SR-6',
    requestedAt: at(11, 10),
    requester: 'Fay',
    vfsTeam: 'Benefits',
    channel: 'Slack',
    topic: 'CI Error',
    summary: 'old one',
    documentationGap: true,
  }),
  row({
    requestId: 'SR-7',
    requestedAt: at(11, 12),
    requester: 'Gus',
    vfsTeam: 'Health',
    channel: 'Slack',
    topic: 'API',
    summary: 'old two',
  }),
  // Current (incomplete) week: not in last week.
  row({
    requestId: 'SR-8',
    requestedAt: at(11, 24),
    requester: 'Hal',
    vfsTeam: 'Benefits',
    channel: 'Slack',
    topic: 'CI Error',
    summary: 'this week',
    documentationGap: true,
  }),
];

const headerMap = headerMapOf(HEADERS);
const standard = new Set(['SR-1', 'SR-2', 'SR-3', 'SR-5', 'SR-6', 'SR-7', 'SR-8']);
const report = computeReport(rows, headerMap, {
  timeZone: TZ,
  now: at(11, 25, 8),
  isStandardized: (r) => standard.has(String(r[(headerMap.requestId as number) - 1])),
});

describe('digestFromReport', () => {
  const d = digestFromReport(report, {
    rows,
    headerMap,
    sheetUrl: 'https://docs.google.com/spreadsheets/d/abc/edit',
    needsLabelUrl: 'https://docs.google.com/spreadsheets/d/abc/edit#gid=7',
    dashboardUrl: '',
    hasChartImage: true,
  });

  it('covers the last complete week with the Report numbers', () => {
    expect(d.weekStart).toBe('2026-11-16');
    expect(d.weekEnd).toBe('2026-11-22');
    expect(d.count).toBe(5);
    expect(d.previousCount).toBe(2);
    expect(d.topTopics).toEqual([
      { name: 'CI Error', count: 2 },
      { name: 'Forms', count: 2 },
      { name: 'Datadog', count: 1 },
    ]);
    expect(d.needsLabel.count).toBe(1);
    expect(d.chartCid).toBe('weeklyVolume');
    expect(d.weeklyVolume).toHaveLength(12);
    expect(d.weeklyVolume.slice(-2)).toEqual([
      { weekStart: '2026-11-09', count: 2 },
      { weekStart: '2026-11-16', count: 5 },
    ]);
  });

  it('lists only the week’s flagged rows with their summary and link', () => {
    expect(d.docGaps.total).toBe(2);
    expect(d.docGaps.requests.map((r) => r.requestId)).toEqual(['SR-1', 'SR-2']);
    expect(d.docGaps.requests[0]).toEqual({
      requestId: 'SR-1',
      topic: 'CI Error',
      summary: 'Jenkins broke on main',
      link: 'https://dsva.slack.com/archives/C0ABCDEFG/p1712345678123456',
    });
    expect(d.automationCandidates.requests.map((r) => r.requestId)).toEqual(['SR-3']);
    expect(d.kpis.find((k) => k.key === 'standardizedRate')).toEqual({
      key: 'standardizedRate',
      label: 'Standardized rows',
      unit: 'rate',
      value: 0.8,
      goal: { value: 0.95, direction: 'atLeast' },
      n: 5,
    });
  });

  it('renders the hostile rows inert', () => {
    const e = renderWeeklyEmail(d);
    expect(e.subject).toBe('Support requests, week of Nov 16–22: 5 (+150%)');
    expect(activeContent(e.htmlBody, EMAIL_TAGS)).toEqual([]);
    expect(e.htmlBody).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('dashboardFromReport: aggregates only', () => {
  const data = dashboardFromReport(report, {
    threshold: 3,
    teams: ['Benefits', 'Health'],
    topics: ['CI Error', 'Forms', 'Datadog', 'API'],
  });
  const html = renderDashboardHtml(data);
  const json = JSON.stringify(dashboardJson(data));

  it('publishes list names only, pools free text and suppresses small counts', () => {
    expect(data.byTeam).toEqual([
      { name: 'Benefits', count: 4, suppressed: false },
      { name: 'Health', count: null, suppressed: true },
      { name: OTHER_LABEL, count: null, suppressed: true },
    ]);
    expect(data.byTopic.find((t) => t.name === 'CI Error')).toEqual({
      name: 'CI Error',
      count: 3,
      suppressed: false,
    });
    expect(html).toContain('fewer than 3');
  });

  it('leaks no requester, email address, summary, link or note (HTML and JSON)', () => {
    const secrets = new Set<string>();
    for (const r of rows) {
      for (const k of [
        'requester',
        'loggedBy',
        'summary',
        'link',
        'notes',
        'requestId',
      ] as FieldKey[]) {
        const v = String(r[(headerMap[k] as number) - 1] ?? '').trim();
        if (v) secrets.add(v);
      }
    }
    secrets.add('dan.private@agency.example');
    for (const s of secrets) {
      expect(html).not.toContain(s);
      expect(json).not.toContain(s);
      // Escaped forms too.
      expect(html).not.toContain(
        s
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/>/g, '&gt;')
          .replace(/"/g, '&quot;'),
      );
    }
    expect(html).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    expect(json).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('has the 12 trend weeks and the last-week KPIs', () => {
    expect(data.trends.weeks).toHaveLength(12);
    expect(data.trends.series[0].values.slice(-2)).toEqual([2, 5]);
    expect(data.kpis[0]).toEqual({ key: 'requests', label: 'Requests', unit: 'count', value: 5 });
    expect(data.breakdownPeriod).toBe('last 4 weeks (Oct 26–Nov 22, 2026)');
  });
});
