/**
 * Issue 12 item 14 in Debian's Chromium: doc links learned from use. Requests logged with a Topic
 * and a Docs link make that link a proposal for the topic (listed on Data quality); one click in
 * Getting started accepts it into the Topics tab, and the sidebar's Docs first panel offers it.
 */
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { axeSerious, describeBrowser, launchChromium } from '../helpers/browser';
import { ensureBuilt } from '../helpers/runtime';
import { openSession, type WorkbenchSession } from '../../workbench/session';
import { startServer, type RunningServer } from '../../workbench/server';
import { SHEETS } from '../../src/domain/schema';

const ROOT = path.resolve(__dirname, '../..');
const DOC = 'https://depo-platform-documentation.scrollhelp.site/developer-docs/datadog';

describeBrowser('doc links learned from use (Chromium)', () => {
  let browser: Browser;
  let session: WorkbenchSession;
  let server: RunningServer;
  let topic = '';

  beforeAll(async () => {
    session = await openSession({ root: ROOT, file: null, dist: ensureBuilt() });
    await session.runMenu('setUpSheet');
    await session.runMenu('refreshSummaries');
    // The sample's own Docs links already propose links for some topics: pick one with none.
    const proposed = new Set(
      session.rt.spreadsheet
        .getSheetByName(SHEETS.dataQuality)!
        .getDataRange()
        .getValues()
        .slice(8)
        .map((r) => String(r[5])),
    );
    const topics = session.rt.spreadsheet.getSheetByName(SHEETS.topics)!.getDataRange().getValues();
    topic = String(topics.slice(1).find((r) => !proposed.has(String(r[0])) && !r[5])?.[0] ?? '');
    expect(topic).not.toBe('');
    const team = String(session.rt.spreadsheet.getSheetByName('Teams')?.getRange(2, 1).getValue());
    for (let i = 0; i < 3; i++) {
      const r = await session.runFromClient('submitRequest', [
        {
          summary: `Where is this documented? (${i})`,
          vfsTeam: team,
          topic,
          channel: 'Slack',
          docsLink: DOC,
          clientRequestId: `doclinks-${i}-abcdef`,
        },
      ]);
      expect((r.value as { ok: boolean }).ok).toBe(true);
    }
    await session.runMenu('refreshSummaries');
    server = await startServer({ session, root: ROOT, port: 0 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function frameOf(page: Page, fn: string, ready: string): Promise<Frame> {
    await page.locator(`button[data-fn="${fn}"]`).click();
    const handle = await page.waitForSelector('#sidebar-frame');
    const frame = (await handle.contentFrame()) as Frame;
    await frame.waitForSelector(ready);
    return frame;
  }

  it('Data quality lists the proposal; one click accepts it; Docs first offers it', async () => {
    const dq = session.rt.spreadsheet.getSheetByName(SHEETS.dataQuality)!;
    const flat = dq
      .getDataRange()
      .getValues()
      .map((r) => r.join('|'));
    expect(flat.some((r) => r.includes(`|${topic}|${DOC}|3`))).toBe(true);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url);
    const gs = await frameOf(page, 'showGettingStarted', '#proposals li');
    const item = gs.locator(`#proposals li[data-topic="${topic}"]`);
    expect(await item.textContent()).toContain(`${DOC} (logged with 3 requests)`);
    expect(await axeSerious(gs)).toEqual([]);
    await item.getByRole('button', { name: `Accept the doc link for ${topic}` }).click();
    await gs.waitForFunction(
      (t) => !document.querySelector(`#proposals li[data-topic="${t}"]`),
      topic,
    );
    expect(await gs.textContent('#status')).toContain(`'${topic}' now links to`);

    const topics = session.rt.spreadsheet.getSheetByName(SHEETS.topics)!.getDataRange().getValues();
    const header = topics[0].map(String);
    const row = topics.find((r) => r[0] === topic)!;
    expect(row[header.indexOf('Doc link')]).toBe(DOC);

    // The sidebar (its cached options made stale by the accept) now puts the docs first.
    const sb = await frameOf(page, 'showSidebar', '#f-summary');
    await sb.waitForSelector('#loading', { state: 'hidden' });
    await sb.fill('#f-topic', topic);
    await sb.dispatchEvent('#f-topic', 'change');
    await sb.waitForSelector('#docs', { state: 'visible' });
    expect(await sb.textContent('#docs-link')).toBe(DOC);
    await page.close();
  });
});
