// Writing a normalization chunk: new Request IDs first, then the other changes, each logged
// before it is written; the replay of a logged-but-uncommitted chunk; learned aliases.
import {
  formatOfRule,
  isTimeCellChange,
  minutesFormat,
  ruleWithFormat,
  setCellFormats,
} from '../durationFormat';
import {
  ALIASES_HEADERS,
  FIELDS,
  SHEETS,
  activeValues,
  type FieldDef,
  type ListKey,
} from '../../domain/schema';
import { type AliasRow, type CellChange, type NormalizationPlan } from '../../domain/normalize';
import { nextRequestId, type IdState } from '../../domain/requestId';
import { isDate } from '../../domain/time';
import { prepareEdits, commitEdits, type CellEdit } from '../cellWriter';
import { apostropheReading } from '../platformFacts';
import { SUBMIT_STATE_KEY } from '../sidebar';
import { appendRows, ensureSheet } from '../sheets';
import { headerOf, type ConflictView } from '../../domain/normalize/report';
import { aliasKey, idText, type ChunkData, type Ctx } from './context';
import { type Checkpoint } from './checkpoint';
import {
  NOT_WRITTEN_RULE,
  appendLog,
  collapse,
  conflictRow,
  conflictView,
  locate,
  logRow,
  readLoggedChanges,
} from './changeLog';

/** A planned change as an edit of the sheet (1-based row and column). */
function editOf(c: CellChange): CellEdit<CellChange> {
  return { row: c.row + 2, col: c.col + 1, expect: c.from, to: c.to, tag: c };
}

/**
 * Unchanged cells of an edited column that a write may bridge (written back exactly as they are).
 * The rules setup applies only warn (allow invalid) unless Settings asks for strict lists; then only
 * values that are standard for the column's field, which every rule accepts, are bridged (anything
 * else splits the write). A rule of the team's own that rejects a value makes the write fall back
 * to one cell at a time, so even then nothing is lost.
 */
export function standardGap(ctx: Ctx): (col: number, value: unknown) => boolean {
  if (ctx.mode !== 'strict') return () => true;
  const byCol = new Map<number, FieldDef>();
  for (const f of FIELDS) byCol.set(ctx.map[f.key] + 1, f as FieldDef);
  const active = new Map<string, Set<string>>();
  return (col, v) => {
    const def = byCol.get(col);
    if (!def) return false;
    switch (def.type) {
      case 'list': {
        const key = def.list as ListKey;
        let set = active.get(key);
        if (!set) {
          set = new Set(activeValues(ctx.lists, key));
          active.set(key, set);
        }
        return typeof v === 'string' && set.has(v);
      }
      case 'date':
      case 'datetime':
        return isDate(v);
      case 'minutes':
        return typeof v === 'number' && v >= 0;
      case 'checkbox':
        return typeof v === 'boolean';
      case 'url':
        return typeof v === 'string' && /^https?:\/\/\S+$/i.test(v);
      default:
        return typeof v === 'string';
    }
  };
}

/** What one chunk (or a replay) did. */
export interface CommitOutcome {
  written: CellChange[];
  conflicts: ConflictView[];
  failed: string[];
}

/**
 * Logs and writes the changes of one chunk, inside the document lock:
 *   1. new Request IDs: re-read, logged, written (so every other change is keyed by an ID that is
 *      in the sheet before it is logged); the ID sequence and the checkpoint are saved;
 *   2. the other changes of rows that have an ID: re-read (fresh values), logged (conflicts as
 *      conflict rows), then written column by column onto the fresh values.
 * Cells outside the changed columns are never written; a cell changed since the plan, or holding
 * a formula, is a conflict: logged, listed, never written.
 */
