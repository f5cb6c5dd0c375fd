/**
 * Issue 12 item 16 on the BUILT bundle: getFormOptions serves lists, topics and the suggestion model
 * from a versioned CacheService entry. Warm: at most 8 service calls, the same at 1,000 and 100,000
 * rows. Config edits (a person's edit through onEdit, setup, list proposals) and refreshes bump the
 * version, so the next call is fresh.
 */
import type { Runtime } from '../../packages/gas-runtime/src';
import { HEADERS, SHEETS, TOPICS_HEADERS } from '../../src/domain/schema';
import { loadBuiltRuntime } from '../helpers/runtime';

type Options = { lists: { topics: string[]; teams: string[] }; user: string; sticky: unknown };

function workbook(rows: number): Runtime {
  const rt = loadBuiltRuntime();
  rt.run('setUpSheet');
  const ss = rt.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  ss.getSheetByName(SHEETS.teams)!
    .getRange(2, 1, 2, 3)
    .setValues([
      ['Benefits Team', '', false],
      ['Health Apps', '', false],
    ]);
  if (rows > 0) {
    const data = ss.getSheetByName(SHEETS.data)!;
    if (data.getMaxRows() < rows + 1)
      data.insertRowsAfter(data.getMaxRows(), rows + 1 - data.getMaxRows());
    const block: unknown[][] = [];
    for (let i = 0; i < rows; i++) {
      const r: unknown[] = HEADERS.map(() => '');
      r[0] = `SR-20250101-${String(i).padStart(6, '0')}`;
      r[HEADERS.indexOf('Requested at')] = new Date(Date.UTC(2025, 0, 1, 15) + i * 60000);
      r[HEADERS.indexOf('VFS team')] = 'Benefits Team';
      r[HEADERS.indexOf('Channel')] = 'Slack';
      r[HEADERS.indexOf('Topic')] = i % 2 ? 'Forms' : 'CI Error';
      r[HEADERS.indexOf('Summary')] =
        i % 2 ? `form schema question ${i}` : `jenkins build red ${i}`;
      block.push(r);
    }
    data.getRange(2, 1, rows, HEADERS.length).setValues(block);
  }
  return rt;
}

function options(rt: Runtime): Options {
  return rt.runFromClient('getFormOptions') as Options;
}

function calls(rt: Runtime, fn: () => unknown): number {
  rt.tracker.reset();
  fn();
  return rt.tracker.snapshot().calls;
}

describe('getFormOptions cache', () => {
  it('warm: at most 8 service calls, the same at 1,000 and 100,000 rows; cold costs more', () => {
    const counts = [1000, 100000].map((n) => {
      const rt = workbook(n);
      const cold = calls(rt, () => options(rt));
      const warm = calls(rt, () => options(rt));
      return { cold, warm };
    });
    expect(counts[0].warm).toBeLessThanOrEqual(8);
    expect(counts[1].warm).toBe(counts[0].warm);
    expect(counts[0].cold).toBeGreaterThan(counts[0].warm);
  });

  it('per-user parts stay live: the user and their sticky values are never cached', () => {
    const rt = workbook(10);
    expect(options(rt).user).toBe('lead@example.gov');
    const other = rt.runFromClientAs({ user: 'other@example.gov' }, 'getFormOptions') as Options;
    expect(other.user).toBe('other@example.gov');
  });

  it("a person's edit of a config tab fires onEdit, which makes the next call fresh", () => {
    const rt = workbook(10);
    expect(options(rt).lists.topics).not.toContain('Brand new topic');
    const topics = (
      rt.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet
    ).getSheetByName(SHEETS.topics)!;
    const row = topics.getLastRow() + 1;
    const edit = rt.editCell(
      SHEETS.topics,
      row,
      TOPICS_HEADERS.indexOf('Topic') + 1,
      'Brand new topic',
    );
    expect(edit.ok).toBe(true);
    expect(edit.fired).toContain('onEdit');
    expect(options(rt).lists.topics).toContain('Brand new topic');
  });

  it('an edit of the data tab leaves the cache warm (onEdit costs 2 calls there)', () => {
    const rt = workbook(10);
    options(rt);
    rt.tracker.reset();
    const edit = rt.editCell(SHEETS.data, 2, HEADERS.indexOf('Notes') + 1, 'a note');
    expect(edit.fired).toContain('onEdit');
    expect(rt.tracker.snapshot().calls).toBeLessThanOrEqual(2);
    expect(calls(rt, () => options(rt))).toBeLessThanOrEqual(8);
  });

  it('a host-side change (no onEdit) stays unseen until a refresh bumps the version (bounded)', () => {
    const rt = workbook(10);
    options(rt);
    const ss = rt.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    ss.getSheetByName(SHEETS.teams)!
      .getRange(4, 1, 1, 3)
      .setValues([['Identity Team', '', false]]);
    expect(options(rt).lists.teams).not.toContain('Identity Team');
    rt.run('refreshSummaries');
    expect(options(rt).lists.teams).toContain('Identity Team');
  });

  it('the cache entry expires: a change no trigger saw is picked up within the TTL', () => {
    const rt = workbook(10);
    options(rt);
    const ss = rt.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    ss.getSheetByName(SHEETS.teams)!
      .getRange(4, 1, 1, 3)
      .setValues([['Identity Team', '', false]]);
    rt.clock.advance(15 * 60 * 1000 + 1000);
    expect(options(rt).lists.teams).toContain('Identity Team');
  });
});
