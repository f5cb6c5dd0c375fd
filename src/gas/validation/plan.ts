// The validation plan as plain data (criteria, values as text, help text, source tab), the hidden
// "Validation lists" mirror tab, and building a DataValidation from a planned rule.
import {
  FIELDS,
  LIST_TAB_NAMES,
  SHEETS,
  type FieldDef,
  type FieldKey,
  type ListKey,
  type Lists,
} from '../../domain/schema';
import { activeValues } from '../../domain/schema';
import { columnLetter } from '../../domain/a1';
import { type ListValidationMode } from '../../domain/settings';
import { quoteSheet } from '../../domain/a1';

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

export const MIRROR_KEYS = Object.keys(LIST_TAB_NAMES) as MirrorKey[];

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
export function writeMirror(ss: Spreadsheet, rows: number): Sheet {
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
export const NO_VALUES: ReadonlySet<Criteria> = new Set<Criteria>([
  'DATE_IS_VALID_DATE',
  'TEXT_IS_VALID_URL',
]);

/**
 * A whole-column rule as plain data: what `buildRule` builds and what `sameRule` compares an
 * existing rule with, so checking the rules in place builds nothing.
 */
export interface RuleSpec {
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
export function mirrorRowsOf(ss: Spreadsheet): number {
  return Math.max(MIRROR_MIN_ROWS, (ss.getSheetByName(SHEETS.lists)?.getLastRow() ?? 0) + 100);
}

/** The formulas of one mirror row (row `r` of the Lists tab, one column per Lists-tab list). */
export function mirrorFormulas(r: number): string[] {
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
export function planValidation(
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
export function buildRule(
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
export function isOurCondition(values: unknown[]): boolean {
  return values.some((v) => typeof v === 'string' && v.includes(MARKER));
}

export function isOurHighlight(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): boolean {
  return isOurCondition(rule.getBooleanCondition()?.getCriteriaValues() ?? []);
}
