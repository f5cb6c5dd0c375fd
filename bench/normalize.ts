/**
 * Benchmark of normalization (issue #4, acceptance 4): previewNormalization, normalizeRequests, a
 * rerun (0 changes) and undoLastNormalization on the sample legacy sheet generated at each size
 * (samples/generate.ts), after setUpSheet. Reports service calls, cell calls, cells touched, the
 * estimated Apps Script time (runtime latency model) and Node time.
 *
 * Service calls per chunk are constant: benchNormalize throws when the calls added per extra chunk
 * exceed a small constant. A run whose estimate would not fit one execution (the 6-minute limit,
 * with margin), and always the largest size, is also run through the checkpoint + continuation path
 * (10,000 rows per execution, continued by the hourly scheduler trigger); the bench throws unless it ends with
 * exactly the same sheet as the single run.
 *
 * Run alone: `node scripts/run-ts.mjs bench/normalize.ts [sizes...]` (after `npm run build`).
 */
import { createRuntime, defaultDistDir, type Runtime } from '../packages/gas-runtime/src';
import { generateSampleSheet, SAMPLE_SHEET_NAME, SAMPLE_TEAMS } from '../samples/generate';
import { SHEETS } from '../src/domain/schema';
import { argSizes, measure, runAlone, type BenchRow } from './measure';

/** A row of the normalization benchmark: every operation reports its executions. */
export type NormalizeBenchRow = BenchRow & { executions: number };

/** The Apps Script limit of one execution, and the margin the bench keeps. */
export const EXECUTION_LIMIT_MS = 360000;
const CHUNK_ROWS = 2000;
const SAFE_MS = 300000;

function workbook(n: number, distDir: string): Runtime {
  const rt = createRuntime({ distDir, now: new Date('2024-09-03T14:00:00Z') });
  const sheet = generateSampleSheet({ rows: n });
  rt.spreadsheet._addSheet(SAMPLE_SHEET_NAME, sheet, n + 1, sheet[0].length);
  // Confirm the column mapping as the dialog does (issue 9: a column under review opens it, and a
  // headless setup adds no config tabs until then).
  const proposal = rt.runFromClient('proposeHeaderMapping') as { columns: unknown[] };
  const setup = rt.run('setUpSheet', { columns: proposal.columns }) as {
    ok: boolean;
    message: string;
  };
  if (!setup.ok) throw new Error(`setUpSheet failed: ${setup.message}`);
  const ss = (
    rt.services.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp
  ).getActiveSpreadsheet();
  const teams = ss.getSheetByName(SHEETS.teams) as GoogleAppsScript.Spreadsheet.Sheet;
  teams
    .getRange(2, 1, SAMPLE_TEAMS.length, 3)
    .setValues(SAMPLE_TEAMS.map((t) => [t.name, t.aliases.join(', '), false]));
  return rt;
}

/** Measures an operation whose `fn` reports the executions (and chunks) it took. */
function measureRun(
  rt: Runtime,
  op: string,
  rows: number,
  fn: () => { executions: number; chunks?: number },
): NormalizeBenchRow {
  return measure(rt, op, rows, fn, {
    columns: ({ executions, chunks }) => ({
      executions,
      ...(chunks !== undefined ? { chunks } : {}),
    }),
  });
}

function dataValues(rt: Runtime): unknown[][] {
  const ss = (
    rt.services.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp
  ).getActiveSpreadsheet();
  const v = (ss.getSheetByName(SAMPLE_SHEET_NAME) as GoogleAppsScript.Spreadsheet.Sheet)
    .getDataRange()
    .getValues();
  const id = v[0].indexOf('Request ID');
  // Request IDs are random per run: compare everything else.
  return v.map((r) => r.map((c, j) => (j === id ? '' : c instanceof Date ? c.getTime() : c)));
}

/**
 * Runs a normalization through checkpoints: one chunk per execution, continued by the hourly
 * scheduler trigger (issue 13), which runs the pending continuation.
 */
