// Data validation of the data tab: applyValidation sets the planned whole-column rules and, in
// warn mode, the highlights; the plan and the status check live beside it.
/**
 * Data validation of the data tab (issue #4): whole-column rules that keep the sheet standard.
 *
 * - List fields use `requireValueInRange` on the config tabs, so list edits flow through without
 *   reapplying anything: VFS team -> Teams!A2:A, Topic and Suggested topic -> Topics!A2:A, and the
 *   Lists-tab lists -> a column of the hidden "Validation lists" tab whose formulas mirror the Lists
 *   tab (one column per list: the active values of that list, blanks elsewhere).
 * - Dates, Time spent (number >= 0), checkboxes and URLs get their typed rules.
 * - Every rule has help text that names the allowed values.
 * - Settings "List validation mode": **warn** (default) allows other values and highlights them with
 *   a conditional-format rule; **strict** rejects them.
 *
 * Calls are constant: one setDataValidation per standard column, one write of the mirror tab, one
 * get/setConditionalFormatRules. Conditional formats cannot reference other tabs directly, so the
 * highlight formulas use INDIRECT.
 *
 * `validationStatus` tells, with a constant handful of reads and no write, whether the rules in
 * place are what `applyValidation` would set now (Set up / repair uses it to stay a no-op). The
 * plan both share is plain data (`RuleSpec`: criteria name, values as text, help text, allow
 * invalid, source tab/A1); DataValidation objects are built (`buildRule`) only when applying.
 */
import { type FieldKey, type Lists } from '../../domain/schema';
import { type ListValidationMode } from '../../domain/settings';
import type { ValidationReport } from '../../domain/normalize/report';
import {
  buildRule,
  INVALID_BACKGROUND,
  isOurHighlight,
  mirrorRowsOf,
  planValidation,
  writeMirror,
} from './plan';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Applies the whole-column validation rules (and, in warn mode, the highlight rules) to the data
 * tab. `map` is field -> 0-based column; `lists` gives the help texts. Every rule is built before
 * the first rule is set, so a failure while building changes nothing on the data tab (only the
 * hidden mirror tab may have been written); a failure while setting the rules throws an error that
 * says how many column rules were set (a rerun sets them all again).
 */
export function applyValidation(
  ss: Spreadsheet,
  sheet: Sheet,
  map: Record<FieldKey, number>,
  lists: Lists,
  mode: ListValidationMode,
): ValidationReport {
  const mirrorRows = mirrorRowsOf(ss);
  const mirror = writeMirror(ss, mirrorRows);
  const plan = planValidation(ss, sheet, map, lists, mode, mirrorRows, mirror);
  const built = plan.rules.map((p) => buildRule(p.spec, plan.sources));
  const height = Math.max(1, plan.maxRows - 1);
  const report: ValidationReport = { mode, rules: [], highlighted: 0 };
  const highlights: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] = [];
  try {
    for (const [i, p] of plan.rules.entries()) {
      const range = sheet.getRange(2, p.col + 1, height, 1);
      range.setDataValidation(built[i]);
      report.rules.push({
        field: p.def.header,
        range: p.a1,
        kind: p.kind,
        ...(p.source ? { source: p.source } : {}),
      });
      if (p.highlight) {
        highlights.push(
          SpreadsheetApp.newConditionalFormatRule()
            .whenFormulaSatisfied(p.highlight)
            .setBackground(INVALID_BACKGROUND)
            .setRanges([range])
            .build(),
        );
      }
    }
    const others = sheet.getConditionalFormatRules().filter((r) => !isOurHighlight(r));
    sheet.setConditionalFormatRules([...others, ...highlights]);
  } catch (e) {
    throw new Error(
      `${e instanceof Error ? e.message : String(e)} (${report.rules.length} of ${plan.rules.length} column rules were set${report.rules.length ? '; the highlight rules were not updated' : ''})`,
    );
  }
  report.highlighted = highlights.length;
  return report;
}

export { INVALID_BACKGROUND, MIRROR_MIN_ROWS, VALIDATION_LISTS_SHEET } from './plan';
export { validationStatus, type ValidationStatus } from './status';
