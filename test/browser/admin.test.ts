/**
 * Issue 11: the Admin dialog (Support ▸ Admin) in Debian's Chromium, on the local workbench (its
 * google.script.run bridged to the runtime executing the built dist/Code.js): it shows the admin
 * list and the mail policy, saves a change, reports invalid input by field, and has no serious or
 * critical axe violation.
 */
import path from 'node:path';
import type { Browser, Frame } from 'playwright-core';
import { axeSerious, describeBrowser, launchChromium } from '../helpers/browser';
import { ensureBuilt } from '../helpers/runtime';
import { openSession, type WorkbenchSession } from '../../workbench/session';
import { startServer, type RunningServer } from '../../workbench/server';

const ROOT = path.resolve(__dirname, '../..');

describeBrowser('Admin dialog in Chromium on the workbench', () => {
  let browser: Browser;
  let session: WorkbenchSession;
  let server: RunningServer;

  beforeAll(async () => {
    const dist = ensureBuilt();
    session = await openSession({ root: ROOT, file: null, dist });
    await session.runMenu('setUpSheet');
    server = await startServer({ session, root: ROOT, port: 0 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('edits the admins and the mail policy; invalid input is named by field; axe clean', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url);
    const item = page.locator('button[data-fn="showAdminDialog"]');
    await item.waitFor();
    await item.click();
    const handle = await page.waitForSelector('#dialog-frame');
    const frame = (await handle.contentFrame()) as Frame;
    await frame.waitForSelector('#form:not([hidden])');
    const admins = await frame.inputValue('#admins');
    expect(admins.split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(1);
    expect(await frame.inputValue('#maxRecipients')).toBe('25');
    expect(await frame.inputValue('#linkHosts')).toContain('github.com');
    expect(await axeSerious(frame)).toEqual([]);

    // Invalid: a bad domain is reported on its field, nothing is saved.
    await frame.fill('#domains', 'not a domain!');
    await frame.click('#save');
    await frame.waitForFunction(() => document.getElementById('domains-error')?.textContent !== '');
    expect(await frame.textContent('#domains-error')).toContain('Not a domain');
    expect(await frame.getAttribute('#domains', 'aria-invalid')).toBe('true');

    // Valid: add a second admin.
    await frame.fill('#domains', 'example.gov');
    await frame.fill('#admins', `${admins}\nhelper@example.gov`);
    await frame.click('#save');
    await frame.waitForFunction(() =>
      /^Saved/.test(document.getElementById('status')?.textContent ?? ''),
    );
    const stored = session.rt.runFromClient('getAdminState', []) as { admins: string[] };
    expect(stored.admins).toContain('helper@example.gov');
    expect(await axeSerious(frame)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
