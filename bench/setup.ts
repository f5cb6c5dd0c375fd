/**
 * Benchmark of `setUpSheet` (issue #2, acceptance 6): service calls, cell calls, cells touched,
 * estimated Apps Script time (runtime latency model) and Node time, on a legacy support sheet of
 * each size: the first run (adopting the sheet) and a rerun (a no-op). setUpSheet reads only header
 * rows, so its call counts must be equal at every size; benchSetup throws when they are not.
 *
 * Run alone: `node scripts/run-ts.mjs bench/setup.ts [sizes...]` (after `npm run build`).
 */
import { createRuntime, defaultDistDir, type Runtime } from '../runtime';

export interface SetupBenchRow {
  op: string;
  rows: number;
  calls: number;
  cellCalls: number;
  cellsRead: number;
  cellsWritten: number;
  /** Estimated Apps Script time (runtime latency model), ms. */
  estMs: number;
  /** Node wall time of the call, ms. */
  nodeMs: number;
}

const HEADER = [
  'Date',
  'Team',
  'Category',
  'Description',
  'Slack link',
  'Time spent',
  'Priority',
  'Owner',
];
const TEAMS = ['tools-fe', 'FE Tools', 'Benefits Team 1', 'Health Apps', 'identity'];
const TOPICS = ['CI error', 'ci failing', 'API', 'Datadog', 'Access', 'Forms'];

/** A runtime whose workbook holds a hand-kept legacy tab of `n` rows (loaded host-side, uncounted). */
function legacyWorkbook(n: number, distDir: string): Runtime {
  const rt = createRuntime({ distDir, now: new Date('2026-03-03T15:00:00Z') });
  const rows: unknown[][] = [HEADER];
  const base = Date.UTC(2025, 0, 1);
  for (let i = 0; i < n; i++) {
    rows.push([
      i % 4 === 0 ? `${1 + (i % 12)}/${1 + (i % 28)}` : new Date(base + i * 3600000),
      TEAMS[i % TEAMS.length],
      TOPICS[i % TOPICS.length],
      `Request ${i}: pipeline failing for ${TEAMS[i % TEAMS.length]}`,
      i % 3 === 0 ? `https://dsva.slack.com/archives/C0ABCDEFG/p${1735700000000000 + i}` : '',
      i % 2 ? `${15 + (i % 60)}m` : 30,
      i % 5 === 0 ? 'High' : 'Low',
      `person${i % 9}@example.gov`,
    ]);
  }
  rt.spreadsheet._addSheet('Support log', rows, n + 1, 26);
  return rt;
}

function measure(rt: Runtime, op: string, rows: number): SetupBenchRow {
  rt.tracker.reset();
  const t0 = process.hrtime.bigint();
  const report = rt.run('setUpSheet') as { ok: boolean; message: string };
  const nodeMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (!report.ok) throw new Error(`${op} failed at ${rows} rows: ${report.message}`);
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

/**
 * Measures setUpSheet at each size: "setUpSheet (adopt legacy)" then "setUpSheet (rerun)".
 * Throws when the call counts differ between sizes, or when the rerun writes anything.
 */
export function benchSetup(
  sizes: number[] = [1000, 100000],
  distDir = defaultDistDir(),
): SetupBenchRow[] {
  const out: SetupBenchRow[] = [];
  for (const n of sizes) {
    const rt = legacyWorkbook(n, distDir);
    out.push(measure(rt, 'setUpSheet (adopt legacy)', n));
    const rerun = measure(rt, 'setUpSheet (rerun)', n);
    if (rerun.cellsWritten !== 0)
      throw new Error(`setUpSheet rerun wrote ${rerun.cellsWritten} cells at ${n} rows`);
    out.push(rerun);
  }
  for (const op of new Set(out.map((r) => r.op))) {
    const rows = out.filter((r) => r.op === op);
    const counts = new Set(rows.map((r) => `${r.calls}/${r.cellCalls}`));
    if (counts.size > 1) {
      throw new Error(
        `${op}: service calls differ by size: ${rows.map((r) => `${r.rows}: ${r.calls}/${r.cellCalls}`).join(', ')}`,
      );
    }
  }
  return out;
}

if (/bench[\\/]setup\.ts$/.test(process.argv[1] ?? '')) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n >= 0);
  const rows = benchSetup(sizes.length ? sizes : [1000, 100000]);
  console.table(rows);
}
