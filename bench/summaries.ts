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
import { defaultDistDir, type Runtime, type RuntimeOptions } from '../packages/gas-runtime/src';
import { headerMapOf } from '../src/domain/headers';
import { computeReport } from '../src/domain/kpi';
import { HEADERS } from '../src/domain/schema';
import {
  KPI_FIXTURE_NOW,
  KPI_FIXTURE_TZ,
  kpiFixtureLists,
  kpiFixtureRows,
} from '../test/fixtures/kpi-fixture';
import { creationCalls, summariesWorkbook } from '../test/bundle/summariesHelpers';
import {
  argSizes,
  assertSameCallsAtEverySize,
  measure,
  roundMs,
  runAlone,
  type BenchRow,
} from './measure';

/** A row of the summaries (and weekly) benchmark. */
export type SummariesBenchRow = BenchRow;

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
export function benchWorkbook(
  n: number,
  distDir: string,
  opts: Omit<RuntimeOptions, 'distDir'> = {},
): Runtime {
  return summariesWorkbook(benchRows(n), KPI_FIXTURE_NOW, { ...opts, distDir });
}

/** Measures one refreshSummaries run; throws unless it summarized all `rows`. */
function measureRefresh(rt: Runtime, op: string, rows: number): SummariesBenchRow {
  return measure(rt, op, rows, () => rt.run('refreshSummaries') as { rows: number } | undefined, {
    check: (result) => {
      if (!result || result.rows !== rows) throw new Error(`${op} failed at ${rows} rows`);
    },
    columns: (_result, s) => ({ creationCalls: creationCalls(s.byMethod) }),
  });
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
    nodeMs: roundMs(best),
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
    const rt = benchWorkbook(n, distDir);
    out.push(measureRefresh(rt, 'refreshSummaries (first run)', n));
    out.push(measureRefresh(rt, 'refreshSummaries (rerun)', n));
    out.push(measureDomain(n));
  }
  const refreshes = ['refreshSummaries (first run)', 'refreshSummaries (rerun)'];
  assertSameCallsAtEverySize(out, { ops: refreshes, tolerance: 2 });
  for (const op of refreshes) {
    const runs = out.filter((r) => r.op === op);
    const max = Math.max(...runs.map((r) => r.calls));
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

if (runAlone('summaries')) console.table(benchSummaries(argSizes([1000, 10000, 100000])));
