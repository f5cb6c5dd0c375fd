import {
  EMAIL_SECTIONS,
  MAX_EMAIL_BYTES,
  renderWeeklyEmail,
  utf8Length,
  weeklySubject,
} from '../../src/domain/render/email';
import { formatChange, formatDayRange, formatKpiValue } from '../../src/domain/render/format';
import type { DigestRequest, WeeklyDigest } from '../../src/domain/render/model';
import { isValidEmail, validateRecipients } from '../../src/domain/recipients';
import { activeContent, EMAIL_TAGS, tagsOf } from '../helpers/htmlSafety';

function digest(overrides: Partial<WeeklyDigest> = {}): WeeklyDigest {
  return {
    timeZone: 'America/New_York',
    weekStart: '2026-11-16',
    weekEnd: '2026-11-22',
    count: 47,
    previousCount: 42,
    kpis: [
      {
        key: 'standardizedRate',
        label: 'Standardized rows',
        unit: 'rate',
        value: 0.9,
        goal: { value: 0.95, direction: 'atLeast' },
      },
      {
        key: 'ackWithinSla',
        label: 'Acknowledged within SLA',
        unit: 'rate',
        value: 0.97,
        goal: { value: 0.9, direction: 'atLeast' },
      },
      {
        key: 'firstResponseMedianBh',
        label: 'First response, median (business hours)',
        unit: 'hours',
        value: 1.25,
      },
      {
        key: 'resolutionP90',
        label: 'Time to resolution, 90th percentile',
        unit: 'days',
        value: null,
      },
    ],
    topTopics: [
      { name: 'CI Error', count: 12 },
      { name: 'Access Request', count: 9 },
      { name: 'Forms', count: 6 },
      { name: 'Datadog', count: 5 },
      { name: 'PR Review', count: 4 },
      { name: 'SOCKS', count: 3 },
    ],
    weeklyVolume: [
      { weekStart: '2026-11-02', count: 30 },
      { weekStart: '2026-11-09', count: 42 },
      { weekStart: '2026-11-16', count: 47 },
    ],
    docGaps: {
      total: 2,
      byTopic: [{ name: 'CI Error', count: 2 }],
      requests: [
        {
          requestId: 'SR-20261117-a1b2',
          topic: 'CI Error',
          summary: 'Jenkins build fails on main',
          link: 'https://dsva.slack.com/archives/C0ABCDEFG/p1712345678123456',
        },
        {
          requestId: 'SR-20261118-c3d4',
          topic: 'CI Error',
          summary: 'Where is the retry doc?',
          link: '',
        },
      ],
    },
    automationCandidates: {
      total: 1,
      byTopic: [{ name: 'Access Request', count: 1 }],
      requests: [
        {
          requestId: 'SR-20261119-e5f6',
          topic: 'Access Request',
          summary: 'Grant Datadog access',
          link: 'https://github.com/org/repo/issues/9',
        },
      ],
    },
    needsLabel: { count: 7, url: 'https://docs.google.com/spreadsheets/d/abc/edit#gid=42' },
    sheetUrl: 'https://docs.google.com/spreadsheets/d/abc/edit',
    dashboardUrl: 'https://script.google.com/macros/s/xyz/exec',
    chartCid: null,
    ...overrides,
  };
}

describe('weekly subject', () => {
  it('matches the issue example', () => {
    expect(weeklySubject(digest())).toBe('Support requests, week of Nov 16–22: 47 (+12%)');
  });
  it('handles a week across a month boundary', () => {
    expect(weeklySubject(digest({ weekStart: '2026-11-30', weekEnd: '2026-12-06' }))).toBe(
      'Support requests, week of Nov 30–Dec 6: 47 (+12%)',
    );
  });
  it('handles a week across a year boundary', () => {
    expect(
      weeklySubject(
        digest({ weekStart: '2026-12-28', weekEnd: '2027-01-03', count: 10, previousCount: 20 }),
      ),
    ).toBe('Support requests, week of Dec 28, 2026–Jan 3, 2027: 10 (-50%)');
  });
  it('says no change, up from 0, or nothing without a prior week', () => {
    expect(weeklySubject(digest({ count: 42, previousCount: 42 }))).toBe(
      'Support requests, week of Nov 16–22: 42 (no change)',
    );
    expect(weeklySubject(digest({ count: 5, previousCount: 0 }))).toBe(
      'Support requests, week of Nov 16–22: 5 (up from 0)',
    );
    expect(weeklySubject(digest({ count: 5, previousCount: null }))).toBe(
      'Support requests, week of Nov 16–22: 5',
    );
    expect(weeklySubject(digest({ count: 0, previousCount: 0 }))).toBe(
      'Support requests, week of Nov 16–22: 0 (no change)',
    );
  });
  it('shows one decimal for small changes and thousands separators', () => {
    expect(formatChange(1001, 1000)).toBe('+0.1%');
    expect(weeklySubject(digest({ count: 1234, previousCount: 1000 }))).toBe(
      'Support requests, week of Nov 16–22: 1,234 (+23%)',
    );
  });
});

