/**
 * The top-level **Support** menu: `onOpen(e)` and `onInstall(e)` (issue #2).
 *
 * The menu is built from ONE registry, MENU_ITEMS, kept here so that the menu code stays in one
 * place (a later Editor add-on build only swaps `createMenu` for `createAddonMenu`). Items whose
 * feature is not built yet must not appear: a feature adds its own line when it lands.
 *
 * Authorization: onOpen runs as a simple trigger, possibly under `ScriptApp.AuthMode.NONE` (an
 * add-on not yet enabled in this document) or LIMITED. It only builds the Ui menu, which is allowed
 * in every mode, and calls no other service (no Settings read, no properties, no Session).
 */
import { ADDON } from './flavor';

export interface MenuItem {
  /** Text shown in the Support menu. */
  label: string;
  /** Name of the public global (exported from src/main.ts) the item runs. */
  functionName: string;
  /** Draw a separator above this item. */
  separatorBefore?: boolean;
  /** Caption of the submenu holding this item (adjacent items with one caption share it). */
  submenu?: string;
}

/**
 * The Support menu, in the order of issue #2: Log a request, Set up / repair sheet, Normalize
 * existing rows, Refresh summaries, Send weekly summary, Install triggers (plus feature extras
 * such as previews). To add an item, insert ONE line at its place in that order, e.g.
 *   { label: 'Log a request', functionName: 'showSidebar' },
 * and export the function from src/main.ts. Never list a function that does not exist yet.
 */
export const MENU_ITEMS: readonly MenuItem[] = [
  { label: 'Log a request', functionName: 'showSidebar' },
  { label: 'Getting started', functionName: 'showGettingStarted' },
  { label: 'Set up / repair sheet', functionName: 'setUpSheet' },
  { label: 'Normalize existing rows', functionName: 'showNormalizeDialog' },
  { label: 'Undo last normalization', functionName: 'undoLastNormalization' },
  { label: 'Refresh summaries', functionName: 'refreshSummaries' },
  { label: 'Send weekly summary', functionName: 'sendWeeklySummary' },
  { label: 'Preview weekly email', functionName: 'previewWeeklySummary' },
  { label: 'Send test email to me', functionName: 'sendTestWeeklySummary' },
  { label: 'Install triggers', functionName: 'installTriggers' },
  { label: 'Remove triggers', functionName: 'removeTriggers' },
  { label: 'Admin', functionName: 'showAdminDialog' },
  {
    label: 'Check this sheet',
    functionName: 'checkPlatform',
    submenu: 'Help',
    separatorBefore: true,
  },
];

/** Title of the top-level menu (bound build; the add-on menu carries the add-on's name). */
export const MENU_TITLE = 'Support';

/**
 * Builds and adds the menu (Ui calls only): the top-level Support menu of the bound script, or, in
 * the editor add-on build, the add-on menu (`createAddonMenu()`, shown under Extensions with the
 * add-on's name, Support Tracker). Same items, same handlers.
 */
export function buildMenu(
  ui: GoogleAppsScript.Base.Ui,
  items: readonly MenuItem[] = MENU_ITEMS,
): void {
  const menu = ADDON ? ui.createAddonMenu() : ui.createMenu(MENU_TITLE);
  for (let i = 0; i < items.length;) {
    const item = items[i];
    if (item.separatorBefore && i > 0) menu.addSeparator();
    if (!item.submenu) {
      menu.addItem(item.label, item.functionName);
      i++;
      continue;
    }
    // Adjacent items of one submenu (e.g. Support > Help > Check this sheet) go into it.
    const sub = ui.createMenu(item.submenu);
    let j = i;
    while (j < items.length && items[j].submenu === item.submenu) {
      sub.addItem(items[j].label, items[j].functionName);
      j++;
    }
    menu.addSubMenu(sub);
    i = j;
  }
  menu.addToUi();
}

/**
 * Simple trigger: adds the Support menu when the spreadsheet opens. Safe under every AuthMode,
 * including NONE: only `SpreadsheetApp.getUi()` and menu building are used.
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(SpreadsheetApp.getUi());
}

/** Runs when the add-on is installed: shows the menu at once, like onOpen. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}
