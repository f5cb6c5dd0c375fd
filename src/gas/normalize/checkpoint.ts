// Checkpoint and continuation of a normalization run: the saved progress, the last-run record,
// detection of rows moved while a run waits, and the busy back-off.
import { type FieldKey } from '../../domain/schema';
import { continuesAutomatically, pendingContinuation, scheduleContinuation } from '../continuation';
import { blocked, type NormalizeReport } from '../../domain/normalize/report';
import { CONTINUE_AFTER_MS, idText, type Ctx } from './context';

/** DocumentProperties keys. */
export const CHECKPOINT_KEY = 'supportTracker.normalize.checkpoint';
export const LAST_RUN_KEY = 'supportTracker.normalize.lastRun';

export interface Checkpoint {
  runId: string;
  /** Next 0-based data row to plan. */
  nextRow: number;
  /** Data rows of the run (fixed at its start). */
  total: number;
  /** Change log last row when the data was last committed. */
  logRow: number;
  /** Aliases tab rows at the start of the run (later rows were learned by the run itself). */
  aliasRows: number;
  budgetMs: number;
  chunkRows: number;
  startedAt: number;
  counts: Partial<Record<FieldKey, number>>;
  cellsChanged: number;
  executions: number;
  /** Cells left alone because they changed under the run. */
  conflicts?: number;
  /** Rolling hash of the processed rows' Request IDs (detects sorts while the run waits). */
  idHash?: number;
  /** Data rows when the checkpoint was saved (detects inserts and deletes). */
  rowsAtSave?: number;
  /** Busy retries in a row (back-off). */
  busyRetries?: number;
}

export interface LastRun {
  runId: string;
  at: number;
  cells: number;
  undone: boolean;
}

export function getCheckpoint(): Checkpoint | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(CHECKPOINT_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Checkpoint;
  } catch {
    return null;
  }
}

export function getLastRun(): LastRun | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(LAST_RUN_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as LastRun;
  } catch {
    return null;
  }
}

/** Seed of the rolling hash of the processed rows' Request IDs. */
export const HASH_SEED = 2166136261;
/** Longest back-off of a busy continuation. */
const MAX_BACKOFF_MS = 30 * 60000;

/** FNV-1a over the Request IDs of `rows` (in order), continuing from `seed`. */
export function hashIds(
  seed: number,
  rows: readonly (readonly unknown[])[],
  idCol: number,
): number {
  let h = seed >>> 0;
  for (const r of rows) {
    const s = `${idText(r[idCol])}\n`;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 16777619) >>> 0;
    }
  }
  return h;
}

/**
 * True when rows were inserted, deleted or sorted above the checkpoint since it was saved: the row
 * count changed, or the Request IDs of the processed rows are no longer the same sequence (one read
 * of the ID column).
 */
export function rowsMovedSince(ctx: Ctx, state: Checkpoint): boolean {
  if (state.rowsAtSave !== undefined && state.rowsAtSave !== ctx.lastRow - 1) return true;
  if (state.idHash === undefined) return false;
  const n = Math.min(state.nextRow, ctx.lastRow - 1);
  if (n < 1) return false;
  const ids = ctx.sheet.getRange(2, ctx.map.requestId + 1, n, 1).getValues() as unknown[][];
  return hashIds(HASH_SEED, ids, 0) !== state.idHash;
}

/**
 * The sheet stayed locked: the run keeps its checkpoint, schedules its continuation with back-off
 * (1, 2, 4 ... 30 minutes) and writes a Run log row, so it is never stuck without a word.
 */
export function busyContinuation(
  ctx: Ctx,
  state: Checkpoint,
  message: string,
  fromTrigger: boolean,
): NormalizeReport {
  const props = PropertiesService.getDocumentProperties();
  const retries = (state.busyRetries ?? 0) + 1;
  state.busyRetries = retries;
  props.setProperty(CHECKPOINT_KEY, JSON.stringify(state));
  const wait = Math.min(MAX_BACKOFF_MS, CONTINUE_AFTER_MS * 2 ** (retries - 1));
  const minutes = Math.round(wait / 60000);
  scheduleContinuation(wait, `the sheet was busy (attempt ${retries})`);
  const text = continuesAutomatically()
    ? `${message} It retries automatically, not before ${minutes} minute${minutes === 1 ? '' : 's'} from now, with the next scheduler run (attempt ${retries}).`
    : `${message} Run Normalize existing rows again to finish it (attempt ${retries}; Install triggers so that it continues by itself).`;
  void fromTrigger;
  return { ...blocked(ctx.dataTab, text), status: 'busy', runId: state.runId };
}

/**
 * What the next menu use tells about a run in progress: when it continues, or that nothing is
 * scheduled and running Normalize again finishes it ('' when no run is in progress).
 */
export function progressNote(): string {
  const cp = getCheckpoint();
  if (!cp) return '';
  const next = pendingContinuation();
  const where = `A normalization (run ${cp.runId}) is in progress: rows 2-${cp.nextRow + 1} are done.`;
  if (next && continuesAutomatically())
    return `${where} It continues automatically with the next scheduler run (${next.reason}); confirm Normalize to finish it now. `;
  return `${where} No continuation will run by itself: confirm Normalize to finish it. `;
}
