/**
 * Issue 10 item 6: the common hand-typed forms that are unambiguous, and item 5/7's guards: numbers
 * must agree, a value that fits two entries stays as typed.
 */
import { applyChanges, buildMatcher, parseMinutes } from '../../src/domain/normalize';
import { parseDateValue } from '../../src/domain/normalize/dates';
import { zonedTime } from '../../src/domain/time';
import { col, plan, row, TZ, NOW } from './normalize-fixtures';

describe('hand-typed forms', () => {
  test('weekday-prefixed dates', () => {
    expect(parseDateValue('Tue 3/11/25', TZ, NOW)?.getTime()).toBe(
      zonedTime(TZ, 2025, 3, 11).getTime(),
    );
    expect(parseDateValue('Mon 3/10/2025', TZ, NOW)?.getTime()).toBe(
      zonedTime(TZ, 2025, 3, 10).getTime(),
    );
    expect(parseDateValue('Monday, March 10, 2025', TZ, NOW)?.getTime()).toBe(
      zonedTime(TZ, 2025, 3, 10).getTime(),
    );
    expect(parseDateValue('Monster 3/10', TZ, NOW)).toBeNull();
  });

  test('approximate durations', () => {
    expect(parseMinutes('25ish', TZ)).toBe(25);
    expect(parseMinutes('~15 min', TZ)).toBe(15);
    expect(parseMinutes('about 1h', TZ)).toBe(60);
    expect(parseMinutes('30 min or so', TZ)).toBe(30);
    expect(parseMinutes('ish', TZ)).toBeNull();
  });

  test('a status with a resolution suffix sets Status, and Resolution only when empty', () => {
    const rows = [
      row({ summary: 'a', status: 'resolved - pointed to docs' }),
      row({ summary: 'b', status: 'Resolved (pointed to docs)', resolution: 'Fixed' }),
      row({ summary: 'c', status: 'resolved - because reasons' }),
    ];
    const p = plan(rows);
    const copy = rows.map((r) => [...r]);
    applyChanges(copy, p.changes);
    expect(copy.map((r) => [r[col('status')], r[col('resolution')]])).toEqual([
      ['Resolved', 'Pointed to existing docs'],
      ['Resolved', 'Fixed'],
      ['Resolved', ''],
    ]);
    expect(p.unresolved.filter((u) => u.field === 'status')).toEqual([]);
  });

  test('channel phrases', () => {
    const rows = [
      row({ summary: 'a', channel: 'slack message' }),
      row({ summary: 'b', channel: 'via GitHub issue' }),
      row({ summary: 'c', channel: 'by email' }),
      row({ summary: 'd', channel: 'via pigeon' }),
    ];
    const copy = rows.map((r) => [...r]);
    applyChanges(copy, plan(rows).changes);
    expect(copy.map((r) => r[col('channel')])).toEqual(['Slack', 'GitHub', 'Email', 'via pigeon']);
  });

  test('initials and acronyms derived from the list match exactly one value', () => {
    const m = buildMatcher(
      ['Health Care Application', 'Benefits Intake', 'Frontend Tools', 'Facility Tools'].map(
        (value) => ({ value, aliases: [], disabled: false }),
      ),
    );
    expect(m.match('hca')).toMatchObject({
      kind: 'match',
      value: 'Health Care Application',
      rule: 'acronym',
    });
    expect(m.match('BI')).toMatchObject({ kind: 'match', value: 'Benefits Intake' });
    // FT fits two values: never guessed.
    expect(m.match('FT')).toEqual({
      kind: 'ambiguous',
      candidates: ['Facility Tools', 'Frontend Tools'],
    });
  });
});

describe('no false guesses in matching', () => {
  const teams = buildMatcher(
    [
      'Benefits Team 1',
      'Benefits Team 2',
      'Benefits Intake',
      'Benefits Management',
      'Form 21-526EZ',
    ].map((value) => ({ value, aliases: [], disabled: false })),
  );
  test('numbers and form numbers must agree', () => {
    expect(teams.match('Benefits Team One')).toMatchObject({
      kind: 'match',
      value: 'Benefits Team 1',
    });
    expect(teams.match('Benefits Team1')).toMatchObject({
      kind: 'match',
      value: 'Benefits Team 1',
    });
    expect(teams.match('Benefits Team 3').kind).not.toBe('match');
    expect(teams.match('Form 21-526').kind).not.toBe('match');
  });
  test('a value that fits two entries is ambiguous, with its candidates', () => {
    expect(teams.match('Benefits')).toMatchObject({ kind: 'ambiguous' });
    const r = teams.match('benefit');
    expect(r.kind).not.toBe('match');
  });
});

