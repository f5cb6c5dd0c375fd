/**
 * Issue #2 + issue #4 ("Data validation"): `setUpSheet` (Set up / repair sheet) makes sure the
 * whole-column validation rules exist, through the BUILT bundle (dist/Code.js in the local
 * runtime). The rules are those of a normalization run (same applyValidation, same warn/strict
 * mode, same hidden Validation lists mirror); a rerun on a set-up sheet stays a zero-write no-op;
 * rules someone deleted, a changed mode or an edited list are repaired; a failure is reported.
 */
import type { Runtime } from '../../packages/gas-runtime/src';
import { FakeRange } from '../../packages/gas-runtime/src/spreadsheet/range';
import { FIELDS, SHEETS } from '../../src/domain/schema';
import type { SetUpReport } from '../../src/domain/setupReport';
import type { NormalizeReport } from '../../src/domain/normalize/report';
import { INVALID_BACKGROUND, VALIDATION_LISTS_SHEET } from '../../src/gas/validation';
import { loadBuiltRuntime } from '../helpers/runtime';
import { LEGACY_HEADER } from '../helpers/legacySheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
const TAB = 'Support log';

/** The standard columns that get a rule, with the criteria kind applyValidation reports. */
const RULE_KINDS: Record<string, string> = Object.fromEntries(
  FIELDS.flatMap((f) => {
    const kind = {
      list: 'list',
      date: 'date',
      datetime: 'date',
      minutes: 'number>=0',
      checkbox: 'checkbox',
      url: 'url',
    }[f.type as string];
    return kind ? [[f.header, kind]] : [];
  }),
);
const LIST_HEADERS = FIELDS.filter((f) => f.type === 'list').map((f) => f.header);

function legacyRuntime(extraRows = 0): Runtime {
  const rt = loadBuiltRuntime({ now: new Date('2024-04-01T14:00:00Z') });
  const rows: unknown[][] = [
    [...LEGACY_HEADER],
    ['3/5', 'tools-fe', 'CI error', 'CI failing', '', '30m', 'High'],
  ];
  for (let i = 0; i < extraRows; i++)
    rows.push(['4/1', `Team ${i % 7}`, 'API', `Request ${i}`, '', 15, 'Low']);
  rt.spreadsheet._addSheet(TAB, rows);
  return rt;
}

