/**
 * Defects found in the review of src/gas/** (each test failed before its fix), on the BUILT bundle.
 */
import { HEADERS, SHEETS } from '../../src/domain/schema';
import { createRuntime } from '../../packages/gas-runtime/src';
import { ensureBuilt, loadBuiltRuntime, sheetValues } from '../helpers/runtime';

/** A runtime at a fixed clock whose legacy 'Support log' tab has been adopted by setUpSheet. */
function adoptedLegacy(header: string[], rows: unknown[][]): ReturnType<typeof createRuntime> {
  const rt = createRuntime({ now: new Date('2024-04-01T14:00:00Z'), distDir: ensureBuilt() });
  rt.spreadsheet._addSheet('Support log', [header, ...rows]);
  expect((rt.run('setUpSheet') as { ok: boolean }).ok).toBe(true);
  return rt;
}

describe('Run log under concurrent runs', () => {
  test('a run that logs while another run is logging never overwrites its row', () => {
    const rt = loadBuiltRuntime();
    rt.run('setUpSheet');
    rt.run('removeTriggers'); // the Run log now holds one run
    let inner = false;
    // Another execution writes its Run log row right before this one writes its own: a
    // read-last-row-then-write append would land on the same row.
    rt.interleave(
      (c) => c.name === 'Range.setValues' || c.name === 'Sheet.appendRow',
      () => {
        rt.run('installTriggers');
        inner = true;
      },
    );
    rt.run('removeTriggers');
    expect(inner).toBe(true);
    const fns = (sheetValues(rt, SHEETS.runLog) ?? [])
      .slice(1)
      .map((r) => r[1])
      .filter((f) => f !== 'setUpSheet'); // the setup's own row (issue 10)
    expect(fns).toEqual(['removeTriggers', 'installTriggers', 'removeTriggers']);
  });
});

describe('undoLastNormalization reads only its own run from the Change log', () => {
  test('a long Change log of earlier runs does not grow the cells undo reads', () => {
    const legacy = Array.from({ length: 300 }, (_, i) => [
      '3/5',
      'tools-fe',
      'ci failing',
      `Request ${i}`,
      '30m',
    ]);
    const rt = adoptedLegacy(['Date', 'Team', 'Category', 'Description', 'Time spent'], legacy);
    const undoCellsRead = (): number => {
      expect(
        (rt.run('normalizeRequests') as { cellsChanged: number }).cellsChanged,
      ).toBeGreaterThan(300);
      rt.tracker.reset();
      const undo = rt.run('undoLastNormalization') as { ok: boolean; restored: number };
      expect(undo.ok).toBe(true);
      return rt.tracker.snapshot().cellsRead;
    };
    const first = undoCellsRead();
    // The Change log now holds the first run and its undo; the second run adds its own rows.
    const second = undoCellsRead();
    expect(second).toBeLessThanOrEqual(first + 50);
  });
});

describe('closeMyRequest is idempotent', () => {
  test('closing an already closed request keeps its Resolved at and never overwrites it', () => {
    const rt = loadBuiltRuntime();
    rt.run('setUpSheet');
    const ss = rt.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    ss.getSheetByName(SHEETS.teams)!
      .getRange(2, 1, 1, 3)
      .setValues([['Benefits Team', '', false]]);
    const sent = rt.runFromClient('submitRequest', {
      summary: 'Cannot log in to the staging site',
      vfsTeam: 'Benefits Team',
      topic: 'Forms',
      channel: 'Slack',
      clientRequestId: 'review-close-1',
    }) as { ok: boolean; requestId: string; row: number };
    expect(sent.ok).toBe(true);
    const close = { requestId: sent.requestId, resolution: 'Answered', timeSpentMin: '10' };
    rt.clock.advance(3600 * 1000);
    expect(rt.runFromClient('closeMyRequest', close)).toEqual({
      ok: true,
      requestId: sent.requestId,
      row: sent.row,
    });
    const first = sheetValues(rt, 'Requests')![sent.row - 1];
    const resolvedAt = first[HEADERS.indexOf('Resolved at')];
    expect(resolvedAt).toEqual(new Date('2026-03-03T16:00:00Z'));

    // The answer was lost and the client retries an hour later: same result, nothing rewritten.
    rt.clock.advance(3600 * 1000);
    rt.tracker.reset();
    expect(rt.runFromClient('closeMyRequest', close)).toEqual({
      ok: true,
      requestId: sent.requestId,
      row: sent.row,
    });
    expect(rt.tracker.snapshot().cellsWritten).toBe(0);
    // A stale tab closes it another way: refused with a clear message, nothing changed.
    const other = rt.runFromClient('closeMyRequest', {
      requestId: sent.requestId,
      resolution: 'Fixed',
      timeSpentMin: '99',
    }) as { ok: boolean; message: string };
    expect(other.ok).toBe(false);
    expect(other.message).toMatch(/already Resolved \(Answered\).*nothing was changed/);
    expect(sheetValues(rt, 'Requests')![sent.row - 1]).toEqual(first);
  });
});

