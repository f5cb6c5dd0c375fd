/**
 * Benchmark of the sidebar's server side (issue #3, acceptance 4): service calls, cell calls,
 * cells touched and estimated Apps Script time of `submitRequest` (and `getFormOptions`) on data
 * tabs of several sizes, plus the size of the built Sidebar.html and of the getFormOptions payload.
 *
 * Run alone: `node scripts/run-ts.mjs bench/submit.ts [sizes...]` (after `npm run build`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRuntime, defaultDistDir, type Runtime } from '../runtime';
import { HEADERS } from '../src/domain/schema';

export interface SubmitBenchRow {
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

export interface SubmitBench {
  rows: SubmitBenchRow[];
  /** Bytes of dist/Sidebar.html (budget: 100 KB). */
  sidebarHtmlBytes: number;
  /** Bytes of the JSON getFormOptions returns, per data-tab size. */
  formOptionsBytes: { rows: number; bytes: number }[];
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const TEAMS = ['Benefits Team', 'Health Apps', 'Identity Team', 'Facilities', 'My VA'];
const TOPICS = ['Forms', 'API', 'CI Error', 'Datadog', 'Access Request'];
const WORDS = [
  'form',
  'submission',
  'pipeline',
  'failing',
  'access',
  'datadog',
  'monitor',
  'endpoint',
  'error',
  'broken',
];

/** A runtime whose data tab holds `n` standardized rows (written through raw, uncounted access). */
function seeded(n: number, distDir: string): Runtime {
  const rt = createRuntime({ distDir, now: new Date('2026-03-03T15:00:00Z') });
  rt.run('setUpSheet');
  const ss = rt.spreadsheet as unknown as Spreadsheet;
  ss.getSheetByName('Teams')!
    .getRange(2, 1, TEAMS.length, 3)
    .setValues(TEAMS.map((t) => [t, '', false]));
  const sheet = ss.getSheetByName('Requests') as Sheet;
  if (n > 0) {
    if (sheet.getMaxRows() < n + 1)
      sheet.insertRowsAfter(sheet.getMaxRows(), n + 1 - sheet.getMaxRows());
    const base = Date.UTC(2025, 0, 1);
    const block: unknown[][] = [];
    for (let i = 0; i < n; i++) {
      const t = TOPICS[i % TOPICS.length];
      const row: unknown[] = HEADERS.map(() => '');
      row[0] = `SR-20250101-${String(i).padStart(6, '0')}`;
      row[1] = new Date(base + i * 60000);
      row[2] = 'lead@example.gov';
      row[3] = new Date(base + i * 60000);
      row[5] = TEAMS[i % TEAMS.length];
      row[6] = 'Slack';
      row[7] = t;
      row[12] = `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} ${t.toLowerCase()} issue ${i % 50}`;
      row[14] = i % 3 === 0 ? 'Open' : 'Resolved';
      block.push(row);
    }
    sheet.getRange(2, 1, n, HEADERS.length).setValues(block);
  }
  return rt;
}

function measure(rt: Runtime, op: string, rows: number, fn: () => unknown): SubmitBenchRow {
  rt.tracker.reset();
  const t0 = process.hrtime.bigint();
  const result = fn() as { ok?: boolean } | null;
  const nodeMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (result && result.ok === false) throw new Error(`${op} failed: ${JSON.stringify(result)}`);
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

/** Runs the sidebar benchmark on data tabs of the given sizes (e.g. [1000, 100000]). */
export function benchSubmit(sizes: number[], distDir = defaultDistDir()): SubmitBench {
  const rows: SubmitBenchRow[] = [];
  const formOptionsBytes: { rows: number; bytes: number }[] = [];
  for (const n of sizes) {
    const rt = seeded(n, distDir);
    let payload = '';
    rows.push(
      measure(rt, 'getFormOptions', n, () => {
        const o = rt.runFromClient('getFormOptions');
        payload = JSON.stringify(o);
        return o;
      }),
    );
    formOptionsBytes.push({ rows: n, bytes: Buffer.byteLength(payload) });
    // Warm submission first (it creates the ID/idempotency state), then the measured one.
    rt.runFromClient('submitRequest', form(n, 0));
    rows.push(measure(rt, 'submitRequest', n, () => rt.runFromClient('submitRequest', form(n, 1))));
    rows.push(
      measure(rt, 'submitRequest (duplicate)', n, () =>
        rt.runFromClient('submitRequest', form(n, 1)),
      ),
    );
    rows.push(measure(rt, 'getMyOpenRequests', n, () => rt.runFromClient('getMyOpenRequests')));
    const open = rt.runFromClient('getMyOpenRequests') as { requests: { requestId: string }[] };
    const id = open.requests[0]?.requestId;
    if (id) {
      rows.push(
        measure(rt, 'closeMyRequest', n, () =>
          rt.runFromClient('closeMyRequest', {
            requestId: id,
            resolution: 'Answered',
            timeSpentMin: 5,
          }),
        ),
      );
    }
  }
  // Acceptance 4: the same calls at every size, within 25 calls and 6 cell calls.
  const submits = rows.filter((r) => r.op === 'submitRequest');
  for (const r of submits) {
    if (r.calls !== submits[0].calls || r.cellCalls !== submits[0].cellCalls) {
      throw new Error(`submitRequest calls differ by size: ${JSON.stringify(submits)}`);
    }
    if (r.calls > 25 || r.cellCalls > 6) {
      throw new Error(`submitRequest over budget (25 calls, 6 cell calls): ${JSON.stringify(r)}`);
    }
  }
  const html = path.join(distDir, 'Sidebar.html');
  const sidebarHtmlBytes = fs.existsSync(html) ? fs.statSync(html).size : 0;
  return { rows, sidebarHtmlBytes, formOptionsBytes };
}

function form(n: number, i: number): Record<string, unknown> {
  return {
    summary: `Benchmark request ${i} on a sheet of ${n} rows: =SUM(A1:A9)`,
    vfsTeam: 'Health Apps',
    topic: 'Forms',
    channel: 'Slack',
    requestedAt: '2026-03-03T14:00:00.000Z',
    clientRequestId: `bench-${n}-${i}`,
  };
}

/** Prints the benchmark as a table. */
export function printSubmitBench(b: SubmitBench): void {
  console.table(b.rows);
  console.log(`Sidebar.html: ${(b.sidebarHtmlBytes / 1024).toFixed(1)} KB (budget 100 KB)`);
  for (const p of b.formOptionsBytes) {
    console.log(`getFormOptions payload at ${p.rows} rows: ${(p.bytes / 1024).toFixed(1)} KB`);
  }
}

if (/bench[\\/]submit\.ts$/.test(process.argv[1] ?? '')) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((x) => x >= 0);
  printSubmitBench(benchSubmit(sizes.length ? sizes : [1000, 100000]));
}
