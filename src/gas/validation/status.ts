// validationStatus: whether the rules in place are what applyValidation would set now, with a
// constant handful of reads and no write (Set up / repair stays a no-op when they are).
import { type FieldKey, type Lists } from '../../domain/schema';
import { columnLetter } from '../../domain/a1';
import { type ListValidationMode } from '../../domain/settings';
import {
  isOurCondition,
  MIRROR_KEYS,
  mirrorFormulas,
  mirrorRowsOf,
  NO_VALUES,
  planValidation,
  type RuleSpec,
  VALIDATION_LISTS_SHEET,
} from './plan';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Whether the validation rules of the data tab are what applyValidation would set now. */
export interface ValidationStatus {
  current: boolean;
  /** Why not (empty when current). */
  reason: string;
}

/** Sheet ids of the list rules' source tabs, each asked for once (by tab name). */
type SheetIds = Map<string, number>;

/**
 * Whether `actual` is the rule `spec` describes, with as few getter calls as possible: the cheap
 * scalars first (criteria type, allowInvalid), then the help text, then the criteria values only
 * when the criteria takes any. A source range is compared by its grid id (one call; the source
 * tab's id is asked for once per tab) and its A1 notation, not by building "Tab!A1" text.
 */
export function sameRule(
  actual: GoogleAppsScript.Spreadsheet.DataValidation | null,
  spec: RuleSpec,
  sources: Map<string, Sheet>,
  ids: SheetIds,
): boolean {
  if (!actual) return false;
  if (String(actual.getCriteriaType()) !== spec.criteria) return false;
  if (actual.getAllowInvalid() !== spec.allowInvalid) return false;
  if ((actual.getHelpText() ?? '') !== spec.helpText) return false;
  if (NO_VALUES.has(spec.criteria)) return true;
  const values = actual.getCriteriaValues();
  if (values.length !== spec.values.length) return false;
  return values.every((v, i) => {
    if (!spec.source || i !== 0) return String(v) === spec.values[i];
    if (!v || typeof v !== 'object' || !('getGridId' in v) || !('getA1Notation' in v)) return false;
    const range = v as GoogleAppsScript.Spreadsheet.Range;
    const target = sources.get(spec.source.sheet);
    if (!target) return false;
    let id = ids.get(spec.source.sheet);
    if (id === undefined) {
      id = target.getSheetId();
      ids.set(spec.source.sheet, id);
    }
    return range.getGridId() === id && range.getA1Notation() === spec.source.a1;
  });
}

/**
 * Checks, with a constant number of reads and no write, whether the data tab holds the rules
 * applyValidation would set now (same criteria, sources, help texts and warn/strict mode), on
 * the first and the last grid row of every validated column; whether the hidden mirror tab is in
 * place (first and last formula rows); and whether the warn-mode highlight rules are the expected
 * ones. Rules cover whole columns, so a rule present and current on both ends of a column was set
 * by applyValidation on that whole column (a user who removes rules from a part of a column in the
 * middle is not detected; Normalize existing rows reapplies everything).
 */
export function validationStatus(
  ss: Spreadsheet,
  sheet: Sheet,
  map: Record<FieldKey, number>,
  lists: Lists,
  mode: ListValidationMode,
): ValidationStatus {
  const stale = (reason: string): ValidationStatus => ({ current: false, reason });
  const mirror = ss.getSheetByName(VALIDATION_LISTS_SHEET);
  if (!mirror) return stale(`the '${VALIDATION_LISTS_SHEET}' tab is missing`);
  const mirrorRows = mirrorRowsOf(ss);
  if (
    !mirror.isSheetHidden() ||
    mirror.getMaxRows() < mirrorRows ||
    mirror.getMaxColumns() !== MIRROR_KEYS.length
  )
    return stale(`the '${VALIDATION_LISTS_SHEET}' tab is not in its expected shape`);
  const ends = mirror.getRange(2, 1, 1, MIRROR_KEYS.length).getFormulas()[0];
  const lastEnds = mirror.getRange(mirrorRows, 1, 1, MIRROR_KEYS.length).getFormulas()[0];
  // Formulas are compared without spaces and case: Sheets may re-render what was written.
  const canon = (f: string): string => f.replace(/\s+/g, '').toUpperCase();
  const same = (a: string[], b: string[]): boolean =>
    a.length === b.length && a.every((x, i) => canon(x) === canon(b[i]));
  if (!same(ends, mirrorFormulas(2)) || !same(lastEnds, mirrorFormulas(mirrorRows)))
    return stale(`the '${VALIDATION_LISTS_SHEET}' tab was edited`);

  const plan = planValidation(ss, sheet, map, lists, mode, mirrorRows, mirror);
  if (plan.maxRows < 2) return stale('the data tab has no row below the header');
  const width = Math.max(0, ...plan.rules.map((p) => p.col + 1));
  if (width > 0) {
    const first = sheet.getRange(2, 1, 1, width).getDataValidations()[0];
    const last = sheet.getRange(plan.maxRows, 1, 1, width).getDataValidations()[0];
    const ids: SheetIds = new Map();
    for (const p of plan.rules) {
      if (
        !sameRule(first[p.col], p.spec, plan.sources, ids) ||
        !sameRule(last[p.col], p.spec, plan.sources, ids)
      )
        return stale(`the rule of the '${p.def.header}' column is missing or out of date`);
    }
  }
  const height = plan.maxRows;
  const wanted = plan.rules
    .filter((p) => p.highlight)
    .map((p) => `${columnLetter(p.col + 1)}2:${columnLetter(p.col + 1)}${height}|${p.highlight}`)
    .sort();
  // Each rule's condition is read once: to tell ours from others', then to compare it.
  const actual: string[] = [];
  for (const r of sheet.getConditionalFormatRules()) {
    const values = r.getBooleanCondition()?.getCriteriaValues() ?? [];
    if (!isOurCondition(values)) continue;
    actual.push(
      `${r
        .getRanges()
        .map((x) => x.getA1Notation())
        .join(',')}|${String(values[0])}`,
    );
  }
  actual.sort();
  if (!same(actual, wanted)) return stale('the highlight rules are missing or out of date');
  return { current: true, reason: '' };
}
