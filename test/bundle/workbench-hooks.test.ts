/**
 * The workbench hooks that later features light up (charts, outbox, /dashboard), exercised with a
 * small fixture bundle in a temporary dist/ that defines those globals, loaded by the same runtime.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSession, type WorkbenchSession } from '../../workbench/session';
import { startServer, type RunningServer } from '../../workbench/server';
import type { ChartDto, OutboxItemDto, StateDto } from '../../workbench/types';
import { fixtureDist } from '../helpers/workbenchFixture';

const root = path.resolve(__dirname, '../..');

describe('workbench hooks: charts, outbox, dashboard', () => {
  let tmp: string;
  let session: WorkbenchSession;
  let server: RunningServer;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'st-wb-hooks-'));
    session = await openSession({ root, dist: fixtureDist(tmp), file: path.join(tmp, 'w.json') });
    server = await startServer({ session, root, port: 0 });
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const post = (p: string, body: unknown): Promise<Response> =>
    fetch(server.url + p, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('draws charts from the runtime chart specs and the sheet values', async () => {
    expect((await (await post('api/menu', { name: 'refreshSummaries' })).json()).ok).toBe(true);
    const state = (await (await fetch(`${server.url}api/state`)).json()) as StateDto;
    expect(state.sheets.find((s) => s.name === 'Summary')?.charts).toBe(1);
    const charts = (await (
      await fetch(`${server.url}api/charts?sheet=Summary`)
    ).json()) as ChartDto[];
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({
      type: 'line',
      title: 'Weekly volume',
      labels: ['W1', 'W2', 'W3'],
      series: [
        { name: 'Requests', data: [3, 5, 4] },
        { name: 'Resolved', data: [2, 4, 4] },
      ],
      anchor: { row: 1, column: 5 },
    });
  });

  it('lists sent email in the outbox and renders inline images as data: URLs', async () => {
    expect((await (await post('api/menu', { name: 'sendWeeklySummary' })).json()).ok).toBe(true);
    const items = (await (await fetch(`${server.url}api/outbox`)).json()) as OutboxItemDto[];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      to: ['lead@example.gov'],
      inlineImages: ['volume'],
      hasHtml: true,
    });
    const res = await fetch(`${server.url}outbox/${items[0].id}`);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await res.text();
    expect(html).toMatch(
      /<img src="data:image\/png;base64,[A-Za-z0-9+/=]{40,}" alt="Weekly volume">/,
    );
    expect(html).not.toContain('cid:');
    expect((await fetch(`${server.url}outbox/999`)).status).toBe(404);
  });

  it('serves doGet at /dashboard (HTML with the bridge, JSON through ContentService)', async () => {
    const state = (await (await fetch(`${server.url}api/state`)).json()) as StateDto;
    expect(state.dashboard).toBe(true);
    const page = await fetch(`${server.url}dashboard`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('<h1>KPI dashboard</h1>');
    expect(html).toContain('data-workbench-bridge');
    const json = await fetch(`${server.url}dashboard?format=json`);
    expect(json.headers.get('content-type')).toMatch(/application\/json/);
    expect(await json.json()).toEqual({ weeks: 3 });
  });

  it('persists the outbox and charts across a restart', async () => {
    const again = await openSession({
      root,
      dist: path.join(tmp, 'dist'),
      file: path.join(tmp, 'w.json'),
    });
    expect(again.outbox()).toHaveLength(1);
    expect(again.charts('Summary')).toEqual(session.charts('Summary'));
  });
});
