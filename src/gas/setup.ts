/**
 * `setUpSheet()`: adopts the team's existing support sheet (issue #2).
 *
 * 1. Finds the data tab: the one recorded in Settings ("Data tab"), else `Requests`, else the tab
 *    whose header row best matches the standard headers and their synonyms (the choice is recorded
 *    in Settings). A workbook with no content at all gets a new `Requests` tab.
 * 2. Renames recognised headers to the standard names and appends missing standard columns to the
 *    right. Extra user columns and their data are untouched. Renames go to the Change log (rule
 *    `setup:header-rename`, Row 1, Field = the standard header, Original value = the old header), so
 *    an undo can restore them.
 * 3. Creates any missing config tab (Teams, Topics, Lists, Settings, Aliases, Change log, Run log)
 *    with its defaults, and appends any setting missing from an existing Settings tab.
 * 4. Sets plain-text format on the text columns and Request ID, freezes the header row and protects
 *    it with a warning-only protection.
 * 5. Makes sure the whole-column data validation rules of issue #4 are in place (`applyValidation`,
 *    the same rules, warn/strict mode and hidden "Validation lists" mirror as a normalization run),
 *    so rows typed by hand get dropdowns and highlights right away. It first checks the rules that
 *    are there (`validationStatus`: two getDataValidations probes of the data tab, a few reads of
 *    the mirror and config tabs) and applies them only when they are missing or out of date. A
 *    failure there is reported; the rest of the setup stays done and a rerun retries.
 *
 * Everything is validated before the first write: a sheet it cannot adopt gets a clear message and
 * no change. Every step checks before it writes, so a rerun writes zero cells and makes no
 * structural change. Only the header row of any tab is read: service calls do not grow with rows.
 */
import { appendRunLog } from './runLog';
import {
  ALIASES_HEADERS,
  CHANGE_LOG_HEADERS,
  DATA_SHEET,
  FIELDS,
  RUN_LOG_HEADERS,
  SETTINGS_HEADERS,
  SHEETS,
  type FieldKey,
} from '../domain/schema';
import { MIN_ADOPT_SCORE } from '../domain/headers';
import {
  adoptionScore,
  planFromChoice,
  SAMPLE_ROWS,
  proposeMapping,
  recognisedHeaders,
  sureChoice,
  validateChoice,
  type MappingPlan,
  type DurationUnit,
  type MappingChoice,
  type MappingProposal,
} from '../domain/mapping';
import {
  defaultLists,
  defaultListsValues,
  defaultTeamsValues,
  defaultTopicsValues,
} from '../domain/lists';
import {
  SETTING_DEFS,
  columnLetter,
  defaultSettingsValues,
  parseSettings,
  type SettingKey,
  type SettingsParse,
} from '../domain/settings';
import { toLiteralCell } from '../domain/literal';
import { quoteSheet } from '../domain/a1';
import {
  appendRows,
  alertIfInteractive,
  readLists,
  readSheetValues,
  tryGetUi,
  withDocumentLock,
  writeBlock,
} from './sheets';
import { readAdmins, requireAdminOrFirstSetup } from './admin';
import { applyAdminProtections } from './protection';
import { VALIDATION_LISTS_SHEET, applyValidation, validationStatus } from './validation';
import { recordUnits, showMappingDialog } from './mapping';
import { formOptionsChanged } from './formCache';
import { afterSetUp } from './triggers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Description of the warning-only protection of the data tab's header row (how reruns find it). */
export const HEADER_PROTECTION_DESCRIPTION =
  'Support Tracker: standard headers (renaming breaks the add-on)';
/** Change log Rule of a header rename made by setUpSheet. */
export const HEADER_RENAME_RULE = 'setup:header-rename';
/** Columns that get plain-text format: Request ID and the free-text and URL columns. */
export const TEXT_FIELDS: readonly FieldKey[] = FIELDS.filter(
  (f) => f.type === 'id' || f.type === 'text' || f.type === 'url',
).map((f) => f.key);
/** Plain-text number format. */
export const TEXT_FORMAT = '@';
/** Recognised headers that make the only non-empty tab the data tab (issue 9: never refuse it). */
const MIN_SINGLE_TAB_SCORE = 2;
/** How long setUpSheet waits for the document lock. */
const LOCK_MS = 20000;

