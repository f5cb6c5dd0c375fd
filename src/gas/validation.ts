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
  const lists = quote(SHEETS.lists);
  const block: string[][] = [MIRROR_KEYS.map((k) => LIST_TAB_NAMES[k])];
  for (let r = 2; r <= rows; r++) {
    block.push(
      MIRROR_KEYS.map(
        (k) =>
          `=IF(AND(${lists}!$A${r}="${LIST_TAB_NAMES[k]}",${lists}!$D${r}<>TRUE),${lists}!$B${r},"")`,
      ),
    );
  }
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

/**
 * Applies the whole-column validation rules (and, in warn mode, the highlight rules) to the data
 * tab. `map` is field -> 0-based column; `lists` gives the help texts.
 */
export function applyValidation(
  ss: Spreadsheet,
  sheet: Sheet,
  map: Record<FieldKey, number>,
  lists: Lists,
  mode: ListValidationMode,
): ValidationReport {
  const strict = mode === 'strict';
  const maxRows = sheet.getMaxRows();
  const height = Math.max(1, maxRows - 1);
  const listsRows = Math.max(
    MIRROR_MIN_ROWS,
    (ss.getSheetByName(SHEETS.lists)?.getLastRow() ?? 0) + 100,
  );
  const configRows = {
    teams: Math.max(MIRROR_MIN_ROWS, ss.getSheetByName(SHEETS.teams)?.getMaxRows() ?? 0),
    topics: Math.max(MIRROR_MIN_ROWS, ss.getSheetByName(SHEETS.topics)?.getMaxRows() ?? 0),
  };
  writeMirror(ss, listsRows);
  const report: ValidationReport = { mode, rules: [], highlighted: 0 };
  const highlights: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] = [];
  for (const def of FIELDS as readonly FieldDef[]) {
    const col = map[def.key];
    if (col === undefined) continue;
    const range = sheet.getRange(2, col + 1, height, 1);
    const letter = columnLetter(col + 1);
    const a1 = `${letter}2:${letter}${maxRows}`;
    let builder = SpreadsheetApp.newDataValidation();
    let kind: string;
    let source: string | undefined;
    switch (def.type) {
      case 'list': {
        const src = sourceOf(def.list as ListKey, listsRows, configRows);
        const target = ss.getSheetByName(src.sheet);
        if (!target) continue;
        builder = builder
          .requireValueInRange(target.getRange(src.a1), true)
          .setHelpText(helpFor(def, lists, mode));
        kind = 'list';
        source = `${src.sheet}!${src.a1}`;
        if (!strict) {
          const formula = `=AND(${letter}2<>"",${MARKER}"${quote(src.sheet)}!${src.a1}"),${letter}2)=0)`;
          highlights.push(
            SpreadsheetApp.newConditionalFormatRule()
              .whenFormulaSatisfied(formula)
              .setBackground(INVALID_BACKGROUND)
              .setRanges([range])
              .build(),
          );
        }
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
    range.setDataValidation(builder.setAllowInvalid(!strict).build());
    report.rules.push({ field: def.header, range: a1, kind, ...(source ? { source } : {}) });
  }
  const others = sheet.getConditionalFormatRules().filter((r) => {
    const values = r.getBooleanCondition()?.getCriteriaValues() ?? [];
    return !values.some((v) => typeof v === 'string' && v.includes(MARKER));
  });
  sheet.setConditionalFormatRules([...others, ...highlights]);
  report.highlighted = highlights.length;
  return report;
}
