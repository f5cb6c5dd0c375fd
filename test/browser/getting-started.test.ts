/**
 * Issue 12 in Debian's Chromium, on the local workbench:
 * - item 1: the Getting started checklist opens with the workbench; every step shows done / not
 *   done from the sheet and its button runs it (the state changes); topics lacking a doc link are
 *   counted. Saves getting-started.png.
 * - item 9: the sidebar's ✕ sticks across later menu actions; a new sidebar opens again.
 * - item 2: double-click a cell, type, Enter: a Settings edit lands and fires onEdit; an invalid
 *   topic typed into the data tab is kept with the rule's warning; a warning-only protected cell
 *   asks first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
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
import { SHEETS } from '../../src/domain/schema';

const root = path.resolve(__dirname, '../..');

async function sidebarFrame(page: Page): Promise<Frame> {
  await page.waitForSelector('#sidebar:not([hidden]) iframe#sidebar-frame[src^="/ui/page/"]');
  const handle = await page.$('#sidebar-frame');
  const f = await handle?.contentFrame();
  if (!f) throw new Error('no sidebar frame');
  return f;
}

async function runMenu(page: Page, fn: string): Promise<void> {
  await page.locator(`button[data-fn=${fn}]`).click();
  await page.waitForFunction(() =>
    /: done|failed/.test(document.getElementById('status')?.textContent ?? ''),
  );
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.locator('[role=tab]', { hasText: name }).first().click();
  await page.waitForFunction(
    (n) => (document.querySelector('table.grid caption')?.textContent ?? '').startsWith(`${n}:`),
    name,
  );
}

/** Double-clicks the cell in `column` (0-based among data cells) of the row whose first cell is `key`. */
async function editCell(page: Page, key: string, column: number, text: string): Promise<void> {
  const row = page.locator('table.grid tbody tr', {
    has: page.locator('td:first-of-type', { hasText: key }),
  });
  await row.first().locator('td').nth(column).dblclick();
  const input = page.locator('input.cell-editor');
  await input.waitFor();
  await input.fill(text);
  await input.press('Enter');
}

