/**
 * Benchmark of issue 6 (acceptance 7): `doGet` service calls on a cold and on a warm cache, and
 * `sendWeeklySummary` service calls, at each size (default 1,000 and 100,000 rows), with cells,
 * estimated Apps Script time (runtime latency model) and Node time. The data is the issue-5 KPI
 * fixture repeated (bench/summaries.ts `benchRows`).
 *
 * Run alone: `node scripts/run-ts.mjs bench/weekly.ts [sizes...]` (after `npm run build`).
 * Throws when the call counts of an operation differ between sizes.
 */
import { createRuntime, defaultDistDir, type Runtime } from '../runtime';
import { HEADERS, SHEETS } from '../src/domain/schema';
import { KPI_FIXTURE_NOW, KPI_FIXTURE_TEAMS } from '../test/fixtures/kpi-fixture';
import { benchRows, type SummariesBenchRow } from './summaries';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function setSetting(ss: Spreadsheet, label: string, value: unknown): void {
  const sheet = ss.getSheetByName(SHEETS.settings);
  const values = sheet ? sheet.getDataRange().getValues() : [];
  const i = values.findIndex((r) => String(r[0]) === label);
  if (!sheet || i < 0) throw new Error(`setting '${label}' not found`);
  sheet.getRange(i + 1, 2).setValue(value);
}

/** setUpSheet + n rows + recipients + published dashboard + one refreshSummaries (uncounted). */
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
  setSetting(ss, 'Weekly email recipients', 'lead@example.gov, team@example.gov');
  setSetting(ss, 'Dashboard published', true);
  rt.run('refreshSummaries');
  return rt;
}

function measure(rt: Runtime, op: string, rows: number, fn: () => void): SummariesBenchRow {
  rt.tracker.reset();
  const t0 = process.hrtime.bigint();
  fn();
  const nodeMs = Number(process.hrtime.bigint() - t0) / 1e6;
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
  };
}

/** Measures doGet (cold, warm, JSON warm) and sendWeeklySummary at each size. */
export function benchWeekly(
  sizes: number[] = [1000, 100000],
  distDir = defaultDistDir(),
): SummariesBenchRow[] {
  const out: SummariesBenchRow[] = [];
  for (const n of sizes) {
    const rt = workbook(n, distDir);
    rt.cache.clear();
    out.push(measure(rt, 'doGet (cold cache)', n, () => rt.get()));
    out.push(measure(rt, 'doGet (warm cache)', n, () => rt.get()));
    out.push(measure(rt, 'doGet ?format=json (warm)', n, () => rt.get({ format: 'json' })));
    const before = rt.outbox.messages.length;
    out.push(measure(rt, 'sendWeeklySummary', n, () => rt.run('sendWeeklySummary')));
    if (rt.outbox.messages.length !== before + 1)
      throw new Error(`sendWeeklySummary sent nothing at ${n} rows`);
    out.push(measure(rt, 'sendWeeklySummary (already sent)', n, () => rt.run('sendWeeklySummary')));
  }
  for (const op of new Set(out.map((r) => r.op))) {
    const calls = new Set(out.filter((r) => r.op === op).map((r) => r.calls));
    if (calls.size > 1)
      throw new Error(`${op}: service calls vary with rows (${[...calls].join(', ')})`);
  }
  return out;
}

if (/bench[\\/]weekly\.ts$/.test(process.argv[1] ?? '')) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  console.table(benchWeekly(sizes.length ? sizes : undefined));
}
