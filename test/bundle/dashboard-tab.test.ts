/**
 * Issue 13: the editor add-on's public dashboard is its Dashboard tab (no web app). Through BOTH
 * built bundles on the same workbook: the add-on's tab holds exactly the aggregates the bound
 * build's `doGet ?format=json` serves (the same JSON, laid out by dashboardTab), and it passes the
 * dashboard's privacy tests: no requester, email, summary, link or note; small counts suppressed.
 */
import type { Runtime } from '../../packages/gas-runtime/src';
import { HEADERS, SHEETS } from '../../src/domain/schema';
import { dashboardTab } from '../../src/domain/render/dashboardTab';
import type { DashboardJson } from '../../src/domain/render/dashboard';
import { sampleRows, TEAMS } from '../helpers/reportData';
import { sheetValues } from '../helpers/runtime';
import { setSetting, summariesWorkbook } from './summariesHelpers';

const NOW = new Date('2026-11-24T15:00:00Z');
const HOSTILE_TEAM = '=HYPERLINK("http://evil.example","<b>x</b>")';
const PII_HEADERS = ['Requester', 'Logged by', 'Summary', 'Link', 'Notes', 'Request ID'];

function rows(): unknown[][] {
  const r = sampleRows({ end: '2026-11-23' });
  const teamCol = HEADERS.indexOf('VFS team');
  // Five requests from a team whose name looks like a formula: shown literally, never evaluated.
  // (Typed with Sheets' apostrophe, so the cell holds the text.)
  for (let i = 1; i <= 5; i++) r[r.length - i][teamCol] = `'${HOSTILE_TEAM}`;
  return r;
}

function workbook(addon: boolean, threshold: number): Runtime {
  // The Teams tab is plain text ('@'): a name is typed there raw, never parsed (issue 10).
  const rt = summariesWorkbook(rows(), NOW, { addon }, [...TEAMS, HOSTILE_TEAM]);
  setSetting(rt, 'Small-count threshold', threshold);
  setSetting(rt, 'Dashboard published', true);
  rt.run('refreshSummaries');
  return rt;
}

/** The bound build's web JSON for the same workbook. */
function webJson(threshold: number): DashboardJson {
  const bound = workbook(false, threshold);
  return JSON.parse(bound.get({ format: 'json' }).content) as DashboardJson;
}

function piiValues(data: unknown[][]): string[] {
  const out = new Set<string>();
  for (const r of data)
    for (const h of PII_HEADERS) {
      const v = String(r[HEADERS.indexOf(h)] ?? '').trim();
      if (v) out.add(v);
    }
  return [...out];
}

/**
 * The hostile team as the data tab holds it. The fixture types it with Sheets' apostrophe; in a
 * plain-text column the runtime's "kept" reading (issue 10) keeps that apostrophe as a character,
 * so the stored name, and the dashboard's, is then `'=HYPERLINK...`. Either way it is text.
 */
function storedHostile(rt: Runtime): string {
  const col = HEADERS.indexOf('VFS team');
  const row = (sheetValues(rt, SHEETS.data) ?? []).find((r) =>
    String(r[col]).includes('HYPERLINK'),
  );
  return String(row?.[col] ?? '');
}

