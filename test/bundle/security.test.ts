/**
 * Issue 11: security and privacy, through the local runtime on the BUILT bundle.
 * Each acceptance test is named after its acceptance point.
 */
import type { Runtime } from '../../packages/gas-runtime/src';
import { fromChunks } from '../../src/domain/render/chunks';
import type { DashboardJson } from '../../src/domain/render/dashboard';
import type { DashboardSnapshot } from '../../src/domain/render/fromReport';
import { HEADERS, RUN_LOG_HEADERS } from '../../src/domain/schema';
import { workbookToJSON } from '../../packages/gas-runtime/src/spreadsheet';
import { loadBuiltRuntime, sheetValues, adminProps } from '../helpers/runtime';
import { sampleRows, TEAMS } from '../helpers/reportData';
import { solvedCells } from '../helpers/suppressionSolver';
import { setSetting, summariesWorkbook } from './summariesHelpers';

/** Tuesday 2026-11-24 10:00 New York: the last complete week is Nov 16–22. */
const NOW = new Date('2026-11-24T15:00:00Z');
const ADMIN = 'lead@example.gov';
const EDITOR = 'mallory@example.gov';
const col = (h: string): number => HEADERS.indexOf(h);

/** lead@example.gov runs setup (the first admin); the sample rows; recipients inside the domain. */
function setup(opts: { rows?: unknown[][]; recipients?: string; addon?: boolean } = {}): Runtime {
  const rows = opts.rows ?? sampleRows({ end: '2026-11-23' });
  const rt = summariesWorkbook(rows, NOW, { addon: opts.addon }, TEAMS);
  setSetting(
    rt,
    'Weekly email recipients',
    opts.recipients ?? 'lead@example.gov, team@example.gov',
  );
  return rt;
}

function runLog(rt: Runtime): Record<string, unknown>[] {
  const v = sheetValues(rt, 'Run log') ?? [];
  return v.slice(1).map((r) => Object.fromEntries(RUN_LOG_HEADERS.map((h, i) => [h, r[i]])));
}

/** Everything a refused call must leave alone. */
function state(rt: Runtime): string {
  const props = (m: Map<string, string>): [string, string][] => [...m].sort();
  return JSON.stringify({
    workbook: workbookToJSON(rt.spreadsheet),
    script: props(rt.properties.script),
    document: props(rt.properties.document),
    triggers: rt.triggers.triggers.map((t) => [t.id, t.handler]),
    mail: rt.outbox.messages.length,
  });
}