export function commitChunk(
  ctx: Ctx,
  data: ChunkData,
  a: number,
  plan: NormalizationPlan,
  runId: string,
  hooks: {
    /** Saves the Request ID sequence: before any new ID is written, so no ID is ever issued twice. */
    saveIds: () => void;
    /** Saves the checkpoint (after the IDs are written). */
    saveCheckpoint: () => void;
    onLogged: (logRow: number) => void;
  },
): CommitOutcome {
  const { onLogged } = hooks;
  const out: CommitOutcome = { written: [], conflicts: [], failed: [] };
  const at = new Date();
  const gapOk = standardGap(ctx);
  const reading = ctx.reading ?? (ctx.reading = apostropheReading());
  const idCol = ctx.map.requestId;
  const idOfRow = new Map<number, string>();
  data.values.forEach((r, i) => {
    const id = idText(r[idCol]);
    if (id) idOfRow.set(a + i, id);
  });
  const step = (
    changes: CellChange[],
    idFor: (c: CellChange) => string,
    beforeWrite: () => void = () => undefined,
  ): void => {
    if (changes.length === 0) return;
    const prep = prepareEdits(ctx.sheet, changes.map(editOf), { reading });
    // A time-formatted duration that becomes minutes: its original number format is logged (undo
    // restores it) and the written cell gets a minutes format.
    const wasFormat = (e: CellEdit<CellChange>): string | null =>
      isTimeCellChange(e.tag) ? (prep.formats[e.row - prep.r0]?.[e.col - prep.c0] ?? null) : null;
    const rows: unknown[][] = prep.ok.map((e) => {
      const was = wasFormat(e);
      const rule = was === null ? e.tag.rule : ruleWithFormat(e.tag.rule, was);
      return logRow(idFor(e.tag), e.tag, rule, runId, at);
    });
    for (const k of prep.conflicts) {
      const c = k.edit.tag;
      rows.push(conflictRow(idFor(c), c, k.now, k.reason, runId, at));
      out.conflicts.push(conflictView(ctx, idFor(c), c.row + 2, c.field, c.to, k.now, k.reason));
    }
    onLogged(appendLog(ctx.ss, rows));
    beforeWrite();
    const res = commitEdits(prep, gapOk);
    out.written.push(...res.written.map((e) => e.tag));
    setCellFormats(
      ctx.sheet,
      res.written
        .filter((e) => wasFormat(e) !== null)
        .map((e) => ({ row: e.row, col: e.col, format: minutesFormat(e.to) })),
    );
    if (res.failed.length > 0) {
      onLogged(
        appendLog(
          ctx.ss,
          res.failed.map((f) => logRow(idFor(f.edit.tag), f.edit.tag, NOT_WRITTEN_RULE, runId, at)),
        ),
      );
      for (const f of res.failed)
        out.failed.push(
          `${headerOf(f.edit.tag.field)} in row ${f.edit.row} was not written (${f.message}): left as it is.`,
        );
    }
  };
  // 1. Request IDs first.
  step(
    plan.changes.filter((c) => c.rule === 'new-id'),
    (c) => String(c.to),
    hooks.saveIds,
  );
  for (const c of out.written) if (c.rule === 'new-id') idOfRow.set(c.row, String(c.to));
  hooks.saveCheckpoint();
  // 2. Everything else, keyed by the row's Request ID.
  const rest = plan.changes.filter((c) => c.rule !== 'new-id');
  const unkeyed = rest.filter((c) => !idOfRow.has(c.row));
  for (const c of unkeyed)
    out.failed.push(
      `${headerOf(c.field)} in row ${c.row + 2} was not changed: the row has no Request ID to record it by.`,
    );
  step(
    rest.filter((c) => idOfRow.has(c.row)),
    (c) => idOfRow.get(c.row) as string,
  );
  return out;
}

/** Appends the aliases a chunk learned (not already on the tab) to the Aliases tab. */
export function appendLearned(ctx: Ctx, learned: readonly AliasRow[], known: Set<string>): void {
  const fresh = learned.filter((l) => !known.has(aliasKey(l)));
  if (fresh.length === 0) return;
  const tab = ensureSheet(ctx.ss, SHEETS.aliases, ALIASES_HEADERS);
  appendRows(
    tab,
    fresh.map((l) => [l.field, l.raw, l.standard, l.source]),
  );
  for (const l of fresh) known.add(aliasKey(l));
}