function host(rt: Runtime): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return (
    rt.services.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp
  ).getActiveSpreadsheet();
}
function sheet(rt: Runtime, name: string): Sheet {
  const s = host(rt).getSheetByName(name);
  if (!s) throw new Error(`no tab ${name}`);
  return s;
}
function header(rt: Runtime): string[] {
  const s = sheet(rt, TAB);
  return s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0] as string[];
}
function DVC(rt: Runtime): typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria {
  return (rt.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
    .DataValidationCriteria;
}

/** The rule of each column on row 2 and on the last grid row (host-side, uncounted). */
function rulesOf(
  rt: Runtime,
): Map<string, { first: DataValidation | null; last: DataValidation | null }> {
  const s = sheet(rt, TAB);
  const h = header(rt);
  const first = s.getRange(2, 1, 1, h.length).getDataValidations()[0];
  const last = s.getRange(s.getMaxRows(), 1, 1, h.length).getDataValidations()[0];
  return new Map(h.map((x, i) => [x, { first: first[i], last: last[i] }]));
}

/** A rule as comparable text (criteria, values with ranges as Tab!A1, allow-invalid, help). */
function describeRule(v: DataValidation | null): string {
  if (!v) return 'none';
  const values = v
    .getCriteriaValues()
    .map((x) =>
      x && typeof x === 'object' && 'getA1Notation' in x
        ? `${(x as GoogleAppsScript.Spreadsheet.Range).getSheet().getName()}!${(x as GoogleAppsScript.Spreadsheet.Range).getA1Notation()}`
        : String(x),
    );
  return `${String(v.getCriteriaType())}(${values.join(',')}) allowInvalid=${v.getAllowInvalid()} help=${v.getHelpText()}`;
}
function ruleSnapshot(rt: Runtime): Record<string, string> {
  return Object.fromEntries(
    [...rulesOf(rt)].map(([h, r]) => [h, `${describeRule(r.first)} | ${describeRule(r.last)}`]),
  );
}

/** Asserts a run wrote nothing and changed no structure; returns the report. */
function expectNoOp(rt: Runtime): SetUpReport {
  const before = JSON.stringify(rt.toJSON().workbook);
  rt.tracker.reset();
  const report = rt.run('setUpSheet') as SetUpReport;
  const stats = rt.tracker.snapshot();
  expect(report.ok).toBe(true);
  expect(report.changed).toBe(false);
  expect(report.validation).toBe('current');
  expect(stats.cellsWritten).toBe(0);
  expect(stats.byKind.write ?? 0).toBe(0);
  expect(stats.byKind.structure ?? 0).toBe(0);
  expect(JSON.stringify(rt.toJSON().workbook)).toBe(before);
  return report;
}

function setSetting(rt: Runtime, label: string, value: string): void {
  const s = sheet(rt, SHEETS.settings);
  const row = s
    .getDataRange()
    .getValues()
    .findIndex((r) => r[0] === label);
  s.getRange(row + 1, 2).setValue(value);
}

describe('setUpSheet applies the data validation rules', () => {
  let rt: Runtime;
  let report: SetUpReport;

  beforeAll(() => {
    rt = legacyRuntime();
    report = rt.run('setUpSheet') as SetUpReport;
  });

  it('reports the rules it applied', () => {
    expect(report.ok).toBe(true);
    expect(report.validation).toBe('applied');
    expect(report.validationError).toBe('');
    expect([...report.validatedColumns].sort()).toEqual(Object.keys(RULE_KINDS).sort());
    expect(report.tabsCreated).toContain(VALIDATION_LISTS_SHEET);
    expect(report.message).toContain(
      `Applied data validation to ${Object.keys(RULE_KINDS).length} column(s)`,
    );
    expect(rt.ui.alerts[rt.ui.alerts.length - 1].title).toBe('Support Tracker is set up');
  });

  it('whole-column rules: list fields reference the config tabs, typed rules elsewhere', () => {
    const s = sheet(rt, TAB);
    const c = DVC(rt);
    const rules = rulesOf(rt);
    const expectedType: Record<string, GoogleAppsScript.Spreadsheet.DataValidationCriteria> = {
      list: c.VALUE_IN_RANGE,
      date: c.DATE_IS_VALID_DATE,
      'number>=0': c.NUMBER_GREATER_THAN_OR_EQUAL_TO,
      checkbox: c.CHECKBOX,
      url: c.TEXT_IS_VALID_URL,
    };
    for (const [h, kind] of Object.entries(RULE_KINDS)) {
      const r = rules.get(h);
      expect(r?.first).not.toBeNull();
      // Whole column: the same rule on row 2 and on the last grid row.
      expect(describeRule(r?.last ?? null)).toBe(describeRule(r?.first ?? null));
      expect(r?.first?.getCriteriaType()).toBe(expectedType[kind]);
      expect(r?.first?.getAllowInvalid()).toBe(true); // warn mode by default
      expect(r?.first?.getHelpText()).toMatch(new RegExp(`^${h.replace(/[()]/g, '\\$&')}: `));
    }
    // Columns without a standard rule (text columns, the user's Priority column) get none.
    expect(rules.get('Summary')?.first).toBeNull();
    expect(rules.get('Priority')?.first).toBeNull();
    const source = (h: string): string =>
      describeRule(rules.get(h)?.first ?? null).replace(/^.*?\(([^,]*),.*$/, '$1');
    expect(source('VFS team')).toBe('Teams!A2:A1000');
    expect(source('Topic')).toBe('Topics!A2:A1000');
    expect(source('Channel')).toMatch(/^Validation lists!C2:C\d+$/);
    expect(rules.get('Time spent (min)')?.first?.getCriteriaValues()).toEqual([0]);
    expect(rules.get('Channel')?.first?.getHelpText()).toMatch(
      /Slack, GitHub, Email, Meeting, Office hours, Self-service, Other/,
    );
    // The rules span row 2 to the last grid row (getDataValidations of the whole column).
    const col = header(rt).indexOf('Topic') + 1;
    const all = s.getRange(2, col, s.getMaxRows() - 1, 1).getDataValidations();
    expect(all.every((row) => row[0] !== null)).toBe(true);
    expect(s.getRange(1, col).getDataValidation()).toBeNull(); // never on the header
  });

  it('the hidden mirror lists the active Lists-tab values; warn mode highlights other values', () => {
    const mirror = sheet(rt, VALIDATION_LISTS_SHEET);
    expect(mirror.isSheetHidden()).toBe(true);
    const v = mirror.getDataRange().getValues();
    expect(
      v
        .slice(1)
        .map((r) => r[2])
        .filter((x) => x !== ''),
    ).toEqual(['Slack', 'GitHub', 'Email', 'Meeting', 'Office hours', 'Self-service', 'Other']);
    const cf = sheet(rt, TAB).getConditionalFormatRules();
    expect(cf).toHaveLength(LIST_HEADERS.length);
    const teamCol = header(rt).indexOf('VFS team') + 1;
    expect(String(cf[0].getBooleanCondition()?.getCriteriaValues()[0])).toBe(
      '=AND(B2<>"",COUNTIF(INDIRECT("Teams!A2:A1000"),B2)=0)',
    );
    expect(teamCol).toBe(2);
    expect(cf[0].getBooleanCondition()?.getBackground()).toBe(INVALID_BACKGROUND);
  });

  it('a rerun is a zero-write no-op', () => {
    const again = expectNoOp(rt);
    expect(again.message).toContain('already set up');
  });

  it('the rules are exactly those of a normalization run: setUpSheet after normalize is a no-op', () => {
    const before = ruleSnapshot(rt);
    const n = rt.run('normalizeRequests') as NormalizeReport;
    expect(n.ok).toBe(true);
    expect(ruleSnapshot(rt)).toEqual(before);
    expectNoOp(rt);
  });
});

describe('setUpSheet repairs the validation rules', () => {
  it('brings back rules someone deleted, then is a no-op again', () => {
    const rt = legacyRuntime();
    rt.run('setUpSheet');
    const applied = ruleSnapshot(rt);
    const s = sheet(rt, TAB);
    // Someone clears the data validation of the whole data area (Data > Data validation > Remove).
    s.getRange(2, 1, s.getMaxRows() - 1, s.getMaxColumns()).clearDataValidations();
    expect(rulesOf(rt).get('Topic')?.first).toBeNull();

    rt.tracker.reset();
    const repaired = rt.run('setUpSheet') as SetUpReport;
    expect(repaired.ok).toBe(true);
    expect(repaired.changed).toBe(true);
    expect(repaired.validation).toBe('applied');
    expect(repaired.validationReason).toMatch(/rule of the '.+' column is missing or out of date/);
    expect(repaired.tabsCreated).toEqual([]);
    expect(repaired.message).toContain('Applied data validation');
    expect(repaired.message).toContain('missing or out of date');
    expect(ruleSnapshot(rt)).toEqual(applied);
    expectNoOp(rt);
  });

  it('one column whose rule was pasted over on its last row is detected and repaired', () => {
    const rt = legacyRuntime();
    rt.run('setUpSheet');
    const applied = ruleSnapshot(rt);
    const s = sheet(rt, TAB);
    const col = header(rt).indexOf('Time spent (min)') + 1;
    s.getRange(s.getMaxRows(), col).setDataValidation(null);
    const r = rt.run('setUpSheet') as SetUpReport;
    expect(r.validation).toBe('applied');
    expect(r.validationReason).toBe(
      "the rule of the 'Time spent (min)' column is missing or out of date",
    );
    expect(ruleSnapshot(rt)).toEqual(applied);
  });

  it('a list rule re-pointed at the same A1 on another tab, or at another range, is repaired', () => {
    const rt = legacyRuntime();
    rt.run('setUpSheet');
    const applied = ruleSnapshot(rt);
    const s = sheet(rt, TAB);
    const col = header(rt).indexOf('Topic') + 1;
    const rule = s.getRange(2, col).getDataValidation();
    if (!rule) throw new Error('no Topic rule');
    const source = rule.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range;
    const a1 = source.getA1Notation();
    expect(source.getSheet().getName()).toBe(SHEETS.topics);
    // Same criteria, help text, allowInvalid and A1, but on the Teams tab: only the tab differs.
    const teams = sheet(rt, SHEETS.teams);
    if (teams.getMaxRows() < source.getLastRow())
      teams.insertRowsAfter(teams.getMaxRows(), source.getLastRow() - teams.getMaxRows());
    s.getRange(2, col).setDataValidation(
      rule.copy().requireValueInRange(teams.getRange(a1), true).build(),
    );
    const r1 = rt.run('setUpSheet') as SetUpReport;
    expect(r1.validation).toBe('applied');
    expect(r1.validationReason).toBe("the rule of the 'Topic' column is missing or out of date");
    expect(ruleSnapshot(rt)).toEqual(applied);
    expectNoOp(rt);
    // Same tab, another range (the last row of the column).
    const topics = sheet(rt, SHEETS.topics);
    s.getRange(s.getMaxRows(), col).setDataValidation(
      rule.copy().requireValueInRange(topics.getRange('A2:A10'), true).build(),
    );
    const r2 = rt.run('setUpSheet') as SetUpReport;
    expect(r2.validation).toBe('applied');
    expect(r2.validationReason).toBe("the rule of the 'Topic' column is missing or out of date");
    expect(ruleSnapshot(rt)).toEqual(applied);
    expectNoOp(rt);
  });

  it('restores deleted highlight rules and a deleted mirror tab, keeping other formatting rules', () => {
    const rt = legacyRuntime();
    rt.run('setUpSheet');
    const s = sheet(rt, TAB);
    const app = rt.services.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const mine = app
      .newConditionalFormatRule()
      .whenTextEqualTo('High')
      .setBackground('#ff0000')
      .setRanges([s.getRange('G2:G10')])
      .build();
    s.setConditionalFormatRules([mine]);
    const r1 = rt.run('setUpSheet') as SetUpReport;
    expect(r1.validation).toBe('applied');
    expect(r1.validationReason).toBe('the highlight rules are missing or out of date');
    const cf = s.getConditionalFormatRules();
    expect(cf).toHaveLength(1 + LIST_HEADERS.length);
    expect(cf[0].getBooleanCondition()?.getCriteriaValues()).toEqual(['High']);

    host(rt).deleteSheet(sheet(rt, VALIDATION_LISTS_SHEET));
    const r2 = rt.run('setUpSheet') as SetUpReport;
    expect(r2.validation).toBe('applied');
    expect(r2.tabsCreated).toEqual([VALIDATION_LISTS_SHEET]);
    expect(sheet(rt, VALIDATION_LISTS_SHEET).isSheetHidden()).toBe(true);
    expectNoOp(rt);
  });

  it('follows Settings: strict mode rejects other values, and back to warn', () => {
    const rt = legacyRuntime();
    rt.run('setUpSheet');
    setSetting(rt, 'List validation mode', 'strict');
    const r = rt.run('setUpSheet') as SetUpReport;
    expect(r.validation).toBe('applied');
    const team = rulesOf(rt).get('VFS team')?.first;
    expect(team?.getAllowInvalid()).toBe(false);
    expect(team?.getHelpText()).toMatch(/Only values of the list are accepted/);
    expect(rulesOf(rt).get('Requested at')?.first?.getAllowInvalid()).toBe(false);
    expect(sheet(rt, TAB).getConditionalFormatRules()).toHaveLength(0);
    expectNoOp(rt);
    // A value typed by hand that is not in the list is now rejected by the sheet itself.
    const s = sheet(rt, TAB);
    expect(() => s.getRange(3, 2).setValue('Not a team')).toThrow();

    setSetting(rt, 'List validation mode', 'warn');
    expect((rt.run('setUpSheet') as SetUpReport).validation).toBe('applied');
    expect(rulesOf(rt).get('VFS team')?.first?.getAllowInvalid()).toBe(true);
    expect(sheet(rt, TAB).getConditionalFormatRules()).toHaveLength(LIST_HEADERS.length);
  });

  it('refreshes the help texts after a list edit (the rule itself already follows the list)', () => {
    const rt = legacyRuntime();
    rt.run('setUpSheet');
    sheet(rt, SHEETS.teams)
      .getRange(2, 1, 1, 3)
      .setValues([['Frontend Tools', 'tools-fe', false]]);
    const r = rt.run('setUpSheet') as SetUpReport;
    expect(r.validation).toBe('applied');
    expect(rulesOf(rt).get('VFS team')?.first?.getHelpText()).toMatch(
      /^VFS team: one of Frontend Tools /,
    );
    expectNoOp(rt);
  });

  it('makes the same service calls at 30 and 3,000 rows, on the first run and on a rerun', () => {
    const counts = [30, 3000].map((n) => {
      const rt = legacyRuntime(n);
      rt.tracker.reset();
      rt.run('setUpSheet');
      const first = rt.tracker.snapshot();
      rt.tracker.reset();
      rt.run('setUpSheet');
      const again = rt.tracker.snapshot();
      return [first, again].map((s) => ({
        calls: s.calls,
        cellCalls: s.cellCalls,
        cellsRead: s.cellsRead,
        byMethod: s.byMethod,
      }));
    });
    // Changed by issue 9: the first run reads a sample of at most 500 data rows for the column
    // mapping (all 31 rows here, 500 of the 3,001), so only its cells read differ, within that bound.
    expect(counts[1][0].cellsRead - counts[0][0].cellsRead).toBe((500 - 31) * LEGACY_HEADER.length);
    expect({ ...counts[1][0], cellsRead: 0 }).toEqual({ ...counts[0][0], cellsRead: 0 });
    // The rerun reads the same bounded top of the tab (header + 500 rows at most) for its checks.
    expect(counts[1][1].cellsRead - counts[0][1].cellsRead).toBe(
      (500 - 31) * (LEGACY_HEADER.length + FIELDS.length - 6),
    );
    expect({ ...counts[1][1], cellsRead: 0 }).toEqual({ ...counts[0][1], cellsRead: 0 });
    // The rerun's check reads a constant handful of cell ranges (no data row beyond row 2).
    expect(counts[0][1].byMethod['Range.getDataValidations']).toBe(2);
  });
});

describe('setUpSheet: validation problems', () => {
  it('a tab in the way of the Validation lists tab: nothing is changed', () => {
    const rt = legacyRuntime();
    rt.spreadsheet._addSheet('validation LISTS', [['mine']]);
    const before = JSON.stringify(rt.toJSON().workbook);
    const r = rt.run('setUpSheet') as SetUpReport;
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([
      "The tab 'validation LISTS' is in the way of the 'Validation lists' tab Support Tracker needs (names are not case-sensitive). Rename it to 'Validation lists' (or to something else), then run Set up / repair sheet again.",
    ]);
    expect(JSON.stringify(rt.toJSON().workbook)).toBe(before);
  });

  describe('a failure while applying the rules', () => {
    const original = Object.getOwnPropertyDescriptor(FakeRange.prototype, 'setDataValidation');
    afterEach(() => {
      if (original) Object.defineProperty(FakeRange.prototype, 'setDataValidation', original);
    });
    /** Makes Range.setDataValidation fail after `ok` successful calls. */
    function failAfter(ok: number): void {
      let n = 0;
      const real = original?.value as (this: unknown, ...a: unknown[]) => unknown;
      Object.defineProperty(FakeRange.prototype, 'setDataValidation', {
        ...original,
        value: function (this: unknown, ...a: unknown[]) {
          if (n++ >= ok) throw new Error('Service Spreadsheets timed out while accessing document');
          return real.apply(this, a);
        },
      });
    }

    it('is reported in the report and the alert; the adoption stays done; a rerun repairs', () => {
      const rt = legacyRuntime();
      failAfter(0);
      const r = rt.run('setUpSheet') as SetUpReport;
      expect(r.ok).toBe(true);
      expect(r.validation).toBe('failed');
      expect(r.validationError).toContain('Service Spreadsheets timed out');
      expect(r.validationError).toContain('0 of');
      expect(r.message).toContain('The data validation rules could not be applied');
      expect(r.message).toContain('Run Set up / repair sheet again to retry');
      const alert = rt.ui.alerts[rt.ui.alerts.length - 1];
      expect(alert.title).toBe('Support Tracker is set up, but without data validation');
      expect(alert.prompt).toBe(r.message);
      // The rest of the setup is done, and no rule was left on the data tab.
      expect(header(rt)[2]).toBe('Topic');
      expect(host(rt).getSheetByName(SHEETS.settings)).not.toBeNull();
      expect([...rulesOf(rt).values()].every((x) => x.first === null && x.last === null)).toBe(
        true,
      );

      if (original) Object.defineProperty(FakeRange.prototype, 'setDataValidation', original);
      const again = rt.run('setUpSheet') as SetUpReport;
      expect(again.validation).toBe('applied');
      expect(rulesOf(rt).get('Topic')?.first).not.toBeNull();
      expectNoOp(rt);
    });

    it('a failure part-way says how far it got, and the next run sets every rule', () => {
      const rt = legacyRuntime();
      failAfter(3);
      const r = rt.run('setUpSheet') as SetUpReport;
      expect(r.validation).toBe('failed');
      expect(r.validationError).toMatch(/\(3 of \d+ column rules were set; the highlight rules/);
      if (original) Object.defineProperty(FakeRange.prototype, 'setDataValidation', original);
      const again = rt.run('setUpSheet') as SetUpReport;
      expect(again.validation).toBe('applied');
      expect(again.validatedColumns).toHaveLength(Object.keys(RULE_KINDS).length);
      expectNoOp(rt);
    });
  });
});
