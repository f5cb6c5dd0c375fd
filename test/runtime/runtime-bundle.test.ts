/**
 * The runtime over the real built bundle ($ST_DIST or dist/): every public global is a top-level
 * function in the vm context, and onOpen under AuthMode.NONE builds the menu without touching any
 * service that needs authorization.
 */
import fs from 'node:fs';
import path from 'node:path';
import { defaultDistDir } from '../../packages/gas-runtime/src';
import { loadBuiltRuntime, sheetValues } from '../helpers/runtime';

describe('runtime over the built bundle', () => {
  it('exposes every stub of Code.js as a callable global', () => {
    const rt = loadBuiltRuntime();
    const code = fs.readFileSync(path.join(defaultDistDir(), 'Code.js'), 'utf8');
    const stubs = [...code.matchAll(/^function (\w+)\(\.\.\.args\) \{$/gm)].map((m) => m[1]);
    expect(stubs.length).toBeGreaterThan(0);
    for (const name of stubs) expect(typeof rt.globals[name]).toBe('function');
  });

  it('onOpen under AuthMode.NONE builds the Support menu and makes no authorized call', () => {
    const rt = loadBuiltRuntime();
    rt.tracker.startLog();
    rt.runAs({ authMode: 'NONE' }, 'onOpen', { authMode: 'NONE' });
    expect(rt.ui.menu('Support')?.items.length).toBeGreaterThan(0);
    const names = rt.tracker.getLog().map((c) => c.name);
    expect(names.filter((n) => !/^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/.test(n))).toEqual([]);
  });

  it('sheetValues reads a tab through raw host access without counting', () => {
    const rt = loadBuiltRuntime();
    const ss = rt.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    ss.insertSheet('Raw')
      .getRange(1, 1, 2, 2)
      .setValues([
        ['a', 'b'],
        [1, 2],
      ]);
    expect(sheetValues(rt, 'Raw')).toEqual([
      ['a', 'b'],
      [1, 2],
    ]);
    expect(sheetValues(rt, 'Nope')).toBeNull();
    expect(rt.tracker.snapshot().calls).toBe(0);
  });
});
