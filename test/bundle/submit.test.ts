/**
 * Issue #3, acceptance 2: submitRequest and the sidebar globals through the local runtime, on the
 * BUILT bundle (dist/Code.js, or $ST_DIST).
 */
import fs from 'node:fs';
import path from 'node:path';
import { defaultDistDir, type Runtime } from '../../packages/gas-runtime/src';
import { HEADERS } from '../../src/domain/schema';
import { loadBuiltRuntime, menuCaption, sheetValues } from '../helpers/runtime';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Result = {
  ok: boolean;
  requestId?: string;
  row?: number;
  duplicate?: boolean;
  busy?: boolean;
  message?: string;
  errors?: Record<string, string>;
};

const TEAMS = ['Benefits Team', 'Health Apps', 'Identity Team'];
const col = (h: string): number => HEADERS.indexOf(h);

function setup(): Runtime {
  const rt = loadBuiltRuntime();
  rt.run('setUpSheet');
  const ss = rt.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  ss.getSheetByName('Teams')!
    .getRange(2, 1, TEAMS.length, 3)
    .setValues(TEAMS.map((t) => [t, '', false]));
  return rt;
}

function rows(rt: Runtime): unknown[][] {
  return (sheetValues(rt, 'Requests') ?? []).slice(1);
}

function submit(rt: Runtime, form: Record<string, unknown>, user?: string): Result {
  return (
    user
      ? rt.runFromClientAs({ user }, 'submitRequest', form)
      : rt.runFromClient('submitRequest', form)
  ) as Result;
}

let seq = 0;
function form(extra: Record<string, unknown> = {}): Record<string, unknown> {
  seq++;
  return {
    summary: `Request number ${seq}`,
    vfsTeam: 'Benefits Team',
    topic: 'Forms',
    channel: 'Slack',
    clientRequestId: `client-${String(seq).padStart(6, '0')}`,
    ...extra,
  };
}

