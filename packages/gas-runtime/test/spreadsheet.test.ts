/** The local SpreadsheetApp: values, pivots, validation, charts, persistence and call counting. */
import { track } from '../src/tracker';
import {
  createCharts,
  createSpreadsheetApp,
  FakeBlob,
  FakeEmbeddedChart,
  FakeSheet,
  FakeSpreadsheet,
  workbookFromJSON,
  workbookToJSON,
} from '../src/spreadsheet';
import { makeCtx, makeSpreadsheet } from './spreadsheet-helpers';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
const ui = { alert: () => undefined } as unknown as GoogleAppsScript.Base.Ui;

function appFor(ss: FakeSpreadsheet): App {
  return createSpreadsheetApp(ss._ctx, ss, ui) as unknown as App;
}

function seedRequests(ss: FakeSpreadsheet): FakeSheet {
  const s = ss.insertSheet('Requests') as unknown as FakeSheet;
  s.getRange('A1:C5').setValues([
    ['Topic', 'Logged at', 'Time'],
    ['API', '1/5/2024', 10],
    ['CI Error', '1/20/2024', 5],
    ['API', '2/3/2024', 20],
    ['', '', ''],
  ]);
  return s;
}

describe('sheets and ranges', () => {
  test('insert, order, ids, active sheet, A1 with sheet names', () => {
    const { ss } = makeSpreadsheet();
    const a = ss.insertSheet('My tab');
    const b = ss.insertSheet('First', 0);
    expect(ss._sheetNames()).toEqual(['First', 'Sheet1', 'My tab']);
    expect(ss.getSheetByName('Sheet1')!.getSheetId()).toBe(0);
    expect(a.getSheetId()).not.toBe(b.getSheetId());
    expect(ss.getSheetById(a.getSheetId())!.getName()).toBe('My tab');
    expect(ss.getActiveSheet().getName()).toBe('First');
    a.getRange('B2').setValue('x');
    expect(ss.getRange("'My tab'!B2").getValue()).toBe('x');
    expect(a.getIndex()).toBe(3);
    ss.deleteSheet(b);
    expect(ss.getNumSheets()).toBe(2);
  });
  test('getLastRow/Column, data range, offset, whole-column A1', () => {
    const { ss } = makeSpreadsheet();
    const s = ss._sheet('Sheet1');
    expect(s.getLastRow()).toBe(0);
    s.getRange('A1:C3').setValues([
      ['a', 'b', 'c'],
      [1, '', ''],
      ['', '', 3],
    ]);
    expect([s.getLastRow(), s.getLastColumn()]).toEqual([3, 3]);
    expect(s.getDataRange().getA1Notation()).toBe('A1:C3');
    s.getRange('A3:C3').clearContent();
    expect(s.getLastRow()).toBe(2);
    expect(s.getRange('B:B').getNumRows()).toBe(1000);
    expect(s.getRange('A2:C').getA1Notation()).toBe('A2:C'); // open-ended, as written
    expect(s.getRange('A1').offset(1, 2, 2, 1).getA1Notation()).toBe('C2:C3');
  });
  test('appendRow appends after the last row with content, typed', () => {
    const { ss } = makeSpreadsheet();
    const s = ss._sheet('Sheet1');
    s.getRange('A1:B1').setValues([['h1', 'h2']]);
    s.appendRow(['x', '42']);
    s.appendRow(["'42", true]);
    expect(s.getRange('A2:B3').getValues()).toEqual([
      ['x', 42],
      ['42', true],
    ]);
  });
  test('insert and delete rows shift data, merges, protections and formats', () => {
    const { ss } = makeSpreadsheet();
    const s = ss._sheet('Sheet1');
    s.getRange('A1:A3').setValues([['r1'], ['r2'], ['r3']]);
    s.getRange('B3').setNote('note on r3');
    s.getRange('C3:D3').merge();
    const p = s.getRange('A3:A3').protect().setDescription('r3');
    s.insertRowsBefore(2, 2);
    expect(s.getRange('A1:A5').getValues().flat()).toEqual(['r1', '', '', 'r2', 'r3']);
    expect(s.getRange('B5').getNote()).toBe('note on r3');
    expect(s.getRange('C5').isPartOfMerge()).toBe(true);
    expect(p.getRange().getA1Notation()).toBe('A5');
    expect(s.getMaxRows()).toBe(1002);
    s.deleteRows(2, 2);
    expect(s.getRange('A1:A3').getValues().flat()).toEqual(['r1', 'r2', 'r3']);
    expect(p.getRange().getA1Notation()).toBe('A3');
    expect(() => s.deleteRows(1, 1000)).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
  });
  test('frozen rows, hidden sheets, tab colour, column widths, notes, fonts, checkboxes', () => {
    const { ss } = makeSpreadsheet();
    const s = ss._sheet('Sheet1');
    s.setFrozenRows(1);
    expect(s.getFrozenRows()).toBe(1);
    const t = ss.insertSheet('Hidden');
    t.hideSheet();
    expect(t.isSheetHidden()).toBe(true);
    s.setTabColor('#ff0000');
    s.setColumnWidth(2, 240);
    expect(s.getColumnWidth(2)).toBe(240);
    s.getRange('A1:B1').setFontWeight('bold').setBackground('#eeeeee');
    expect(s.getRange('B1').getFontWeight()).toBe('bold');
    s.getRange('C2:C3').insertCheckboxes();
    expect(s.getRange('C2:C3').getValues()).toEqual([[false], [false]]);
    expect(String(s.getRange('C2').getDataValidation()!.getCriteriaType())).toBe('CHECKBOX');
    expect(() => s.getRange('C2').setValue('maybe')).toThrow('violates the data validation rules');
    s.getRange('C2').setValue(true);
    s.getRange('C2:C3').removeCheckboxes();
    expect(s.getRange('C2:C3').getValues()).toEqual([[''], ['']]);
  });
});