export interface SetUpReport {
  ok: boolean;
  /** One-paragraph summary, shown in the alert. */
  message: string;
  /** Name of the data tab used ('' when none could be adopted). */
  dataTab: string;
  /** How the data tab was chosen. */
  dataTabChoice: 'recorded' | 'named' | 'best-match' | 'created' | 'none';
  renames: { column: string; from: string; to: string }[];
  /** Standard headers appended, with their column letters. */
  appended: { column: string; header: string }[];
  /** Config tabs created. */
  tabsCreated: string[];
  /** Settings rows added or updated (labels). */
  settingsWritten: string[];
  /** List values added to an existing Lists tab by a newer version, e.g. "Channel: Self-service". */
  listValuesAdded: string[];
  /** Headers of columns that were given plain-text format. */
  textFormatted: string[];
  frozeHeader: boolean;
  protectedHeader: boolean;
  /**
   * Data validation of the data tab: 'current' (already in place, nothing written), 'applied'
   * (missing or out of date: applied now), 'failed' (see validationError), 'none' (not reached).
   */
  validation: 'none' | 'current' | 'applied' | 'failed';
  /** Why the rules were (re)applied, e.g. "the rule of the 'Topic' column is missing or out of date". */
  validationReason: string;
  /** Standard headers of the columns that got a rule (when applied). */
  validatedColumns: string[];
  /** The error when validation = 'failed'. */
  validationError: string;
  /** True when anything was written or changed. */
  changed: boolean;
  /** Problems that blocked the setup (ok = false). */
  errors: string[];
  /** Non-blocking findings (e.g. invalid settings, to fix by hand). */
  warnings: string[];
  /**
   * Columns not mapped because their mapping is not sure (headless runs) or left for the user to
   * review, with the proposed field: nothing is appended for those fields.
   */
  review: {
    column: string;
    header: string;
    field: string | null;
    confidence: string;
    reasons: string[];
  }[];
  /** True when the mapping dialog was opened instead of changing anything (menu run). */
  pendingReview: boolean;
  /** Units recorded for duration columns (converted to minutes by normalization). */
  units: { column: string; unit: DurationUnit }[];
}

/** The config tabs setUpSheet creates when missing, with their default contents. */
function configTabs(
  dataTab: string,
): { name: string; values: () => unknown[][]; textCols: number[]; checkboxCol?: number }[] {
  return [
    { name: SHEETS.teams, values: defaultTeamsValues, textCols: [1, 2] },
    {
      name: SHEETS.topics,
      values: defaultTopicsValues,
      textCols: [1, 2, 3, 4, 5, 6],
      checkboxCol: 7,
    },
    { name: SHEETS.lists, values: defaultListsValues, textCols: [1, 2, 3], checkboxCol: 4 },
    {
      name: SHEETS.settings,
      values: () => defaultSettingsValues({ dataTab }),
      textCols: [1, 2, 3],
    },
    { name: SHEETS.aliases, values: () => [[...ALIASES_HEADERS]], textCols: [1, 2, 3, 4] },
    { name: SHEETS.changeLog, values: () => [[...CHANGE_LOG_HEADERS]], textCols: [1, 3, 6, 7] },
    { name: SHEETS.runLog, values: () => [[...RUN_LOG_HEADERS]], textCols: [2, 5, 6] },
  ];
}

/** Tabs that are never candidates for the data tab (config, generated and helper tabs). */
const RESERVED = new Set<string>([
  ...Object.values(SHEETS).filter((n) => n !== DATA_SHEET),
  VALIDATION_LISTS_SHEET,
]);

