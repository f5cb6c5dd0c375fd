/**
 * Issue 9 through the built bundle (dist/Code.js in the local runtime): proposeHeaderMapping,
 * confirm (setUpSheet({columns})), set up, then normalize, on each known-source fixture. Nothing is
 * duplicated, the user's own columns are untouched (values and types), a rerun is a no-op; units
 * are converted once by normalization and undone; headless runs apply sure mappings only; the
 * proposal costs at most 10 service calls, the same at 1,000 and 100,000 rows.
 */
import type { Runtime } from '../../packages/gas-runtime/src';
import { loadBuiltRuntime, sheetValues } from '../helpers/runtime';
import { HEADERS, SHEETS } from '../../src/domain/schema';
import type { SetUpReport } from '../../src/domain/setupReport';
import type { HeaderMappingProposal } from '../../src/domain/mapping/dialog';
import type { NormalizeReport, UndoReport } from '../../src/domain/normalize/report';
import {
  KNOWN_SOURCES,
  fixtureLists,
  handKeptSheet,
  jiraSheet,
  type FixtureSheet,
} from '../fixtures/mapping-sources';

function runtimeWith(s: FixtureSheet, rows = s.rows): Runtime {
  const rt = loadBuiltRuntime({ now: new Date('2026-03-03T15:00:00Z') });
  rt.spreadsheet._addSheet(s.name, [s.header, ...rows], rows.length + 1, s.header.length);
  return rt;
}

function tab(rt: Runtime, name: string): unknown[][] {
  return sheetValues(rt, name) ?? [];
}

/** A column's values (rows 2..) with their types, for "untouched" checks. */
function column(rt: Runtime, name: string, c: number): unknown[] {
  return tab(rt, name)
    .slice(1)
    .map((r) =>
      r[c] instanceof Date ? `D${(r[c] as Date).getTime()}` : `${typeof r[c]}:${String(r[c])}`,
    );
}

/** Adds the fixture's VFS teams to the Teams tab (as a team lead would). */
function seedTeams(rt: Runtime): void {
  const ss = rt.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const teams = ss.getSheetByName(SHEETS.teams);
  if (!teams) return;
  const names = fixtureLists().teams.map((t) => [t.value, '', false]);
  teams.getRange(2, 1, names.length, 3).setValues(names);
}

describe.each(KNOWN_SOURCES.map((f) => [f().name, f] as const))(
  '%s: propose, confirm, set up, normalize',
  (_name, make) => {
    const s = make();
    let rt: Runtime;
    let proposal: HeaderMappingProposal;
    let report: SetUpReport;
    const own: { index: number; before: unknown[] }[] = [];

    beforeAll(() => {
      rt = runtimeWith(s);
      proposal = rt.runFromClient('proposeHeaderMapping') as HeaderMappingProposal;
      proposal.columns.forEach((c) => {
        if (c.field === null) own.push({ index: c.index, before: column(rt, s.name, c.index - 1) });
      });
      // Confirming the dialog unchanged.
      report = rt.runFromClient('setUpSheet', { columns: proposal.columns }) as SetUpReport;
    });

    it('the proposal is JSON-safe and complete', () => {
      expect(rt.clientWarnings).toEqual([]);
      expect(proposal.ok).toBe(true);
      expect(proposal.dataTab).toBe(s.name);
      expect(proposal.columns.map((c) => c.header)).toEqual(s.header);
      expect(proposal.fields).toEqual([...HEADERS]);
    });

    it('set up: renamed as proposed, each standard header once, own columns untouched', () => {
      expect(report.ok).toBe(true);
      const header = tab(rt, s.name)[0].map(String);
      proposal.columns.forEach((c) =>
        expect(header[c.index - 1]).toBe(c.field ?? s.header[c.index - 1]),
      );
      for (const h of HEADERS) expect(header.filter((x) => x === h)).toHaveLength(1);
      for (const o of own) expect(column(rt, s.name, o.index - 1)).toEqual(o.before);
    });

    it('normalize: nothing duplicated, own columns untouched, and a rerun is a no-op', () => {
      seedTeams(rt);
      const n1 = rt.run('normalizeRequests') as NormalizeReport;
      expect(n1.ok).toBe(true);
      for (const o of own) expect(column(rt, s.name, o.index - 1)).toEqual(o.before);
      const rows = tab(rt, s.name);
      expect(rows).toHaveLength(s.rows.length + 1);
      const n2 = rt.run('normalizeRequests') as NormalizeReport;
      expect(n2.cellsChanged).toBe(0);
      const again = rt.runFromClient('setUpSheet', {
        columns: tab(rt, s.name)[0].map((h, i) => ({
          index: i + 1,
          field: HEADERS.includes(String(h)) ? String(h) : null,
        })),
      }) as SetUpReport;
      expect(again.changed).toBe(false);
      expect((rt.run('setUpSheet') as SetUpReport).changed).toBe(false);
    });
  },
);