describe('admins (issue 11)', () => {
  it('an editor who is not an admin calls each guarded global through google.script.run: refused, 0 cells changed, 0 mails sent', () => {
    const rt = setup();
    // A run in progress and triggers installed by the admin, so that every guarded action has
    // something it could change.
    rt.run('installTriggers');
    // Issue 13: one scheduler trigger runs the daily refresh and the weekly email.
    const trigger = rt.triggers.triggers.find((t) => t.handler === 'runScheduledWork');
    expect(trigger).toBeDefined();
    const calls: [string, ...unknown[]][] = [
      ['setUpSheet'],
      ['normalizeRequests'],
      ['normalizeRequests', { chunkRows: 5 }],
      // A forged trigger event is not one of the caller's own triggers.
      ['normalizeRequests', { triggerUid: 'forged', authMode: 'FULL' }],
      ['undoLastNormalization'],
      [
        'confirmListProposals',
        [
          {
            list: 'teams',
            field: 'VFS team',
            canonical: 'Evil',
            aliases: [],
            count: 1,
            existing: false,
          },
        ],
      ],
      ['installTriggers'],
      ['removeTriggers'],
      ['sendWeeklySummary'],
      ['sendWeeklySummary', { triggerUid: trigger?.id ?? 'x', authMode: 'FULL' }],
      ['sendTestWeeklySummary'],
      ['showAdminDialog'],
      ['getAdminState'],
      [
        'saveAdminState',
        { admins: EDITOR, domains: 'evil.example', maxRecipients: 50, linkHosts: '' },
      ],
      // Globals of issues 12 and 13 that change config or run admin work.
      ['acceptDocLink', { topic: 'Forms', link: 'https://evil.example/docs' }],
      ['runGettingStartedStep', 'recipients', 'someone@evil.example'],
      ['runGettingStartedStep', 'dashboard'],
      // Issue 10: the platform probe creates a tab and records facts the write policy trusts.
      ['checkPlatform'],
    ];
    for (const [name, ...args] of calls) {
      const before = state(rt);
      rt.tracker.reset();
      expect(() => rt.runFromClientAs({ user: EDITOR }, name, ...args)).toThrow(
        /^Only a Support Tracker admin can .+ mallory@example\.gov is not an admin, so nothing was changed\. Admins: lead@example\.gov\./,
      );
      const stats = rt.tracker.snapshot();
      expect([name, stats.cellsWritten]).toEqual([name, 0]);
      expect([name, rt.outbox.messages.length]).toEqual([name, 0]);
      expect([name, state(rt) === before]).toEqual([name, true]);
    }
    // The same calls from the menu (not google.script.run) are refused alike.
    expect(() => rt.runAs({ user: EDITOR }, 'setUpSheet')).toThrow(/Only a Support Tracker admin/);
  });

  it('runScheduledWork from google.script.run by a non-admin is refused when work is due; the trigger runs it', () => {
    const rt = setup();
    rt.run('installTriggers');
    // Two days later the daily refresh is due.
    rt.clock.advance(2 * 24 * 3600 * 1000);
    const before = state(rt);
    expect(() =>
      rt.runFromClientAs({ user: EDITOR }, 'runScheduledWork', { triggerUid: 'forged' }),
    ).toThrow(/Only a Support Tracker admin can/);
    expect(state(rt) === before).toBe(true);
    expect(rt.outbox.messages.length).toBe(0);
    const fired = rt.fireDueTriggers(rt.clock.now());
    expect(fired.length).toBeGreaterThan(0);
    expect(fired.every((f) => !f.error)).toBe(true);
    expect(sheetValues(rt, 'Summary')?.length ?? 0).toBeGreaterThan(0);
  });

  it("logging a request and closing one's own stay open to every editor; the admin can add admins", () => {
    const rt = setup();
    const form = {
      summary: 'A request from a plain editor',
      vfsTeam: TEAMS[0],
      topic: 'Forms',
      channel: 'Slack',
      clientRequestId: 'client-security-000001',
    };
    const res = rt.runFromClientAs({ user: EDITOR }, 'submitRequest', form) as {
      ok: boolean;
      requestId: string;
    };
    expect(res.ok).toBe(true);
    const closed = rt.runFromClientAs({ user: EDITOR }, 'closeMyRequest', {
      requestId: res.requestId,
      resolution: 'Answered',
    }) as { ok: boolean };
    expect(closed.ok).toBe(true);
    // The admin adds the editor as an admin in the Admin dialog; then the editor may act.
    rt.run('showAdminDialog');
    expect(rt.ui.dialogs.at(-1)?.title).toMatch(/admins/i);
    const saved = rt.runFromClient('saveAdminState', {
      admins: `${ADMIN}\n${EDITOR}`,
      domains: 'example.gov',
      maxRecipients: 25,
      linkHosts: 'github.com',
    }) as { ok: boolean };
    expect(saved.ok).toBe(true);
    expect(
      (rt.runFromClientAs({ user: EDITOR }, 'getAdminState') as { admins: string[] }).admins,
    ).toEqual([ADMIN, EDITOR]);
    // An admin cannot remove themselves (no lock-out by mistake); bad input changes nothing.
    const self = rt.runFromClient('saveAdminState', {
      admins: EDITOR,
      domains: 'example.gov',
      maxRecipients: 25,
      linkHosts: '',
    }) as { ok: boolean; errors: Record<string, string> };
    expect(self).toMatchObject({
      ok: false,
      errors: { admins: expect.stringContaining('yourself') },
    });
  });

  it('first setup stores whoever runs it; an install from before admins keeps its trigger installer', () => {
    const fresh = loadBuiltRuntime({ now: NOW, user: EDITOR, owner: 'boss@example.gov' });
    fresh.run('setUpSheet');
    expect(adminProps(fresh).get('supportTracker.admins')).toBe(JSON.stringify([EDITOR]));
    expect(JSON.parse(adminProps(fresh).get('supportTracker.mailPolicy') ?? '{}')).toMatchObject({
      domains: ['example.gov'],
      maxRecipients: 25,
    });
    // An older install: no admin list, triggers recorded as installed by the lead.
    const legacy = setup();
    adminProps(legacy).delete('supportTracker.admins');
    legacy.properties.document.set(
      'supportTracker.triggers.owner',
      JSON.stringify({ email: ADMIN, handlers: [], installedAt: '' }),
    );
    const before = state(legacy);
    expect(() => legacy.runAs({ user: EDITOR }, 'setUpSheet')).toThrow(
      /Admins: lead@example\.gov\./,
    );
    expect(() => legacy.runFromClientAs({ user: EDITOR }, 'installTriggers')).toThrow(
      /Admins: lead@example\.gov\./,
    );
    expect(state(legacy)).toBe(before); // a refusal writes nothing, not even the admin list
    legacy.run('setUpSheet');
    expect(adminProps(legacy).get('supportTracker.admins')).toBe(JSON.stringify([ADMIN]));
  });

  it('the weekly trigger path is unchanged: it sends without an admin check', () => {
    const rt = setup();
    rt.run('installTriggers');
    // Remove the installer from the admins: their trigger still sends (it was installed by an admin).
    adminProps(rt).set('supportTracker.admins', JSON.stringify(['boss@example.gov']));
    rt.clock.set(new Date('2026-11-29T15:00:00Z'));
    const fired = rt.fireDueTriggers(new Date('2026-12-01T15:00:00Z'));
    expect(fired.filter((f) => f.handler === 'runScheduledWork').every((f) => f.ok)).toBe(true);
    expect(rt.outbox.messages).toHaveLength(1);
    expect(runLog(rt).some((r) => r.Function === 'sendWeeklySummary' && r.Outcome === 'OK')).toBe(
      true,
    );
  });
});