describe('sorting and sheet order', () => {
  test('Range.sort by columns with blanks last; moveActiveSheet', () => {
    const { ss } = makeSpreadsheet();
    const s = ss._sheet('Sheet1');
    s.getRange('A1:B6').setValues([
      ['Topic', 'n'],
      ['b', 2],
      ['', 9],
      ['A', 2],
      ['c', 1],
      ['a', 5],
    ]);
    s.getRange('C3').setNote('with A');
    s.getRange('A2:C6').sort([{ column: 2, ascending: false }, 1]);
    expect(s.getRange('A2:B6').getValues()).toEqual([
      ['', 9],
      ['a', 5],
      ['A', 2],
      ['b', 2],
      ['c', 1],
    ]);
    expect(s.getRange('C2').getNote()).toBe('with A');
    s.getRange('A2:C6').sort(1);
    expect(s.getRange('A2:A6').getValues().flat()).toEqual(['a', 'A', 'b', 'c', '']);
    const t = ss.insertSheet('Tmp');
    ss.setActiveSheet(t);
    ss.moveActiveSheet(1);
    expect(ss._sheetNames()).toEqual(['Tmp', 'Sheet1']);
  });
});

describe('TextFinder', () => {
  test('finds by display text with case and entire-cell options', () => {
    const { ss } = makeSpreadsheet();
    const s = ss._sheet('Sheet1');
    s.getRange('A1:B3').setValues([
      ['ID', 'Summary'],
      ['SR-1', 'api key'],
      ['SR-12', 'API down'],
    ]);
    const col = s.getRange('A2:A');
    expect(col.createTextFinder('SR-1').matchEntireCell(true).findNext()!.getRow()).toBe(2);
    expect(
      s
        .createTextFinder('api')
        .findAll()
        .map((r) => r.getA1Notation()),
    ).toEqual(['B2', 'B3']);
    expect(
      s
        .createTextFinder('API')
        .matchCase(true)
        .findAll()
        .map((r) => r.getA1Notation()),
    ).toEqual(['B3']);
    expect(s.createTextFinder('^SR-\\d$').useRegularExpression(true).findAll().length).toBe(1);
    const f = s.createTextFinder('SR-');
    expect(f.findNext()!.getA1Notation()).toBe('A2');
    expect(f.findNext()!.getA1Notation()).toBe('A3');
    expect(s.createTextFinder('key').replaceAllWith('token')).toBe(1);
    expect(s.getRange('B2').getValue()).toBe('api token');
  });
});

