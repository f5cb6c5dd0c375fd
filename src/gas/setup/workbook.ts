// The setup of a workbook without lock or Ui: validates the mapping, then writes the data tab's
// headers, text formats, frozen and protected header row, config tabs, settings and validation.
import { FIELDS, SHEETS, type FieldKey } from '../../domain/schema';
import {
  planFromChoice,
  sureChoice,
  validateChoice,
  type MappingPlan,
  type DurationUnit,
  type MappingChoice,
  type MappingProposal,
} from '../../domain/mapping';
import { columnLetter } from '../../domain/a1';
import { type SettingsParse } from '../../domain/settings';
import { appendRows, readLists, readSheetValues, writeBlock } from '../sheets';
import { VALIDATION_LISTS_SHEET, applyValidation, validationStatus } from '../validation';
import { recordUnits } from '../mapping';
import { failed, reviewOf, type SetUpReport, summarize } from '../../domain/setupReport';
import {
  configTabs,
  createConfigTab,
  logRenames,
  missingAddedListValues,
  runs,
  settingsToWrite,
  TEXT_FORMAT,
  writeSettingsRows,
} from './configTabs';
import { proposeForWorkbook } from './dataTab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Description of the warning-only protection of the data tab's header row (how reruns find it). */
export const HEADER_PROTECTION_DESCRIPTION =
  'Support Tracker: standard headers (renaming breaks the add-on)';

/** Columns that get plain-text format: Request ID and the free-text and URL columns. */
export const TEXT_FIELDS: readonly FieldKey[] = FIELDS.filter(
  (f) => f.type === 'id' || f.type === 'text' || f.type === 'url',
).map((f) => f.key);

export interface SetUpOptions {
  /** A confirmed mapping (from the dialog or a caller): applied as given. */
  choice?: MappingChoice | null;
  /** A person is there to review: a proposal that is not all sure opens the dialog instead. */
  interactive?: boolean;
}

/**
 * The setup itself, without lock or Ui (for the workbench, the smoke run and tests). Validates
 * everything first; returns ok = false with errors and changes nothing when the sheet cannot be
 * adopted. Without options it applies the sure mappings only (headless).
 */
