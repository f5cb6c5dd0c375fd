/** Strict behaviours of the local SpreadsheetApp: each mirrors a real Sheets rule. */
import { FakeSheet, FakeSpreadsheet, MAX_WORKBOOK_CELLS } from '../src/spreadsheet';
import { makeSpreadsheet } from './spreadsheet-helpers';

function setup(): { ss: FakeSpreadsheet; sheet: FakeSheet } {
  const { ss } = makeSpreadsheet();
  return { ss, sheet: ss._sheet('Sheet1') };
}

describe('setValues shape', () => {
  test('row count mismatch throws the real message', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });
  test('column count mismatch throws the real message and writes nothing', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(sheet.getLastRow()).toBe(0);
  });
});

describe('range bounds', () => {
  test.each([
    [[0, 1], 'The starting row of the range is too small.'],
    [[1, 0], 'The starting column of the range is too small.'],
    [[1, 1, 0, 1], 'The number of rows in the range must be at least 1.'],
    [[1, 1, 1, 0], 'The number of columns in the range must be at least 1.'],
    [[1000, 1, 2, 1], 'The coordinates of the range are outside the dimensions of the sheet.'],
    [[1, 27], 'The coordinates of the range are outside the dimensions of the sheet.'],
  ])('getRange(%j) throws', (args, msg) => {
    const { sheet } = setup();
    const [r, c, nr, nc] = args as number[];
    expect(() => sheet.getRange(r, c, nr, nc)).toThrow(msg);
  });
  test('A1 beyond the grid and malformed A1 throw', () => {
    const { sheet, ss } = setup();
    expect(() => sheet.getRange('A1001')).toThrow('outside the dimensions');
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
    expect(() => ss.getRange("'Nope'!A1")).toThrow('Range not found');
  });
  test('writes never grow the grid; appendRow does', () => {
    const { sheet } = setup();
    sheet._load([['h']]);
    sheet.getRange(1000, 1).setValue('last');
    expect(sheet.getMaxRows()).toBe(1000);
    sheet.appendRow(['grown']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1).getValue()).toBe('grown');
  });
});

describe('sheet names', () => {
  test('insertSheet with a duplicate name (any case) throws', () => {
    const { ss } = setup();
    ss.insertSheet('Requests');
    expect(() => ss.insertSheet('requests')).toThrow(
      'A sheet with the name "requests" already exists. Please enter another name.',
    );
  });
  test('setName to an existing name throws', () => {
    const { ss } = setup();
    const s = ss.insertSheet('Topics');
    expect(() => s.setName('Sheet1')).toThrow('A sheet with the name "Sheet1" already exists.');
  });
});

describe('formulas', () => {
  test('strings starting with = become formulas', () => {
    const { sheet } = setup();
    sheet
      .getRange('A1:C1')
      .setValues([['=HYPERLINK("https://x.test/a","Row 5")', '=1+2*3', '=IMPORTXML("u","//a")']]);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([
      ['=HYPERLINK("https://x.test/a","Row 5")', '=1+2*3', '=IMPORTXML("u","//a")'],
    ]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['Row 5', 7, '#NAME?']]);
  });
  test('references, ranges and errors', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[2], [3], ['=SUM(A1:A2)']]);
    sheet.getRange('B1:B3').setFormulas([['=A3*2'], ['=1/0'], ['=SUM(']]);
    expect(sheet.getRange('A3:B3').getValues()).toEqual([[5, '#ERROR!']]);
    expect(sheet.getRange('B1:B2').getValues()).toEqual([[10], ['#DIV/0!']]);
    sheet.getRange('A1').setValue(10);
    expect(sheet.getRange('B1').getValue()).toBe(26);
  });
  test('an apostrophe forces text and is not stored', () => {
    const { sheet } = setup();
    sheet.getRange('A1:D1').setValues([["'=IMPORTXML(x)", "'+1", "'-2", "'@x"]]);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['=IMPORTXML(x)', '+1', '-2', '@x']]);
    expect(sheet.getRange('A1:D1').getFormulas()).toEqual([['', '', '', '']]);
  });
});

