/**
 * Support ▸ Getting started (issue 12, item 1): a sidebar checklist of the set-up steps, each done
 * or not from the sheet's real state, each with a button that runs it. The same page shows in the
 * local workbench when it opens.
 *
 * getGettingStarted reads: Settings, Teams and Topics (3 small tab reads), the data tab's header
 * and size, the Summary's "Generated" cell and two document properties; never the data rows.
 */
import { checklist, type Checklist, type SetupFacts, type StepId } from '../domain/gettingStarted';
import { headerMapOf } from '../domain/headers';
import { activeValues, FIELDS, SHEETS } from '../domain/schema';
import { SETTING_DEFS, type SettingKey } from '../domain/settings';
import { toLiteralCell } from '../domain/literal';
import { isDate } from '../domain/time';
import { LAST_RUN_KEY, showNormalizeDialog } from './normalize';
import {
  dataSheetName,
  getSpreadsheet,
  getTimeZone,
  readLists,
  readSettingsParse,
  withDocumentLock,
} from './sheets';
import { refreshSummaries } from './summaries';
import { installTriggers, readTriggerOwner } from './triggers';
import { SCHEDULER_HANDLER } from './scheduleStore';
import { setUpSheet } from './setup';
import { readDocLinkProposals } from './docLinks';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Shows the Getting started checklist in the sidebar (menu "Getting started"). */
export function showGettingStarted(): void {
  const html = HtmlService.createHtmlOutputFromFile('GettingStarted').setTitle('Getting started');
  SpreadsheetApp.getUi().showSidebar(html);
}

function readFacts(ss: Spreadsheet): SetupFacts {
  const tz = getTimeZone(ss);
  const parsed = readSettingsParse(ss, tz);
  const settings = parsed.settings;
  const lists = readLists(ss);
  const name = dataSheetName(settings);
  const data = ss.getSheetByName(name);
  let columnsMapped = false;
  let rows = 0;
  if (data) {
    const width = data.getLastColumn();
    const header = width > 0 ? data.getRange(1, 1, 1, width).getValues()[0] : [];
    const map = headerMapOf(header);
    columnsMapped = FIELDS.every((f) => map[f.key] !== undefined);
    rows = Math.max(0, data.getLastRow() - 1);
  }
  const props = PropertiesService.getDocumentProperties();
  let normalized = false;
  try {
    const last = JSON.parse(props.getProperty(LAST_RUN_KEY) ?? 'null') as {
      undone?: boolean;
    } | null;
    normalized = !!last && !last.undone;
  } catch {
    normalized = false;
  }
  const summary = ss.getSheetByName(SHEETS.summary);
  const generated = summary ? summary.getRange('B2').getValue() : '';
  const owner = readTriggerOwner(props);
  // Issue 13: one hourly scheduler trigger runs the refresh, the weekly email and continuations.
  const wanted = [SCHEDULER_HANDLER];
  const activeTopics = lists.topics.filter((t) => !t.disabled);
  return {
    columnsMapped,
    dataTab: data ? name : '',
    teams: activeValues(lists, 'teams').length,
    rows,
    normalized,
    refreshedAt: isDate(generated) ? generated.toISOString() : '',
    triggersInstalled: !!owner && wanted.every((h) => owner.handlers.includes(h)),
    recipients: settings.weeklyEmailRecipients.length,
    dashboardPublished: settings.dashboardPublished,
    topics: activeTopics.length,
    topicsWithoutDocLink: activeTopics.filter((t) => !t.docLink.trim()).length,
    proposals: readDocLinkProposals(ss),
  };
}

/** The checklist computed from the sheet now. */
export function getGettingStarted(): Checklist {
  return checklist(readFacts(getSpreadsheet()));
}

export interface StepResult {
  ok: boolean;
  message: string;
  checklist: Checklist;
}

/**
 * Writes one setting's Value cell after validating it with the setting's own parser. The row is
 * found by label (Settings rows may be in any order); a missing row is appended.
 */
function writeSetting(ss: Spreadsheet, key: SettingKey, value: string | boolean): string {
  const def = SETTING_DEFS.find((d) => d.key === key);
  if (!def) return `Unknown setting ${key}.`;
  const tz = getTimeZone(ss);
  const parsed = def.parse(value, tz);
  if (!parsed.ok) return `'${def.label}' must ${parsed.expected}. Nothing was changed.`;
  const sheet = ss.getSheetByName(SHEETS.settings);
  if (!sheet) return 'There is no Settings tab: run Set up / repair sheet first.';
  const locked = withDocumentLock(10000, () => {
    const row = readSettingsParse(ss, tz).rows[key];
    const cell = toLiteralCell(value);
    if (row) sheet.getRange(row, 2).setValue(cell);
    else sheet.appendRow([def.label, cell, def.description]);
  });
  return locked.ok ? '' : locked.message;
}

/**
 * Runs one step of the checklist: the same global the menu runs, or, for email recipients and the
 * dashboard, a validated write of the Settings cell. Returns what happened and the new checklist.
 */
export function runGettingStartedStep(id: unknown, value?: unknown): StepResult {
  const ss = getSpreadsheet();
  const step = String(id) as StepId;
  let message = '';
  let ok = true;
  switch (step) {
    case 'mapColumns': {
      const r = setUpSheet();
      ok = r.ok;
      message = r.message;
      break;
    }
    case 'teams':
    case 'normalize':
      showNormalizeDialog();
      message =
        step === 'teams'
          ? 'Opened Normalize existing rows: use "Build lists from my data" there.'
          : 'Opened Normalize existing rows: review the preview, then normalize.';
      break;
    case 'refresh': {
      const r = refreshSummaries();
      ok = !!r;
      message = r ? `Summaries refreshed: ${r.rows} requests.` : 'Summaries were not refreshed.';
      break;
    }
    case 'triggers': {
      const r = installTriggers();
      ok = !!r && !r.refused;
      message = !r
        ? 'Triggers were not installed.'
        : r.refused
          ? r.refused
          : `Triggers installed: ${r.schedules.join('; ')}.`;
      break;
    }
    case 'recipients': {
      const text = typeof value === 'string' ? value.trim() : '';
      if (!text) {
        ok = false;
        message = 'Type at least one email address.';
        break;
      }
      const err = writeSetting(ss, 'weeklyEmailRecipients', text);
      ok = err === '';
      message = ok ? 'Weekly email recipients saved in Settings.' : err;
      break;
    }
    case 'dashboard': {
      const err = writeSetting(ss, 'dashboardPublished', true);
      ok = err === '';
      message = ok
        ? 'Dashboard published: Settings "Dashboard published" is TRUE. It shows after the next refresh.'
        : err;
      break;
    }
    default:
      ok = false;
      message = 'Unknown step.';
  }
  return { ok, message, checklist: checklist(readFacts(ss)) };
}
