/**
 * Conformance: Range values, formulas, formats, A1 notation, notes, merges and clearing.
 * Every check cites its source in brucemcpherson/gas-fakes at commit
 * dedcae381f9aaec1dadc94e27b4dc7fae6edf5c9 (GAS_FAKES_COMMIT): the assertions were made there
 * against real Apps Script; they are re-written here, not copied.
 */
import { check } from './harness';

type R = GoogleAppsScript.Spreadsheet.Range;
const grid = (r: R, v: unknown): unknown[][] =>
  Array.from({ length: r.getNumRows() }, () => new Array(r.getNumColumns()).fill(v));

describe('A1 notation', () => {
  // gas-fakes@dedcae3 test/testsheetsdeveloper.js:21-38
  check(
    'bounded ranges and $ cells',
    { src: 'test/testsheetsdeveloper.js:25-35', covers: ['Sheet.getRange', 'Range.getA1Notation'] },
    ({ sheet }) => {
      const r = sheet.getRange('B2:D5');
      expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]).toEqual([2, 2, 4, 3]);
      expect(r.getA1Notation()).toBe('B2:D5');
      expect(sheet.getRange('$C$3').getA1Notation()).toBe('C3');
    },
  );
  // gas-fakes@dedcae3 test/testsheetsdeveloper.js:37-47
  check(
    "row-only '5:7' and column-only 'D:F' keep their form",
    {
      src: 'test/testsheetsdeveloper.js:37-47',
      covers: ['Sheet.getRange', 'Range.getA1Notation', 'Sheet.getMaxRows', 'Sheet.getMaxColumns'],
    },
    ({ sheet }) => {
      const rows = sheet.getRange('5:7');
      expect([rows.getNumRows(), rows.getNumColumns()]).toEqual([3, sheet.getMaxColumns()]);
      expect(rows.getA1Notation()).toBe('5:7');
      const cols = sheet.getRange('D:F');
      expect([cols.getNumRows(), cols.getNumColumns()]).toEqual([sheet.getMaxRows(), 3]);
      expect(cols.getA1Notation()).toBe('D:F');
    },
  );
  // gas-fakes@dedcae3 test/testsheetsdeveloper.js:49-60
  check(
    'sheet-qualified and inverted ranges',
    { src: 'test/testsheetsdeveloper.js:49-60', covers: ['Sheet.getRange', 'Range.getA1Notation'] },
    ({ sheet }) => {
      expect(sheet.getRange(`${sheet.getName()}!E10:F12`).getA1Notation()).toBe('E10:F12');
      expect(sheet.getRange('C5:B2').getA1Notation()).toBe('B2:C5');
      expect(sheet.getRange('5:2').getA1Notation()).toBe('2:5');
      expect(sheet.getRange('D:B').getA1Notation()).toBe('B:D');
    },
  );
  // gas-fakes@dedcae3 test/testsheetsdeveloper.js:64-94
  check(
    'isStartRowBounded and friends',
    {
      src: 'test/testsheetsdeveloper.js:64-94',
      covers: ['Range.isStartRowBounded', 'Range.isEndColumnBounded'],
    },
    ({ sheet }) => {
      const bounds = (a1: string): boolean[] => {
        const r = sheet.getRange(a1);
        return [
          r.isStartRowBounded(),
          r.isEndRowBounded(),
          r.isStartColumnBounded(),
          r.isEndColumnBounded(),
        ];
      };
      expect(bounds('A5:C10')).toEqual([true, true, true, true]);
      expect(bounds('3:5')).toEqual([true, true, false, false]);
      expect(bounds('B:D')).toEqual([false, false, true, true]);
      expect(bounds('7:7').slice(0, 2)).toEqual([true, true]);
    },
  );
});

