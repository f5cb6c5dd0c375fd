/**
 * Issue #4 acceptance 3: normalization through the BUILT bundle (dist/Code.js in the local runtime):
 * preview, run, undo; idempotence; the checkpoint + continuation path (time budget lowered) and a
 * kill in the middle; every bad-input case; service calls per chunk constant.
 */
import { createRuntime, type Runtime } from '../../packages/gas-runtime/src';
import { CHANGE_LOG_HEADERS, SHEETS } from '../../src/domain/schema';
import { REQUEST_ID_RE } from '../../src/domain/requestId';
import { isDate, zonedTime } from '../../src/domain/time';
import type {
  NormalizeReport,
  PreviewReport,
  UndoReport,
  ListProposalsReport,
} from '../../src/domain/normalize/report';
import { ensureBuilt, menuCaption } from '../helpers/runtime';
import { LEGACY_HEADER } from '../helpers/legacySheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const TZ = 'America/New_York';
const TAB = 'Support log';

/** Messy legacy rows (the examples), `n` of them, cycling. */
function legacyRows(n: number): unknown[][] {
  const base: unknown[][] = [
    [
      '3/5',
      'tools-fe',
      'CI error',
      'CI failing on main',
      'https://dsva.slack.com/archives/C0ABCDEFG/p1709650800000100',
      '30m',
      'High',
    ],
    [
      '2024-03-05',
      'FE Tools',
      'ci failing',
      'Jenkins job red',
      'https://github.com/department-of-veterans-affairs/va.gov-team/issues/1',
      '1.5 hrs',
      'Low',
    ],
    ['March 5', 'Frontend tools', 'Jenkins', 'Build broke after merge', '', '1:30', ''],
    [zonedTime(TZ, 2024, 3, 6), 'Frontend Tools', 'CI Error', 'Pipeline timeout', '', 90, 'Med'],
    [
      '3/7/2024 2:30 PM',
      'Benefits',
      'Datadog',
      'Need a Datadog dashboard',
      'mailto:someone@va.gov',
      '45 min',
      '',
    ],
    [45360, 'benefits intake', 'a11y', 'Screen reader issue on form', '', '2h15m', 'High'],
    ['3/8', 'Mystery squad', 'stuff', 'not sure', '', 'a while', ''],
    ['Mar 9, 2024', 'HCA', 'PR Reveiw', 'Please review my PR', '', '1h', 'Low'],
  ];
  return Array.from({ length: n }, (_, i) => [...base[i % base.length]]);
}

const TEAMS = [
  ['Frontend Tools', 'tools-fe', false],
  ['Benefits Intake', '', false],
  ['Benefits Claims', '', false],
  ['Health Care Application', 'HCA', false],
];

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
function values(rt: Runtime, name: string): unknown[][] {
  return sheet(rt, name).getDataRange().getValues();
}
function formulas(rt: Runtime, name: string): string[][] {
  return sheet(rt, name).getDataRange().getFormulas();
}
function col(rt: Runtime, header: string): number {
  return values(rt, TAB)[0].indexOf(header);
}

/** A runtime holding the legacy tab, adopted by setUpSheet, with a Teams list. */
function adopted(rows: unknown[][], extra?: (rt: Runtime) => void): Runtime {
  const distDir = ensureBuilt();
  const rt = createRuntime({ now: new Date('2024-04-01T14:00:00Z'), distDir });
  rt.spreadsheet._addSheet(TAB, [[...LEGACY_HEADER], ...rows]);
  const setup = rt.run('setUpSheet') as { ok: boolean };
  expect(setup.ok).toBe(true);
  sheet(rt, SHEETS.teams).getRange(2, 1, TEAMS.length, 3).setValues(TEAMS);
  extra?.(rt);
  rt.tracker.reset();
  return rt;
}

/** Deep copy of a tab with types (Dates as tagged ms). */
function typed(v: unknown[][]): unknown[][] {
  return v.map((r) => r.map((c) => (isDate(c) ? { date: c.getTime() } : c)));
}

