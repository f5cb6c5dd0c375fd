// The config tabs of setup: creating a missing tab with its defaults, settings and list values
// added by newer versions, and the Change log rows of header renames.
import {
  ALIASES_HEADERS,
  CHANGE_LOG_HEADERS,
  RUN_LOG_HEADERS,
  SETTINGS_HEADERS,
  SHEETS,
} from '../../domain/schema';
import { type MappingPlan } from '../../domain/mapping';
import { defaultListsValues, defaultTeamsValues, defaultTopicsValues } from '../../domain/lists';
import { columnLetter } from '../../domain/a1';
import {
  SETTING_DEFS,
  defaultSettingsValues,
  type SettingKey,
  type SettingsParse,
} from '../../domain/settings';
import { toLiteralCell } from '../../domain/literal';
import { quoteSheet } from '../../domain/a1';
import { writeBlock } from '../sheets';
import { type SetUpReport } from '../../domain/setupReport';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Plain-text number format. */
export const TEXT_FORMAT = '@';

/** Change log Rule of a header rename made by setUpSheet. */
export const HEADER_RENAME_RULE = 'setup:header-rename';

/** The config tabs setUpSheet creates when missing, with their default contents. */
export function configTabs(
  dataTab: string,
): { name: string; values: () => unknown[][]; textCols: number[]; checkboxCol?: number }[] {
  return [
    { name: SHEETS.teams, values: defaultTeamsValues, textCols: [1, 2] },
    {
      name: SHEETS.topics,
      values: defaultTopicsValues,
      textCols: [1, 2, 3, 4, 5, 6],
      checkboxCol: 7,
    },
    { name: SHEETS.lists, values: defaultListsValues, textCols: [1, 2, 3], checkboxCol: 4 },
    {
      name: SHEETS.settings,
      values: () => defaultSettingsValues({ dataTab }),
      textCols: [1, 2, 3],
    },
    { name: SHEETS.aliases, values: () => [[...ALIASES_HEADERS]], textCols: [1, 2, 3, 4] },
    { name: SHEETS.changeLog, values: () => [[...CHANGE_LOG_HEADERS]], textCols: [1, 3, 6, 7] },
    { name: SHEETS.runLog, values: () => [[...RUN_LOG_HEADERS]], textCols: [2, 5, 6] },
  ];
}

/** Creates one config tab with its defaults (text columns plain text, Disabled as checkboxes). */
export function createConfigTab(
  ss: Spreadsheet,
  tab: ReturnType<typeof configTabs>[number],
): Sheet {
  const sheet = ss.insertSheet(tab.name);
  const values = tab.values();
  const width = values[0].length;
  const maxRows = sheet.getMaxRows();
  const rows = Math.max(maxRows, values.length + 1);
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  // Plain text first, so values such as "8:00" or "FALSE" in Settings stay exactly as written.
  for (const [col, n] of runs(tab.textCols))
    sheet.getRange(1, col, rows, n).setNumberFormat(TEXT_FORMAT);
  writeBlock(sheet, 1, 1, values);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold');
  sheet.setFrozenRows(1);
  if (tab.checkboxCol && values.length > 1) {
    sheet.getRange(2, tab.checkboxCol, values.length - 1, 1).insertCheckboxes();
  }
  return sheet;
}

/** Sorted columns grouped into contiguous runs: [[start, count], ...] (one range call per run). */
export function runs(columns: readonly number[]): [number, number][] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === c) last[1]++;
    else out.push([c, 1]);
  }
  return out;
}

/**
 * List values that later versions added to the defaults and that an existing Lists tab lacks (a
 * list the tab does not hold at all uses the defaults anyway). A value the team disabled is kept
 * as is: only absent values are appended.
 */
export const ADDED_LIST_VALUES: readonly { list: string; value: string }[] = [
  { list: 'Channel', value: 'Self-service' }, // issue 14: the ask page
];

export function missingAddedListValues(values: unknown[][]): { list: string; value: string }[] {
  const key = (v: unknown): string =>
    String(v ?? '')
      .trim()
      .toLowerCase();
  const rows = values.slice(1);
  return ADDED_LIST_VALUES.filter(
    (a) =>
      rows.some((r) => key(r[0]) === key(a.list)) &&
      !rows.some((r) => key(r[0]) === key(a.list) && key(r[1]) === key(a.value)),
  );
}

/** Settings rows to add (missing settings) or update (the data tab), checked against what is there. */
export function settingsToWrite(
  settings: SettingsParse,
  dataTab: string,
): { update: { row: number; key: SettingKey; value: string }[]; append: string[][] } {
  const update: { row: number; key: SettingKey; value: string }[] = [];
  const append: string[][] = [];
  for (const d of SETTING_DEFS) {
    const row = settings.rows[d.key];
    const wanted = d.key === 'dataTab' ? dataTab : d.defaultCell;
    if (row === undefined) append.push([d.label, wanted, d.description]);
    else if (d.key === 'dataTab' && settings.settings.dataTab !== dataTab)
      update.push({ row, key: d.key, value: dataTab });
  }
  return { update, append };
}

export function writeSettingsRows(
  sheet: Sheet,
  lastRow: number,
  rows: ReturnType<typeof settingsToWrite>,
  report: SetUpReport,
): void {
  // Setup's own text goes to plain-text cells, written as is (never apostrophe-prefixed into '@').
  for (const u of rows.update) {
    sheet.getRange(u.row, 2).setNumberFormat(TEXT_FORMAT);
    writeBlock(sheet, u.row, 2, [[u.value]]);
    report.settingsWritten.push(SETTING_DEFS.find((d) => d.key === u.key)?.label ?? u.key);
  }
  if (rows.append.length) {
    let first = Math.max(lastRow, 1) + 1;
    if (lastRow === 0) {
      writeBlock(sheet, 1, 1, [[...SETTINGS_HEADERS]]);
      first = 2;
    }
    const need = first + rows.append.length - 1 - sheet.getMaxRows();
    if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need);
    sheet.getRange(first, 1, rows.append.length, 3).setNumberFormat(TEXT_FORMAT);
    writeBlock(sheet, first, 1, rows.append);
    report.settingsWritten.push(...rows.append.map((r) => r[0]));
  }
}

/** Appends one Change log row per header rename (one setValues). */
export function logRenames(log: Sheet, dataTab: string, plan: MappingPlan): void {
  const now = new Date();
  const runId = `setup-${now.getTime().toString(36)}`;
  const rows = plan.renames.map((r) => [
    '',
    1,
    r.to,
    toLiteralCell(r.from),
    r.to,
    `${HEADER_RENAME_RULE} ${quoteSheet(dataTab)}!${columnLetter(r.column)}1`,
    runId,
    now,
  ]);
  const first = log.getLastRow() + 1;
  const need = first + rows.length - 1 - log.getMaxRows();
  if (need > 0) log.insertRowsAfter(log.getMaxRows(), need);
  writeBlock(log, first, 1, rows);
}
