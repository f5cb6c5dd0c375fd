/**
 * Issue 12 item 6 / issue 10 item 5: the Normalize dialog in Chromium on the workbench (the
 * shipped sample, adopted by setUpSheet). The action bar stays in view (sticky) however long the
 * preview is; after the run the result appears right above it, where the user is looking, and the
 * "what will change" preview is replaced by it. Ambiguous values offer bulk resolution buttons.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  axeSerious,
  closeAll,
  describeBrowser,
  launchChromium,
  recordErrors,
  screenshotPath,
} from '../helpers/browser';
import { openSession, type WorkbenchSession } from '../../workbench/session';
import { startServer, type RunningServer } from '../../workbench/server';

const root = path.resolve(__dirname, '../..');

describeBrowser('Normalize dialog (Chromium)', () => {
  let tmp: string;
  let session: WorkbenchSession;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'st-normalize-dialog-'));
    session = await openSession({ root, file: path.join(tmp, 'workbook.json') });
    await session.runMenu('setUpSheet');
    server = await startServer({ session, root, port: 0 });
    browser = await launchChromium();
    page = recordErrors(await browser.newPage({ viewport: { width: 1280, height: 800 } }), errors);
  });
  afterAll(async () => {
    await closeAll(browser, server);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('keeps the action bar in view, shows the result where the user looks and replaces the preview', async () => {
    await page.goto(server.url);
    await page.locator('button[data-fn=showNormalizeDialog]').click();
    await page.waitForSelector('dialog#dialog[open]');
    const handle = await page.waitForSelector('#dialog-frame');
    const frame = (await handle.contentFrame())!;
    await frame.waitForSelector('#summary:not([hidden])');
    // Sticky action bar: the Normalize button is inside the frame's viewport at once.
    const inView = await frame.evaluate(() => {
      const b = document.getElementById('confirm')!.getBoundingClientRect();
      return b.top >= 0 && b.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    expect(
      await frame.evaluate(() => getComputedStyle(document.querySelector('.actions')!).position),
    ).toBe('sticky');
    // Ambiguous values offer one button per candidate, and "leave".
    const resolveButtons = await frame.locator('td.resolve button').count();
    expect(resolveButtons).toBeGreaterThan(0);
    expect(await axeSerious(frame)).toEqual([]);

    await frame.click('#confirm');
    await frame.waitForSelector('#result:not([hidden])', { timeout: 60000 });
    expect(await frame.textContent('#result-text')).toMatch(/Standardized \d+ cells/);
    // The preview is replaced by the result, which is in view next to the action bar.
    expect(await frame.locator('#intro').isHidden()).toBe(true);
    expect(await frame.locator('#summary').isHidden()).toBe(true);
    expect(await frame.locator('#examples-section').isHidden()).toBe(true);
    const resultInView = await frame.evaluate(() => {
      const r = document.getElementById('result')!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(resultInView).toBe(true);
    await page.screenshot({ path: screenshotPath('normalize-dialog.png') });
    expect(errors).toEqual([]);
  });
});