describe('preview, run, undo', () => {
  let rt: Runtime;
  let before: unknown[][];
  let beforeFormulas: string[][];
  let preview: PreviewReport;
  let run: NormalizeReport;

  beforeAll(() => {
    rt = adopted(legacyRows(8), (r) => {
      // A formula in a standard column and a formula in the extra column: both must survive.
      sheet(r, TAB).getRange(9, 2).setFormula('=LOWER("FE TOOLS")');
      sheet(r, TAB).getRange(3, 7).setFormula('=UPPER("low")');
    });
    before = typed(values(rt, TAB));
    beforeFormulas = formulas(rt, TAB);
    rt.tracker.reset();
    preview = rt.runFromClient('previewNormalization') as PreviewReport;
  });

  it('previews without writing anything, with counts, examples and unresolved values', () => {
    expect(rt.tracker.snapshot().cellsWritten).toBe(0);
    expect(rt.clientWarnings).toEqual([]);
    expect(preview.ok).toBe(true);
    expect(preview.rowsScanned).toBe(8);
    expect(preview.changesByField).toMatchObject({ 'Requested at': 7, 'Time spent (min)': 6 });
    // The empty VSP team / Practice area columns are never filled from the Topic's routing (issue
    // 10: a value the row does not support is a false guess).
    expect(preview.changesByField['VSP team']).toBeUndefined();
    expect(preview.changesByField['Practice area']).toBeUndefined();
    expect(preview.examples.length).toBeGreaterThan(5);
    expect(preview.examples.length).toBeLessThanOrEqual(20);
    expect(preview.examples).toContainEqual({
      row: 2,
      field: 'Requested at',
      from: '3/5',
      to: '2024-03-05',
      rule: 'date',
    });
    expect(preview.unresolved.map((u) => [u.field, u.value, u.reason, u.rows])).toEqual([
      ['VFS team', 'Benefits', 'ambiguous', [6]],
      ['VFS team', 'Mystery squad', 'no-match', [8]],
      ['Topic', 'stuff', 'no-match', [8]],
      ['Time spent (min)', 'a while', 'not-a-duration', [8]],
    ]);
    expect(preview.standardizedAfterPct as number).toBeGreaterThan(
      preview.standardizedNowPct as number,
    );
    expect(typed(values(rt, TAB))).toEqual(before);
  });

  it('normalizes with block writes, logs every change and keeps formulas and extra columns', () => {
    rt.tracker.reset();
    run = rt.run('normalizeRequests') as NormalizeReport;
    expect(run.ok).toBe(true);
    expect(run.status).toBe('done');
    expect(run.cellsChanged).toBe(preview.cellsToChange);
    const v = values(rt, TAB);
    const h = v[0];
    const at = (row: number, header: string): unknown => v[row - 1][h.indexOf(header)];
    for (const r of [2, 3, 4]) {
      expect(at(r, 'VFS team')).toBe('Frontend Tools');
      expect(at(r, 'Topic')).toBe('CI Error');
      expect(isDate(at(r, 'Requested at'))).toBe(true);
      expect((at(r, 'Requested at') as Date).getTime()).toBe(zonedTime(TZ, 2024, 3, 5).getTime());
    }
    expect([2, 3, 4, 5, 6, 7, 8, 9].map((r) => at(r, 'Time spent (min)'))).toEqual([
      30,
      90,
      90,
      90,
      45,
      135,
      'a while',
      60,
    ]);
    expect(at(6, 'VFS team')).toBe('Benefits'); // ambiguous: never guessed
    expect(at(2, 'Channel')).toBe('Slack');
    expect(at(3, 'Channel')).toBe('GitHub');
    expect(at(6, 'Channel')).toBe('Email');
    expect(at(9, 'VFS team')).toBe('fe tools'); // a formula cell: never touched
    expect(at(9, 'Topic')).toBe('PR Review');
    // The routing of the Topic is never written into VSP team / Practice area.
    expect([2, 7, 8].map((r) => [at(r, 'VSP team'), at(r, 'Practice area')])).toEqual([
      ['', ''],
      ['', ''],
      ['', ''],
    ]);
    for (let r = 2; r <= 9; r++) expect(at(r, 'Request ID')).toMatch(REQUEST_ID_RE);
    // Formulas survive, the extra column is untouched.
    const f = formulas(rt, TAB);
    expect(f[8][1]).toBe(beforeFormulas[8][1]);
    expect(f[2][6]).toBe('=UPPER("low")');
    expect(v.map((r) => r[h.indexOf('Priority')])).toEqual(before.map((r) => r[6]));
    // The Change log has one typed row per changed cell.
    const log = values(rt, SHEETS.changeLog);
    expect(log[0]).toEqual([...CHANGE_LOG_HEADERS]);
    const rows = log.filter((r) => r[6] === run.runId);
    expect(rows).toHaveLength(run.cellsChanged);
    const serial = rows.find((r) => r[2] === 'Requested at' && r[1] === 7) as unknown[];
    expect(serial[3]).toBe(45360);
    expect(isDate(serial[4])).toBe(true);
    expect(rows.find((r) => r[2] === 'Time spent (min)' && r[1] === 2)?.slice(3, 6)).toEqual([
      '30m',
      30,
      'duration',
    ]);
    expect(rows.find((r) => r[2] === 'VSP team')).toBeUndefined();
    // Every change row names its request: new IDs are written before any other change is logged.
    for (const r of rows) expect(r[0]).toMatch(REQUEST_ID_RE);
    // Data quality tab: KPI and one line per non-standard row with a jump link.
    const dq = values(rt, SHEETS.dataQuality);
    expect(dq[1][0]).toBe('% of rows standardized');
    expect(dq[1][1]).toBeCloseTo((run.standardizedPct as number) / 100, 5);
    const dqf = formulas(rt, SHEETS.dataQuality);
    const line = dq.findIndex((r) => r[0] === 8);
    expect(line).toBeGreaterThan(7);
    expect(String(dq[line][2])).toContain("VFS team 'Mystery squad' is not in the Teams list");
    expect(dqf[line][3]).toMatch(/^=HYPERLINK\("#gid=\d+&range=A8","Go to row 8"\)$/);
    // Learned aliases were recorded.
    expect(values(rt, SHEETS.aliases).map((r) => r.join('|'))).toContain(
      'VFS team|FE Tools|Frontend Tools|fuzzy',
    );
  });

  it('is idempotent: a second run changes 0 cells of the data tab', () => {
    const snapshot = typed(values(rt, TAB));
    rt.tracker.reset();
    const again = rt.run('normalizeRequests') as NormalizeReport;
    expect(again.cellsChanged).toBe(0);
    expect(typed(values(rt, TAB))).toEqual(snapshot);
    // Only derived tabs are rewritten: Data quality and the validation mirror.
    expect(rt.tracker.snapshot().byMethod['Range.setValues'] ?? 0).toBe(2);
  });

  it('undo restores every cell of the run exactly, types included', () => {
    const undo = rt.runFromClient('undoLastNormalization') as UndoReport;
    expect(undo.ok).toBe(true);
    expect(undo.restored).toBe(run.cellsChanged);
    expect(undo.conflicts).toEqual([]);
    expect(typed(values(rt, TAB))).toEqual(before);
    expect(formulas(rt, TAB)).toEqual(beforeFormulas);
    const log = values(rt, SHEETS.changeLog);
    const undoRows = log.filter((r) => String(r[5]).startsWith('undo:'));
    expect(undoRows).toHaveLength(1);
    expect(undoRows[0].slice(2, 6)).toEqual([
      '(all fields)',
      `run ${run.runId}`,
      `${run.cellsChanged} cell(s) in 8 request(s) restored to their original values`,
      'undo:run',
    ]);
    const second = rt.run('undoLastNormalization') as UndoReport;
    expect(second.ok).toBe(false);
    expect(second.message).toMatch(/nothing to undo/i);
    expect(second.nothing).toBe(true);
  });

  it('undo leaves cells edited after the run alone and reports them', () => {
    const rerun = rt.run('normalizeRequests') as NormalizeReport;
    expect(rerun.cellsChanged).toBe(run.cellsChanged);
    sheet(rt, TAB)
      .getRange(2, col(rt, 'VFS team') + 1)
      .setValue('Benefits Claims');
    const undo = rt.run('undoLastNormalization') as UndoReport;
    expect(undo.conflicts).toEqual([
      {
        requestId: expect.stringMatching(REQUEST_ID_RE) as unknown as string,
        row: 2,
        field: 'VFS team',
        now: 'Benefits Claims',
        wanted: 'tools-fe',
        reason: 'edited by someone after the plan (kept)',
      },
    ]);
    expect(values(rt, TAB)[1][col(rt, 'VFS team')]).toBe('Benefits Claims');
    const conflictRow = values(rt, SHEETS.changeLog).find((r) =>
      String(r[5]).startsWith('undo:conflict'),
    );
    // Original = the value undo would have restored, New = the value kept.
    expect(conflictRow?.slice(1, 5)).toEqual([2, 'VFS team', 'tools-fe', 'Benefits Claims']);
  });

  it('the menu opens the preview dialog', () => {
    rt.run('onOpen');
    expect(rt.ui.menuFunctions(menuCaption())).toContain('showNormalizeDialog');
    rt.run('showNormalizeDialog');
    expect(JSON.stringify(rt.ui)).toContain('Normalize existing rows');
  });
});