describe('pivot tables', () => {
  test('computes row x month counts with Grand Totals and updates with the source', () => {
    const { ss } = makeSpreadsheet();
    const app = appFor(ss);
    const src = seedRequests(ss);
    const out = ss.insertSheet('By topic');
    const pivot = out.getRange('A1').createPivotTable(src.getRange('A1:C'));
    pivot.addRowGroup(1);
    const month = pivot.addColumnGroup(2);
    month.setDateTimeGroupingRule(app.DateTimeGroupingRuleType.YEAR_MONTH);
    pivot.addPivotValue(1, app.PivotTableSummarizeFunction.COUNTA);
    expect(out.getDataRange().getValues()).toEqual([
      ['COUNTA of Topic', 'Logged at', '', ''],
      ['Topic', '2024-Jan', '2024-Feb', 'Grand Total'],
      ['API', 1, 1, 2],
      ['CI Error', 1, '', 1],
      ['Grand Total', 2, 1, 3],
    ]);
    src.appendRow(['Access Request', '3/1/2024', 7]);
    const v = out.getDataRange().getValues();
    expect(v[1]).toEqual(['Topic', '2024-Jan', '2024-Feb', '2024-Mar', 'Grand Total']);
    expect(v[2]).toEqual(['Access Request', '', '', 1, 1]);
    expect(v[v.length - 1]).toEqual(['Grand Total', 2, 1, 1, 4]);
    expect(pivot.getAnchorCell().getA1Notation()).toBe('A1');
    expect(out.getPivotTables().length).toBe(1);
  });
  test('sums by topic, descending sort, no totals, remove', () => {
    const { ss } = makeSpreadsheet();
    const app = appFor(ss);
    const src = seedRequests(ss);
    const out = ss.insertSheet('Time');
    const p = out.getRange('B2').createPivotTable(src.getRange('A1:C4'));
    p.addRowGroup(1).sortDescending();
    p.addPivotValue(3, app.PivotTableSummarizeFunction.SUM);
    expect(out.getRange('B2:C5').getValues()).toEqual([
      ['Topic', 'SUM of Time'],
      ['CI Error', 5],
      ['API', 30],
      ['Grand Total', 35],
    ]);
    expect(out.getRange('B2:C5').getDisplayValues()[3]).toEqual(['Grand Total', '35']);
    p.getRowGroups()[0].showTotals(false);
    expect(out.getLastRow()).toBe(4);
    p.remove();
    expect(out.getLastRow()).toBe(0);
  });
});

describe('pivot filters', () => {
  test('counts only rows whose checkbox is TRUE, and persists', () => {
    const { ss, ctx } = makeSpreadsheet();
    const app = appFor(ss);
    const src = ss.insertSheet('Data');
    src.getRange('A1:B6').setValues([
      ['Topic', 'Documentation gap'],
      ['API', true],
      ['API', false],
      ['CI Error', true],
      ['API', true],
      ['Forms', false],
    ]);
    const out = ss.insertSheet('Gaps');
    const p = out.getRange('A1').createPivotTable(src.getRange('A1:B'));
    p.addRowGroup(1);
    p.addPivotValue(1, app.PivotTableSummarizeFunction.COUNTA);
    const f = p.addFilter(2, app.newFilterCriteria().setVisibleValues(['TRUE']).build());
    expect(out.getDataRange().getValues()).toEqual([
      ['Topic', 'COUNTA of Topic'],
      ['API', 2],
      ['CI Error', 1],
      ['Grand Total', 3],
    ]);
    expect(f.getFilterCriteria().getVisibleValues()).toEqual(['TRUE']);
    const back = workbookFromJSON(JSON.parse(JSON.stringify(workbookToJSON(ss))), ctx);
    expect(back._sheet('Gaps').getDataRange().getValues()).toEqual(out.getDataRange().getValues());
    f.remove();
    expect(out.getDataRange().getValues()[1]).toEqual(['API', 3]);
  });
});

