/**
 * Benchmark of the sidebar's server side (issue #3, acceptance 4): service calls, cell calls,
 * cells touched and estimated Apps Script time of `submitRequest` (and `getFormOptions`) on data
 * tabs of several sizes, plus the size of the built Sidebar.html and of the getFormOptions payload.
 *
 * Run alone: `node scripts/run-ts.mjs bench/submit.ts [sizes...]` (after `npm run build`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRuntime, defaultDistDir, type Runtime } from '../packages/gas-runtime/src';
import { HEADERS } from '../src/domain/schema';
import { argSizes, assertSameCallsAtEverySize, measure, runAlone, type BenchRow } from './measure';

/** A row of the sidebar benchmark. */
export type SubmitBenchRow = BenchRow;

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
export function seeded(n: number, distDir: string): Runtime {
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

/** Measures one server call; throws when it answers `{ ok: false }`. */
function measureCall(rt: Runtime, op: string, rows: number, fn: () => unknown): SubmitBenchRow {
  return measure(rt, op, rows, fn, {
    check: (result) => {
      if ((result as { ok?: boolean } | null)?.ok === false)
        throw new Error(`${op} failed: ${JSON.stringify(result)}`);
    },
  });
}

/** Runs the sidebar benchmark on data tabs of the given sizes (e.g. [1000, 100000]). */
export function benchSubmit(sizes: number[], distDir = defaultDistDir()): SubmitBench {
  const rows: SubmitBenchRow[] = [];
  const formOptionsBytes: { rows: number; bytes: number }[] = [];
  for (const n of sizes) {
    const rt = seeded(n, distDir);
    let payload = '';
    // Cold: nothing cached yet (as after a config edit or a refresh bumped the version).
    rows.push(
      measureCall(rt, 'getFormOptions (cold)', n, () => {
        const o = rt.runFromClient('getFormOptions');
        payload = JSON.stringify(o);
        return o;
      }),
    );
    // Warm: the next sidebar opening, served from the versioned cache.
    rows.push(
      measureCall(rt, 'getFormOptions (warm)', n, () => rt.runFromClient('getFormOptions')),
    );
    formOptionsBytes.push({ rows: n, bytes: Buffer.byteLength(payload) });
    // Warm submission first (it creates the ID/idempotency state), then the measured one.
    rt.runFromClient('submitRequest', form(n, 0));
    rows.push(
      measureCall(rt, 'submitRequest', n, () => rt.runFromClient('submitRequest', form(n, 1))),
    );
    rows.push(
      measureCall(rt, 'submitRequest (duplicate)', n, () =>
        rt.runFromClient('submitRequest', form(n, 1)),
      ),
    );
    rows.push(measureCall(rt, 'getMyOpenRequests', n, () => rt.runFromClient('getMyOpenRequests')));
    const open = rt.runFromClient('getMyOpenRequests') as { requests: { requestId: string }[] };
    const id = open.requests[0]?.requestId;
    if (id) {
      rows.push(
        measureCall(rt, 'closeMyRequest', n, () =>
          rt.runFromClient('closeMyRequest', {
            requestId: id,
            resolution: 'Answered',
            timeSpentMin: 5,
          }),
        ),
      );
    }
  }
  // Issue 12 item 16: a warm getFormOptions is at most 8 calls, the same at every size.
  assertSameCallsAtEverySize(rows, { ops: ['getFormOptions (warm)'], fields: ['calls'] });
  for (const r of rows.filter((row) => row.op === 'getFormOptions (warm)')) {
    if (r.calls > 8)
      throw new Error(`warm getFormOptions over budget (8 calls): ${JSON.stringify(r)}`);
  }
  // Acceptance 4: the same calls at every size, within 25 calls and 6 cell calls.
  assertSameCallsAtEverySize(rows, { ops: ['submitRequest'], fields: ['calls', 'cellCalls'] });
  for (const r of rows.filter((row) => row.op === 'submitRequest')) {
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

if (runAlone('submit')) printSubmitBench(benchSubmit(argSizes([1000, 100000], true)));