describe('data validation', () => {
  function rules(rt: Runtime) {
    const s = sheet(rt, TAB);
    const header = values(rt, TAB)[0] as string[];
    return header.map((h, i) => {
      const dv = s.getRange(2, i + 1).getDataValidation();
      const last = s.getRange(s.getMaxRows(), i + 1).getDataValidation();
      return { h, dv, same: dv?.getCriteriaType() === last?.getCriteriaType() };
    });
  }

  it('whole-column rules reference the config tabs; warn mode allows and highlights', () => {
    const rt = adopted(legacyRows(4));
    const r = rt.run('normalizeRequests') as NormalizeReport;
    expect(r.validation?.mode).toBe('warn');
    const maxRows = sheet(rt, TAB).getMaxRows();
    const byField = Object.fromEntries((r.validation?.rules ?? []).map((x) => [x.field, x]));
    expect(byField['VFS team']).toMatchObject({
      kind: 'list',
      source: 'Teams!A2:A1000',
      range: `B2:B${maxRows}`,
    });
    expect(byField['Topic'].source).toBe('Topics!A2:A1000');
    expect(byField['Channel'].source).toMatch(/^Validation lists!C2:C\d+$/);
    expect(byField['Requested at'].kind).toBe('date');
    expect(byField['Time spent (min)'].kind).toBe('number>=0');
    expect(byField['Documentation gap'].kind).toBe('checkbox');
    expect(byField['Link'].kind).toBe('url');
    const DVC = (rt.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
      .DataValidationCriteria;
    for (const x of rules(rt)) {
      if (x.h === 'Priority') {
        expect(x.dv).toBeNull();
        continue;
      }
      if (
        ![
          'VFS team',
          'Topic',
          'Channel',
          'Requested at',
          'Time spent (min)',
          'Documentation gap',
          'Link',
        ].includes(x.h)
      )
        continue;
      expect(x.dv).not.toBeNull();
      expect(x.same).toBe(true); // the rule covers the whole column, down to the last grid row
      expect(x.dv?.getAllowInvalid()).toBe(true);
    }
    const team = rules(rt).find((x) => x.h === 'VFS team')?.dv;
    expect(team?.getCriteriaType()).toBe(DVC.VALUE_IN_RANGE);
    const src = team?.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range;
    expect(src.getSheet().getName()).toBe('Teams');
    expect(team?.getHelpText()).toMatch(
      /VFS team: one of Frontend Tools, Benefits Intake, Benefits Claims, Health Care Application/,
    );
    const channel = rules(rt).find((x) => x.h === 'Channel')?.dv;
    expect(channel?.getHelpText()).toMatch(
      /Slack, GitHub, Email, Meeting, Office hours, Self-service, Other/,
    );
    // The mirror lists exactly the active Channel values (list edits flow through its formulas).
    const mirror = values(rt, 'Validation lists');
    expect(
      mirror
        .slice(1)
        .map((row) => row[2])
        .filter((v) => v !== ''),
    ).toEqual(['Slack', 'GitHub', 'Email', 'Meeting', 'Office hours', 'Self-service', 'Other']);
    expect(sheet(rt, 'Validation lists').isSheetHidden()).toBe(true);
    // Warn mode: one highlight rule per list column, using INDIRECT to reach the config tab.
    const cf = sheet(rt, TAB).getConditionalFormatRules();
    expect(cf).toHaveLength(r.validation?.highlighted as number);
    expect(String(cf[0].getBooleanCondition()?.getCriteriaValues()[0])).toMatch(
      /^=AND\(B2<>"",COUNTIF\(INDIRECT\("Teams!A2:A1000"\),B2\)=0\)$/,
    );
  });

  it('strict mode (Settings) rejects other values and drops the highlights', () => {
    const rt = adopted(legacyRows(4), (r) => {
      const s = sheet(r, SHEETS.settings);
      const v = s.getDataRange().getValues();
      const row = v.findIndex((x) => x[0] === 'List validation mode');
      s.getRange(row + 1, 2).setValue('strict');
    });
    rt.run('normalizeRequests');
    const r = rt.run('normalizeRequests') as NormalizeReport;
    expect(r.validation?.mode).toBe('strict');
    const team = rules(rt).find((x) => x.h === 'VFS team')?.dv;
    expect(team?.getAllowInvalid()).toBe(false);
    expect(team?.getHelpText()).toMatch(/Only values of the list are accepted/);
    expect(sheet(rt, TAB).getConditionalFormatRules()).toHaveLength(0);
  });
});

describe('checkpoint and continuation', () => {
  function dataWithoutIds(rt: Runtime): unknown[][] {
    const v = values(rt, TAB);
    const id = v[0].indexOf('Request ID');
    return typed(
      v.map((r) =>
        r.map((c, j) => (j === id ? (c === 'Request ID' ? c : REQUEST_ID_RE.test(String(c))) : c)),
      ),
    );
  }

  it('a lowered time budget checkpoints, continues through the scheduler trigger and ends like one run', () => {
    const reference = adopted(legacyRows(40));
    const whole = reference.run('normalizeRequests') as NormalizeReport;
    expect(whole.status).toBe('done');

    const rt = adopted(legacyRows(40));
    rt.run('installTriggers'); // the one hourly scheduler runs pending continuations
    const first = rt.run('normalizeRequests', { budgetMs: 0, chunkRows: 7 }) as NormalizeReport;
    expect(first.status).toBe('continuing');
    expect(first.rowsScanned).toBe(7);
    const props = (
      rt.services.PropertiesService as GoogleAppsScript.Properties.PropertiesService
    ).getDocumentProperties();
    const cp = JSON.parse(props.getProperty('supportTracker.normalize.checkpoint') as string) as {
      nextRow: number;
      runId: string;
    };
    expect(cp).toMatchObject({ nextRow: 7, runId: first.runId });
    // A pending continuation, not a trigger of its own (an add-on may own one time trigger).
    expect(props.getProperty('supportTracker.schedule.continuation')).not.toBeNull();
    expect(rt.triggers.handlers()).toEqual(['runScheduledWork']);
    let executions = 1;
    for (let i = 0; i < 20; i++) {
      rt.clock.advance(3600000);
      const fired = rt.fireDueTriggers(rt.clock.now());
      expect(fired.every((f) => f.ok)).toBe(true);
      const ran = fired.flatMap((f) =>
        (f.result as { ran: { job: string }[] }).ran.filter((r) => r.job === 'continuation'),
      );
      if (ran.length === 0) break;
      executions += ran.length;
    }
    expect(executions).toBe(6); // ceil(40 / 7)
    expect(dataWithoutIds(rt)).toEqual(dataWithoutIds(reference));
    const log = values(rt, SHEETS.changeLog).filter((r) => String(r[6]).startsWith('N-'));
    expect(log).toHaveLength(whole.cellsChanged);
    // Every row got its own ID, all distinct.
    const ids = values(rt, TAB)
      .slice(1)
      .map((r) => r[values(rt, TAB)[0].indexOf('Request ID')]);
    expect(new Set(ids).size).toBe(40);
    // No pending continuation and no checkpoint are left behind.
    expect(props.getProperty('supportTracker.normalize.checkpoint')).toBeNull();
    expect(props.getProperty('supportTracker.schedule.continuation')).toBeNull();
    // And it can be undone as a whole.
    const undo = rt.run('undoLastNormalization') as UndoReport;
    expect(undo.restored).toBe(whole.cellsChanged);
  });

  it('killed in the middle of a chunk, a rerun finishes with the same result as an uninterrupted run', () => {
    const reference = adopted(legacyRows(30));
    reference.run('normalizeRequests', { chunkRows: 10 });
    for (const killAt of [1, 2, 3]) {
      const rt = adopted(legacyRows(30));
      // Kill the execution right before the 2nd chunk's data write, after its Change log append.
      let writes = 0;
      rt.interleave(
        (c) => c.name === 'Range.setValues' && ++writes === killAt * 2 + 1,
        () => {
          throw new Error('Exceeded maximum execution time');
        },
      );
      expect(() => rt.run('normalizeRequests', { chunkRows: 10 })).toThrow(
        /Exceeded maximum execution time/,
      );
      // No half-written row: every data row is either untouched or fully normalized.
      const done = rt.run('normalizeRequests') as NormalizeReport;
      expect(done.status).toBe('done');
      expect(dataWithoutIds(rt)).toEqual(dataWithoutIds(reference));
      const logged = values(rt, SHEETS.changeLog).filter((r) => String(r[6]).startsWith('N-'));
      const refLogged = values(reference, SHEETS.changeLog).filter((r) =>
        String(r[6]).startsWith('N-'),
      );
      expect(logged.map((r) => [r[1], r[2], r[5]])).toEqual(
        refLogged.map((r) => [r[1], r[2], r[5]]),
      );
    }
  });

  it('service calls per chunk are constant (1 chunk: 200 rows and 800 rows cost the same calls)', () => {
    const calls = (n: number): Record<string, number> => {
      const rt = adopted(legacyRows(n));
      rt.tracker.reset();
      rt.run('normalizeRequests', { chunkRows: 1000 });
      const { insertRowsAfter, ...rest } = Object.fromEntries(
        Object.entries(rt.tracker.snapshot().byMethod).map(([k, v]) => [
          k.replace('Sheet.', ''),
          v,
        ]),
      );
      // Growing a full grid costs one insertRowsAfter per appended block (Change log, Data quality).
      expect(insertRowsAfter ?? 0).toBeLessThanOrEqual(2);
      return rest;
    };
    const small = calls(200);
    expect(calls(800)).toEqual(small);
    // Change log (IDs, then the other changes), one write per normalized column (IDs, Requested
    // at, VFS team, Channel, Topic, Time spent), Aliases, Data quality, validation mirror.
    expect(small['Range.setValues']).toBe(11);
  });
});

describe('bad input: a clear message and nothing changed', () => {
  function expectNoChange(
    rt: Runtime,
    fn: () => NormalizeReport | PreviewReport,
    pattern: RegExp,
  ): void {
    const before = typed(values(rt, TAB));
    rt.tracker.reset();
    rt.writes.length = 0;
    const r = fn();
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(pattern);
    expect(r.message).toMatch(/Nothing was changed/);
    // Only the Run log row of the attempt is written.
    expect(new Set(rt.writes.filter((w) => w.execution > 0).map((w) => w.sheet))).toEqual(
      new Set('runId' in r ? [SHEETS.runLog] : []),
    );
    expect(typed(values(rt, TAB))).toEqual(before);
  }

  it('missing required headers', () => {
    const rt = adopted(legacyRows(3));
    sheet(rt, TAB)
      .getRange(1, col(rt, 'Summary') + 1)
      .setValue('Description');
    expectNoChange(
      rt,
      () => rt.run('normalizeRequests') as NormalizeReport,
      /lacks the required column\(s\) Summary/,
    );
    expectNoChange(
      rt,
      () => rt.run('previewNormalization') as PreviewReport,
      /lacks the required column/,
    );
  });

  it('two columns mapped to one field', () => {
    const rt = adopted(legacyRows(3));
    sheet(rt, TAB).getRange(1, 7).setValue('topic');
    expectNoChange(
      rt,
      () => rt.run('normalizeRequests') as NormalizeReport,
      /Two columns are mapped to one field: 'Topic' \(columns C, G\)/,
    );
  });

  it('merged cells', () => {
    const rt = adopted(legacyRows(3));
    sheet(rt, TAB).getRange('B3:C3').merge();
    expectNoChange(
      rt,
      () => rt.run('normalizeRequests') as NormalizeReport,
      /merged cells \(B3:C3\)/,
    );
  });

  it('a sheet with only a header', () => {
    const rt = adopted([]);
    expectNoChange(rt, () => rt.run('normalizeRequests') as NormalizeReport, /only a header row/);
  });

  it('blank rows in the middle are left blank (no ID) and named', () => {
    const rows = legacyRows(4);
    rows.splice(2, 0, ['', '', '', '', '', '', '']);
    const rt = adopted(rows);
    const r = rt.run('normalizeRequests') as NormalizeReport;
    expect(r.ok).toBe(true);
    expect(r.blankRows).toEqual([4]);
    expect(r.warnings.join(' ')).toMatch(/Blank row 4 in the middle of the data: left as they are/);
    expect(values(rt, TAB)[3].every((c) => c === '')).toBe(true);
  });

  it('50,000-character cells and numbers where text is expected are left as they are', () => {
    const rows = legacyRows(3);
    const long = `${'word  '.repeat(8333)}xx`; // 50,000 characters with collapsible spaces
    expect(long).toHaveLength(50000);
    rows[0][3] = long;
    rows[1][3] = 12345;
    rows[2][1] = 42;
    const rt = adopted(rows);
    const r = rt.run('normalizeRequests') as NormalizeReport;
    expect(r.ok).toBe(true);
    const v = values(rt, TAB);
    expect(v[1][col(rt, 'Summary')]).toBe(long);
    expect(v[2][col(rt, 'Summary')]).toBe(12345);
    expect(v[3][col(rt, 'VFS team')]).toBe(42);
    const w = r.warnings.join(' ');
    expect(w).toMatch(/Summary in row 2 holds 50,000 characters or more: left as it is/);
    expect(w).toMatch(
      /Summary in row 3 holds a number or date where text is expected \('12345'\): left as it is/,
    );
    expect(w).toMatch(/VFS team in row 4 holds a number or date where text is expected/);
  });
});

describe('build lists from my data', () => {
  it('proposes teams from the data and writes only what a person confirms', () => {
    const rows = legacyRows(8).map((r, i) => {
      const teams = [
        'tools-fe',
        'FE Tools',
        'Frontend tools',
        'Benefits Intake',
        'benefits-intake',
        'Benefit Intake',
        'VAOS',
        'vaos',
      ];
      return [r[0], teams[i], ...r.slice(2)];
    });
    const distDir = ensureBuilt();
    const rt = createRuntime({ now: new Date('2024-04-01T14:00:00Z'), distDir });
    rt.spreadsheet._addSheet(TAB, [[...LEGACY_HEADER], ...rows]);
    rt.run('setUpSheet');
    const before = typed(values(rt, SHEETS.teams));
    const p = rt.runFromClient('proposeListsFromData') as ListProposalsReport;
    expect(typed(values(rt, SHEETS.teams))).toEqual(before);
    const teams = p.proposals.filter((x) => x.list === 'teams');
    expect(teams.map((t) => [t.canonical, t.aliases, t.count])).toEqual([
      ['Benefits Intake', ['Benefit Intake', 'benefits-intake'], 3],
      ['Frontend tools', ['FE Tools', 'tools-fe'], 3],
      ['VAOS', [], 2],
    ]);
    const ok = rt.runFromClient('confirmListProposals', teams.slice(0, 2)) as {
      ok: boolean;
      valuesAdded: number;
    };
    expect(ok).toMatchObject({ ok: true, valuesAdded: 2 });
    expect(
      values(rt, SHEETS.teams)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['Benefits Intake', 'Frontend tools']);
    expect(
      values(rt, SHEETS.aliases)
        .slice(1)
        .map((r) => r.join('|')),
    ).toEqual([
      'VFS team|Benefit Intake|Benefits Intake|person',
      'VFS team|benefits-intake|Benefits Intake|person',
      'VFS team|FE Tools|Frontend tools|person',
      'VFS team|tools-fe|Frontend tools|person',
    ]);
    const run = rt.run('normalizeRequests') as NormalizeReport;
    const v = values(rt, TAB);
    const team = v[0].indexOf('VFS team');
    expect(v.slice(1, 7).map((r) => r[team])).toEqual([
      ...rep('Frontend tools', 3),
      ...rep('Benefits Intake', 3),
    ]);
    expect(run.unresolved.filter((u) => u.field === 'VFS team').map((u) => u.value)).toEqual([
      'vaos',
      'VAOS',
    ]);
    expect(rt.runFromClient('confirmListProposals', 'nope')).toMatchObject({ ok: false });
  });
});

function rep<T>(v: T, n: number): T[] {
  return Array.from({ length: n }, () => v);
}
