/**
 * Issue 14: the "Ask platform support" page on the BUILT bundle: getAskSuggestions, submitAsk
 * (the shared request write path), the anonymous refusal, the rate limit, and the Answers tab and
 * automated response rate against a hand-computed fixture.
 */
import type { Runtime } from '../../packages/gas-runtime/src';
import { HEADERS } from '../../src/domain/schema';
import { ASK_LOG_HEADERS, SELF_SERVICE_KPI_LABEL } from '../../src/domain/answers';
import { loadBuiltRuntime, sheetValues } from '../helpers/runtime';
import { setSetting } from './summariesHelpers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type AskResult = {
  ok: boolean;
  requestId?: string;
  duplicate?: boolean;
  message?: string;
  followUpUrl?: string;
};
type Suggestions = { suggestions: { topic: string; title: string; url: string; score: number }[] };

const USER = 'dev@example.gov';
const TEAMS = ['Benefits Team', 'Health Apps'];
const CI_DOC = 'https://docs.example.gov/ci/troubleshooting';
const CI_MORE = 'https://docs.example.gov/ci/github-actions-failures';
const FORMS_DOC = 'https://docs.example.gov/forms/library';
const SLACK = 'https://example.slack.com/archives/C0ABCDEFG';
const col = (h: string): number => HEADERS.indexOf(h);

function ss(rt: Runtime): Spreadsheet {
  return rt.spreadsheet as unknown as Spreadsheet;
}

/** A set-up sheet with teams, two topics' doc links, one extra Answer link and a follow-up link. */
function setup(): Runtime {
  const rt = loadBuiltRuntime({ addon: false }); // the ask page is the bound build's web app (issue 13);
  rt.run('setUpSheet');
  const s = ss(rt);
  s.getSheetByName('Teams')!
    .getRange(2, 1, TEAMS.length, 3)
    .setValues(TEAMS.map((t) => [t, '', false]));
  const topics = s.getSheetByName('Topics')!;
  const values = topics.getDataRange().getValues();
  for (let r = 1; r < values.length; r++) {
    if (values[r][0] === 'CI Error') topics.getRange(r + 1, 6).setValue(CI_DOC);
    if (values[r][0] === 'Forms') topics.getRange(r + 1, 6).setValue(FORMS_DOC);
  }
  const links = s.insertSheet('Answer links');
  links.getRange(1, 1, 3, 5).setValues([
    ['Topic', 'Title', 'Link', 'Keywords', 'Disabled'],
    ['CI Error', 'GitHub Actions failures', CI_MORE, 'github actions, workflow', false],
    ['CI Error', 'Evil', 'javascript:alert(1)', 'ci', false],
  ]);
  setSetting(rt, 'Ask page follow-up link', SLACK);
  return rt;
}

function dataRows(rt: Runtime): unknown[][] {
  return (sheetValues(rt, 'Requests') ?? []).slice(1);
}
function askLog(rt: Runtime): unknown[][] {
  return (sheetValues(rt, 'Ask log') ?? []).slice(1);
}

function suggest(rt: Runtime, text: string, user = USER): Suggestions {
  return rt.runFromClientAs({ user, webApp: true }, 'getAskSuggestions', text) as Suggestions;
}
function ask(rt: Runtime, input: Record<string, unknown>, user = USER): AskResult {
  return rt.runFromClientAs({ user, webApp: true }, 'submitAsk', input) as AskResult;
}

let n = 0;
const cid = (): string => `ask-client-${String(++n).padStart(6, '0')}`;

