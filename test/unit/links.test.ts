import {
  fromLocalInputValue,
  parseLink,
  slackTsFromDigits,
  toLocalInputValue,
} from '../../src/domain/links';

const NY = 'America/New_York';

describe('parseLink: Slack permalinks', () => {
  it('keeps the ts as text and converts microseconds to the instant', () => {
    const p = parseLink('see https://dsva.slack.com/archives/C0ABCDEFG/p1712345678123456 thanks');
    expect(p).toMatchObject({
      kind: 'slack',
      channel: 'Slack',
      slackTs: '1712345678.123456',
      workspace: 'dsva',
      slackChannel: 'C0ABCDEFG',
      url: 'https://dsva.slack.com/archives/C0ABCDEFG/p1712345678123456',
    });
    expect(p?.requestedAt?.toISOString()).toBe('2024-04-05T19:34:38.123Z');
    expect(typeof p?.slackTs).toBe('string');
  });

  it('keeps a thread query string in the stored link', () => {
    const p = parseLink(
      'https://dsva.slack.com/archives/C0ABCDEFG/p1712345678123456?thread_ts=1712345600.000100&cid=C0ABCDEFG',
    );
    expect(p?.url).toContain('?thread_ts=1712345600.000100');
    expect(p?.slackTs).toBe('1712345678.123456');
  });

  it('converts across the March 2024 DST change in America/New_York', () => {
    // 2024-03-10 06:30Z = 01:30 EST (before the change); 07:30Z = 03:30 EDT (after).
    const before = Date.UTC(2024, 2, 10, 6, 30) / 1000;
    const after = Date.UTC(2024, 2, 10, 7, 30) / 1000;
    const pb = parseLink(`https://x.slack.com/archives/C1/p${before}000001`);
    const pa = parseLink(`https://x.slack.com/archives/C1/p${after}000001`);
    expect(toLocalInputValue(pb!.requestedAt!, NY)).toBe('2024-03-10T01:30');
    expect(toLocalInputValue(pa!.requestedAt!, NY)).toBe('2024-03-10T03:30');
    // One real hour apart, two wall-clock hours apart.
    expect(pa!.requestedAt!.getTime() - pb!.requestedAt!.getTime()).toBe(3600000);
    // Round trip through the datetime-local value.
    expect(fromLocalInputValue('2024-03-10T03:30', NY)?.getTime()).toBe(pa!.requestedAt!.getTime());
    expect(fromLocalInputValue('2024-03-10T01:30', NY)?.getTime()).toBe(pb!.requestedAt!.getTime());
  });

  it('converts across the November DST change (fall back)', () => {
    const edt = Date.UTC(2024, 10, 3, 5, 15) / 1000; // 01:15 EDT
    const est = Date.UTC(2024, 10, 3, 7, 15) / 1000; // 02:15 EST
    expect(toLocalInputValue(new Date(edt * 1000), NY)).toBe('2024-11-03T01:15');
    expect(toLocalInputValue(new Date(est * 1000), NY)).toBe('2024-11-03T02:15');
    expect(
      toLocalInputValue(
        parseLink(`https://a.slack.com/archives/C9/p${est}999999`)!.requestedAt!,
        NY,
      ),
    ).toBe('2024-11-03T02:15');
  });

  it('rejects p-numbers that are not 16 digits', () => {
    expect(parseLink('https://a.slack.com/archives/C1/p171234567812345')).toBeNull();
    expect(slackTsFromDigits('12')).toBeNull();
  });
});

describe('parseLink: GitHub and email', () => {
  it('recognises issues and pull requests', () => {
    expect(
      parseLink('https://github.com/department-of-veterans-affairs/va.gov-team/issues/12345'),
    ).toMatchObject({
      kind: 'github',
      channel: 'GitHub',
      repo: 'department-of-veterans-affairs/va.gov-team',
      number: 12345,
      githubKind: 'issue',
    });
    const pr = parseLink('please review https://github.com/org/vets-website/pull/77/files');
    expect(pr).toMatchObject({ channel: 'GitHub', githubKind: 'pull', number: 77 });
    expect(parseLink('https://github.com/org/repo')).toBeNull();
  });

  it('recognises mailto: and bare email addresses', () => {
    expect(parseLink('mailto:jane.doe@va.gov?subject=Help')).toMatchObject({
      channel: 'Email',
      email: 'jane.doe@va.gov',
      url: 'mailto:jane.doe@va.gov',
    });
    expect(parseLink('from Jane <jane.doe@va.gov>')).toMatchObject({
      channel: 'Email',
      email: 'jane.doe@va.gov',
    });
    expect(parseLink('no link here')).toBeNull();
    expect(parseLink('')).toBeNull();
  });

  it('prefers Slack when several links are pasted', () => {
    const p = parseLink(
      'jane@va.gov https://github.com/o/r/issues/1 https://w.slack.com/archives/C1/p1712345678123456',
    );
    expect(p?.channel).toBe('Slack');
  });
});

describe('datetime-local values', () => {
  it('rejects invalid values', () => {
    expect(fromLocalInputValue('2024-02-30T10:00', NY)).toBeNull();
    expect(fromLocalInputValue('yesterday', NY)).toBeNull();
    expect(fromLocalInputValue('2024-02-03', NY)?.toISOString()).toBe('2024-02-03T05:00:00.000Z');
  });
});
