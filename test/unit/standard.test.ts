import { isStandardized, standardReasons, type StandardRow } from '../../src/domain/standard';
import { parseLists } from '../../src/domain/lists';
import { LISTS_HEADERS, TEAMS_HEADERS, TOPICS_HEADERS } from '../../src/domain/schema';
import { defaultListsValues, defaultTopicsValues } from '../../src/domain/lists';
import vm from 'node:vm';

const topics = defaultTopicsValues();
topics.push(['Retired topic', '', '', '', '', '', true]);
const listRows = defaultListsValues();
listRows.push(['Channel', 'Fax', '', true], ['Status', 'On hold', '', 'x']);
const { lists } = parseLists({
  teams: [[...TEAMS_HEADERS], ['Benefits Team 1', 'bt1', ''], ['Old team', '', true]],
  topics: [[...TOPICS_HEADERS], ...topics.slice(1)],
  lists: [[...LISTS_HEADERS], ...listRows.slice(1)],
});

const good: StandardRow = {
  requestId: 'SR-20240305-ab12',
  requestedAt: new Date('2024-03-05T15:00:00Z'),
  vfsTeam: 'Benefits Team 1',
  channel: 'Slack',
  topic: 'CI Error',
  summary: 'CI failing on main',
  status: 'Resolved',
  resolution: 'Answered',
};

function check(row: StandardRow): string[] {
  const reasons = standardReasons(row, lists);
  expect(isStandardized(row, lists)).toBe(reasons.length === 0);
  return reasons;
}

describe('standardReasons / isStandardized', () => {
  it('accepts a complete row, with optional fields blank', () => {
    expect(check(good)).toEqual([]);
    expect(check({ ...good, status: '', resolution: '  ', vspTeam: undefined })).toEqual([]);
  });

  it('requires a valid date in Requested at', () => {
    expect(check({ ...good, requestedAt: '' })).toEqual(['Requested at is empty']);
    expect(check({ ...good, requestedAt: '3/5' })).toEqual(["Requested at '3/5' is not a date"]);
    expect(check({ ...good, requestedAt: 45356 })).toEqual(["Requested at '45356' is not a date"]);
    expect(check({ ...good, requestedAt: new Date('nope') })).toEqual([
      "Requested at 'Invalid Date' is not a date",
    ]);
  });

  it('accepts a Date from another realm (values read through the runtime)', () => {
    const foreign = vm.runInNewContext('new Date("2024-03-05T15:00:00Z")') as Date;
    expect(check({ ...good, requestedAt: foreign })).toEqual([]);
  });

  it('requires VFS team, Channel and Topic from their active lists', () => {
    expect(check({ ...good, vfsTeam: '', channel: undefined, topic: null })).toEqual([
      'VFS team is empty',
      'Channel is empty',
      'Topic is empty',
    ]);
    expect(check({ ...good, vfsTeam: 'tools-fe' })).toEqual([
      "VFS team 'tools-fe' is not in the Teams list",
    ]);
    expect(check({ ...good, vfsTeam: 'bt1' })).toEqual(["VFS team 'bt1' is not in the Teams list"]);
    expect(check({ ...good, channel: 'slack' })).toEqual([
      "Channel 'slack' is not in the Channel list",
    ]);
    expect(check({ ...good, channel: 'Slack ' })).toEqual([
      "Channel 'Slack ' is not in the Channel list",
    ]);
    expect(check({ ...good, topic: 42 })).toEqual(["Topic '42' is not in the Topics list"]);
  });

  it('does not count a disabled value for the three required fields', () => {
    expect(check({ ...good, vfsTeam: 'Old team' })).toEqual([
      "VFS team 'Old team' is disabled in the Teams list",
    ]);
    expect(check({ ...good, channel: 'Fax' })).toEqual([
      "Channel 'Fax' is disabled in the Channel list",
    ]);
    expect(check({ ...good, topic: 'Retired topic' })).toEqual([
      "Topic 'Retired topic' is disabled in the Topics list",
    ]);
  });

  it('requires a non-empty Summary', () => {
    expect(check({ ...good, summary: '   ' })).toEqual(['Summary is empty']);
  });

  it('checks every other filled list field against its list (disabled values still count)', () => {
    expect(check({ ...good, status: 'On hold' })).toEqual([]);
    expect(check({ ...good, suggestedTopic: 'Retired topic' })).toEqual([]);
    expect(
      check({
        ...good,
        suggestedTopic: 'CI',
        vspTeam: 'FE',
        practiceArea: 'Frontend',
        requestType: 'question',
        status: 'Done',
        resolution: 'Fixed',
      }),
    ).toEqual([
      "Suggested topic 'CI' is not in the Topics list",
      "VSP team 'FE' is not in the VSP team list",
      "Request type 'question' is not in the Request type list",
      "Status 'Done' is not in the Status list",
    ]);
  });

  it('ignores fields outside the definition (text, links, checkboxes, minutes)', () => {
    expect(
      check({
        ...good,
        link: 'not a url',
        timeSpentMin: 'ninety',
        documentationGap: 'maybe',
        notes: '=1',
      }),
    ).toEqual([]);
  });

  it('lists every reason of a row at once, in schema order', () => {
    expect(check({})).toEqual([
      'Requested at is empty',
      'VFS team is empty',
      'Channel is empty',
      'Topic is empty',
      'Summary is empty',
    ]);
  });

  it('shortens long values in reasons', () => {
    const [reason] = check({ ...good, topic: 'x'.repeat(200) });
    expect(reason.length).toBeLessThan(110);
  });

  it('is fast enough for 100,000 rows', () => {
    const rows = Array.from({ length: 100000 }, (_, i) => ({
      ...good,
      topic: i % 3 ? 'CI Error' : 'ci',
    }));
    const t0 = Date.now();
    let n = 0;
    for (const r of rows) if (isStandardized(r, lists)) n++;
    expect(n).toBe(66666);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