describe('formulas', () => {
  // gas-fakes@dedcae3 test/testsheets.js:2170-2184: one formula over a block re-bases its
  // relative references per cell.
  check(
    'setFormula on a 2x2 range shifts relative references',
    { src: 'test/testsheets.js:2170-2184', covers: ['Range.setFormula', 'Range.getFormulas'] },
    ({ sheet }) => {
      const r = sheet.getRange('A51:B52');
      r.setFormula('=A1');
      expect(r.getFormulas()).toEqual([
        ['=A1', '=B1'],
        ['=A2', '=B2'],
      ]);
    },
  );
  // gas-fakes@dedcae3 test/testsheets.js:2165-2168 ("a repeat cell will autoincrement the
  // formulas, so I'm using absolute values"): absolute references stay.
  check(
    'setFormula keeps absolute references',
    { src: 'test/testsheets.js:2165-2168', covers: ['Range.setFormula', 'Range.getFormulas'] },
    ({ sheet }) => {
      const r = sheet.getRange('E1:E2');
      r.setFormula('=SUM($B$2:$B$4)+A1');
      expect(r.getFormulas()).toEqual([['=SUM($B$2:$B$4)+A1'], ['=SUM($B$2:$B$4)+A2']]);
    },
  );
  // gas-fakes@dedcae3 test/testsheets.js:49-60
  check(
    'setFormulaR1C1 / getFormulaR1C1',
    { src: 'test/testsheets.js:49-60', covers: ['Range.setFormulaR1C1', 'Range.getFormulaR1C1'] },
    ({ sheet }) => {
      const a1 = sheet.getRange('A1');
      a1.setFormulaR1C1('=R[1]C[1]');
      expect(a1.getFormula()).toBe('=B2');
      expect(a1.getFormulaR1C1()).toBe('=R[1]C[1]');
    },
  );
  // gas-fakes@dedcae3 test/testsheets.js:221-245
  check(
    'getRange with R1C1 notation',
    { src: 'test/testsheets.js:221-245', covers: ['Sheet.getRange', 'Range.getA1Notation'] },
    ({ sheet }) => {
      const r = sheet.getRange('R5C3');
      expect([r.getA1Notation(), r.getRow(), r.getColumn()]).toEqual(['C5', 5, 3]);
      const r2 = sheet.getRange('R2C2:R4C5');
      expect([r2.getA1Notation(), r2.getNumRows(), r2.getNumColumns()]).toEqual(['B2:E4', 3, 4]);
      expect(sheet.getRange('R10C5:R1C2').getA1Notation()).toBe('B1:E10');
      sheet.insertColumnsAfter(26, 450); // column RC (471) exists on the suite's sheet
      expect(sheet.getRange('RC1').getA1Notation()).toBe('RC1');
      expect(sheet.getRange('r1c1:r2c2').getA1Notation()).toBe('A1:B2');
    },
  );
});

describe('number formats', () => {
  // gas-fakes@dedcae3 test/testsheets.js:2126-2136 ('general' reads back as 0.###############);
  // the unformatted default is the one the port observed on real Sheets.
  check(
    "unformatted cells and 'general' read as 0.###############",
    {
      src: 'test/testsheets.js:2126-2136',
      covers: ['Range.getNumberFormat', 'Range.getNumberFormats', 'Range.setNumberFormat'],
    },
    ({ sheet }) => {
      const r = sheet.getRange('A1:B2');
      expect(r.getNumberFormat()).toBe('0.###############');
      expect(r.getNumberFormats()).toEqual(grid(r, '0.###############'));
      r.setNumberFormat('0.00');
      expect(r.getNumberFormats()).toEqual(grid(r, '0.00'));
      r.setNumberFormat('general');
      expect(r.getNumberFormat()).toBe('0.###############');
    },
  );
  // gas-fakes@dedcae3 test/testsheets.js:2015-2068 (the tester: setNumberFormats then get)
  check(
    'setNumberFormats per cell',
    {
      src: 'test/testsheets.js:2015-2068',
      covers: ['Range.setNumberFormats', 'Range.getNumberFormats'],
    },
    ({ sheet }) => {
      const r = sheet.getRange('A1:B1');
      r.setNumberFormats([['0.0000', '#,##0.00']]);
      expect(r.getNumberFormats()).toEqual([['0.0000', '#,##0.00']]);
      r.setNumberFormat('0.0000');
      expect(r.getNumberFormats()).toEqual([['0.0000', '0.0000']]);
    },
  );
});

