/**
 * Issue 12 in Debian's Chromium, the sidebar on the workbench:
 * - item 7: a 60,000-character paste is never cut: a live counter shows it over the limit and the
 *   submit is refused with a clear message (nothing written);
 * - item 11: "I've already replied" sets First response at to the logging time; "Replied now" in
 *   My open requests sets it on an existing request;
 * - item 15: a bare Slack URL pasted as the Summary moves into Link (Summary stays empty); changing
 *   the Link to a GitHub URL clears the Requested at that came from the Slack link.
 */
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { axeSerious, describeBrowser, launchChromium } from '../helpers/browser';
import { ensureBuilt } from '../helpers/runtime';
import { openSession, type WorkbenchSession } from '../../workbench/session';
import { startServer, type RunningServer } from '../../workbench/server';

const ROOT = path.resolve(__dirname, '../..');
type Row = Record<string, unknown>;

function requestRows(session: WorkbenchSession): Row[] {
  const sheet = session.rt.spreadsheet.getSheets().find((sh) => {
    if (sh.getLastColumn() < 1) return false;
    const header = sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0].map(String);
    return header.includes('Request ID') && header.includes('First response at');
  });
  if (!sheet || sheet.getLastRow() < 2) return [];
  const values = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getValues();
  const header = values[0].map(String);
  return values.slice(1).map((v) => Object.fromEntries(header.map((h, i) => [h, v[i]])));
}

