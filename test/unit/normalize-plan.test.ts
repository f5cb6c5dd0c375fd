import {
  applyChanges,
  buildMatcher,
  mergePlans,
  undoChanges,
  type AliasRow,
} from '../../src/domain/normalize';
import { FIELD_BY_KEY, type FieldKey } from '../../src/domain/schema';
import { isDate, zonedTime } from '../../src/domain/time';
import { col, plan, row, seqIds, testLists, TZ } from './normalize-fixtures';

/** A complete, already-standard row (VSP team / Practice area = the CI Error topic's routing). */
function goodRow(extra: Partial<Record<FieldKey, unknown>> = {}): unknown[] {
  return row({
    requestId: 'SR-20240305-AAAA',
    requestedAt: zonedTime(TZ, 2024, 3, 5),
    vfsTeam: 'Frontend Tools',
    vspTeam: 'Operations/DevOps',
    practiceArea: 'DevOps',
    channel: 'Slack',
    topic: 'CI Error',
    summary: 'Build is red',
    timeSpentMin: 30,
    documentationGap: false,
    ...extra,
  });
}

describe('list matching', () => {
  const teams = testLists().teams;
  test('case-insensitive exact match on values and Aliases', () => {
    const m = buildMatcher(teams);
    expect(m.match('frontend tools')).toMatchObject({
      kind: 'match',
      value: 'Frontend Tools',
      rule: 'list-exact',
    });
    expect(m.match('TOOLS-FE')).toMatchObject({
      kind: 'match',
      value: 'Frontend Tools',
      rule: 'list-alias',
    });
    expect(m.match('hca')).toMatchObject({
      kind: 'match',
      value: 'Health Care Application',
      rule: 'list-alias',
    });
  });
  test('abbreviations, token order and typos match fuzzily', () => {
    const m = buildMatcher(teams);
    expect(m.match('FE Tools')).toMatchObject({
      kind: 'match',
      value: 'Frontend Tools',
      rule: 'fuzzy',
    });
    expect(m.match('tools frontend')).toMatchObject({
      kind: 'match',
      value: 'Frontend Tools',
      rule: 'fuzzy',
    });
    expect(m.match('Frontnd Tools')).toMatchObject({
      kind: 'match',
      value: 'Frontend Tools',
      rule: 'fuzzy',
    });
    expect(m.match('Health Care Aplication')).toMatchObject({
      kind: 'match',
      value: 'Health Care Application',
    });
  });
  test('an ambiguous value is never guessed', () => {
    const m = buildMatcher(teams);
    const r = m.match('Benefits');
    expect(r).toEqual({ kind: 'ambiguous', candidates: ['Benefits Claims', 'Benefits Intake'] });
    expect(m.match('Benefits Claim')).toMatchObject({ kind: 'match', value: 'Benefits Claims' });
  });
  test('below the threshold nothing matches; the threshold is a parameter', () => {
    expect(buildMatcher(teams).match('Identity team')).toEqual({ kind: 'none' });
    expect(buildMatcher(teams).match('Frontend Tls')).toMatchObject({ kind: 'match' });
    expect(buildMatcher(teams, { threshold: 0.95 }).match('Frontend Tls')).toEqual({
      kind: 'none',
    });
  });
  test('learned aliases: person beats fuzzy, conflicts are ambiguous, stale targets ignored', () => {
    const learned: AliasRow[] = [
      { field: 'VFS team', raw: 'Benefits', standard: 'Benefits Intake', source: 'person' },
      { field: 'VFS team', raw: 'Benefits', standard: 'Benefits Claims', source: 'fuzzy' },
      { field: 'VFS team', raw: 'bx', standard: 'Benefits Intake', source: 'fuzzy' },
      { field: 'VFS team', raw: 'bx', standard: 'Benefits Claims', source: 'fuzzy' },
      { field: 'VFS team', raw: 'old', standard: 'Legacy Team', source: 'person' },
    ];
    const m = buildMatcher(teams, { learned });
    expect(m.match('benefits')).toMatchObject({
      kind: 'match',
      value: 'Benefits Intake',
      rule: 'learned-alias',
    });
    expect(m.match('BX')).toMatchObject({ kind: 'ambiguous' });
    expect(m.match('old')).toEqual({ kind: 'none' });
  });
  test('a disabled value stays valid (only its spelling is fixed); fuzzy never picks it', () => {
    const m = buildMatcher(teams);
    expect(m.match('legacy team')).toMatchObject({
      kind: 'match',
      value: 'Legacy Team',
      disabled: true,
    });
    expect(m.match('Legacy Teem')).toEqual({ kind: 'none' });
  });
});

