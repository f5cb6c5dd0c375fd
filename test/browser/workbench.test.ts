/**
 * The workbench page in Debian's Chromium: tabs as tables, menu buttons running the real globals,
 * the sidebar frame with google.script.run bridged, escaping of cell text, and an axe-core scan.
 * Saves docs/workbench.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  closeAll,
  describeBrowser,
  launchChromium,
  recordErrors,
  screenshotPath,
} from '../helpers/browser';
import { openSession, type WorkbenchSession } from '../../workbench/session';
import { startServer, type RunningServer } from '../../workbench/server';
import { SAMPLE_SHEET_NAME } from '../../samples/generate';

const root = path.resolve(__dirname, '../..');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown }[];
}

async function axeScan(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: path.join(root, 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const r = await axe.run(document, { iframes: false, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

describeBrowser('workbench page (Chromium)', () => {
  let tmp: string;
  let session: WorkbenchSession;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'st-wb-browser-'));
    session = await openSession({ root, file: path.join(tmp, 'workbook.json') });
    // A hostile cell: it must show as text and never run.
    session.rt.spreadsheet
      .getSheetByName(SAMPLE_SHEET_NAME)
      ?.getRange(2, 4)
      .setValue('<img src=x onerror="window.__xss=1"> CI failing');
    server = await startServer({ session, root, port: 0 });
    browser = await launchChromium();
    page = recordErrors(await browser.newPage({ viewport: { width: 1400, height: 900 } }), errors);
  });

  afterAll(() => closeAll(browser, server, tmp));

  it('shows every tab as a paginated table and escapes cell text', async () => {
    await page.goto(server.url);
    await page.waitForSelector('table.grid tbody tr');
    expect(await page.locator('[role=tab]').first().textContent()).toContain(SAMPLE_SHEET_NAME);
    expect(await page.locator('table.grid tbody tr').count()).toBe(100);
    await expect(page.locator('.pager span').first().textContent()).resolves.toMatch(
      /Rows 1.100 of 1001/,
    );
    const cell = page.locator('table.grid tbody td', { hasText: 'onerror' });
    expect(await cell.first().textContent()).toBe(
      '<img src=x onerror="window.__xss=1"> CI failing',
    );
    expect(await page.locator('table.grid img').count()).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).toBeUndefined();
    await page.getByRole('button', { name: /Next/ }).first().click();
    await page.waitForFunction(() =>
      /Rows 101/.test(document.querySelector('.pager span')?.textContent ?? ''),
    );
    expect(await page.locator('table.grid tbody tr th.rownum').first().textContent()).toBe('101');
    await page.getByRole('button', { name: 'Last rows' }).click();
    await page.waitForFunction(() =>
      /Rows 1001.1001 of 1001/.test(document.querySelector('.pager span')?.textContent ?? ''),
    );
    await page.getByRole('button', { name: 'First rows' }).click();
    await page.waitForFunction(() =>
      /Rows 1.100 of/.test(document.querySelector('.pager span')?.textContent ?? ''),
    );
  });

  it('a menu button runs the real global and the tabs update', async () => {
    const button = page.locator('button[data-fn=setUpSheet]');
    await button.click();
    await page.waitForFunction(() =>
      /done/.test(document.getElementById('status')?.textContent ?? ''),
    );
    expect(await page.locator('#status').textContent()).toMatch(
      /Set up \/ repair sheet: done \(\d+ service calls/,
    );
    const tabs = await page.locator('[role=tab]').allTextContents();
    expect(tabs.join('|')).toMatch(/Teams \(20\)/);
    expect(tabs.join('|')).toMatch(/Topics/);
    // The adopted tab now shows the standard headers as a frozen header row.
    await page.locator('[role=tab]', { hasText: SAMPLE_SHEET_NAME }).click();
    await page.waitForSelector('table.grid thead tr.frozen');
    const headers = await page.locator('table.grid thead tr.frozen th').allTextContents();
    expect(headers).toEqual(
      expect.arrayContaining(['Requested at', 'VFS team', 'Topic', 'Summary', 'Priority']),
    );
    // Alerts from the run are shown in the page.
    expect(await page.locator('#alerts .alert').count()).toBeGreaterThan(0);
  });

  it('opens the sidebar in a frame with google.script.run bridged to the runtime', async () => {
    await page.locator('button[data-fn=showSidebar]').click();
    await page.waitForSelector('#sidebar:not([hidden]) iframe#sidebar-frame[src^="/ui/page/"]');
    const frame = page.frameLocator('#sidebar-frame');
    await frame.locator('body').waitFor();
    const handle = await page.$('#sidebar-frame');
    const f = await handle?.contentFrame();
    if (!f) throw new Error('no sidebar frame');
    await f.waitForFunction(
      () => typeof (window as unknown as { google?: unknown }).google === 'object',
    );
    const tz = await f.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const g = (
            window as unknown as {
              google: { script: { run: Record<string, (...a: unknown[]) => unknown> } };
            }
          ).google;
          const runner = g.script.run as unknown as {
            withSuccessHandler(fn: (v: { tz: string }, u: unknown) => void): {
              withFailureHandler(fn: (e: Error) => void): {
                withUserObject(o: unknown): { getFormOptions(): void };
              };
            };
          };
          runner
            .withSuccessHandler((v, u) => resolve(`${v.tz}|${String(u)}`))
            .withFailureHandler(reject)
            .withUserObject('me')
            .getFormOptions();
        }),
    );
    expect(tz).toBe('America/New_York|me');
    // Dates are illegal arguments, as in Apps Script.
    const illegal = await f.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const g = (window as unknown as { google: { script: { run: unknown } } }).google;
          (
            g.script.run as {
              withFailureHandler(fn: (e: Error) => void): { submitRequest(x: unknown): void };
            }
          )
            .withFailureHandler((e) => resolve(e.message))
            .submitRequest({ requestedAt: new Date() });
        }),
    );
    expect(illegal).toMatch(/illegal value/);
    // A request submitted from the sidebar lands in the sheet, and the page's tables refresh.
    const countBefore = await page
      .locator('[role=tab]', { hasText: SAMPLE_SHEET_NAME })
      .textContent();
    const submitted = await f.evaluate(
      () =>
        new Promise<{ ok: boolean; requestId?: string }>((resolve, reject) => {
          type R = Record<string, (...a: unknown[]) => unknown>;
          const run = (window as unknown as { google: { script: { run: R } } }).google.script.run;
          const withHandlers = (ok: (v: unknown) => void): R =>
            (run.withSuccessHandler(ok) as R).withFailureHandler(reject) as R;
          withHandlers((opts) => {
            const o = opts as { now: string; lists: { teams: string[]; topics: string[] } };
            withHandlers((r) => resolve(r as { ok: boolean; requestId?: string })).submitRequest({
              summary: 'Browser test: review instance never came up',
              vfsTeam: o.lists.teams[0],
              topic: o.lists.topics[0],
              channel: 'Slack',
              requestedAt: o.now,
              clientRequestId: 'browser-test-1',
            });
          }).getFormOptions();
        }),
    );
    expect(submitted.ok).toBe(true);
    await page.waitForFunction(
      (before) => document.querySelector('[role=tab]')?.textContent !== before,
      countBefore,
    );
    expect(await page.locator('[role=tab]', { hasText: SAMPLE_SHEET_NAME }).textContent()).toMatch(
      /\(1001\)/,
    );
    await page.getByRole('button', { name: 'Last rows' }).click();
    await page.locator('table.grid tbody td', { hasText: submitted.requestId ?? '?' }).waitFor();
    expect(await page.locator('table.grid tbody tr').last().textContent()).toContain(
      submitted.requestId,
    );
    await page.screenshot({ path: screenshotPath('workbench.png'), fullPage: false });
    // google.script.host.close() closes the sidebar.
    await f.evaluate(() =>
      (
        window as unknown as { google: { script: { host: { close(): void } } } }
      ).google.script.host.close(),
    );
    await page.waitForSelector('#sidebar', { state: 'hidden' });
  });

  it('has zero serious or critical axe violations', async () => {
    const violations = await axeScan(page);
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad).toEqual([]);
    expect(errors).toEqual([]);
  });
});