describe('the add-on Dashboard tab', () => {
  const addon = workbook(true, 3);
  const tab = sheetValues(addon, SHEETS.dashboard) ?? [];
  const json = webJson(3);

  it('holds the same aggregates as the web JSON of the bound build', () => {
    expect(tab.length).toBeGreaterThan(20);
    expect(tab).toEqual(dashboardTab(json).values);
    // Spot checks: the numbers are numbers, equal to the JSON's.
    const kpi = json.kpis.find((k) => k.value !== null);
    expect(kpi).toBeDefined();
    expect(tab.find((r) => r[0] === kpi?.label)?.[1]).toBe(kpi?.value);
    expect(json.breakdowns.byTeam.length).toBeGreaterThan(2);
  });

  it('numbers show without a trailing point: whole numbers "0", fractions "0.###"', () => {
    const ss = addon.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    const sheet = ss.getSheetByName(SHEETS.dashboard) as GoogleAppsScript.Spreadsheet.Sheet;
    const formats = sheet.getDataRange().getNumberFormats();
    let whole = 0;
    let fraction = 0;
    tab.forEach((r, i) =>
      r.forEach((v, j) => {
        if (typeof v !== 'number') return;
        if (Number.isInteger(v)) whole += formats[i][j] === '0' ? 1 : -1000;
        else fraction += formats[i][j] === '0.###' ? 1 : -1000;
      }),
    );
    expect(whole).toBeGreaterThan(5);
    expect(fraction).toBeGreaterThan(0);
  });

  it('leaks no requester, email address, summary text, link or note', () => {
    const text = JSON.stringify(tab);
    const secrets = piiValues(rows());
    expect(secrets.length).toBeGreaterThan(100);
    for (const s of secrets) expect(text.includes(s)).toBe(false);
    expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[a-z]{2,}/i);
    expect(text).not.toMatch(/slack\.com|github\.com|docs\.google\.com/);
  });

  it('writes a formula-like team name as literal text', () => {
    const ss = addon.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    const sheet = ss.getSheetByName(SHEETS.dashboard) as GoogleAppsScript.Spreadsheet.Sheet;
    const formulas = sheet.getDataRange().getFormulas();
    expect(formulas.flat().filter((f) => f !== '')).toEqual([]);
    expect(storedHostile(addon)).toMatch(
      new RegExp(`^'?${HOSTILE_TEAM.replace(/[()".]/g, '\\$&')}$`),
    );
    expect(tab.some((r) => r[0] === storedHostile(addon))).toBe(true);
  });

  it('suppresses small counts like the web JSON, at the boundary', () => {
    for (const t of [5, 6]) {
      const rt = workbook(true, t);
      const a = sheetValues(rt, SHEETS.dashboard) ?? [];
      const j = webJson(t);
      expect(a).toEqual(dashboardTab(j).values);
      const hostile = a.find((r) => r[0] === storedHostile(rt));
      expect(hostile).toBeDefined();
      // 5 requests: hidden as small at 6, never "fewer than" at 5 (the boundary).
      if (t === 6) expect(hostile?.slice(1, 3)).toEqual(['', 'fewer than 6']);
      else expect(hostile?.[2]).not.toMatch(/fewer/);
    }
  });

  it('keeps nothing in Script properties (shared by every document using the add-on)', () => {
    expect([...addon.properties.script.keys()]).toEqual([]);
  });

  it('the ask globals refuse in the add-on: nothing written, nothing cached across documents', () => {
    const before = sheetValues(addon, SHEETS.data)!.length;
    const r = addon.runFromClient('submitAsk', {
      question: 'How do I deploy?',
      answered: true,
      clientRequestId: 'addon-ask-1',
    }) as { ok: boolean; message: string };
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/not part of the Support Tracker add-on/);
    expect(() => addon.runFromClient('getAskSuggestions', 'deploy my app')).toThrow(
      /not part of the Support Tracker add-on/,
    );
    expect(sheetValues(addon, SHEETS.data)!.length).toBe(before);
    expect([...addon.properties.script.keys()]).toEqual([]);
  });

  it("the add-on's doGet reads nothing and points to the tab", () => {
    addon.tracker.reset();
    const page = addon.get({ format: 'json' });
    expect(page.kind).toBe('html');
    expect(page.content).toContain('Publish to web');
    const calls = Object.keys(addon.tracker.snapshot().byMethod);
    expect(calls.filter((m) => /Spreadsheet|Sheet|Range|Properties|Cache/.test(m))).toEqual([]);
  });

  it('the bound build keeps its web app and writes no Dashboard tab', () => {
    const bound = workbook(false, 3);
    expect(sheetValues(bound, SHEETS.dashboard)).toBeNull();
    expect(bound.get().content).toContain('Key indicators');
  });
});
