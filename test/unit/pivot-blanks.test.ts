/** Issue 12: the pure rules of blank values in the summary pivots (src/domain/kpi/pivotBlanks.ts). */
import {
  countBlanks,
  labelledFields,
  leftOutFields,
  pivotBlankMode,
  pivotBlankNote,
} from '../../src/domain/kpi/pivotBlanks';

describe('pivot blank mode', () => {
  test("'label' only when the probe saw blank cells grouped; anything else (or untrusted junk) leaves blanks out", () => {
    expect(pivotBlankMode('grouped')).toBe('label');
    for (const f of ['ignored', 'rejected', undefined, 'GROUPED', 'yes'] as never[])
      expect(pivotBlankMode(f)).toBe('leave-out');
  });

  test('fields left out / labelled per pivot shape', () => {
    const topicByMonth = { rows: 'topic', columns: 'requestedAt', byMonth: true } as const;
    const teamByTeam = { rows: 'vfsTeam', columns: 'vspTeam' } as const;
    expect(leftOutFields(topicByMonth, 'leave-out')).toEqual(['topic', 'requestedAt']);
    expect(leftOutFields(topicByMonth, 'label')).toEqual(['requestedAt']);
    expect(labelledFields(topicByMonth, 'label')).toEqual(['topic']);
    expect(leftOutFields(teamByTeam, 'label')).toEqual([]);
    expect(labelledFields(teamByTeam, 'label')).toEqual(['vfsTeam', 'vspTeam']);
    expect(labelledFields(teamByTeam, 'leave-out')).toEqual([]);
  });
});

describe('countBlanks', () => {
  const cols = { requestId: 1, topic: 2, vfsTeam: 3 };
  test('counts requests (rows with any value, as the KPI report) whose field is empty or spaces; absent fields are skipped', () => {
    const rows = [
      ['R1', '', 'A'],
      ['R2', '  ', ''],
      ['', '', ''], // a blank row: not a request
      ['R3', 'API', null],
      ['', 'API', ''], // no Request ID yet (before normalization): still a request
    ];
    expect(countBlanks(rows, cols, ['topic', 'vfsTeam', 'vspTeam', 'topic'])).toEqual({
      topic: 2,
      vfsTeam: 3,
    });
  });
});

describe('pivotBlankNote', () => {
  test('leave-out: names each field with its count, labelled (blank), and says how to check', () => {
    const n = pivotBlankNote('leave-out', ['topic', 'vfsTeam', 'topic'], { topic: 3, vfsTeam: 1 });
    expect(n).toBe(
      "(blank): 3 requests with no Topic, 1 with no VFS team are left out of these pivots (this spreadsheet has not shown that its pivots can label blank cells; Support > Help > Check this sheet tests it); the Summary tab's totals include them.",
    );
    expect(pivotBlankNote('leave-out', ['topic'], { topic: 1 })).toMatch(
      /^\(blank\): 1 request with no Topic is left out/,
    );
    expect(pivotBlankNote('leave-out', ['topic'], { topic: 0 })).toBe('');
  });
  test('label: says blanks are labelled, and still counts blank dates a date grouping cannot label', () => {
    expect(pivotBlankNote('label', [], {})).toBe(
      'Blank values are labelled (blank) in the pivots.',
    );
    expect(pivotBlankNote('label', ['requestedAt'], { requestedAt: 2 })).toBe(
      "Blank values are labelled (blank) in the pivots. (blank): 2 requests with no Requested at are left out of these pivots (a date grouping cannot label blank dates); the Summary tab's totals include them.",
    );
  });
});