describe('ask page (built bundle)', () => {
  it('suggests at most 3 curated http(s) links, ranked by keywords and the topic model', () => {
    const rt = setup();
    const res = suggest(rt, 'Our CI build failed in github actions, the workflow is red');
    expect(res.suggestions.length).toBeGreaterThan(0);
    expect(res.suggestions.length).toBeLessThanOrEqual(3);
    expect(res.suggestions[0].topic).toBe('CI Error');
    const urls = res.suggestions.map((s) => s.url);
    expect(urls).toEqual(expect.arrayContaining([CI_DOC, CI_MORE]));
    expect(urls.some((u) => u.startsWith('javascript:'))).toBe(false);
    for (const s of res.suggestions) expect(s.score).toBeGreaterThan(0);
    // JSON-safe through google.script.run (a Date or function would have become null).
    expect(rt.clientWarnings).toEqual([]);
    expect(suggest(rt, 'hi').suggestions).toEqual([]);
  });

  it('"This answered it" writes exactly one correct Self-service row and one Ask log event', () => {
    const rt = setup();
    const before = dataRows(rt).length;
    const res = ask(rt, {
      question: 'CI build failed on my PR, github actions workflow error',
      vfsTeam: 'Health Apps',
      topic: 'CI Error',
      answered: true,
      docUrl: CI_MORE,
      clientRequestId: cid(),
    });
    expect(res.ok).toBe(true);
    expect(res.requestId).toMatch(/^SR-\d{8}-[0-9A-Z]{4}$/);
    const rows = dataRows(rt);
    expect(rows.length).toBe(before + 1);
    const row = rows[rows.length - 1];
    const now = rt.clock.now().getTime();
    expect(row[col('Request ID')]).toBe(res.requestId);
    expect(row[col('Channel')]).toBe('Self-service');
    expect(row[col('Topic')]).toBe('CI Error');
    expect(row[col('Suggested topic')]).toBe('CI Error');
    expect(row[col('Status')]).toBe('Resolved');
    expect(row[col('Resolution')]).toBe('Automated answer');
    expect(row[col('Requester')]).toBe(USER);
    expect(row[col('Logged by')]).toBe(USER);
    expect(row[col('VFS team')]).toBe('Health Apps');
    expect(row[col('Docs link')]).toBe(CI_MORE);
    expect(row[col('Summary')]).toBe('CI build failed on my PR, github actions workflow error');
    for (const h of ['Requested at', 'First response at', 'Resolved at']) {
      expect(row[col(h)]).toBeInstanceOf(Date);
      expect((row[col(h)] as Date).getTime()).toBe(now);
    }
    const log = askLog(rt);
    expect(sheetValues(rt, 'Ask log')![0]).toEqual([...ASK_LOG_HEADERS]);
    expect(log).toHaveLength(1);
    expect(log[0][1]).toBe(res.requestId);
    expect(log[0][2]).toBe('Answered');
    expect(log[0][4]).toBe(CI_MORE);
    expect(String(log[0][5])).toContain(`CI Error\t${CI_MORE}`);
    // The event log holds no question text.
    expect(JSON.stringify(log)).not.toContain('my PR');
  });

  it('"I still need help" writes one Open row with the Suggested topic and returns the follow-up link', () => {
    const rt = setup();
    const before = dataRows(rt).length;
    const res = ask(rt, {
      question: 'The forms library submission breaks on step 2',
      answered: false,
      clientRequestId: cid(),
    });
    expect(res).toMatchObject({ ok: true, followUpUrl: SLACK });
    const rows = dataRows(rt);
    expect(rows.length).toBe(before + 1);
    const row = rows[rows.length - 1];
    expect(row[col('Status')]).toBe('Open');
    expect(row[col('Summary')]).toBe('The forms library submission breaks on step 2');
    expect(row[col('Suggested topic')]).toBe('Forms');
    expect(row[col('Topic')]).toBe('');
    expect(row[col('Resolution')]).toBe('');
    expect(row[col('Resolved at')]).toBe('');
    expect(row[col('First response at')]).toBe('');
    expect(row[col('Channel')]).toBe('Self-service');
    expect(askLog(rt)[0][2]).toBe('Still needs help');
  });

  it('a retry with the same clientRequestId writes nothing new', () => {
    const rt = setup();
    const input = {
      question: 'CI failing again',
      topic: 'CI Error',
      answered: true,
      docUrl: CI_DOC,
      clientRequestId: cid(),
    };
    const first = ask(rt, input);
    const rows = dataRows(rt).length;
    const events = askLog(rt).length;
    const again = ask(rt, input);
    expect(again).toMatchObject({ ok: true, requestId: first.requestId, duplicate: true });
    expect(dataRows(rt).length).toBe(rows);
    expect(askLog(rt).length).toBe(events);
  });

  it('hostile text is stored literally and rendered inert; the dashboard never shows it', () => {
    const rt = setup();
    const hostile = '=HYPERLINK("https://evil.example","x")<script>window.__pwned=1</script>';
    const res = ask(rt, { question: hostile, answered: false, clientRequestId: cid() });
    expect(res.ok).toBe(true);
    const sheet = ss(rt).getSheetByName('Requests')!;
    const last = sheet.getLastRow();
    const cell = sheet.getRange(last, col('Summary') + 1);
    expect(cell.getValue()).toBe(hostile);
    expect(cell.getFormula()).toBe('');
    // Suggestions for hostile text are plain data.
    const s = suggest(rt, hostile);
    expect(Array.isArray(s.suggestions)).toBe(true);
    // Public dashboard (published) and its JSON: aggregates only, never the question.
    setSetting(rt, 'Dashboard published', true);
    rt.run('refreshSummaries');
    const html = rt.get().content;
    const json = rt.get({ format: 'json' }).content;
    for (const out of [html, json]) {
      expect(out).not.toContain('evil.example');
      expect(out).not.toContain('__pwned');
    }
    // The ask page itself never embeds sheet text: it is the static page.
    const page = rt.get({ page: 'ask' }, { visitor: USER }).content;
    expect(page).not.toContain('evil.example');
  });

  it('an anonymous visitor is refused everywhere and nothing is written', () => {
    const rt = setup();
    const page = rt.get({ page: 'ask' }, { visitor: '' });
    expect(page.kind).toBe('html');
    expect(page.title).toBe('Sign in required');
    expect(page.content).toContain('Sign in');
    expect(page.content).not.toContain('<textarea');
    const signedIn = rt.get({ page: 'ask' }, { visitor: USER });
    expect(signedIn.title).toBe('Ask platform support');
    expect(signedIn.content).toContain('This answered it');
    const before = dataRows(rt).length;
    const res = ask(rt, { question: 'CI failed', answered: false, clientRequestId: cid() }, '');
    expect(res.ok).toBe(false);
    expect(res.message).toMatch(/sign in/i);
    expect(() => suggest(rt, 'CI build failed', '')).toThrow(/sign in/i);
    expect(() => rt.runFromClientAs({ user: '', webApp: true }, 'getAskPageOptions')).toThrow(
      /sign in/i,
    );
    expect(dataRows(rt).length).toBe(before);
    expect(sheetValues(rt, 'Ask log')).toBeNull();
  });

  it('the 21st ask in an hour is refused and writes nothing; the limit is a setting', () => {
    const rt = setup();
    for (let i = 0; i < 20; i++) {
      const r = ask(rt, {
        question: `Question ${i} about CI`,
        answered: false,
        clientRequestId: cid(),
      });
      expect(r.ok).toBe(true);
      rt.clock.advance(60 * 1000);
    }
    const rows = dataRows(rt).length;
    const events = askLog(rt).length;
    const refused = ask(rt, { question: 'one more', answered: false, clientRequestId: cid() });
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/20 questions in the last hour/);
    expect(dataRows(rt).length).toBe(rows);
    expect(askLog(rt).length).toBe(events);
    // Another user is not limited by this one.
    expect(
      ask(rt, { question: 'mine', answered: false, clientRequestId: cid() }, 'other@example.gov')
        .ok,
    ).toBe(true);
    // An hour after the first asks, the window has room again.
    rt.clock.advance(45 * 60 * 1000);
    expect(ask(rt, { question: 'later', answered: false, clientRequestId: cid() }).ok).toBe(true);
    // A lower limit from Settings applies once the cached index is refreshed.
    setSetting(rt, 'Ask page asks per user per hour', 2);
    rt.run('refreshSummaries');
    const third = 'third@example.gov';
    expect(ask(rt, { question: 'a', answered: false, clientRequestId: cid() }, third).ok).toBe(
      true,
    );
    expect(ask(rt, { question: 'b', answered: false, clientRequestId: cid() }, third).ok).toBe(
      true,
    );
    expect(ask(rt, { question: 'c', answered: false, clientRequestId: cid() }, third).ok).toBe(
      false,
    );
  });

  it('bad input gets a clear message and changes nothing', () => {
    const rt = setup();
    const before = dataRows(rt).length;
    for (const bad of [
      null,
      { question: '', answered: false, clientRequestId: cid() },
      { question: 'x', answered: 'yes', clientRequestId: cid() },
      { question: 'x', answered: false, clientRequestId: 'short' },
      {
        question: 'x',
        answered: true,
        topic: 'CI Error',
        docUrl: 'javascript:alert(1)',
        clientRequestId: cid(),
      },
      {
        question: 'x',
        answered: true,
        topic: 'CI Error',
        docUrl: 'https://not-curated.example/x',
        clientRequestId: cid(),
      },
      { question: 'x', answered: true, topic: 'No such topic', clientRequestId: cid() },
      { question: 'x', answered: false, vfsTeam: 'Unknown team', clientRequestId: cid() },
      { question: 'x', answered: false, clientRequestId: cid(), extra: 1 },
    ]) {
      const r = ask(rt, bad as Record<string, unknown>);
      expect(r.ok).toBe(false);
      expect(String(r.message).length).toBeGreaterThan(5);
    }
    expect(dataRows(rt).length).toBe(before);
    expect(sheetValues(rt, 'Ask log')).toBeNull();
  });
});

