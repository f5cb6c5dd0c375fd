/** Shared fixtures for the SpreadsheetApp runtime tests. */
import { CallTracker } from '../src/tracker';
import type { RuntimeContext } from '../src/context';
import { FakeSpreadsheet } from '../src/spreadsheet';

export function makeCtx(
  tz = 'America/New_York',
  now = new Date('2024-06-01T12:00:00Z'),
): RuntimeContext {
  return {
    tracker: new CallTracker(),
    timeZone: () => tz,
    now: () => new Date(now.getTime()),
    activeUser: () => 'me@example.com',
    effectiveUser: () => 'me@example.com',
    owner: () => 'owner@example.com',
    DateCtor: Date,
    apostrophe: 'stripped',
    pivot: { blankItem: 'ignored', emptyRows: 'skipped' },
    writes: [],
    executionId: () => 0,
  };
}

export function makeSpreadsheet(tz?: string): { ctx: RuntimeContext; ss: FakeSpreadsheet } {
  const ctx = makeCtx(tz);
  return { ctx, ss: new FakeSpreadsheet(ctx, { name: 'Test', id: 'test-id' }) };
}