describe('submitRequest (built bundle)', () => {
  it('a valid submission writes exactly the expected row', () => {
    const rt = setup();
    const full = {
      requestedAt: '2026-03-02T14:05:00.000Z',
      requester: 'Jane Veteran-Dev',
      vfsTeam: 'health apps',
      channel: 'GitHub',
      topic: 'Forms',
      suggestedTopic: 'API',
      vspTeam: 'Backend Tools',
      practiceArea: 'Backend',
      requestType: 'Question',
      summary: 'Form 21-526 submission fails on step 3',
      link: 'https://github.com/department-of-veterans-affairs/va.gov-team/issues/123',
      status: 'Resolved',
      resolution: 'Pointed to existing docs',
      docsLink: 'https://depo-platform-documentation.scrollhelp.site/forms',
      documentationGap: true,
      automationCandidate: false,
      timeSpentMin: 25,
      firstResponseAt: '2026-03-02T14:20:00.000Z',
      resolvedAt: '2026-03-02T16:00:00.000Z',
      notes: 'Shared the forms docs.',
      clientRequestId: 'full-submission-1',
    };
    const r = submit(rt, full);
    expect(r).toMatchObject({ ok: true, row: 2, duplicate: false });
    expect(r.requestId).toMatch(/^SR-20260303-[0-9A-Z]{4}$/);
    const all = rows(rt);
    expect(all).toHaveLength(1);
    const row = all[0];
    expect(row).toEqual([
      r.requestId,
      new Date('2026-03-03T15:00:00Z'),
      'lead@example.gov',
      new Date('2026-03-02T14:05:00.000Z'),
      'Jane Veteran-Dev',
      'Health Apps',
      'GitHub',
      'Forms',
      'API',
      'Backend Tools',
      'Backend',
      'Question',
      'Form 21-526 submission fails on step 3',
      'https://github.com/department-of-veterans-affairs/va.gov-team/issues/123',
      'Resolved',
      'Pointed to existing docs',
      'https://depo-platform-documentation.scrollhelp.site/forms',
      true,
      false,
      25,
      new Date('2026-03-02T14:20:00.000Z'),
      new Date('2026-03-02T16:00:00.000Z'),
      'Shared the forms docs.',
    ]);
    expect(rt.clientWarnings).toEqual([]);
  });

  it('a minimal submission gets defaults: Requested at now, Status Open, routing from the topic', () => {
    const rt = setup();
    const r = submit(rt, {
      summary: 'Need a review instance',
      vfsTeam: 'Identity Team',
      topic: 'Review Instance',
      channel: 'Slack',
    });
    expect(r.ok).toBe(true);
    const row = rows(rt)[0];
    expect(row[col('Requested at')]).toEqual(new Date('2026-03-03T15:00:00Z'));
    expect(row[col('Status')]).toBe('Open');
    expect(row[col('VSP team')]).toBe('Operations/DevOps');
    expect(row[col('Practice area')]).toBe('DevOps');
    expect(row[col('Resolved at')]).toBe('');
  });

  it('accepts a team alias from the Teams tab and stores the team name', () => {
    const rt = setup();
    const ss = rt.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    ss.getSheetByName('Teams')!.getRange(2, 2).setValue('BAM1, benefits');
    const r = submit(rt, form({ vfsTeam: 'bam1' }));
    expect(r.ok).toBe(true);
    expect(rows(rt)[0][col('VFS team')]).toBe('Benefits Team');
    const o = rt.runFromClient('getFormOptions') as { aliases: { teams: Record<string, string> } };
    expect(o.aliases.teams).toEqual({ bam1: 'Benefits Team', benefits: 'Benefits Team' });
  });

  it.each([
    '=IMPORTXML("http://evil.example","//a")',
    '=1+1',
    '+1',
    '-2',
    '@x',
    '=HYPERLINK("http://x","y")',
    '1/2',
    '0012',
    '3.5e2',
    'TRUE',
    '#N/A',
    "'already quoted",
    ' =1+1',
    'March 5',
  ])('stores the payload %j as literal text', (payload) => {
    const rt = setup();
    const r = submit(rt, form({ summary: payload, requester: payload, notes: payload }));
    expect(r.ok).toBe(true);
    const ss = rt.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    const sheet = ss.getSheetByName('Requests') as Sheet;
    for (const h of ['Summary', 'Requester', 'Notes']) {
      const cell = sheet.getRange(2, col(h) + 1);
      expect(cell.getValue()).toBe(payload.trim());
      expect(cell.getFormula()).toBe('');
    }
  });

  it('50 interleaved submissions produce 50 distinct rows, none overwritten, no ID reused', () => {
    const rt = setup();
    const sent: Record<string, unknown>[] = [];
    const results: Result[] = [];
    let busy = 0;
    let concurrentFirst = 0;
    // Points inside the outer execution where a concurrent execution runs to completion: before
    // the lock (it writes first) and while the outer holds the lock (it gets "busy" and retries).
    const points = [
      'Session.getActiveUser',
      'Range.getSheet',
      'Sheet.appendRow',
      'Properties.getProperty',
    ];
    const runOne = (f: Record<string, unknown>, user?: string): void => {
      let r = submit(rt, f, user);
      for (let attempt = 0; !r.ok && r.busy && attempt < 5; attempt++) r = submit(rt, f, user);
      results.push(r);
    };
    for (let i = 0; i < 25; i++) {
      const outer = form();
      const inner = form({ summary: `Concurrent request ${i}`, vfsTeam: TEAMS[i % 3] });
      sent.push(outer, inner);
      const point = points[i % points.length];
      let innerResult: Result | null = null;
      rt.interleave(
        (c) => c.name === point,
        () => {
          innerResult = submit(rt, inner, 'other@example.gov');
        },
      );
      runOne(outer);
      expect(innerResult).not.toBeNull();
      const ir = innerResult as unknown as Result;
      if (!ir.ok) {
        // The outer held the lock: the client retries with the same clientRequestId.
        expect(ir.busy).toBe(true);
        busy++;
        runOne(inner, 'other@example.gov');
      } else {
        concurrentFirst++;
        results.push(ir);
      }
    }
    expect(results.every((r) => r.ok)).toBe(true);
    expect(busy).toBeGreaterThan(5);
    expect(concurrentFirst).toBeGreaterThan(5);
    const all = rows(rt);
    expect(all).toHaveLength(50);
    const ids = all.map((r) => r[0]);
    expect(new Set(ids).size).toBe(50);
    expect(new Set(results.map((r) => r.requestId)).size).toBe(50);
    // Every submission is in its own row, and the reported row holds it.
    const summaries = all.map((r) => r[col('Summary')]);
    expect(new Set(summaries).size).toBe(50);
    for (const f of sent) expect(summaries).toContain(f.summary);
    for (const r of results) expect(all[(r.row as number) - 2][0]).toBe(r.requestId);
  });

  it('a duplicate clientRequestId writes one row and returns the original Request ID', () => {
    const rt = setup();
    const f = form();
    const a = submit(rt, f);
    const b = submit(rt, { ...f, summary: 'edited before resubmitting' });
    expect(a.ok && b.ok).toBe(true);
    expect(b).toMatchObject({ requestId: a.requestId, row: a.row, duplicate: true });
    expect(rows(rt)).toHaveLength(1);
    expect(rows(rt)[0][col('Summary')]).toBe(f.summary);
  });

  it('a forced lock timeout returns the busy result and writes nothing; a retry then succeeds', () => {
    const rt = setup();
    submit(rt, form());
    const before = sheetValues(rt, 'Requests');
    rt.locks.hold('document');
    const f = form();
    const r = submit(rt, f);
    expect(r).toMatchObject({ ok: false, busy: true });
    expect(r.message).toMatch(/busy.*not saved|nothing was saved/i);
    expect(sheetValues(rt, 'Requests')).toEqual(before);
    rt.locks.release('document');
    const again = submit(rt, f);
    expect(again).toMatchObject({ ok: true, row: 3, duplicate: false });
  });

  it('invalid input returns field errors and writes nothing', () => {
    const rt = setup();
    const before = sheetValues(rt, 'Requests');
    const propsBefore = JSON.stringify(rt.properties.toJSON());
    const r = submit(rt, {
      summary: '',
      vfsTeam: 'Unknown team',
      topic: 'Not a topic',
      channel: 'Carrier pigeon',
      timeSpentMin: 'ten',
      requestedAt: 'not a date',
      hacker: '=1',
    });
    expect(r.ok).toBe(false);
    expect(r.busy).toBe(false);
    expect(Object.keys(r.errors ?? {}).sort()).toEqual(
      ['channel', 'form', 'requestedAt', 'summary', 'timeSpentMin', 'topic', 'vfsTeam'].sort(),
    );
    expect(sheetValues(rt, 'Requests')).toEqual(before);
    expect(JSON.stringify(rt.properties.toJSON())).toBe(propsBefore);
    // A disabled topic is rejected too (validation uses the current active lists).
    const ss = rt.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    const topics = ss.getSheetByName('Topics') as Sheet;
    const names = topics
      .getRange(1, 1, topics.getLastRow(), 1)
      .getValues()
      .map((v) => v[0]);
    topics.getRange(names.indexOf('Forms') + 1, 7).setValue(true);
    const r2 = submit(rt, form());
    expect(r2.ok).toBe(false);
    expect(r2.errors?.topic).toContain('not an active Topic');
    expect(sheetValues(rt, 'Requests')).toEqual(before);
  });

  it('stays within 25 service calls and 6 cell calls', () => {
    const rt = setup();
    submit(rt, form());
    rt.tracker.reset();
    const r = submit(rt, form());
    expect(r.ok).toBe(true);
    const s = rt.tracker.snapshot();
    expect(s.calls).toBeLessThanOrEqual(25);
    expect(s.cellCalls).toBeLessThanOrEqual(6);
  });
});