describe('cell formats', () => {
  // gas-fakes@dedcae3 test/testsheets.js:2078-2084 (tester: FontWeight, null reads 'normal')
  check(
    'setFontWeight bold/normal/null; getFontWeights',
    {
      src: 'test/testsheets.js:2078-2084',
      covers: ['Range.setFontWeight', 'Range.getFontWeight', 'Range.getFontWeights'],
    },
    ({ sheet }) => {
      const r = sheet.getRange('B2:C2');
      r.setFontWeight('bold');
      expect(r.getFontWeight()).toBe('bold');
      expect(r.getFontWeights()).toEqual([['bold', 'bold']]);
      r.setFontWeight(null);
      expect(r.getFontWeight()).toBe('normal');
    },
  );
  // gas-fakes@dedcae3 test/testsheets.js:2137-2147 (tester: HorizontalAlignment; null reads
  // 'general', 'normal' reads 'general-left' on real Sheets)
  check(
    "setHorizontalAlignment: left/center/right, null -> 'general', 'normal' -> 'general-left'",
    {
      src: 'test/testsheets.js:2137-2147',
      covers: ['Range.setHorizontalAlignment', 'Range.getHorizontalAlignment'],
    },
    ({ sheet }) => {
      const r = sheet.getRange('A1');
      expect(r.getHorizontalAlignment()).toBe('general');
      for (const a of ['left', 'center', 'right'] as const) {
        r.setHorizontalAlignment(a);
        expect(r.getHorizontalAlignment()).toBe(a);
      }
      r.setHorizontalAlignment(null);
      expect(r.getHorizontalAlignment()).toBe('general');
      r.setHorizontalAlignment('normal');
      expect(r.getHorizontalAlignment()).toBe('general-left');
    },
  );
  // gas-fakes@dedcae3 test/testsheets.js:2371-2425 (an empty sheet's backgrounds)
  check(
    'backgrounds of an empty range are #ffffff; setBackground fills',
    {
      src: 'test/testsheets.js:2409-2419',
      covers: ['Range.getBackground', 'Range.getBackgrounds', 'Range.setBackground'],
    },
    ({ sheet }) => {
      const r = sheet.getRange('A1:C5');
      expect(r.getBackground()).toBe('#ffffff');
      expect(r.getBackgrounds()).toEqual(grid(r, '#ffffff'));
      r.setBackground('#ff0000');
      expect(r.getBackgrounds()).toEqual(grid(r, '#ff0000'));
    },
  );
  // gas-fakes@dedcae3 test/testsheets.js:2299-2316 ("assorted cell userenteredformats")
  check(
    "setNumberFormat('0.#') then setNumberFormats",
    {
      src: 'test/testsheets.js:2299-2316',
      covers: ['Range.setNumberFormat', 'Range.setNumberFormats', 'Range.getNumberFormats'],
    },
    ({ sheet }) => {
      const r = sheet.getRange('b15:e19');
      r.setNumberFormat('0.#');
      expect(r.getNumberFormat()).toBe('0.#');
      r.setNumberFormats(grid(r, '0.#') as string[][]);
      expect(r.getNumberFormats()).toEqual(grid(r, '0.#'));
    },
  );
});