describe('format helpers', () => {
  it('formats ranges and KPI values', () => {
    expect(formatDayRange('2026-11-16', '2026-11-22', true)).toBe('Nov 16–22, 2026');
    expect(formatKpiValue(0.956, 'rate')).toBe('96%');
    expect(formatKpiValue(0.05, 'rate')).toBe('5%');
    expect(formatKpiValue(1.25, 'hours')).toBe('1.3 h');
    expect(formatKpiValue(null, 'days')).toBe('—');
    expect(formatKpiValue(1500, 'minutes')).toBe('1,500 min');
  });
});

describe('renderWeeklyEmail', () => {
  const email = renderWeeklyEmail(digest());

  it('has the sections in the issue order, in HTML and in plain text', () => {
    const htmlIdx = EMAIL_SECTIONS.map((s) => email.htmlBody.indexOf(`>${s}</h2>`));
    expect(htmlIdx.every((i) => i > 0)).toBe(true);
    expect([...htmlIdx].sort((a, b) => a - b)).toEqual(htmlIdx);
    const textIdx = EMAIL_SECTIONS.map((s) => email.textBody.indexOf(`\n${s.toUpperCase()}\n`));
    expect(textIdx.every((i) => i > 0)).toBe(true);
    expect([...textIdx].sort((a, b) => a - b)).toEqual(textIdx);
  });

  it('uses tables and inline styles only: no script, no style sheet, no external resource', () => {
    expect(activeContent(email.htmlBody, EMAIL_TAGS)).toEqual([]);
    expect(email.htmlBody).not.toMatch(/<style|<link|<script|class=/i);
    expect(tagsOf(email.htmlBody).filter((t) => t.name === 'table').length).toBeGreaterThan(3);
  });

  it('shows the headline, KPI goal status and top 5 topics only', () => {
    expect(email.htmlBody).toContain('>47 <span');
    expect(email.htmlBody).toContain('+12% vs the week before (42)');
    expect(email.htmlBody).toMatch(
      /Standardized rows<\/td><td[^>]*>90%<\/td><td[^>]*><\/td><td[^>]*>≥ 95%<\/td><td[^>]*><span[^>]*>Below goal/,
    );
    expect(email.htmlBody).toMatch(
      /Acknowledged within SLA<\/td><td[^>]*>97%<\/td><td[^>]*><\/td><td[^>]*>≥ 90%<\/td><td[^>]*><span[^>]*>Met/,
    );
    expect(email.htmlBody).toContain('PR Review');
    expect(email.htmlBody).not.toContain('SOCKS');
    expect(email.textBody).toContain('5. PR Review: 4 #');
    expect(email.textBody).not.toContain('SOCKS');
  });

  it('draws HTML bars without a chart, and the cid image when one is attached', () => {
    expect(email.htmlBody).not.toContain('cid:');
    expect(email.htmlBody).toContain('Week of Nov 16');
    const withChart = renderWeeklyEmail(digest({ chartCid: 'weeklyVolume' }));
    const img = tagsOf(withChart.htmlBody).find((t) => t.name === 'img');
    expect(img?.attrs.src).toBe('cid:weeklyVolume');
    expect(img?.attrs.alt).toContain('Nov 16 47');
  });

  it('lists flagged requests with summary and link, the label nudge and the links', () => {
    expect(email.htmlBody).toContain(
      'Jenkins build fails on main <a href="https://dsva.slack.com/archives/C0ABCDEFG/p1712345678123456"',
    );
    expect(email.htmlBody).toContain('Grant Datadog access');
    expect(email.htmlBody).toContain(
      '7 rows need a label: <a href="https://docs.google.com/spreadsheets/d/abc/edit#gid=42"',
    );
    expect(email.htmlBody).toContain('href="https://script.google.com/macros/s/xyz/exec"');
    expect(email.textBody).toContain(
      '7 rows need a label: https://docs.google.com/spreadsheets/d/abc/edit#gid=42',
    );
    expect(email.textBody).toContain(
      '- [CI Error] SR-20261117-a1b2: Jenkins build fails on main <https://dsva.slack.com/archives/C0ABCDEFG/p1712345678123456>',
    );
  });

  it('handles empty sections and an unpublished dashboard', () => {
    const e = renderWeeklyEmail(
      digest({
        count: 0,
        previousCount: null,
        kpis: [],
        topTopics: [],
        weeklyVolume: [],
        docGaps: { total: 0, byTopic: [], requests: [] },
        automationCandidates: { total: 0, byTopic: [], requests: [] },
        needsLabel: { count: 0, url: '' },
        dashboardUrl: '',
      }),
    );
    expect(e.subject).toBe('Support requests, week of Nov 16–22: 0');
    expect(e.htmlBody).toContain('No new documentation gaps this week.');
    expect(e.htmlBody).toContain('Every row is labelled.');
    expect(e.htmlBody).not.toContain('dashboard</a>');
    expect(e.textBody).toContain('0 requests (no earlier week to compare with)');
  });

  it('renders hostile summaries, topics and links inert', () => {
    const hostile: DigestRequest[] = [
      {
        requestId: '<b>id</b>',
        topic: '<script>alert(1)</script>',
        summary: '<script>alert("x")</script>',
        link: 'javascript:alert(1)',
      },
      {
        requestId: 'x',
        topic: 'API',
        summary: '<img src=x onerror=alert(1)>',
        link: 'https://ok.example/"><svg onload=alert(1)>',
      },
      {
        requestId: 'y',
        topic: '"><svg onload=alert(1)>',
        summary: '"><svg onload=alert(1)>',
        link: 'data:text/html,<script>alert(1)</script>',
      },
    ];
    const e = renderWeeklyEmail(
      digest({
        topTopics: [{ name: '<img src=x onerror=alert(1)>', count: 3 }],
        docGaps: {
          total: 3,
          byTopic: [{ name: '<script>x</script>', count: 3 }],
          requests: hostile,
        },
        automationCandidates: { total: 3, byTopic: [], requests: hostile },
        needsLabel: { count: 2, url: 'javascript:alert(2)' },
        sheetUrl: 'javascript:alert(3)',
        dashboardUrl: 'javascript:alert(4)',
      }),
    );
    expect(activeContent(e.htmlBody, EMAIL_TAGS)).toEqual([]);
    expect(e.htmlBody).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(e.htmlBody).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(e.htmlBody).toContain('(javascript:alert(1))');
    expect(tagsOf(e.htmlBody).filter((t) => t.name === 'a')).toEqual([]);
  });

  it('stays under 100 KB with hundreds of long flagged requests', () => {
    const many: DigestRequest[] = Array.from({ length: 2000 }, (_, i) => ({
      requestId: `SR-20261117-${i}`,
      topic: 'Something Else',
      summary: `Ünïcödé ${'long text with <tags> & quotes " '.repeat(40)} ${i}`,
      link: `https://dsva.slack.com/archives/C0ABCDEFG/p17123456781${String(i).padStart(5, '0')}`,
    }));
    const e = renderWeeklyEmail(
      digest({
        docGaps: {
          total: 2000,
          byTopic: [{ name: 'Something Else', count: 2000 }],
          requests: many,
        },
        automationCandidates: {
          total: 2000,
          byTopic: [{ name: 'Something Else', count: 2000 }],
          requests: many,
        },
        weeklyVolume: Array.from({ length: 12 }, (_, i) => ({
          weekStart: `2026-09-${String(i + 1).padStart(2, '0')}`,
          count: i,
        })),
      }),
    );
    expect(utf8Length(e.htmlBody)).toBeLessThanOrEqual(MAX_EMAIL_BYTES);
    expect(e.htmlBody).toContain('more requests');
    expect(e.textBody).toContain('...and 1,975 more requests');
  });

  it('counts UTF-8 bytes', () => {
    expect(utf8Length('a')).toBe(1);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('–')).toBe(3);
    expect(utf8Length('😀')).toBe(4);
  });
});

