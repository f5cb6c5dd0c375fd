import fc from 'fast-check';
import { CsvError, csvField, parseCsv, toCsv } from '../../workbench/csv';

describe('parseCsv (RFC 4180)', () => {
  it('parses plain fields and CRLF / LF / CR line ends', () => {
    expect(parseCsv('a,b,c\r\n1,2,3\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\r1,2\r')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('handles quoted fields with commas, doubled quotes and embedded newlines', () => {
    const text = 'h1,h2,h3\r\n"a, b","say ""hi""","line1\r\nline2\nline3"\r\nx,,""\r\n';
    expect(parseCsv(text)).toEqual([
      ['h1', 'h2', 'h3'],
      ['a, b', 'say "hi"', 'line1\r\nline2\nline3'],
      ['x', '', ''],
    ]);
  });

  it('drops a UTF-8 BOM and keeps non-ASCII text', () => {
    expect(parseCsv('\uFEFFDate,Team\r\n3/5,Équipe — ✓\r\n')).toEqual([
      ['Date', 'Team'],
      ['3/5', 'Équipe — ✓'],
    ]);
  });

  it('keeps empty fields, leading/trailing spaces and a trailing delimiter', () => {
    expect(parseCsv(' a ,,b ,\r\n')).toEqual([[' a ', '', 'b ', '']]);
  });

  it('pads ragged rows to a rectangle unless asked not to', () => {
    expect(parseCsv('a,b,c\n1\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', ''],
    ]);
    expect(parseCsv('a,b,c\n1\n', { rectangular: false })).toEqual([['a', 'b', 'c'], ['1']]);
  });

  it('ignores trailing blank lines but keeps blank lines inside the data', () => {
    expect(parseCsv('a\n\nb\n\n\n')).toEqual([['a'], [''], ['b']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('treats a quote inside an unquoted field as a literal character', () => {
    expect(parseCsv('5" screen,x\n')).toEqual([['5" screen', 'x']]);
  });

  it('supports another delimiter (tab, semicolon)', () => {
    expect(parseCsv('a\tb\n"x\ty"\tz\n', { delimiter: '\t' })).toEqual([
      ['a', 'b'],
      ['x\ty', 'z'],
    ]);
    expect(parseCsv('a;b\n1,5;2\n', { delimiter: ';' })).toEqual([
      ['a', 'b'],
      ['1,5', '2'],
    ]);
    expect(() => parseCsv('a', { delimiter: '"' })).toThrow(/delimiter/);
  });

  it('reports an unterminated quote with the line it started on', () => {
    expect(() => parseCsv('a,b\n1,"open\nmore\n')).toThrow(CsvError);
    try {
      parseCsv('a,b\n1,"open\nmore\n');
    } catch (e) {
      expect((e as CsvError).line).toBe(2);
      expect((e as Error).message).toMatch(/line 2: unterminated/);
    }
  });

  it('rejects garbage after a closing quote', () => {
    expect(() => parseCsv('"a"b,c\n')).toThrow(/after a closing quote/);
  });
});

describe('toCsv / csvField', () => {
  it('quotes only fields that need it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('x\ny')).toBe('"x\ny"');
    expect(csvField(null)).toBe('');
    expect(csvField(42)).toBe('42');
    expect(
      toCsv([
        ['a', 'b,c'],
        [1, ''],
      ]),
    ).toBe('a,"b,c"\r\n1,\r\n');
  });

  it('round-trips any table of strings (property test)', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r', 'é', '\t', '='),
    });
    const table = fc
      .integer({ min: 1, max: 5 })
      .chain((w) =>
        fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 8 }),
      )
      // A table whose last row is a single empty field is indistinguishable from a trailing newline.
      .filter((rows) => !(rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === ''));
    fc.assert(
      fc.property(table, (rows) => {
        expect(parseCsv(toCsv(rows))).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});
