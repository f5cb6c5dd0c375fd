/**
 * Issue 6: sendWeeklySummary and its menu companions through the local runtime on the BUILT bundle.
 * Acceptance 5: a trigger fired twice in one week sends one email; a short quota sends none and
 * writes a Run log row. Also: invalid recipients skipped and reported, the inline chart PNG, the
 * preview dialog (hostile text inert), the test email, and service calls that do not grow with rows.
 */
import type { Runtime } from '../../packages/gas-runtime/src';
import { HEADERS, RUN_LOG_HEADERS } from '../../src/domain/schema';
import { sheetValues } from '../helpers/runtime';
import { sampleRows, TEAMS } from '../helpers/reportData';
import { setSetting, summariesWorkbook } from './summariesHelpers';
import { activeContent, EMAIL_TAGS } from '../helpers/htmlSafety';

/** Tuesday 2026-11-24 10:00 New York: the last complete week is Nov 16–22. */
const NOW = new Date('2026-11-24T15:00:00Z');
const HOSTILE = '<script>window.__x=1</script><img src=x onerror=alert(1)>"><svg onload=alert(2)>';

/** A set-up workbook with the sample rows (one hostile), the teams and the recipients. */
function setup(opts: { rows?: number; recipients?: string } = {}): Runtime {
  let rows = sampleRows({ end: '2026-11-23' });
  if (opts.rows)
    while (rows.length < opts.rows) rows = rows.concat(rows.slice(0, opts.rows - rows.length));
  // A hostile documentation-gap request in the last complete week.
  const hostile = [...rows[rows.length - 1]];
  hostile[HEADERS.indexOf('Summary')] = HOSTILE;
  hostile[HEADERS.indexOf('Link')] = 'javascript:alert(3)';
  hostile[HEADERS.indexOf('Documentation gap')] = true;
  rows[rows.length - 1] = hostile;
  const rt = summariesWorkbook(rows, NOW, {}, TEAMS);
  setSetting(
    rt,
    'Weekly email recipients',
    opts.recipients ?? 'lead@example.gov, not-an-address, team@example.gov',
  );
  return rt;
}

function runLog(rt: Runtime): Record<string, unknown>[] {
  const v = sheetValues(rt, 'Run log') ?? [];
  if (v.length === 0) return [];
  expect(v[0].slice(0, RUN_LOG_HEADERS.length)).toEqual([...RUN_LOG_HEADERS]);
  return v.slice(1).map((r) => Object.fromEntries(RUN_LOG_HEADERS.map((h, i) => [h, r[i]])));
}

function weeklyLog(rt: Runtime): string[] {
  return runLog(rt)
    .filter((r) => r.Function === 'sendWeeklySummary')
    .map((r) => `${r.Outcome} | ${r.Error}`);
}