describe('closeMyRequest without the active user', () => {
  test("closes nothing when the user's email is unavailable (it cannot check ownership)", () => {
    const rt = loadBuiltRuntime();
    rt.run('setUpSheet');
    const ss = rt.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    ss.getSheetByName(SHEETS.teams)!
      .getRange(2, 1, 1, 3)
      .setValues([['Benefits Team', '', false]]);
    const sent = rt.runFromClientAs({ user: 'owner@example.gov' }, 'submitRequest', {
      summary: 'Someone else asked this',
      vfsTeam: 'Benefits Team',
      topic: 'Forms',
      channel: 'Slack',
    }) as { ok: boolean; requestId: string; row: number };
    expect(sent.ok).toBe(true);
    const before = sheetValues(rt, 'Requests');
    const r = rt.runFromClientAs({ user: '' }, 'closeMyRequest', {
      requestId: sent.requestId,
      resolution: 'Answered',
    }) as { ok: boolean; message: string };
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/email address is not available.*Nothing was changed/);
    expect(sheetValues(rt, 'Requests')).toEqual(before);
  });
});

describe('normalizeRequests and a submission between two of its chunks', () => {
  test('never reuses a Request ID the submission took, nor forgets its clientRequestId', () => {
    const legacy = Array.from({ length: 12 }, (_, i) => [
      '3/5',
      'tools-fe',
      'ci failing',
      `Request ${i}`,
    ]);
    const rt = adoptedLegacy(['Date', 'Team', 'Category', 'Description'], legacy);
    const form = {
      summary: 'Submitted while normalization runs',
      vfsTeam: 'Benefits Team',
      topic: 'Forms',
      channel: 'Slack',
      clientRequestId: 'review-between-chunks',
    };
    let submitted: { ok: boolean; requestId: string } | null = null;
    let locks = 0;
    // The 3rd document lock of the run is chunk 2's (1: replay check, 2: chunk 1).
    rt.interleave(
      (c) => c.name === 'Lock.tryLock' && ++locks === 3,
      () => {
        submitted = rt.runFromClientAs({ user: 'agent@example.gov' }, 'submitRequest', form) as {
          ok: boolean;
          requestId: string;
        };
      },
    );
    const run = rt.run('normalizeRequests', { chunkRows: 4 }) as { ok: boolean; status: string };
    expect(run).toMatchObject({ ok: true, status: 'done' });
    expect(submitted).toMatchObject({ ok: true });
    const tab = sheetValues(rt, 'Support log') ?? [];
    const idCol = tab[0].indexOf('Request ID');
    const ids = tab.slice(1).map((r) => r[idCol]);
    expect(ids).toHaveLength(13);
    expect(ids.every((id) => typeof id === 'string' && id !== '')).toBe(true);
    expect(new Set(ids).size).toBe(13);
    // The submission is still remembered: a retry with its clientRequestId writes nothing.
    const again = rt.runFromClientAs({ user: 'agent@example.gov' }, 'submitRequest', form);
    expect(again).toMatchObject({ ok: true, duplicate: true });
  });
});

describe('normalizeRequests when the sheet is busy', () => {
  test('a run that cannot start leaves no checkpoint behind ("nothing was saved")', () => {
    const rt = adoptedLegacy(
      ['Date', 'Team', 'Category', 'Description'],
      [['3/5', 'tools-fe', 'ci failing', 'Build broke']],
    );
    const props = JSON.stringify(rt.properties.toJSON());
    rt.locks.hold('document');
    const busy = rt.run('normalizeRequests') as { ok: boolean; status: string; message: string };
    expect(busy).toMatchObject({ ok: false, status: 'busy' });
    expect(busy.message).toMatch(/nothing was saved/i);
    expect(JSON.stringify(rt.properties.toJSON())).toBe(props);
    rt.locks.release('document');
    // Not "a normalization is still in progress": none ever started.
    const undo = rt.run('undoLastNormalization') as { ok: boolean; message: string };
    expect(undo.message).toMatch(/nothing to undo/);
  });
});

describe('the Data quality tab under concurrent writers', () => {
  test('a summary refresh during the end of a normalization never leaves a mixed tab', () => {
    const rt = adoptedLegacy(
      ['Date', 'Team', 'Category', 'Description'],
      Array.from({ length: 6 }, (_, i) => ['3/5', 'tools-fe', 'ci failing', `Build ${i}`]),
    );
    const ss = rt.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    let cleared = false;
    let inner = false;
    rt.interleave(
      (c) => {
        if (c.name === 'Sheet.clearContents') cleared = true;
        return cleared && c.name === 'Range.setValues';
      },
      () => {
        // Someone types four more (incomplete) rows, and the daily refresh runs.
        ss.getSheetByName('Support log')!
          .getRange(8, 1, 4, 4)
          .setValues(Array.from({ length: 4 }, (_, i) => ['', '', '', `typed ${i}`]));
        rt.run('refreshSummaries');
        inner = true;
      },
    );
    const run = rt.run('normalizeRequests') as { status: string };
    expect(run.status).toBe('done');
    expect(inner).toBe(true);
    const dq = sheetValues(rt, SHEETS.dataQuality) ?? [];
    const toFix = dq.find((r) => r[0] === 'Rows to fix')?.[1];
    const listed = dq.slice(8).filter((r) => r[0] !== '');
    expect(listed).toHaveLength(toFix as number);
  });
});
