import { parseDateValue } from '../../src/domain/normalize/dates';
import {
  channelFromLink,
  parseBoolean,
  parseMinutes,
  sameValue,
} from '../../src/domain/normalize/values';
import {
  cleanText,
  editDistance,
  normKey,
  similarity,
  prepare,
} from '../../src/domain/normalize/text';
import { fromSerial, zonedTime } from '../../src/domain/time';
import { NOW, TZ } from './normalize-fixtures';

const ny = (y: number, m: number, d: number, h = 0, mi = 0, s = 0): Date =>
  zonedTime(TZ, y, m, d, h, mi, s);
const parse = (v: unknown, now = NOW): string | null =>
  parseDateValue(v, TZ, now)?.toISOString() ?? null;

describe('text cleanup', () => {
  test('trims and collapses whitespace, keeping lines only when asked', () => {
    expect(cleanText('  FE \t Tools\u00a0 ')).toBe('FE Tools');
    expect(cleanText('a\n\n b')).toBe('a b');
    expect(cleanText('  line one  \r\n\n\n\n  line   two ', true)).toBe('line one\n\nline two');
  });
  test('comparison keys and similarity', () => {
    expect(normKey('Content & IA')).toBe('content and ia');
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(similarity(prepare('tools-fe'), prepare('Frontend tools'))).toBe(1);
    expect(similarity(prepare('QA'), prepare('IA'))).toBe(0);
  });
});

describe('dates', () => {
  test('Date objects pass through, serial numbers are read in the sheet zone', () => {
    const d = ny(2024, 3, 5);
    expect(parseDateValue(d, TZ, NOW)).toBe(d);
    expect(parse(45356)).toBe(ny(2024, 3, 5).toISOString());
    expect(parse(45356.5)).toBe(ny(2024, 3, 5, 12).toISOString());
    expect(parse(45356)).toBe(fromSerial(45356, TZ).toISOString());
    expect(parse(12)).toBeNull(); // not a plausible serial
  });
  test('ISO dates and date-times (local unless an offset is given)', () => {
    expect(parse('2024-03-05')).toBe(ny(2024, 3, 5).toISOString());
    expect(parse('2024-03-05 14:30')).toBe(ny(2024, 3, 5, 14, 30).toISOString());
    expect(parse('2024-03-05T14:30:15')).toBe(ny(2024, 3, 5, 14, 30, 15).toISOString());
    expect(parse('2024-03-05T14:30:00Z')).toBe('2024-03-05T14:30:00.000Z');
    expect(parse('2024-03-05T14:30:00-08:00')).toBe('2024-03-05T22:30:00.000Z');
    expect(parse('2024-02-30')).toBeNull();
  });
  test('M/D/YYYY, M/D/YY and M/D (year-less = most recent past)', () => {
    expect(parse('3/5/2024')).toBe(ny(2024, 3, 5).toISOString());
    expect(parse('3/5/24')).toBe(ny(2024, 3, 5).toISOString());
    expect(parse('12-31-2023')).toBe(ny(2023, 12, 31).toISOString());
    expect(parse('3/5')).toBe(ny(2024, 3, 5).toISOString()); // before June 15: this year
    expect(parse('9/1')).toBe(ny(2023, 9, 1).toISOString()); // after June 15: last year
    expect(parse('13/5/2024')).toBeNull();
  });
  test('month names, with or without year, weekday and ordinal', () => {
    expect(parse('Mar 5')).toBe(ny(2024, 3, 5).toISOString());
    expect(parse('March 5, 2024')).toBe(ny(2024, 3, 5).toISOString());
    expect(parse('march 5th')).toBe(ny(2024, 3, 5).toISOString());
    expect(parse('Tue, Mar 5, 2024')).toBe(ny(2024, 3, 5).toISOString());
    expect(parse('5 March 2024')).toBe(ny(2024, 3, 5).toISOString());
    expect(parse('Sept. 30')).toBe(ny(2023, 9, 30).toISOString());
    expect(parse('Marchish 5')).toBeNull();
  });
  test('date-times with 12- and 24-hour clocks', () => {
    expect(parse('3/5/2024 2:30 PM')).toBe(ny(2024, 3, 5, 14, 30).toISOString());
    expect(parse('3/5/2024 14:30')).toBe(ny(2024, 3, 5, 14, 30).toISOString());
    expect(parse('March 5, 2024 at 9am')).toBe(ny(2024, 3, 5, 9).toISOString());
    expect(parse('3/5/2024 12:15 am')).toBe(ny(2024, 3, 5, 0, 15).toISOString());
    expect(parse('3/5/2024 25:00')).toBeNull();
  });
  test('DST: wall-clock times in New York across both transitions', () => {
    // Spring forward: 2:30 does not exist on 2024-03-10; Sheets shows 3:30 EDT (07:30Z).
    expect(parse('3/10/2024 2:30')).toBe('2024-03-10T07:30:00.000Z');
    expect(parse('3/10/2024 1:30')).toBe('2024-03-10T06:30:00.000Z'); // EST
    expect(parse('3/10/2024 12:00')).toBe('2024-03-10T16:00:00.000Z'); // EDT
    // Fall back: 1:30 happens twice on 2024-11-03; the first (EDT) is taken.
    expect(parse('11/3/2024 1:30')).toBe('2024-11-03T05:30:00.000Z');
    expect(parse('11/4/2024 9:00')).toBe('2024-11-04T14:00:00.000Z'); // EST
  });
  test('the same text means a different instant in another sheet zone', () => {
    expect(parseDateValue('3/5/2024 9:00', 'Europe/London', NOW)?.toISOString()).toBe(
      '2024-03-05T09:00:00.000Z',
    );
    expect(parseDateValue('3/5/2024 9:00', 'America/Los_Angeles', NOW)?.toISOString()).toBe(
      '2024-03-05T17:00:00.000Z',
    );
  });
  test('year-less dates around New Year', () => {
    const jan2 = new Date('2025-01-02T15:00:00Z'); // Jan 2 2025, 10:00 in New York
    expect(parse('12/31', jan2)).toBe(ny(2024, 12, 31).toISOString());
    expect(parse('Dec 30', jan2)).toBe(ny(2024, 12, 30).toISOString());
    expect(parse('1/1', jan2)).toBe(ny(2025, 1, 1).toISOString());
    expect(parse('1/2', jan2)).toBe(ny(2025, 1, 2).toISOString()); // today: still the past
    expect(parse('1/3', jan2)).toBe(ny(2024, 1, 3).toISOString());
    // 23:30 on Dec 31 in New York is already Jan 1 in UTC: the zone decides.
    const nyeLate = new Date('2025-01-01T04:30:00Z');
    expect(parse('1/1', nyeLate)).toBe(ny(2024, 1, 1).toISOString());
    expect(parse('12/31', nyeLate)).toBe(ny(2024, 12, 31).toISOString());
    // A year-less Feb 29 takes the latest leap year in the past.
    expect(parse('2/29', new Date('2027-06-01T12:00:00Z'))).toBe(ny(2024, 2, 29).toISOString());
  });
  test('non-dates', () => {
    for (const v of ['', 'soon', 'yesterday', '30m', true, null, '1.5'])
      expect(parse(v)).toBeNull();
  });
});