/**
 * A Request ID generator sharing the sidebar's per-day sequence. Call `save` before releasing the
 * document lock; the state is read again (lazily) after each save.
 */
export function idGenerator(tz: string): { next: () => string; save: () => void } {
  const props = PropertiesService.getDocumentProperties();
  let raw: Record<string, unknown> | null = null;
  let state: IdState | null = null;
  let issued = 0;
  const load = (): void => {
    if (raw !== null) return;
    try {
      raw = JSON.parse(props.getProperty(SUBMIT_STATE_KEY) ?? '{}') as Record<string, unknown>;
    } catch {
      raw = {};
    }
    const r = raw as Partial<IdState>;
    state =
      typeof r.day === 'string' && typeof r.seq === 'number' && typeof r.salt === 'number'
        ? { day: r.day, seq: r.seq, salt: r.salt }
        : null;
  };
  return {
    next() {
      load();
      const out = nextRequestId(state, new Date(), tz);
      state = out.state;
      issued++;
      return out.id;
    },
    save() {
      if (issued > 0 && state)
        props.setProperty(SUBMIT_STATE_KEY, JSON.stringify({ ...(raw ?? {}), ...state }));
      issued = 0;
      // Chunks hold the lock one at a time: a submission between two chunks moves the sequence
      // (and adds its clientRequestId), so the next chunk reads the state again under its lock.
      raw = null;
    },
  };
}

/**
 * Re-applies logged changes whose chunk was not committed (a kill between log and write), finding
 * each row by its Request ID and writing only where the cell still holds the logged original (a
 * cell that already holds the new value counts as done). A new ID that never reached the sheet is
 * dropped: the chunk is planned again and gets it then.
 */
export function replayUncommitted(ctx: Ctx, state: Checkpoint): CommitOutcome {
  const out: CommitOutcome = { written: [], conflicts: [], failed: [] };
  const pending = collapse(readLoggedChanges(ctx, state.runId, state.logRow));
  if (pending.length === 0) return out;
  const real = pending.filter((c) => c.rule !== 'new-id');
  const found = locate(ctx, real, true);
  const at = new Date();
  const rows: unknown[][] = [];
  const prep = prepareEdits(ctx.sheet, found.edits, { acceptDone: true });
  for (const k of prep.conflicts) {
    const c = k.edit.tag;
    rows.push(conflictRow(c.requestId, c, k.now, k.reason, state.runId, at));
    out.conflicts.push(conflictView(ctx, c.requestId, k.edit.row, c.field, c.to, k.now, k.reason));
  }
  for (const m of found.missing) {
    rows.push(conflictRow(m.c.requestId, m.c, '', m.reason, state.runId, at));
    out.conflicts.push(
      conflictView(ctx, m.c.requestId, m.c.row + 2, m.c.field, m.c.to, '', m.reason),
    );
  }
  const res = commitEdits(prep, standardGap(ctx));
  out.written.push(...res.written.map((e) => ({ ...e.tag, row: e.row - 2 })));
  setCellFormats(
    ctx.sheet,
    [...res.written, ...prep.done]
      .filter((e) => formatOfRule(e.tag.rule) !== null)
      .map((e) => ({ row: e.row, col: e.col, format: minutesFormat(e.tag.to) })),
  );
  for (const f of res.failed) {
    rows.push(logRow(f.edit.tag.requestId, f.edit.tag, NOT_WRITTEN_RULE, state.runId, at));
    out.failed.push(
      `${headerOf(f.edit.tag.field)} in row ${f.edit.row} was not written (${f.message}).`,
    );
  }
  state.logRow =
    rows.length > 0
      ? appendLog(ctx.ss, rows)
      : (ctx.ss.getSheetByName(SHEETS.changeLog)?.getLastRow() ?? state.logRow);
  return out;
}