describe('planNormalization', () => {
  test('the issue examples: teams, topics, dates, durations', () => {
    const rows = [
      row({
        requestId: 'A1',
        summary: 's',
        vfsTeam: 'tools-fe',
        topic: 'CI error',
        requestedAt: '3/5',
        timeSpentMin: '30m',
      }),
      row({
        requestId: 'A2',
        summary: 's',
        vfsTeam: 'FE Tools',
        topic: 'ci failing',
        requestedAt: '2024-03-05',
        timeSpentMin: '1.5 hrs',
      }),
      row({
        requestId: 'A3',
        summary: 's',
        vfsTeam: 'Frontend tools',
        topic: 'Jenkins',
        requestedAt: 'March 5',
        timeSpentMin: '1:30',
      }),
      row({
        requestId: 'A4',
        summary: 's',
        vfsTeam: ' Frontend  Tools ',
        topic: 'CI Error',
        requestedAt: 'Mar 5',
        timeSpentMin: '90',
      }),
    ];
    const p = plan(rows);
    const copy = rows.map((r) => [...r]);
    applyChanges(copy, p.changes);
    const march5 = zonedTime(TZ, 2024, 3, 5).getTime();
    for (const r of copy) {
      expect(r[col('vfsTeam')]).toBe('Frontend Tools');
      expect(r[col('topic')]).toBe('CI Error');
      expect(isDate(r[col('requestedAt')]) && (r[col('requestedAt')] as Date).getTime()).toBe(
        march5,
      );
    }
    expect(copy.map((r) => r[col('timeSpentMin')])).toEqual([30, 90, 90, 90]);
    expect(p.unresolved).toEqual([]);
    expect(p.countsByField).toMatchObject({
      vfsTeam: 4,
      topic: 3,
      requestedAt: 4,
      timeSpentMin: 4,
    });
    const rules = new Set(p.changes.map((c) => `${c.field}:${c.rule}`));
    for (const r of [
      'vfsTeam:list-alias',
      'vfsTeam:fuzzy',
      'vfsTeam:list-exact',
      'vfsTeam:trim',
      'topic:topic-keyword',
      'timeSpentMin:duration',
    ])
      expect(rules).toContain(r);
    // Fuzzy and keyword matches are learned for the Aliases tab.
    expect(p.learned).toEqual(
      expect.arrayContaining([
        { field: 'VFS team', raw: 'FE Tools', standard: 'Frontend Tools', source: 'fuzzy' },
        { field: 'Topic', raw: 'Jenkins', standard: 'CI Error', source: 'rule' },
      ]),
    );
  });

  test('unresolved values stay as typed (trimmed only) and are reported with rows and counts', () => {
    const rows = [
      goodRow({ vfsTeam: 'Benefits' }),
      goodRow({ vfsTeam: '  Benefits ' }),
      goodRow({
        vfsTeam: 'Mystery squad',
        requestedAt: 'someday',
        timeSpentMin: 'a while',
        documentationGap: 'maybe',
      }),
    ];
    const p = plan(rows);
    expect(p.unresolved).toEqual([
      { field: 'requestedAt', value: 'someday', reason: 'not-a-date', count: 1, rows: [2] },
      {
        field: 'vfsTeam',
        value: 'Benefits',
        reason: 'ambiguous',
        candidates: ['Benefits Claims', 'Benefits Intake'],
        count: 2,
        rows: [0, 1],
      },
      { field: 'vfsTeam', value: 'Mystery squad', reason: 'no-match', count: 1, rows: [2] },
      { field: 'documentationGap', value: 'maybe', reason: 'not-a-boolean', count: 1, rows: [2] },
      { field: 'timeSpentMin', value: 'a while', reason: 'not-a-duration', count: 1, rows: [2] },
    ]);
    expect(p.changes).toEqual([
      {
        row: 1,
        col: col('vfsTeam'),
        field: 'vfsTeam',
        from: '  Benefits ',
        to: 'Benefits',
        rule: 'trim',
      },
    ]);
  });

  test('booleans, emails, serial dates, date-times and text cleanup', () => {
    const rows = [
      goodRow({
        documentationGap: 'yes',
        automationCandidate: '✓',
        loggedBy: ' Jane.Doe@VA.gov ',
        loggedAt: 45356.5,
        firstResponseAt: '3/5/2024 2:30 PM',
        requester: '  Jane   Doe ',
        notes: ' first line  \n\n\n\n second ',
        status: 'resolved',
      }),
      goodRow({
        documentationGap: 'N',
        automationCandidate: 'FALSE',
        loggedBy: 'mailto:bob@va.gov',
      }),
    ];
    const p = plan(rows);
    const copy = rows.map((r) => [...r]);
    applyChanges(copy, p.changes);
    expect(copy[0][col('documentationGap')]).toBe(true);
    expect(copy[0][col('automationCandidate')]).toBe(true);
    expect(copy[1][col('documentationGap')]).toBe(false);
    expect(copy[1][col('automationCandidate')]).toBe(false);
    expect(copy[0][col('loggedBy')]).toBe('jane.doe@va.gov');
    expect(copy[1][col('loggedBy')]).toBe('bob@va.gov');
    expect((copy[0][col('loggedAt')] as Date).toISOString()).toBe(
      zonedTime(TZ, 2024, 3, 5, 12).toISOString(),
    );
    expect((copy[0][col('firstResponseAt')] as Date).toISOString()).toBe(
      zonedTime(TZ, 2024, 3, 5, 14, 30).toISOString(),
    );
    // Free text (Requester, Notes, Summary) is the person's own: never rewritten, not even trimmed.
    expect(copy[0][col('requester')]).toBe(rows[0][col('requester')]);
    expect(copy[0][col('notes')]).toBe(rows[0][col('notes')]);
    expect(copy[0][col('status')]).toBe('Resolved');
    expect(p.changes.find((c) => c.field === 'loggedAt')?.rule).toBe('date-serial');
  });

  test('an empty Channel is inferred from the Link; a filled one is kept', () => {
    const rows = [
      goodRow({ channel: '', link: 'https://dsva.slack.com/archives/C0ABCDEFG/p1712345678123456' }),
      goodRow({ channel: '', link: 'https://github.com/org/repo/issues/1' }),
      goodRow({ channel: '', link: 'mailto:a@va.gov' }),
      goodRow({ channel: 'Meeting', link: 'https://github.com/org/repo/issues/2' }),
      goodRow({ channel: '', link: 'https://example.com' }),
    ];
    const p = plan(rows);
    const inferred = p.changes
      .filter((c) => c.rule === 'channel-from-link')
      .map((c) => [c.row, c.to]);
    expect(inferred).toEqual([
      [0, 'Slack'],
      [1, 'GitHub'],
      [2, 'Email'],
    ]);
  });

  test('an empty Topic fills only Suggested topic, from the injected suggester', () => {
    const suggest = jest.fn((summary: string) =>
      summary.includes('deploy')
        ? { topic: 'failed deployment', confidence: 0.9 }
        : summary.includes('weak')
          ? { topic: 'QA', confidence: 0.1 }
          : null,
    );
    const rows = [
      goodRow({ topic: '', summary: 'The deploy broke' }),
      goodRow({ topic: '', summary: 'weak signal' }),
      goodRow({ topic: '', summary: 'The deploy again', suggestedTopic: 'Pipeline' }),
      goodRow({ topic: 'Pipeline', summary: 'deploy' }),
    ];
    const p = plan(rows, { suggest });
    expect(p.changes.filter((c) => c.field === 'topic')).toEqual([]);
    expect(p.changes.filter((c) => c.field === 'suggestedTopic')).toEqual([
      {
        row: 0,
        col: col('suggestedTopic'),
        field: 'suggestedTopic',
        from: '',
        to: 'Failed Deployment',
        rule: 'suggested-topic',
      },
    ]);
    expect(suggest).toHaveBeenCalledTimes(2);
  });

  test('the default suggester matches Topics keywords', () => {
    const p = plan([goodRow({ topic: '', summary: 'Our Cypress e2e run is flaky' })]);
    expect(p.changes).toEqual([
      expect.objectContaining({ field: 'suggestedTopic', to: 'Automated Tests' }),
    ]);
  });

  test('missing Request IDs get new ones (in row order); blank rows are left alone', () => {
    const rows = [goodRow({ requestId: '' }), row({}), goodRow({ requestId: ' ' }), goodRow()];
    const p = plan(rows);
    expect(
      p.changes.filter((c) => c.field === 'requestId').map((c) => [c.row, c.to, c.rule]),
    ).toEqual([
      [0, 'SR-TEST-0001', 'new-id'],
      [2, 'SR-TEST-0002', 'new-id'],
    ]);
    expect(p.blankRows).toEqual([1]);
    expect(p.changes.some((c) => c.row === 1)).toBe(false);
  });

  test('formula cells and columns outside the schema are never touched', () => {
    const extra = row({}).length; // an extra user column after the standard ones
    const rows = [
      [
        ...goodRow({
          vfsTeam: 'fe tools',
          topic: '',
          channel: '',
          requestId: '',
          link: 'https://github.com/o/r/issues/1',
        }),
        '  keep   me  ',
      ],
    ];
    const formulas = [row({}).map(() => '')];
    formulas[0][col('vfsTeam')] = '=LOWER("FE TOOLS")';
    formulas[0][col('channel')] = '=IF(TRUE,"","")';
    formulas[0][col('requestId')] = '=ROW()';
    formulas[0].push('');
    const p = plan(rows, { formulas });
    const touched = new Set(p.changes.map((c) => c.col));
    expect(touched.has(col('vfsTeam'))).toBe(false);
    expect(touched.has(col('channel'))).toBe(false);
    expect(touched.has(col('requestId'))).toBe(false);
    expect(touched.has(extra)).toBe(false);
  });

  test('only mapped columns are read as fields (legacy column order)', () => {
    // A legacy sheet: Team | Date | Notes-ish user column | Topic
    const headerMap = { vfsTeam: 0, requestedAt: 1, topic: 3 };
    const p = plan([['fe tools', '3/5', 'fe tools', 'ci error']], { headerMap });
    expect(p.changes.map((c) => c.col).sort()).toEqual([0, 1, 3]);
  });

  test('bad cells: numbers where text is expected, 50,000-character cells', () => {
    const long = `x${' y'.repeat(25000)}`;
    const rows = [
      goodRow({ requestId: 12345, summary: 678, vfsTeam: 42 }),
      goodRow({ notes: long }),
    ];
    const p = plan(rows);
    expect(p.changes).toEqual([]);
    expect(p.unresolved.map((u) => [u.field, u.reason, u.rows])).toEqual([
      ['requestId', 'not-text', [0]],
      ['vfsTeam', 'not-text', [0]],
      ['summary', 'not-text', [0]],
      ['notes', 'too-long', [1]],
    ]);
    expect(p.unresolved[3].value.length).toBeLessThan(300);
  });

  test('examples: at most 20 distinct changes, in row order', () => {
    const rows = Array.from({ length: 60 }, (_, i) =>
      goodRow({ vfsTeam: i % 2 ? 'fe tools' : 'tools-fe', timeSpentMin: `${i}m` }),
    );
    const p = plan(rows);
    expect(p.examples).toHaveLength(20);
    const keys = p.examples.map((e) => `${e.field}|${String(e.from)}|${String(e.to)}`);
    expect(new Set(keys).size).toBe(20);
    expect(p.examples.map((e) => e.row)).toEqual(
      [...p.examples.map((e) => e.row)].sort((a, b) => a - b),
    );
  });

  test('chunked planning equals whole-sheet planning', () => {
    const rows = Array.from({ length: 37 }, (_, i) =>
      goodRow({
        requestId: i % 3 ? '' : `ID${i}`,
        vfsTeam: ['fe tools', 'Benefits', 'HCA', 'xyz'][i % 4],
        requestedAt: `${(i % 12) + 1}/${(i % 27) + 1}`,
      }),
    );
    const whole = plan(rows, { newId: seqIds() });
    const ids = seqIds();
    const chunks = [0, 10, 20, 30].map((a) =>
      plan(rows.slice(a, a + 10), { startRow: a, newId: ids }),
    );
    expect(mergePlans(chunks)).toEqual(whole);
  });
});

