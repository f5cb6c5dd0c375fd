/**
 * Shared pieces of the benchmarks (bench/*.ts): the row every benchmark reports, the measurement of
 * one operation (tracker reset, Node timing, tracker snapshot -> row), the "call counts do not
 * grow with the sheet" check, and the command line of a benchmark run alone.
 */
import type { Runtime } from '../packages/gas-runtime/src';
import type { CallStats } from '../packages/gas-runtime/src/tracker';

/** One measured operation at one sheet size. */
export interface BenchRow {
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
  /** Executions the operation took (continuation runs take several; normalize only). */
  executions?: number;
  /** Chunks of rows processed (normalize only). */
  chunks?: number;
  /** Of `calls`, those that created tabs, protections, charts or pivots (summaries first run). */
  creationCalls?: number;
}

/** What to do with an operation's result once it is timed. */
export interface MeasureOptions<T, X extends object> {
  /** Throws when the result shows the operation failed (runs after timing, before the snapshot). */
  check?: (result: T) => void;
  /** Extra columns of the row, from the result and the tracker's snapshot. */
  columns?: (result: T, stats: CallStats) => X;
}

/** Node milliseconds rounded to 0.1. */
export function roundMs(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/**
 * Runs `fn` once on a freshly reset call tracker and returns its row: the tracker's counts, the
 * estimated Apps Script time (rounded to 1 ms) and the Node time of `fn` (rounded to 0.1 ms), then
 * any extra columns `opts.columns` derives. `opts.check` may throw to reject the result.
 */
export function measure<T, X extends object = Record<never, never>>(
  rt: Runtime,
  op: string,
  rows: number,
  fn: () => T,
  opts: MeasureOptions<T, X> = {},
): BenchRow & X {
  rt.tracker.reset();
  const t0 = process.hrtime.bigint();
  const result = fn();
  const nodeMs = Number(process.hrtime.bigint() - t0) / 1e6;
  opts.check?.(result);
  const s = rt.tracker.snapshot();
  return {
    op,
    rows,
    calls: s.calls,
    cellCalls: s.cellCalls,
    cellsRead: s.cellsRead,
    cellsWritten: s.cellsWritten,
    estMs: Math.round(s.estimatedMs),
    nodeMs: roundMs(nodeMs),
    ...(opts.columns ? opts.columns(result, s) : ({} as X)),
  };
}

/** Which counts must stay the same across sizes, and how much they may vary. */
export interface SameCallsOptions {
  /** Operations to check (default: every operation in `rows`). */
  ops?: Iterable<string>;
  /** Counts compared (default: service calls only). */
  fields?: ReadonlyArray<'calls' | 'cellCalls'>;
  /** Largest allowed max - min of each count between sizes (default 0: identical). */
  tolerance?: number;
}

/**
 * Throws when an operation's call counts differ between the sizes it was measured at (by more than
 * `tolerance`): the calls of an operation must not grow with the sheet.
 */
export function assertSameCallsAtEverySize(rows: BenchRow[], opts: SameCallsOptions = {}): void {
  const fields = opts.fields ?? ['calls'];
  const tolerance = opts.tolerance ?? 0;
  for (const op of opts.ops ?? new Set(rows.map((r) => r.op))) {
    const runs = rows.filter((r) => r.op === op);
    for (const field of fields) {
      const values = runs.map((r) => r[field]);
      if (Math.max(...values) - Math.min(...values) > tolerance) {
        const bySize = runs.map((r) => `${r.rows}: ${fields.map((f) => r[f]).join('/')}`);
        throw new Error(
          `${op}: ${fields.join('/')} vary with rows by more than ${tolerance}: ${bySize.join(', ')}`,
        );
      }
    }
  }
}

/** True when this process was started as `node ... bench/<name>.ts` (the benchmark run alone). */
export function runAlone(name: string): boolean {
  return new RegExp(`bench[\\\\/]${name}\\.ts$`).test(process.argv[1] ?? '');
}

/**
 * The sheet sizes given on the command line (numbers > 0, or >= 0 with `allowZero`), or
 * `defaults` when there are none.
 */
export function argSizes(defaults: number[], allowZero = false): number[] {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => (allowZero ? n >= 0 : n > 0));
  return sizes.length ? sizes : defaults;
}
