import {
  HEADER_SYNONYMS,
  MIN_ADOPT_SCORE,
  headerKey,
  headerMapOf,
  matchHeader,
  missingFields,
  planHeaders,
  rowObject,
  scoreHeaderRow,
} from '../../src/domain/headers';
import { FIELDS, HEADERS, type FieldKey } from '../../src/domain/schema';

describe('matchHeader', () => {
  it('matches every standard header exactly and ignoring case, spaces and punctuation', () => {
    for (const f of FIELDS) {
      expect(matchHeader(f.header)).toBe(f.key);
      expect(matchHeader(`  ${f.header.toUpperCase()} `)).toBe(f.key);
      expect(matchHeader(f.header.replace(/ /g, '_'))).toBe(f.key);
    }
  });

  it.each<[string, FieldKey]>([
    ['Date', 'requestedAt'],
    ['Date requested', 'requestedAt'],
    ['When', 'requestedAt'],
    ['DateTime', 'requestedAt'],
    ['Team', 'vfsTeam'],
    ['Product team', 'vfsTeam'],
    ['VFS Team', 'vfsTeam'],
    ['Category', 'topic'],
    ['Label', 'topic'],
    ['Topic/Category', 'topic'],
    ['Topic / Category', 'topic'],
    ['Description', 'summary'],
    ['Request', 'summary'],
    ['Ask', 'summary'],
    ['Question', 'summary'],
    ['URL', 'link'],
    ['Slack link', 'link'],
    ['Thread', 'link'],
    ['MessageLink', 'link'],
    ['Time spent', 'timeSpentMin'],
    ['Time (min)', 'timeSpentMin'],
    ['Minutes', 'timeSpentMin'],
    ['Duration', 'timeSpentMin'],
    ['TicketId', 'requestId'],
    ['Ticket #', 'requestId'],
    ['Request #', 'requestId'],
    ['SubmittedBy', 'requester'],
    ['Requested by', 'requester'],
    ['SuggestedTopic', 'suggestedTopic'],
    ['FirstReplyTime', 'firstResponseAt'],
    ['Closed at', 'resolvedAt'],
    ['Comments', 'notes'],
    ['Timestamp', 'loggedAt'],
    ['Source', 'channel'],
    ['Type', 'requestType'],
    ['Doc link', 'docsLink'],
    ['Docs gap', 'documentationGap'],
    ['Automatable', 'automationCandidate'],
    ['Outcome', 'resolution'],
    ['State', 'status'],
    ['Platform team', 'vspTeam'],
    ['Practice', 'practiceArea'],
  ])('recognises the synonym %j', (header, field) => {
    expect(matchHeader(header)).toBe(field);
  });

  it('ignores parenthetical notes and required-field stars', () => {
    expect(matchHeader('Date requested (ET)')).toBe('requestedAt');
    expect(matchHeader('Team (VFS)')).toBe('vfsTeam');
    expect(matchHeader('Summary *')).toBe('summary');
    expect(matchHeader('Time spent (minutes)')).toBe('timeSpentMin');
    expect(matchHeader('(blank)')).toBeNull();
  });

  it('leaves unrelated and empty headers alone', () => {
    for (const h of ['Priority', 'Owner', 'Sprint', '', '   ', null, undefined, 42]) {
      expect(matchHeader(h)).toBeNull();
    }
  });

  it('has no synonym that normalizes to two different fields', () => {
    const seen = new Map<string, FieldKey>();
    for (const f of FIELDS) seen.set(headerKey(f.header), f.key);
    for (const f of FIELDS) {
      for (const s of HEADER_SYNONYMS[f.key]) {
        const k = headerKey(s);
        const prev = seen.get(k);
        if (prev !== undefined) expect(prev).toBe(f.key);
        seen.set(k, f.key);
      }
    }
  });

  it('keeps # and & meaningful', () => {
    expect(headerKey('Request #')).toBe('requestnumber');
    expect(headerKey('Date & time')).toBe('dateandtime');
  });
});

describe('scoreHeaderRow', () => {
  it('counts distinct recognised fields', () => {
    expect(scoreHeaderRow(['Date', 'Team', 'Category', 'Description', 'Priority'])).toBe(4);
    expect(scoreHeaderRow(['Date', 'When', 'Priority'])).toBe(1);
    expect(scoreHeaderRow([])).toBe(0);
    expect(scoreHeaderRow(HEADERS)).toBe(FIELDS.length);
    expect(MIN_ADOPT_SCORE).toBeGreaterThan(1);
  });
});