function emptyReport(): SetUpReport {
  return {
    ok: false,
    message: '',
    dataTab: '',
    dataTabChoice: 'none',
    renames: [],
    appended: [],
    tabsCreated: [],
    settingsWritten: [],
    listValuesAdded: [],
    textFormatted: [],
    frozeHeader: false,
    protectedHeader: false,
    validation: 'none',
    validationReason: '',
    validatedColumns: [],
    validationError: '',
    changed: false,
    errors: [],
    warnings: [],
    review: [],
    pendingReview: false,
    units: [],
  };
}

interface DataChoice {
  sheet: Sheet | null;
  name: string;
  header: unknown[];
  /** Data rows 2..501 read with the header (the mapping sample). */
  sample: unknown[][];
  lastColumn: number;
  choice: SetUpReport['dataTabChoice'];
}

/**
 * Public global (menu "Set up / repair sheet"). Runs under the document lock.
 *
 * - `setUpSheet()` from the menu: proposes a column mapping (proposeHeaderMapping). When every
 *   column is standard or *sure* it sets up at once; otherwise it opens the mapping dialog and
 *   changes nothing (the dialog calls `setUpSheet(mapping)` on Confirm).
 * - `setUpSheet(mapping)`: applies a confirmed mapping `{columns: [{index, field}]}` (field = a
 *   standard header or null for "leave as my own column"); returns the report without an alert.
 * - Without a Ui (triggers, editor): applies the *sure* mappings only; the rest is reported in
 *   `review` and their fields are not appended.
 *
 * When run from the menu it shows the outcome in an alert; without a Ui a failure throws so that
 * the execution log shows it. Returns the report either way when it does not throw.
 */
export function setUpSheet(mapping?: MappingChoice | null): SetUpReport {
  requireAdminOrFirstSetup('set up or repair the sheet');
  const arg = mapping as unknown;
  const confirmed =
    typeof arg === 'object' && arg !== null && Array.isArray((arg as MappingChoice).columns);
  // A trigger passes its event object: a headless run (sure mappings only).
  const fromTrigger =
    !confirmed &&
    typeof arg === 'object' &&
    arg !== null &&
    ('triggerUid' in arg || 'authMode' in arg);
  if (!confirmed && typeof arg === 'object' && arg !== null && !fromTrigger) {
    throw new Error('setUpSheet(mapping): the mapping must be {columns: [{index, field}]}.');
  }
  const ui = confirmed || fromTrigger ? null : tryGetUi();
  const started = new Date();
  const locked = withDocumentLock(LOCK_MS, () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const done = setUpWorkbook(ss, {
      choice: confirmed ? mapping : null,
      interactive: ui !== null,
    });
    if (done.ok && !done.pendingReview)
      applyAdminProtections(ss, readAdmins(), ss.getSheetByName(done.dataTab));
    // Issue 13: remember the spreadsheet (the add-on's time trigger has none) and migrate
    // legacy triggers to the scheduler. Never fails the setup (nor runs before the review).
    const migrated = done.ok && !done.pendingReview ? afterSetUp(ss) : '';
    if (migrated) done.message = `${done.message} ${migrated}`;
    return done;
  });
  if (locked.ok && !locked.value.pendingReview) formOptionsChanged();
  if (locked.ok && locked.value.changed) logSetUp(started, locked.value);
  const report = locked.ok
    ? locked.value
    : {
        ...emptyReport(),
        message: `Nothing was changed. ${locked.message}`,
        errors: [locked.message],
      };
  if (report.pendingReview) {
    showMappingDialog();
    return report;
  }
  if (confirmed || fromTrigger) {
    if (!report.ok) throw new Error(report.message);
    return report;
  }
  const shown = alertIfInteractive(
    !report.ok
      ? 'Support Tracker cannot set up this sheet'
      : report.validation === 'failed'
        ? 'Support Tracker is set up, but without data validation'
        : 'Support Tracker is set up',
    report.message,
  );
  if (!shown && !report.ok) throw new Error(report.message);
  return report;
}

/**
 * One Run log row for a setup that changed the sheet (issue 10: setup, normalize and undo all
 * leave a record). A rerun that finds everything in place writes nothing at all, not even this
 * row (issue 2: a repair of a current sheet is a zero-write no-op), and a refused setup changes
 * nothing. Never fails the setup.
 */
