/**
 * Issue 6: the public dashboard web app (`doGet`) through the local runtime on the BUILT bundle.
 * Acceptance 2 (hostile text inert), 3 (no PII in HTML or JSON), 4 (small counts at the boundary),
 * plus publishing switch, JSON format and the 10-minute cache. Always on the bound build, which
 * alone has the web app (issue 13).
 */
import type { Runtime } from '../../packages/gas-runtime/src';
import { HEADERS, type FieldKey } from '../../src/domain/schema';
import { loadBuiltRuntime } from '../helpers/runtime';
import { sampleRows, TEAMS } from '../helpers/reportData';
import { setSetting, summariesWorkbook } from './summariesHelpers';
import { activeContent, DASHBOARD_TAGS } from '../helpers/htmlSafety';

const NOW = new Date('2026-11-24T15:00:00Z');
const HOSTILE_TEAM = '<img src=x onerror=alert(1)>"><svg onload=alert(2)>';

/** The data rows written to the Requests tab (host access), and the published snapshot. */
function setup(rowsCount?: number): { rt: Runtime; rows: unknown[][] } {
  let rows = sampleRows({ end: '2026-11-23' });
  if (rowsCount)
    while (rows.length < rowsCount) rows = rows.concat(rows.slice(0, rowsCount - rows.length));
  const teamCol = HEADERS.indexOf('VFS team');
  // Five requests from the hostile-named team in the last 4 weeks: shown (escaped) by name.
  for (let i = 1; i <= 5; i++) rows[rows.length - i][teamCol] = HOSTILE_TEAM;
  // The web app is the bound build's (issue 13: the add-on build has the Dashboard tab instead,
  // test/bundle/dashboard-tab.test.ts), so these tests run on it whichever build is under test.
  const rt = summariesWorkbook(rows, NOW, { addon: false }, [...TEAMS, HOSTILE_TEAM]);
  // The real pipeline: refreshSummaries computes the Report and stores the dashboard snapshot.
  rt.run('refreshSummaries');
  return { rt, rows };
}

function piiValues(rows: unknown[][]): string[] {
  const fields: FieldKey[] = ['requester', 'loggedBy', 'summary', 'link', 'notes', 'requestId'];
  const headers: Record<string, string> = {
    requester: 'Requester',
    loggedBy: 'Logged by',
    summary: 'Summary',
    link: 'Link',
    notes: 'Notes',
    requestId: 'Request ID',
  };
  const out = new Set<string>();
  for (const r of rows)
    for (const f of fields) {
      const v = String(r[HEADERS.indexOf(headers[f])] ?? '').trim();
      if (v) out.add(v);
    }
  // Free text typed into the team column (an email address) must not be published either.
  for (const r of rows) {
    const t = String(r[HEADERS.indexOf('VFS team')]);
    if (t.includes('@')) out.add(t);
  }
  return [...out];
}

describe('doGet: publishing switch', () => {
  it('serves a plain "not published" page and JSON by default', () => {
    const { rt } = setup();
    const html = rt.get();
    expect(html.kind).toBe('html');
    expect(html.content).toContain('This dashboard is not published.');
    expect(html.content).not.toContain('Requests per week');
    const json = rt.get({ format: 'json' });
    expect(json.mimeType).toBe('application/json');
    expect(JSON.parse(json.content)).toEqual({
      version: 1,
      published: false,
      message: 'This dashboard is not published.',
    });
  });
});

