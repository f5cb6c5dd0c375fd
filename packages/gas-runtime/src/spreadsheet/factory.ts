// The one place the sheet's API objects are created: Range, Protection, TextFinder and PivotTable
// are views over the sheet store, and reach one another only through here (no import cycles).
import type { FakePivotTable } from './pivot';
import type { FakeProtection } from './protection';
import type { FakeRange } from './range';
import type { FakeTextFinder } from './textfinder';

export interface Factory {
  range(...args: ConstructorParameters<typeof FakeRange>): FakeRange;
  isRange(v: unknown): v is FakeRange;
  protection(...args: ConstructorParameters<typeof FakeProtection>): FakeProtection;
  textFinder(...args: ConstructorParameters<typeof FakeTextFinder>): FakeTextFinder;
  pivotTable(...args: ConstructorParameters<typeof FakePivotTable>): FakePivotTable;
}

const parts: Partial<Factory> = {};

/** Each API module provides its own constructors when it loads (sheet.ts loads them all). */
export function provide(p: Partial<Factory>): void {
  Object.assign(parts, p);
}

function part<K extends keyof Factory>(name: K): Factory[K] {
  const f = parts[name];
  if (!f) throw new Error(`runtime factory: ${name} not provided (import ./sheet first)`);
  return f;
}

/** Creates the API objects: make.range(sheet, r, c, nr, nc), make.protection(...), ... */
export const make: Factory = {
  range: (...args) => part('range')(...args),
  isRange: (v): v is FakeRange => part('isRange')(v),
  protection: (...args) => part('protection')(...args),
  textFinder: (...args) => part('textFinder')(...args),
  pivotTable: (...args) => part('pivotTable')(...args),
};