describe('validation and conditional formatting builders', () => {
  test('rule getters and copy', () => {
    const { ss } = makeSpreadsheet();
    const app = appFor(ss);
    const rule = app
      .newDataValidation()
      .requireValueInList(['Open', 'Resolved'], true)
      .setAllowInvalid(false)
      .setHelpText('Open or Resolved')
      .build();
    expect(String(rule.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(rule.getCriteriaValues()).toEqual([['Open', 'Resolved'], true]);
    expect(rule.getAllowInvalid()).toBe(false);
    expect(rule.getHelpText()).toBe('Open or Resolved');
    const warn = rule.copy().setAllowInvalid(true).build();
    expect(warn.getAllowInvalid()).toBe(true);
    const s = ss._sheet('Sheet1');
    s.getRange('A2:A').setDataValidation(rule);
    expect(() => s.getRange('A2').setValue('Nope')).toThrow('cell A2');
    s.getRange('B2').setDataValidation(
      app.newDataValidation().requireNumberGreaterThanOrEqualTo(0).setAllowInvalid(false).build(),
    );
    expect(() => s.getRange('B2').setValue(-1)).toThrow('cell B2');
    s.getRange('B2').setValue('15');
    s.getRange('C2').setDataValidation(
      app.newDataValidation().requireDate().setAllowInvalid(false).build(),
    );
    expect(() => s.getRange('C2').setValue('soon')).toThrow('cell C2');
    s.getRange('C2').setValue('3/5/2024');
    s.getRange('D2').setDataValidation(
      app.newDataValidation().requireTextIsUrl().setAllowInvalid(false).build(),
    );
    expect(() => s.getRange('D2').setValue('not a url')).toThrow('cell D2');
    s.getRange('A2:D2').clearDataValidations();
    expect(s.getRange('A2').getDataValidation()).toBeNull();
  });
  test('conditional format rules', () => {
    const { ss } = makeSpreadsheet();
    const app = appFor(ss);
    const s = ss._sheet('Sheet1');
    const rule = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=AND($F2<>"",COUNTIF(Teams!$A:$A,$F2)=0)')
      .setBackground('#fce8e6')
      .setRanges([s.getRange('F2:F')])
      .build();
    s.setConditionalFormatRules([...s.getConditionalFormatRules(), rule]);
    const got = s.getConditionalFormatRules();
    expect(got.length).toBe(1);
    expect(got[0].getRanges()[0].getA1Notation()).toBe('F2:F1000');
    expect(got[0].getBooleanCondition()!.getBackground()).toBe('#fce8e6');
    expect(String(got[0].getBooleanCondition()!.getCriteriaType())).toBe('CUSTOM_FORMULA');
  });
});

describe('conditional formats are evaluated for display (workbench)', () => {
  test('custom formula with relative rows, COUNTIF against a config tab, rule order', () => {
    const { ss } = makeSpreadsheet();
    const app = appFor(ss);
    const teams = ss.insertSheet('Teams');
    teams.getRange('A1:A3').setValues([['Name'], ['Identity'], ['Forms']]);
    const s = ss._sheet('Sheet1');
    s.getRange('F1:F4').setValues([['VFS team'], ['Identity'], ['idntity'], ['']]);
    s.getRange('G2').setValue(0);
    s.getRange('F1').setFontWeight('bold');
    s.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=AND($F2<>"",COUNTIF(Teams!$A$2:$A,$F2)=0)')
        .setBackground('#fce8e6')
        .setRanges([s.getRange('F2:F')])
        .build(),
      app
        .newConditionalFormatRule()
        .whenCellEmpty()
        .setBackground('#eeeeee')
        .setRanges([s.getRange('F2:F')])
        .build(),
    ]);
    expect(s._styleAt(1, 5).background).toBeNull(); // F2 Identity: a listed team
    expect(s._styleAt(2, 5).background).toBe('#fce8e6'); // F3 typo: highlighted
    expect(s._styleAt(3, 5).background).toBe('#eeeeee'); // F4 empty: second rule
    expect(s._styleAt(0, 5)).toEqual({ background: null, fontColor: null, bold: true }); // header untouched
    s.getRange('H1:H2').setFormulas([['=COUNTIF(F1:F4,"identity")'], ['=COUNTIF(G1:G9,">=0")']]);
    expect(s.getRange('H1:H2').getValues()).toEqual([[1], [1]]);
  });
});