describe('values', () => {
  // gas-fakes@dedcae3 test/testsheetsvalues.js:158-165, 184-197
  check(
    'isBlank, setValues/getValues round trip, getDataRange',
    {
      src: 'test/testsheetsvalues.js:158-197',
      covers: ['Range.isBlank', 'Range.setValues', 'Range.getValues', 'Sheet.getDataRange'],
    },
    ({ sheet }) => {
      const data = Array.from({ length: 10 }, (_, i) => Array.from({ length: 6 }, (_, j) => i + j));
      const r = sheet.getRange(1, 1, 10, 6);
      expect(r.isBlank()).toBe(true);
      expect(r.offset(1, 1, 1, 1).isBlank()).toBe(true);
      r.setValues(data);
      expect(r.isBlank()).toBe(false);
      expect(r.offset(1, 0).isBlank()).toBe(false);
      expect(sheet.getDataRange().getValues()).toEqual(data);
    },
  );
  // gas-fakes@dedcae3 test/testsheetsvalues.js:279-328
  check(
    'removeDuplicates, with and without comparison columns',
    { src: 'test/testsheetsvalues.js:279-328', covers: ['Range.removeDuplicates'] },
    ({ sheet }) => {
      const rd = [
        ['foo', 'bar'],
        ['bar', 'foo'],
        ['foo', 'foo'],
        ['bar', 'foo'],
      ];
      const unique = rd.filter((row, i) => !rd.slice(0, i).some((f) => f.join() === row.join()));
      const startAt = sheet.getRange('a1:b4');
      const r0 = startAt.offset(0, 0);
      r0.setValues(rd);
      const x0 = r0.removeDuplicates();
      expect(x0.getValues()).toEqual(unique);
      expect(x0.getA1Notation()).toBe(r0.offset(0, 0, unique.length, 2).getA1Notation());
      // nothing to remove
      const r1 = startAt.offset(5, 1, unique.length, 2);
      r1.setValues(unique);
      const x1 = r1.removeDuplicates();
      expect(x1.getValues()).toEqual(unique);
      expect(x1.getA1Notation()).toBe(r1.getA1Notation());
      // every column given: same as none
      const r2 = startAt.offset(10, 2);
      r2.setValues(rd);
      const x2 = r2.removeDuplicates([r2.getColumn(), r2.getColumn() + 1]);
      expect(x2.getValues()).toEqual(unique);
      // one comparison column (the second)
      const r3 = startAt.offset(15, 3);
      r3.setValues(rd);
      const byCol2 = rd.filter((row, i) => !rd.slice(0, i).some((f) => f[1] === row[1]));
      const x3 = r3.removeDuplicates([r3.getColumn() + 1]);
      expect(x3.getValues()).toEqual(byCol2);
      expect(x3.getA1Notation()).toBe(r3.offset(0, 0, byCol2.length, 2).getA1Notation());
    },
  );
  // gas-fakes@dedcae3 test/testsheetsvalues.js:330-340
  check(
    'trimWhitespace trims and collapses spaces, formula-like text stays text',
    { src: 'test/testsheetsvalues.js:330-340', covers: ['Range.trimWhitespace'] },
    ({ sheet }) => {
      const r = sheet.getRange('A1:B2');
      const v = [
        [' preceding space', 'following space '],
        ['two  middle  spaces', '   =SUM(1,2)'],
      ];
      r.setValues(v); // '   =SUM(1,2)' starts with spaces: text, not a formula
      r.trimWhitespace();
      expect(r.getValues()).toEqual(v.map((row) => row.map((x) => x.trim().replace(/\s+/g, ' '))));
    },
  );
  // gas-fakes@dedcae3 test/testsheetsvalues.js:341-344
  check(
    'clearContent empties a block',
    { src: 'test/testsheetsvalues.js:341-344', covers: ['Range.clearContent'] },
    ({ sheet }) => {
      sheet.getRange('A1:C3').setValues([
        [1, 2, 3],
        ['a', 'b', 'c'],
        [true, false, 'x'],
      ]);
      const r = sheet.getRange('A1:Z100');
      r.clearContent();
      expect(
        r
          .getValues()
          .flat()
          .every((v) => v === ''),
      ).toBe(true);
    },
  );
  // gas-fakes@dedcae3 test/testsheetstext.js:144-160 (appendRow)
  check(
    'appendRow writes after the last row',
    {
      src: 'test/testsheetstext.js:150-157',
      covers: ['Sheet.appendRow', 'Sheet.getLastRow', 'Sheet.getLastColumn'],
    },
    ({ ss }) => {
      const sheet = ss.insertSheet('temp');
      const data = ['sample1', 'sample2', 'sample3'];
      sheet.appendRow(data);
      expect(sheet.getLastRow()).toBe(1);
      expect(sheet.getLastColumn()).toBe(3);
      expect(sheet.getRange(1, 1, 1, 3).getValues()).toEqual([data]);
    },
  );
  // gas-fakes@dedcae3 test/testsheetsvalues.js:556-577 ("spreadsheetapp basics"; the
  // fixture spreadsheet is recreated: a workbook with inserted sheets)
  check(
    'sheet index, ids, names and sizes',
    {
      src: 'test/testsheetsvalues.js:556-577',
      covers: [
        'Spreadsheet.getSheets',
        'Spreadsheet.getNumSheets',
        'Sheet.getIndex',
        'Sheet.getSheetId',
        'Spreadsheet.getSheetById',
        'Spreadsheet.getSheetByName',
      ],
    },
    ({ ss }) => {
      ss.insertSheet('extra');
      expect(ss.getNumSheets()).toBe(ss.getSheets().length);
      ss.getSheets().forEach((s, i) => {
        expect(s.getIndex()).toBe(i + 1);
        expect(s.getName()).toBe(s.getSheetName());
        expect(typeof s.getSheetId()).toBe('number');
        expect([s.getMaxRows(), s.getMaxColumns()]).toEqual([1000, 26]);
        expect(ss.getSheetById(s.getSheetId())!.getName()).toBe(s.getName());
        expect(ss.getSheetByName(s.getName())!.getSheetId()).toBe(s.getSheetId());
      });
    },
  );
  // gas-fakes@dedcae3 test/testsheetsvalues.js:44-50
  check(
    'insertSheet(name, index) orders sheets and updates getIndex',
    {
      src: 'test/testsheetsvalues.js:44-50',
      covers: ['Spreadsheet.insertSheet', 'Sheet.getIndex'],
    },
    ({ ss }) => {
      // Recreated state: SpreadsheetApp.create() gives one 'Sheet1'; here the runtime's workbook
      // holds Sheet1 and the harness's 'conformance' tab, which is removed first.
      ss.deleteSheet(ss.getSheetByName('conformance')!);
      ss.insertSheet('s1');
      ss.insertSheet('s2');
      ss.insertSheet('s3', 1);
      ss.insertSheet('s4', 0);
      expect(ss.getSheets().map((s) => [s.getName(), s.getIndex()])).toEqual([
        ['s4', 1],
        ['Sheet1', 2],
        ['s3', 3],
        ['s1', 4],
        ['s2', 5],
      ]);
    },
  );
  // gas-fakes@dedcae3 test/testsheetsvalues.js:126-131
  check(
    'setColumnWidth / setColumnWidths',
    {
      src: 'test/testsheetsvalues.js:126-140',
      covers: ['Sheet.setColumnWidths', 'Sheet.getColumnWidth'],
    },
    ({ sheet }) => {
      sheet.setColumnWidths(2, 3, 200);
      for (let c = 2; c < 5; c++) expect(sheet.getColumnWidth(c)).toBe(200);
    },
  );
  check(
    'setRowHeight / getRowHeight',
    { src: 'test/testsheetsvalues.js:126-131', covers: ['Sheet.setRowHeight'] },
    ({ sheet }) => {
      sheet.setRowHeight(3, 31);
      expect(sheet.getRowHeight(3)).toBe(31);
    },
  );
  // gas-fakes@dedcae3 test/testsheets.js:2888-2901
  check(
    'Sheet.setName',
    { src: 'test/testsheets.js:2888-2901', covers: ['Sheet.setName', 'Sheet.getName'] },
    ({ sheet }) => {
      sheet.setName('sample');
      expect(sheet.getName()).toBe('sample');
    },
  );
  // gas-fakes@dedcae3 test/testsheetsvui.js:201-212 (the fixture sheet is recreated: any tab)
  check(
    'range basics: toString, grid id, bounds, getCell, offset',
    {
      src: 'test/testsheetsvui.js:201-212',
      covers: ['Range.getGridId', 'Range.getCell', 'Range.offset', 'Range.getLastRow'],
    },
    ({ sheet }) => {
      const range = sheet.getRange('c2:$d$4');
      expect(String(range)).toBe('Range');
      expect(range.getGridId()).toBe(sheet.getSheetId());
      expect(range.getA1Notation()).toBe('C2:D4');
      expect([
        range.getRow(),
        range.getColumn(),
        range.getLastRow(),
        range.getLastColumn(),
      ]).toEqual([2, 3, 4, 4]);
      expect(range.getCell(1, 1).getA1Notation()).toBe(range.offset(0, 0, 1, 1).getA1Notation());
      expect(range.getCell(2, 2).getColumn()).toBe(range.getColumn() + 1);
      expect(range.getCell(2, 2).getRow()).toBe(range.getRow() + 1);
    },
  );
  check(
    'getWidth / getHeight',
    { src: 'test/testsheetsvui.js:211-212', covers: ['Range.getWidth'] },
    ({ sheet }) => {
      const range = sheet.getRange('C2:D4');
      expect(range.getWidth()).toBe(range.getNumColumns());
      expect(range.getHeight()).toBe(range.getNumRows());
    },
  );
});

