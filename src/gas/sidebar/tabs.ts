// What the sidebar reads: the config tabs in one A1 range each, the data tab (remembered by name)
// with its header, the caller's email and sticky values.
import {
  activeValues,
  LISTS_HEADERS,
  SHEETS,
  TEAMS_HEADERS,
  TOPICS_HEADERS,
  type FieldKey,
  type Lists,
} from '../../domain/schema';
import { headerMapOf } from '../../domain/headers';
import { parseLists, type TabValues } from '../../domain/lists';
import { quoteSheet } from '../../domain/a1';
import { STICKY_KEYS, type ActiveLists, type StickyValues } from '../../domain/submit';
import { getDataSheet, readTabValues, requireAllFields } from '../sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Properties = GoogleAppsScript.Properties.Properties;

/** A config tab read through one A1 range (2 calls), or through the shared helper on failure. */
function readConfigTab(ss: Spreadsheet, name: string, width: number): TabValues | undefined {
  let values: unknown[][];
  try {
    values = ss.getRange(`${quoteSheet(name)}!A:${String.fromCharCode(64 + width)}`).getValues();
  } catch {
    // Missing tab (defaults apply) or a tab narrower than its standard columns.
    return readTabValues(ss, name);
  }
  let end = values.length;
  while (end > 0 && values[end - 1].every((v) => v === '' || v === null)) end--;
  return end === 0 ? undefined : values.slice(0, end);
}

/** The editable lists in 6 calls (3 of them cell reads): Teams, Topics and Lists tabs. */
export function readListsCompact(ss: Spreadsheet): Lists {
  return parseLists({
    teams: readConfigTab(ss, SHEETS.teams, TEAMS_HEADERS.length),
    topics: readConfigTab(ss, SHEETS.topics, TOPICS_HEADERS.length),
    lists: readConfigTab(ss, SHEETS.lists, LISTS_HEADERS.length),
  }).lists;
}

export function activeLists(lists: Lists): ActiveLists {
  return {
    teams: activeValues(lists, 'teams'),
    topics: activeValues(lists, 'topics'),
    channel: activeValues(lists, 'channel'),
    vspTeam: activeValues(lists, 'vspTeam'),
    practiceArea: activeValues(lists, 'practiceArea'),
    requestType: activeValues(lists, 'requestType'),
    status: activeValues(lists, 'status'),
    resolution: activeValues(lists, 'resolution'),
  };
}

export interface DataTab {
  sheet: Sheet;
  header: unknown[];
  map: Record<FieldKey, number>;
}

/** DocumentProperties key remembering the data tab's name (refreshed by every getFormOptions). */
export const DATA_TAB_KEY = 'supportTracker.dataTab';

function checkedTab(sheet: Sheet, header: unknown[]): DataTab {
  return { sheet, header, map: requireAllFields(sheet, headerMapOf(header)) };
}

/**
 * The data tab and its header map. With the remembered tab name this is 3 calls and one cell read
 * (`'<tab>'!1:1`); otherwise the tab is resolved from Settings by the shared getDataSheet and its
 * name remembered in DocumentProperties for the next calls.
 */
function readDataTab(ss: Spreadsheet, props: Properties, remembered: string | null): DataTab {
  if (remembered) {
    try {
      const range = ss.getRange(`${quoteSheet(remembered)}!1:1`);
      const header = range.getValues()[0];
      const tab = checkedTab(range.getSheet(), header);
      return tab;
    } catch {
      // The tab was renamed or deleted, or lost its headers: resolve it again below.
    }
  }
  const sheet = getDataSheet(ss);
  if (sheet.getName() !== remembered) props.setProperty(DATA_TAB_KEY, sheet.getName());
  return checkedTab(sheet, sheet.getRange(1, 1, 1, sheet.getMaxColumns()).getValues()[0]);
}

/** Resolves the data tab from Settings (authoritative) and refreshes the remembered name. */
export function resolveDataTab(ss: Spreadsheet): DataTab {
  const props = PropertiesService.getDocumentProperties();
  const sheet = getDataSheet(ss);
  if (props.getProperty(DATA_TAB_KEY) !== sheet.getName())
    props.setProperty(DATA_TAB_KEY, sheet.getName());
  return checkedTab(sheet, sheet.getRange(1, 1, 1, sheet.getMaxColumns()).getValues()[0]);
}

/** The data tab using the remembered name (the cheap path of every call but getFormOptions). */
export function dataTab(ss: Spreadsheet): { data: DataTab; props: Properties } {
  const props = PropertiesService.getDocumentProperties();
  return { data: readDataTab(ss, props, props.getProperty(DATA_TAB_KEY)), props };
}

export function activeUserEmail(): string {
  try {
    return Session.getActiveUser().getEmail() || '';
  } catch {
    return '';
  }
}

/** UserProperties key of the sticky values. */
export const STICKY_KEY = 'supportTracker.sticky';

export function readSticky(): StickyValues {
  try {
    const raw = PropertiesService.getUserProperties().getProperty(STICKY_KEY);
    const parsed = raw ? (JSON.parse(raw) as unknown) : {};
    const out: StickyValues = {};
    if (parsed && typeof parsed === 'object') {
      for (const k of STICKY_KEYS) {
        const v = (parsed as Record<string, unknown>)[k];
        if (typeof v === 'string') out[k] = v;
      }
    }
    return out;
  } catch {
    return {};
  }
}
