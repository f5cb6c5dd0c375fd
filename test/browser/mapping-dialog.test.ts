/**
 * Issue 9: the mapping dialog in Debian's Chromium. `npm start -- --import FILE.csv` of a
 * hand-kept sheet opens the workbench with the mapping dialog (its columns need review); the test
 * checks it with axe, changes one dropdown, confirms, and checks the resulting headers. Saves
 * docs/mapping-dialog.png (under UPDATE_SCREENSHOTS=1).
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
import { ensureBuilt } from '../helpers/runtime';
import { openSession, tabNameFor, type WorkbenchSession } from '../../workbench/session';
import { startServer, type RunningServer } from '../../workbench/server';
import { toCsv } from '../../workbench/csv';
import { email, Gen, handKeptSheet, sheetToCsvRows } from '../fixtures/mapping-sources';
import { HEADERS } from '../../src/domain/schema';

const ROOT = path.resolve(__dirname, '../..');

describeBrowser('mapping dialog (Chromium, workbench --import)', () => {
  let tmp: string;
  let session: WorkbenchSession;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let csv: string;
  const errors: string[] = [];
  // The hand-kept sheet plus an "Owner" column of emails: its values look like Logged by, but
  // nothing else says so, so the dialog opens for the user to decide.
  const base = handKeptSheet();
  const g = new Gen(3);
  const fixture = {
    ...base,
    header: [...base.header, 'Owner'],
    rows: base.rows.map((r) => [...r, email(g)]),
  };

  beforeAll(async () => {
    const dist = ensureBuilt();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'st-mapping-'));
    csv = path.join(tmp, 'Team support log.csv');
    fs.writeFileSync(csv, toCsv(sheetToCsvRows(fixture)));
    session = await openSession({
      root: ROOT,
      file: path.join(tmp, 'wb.json'),
      dist,
      importCsv: csv,
    });
    server = await startServer({ session, root: ROOT, port: 0 });
    browser = await launchChromium();
    page = recordErrors(await browser.newPage({ viewport: { width: 1200, height: 900 } }), errors);
  });
  afterAll(() => closeAll(browser, server, tmp));

  function header(): string[] {
    const sh = session.rt.spreadsheet.getSheetByName(tabNameFor(csv));
    if (!sh) throw new Error('no imported tab');
    return sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0].map(String);
  }

  async function dialogFrame(): Promise<Frame> {
    await page.waitForSelector('#dialog[open] iframe#dialog-frame[src^="/ui/page/"]');
    const handle = await page.$('#dialog-frame');
    const f = await handle?.contentFrame();
    if (!f) throw new Error('no dialog frame');
    await f.waitForSelector('#columns tbody select');
    return f;
  }

  it('the import opens the mapping dialog at once, nothing changed yet', async () => {
    expect(header()).toEqual(fixture.header);
    await page.goto(server.url);
    const frame = await dialogFrame();
    const rows = await frame.locator('#columns tbody tr').count();
    expect(rows).toBe(fixture.header.length);
    // The proposed field is preselected; reasons and samples are shown.
    const when = frame.getByLabel('Standard field for column A, "When"');
    expect(await when.inputValue()).toBe('Requested at');
    expect(await frame.locator('#why-1').textContent()).toMatch(/date/);
    expect(await frame.locator('#columns tbody tr').first().locator('.samples li').count()).toBe(3);
    const priority = frame.getByLabel('Standard field for column H, "Priority"');
    expect(await priority.inputValue()).toBe('');
    expect(await priority.locator('option:checked').textContent()).toBe('Leave as my own column');
    expect(await axeSerious(frame)).toEqual([]);
    await page.locator('#dialog').screenshot({ path: screenshotPath('mapping-dialog.png') });
    expect(fs.statSync(screenshotPath('mapping-dialog.png')).size).toBeGreaterThan(1000);
  });

  it('two columns set to one field are flagged, and Confirm sends nothing', async () => {
    const frame = await dialogFrame();
    const priority = frame.getByLabel('Standard field for column H, "Priority"');
    await priority.selectOption('Requested at');
    expect(await frame.locator('#alert').textContent()).toMatch(
      /Columns A and H are both set to Requested at/,
    );
    await frame.getByRole('button', { name: 'Confirm and set up' }).click();
    expect(header()).toEqual(fixture.header);
    await priority.selectOption('');
    expect(await frame.locator('#alert').textContent()).toBe('');
  });

  it('change one dropdown, confirm: the headers are renamed as chosen, nothing duplicated', async () => {
    const frame = await dialogFrame();
    // The user decides their Owner column is who logged the request.
    const owner = frame.getByLabel('Standard field for column J, "Owner"');
    expect(await owner.inputValue()).toBe('');
    expect(await frame.locator('#why-10').textContent()).toMatch(/look like Logged by/);
    await owner.selectOption('Logged by');
    await frame.getByRole('button', { name: 'Confirm and set up' }).click();
    await frame.waitForFunction(() =>
      /set up|Renamed/i.test(document.getElementById('status')?.textContent ?? ''),
    );
    expect(await frame.locator('#alert').textContent()).toBe('');
    const h = header();
    expect(h.slice(0, fixture.header.length)).toEqual([
      'Requested at',
      'Requester',
      'VFS team',
      'Topic',
      'Summary',
      'Link',
      'Time spent (min)',
      'Priority',
      'Status',
      'Logged by',
    ]);
    for (const s of HEADERS) expect(h.filter((x) => x === s)).toHaveLength(1);
    expect(h).toHaveLength(HEADERS.length + 1);
    expect(await axeSerious(frame)).toEqual([]);
    await frame.getByRole('button', { name: 'Close' }).click();
    await page.waitForSelector('#dialog', { state: 'hidden' });
    expect(errors).toEqual([]);
  });
});
