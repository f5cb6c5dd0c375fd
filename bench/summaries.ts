/**
 * Benchmark of `refreshSummaries` (issue #5, acceptance 7): service calls, cell calls, cells read
 * and written, estimated Apps Script time (runtime latency model) and Node time, at each size, for
 * the first run (creates the tabs, charts and pivots) and a rerun (the daily trigger's steady
 * state), plus the Node time of the pure KPI computation alone. The data is the hand-built KPI
 * fixture repeated, each copy one hour earlier.
 *
 * Run alone: `node scripts/run-ts.mjs bench/summaries.ts [sizes...]` (after `npm run build`).
 * Throws when the call counts of the first run or of the rerun differ by more than 2 between sizes,
 * when a rerun exceeds 100 calls, or when the first run exceeds 100 calls besides the ones that
 * create the tabs, protections, charts and pivots (`creationCalls`).
 */
import { createRuntime, defaultDistDir, type Runtime } from '../runtime';
import { headerMapOf } from '../src/domain/headers';
import { computeReport } from '../src/domain/kpi';
import { HEADERS, SHEETS } from '../src/domain/schema';
import {
  KPI_FIXTURE_NOW,
  KPI_FIXTURE_TEAMS,
  KPI_FIXTURE_TZ,
  kpiFixtureLists,
  kpiFixtureRows,
} from '../test/fixtures/kpi-fixture';
import { creationCalls } from '../test/bundle/summariesHelpers';

export interface SummariesBenchRow {
  op: string;
  rows: number;
  calls: number;
  cellCalls: number;
  cellsRead: number;
  cellsWritten: number;
  /** Estimated Apps Script time (runtime latency model), ms. */
  estMs: number;
  /** Node wall time, ms. */
  nodeMs: number;
  /** Of `calls`, those that created tabs, protections, charts or pivots (first run). */
  creationCalls?: number;
}

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The fixture's 40 rows repeated up to n rows, each copy shifted one hour earlier. */
export function benchRows(n: number): unknown[][] {
  const base = kpiFixtureRows();
  const out: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    const shift = Math.floor(i / base.length) * 3_600_000;
    out.push(
      base[i % base.length].map((v) =>
        Object.prototype.toString.call(v) === '[object Date]'
          ? new Date((v as Date).getTime() - shift)
          : v,
      ),
    );
  }
  return out;
}

/** A runtime whose workbook went through setUpSheet and holds `n` data rows (loaded uncounted). */
function workbook(n: number, distDir: string): Runtime {
  const rt = createRuntime({ distDir, now: KPI_FIXTURE_NOW });
  rt.run('setUpSheet');
  const ss = rt.spreadsheet as unknown as Spreadsheet;
  ss.getSheetByName(SHEETS.teams)
    ?.getRange(2, 1, KPI_FIXTURE_TEAMS.length, 3)
    .setValues(KPI_FIXTURE_TEAMS.map((t) => [t, '', false]));
  const data = ss.getSheetByName(SHEETS.data);
  if (!data) throw new Error('setUpSheet made no Requests tab');
  if (data.getMaxRows() < n + 1) data.insertRowsAfter(data.getMaxRows(), n + 1 - data.getMaxRows());
  if (n) data.getRange(2, 1, n, HEADERS.length).setValues(benchRows(n));
  return rt;
}

function measure(rt: Runtime, op: string, rows: number): SummariesBenchRow {
  rt.tracker.reset();
  const t0 = process.hrtime.bigint();
  const result = rt.run('refreshSummaries') as { rows: number } | undefined;
  const nodeMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (!result || result.rows !== rows) throw new Error(`${op} failed at ${rows} rows`);
  const s = rt.tracker.snapshot();
  return {
    op,
    rows,
    calls: s.calls,
    cellCalls: s.cellCalls,
    cellsRead: s.cellsRead,
    cellsWritten: s.cellsWritten,
    estMs: Math.round(s.estimatedMs),
    nodeMs: Math.round(nodeMs * 10) / 10,
    creationCalls: creationCalls(s.byMethod),
  };
}

/** The pure one-pass KPI computation alone (best of 3), no service calls. */
function measureDomain(n: number): SummariesBenchRow {
  const rows = benchRows(n);
  const cols = headerMapOf(HEADERS);
  const lists = kpiFixtureLists();
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = process.hrtime.bigint();
    computeReport(rows, cols, { timeZone: KPI_FIXTURE_TZ, now: KPI_FIXTURE_NOW, lists });
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return {
    op: 'computeReport (KPI domain only)',
    rows: n,
    calls: 0,
    cellCalls: 0,
    cellsRead: 0,
    cellsWritten: 0,
    estMs: 0,
    nodeMs: Math.round(best * 10) / 10,
  };
}

/** The budget of service calls per refresh. */
export const CALL_BUDGET = 100;

/** Measures refreshSummaries (first run, rerun) and computeReport at each size. */
export function benchSummaries(
  sizes: number[] = [1000, 10000, 100000],
  distDir = defaultDistDir(),
): SummariesBenchRow[] {
  const out: SummariesBenchRow[] = [];
  for (const n of sizes) {
    const rt = workbook(n, distDir);
    out.push(measure(rt, 'refreshSummaries (first run)', n));
    out.push(measure(rt, 'refreshSummaries (rerun)', n));
    out.push(measureDomain(n));
  }
  for (const op of ['refreshSummaries (first run)', 'refreshSummaries (rerun)']) {
    const runs = out.filter((r) => r.op === op);
    const min = Math.min(...runs.map((r) => r.calls));
    const max = Math.max(...runs.map((r) => r.calls));
    if (max - min > 2) throw new Error(`${op}: calls vary with rows: ${min}..${max}`);
    // The first run also creates the tabs, protections, charts and pivots (77 calls that no API
    // batches); every other call of it, and every call of a rerun, is within the budget.
    const worst = Math.max(...runs.map((r) => r.calls - (r.creationCalls ?? 0)));
    if (worst > CALL_BUDGET)
      throw new Error(
        `${op} makes ${worst} calls besides creating objects (budget ${CALL_BUDGET})`,
      );
    if (op.endsWith('(rerun)') && max > CALL_BUDGET)
      throw new Error(`${op} makes ${max} calls (budget ${CALL_BUDGET})`);
  }
  return out;
}

if (/bench[\\/]summaries\.ts$/.test(process.argv[1] ?? '')) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  console.table(benchSummaries(sizes.length ? sizes : undefined));
}