function logSetUp(started: Date, report: SetUpReport): void {
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const what = [
      report.renames.length ? `${report.renames.length} header(s) renamed` : '',
      report.appended.length ? `${report.appended.length} column(s) added` : '',
      report.tabsCreated.length ? `tabs created: ${report.tabsCreated.join(', ')}` : '',
    ].filter(Boolean);
    appendRunLog(ss, {
      start: started,
      fn: 'setUpSheet',
      durationSeconds: Math.round((Date.now() - started.getTime()) / 10) / 100,
      rows: '',
      outcome: report.ok ? 'OK' : 'Not set up',
      error: `Data tab '${report.dataTab}'${what.length ? `: ${what.join('; ')}` : ''}.`,
    });
  } catch {
    // The setup itself stands; the Run log is best effort here.
  }
}

export interface SetUpOptions {
  /** A confirmed mapping (from the dialog or a caller): applied as given. */
  choice?: MappingChoice | null;
  /** A person is there to review: a proposal that is not all sure opens the dialog instead. */
  interactive?: boolean;
}

/** What setUpWorkbook decided about the columns (for proposeHeaderMapping too). */
export interface DataTabProposal {
  report: SetUpReport;
  choice: DataChoice | null;
  proposal: MappingProposal | null;
}

/**
 * The data tab and the column-mapping proposal, reading only the header row and a sample of at
 * most 500 data rows (service calls do not grow with rows).
 */
export function proposeForWorkbook(ss: Spreadsheet): DataTabProposal & {
  settingsSheet: Sheet | null;
  settingsValues: unknown[][];
  settings: SettingsParse;
  byName: Map<string, Sheet>;
  timeZone: string;
} {
  const report = emptyReport();
  const timeZone = ss.getSpreadsheetTimeZone();
  const sheets = ss.getSheets();
  const byName = new Map<string, Sheet>();
  for (const s of sheets) byName.set(s.getName(), s);
  const settingsSheet = byName.get(SHEETS.settings) ?? null;
  const settingsValues = settingsSheet ? readSheetValues(settingsSheet) : [];
  const settings = parseSettings(settingsValues, { timeZone, sheetName: SHEETS.settings });
  report.warnings.push(
    ...settings.errors.map((e) => e.message),
    ...settings.warnings.map((w) => w.message),
  );
  const base = { report, settingsSheet, settingsValues, settings, byName, timeZone };
  const choice = chooseDataTab(byName, settings, report);
  if (!choice) return { ...base, choice: null, proposal: null };
  report.dataTab = choice.name;
  report.dataTabChoice = choice.choice;
  if (choice.header.some((h) => String(h).trim() !== '') && adoptionScore(choice.header) === 0) {
    // Appending the standard columns beside unrelated headers (or a data row) would be a mess.
    report.errors.push(
      `Row 1 of the tab '${choice.name}' names none of the standard columns (such as Requested at, ` +
        'VFS team, Topic, Summary). Put the header row in row 1, or rename the tab, then run Set up / repair sheet again.',
    );
    return { ...base, choice: null, proposal: null };
  }
  // An adopted tab (every standard header in place) needs no content evidence.
  const adopted = FIELDS.every((f) => choice.header.some((h) => h === f.header));
  const rows = adopted ? [] : choice.sample;
  const proposal = proposeMapping({
    header: choice.header,
    rows,
    lists: configLists(ss, byName),
    timeZone,
    now: new Date(),
  });
  return { ...base, choice, proposal };
}

