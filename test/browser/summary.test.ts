/**
 * Issue #5 acceptance 6: the workbench's Summary tab in Chromium, with its KPI table and the four
 * Summary charts drawn by chart.js from the runtime's chart specs. The workbook is a temp copy of
 * the sample; setUpSheet, normalizeRequests and refreshSummaries run through the real globals.
 * Saves docs/summary.png.
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
import type { RunResultDto } from '../../workbench/types';

const root = path.resolve(__dirname, '../..');
const SCREENSHOT = screenshotPath('summary.png');

/** The titles refreshSummaries gives the Summary charts (src/domain/kpi/specs.ts summaryCharts). */
const SUMMARY_CHART_TITLES = [
  /^Weekly requests \(last \d+ weeks\)/,
  /^Top 10 topics/,
  /^Channel mix/,
  /^Time spent by VSP team \(minutes\)/,
];

function ok(r: RunResultDto): RunResultDto {
  if (!r.ok) throw new Error(`${r.name} failed: ${r.error?.message ?? 'unknown error'}`);
  return r;
}

describeBrowser('workbench Summary tab (Chromium)', () => {
  let tmp: string;
  let session: WorkbenchSession;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'st-summary-browser-'));
    session = await openSession({ root, file: path.join(tmp, 'workbook.json') });
    ok(await session.runMenu('setUpSheet'));
    let runs = 0;
    let status: unknown;
    do {
      const r = ok(await session.runFromClient('normalizeRequests', []));
      status = (r.value as { status?: unknown } | undefined)?.status;
      runs++;
    } while (status === 'continuing' && runs < 50);
    expect(status).not.toBe('continuing');
    ok(await session.runMenu('refreshSummaries'));
    server = await startServer({ session, root, port: 0 });
    browser = await launchChromium();
    page = recordErrors(await browser.newPage({ viewport: { width: 1400, height: 1000 } }), errors);
  }, 60000);

  afterAll(() => closeAll(browser, server, tmp));

  it('shows the KPI table and the four Summary charts, and saves docs/summary.png', async () => {
    await page.goto(server.url);
    await page.locator('[role=tab]', { hasText: /^Summary/ }).click();
    await page.waitForSelector('table.grid tbody tr');
    await page.waitForFunction(() => document.querySelectorAll('figure.chart canvas').length >= 4);

    // The KPI table: its header row and the KPI rows with numbers.
    const kpiHeader = page.locator('table.grid tbody tr', {
      has: page.locator('td', { hasText: /^KPI$/ }),
    });
    expect(await kpiHeader.count()).toBe(1);
    const headerCells = await kpiHeader.locator('td').allTextContents();
    expect(headerCells.join('|')).toMatch(/Last week \(.+\)\|Last 4 weeks \(.+\)\|All time\|Goal/);
    const requestsRow = page.locator('table.grid tbody tr', {
      has: page.locator('td', { hasText: /^Requests$/ }),
    });
    const requestCells = (await requestsRow.first().locator('td').allTextContents()).filter(
      (t) => t !== '',
    );
    expect(requestCells[0]).toBe('Requests');
    expect(Number(requestCells[3].replace(/,/g, ''))).toBeGreaterThan(0); // all time
    const rateRow = page.locator('table.grid tbody tr', {
      has: page.locator('td', { hasText: /^Standardized rate$/ }),
    });
    expect((await rateRow.first().locator('td').allTextContents()).join('|')).toMatch(/%/);

    // The four Summary charts: titled, typed as refreshSummaries made them, canvases painted.
    const captions = await page.locator('figure.chart figcaption').allTextContents();
    expect(captions).toHaveLength(4);
    SUMMARY_CHART_TITLES.forEach((title, i) => expect(captions[i]).toMatch(title));
    expect(captions.map((c) => /— (\w+) chart at/.exec(c)?.[1])).toEqual([
      'line',
      'bar',
      'pie',
      'column',
    ]);
    const painted = await page.$$eval('figure.chart canvas', (canvases) =>
      canvases.map((c) => {
        const canvas = c as HTMLCanvasElement;
        const ctx = canvas.getContext('2d');
        if (!ctx || canvas.width === 0 || canvas.height === 0) return 0;
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) n++;
        return n;
      }),
    );
    expect(painted).toHaveLength(4);
    for (const n of painted) expect(n).toBeGreaterThan(500);

    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    const png = fs.readFileSync(SCREENSHOT);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(20000);
    expect(errors).toEqual([]);
  }, 30000);
});
