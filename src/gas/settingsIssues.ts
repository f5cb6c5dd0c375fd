/**
 * Invalid Settings, made visible consistently (issue #2: "An invalid setting gets a clear error that
 * names the cell"). Every feature reads Settings through `readSettingsParse`, whose `errors` name
 * their cell ("Settings!B5: 'Weekly email hour' must be a whole hour 0-23, got '25'") and whose
 * `settings` hold the default for each invalid value. These helpers tie each error back to its
 * setting so that:
 * - background operations (refreshSummaries, sendWeeklySummary) use the defaults and record a
 *   warning naming the cells in their Run log row (and in the alert when run from the menu);
 * - installTriggers refuses only when a setting it needs (refresh hour, email day/hour) is invalid.
 */
import type { SettingKey, SettingsIssue, SettingsParse } from '../domain/settings';

/** One invalid setting: the parser's issue and, when known, which setting it is about. */
export interface KeyedSettingsIssue extends SettingsIssue {
  /** The setting whose Value cell is invalid (undefined when the cell names no setting row). */
  key: SettingKey | undefined;
}

/** The parse errors with the setting each one is about (matched by the row of its cell). */
export function keyedSettingsErrors(parsed: SettingsParse): KeyedSettingsIssue[] {
  const byRow = new Map<number, SettingKey>();
  for (const [key, row] of Object.entries(parsed.rows) as [SettingKey, number | undefined][]) {
    if (row !== undefined && !byRow.has(row)) byRow.set(row, key);
  }
  return parsed.errors.map((issue) => {
    const m = /![A-Z]+(\d+)$/.exec(issue.cell);
    return { ...issue, key: m ? byRow.get(Number(m[1])) : undefined };
  });
}

/** The errors about any of `keys`. */
export function settingsErrorsFor(
  parsed: SettingsParse,
  keys: readonly SettingKey[],
): KeyedSettingsIssue[] {
  return keyedSettingsErrors(parsed).filter((i) => i.key !== undefined && keys.includes(i.key));
}

/** The errors about none of `keys` (the other invalid settings). */
export function settingsErrorsExcept(
  parsed: SettingsParse,
  keys: readonly SettingKey[],
): KeyedSettingsIssue[] {
  return keyedSettingsErrors(parsed).filter((i) => i.key === undefined || !keys.includes(i.key));
}

/**
 * The warning a background run records when invalid settings were replaced by their defaults:
 * "Invalid setting(s), default used: Settings!B5: ...; Settings!B9: ...". '' when there are none.
 */
export function defaultsUsedWarning(issues: readonly SettingsIssue[]): string {
  if (issues.length === 0) return '';
  return `Invalid setting(s), default used: ${issues.map((i) => i.message).join('; ')}.`;
}

/** Joins run messages with a space, skipping empty ones. */
export function joinMessages(...parts: readonly string[]): string {
  return parts
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .join(' ');
}