/** The lists for content evidence: the config tabs when they exist (defaults otherwise). */
function configLists(ss: Spreadsheet, byName: Map<string, Sheet>): ReturnType<typeof readLists> {
  if (![SHEETS.teams, SHEETS.topics, SHEETS.lists].some((n) => byName.has(n)))
    return defaultLists();
  return readLists(ss);
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
  if (!choice || !proposal) return fail(report);
  const listAdds = listsSheet ? missingAddedListValues(readSheetValues(listsSheet)) : [];

  // --- The column mapping: confirmed, or the sure part of the proposal ---
  let chosen: MappingChoice;
  if (options.choice) {
    const given = validateChoice(options.choice, choice.header.length, choice.header);
    if (!given.ok) {
      report.errors.push(...given.errors.map((e) => `Tab '${choice.name}': ${e}`));
      return fail(report);
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
    return fail(report);
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
    return fail(report);
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
      return fail(report);
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
  if (report.errors.length) return fail(report);
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

function fail(report: SetUpReport): SetUpReport {
  report.ok = false;
  report.message = `Nothing was changed. ${report.errors.join(' ')}`;
  return report;
}

/**
 * Row 1 and at most 500 data rows of a tab in ONE getValues (the mapping sample); an empty tab
 * costs one call.
 */
function readTop(sheet: Sheet): { header: unknown[]; sample: unknown[][] } {
  const lastColumn = sheet.getLastColumn();
  if (lastColumn < 1) return { header: [], sample: [] };
  const rows = Math.min(SAMPLE_ROWS + 1, Math.max(1, sheet.getLastRow()));
  const values = sheet.getRange(1, 1, rows, lastColumn).getValues() as unknown[][];
  return { header: values[0], sample: values.slice(1) };
}

/** Picks the data tab (see the module comment). Returns null with report.errors set when none fits. */
function chooseDataTab(
  byName: Map<string, Sheet>,
  settings: SettingsParse,
  report: SetUpReport,
): DataChoice | null {
  const recorded = settings.rows.dataTab !== undefined ? settings.settings.dataTab : '';
  const pick = (name: string, choice: DataChoice['choice']): DataChoice => {
    const sheet = byName.get(name) as Sheet;
    const { header, sample } = readTop(sheet);
    return { sheet, name, header, sample, lastColumn: header.length, choice };
  };
  if (recorded && byName.has(recorded))
    return pick(recorded, recorded === DATA_SHEET ? 'named' : 'recorded');
  if (recorded && recorded !== DATA_SHEET) {
    report.warnings.push(
      `Settings names the data tab '${recorded}', which does not exist; looking for another.`,
    );
  }
  if (byName.has(DATA_SHEET)) return pick(DATA_SHEET, 'named');

  const scored: {
    name: string;
    sheet: Sheet;
    header: unknown[];
    sample: unknown[][];
    score: number;
  }[] = [];
  for (const [name, sheet] of byName) {
    if (RESERVED.has(name)) continue;
    const { header, sample } = readTop(sheet);
    scored.push({ name, sheet, header, sample, score: adoptionScore(header) });
  }
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0];
  // The only tab with content needs fewer recognised headers: its content decides the rest.
  const withContent = scored.filter((x) => x.header.length > 0);
  const min = withContent.length === 1 ? MIN_SINGLE_TAB_SCORE : MIN_ADOPT_SCORE;
  if (best && best.score >= min) {
    const tie = scored.filter((s) => s.score === best.score);
    if (tie.length > 1) {
      report.errors.push(
        `The tabs ${tie.map((s) => `'${s.name}'`).join(' and ')} match the standard headers equally well ` +
          `(${best.score} columns each). Rename your support tab to '${DATA_SHEET}', then run Set up / repair sheet again.`,
      );
      return null;
    }
    return {
      sheet: best.sheet,
      name: best.name,
      header: best.header,
      sample: best.sample,
      lastColumn: best.header.length,
      choice: 'best-match',
    };
  }
  if (scored.every((s) => s.header.length === 0 && s.sheet.getLastRow() === 0)) {
    // A workbook with no content at all: start a fresh data tab.
    return {
      sheet: null,
      name: DATA_SHEET,
      header: [],
      sample: [],
      lastColumn: 0,
      choice: 'created',
    };
  }
  const detail = best
    ? `The closest, '${best.name}', has ${best.score} recognised column(s)` +
      (best.score
        ? ` (${recognisedHeaders(best.header)
            .map((r) => `"${r.header}"`)
            .join(', ')})`
        : '') +
      `; at least ${scored.filter((x) => x.header.length > 0).length === 1 ? MIN_SINGLE_TAB_SCORE : MIN_ADOPT_SCORE} are needed.`
    : '';
  report.errors.push(
    `No tab looks like a support log. ${detail} Name your support tab '${DATA_SHEET}', or give its header row ` +
      'names such as Requested at, VFS team, Topic and Summary, then run Set up / repair sheet again.',
  );
  return null;
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

/** Creates one config tab with its defaults (text columns plain text, Disabled as checkboxes). */
function createConfigTab(ss: Spreadsheet, tab: ReturnType<typeof configTabs>[number]): Sheet {
  const sheet = ss.insertSheet(tab.name);
  const values = tab.values();
  const width = values[0].length;
  const maxRows = sheet.getMaxRows();
  const rows = Math.max(maxRows, values.length + 1);
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  // Plain text first, so values such as "8:00" or "FALSE" in Settings stay exactly as written.
  for (const [col, n] of runs(tab.textCols))
    sheet.getRange(1, col, rows, n).setNumberFormat(TEXT_FORMAT);
  writeBlock(sheet, 1, 1, values);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold');
  sheet.setFrozenRows(1);
  if (tab.checkboxCol && values.length > 1) {
    sheet.getRange(2, tab.checkboxCol, values.length - 1, 1).insertCheckboxes();
  }
  return sheet;
}

/** Sorted columns grouped into contiguous runs: [[start, count], ...] (one range call per run). */
function runs(columns: readonly number[]): [number, number][] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === c) last[1]++;
    else out.push([c, 1]);
  }
  return out;
}

