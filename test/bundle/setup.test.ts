/**
 * Issue #2 acceptance 3 and 4: the BUILT bundle (dist/Code.js, loaded through gas-local by the
 * local runtime) adopts a legacy support sheet with onOpen + setUpSheet, and a second setUpSheet
 * is a no-op (zero cells written, no structural call).
 */
import type { Runtime } from '../../packages/gas-runtime/src';
import { loadBuiltRuntime, menuCaption } from '../helpers/runtime';
import { LEGACY_HEADER } from '../helpers/legacySheet';
import { HEADERS, SHEETS } from '../../src/domain/schema';
import { DEFAULT_TOPICS } from '../../src/domain/schema';
import type { SetUpReport } from '../../src/domain/setupReport';
import { VALIDATION_LISTS_SHEET } from '../../src/gas/validation';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The configuration tabs setUpSheet creates on a fresh workbook. */
const CONFIG_TABS = [
  SHEETS.teams,
  SHEETS.topics,
  SHEETS.lists,
  SHEETS.settings,
  SHEETS.aliases,
  SHEETS.changeLog,
  SHEETS.runLog,
];

const LEGACY_ROWS: unknown[][] = [
  [
    new Date('2024-03-05T15:00:00Z'),
    'tools-fe',
    'CI error',
    'CI failing on main',
    'https://dsva.slack.com/archives/C01/p1709650800000100',
    '30m',
    'High',
  ],
  ['3/6', 'Benefits Team 1', 'API', '=IMPORTXML("x","//a")', '', '1.5 hrs', 'Low'],
  ['March 7', 'FE Tools', 'Access', 'Need Datadog access', '', 90, ''],
];

/** A runtime whose workbook holds an untouched "Sheet1" and the legacy "Support log" tab. */
function legacyRuntime(extraRows = 0): Runtime {
  const rt = loadBuiltRuntime({ now: new Date('2024-04-01T14:00:00Z') });
  const rows = [...LEGACY_ROWS];
  for (let i = 0; i < extraRows; i++)
    rows.push(['4/1', `Team ${i % 7}`, 'API', `Request ${i}`, '', 15, 'Low']);
  rt.spreadsheet._addSheet('Support log', [[...LEGACY_HEADER], ...rows]);
  return rt;
}

/** Host-side (uncounted) access to a sheet's values. */
function values(rt: Runtime, name: string): unknown[][] {
  const sheet = rt.services.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const s = sheet.getActiveSpreadsheet().getSheetByName(name) as Sheet;
  return s.getDataRange().getValues();
}
function sheetOf(rt: Runtime, name: string): Sheet {
  const app = rt.services.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const s = app.getActiveSpreadsheet().getSheetByName(name);
  if (!s) throw new Error(`no tab ${name}`);
  return s;
}
function tabNames(rt: Runtime): string[] {
  return rt.spreadsheet._sheetNames();
}

