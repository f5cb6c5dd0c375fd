/**
 * Benchmark of `setUpSheet` (issue #2, acceptance 6): service calls, cell calls, cells touched,
 * estimated Apps Script time (runtime latency model) and Node time, on a legacy support sheet of
 * each size: the first run (adopting the sheet) and a rerun (a no-op). setUpSheet reads only header
 * rows, so its call counts must be equal at every size; benchSetup throws when they are not.
 *
 * Run alone: `node scripts/run-ts.mjs bench/setup.ts [sizes...]` (after `npm run build`).
 */
import { createRuntime, defaultDistDir, type Runtime } from '../packages/gas-runtime/src';
import { LEGACY_HEADER } from '../test/helpers/legacySheet';
import { argSizes, assertSameCallsAtEverySize, measure, runAlone, type BenchRow } from './measure';

/** A row of the setUpSheet benchmark. */
export type SetupBenchRow = BenchRow;

/** The tests' legacy header (test/helpers/legacySheet.ts) plus an extra 'Owner' column. */
const HEADER = [...LEGACY_HEADER, 'Owner'];
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

/** Measures one setUpSheet run; throws when it does not succeed. */
function measureSetup(rt: Runtime, op: string, rows: number): SetupBenchRow {
  // The menu run would open the mapping dialog (the Owner column needs review): confirm the
  // proposal as the dialog does, outside the measured call.
  const proposal = rt.runFromClient('proposeHeaderMapping') as { columns: unknown[] };
  const mapping = { columns: proposal.columns };
  return measure(
    rt,
    op,
    rows,
    () => rt.run('setUpSheet', mapping) as { ok: boolean; message: string },
    {
      check: (report) => {
        if (!report.ok) throw new Error(`${op} failed at ${rows} rows: ${report.message}`);
      },
    },
  );
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
    out.push(measureSetup(rt, 'setUpSheet (adopt legacy)', n));
    const rerun = measureSetup(rt, 'setUpSheet (rerun)', n);
    if (rerun.cellsWritten !== 0)
      throw new Error(`setUpSheet rerun wrote ${rerun.cellsWritten} cells at ${n} rows`);
    out.push(rerun);
  }
  assertSameCallsAtEverySize(out, { fields: ['calls', 'cellCalls'] });
  return out;
}

if (runAlone('setup')) console.table(benchSetup(argSizes([1000, 100000], true)));
