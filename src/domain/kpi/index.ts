/** KPI domain: definitions, one-pass report, sheet blocks. Pure: no Apps Script globals. */
export * from './zone';
export * from './stats';
export * from './calendar';
export * from './definitions';
export * from './accumulator';
export * from './kpis';
export * from './report';
export * from './sheetBlocks';
export * from './pivotBlanks';
