/**
 * Freshness of the sidebar's cached form options and suggestion model (issue 12, item 16).
 *
 * getFormOptions serves the shared part of its answer (lists, topics, routing, aliases, defaults,
 * time zone and the suggestion model) from one versioned cache entry (./versionedCache.ts). The
 * version is bumped, making every cached copy unreachable at once, by:
 * - every script write that changes what the sidebar shows: setUpSheet, refreshSummaries (also the
 *   daily trigger), normalizeRequests and its undo, confirmListProposals, accepting a doc link;
 * - `onEdit` (a simple trigger): a person's edit of a config tab (Teams, Topics, Lists, Settings,
 *   Aliases), typing, pasting or clearing cells.
 *
 * Staleness is therefore BOUNDED, not impossible: changes that fire no onEdit (deleting rows or a
 * whole tab, renaming a tab, the spreadsheet time zone, writes by another script or the Sheets API)
 * are picked up after at most FORM_OPTIONS_TTL_S, or at the next refresh. New rows logged through
 * the sidebar reach the suggestion model the same way. A stale list can never write bad data:
 * submitRequest validates against the live tabs and answers a field error.
 */
import { SHEETS } from '../domain/schema';
import { bumpCacheVersion } from './versionedCache';

/** Versioned-cache scope of the form options and the suggestion model. */
export const FORM_OPTIONS_SCOPE = 'formOptions';
/** Upper bound on how long an edit that fires no onEdit can stay unseen by the sidebar. */
export const FORM_OPTIONS_TTL_S = 15 * 60;

/** Tabs whose edits change the form options. */
export const CONFIG_TABS: readonly string[] = [
  SHEETS.teams,
  SHEETS.topics,
  SHEETS.lists,
  SHEETS.settings,
  SHEETS.aliases,
];

/** Makes every cached copy of the form options and suggestion model stale (2 service calls). */
export function formOptionsChanged(): void {
  try {
    bumpCacheVersion(FORM_OPTIONS_SCOPE);
  } catch {
    // Properties unavailable (AuthMode NONE): nothing is cached there either.
  }
}

/**
 * Simple trigger: a person's edit. Bumps the form-options version when the edited tab is a config
 * tab (3 service calls); any other edit costs 2 calls (the sheet's name) and changes nothing.
 */
export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || !e.range) return;
  let name = '';
  try {
    name = e.range.getSheet().getName();
  } catch {
    return;
  }
  if (CONFIG_TABS.includes(name)) formOptionsChanged();
}
