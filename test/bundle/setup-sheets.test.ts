/**
 * The shared adapter helpers of src/gas/sheets.ts, bundled on their own (esbuild, as the build does)
 * and run through the local runtime: block reads and writes, literal appends, the data tab choice,
 * Settings errors and the document lock.
 */
import path from 'node:path';
import * as esbuild from 'esbuild';
import type { Runtime } from '../../packages/gas-runtime/src';
import { runtimeFor } from '../helpers/runtime';
import { HEADERS } from '../../src/domain/schema';

const root = path.resolve(__dirname, '../..');

/** A bundle exposing the helpers as `H`, plus top-level test entry points (one execution each). */
function helperBundle(): string {
  const lib = esbuild.buildSync({
    stdin: {
      contents:
        "export * from './src/gas/sheets'; export { setUpWorkbook } from './src/gas/setup';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'H',
    target: 'es2020',
    platform: 'neutral',
    write: false,
  }).outputFiles[0].text;
  return `${lib}
function t(fn, ...args) { return fn(H.getSpreadsheet(), ...args); }
function setUp() { return H.setUpWorkbook(H.getSpreadsheet()).ok; }
function dataSheetName() { return t((ss) => H.getDataSheet(ss).getName()); }
function headerMap(name) { return t((ss) => H.readHeaderMap(ss.getSheetByName(name))); }
function requireMap(name) { return t((ss) => H.requireHeaderMap(ss.getSheetByName(name))); }
function lists() { return t((ss) => H.readLists(ss)); }
function settings(strict) { return t((ss) => H.readSettings(ss, { strict })); }
function append(name, rows) { return t((ss) => H.appendRows(ss.getSheetByName(name), rows)); }
function table(name) { return t((ss) => H.readDataTable(ss.getSheetByName(name))); }
function dataRows(name) { return t((ss) => H.readDataRows(ss.getSheetByName(name))); }
function locked(ms) { let ran = false; const r = H.withDocumentLock(ms, () => { ran = true; return 42; }); return { r, ran }; }
function ensure(name) { return t((ss) => H.ensureSheet(ss, name, ['A', 'B']).getName()); }
`;
}

let code: string;
beforeAll(() => {
  code = helperBundle();
});

function fresh(): Runtime {
  return runtimeFor(code);
}

function legacy(): Runtime {
  const rt = fresh();
  rt.spreadsheet._addSheet('Support log', [
    ['Date', 'Team', 'Category', 'Description', 'Priority'],
    ['3/5', 'tools-fe', 'CI error', 'CI failing', 'High'],
  ]);
  return rt;
}

describe('data tab and header map', () => {
  it('getDataSheet: Requests by default, the Settings choice after setup, a clear error when missing', () => {
    const empty = fresh();
    expect(() => empty.run('dataSheetName')).toThrow(
      "The data tab 'Requests' was not found. Run Support > Set up / repair sheet.",
    );
    const rt = legacy();
    expect(rt.run('setUp')).toBe(true);
    expect(rt.run('dataSheetName')).toBe('Support log');
  });

  it('readHeaderMap reads row 1 in one getValues and maps exact standard headers', () => {
    const rt = legacy();
    rt.run('setUp');
    rt.tracker.reset();
    const map = rt.run('headerMap', 'Support log') as Record<string, number>;
    const s = rt.tracker.snapshot();
    expect(s.byMethod['Range.getValues']).toBe(1);
    expect(s.cellCalls).toBe(2); // getLastColumn + getValues
    expect(map.requestedAt).toBe(1);
    expect(map.summary).toBe(4);
    expect(Object.keys(map)).toHaveLength(HEADERS.length);
    expect(rt.run('requireMap', 'Support log')).toEqual(map);
  });

  it('requireHeaderMap names the missing standard columns', () => {
    const rt = legacy();
    expect(() => rt.run('requireMap', 'Support log')).toThrow(
      /lacks the standard column\(s\) Request ID, Logged at, .*Notes\. Run Support > Set up \/ repair sheet\./,
    );
  });
});

describe('lists and settings', () => {
  it('readLists reads the three list tabs (defaults before setup)', () => {
    const before = fresh().run('lists') as {
      topics: { value: string }[];
      teams: unknown[];
      channel: { value: string }[];
    };
    expect(before.teams).toEqual([]);
    expect(before.channel.map((c) => c.value)).toContain('Office hours');
    const rt = legacy();
    rt.run('setUp');
    rt.tracker.reset();
    const after = rt.run('lists') as typeof before;
    expect(after.topics.map((t) => t.value)).toEqual(before.topics.map((t) => t.value));
    expect(rt.tracker.snapshot().byMethod['Range.getValues']).toBe(3);
  });

  it('readSettings throws an error naming the bad cell, or falls back to defaults when not strict', () => {
    const rt = legacy();
    rt.run('setUp');
    const ss = rt.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    const tab = ss.getSheetByName('Settings') as GoogleAppsScript.Spreadsheet.Sheet;
    const row =
      tab
        .getDataRange()
        .getValues()
        .findIndex((r) => r[0] === 'Weekly email hour') + 1;
    tab.getRange(row, 2).setValue('25');
    expect(() => rt.run('settings', true)).toThrow(
      `Settings!B${row}: 'Weekly email hour' must be a whole hour 0-23, got '25'`,
    );
    expect((rt.run('settings', false) as { weeklyEmailHour: number }).weeklyEmailHour).toBe(8);
  });
});

describe('block writes', () => {
  it('appendRows writes literal text after the last row, in one setValues', () => {
    const rt = legacy();
    rt.tracker.reset();
    const first = rt.run('append', 'Support log', [
      ['=IMPORTXML("x","//a")', '+1', '-2', '@x', 'TRUE'],
      ['3/6', '0042', 'plain', 7, true],
    ]);
    expect(first).toBe(3);
    const s = rt.tracker.snapshot();
    expect(s.byMethod['Range.setValues']).toBe(1);
    expect(s.cellsWritten).toBe(10);
    const rows = rt.run('dataRows', 'Support log') as unknown[][];
    expect(rows.slice(1)).toEqual([
      ['=IMPORTXML("x","//a")', '+1', '-2', '@x', 'TRUE'],
      ['3/6', '0042', 'plain', 7, true],
    ]);
  });

  it('appendRows grows a full grid and makes the same calls whatever the size', () => {
    const calls = [5, 500].map((n) => {
      const rt = fresh();
      rt.spreadsheet._addSheet(
        'Log',
        Array.from({ length: n }, (_, i) => [`r${i}`]),
        n,
        3,
      );
      rt.tracker.reset();
      expect(rt.run('append', 'Log', [['a'], ['b']])).toBe(n + 1);
      expect((rt.run('dataRows', 'Log') as unknown[][]).slice(-2)).toEqual([['a'], ['b']]);
      return rt.tracker.snapshot().byMethod;
    });
    expect(calls[1]).toEqual(calls[0]);
  });

  it('readDataTable reads the whole tab in one getValues', () => {
    const rt = legacy();
    rt.run('setUp');
    rt.tracker.reset();
    const t = rt.run('table', 'Support log') as {
      header: unknown[];
      map: Record<string, number>;
      rows: unknown[][];
    };
    expect(rt.tracker.snapshot().byMethod['Range.getValues']).toBe(1);
    expect(t.header[0]).toBe('Requested at');
    expect(t.map.topic).toBe(3);
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0][4]).toBe('High');
  });

  it('ensureSheet creates a missing tab once, with its header', () => {
    const rt = fresh();
    expect(rt.run('ensure', 'Extra')).toBe('Extra');
    rt.tracker.reset();
    expect(rt.run('ensure', 'Extra')).toBe('Extra');
    expect(rt.tracker.snapshot().cellsWritten).toBe(0);
    const ss = rt.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    expect(ss.getSheetByName('Extra')?.getRange(1, 1, 1, 2).getValues()).toEqual([['A', 'B']]);
  });
});

describe('withDocumentLock', () => {
  it('runs the function holding the lock, and returns busy without running it when the lock is held', () => {
    const rt = fresh();
    expect(rt.run('locked', 1000)).toEqual({ r: { ok: true, value: 42 }, ran: true });
    expect(rt.locks.snapshot()).toEqual({});
    rt.locks.hold('document');
    const busy = rt.run('locked', 1000) as {
      r: { ok: boolean; busy: boolean; message: string };
      ran: boolean;
    };
    expect(busy.ran).toBe(false);
    expect(busy.r).toEqual({
      ok: false,
      busy: true,
      message: 'The sheet is busy with another update: nothing was saved. Please try again.',
    });
  });
});