describe('setUpSheet on a legacy sheet (through dist/Code.js)', () => {
  let rt: Runtime;
  let report: SetUpReport;
  let firstRun: ReturnType<Runtime['tracker']['snapshot']>;

  beforeAll(() => {
    rt = legacyRuntime();
    rt.run('onOpen', {
      authMode: (rt.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp).AuthMode.FULL,
    });
    expect(rt.ui.menuFunctions(menuCaption())).toContain('setUpSheet');
    rt.tracker.reset();
    report = rt.run('setUpSheet') as SetUpReport;
    firstRun = rt.tracker.snapshot();
  });

  it('adopts the best-matching tab and records the choice in Settings', () => {
    expect(report.ok).toBe(true);
    expect(report.dataTab).toBe('Support log');
    expect(report.dataTabChoice).toBe('best-match');
    const settings = values(rt, SHEETS.settings);
    expect(settings[0]).toEqual(['Setting', 'Value', 'Description']);
    expect(settings.find((r) => r[0] === 'Data tab')?.[1]).toBe('Support log');
    // Values that Sheets would auto-type stay exactly as written (plain-text column).
    expect(settings.find((r) => r[0] === 'Business hours start')?.[1]).toBe('8:00');
    expect(settings.find((r) => r[0] === 'Dashboard published')?.[1]).toBe('FALSE');
  });

  it('renames recognised headers, appends missing standard columns and keeps the extra column', () => {
    const v = values(rt, 'Support log');
    const header = v[0];
    expect(header.slice(0, 7)).toEqual([
      'Requested at',
      'VFS team',
      'Topic',
      'Summary',
      'Link',
      'Time spent (min)',
      'Priority',
    ]);
    const appended = HEADERS.filter(
      (h) =>
        !['Requested at', 'VFS team', 'Topic', 'Summary', 'Link', 'Time spent (min)'].includes(h),
    );
    expect(header.slice(7)).toEqual(appended);
    expect(header).toHaveLength(7 + appended.length);
    // Every standard header appears exactly once.
    for (const h of HEADERS) expect(header.filter((x) => x === h)).toHaveLength(1);
    // Data rows are untouched, including the extra column and the formula-looking text.
    expect(v.slice(1).map((r) => r.slice(0, 7))).toEqual(
      LEGACY_ROWS.map((r) => r.map((c) => (c instanceof Date ? expect.any(Date) : c))),
    );
    expect(v.slice(1).map((r) => r[6])).toEqual(['High', 'Low', '']);
    expect(v.slice(1).every((r) => r.slice(7).every((c) => c === ''))).toBe(true);
    expect(report.renames.map((r) => `${r.column}:${r.from}->${r.to}`)).toEqual([
      'A:Date->Requested at',
      'B:Team->VFS team',
      'C:Category->Topic',
      'D:Description->Summary',
      'E:Slack link->Link',
      'F:Time spent->Time spent (min)',
    ]);
  });

  it('creates the config tabs with their defaults and no generated tab', () => {
    const names = tabNames(rt);
    for (const t of CONFIG_TABS) {
      expect(names).toContain(t);
    }
    for (const t of [
      SHEETS.summary,
      SHEETS.byTopic,
      SHEETS.byTeam,
      SHEETS.trends,
      SHEETS.dataQuality,
      SHEETS.data,
    ]) {
      expect(names).not.toContain(t);
    }
    expect(names).toContain('Sheet1');
    expect(values(rt, SHEETS.teams)).toEqual([['Name', 'Aliases', 'Disabled']]);
    const topics = values(rt, SHEETS.topics);
    expect(topics.slice(1).map((r) => r[0])).toEqual(DEFAULT_TOPICS.map((t) => t.topic));
    expect(topics[1].slice(2, 4)).toEqual(['Backend Tools', 'Backend']);
    expect(topics[1][6]).toBe(false);
    const lists = values(rt, SHEETS.lists);
    expect(lists.filter((r) => r[0] === 'Channel').map((r) => r[1])).toEqual([
      'Slack',
      'GitHub',
      'Email',
      'Meeting',
      'Office hours',
      'Self-service', // issue 14: asks answered on the ask page
      'Other',
    ]);
    // Changed with data validation on setup (issue #4 rules applied by setUpSheet): the hidden
    // 'Validation lists' mirror the list rules reference is created too.
    expect(report.tabsCreated.sort()).toEqual([...CONFIG_TABS, VALIDATION_LISTS_SHEET].sort());
  });

  it('freezes the header row and protects it with a warning-only protection', () => {
    const s = sheetOf(rt, 'Support log');
    expect(s.getFrozenRows()).toBe(1);
    const app = rt.services.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    // Issue 11 adds the admin-only protections of Request ID, Logged at and Logged by (not
    // warning-only); the header's own protection stays warning-only.
    const protections = s
      .getProtections(app.ProtectionType.RANGE)
      .filter((p) => !/ownership/.test(p.getDescription()));
    expect(protections).toHaveLength(1);
    expect(protections[0].isWarningOnly()).toBe(true);
    expect(protections[0].getRange().getRow()).toBe(1);
    expect(protections[0].getRange().getNumRows()).toBe(1);
    expect(protections[0].getRange().getNumColumns()).toBeGreaterThanOrEqual(HEADERS.length + 1);
  });

  it('sets plain-text format on Request ID and the text columns', () => {
    const s = sheetOf(rt, 'Support log');
    const header = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0];
    const formats = s.getRange(2, 1, 1, header.length).getNumberFormats()[0];
    for (const h of ['Request ID', 'Requester', 'Summary', 'Link', 'Docs link', 'Notes']) {
      expect(formats[header.indexOf(h)]).toBe('@');
    }
    expect(formats[header.indexOf('Priority')]).not.toBe('@');
  });

  it('records the header renames in the Change log so they can be undone', () => {
    const log = values(rt, SHEETS.changeLog);
    expect(log[0]).toEqual([
      'Request ID',
      'Row',
      'Field',
      'Original value',
      'New value',
      'Rule',
      'Run ID',
      'Time',
    ]);
    expect(log.slice(1).map((r) => [r[1], r[2], r[3], r[4]])).toEqual([
      [1, 'Requested at', 'Date', 'Requested at'],
      [1, 'VFS team', 'Team', 'VFS team'],
      [1, 'Topic', 'Category', 'Topic'],
      [1, 'Summary', 'Description', 'Summary'],
      [1, 'Link', 'Slack link', 'Link'],
      [1, 'Time spent (min)', 'Time spent', 'Time spent (min)'],
    ]);
    expect(String(log[1][5])).toBe("setup:header-rename 'Support log'!A1");
    expect(new Set(log.slice(1).map((r) => r[6])).size).toBe(1);
  });

  it('tells the user what it did', () => {
    const alert = rt.ui.alerts[rt.ui.alerts.length - 1];
    expect(alert.title).toBe('Support Tracker is set up');
    expect(alert.prompt).toContain("Data tab: 'Support log'");
    expect(alert.prompt).toContain('"Category" to "Topic"');
  });

  it('reads the header row and at most 500 data rows (the mapping sample), never the whole tab', () => {
    // Changed by issue 9 (column mapping by content): the data tab is read as its header row and
    // a sample of at most 500 data rows (here all 3) in ONE getValues. Plus the number-format
    // probe of row 2 across the adopted width (23 standard columns + Priority) and, for the
    // validation help texts, the three config tabs (Teams, Topics, Lists; just created here).
    const configCells = [SHEETS.teams, SHEETS.topics, SHEETS.lists]
      .map((t) => values(rt, t))
      .reduce((n, v) => n + v.length * v[0].length, 0);
    const sampleCells = LEGACY_ROWS.length * LEGACY_HEADER.length;
    // Issue 11: the ownership protection reads the adopted header row once more (24 cells).
    expect(firstRun.cellsRead).toBe(
      LEGACY_HEADER.length + sampleCells + HEADERS.length + 1 + configCells + HEADERS.length + 1,
    );
    expect(firstRun.byMethod['Range.getValues']).toBe(1 + 3 + 1);
  });

  it('a second run writes zero cells and makes no structural change', () => {
    const before = JSON.stringify(rt.toJSON().workbook);
    rt.tracker.reset();
    const again = rt.run('setUpSheet') as SetUpReport;
    const stats = rt.tracker.snapshot();
    expect(again.ok).toBe(true);
    expect(again.changed).toBe(false);
    expect(again.dataTabChoice).toBe('recorded');
    expect(stats.cellsWritten).toBe(0);
    expect(stats.byKind.write ?? 0).toBe(0);
    expect(stats.byKind.structure ?? 0).toBe(0);
    expect(JSON.stringify(rt.toJSON().workbook)).toBe(before);
    expect(rt.ui.alerts[rt.ui.alerts.length - 1].prompt).toContain('already set up');
  });
});