describe('submitRequest on an adopted legacy tab (not named Requests)', () => {
  it('appends to the tab recorded by setUpSheet, within the same budget', () => {
    const rt = loadBuiltRuntime();
    const ss = rt.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    const legacy = ss.getSheets()[0];
    legacy.setName('Support log 2025');
    legacy.getRange(1, 1, 2, 5).setValues([
      ['Date', 'Team', 'Topic', 'Summary', 'Slack link'],
      [new Date('2025-05-01T14:00:00Z'), 'Benefits Team', 'Forms', 'Old request', ''],
    ]);
    rt.run('setUpSheet');
    expect(ss.getSheetByName('Requests')).toBeNull();
    ss.getSheetByName('Teams')!
      .getRange(2, 1, TEAMS.length, 3)
      .setValues(TEAMS.map((t) => [t, '', false]));
    rt.runFromClient('getFormOptions');
    const first = submit(rt, form());
    expect(first).toMatchObject({ ok: true, row: 3 });
    rt.tracker.reset();
    const second = submit(rt, form({ summary: 'second on the legacy tab' }));
    expect(second).toMatchObject({ ok: true, row: 4 });
    const s = rt.tracker.snapshot();
    expect(s.calls).toBeLessThanOrEqual(25);
    expect(s.cellCalls).toBeLessThanOrEqual(6);
    const values = sheetValues(rt, 'Support log 2025')!;
    expect(values).toHaveLength(4);
    const header = values[0].map(String);
    expect(values[3][header.indexOf('Summary')]).toBe('second on the legacy tab');
    expect(values[1][header.indexOf('Summary')]).toBe('Old request');
  });
});

