import { quoteSheet } from '../../src/domain/a1';

describe('quoteSheet', () => {
  it('leaves a plain name as it is', () => {
    expect(quoteSheet('Settings')).toBe('Settings');
    expect(quoteSheet('Sheet1')).toBe('Sheet1');
  });
  it('quotes names with spaces or quotes, doubling the quotes', () => {
    expect(quoteSheet('Change log')).toBe("'Change log'");
    expect(quoteSheet("Bob's tab")).toBe("'Bob''s tab'");
  });
  it('quotes names that read as a reference or a boolean', () => {
    expect(quoteSheet('Q1')).toBe("'Q1'");
    expect(quoteSheet('R1C1')).toBe("'R1C1'");
    expect(quoteSheet('TRUE')).toBe("'TRUE'");
  });
});
