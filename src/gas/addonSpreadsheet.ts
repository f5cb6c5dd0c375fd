/**
 * Editor add-on only (issue 13): the spreadsheet of a time-driven trigger run, which has no active
 * spreadsheet. Referenced only under `ST_ADDON_BUILD`, so esbuild leaves it (and `openById`) out
 * of the bound bundle, which keeps `spreadsheets.currentonly`.
 */
import { TRIGGER_DOC_PREFIX } from './scheduleStore';

/**
 * Opens the stored spreadsheet: the ID stored at setup and install (Document properties), else the
 * one recorded for this trigger in User properties. Needs the `spreadsheets` scope (add-on
 * manifest only).
 */
export function openStoredSpreadsheet(
  storedId: string | undefined,
  e: unknown,
): GoogleAppsScript.Spreadsheet.Spreadsheet {
  let id = storedId ?? '';
  const uid =
    typeof e === 'object' && e !== null ? (e as { triggerUid?: unknown }).triggerUid : undefined;
  if (!id && typeof uid === 'string')
    id = PropertiesService.getUserProperties().getProperty(TRIGGER_DOC_PREFIX + uid) ?? '';
  if (!id)
    throw new Error(
      'Support Tracker does not know its spreadsheet: open it and run Set up / repair sheet, then Install triggers.',
    );
  return SpreadsheetApp.openById(id);
}