describe('units: Jira Time Spent in seconds', () => {
  it('normalization converts seconds to minutes once, logs it, and undo restores the seconds', () => {
    const s = jiraSheet();
    const rt = runtimeWith(s);
    const p = rt.runFromClient('proposeHeaderMapping') as HeaderMappingProposal;
    const col = p.columns.find((c) => c.header === 'Time Spent');
    expect(col).toMatchObject({ field: 'Time spent (min)', unit: 'seconds' });
    const r = rt.runFromClient('setUpSheet', { columns: p.columns }) as SetUpReport;
    expect(r.units).toEqual([{ column: 'P', unit: 'seconds' }]);
    const idx = (col?.index ?? 0) - 1;
    const seconds = tab(rt, s.name)
      .slice(1)
      .map((x) => x[idx]);
    const n1 = rt.run('normalizeRequests') as NormalizeReport;
    expect(n1.ok).toBe(true);
    expect(
      tab(rt, s.name)
        .slice(1)
        .map((x) => x[idx]),
    ).toEqual(seconds.map((v) => Math.round(((v as number) / 60) * 100) / 100));
    const log = tab(rt, SHEETS.changeLog).filter((x) => x[5] === 'unit-seconds');
    expect(log).toHaveLength(s.rows.length);
    // Converted once: a rerun keeps the minutes.
    expect((rt.run('normalizeRequests') as NormalizeReport).cellsChanged).toBe(0);
    const undo = rt.run('undoLastNormalization') as UndoReport;
    expect(undo.ok).toBe(true);
    // The rerun above changed nothing, so the last run is the conversion: back to seconds.
    expect(
      tab(rt, s.name)
        .slice(1)
        .map((x) => x[idx]),
    ).toEqual(seconds);
  });
});

describe('headless and menu runs', () => {
  it('headless (no Ui): sure mappings only, the rest reported; nothing appended for them', () => {
    const s = jiraSheet();
    const rt = runtimeWith(s);
    const r = rt.runAs({ kind: 'trigger' }, 'setUpSheet', {
      authMode: 'FULL',
      triggerUid: '42',
    }) as SetUpReport;
    expect(r.ok).toBe(true);
    const header = tab(rt, s.name)[0].map(String);
    // "Created" is only likely Requested at: left as is, and no empty Requested at appended.
    expect(r.review.map((x) => x.header)).toContain('Created');
    expect(header).toContain('Created');
    expect(header).not.toContain('Requested at');
    expect(header).toContain('Request ID');
    for (const h of HEADERS) expect(header.filter((x) => x === h).length).toBeLessThanOrEqual(1);
  });

  it('menu run on an all-sure sheet sets up at once (no dialog)', () => {
    const s = handKeptSheet();
    const rt = runtimeWith(s);
    const r = rt.run('setUpSheet') as SetUpReport;
    expect(r.pendingReview).toBe(false);
    expect(r.ok).toBe(true);
    expect(rt.ui.dialogs).toHaveLength(0);
    expect(tab(rt, s.name)[0].slice(0, 3)).toEqual(['Requested at', 'Requester', 'VFS team']);
  });

  it('menu run on a sheet needing review opens the mapping dialog and changes nothing', () => {
    const s = jiraSheet();
    const rt = runtimeWith(s);
    const before = JSON.stringify(rt.toJSON().workbook);
    const r = rt.run('setUpSheet') as SetUpReport;
    expect(r.pendingReview).toBe(true);
    expect(JSON.stringify(rt.toJSON().workbook)).toBe(before);
    const d = rt.ui.dialogs[rt.ui.dialogs.length - 1];
    expect(d.title).toBe('Map your columns');
  });

  it('a confirmed mapping that no longer matches the header changes nothing', () => {
    const s = handKeptSheet();
    const rt = runtimeWith(s);
    expect(() =>
      rt.runFromClient('setUpSheet', {
        columns: [{ index: 1, field: 'Requested at', header: 'Date' }],
      }),
    ).toThrow(/sheet changed since the review/);
    expect(tab(rt, s.name)[0]).toEqual(s.header);
  });
});

describe('proposeHeaderMapping service calls', () => {
  it('at most 10 calls, the same at 1,000 and 100,000 rows (sample of at most 500 rows)', () => {
    const counts = [1000, 100000].map((n) => {
      const s = jiraSheet();
      const rows = Array.from({ length: n }, (_, i) => s.rows[i % s.rows.length]);
      const rt = runtimeWith(s, rows);
      rt.tracker.reset();
      const p = rt.runFromClient('proposeHeaderMapping') as HeaderMappingProposal;
      expect(p.sampledRows).toBe(500);
      const st = rt.tracker.snapshot();
      return { calls: st.calls, cellsRead: st.cellsRead, byMethod: st.byMethod };
    });
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[0].calls).toBeLessThanOrEqual(10);
    expect(counts[0].cellsRead).toBe(501 * jiraSheet().header.length);
  });
});