describe('sendWeeklySummary (acceptance 5)', () => {
  it('a trigger fired twice in one week sends one email; the next week sends again', () => {
    const rt = setup();
    rt.runAs({ kind: 'trigger' }, 'sendWeeklySummary');
    rt.runAs({ kind: 'trigger' }, 'sendWeeklySummary');
    expect(rt.outbox.messages).toHaveLength(1);
    const m = rt.outbox.messages[0];
    expect(m.subject).toMatch(/^Support requests, week of Nov 16–22: \d+ \((\+|-)\d+%\)$/);
    expect(m.to).toEqual(['lead@example.gov', 'team@example.gov']);
    expect(m.htmlBody).toContain('Requests this week');
    expect(m.body).toContain('REQUESTS THIS WEEK');
    const log = weeklyLog(rt);
    expect(log).toHaveLength(2);
    expect(log[0]).toMatch(
      /^OK \| Weekly summary for the week of Nov 16–22, 2026 sent to 2 recipient/,
    );
    expect(log[0]).toContain('Skipped invalid address(es): not-an-address.');
    expect(log[1]).toMatch(/^Skipped: already sent \| .*was already sent: not sent again/);
    // One week later: the next week is sent once.
    rt.clock.advance(7 * 24 * 3600 * 1000);
    rt.runAs({ kind: 'trigger' }, 'sendWeeklySummary');
    rt.runAs({ kind: 'trigger' }, 'sendWeeklySummary');
    expect(rt.outbox.messages).toHaveLength(2);
    expect(rt.outbox.messages[1].subject).toMatch(/week of Nov 23–29/);
  });

  it('a short quota sends nothing and writes a clear Run log row', () => {
    const rt = setup();
    rt.outbox.setRemainingDailyQuota(1);
    rt.runAs({ kind: 'trigger' }, 'sendWeeklySummary');
    expect(rt.outbox.messages).toHaveLength(0);
    const log = weeklyLog(rt);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/^Skipped: short email quota \| /);
    expect(log[0]).toMatch(
      /quota has 1 recipient\(s\) left and this email needs 2\. Nothing was sent/,
    );
    // Quota restored: the same week is sent on the next run.
    rt.outbox.setRemainingDailyQuota(100);
    rt.runAs({ kind: 'trigger' }, 'sendWeeklySummary');
    expect(rt.outbox.messages).toHaveLength(1);
  });

  it('sends nothing without a valid recipient, and says so', () => {
    const rt = setup({ recipients: 'nobody, also@bad' });
    rt.runAs({ kind: 'trigger' }, 'sendWeeklySummary');
    expect(rt.outbox.messages).toHaveLength(0);
    expect(weeklyLog(rt)[0]).toMatch(/no valid address.*nobody, also@bad/);
  });

  it('escapes hostile summaries and keeps javascript: links inert in the sent email', () => {
    const rt = setup();
    rt.run('sendWeeklySummary');
    const m = rt.outbox.messages[0];
    expect(activeContent(m.htmlBody ?? '', EMAIL_TAGS)).toEqual([]);
    expect(m.htmlBody).toContain('&lt;script&gt;window.__x=1&lt;/script&gt;');
    expect(m.htmlBody).not.toContain('href="javascript:');
  });

  it('attaches the Summary weekly-volume chart (refreshSummaries) as an inline PNG referenced by cid', () => {
    const rt = setup();
    rt.run('refreshSummaries');
    rt.run('sendWeeklySummary');
    const m = rt.outbox.messages[0];
    expect(Object.keys(m.inlineImages)).toEqual(['weeklyVolume']);
    expect(m.inlineImages.weeklyVolume.contentType).toBe('image/png');
    expect(m.inlineImages.weeklyVolume.size).toBeGreaterThan(100);
    expect(m.htmlBody).toContain('src="cid:weeklyVolume"');
    expect(m.htmlBody).not.toContain('>Week of Nov 16</td>');
  });

  it('draws HTML bars when the Summary chart does not exist', () => {
    const rt = setup();
    rt.run('sendWeeklySummary');
    const m = rt.outbox.messages[0];
    expect(m.inlineImages).toEqual({});
    expect(m.htmlBody).not.toContain('cid:');
    expect(m.htmlBody).toContain('>Week of Nov 16</td>');
  });

  it('with the installed scheduler trigger: one email per week, an extra firing sends nothing', () => {
    // Valid recipients only (installTriggers itself ignores them: they do not affect schedules).
    const rt = setup({ recipients: 'lead@example.gov, team@example.gov' });
    rt.run('installTriggers');
    const fired = rt.fireDueTriggers(NOW.getTime() + 14 * 24 * 3600 * 1000);
    expect(fired.every((f) => f.handler === 'runScheduledWork' && f.ok)).toBe(true);
    expect(weeklyLog(rt)).toHaveLength(2);
    expect(rt.outbox.messages.map((m) => m.subject.replace(/:.*/, ''))).toEqual([
      'Support requests, week of Nov 23–29',
      'Support requests, week of Nov 30–Dec 6',
    ]);
    // The trigger fires again in the same week: nothing more is sent.
    rt.runAs({ kind: 'trigger' }, 'sendWeeklySummary', { triggerUid: 'again', authMode: 'FULL' });
    expect(rt.outbox.messages).toHaveLength(2);
    expect(weeklyLog(rt).slice(-1)[0]).toMatch(/^Skipped: already sent/);
  });

  it('makes the same number of service calls at 1,000 and 10,000 rows', () => {
    const calls = [1000, 10000].map((n) => {
      const rt = setup({ rows: n });
      rt.tracker.reset();
      rt.run('sendWeeklySummary');
      expect(rt.outbox.messages).toHaveLength(1);
      return rt.tracker.snapshot().calls;
    });
    expect(calls[1]).toBe(calls[0]);
    expect(calls[0]).toBeLessThanOrEqual(60);
  });
});

describe('preview and test email', () => {
  it('"Preview weekly email" opens the email in a modal dialog, hostile text inert', () => {
    const rt = setup();
    rt.run('previewWeeklySummary');
    const d = rt.ui.dialogs[rt.ui.dialogs.length - 1];
    expect(d.kind).toBe('modal');
    expect(d.title).toMatch(/^Support requests, week of Nov 16–22/);
    expect(d.html).toContain('KPIs against goals');
    expect(activeContent(d.html, EMAIL_TAGS)).toEqual([]);
    expect(d.html).toContain('&lt;script&gt;window.__x=1&lt;/script&gt;');
    expect(rt.outbox.messages).toHaveLength(0);
  });

  it('"Send test email to me" sends to the current user only and does not mark the week sent', () => {
    const rt = setup();
    // Issue 11: a test send is an admin action; make the analyst an admin first.
    rt.run('saveAdminState', {
      admins: 'lead@example.gov analyst@example.gov',
      domains: 'example.gov',
      maxRecipients: 25,
      linkHosts: 'github.com',
    });
    rt.runAs({ user: 'analyst@example.gov' }, 'sendTestWeeklySummary');
    expect(rt.outbox.messages).toHaveLength(1);
    expect(rt.outbox.messages[0].to).toEqual(['analyst@example.gov']);
    expect(rt.outbox.messages[0].subject).toMatch(/^\[Test\] Support requests, week of Nov 16–22/);
    rt.runAs({ kind: 'trigger' }, 'sendWeeklySummary');
    expect(rt.outbox.messages).toHaveLength(2);
    expect(rt.outbox.messages[1].to).toEqual(['lead@example.gov', 'team@example.gov']);
  });
});
