/**
 * The workbench behind `npm start`: the built bundle in the local runtime, served over HTTP on
 * 127.0.0.1, persisting its workbook; plus `--smoke` and `--import`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSession, tabNameFor, type WorkbenchSession } from '../../workbench/session';
import { startServer, type RunningServer } from '../../workbench/server';
import { runSmoke } from '../../workbench/smoke';
import { parseArgs } from '../../workbench/main';
import { escapeHtml, injectBridge, renderShell } from '../../workbench/page';
import { LEGACY_HEADERS, SAMPLE_SHEET_NAME, SAMPLE_TEAMS } from '../../samples/generate';
import type { RunResultDto, SheetPageDto, StateDto } from '../../workbench/types';
import { ADDON_BUILD } from '../helpers/runtime';

const root = path.resolve(__dirname, '../..');
let tmp: string;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'st-wb-test-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('workbench server', () => {
  let session: WorkbenchSession;
  let server: RunningServer;
  let file: string;

  beforeEach(async () => {
    file = path.join(tmp, 'workbook.json');
    session = await openSession({ root, file });
    server = await startServer({ session, root, port: 0 });
  });
  afterEach(async () => {
    await server.close();
  });

  it('listens on 127.0.0.1 only and serves the page', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const addr = server.server.address();
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1');
    const res = await fetch(server.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('Support Tracker workbench');
    expect(html).toContain('role="tablist"');
    expect(html).not.toMatch(/<script[^>]+src=["']?https?:/i);
  });

  it('seeds the sample sheet on first run and shows the Support menu from onOpen', async () => {
    const state = (await (await fetch(`${server.url}api/state`)).json()) as StateDto;
    expect(state.sheets[0]).toMatchObject({
      name: SAMPLE_SHEET_NAME,
      rows: 1001,
      cols: LEGACY_HEADERS.length,
    });
    const support = state.menus.find((m) => m.caption === 'Support');
    expect(support).toBeDefined();
    const fns = (support?.items ?? []).flatMap((i) => (i.type === 'item' ? [i.functionName] : []));
    expect(fns).toContain('setUpSheet');
    expect(state.globals).toContain('onOpen');
    expect(fs.existsSync(file)).toBe(true);
    // The sample workbook runs on its own clock, just after the sample period, so "last week"
    // reports have data and year-less dates ("3/5") get the sample's year, as Sheets would.
    expect(state.now.slice(0, 10)).toBe('2024-09-03');
    const dates = session.sheetPage(SAMPLE_SHEET_NAME, 1, 1000)?.values.map((r) => r[0]) ?? [];
    expect(dates.filter((d) => /2024/.test(d)).length).toBeGreaterThan(900);
    expect(dates.filter((d) => /2025|2026/.test(d))).toEqual([]);
    const again = await openSession({ root, file });
    expect(again.state().now.slice(0, 7)).toBe('2024-09');
  });

  it('pages through a 1,000-row tab, 100 rows at a time, with display values', async () => {
    const url = (o: number, l = 100): string =>
      `${server.url}api/sheet?name=${encodeURIComponent(SAMPLE_SHEET_NAME)}&offset=${o}&limit=${l}`;
    const first = (await (await fetch(url(0))).json()) as SheetPageDto;
    expect(first.rows).toBe(1001);
    expect(first.values).toHaveLength(100);
    expect(first.values[0]).toHaveLength(LEGACY_HEADERS.length);
    for (const v of first.values.flat()) expect(typeof v).toBe('string');
    const last = (await (await fetch(url(950))).json()) as SheetPageDto;
    // No frozen row yet: the header row is data row 1, so 1,001 rows in all.
    expect(last.values).toHaveLength(51);
    const capped = (await (await fetch(url(0, 100000))).json()) as SheetPageDto;
    expect(capped.values).toHaveLength(1000);
    expect((await fetch(`${server.url}api/sheet?name=Nope`)).status).toBe(404);
  });

  it('runs a menu function through the API, updates the tabs and persists the workbook', async () => {
    const res = await post(`${server.url}api/menu`, { name: 'setUpSheet' });
    expect(res.status).toBe(200);
    const r = (await res.json()) as RunResultDto;
    expect(r.error).toBeUndefined();
    expect(r.ok).toBe(true);
    expect(r.stats.calls).toBeGreaterThan(0);
    const names = r.state.sheets.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([SAMPLE_SHEET_NAME, 'Teams', 'Topics', 'Lists', 'Settings']),
    );
    // The adopted tab now has the standard headers, frozen.
    const data = r.state.sheets.find((s) => s.name === SAMPLE_SHEET_NAME);
    expect(data?.frozenRows).toBe(1);
    const page = (await (
      await fetch(
        `${server.url}api/sheet?name=${encodeURIComponent(SAMPLE_SHEET_NAME)}&offset=0&limit=5`,
      )
    ).json()) as SheetPageDto;
    expect(page.header[0]).toEqual(
      expect.arrayContaining(['Requested at', 'VFS team', 'Topic', 'Summary', 'Priority']),
    );
    // The sample Teams list was seeded into the new Teams tab.
    const teams = (await (
      await fetch(`${server.url}api/sheet?name=Teams&offset=0&limit=100`)
    ).json()) as SheetPageDto;
    expect(teams.values.map((row) => row[0])).toEqual(SAMPLE_TEAMS.map((t) => t.name));

    // Persistence: a restart (a new session on the same file) sees the same workbook.
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      version: number;
      meta: { teamsSeeded: boolean };
    };
    expect(saved.version).toBe(1);
    expect(saved.meta.teamsSeeded).toBe(true);
    const again = await openSession({ root, file });
    expect(again.state().sheets).toEqual(r.state.sheets);
    expect(again.sheetPage(SAMPLE_SHEET_NAME, 0, 3)).toEqual(
      session.sheetPage(SAMPLE_SHEET_NAME, 0, 3),
    );
    // --reset reseeds from the sample.
    const fresh = await openSession({ root, file, reset: true });
    expect(fresh.state().sheets.map((s) => s.name)).toEqual([SAMPLE_SHEET_NAME]);
  });

  it('reports a failing or unknown function as an error result, not a crash', async () => {
    const r = (await (
      await post(`${server.url}api/menu`, { name: 'noSuchFunction' })
    ).json()) as RunResultDto;
    expect(r.ok).toBe(false);
    expect(r.error?.message).toMatch(/not found/);
    expect((await post(`${server.url}api/menu`, { name: 'x; alert(1)' })).status).toBe(400);
  });

  it('serves the sidebar with the google.script shim and bridges google.script.run', async () => {
    const before = (await (
      await post(`${server.url}api/run`, { name: 'getFormOptions', args: [] })
    ).json()) as RunResultDto;
    // Before setup there is no data tab: the error travels back as google.script.run would report it.
    if (!before.ok) expect(before.error?.message).toBeTruthy();
    expect(
      ((await (await post(`${server.url}api/menu`, { name: 'setUpSheet' })).json()) as RunResultDto)
        .ok,
    ).toBe(true);
    const r = (await (
      await post(`${server.url}api/menu`, { name: 'showSidebar' })
    ).json()) as RunResultDto;
    expect(r.ok).toBe(true);
    const sb = r.state.sidebar;
    expect(sb?.kind).toBe('sidebar');
    const html = await (await fetch(`${server.url}ui/page/${sb?.index}`)).text();
    expect(html).toContain('data-workbench-bridge');
    // The shim comes before the page's own scripts.
    expect(html.indexOf('data-workbench-bridge')).toBeLessThan(html.indexOf('<script>'));
    const run = (await (
      await post(`${server.url}api/run`, { name: 'getFormOptions', args: [] })
    ).json()) as RunResultDto;
    expect(run.ok).toBe(true);
    expect(run.value).toMatchObject({ tz: 'America/New_York' });
    const bad = (await (
      await post(`${server.url}api/run`, { name: 'submitRequest', args: [{ nope: 1 }] })
    ).json()) as RunResultDto;
    expect(bad.ok).toBe(true);
    expect(bad.value).toMatchObject({ ok: false });
  });

  it('refuses foreign Host headers, cross-origin POSTs and non-JSON POSTs', async () => {
    const http = await import('node:http');
    const status = (headers: Record<string, string>, method = 'GET', body = ''): Promise<number> =>
      new Promise((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port: server.port,
            path: method === 'GET' ? '/api/state' : '/api/menu',
            method,
            headers,
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    expect(await status({ host: 'evil.example:80' })).toBe(403);
    expect(await status({ host: `127.0.0.1:${server.port}` })).toBe(200);
    expect(await status({ host: `localhost:${server.port}` })).toBe(200);
    const body = JSON.stringify({ name: 'setUpSheet' });
    expect(
      await status(
        {
          host: `127.0.0.1:${server.port}`,
          origin: 'http://evil.example',
          'content-type': 'application/json',
        },
        'POST',
        body,
      ),
    ).toBe(403);
    expect(
      await status(
        { host: `127.0.0.1:${server.port}`, 'content-type': 'text/plain' },
        'POST',
        body,
      ),
    ).toBe(415);
  });

  it('serves chart.js locally and answers /dashboard only when doGet exists', async () => {
    const js = await fetch(`${server.url}vendor/chart.umd.js`);
    expect(js.status).toBe(200);
    expect((await js.text()).length).toBeGreaterThan(100000);
    const dash = await fetch(`${server.url}dashboard`);
    expect(dash.status).toBe(session.rt.hasGlobal('doGet') ? 200 : 404);
    expect(await (await fetch(`${server.url}api/outbox`)).json()).toEqual(
      session.rt.outbox.messages.map((m) => expect.objectContaining({ id: m.id })),
    );
  });
});

describe('--import FILE.csv', () => {
  it('loads an exported sheet into a new workbook, tab named after the file, text kept literal', async () => {
    const csv = path.join(tmp, 'Team support: 2023 export.csv');
    fs.writeFileSync(
      csv,
      '\uFEFFDate,Team,Notes\r\n3/5/2024,"Check-in, Experience","<img src=x onerror=alert(1)>"\r\n,,"two\nlines"\r\n',
    );
    const s = await openSession({ root, file: path.join(tmp, 'w.json'), importCsv: csv });
    const st = s.state();
    expect(st.sheets.map((x) => x.name)).toEqual(['Team support 2023 export']);
    expect(st.workbook).toBe('Team support 2023 export');
    const page = s.sheetPage('Team support 2023 export', 0, 10);
    expect(page?.values[0]).toEqual(['Date', 'Team', 'Notes']);
    expect(page?.values[1][1]).toBe('Check-in, Experience');
    expect(page?.values[1][2]).toBe('<img src=x onerror=alert(1)>');
    expect(page?.values[2][2]).toBe('two\nlines');
  });

  it('names tabs safely', () => {
    expect(tabNameFor('/x/My sheet.csv')).toBe('My sheet');
    expect(tabNameFor('a[b]*c?.csv')).toBe('a b c');
    expect(tabNameFor('.csv')).toBe('Imported');
    expect(tabNameFor(`${'x'.repeat(150)}.csv`)).toHaveLength(100);
  });
});

describe('page helpers', () => {
  it('escapes the shell text and injects the bridge before any page script', () => {
    expect(escapeHtml('<a href="x">\'&')).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
    expect(renderShell('', '<script>alert(1)</script>')).not.toContain('<script>alert(1)</script>');
    expect(
      injectBridge(
        '<!doctype html><html><head><title>t</title><script>x()</script></head></html>',
        'B',
      ),
    ).toBe(
      '<!doctype html><html><head><script data-workbench-bridge>B</script><title>t</title><script>x()</script></head></html>',
    );
    expect(injectBridge('<!DOCTYPE html><p>hi', 'B')).toBe(
      '<!DOCTYPE html><script data-workbench-bridge>B</script><p>hi',
    );
    expect(injectBridge('<p>hi', 'B')).toBe('<script data-workbench-bridge>B</script><p>hi');
  });

  it('parses the command line', () => {
    expect(parseArgs([])).toMatchObject({
      port: 8080,
      reset: false,
      smoke: false,
      importCsv: null,
    });
    expect(parseArgs([], { PORT: '9000' }).port).toBe(9000);
    expect(parseArgs(['--port', '0', '--reset']).port).toBe(0);
    expect(parseArgs(['--port=1234', '--import', 'x.csv'])).toMatchObject({
      port: 1234,
      importCsv: 'x.csv',
    });
    expect(parseArgs(['--smoke']).smoke).toBe(true);
    expect(parseArgs([]).addon).toBe(false);
    expect(parseArgs(['--addon']).addon).toBe(true);
    expect(parseArgs([], { ST_ADDON: '1' }).addon).toBe(true);
    expect(() => parseArgs(['--bogus'])).toThrow(/unknown option/);
    expect(() => parseArgs(['--port', 'x'])).toThrow(/invalid port/);
    expect(() => parseArgs(['--import', 'x.xlsx'])).toThrow(/csv/);
  });
});

describe('npm start -- --smoke', () => {
  it('runs the whole menu flow on a fresh sample copy and passes', async () => {
    const lines: string[] = [];
    // The build under test: `npm start -- --smoke` or `npm start -- --addon --smoke`.
    const result = await runSmoke({ root, addon: ADDON_BUILD, log: (l) => lines.push(l) });
    if (!result.ok) throw new Error(lines.join('\n'));
    expect(result.ok).toBe(true);
    const names = result.steps.map((s) => s.name);
    expect(names[0]).toMatch(/seed/);
    expect(names).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/onOpen under AuthMode.NONE/),
        expect.stringMatching(/setUpSheet/),
      ]),
    );
    expect(lines).toHaveLength(result.steps.length + 1);
    expect(lines.at(-1)).toMatch(/all \d+ steps passed/);
  });

  it('fails (without throwing) when the bundle is missing', async () => {
    const lines: string[] = [];
    const result = await runSmoke({
      root,
      dist: path.join(tmp, 'no-dist'),
      log: (l) => lines.push(l),
      http: false,
    });
    expect(result.ok).toBe(false);
    expect(lines[0]).toMatch(/^FAIL seed/);
    expect(lines.at(-1)).toMatch(/FAILED/);
  });
});