/** The columns of the given fields that the plan holds. */
function presentColumns(plan: MappingPlan, fields: readonly FieldKey[]): number[] {
  return fields.map((k) => plan.columns[k]).filter((c): c is number => c !== undefined);
}

/** Fields of a proposal's columns (standard header -> key). */
function fieldKeyOf(header: string): FieldKey {
  return (FIELDS.find((f) => f.header === header) as { key: FieldKey }).key;
}

/** The proposal's columns that `pick` selects, as review lines. */
function reviewOf(
  proposal: MappingProposal,
  pick: (c: MappingProposal['columns'][number]) => boolean,
): SetUpReport['review'] {
  return proposal.columns
    .filter((c) => !c.standard && c.confidence !== 'sure' && pick(c))
    .map((c) => ({
      column: columnLetter(c.index),
      header: c.header,
      field: c.field ?? c.candidate ?? null,
      confidence: c.confidence,
      reasons: c.reasons,
    }));
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

/**
 * List values that later versions added to the defaults and that an existing Lists tab lacks (a
 * list the tab does not hold at all uses the defaults anyway). A value the team disabled is kept
 * as is: only absent values are appended.
 */
export const ADDED_LIST_VALUES: readonly { list: string; value: string }[] = [
  { list: 'Channel', value: 'Self-service' }, // issue 14: the ask page
];

function missingAddedListValues(values: unknown[][]): { list: string; value: string }[] {
  const key = (v: unknown): string =>
    String(v ?? '')
      .trim()
      .toLowerCase();
  const rows = values.slice(1);
  return ADDED_LIST_VALUES.filter(
    (a) =>
      rows.some((r) => key(r[0]) === key(a.list)) &&
      !rows.some((r) => key(r[0]) === key(a.list) && key(r[1]) === key(a.value)),
  );
}

/** Settings rows to add (missing settings) or update (the data tab), checked against what is there. */
function settingsToWrite(
  settings: SettingsParse,
  dataTab: string,
): { update: { row: number; key: SettingKey; value: string }[]; append: string[][] } {
  const update: { row: number; key: SettingKey; value: string }[] = [];
  const append: string[][] = [];
  for (const d of SETTING_DEFS) {
    const row = settings.rows[d.key];
    const wanted = d.key === 'dataTab' ? dataTab : d.defaultCell;
    if (row === undefined) append.push([d.label, wanted, d.description]);
    else if (d.key === 'dataTab' && settings.settings.dataTab !== dataTab)
      update.push({ row, key: d.key, value: dataTab });
  }
  return { update, append };
}

function writeSettingsRows(
  sheet: Sheet,
  lastRow: number,
  rows: ReturnType<typeof settingsToWrite>,
  report: SetUpReport,
): void {
  // Setup's own text goes to plain-text cells, written as is (never apostrophe-prefixed into '@').
  for (const u of rows.update) {
    sheet.getRange(u.row, 2).setNumberFormat(TEXT_FORMAT);
    writeBlock(sheet, u.row, 2, [[u.value]]);
    report.settingsWritten.push(SETTING_DEFS.find((d) => d.key === u.key)?.label ?? u.key);
  }
  if (rows.append.length) {
    let first = Math.max(lastRow, 1) + 1;
    if (lastRow === 0) {
      writeBlock(sheet, 1, 1, [[...SETTINGS_HEADERS]]);
      first = 2;
    }
    const need = first + rows.append.length - 1 - sheet.getMaxRows();
    if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need);
    sheet.getRange(first, 1, rows.append.length, 3).setNumberFormat(TEXT_FORMAT);
    writeBlock(sheet, first, 1, rows.append);
    report.settingsWritten.push(...rows.append.map((r) => r[0]));
  }
}