describeBrowser('sidebar: honest limits, first responses and paste handling (Chromium)', () => {
  let browser: Browser;
  let session: WorkbenchSession;
  let server: RunningServer;
  let team: string;

  beforeAll(async () => {
    session = await openSession({ root: ROOT, file: null, dist: ensureBuilt() });
    await session.runMenu('setUpSheet');
    team = String(session.rt.spreadsheet.getSheetByName('Teams')?.getRange(2, 1).getValue() ?? '');
    server = await startServer({ session, root: ROOT, port: 0 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openSidebar(page: Page): Promise<Frame> {
    await page.goto(server.url);
    await page.locator('button[data-fn="showSidebar"]').click();
    const handle = await page.waitForSelector('#sidebar-frame');
    const frame = (await handle.contentFrame()) as Frame;
    await frame.waitForSelector('#f-summary');
    await frame.waitForSelector('#loading', { state: 'hidden' });
    await frame.waitForFunction(
      () => (document.getElementById('f-channel') as HTMLSelectElement).options.length > 0,
    );
    return frame;
  }

  /** What a real paste does: the text lands in the field, then the paste event fires. */
  async function paste(frame: Frame, selector: string, text: string): Promise<void> {
    await frame.evaluate(
      ([sel, t]) => {
        const el = document.querySelector(sel) as HTMLTextAreaElement;
        el.focus();
        el.value = t;
        const dt = new DataTransfer();
        dt.setData('text', t);
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
        el.dispatchEvent(new Event('input', { bubbles: true }));
      },
      [selector, text] as const,
    );
  }

  it('item 7: a 60,000-character Summary is kept whole, counted, and refused with a message', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const frame = await openSidebar(page);
    expect(await frame.isHidden('#n-summary')).toBe(true);
    await frame.fill('#f-summary', 'x'.repeat(1700));
    expect(await frame.textContent('#n-summary')).toBe('1,700 / 2,000 characters');
    const long = 'Stack trace follows. '.repeat(3000).slice(0, 60000);
    await paste(frame, '#f-summary', long);
    expect((await frame.inputValue('#f-summary')).length).toBe(60000);
    expect(await frame.textContent('#n-summary')).toMatch(
      /^60,000 \/ 2,000 characters: 58,000 over/,
    );
    expect(await frame.getAttribute('#n-summary', 'class')).toContain('over');
    await frame.fill('#f-vfsTeam', team);
    await frame.fill('#f-topic', 'Forms');
    const before = requestRows(session).length;
    await frame.click('#submit');
    await frame.waitForFunction(() =>
      /limit is 2,000/.test(document.getElementById('alert')?.textContent ?? ''),
    );
    expect(await frame.textContent('#e-summary')).toMatch(
      /Summary is 60,000 characters; the limit is 2,000/,
    );
    expect(requestRows(session)).toHaveLength(before);
    expect((await frame.inputValue('#f-summary')).length).toBe(60000);
    await page.close();
  });

  it("item 11: I've already replied sets First response at; Replied now sets it later", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const frame = await openSidebar(page);
    await frame.fill('#f-summary', 'Answered in the thread right away');
    await frame.fill('#f-vfsTeam', team);
    await frame.fill('#f-topic', 'Forms');
    await frame.check('#replied');
    await frame.click('#submit');
    await frame.waitForSelector('#confirm', { state: 'visible' });
    const replied = requestRows(session).find(
      (r) => r['Summary'] === 'Answered in the thread right away',
    ) as Row;
    expect(replied['First response at']).toBeInstanceOf(Date);
    const logged = (replied['Logged at'] as Date).getTime();
    expect(Math.abs((replied['First response at'] as Date).getTime() - logged)).toBeLessThan(
      60_000,
    );
    expect(await frame.isChecked('#replied')).toBe(false); // the next request starts unticked

    // A request logged without a reply, then "Replied now" from My open requests.
    await frame.fill('#f-summary', 'Will answer after lunch');
    await frame.fill('#f-vfsTeam', team);
    await frame.fill('#f-topic', 'Forms');
    await frame.click('#submit');
    await frame.waitForFunction(() => !!document.getElementById('confirm-id')?.textContent);
    const later = requestRows(session).find(
      (r) => r['Summary'] === 'Will answer after lunch',
    ) as Row;
    expect(later['First response at']).toBe('');
    await frame.click('#tab-mine');
    const item = frame.locator(`#mine-list li[data-request-id="${String(later['Request ID'])}"]`);
    await item.waitFor();
    expect(await item.locator('.replied').textContent()).toBe('No reply recorded yet.');
    await item.getByRole('button', { name: /Replied now/ }).click();
    await item.locator('.replied', { hasText: 'First response:' }).waitFor();
    const after = requestRows(session).find((r) => r['Request ID'] === later['Request ID']) as Row;
    expect(after['First response at']).toBeInstanceOf(Date);
    expect(await item.getByRole('button', { name: /Replied now/ }).isHidden()).toBe(true);
    expect(await axeSerious(frame)).toEqual([]);
    await page.close();
  });

  it('item 15: a bare Slack URL moves to Link; switching to a GitHub link clears its time', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const frame = await openSidebar(page);
    const slack = 'https://dsva.slack.com/archives/C0ABCDEFG/p1709302519348421';
    await paste(frame, '#f-summary', slack);
    await frame.waitForFunction(
      () => (document.getElementById('f-link') as HTMLInputElement).value !== '',
    );
    expect(await frame.inputValue('#f-summary')).toBe('');
    expect(await frame.inputValue('#f-link')).toBe(slack);
    expect(await frame.inputValue('#f-channel')).toBe('Slack');
    // 1709302519 s = 2024-03-01 14:15 UTC = 09:15 in New York.
    expect(await frame.inputValue('#f-requestedAt')).toBe('2024-03-01T09:15');
    const gh = 'https://github.com/department-of-veterans-affairs/va.gov-team/issues/123';
    await frame.fill('#f-link', gh);
    await frame.waitForFunction(
      () =>
        (document.getElementById('f-requestedAt') as HTMLInputElement).value !== '2024-03-01T09:15',
    );
    expect(await frame.inputValue('#f-channel')).toBe('GitHub');
    expect(await frame.inputValue('#f-requestedAt')).not.toBe('2024-03-01T09:15');
    // A Summary with words around a link keeps the words (only a bare URL moves).
    await frame.fill('#f-link', '');
    await paste(frame, '#f-summary', `Build broken, see ${slack}`);
    expect(await frame.inputValue('#f-summary')).toBe(`Build broken, see ${slack}`);
    await page.close();
  });
});