describe('auto-typing', () => {
  test('numeric, boolean and date-like strings are typed', () => {
    const { sheet } = setup();
    sheet
      .getRange('A1:H1')
      .setValues([['123', '-2', '1.5', '+1', 'TRUE', 'false', '3/5/2024', '2024-03-05']]);
    const v = sheet.getRange('A1:H1').getValues()[0];
    expect(v.slice(0, 6)).toEqual([123, -2, 1.5, 1, true, false]);
    expect(v[6]).toBeInstanceOf(Date);
    // Midnight in America/New_York (EST, UTC-5) on 5 March 2024.
    expect((v[6] as Date).toISOString()).toBe('2024-03-05T05:00:00.000Z');
    expect((v[7] as Date).toISOString()).toBe('2024-03-05T05:00:00.000Z');
    expect(sheet.getRange('G1:H1').getDisplayValues()).toEqual([['3/5/2024', '3/5/2024']]);
  });
  test('month names and date-times in the spreadsheet time zone (DST aware)', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([['March 5, 2024', '7/4/2024 14:30']]);
    const [a, b] = sheet.getRange('A1:B1').getValues()[0] as Date[];
    expect(a.toISOString()).toBe('2024-03-05T05:00:00.000Z');
    expect(b.toISOString()).toBe('2024-07-04T18:30:00.000Z'); // EDT, UTC-4
    expect(sheet.getRange('B1').getDisplayValue()).toBe('7/4/2024 14:30:00');
  });
  test('plain-text format keeps strings as text', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setNumberFormat('@');
    sheet.getRange('A1:A3').setValues([['00123'], ['3/5/2024'], ['=1+1']]);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['00123'], ['3/5/2024'], ['=1+1']]);
    expect(sheet.getRange('A1:A3').getFormulas()).toEqual([[''], [''], ['']]);
  });
  test('ordinary text stays text', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['CI failing on main', '30m', '1.5 hrs']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['CI failing on main', '30m', '1.5 hrs']]);
  });
  test('returned values are copies', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(new Date('2024-01-01T00:00:00Z'));
    const v = sheet.getRange('A1').getValues();
    (v[0][0] as Date).setFullYear(1999);
    v[0][0] = 'mutated';
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe(
      '2024-01-01T00:00:00.000Z',
    );
  });
});

describe('dates display per number format in the spreadsheet time zone', () => {
  test('formats', () => {
    const { sheet, ss } = setup();
    const d = new Date('2024-11-03T06:30:00Z'); // 01:30 EST after the fall-back change
    sheet.getRange('A1:C1').setValues([[d, d, d]]);
    sheet
      .getRange('A1:C1')
      .setNumberFormats([['yyyy-mm-dd hh:mm', 'M/d/yyyy', 'MMM d, yyyy h:mm am/pm']]);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([
      ['2024-11-03 01:30', '11/3/2024', 'Nov 3, 2024 1:30 am'],
    ]);
    ss.setSpreadsheetTimeZone('UTC');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2024-11-03 06:30');
  });
  test('numbers under numeric formats', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([[1234.5, 0.256, 7]]);
    sheet.getRange('A1:C1').setNumberFormats([['#,##0.00', '0.0%', '0']]);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['1,234.50', '25.6%', '7']]);
  });
});

describe('10,000,000-cell limit', () => {
  test('insertRows, insertColumns, insertSheet and appendRow respect it', () => {
    const { ss, sheet } = setup();
    // 1000 x 26 = 26,000 cells; grow to just under the limit.
    sheet.insertRowsAfter(1000, Math.floor(MAX_WORKBOOK_CELLS / 26) - 1000);
    expect(ss._totalCells()).toBeLessThanOrEqual(MAX_WORKBOOK_CELLS);
    const msg =
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';
    expect(() => sheet.insertRowsAfter(1, 1000)).toThrow(msg);
    expect(() => sheet.insertColumnsAfter(1, 1)).toThrow(msg);
    expect(() => ss.insertSheet('More')).toThrow(msg);
    const left = MAX_WORKBOOK_CELLS - ss._totalCells();
    expect(left).toBeLessThan(26);
    sheet._load([['x']], sheet.getMaxRows());
    expect(() => sheet.appendRow(new Array(26).fill('y'))).toThrow(msg);
  });
});

