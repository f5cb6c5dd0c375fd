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
 *      and which year Sheets gives it;
 *   5. a pivot table's manual grouping rule with a blank item: does it label blank cells "(blank)"
 *      (then the summary pivots label blanks; otherwise they leave blank values out and count
 *      them above the pivots, issue 12).
 */
import { requireAdmin } from './admin';
import { isDate } from '../domain/time';
import { BLANK_LABEL } from '../domain/kpi/definitions';
import type { PivotBlankItemFact } from '../domain/kpi/pivotBlanks';
import { replacePlatformFacts, type PlatformFacts } from './platformFacts';
import { appendRunLog } from './runLog';
import { alertIfInteractive, getSpreadsheet, withDocumentLock } from './sheets';

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
      // One 3x2 block serves probes 1, 2, 4 and 5: A2:B2 plain text ("'x", "=1+1"), B3 as the
      // sheet leaves it ("3/5"); as k/v columns it is also the pivot probe's source (key A3 blank).
      tab.getRange(2, 1, 1, 2).setNumberFormat('@');
      const cells = tab.getRange(1, 1, 3, 2);
      cells.setValues([
        ['k', 'v'],
        ["'x", '=1+1'],
        ['', '3/5'],
      ]);
      const read = cells.getValues() as unknown[][];
      const typed = read[2][1];
      tab.getRange(5, 2, 5, 1).insertCheckboxes();
      const last = tab.getLastRow();
      const facts: PlatformFacts = {
        apostrophe: read[1][0] === "'x" ? 'kept' : 'stripped',
        // Formula-like text that became a formula would read back as its result (2), not as text.
        formulaTextStaysText: read[1][1] === '=1+1',
        lastRowCountsCheckboxes: last > 3,
        pivotBlankItem: probePivotBlankItem(tab, cells),
        locale: ss.getSpreadsheetLocale(),
        at: Date.now(),
        source: 'checkPlatform',
      };
      if (isDate(typed)) {
        // Local midnight of March 5 or May 3 is within 14 hours of it in UTC, whatever the
        // spreadsheet's time zone (and no year boundary is near): no time-zone lookup needed.
        const utc = new Date(typed.getTime() + 12 * 3600000);
        const march = utc.getUTCMonth() === 2;
        facts.yearlessDate = march ? 'month-day' : 'day-month';
        facts.yearlessYear = utc.getUTCFullYear();
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
  // The probe's answers replace what was recorded (one property write, no read).
  const facts = replacePlatformFacts(locked.value);
  const lines = [
    `Apostrophe at the start of plain-text cells: ${facts.apostrophe === 'kept' ? 'kept as a character' : 'stripped'} (text is written to match).`,
    `Formula-like text in plain-text cells: ${facts.formulaTextStaysText ? 'stays text' : 'BECOMES A FORMULA'}.`,
    `Empty checkboxes ${facts.lastRowCountsCheckboxes ? 'count' : 'do not count'} as filled rows.`,
    `A date typed without a year ("3/5", locale ${facts.locale ?? '?'}): ${
      facts.yearlessDate === 'text'
        ? 'stays text'
        : `read as ${facts.yearlessDate === 'month-day' ? 'March 5' : '3 May'} ${facts.yearlessYear ?? ''}; normalization takes the year from neighbouring rows instead`
    }.`,
    `Pivot tables: blank cells ${
      facts.pivotBlankItem === 'grouped'
        ? `can be labelled ${BLANK_LABEL}, so the summary pivots label them`
        : `cannot be labelled ${BLANK_LABEL} here (${facts.pivotBlankItem === 'rejected' ? 'refused' : 'ignored'}), so the summary pivots leave them out and count them above the pivots`
    } (next refresh).`,
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

/**
 * Probe 5: a pivot over the k/v block (keys "x" and blank) with the manual grouping rule
 * "(blank)" <- [''] on k. 'grouped' only if its output shows the "(blank)" row with the blank key's
 * count; anything else (no such row, output not computed yet) is 'ignored': the safe reading.
 * Six calls: the anchor range (also read back), the pivot, its group, rule and value, one read.
 */
function probePivotBlankItem(
  tab: GoogleAppsScript.Spreadsheet.Sheet,
  source: GoogleAppsScript.Spreadsheet.Range,
): PivotBlankItemFact {
  try {
    const out = tab.getRange(1, 4, 5, 2);
    const pivot = out.createPivotTable(source);
    const group = pivot.addRowGroup(1);
    try {
      group.addManualGroupingRule(BLANK_LABEL, ['']);
    } catch {
      return 'rejected';
    }
    pivot.addPivotValue(2, SpreadsheetApp.PivotTableSummarizeFunction.COUNTA);
    const rows = out.getValues() as unknown[][];
    return rows.some((r) => r[0] === BLANK_LABEL && r[1] === 1) ? 'grouped' : 'ignored';
  } catch {
    return 'ignored';
  }
}