/** Appends one Change log row per header rename (one setValues). */
function logRenames(log: Sheet, dataTab: string, plan: MappingPlan): void {
  const now = new Date();
  const runId = `setup-${now.getTime().toString(36)}`;
  const rows = plan.renames.map((r) => [
    '',
    1,
    r.to,
    toLiteralCell(r.from),
    r.to,
    `${HEADER_RENAME_RULE} ${quoteSheet(dataTab)}!${columnLetter(r.column)}1`,
    runId,
    now,
  ]);
  const first = log.getLastRow() + 1;
  const need = first + rows.length - 1 - log.getMaxRows();
  if (need > 0) log.insertRowsAfter(log.getMaxRows(), need);
  writeBlock(log, first, 1, rows);
}

function summarize(r: SetUpReport): string {
  if (!r.changed) {
    return `The data tab '${r.dataTab}' is already set up. Nothing was changed.` + warningText(r);
  }
  const parts: string[] = [];
  const how = {
    recorded: 'recorded in Settings',
    named: 'by its name',
    'best-match': 'its headers match best',
    created: 'new',
    none: '',
  }[r.dataTabChoice];
  parts.push(`Data tab: '${r.dataTab}' (${how}).`);
  if (r.renames.length)
    parts.push(`Renamed ${r.renames.map((x) => `"${x.from}" to "${x.to}"`).join(', ')}.`);
  if (r.appended.length)
    parts.push(
      `Added ${r.appended.length} column(s): ${r.appended.map((a) => a.header).join(', ')}.`,
    );
  if (r.tabsCreated.length) parts.push(`Created tabs: ${r.tabsCreated.join(', ')}.`);
  if (r.settingsWritten.length) parts.push(`Settings written: ${r.settingsWritten.join(', ')}.`);
  if (r.listValuesAdded.length) parts.push(`List values added: ${r.listValuesAdded.join(', ')}.`);
  if (r.frozeHeader) parts.push('Froze the header row.');
  if (r.protectedHeader) parts.push('Protected the header row (warning only).');
  if (r.validation === 'applied') {
    parts.push(
      `Applied data validation to ${r.validatedColumns.length} column(s) (${r.validatedColumns.join(', ')})` +
        (r.tabsCreated.length ? '' : ` because ${r.validationReason}`) +
        '.',
    );
  }
  if (r.validation === 'failed') {
    parts.push(
      `The data validation rules could not be applied: ${r.validationError}. ` +
        'Everything else above is done. Run Set up / repair sheet again to retry.',
    );
  }
  return parts.join(' ') + warningText(r);
}

function warningText(r: SetUpReport): string {
  return r.warnings.length ? ` Please check: ${r.warnings.join(' ')}` : '';
}