describe('charts', () => {
  test('builder, spec getters and a real PNG', () => {
    const { ss } = makeSpreadsheet();
    const charts = createCharts() as unknown as GoogleAppsScript.Charts.Charts;
    const s = ss._sheet('Sheet1');
    s.getRange('A1:B4').setValues([
      ['Week', 'Requests'],
      ['W1', 5],
      ['W2', 9],
      ['W3', 4],
    ]);
    const chart = s
      .newChart()
      .setChartType(charts.ChartType.LINE)
      .addRange(s.getRange('A1:B4'))
      .setPosition(2, 5, 0, 0)
      .setOption('title', 'Weekly volume')
      .build();
    s.insertChart(chart);
    const [got] = s.getCharts();
    expect(got.getChartId()).not.toBeNull();
    expect(got.getOptions().get('title')).toBe('Weekly volume');
    expect(got.getRanges()[0].getA1Notation()).toBe('A1:B4');
    expect(got.getContainerInfo().getAnchorRow()).toBe(2);
    expect(got.getContainerInfo().getAnchorColumn()).toBe(5);
    expect((got as unknown as FakeEmbeddedChart)._series().series).toEqual([[5, 9, 4]]);
    const spec = (got as unknown as FakeEmbeddedChart)._spec();
    expect(spec).toMatchObject({ type: 'LINE', title: 'Weekly volume', ranges: ['Sheet1!A1:B4'] });
    expect(spec.data.labels).toEqual(['W1', 'W2', 'W3']);
    const blob = got.getAs('image/png');
    expect(blob.getContentType()).toBe('image/png');
    expect(blob.getName()).toBe('Weekly volume.png');
    const bytes = (blob as unknown as FakeBlob)._bytes();
    expect(Array.from(bytes.slice(0, 8))).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(blob.getBytes().length).toBe(bytes.length);
    const updated = got.modify().setOption('title', 'Volume').build();
    s.updateChart(updated);
    expect(s.getCharts()[0].getOptions().get('title')).toBe('Volume');
    s.removeChart(s.getCharts()[0]);
    expect(s.getCharts().length).toBe(0);
  });
});

describe('persistence', () => {
  test('workbookToJSON / workbookFromJSON round-trip is lossless', () => {
    const { ss, ctx } = makeSpreadsheet();
    const app = appFor(ss);
    const src = seedRequests(ss);
    src.getRange('A7:B7').setValues([['=HYPERLINK("https://x","go")', "'007"]]);
    src.getRange('B2:B').setNumberFormat('yyyy-mm-dd');
    src.setFrozenRows(1);
    src.getRange('A1:C1').protect().setWarningOnly(true).setDescription('headers');
    src.getRange('D1:E1').merge();
    src.getRange('C1').setNote('minutes');
    const lists = ss.insertSheet('Lists');
    lists.getRange('A1:A2').setValues([['API'], ['CI Error']]);
    src
      .getRange('A2:A')
      .setDataValidation(
        app
          .newDataValidation()
          .requireValueInRange(lists.getRange('A1:A'), true)
          .setAllowInvalid(false)
          .build(),
      );
    src.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenTextEqualTo('x')
        .setFontColor('#f00')
        .setRanges([src.getRange('A2:A')])
        .build(),
    ]);
    const out = ss.insertSheet('Out');
    const p = out.getRange('A1').createPivotTable(src.getRange('A1:C'));
    p.addRowGroup(1);
    p.addPivotValue(3, app.PivotTableSummarizeFunction.SUM);
    out.insertChart(out.newChart().addRange(out.getRange('A1:B3')).setOption('title', 'T').build());
    lists.hideSheet();
    ss.setActiveSheet(src as unknown as GoogleAppsScript.Spreadsheet.Sheet);

    const json = JSON.parse(JSON.stringify(workbookToJSON(ss)));
    const back = workbookFromJSON(json, ctx);
    expect(JSON.stringify(workbookToJSON(back))).toBe(JSON.stringify(json));
    const s2 = back._sheet('Requests');
    expect(s2.getRange('A1:C4').getValues()).toEqual(src.getRange('A1:C4').getValues());
    expect(s2.getRange('B2').getValue()).toBeInstanceOf(Date);
    expect(s2.getRange('B2').getDisplayValue()).toBe('2024-01-05');
    expect(s2.getRange('A7:B7').getValues()).toEqual([['go', '007']]);
    expect(s2.getFrozenRows()).toBe(1);
    expect(s2.getProtections(app.ProtectionType.RANGE)[0].isWarningOnly()).toBe(true);
    expect(s2.getRange('E1').isPartOfMerge()).toBe(true);
    expect(() => s2.getRange('A3').setValue('Nope')).toThrow('violates');
    expect(back._sheet('Out').getRange('A1:B4').getValues()).toEqual(
      out.getRange('A1:B4').getValues(),
    );
    expect(back._sheet('Out').getCharts()[0].getOptions().get('title')).toBe('T');
    expect(back._sheet('Lists').isSheetHidden()).toBe(true);
    expect(back.getActiveSheet().getName()).toBe('Requests');
    expect(back._sheetNames()).toEqual(ss._sheetNames());
  });
});