describe('offsets on a data range', () => {
  // gas-fakes@dedcae3 test/testsheetsvui.js:231-249 (the fixture's data is recreated: a 4 x 6 block
  // from A1)
  check(
    'offset forms and getValue / getDisplayValue / getFormula(s)',
    {
      src: 'test/testsheetsvui.js:231-258',
      covers: ['Range.offset', 'Range.getValue', 'Range.getDisplayValue', 'Range.getFormula'],
    },
    ({ sheet }) => {
      sheet
        .getRange(1, 1, 4, 6)
        .setValues(
          Array.from({ length: 4 }, (_, r) => Array.from({ length: 6 }, (_, c) => `r${r}c${c}`)),
        );
      const dr = sheet.getDataRange();
      expect(dr.offset(0, 0).getA1Notation()).toBe(dr.getA1Notation());
      expect(dr.offset(0, 0, 1, 1).getA1Notation()).toBe('A1');
      expect(dr.offset(1, 1, 1, 1).getA1Notation()).toBe('B2');
      expect(dr.offset(2, 1).getColumn()).toBe(2);
      expect(dr.offset(3, 5).getRow()).toBe(4);
      expect(dr.offset(0, 1).getLastColumn()).toBe(dr.getLastColumn() + 1);
      expect(dr.offset(1, 1).getNumRows()).toBe(dr.getNumRows());
      expect(dr.offset(1, 1, 2, 2).getNumColumns()).toBe(2);
      expect(dr.offset(1, 1, 3).getNumRows()).toBe(3);
      expect(dr.offset(1, 1, 3, 4).getNumColumns()).toBe(4);
      const range = sheet.getRange('c2:$d$4');
      expect(range.getValue()).toBe('r1c2');
      expect(range.offset(1, 1, 1, 1).getValue()).toBe('r2c3');
      expect(range.getDisplayValue()).toBe('r1c2');
      expect(() => range.offset(0, 0, 0)).toThrow(/number of rows/);
      expect(() => range.offset(0, 0, 1, 0)).toThrow(/number of columns/);
      expect(typeof range.getFormula()).toBe('string');
      expect(range.getFormulas()).toHaveLength(3);
    },
  );
});

