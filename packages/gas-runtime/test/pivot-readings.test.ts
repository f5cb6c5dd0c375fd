/**
 * The runtime's pivot readings (context.ts `pivot`, issue 12): a manual grouping rule's blank item
 * (grouped / ignored / rejected), a whole-column source's empty rows (skipped / grouped), filters
 * that keep values aligned with their rows, a pivot on its own source's tab, and persistence.
 */
import type { PivotReadings } from '../src';
import {
  createSpreadsheetApp,
  FakeSpreadsheet,
  workbookFromJSON,
  workbookToJSON,
} from '../src/spreadsheet';
import { makeCtx } from './spreadsheet-helpers';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
const ui = { alert: () => undefined } as unknown as GoogleAppsScript.Base.Ui;

function setup(pivot: PivotReadings): { ss: FakeSpreadsheet; app: App } {
  const ctx = { ...makeCtx(), pivot };
  const ss = new FakeSpreadsheet(ctx, { name: 'Test', id: 'test-id' });
  const src = ss.insertSheet('Data');
  src.getRange('A1:C6').setValues([
    ['Request ID', 'Topic', 'Time'],
    ['R1', 'API', 10],
    ['R2', '', 5],
    ['', 'API', 100],
    ['R3', 'Forms', 20],
    ['R4', 'api', 1],
  ]);
  return { ss, app: createSpreadsheetApp(ss._ctx, ss, ui) as unknown as App };
}

const ALL: PivotReadings[] = (['grouped', 'ignored', 'rejected'] as const).flatMap((blankItem) =>
  (['skipped', 'grouped'] as const).map((emptyRows) => ({ blankItem, emptyRows })),
);

describe.each(ALL)('pivot readings %o', (reading) => {
  test('filters keep every value on its own row (SUM by topic, rows without an ID left out)', () => {
    const { ss, app } = setup(reading);
    const out = ss.insertSheet('Out');
    const p = out.getRange('A1').createPivotTable(ss.getSheetByName('Data')!.getRange('A:C'));
    p.addRowGroup(2);
    p.addPivotValue(3, app.PivotTableSummarizeFunction.SUM);
    const notEmpty = app.newFilterCriteria().whenCellNotEmpty().build();
    p.addFilter(1, notEmpty);
    p.addFilter(2, notEmpty);
    // Text items group case-insensitively? The runtime keeps them apart; either way R4's 1 minute
    // stays with its own label and nothing of the ID-less row (100) is counted.
    const v = out.getDataRange().getValues();
    expect(v[0]).toEqual(['Topic', 'SUM of Time']);
    expect(v.find((r) => r[0] === 'API')?.[1]).toBe(10);
    expect(v.find((r) => r[0] === 'Forms')?.[1]).toBe(20);
    expect(v[v.length - 1]).toEqual(['Grand Total', 31]);
    expect(v.some((r) => r[0] === '')).toBe(false);
  });

  test('a blank item in a manual grouping rule follows the reading', () => {
    const { ss, app } = setup(reading);
    const out = ss.insertSheet('Out');
    const p = out.getRange('A1').createPivotTable(ss.getSheetByName('Data')!.getRange('A1:C6'));
    const g = p.addRowGroup(2);
    p.addPivotValue(3, app.PivotTableSummarizeFunction.SUM);
    p.addFilter(1, app.newFilterCriteria().whenCellNotEmpty().build());
    if (reading.blankItem === 'rejected') {
      expect(() => g.addManualGroupingRule('(blank)', [''])).toThrow();
      return;
    }
    g.addManualGroupingRule('(blank)', ['']);
    const v = out.getDataRange().getValues();
    const labels = v.slice(1, -1).map((r) => r[0]);
    if (reading.blankItem === 'grouped') {
      expect(v.find((r) => r[0] === '(blank)')?.[1]).toBe(5);
      expect(labels).not.toContain('');
    } else {
      expect(labels).not.toContain('(blank)');
      expect(v.find((r) => r[0] === '')?.[1]).toBe(5);
    }
  });

  test('a whole-column source: empty rows are skipped, or shown as a blank group', () => {
    const { ss, app } = setup(reading);
    const out = ss.insertSheet('Out');
    const p = out.getRange('A1').createPivotTable(ss.getSheetByName('Data')!.getRange('A:C'));
    p.addRowGroup(1);
    p.addPivotValue(3, app.PivotTableSummarizeFunction.COUNTA);
    const labels = out
      .getDataRange()
      .getValues()
      .slice(1, -1)
      .map((r) => r[0]);
    // Row 4 has no ID but content: a blank group in both readings. The grid's empty rows join it
    // only under 'grouped', which the counts cannot show (COUNTA of an empty cell is 0): the
    // Grand Total is 5 either way.
    expect(labels.filter((l) => l === '')).toHaveLength(1);
    expect(out.getDataRange().getValues().slice(-1)[0]).toEqual(['Grand Total', 5]);
    // With the Request ID filter, no blank group at all.
    p.addFilter(1, app.newFilterCriteria().whenCellNotEmpty().build());
    expect(
      out
        .getDataRange()
        .getValues()
        .slice(1, -1)
        .map((r) => r[0]),
    ).not.toContain('');
  });
});