describe('recipient validation', () => {
  it('accepts plain addresses and reports invalid ones', () => {
    const r = validateRecipients(
      'lead@va.gov, bad-address; team.support+weekly@example.org\nJane Doe <jane@example.org>, x@y, a@b..com, LEAD@va.gov',
    );
    expect(r.valid).toEqual(['lead@va.gov', 'team.support+weekly@example.org', 'jane@example.org']);
    expect(r.invalid).toEqual(['bad-address', 'x@y', 'a@b..com']);
  });
  it('rejects header injection and oddities', () => {
    expect(isValidEmail('a@b.org\r\nBcc: x@y.org')).toBe(false);
    expect(isValidEmail('"quoted"@b.org')).toBe(false);
    expect(isValidEmail('a@-b.org')).toBe(false);
    expect(isValidEmail('a..b@c.org')).toBe(false);
    expect(isValidEmail(`${'a'.repeat(65)}@b.org`)).toBe(false);
    expect(isValidEmail('first.last@sub.example.co.uk')).toBe(true);
  });
  it('accepts arrays and ignores blanks', () => {
    expect(validateRecipients(['a@b.org', '', null, 'c@d.org'])).toEqual({
      valid: ['a@b.org', 'c@d.org'],
      invalid: [],
    });
    expect(validateRecipients('')).toEqual({ valid: [], invalid: [] });
  });
});
