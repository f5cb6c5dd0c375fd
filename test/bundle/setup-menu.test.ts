/**
 * The Support menu (issue #2): onOpen/onInstall through the built bundle, under every AuthMode.
 */
import fs from 'node:fs';
import path from 'node:path';
import { defaultDistDir, type Runtime } from '../../runtime';
import { loadBuiltRuntime } from '../helpers/runtime';
import { MENU_ITEMS, MENU_TITLE } from '../../src/gas/menu';

/** The menu of issue #2, in its order: label -> the public global it runs. */
const CANONICAL_ORDER = [
  'Log a request',
  'Set up / repair sheet',
  'Normalize existing rows',
  'Refresh summaries',
  'Send weekly summary',
  'Install triggers',
];

function topLevelFunctions(): Set<string> {
  const code = fs.readFileSync(path.join(defaultDistDir(), 'Code.js'), 'utf8');
  return new Set([...code.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]));
}

function authMode(
  rt: Runtime,
  name: 'NONE' | 'LIMITED' | 'FULL',
): GoogleAppsScript.Script.AuthMode {
  return (rt.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp).AuthMode[name];
}

/** Service calls allowed while building a menu (no data, no properties, no Session). */
const MENU_CALLS = new Set([
  'SpreadsheetApp.getUi',
  'Ui.createMenu',
  'Menu.addItem',
  'Menu.addSeparator',
  'Menu.addSubMenu',
  'Menu.addToUi',
]);

describe('onOpen', () => {
  it.each(['NONE', 'LIMITED', 'FULL'] as const)(
    'builds the top-level Support menu under AuthMode.%s using only Ui calls',
    (mode) => {
      const rt = loadBuiltRuntime();
      rt.tracker.reset();
      rt.tracker.startLog();
      rt.runAs({ authMode: mode, kind: 'trigger' }, 'onOpen', {
        authMode: authMode(rt, mode),
        source: {},
      });
      const menu = rt.ui.menu(MENU_TITLE);
      expect(menu).toBeDefined();
      expect(menu?.addon).toBe(false);
      expect(rt.ui.menus).toHaveLength(1);
      expect(rt.ui.menuFunctions(MENU_TITLE)).toEqual(MENU_ITEMS.map((i) => i.functionName));
      const calls = rt.tracker.getLog().map((c) => c.name);
      expect(calls.filter((c) => !MENU_CALLS.has(c))).toEqual([]);
      expect(calls).toContain('Menu.addToUi');
      // Nothing in the workbook changed.
      expect(rt.tracker.snapshot().cellsWritten).toBe(0);
    },
  );

  it('offers "Set up / repair sheet" running setUpSheet', () => {
    const rt = loadBuiltRuntime();
    rt.run('onOpen', {});
    const items = rt.ui.menu(MENU_TITLE)?.items ?? [];
    expect(items).toContainEqual({
      type: 'item',
      caption: 'Set up / repair sheet',
      functionName: 'setUpSheet',
    });
  });

  it('lists only functions that exist as top-level globals of the bundle, in the issue order', () => {
    const fns = topLevelFunctions();
    for (const item of MENU_ITEMS) expect(fns.has(item.functionName)).toBe(true);
    const known = MENU_ITEMS.map((i) => i.label).filter((l) => CANONICAL_ORDER.includes(l));
    expect(known).toEqual(CANONICAL_ORDER.filter((l) => known.includes(l)));
    expect(new Set(MENU_ITEMS.map((i) => i.label)).size).toBe(MENU_ITEMS.length);
  });

  it('works with no event object (run from the editor)', () => {
    const rt = loadBuiltRuntime();
    rt.run('onOpen');
    expect(rt.ui.menu(MENU_TITLE)).toBeDefined();
  });

  it('reruns replace the menu instead of duplicating it', () => {
    const rt = loadBuiltRuntime();
    rt.run('onOpen', {});
    rt.run('onOpen', {});
    expect(rt.ui.menus).toHaveLength(1);
  });
});

describe('onInstall', () => {
  it('adds the same menu under AuthMode.NONE', () => {
    const rt = loadBuiltRuntime();
    rt.tracker.startLog();
    rt.runAs({ authMode: 'NONE', kind: 'trigger' }, 'onInstall', {
      authMode: authMode(rt, 'NONE'),
    });
    expect(rt.ui.menuFunctions(MENU_TITLE)).toEqual(MENU_ITEMS.map((i) => i.functionName));
    expect(rt.tracker.getLog().filter((c) => !MENU_CALLS.has(c.name))).toEqual([]);
  });
});