describe('setUpSheet: a rerun keeps what the user edited', () => {
  it('keeps edited settings, lists and extra columns, and only repairs what is missing', () => {
    const rt = legacyRuntime();
    rt.run('setUpSheet');
    const app = rt.services.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const ss = app.getActiveSpreadsheet();
    const settings = ss.getSheetByName(SHEETS.settings) as Sheet;
    const rows = settings.getDataRange().getValues();
    const hourRow = rows.findIndex((r) => r[0] === 'Weekly email hour') + 1;
    settings.getRange(hourRow, 2).setValue('16');
    // The user deletes one setting row and one config tab; a later version would add a setting.
    const refreshRow = rows.findIndex((r) => r[0] === 'Daily refresh hour') + 1;
    settings.deleteRow(refreshRow);
    ss.deleteSheet(ss.getSheetByName(SHEETS.aliases) as Sheet);
    const teams = ss.getSheetByName(SHEETS.teams) as Sheet;
    teams.getRange(2, 1, 1, 3).setValues([['Benefits Team 1', 'bt1', false]]);

    rt.tracker.reset();
    const report = rt.run('setUpSheet') as SetUpReport;
    expect(report.ok).toBe(true);
    expect(report.tabsCreated).toEqual([SHEETS.aliases]);
    expect(report.settingsWritten).toEqual(['Daily refresh hour']);
    const after = settings.getDataRange().getValues();
    expect(after.find((r) => r[0] === 'Weekly email hour')?.[1]).toBe('16');
    expect(after[after.length - 1].slice(0, 2)).toEqual(['Daily refresh hour', '6']);
    expect(teams.getDataRange().getValues()).toEqual([
      ['Name', 'Aliases', 'Disabled'],
      ['Benefits Team 1', 'bt1', false],
    ]);
    expect(report.renames).toEqual([]);
    // And the run after that is a no-op again.
    rt.tracker.reset();
    expect((rt.run('setUpSheet') as SetUpReport).changed).toBe(false);
    expect(rt.tracker.snapshot().cellsWritten).toBe(0);
  });
});