describe('mail stays inside (issue 11)', () => {
  it('an outside address in Settings: dropped, and the warning is logged', () => {
    const rt = setup({
      recipients: 'lead@example.gov, spy@evil.example, team@example.gov, friend@gmail.com',
    });
    rt.run('sendWeeklySummary');
    expect(rt.outbox.messages).toHaveLength(1);
    expect(rt.outbox.messages[0].to).toEqual(['lead@example.gov', 'team@example.gov']);
    const row = runLog(rt).find((r) => r.Function === 'sendWeeklySummary');
    expect(row?.Outcome).toBe('OK');
    expect(String(row?.Error)).toMatch(
      /Warning: dropped address\(es\) outside the allowed domains \(example\.gov\): spy@evil\.example, friend@gmail\.com/,
    );
  });

  it('caps the recipients per send (default 25) and names the ones not sent to', () => {
    const many = Array.from({ length: 30 }, (_, i) => `person${i}@example.gov`).join(', ');
    const rt = setup({ recipients: many });
    rt.run('sendWeeklySummary');
    expect(rt.outbox.messages[0].to).toHaveLength(25);
    const row = runLog(rt).find((r) => r.Function === 'sendWeeklySummary');
    expect(String(row?.Error)).toContain(
      'more than 25 recipients; not sent to: person25@example.gov',
    );
  });

  it('a typed https://evil.example link shows as plain text in the email', () => {
    const rows = sampleRows({ end: '2026-11-23' });
    // Two documentation-gap requests in the last complete week: one links to an outside host
    // (also typed into its summary), one to GitHub.
    const lastWeek = rows.filter((r) => {
      const d = r[col('Requested at')];
      return (
        d instanceof Date &&
        d >= new Date('2026-11-16T05:00:00Z') &&
        d < new Date('2026-11-23T05:00:00Z')
      );
    });
    expect(lastWeek.length).toBeGreaterThanOrEqual(2);
    const [evil, good] = lastWeek;
    evil[col('Documentation gap')] = true;
    evil[col('Link')] = 'https://evil.example/login';
    evil[col('Summary')] = 'Please sign in at https://evil.example/login or www.evil.example';
    good[col('Documentation gap')] = true;
    good[col('Link')] = 'https://github.com/department-of-veterans-affairs/va.gov-team/issues/1';
    const rt = setup({ rows });
    rt.run('sendWeeklySummary');
    const m = rt.outbox.messages[0];
    expect(m.htmlBody).not.toMatch(/href="https:\/\/evil\.example/);
    expect(m.htmlBody).not.toContain('https://evil.example');
    expect(m.htmlBody).not.toContain('www.evil.example');
    expect(m.htmlBody).toContain('https[:]//evil[.]example/login');
    expect(m.body).not.toContain('https://evil.example');
    expect(m.body).toContain('https[:]//evil[.]example');
    // The allowed host stays a link.
    expect(m.htmlBody).toContain(
      'href="https://github.com/department-of-veterans-affairs/va.gov-team/issues/1"',
    );
  });
});

describe('ownership (issue 11)', () => {
  it('a forged Logged by: the edit is blocked', () => {
    const rt = setup();
    const sheet = rt.spreadsheet.getSheetByName('Requests');
    if (!sheet) throw new Error('no Requests tab');
    // An admin run (setup; also the daily refresh trigger) extends the protection over every row.
    rt.run('setUpSheet');
    const row = 5;
    const loggedBy = sheet.getRange(row, col('Logged by') + 1).getValue();
    for (const header of ['Logged by', 'Logged at', 'Request ID']) {
      expect(() =>
        rt.editAs(EDITOR, (ss) =>
          ss
            .getSheetByName('Requests')
            ?.getRange(row, HEADERS.indexOf(header) + 1)
            .setValue(EDITOR),
        ),
      ).toThrow(/You are trying to edit a protected cell/);
    }
    expect(sheet.getRange(row, col('Logged by') + 1).getValue()).toBe(loggedBy);
    // Not warning-only: a real protection whose editors are the admins (and the owner).
    const protections = sheet
      .getProtections(SpreadsheetApp_ProtectionType_RANGE())
      .filter((p) => /ownership/.test(p.getDescription()));
    expect(protections).toHaveLength(3);
    for (const p of protections) {
      expect(p.isWarningOnly()).toBe(false);
      expect(p.getEditors().map((u) => u.getEmail())).toEqual([ADMIN]);
    }
    // Other columns stay editable by every editor; an admin may fix an ownership cell.
    rt.editAs(EDITOR, (ss) =>
      ss
        .getSheetByName('Requests')
        ?.getRange(row, col('Notes') + 1)
        .setValue('ok'),
    );
    rt.editAs(ADMIN, (ss) =>
      ss
        .getSheetByName('Requests')
        ?.getRange(row, col('Logged by') + 1)
        .setValue(loggedBy),
    );
    // Settings (recipients, publishing) are admin-only too.
    expect(() =>
      rt.editAs(EDITOR, (ss) =>
        ss.getSheetByName('Settings')?.getRange(3, 2).setValue('spy@evil.example'),
      ),
    ).toThrow(/protected cell/);
  });

  it('a forged Logged by on a row newer than the protection: closing it is refused', () => {
    const rt = setup();
    rt.run('setUpSheet'); // protects every existing row
    const form = {
      summary: 'Logged by the lead, just now',
      vfsTeam: TEAMS[0],
      topic: 'Forms',
      channel: 'Slack',
      clientRequestId: 'client-security-000003',
    };
    const res = rt.runFromClient('submitRequest', form) as { requestId: string; row: number };
    // The new row is below the protected range until the next admin run: the editor can type
    // over its Logged by, but closeMyRequest checks the submit record too.
    rt.editAs(EDITOR, (ss) =>
      ss
        .getSheetByName('Requests')
        ?.getRange(res.row, col('Logged by') + 1)
        .setValue(EDITOR),
    );
    const before = sheetValues(rt, 'Requests');
    const forged = rt.runFromClientAs({ user: EDITOR }, 'closeMyRequest', {
      requestId: res.requestId,
      resolution: 'Answered',
    }) as { ok: boolean; message: string };
    expect(forged.ok).toBe(false);
    expect(forged.message).toMatch(/cannot be confirmed as yours/);
    expect(sheetValues(rt, 'Requests')).toEqual(before);
  });

  it('closeMyRequest needs the Request ID to match exactly one row; duplicates are in Data quality', () => {
    const rt = setup();
    const form = {
      summary: 'Mine',
      vfsTeam: TEAMS[0],
      topic: 'Forms',
      channel: 'Slack',
      clientRequestId: 'client-security-000002',
    };
    const mine = rt.runFromClientAs({ user: EDITOR }, 'submitRequest', form) as {
      requestId: string;
      row: number;
    };
    // A second row carries the same Request ID (pasted by someone), logged by the same user.
    const sheet = rt.spreadsheet.getSheetByName('Requests');
    if (!sheet) throw new Error('no Requests tab');
    const copy = sheet.getRange(mine.row, 1, 1, HEADERS.length).getValues()[0];
    sheet.appendRow(copy);
    const before = sheetValues(rt, 'Requests');
    const res = rt.runFromClientAs({ user: EDITOR }, 'closeMyRequest', {
      requestId: mine.requestId,
      resolution: 'Answered',
    }) as { ok: boolean; message: string };
    expect(res.ok).toBe(false);
    expect(res.message).toMatch(/appears in 2 rows .*Nothing was changed/);
    expect(sheetValues(rt, 'Requests')).toEqual(before);
    // "Replied now" (issue 12) follows the same ownership rule.
    const replied = rt.runFromClientAs({ user: EDITOR }, 'markRepliedNow', {
      requestId: mine.requestId,
    }) as { ok: boolean; message: string };
    expect(replied.ok).toBe(false);
    expect(replied.message).toMatch(/appears in 2 rows .*Nothing was changed/);
    expect(sheetValues(rt, 'Requests')).toEqual(before);
    rt.run('refreshSummaries');
    const dq = (sheetValues(rt, 'Data quality') ?? []).map((r) => r.join(' | '));
    expect(
      dq.filter((r) => r.includes(mine.requestId) && r.includes('Duplicate Request ID')),
    ).toHaveLength(2);
  });
});

describe('the public dashboard (issue 11)', () => {
  function published(rt: Runtime): void {
    setSetting(rt, 'Dashboard published', true);
    rt.run('refreshSummaries');
  }
  function storedSnapshot(rt: Runtime): DashboardSnapshot {
    const raw = fromChunks(
      'supportTracker.dashboardSnapshot',
      Object.fromEntries(rt.properties.script) as Record<string, string>,
    );
    return JSON.parse(raw ?? 'null') as DashboardSnapshot;
  }

  it('a published page and JSON from which no hidden count can be solved (property test on the built bundle)', () => {
    // The web app is the bound build's (issue 13: the add-on has the Dashboard tab).
    const rt = setup({ addon: false });
    published(rt);
    const snap = storedSnapshot(rt);
    for (const t of [2, 3, 5, 8]) {
      setSetting(rt, 'Small-count threshold', t);
      const json = JSON.parse(rt.get({ format: 'json' }).content) as DashboardJson;
      expect(json.smallCountThreshold).toBe(t);
      const truth = {
        weeks: snap.trends.series[0].values.map((v) => v ?? 0),
        teams: new Map(snap.byTeam.map((c) => [c.name, c.count])),
        topics: new Map(snap.byTopic.map((c) => [c.name, c.count])),
      };
      expect(solvedCells(json, truth)).toEqual([]);
      const html = rt.get().content;
      expect(html).not.toMatch(/\d or more/);
    }
  });

  it('a racing cold doGet never serves an older snapshot than the latest refresh', () => {
    // The web app is the bound build's (issue 13: the add-on has the Dashboard tab).
    const rt = setup({ addon: false });
    published(rt);
    const generatedAt = (): string =>
      (JSON.parse(rt.get({ format: 'json' }).content) as DashboardJson).generatedAt;
    // Race a refresh into a cold doGet at each service call it makes: the version read, the
    // snapshot read and the cache write.
    const points: ((c: { name: string }) => boolean)[] = [
      (c) => c.name === 'Properties.getProperty',
      (c) => c.name === 'Properties.getProperties',
      (c) => c.name === 'Cache.put',
    ];
    for (const match of points) {
      rt.cache.clear();
      rt.clock.advance(60 * 60 * 1000);
      let latest = '';
      rt.interleave(match, () => {
        rt.run('refreshSummaries');
        latest = storedSnapshot(rt).generatedAt;
      });
      const racing = generatedAt();
      expect(latest).not.toBe('');
      expect(racing <= latest).toBe(true);
      // Every request after the refresh serves the newest snapshot (warm or cold).
      expect(generatedAt()).toBe(latest);
      expect(generatedAt()).toBe(latest);
    }
  });
});

/** SpreadsheetApp.ProtectionType.RANGE on the host side. */
function SpreadsheetApp_ProtectionType_RANGE(): GoogleAppsScript.Spreadsheet.ProtectionType {
  return 'RANGE' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
}