describe('sidebar globals (built bundle)', () => {
  it('showSidebar shows the built Sidebar.html titled "Log support request"', () => {
    const rt = setup();
    rt.run('showSidebar');
    const page = rt.ui.sidebar;
    expect(page?.title).toBe('Log support request');
    const built = fs.readFileSync(path.join(defaultDistDir(), 'Sidebar.html'), 'utf8');
    expect(page?.html).toBe(built);
    expect(built).not.toMatch(/<script[^>]+src=|<link[^>]+href=["']https?:/i);
    expect(Buffer.byteLength(built)).toBeLessThan(100 * 1024);
  });

  it('the menu lists "Log a request" first', () => {
    const rt = setup();
    rt.run('onOpen');
    expect(rt.ui.menuFunctions(menuCaption())[0]).toBe('showSidebar');
  });

  it('getFormOptions returns lists, topics, defaults, sticky values and a model that learned from the sheet', () => {
    const rt = setup();
    for (let i = 0; i < 6; i++) {
      expect(
        submit(
          rt,
          form({
            summary: `vets-json-schema validation broken ${i}`,
            topic: 'Forms',
            channel: 'Email',
          }),
        ).ok,
      ).toBe(true);
    }
    const o = rt.runFromClient('getFormOptions') as {
      lists: Record<string, string[]>;
      topics: { topic: string; description: string; vspTeam: string; keywords: string[] }[];
      defaults: { channel: string; status: string };
      sticky: Record<string, string>;
      model: { topics: string[]; vocab: string[]; docs: number[] };
      freeTextTeams: boolean;
      tz: string;
    };
    expect(rt.clientWarnings).toEqual([]);
    expect(o.tz).toBe('America/New_York');
    expect(o.lists.teams).toEqual(TEAMS);
    expect(o.lists.channel).toContain('Slack');
    expect(o.freeTextTeams).toBe(false);
    const forms = o.topics.find((t) => t.topic === 'Forms');
    expect(forms?.vspTeam).toBe('Frontend Tools');
    expect(forms?.description.length).toBeGreaterThan(5);
    expect(o.defaults).toMatchObject({ channel: 'Slack', status: 'Open' });
    expect(o.sticky).toEqual({ channel: 'Email' });
    expect(o.model.vocab).toEqual(
      expect.arrayContaining(['vets', 'json', 'schema', 'validation', 'broken']),
    );
    expect(o.model.docs[o.model.topics.indexOf('Forms')]).toBe(6);
    expect(JSON.stringify(o).length).toBeLessThan(60 * 1024);
  });

  it("My open requests: lists the user's Open requests and closes one by Request ID", () => {
    const rt = setup();
    const mine = submit(rt, form({ summary: 'mine, open' }));
    submit(rt, form({ summary: 'mine, resolved', resolution: 'Answered' }));
    submit(rt, form({ summary: 'not mine' }), 'other@example.gov');
    const list = rt.runFromClient('getMyOpenRequests') as {
      requests: { requestId: string; summary: string; row: number }[];
    };
    expect(list.requests.map((r) => r.summary)).toEqual(['mine, open']);
    expect(list.requests[0]).toMatchObject({ requestId: mine.requestId, row: mine.row });

    const before = rows(rt);
    rt.clock.advance(3600 * 1000);
    rt.tracker.reset();
    const closed = rt.runFromClient('closeMyRequest', {
      requestId: mine.requestId,
      resolution: 'Answered',
      timeSpentMin: '12',
    }) as Result;
    expect(closed).toEqual({ ok: true, requestId: mine.requestId, row: mine.row });
    const stats = rt.tracker.snapshot();
    expect(stats.byMethod['TextFinder.findAll']).toBe(1); // every match: a duplicate ID is refused
    expect(stats.cellsRead).toBeLessThan(20000); // no full-sheet read
    const after = rows(rt);
    const r = after[(mine.row as number) - 2];
    expect(r[col('Status')]).toBe('Resolved');
    expect(r[col('Resolution')]).toBe('Answered');
    expect(r[col('Time spent (min)')]).toBe(12);
    expect(r[col('Resolved at')]).toEqual(new Date('2026-03-03T16:00:00Z'));
    // Nothing else changed.
    const changed = new Set([
      col('Status'),
      col('Resolution'),
      col('Time spent (min)'),
      col('Resolved at'),
    ]);
    before.forEach((row, i) =>
      row.forEach((v, c) => {
        if (i !== (mine.row as number) - 2 || !changed.has(c)) expect(after[i][c]).toEqual(v);
      }),
    );
    expect((rt.runFromClient('getMyOpenRequests') as { requests: unknown[] }).requests).toEqual([]);

    const notMine = rows(rt).find((x) => x[col('Summary')] === 'not mine')![0];
    const denied = rt.runFromClient('closeMyRequest', {
      requestId: notMine,
      resolution: 'Answered',
    }) as Result;
    expect(denied.ok).toBe(false);
    const missing = rt.runFromClient('closeMyRequest', {
      requestId: 'SR-20990101-ZZZZ',
      resolution: 'Answered',
    }) as Result;
    expect(missing).toMatchObject({ ok: false, message: expect.stringContaining('not found') });
    const bad = rt.runFromClient('closeMyRequest', {
      requestId: mine.requestId,
      resolution: 'Nope',
    }) as Result;
    expect(bad.errors?.resolution).toBeDefined();
  });
});
