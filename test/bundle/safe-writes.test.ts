/**
 * Issue #10 acceptance: safe changes to people's data, through the BUILT bundle, under BOTH readings
 * of a leading apostrophe in a plain-text cell (the runtime's `apostropheInPlainText` switch):
 * exact writes and conflicts, Request-ID keyed undo and crash replay, literal text round trips,
 * and no cell outside the normalized fields written.
 */
import fc from 'fast-check';
import {
  createRuntime,
  type ApostropheReading,
  type Runtime,
} from '../../packages/gas-runtime/src';
import { SHEETS } from '../../src/domain/schema';
import { REQUEST_ID_RE } from '../../src/domain/requestId';
import { isDate } from '../../src/domain/time';
import type { NormalizeReport, UndoReport } from '../../src/domain/normalize/report';
import { ensureBuilt, buildDir } from '../helpers/runtime';
import { LEGACY_HEADER } from '../helpers/legacySheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const TAB = 'Support log';
const READINGS: readonly ApostropheReading[] = ['stripped', 'kept'];

const TEAMS = [
  ['Frontend Tools', 'tools-fe', false],
  ['Benefits Intake', '', false],
  ['Benefits Claims', '', false],
  ['Health Care Application', 'HCA', false],
];

/** Messy legacy rows with unique descriptions (Summary), cycling through the examples. */
function legacyRows(n: number, tag = 'r'): unknown[][] {
  const base: unknown[][] = [
    ['3/5/2024', 'tools-fe', 'CI error', 'CI failing on main', '', '30m', 'High'],
    ['2024-03-05', 'FE Tools', 'ci failing', 'Jenkins job red', '', '1.5 hrs', 'Low'],
    ['March 5, 2024', 'Frontend tools', 'Jenkins', 'Build broke', '', '1:30', ''],
    ['3/7/2024 2:30 PM', 'Benefits', 'Datadog', 'Need a dashboard', '', '45 min', ''],
    ['3/8/2024', 'Mystery squad', 'stuff', 'not sure', '', 'a while', ''],
    ['Mar 9, 2024', 'HCA', 'PR Reveiw', 'Please review my PR', '', '1h', 'Low'],
  ];
  return Array.from({ length: n }, (_, i) => {
    const r = [...base[i % base.length]];
    r[3] = `${String(r[3])} #${tag}${i}`;
    return r;
  });
}

function host(rt: Runtime): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return (
    rt.services.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp
  ).getActiveSpreadsheet();
}
function sheet(rt: Runtime, name: string): Sheet {
  const s = host(rt).getSheetByName(name);
  if (!s) throw new Error(`no tab ${name}`);
  return s;
}
function values(rt: Runtime, name: string): unknown[][] {
  return sheet(rt, name).getDataRange().getValues();
}
function colOf(rt: Runtime, header: string): number {
  return values(rt, TAB)[0].indexOf(header);
}
/** Typed copy: Dates as tagged ms, so toEqual compares types too. */
function typed(v: readonly (readonly unknown[])[]): unknown[][] {
  return v.map((r) => r.map((c) => (isDate(c) ? { date: c.getTime() } : c)));
}

function adopted(reading: ApostropheReading, rows: unknown[][]): Runtime {
  const rt = createRuntime({
    now: new Date('2024-04-01T14:00:00Z'),
    // Normalization is the same source in both builds: this suite runs the bound build (it models
    // both apostrophe readings itself).
    distDir: ensureBuilt(buildDir(false), false),
    addon: false,
    apostropheInPlainText: reading,
  });
  rt.spreadsheet._addSheet(TAB, [[...LEGACY_HEADER], ...rows]);
  // The user confirms the mapping dialog (issue 9), taking each column's proposed field or candidate.
  const proposal = rt.run('proposeHeaderMapping') as {
    columns: { index: number; field: string | null; candidate?: string }[];
  };
  const columns = proposal.columns.map((c) => ({
    index: c.index,
    field: c.field ?? c.candidate ?? null,
  }));
  expect((rt.run('setUpSheet', { columns }) as { ok: boolean }).ok).toBe(true);
  sheet(rt, SHEETS.teams).getRange(2, 1, TEAMS.length, 3).setValues(TEAMS);
  rt.tracker.reset();
  rt.writes.length = 0;
  return rt;
}