test('under the grouped empty-rows reading the grid rows form the blank group of a group with no other blanks', () => {
  const { ss, app } = setup({ blankItem: 'ignored', emptyRows: 'grouped' });
  const out = ss.insertSheet('Out');
  const p = out.getRange('A1').createPivotTable(ss.getSheetByName('Data')!.getRange('A:C'));
  p.addRowGroup(3);
  p.addPivotValue(3, app.PivotTableSummarizeFunction.COUNTA);
  const labels = out
    .getDataRange()
    .getValues()
    .slice(1, -1)
    .map((r) => r[0]);
  expect(labels).toContain('');
  const skipped = setup({ blankItem: 'ignored', emptyRows: 'skipped' });
  const out2 = skipped.ss.insertSheet('Out');
  const p2 = out2
    .getRange('A1')
    .createPivotTable(skipped.ss.getSheetByName('Data')!.getRange('A:C'));
  p2.addRowGroup(3);
  p2.addPivotValue(3, skipped.app.PivotTableSummarizeFunction.COUNTA);
  expect(
    out2
      .getDataRange()
      .getValues()
      .slice(1, -1)
      .map((r) => r[0]),
  ).not.toContain('');
});

test('a pivot on its own source tab computes (no recursion through getLastRow)', () => {
  const { ss, app } = setup({ blankItem: 'grouped', emptyRows: 'skipped' });
  const tab = ss.getSheetByName('Data')!;
  const p = tab.getRange('F1').createPivotTable(tab.getRange('A1:C6'));
  p.addRowGroup(2).addManualGroupingRule('(blank)', ['']);
  p.addPivotValue(3, app.PivotTableSummarizeFunction.COUNTA);
  expect(tab.getRange('F1:G2').getValues()).toEqual([
    ['Topic', 'COUNTA of Time'],
    ['(blank)', 1],
  ]);
});

test('manual grouping rules: duplicate names and items are refused; rules persist', () => {
  const { ss, app } = setup({ blankItem: 'grouped', emptyRows: 'skipped' });
  const out = ss.insertSheet('Out');
  const p = out.getRange('A1').createPivotTable(ss.getSheetByName('Data')!.getRange('A1:C6'));
  const g = p.addRowGroup(2);
  p.addPivotValue(3, app.PivotTableSummarizeFunction.SUM);
  g.addManualGroupingRule('Apps', ['API', 'Forms']);
  expect(() => g.addManualGroupingRule('apps', ['x'])).toThrow();
  expect(() => g.addManualGroupingRule('Other', ['Forms'])).toThrow();
  g.addManualGroupingRule('(blank)', ['']);
  const v = out.getDataRange().getValues();
  expect(v.find((r) => r[0] === 'Apps')?.[1]).toBe(10 + 100 + 20 + 1);
  expect(v.find((r) => r[0] === '(blank)')?.[1]).toBe(5);
  const back = workbookFromJSON(JSON.parse(JSON.stringify(workbookToJSON(ss))), ss._ctx);
  expect(back._sheet('Out').getDataRange().getValues()).toEqual(v);
  g.clearGroupingRule();
  expect(
    out
      .getDataRange()
      .getValues()
      .map((r) => r[0]),
  ).not.toContain('Apps');
});
