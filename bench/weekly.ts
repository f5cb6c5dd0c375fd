/**
 * Benchmark of issue 6 (acceptance 7): `doGet` service calls on a cold and on a warm cache, and
 * `sendWeeklySummary` service calls, at each size (default 1,000 and 100,000 rows), with cells,
 * estimated Apps Script time (runtime latency model) and Node time. The data is the issue-5 KPI
 * fixture repeated (bench/summaries.ts `benchRows`).
 *
 * Run alone: `node scripts/run-ts.mjs bench/weekly.ts [sizes...]` (after `npm run build`).
 * Throws when the call counts of an operation differ between sizes.
 */
import { defaultDistDir, type Runtime } from '../packages/gas-runtime/src';
import { setSetting } from '../test/bundle/summariesHelpers';
import { argSizes, assertSameCallsAtEverySize, measure, runAlone } from './measure';
import { benchWorkbook, type SummariesBenchRow } from './summaries';

/** setUpSheet + n rows + recipients + published dashboard + one refreshSummaries (uncounted). */
function workbook(n: number, distDir: string): Runtime {
  const rt = benchWorkbook(n, distDir);
  setSetting(rt, 'Weekly email recipients', 'lead@example.gov, team@example.gov');
  setSetting(rt, 'Dashboard published', true);
  rt.run('refreshSummaries');
  return rt;
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
  assertSameCallsAtEverySize(out);
  return out;
}

if (runAlone('weekly')) console.table(benchWeekly(argSizes([1000, 100000])));
