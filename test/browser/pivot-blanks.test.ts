/**
 * Issue 12, item 12 in Debian's Chromium: the workbench's By topic and By team tabs never show an
 * unlabelled blank pivot row or column. Before "Check this sheet" has seen Sheets label blank cells,
 * blanks are left out and counted as "(blank)" above the pivots; after the probe saw it work (the
 * runtime's 'grouped' reading), the next refresh labels them "(blank)" in the pivots themselves.
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

/** Cell texts of the shown grid, row by row. */
async function gridRows(page: Page): Promise<string[][]> {
  return page.$$eval('table.grid tbody tr', (trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? '')),
  );
}

describeBrowser('Blank values in the summary pivots (Chromium)', () => {
  let tmp: string;
  let session: WorkbenchSession;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const saved = process.env.ST_PIVOT_BLANK_ITEM;

  beforeAll(async () => {
    // The reading where Sheets' manual grouping rule gathers blank cells (checkPlatform finds out).
    process.env.ST_PIVOT_BLANK_ITEM = 'grouped';
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'st-pivot-blanks-'));
    session = await openSession({ root, file: path.join(tmp, 'workbook.json') });
    ok(await session.runMenu('setUpSheet'));
    // Three requests lose their Topic (as a person might clear it).
    // The data tab: the adopted legacy tab (its header row holds Request ID and Topic).
    const headerOf = (s: GoogleAppsScript.Spreadsheet.Sheet): unknown[] =>
      s.getRange(1, 1, 1, Math.max(1, s.getLastColumn())).getValues()[0];
    const data = session.rt.spreadsheet
      .getSheets()
      .find((s) => headerOf(s).includes('Request ID') && headerOf(s).includes('Topic'))!;
    const header = headerOf(data);
    const topic = header.indexOf('Topic') + 1;
    expect(topic).toBeGreaterThan(0);
    data.getRange(2, topic, 3, 1).setValues([[''], [''], ['']]);
    ok(await session.runMenu('refreshSummaries'));
    server = await startServer({ session, root, port: 0 });
    browser = await launchChromium();
    page = recordErrors(await browser.newPage({ viewport: { width: 1400, height: 900 } }), errors);
    await page.goto(server.url);
    await page.waitForSelector('table.grid tbody tr');
  });

  afterAll(() => {
    if (saved === undefined) delete process.env.ST_PIVOT_BLANK_ITEM;
    else process.env.ST_PIVOT_BLANK_ITEM = saved;
    return closeAll(browser, server, tmp);
  });

  it('before the probe: blanks are left out and counted as (blank) above the pivots', async () => {
    const text = await tabText(page, SHEETS.byTopic);
    expect(text).toMatch(/\(blank\): \d+ requests? with no Topic/);
    // The time pivot (column A, from row 5): every row between its header and Grand Total has a label.
    const rows = await gridRows(page);
    const start = rows.findIndex((r) => r[0] === 'Topic');
    const end = rows.findIndex((r, i) => i > start && r[0] === 'Grand Total');
    expect(start).toBeGreaterThan(0);
    // (The grid may show only the first rows of a long pivot: check every row it shows.)
    const body = rows.slice(start + 1, end === -1 ? rows.length : end);
    expect(body.length).toBeGreaterThan(5);
    for (const r of body) expect(r[0].trim()).not.toBe('');
  });

  it('after Check this sheet: the pivots label blank Topics "(blank)"', async () => {
    const probe = ok(await session.runMenu('checkPlatform'));
    expect(probe.ok).toBe(true);
    ok(await session.runMenu('refreshSummaries'));
    await page.reload();
    await page.waitForSelector('table.grid tbody tr');
    const text = await tabText(page, SHEETS.byTopic);
    expect(text).toContain('Blank values are labelled (blank) in the pivots.');
    const rows = await gridRows(page);
    const start = rows.findIndex((r) => r[0] === 'Topic');
    const end = rows.findIndex((r, i) => i > start && r[0] === 'Grand Total');
    const labels = rows.slice(start + 1, end === -1 ? rows.length : end).map((r) => r[0]);
    expect(labels).toContain('(blank)');
    expect(labels.filter((l) => l.trim() === '')).toEqual([]);
    expect(errors).toEqual([]);
  });
});
