import fc from 'fast-check';
import { needsLiteralPrefix, toLiteralBlock, toLiteralCell } from '../../src/domain/literal';
import { typeInput } from '../../packages/gas-runtime/src/spreadsheet/values';

describe('toLiteralCell', () => {
  const injections = [
    '=IMPORTXML("https://evil.example","//a")',
    '=HYPERLINK("http://x","y")',
    '=1+1',
    '+1',
    '-2',
    '@x',
    "+=cmd|' /C calc'!A0",
    '-=1+1',
    '@SUM(A1:A9)',
    "'quoted",
    '#N/A',
    '#REF!',
    '  =1+2',
    '\t=1',
  ];
  it.each(injections)('prefixes formula and sign payload %j', (s) => {
    expect(toLiteralCell(s)).toBe(`'${s}`);
  });

  const autoTyped = [
    '123',
    '0042',
    '1.5',
    '.5',
    '1,234',
    '1e5',
    '5%',
    '$5',
    '€10',
    '(3)',
    '3/5',
    '2024-03-05',
    '12:30',
    '1:30 PM',
    '5 March',
    'March 5',
    'Mar 5, 2024',
    'mar. 5',
    'Tue 3/5',
    'TRUE',
    'false',
    ' 42',
    '1712345678.123456',
  ];
  it.each(autoTyped)('prefixes text Sheets would auto-type: %j', (s) => {
    expect(toLiteralCell(s)).toBe(`'${s}`);
  });

  const plain = [
    'Cannot log in to staging',
    'Frontend Tools',
    'https://dsva.slack.com/archives/C0ABCDEFG/p1712345678123456',
    'a=b',
    'x+y',
    'email@example.com',
    'Truest',
    'Marching band',
    'Maybe later',
    '',
  ];
  it.each(plain)('leaves plain text alone: %j', (s) => {
    expect(toLiteralCell(s)).toBe(s);
  });

  it('passes typed values through and blanks nullish or invalid ones', () => {
    const d = new Date('2024-03-05T12:00:00Z');
    expect(toLiteralCell(d)).toBe(d);
    expect(toLiteralCell(42)).toBe(42);
    expect(toLiteralCell(0)).toBe(0);
    expect(toLiteralCell(true)).toBe(true);
    expect(toLiteralCell(false)).toBe(false);
    expect(toLiteralCell(null)).toBe('');
    expect(toLiteralCell(undefined)).toBe('');
    expect(toLiteralCell(NaN)).toBe('');
    expect(toLiteralCell(Infinity)).toBe('');
    expect(toLiteralCell(new Date('nope'))).toBe('');
  });

  it('stringifies other objects literally', () => {
    expect(toLiteralCell({ toString: () => '=1' })).toBe("'=1");
    expect(toLiteralCell(10n)).toBe("'10");
  });

  it('is a no-op on its own output as far as Sheets is concerned', () => {
    // Sheets strips exactly one leading apostrophe, so writing the output stores the input.
    for (const s of [...injections, ...autoTyped, ...plain]) {
      const out = toLiteralCell(s) as string;
      const stored = out.startsWith("'") ? out.slice(1) : out;
      expect(stored).toBe(s);
    }
  });

  it('needsLiteralPrefix agrees with toLiteralCell', () => {
    expect(needsLiteralPrefix('=x')).toBe(true);
    expect(needsLiteralPrefix('x')).toBe(false);
    expect(needsLiteralPrefix('   ')).toBe(false);
  });

  it('toLiteralBlock maps a 2-D block without mutating it', () => {
    const input = [
      ['=1', 2, 'ok'],
      ['-3', true, null],
    ];
    const out = toLiteralBlock(input);
    expect(out).toEqual([
      ["'=1", 2, 'ok'],
      ["'-3", true, ''],
    ]);
    expect(input[0][0]).toBe('=1');
  });
});

describe('against the runtime model of Sheets auto-typing (packages/gas-runtime/src/spreadsheet/values.ts)', () => {
  const TZ = 'America/New_York';

  const stored = (s: string): unknown => {
    const t = typeInput(toLiteralCell(s), undefined, TZ, 2024);
    return t.formula ?? t.value;
  };

  it('every payload of this file is stored as exactly the text given', () => {
    for (const s of [
      '=IMPORTXML("a","b")',
      '+1',
      '-2',
      '@x',
      '3/5',
      'March 5',
      '1,234',
      '5%',
      '$5',
      'TRUE',
      '12:30',
      "'x",
    ]) {
      expect(stored(s)).toBe(s);
    }
  });

  it('property: any string is stored as itself (no formula, number, date or boolean)', () => {
    const pieces = fc.constantFrom(
      '=',
      '+',
      '-',
      '@',
      "'",
      '#',
      ' ',
      '1',
      '0',
      '.',
      ',',
      '/',
      ':',
      '%',
      '$',
      'e',
      'E',
      'Mar',
      'march',
      'Tue',
      'TRUE',
      'false',
      'am',
      'PM',
      '2024',
      '-',
      'x',
      'N/A',
      '(',
      ')',
    );
    const arb = fc.oneof(
      fc.string(),
      fc.array(pieces, { maxLength: 6 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(arb, (s) => {
        expect(stored(s)).toBe(s);
      }),
      { numRuns: 3000 },
    );
  });
});
