/**
 * The Support menu (issue #2): onOpen/onInstall through the built bundle, under every AuthMode.
 * Both builds (issue 13): the bound build's top-level "Support" menu (createMenu), the add-on
 * build's "Support Tracker" add-on menu (createAddonMenu), with the same items and handlers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { defaultDistDir, type Runtime } from '../../packages/gas-runtime/src';
import { ADDON_BUILD, loadBuiltRuntime, menuCaption } from '../helpers/runtime';
import { MENU_ITEMS } from '../../src/gas/menu';

/** The menu this build's onOpen adds. */
const MENU_TITLE = menuCaption();

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
  'Ui.createAddonMenu',
  'Menu.addItem',
  'Menu.addSeparator',
  'Menu.addSubMenu',
  'Menu.addToUi',
]);

describe('onOpen', () => {
  it.each(['NONE', 'LIMITED', 'FULL'] as const)(
    'builds the menu under AuthMode.%s using only Ui calls',
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
      expect(menu?.addon).toBe(ADDON_BUILD);
      expect(rt.tracker.getLog().map((c) => c.name)).toContain(
        ADDON_BUILD ? 'Ui.createAddonMenu' : 'Ui.createMenu',
      );
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

describe('editor add-on context (issue 13)', () => {
  it('onOpen of an add-on not yet enabled runs under AuthMode.NONE and builds the add-on menu without touching data', () => {
    const rt = loadBuiltRuntime({ addon: true }); // the add-on build, whichever build is under test;
    rt.tracker.reset();
    rt.tracker.startLog();
    let mode = '';
    rt.interleave(
      (c) => c.name === 'Menu.addToUi',
      () => (mode = rt.executions.current().authMode),
    );
    rt.run('onOpen', {});
    expect(mode).toBe('NONE');
    const calls = rt.tracker.getLog().map((c) => c.name);
    expect(calls.filter((c) => !MENU_CALLS.has(c))).toEqual([]);
    expect(rt.tracker.snapshot().cellsRead).toBe(0);
    expect(rt.tracker.snapshot().cellsWritten).toBe(0);
    expect(calls).toContain('Ui.createAddonMenu');
    expect(rt.ui.menu('Support Tracker')?.addon).toBe(true);
    expect(rt.ui.menuFunctions('Support Tracker')).toEqual(MENU_ITEMS.map((i) => i.functionName));
  });

  it('in the add-on context onOpen runs under NONE before the add-on is used, LIMITED after', () => {
    const rt = loadBuiltRuntime({ addon: true });
    const modes: string[] = [];
    rt.interleave(
      (c) => c.name === 'Menu.addToUi',
      () => modes.push(rt.executions.current().authMode),
    );
    rt.run('onOpen', {});
    rt.run('setUpSheet'); // a menu item: FULL, the add-on is now enabled in this document
    rt.interleave(
      (c) => c.name === 'Menu.addToUi',
      () => modes.push(rt.executions.current().authMode),
    );
    rt.run('onOpen', {});
    expect(modes).toEqual(['NONE', 'LIMITED']);
  });
});
