/**
 * Issue 12 in Debian's Chromium, the workbench's generated tabs:
 * - item 4: after normalizing, the Summary no longer says "run Normalize existing rows" (the run
 *   refreshes the summary tabs that exist), so every notice reflects the sheet's current state;
 * - item 12: the Top 10 topics table (the chart's data) holds no "(other values)" bar: the
 *   remainder is stated in a note under it; the Documentation gap pivot shows an empty-state note
 *   instead of FALSE and blank columns while nothing is ticked;
 * - item 10: the Summary's KPI table shows the n behind each value.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { closeAll, describeBrowser, launchChromium, recordErrors } from '../helpers/browser';
import { openSession, type WorkbenchSession } from '../../workbench/session';
import { startServer, type RunningServer } from '../../workbench/server';
import type { RunResultDto } from '../../workbench/types';
import { SHEETS } from '../../src/domain/schema';

const root = path.resolve(__dirname, '../..');

function ok(r: RunResultDto): RunResultDto {
  if (!r.ok) throw new Error(`${r.name} failed: ${r.error?.message ?? 'unknown error'}`);
  return r;
}

async function tabText(page: Page, name: string): Promise<string> {
  await page.locator('[role=tab]', { hasText: name }).first().click();
  await page.waitForFunction(
    (n) => (document.querySelector('table.grid caption')?.textContent ?? '').startsWith(`${n}:`),
    name,
  );
  return (await page.locator('table.grid').textContent()) ?? '';
}

describeBrowser('Summary notices, charts and pivots (Chromium)', () => {
  let tmp: string;
  let session: WorkbenchSession;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'st-summary-fb-'));
    session = await openSession({ root, file: path.join(tmp, 'workbook.json') });
    ok(await session.runMenu('setUpSheet'));
    ok(await session.runMenu('refreshSummaries'));
    server = await startServer({ session, root, port: 0 });
    browser = await launchChromium();
    page = recordErrors(await browser.newPage({ viewport: { width: 1400, height: 900 } }), errors);
    await page.goto(server.url);
    await page.waitForSelector('table.grid tbody tr');
  });

  afterAll(() => closeAll(browser, server, tmp));

  it('item 12: no "(other values)" bar in Top 10 topics; the remainder is a note', async () => {
    const text = await tabText(page, SHEETS.summary);
    expect(text).toContain('Top 10 topics (all time)');
    expect(text).not.toContain('(other values)Top'); // channel mix (a pie) may still pool its tail
    const rows = await page.locator('table.grid tbody tr').allTextContents();
    const top = rows.findIndex((r) => r.includes('Top 10 topics (all time)'));
    const body = rows.slice(top + 2, top + 12).join('|');
    expect(body).not.toContain('(other values)');
    expect(rows[top + 12]).toMatch(/Not in the chart: \d+ more topics with \d+ requests in all/);
  });

  it('item 10: the KPI table shows the n behind every median, p90 and rate', async () => {
    const head = await page.locator('table.grid tbody tr', { hasText: 'n, Last week' }).first();
    expect(await head.textContent()).toContain('n, All time');
    const text = (await page.locator('table.grid').textContent()) ?? '';
    expect(text).toMatch(/fewer than 5 requests show "too few to tell"/);
  });

  it('item 12: the Documentation gap pivot shows an empty state while nothing is ticked', async () => {
    const text = await tabText(page, SHEETS.byTopic);
    expect(text).toContain('no request is marked as a documentation gap yet');
    expect(text).toContain('no request is marked as an automation candidate yet');
    // Only the time-spent and month pivots are built: no FALSE / blank columns to misread.
    const pivots = session.rt.spreadsheet.getSheetByName(SHEETS.byTopic)!.getPivotTables();
    expect(pivots).toHaveLength(2);
  });

  it('item 4: after normalizing, the Summary stops asking to run Normalize', async () => {
    let text = await tabText(page, SHEETS.summary);
    expect(text).toMatch(/rows are standardized: run "Normalize existing rows"/);
    let runs = 0;
    let status: unknown;
    do {
      const r = ok(await session.runFromClient('normalizeRequests', []));
      status = (r.value as { status?: unknown; message?: string } | undefined)?.status;
      runs++;
    } while (status === 'continuing' && runs < 50);
    await page.reload();
    await page.waitForSelector('table.grid tbody tr');
    text = await tabText(page, SHEETS.summary);
    expect(text).not.toContain('Normalize existing rows');
    // Item 11: the shipped sample records first replies and closing times on most rows, so the
    // demo's SLA figures are measured (not n/a).
    const summary = session.rt.spreadsheet.getSheetByName(SHEETS.summary)!;
    const values = summary.getDataRange().getValues();
    const line = (label: RegExp) => values.find((r) => label.test(String(r[0]))) ?? [];
    expect(line(/^First responses measured$/)[2]).toBeGreaterThanOrEqual(10);
    expect(typeof line(/^Acknowledged within SLA/)[2]).toBe('number');
    expect(typeof line(/^Time to resolution, median/)[2]).toBe('number');
    expect(errors).toEqual([]);
  });
});