describe('apply and undo', () => {
  test('undo restores exact types; cells edited after the run are reported, not clobbered', () => {
    const original = [
      goodRow({
        requestedAt: 45356,
        timeSpentMin: '30m',
        vfsTeam: 'fe tools',
        documentationGap: 'x',
        requestId: '',
      }),
    ];
    const p = plan(original);
    const rows = original.map((r) => [...r]);
    applyChanges(rows, p.changes);
    expect(isDate(rows[0][col('requestedAt')])).toBe(true);
    rows[0][col('vfsTeam')] = 'Edited by a person';
    const undo = undoChanges(rows, p.changes);
    expect(undo.conflicts.map((c) => c.field)).toEqual(['vfsTeam']);
    expect(rows[0][col('requestedAt')]).toBe(45356);
    expect(rows[0][col('timeSpentMin')]).toBe('30m');
    expect(rows[0][col('documentationGap')]).toBe('x');
    expect(rows[0][col('requestId')]).toBe('');
    expect(rows[0][col('vfsTeam')]).toBe('Edited by a person');
    expect(FIELD_BY_KEY.vfsTeam.header).toBe('VFS team');
  });
});

describe('rules added for real legacy data', () => {
  test('built-in synonyms of the shipped lists (below anything a person wrote)', () => {
    const p = plan([
      goodRow({ status: 'Done', resolution: 'pointed to docs', channel: 'GH issue' }),
      goodRow({ status: 'WIP', resolution: 'wrong channel', channel: 'OH' }),
    ]);
    const after = [
      goodRow({ status: 'Done', resolution: 'pointed to docs', channel: 'GH issue' }),
      goodRow({ status: 'WIP', resolution: 'wrong channel', channel: 'OH' }),
    ];
    applyChanges(after, p.changes);
    expect(after.map((r) => [r[col('status')], r[col('resolution')], r[col('channel')]])).toEqual([
      ['Resolved', 'Pointed to existing docs', 'GitHub'],
      ['Open', 'Not a platform request', 'Office hours'],
    ]);
    expect(new Set(p.changes.map((c) => c.rule))).toEqual(new Set(['synonym']));
    // A person's alias wins over a built-in synonym; synonyms can be switched off.
    const person: AliasRow[] = [
      { field: 'Status', raw: 'Done', standard: 'Escalated', source: 'person' },
    ];
    expect(plan([goodRow({ status: 'Done' })], { aliases: person }).changes[0].to).toBe(
      'Escalated',
    );
    expect(
      plan([goodRow({ status: 'Done' })], { builtinSynonyms: false }).unresolved[0],
    ).toMatchObject({ value: 'Done', reason: 'no-match' });
  });

  test('a Topic typed as free text resolves by its keywords; a tie stays ambiguous', () => {
    const rows = [
      goodRow({ topic: 'AWS access' }),
      goodRow({ topic: 'Sentry errors' }),
      goodRow({ topic: 'collab cycle kickoff' }),
      goodRow({ topic: 'socks access' }),
      goodRow({ topic: 'PR Reveiw' }),
    ];
    const p = plan(rows);
    const after = rows.map((r) => [...r]);
    applyChanges(after, p.changes);
    expect(after.map((r) => r[col('topic')])).toEqual([
      'Access Request',
      'App Logging/Monitoring',
      'Collaboration Cycle',
      'socks access',
      'PR Review',
    ]);
    expect(p.unresolved).toEqual([
      {
        field: 'topic',
        value: 'socks access',
        reason: 'ambiguous',
        candidates: ['Access Request', 'SOCKS'],
        count: 1,
        rows: [3],
      },
    ]);
  });

  test('a number in a list field resolves only by an exact value or alias', () => {
    const lists = testLists();
    lists.teams.push({ value: 'Disability Benefits (526)', aliases: ['526'], disabled: false });
    const p = plan([goodRow({ vfsTeam: 526 }), goodRow({ vfsTeam: 527 })], { lists });
    expect(p.changes).toEqual([
      {
        row: 0,
        col: col('vfsTeam'),
        field: 'vfsTeam',
        from: 526,
        to: 'Disability Benefits (526)',
        rule: 'list-alias',
      },
    ]);
    expect(p.unresolved).toEqual([
      { field: 'vfsTeam', value: '527', reason: 'not-text', count: 1, rows: [1] },
    ]);
  });
});

describe('Requested at from a Slack link', () => {
  test('an empty Requested at takes the Slack message time; a filled one is kept', () => {
    const link = 'https://dsva.slack.com/archives/C0ABCDEFG/p1709650800000100';
    const p = plan([
      goodRow({ requestedAt: '', link }),
      goodRow({ link }),
      goodRow({ requestedAt: '', link: 'https://github.com/o/r/issues/1' }),
    ]);
    const filled = p.changes.filter((c) => c.field === 'requestedAt');
    expect(filled).toEqual([
      {
        row: 0,
        col: col('requestedAt'),
        field: 'requestedAt',
        from: '',
        to: new Date(1709650800000),
        rule: 'date-from-link',
      },
    ]);
  });
});
