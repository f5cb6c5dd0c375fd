/**
 * Benchmark of `proposeHeaderMapping` (issue 9): the column-mapping proposal reads the header row
 * and a sample of at most 500 data rows in one getValues, so its service calls must be the same at
 * every size and at most 10 (budget). Sheet: a Jira Cloud CSV export (17 columns) beside an empty
 * Sheet1, as a team imports it.
 *
 * Run alone: `node scripts/run-ts.mjs bench/mapping.ts [sizes...]` (after `npm run build`).
 */
import { createRuntime, defaultDistDir } from '../packages/gas-runtime/src';
import { jiraSheet } from '../test/fixtures/mapping-sources';
import { argSizes, assertSameCallsAtEverySize, measure, runAlone, type BenchRow } from './measure';

/** Budget of service calls of one proposal. */
export const PROPOSE_CALL_BUDGET = 10;

export function benchMapping(
  sizes: number[] = [1000, 100000],
  distDir = defaultDistDir(),
): BenchRow[] {
  const out: BenchRow[] = [];
  for (const n of sizes) {
    const s = jiraSheet();
    const rt = createRuntime({ distDir, now: new Date('2026-03-03T15:00:00Z') });
    const rows: unknown[][] = [s.header];
    for (let i = 0; i < n; i++) rows.push(s.rows[i % s.rows.length]);
    rt.spreadsheet._addSheet('Jira export', rows, n + 1, s.header.length);
    const row = measure(
      rt,
      'proposeHeaderMapping',
      n,
      () => rt.runFromClient('proposeHeaderMapping') as { ok: boolean; message: string },
      {
        check: (p) => {
          if (!p.ok) throw new Error(`proposeHeaderMapping failed at ${n} rows: ${p.message}`);
        },
      },
    );
    if (row.calls > PROPOSE_CALL_BUDGET)
      throw new Error(
        `proposeHeaderMapping made ${row.calls} calls (budget ${PROPOSE_CALL_BUDGET})`,
      );
    out.push(row);
  }
  assertSameCallsAtEverySize(out, { fields: ['calls', 'cellCalls'] });
  if (new Set(out.map((r) => r.cellsRead)).size > 1)
    throw new Error('proposeHeaderMapping: cells read vary with rows (the sample must be bounded)');
  return out;
}

if (runAlone('mapping')) console.table(benchMapping(argSizes([1000, 100000], true)));