/**
 * Hand-computed fixture. "Now" is Tuesday 2026-03-03 10:00 New York; last week is Mon 02-23 to Sun
 * 03-01, the last 4 weeks 02-02 to 03-01.
 *
 * Ask log (L1 = CI doc link, L2 = CI extra Answer link, L3 = Forms doc link):
 *   e1 02-24 answered, picked L1, suggested L1 L2
 *   e2 02-25 needs help, no pick, suggested L1 L2      -> L1, L2 judged unhelpful
 *   e3 02-26 needs help, picked L3, suggested L3       -> L3 judged unhelpful
 *   e4 01-20 answered, picked L3, suggested L3 L1
 *   e5 01-21 needs help, no pick, suggested L2         -> L2 unhelpful
 *   e6 01-22 needs help, no pick, suggested L2         -> L2 unhelpful
 * L1: suggested 3, chosen 1, helpful 1, unhelpful 1, rate 1/3
 * L2: suggested 4, chosen 0, helpful 0, unhelpful 3, rate 0 -> flagged (3 >= 3 and 3 > 0)
 * L3: suggested 2, chosen 2, helpful 1, unhelpful 1, rate 1/2
 * Asks 6, answered 2, self-service resolution rate 1/3.
 *
 * Data rows: last week 3 resolved by people (Answered) + 1 Automated answer; 01-20..01-22 one Fixed
 * and one Automated answer, plus one Open row.
 * Automated response rate (ask-page events) = answered asks ÷ (answered asks + resolved − automated):
 *   last week  1 ÷ (1 + (4 − 1)) = 0.25
 *   last 4 wk  1 ÷ (1 + (4 − 1)) = 0.25   (e4 is before 02-02)
 *   all time   2 ÷ (2 + (6 − 2)) = 1/3
 */