describe('call counting through track()', () => {
  test('counts calls and cells; host helpers are not counted', () => {
    const { ss, ctx } = makeSpreadsheet();
    ss._sheet('Sheet1')._load([
      ['a', 'b'],
      [1, 2],
    ]);
    const app = track(appFor(ss), ctx.tracker);
    const sheet = app.getActiveSpreadsheet().getSheetByName('Sheet1')!;
    const last = sheet.getLastRow();
    const values = sheet.getRange(1, 1, last, 2).getValues();
    sheet.getRange(3, 1, 1, 2).setValues([[3, 4]]);
    const stats = ctx.tracker.snapshot();
    expect(values).toEqual([
      ['a', 'b'],
      [1, 2],
    ]);
    expect(stats.byMethod).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheetByName': 1,
      'Sheet.getLastRow': 1,
      'Sheet.getRange': 2,
      'Range.getValues': 1,
      'Range.setValues': 1,
    });
    expect(stats.cellCalls).toBe(3);
    expect(stats.cellsRead).toBe(4);
    expect(stats.cellsWritten).toBe(2);
    expect(stats.estimatedMs).toBeGreaterThan(0);
  });
  test('service objects returned inside grids are counted too (getDataValidations)', () => {
    const { ss, ctx } = makeSpreadsheet();
    const app = track(appFor(ss), ctx.tracker);
    const sheet = app.getActiveSheet();
    const rule = app.newDataValidation().requireValueInList(['a']).build();
    sheet.getRange('A1:A2').setDataValidations([[rule], [null]]);
    ctx.tracker.reset();
    const grid = sheet.getRange('A1:A2').getDataValidations();
    expect(grid[1][0]).toBeNull();
    expect(grid[0][0]!.getAllowInvalid()).toBe(true);
    expect(String(grid[0][0]!.getCriteriaType())).toBe('VALUE_IN_LIST');
    const stats = ctx.tracker.snapshot();
    expect(stats.byMethod['DataValidation.getAllowInvalid']).toBe(1);
    expect(stats.byMethod['DataValidation.getCriteriaType']).toBe(1);
    expect(stats.calls).toBe(4);
  });
  test('objects nested in arrays arrive unwrapped (validations, conditional formats)', () => {
    const { ss, ctx } = makeSpreadsheet();
    const app = track(appFor(ss), ctx.tracker);
    const sheet = app.getActiveSheet();
    const rule = app.newDataValidation().requireValueInList(['a']).setAllowInvalid(false).build();
    sheet.getRange('A1:A2').setDataValidations([[rule], [null]]);
    const cf = app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setBackground('#eee')
      .setRanges([sheet.getRange('B1:B3')])
      .build();
    sheet.setConditionalFormatRules([cf]);
    const raw = ss._sheet('Sheet1');
    expect(() => raw.getRange('A1').setValue('b')).toThrow('cell A1');
    raw.getRange('A2').setValue('b');
    const before = ctx.tracker.snapshot().calls;
    const json = JSON.stringify(workbookToJSON(ss));
    expect(ctx.tracker.snapshot().calls).toBe(before);
    const back = workbookFromJSON(JSON.parse(json), ctx);
    expect(
      back._sheet('Sheet1').getConditionalFormatRules()[0].getRanges()[0].getA1Notation(),
    ).toBe('B1:B3');
    expect(() => back._sheet('Sheet1').getRange('A1').setValue('b')).toThrow('cell A1');
  });
  test('Dates come back from the context realm constructor', () => {
    class MarkedDate extends Date {}
    const ctx = { ...makeCtx(), DateCtor: MarkedDate as unknown as DateConstructor };
    const ss = new FakeSpreadsheet(ctx);
    ss._sheet('Sheet1').getRange('A1').setValue('3/5/2024');
    expect(ss._sheet('Sheet1').getRange('A1').getValue()).toBeInstanceOf(MarkedDate);
  });
});

