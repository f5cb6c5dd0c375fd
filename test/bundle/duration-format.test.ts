/**
 * Issue #10, "a time-formatted cell that becomes minutes also gets a number format", through the
 * BUILT bundle: only the converted Time spent cells get a minutes format (integers without a
 * trailing point), neighbours keep their values and formats, and undo restores both the value and
 * the original time format (the Change log notes it), so undo is exact.
 */
import { createRuntime, type Runtime } from '../../packages/gas-runtime/src';
import { SHEETS } from '../../src/domain/schema';
import { isDate } from '../../src/domain/time';
import type { NormalizeReport, UndoReport } from '../../src/domain/normalize/report';
import { ensureBuilt, buildDir } from '../helpers/runtime';
import { LEGACY_HEADER } from '../helpers/legacySheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const TAB = 'Support log';

function host(rt: Runtime): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return (
    rt.services.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp
  ).getActiveSpreadsheet();
}
function tab(rt: Runtime, name: string): Sheet {
  const s = host(rt).getSheetByName(name);
  if (!s) throw new Error(`no tab ${name}`);
  return s;
}

/** 1-based column of Time spent (min). */
function timeCol(rt: Runtime): number {
  const s = tab(rt, TAB);
  return (
    (s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0] as unknown[]).indexOf(
      'Time spent (min)',
    ) + 1
  );
}

/** Time spent column cells (rows 2..6): value, number format and displayed text. */
function timeCells(rt: Runtime): { v: unknown; f: string; d: string }[] {
  const s = tab(rt, TAB);
  const col = (s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0] as unknown[]).indexOf(
    'Time spent (min)',
  );
  const r = s.getRange(2, col + 1, 5, 1);
  const v = r.getValues();
  const f = r.getNumberFormats();
  const d = r.getDisplayValues();
  return v.map((x, i) => ({
    v: isDate(x[0]) ? { date: (x[0] as Date).getTime() } : x[0],
    f: f[i][0],
    d: d[i][0],
  }));
}

/** A set-up data tab whose Time spent column holds typed times, a number and a text. */
function prepared(): Runtime {
  const rt = createRuntime({
    now: new Date('2024-04-01T14:00:00Z'),
    distDir: ensureBuilt(buildDir(false), false),
    addon: false,
  });
  const rows = [
    ['3/5/2024', 'Frontend Tools', 'CI Error', 'typed 0:25', '', '', ''],
    ['3/5/2024', 'Frontend Tools', 'CI Error', 'a number', '', 45, ''],
    ['3/6/2024', 'Frontend Tools', 'CI Error', 'typed 1:30:00', '', '', ''],
    ['3/6/2024', 'Frontend Tools', 'CI Error', 'typed 0:10', '', '', ''],
    ['3/7/2024', 'Frontend Tools', 'CI Error', 'unreadable', '', 'a while', ''],
  ];
  rt.spreadsheet._addSheet(TAB, [[...LEGACY_HEADER], ...rows]);
  const proposal = rt.run('proposeHeaderMapping') as {
    columns: { index: number; field: string | null; candidate?: string }[];
  };
  const columns = proposal.columns.map((c) => ({
    index: c.index,
    field: c.field ?? c.candidate ?? null,
  }));
  expect((rt.run('setUpSheet', { columns }) as { ok: boolean }).ok).toBe(true);
  const s = tab(rt, TAB);
  const col = (s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0] as unknown[]).indexOf(
    'Time spent (min)',
  );
  expect(col).toBeGreaterThanOrEqual(0);
  // People type durations into the column: Sheets stores "0:25" as a time (a Date on
  // 1899-12-30); one cell a person formatted as a duration, one a custom number format.
  s.getRange(2, col + 1).setValues([['0:25']]);
  s.getRange(4, col + 1).setValues([['1:30:00']]);
  s.getRange(4, col + 1).setNumberFormat('[h]:mm:ss');
  s.getRange(5, col + 1).setValues([['0:10']]);
  s.getRange(5, col + 1).setNumberFormat('h:mm');
  s.getRange(3, col + 1).setNumberFormat('#,##0');
  return rt;
}

describe('time-formatted Time spent cells', () => {
  it('a time-formatted Time spent cell becomes minutes with a number format; neighbours are untouched; undo restores value and time format', () => {
    const rt = prepared();
    const s = tab(rt, TAB);
    const before = timeCells(rt);
    expect(isDate(s.getRange(2, timeCol(rt)).getValue())).toBe(true);
    expect(before.map((c) => c.f)).toEqual([
      'h:mm:ss am/pm',
      '#,##0',
      '[h]:mm:ss',
      'h:mm',
      '0.###############',
    ]);

    rt.tracker.reset();
    const run = rt.run('normalizeRequests') as NormalizeReport;
    expect(run.ok).toBe(true);
    const after = timeCells(rt);
    // Converted cells: minutes, shown as whole numbers (no "25." as `0.##` shows in Sheets).
    expect(after.map((c) => c.v)).toEqual([25, 45, 90, 10, 'a while']);
    expect(after.map((c) => c.f)).toEqual(['0', '#,##0', '0', '0', '0.###############']);
    expect(after.map((c) => c.d)).toEqual(['25', '45', '90', '10', 'a while']);
    // One setNumberFormat call for the converted cells (F2 and F4:F5 as one RangeList); the only
    // Range.setNumberFormat is the Data quality tab's KPI cell.
    const calls = rt.tracker.snapshot().byMethod;
    expect(calls['RangeList.setNumberFormat']).toBe(1);
    expect(calls['Range.setNumberFormat'] ?? 0).toBeLessThanOrEqual(1);
    // The Change log notes the original format of each converted cell.
    const log = tab(rt, SHEETS.changeLog).getDataRange().getValues();
    const rules = log
      .filter((r) => r[6] === run.runId && r[2] === 'Time spent (min)')
      .map((r) => [r[1], r[4], r[5]]);
    expect(rules).toEqual([
      [2, 25, 'duration (number format was h:mm:ss am/pm)'],
      [4, 90, 'duration (number format was [h]:mm:ss)'],
      [5, 10, 'duration (number format was h:mm)'],
    ]);
    // A second run changes nothing.
    expect((rt.run('normalizeRequests') as NormalizeReport).cellsChanged).toBe(0);

    const undo = rt.run('undoLastNormalization') as UndoReport;
    expect(undo.ok).toBe(true);
    expect(undo.conflicts).toEqual([]);
    // Exact: the times are back, with their formats, and the neighbours never changed.
    expect(timeCells(rt)).toEqual(before);
  });

  it('killed at any write and run again: the same values and formats as an uninterrupted run', () => {
    const reference = prepared();
    reference.run('normalizeRequests');
    const expected = timeCells(reference);
    const probe = prepared();
    probe.tracker.startLog();
    probe.run('normalizeRequests');
    const isPoint = (name: string): boolean =>
      /setValues|setProperty|appendRow|setNumberFormat/.test(name);
    const points = probe.tracker.getLog().filter((c) => isPoint(c.name)).length;
    expect(points).toBeGreaterThan(5);
    for (let k = 1; k <= points; k++) {
      const rt = prepared();
      let n = 0;
      rt.killAt((c) => isPoint(c.name) && ++n === k);
      try {
        rt.run('normalizeRequests');
      } catch {
        // killed
      }
      expect((rt.run('normalizeRequests') as NormalizeReport).status).toBe('done');
      expect(timeCells(rt)).toEqual(expected);
    }
  });
});
