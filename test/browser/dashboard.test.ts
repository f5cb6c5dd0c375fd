/**
 * Browser checks (issue 6, acceptance 2 and 6) on the REAL pipeline of the built bundle: data tab ->
 * refreshSummaries -> doGet (dashboard) and previewWeeklySummary (email preview dialog), both
 * loaded in Chromium. An axe scan of the dashboard finds zero serious/critical violations, no
 * script from hostile data runs, nothing external is requested, and screenshots go under docs/.
 */
import type { Browser, Page } from 'playwright-core';
import type { Runtime } from '../../packages/gas-runtime/src';
import { axeSerious, describeBrowser, launchChromium, screenshotPath } from '../helpers/browser';
import { setSetting, summariesWorkbook } from '../bundle/summariesHelpers';
import { sampleRows, TEAMS } from '../helpers/reportData';
import { HEADERS } from '../../src/domain/schema';

const HOSTILE =
  '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>"><svg onload="window.__pwned=3">';

/** A workbook with ~14 weeks of requests, hostile text in the last week, summaries refreshed. */
function workbook(): Runtime {
  const rows = sampleRows({ end: '2026-11-23' });
  const last = [...rows[rows.length - 1]];
  for (const h of ['Summary', 'Notes', 'Requester']) last[HEADERS.indexOf(h)] = HOSTILE;
  last[HEADERS.indexOf('Link')] = 'javascript:window.__pwned=4';
  last[HEADERS.indexOf('Documentation gap')] = true;
  rows[rows.length - 1] = last;
  const rt = summariesWorkbook(rows, new Date('2026-11-24T14:00:00Z'), {}, TEAMS);
  setSetting(rt, 'Dashboard published', true);
  rt.run('refreshSummaries');
  return rt;
}

/** Opens `html` in a fresh page that records script errors, dialogs and any network request. */
async function open(
  browser: Browser,
  html: string,
  width: number,
): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror ${String(e)}`));
  page.on('dialog', (d) => {
    problems.push(`dialog ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (req) => {
    if (req.url() !== 'about:blank' && !req.url().startsWith('data:'))
      problems.push(`request ${req.url()}`);
  });
  await page.setContent(html, { waitUntil: 'load' });
  return { page, problems };
}

describeBrowser('dashboard and email preview in Chromium', () => {
  let browser: Browser;
  let rt: Runtime;
  beforeAll(async () => {
    rt = workbook();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('dashboard (doGet): zero serious/critical axe violations, no script, screenshot', async () => {
    const res = rt.get();
    expect(res.kind).toBe('html');
    const { page, problems } = await open(browser, res.content, 1100);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('svg[role="img"]').count()).toBe(8);
    expect(await page.locator('h1').first().textContent()).toContain('public KPI dashboard');
    expect(await axeSerious(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.screenshot({ path: screenshotPath('dashboard.png'), fullPage: true });
    await page.close();
  });

  it('email preview (previewWeeklySummary dialog): hostile rows inert, screenshot', async () => {
    rt.run('previewWeeklySummary');
    const dialog = rt.ui.dialogs[rt.ui.dialogs.length - 1];
    expect(dialog.kind).toBe('modal');
    const { page, problems } = await open(browser, dialog.html, 760);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    // The hostile summary is visible as text; its javascript: link is not an anchor.
    expect(
      await page.getByText('<script>window.__pwned=2</script>', { exact: false }).count(),
    ).toBeGreaterThan(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(0);
    expect(await axeSerious(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.screenshot({ path: screenshotPath('email-preview.png'), fullPage: true });
    await page.close();
  });
});
