// The normalization run: chunk by chunk under the document lock, checkpointed, continued by the
// scheduler near the time budget; at the end, Data quality and validation rules.
import { markUnitsConverted } from '../mapping';
import { CHANGE_LOG_HEADERS, SHEETS } from '../../domain/schema';
import { applyChanges, mergePlans, type NormalizationPlan } from '../../domain/normalize';
import { withRunLog } from '../runLog';
import { clearContinuation, continuesAutomatically, scheduleContinuation } from '../continuation';
import { applyValidation } from '../validation';
import { ensureSheet, getSpreadsheet, withDocumentLock } from '../sheets';
import { writeDataQuality, newQualityAccumulator, addQualityRows } from '../dataQuality';
import { isOwnTriggerRun, requireAdmin } from '../admin';
import { SCHEDULER_HANDLER } from '../scheduleStore';
import { afterDataChanged } from '../afterChange';
import {
  MAX_CONFLICTS_SHOWN,
  blocked,
  byHeader,
  plural,
  suggestionViews,
  unresolvedView,
  warningsOf,
  type ConflictView,
  type NormalizeReport,
} from '../../domain/normalize/report';
import {
  CONTINUE_AFTER_MS,
  DEFAULT_BUDGET_MS,
  DEFAULT_CHUNK_ROWS,
  LOCK_MS,
  aliasKey,
  aliasTabRows,
  isTriggerEvent,
  load,
  newRunId,
  planChunk,
  readAliases,
  readChunk,
  type NormalizeOptions,
} from './context';
import {
  CHECKPOINT_KEY,
  HASH_SEED,
  LAST_RUN_KEY,
  busyContinuation,
  getCheckpoint,
  hashIds,
  rowsMovedSince,
  type Checkpoint,
  type LastRun,
} from './checkpoint';
import { resetLogCache } from './changeLog';
import {
  appendLearned,
  commitChunk,
  idGenerator,
  replayUncommitted,
  type CommitOutcome,
} from './commit';

/**
 * Normalizes the data tab in place (block writes, chunk by chunk, each chunk under the document
 * lock) and returns a report. Needs no dialog, so triggers and tests call it directly. Continues a
 * checkpointed run if one exists (that is how the continuation trigger and a rerun after a kill
 * work). `options` lowers the time budget or chunk size (tests); a trigger passes its event.
 */
export function normalizeRequests(options?: NormalizeOptions): NormalizeReport {
  const fromTrigger = isTriggerEvent(options);
  // Admin-only, except its own continuation: the event of one of the caller's own triggers (the
  // scheduler's or a continuation trigger, installed by an admin). A triggerUid forged through
  // google.script.run is not one of the caller's triggers.
  if (!fromTrigger || !isOwnTriggerRun(options, 'normalizeRequests', SCHEDULER_HANDLER))
    requireAdmin('normalize the rows');
  // A scheduler run with nothing to continue logs nothing here (the scheduler logs its skip).
  if (isTriggerEvent(options) && !getCheckpoint()) return normalizeCore(options);
  const report = withRunLog(
    'normalizeRequests',
    (run) => {
      const r = normalizeCore(options);
      run.rows = r.rowsScanned;
      const outcome: Record<NormalizeReport['status'], string> = {
        done: 'OK',
        continuing: 'OK',
        blocked: 'Not run',
        busy: 'Busy: continues later',
        nothing: 'Nothing to do',
      };
      run.outcome = outcome[r.status];
      run.message = r.message;
      return r;
    },
    options,
  );
  return report ?? blocked('', 'The normalization failed: see the Run log.');
}

