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
 * place are what `applyValidation` would set now (Set up / repair uses it to stay a no-op).
 */
import {
  FIELDS,
  LIST_TAB_NAMES,
  SHEETS,
  type FieldDef,
  type FieldKey,
  type ListKey,
  type Lists,
} from '../domain/schema';
import { activeValues } from '../domain/schema';
import { columnLetter, type ListValidationMode } from '../domain/settings';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The hidden helper tab that mirrors each Lists-tab list in its own column. */
export const VALIDATION_LISTS_SHEET = 'Validation lists';
/** Rows of the Lists tab the mirror covers (Set up / repair or a rerun extends it when needed). */
export const MIRROR_MIN_ROWS = 500;
/** Background of a value that is not in its list (warn mode). */
export const INVALID_BACKGROUND = '#fce8e6';
/** Marker in our highlight formulas, so reruns replace them and keep everyone else's rules. */
const MARKER = 'COUNTIF(INDIRECT(';

type MirrorKey = Exclude<ListKey, 'teams' | 'topics'>;
const MIRROR_KEYS = Object.keys(LIST_TAB_NAMES) as MirrorKey[];

export interface ValidationReport {
  mode: ListValidationMode;
  /** Standard header -> the A1 range of the rule and what it requires. */
  rules: Array<{ field: string; range: string; kind: string; source?: string }>;
  highlighted: number;
}

function quote(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The config range a list field is validated against, as "Tab!A2:A<n>". */
function sourceOf(
  list: ListKey,
  mirrorRows: number,
  listsMax: { teams: number; topics: number },
): { sheet: string; a1: string } {
  if (list === 'teams') return { sheet: SHEETS.teams, a1: `A2:A${listsMax.teams}` };
  if (list === 'topics') return { sheet: SHEETS.topics, a1: `A2:A${listsMax.topics}` };
  const c = columnLetter(MIRROR_KEYS.indexOf(list) + 1);
  return { sheet: VALIDATION_LISTS_SHEET, a1: `${c}2:${c}${mirrorRows}` };
}

/** Writes the mirror tab: one column per Lists-tab list, formulas over rows 2..rows of Lists. */
function writeMirror(ss: Spreadsheet, rows: number): void {
  const sheet = ss.getSheetByName(VALIDATION_LISTS_SHEET) ?? ss.insertSheet(VALIDATION_LISTS_SHEET);
  const block: string[][] = [MIRROR_KEYS.map((k) => LIST_TAB_NAMES[k])];
  for (let r = 2; r <= rows; r++) block.push(mirrorFormulas(r));
  if (sheet.getMaxColumns() > MIRROR_KEYS.length)
    sheet.deleteColumns(MIRROR_KEYS.length + 1, sheet.getMaxColumns() - MIRROR_KEYS.length);
  const need = rows - sheet.getMaxRows();
  if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need);
  sheet.getRange(1, 1, block.length, MIRROR_KEYS.length).setValues(block);
  if (!sheet.isSheetHidden()) sheet.hideSheet();
}

function helpFor(def: FieldDef, lists: Lists, mode: ListValidationMode): string {
  const values = activeValues(lists, def.list as ListKey);
  const shown =
    values.slice(0, 12).join(', ') + (values.length > 12 ? `, … (${values.length} in all)` : '');
  const tab = def.list === 'teams' ? 'Teams' : def.list === 'topics' ? 'Topics' : 'Lists';
  const rule =
    mode === 'strict' ? 'Only values of the list are accepted.' : 'Other values are highlighted.';
  return values.length === 0
    ? `${def.header}: add values on the ${tab} tab first. ${rule}`
    : `${def.header}: one of ${shown} (edit them on the ${tab} tab). ${rule}`;
}

/** One whole-column rule applyValidation sets, built but not written. */
interface PlannedRule {
  def: FieldDef;
  /** 0-based column. */
  col: number;
  a1: string;
  kind: string;
  source?: string;
  rule: GoogleAppsScript.Spreadsheet.DataValidation;
  /** Warn-mode highlight formula of a list column (undefined otherwise). */
  highlight?: string;
}

interface ValidationPlan {
  maxRows: number;
  mirrorRows: number;
  rules: PlannedRule[];
}

/** Rows of the mirror tab: the Lists tab's rows plus room to grow (at least MIRROR_MIN_ROWS). */
function mirrorRowsOf(ss: Spreadsheet): number {
  return Math.max(MIRROR_MIN_ROWS, (ss.getSheetByName(SHEETS.lists)?.getLastRow() ?? 0) + 100);
}

/** The formulas of one mirror row (row `r` of the Lists tab, one column per Lists-tab list). */
function mirrorFormulas(r: number): string[] {
  const lists = quote(SHEETS.lists);
  return MIRROR_KEYS.map(
    (k) =>
      `=IF(AND(${lists}!$A${r}="${LIST_TAB_NAMES[k]}",${lists}!$D${r}<>TRUE),${lists}!$B${r},"")`,
  );
}

/**
 * Builds every rule applyValidation sets, without writing anything (list rules whose source tab
 * is missing are left out, as applyValidation leaves them out).
 */
