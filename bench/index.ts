/**
 * `npm run bench`: service calls, cell calls, cells read/written, estimated Apps Script time (the
 * runtime's latency model, packages/gas-runtime/src/tracker.ts) and Node time for every operation at several sheet
 * sizes, on the built dist/ in the local runtime. Each benchmark throws when its call count grows
 * with the row count or breaks its budget, so a regression fails the run.
 *
 *   npm run bench                 all operations at their default sizes (up to 100,000 rows)
 *   npm run bench -- setup submit only these (mapping, setup, submit, normalize, summaries,
 *                                 weekly, ask, scheduler)
 *   npm run bench -- --quick      1,000 and 10,000 rows only
 */
import { benchSetup } from './setup';
import { benchMapping } from './mapping';
import { benchSubmit } from './submit';
import { benchNormalize } from './normalize';
import { benchSummaries } from './summaries';
import { benchWeekly } from './weekly';
import { benchAsk } from './ask';
import { addonDistDir, benchScheduler } from './scheduler';
import type { BenchRow } from './measure';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.filter((a) => !a.startsWith('--'));
const want = (name: string): boolean => only.length === 0 || only.includes(name);
const sizes = (full: number[]): number[] => (quick ? full.filter((n) => n <= 10000) : full);

function table(title: string, rows: BenchRow[]): void {
  console.log(`\n## ${title}`);
  console.table(
    rows.map((r) => ({
      op: r.op,
      rows: r.rows,
      calls: r.calls,
      'cell calls': r.cellCalls,
      'cells read': r.cellsRead,
      'cells written': r.cellsWritten,
      'est. Apps Script s': +(r.estMs / 1000).toFixed(2),
      'Node ms': r.nodeMs,
    })),
  );
}

const started = Date.now();
if (want('mapping')) table('proposeHeaderMapping (issue #9)', benchMapping(sizes([1000, 100000])));
if (want('setup')) table('setUpSheet (issue #2)', benchSetup(sizes([1000, 100000])));
if (want('submit')) {
  const b = benchSubmit(sizes([1000, 100000]));
  table('submitRequest (issue #3)', b.rows);
  console.log(`Sidebar.html: ${(b.sidebarHtmlBytes / 1024).toFixed(1)} KB (budget 100 KB)`);
  for (const p of b.formOptionsBytes)
    console.log(`getFormOptions payload at ${p.rows} rows: ${(p.bytes / 1024).toFixed(1)} KB`);
}
if (want('normalize'))
  table('normalizeRequests (issue #4)', benchNormalize(sizes([1000, 10000, 100000])));
if (want('summaries'))
  table('refreshSummaries (issue #5)', benchSummaries(sizes([1000, 10000, 100000])));
if (want('weekly'))
  table('sendWeeklySummary and doGet (issue #6)', benchWeekly(sizes([1000, 100000])));
if (want('ask')) table('Ask page (issue 14)', benchAsk(sizes([1000, 100000])));
if (want('scheduler')) {
  // The scheduler's own overhead (issue 13): at most 6 calls when nothing is due.
  const addon = addonDistDir();
  table(
    'runScheduledWork, the hourly scheduler (issue #13)',
    benchScheduler(sizes([1000, 100000])).concat(
      addon ? benchScheduler(sizes([1000, 100000]), addon, true) : [],
    ),
  );
}
console.log(`\nbench finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
