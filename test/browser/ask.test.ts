/**
 * Issue 14: the "Ask platform support" page (doGet ?page=ask of the BUILT bundle) in Chromium, its
 * google.script.run bridged to the local runtime as a signed-in domain visitor of the web app:
 * type a question, see suggestions, click "This answered it"; axe finds no serious/critical
 * violation; a hostile curated title stays text.
 */
import type { Browser, Page } from 'playwright-core';
import type { Runtime } from '../../packages/gas-runtime/src';
import { HEADERS } from '../../src/domain/schema';
import { axeSerious, describeBrowser, launchChromium, screenshotPath } from '../helpers/browser';
import { loadBuiltRuntime, sheetValues } from '../helpers/runtime';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const VISITOR = 'dev@example.gov';
const CI_DOC = 'https://docs.example.gov/ci/troubleshooting';
const HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1">CI workflow failures';

function workbook(): Runtime {
  const rt = loadBuiltRuntime();
  rt.run('setUpSheet');
  const ss = rt.spreadsheet as unknown as Spreadsheet;
  ss.getSheetByName('Teams')!
    .getRange(2, 1, 2, 3)
    .setValues([
      ['Benefits Team', '', false],
      ['Health Apps', '', false],
    ]);
  const topics = ss.getSheetByName('Topics')!;
  const values = topics.getDataRange().getValues();
  const row = values.findIndex((r) => r[0] === 'CI Error');
  topics.getRange(row + 1, 6).setValue(CI_DOC);
  ss.insertSheet('Answer links')
    .getRange(1, 1, 2, 5)
    .setValues([
      ['Topic', 'Title', 'Link', 'Keywords', 'Disabled'],
      ['CI Error', HOSTILE_TITLE, 'https://docs.example.gov/ci/actions', 'workflow', false],
    ]);
  return rt;
}

/** google.script.run for a page opened with setContent: every call goes to the runtime. */
const SHIM = `<script>
(function () {
  function runner(ok, fail) {
    return new Proxy({}, {
      get: function (_t, name) {
        if (name === 'withSuccessHandler') return function (f) { return runner(f, fail); };
        if (name === 'withFailureHandler') return function (f) { return runner(ok, f); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          window.__gasCall(String(name), JSON.stringify(args)).then(function (r) {
            var v = JSON.parse(r);
            if (v.error !== undefined) { if (fail) fail(new Error(v.error)); }
            else if (ok) ok(v.value);
          });
        };
      },
    });
  }
  window.google = { script: { run: runner(null, null) } };
})();
</script>`;

async function openAsk(browser: Browser, rt: Runtime, calls: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 760, height: 900 } });
  await page.exposeFunction('__gasCall', (name: string, argsJson: string) => {
    calls.push(name);
    try {
      const args = JSON.parse(argsJson) as unknown[];
      const value = rt.runFromClientAs({ user: VISITOR, webApp: true }, name, ...args);
      return JSON.stringify({ value: value === undefined ? null : value });
    } catch (e) {
      return JSON.stringify({ error: (e as Error).message });
    }
  });
  const res = rt.get({ page: 'ask' }, { visitor: VISITOR });
  expect(res.title).toBe('Ask platform support');
  await page.setContent(res.content.replace('<head>', `<head>${SHIM}`), { waitUntil: 'load' });
  return page;
}

describeBrowser('ask page in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('type a question, see suggestions, click "This answered it" (axe clean)', async () => {
    const rt = workbook();
    const calls: string[] = [];
    const errors: string[] = [];
    const page = await openAsk(browser, rt, calls);
    page.on('pageerror', (e) => errors.push(String(e)));
    // The team picker is filled from getAskPageOptions.
    await page.getByText(`Signed in as ${VISITOR}.`).waitFor();
    expect(await page.locator('#team option').allTextContents()).toContain('Health Apps');

    await page
      .getByLabel('Your question')
      .pressSequentially('Our CI build failed, the workflow is red');
    const items = page.locator('#s-list li');
    await items.first().waitFor();
    expect(await items.count()).toBeGreaterThan(0);
    expect(await items.count()).toBeLessThanOrEqual(3);
    await expect(page.locator('#s-list').textContent()).resolves.toContain('Topic: CI Error');
    // The hostile curated title is visible as text, never markup.
    expect(await page.getByText(HOSTILE_TITLE).count()).toBe(1);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(await page.locator('#s-list img').count()).toBe(0);
    expect(await page.locator('#s-list a[href^="https://docs.example.gov/"]').count()).toBe(
      await items.count(),
    );
    expect(await axeSerious(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('ask.png'), fullPage: true });

    await page.getByLabel('Your team (optional)').selectOption('Health Apps');
    const first = await page.locator('#s-list label').first().textContent();
    await page.getByRole('button', { name: 'This answered it' }).click();
    await page.getByText(/Logged as SR-\d{8}-[0-9A-Z]{4}/).waitFor();
    expect(await axeSerious(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(calls).toContain('submitAsk');

    const rows = (sheetValues(rt, 'Requests') ?? []).slice(1);
    expect(rows).toHaveLength(1);
    const row = rows[0];
    const col = (h: string): number => HEADERS.indexOf(h);
    expect(row[col('Summary')]).toBe('Our CI build failed, the workflow is red');
    expect(row[col('Channel')]).toBe('Self-service');
    expect(row[col('Resolution')]).toBe('Automated answer');
    expect(row[col('Status')]).toBe('Resolved');
    expect(row[col('Topic')]).toBe('CI Error');
    expect(row[col('VFS team')]).toBe('Health Apps');
    expect(row[col('Requester')]).toBe(VISITOR);
    expect(first).toBeTruthy();
    await page.close();
  });
});