function normalizeCore(options?: NormalizeOptions): NormalizeReport {
  const started = Date.now();
  // The admin check ran in normalizeRequests, before any Run log row (a refusal writes nothing).
  resetLogCache();
  const fromTrigger = isTriggerEvent(options);
  const opts: NormalizeOptions =
    fromTrigger || !options || typeof options !== 'object' ? {} : options;
  const ss = getSpreadsheet();
  const props = PropertiesService.getDocumentProperties();
  let cp = getCheckpoint();
  if (!cp && fromTrigger) {
    clearContinuation();
    return { ...blocked('', 'No normalization is in progress.'), ok: true, status: 'nothing' };
  }
  const loaded = load(ss);
  if (!loaded.ok) return blocked(loaded.dataTab, loaded.message);
  const ctx = loaded.ctx;

  const startedNow = !cp;
  if (!cp) {
    cp = {
      runId: newRunId('N', ctx.tz),
      nextRow: 0,
      total: ctx.lastRow - 1,
      logRow: ensureSheet(ss, SHEETS.changeLog, CHANGE_LOG_HEADERS).getLastRow(),
      aliasRows: aliasTabRows(ss),
      budgetMs: opts.budgetMs ?? DEFAULT_BUDGET_MS,
      chunkRows: Math.max(1, Math.floor(opts.chunkRows ?? DEFAULT_CHUNK_ROWS)),
      startedAt: started,
      counts: {},
      cellsChanged: 0,
      executions: 0,
    };
  }
  const state: Checkpoint = { ...cp, executions: cp.executions + 1 };
  // Match with the aliases the run started with, so that every chunk decides alike.
  if (cp.executions > 0) ctx.aliases = readAliases(ss, cp.aliasRows);
  const learnedKeys = new Set(readAliases(ss).map(aliasKey));
  const resumed = state.executions > 1 || state.nextRow > 0;
  props.setProperty(CHECKPOINT_KEY, JSON.stringify(state));

  const conflicts: ConflictView[] = [];
  const failures: string[] = [];
  // Replay a chunk that was logged but not committed (the run was killed in between), by Request
  // ID; then, when rows were inserted, deleted or sorted since the checkpoint, start over from the
  // top (rows already normalized plan no change), so that no row is skipped.
  const replay = withDocumentLock(LOCK_MS, () => {
    const r = replayUncommitted(ctx, state);
    if (state.nextRow > 0 && rowsMovedSince(ctx, state)) {
      state.nextRow = 0;
      state.idHash = HASH_SEED;
    }
    state.total = ctx.lastRow - 1;
    return r;
  });
  if (!replay.ok) {
    const message = `The sheet was busy with another update. The run is saved at row ${state.nextRow + 2}.`;
    if (startedNow) {
      // Nothing was written: a run that could not even start leaves no checkpoint behind.
      props.deleteProperty(CHECKPOINT_KEY);
      return { ...blocked(ctx.dataTab, replay.message), status: 'busy' };
    }
    return busyContinuation(ctx, state, message, fromTrigger);
  }
  for (const c of replay.value.written) state.counts[c.field] = (state.counts[c.field] ?? 0) + 1;
  state.cellsChanged += replay.value.written.length;
  conflicts.push(...replay.value.conflicts);
  failures.push(...replay.value.failed);
  state.busyRetries = 0;
  props.setProperty(CHECKPOINT_KEY, JSON.stringify(state));

  const ids = idGenerator(ctx.tz);
  const plans: NormalizationPlan[] = [];
  const quality = newQualityAccumulator(ctx.lists, ctx.map);
  const total = Math.min(state.total, ctx.lastRow - 1);
  while (state.nextRow < total) {
    const a = state.nextRow;
    const b = Math.min(total, a + state.chunkRows);
    const step = withDocumentLock(LOCK_MS, () => {
      const data = readChunk(ctx, a, b);
      const plan = planChunk(ctx, data, a, ids.next);
      const done: CommitOutcome =
        plan.changes.length === 0
          ? { written: [], conflicts: [], failed: [] }
          : commitChunk(ctx, data, a, plan, state.runId, {
              saveIds: () => ids.save(),
              saveCheckpoint: () => props.setProperty(CHECKPOINT_KEY, JSON.stringify(state)),
              onLogged: (row) => {
                state.logRow = row;
              },
            });
      ids.save();
      applyChanges(data.values, done.written, a);
      appendLearned(ctx, plan.learned, learnedKeys);
      state.nextRow = b;
      for (const c of done.written) state.counts[c.field] = (state.counts[c.field] ?? 0) + 1;
      state.cellsChanged += done.written.length;
      state.conflicts = (state.conflicts ?? 0) + done.conflicts.length;
      state.idHash = hashIds(state.idHash ?? HASH_SEED, data.values, ctx.map.requestId);
      state.rowsAtSave = ctx.lastRow - 1;
      props.setProperty(CHECKPOINT_KEY, JSON.stringify(state));
      addQualityRows(quality, data.values, a);
      conflicts.push(...done.conflicts);
      failures.push(...done.failed);
      return plan;
    });
    if (!step.ok) {
      return busyContinuation(
        ctx,
        state,
        `The sheet was busy with another update. The run is saved at row ${state.nextRow + 2}.`,
        fromTrigger,
      );
    }
    plans.push(step.value);
    if (state.nextRow < total && Date.now() - started >= state.budgetMs) {
      scheduleContinuation(
        CONTINUE_AFTER_MS,
        `normalization ${state.runId} continues at row ${state.nextRow + 2}`,
      );
      const merged = mergePlans(plans);
      return {
        ok: true,
        status: 'continuing',
        message: `Normalized rows 2-${state.nextRow + 1} of ${total + 1} (${state.cellsChanged} cells so far). ${continuesAutomatically() ? 'The rest continues automatically within the hour (the scheduler trigger).' : 'Run Normalize existing rows again to continue (or Install triggers, so that it continues by itself).'}`,
        dataTab: ctx.dataTab,
        runId: state.runId,
        rowsScanned: state.nextRow,
        cellsChanged: state.cellsChanged,
        changesByField: byHeader(state.counts),
        unresolved: merged.unresolved.map(unresolvedView),
        blankRows: merged.blankRows.map((r) => r + 2),
        warnings: [...warningsOf(merged), ...failures],
        standardizedPct: null,
        conflicts: conflicts.slice(0, MAX_CONFLICTS_SHOWN),
        conflictCount: state.conflicts ?? 0,
      };
    }
  }

  // Finished. A resumed run re-reads the whole tab for the final unresolved list and quality.
  let final: NormalizationPlan;
  let q = quality;
  if (resumed) {
    q = newQualityAccumulator(ctx.lists, ctx.map);
    const again: NormalizationPlan[] = [];
    for (let a = 0; a < total; a += state.chunkRows) {
      const b = Math.min(total, a + state.chunkRows);
      const data = readChunk(ctx, a, b);
      again.push(planChunk(ctx, data, a, () => ''));
      addQualityRows(q, data.values, a);
    }
    final = mergePlans(again);
  } else final = mergePlans(plans);

  const lastRun: LastRun = {
    runId: state.runId,
    at: Date.now(),
    cells: state.cellsChanged,
    undone: false,
  };
  if (state.cellsChanged > 0) props.setProperty(LAST_RUN_KEY, JSON.stringify(lastRun));
  props.deleteProperty(CHECKPOINT_KEY);
  // Units converted by this run are minutes now: a rerun must not convert them again.
  if (ctx.units && Object.keys(ctx.units).length) markUnitsConverted(state.runId);
  if (resumed) clearContinuation();
  // refreshSummaries rewrites the Data quality tab under the document lock: so does this.
  const derived = withDocumentLock(LOCK_MS, () => {
    writeDataQuality(ctx.ss, ctx.sheet, q, ctx.tz);
    return applyValidation(ctx.ss, ctx.sheet, ctx.map, ctx.lists, ctx.mode);
  });
  const validation = derived.ok ? derived.value : undefined;
  const warnings = warningsOf(final);
  if (!derived.ok)
    warnings.push(
      'The Data quality tab and the validation rules were not refreshed (the sheet was busy): run Normalize existing rows again, it changes nothing else.',
    );

  const pct = q.rows === 0 ? null : Math.round((1000 * q.standardized) / q.rows) / 10;
  const unresolved = final.unresolved.map(unresolvedView);
  // The Summary's notices and the sidebar's options must describe the rows as they are now.
  const refreshed = state.cellsChanged > 0 ? afterDataChanged(ss) : '';
  return {
    ok: true,
    status: 'done',
    message:
      (state.cellsChanged === 0
        ? `Nothing to change: '${ctx.dataTab}' is already normalized. ${pct ?? 0}% of rows are standardized.`
        : `Standardized ${state.cellsChanged} cell${state.cellsChanged === 1 ? '' : 's'} in ${total} rows (run ${state.runId}); every change is in the Change log. ${unresolved.length} value(s) left as typed. ${pct ?? 0}% of rows are standardized.${refreshed ? ` ${refreshed}` : ''}`) +
      (state.conflicts
        ? ` ${plural(state.conflicts, 'cell')} changed by someone during the run ${state.conflicts === 1 ? 'was' : 'were'} left as ${state.conflicts === 1 ? 'it is' : 'they are'} (listed below and in the Change log).`
        : ''),
    dataTab: ctx.dataTab,
    runId: state.runId,
    rowsScanned: total,
    cellsChanged: state.cellsChanged,
    changesByField: byHeader(state.counts),
    unresolved,
    blankRows: final.blankRows.map((r) => r + 2),
    warnings: [...warnings, ...failures],
    suggestions: suggestionViews(final),
    standardizedPct: pct,
    validation,
    conflicts: conflicts.slice(0, MAX_CONFLICTS_SHOWN),
    conflictCount: state.conflicts ?? 0,
  };
}
