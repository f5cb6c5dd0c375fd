/**
 * Conformance: TextFinder on a spreadsheet, a sheet and a range. Source: brucemcpherson/gas-fakes
 * at commit dedcae381f9aaec1dadc94e27b4dc7fae6edf5c9, test/testsheetstext.js:21-140 (assertions
 * made on real Apps Script, re-written here).
 */
import { check, type Env } from './harness';

const VALUES = [
  ['sample', 'sámplé'],
  ['SampleA', 'sámplé'],
  ['=SAMPLE()', '=SámpléB()'],
  ['=sample()', '=sámpléB()'],
  ['=sampleA()', '=sámpléB()'],
];

type TF = GoogleAppsScript.Spreadsheet.TextFinder;
type Finder = { createTextFinder(t: string): TF };

function setUp(env: Env): Record<'sheet' | 'range' | 'spreadsheet', Finder> {
  env.sheet.getRange(1, 1, VALUES.length, 2).setValues(VALUES);
  return { sheet: env.sheet, range: env.sheet.getRange('A3:B5'), spreadsheet: env.ss };
}

const a1s = (ranges: GoogleAppsScript.Spreadsheet.Range[]): string[] =>
  ranges.map((r) => r.getA1Notation());

for (const kind of ['sheet', 'range', 'spreadsheet'] as const) {
  const covers =
    kind === 'sheet'
      ? ['Sheet.createTextFinder', 'TextFinder.findAll']
      : kind === 'range'
        ? ['Range.createTextFinder', 'TextFinder.findAll']
        : ['Spreadsheet.createTextFinder', 'TextFinder.findAll'];
  describe(`${kind}.createTextFinder`, () => {
    // gas-fakes@dedcae3 test/testsheetstext.js:43-58
    check(
      'default search: display text, case-insensitive, part of a cell',
      { src: 'test/testsheetstext.js:43-58', covers },
      (env) => {
        const f = setUp(env)[kind];
        const want = { sheet: ['A1', 'A2'], spreadsheet: ['A1', 'A2'], range: [] }[kind];
        expect(a1s(f.createTextFinder('sample').findAll())).toEqual(want);
      },
    );
    // gas-fakes@dedcae3 test/testsheetstext.js:61-78
    check(
      'ignoreDiacritics + matchCase + matchEntireCell',
      {
        src: 'test/testsheetstext.js:61-78',
        covers: [
          ...covers,
          'TextFinder.ignoreDiacritics',
          'TextFinder.matchCase',
          'TextFinder.matchEntireCell',
        ],
      },
      (env) => {
        const f = setUp(env)[kind];
        const got = f
          .createTextFinder('sample')
          .ignoreDiacritics(true)
          .matchCase(true)
          .matchEntireCell(true)
          .findAll();
        const want = { sheet: ['A1', 'B1', 'B2'], spreadsheet: ['A1', 'B1', 'B2'], range: [] }[
          kind
        ];
        expect(a1s(got)).toEqual(want);
      },
    );
    // gas-fakes@dedcae3 test/testsheetstext.js:80-94
    check(
      'matchFormulaText searches formulas',
      { src: 'test/testsheetstext.js:80-94', covers: [...covers, 'TextFinder.matchFormulaText'] },
      (env) => {
        const f = setUp(env)[kind];
        const all = ['A1', 'A2', 'A3', 'A4', 'A5'];
        const want = { sheet: all, spreadsheet: all, range: ['A3', 'A4', 'A5'] }[kind];
        expect(a1s(f.createTextFinder('sample').matchFormulaText(true).findAll())).toEqual(want);
      },
    );
    // gas-fakes@dedcae3 test/testsheetstext.js:96-113
    check(
      'matchFormulaText + ignoreDiacritics + matchCase + matchEntireCell',
      { src: 'test/testsheetstext.js:96-113', covers: [...covers, 'TextFinder.matchFormulaText'] },
      (env) => {
        const f = setUp(env)[kind];
        const got = f
          .createTextFinder('sample')
          .matchFormulaText(true)
          .ignoreDiacritics(true)
          .matchCase(true)
          .matchEntireCell(true)
          .findAll();
        const want = { sheet: ['A1', 'B1', 'B2'], spreadsheet: ['A1', 'B1', 'B2'], range: [] }[
          kind
        ];
        expect(a1s(got)).toEqual(want);
      },
    );
    // gas-fakes@dedcae3 test/testsheetstext.js:116-123
    check(
      'replaceAllWith returns the number of cells changed',
      {
        src: 'test/testsheetstext.js:116-123',
        covers: [covers[0], 'TextFinder.replaceAllWith'],
      },
      (env) => {
        const f = setUp(env)[kind];
        const want = { sheet: 2, spreadsheet: 2, range: 0 }[kind];
        expect(f.createTextFinder('sample').replaceAllWith('test')).toBe(want);
      },
    );
    // gas-fakes@dedcae3 test/testsheetstext.js:125-138
    check(
      'replaceAllWith with matchFormulaText + matchCase + matchEntireCell',
      {
        src: 'test/testsheetstext.js:125-138',
        covers: [covers[0], 'TextFinder.replaceAllWith'],
      },
      (env) => {
        const f = setUp(env)[kind];
        const want = { sheet: 1, spreadsheet: 1, range: 0 }[kind];
        const n = f
          .createTextFinder('sample')
          .matchFormulaText(true)
          .matchCase(true)
          .matchEntireCell(true)
          .replaceAllWith('test');
        expect(n).toBe(want);
      },
    );
  });
}

describe('replacing without diacritics', () => {
  // gas-fakes@dedcae3 test/testsheetstext.js:61-78 and 116-123: with ignoreDiacritics the finder
  // matches 'sámplé' for 'sample'; replaceAllWith replaces what it matches.
  check(
    'ignoreDiacritics + replaceAllWith inside a cell',
    {
      src: 'test/testsheetstext.js:61-123',
      covers: [
        'Sheet.createTextFinder',
        'TextFinder.ignoreDiacritics',
        'TextFinder.replaceAllWith',
      ],
    },
    ({ sheet }) => {
      sheet.getRange('A1:A2').setValues([['a sámplé here'], ['no match']]);
      const n = sheet.createTextFinder('sample').ignoreDiacritics(true).replaceAllWith('test');
      expect(n).toBe(1);
      expect(sheet.getRange('A1:A2').getValues()).toEqual([['a test here'], ['no match']]);
    },
  );
});