export function setUpWorkbook(ss: Spreadsheet, options: SetUpOptions = {}): SetUpReport {
  const read = proposeForWorkbook(ss);
  const { report, settingsSheet, settingsValues, settings, byName } = read;
  const listsSheet = byName.get(SHEETS.lists) ?? null;
  const choice = read.choice;
  const proposal = read.proposal;
  if (!choice || !proposal) return failed(report);
  const listAdds = listsSheet ? missingAddedListValues(readSheetValues(listsSheet)) : [];

  // --- The column mapping: confirmed, or the sure part of the proposal ---
  let chosen: MappingChoice;
  if (options.choice) {
    const given = validateChoice(options.choice, choice.header.length, choice.header);
    if (!given.ok) {
      report.errors.push(...given.errors.map((e) => `Tab '${choice.name}': ${e}`));
      return failed(report);
    }
    chosen = options.choice;
  } else if (options.interactive && !proposal.allSure) {
    report.ok = true;
    report.pendingReview = true;
    report.review = reviewOf(proposal, () => true);
    report.message = `Please review how the columns of '${choice.name}' map to the standard fields. Nothing was changed yet.`;
    return report;
  } else {
    chosen = sureChoice(proposal);
  }
  const validated = validateChoice(chosen, choice.header.length);
  if (!validated.ok) {
    report.errors.push(...validated.errors.map((e) => `Tab '${choice.name}': ${e}`));
    return failed(report);
  }
  // Headless: fields that a not-sure column probably holds are not appended (reported instead).
  const holdBack = new Set<FieldKey>();
  if (!options.choice) {
    const maybe = (c: MappingProposal['columns'][number]): string | null =>
      c.standard || c.confidence === 'sure' ? null : (c.field ?? c.candidate ?? null);
    for (const c of proposal.columns) {
      const f = maybe(c);
      if (f && !validated.columns.has(fieldKeyOf(f))) holdBack.add(fieldKeyOf(f));
    }
    report.review = reviewOf(proposal, (c) => maybe(c) !== null);
  }
  const planned = planFromChoice(choice.header, choice.lastColumn, validated.columns, holdBack);
  if (!planned.ok) {
    report.errors.push(...planned.errors.map((e) => `Tab '${choice.name}': ${e}`));
    return failed(report);
  }
  const plan = planned.plan;
  for (const [f, unit] of Object.entries(validated.units) as [FieldKey, DurationUnit][]) {
    const col = plan.columns[f];
    if (col !== undefined && unit !== 'minutes')
      report.units.push({ column: columnLetter(col), unit });
  }
  if (choice.sheet && choice.lastColumn > 0) {
    const merged = choice.sheet.getRange(1, 1, 1, choice.lastColumn).getMergedRanges();
    if (merged.length) {
      report.errors.push(
        `Tab '${choice.name}': the header row has merged cells (${merged.map((r) => r.getA1Notation()).join(', ')}). ` +
          'Unmerge them, then run Set up / repair sheet again.',
      );
      return failed(report);
    }
  }

  const missingTabs = configTabs(choice.name).filter((t) => !byName.has(t.name));
  // Sheets names are unique ignoring case: a "settings" tab would make insertSheet('Settings') fail
  // half-way, so it is caught here, before any write.
  const toCreate = [
    ...missingTabs.map((t) => t.name),
    ...(choice.sheet ? [] : [choice.name]),
    ...(byName.has(VALIDATION_LISTS_SHEET) ? [] : [VALIDATION_LISTS_SHEET]),
  ];
  for (const name of toCreate) {
    const clash = [...byName.keys()].find((n) => n.toLowerCase() === name.toLowerCase());
    if (clash) {
      report.errors.push(
        `The tab '${clash}' is in the way of the '${name}' tab Support Tracker needs (names are not case-sensitive). ` +
          `Rename it to '${name}' (or to something else), then run Set up / repair sheet again.`,
      );
    }
  }
  if (report.errors.length) return failed(report);
  const settingsRows = settingsSheet ? settingsToWrite(settings, choice.name) : null;

  // Data tab state checks (reads only).
  const width = choice.lastColumn + plan.appends.length;
  const format = choice.sheet
    ? textFormatPlan(choice.sheet, plan, width)
    : presentColumns(plan, TEXT_FIELDS);
  const needFreeze = !choice.sheet || choice.sheet.getFrozenRows() < 1;
  const needProtection = !choice.sheet || !hasHeaderProtection(choice.sheet);

  // --- Write phase ---
  for (const tab of missingTabs) {
    createConfigTab(ss, tab);
    report.tabsCreated.push(tab.name);
  }

  let sheet = choice.sheet;
  if (!sheet) {
    sheet = ss.insertSheet(choice.name, 0);
    report.tabsCreated.unshift(choice.name);
  }
  applyHeaderPlan(sheet, plan, width, report);

  const dataRows = sheet.getMaxRows();
  for (const [col, n] of runs(format))
    sheet.getRange(1, col, dataRows, n).setNumberFormat(TEXT_FORMAT);
  for (const col of format) {
    const field = (Object.keys(plan.columns) as FieldKey[]).find((k) => plan.columns[k] === col);
    report.textFormatted.push(
      field ? (FIELDS.find((f) => f.key === field)?.header ?? '') : columnLetter(col),
    );
  }
  if (needFreeze) {
    sheet.setFrozenRows(1);
    report.frozeHeader = true;
  }
  if (needProtection) {
    sheet
      .getRange(1, 1, 1, sheet.getMaxColumns())
      .protect()
      .setDescription(HEADER_PROTECTION_DESCRIPTION)
      .setWarningOnly(true);
    report.protectedHeader = true;
  }

  if (settingsSheet && settingsRows)
    writeSettingsRows(settingsSheet, settingsValues.length, settingsRows, report);
  if (listsSheet && listAdds.length) {
    appendRows(
      listsSheet,
      listAdds.map((a) => [a.list, a.value, '', false]),
    );
    report.listValuesAdded.push(...listAdds.map((a) => `${a.list}: ${a.value}`));
  }

  if (plan.renames.length) {
    const log = ss.getSheetByName(SHEETS.changeLog) as Sheet;
    logRenames(log, choice.name, plan);
  }

  if (report.units.length) {
    const units: Partial<Record<FieldKey, DurationUnit>> = {};
    for (const [f, u] of Object.entries(validated.units) as [FieldKey, DurationUnit][])
      if (u !== 'minutes') units[f] = u;
    recordUnits(units, report.dataTab);
  }

  // Headers and config tabs are in place: the validation rules can reference them.
  if (holdBack.size === 0) ensureValidation(ss, sheet, plan, settings, report);
  else
    report.warnings.push(
      `${report.review.length} column(s) need your review before data validation is applied: ` +
        report.review
          .map((r) => `${r.column} ("${r.header}") looks like ${r.field ?? 'your own column'}`)
          .join(', ') +
        '. Run Support > Set up / repair sheet from the menu to review them.',
    );

  report.ok = true;
  report.changed =
    report.tabsCreated.length > 0 ||
    report.renames.length > 0 ||
    report.appended.length > 0 ||
    report.settingsWritten.length > 0 ||
    report.listValuesAdded.length > 0 ||
    report.textFormatted.length > 0 ||
    report.frozeHeader ||
    report.protectedHeader ||
    report.validation === 'applied' ||
    report.validation === 'failed';
  report.message = summarize(report);
  return report;
}

