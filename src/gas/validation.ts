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
import type { ValidationReport } from '../domain/normalize/report';
import { quoteSheet } from '../domain/a1';

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

/**
 * Writes the mirror tab: one column per Lists-tab list, formulas over rows 2..rows of Lists.
 * Returns the tab.
 */
function writeMirror(ss: Spreadsheet, rows: number): Sheet {
  const sheet = ss.getSheetByName(VALIDATION_LISTS_SHEET) ?? ss.insertSheet(VALIDATION_LISTS_SHEET);
  const block: string[][] = [MIRROR_KEYS.map((k) => LIST_TAB_NAMES[k])];
  for (let r = 2; r <= rows; r++) block.push(mirrorFormulas(r));
  if (sheet.getMaxColumns() > MIRROR_KEYS.length)
    sheet.deleteColumns(MIRROR_KEYS.length + 1, sheet.getMaxColumns() - MIRROR_KEYS.length);
  const need = rows - sheet.getMaxRows();
  if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need);
  sheet.getRange(1, 1, block.length, MIRROR_KEYS.length).setValues(block);
  if (!sheet.isSheetHidden()) sheet.hideSheet();
  return sheet;
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

/** The DataValidationCriteria (by name) of the rules applyValidation sets. */
type Criteria =
  | 'VALUE_IN_RANGE'
  | 'DATE_IS_VALID_DATE'
  | 'NUMBER_GREATER_THAN_OR_EQUAL_TO'
  | 'CHECKBOX'
  | 'TEXT_IS_VALID_URL';

/** Criteria that take no value (requireDate, requireTextIsUrl): nothing to compare but the type. */
const NO_VALUES: ReadonlySet<Criteria> = new Set<Criteria>([
  'DATE_IS_VALID_DATE',
  'TEXT_IS_VALID_URL',
]);

/**
 * A whole-column rule as plain data: what `buildRule` builds and what `sameRule` compares an
 * existing rule with, so checking the rules in place builds nothing.
 */
interface RuleSpec {
  /** The DataValidationCriteria name (an enum member stringifies to its name). */
  criteria: Criteria;
  /** The rule's getCriteriaValues() as text: a source range as "Tab!A2:A500", then 'true'. */
  values: string[];
  helpText: string;
  allowInvalid: boolean;
  /** VALUE_IN_RANGE: the source tab (by name) and the A1 range on it. */
  source?: { sheet: string; a1: string };
}

/** One whole-column rule applyValidation sets, as plain data (nothing built, nothing written). */
interface PlannedRule {
  def: FieldDef;
  /** 0-based column. */
  col: number;
  a1: string;
  kind: string;
  source?: string;
  spec: RuleSpec;
  /** Warn-mode highlight formula of a list column (undefined otherwise). */
  highlight?: string;
}

interface ValidationPlan {
  maxRows: number;
  mirrorRows: number;
  rules: PlannedRule[];
  /** The source tabs of the list rules, each looked up once (only tabs that exist). */
  sources: Map<string, Sheet>;
}

/** Rows of the mirror tab: the Lists tab's rows plus room to grow (at least MIRROR_MIN_ROWS). */
function mirrorRowsOf(ss: Spreadsheet): number {
  return Math.max(MIRROR_MIN_ROWS, (ss.getSheetByName(SHEETS.lists)?.getLastRow() ?? 0) + 100);
}

/** The formulas of one mirror row (row `r` of the Lists tab, one column per Lists-tab list). */
function mirrorFormulas(r: number): string[] {
  const lists = quoteSheet(SHEETS.lists);
  return MIRROR_KEYS.map(
    (k) =>
      `=IF(AND(${lists}!$A${r}="${LIST_TAB_NAMES[k]}",${lists}!$D${r}<>TRUE),${lists}!$B${r},"")`,
  );
}

/**
 * Plans every rule applyValidation sets, as plain data: no rule is built and nothing is written
 * (list rules whose source tab is missing are left out, as applyValidation leaves them out).
 * `mirror` is the hidden mirror tab when the caller already has it (saves a lookup).
 */