describe('inside another JS realm (as the bundle runs under gas-local)', () => {
  test('script code sees realm-native Dates and working enums', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const vm = require('node:vm') as typeof import('node:vm');
    const sandbox = vm.createContext({});
    const RealmDate = vm.runInContext('Date', sandbox) as DateConstructor;
    const ctx = { ...makeCtx(), DateCtor: RealmDate };
    const ss = new FakeSpreadsheet(ctx);
    sandbox.SpreadsheetApp = track(createSpreadsheetApp(ctx, ss, ui), ctx.tracker);
    sandbox.Charts = track(createCharts(), ctx.tracker);
    const result = vm.runInContext(
      `(() => {
        const sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet('Log');
        sheet.getRange(1, 1, 1, 3).setValues([[new Date(Date.UTC(2024, 2, 5, 15)), '=1+1', 'x']]);
        const row = sheet.getRange(1, 1, 1, 3).getValues()[0];
        const rule = SpreadsheetApp.newDataValidation().requireCheckbox().build();
        const chart = sheet.newChart().setChartType(Charts.ChartType.PIE).addRange(sheet.getRange('A1:C1')).build();
        sheet.insertChart(chart);
        return {
          isDate: row[0] instanceof Date,
          iso: row[0].toISOString(),
          two: row[1],
          checkbox: rule.getCriteriaType() === SpreadsheetApp.DataValidationCriteria.CHECKBOX,
          charts: sheet.getCharts().length,
        };
      })()`,
      sandbox,
    ) as Record<string, unknown>;
    expect(result).toEqual({
      isDate: true,
      iso: '2024-03-05T15:00:00.000Z',
      two: 2,
      checkbox: true,
      charts: 1,
    });
    expect(ctx.tracker.snapshot().byMethod['Range.setValues']).toBe(1);
  });
});

describe('performance at 100,000 x 23', () => {
  test('bulk load, getValues, setValues and getLastRow are fast', () => {
    const { ss } = makeSpreadsheet();
    const s = ss._sheet('Sheet1');
    const rows = 100000;
    const data = Array.from({ length: rows }, (_v, i) =>
      Array.from({ length: 23 }, (_w, j) =>
        j === 0
          ? `SR-${i}`
          : j === 1
            ? new Date(1700000000000 + i * 60000)
            : j === 19
              ? i % 90
              : `text ${j}`,
      ),
    );
    let t = Date.now();
    s._load(data);
    expect(s.getLastRow()).toBe(rows);
    const loadMs = Date.now() - t;
    t = Date.now();
    const got = s.getRange(1, 1, rows, 23).getValues();
    const readMs = Date.now() - t;
    expect(got.length).toBe(rows);
    t = Date.now();
    s.getRange(1, 1, rows, 23).setValues(got);
    const writeMs = Date.now() - t;
    t = Date.now();
    for (let i = 0; i < 1000; i++) s.getLastRow();
    const lastRowMs = Date.now() - t;
    t = Date.now();
    const hit = s.getRange('A:A').createTextFinder('SR-99999').matchEntireCell(true).findNext();
    const findMs = Date.now() - t;
    expect(hit!.getRow()).toBe(rows);
    expect(loadMs).toBeLessThan(3000);
    expect(readMs).toBeLessThan(3000);
    expect(writeMs).toBeLessThan(8000);
    expect(lastRowMs).toBeLessThan(500);
    expect(findMs).toBeLessThan(3000);
  });
});

describe('Protection.addEditors', () => {
  test('adds every address once, in one call, and returns the protection for chaining', () => {
    const { ss } = makeSpreadsheet();
    const p = ss._sheet('Sheet1').getRange('A1:A3').protect();
    const out = p.addEditors(['a@example.gov', 'b@example.gov', 'a@example.gov']);
    expect(out.getDescription()).toBe(p.getDescription());
    const emails = p.getEditors().map((u) => u.getEmail());
    expect(emails.filter((e) => e === 'a@example.gov')).toHaveLength(1);
    expect(emails).toEqual(expect.arrayContaining(['a@example.gov', 'b@example.gov']));
  });
});
