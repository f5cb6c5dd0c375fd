/**
 * Typed settings of the add-on, read from the Settings tab (Setting, Value, Description), with
 * defaults and validation. Pure: no Apps Script globals.
 *
 * Adding a setting is one entry in SETTING_DEFS plus its field in `Settings`: setUpSheet appends the
 * row (with its default) to an existing Settings tab on its next run.
 */
import { SETTINGS_HEADERS } from './schema';
import { isDate } from './time';
import { columnLetter, quoteSheet } from './a1';
import { text, formatTimeOfDay } from './settingCells';
import { SETTING_DEFS, type Settings, type SettingKey, type SettingDef } from './settingDefs';

export {
  WEEKDAY_NAMES,
  parseWeekday,
  parseWeekdays,
  parseTimeOfDay,
  formatTimeOfDay,
  parseBoolean,
  parseEmailList,
} from './settingCells';
export { SETTING_DEFS } from './settingDefs';
export type { ListValidationMode, Settings, SettingKey, SettingDef } from './settingDefs';

/** The default settings (every default cell parsed). */
export function defaultSettings(timeZone = 'America/New_York'): Settings {
  const out: Partial<Record<SettingKey, unknown>> = {};
  for (const d of SETTING_DEFS) {
    const r = d.parse(d.defaultCell, timeZone);
    if (!r.ok) throw new Error(`Default of '${d.label}' is invalid`);
    out[d.key] = r.value;
  }
  return out as unknown as Settings;
}

/** The Settings tab for a new sheet: header plus one row per setting with its default. */
export function defaultSettingsValues(
  overrides: Partial<Record<SettingKey, string>> = {},
): string[][] {
  return [
    [...SETTINGS_HEADERS],
    ...SETTING_DEFS.map((d) => [d.label, overrides[d.key] ?? d.defaultCell, d.description]),
  ];
}

/** Normalized label for matching Setting cells ("Weekly email hour" ~ "weekly  Email hour:"). */
export function settingLabelKey(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

const DEF_BY_LABEL = new Map(SETTING_DEFS.map((d) => [settingLabelKey(d.label), d]));

/** The definition whose label matches a Setting cell, if any. */
export function findSettingDef(label: string): SettingDef | undefined {
  return DEF_BY_LABEL.get(settingLabelKey(label));
}

/** A1 column letters of a 1-based column. */

export interface SettingsIssue {
  /** A1 reference including the tab, e.g. "Settings!B5". */
  cell: string;
  message: string;
}

export interface SettingsParse {
  /** Valid values, with defaults for missing or invalid settings. */
  settings: Settings;
  /** Invalid values; each message names its cell. */
  errors: SettingsIssue[];
  /** Unknown setting names and duplicates that were ignored. */
  warnings: SettingsIssue[];
  /** Sheet row (1-based) of each setting found on the tab. */
  rows: Partial<Record<SettingKey, number>>;
  /** Raw Value cell of each setting found. */
  raw: Partial<Record<SettingKey, unknown>>;
}

/**
 * Parses the Settings tab values (as read by one getValues, row 1 = header). Settings are matched
 * by their label in column A (case- and punctuation-insensitive); missing ones take their default.
 * Every invalid value is reported with its cell, e.g.
 * "Settings!B5: 'Weekly email hour' must be a whole hour 0-23, got '25'".
 */
export function parseSettings(
  values: readonly (readonly unknown[])[],
  options: { timeZone?: string; sheetName?: string } = {},
): SettingsParse {
  const tz = options.timeZone ?? 'America/New_York';
  const tab = options.sheetName ?? 'Settings';
  const settings = defaultSettings(tz);
  const errors: SettingsIssue[] = [];
  const warnings: SettingsIssue[] = [];
  const rows: Partial<Record<SettingKey, number>> = {};
  const raw: Partial<Record<SettingKey, unknown>> = {};
  const ref = (row: number, col: number): string => `${quoteSheet(tab)}!${columnLetter(col)}${row}`;
  const start = values.length && settingLabelKey(text(values[0][0])) === 'setting' ? 1 : 0;
  for (let i = start; i < values.length; i++) {
    const label = text(values[i][0]);
    if (label === '') continue;
    const d = findSettingDef(label);
    if (!d) {
      warnings.push({
        cell: ref(i + 1, 1),
        message: `${ref(i + 1, 1)}: unknown setting '${label}' is ignored`,
      });
      continue;
    }
    if (rows[d.key] !== undefined) {
      warnings.push({
        cell: ref(i + 1, 1),
        message: `${ref(i + 1, 1)}: '${d.label}' is already set in ${ref(rows[d.key] as number, 1)}; this row is ignored`,
      });
      continue;
    }
    rows[d.key] = i + 1;
    const cell = values[i].length > 1 ? values[i][1] : '';
    raw[d.key] = cell;
    const r = d.parse(cell, tz);
    if (r.ok) {
      (settings as unknown as Record<string, unknown>)[d.key] = r.value;
    } else {
      const got = isDate(cell) ? cell.toISOString() : text(cell);
      errors.push({
        cell: ref(i + 1, 2),
        message: `${ref(i + 1, 2)}: '${d.label}' must ${r.expected}, got '${got}'`,
      });
    }
  }
  // Cross-field rule: the business day must end after it starts.
  if (settings.businessEndMin <= settings.businessStartMin) {
    const row = rows.businessEndMin ?? rows.businessStartMin;
    const cell = row ? ref(row, 2) : `${quoteSheet(tab)}`;
    errors.push({
      cell,
      message: `${cell}: 'Business hours end' (${formatTimeOfDay(settings.businessEndMin)}) must be after 'Business hours start' (${formatTimeOfDay(settings.businessStartMin)})`,
    });
    const d = defaultSettings(tz);
    settings.businessStartMin = d.businessStartMin;
    settings.businessEndMin = d.businessEndMin;
  }
  return { settings, errors, warnings, rows, raw };
}

/** Error thrown by strict settings readers: the message lists every invalid cell. */
export class SettingsError extends Error {
  constructor(readonly issues: SettingsIssue[]) {
    super(`Invalid settings: ${issues.map((i) => i.message).join('; ')}`);
    this.name = 'SettingsError';
  }
}