describe('merged cells', () => {
  test('setValues into a merge keeps only the top-left value', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').merge();
    expect(sheet.getRange('A1').isPartOfMerge()).toBe(true);
    sheet.getRange('A1:B2').setValues([
      ['tl', 'x'],
      ['y', 'z'],
    ]);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['tl', ''],
      ['', ''],
    ]);
    expect(
      sheet
        .getRange('A1:C3')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1:B2']);
    sheet.getRange('A1:B2').breakApart();
    expect(sheet.getRange('A1').isPartOfMerge()).toBe(false);
  });
});

describe('data validation enforcement', () => {
  test('reject-input rules throw; allow-invalid rules accept', () => {
    const { ss, sheet } = setup();
    const lists = ss.insertSheet('Lists');
    lists.getRange('A1:A3').setValues([['Slack'], ['GitHub'], ['Email']]);
    const rule = makeRule(ss, lists.getRange('A1:A10'), false);
    sheet.getRange('A2:A100').setDataValidation(rule);
    sheet.getRange('A2').setValue('Slack');
    expect(() => sheet.getRange('A3:A4').setValues([['GitHub'], ['Pigeon']])).toThrow(
      'The data you entered in cell A4 violates the data validation rules set on this cell.',
    );
    expect(sheet.getRange('A3').getValue()).toBe(''); // all-or-nothing
    // List edits flow through: the rule reads the current contents of the range.
    lists.getRange('A4').setValue('Pigeon');
    sheet.getRange('A4').setValue('Pigeon');
    expect(sheet.getRange('A4').getValue()).toBe('Pigeon');
    // Warning-only rules accept anything.
    sheet.getRange('B2:B10').setDataValidation(makeRule(ss, lists.getRange('A1:A10'), true));
    sheet.getRange('B2').setValue('Carrier pigeon');
    expect(sheet.getRange('B2').getValue()).toBe('Carrier pigeon');
  });
});

function makeRule(
  ss: FakeSpreadsheet,
  range: GoogleAppsScript.Spreadsheet.Range,
  allowInvalid: boolean,
) {
  const { createSpreadsheetApp } = jest.requireActual(
    '../src/spreadsheet',
  ) as typeof import('../src/spreadsheet');
  const app = createSpreadsheetApp(ss._ctx, ss, {} as GoogleAppsScript.Base.Ui);
  return app
    .newDataValidation()
    .requireValueInRange(range, true)
    .setAllowInvalid(allowInvalid)
    .build();
}

describe('more limits', () => {
  test('deleting every non-frozen row throws the real message', () => {
    const { sheet } = setup();
    sheet.setFrozenRows(1);
    expect(() => sheet.deleteRows(2, 999)).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
    sheet.deleteRows(2, 998);
    expect(sheet.getMaxRows()).toBe(2);
    expect(() => sheet.deleteRows(5, 1)).toThrow('Those rows are out of bounds.');
  });
  test('a cell holds at most 50,000 characters', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1').setValue('x'.repeat(50001))).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    sheet.getRange('A1').setValue('x'.repeat(50000));
    expect((sheet.getRange('A1').getValue() as string).length).toBe(50000);
  });
  test('typed numbers keep 15 significant digits (Slack timestamps lose precision unless text)', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([['1712345678.123456', "'1712345678.123456"]]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[1712345678.12346, '1712345678.123456']]);
  });
  test('values from another JS realm (arrays and Dates) are accepted and copied', () => {
    const { sheet } = setup();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const vm = require('node:vm') as typeof import('node:vm');
    const foreign = vm.runInNewContext(
      '[[new Date(Date.UTC(2024, 0, 2)), "=1+1", "7"]]',
    ) as unknown[][];
    sheet.getRange('A1:C1').setValues(foreign);
    const [d, f, n] = sheet.getRange('A1:C1').getValues()[0];
    expect(d).toBeInstanceOf(Date);
    expect((d as Date).toISOString()).toBe('2024-01-02T00:00:00.000Z');
    expect([f, n]).toEqual([2, 7]);
  });
  test('row-only and column-only A1 ranges', () => {
    const { sheet } = setup();
    expect(sheet.getRange('2:3').getA1Notation()).toBe('2:3'); // real Sheets keeps the row-only form
    expect(sheet.getRange('B:C').getNumColumns()).toBe(2);
  });
});