function planValidation(
  ss: Spreadsheet,
  sheet: Sheet,
  map: Record<FieldKey, number>,
  lists: Lists,
  mode: ListValidationMode,
  mirrorRows: number,
  mirror?: Sheet | null,
): ValidationPlan {
  const strict = mode === 'strict';
  const maxRows = sheet.getMaxRows();
  // Each source tab is looked up once, whatever the number of list columns on it.
  const looked = new Map<string, Sheet | null>();
  if (mirror !== undefined) looked.set(VALIDATION_LISTS_SHEET, mirror);
  const tab = (name: string): Sheet | null => {
    let s = looked.get(name);
    if (s === undefined) {
      s = ss.getSheetByName(name);
      looked.set(name, s);
    }
    return s;
  };
  const configRows = {
    teams: Math.max(MIRROR_MIN_ROWS, tab(SHEETS.teams)?.getMaxRows() ?? 0),
    topics: Math.max(MIRROR_MIN_ROWS, tab(SHEETS.topics)?.getMaxRows() ?? 0),
  };
  const sources = new Map<string, Sheet>();
  const rules: PlannedRule[] = [];
  for (const def of FIELDS as readonly FieldDef[]) {
    const col = map[def.key];
    if (col === undefined) continue;
    const letter = columnLetter(col + 1);
    const a1 = `${letter}2:${letter}${maxRows}`;
    let criteria: Criteria;
    let values: string[] = [];
    let helpText: string;
    let kind: string;
    let source: { sheet: string; a1: string } | undefined;
    let highlight: string | undefined;
    switch (def.type) {
      case 'list': {
        source = sourceOf(def.list as ListKey, mirrorRows, configRows);
        const target = tab(source.sheet);
        if (!target) continue;
        sources.set(source.sheet, target);
        criteria = 'VALUE_IN_RANGE';
        values = [`${source.sheet}!${source.a1}`, 'true'];
        helpText = helpFor(def, lists, mode);
        kind = 'list';
        if (!strict)
          highlight = `=AND(${letter}2<>"",${MARKER}"${quoteSheet(source.sheet)}!${source.a1}"),${letter}2)=0)`;
        break;
      }
      case 'date':
      case 'datetime':
        criteria = 'DATE_IS_VALID_DATE';
        helpText = `${def.header}: a date${def.type === 'datetime' ? ' and time' : ''}, e.g. 3/5/2024 14:30.`;
        kind = 'date';
        break;
      case 'minutes':
        criteria = 'NUMBER_GREATER_THAN_OR_EQUAL_TO';
        values = ['0'];
        helpText = `${def.header}: minutes, a number 0 or more (e.g. 30 or 90).`;
        kind = 'number>=0';
        break;
      case 'checkbox':
        criteria = 'CHECKBOX';
        helpText = `${def.header}: tick the box when it applies.`;
        kind = 'checkbox';
        break;
      case 'url':
        criteria = 'TEXT_IS_VALID_URL';
        helpText = `${def.header}: a link (https://…).`;
        kind = 'url';
        break;
      default:
        continue;
    }
    const spec: RuleSpec = {
      criteria,
      values,
      helpText,
      allowInvalid: !strict,
      ...(source ? { source } : {}),
    };
    rules.push({
      def,
      col,
      a1,
      kind,
      spec,
      ...(source ? { source: `${source.sheet}!${source.a1}` } : {}),
      highlight,
    });
  }
  return { maxRows, mirrorRows, rules, sources };
}

/** Builds the DataValidation of a planned rule (`sources`: the list rules' source tabs). */
function buildRule(
  spec: RuleSpec,
  sources: Map<string, Sheet>,
): GoogleAppsScript.Spreadsheet.DataValidation {
  let b = SpreadsheetApp.newDataValidation();
  switch (spec.criteria) {
    case 'VALUE_IN_RANGE': {
      const src = spec.source;
      const target = src && sources.get(src.sheet);
      if (!src || !target) throw new Error('a list rule has no source tab');
      b = b.requireValueInRange(target.getRange(src.a1), true);
      break;
    }
    case 'DATE_IS_VALID_DATE':
      b = b.requireDate();
      break;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      b = b.requireNumberGreaterThanOrEqualTo(Number(spec.values[0]));
      break;
    case 'CHECKBOX':
      b = b.requireCheckbox();
      break;
    case 'TEXT_IS_VALID_URL':
      b = b.requireTextIsUrl();
      break;
  }
  return b.setHelpText(spec.helpText).setAllowInvalid(spec.allowInvalid).build();
}

/** Whether the criteria values of a conditional-format condition are one of our highlights. */
function isOurCondition(values: unknown[]): boolean {
  return values.some((v) => typeof v === 'string' && v.includes(MARKER));
}

function isOurHighlight(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): boolean {
  return isOurCondition(rule.getBooleanCondition()?.getCriteriaValues() ?? []);
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
function sameRule(
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