/**
 * Applies the data validation rules when they are missing or out of date (see the module comment).
 * Never throws: a failure is recorded in the report.
 */
function ensureValidation(
  ss: Spreadsheet,
  sheet: Sheet,
  plan: MappingPlan,
  settings: SettingsParse,
  report: SetUpReport,
): void {
  let hadMirror = true;
  try {
    const map = {} as Record<FieldKey, number>;
    for (const k of Object.keys(plan.columns) as FieldKey[])
      map[k] = (plan.columns[k] as number) - 1;
    const lists = readLists(ss);
    const mode = settings.settings.listValidationMode;
    if (sheet.getMaxRows() < 2) {
      report.warnings.push(
        `The tab '${report.dataTab}' has no row below the header, so it has no data validation yet: ` +
          'add rows, then run Set up / repair sheet again.',
      );
      return;
    }
    const status = validationStatus(ss, sheet, map, lists, mode);
    if (status.current) {
      report.validation = 'current';
      return;
    }
    report.validationReason = status.reason;
    hadMirror = ss.getSheetByName(VALIDATION_LISTS_SHEET) !== null;
    const applied = applyValidation(ss, sheet, map, lists, mode);
    report.validation = 'applied';
    report.validatedColumns = applied.rules.map((r) => r.field);
  } catch (e) {
    report.validation = 'failed';
    report.validationError = e instanceof Error ? e.message : String(e);
  }
  if (!hadMirror && ss.getSheetByName(VALIDATION_LISTS_SHEET))
    report.tabsCreated.push(VALIDATION_LISTS_SHEET);
}

/** Text columns whose format is not plain text yet (checked on row 2, one getNumberFormats call). */
function textFormatPlan(sheet: Sheet, plan: MappingPlan, width: number): number[] {
  const cols = presentColumns(plan, TEXT_FIELDS);
  const existingWidth = Math.min(width, sheet.getMaxColumns());
  const probeRow = Math.min(2, sheet.getMaxRows());
  const formats =
    existingWidth > 0 ? sheet.getRange(probeRow, 1, 1, existingWidth).getNumberFormats()[0] : [];
  return cols.filter((c) => c > formats.length || formats[c - 1] !== TEXT_FORMAT);
}

function hasHeaderProtection(sheet: Sheet): boolean {
  return sheet
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .some((p) => p.getDescription() === HEADER_PROTECTION_DESCRIPTION);
}

/** The columns of the given fields that the plan holds. */
function presentColumns(plan: MappingPlan, fields: readonly FieldKey[]): number[] {
  return fields.map((k) => plan.columns[k]).filter((c): c is number => c !== undefined);
}

/** Fields of a proposal's columns (standard header -> key). */
function fieldKeyOf(header: string): FieldKey {
  return (FIELDS.find((f) => f.header === header) as { key: FieldKey }).key;
}

/** Renames and appends headers: one setValues per contiguous run of changed header cells. */
function applyHeaderPlan(
  sheet: Sheet,
  plan: MappingPlan,
  width: number,
  report: SetUpReport,
): void {
  const maxCols = sheet.getMaxColumns();
  if (width > maxCols) sheet.insertColumnsAfter(maxCols, width - maxCols);
  const cells = new Map<number, string>();
  for (const r of plan.renames) {
    cells.set(r.column, r.to);
    report.renames.push({ column: columnLetter(r.column), from: r.from, to: r.to });
  }
  for (const a of plan.appends) {
    cells.set(a.column, a.header);
    report.appended.push({ column: columnLetter(a.column), header: a.header });
  }
  for (const [col, n] of runs([...cells.keys()])) {
    writeBlock(sheet, 1, col, [Array.from({ length: n }, (_, i) => cells.get(col + i) as string)]);
  }
}
