/**
 * Benchmark of normalization (issue #4, acceptance 4): previewNormalization, normalizeRequests, a
 * rerun (0 changes) and undoLastNormalization on the sample legacy sheet generated at each size
 * (samples/generate.ts), after setUpSheet. Reports service calls, cell calls, cells touched, the
 * estimated Apps Script time (runtime latency model) and Node time.
 *
 * Service calls per chunk are constant: benchNormalize throws when the calls added per extra chunk
 * exceed a small constant. A run whose estimate would not fit one execution (the 6-minute limit,
 * with margin), and always the largest size, is also run through the checkpoint + continuation path
 * (10,000 rows per execution, continued by one-off triggers); the bench throws unless it ends with
 * exactly the same sheet as the single run.
 *
 * Run alone: `node scripts/run-ts.mjs bench/normalize.ts [sizes...]` (after `npm run build`).
 */
import { createRuntime, defaultDistDir, type Runtime } from '../runtime';
import { generateSampleSheet, SAMPLE_SHEET_NAME, SAMPLE_TEAMS } from '../samples/generate';
import { SHEETS } from '../src/domain/schema';

export interface NormalizeBenchRow {
  op: string;
  rows: number;
  calls: number;
  cellCalls: number;
  cellsRead: number;
  cellsWritten: number;
  /** Estimated Apps Script time (runtime latency model), ms. */
  estMs: number;
  /** Node wall time of the call(s), ms. */
  nodeMs: number;
  /** Executions the operation took (continuation runs take several). */
  executions: number;
  /** Chunks of rows processed (normalize only). */
  chunks?: number;
}

/** The Apps Script limit of one execution, and the margin the bench keeps. */
export const EXECUTION_LIMIT_MS = 360000;
const CHUNK_ROWS = 2000;
const SAFE_MS = 300000;

function workbook(n: number, distDir: string): Runtime {
  const rt = createRuntime({ distDir, now: new Date('2024-09-03T14:00:00Z') });
  const sheet = generateSampleSheet({ rows: n });
  rt.spreadsheet._addSheet(SAMPLE_SHEET_NAME, sheet, n + 1, sheet[0].length);
  const setup = rt.run('setUpSheet') as { ok: boolean; message: string };
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

function measure(
  rt: Runtime,
  op: string,
  rows: number,
  fn: () => { executions: number; chunks?: number },
): NormalizeBenchRow {
  rt.tracker.reset();
  const t0 = process.hrtime.bigint();
  const { executions, chunks } = fn();
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
    executions,
    ...(chunks !== undefined ? { chunks } : {}),
  };
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

/** Runs a normalization through checkpoints: one chunk per execution, continued by triggers. */
function continued(rt: Runtime, chunkRows: number): { executions: number; chunks: number } {
  const first = rt.run('normalizeRequests', { budgetMs: 0, chunkRows }) as { status: string };
  let executions = 1;
  let status = first.status;
  while (status === 'continuing' && executions < 1000) {
    rt.clock.advance(61000);
    const fired = rt.fireDueTriggers(rt.clock.now());
    if (fired.length === 0) throw new Error('continuation trigger missing');
    for (const f of fired) {
      if (!f.ok) throw new Error(`continuation failed: ${f.error}`);
      status = (f.result as { status: string }).status;
      executions++;
    }
  }
  if (status !== 'done') throw new Error(`continuation did not finish (${status})`);
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
      measure(
        rt,
        'previewNormalization',
        n,
        () => (rt.run('previewNormalization'), { executions: 1 }),
      ),
    );
    const run = measure(rt, 'normalizeRequests', n, () => {
      const r = rt.run('normalizeRequests', { chunkRows: CHUNK_ROWS, budgetMs: 1e12 }) as {
        status: string;
      };
      if (r.status !== 'done') throw new Error(`normalizeRequests: ${r.status}`);
      return { executions: 1, chunks };
    });
    out.push(run);
    perChunk.push({ rows: n, value: run.calls / chunks });
    out.push(
      measure(rt, 'normalizeRequests (rerun: 0 changes)', n, () => {
        const r = rt.run('normalizeRequests') as { cellsChanged: number };
        if (r.cellsChanged !== 0)
          throw new Error(`rerun changed ${r.cellsChanged} cells at ${n} rows`);
        return { executions: 1, chunks };
      }),
    );
    const single = dataValues(rt);
    out.push(
      measure(
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
      const row = measure(rt2, 'normalizeRequests (continued)', n, () => continued(rt2, 10000));
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
      if (slope > 20)
        throw new Error(
          `normalizeRequests makes ${slope} service calls per chunk (expected a small constant)`,
        );
    }
  }
  return out;
}

function print(rows: NormalizeBenchRow[]): void {
  console.table(rows);
}

if (/bench[\\/]normalize\.ts$/.test(process.argv[1] ?? '')) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  print(benchNormalize(sizes.length ? sizes : [1000, 10000, 100000]));
}
