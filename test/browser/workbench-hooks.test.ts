/**
 * The workbench hooks in Chromium, on a fixture bundle: charts drawn with the local chart.js, the
 * Outbox view with its inline image, and /dashboard with google.script.run bridged.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { closeAll, describeBrowser, launchChromium } from '../helpers/browser';
import { fixtureDist } from '../helpers/workbenchFixture';
import { openSession } from '../../workbench/session';
import { startServer, type RunningServer } from '../../workbench/server';

const root = path.resolve(__dirname, '../..');

describeBrowser('workbench hooks (Chromium)', () => {
  let tmp: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'st-wb-hooks-browser-'));
    const session = await openSession({
      root,
      dist: fixtureDist(tmp),
      file: path.join(tmp, 'w.json'),
    });
    server = await startServer({ session, root, port: 0 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    page.on('request', (r) => requests.push(r.url()));
  });
  afterAll(() => closeAll(browser, server, tmp));

  it('draws a tab’s charts with chart.js served locally', async () => {
    await page.goto(server.url);
    await page.locator('button[data-fn=refreshSummaries]').click();
    await page.waitForFunction(() =>
      /done/.test(document.getElementById('status')?.textContent ?? ''),
    );
    await page.locator('[role=tab]', { hasText: 'Summary' }).click();
    await page.waitForSelector('figure.chart canvas');
    expect(await page.locator('figure.chart figcaption').textContent()).toMatch(
      /Weekly volume .* line chart at E1/,
    );
    expect(await page.evaluate(() => typeof (window as unknown as { Chart?: unknown }).Chart)).toBe(
      'function',
    );
    // The canvas was painted (not blank).
    const painted = await page.$eval('figure.chart canvas', (c) => {
      const ctx = (c as HTMLCanvasElement).getContext('2d');
      if (!ctx) return false;
      const { data } = ctx.getImageData(
        0,
        0,
        (c as HTMLCanvasElement).width,
        (c as HTMLCanvasElement).height,
      );
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
      return false;
    });
    expect(painted).toBe(true);
    expect(requests.every((u) => u.startsWith(server.url))).toBe(true);
  });

  it('shows sent email in the Outbox with the inline image', async () => {
    await page.locator('button[data-fn=sendWeeklySummary]').click();
    await page.waitForFunction(() =>
      /Send weekly summary: done/.test(document.getElementById('status')?.textContent ?? ''),
    );
    await page.locator('[role=tab]', { hasText: 'Outbox (1)' }).click();
    await page.waitForSelector('article.mail iframe');
    expect(await page.locator('article.mail h3').textContent()).toBe(
      'Support requests, week of W3: 4 (-20%)',
    );
    const frame = page.frameLocator('article.mail iframe');
    const img = frame.locator('img[alt="Weekly volume"]');
    await img.waitFor();
    expect(await img.evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  });

  it('shows a modal dialog in the page; google.script.host.close() closes it', async () => {
    await page.locator('button[data-fn=previewWeeklyEmail]').click();
    await page.waitForSelector('dialog#dialog[open]');
    expect(await page.locator('#dialog-title').textContent()).toBe('Weekly email preview');
    const frame = page.frameLocator('#dialog-frame');
    expect(await frame.locator('#p').textContent()).toBe('Weekly email preview');
    await frame.getByRole('button', { name: 'Close' }).click();
    await page.waitForSelector('dialog#dialog:not([open])', { state: 'attached' });
    expect(await page.locator('dialog#dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(
      false,
    );
  });

  it('serves the dashboard with google.script.run bridged', async () => {
    const dash = await browser.newPage();
    await dash.goto(`${server.url}dashboard`);
    await dash.waitForFunction(() => document.title === 'pong');
    expect(await dash.locator('h1').textContent()).toBe('KPI dashboard');
    await dash.close();
  });
});
