/**
 * `checkPlatform()` (menu Support > Help > Check this sheet), issue 10: probes how THIS spreadsheet
 * behaves where the product's safety depends on it, records the answers in Document properties
 * (platformFacts.ts, read by the literal-text write policy) and the Run log, and shows a short
 * report. It works in a temporary hidden tab that it always deletes; it is idempotent (a leftover
 * probe tab from a killed run is removed first) and makes at most 30 service calls.
 *
 * Probes:
 *   1. a leading apostrophe written into a plain-text cell: kept as a character, or stripped;
 *   2. formula-like text written into a plain-text cell: stays text (never a formula);
 *   3. getLastRow with a column of empty checkboxes: counts those rows or not;
 *   4. a year-less date typed as text ("3/5") in this spreadsheet's locale: month/day or day/month,
 *      and which year Sheets gives it.
 */
import { requireAdmin } from './admin';
import { isDate, zonedParts } from '../domain/time';
import { recordPlatformFacts, type PlatformFacts } from './platformFacts';
import { appendRunLog } from './runLog';
import { alertIfInteractive, getSpreadsheet, getTimeZone, withDocumentLock } from './sheets';

/** Name of the temporary probe tab. */
export const PROBE_TAB = 'Support Tracker check (temporary)';

export interface PlatformReport {
  ok: boolean;
  message: string;
  facts: PlatformFacts;
}

/** Public global: probes the platform and records what it found. */
export function checkPlatform(): PlatformReport {
  // It creates and deletes a tab and records facts the write policy trusts: admins only.
  requireAdmin('check this sheet');
  const ss = getSpreadsheet();
  const tz = getTimeZone(ss);
  const locked = withDocumentLock(30000, (): PlatformFacts => {
    // A tab left by a killed probe is replaced (insertSheet refuses a duplicate name): the
    // common case costs no lookup.
    let tab: GoogleAppsScript.Spreadsheet.Sheet;
    try {
      tab = ss.insertSheet(PROBE_TAB);
    } catch {
      const leftover = ss.getSheetByName(PROBE_TAB);
      if (leftover) ss.deleteSheet(leftover);
      tab = ss.insertSheet(PROBE_TAB);
    }
    try {
      tab.hideSheet();
      // A1:A2 plain text, A3 as the sheet leaves it: one write and one read for all three probes.
      tab.getRange(1, 1, 2, 1).setNumberFormat('@');
      const cells = tab.getRange(1, 1, 3, 1);
      cells.setValues([["'x"], ['=1+1'], ['3/5']]);
      const read = cells.getValues() as unknown[][];
      const plain = read.slice(0, 2);
      // Formula-like text that became a formula would read back as its result (2), not as text.
      const plainFormulas = [[''], [plain[1][0] === '=1+1' ? '' : '=1+1']];
      const typed = read[2][0];
      tab.getRange(5, 2, 5, 1).insertCheckboxes();
      const last = tab.getLastRow();
      const facts: PlatformFacts = {
        apostrophe: plain[0][0] === "'x" ? 'kept' : 'stripped',
        formulaTextStaysText: plainFormulas[1][0] === '' && plain[1][0] === '=1+1',
        lastRowCountsCheckboxes: last > 3,
        locale: ss.getSpreadsheetLocale(),
        at: Date.now(),
        source: 'checkPlatform',
      };
      if (isDate(typed)) {
        const p = zonedParts(typed, tz);
        facts.yearlessDate = p.month === 3 && p.day === 5 ? 'month-day' : 'day-month';
        facts.yearlessYear = p.year;
      } else facts.yearlessDate = 'text';
      return facts;
    } finally {
      ss.deleteSheet(tab);
    }
  });
  if (!locked.ok) {
    const message = `${locked.message} Nothing was checked or recorded.`;
    alertIfInteractive('Check this sheet', message);
    return { ok: false, message, facts: {} };
  }
  const facts = recordPlatformFacts(locked.value);
  const lines = [
    `Apostrophe at the start of plain-text cells: ${facts.apostrophe === 'kept' ? 'kept as a character' : 'stripped'} (text is written to match).`,
    `Formula-like text in plain-text cells: ${facts.formulaTextStaysText ? 'stays text' : 'BECOMES A FORMULA'}.`,
    `Empty checkboxes ${facts.lastRowCountsCheckboxes ? 'count' : 'do not count'} as filled rows.`,
    `A date typed without a year ("3/5", locale ${facts.locale ?? '?'}): ${
      facts.yearlessDate === 'text'
        ? 'stays text'
        : `read as ${facts.yearlessDate === 'month-day' ? 'March 5' : '3 May'} ${facts.yearlessYear ?? ''}; normalization takes the year from neighbouring rows instead`
    }.`,
  ];
  const message = `Checked and recorded. ${lines.join(' ')}`;
  try {
    appendRunLog(ss, {
      start: new Date(),
      fn: 'checkPlatform',
      durationSeconds: 0,
      rows: '',
      outcome: 'OK',
      error: message,
    });
  } catch {
    // Recorded in Document properties either way.
  }
  alertIfInteractive('Check this sheet', lines.join('\n'));
  return { ok: true, message, facts };
}