function continued(rt: Runtime, chunkRows: number): { executions: number; chunks: number } {
  rt.run('installTriggers');
  const first = rt.run('normalizeRequests', { budgetMs: 0, chunkRows }) as { status: string };
  let executions = 1;
  let status = first.status;
  const props = rt.properties.document;
  while (status === 'continuing' && executions < 1000) {
    rt.clock.advance(3600000);
    const fired = rt.fireDueTriggers(rt.clock.now());
    if (fired.length === 0) throw new Error('scheduler trigger missing');
    for (const f of fired) {
      if (!f.ok) throw new Error(`scheduler failed: ${f.error}`);
      const ran = (f.result as { ran: { job: string; result: string }[] }).ran;
      for (const r of ran.filter((x) => x.job === 'continuation')) {
        if (r.result === 'error') throw new Error('continuation failed');
        executions++;
      }
    }
    status = props.has('supportTracker.normalize.checkpoint') ? 'continuing' : 'done';
  }
  if (status !== 'done') throw new Error(`continuation did not finish (${status})`);
  rt.run('removeTriggers');
  return { executions, chunks: executions };
}

/**
 * Measures normalization at each size. Throws when service calls per chunk differ between sizes or
 * when the continuation path ends with a different sheet than a single run.
 */
export function benchNormalize(sizes: number[], distDir = defaultDistDir()): NormalizeBenchRow[] {
  const out: NormalizeBenchRow[] = [];
  const perChunk: Array<{ rows: number; value: number }> = [];
  for (const n of sizes) {
    const rt = workbook(n, distDir);
    const chunks = Math.ceil(n / CHUNK_ROWS);
    out.push(
      measureRun(
        rt,
        'previewNormalization',
        n,
        () => (rt.run('previewNormalization'), { executions: 1 }),
      ),
    );
    const run = measureRun(rt, 'normalizeRequests', n, () => {
      const r = rt.run('normalizeRequests', { chunkRows: CHUNK_ROWS, budgetMs: 1e12 }) as {
        status: string;
      };
      if (r.status !== 'done') throw new Error(`normalizeRequests: ${r.status}`);
      return { executions: 1, chunks };
    });
    out.push(run);
    perChunk.push({ rows: n, value: run.calls / chunks });
    out.push(
      measureRun(rt, 'normalizeRequests (rerun: 0 changes)', n, () => {
        const r = rt.run('normalizeRequests') as { cellsChanged: number };
        if (r.cellsChanged !== 0)
          throw new Error(`rerun changed ${r.cellsChanged} cells at ${n} rows`);
        return { executions: 1, chunks };
      }),
    );
    const single = dataValues(rt);
    out.push(
      measureRun(
        rt,
        'undoLastNormalization',
        n,
        () => (rt.run('undoLastNormalization'), { executions: 1 }),
      ),
    );
    if (run.estMs > SAFE_MS || n === Math.max(...sizes)) {
      // Too long for one execution (and always at the largest size, to show the path works): the
      // checkpoint + continuation path, 10,000 rows per execution, must end with the same sheet.
      const rt2 = workbook(n, distDir);
      const row = measureRun(rt2, 'normalizeRequests (continued)', n, () => continued(rt2, 10000));
      out.push(row);
      if (JSON.stringify(dataValues(rt2)) !== JSON.stringify(single))
        throw new Error(`continued run at ${n} rows differs from a single run`);
    }
  }
  // Calls per chunk: the fixed part is the same at every size, so calls grow only with chunks.
  if (perChunk.length >= 2) {
    const [a, b] = [perChunk[perChunk.length - 2], perChunk[perChunk.length - 1]];
    const ca = a.value * Math.ceil(a.rows / CHUNK_ROWS);
    const cb = b.value * Math.ceil(b.rows / CHUNK_ROWS);
    const chunksA = Math.ceil(a.rows / CHUNK_ROWS);
    const chunksB = Math.ceil(b.rows / CHUNK_ROWS);
    if (chunksB > chunksA) {
      const slope = (cb - ca) / (chunksB - chunksA);
      // Issue 10: per chunk, new IDs and the other changes are each re-read, logged and written
      // column by column onto fresh values: about 50 calls, the same at every size.
      if (slope > 70)
        throw new Error(
          `normalizeRequests makes ${slope} service calls per chunk (expected a small constant)`,
        );
    }
  }
  return out;
}

if (runAlone('normalize')) console.table(benchNormalize(argSizes([1000, 10000, 100000])));