describe('doGet: published dashboard', () => {
  const { rt, rows } = setup();
  setSetting(rt, 'Dashboard published', true);
  const html = rt.get().content;
  rt.cache.clear();
  const json = rt.get({ format: 'json' }).content;

  it('serves the KPIs, 12-week trends and breakdowns, in HTML and JSON', () => {
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Key indicators');
    expect((html.match(/<svg /g) ?? []).length).toBe(8);
    const j = JSON.parse(json);
    expect(j.published).toBe(true);
    expect(j.trends.weeks).toHaveLength(12);
    expect(j.breakdowns.byTeam.length).toBeGreaterThan(2);
  });

  it('leaks no requester, email address, summary text, link or note (acceptance 3)', () => {
    const secrets = piiValues(rows);
    expect(secrets.length).toBeGreaterThan(1000);
    for (const s of secrets) {
      expect(html.includes(s)).toBe(false);
      expect(json.includes(s)).toBe(false);
    }
    for (const out of [html, json]) {
      expect(out).not.toMatch(/[\w.+-]+@[\w-]+\.[a-z]{2,}/i);
      expect(out).not.toMatch(/slack\.com|github\.com|docs\.google\.com/);
      expect(out).not.toMatch(/Summary text number|Requester Person|Private note/);
    }
  });

  it('renders a hostile team name inert (acceptance 2)', () => {
    expect(activeContent(html, DASHBOARD_TAGS)).toEqual([]);
    expect(html).toContain(
      '&lt;img src=x onerror=alert(1)&gt;&quot;&gt;&lt;svg onload=alert(2)&gt;',
    );
    expect(JSON.parse(json).breakdowns.byTeam.map((t: { name: string }) => t.name)).toContain(
      HOSTILE_TEAM,
    );
  });

  it('shows counts under the Settings threshold as "fewer than N", at the boundary (acceptance 4)', () => {
    type Entry = { name: string; count: number | null; suppressed: boolean; display: string };
    const served = (t: number): { byTeam: Entry[]; byTopic: Entry[]; html: string } => {
      setSetting(rt, 'Small-count threshold', t);
      rt.cache.clear();
      const j = JSON.parse(rt.get({ format: 'json' }).content);
      expect(j.smallCountThreshold).toBe(t);
      rt.cache.clear();
      return { ...j.breakdowns, html: rt.get().content };
    };
    // Threshold 1 shows every exact count.
    const exact = new Map<string, number>();
    const all = served(1);
    for (const e of [...all.byTeam, ...all.byTopic]) {
      expect(e.suppressed).toBe(false);
      exact.set(e.name, e.count as number);
    }
    expect(exact.get(HOSTILE_TEAM)).toBe(5);
    for (const t of [3, 5, 6]) {
      const s = served(t);
      for (const e of [...s.byTeam, ...s.byTopic]) {
        const n = exact.get(e.name) as number;
        if (n < t)
          expect(e).toEqual({
            name: e.name,
            count: null,
            suppressed: true,
            display: `fewer than ${t}`,
          });
        else if (e.suppressed)
          expect(e).toEqual({
            name: e.name,
            count: null,
            suppressed: true,
            display: `${t} or more`,
          });
        else expect(e).toEqual({ name: e.name, count: n, suppressed: false, display: String(n) });
      }
      expect(s.html).toContain(`fewer than ${t}`);
      const hostile = s.byTeam.find((e) => e.name === HOSTILE_TEAM) as Entry;
      // 5 requests: hidden as small at 6, never "fewer than" at 5 (the boundary).
      if (t === 6) expect(hostile.display).toBe('fewer than 6');
      else expect(hostile.display).not.toMatch(/fewer/);
    }
    setSetting(rt, 'Small-count threshold', 3);
    rt.cache.clear();
  });
});

describe('doGet: cached and cheap', () => {
  function cost(
    rt: Runtime,
    params?: Record<string, string>,
  ): { calls: number; byMethod: Record<string, number> } {
    rt.tracker.reset();
    rt.get(params);
    const s = rt.tracker.snapshot();
    return { calls: s.calls, byMethod: s.byMethod };
  }

  it('never reads the data tab; a warm cache reads no sheet; the cost does not grow with rows', () => {
    const small = setup();
    const big = setup(20000);
    for (const { rt } of [small, big]) setSetting(rt, 'Dashboard published', true);
    const coldSmall = cost(small.rt);
    const coldBig = cost(big.rt);
    expect(coldBig.calls).toBe(coldSmall.calls);
    expect(coldSmall.calls).toBeLessThanOrEqual(15);
    expect(JSON.stringify(coldBig.byMethod)).not.toMatch(/Requests/);
    const warm = cost(big.rt);
    const warmJson = cost(big.rt, { format: 'json' });
    // Issue 11: Settings are read on every request (uncached, so unpublishing applies at once:
    // spreadsheet + Settings tab + one getValues), then the versioned snapshot cache (properties
    // store + version, cache + get) and the output. Never the data tab, at any row count.
    expect(warm.calls).toBeLessThanOrEqual(13);
    expect(warmJson.calls).toBeLessThanOrEqual(12);
    expect(warm.byMethod['Cache.get']).toBe(1);
    expect(JSON.stringify(warm.byMethod)).not.toMatch(/Requests/);
    expect(warm.byMethod['Range.getValues'] ?? 0).toBeLessThanOrEqual(1);
  });

  it('doGet after unpublish: "not published" at once (issue 11)', () => {
    const { rt } = setup();
    setSetting(rt, 'Dashboard published', true);
    expect(rt.get().content).toContain('Key indicators');
    expect(rt.get().content).toContain('Key indicators'); // warm
    setSetting(rt, 'Dashboard published', false);
    // No clock advance, no refresh: the very next request.
    expect(rt.get().content).toContain('This dashboard is not published.');
    expect(JSON.parse(rt.get({ format: 'json' }).content)).toMatchObject({ published: false });
    expect(rt.get({ format: 'json' }).content).not.toMatch(/byTeam|kpis/);
  });

  it('says "not ready" when published but no summary was stored yet', () => {
    const rt = loadBuiltRuntime({ now: NOW, addon: false });
    rt.run('setUpSheet');
    setSetting(rt, 'Dashboard published', true);
    expect(rt.get().content).toContain('Dashboard not ready');
    expect(JSON.parse(rt.get({ format: 'json' }).content)).toMatchObject({
      published: true,
      ready: false,
    });
  });
});