describe('year-less dates (issue 12 item 13)', () => {
  test('take their year from the neighbouring rows, never from today', () => {
    // NOW is June 2024; the neighbours are in late 2022 / early 2023.
    const rows = [
      row({ summary: 'a', requestedAt: '12/20/2022' }),
      row({ summary: 'b', requestedAt: '12/28' }),
      row({ summary: 'c', requestedAt: '1/3' }),
      row({ summary: 'd', requestedAt: 'Jan 5, 2023' }),
    ];
    const copy = rows.map((r) => [...r]);
    applyChanges(copy, plan(rows).changes);
    expect(copy.map((r) => (r[col('requestedAt')] as Date).getTime())).toEqual([
      zonedTime(TZ, 2022, 12, 20).getTime(),
      zonedTime(TZ, 2022, 12, 28).getTime(),
      zonedTime(TZ, 2023, 1, 3).getTime(),
      zonedTime(TZ, 2023, 1, 5).getTime(),
    ]);
  });
});

describe('forms found by the realistic-sheet accuracy test (test/bundle/normalize-accuracy)', () => {
  test('a weekday that contradicts its date leaves the date as typed', () => {
    expect(parseDateValue('Sat 3/11/25', TZ, NOW)).toBeNull();
    expect(parseDateValue('Thursday, March 10, 2025', TZ, NOW)).toBeNull();
    expect(parseDateValue('26-Apr-2024', TZ, NOW)?.getTime()).toBe(
      zonedTime(TZ, 2024, 4, 26).getTime(),
    );
  });

  test('durations with a full stop, in words, with halves', () => {
    expect(parseMinutes('20 min.', TZ)).toBe(20);
    expect(parseMinutes('1 hr.', TZ)).toBe(60);
    expect(parseMinutes('half an hour', TZ)).toBe(30);
    expect(parseMinutes('an hour', TZ)).toBe(60);
    expect(parseMinutes('1 1/2 hrs', TZ)).toBe(90);
    expect(parseMinutes('1h30', TZ)).toBe(90);
    expect(parseMinutes('half day', TZ)).toBeNull();
    expect(parseMinutes('15-20 min', TZ)).toBeNull();
  });

  test('yep / nope checkboxes', () => {
    const rows = [
      row({ summary: 'a', documentationGap: 'yep' }),
      row({ summary: 'b', documentationGap: 'nope' }),
    ];
    const copy = rows.map((r) => [...r]);
    applyChanges(copy, plan(rows).changes);
    expect(copy.map((r) => r[col('documentationGap')])).toEqual([true, false]);
  });

  test('a value at the start or end of a short Channel / Request type phrase; two values: ambiguous', () => {
    const rows = [
      row({ summary: 'a', channel: 'slack (dm)', requestType: 'Bug fix' }),
      row({ summary: 'b', channel: 'GitHub PR', requestType: 'general question' }),
      row({ summary: 'c', channel: 'email from PM', requestType: 'feature req' }),
      row({ summary: 'd', channel: 'slack huddle' }),
    ];
    const p = plan(rows);
    const copy = rows.map((r) => [...r]);
    applyChanges(copy, p.changes);
    expect(copy.map((r) => [r[col('channel')], r[col('requestType')]])).toEqual([
      ['Slack', 'Bug'],
      ['GitHub', 'Question'],
      ['Email', 'Feature request'],
      ['slack huddle', ''],
    ]);
    expect(p.unresolved.find((u) => u.value === 'slack huddle')).toMatchObject({
      reason: 'ambiguous',
      candidates: ['Meeting', 'Slack'],
    });
  });

  test("'pending', 'on hold' and 'Platform website' fit two values: left as typed", () => {
    const rows = [
      row({ summary: 'a', status: 'pending', topic: 'Platform website' }),
      row({ summary: 'b', status: 'on hold' }),
    ];
    const p = plan(rows);
    const copy = rows.map((r) => [...r]);
    applyChanges(copy, p.changes);
    expect(copy.map((r) => [r[col('status')], r[col('topic')]])).toEqual([
      ['pending', 'Platform website'],
      ['on hold', ''],
    ]);
    expect(p.unresolved.find((u) => u.value === 'Platform website')?.reason).toBe('ambiguous');
  });
});

test("alternatives joined by '/', '+' or 'or': one value when they agree, else ambiguous", () => {
  const rows = [
    row({ summary: 'a', status: 'closed/done', channel: 'Slack/GitHub' }),
    row({ summary: 'b', status: 'done or resolved', channel: 'email + e-mail' }),
  ];
  const p = plan(rows);
  const copy = rows.map((r) => [...r]);
  applyChanges(copy, p.changes);
  expect(copy.map((r) => [r[col('status')], r[col('channel')]])).toEqual([
    ['Resolved', 'Slack/GitHub'],
    ['Resolved', 'Email'],
  ]);
  expect(p.unresolved.find((u) => u.value === 'Slack/GitHub')).toMatchObject({
    reason: 'ambiguous',
    candidates: ['GitHub', 'Slack'],
  });
});

test('an apostrophe year and hours with bare minutes', () => {
  expect(parseDateValue("Dec 7 '24", TZ, NOW)?.getTime()).toBe(
    zonedTime(TZ, 2024, 12, 7).getTime(),
  );
  expect(parseMinutes('1 hr 30', TZ)).toBe(90);
  expect(parseMinutes('2 hours 15', TZ)).toBe(135);
});