describeBrowser('Getting started, cell editing and the sticky sidebar ✕ (Chromium)', () => {
  let tmp: string;
  let session: WorkbenchSession;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'st-gs-browser-'));
    session = await openSession({ root, file: path.join(tmp, 'workbook.json') });
    server = await startServer({ session, root, port: 0 });
    browser = await launchChromium();
    page = recordErrors(await browser.newPage({ viewport: { width: 1400, height: 900 } }), errors);
  });

  afterAll(() => closeAll(browser, server, tmp));

  it('item 1: the checklist opens with the workbench; each button runs its step', async () => {
    await page.goto(server.url);
    const f = await sidebarFrame(page);
    await f.waitForSelector('#steps li');
    expect(await f.locator('#progress').textContent()).toMatch(/^\d of 7 steps done\.$/);
    const state = (id: string) => f.locator(`li[data-step=${id}] .state`).textContent();
    expect(await state('mapColumns')).toContain('Not done');
    expect(await state('recipients')).toContain('Not done');
    expect(await state('dashboard')).toContain('Not done');

    await f.locator('li[data-step=mapColumns] button').click();
    await f.waitForFunction(() =>
      document.querySelector('li[data-step=mapColumns]')?.classList.contains('done'),
    );
    expect(await state('mapColumns')).toContain('Done');

    await f.fill('#recipients-input', 'not an address');
    await f.locator('li[data-step=recipients] button').click();
    await f.waitForFunction(() => (document.getElementById('alert')?.textContent ?? '') !== '');
    expect(await f.locator('#alert').textContent()).toMatch(/Weekly email recipients/);
    expect(await state('recipients')).toContain('Not done');
    await f.fill('#recipients-input', 'lead@example.gov, team@example.gov');
    await f.locator('li[data-step=recipients] button').click();
    await f.waitForFunction(() =>
      document.querySelector('li[data-step=recipients]')?.classList.contains('done'),
    );
    expect(await f.locator('li[data-step=recipients] p').textContent()).toContain('2 addresses');

    await f.locator('li[data-step=refresh] button').click();
    await f.waitForFunction(() =>
      document.querySelector('li[data-step=refresh]')?.classList.contains('done'),
    );
    await f.locator('li[data-step=dashboard] button').click();
    await f.waitForFunction(() =>
      document.querySelector('li[data-step=dashboard]')?.classList.contains('done'),
    );
    expect(await f.locator('#docs-text').textContent()).toMatch(
      /^\d+ of \d+ topics have no doc link yet\./,
    );
    expect(await f.locator('#progress').textContent()).toMatch(/^[4-7] of 7 steps done\.$/);
    expect(await axeSerious(f)).toEqual([]);
    await f.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath('getting-started.png') });
    // The sheet really changed: the Settings tab holds the recipients and the published switch.
    const settings = session.rt.spreadsheet.getSheetByName(SHEETS.settings)!;
    const values = settings.getDataRange().getValues();
    const valueOf = (label: string) => values.find((r) => r[0] === label)?.[1];
    expect(valueOf('Weekly email recipients')).toBe('lead@example.gov, team@example.gov');
    expect(valueOf('Dashboard published')).toBe(true);
    // A step that opens a dialog (Normalize existing rows) opens it in the workbench too.
    await f.locator('li[data-step=normalize] button').click();
    await page.waitForSelector('#dialog[open]');
    expect(await page.locator('#dialog-title').textContent()).toMatch(/Normalize/);
    await page.locator('#dialog-close').click();
  });

  it('item 9: the sidebar ✕ sticks after the next menu action; a new sidebar opens', async () => {
    await page.locator('#sidebar-close').click();
    await page.waitForSelector('#sidebar', { state: 'hidden' });
    await runMenu(page, 'refreshSummaries');
    await page.waitForTimeout(300);
    expect(await page.locator('#sidebar').isHidden()).toBe(true);
    await page.locator('button[data-fn=showSidebar]').click();
    await page.waitForSelector('#sidebar:not([hidden])');
  });

  it('item 2: editing Settings in the grid writes the cell and fires onEdit', async () => {
    await openTab(page, SHEETS.settings);
    await editCell(page, 'Weekly email recipients', 1, 'ops@example.gov');
    await page.waitForFunction(() =>
      /saved/.test(document.getElementById('status')?.textContent ?? ''),
    );
    expect(await page.locator('#status').textContent()).toMatch(
      /Settings!B\d+ saved\. Ran onEdit\./,
    );
    const row = page.locator('table.grid tbody tr', {
      has: page.locator('td:first-of-type', { hasText: 'Weekly email recipients' }),
    });
    await page.waitForFunction(() =>
      [...document.querySelectorAll('table.grid td')].some(
        (td) => td.textContent === 'ops@example.gov',
      ),
    );
    expect(await row.first().locator('td').nth(1).textContent()).toBe('ops@example.gov');
    const settings = session.rt.spreadsheet.getSheetByName(SHEETS.settings)!;
    expect(
      settings
        .getDataRange()
        .getValues()
        .find((r) => r[0] === 'Weekly email recipients')?.[1],
    ).toBe('ops@example.gov');
  });

  it('item 2: an invalid topic typed into the data tab is kept with the validation warning', async () => {
    const dataTab = session.rt.spreadsheet.getSheets()[0].getName();
    await openTab(page, dataTab);
    const header = await page.locator('table.grid thead tr.frozen th').allTextContents();
    const topicCol = header.indexOf('Topic') - 1; // the first th is the row number
    expect(topicCol).toBeGreaterThan(0);
    const firstCell = page.locator('table.grid tbody tr').first().locator('td').nth(topicCol);
    await firstCell.dblclick();
    const input = page.locator('input.cell-editor');
    await input.fill('Not a real topic');
    await input.press('Enter');
    await page.waitForFunction(() =>
      /warning/.test(document.getElementById('status')?.textContent ?? ''),
    );
    expect(await page.locator('#status').textContent()).toMatch(/saved with a warning/);
    expect(await page.locator('#alerts .alert').first().textContent()).toMatch(
      /invalid value kept/,
    );
    const sheet = session.rt.spreadsheet.getSheetByName(dataTab)!;
    const values = sheet.getRange(1, 1, 2, sheet.getLastColumn()).getValues();
    expect(values[1][values[0].indexOf('Topic')]).toBe('Not a real topic');
  });

  it('item 2: a warning-only protected (generated) cell asks first; "Edit anyway" edits it', async () => {
    await openTab(page, SHEETS.summary);
    const cell = page.locator('table.grid tbody tr').first().locator('td').first();
    const rowNum = Number(await cell.getAttribute('data-row'));
    await cell.dblclick();
    const input = page.locator('input.cell-editor');
    await input.fill('my note');
    await input.press('Enter');
    const notice = page.locator('#alerts .alert', { hasText: 'Heads up' });
    await notice.waitFor();
    const sheet = session.rt.spreadsheet.getSheetByName(SHEETS.summary)!;
    const before = sheet.getRange(rowNum, 1).getValue();
    expect(before).not.toBe('my note');
    await notice.getByRole('button', { name: 'Edit anyway' }).click();
    await page.waitForFunction(() =>
      /saved/.test(document.getElementById('status')?.textContent ?? ''),
    );
    expect(sheet.getRange(rowNum, 1).getValue()).toBe('my note');
    expect(errors).toEqual([]);
  });
});