function planValidation(
  ss: Spreadsheet,
  sheet: Sheet,
  map: Record<FieldKey, number>,
  lists: Lists,
  mode: ListValidationMode,
  mirrorRows: number,
): ValidationPlan {
  const strict = mode === 'strict';
  const maxRows = sheet.getMaxRows();
  const configRows = {
    teams: Math.max(MIRROR_MIN_ROWS, ss.getSheetByName(SHEETS.teams)?.getMaxRows() ?? 0),
    topics: Math.max(MIRROR_MIN_ROWS, ss.getSheetByName(SHEETS.topics)?.getMaxRows() ?? 0),
  };
  const rules: PlannedRule[] = [];
  for (const def of FIELDS as readonly FieldDef[]) {
    const col = map[def.key];
    if (col === undefined) continue;
    const letter = columnLetter(col + 1);
    const a1 = `${letter}2:${letter}${maxRows}`;
    let builder = SpreadsheetApp.newDataValidation();
    let kind: string;
    let source: string | undefined;
    let highlight: string | undefined;
    switch (def.type) {
      case 'list': {
        const src = sourceOf(def.list as ListKey, mirrorRows, configRows);
        const target = ss.getSheetByName(src.sheet);
        if (!target) continue;
        builder = builder
          .requireValueInRange(target.getRange(src.a1), true)
          .setHelpText(helpFor(def, lists, mode));
        kind = 'list';
        source = `${src.sheet}!${src.a1}`;
        if (!strict)
          highlight = `=AND(${letter}2<>"",${MARKER}"${quote(src.sheet)}!${src.a1}"),${letter}2)=0)`;
        break;
      }
      case 'date':
      case 'datetime':
        builder = builder
          .requireDate()
          .setHelpText(
            `${def.header}: a date${def.type === 'datetime' ? ' and time' : ''}, e.g. 3/5/2024 14:30.`,
          );
        kind = 'date';
        break;
      case 'minutes':
        builder = builder
          .requireNumberGreaterThanOrEqualTo(0)
          .setHelpText(`${def.header}: minutes, a number 0 or more (e.g. 30 or 90).`);
        kind = 'number>=0';
        break;
      case 'checkbox':
        builder = builder
          .requireCheckbox()
          .setHelpText(`${def.header}: tick the box when it applies.`);
        kind = 'checkbox';
        break;
      case 'url':
        builder = builder.requireTextIsUrl().setHelpText(`${def.header}: a link (https://…).`);
        kind = 'url';
        break;
      default:
        continue;
    }
    const rule = builder.setAllowInvalid(!strict).build();
    rules.push({ def, col, a1, kind, rule, ...(source ? { source } : {}), highlight });
  }
  return { maxRows, mirrorRows, rules };
}

function isOurHighlight(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): boolean {
  const values = rule.getBooleanCondition()?.getCriteriaValues() ?? [];
  return values.some((v) => typeof v === 'string' && v.includes(MARKER));
}

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
  writeMirror(ss, mirrorRows);
  const plan = planValidation(ss, sheet, map, lists, mode, mirrorRows);
  const height = Math.max(1, plan.maxRows - 1);
  const report: ValidationReport = { mode, rules: [], highlighted: 0 };
  const highlights: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] = [];
  try {
    for (const p of plan.rules) {
      const range = sheet.getRange(2, p.col + 1, height, 1);
      range.setDataValidation(p.rule);
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

/** Whether the validation rules of the data tab are what applyValidation would set now. */
export interface ValidationStatus {
  current: boolean;
  /** Why not (empty when current). */
  reason: string;
}

/** A criteria value as comparable text (a Range as "Tab!A1:B2"). */
function criteriaKey(v: unknown): string {
  if (v && typeof v === 'object' && 'getA1Notation' in v && 'getSheet' in v) {
    const r = v as GoogleAppsScript.Spreadsheet.Range;
    return `${r.getSheet().getName()}!${r.getA1Notation()}`;
  }
  return String(v);
}

function sameRule(
  actual: GoogleAppsScript.Spreadsheet.DataValidation | null,
  planned: PlannedRule,
): boolean {
  if (!actual) return false;
  const wanted = planned.rule;
  if (String(actual.getCriteriaType()) !== String(wanted.getCriteriaType())) return false;
  if (actual.getAllowInvalid() !== wanted.getAllowInvalid()) return false;
  if ((actual.getHelpText() ?? '') !== (wanted.getHelpText() ?? '')) return false;
  const a = actual.getCriteriaValues().map(criteriaKey);
  // The planned source range is known as text: no need to ask the service for its name and A1.
  const w = wanted
    .getCriteriaValues()
    .map((v) => (planned.source && v && typeof v === 'object' ? planned.source : criteriaKey(v)));
  return a.length === w.length && a.every((x, i) => x === w[i]);
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

  const plan = planValidation(ss, sheet, map, lists, mode, mirrorRows);
  if (plan.maxRows < 2) return stale('the data tab has no row below the header');
  const width = Math.max(0, ...plan.rules.map((p) => p.col + 1));
  if (width > 0) {
    const first = sheet.getRange(2, 1, 1, width).getDataValidations()[0];
    const last = sheet.getRange(plan.maxRows, 1, 1, width).getDataValidations()[0];
    for (const p of plan.rules) {
      if (!sameRule(first[p.col], p) || !sameRule(last[p.col], p))
        return stale(`the rule of the '${p.def.header}' column is missing or out of date`);
    }
  }
  const height = plan.maxRows;
  const wanted = plan.rules
    .filter((p) => p.highlight)
    .map((p) => `${columnLetter(p.col + 1)}2:${columnLetter(p.col + 1)}${height}|${p.highlight}`)
    .sort();
  const actual = sheet
    .getConditionalFormatRules()
    .filter(isOurHighlight)
    .map(
      (r) =>
        `${r
          .getRanges()
          .map((x) => x.getA1Notation())
          .join(',')}|${String(r.getBooleanCondition()?.getCriteriaValues()[0])}`,
    )
    .sort();
  if (!same(actual, wanted)) return stale('the highlight rules are missing or out of date');
  return { current: true, reason: '' };
}