/** Data rows (no header) keyed by Summary, with the Request ID column dropped. */
function bySummary(rt: Runtime): Map<string, unknown[]> {
  const v = values(rt, TAB);
  const s = v[0].indexOf('Summary');
  const id = v[0].indexOf('Request ID');
  const out = new Map<string, unknown[]>();
  for (const r of typed(v.slice(1)))
    out.set(
      String(r[s]),
      r.filter((_, i) => i !== id),
    );
  return out;
}

describe.each(READINGS)('apostrophe %s in plain-text cells', (reading) => {
  it('a person edits a cell of a normalized column between plan and write: the edit survives and is logged as a conflict', () => {
    const rt = adopted(reading, legacyRows(6));
    const topic = colOf(rt, 'Topic');
    let formulaReads = 0;
    // The chunk is read and planned, the new IDs are written; then a person types into Topic.
    rt.interleave(
      (c) => c.name === 'Range.getFormulas' && ++formulaReads === 2,
      () => {
        sheet(rt, TAB)
          .getRange(2, topic + 1)
          .setValue('Typed by a person');
      },
    );
    const run = rt.run('normalizeRequests') as NormalizeReport;
    expect(run.status).toBe('done');
    const v = values(rt, TAB);
    expect(v[1][topic]).toBe('Typed by a person');
    expect(v[3][topic]).toBe('CI Error'); // the other rows are normalized
    expect(run.conflictCount).toBe(1);
    expect(run.conflicts).toEqual([
      expect.objectContaining({
        row: 2,
        field: 'Topic',
        now: 'Typed by a person',
        wanted: 'CI Error',
      }),
    ]);
    expect(run.message).toMatch(/1 cell changed by someone during the run was left as it is/);
    const log = values(rt, SHEETS.changeLog).filter((r) => r[6] === run.runId);
    const conflict = log.filter((r) => String(r[5]).startsWith('conflict:'));
    expect(conflict.map((r) => r.slice(1, 5))).toEqual([
      [2, 'Topic', 'CI Error', 'Typed by a person'],
    ]);
    expect(conflict[0][0]).toMatch(REQUEST_ID_RE);
    // The conflict is not a change: undo leaves the person's value alone.
    rt.run('undoLastNormalization');
    expect(values(rt, TAB)[1][topic]).toBe('Typed by a person');
  });

  it('rows inserted, sorted and deleted between run and undo: undo is exact for every untouched request, conflicts are reported, never written', () => {
    const rt = adopted(reading, legacyRows(18));
    const before = bySummary(rt);
    const run = rt.run('normalizeRequests') as NormalizeReport;
    expect(run.cellsChanged).toBeGreaterThan(30);
    const s = sheet(rt, TAB);
    const h = values(rt, TAB)[0];
    // A person inserts a request of their own, deletes one, sorts by Summary and edits one cell.
    s.insertRowBefore(4);
    const mine = h.map((x) =>
      x === 'Summary' ? 'My own new request' : x === 'Topic' ? 'CI error' : '',
    );
    s.getRange(4, 1, 1, h.length).setValues([mine]);
    const deleted = String(values(rt, TAB)[10][h.indexOf('Summary')]);
    s.deleteRow(11);
    s.getRange(2, 1, s.getLastRow() - 1, h.length).sort({
      column: h.indexOf('Summary') + 1,
      ascending: false,
    });
    const v = values(rt, TAB);
    const editedRow = v.findIndex((r) =>
      String(r[h.indexOf('Summary')]).startsWith('Jenkins job red'),
    );
    const edited = String(v[editedRow][h.indexOf('Summary')]);
    s.getRange(editedRow + 1, h.indexOf('VFS team') + 1).setValue('Benefits Claims');
    rt.writes.length = 0;

    const undo = rt.run('undoLastNormalization') as UndoReport;
    expect(undo.ok).toBe(true);
    const after = bySummary(rt);
    for (const [summary, row] of before) {
      if (summary === deleted) {
        expect(after.has(summary)).toBe(false);
        continue;
      }
      const now = after.get(summary) as unknown[];
      if (summary === edited) {
        // Only the edited cell differs: kept as the person typed it.
        const team = h.filter((x) => x !== 'Request ID').indexOf('VFS team');
        expect(now[team]).toBe('Benefits Claims');
        expect(now.filter((_, i) => i !== team)).toEqual(row.filter((_, i) => i !== team));
      } else expect(now).toEqual(row);
    }
    // The person's own row is untouched (its Topic was never part of the run).
    expect(
      after.get('My own new request')?.[h.filter((x) => x !== 'Request ID').indexOf('Topic')],
    ).toBe('CI error');
    // Conflicts: the edited cell, and every change of the deleted request (not found).
    expect(undo.conflicts).toContainEqual(
      expect.objectContaining({ field: 'VFS team', now: 'Benefits Claims' }),
    );
    const gone = undo.conflicts.filter((c) => /no row holds this Request ID/.test(c.reason));
    expect(gone.length).toBeGreaterThan(0);
    expect(undo.message).toMatch(/restored \d+ cells in 17 requests/);
    expect(undo.message).toMatch(/left as they are/);
  });

  it('kill at every checkpoint, insert a row, rerun: same result as an uninterrupted run', () => {
    const rows = legacyRows(10);
    const extra = legacyRows(1, 'inserted')[0];
    const reference = adopted(reading, rows);
    const ref = sheet(reference, TAB);
    ref.insertRowBefore(2);
    ref
      .getRange(2, 1, 1, extra.length)
      .setValues([extra.map((x) => (typeof x === 'string' ? `'${x}` : x))]);
    reference.run('normalizeRequests', { chunkRows: 4 });
    const expected = bySummary(reference);

    // Every write-ish call of one run is a checkpoint: kill there, then a person inserts a row.
    const probe = adopted(reading, rows);
    probe.tracker.startLog();
    probe.run('normalizeRequests', { chunkRows: 4 });
    const points = probe.tracker
      .getLog()
      .filter((c) => /setValues|setProperty|appendRow/.test(c.name)).length;
    expect(points).toBeGreaterThan(10);
    for (let k = 1; k <= points; k++) {
      const rt = adopted(reading, rows);
      let n = 0;
      rt.killAt((c) => /setValues|setProperty|appendRow/.test(c.name) && ++n === k);
      try {
        rt.run('normalizeRequests', { chunkRows: 4 });
      } catch {
        // killed
      }
      const s = sheet(rt, TAB);
      s.insertRowBefore(2);
      s.getRange(2, 1, 1, extra.length).setValues([
        extra.map((x) => (typeof x === 'string' ? `'${x}` : x)),
      ]);
      const done = rt.run('normalizeRequests', { chunkRows: 4 }) as NormalizeReport;
      expect(done.status).toBe('done');
      expect(bySummary(rt)).toEqual(expected);
      const ids = values(rt, TAB)
        .slice(1)
        .map((r) => r[colOf(rt, 'Request ID')]);
      for (const id of ids) expect(id).toMatch(REQUEST_ID_RE);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  const HOSTILE = [
    '=SUM(1,2)',
    '+1',
    '-2',
    '@x',
    "'x",
    '0012',
    '3/5',
    'TRUE',
    '#N/A',
    "''y",
    '=A1',
  ];

  it('submit, normalize, undo, Build lists, aliases and the Change log round-trip every hostile string exactly', () => {
    const rt = adopted(reading, legacyRows(2));
    rt.run('normalizeRequests');
    // Submit: free text lands exactly as typed.
    for (const text of HOSTILE) {
      const r = rt.runFromClient('submitRequest', {
        summary: text,
        requester: text,
        notes: text,
        vfsTeam: 'Frontend Tools',
        topic: 'CI Error',
        channel: 'Slack',
        clientRequestId: `c-${HOSTILE.indexOf(text)}-${reading}`,
      }) as { ok: boolean; row: number };
      expect(r.ok).toBe(true);
      const row = values(rt, TAB)[r.row - 1];
      for (const h of ['Summary', 'Requester', 'Notes']) expect(row[colOf(rt, h)]).toBe(text);
    }
    // Build lists and aliases.
    const confirm = rt.runFromClient(
      'confirmListProposals',
      HOSTILE.map((t, i) => ({ list: 'teams', canonical: `${t}`, aliases: [`${t} (old ${i})`] })),
    ) as { ok: boolean; valuesAdded: number };
    expect(confirm.ok).toBe(true);
    const teams = values(rt, SHEETS.teams).map((r) => r[0]);
    for (const t of HOSTILE) expect(teams).toContain(t);
    const aliases = values(rt, SHEETS.aliases).map((r) => [r[1], r[2]]);
    HOSTILE.forEach((t, i) => expect(aliases).toContainEqual([`${t} (old ${i})`, t]));
  });

  it('normalize then undo restores hostile and 50,000-character cells exactly; the Change log holds them exactly', () => {
    const long = `-${'x'.repeat(49999)}`;
    const rows = HOSTILE.map((t, i) => [
      '3/5/2024',
      ` ${t} `,
      ` ${t}`,
      i === 0 ? long : t,
      '',
      '',
      t,
    ]);
    rows.push(['3/6/2024', long, long, long, '', '', long]);
    const rt = adopted(reading, rows);
    const before = typed(values(rt, TAB));
    const run = rt.run('normalizeRequests') as NormalizeReport;
    expect(run.status).toBe('done');
    const v = values(rt, TAB);
    HOSTILE.forEach((t, i) => {
      expect(v[i + 1][colOf(rt, 'VFS team')]).toBe(t); // trimmed, left as typed otherwise
      expect(v[i + 1][colOf(rt, 'Topic')]).toBe(t);
      expect(v[i + 1][colOf(rt, 'Summary')]).toBe(i === 0 ? long : t); // never touched
    });
    expect(v[HOSTILE.length + 1][colOf(rt, 'Topic')]).toBe(long);
    const log = values(rt, SHEETS.changeLog).filter((r) => r[6] === run.runId);
    HOSTILE.forEach((t) =>
      expect(log.map((r) => [r[2], r[3], r[4]])).toContainEqual(['VFS team', ` ${t} `, t]),
    );
    const undo = rt.run('undoLastNormalization') as UndoReport;
    expect(undo.conflicts).toEqual([]);
    expect(typed(values(rt, TAB))).toEqual(before);
  });

  it('no cell outside the normalized fields (plus Request ID and Suggested topic) is written', () => {
    const rt = adopted(reading, legacyRows(12));
    const s = sheet(rt, TAB);
    s.getRange(5, colOf(rt, 'Topic') + 1).setFormula('=LOWER("CI ERROR")');
    const beforeFormulas = s.getDataRange().getFormulas();
    const h = values(rt, TAB)[0];
    const beforeText = typed(values(rt, TAB)).map((r) =>
      ['Summary', 'Notes', 'Requester', 'Priority'].map((x) => r[h.indexOf(x)]),
    );
    rt.writes.length = 0;
    const run = rt.run('normalizeRequests') as NormalizeReport;
    expect(run.cellsChanged).toBeGreaterThan(0);
    const changedCols = new Set(
      values(rt, SHEETS.changeLog)
        .filter((r) => r[6] === run.runId)
        .map((r) => h.indexOf(r[2]) + 1),
    );
    const writes = rt.writes.filter((w) => w.sheet === TAB && w.execution > 0);
    expect(writes.length).toBeGreaterThan(0);
    for (const w of writes) {
      for (let c = w.col; c < w.col + w.cols; c++) expect(changedCols).toContain(c);
      // Never the header, never the formula cell.
      expect(w.row).toBeGreaterThan(1);
      const f = colOf(rt, 'Topic') + 1;
      if (w.col <= f && f < w.col + w.cols) expect(w.row <= 5 && 5 < w.row + w.rows).toBe(false);
    }
    for (const c of changedCols)
      expect([
        'Summary',
        'Notes',
        'Requester',
        'Priority',
        'VSP team',
        'Practice area',
      ]).not.toContain(h[c - 1]);
    expect(s.getDataRange().getFormulas()).toEqual(beforeFormulas);
    expect(
      typed(values(rt, TAB)).map((r) =>
        ['Summary', 'Notes', 'Requester', 'Priority'].map((x) => r[h.indexOf(x)]),
      ),
    ).toEqual(beforeText);
  });

  it('fast-check: normalize then undo is the identity, with random row inserts and sorts in between', () => {
    const cells = fc.record({
      date: fc.constantFrom('3/5/2024', '2024-03-05', 'March 5, 2024', 'soon', ''),
      team: fc.constantFrom('tools-fe', ' FE Tools', 'Benefits', 'HCA', '=1', "'x", ''),
      topic: fc.constantFrom('CI error', 'ci failing', 'stuff', ' +1', '3/5', ''),
      time: fc.constantFrom('30m', '1.5 hrs', '1:30', 'a while', '0012', ''),
    });
    const op = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(20) }),
      fc.record({
        kind: fc.constant('sort' as const),
        col: fc.integer({ min: 1, max: 7 }),
        asc: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(
        fc.array(cells, { minLength: 2, maxLength: 12 }),
        fc.array(op, { maxLength: 4 }),
        (rs, ops) => {
          const rows = rs.map((r, i) => [
            r.date,
            r.team,
            r.topic,
            `Request ${i}`,
            '',
            r.time,
            `p${i}`,
          ]);
          const rt = adopted(reading, rows);
          const before = bySummary(rt);
          rt.run('normalizeRequests');
          const s = sheet(rt, TAB);
          const width = values(rt, TAB)[0].length;
          ops.forEach((o, k) => {
            if (o.kind === 'insert') {
              const at = 2 + (o.at % Math.max(1, s.getLastRow()));
              s.insertRowBefore(at);
              s.getRange(at, 1, 1, 4).setValues([
                ['', 'Inserted team', 'Inserted topic', `Inserted ${k}`],
              ]);
            } else if (s.getLastRow() > 2)
              s.getRange(2, 1, s.getLastRow() - 1, width).sort({ column: o.col, ascending: o.asc });
          });
          const undo = rt.run('undoLastNormalization') as UndoReport;
          expect(undo.conflicts).toEqual([]);
          const after = bySummary(rt);
          for (const [k, row] of before) expect(after.get(k)).toEqual(row);
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe('never stuck', () => {
  it('setup writes a Run log row when it changes the sheet; a no-op rerun writes nothing', () => {
    const rt = adopted('stripped', legacyRows(5));
    const setupRows = (): unknown[][] =>
      values(rt, SHEETS.runLog)
        .slice(1)
        .filter((r) => r[1] === 'setUpSheet');
    expect(setupRows()).toHaveLength(1);
    expect(setupRows()[0][4]).toBe('OK');
    expect(String(setupRows()[0][5])).toMatch(/header\(s\) renamed|column\(s\) added/);
    // adopted() filled the Teams tab after setup: the next repair updates the dropdown lists.
    rt.run('setUpSheet');
    const logged = setupRows().length;
    rt.tracker.reset();
    rt.run('setUpSheet');
    expect(setupRows()).toHaveLength(logged);
    expect(rt.tracker.snapshot().cellsWritten).toBe(0);
  });

  it('a busy continuation reschedules itself with back-off and writes a Run log row; the next menu use says so', () => {
    const rt = adopted('stripped', legacyRows(30));
    const props = (
      rt.services.PropertiesService as GoogleAppsScript.Properties.PropertiesService
    ).getDocumentProperties();
    const continuation = (): { notBefore: number; reason: string } =>
      JSON.parse(props.getProperty('supportTracker.schedule.continuation') as string) as {
        notBefore: number;
        reason: string;
      };
    const first = rt.run('normalizeRequests', { budgetMs: 0, chunkRows: 7 }) as NormalizeReport;
    expect(first.status).toBe('continuing');
    expect(continuation().reason).toMatch(/continues/);
    // The continuation (run by the scheduler, as a trigger) finds the sheet held by someone else.
    const event = { triggerUid: 'scheduler', authMode: 'FULL' };
    const t0 = rt.clock.now().getTime();
    rt.locks.hold('document', { until: t0 + 60 * 60000 });
    const busy1 = rt.run('normalizeRequests', event) as NormalizeReport;
    expect(busy1.status).toBe('busy');
    const c1 = continuation();
    expect(c1.reason).toBe('the sheet was busy (attempt 1)');
    const busy2 = rt.run('normalizeRequests', event) as NormalizeReport;
    expect(busy2.status).toBe('busy');
    const c2 = continuation();
    expect(c2.reason).toBe('the sheet was busy (attempt 2)');
    // Back-off: the second wait is longer than the first.
    expect(c2.notBefore - rt.clock.now().getTime()).toBeGreaterThan(c1.notBefore - t0 - 60000);
    const log = values(rt, SHEETS.runLog).filter((r) => r[1] === 'normalizeRequests');
    const busyRows = log.filter((r) => r[4] === 'Busy: continues later');
    expect(busyRows).toHaveLength(2);
    expect(String(busyRows[1][5])).toMatch(/attempt 2/);
    // The checkpoint is kept, and the next menu use says what is going on.
    expect(props.getProperty('supportTracker.normalize.checkpoint')).not.toBeNull();
    const preview = rt.run('previewNormalization') as { message: string };
    expect(preview.message).toMatch(/is in progress: rows 2-8 are done/);
    // Once the sheet is free the run finishes.
    rt.locks.release('document');
    // (The run keeps its lowered budget: one chunk per execution.)
    let done = rt.run('normalizeRequests', event) as NormalizeReport;
    for (let i = 0; i < 10 && done.status === 'continuing'; i++)
      done = rt.run('normalizeRequests', event) as NormalizeReport;
    expect(done.status).toBe('done');
    expect(props.getProperty('supportTracker.normalize.checkpoint')).toBeNull();
    expect(props.getProperty('supportTracker.schedule.continuation')).toBeNull();
    const undo = rt.run('undoLastNormalization') as UndoReport;
    expect(undo.ok).toBe(true);
    expect(undo.message).toMatch(/^Undid normalization run .*: restored \d+ cells in 30 requests/);
    expect(rt.ui.alerts.length).toBeGreaterThan(0);
    const again = rt.run('undoLastNormalization') as UndoReport;
    expect(again.nothing).toBe(true);
    expect(again.message).toMatch(/nothing to undo/);
  });
});

describe.each(READINGS)('checkPlatform (apostrophe %s)', (reading) => {
  it('probes in a temporary hidden tab, records the results, leaves nothing behind, is idempotent, within 30 calls; the write policy uses them', () => {
    const rt = adopted(reading, legacyRows(3));
    const tabsBefore = host(rt)
      .getSheets()
      .map((s) => s.getName());
    rt.tracker.reset();
    const r = rt.run('checkPlatform') as {
      ok: boolean;
      message: string;
      facts: Record<string, unknown>;
    };
    // Issue 10's four probes take at most 30 calls; issue 12's pivot probe adds its own six (the
    // anchor range, createPivotTable, addRowGroup, addManualGroupingRule, addPivotValue, getValues).
    const snap = rt.tracker.snapshot();
    const m = snap.byMethod;
    const pivotProbe =
      (m['Range.createPivotTable'] ?? 0) +
      (m['PivotTable.addRowGroup'] ?? 0) +
      (m['PivotGroup.addManualGroupingRule'] ?? 0) +
      (m['PivotTable.addPivotValue'] ?? 0) +
      2;
    expect(pivotProbe).toBe(6);
    expect(snap.calls - pivotProbe).toBeLessThanOrEqual(30);
    expect(r.ok).toBe(true);
    expect(r.facts).toMatchObject({
      apostrophe: reading,
      formulaTextStaysText: true,
      lastRowCountsCheckboxes: true,
      yearlessDate: 'month-day',
      yearlessYear: 2024,
    });
    const tabsAfter = host(rt)
      .getSheets()
      .map((s) => s.getName());
    expect(tabsAfter.filter((t) => t !== SHEETS.runLog)).toEqual(
      tabsBefore.filter((t) => t !== SHEETS.runLog),
    );
    const props = (
      rt.services.PropertiesService as GoogleAppsScript.Properties.PropertiesService
    ).getDocumentProperties();
    expect(JSON.parse(props.getProperty('supportTracker.platform') as string)).toMatchObject({
      apostrophe: reading,
    });
    expect(values(rt, SHEETS.runLog).some((x) => x[1] === 'checkPlatform')).toBe(true);
    expect(rt.ui.alerts.length).toBeGreaterThan(0);
    // Idempotent, even after a killed run left its tab behind.
    rt.killAt((c) => c.name.endsWith('insertCheckboxes'));
    expect(() => rt.run('checkPlatform')).toThrow();
    const again = rt.run('checkPlatform') as { facts: Record<string, unknown> };
    expect(again.facts.apostrophe).toBe(reading);
    expect(host(rt).getSheetByName('Support Tracker check (temporary)')).toBeNull();
    // The write policy now knows the reading: an apostrophe-led text is exact in one write.
    rt.tracker.reset();
    const s = rt.runFromClient('submitRequest', {
      summary: "'quoted",
      vfsTeam: 'Frontend Tools',
      topic: 'CI Error',
      channel: 'Slack',
      clientRequestId: 'platform-1',
    }) as { ok: boolean; row: number };
    expect(values(rt, TAB)[s.row - 1][colOf(rt, 'Summary')]).toBe("'quoted");
    // No verification write was needed: the recorded facts still come from checkPlatform.
    expect(JSON.parse(props.getProperty('supportTracker.platform') as string)).toMatchObject({
      source: 'checkPlatform',
    });
  });

  it('the Help submenu holds Check this sheet', () => {
    const rt = adopted(reading, legacyRows(1));
    rt.runAs({ authMode: 'NONE' }, 'onOpen', { authMode: 'NONE' });
    const menu = rt.ui.menu('Support');
    const help = menu?.items.find((i) => i.type === 'submenu') as
      | { caption: string; items: Array<{ type: string; caption?: string; functionName?: string }> }
      | undefined;
    expect(help?.caption).toBe('Help');
    expect(help?.items).toContainEqual(
      expect.objectContaining({ caption: 'Check this sheet', functionName: 'checkPlatform' }),
    );
  });
});

describe('bulk resolution', () => {
  it('one choice fixes every row with an ambiguous value; logged, undoable and learned as an alias', () => {
    const rt = adopted('stripped', legacyRows(12));
    const team = colOf(rt, 'VFS team');
    const first = rt.run('normalizeRequests') as NormalizeReport;
    const amb = first.unresolved.find((u) => u.value === 'Benefits');
    expect(amb).toMatchObject({
      reason: 'ambiguous',
      candidates: ['Benefits Claims', 'Benefits Intake'],
    });
    const rows = values(rt, TAB).filter((r) => r[team] === 'Benefits').length;
    expect(rows).toBe(2);
    // The Data quality tab names the value with its candidates, once per row.
    rt.run('refreshSummaries');
    const dq = values(rt, SHEETS.dataQuality).map((r) => r.join(' | '));
    expect(
      dq.filter((r) =>
        r.includes("VFS team 'Benefits' fits 2 list values: Benefits Claims or Benefits Intake"),
      ),
    ).toHaveLength(2);
    // Bad input changes nothing.
    const bad = rt.runFromClient('resolveValue', {
      field: 'VFS team',
      value: 'Benefits',
      choice: 'Made up',
    }) as NormalizeReport;
    expect(bad.ok).toBe(false);
    expect(values(rt, TAB).filter((r) => r[team] === 'Benefits')).toHaveLength(2);
    const r = rt.runFromClient('resolveValue', {
      field: 'VFS team',
      value: 'Benefits',
      choice: 'Benefits Intake',
    }) as NormalizeReport;
    expect(r.ok).toBe(true);
    expect(r.cellsChanged).toBe(2);
    expect(r.message).toMatch(/'Benefits' is now Benefits Intake \(learned as an alias\)/);
    expect(values(rt, TAB).filter((x) => x[team] === 'Benefits')).toHaveLength(0);
    expect(values(rt, SHEETS.aliases).map((x) => x.slice(0, 4))).toContainEqual([
      'VFS team',
      'Benefits',
      'Benefits Intake',
      'person',
    ]);
    const log = values(rt, SHEETS.changeLog).filter((x) => x[6] === r.runId);
    expect(log.map((x) => [x[2], x[3], x[4]])).toEqual([
      ['VFS team', 'Benefits', 'Benefits Intake'],
      ['VFS team', 'Benefits', 'Benefits Intake'],
    ]);
    const undo = rt.run('undoLastNormalization') as UndoReport;
    expect(undo.restored).toBe(2);
    expect(values(rt, TAB).filter((x) => x[team] === 'Benefits')).toHaveLength(2);
  });
});
