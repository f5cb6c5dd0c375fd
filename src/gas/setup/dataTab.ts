// Finding the data tab of a workbook (recorded, named or best match) and the column-mapping
// proposal for it, from the header row and a sample of at most 500 rows.
import { DATA_SHEET, FIELDS, SHEETS } from '../../domain/schema';
import { MIN_ADOPT_SCORE } from '../../domain/headers';
import {
  adoptionScore,
  SAMPLE_ROWS,
  proposeMapping,
  recognisedHeaders,
  type MappingProposal,
} from '../../domain/mapping';
import { defaultLists } from '../../domain/lists';
import { parseSettings, type SettingsParse } from '../../domain/settings';
import { readLists, readSheetValues } from '../sheets';
import { VALIDATION_LISTS_SHEET } from '../validation';
import { emptyReport, type SetUpReport } from '../../domain/setupReport';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Recognised headers that make the only non-empty tab the data tab (issue 9: never refuse it). */
const MIN_SINGLE_TAB_SCORE = 2;

/** Tabs that are never candidates for the data tab (config, generated and helper tabs). */
const RESERVED = new Set<string>([
  ...Object.values(SHEETS).filter((n) => n !== DATA_SHEET),
  VALIDATION_LISTS_SHEET,
]);

interface DataChoice {
  sheet: Sheet | null;
  name: string;
  header: unknown[];
  /** Data rows 2..501 read with the header (the mapping sample). */
  sample: unknown[][];
  lastColumn: number;
  choice: SetUpReport['dataTabChoice'];
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