describe('planHeaders', () => {
  const legacy = [
    'Date',
    'Team',
    'Category',
    'Priority',
    'Description',
    'Slack link',
    'Time spent',
  ];

  it('renames recognised headers, appends the missing fields in schema order and keeps extras', () => {
    const r = planHeaders(legacy);
    if (!r.ok) throw new Error(r.errors.join());
    const { renames, appends, extras, columns } = r.plan;
    expect(renames).toEqual([
      { column: 1, field: 'requestedAt', from: 'Date', to: 'Requested at' },
      { column: 2, field: 'vfsTeam', from: 'Team', to: 'VFS team' },
      { column: 3, field: 'topic', from: 'Category', to: 'Topic' },
      { column: 5, field: 'summary', from: 'Description', to: 'Summary' },
      { column: 6, field: 'link', from: 'Slack link', to: 'Link' },
      { column: 7, field: 'timeSpentMin', from: 'Time spent', to: 'Time spent (min)' },
    ]);
    expect(extras).toEqual([{ column: 4, header: 'Priority' }]);
    const standardOrderOfAppends = FIELDS.map((f) => f.header).filter((h) =>
      appends.some((a) => a.header === h),
    );
    expect(appends.map((a) => a.header)).toEqual(standardOrderOfAppends);
    expect(appends.map((a) => a.column)).toEqual(appends.map((_, i) => 8 + i));
    expect(appends).toHaveLength(FIELDS.length - 6);
    expect(columns.requestId).toBe(8);
    expect(columns.summary).toBe(5);
    expect(Object.keys(columns)).toHaveLength(FIELDS.length);
  });

  it('appends after the last used column, not just the header length', () => {
    const r = planHeaders(['Date', 'Team', 'Topic', 'Summary'], 6);
    if (!r.ok) throw new Error('unexpected');
    expect(r.plan.appends[0].column).toBe(7);
  });

  it('is a no-op on a standard header row', () => {
    const r = planHeaders([...HEADERS, 'Priority']);
    if (!r.ok) throw new Error('unexpected');
    expect(r.plan.renames).toEqual([]);
    expect(r.plan.appends).toEqual([]);
    expect(r.plan.extras).toEqual([{ column: HEADERS.length + 1, header: 'Priority' }]);
  });

  it('renames a standard header that differs only in case or spacing', () => {
    const r = planHeaders(['requested AT', 'VFS team ']);
    if (!r.ok) throw new Error('unexpected');
    expect(r.plan.renames.map((x) => [x.from, x.to])).toEqual([
      ['requested AT', 'Requested at'],
      ['VFS team', 'VFS team'],
    ]);
  });

  it('rejects two columns mapped to one field, naming both columns', () => {
    const r = planHeaders(['Date', 'Team', 'Summary', 'Notes', 'VFS Team']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain('Columns B ("Team") and E ("VFS Team")');
    expect(r.errors[0]).toContain('"VFS team"');
  });

  it('reports every conflict', () => {
    const r = planHeaders(['Date', 'When', 'Category', 'Label']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toHaveLength(2);
  });
});

describe('header maps and rows', () => {
  it('maps exact standard headers to 1-based columns', () => {
    const map = headerMapOf(['Priority', 'Summary', 'Topic', 'Category']);
    expect(map).toEqual({ summary: 2, topic: 3 });
    expect(headerMapOf(['Priority', 'Description'], true)).toEqual({ summary: 2 });
    expect(missingFields(map)).toHaveLength(FIELDS.length - 2);
  });

  it('builds a by-field record from a data row', () => {
    const row = rowObject(['x', 'Hello', 'API'], { summary: 2, topic: 3, notes: 9 });
    expect(row.summary).toBe('Hello');
    expect(row.topic).toBe('API');
    expect(row.notes).toBe('');
    expect(row.requestId).toBe('');
  });
});

describe('the shipped sample sheet (samples/legacy-support.csv)', () => {
  it('maps every legacy header except the extra Priority column', async () => {
    const { LEGACY_HEADERS } = await import('../../samples/generate');
    const r = planHeaders([...LEGACY_HEADERS]);
    if (!r.ok) throw new Error(r.errors.join());
    expect(r.plan.extras.map((e) => e.header)).toEqual(['Priority']);
    expect(Object.fromEntries(r.plan.renames.map((x) => [x.from, x.to]))).toEqual({
      Date: 'Requested at',
      Team: 'VFS team',
      Category: 'Topic',
      Description: 'Summary',
      'Slack link': 'Link',
      Source: 'Channel',
      'Time spent': 'Time spent (min)',
      'Docs?': 'Docs link',
      Who: 'Requester',
      'Platform team': 'VSP team',
      'First reply': 'First response at',
      'Closed on': 'Resolved at',
    });
    expect(scoreHeaderRow([...LEGACY_HEADERS])).toBeGreaterThanOrEqual(MIN_ADOPT_SCORE);
  });
});