describe('setUpSheet: sheets it cannot adopt change nothing', () => {
  function expectNoChange(rt: Runtime, run: () => SetUpReport): SetUpReport {
    const before = JSON.stringify(rt.toJSON().workbook);
    rt.tracker.reset();
    const report = run();
    const stats = rt.tracker.snapshot();
    expect(report.ok).toBe(false);
    expect(stats.cellsWritten).toBe(0);
    expect(stats.byKind.write ?? 0).toBe(0);
    expect(stats.byKind.structure ?? 0).toBe(0);
    expect(JSON.stringify(rt.toJSON().workbook)).toBe(before);
    const alert = rt.ui.alerts[rt.ui.alerts.length - 1];
    expect(alert.title).toBe('Support Tracker cannot set up this sheet');
    expect(alert.prompt).toBe(report.message);
    expect(report.message).toMatch(/^Nothing was changed\./);
    return report;
  }

  it('two columns for one field never refuse the sheet: the menu run opens the mapping dialog', () => {
    // Changed by issue 9: two columns competing for a field are resolved by evidence (the other
    // stays the user's own column unless they choose otherwise); nothing changes before review.
    const rt = loadBuiltRuntime();
    rt.spreadsheet._addSheet('Log', [
      ['Date', 'Team', 'Summary', 'Topic', 'VFS Team'],
      ['3/5', 'a', 'b', 'c', 'd'],
    ]);
    const before = JSON.stringify(rt.toJSON().workbook);
    const r = rt.run('setUpSheet') as SetUpReport;
    expect(r.ok).toBe(true);
    expect(r.pendingReview).toBe(true);
    expect(r.errors).toEqual([]);
    expect(JSON.stringify(rt.toJSON().workbook)).toBe(before);
    expect(rt.ui.dialogs[rt.ui.dialogs.length - 1].title).toBe('Map your columns');
    const team = r.review.filter((c) => c.header === 'Team' || c.header === 'VFS Team');
    expect(team.map((c) => c.field).sort()).toEqual([null, 'VFS team'].sort());
  });

  it('no tab scores enough', () => {
    const rt = loadBuiltRuntime();
    rt.spreadsheet._addSheet('Budget', [
      ['Item', 'Cost', 'Date'],
      ['Laptop', 1200, '3/5'],
    ]);
    const r = expectNoChange(rt, () => rt.run('setUpSheet') as SetUpReport);
    expect(r.errors[0]).toContain(
      'No tab looks like a support log. The closest, \'Budget\', has 1 recognised column(s) ("Date")',
    );
    expect(rt.spreadsheet._sheetNames()).toEqual(['Sheet1', 'Budget']);
  });

  it('two tabs that match equally well', () => {
    const rt = loadBuiltRuntime();
    rt.spreadsheet._addSheet('2023', [['Date', 'Team', 'Topic', 'Summary']]);
    rt.spreadsheet._addSheet('2024', [['Date', 'Team', 'Topic', 'Summary']]);
    const r = expectNoChange(rt, () => rt.run('setUpSheet') as SetUpReport);
    expect(r.errors[0]).toContain(
      "The tabs '2023' and '2024' match the standard headers equally well",
    );
  });

  it('the document lock is busy: nothing changes and the user is told to retry', () => {
    const rt = legacyRuntime();
    rt.locks.hold('document');
    const r = expectNoChange(rt, () => rt.run('setUpSheet') as SetUpReport);
    expect(r.message).toContain('busy');
    rt.locks.release('document');
    expect((rt.run('setUpSheet') as SetUpReport).ok).toBe(true);
  });

  it('a Requests tab whose row 1 is not a header row', () => {
    const rt = loadBuiltRuntime();
    rt.spreadsheet._addSheet('Requests', [
      [new Date('2024-03-05T15:00:00Z'), 'tools-fe', 'CI error', 'CI failing'],
    ]);
    const r = expectNoChange(rt, () => rt.run('setUpSheet') as SetUpReport);
    expect(r.errors[0]).toContain("Row 1 of the tab 'Requests' names none of the standard columns");
  });

  it('a tab whose name clashes with a config tab ignoring case', () => {
    const rt = legacyRuntime();
    rt.spreadsheet._addSheet('settings', [['my own notes']]);
    const r = expectNoChange(rt, () => rt.run('setUpSheet') as SetUpReport);
    expect(r.errors).toEqual([
      "The tab 'settings' is in the way of the 'Settings' tab Support Tracker needs (names are not case-sensitive). Rename it to 'Settings' (or to something else), then run Set up / repair sheet again.",
    ]);
  });

  it('merged cells in the header row', () => {
    const rt = loadBuiltRuntime();
    rt.spreadsheet._addSheet('Requests', [['Date', 'Team', 'Topic', 'Summary']]);
    const app = rt.services.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    (app.getActiveSpreadsheet().getSheetByName('Requests') as Sheet).getRange('B1:C1').merge();
    const r = expectNoChange(rt, () => rt.run('setUpSheet') as SetUpReport);
    expect(r.errors[0]).toContain('merged cells (B1:C1)');
  });
});

