/**
 * Issue #4 acceptance 1: on the shipped sample sheet (samples/legacy-support.csv, imported the way
 * Sheets imports a CSV), setUpSheet + normalizeRequests standardize at least 90% of the rows, and
 * exactly the values listed below are left unresolved. The `routing` rule (an empty VSP team /
 * Practice area takes the routing of the row's Topic) leaves almost no row without a VSP team.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRuntime, type Runtime } from '../../packages/gas-runtime/src';
import { SAMPLE_CSV_FILE, SAMPLE_SHEET_NAME, SAMPLE_TEAMS } from '../../samples/generate';
import { parseCsv } from '../../workbench/csv';
import { SHEETS } from '../../src/domain/schema';
import type { NormalizeReport, PreviewReport } from '../../src/domain/normalize/report';
import { ensureBuilt } from '../helpers/runtime';

function host(rt: Runtime): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return (
    rt.services.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp
  ).getActiveSpreadsheet();
}

describe('the shipped sample sheet', () => {
  let rt: Runtime;
  let report: NormalizeReport;
  let preview: PreviewReport;

  beforeAll(() => {
    rt = createRuntime({ now: new Date('2024-09-03T14:00:00Z'), distDir: ensureBuilt() });
    const rows = parseCsv(
      fs.readFileSync(path.resolve(__dirname, '../..', SAMPLE_CSV_FILE), 'utf8'),
    );
    const ss = host(rt);
    const sheet = ss.insertSheet(SAMPLE_SHEET_NAME);
    if (sheet.getMaxRows() < rows.length)
      sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
    sheet.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
    expect((rt.run('setUpSheet') as { ok: boolean }).ok).toBe(true);
    const teams = ss.getSheetByName(SHEETS.teams) as GoogleAppsScript.Spreadsheet.Sheet;
    teams
      .getRange(2, 1, SAMPLE_TEAMS.length, 3)
      .setValues(SAMPLE_TEAMS.map((t) => [t.name, t.aliases.join(', '), false]));
    preview = rt.run('previewNormalization') as PreviewReport;
    report = rt.run('normalizeRequests') as NormalizeReport;
  });

  it('standardizes at least 90% of the rows', () => {
    expect(report.ok).toBe(true);
    expect(report.status).toBe('done');
    expect(report.rowsScanned).toBe(1000);
    expect(report.standardizedPct as number).toBeGreaterThanOrEqual(90);
    // The Data quality tab shows the same KPI.
    const dq = host(rt).getSheetByName(SHEETS.dataQuality)?.getDataRange().getValues() ?? [];
    expect(dq[1][0]).toBe('% of rows standardized');
    expect(Math.round((dq[1][1] as number) * 1000) / 10).toBe(report.standardizedPct);
  });

  it('leaves exactly these values unresolved (as typed)', () => {
    expect(report.unresolved.map((u) => [u.field, u.value, u.reason, u.count])).toEqual([
      ['VFS team', '??', 'no-match', 4],
      ['VFS team', 'Contractor (not sure which team)', 'no-match', 3],
      ['VFS team', 'unknown', 'no-match', 2],
      ['VFS team', 'n/a', 'no-match', 1],
      // Names two topics (Datadog, and App Logging/Monitoring by its keyword): never guessed.
      ['Topic', 'datadog monitor', 'ambiguous', 4],
      ['Topic', 'idk', 'no-match', 4],
      ['Topic', 'see thread', 'no-match', 4],
      ['Topic', 'stuff', 'no-match', 4],
      ['Topic', 'socks access', 'ambiguous', 3],
      ['Topic', '???', 'no-match', 1],
      ['Topic', 'browserstack access', 'ambiguous', 1],
      ['Topic', 'dependabot alert', 'ambiguous', 1],
      ['Topic', 'TestRail', 'ambiguous', 1],
      ['Topic', 'testrail access', 'ambiguous', 1],
      ['Time spent (min)', 'half day', 'not-a-duration', 9],
      ['Time spent (min)', '-', 'not-a-duration', 7],
      ['Time spent (min)', 'quick', 'not-a-duration', 4],
      ['Time spent (min)', 'a while', 'not-a-duration', 3],
    ]);
    expect(report.unresolved.find((u) => u.value === 'TestRail')?.candidates).toEqual([
      'Testing Tool Access',
      'Testing Tools',
    ]);
  });

  it('never fills empty VSP team / Practice area cells from the Topic routing: it suggests them', () => {
    const ss = host(rt);
    const log = ss.getSheetByName(SHEETS.changeLog)?.getDataRange().getValues() ?? [];
    const mine = log.filter((r) => r[6] === report.runId);
    expect(mine.filter((r) => r[5] === 'routing')).toEqual([]);
    // No blank VSP team / Practice area cell was given a value.
    expect(
      mine.filter((r) => (r[2] === 'VSP team' || r[2] === 'Practice area') && r[3] === ''),
    ).toEqual([]);
    expect(preview.changesByField).toEqual(report.changesByField);
    // The routing is offered instead, per value, with its rows.
    const suggested = (report.suggestions ?? []).filter((x) => x.field === 'Practice area');
    expect(suggested.reduce((n, x) => n + x.count, 0)).toBe(969);
    expect((report.suggestions ?? []).every((x) => x.rows.length > 0)).toBe(true);
  });

  it('a second run changes nothing', () => {
    const again = rt.run('normalizeRequests') as NormalizeReport;
    expect(again.cellsChanged).toBe(0);
    expect(again.standardizedPct).toBe(report.standardizedPct);
  });
});