describe('Answers tab and the automated response rate (hand-computed fixture)', () => {
  let rt: Runtime;
  beforeAll(() => {
    rt = setup();
    // The fixture is small on purpose: show every rate (issue 12's minimum n would hide n < 5).
    setSetting(rt, 'Minimum n for a KPI', 1);
    const submit = (requestedAt: string, extra: Record<string, unknown>): void => {
      const r = rt.runFromClient('submitRequest', {
        summary: 'fixture row',
        vfsTeam: 'Benefits Team',
        topic: 'Forms',
        channel: 'Slack',
        requestedAt,
        clientRequestId: cid(),
        ...extra,
      }) as { ok: boolean };
      expect(r.ok).toBe(true);
    };
    for (const d of ['2026-02-24T15:00:00Z', '2026-02-25T15:00:00Z', '2026-02-26T15:00:00Z'])
      submit(d, { status: 'Resolved', resolution: 'Answered' });
    submit('2026-02-24T15:00:00Z', {
      status: 'Resolved',
      resolution: 'Automated answer',
      channel: 'Self-service',
    });
    submit('2026-01-20T15:00:00Z', { status: 'Resolved', resolution: 'Fixed' });
    submit('2026-01-20T15:00:00Z', {
      status: 'Resolved',
      resolution: 'Automated answer',
      channel: 'Self-service',
    });
    submit('2026-01-21T15:00:00Z', {});
    const log = ss(rt).insertSheet('Ask log');
    const L1 = `CI Error\t${CI_DOC}`;
    const L2 = `CI Error\t${CI_MORE}`;
    const L3 = `Forms\t${FORMS_DOC}`;
    const at = (s: string): Date => new Date(s);
    log
      .getRange(1, 1, 7, 6)
      .setValues([
        [...ASK_LOG_HEADERS],
        [at('2026-02-24T16:00:00Z'), 'SR-1', 'Answered', 'CI Error', CI_DOC, `${L1}\n${L2}`],
        [at('2026-02-25T16:00:00Z'), 'SR-2', 'Still needs help', '', '', `${L1}\n${L2}`],
        [at('2026-02-26T16:00:00Z'), 'SR-3', 'Still needs help', 'Forms', FORMS_DOC, L3],
        [at('2026-01-20T16:00:00Z'), 'SR-4', 'Answered', 'Forms', FORMS_DOC, `${L3}\n${L1}`],
        [at('2026-01-21T16:00:00Z'), 'SR-5', 'Still needs help', '', '', L2],
        [at('2026-01-22T16:00:00Z'), 'SR-6', 'Still needs help', '', '', L2],
      ]);
    rt.run('refreshSummaries');
  });

  it('the Answers tab matches the fixture', () => {
    const v = sheetValues(rt, 'Answers')!;
    const byLabel = (label: string): unknown => v.find((r) => r[0] === label)?.[1];
    expect(byLabel('Asks (logged events)')).toBe(6);
    expect(byLabel('Answered by a suggestion')).toBe(2);
    expect(byLabel('Self-service resolution rate')).toBeCloseTo(1 / 3, 10);
    expect(byLabel(`${SELF_SERVICE_KPI_LABEL}, all time`)).toBeCloseTo(1 / 3, 10);
    const header = v.findIndex((r) => r[0] === 'Topic' && r[1] === 'Doc link');
    const table = v.slice(header + 1).filter((r) => r[0] !== '');
    const row = (url: string): unknown[] => table.find((r) => r[1] === url)!;
    expect(row(CI_DOC).slice(0, 6)).toEqual(['CI Error', CI_DOC, 3, 1, 1, 1]);
    expect(row(CI_DOC)[6]).toBeCloseTo(1 / 3, 10);
    expect(row(CI_MORE).slice(0, 7)).toEqual(['CI Error', CI_MORE, 4, 0, 0, 3, 0]);
    expect(row(CI_MORE)[7]).toMatch(/unhelpful/);
    expect(row(FORMS_DOC).slice(0, 7)).toEqual(['Forms', FORMS_DOC, 2, 2, 1, 1, 0.5]);
    expect(row(FORMS_DOC)[7]).toBe('');
    expect(table).toHaveLength(3);
  });

  it('the Summary shows the automated response rate from ask events, labelled as such', () => {
    const v = sheetValues(rt, 'Summary')!;
    const line = v.find((r) => r[0] === SELF_SERVICE_KPI_LABEL)!;
    expect(line[1]).toBeCloseTo(0.25, 10);
    expect(line[2]).toBeCloseTo(0.25, 10);
    expect(line[3]).toBeCloseTo(1 / 3, 10);
  });

  it('the unhelpful link is flagged in Data quality', () => {
    const v = sheetValues(rt, 'Data quality')!;
    const flagged = v.filter((r) => String(r[2]).includes('Answer link often unhelpful'));
    expect(flagged).toHaveLength(1);
    expect(String(flagged[0][2])).toContain(CI_MORE);
  });

  it('the dashboard and the weekly email show it too', () => {
    setSetting(rt, 'Dashboard published', true);
    rt.run('refreshSummaries');
    const json = JSON.parse(rt.get({ format: 'json' }).content) as {
      kpis: { key: string; label: string; value: number | null }[];
    };
    const kpi = json.kpis.find((k) => k.key === 'selfServiceAutomatedRate')!;
    expect(kpi.label).toBe(SELF_SERVICE_KPI_LABEL);
    expect(kpi.value).toBeCloseTo(0.25, 10);
    expect(rt.get().content).toContain(SELF_SERVICE_KPI_LABEL);
    rt.run('previewWeeklySummary');
    const dialog = rt.ui.dialogs[rt.ui.dialogs.length - 1];
    expect(dialog.html).toContain(SELF_SERVICE_KPI_LABEL);
    expect(dialog.html).toContain('25');
  });
});