describe('notes', () => {
  // gas-fakes@dedcae3 test/testsheets.js:770-803
  check(
    'setNote fills the range, setNotes per cell',
    {
      src: 'test/testsheets.js:770-795',
      covers: ['Range.setNote', 'Range.getNote', 'Range.getNotes', 'Range.setNotes'],
    },
    ({ sheet }) => {
      const range = sheet.getRange('C2:D3');
      range.setNote('foo');
      expect(range.getNote()).toBe('foo');
      expect(range.getNotes()).toEqual(grid(range, 'foo'));
      range.setNotes([
        ['foo', 'bar'],
        ['', 'foo'],
      ]);
      expect(range.getNotes()).toEqual([
        ['foo', 'bar'],
        ['', 'foo'],
      ]);
    },
  );
});

describe('merges', () => {
  const fill = (sheet: GoogleAppsScript.Spreadsheet.Sheet): void => {
    sheet
      .getRange('A1:F10')
      .setValues(
        Array.from({ length: 10 }, (_, r) =>
          Array.from({ length: 6 }, (_, c) => `R${r + 1}C${c + 1}`),
        ),
      );
  };
  // gas-fakes@dedcae3 test/testsheets.js:349-410
  check(
    'merge, isPartOfMerge, getMergedRanges, breakApart',
    {
      src: 'test/testsheets.js:349-410',
      covers: ['Range.merge', 'Range.isPartOfMerge', 'Range.getMergedRanges', 'Range.breakApart'],
    },
    ({ sheet }) => {
      fill(sheet);
      const m = sheet.getRange('A1:B2');
      m.merge();
      expect(sheet.getRange('A1').isPartOfMerge()).toBe(true);
      expect(sheet.getRange('B2').isPartOfMerge()).toBe(true);
      expect(m.isPartOfMerge()).toBe(true);
      expect(sheet.getRange('C3').isPartOfMerge()).toBe(false);
      expect(m.getDisplayValue()).toBe('R1C1');
      const merged = sheet.getRange('A1:C3').getMergedRanges();
      expect(merged.map((r) => r.getA1Notation())).toEqual(['A1:B2']);
      m.breakApart();
      expect(sheet.getRange('A1').isPartOfMerge()).toBe(false);
      expect(sheet.getDataRange().getMergedRanges()).toHaveLength(0);
    },
  );
  // gas-fakes@dedcae3 test/testsheets.js:412-440
  check(
    'mergeAcross',
    { src: 'test/testsheets.js:412-440', covers: ['Range.mergeAcross'] },
    ({ sheet }) => {
      fill(sheet);
      sheet.getRange('D1:F2').mergeAcross();
      const names = sheet
        .getDataRange()
        .getMergedRanges()
        .map((r) => r.getA1Notation())
        .sort();
      expect(names).toEqual(['D1:F1', 'D2:F2']);
      expect(sheet.getRange('D2').getDisplayValue()).toBe('R2C4');
    },
  );
  // gas-fakes@dedcae3 test/testsheets.js:442-466
  check(
    'mergeVertically',
    { src: 'test/testsheets.js:442-466', covers: ['Range.mergeVertically'] },
    ({ sheet }) => {
      fill(sheet);
      sheet.getRange('A5:B7').mergeVertically();
      const names = sheet
        .getDataRange()
        .getMergedRanges()
        .map((r) => r.getA1Notation())
        .sort();
      expect(names).toEqual(['A5:A7', 'B5:B7']);
      expect(sheet.getRange('B5').getDisplayValue()).toBe('R5C2');
    },
  );
});

