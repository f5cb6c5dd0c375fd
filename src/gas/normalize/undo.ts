// Undo of the last normalization run: each logged change found by its Request ID and restored
// only where the cell still holds what the run wrote; the rest is reported as conflicts.
import { formatOfRule, setCellFormats } from '../durationFormat';
import { restoreUnits } from '../mapping';
import { prepareEdits, commitEdits, type CellEdit } from '../cellWriter';
import { apostropheReading } from '../platformFacts';
import { withRunLog } from '../runLog';
import { getSpreadsheet, alertIfInteractive, withDocumentLock } from '../sheets';
import { refreshQualityOf } from '../dataQuality';
import { requireAdmin } from '../admin';
import { afterDataChanged } from '../afterChange';
import {
  MAX_CONFLICTS_SHOWN,
  headerOf,
  plural,
  type ConflictView,
  type UndoReport,
} from '../../domain/normalize/report';
import { DEFAULT_CHUNK_ROWS, LOCK_MS, load, newRunId } from './context';
import { LAST_RUN_KEY, getCheckpoint, getLastRun } from './checkpoint';
import {
  UNDO_RULE_PREFIX,
  appendLog,
  collapse,
  conflictView,
  locate,
  readLoggedChanges,
  resetLogCache,
  rowBeforeRun,
  type LoggedChange,
} from './changeLog';
import { standardGap } from './commit';

/**
 * Reverts the last normalization run. Each logged change is found by its row's Request ID (rows
 * may have been inserted, sorted or deleted since), and restored, with its type, only where the
 * cell still holds the value the run wrote; anything else is a conflict: left alone, logged and
 * reported. The undo is recorded in the Change log and the Run log, and says what it did.
 */
export function undoLastNormalization(): UndoReport {
  requireAdmin('undo the last normalization');
  return <UndoReport>withRunLog('undoLastNormalization', (run) => {
    const report = undoCore();
    run.rows = report.restored;
    if (!report.ok) run.outcome = report.nothing ? 'Nothing to undo' : 'Not undone';
    if (report.conflicts.length > 0)
      run.message = `${plural(report.conflicts.length, 'cell')} left as they are (changed since the run).`;
    alertIfInteractive('Undo last normalization', report.message);
    return report;
  });
}

function undoCore(): UndoReport {
  resetLogCache();
  const ss = getSpreadsheet();
  const none = (message: string, nothing = false): UndoReport => ({
    ok: false,
    nothing,
    message,
    runId: '',
    restored: 0,
    requests: 0,
    byField: {},
    conflicts: [],
  });
  if (getCheckpoint())
    return none(
      'A normalization is still in progress. Wait for it to finish (or run it again to finish it), then undo. Nothing was changed.',
    );
  const last = getLastRun();
  if (!last || last.undone)
    return none('There is nothing to undo: no normalization run since the last undo.', true);
  const loaded = load(ss);
  if (!loaded.ok) return none(loaded.message);
  const ctx = loaded.ctx;
  const result = withDocumentLock(LOCK_MS, (): UndoReport => {
    const changes = collapse(readLoggedChanges(ctx, last.runId, rowBeforeRun(ctx, last.runId)));
    if (changes.length === 0)
      return none(
        `There is nothing to undo: the Change log holds no change of run ${last.runId}.`,
        true,
      );
    const undoId = newRunId('U', ctx.tz);
    const found = locate(ctx, changes, false);
    const conflicts: ConflictView[] = found.missing.map((m) =>
      conflictView(ctx, m.c.requestId, m.c.row + 2, m.c.field, m.c.from, '', m.reason),
    );
    const gapOk = standardGap(ctx);
    const reading = apostropheReading();
    const restoredEdits: CellEdit<LoggedChange>[] = [];
    const failed: string[] = [];
    const edits = [...found.edits].sort((x, y) => x.row - y.row);
    for (let i = 0; i < edits.length;) {
      let j = i;
      while (j < edits.length && edits[j].row < edits[i].row + DEFAULT_CHUNK_ROWS) j++;
      const prep = prepareEdits(ctx.sheet, edits.slice(i, j), { reading });
      for (const k of prep.conflicts)
        conflicts.push(
          conflictView(
            ctx,
            k.edit.tag.requestId,
            k.edit.row,
            k.edit.tag.field,
            k.edit.to,
            k.now,
            k.reason,
          ),
        );
      const res = commitEdits(prep, gapOk);
      restoredEdits.push(...res.written);
      for (const f of res.failed)
        failed.push(`${headerOf(f.edit.tag.field)} in row ${f.edit.row}: ${f.message}`);
      i = j;
    }
    // A restored time-formatted duration gets its original number format back (noted in the log).
    setCellFormats(
      ctx.sheet,
      restoredEdits.flatMap((e) => {
        const format = formatOfRule(e.tag.rule);
        return format === null ? [] : [{ row: e.row, col: e.col, format }];
      }),
    );
    const restored = restoredEdits.length;
    const requests = new Set(restoredEdits.map((e) => e.row)).size;
    const byField: Record<string, number> = {};
    for (const e of restoredEdits) {
      const h = headerOf(e.tag.field);
      byField[h] = (byField[h] ?? 0) + 1;
    }
    // The run's own Change log rows already hold every original value: the undo adds one summary
    // row and one row per conflict, so a large undo does not double the log.
    const now = new Date();
    appendLog(ss, [
      [
        '',
        '',
        '(all fields)',
        `run ${last.runId}`,
        `${restored} cell(s) in ${requests} request(s) restored to their original values`,
        `${UNDO_RULE_PREFIX}run`,
        undoId,
        now,
      ],
      ...conflicts.map((c) => [
        c.requestId,
        c.row,
        c.field,
        c.wanted,
        c.now,
        `${UNDO_RULE_PREFIX}conflict (${c.reason})`,
        undoId,
        now,
      ]),
    ]);
    PropertiesService.getDocumentProperties().setProperty(
      LAST_RUN_KEY,
      JSON.stringify({ ...last, undone: true }),
    );
    restoreUnits(last.runId);
    const fields = Object.entries(byField)
      .map(([f, n]) => `${f} ${n}`)
      .join(', ');
    return {
      ok: true,
      nothing: false,
      message:
        `Undid normalization run ${last.runId}: restored ${plural(restored, 'cell')} in ${plural(requests, 'request')}` +
        (fields ? ` (${fields}).` : '.') +
        (conflicts.length
          ? ` ${plural(conflicts.length, 'cell')} changed since the run ${conflicts.length === 1 ? 'was' : 'were'} left as ${conflicts.length === 1 ? 'it is' : 'they are'} (listed in the Change log).`
          : '') +
        (failed.length
          ? ` ${plural(failed.length, 'cell')} could not be written: ${failed.slice(0, 3).join('; ')}.`
          : ''),
      runId: last.runId,
      restored,
      requests,
      byField,
      conflicts: conflicts.slice(0, MAX_CONFLICTS_SHOWN),
    };
  });
  if (!result.ok) return none(`${result.message} Nothing was undone.`);
  if (result.value.ok) {
    const fresh = load(ss);
    if (fresh.ok) refreshQualityOf(fresh.ctx, DEFAULT_CHUNK_ROWS, LOCK_MS);
    // The Summary's notices and the sidebar's options must describe the rows as they are now.
    const refreshed = afterDataChanged(ss);
    if (refreshed) result.value.message += ` ${refreshed}`;
  }
  return result.value;
}
