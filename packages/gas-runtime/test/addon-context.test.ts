/**
 * The runtime's editor add-on context (issue 13), on a throwaway bundle: one trigger per type per
 * user per document (Google's error text), no active spreadsheet in a time-driven trigger or a
 * web-app request, openById only with the `spreadsheets` scope in the manifest, createAddonMenu
 * named after the add-on, AuthMode per entry point.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ADDON_TOO_MANY_TRIGGERS_MESSAGE } from '../src/services/script';
import { createRuntime, type Runtime } from '../src';
import { runtimeFor, tempBundle } from './helpers';

const CODE = `
function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Log a request', 'showSidebar').addToUi();
}
function tick() {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return ss ? 'active' : 'none';
}
function hourly() { return ScriptApp.newTrigger('tick').timeBased().everyHours(1).create().getUniqueId(); }
function weekly() {
  return ScriptApp.newTrigger('tick').timeBased().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(8).create().getUniqueId();
}
function onEditTrigger() {
  return ScriptApp.newTrigger('tick').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onEdit().create().getUniqueId();
}
function open(id) { return SpreadsheetApp.openById(id).getName(); }
function doGet() {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return ContentService.createTextOutput(ss ? 'active' : 'none');
}
`;

/** An add-on runtime on CODE, with a manifest granting `scopes` when given. */
function addonRuntime(scopes?: string[]): Runtime {
  const distDir = tempBundle(CODE);
  if (scopes)
    fs.writeFileSync(
      path.join(distDir, 'appsscript.json'),
      JSON.stringify({ oauthScopes: scopes }),
    );
  return createRuntime({
    distDir,
    addon: true,
    spreadsheetId: 'sheet-1',
    now: new Date('2026-03-03T15:00:00Z'),
  });
}

describe('runtime: editor add-on context', () => {
  it("allows one time-based trigger per user per document, with Google's error text", () => {
    const rt = addonRuntime();
    rt.run('hourly');
    expect(() => rt.run('weekly')).toThrow(ADDON_TOO_MANY_TRIGGERS_MESSAGE);
    expect(ADDON_TOO_MANY_TRIGGERS_MESSAGE).toBe(
      'This add-on has created too many time-based triggers in this document for this Google user account',
    );
    // Another user may own their own; another trigger type is counted separately.
    rt.runAs({ user: 'analyst@example.gov' }, 'hourly');
    rt.run('onEditTrigger');
    expect(() => rt.run('onEditTrigger')).toThrow(/too many edit triggers in this document/);
    expect(rt.triggers.triggers).toHaveLength(3);
    // A bound script has no such limit.
    const bound = runtimeFor(CODE);
    bound.run('hourly');
    bound.run('weekly');
    expect(bound.triggers.triggers).toHaveLength(2);
  });

  it('has no active spreadsheet in a time-driven trigger or a web-app request', () => {
    const rt = addonRuntime();
    expect(rt.run('tick')).toBe('active'); // a menu item
    rt.run('hourly');
    const fired = rt.fireDueTriggers(rt.clock.now().getTime() + 3600000);
    expect(fired.map((f) => f.result)).toEqual(['none']);
    expect(rt.get().content).toBe('none');
    const bound = runtimeFor(CODE);
    expect(bound.get().content).toBe('active');
  });

  it('opens the spreadsheet by ID only with the spreadsheets scope', () => {
    expect(
      addonRuntime(['https://www.googleapis.com/auth/spreadsheets']).run('open', 'sheet-1'),
    ).toBe('Support Tracker');
    expect(() =>
      addonRuntime(['https://www.googleapis.com/auth/spreadsheets.currentonly']).run(
        'open',
        'sheet-1',
      ),
    ).toThrow(
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
    expect(() =>
      addonRuntime(['https://www.googleapis.com/auth/spreadsheets']).run('open', 'another'),
    ).toThrow(/Unexpected error while getting the method or property openById/);
  });

  it('names the add-on menu after the add-on; onOpen runs under NONE, then LIMITED', () => {
    const rt = addonRuntime();
    const modes: string[] = [];
    const watch = (): void => {
      rt.interleave(
        (c) => c.name === 'Menu.addToUi',
        () => modes.push(rt.executions.current().authMode),
      );
    };
    watch();
    rt.run('onOpen', {});
    expect(rt.ui.menu('Support Tracker')).toMatchObject({ addon: true });
    rt.run('tick'); // the user runs an item: the add-on is enabled in this document
    expect(rt.addonEnabled).toBe(true);
    watch();
    rt.run('onOpen', {});
    expect(modes).toEqual(['NONE', 'LIMITED']);
  });
});