describe('durations', () => {
  test.each([
    ['30', 30],
    ['30m', 30],
    ['45 min', 45],
    ['45 mins', 45],
    ['1h', 60],
    ['1.5 hrs', 90],
    ['1:30', 90],
    ['2h15m', 135],
    ['2h 15m', 135],
    ['1 hour and 30 minutes', 90],
    ['90', 90],
    ['~20 min', 20],
    ['.5h', 30],
    ['0:45:30', 45.5],
  ])('%s -> %d minutes', (text, minutes) => {
    expect(parseMinutes(text, TZ)).toBe(minutes);
  });
  test('numbers stay numbers; negatives and garbage are not durations', () => {
    expect(parseMinutes(15, TZ)).toBe(15);
    expect(parseMinutes(-5, TZ)).toBeNull();
    for (const v of ['a while', '30 days', '1h foo', '', true])
      expect(parseMinutes(v, TZ)).toBeNull();
  });
  test('a Sheets duration cell (Date on 1899-12-30 in the sheet zone) becomes minutes', () => {
    expect(parseMinutes(fromSerial(0.0625, TZ), TZ)).toBe(90);
    expect(parseMinutes(ny(2024, 3, 5, 1, 30), TZ)).toBeNull();
  });
});

describe('booleans', () => {
  test.each([
    ['yes', true],
    ['Y', true],
    ['x', true],
    ['✓', true],
    ['TRUE', true],
    ['no', false],
    ['n', false],
    ['FALSE', false],
    [true, true],
    [false, false],
  ])('%s -> %s', (v, b) => expect(parseBoolean(v)).toBe(b));
  test('anything else is not a boolean', () => {
    expect(parseBoolean('maybe')).toBeNull();
    expect(parseBoolean(7)).toBeNull();
  });
});

describe('channel from link', () => {
  test('Slack, GitHub and email links', () => {
    expect(channelFromLink('https://dsva.slack.com/archives/C0ABCDEFG/p1712345678123456')).toBe(
      'Slack',
    );
    expect(channelFromLink('https://dsva.slack.com/team/U123')).toBe('Slack');
    expect(
      channelFromLink('https://github.com/department-of-veterans-affairs/va.gov-team/issues/123'),
    ).toBe('GitHub');
    expect(channelFromLink('github.com/org/repo')).toBe('GitHub');
    expect(channelFromLink('mailto:someone@va.gov')).toBe('Email');
    expect(channelFromLink('someone@va.gov')).toBe('Email');
  });
  test('other links say nothing', () => {
    expect(channelFromLink('https://example.com/slack.com')).toBeNull();
    expect(channelFromLink('https://notgithub.com/x')).toBeNull();
    expect(channelFromLink('')).toBeNull();
    expect(channelFromLink(42)).toBeNull();
  });
});

describe('sameValue', () => {
  test('compares types exactly', () => {
    expect(sameValue(new Date(5), new Date(5))).toBe(true);
    expect(sameValue(new Date(5), 5)).toBe(false);
    expect(sameValue('5', 5)).toBe(false);
    expect(sameValue('', null)).toBe(true);
    expect(sameValue(true, 'TRUE')).toBe(false);
  });
});

describe('edit distance', () => {
  test('an adjacent transposition is one edit', () => {
    expect(editDistance('reveiw', 'review')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abcdef', 'azcdxf')).toBe(2);
  });
});