describe('clearing', () => {
  const setup = (
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    sheet: GoogleAppsScript.Spreadsheet.Sheet,
  ): { values: string[][]; backgrounds: string[][]; notes: string[][] } => {
    const range = sheet.getRange('A1:C3');
    const values = [
      ['A1', 'B1', 'C1'],
      ['A2', 'B2', 'C2'],
      ['A3', 'B3', 'C3'],
    ];
    const backgrounds = [
      ['#ff0000', '#00ff00', '#0000ff'],
      ['#ffff00', '#00ffff', '#ff00ff'],
      ['#cccccc', '#999999', '#666666'],
    ];
    const notes = values.map((row) => row.map((v) => `Note ${v}`));
    range.setValues(values);
    range.setBackgrounds(backgrounds);
    range.setNotes(notes);
    range.setDataValidation(SpreadsheetApp.newDataValidation().requireNumberEqualTo(5).build());
    return { values, backgrounds, notes };
  };
  // gas-fakes@dedcae3 test/testsheets.js:475-530
  check(
    'Sheet.clear clears values and formats, keeps notes and validations',
    {
      src: 'test/testsheets.js:475-530',
      covers: ['Sheet.clear', 'Range.getBackgrounds', 'Range.getDataValidations'],
    },
    ({ SpreadsheetApp, sheet }) => {
      const s = setup(SpreadsheetApp, sheet);
      sheet.clear();
      const r = sheet.getRange('A1:C3');
      expect(r.getValues()).toEqual(grid(r, ''));
      expect(r.getBackgrounds()).toEqual(grid(r, '#ffffff'));
      expect(r.getNotes()).toEqual(s.notes);
      expect(r.getDataValidations()[0][0]).toBeTruthy();
    },
  );
  // gas-fakes@dedcae3 test/testsheets.js:532-556
  check(
    'Sheet.clearContents keeps formats, notes and validations',
    { src: 'test/testsheets.js:532-556', covers: ['Sheet.clearContents'] },
    ({ SpreadsheetApp, sheet }) => {
      const s = setup(SpreadsheetApp, sheet);
      sheet.clearContents();
      const r = sheet.getRange('A1:C3');
      expect(r.getValues()).toEqual(grid(r, ''));
      expect(r.getBackgrounds()).toEqual(s.backgrounds);
      expect(r.getNotes()).toEqual(s.notes);
      expect(r.getDataValidations()[0][0]).toBeTruthy();
    },
  );
  // gas-fakes@dedcae3 test/testsheets.js:558-581
  check(
    'Sheet.clearFormats keeps values, notes and validations',
    { src: 'test/testsheets.js:558-581', covers: ['Sheet.clearFormats'] },
    ({ SpreadsheetApp, sheet }) => {
      const s = setup(SpreadsheetApp, sheet);
      sheet.clearFormats();
      const r = sheet.getRange('A1:C3');
      expect(r.getValues()).toEqual(s.values);
      expect(r.getBackgrounds()).toEqual(grid(r, '#ffffff'));
      expect(r.getNotes()).toEqual(s.notes);
      expect(r.getDataValidations()[0][0]).toBeTruthy();
    },
  );
  // gas-fakes@dedcae3 test/testsheets.js:583-606
  check(
    'Sheet.clearNotes clears only notes',
    { src: 'test/testsheets.js:583-606', covers: ['Sheet.clearNotes'] },
    ({ SpreadsheetApp, sheet }) => {
      const s = setup(SpreadsheetApp, sheet);
      sheet.clearNotes();
      const r = sheet.getRange('A1:C3');
      expect(r.getValues()).toEqual(s.values);
      expect(r.getBackgrounds()).toEqual(s.backgrounds);
      expect(r.getNotes()).toEqual(grid(r, ''));
      expect(r.getDataValidations()[0][0]).toBeTruthy();
    },
  );
  // gas-fakes@dedcae3 test/testsheetssets.js:587-604 ("clearing ranges")
  check(
    "clearDataValidations (and a leading '!' in A1 notation)",
    {
      src: 'test/testsheetssets.js:587-604',
      covers: ['Range.setDataValidation', 'Range.getDataValidations', 'Range.clearDataValidations'],
    },
    ({ SpreadsheetApp, sheet }) => {
      const dv = SpreadsheetApp.newDataValidation().requireValueInList(['1', '2'], true).build();
      const cr = sheet.getRange('!c2:e5');
      cr.setDataValidation(dv);
      const rules = cr.getDataValidations();
      expect([rules.length, rules[0].length]).toEqual([cr.getNumRows(), cr.getNumColumns()]);
      cr.clearDataValidations();
      expect(cr.getDataValidations()).toEqual(grid(cr, null));
    },
  );
});

describe('the active spreadsheet', () => {
  // gas-fakes@dedcae3 test/testsheetsexotics.js:20-33: a container-bound script's active
  // spreadsheet is its container (recreated: the runtime's bound workbook)
  check(
    'getActiveSpreadsheet is the container',
    {
      src: 'test/testsheetsexotics.js:20-33',
      covers: ['SpreadsheetApp.getActiveSpreadsheet'],
    },
    ({ SpreadsheetApp, rt }) => {
      const active = SpreadsheetApp.getActiveSpreadsheet();
      expect(active).not.toBeNull();
      expect(active.getId()).toBe(rt.spreadsheet.getId());
    },
  );
  // gas-fakes@dedcae3 test/testsheetsexotics.js:35-44
  check(
    'setActiveSpreadsheet',
    { src: 'test/testsheetsexotics.js:35-44', covers: ['SpreadsheetApp.setActiveSpreadsheet'] },
    ({ SpreadsheetApp, ss }) => {
      SpreadsheetApp.setActiveSpreadsheet(ss);
      expect(SpreadsheetApp.getActiveSpreadsheet().getId()).toBe(ss.getId());
    },
  );
});