describe('setUpSheet: other starting points', () => {
  it('prefers a tab named Requests and keeps its standard headers', () => {
    const rt = loadBuiltRuntime();
    rt.spreadsheet._addSheet('Old log', [['Date', 'Team', 'Topic', 'Summary', 'Status']]);
    rt.spreadsheet._addSheet('Requests', [
      [...HEADERS],
      ['SR-1', '', '', '', '', '', '', '', '', '', '', '', 'x'],
    ]);
    const report = rt.run('setUpSheet') as SetUpReport;
    expect(report.dataTab).toBe('Requests');
    expect(report.dataTabChoice).toBe('named');
    expect(report.renames).toEqual([]);
    expect(report.appended).toEqual([]);
    const app = rt.services.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    expect(
      (app.getActiveSpreadsheet().getSheetByName('Old log') as Sheet)
        .getRange(1, 1, 1, 5)
        .getValues()[0],
    ).toEqual(['Date', 'Team', 'Topic', 'Summary', 'Status']);
  });

  it('starts a fresh Requests tab in an empty workbook', () => {
    const rt = loadBuiltRuntime();
    const report = rt.run('setUpSheet') as SetUpReport;
    expect(report.ok).toBe(true);
    expect(report.dataTabChoice).toBe('created');
    const app = rt.services.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const s = app.getActiveSpreadsheet().getSheetByName('Requests') as Sheet;
    expect(s.getRange(1, 1, 1, HEADERS.length).getValues()[0]).toEqual([...HEADERS]);
    expect(s.getFrozenRows()).toBe(1);
    rt.tracker.reset();
    expect((rt.run('setUpSheet') as SetUpReport).changed).toBe(false);
    expect(rt.tracker.snapshot().cellsWritten).toBe(0);
  });

  it('widens a narrow grid before appending columns', () => {
    const rt = loadBuiltRuntime();
    rt.spreadsheet._addSheet('Support', [['Date', 'Team', 'Topic', 'Summary']], 10, 4);
    const report = rt.run('setUpSheet') as SetUpReport;
    expect(report.ok).toBe(true);
    const app = rt.services.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const s = app.getActiveSpreadsheet().getSheetByName('Support') as Sheet;
    expect(s.getMaxColumns()).toBe(HEADERS.length);
    expect(s.getRange(1, 1, 1, HEADERS.length).getValues()[0]).toContain('Notes');
  });

  it('makes the same service calls at 30 and 3,000 rows', () => {
    const counts = [30, 3000].map((n) => {
      const rt = legacyRuntime(n);
      rt.tracker.reset();
      rt.run('setUpSheet');
      const s = rt.tracker.snapshot();
      return { calls: s.calls, cellCalls: s.cellCalls, byMethod: s.byMethod };
    });
    expect(counts[1]).toEqual(counts[0]);
  });
});
