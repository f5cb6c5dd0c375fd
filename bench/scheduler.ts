/**
 * Benchmark of the scheduler (issue 13): the service calls of one `runScheduledWork` run of the
 * hourly trigger when nothing is due (its own overhead, budget 6) and when the daily refresh is
 * due, at each size, in the bound build and (when built) the editor add-on build, whose time
 * trigger opens the spreadsheet by its stored ID.
 *
 * Run alone: `node scripts/run-ts.mjs bench/scheduler.ts [sizes...]` (after the builds).
 * Throws when the idle run exceeds 6 calls or when call counts differ between sizes (a due refresh:
 * by more than refreshSummaries' own ±2).
 */
import fs from 'node:fs';
import path from 'node:path';
import { defaultDistDir, type Runtime } from '../packages/gas-runtime/src';
import { setSetting } from '../test/bundle/summariesHelpers';
import { argSizes, assertSameCallsAtEverySize, measure, runAlone } from './measure';
import { benchWorkbook, type SummariesBenchRow } from './summaries';

/** The scheduler's own budget when nothing is due (issue 13). */
export const IDLE_CALL_BUDGET = 6;
const HOUR = 3600000;

/** Fires the scheduler trigger once at `at` (the only trigger installed). */
function fireOnce(rt: Runtime, at: number): void {
  const fired = rt.fireDueTriggers(at);
  if (fired.length !== 1 || !fired[0].ok)
    throw new Error(`scheduler run failed: ${JSON.stringify(fired)}`);
}

export function benchScheduler(
  sizes: number[] = [1000, 100000],
  distDir = defaultDistDir(),
  addon = false,
): SummariesBenchRow[] {
  const out: SummariesBenchRow[] = [];
  const label = addon ? ' (add-on)' : '';
  for (const n of sizes) {
    const rt = benchWorkbook(n, distDir, { addon });
    // The trigger fires hourly from now on; the refresh is due at the second run, not the first.
    const now = rt.clock.now().getTime();
    const local = Number(
      new Date(now).toLocaleString('en-US', {
        timeZone: 'America/New_York',
        hour: 'numeric',
        hourCycle: 'h23',
      }),
    );
    setSetting(rt, 'Daily refresh hour', (local + 2) % 24);
    rt.run('installTriggers');
    const first = rt.triggers.triggers[0].nextFire as number;
    const idle = measure(rt, `runScheduledWork, nothing due${label}`, n, () => fireOnce(rt, first));
    if (idle.calls > IDLE_CALL_BUDGET)
      throw new Error(`the idle scheduler made ${idle.calls} calls (budget ${IDLE_CALL_BUDGET})`);
    const due = measure(rt, `runScheduledWork, refresh due${label}`, n, () =>
      fireOnce(rt, first + HOUR),
    );
    if (due.cellsWritten === 0) throw new Error('the due refresh did not run');
    out.push(idle, due);
  }
  // Idle: exactly the same calls at every size. A due refresh: refreshSummaries' own tolerance (±2).
  const idle = out.filter((r) => r.op.includes('nothing due')).map((r) => r.op);
  const due = out.filter((r) => r.op.includes('refresh due')).map((r) => r.op);
  assertSameCallsAtEverySize(out, { ops: new Set(idle) });
  assertSameCallsAtEverySize(out, { ops: new Set(due), tolerance: 2 });
  return out;
}

/** The add-on build's folder when it is built (dist-addon/), else null. */
export function addonDistDir(): string | null {
  const dir = path.resolve(defaultDistDir(), '..', 'dist-addon');
  return fs.existsSync(path.join(dir, 'Code.js')) ? dir : null;
}

if (runAlone('scheduler')) {
  console.table(benchScheduler(argSizes([1000, 100000])));
  const addon = addonDistDir();
  if (addon) console.table(benchScheduler(argSizes([1000, 100000]), addon, true));
}