describe('the Self-service channel on a sheet set up before it existed', () => {
  it('setUpSheet appends it to the Lists tab once; asks work even before that', () => {
    const rt = setup();
    const lists = ss(rt).getSheetByName('Lists')!;
    const channelRows = (): unknown[][] =>
      lists
        .getDataRange()
        .getValues()
        .filter((r) => r[0] === 'Channel' && r[1] === 'Self-service');
    const values = lists.getDataRange().getValues();
    const i = values.findIndex((r) => r[0] === 'Channel' && r[1] === 'Self-service');
    lists.deleteRow(i + 1);
    expect(channelRows()).toHaveLength(0);
    // The ask path accepts its own channel value even when the list lacks it.
    expect(ask(rt, { question: 'CI failed', answered: false, clientRequestId: cid() }).ok).toBe(
      true,
    );
    const report = rt.run('setUpSheet') as { listValuesAdded: string[] };
    expect(report.listValuesAdded).toEqual(['Channel: Self-service']);
    expect(channelRows()).toHaveLength(1);
    const again = rt.run('setUpSheet') as { listValuesAdded: string[] };
    expect(again.listValuesAdded).toEqual([]);
    expect(channelRows()).toHaveLength(1);
  });
});

describe('the ask page and the sidebar writing at the same time', () => {
  it('an ask never reuses a Request ID the sidebar issued meanwhile (no document lock in a web app)', () => {
    const rt = setup();
    let sidebar: { ok: boolean; requestId?: string } | undefined;
    rt.interleave(
      (c) => c.name === 'Range.createTextFinder',
      () => {
        sidebar = rt.runFromClient('submitRequest', {
          summary: 'logged from the sidebar meanwhile',
          vfsTeam: 'Benefits Team',
          topic: 'Forms',
          channel: 'Slack',
          clientRequestId: cid(),
        }) as { ok: boolean; requestId?: string };
      },
    );
    const res = ask(rt, { question: 'CI failed', answered: false, clientRequestId: cid() });
    expect(sidebar?.ok).toBe(true);
    expect(res.ok).toBe(true);
    expect(res.requestId).not.toBe(sidebar?.requestId);
    const ids = dataRows(rt).map((r) => r[col('Request ID')]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(2);
    // The next sidebar request gets a fresh ID too.
    const next = rt.runFromClient('submitRequest', {
      summary: 'and one more',
      vfsTeam: 'Benefits Team',
      topic: 'Forms',
      channel: 'Slack',
      clientRequestId: cid(),
    }) as { ok: boolean; requestId: string };
    expect(next.ok).toBe(true);
    expect(ids).not.toContain(next.requestId);
  });
});

describe('learning from feedback', () => {
  it('a link judged unhelpful again and again drops in the ranking after a refresh', () => {
    const rt = setup();
    const q = 'CI build failed in github actions, the workflow is red';
    const before = suggest(rt, q).suggestions.map((s) => s.url);
    expect(before[0]).toBe(CI_MORE);
    for (let i = 0; i < 4; i++) {
      const r = ask(rt, {
        question: `${q} ${i}`,
        topic: 'CI Error',
        docUrl: CI_MORE,
        answered: false,
        clientRequestId: cid(),
      });
      expect(r.ok).toBe(true);
    }
    rt.run('refreshSummaries');
    const after = suggest(rt, q).suggestions.map((s) => s.url);
    expect(after[0]).toBe(CI_DOC);
    expect(after).toContain(CI_MORE);
  });
});
