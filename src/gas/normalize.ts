/**
 * Normalization of the existing data tab (issue #4), Apps Script side:
 * `previewNormalization()`, `normalizeRequests()`, `undoLastNormalization()` and the dialog opener.
 *
 * All decisions come from the pure domain (src/domain/normalize). This file only reads and writes
 * blocks, chunk by chunk, so the service calls per chunk are constant:
 *   read values + formulas of the chunk -> plan -> append the chunk's Change log rows (one
 *   setValues) -> write the chunk's changed block (one setValues) -> save the checkpoint.
 *
 * Nothing lost: every changed cell is in the Change log (typed original and new value), written
 * BEFORE the data; the checkpoint (DocumentProperties) records how far the data is committed. A run
 * killed at any point leaves no half-written row (a chunk's data is one setValues) and, rerun, first
 * replays the logged-but-uncommitted chunk, then continues: same result as an uninterrupted run.
 * Near the time budget a run saves its checkpoint and marks a continuation, which the hourly
 * scheduler trigger runs (src/gas/continuation.ts, src/gas/scheduler.ts).
 */
import { markUnitsConverted, readUnits, restoreUnits } from './mapping';
import {
  CHANGE_LOG_HEADERS,
  ALIASES_HEADERS,
  FIELDS,
  FIELD_BY_KEY,
  LISTS_HEADERS,
  LIST_TAB_NAMES,
  SHEETS,
  TEAMS_HEADERS,
  TOPICS_HEADERS,
  type FieldKey,
  type ListEntry,
  type ListKey,
  type Lists,
} from '../domain/schema';
import {
  applyChanges,
  buildMatcher,
  builtinAliasRows,
  clusterValues,
  mergePlans,
  planNormalization,
  undoChanges,
  type AliasRow,
  type AliasSource,
  type CellChange,
  type NormalizationPlan,
  type Unresolved,
} from '../domain/normalize';
import { buildSuggestModel, suggestTopic } from '../domain/suggest';
import { nextRequestId, type IdState } from '../domain/requestId';
import { isDate, zonedParts, pad } from '../domain/time';
import { columnLetter, type ListValidationMode } from '../domain/settings';
import { toLiteralCell } from '../domain/literal';
import { SUBMIT_STATE_KEY } from './sidebar';
import { clearContinuation, continuesAutomatically, scheduleContinuation } from './continuation';
import { applyValidation, type ValidationReport } from './validation';
import {
  appendRows,
  dataSheetName,
  ensureSheet,
  getSpreadsheet,
  getTimeZone,
  readHeaderRow,
  readLists,
  readSettings,
  readTabValues,
  tryGetUi,
  withDocumentLock,
  writeBlock,
} from './sheets';
import {
  standardizedPct,
  writeDataQuality,
  type QualityAccumulator,
  newQualityAccumulator,
  addQualityRows,
} from './dataQuality';
import { isOwnTriggerRun, requireAdmin } from './admin';
import { SCHEDULER_HANDLER } from './scheduleStore';
import { afterDataChanged } from './afterChange';
import { formOptionsChanged } from './formCache';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** DocumentProperties keys. */
export const CHECKPOINT_KEY = 'supportTracker.normalize.checkpoint';
export const LAST_RUN_KEY = 'supportTracker.normalize.lastRun';
/** Default time budget of one execution (Apps Script stops scripts at 6 minutes). */
export const DEFAULT_BUDGET_MS = 270000;
/** Rows per chunk (one read, one log append and one write each). */
export const DEFAULT_CHUNK_ROWS = 2000;
/** Earliest start of a continuation (the hourly scheduler runs it on its next run after that). */
export const CONTINUE_AFTER_MS = 60000;
/** How long a chunk waits for the document lock. */
const LOCK_MS = 30000;
/** Change log Rule prefix of undo entries. */
export const UNDO_RULE_PREFIX = 'undo:';
/** Rows shown per unresolved value in reports. */
const MAX_ROWS_SHOWN = 50;

/** Options of normalizeRequests (tests lower the budget; a trigger passes its event instead). */
export interface NormalizeOptions {
  /** Time budget of one execution, ms. */
  budgetMs?: number;
  /** Rows per chunk. */
  chunkRows?: number;
}

export interface UnresolvedView {
  /** Standard header of the field. */
  field: string;
  value: string;
  reason: string;
  candidates: string[];
  count: number;
  /** Sheet row numbers (first 50). */
  rows: number[];
}

export interface ExampleView {
  row: number;
  field: string;
  from: string;
  to: string;
  rule: string;
}

interface BaseReport {
  ok: boolean;
  message: string;
  dataTab: string;
  rowsScanned: number;
  /** Cells changed (run) or to change (preview), per standard header. */
  changesByField: Record<string, number>;
  unresolved: UnresolvedView[];
  /** Sheet rows that are entirely blank (left alone). */
  blankRows: number[];
  /** Cells left as they are for a reason worth telling (too long, a number where text is expected). */
  warnings: string[];
}

export interface PreviewReport extends BaseReport {
  cellsToChange: number;
  examples: ExampleView[];
  /** % of rows standardized now, and after the normalization. */
  standardizedNowPct: number | null;
  standardizedAfterPct: number | null;
}

export interface NormalizeReport extends BaseReport {
  /** The whole-column validation rules applied when the run finished. */
  validation?: ValidationReport;
  status: 'done' | 'continuing' | 'blocked' | 'busy' | 'nothing';
  runId: string;
  cellsChanged: number;
  standardizedPct: number | null;
}

export interface UndoReport {
  ok: boolean;
  message: string;
  runId: string;
  restored: number;
  /** Cells edited after the run: left as they are. */
  conflicts: Array<{ row: number; field: string; now: string; runValue: string }>;
}

interface Checkpoint {
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
}

interface LastRun {
  runId: string;
  at: number;
  cells: number;
  undone: boolean;
}

/** Everything a run or a preview needs, read once per execution. */
interface Ctx {
  ss: Spreadsheet;
  sheet: Sheet;
  dataTab: string;
  tz: string;
  lists: Lists;
  aliases: AliasRow[];
  /** Field -> 0-based column. */
  map: Record<FieldKey, number>;
  lastRow: number;
  lastCol: number;
  /** Settings "List validation mode". */
  mode: ListValidationMode;
  suggest: (summary: string) => { topic: string; confidence: number } | null;
  /** Duration units recorded at setup, still to convert (issue 9; see gas/mapping.ts). */
  units?: ReturnType<typeof readUnits>;
}

type Loaded = { ok: true; ctx: Ctx } | { ok: false; message: string; dataTab: string };

/* ------------------------------------------------------------------ helpers */

/** A cell value as text for reports and the dialog (Dates in the sheet's zone; never a Date). */
export function showValue(v: unknown, tz: string): string {
  if (isDate(v)) {
    const p = zonedParts(v, tz);
    const day = `${p.year}-${pad(p.month)}-${pad(p.day)}`;
    return p.hour || p.minute || p.second ? `${day} ${pad(p.hour)}:${pad(p.minute)}` : day;
  }
  if (v === null || v === undefined) return '';
  const s = String(v);
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}

function headerOf(field: FieldKey): string {
  return FIELD_BY_KEY[field].header;
}

function byHeader(counts: Partial<Record<FieldKey, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of FIELDS) if (counts[f.key]) out[f.header] = counts[f.key] as number;
  return out;
}

function newRunId(prefix: string, tz: string): string {
  const p = zonedParts(new Date(), tz);
  const stamp = `${p.year}${pad(p.month)}${pad(p.day)}-${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
  return `${prefix}-${stamp}-${Math.floor(Math.random() * 46656)
    .toString(36)
    .padStart(3, '0')}`;
}

/** Rows of the Aliases tab (only its first `maxRows` rows when given). */
function readAliases(ss: Spreadsheet, maxRows = Infinity): AliasRow[] {
  const values = readTabValues(ss, SHEETS.aliases) ?? [];
  const out: AliasRow[] = [];
  for (let r = 1; r < Math.min(values.length, maxRows); r++) {
    const [field, raw, standard, source] = values[r];
    if (
      typeof raw !== 'string' ||
      typeof standard !== 'string' ||
      raw.trim() === '' ||
      standard.trim() === ''
    )
      continue;
    const s = String(source ?? '')
      .trim()
      .toLowerCase();
    const src: AliasSource = s === 'rule' || s === 'fuzzy' ? s : 'person';
    out.push({ field: String(field ?? ''), raw, standard, source: src });
  }
  return out;
}

/** Rows of the Aliases tab (header included), 0 when it is missing. */
function aliasTabRows(ss: Spreadsheet): number {
  return ss.getSheetByName(SHEETS.aliases)?.getLastRow() ?? 0;
}

/** Reads and checks the data tab; every bad-input case gets a clear message and no change. */
function load(ss: Spreadsheet): Loaded {
  const settings = readSettings(ss, { strict: false });
  const dataTab = dataSheetName(settings);
  const sheet = ss.getSheetByName(dataTab);
  if (!sheet) {
    return {
      ok: false,
      dataTab,
      message: `The data tab '${dataTab}' was not found. Run Support > Set up / repair sheet first. Nothing was changed.`,
    };
  }
  const header = readHeaderRow(sheet);
  const cols = new Map<FieldKey, number[]>();
  header.forEach((h, i) => {
    if (typeof h !== 'string') return;
    const def = FIELDS.find((f) => f.header.toLowerCase() === h.trim().toLowerCase());
    if (def) cols.set(def.key, [...(cols.get(def.key) ?? []), i]);
  });
  const dupes = Array.from(cols.entries()).filter(([, c]) => c.length > 1);
  if (dupes.length > 0) {
    const list = dupes.map(
      ([k, c]) => `'${headerOf(k)}' (columns ${c.map((i) => columnLetter(i + 1)).join(', ')})`,
    );
    return {
      ok: false,
      dataTab,
      message: `Two columns are mapped to one field: ${list.join('; ')}. Rename or remove the extra column, then try again. Nothing was changed.`,
    };
  }
  const missing = FIELDS.filter((f) => !cols.has(f.key)).map((f) => f.header);
  if (missing.length > 0) {
    return {
      ok: false,
      dataTab,
      message: `The data tab '${dataTab}' lacks the required column(s) ${missing.join(', ')}. Run Support > Set up / repair sheet first. Nothing was changed.`,
    };
  }
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  if (lastRow < 2) {
    return {
      ok: false,
      dataTab,
      message: `The data tab '${dataTab}' holds only a header row: there are no requests to normalize. Nothing was changed.`,
    };
  }
  const merged = sheet.getRange(2, 1, lastRow - 1, lastCol).getMergedRanges();
  if (merged.length > 0) {
    const shown = merged.slice(0, 5).map((r) => r.getA1Notation());
    return {
      ok: false,
      dataTab,
      message: `The data tab '${dataTab}' has merged cells (${shown.join(', ')}${merged.length > 5 ? ', ...' : ''}). Unmerge them (Format > Merge cells > Unmerge), then try again. Nothing was changed.`,
    };
  }
  const lists = readLists(ss);
  const model = buildSuggestModel(
    lists.topics.filter((t) => !t.disabled).map((t) => ({ topic: t.value, keywords: t.keywords })),
    [],
  );
  const map = {} as Record<FieldKey, number>;
  for (const [k, c] of cols) map[k] = c[0];
  return {
    ok: true,
    ctx: {
      ss,
      sheet,
      dataTab,
      tz: getTimeZone(ss),
      lists,
      aliases: readAliases(ss),
      map,
      lastRow,
      lastCol,
      mode: settings.listValidationMode,
      suggest: (summary) => suggestTopic(model, summary),
      units: readUnits(dataTab),
    },
  };
}

interface ChunkData {
  values: unknown[][];
  formulas: string[][];
}

/** One read of values and one of formulas for data rows [a, b) (0-based). */
function readChunk(ctx: Ctx, a: number, b: number): ChunkData {
  const range = ctx.sheet.getRange(a + 2, 1, b - a, ctx.lastCol);
  return { values: range.getValues() as unknown[][], formulas: range.getFormulas() };
}

function planChunk(ctx: Ctx, data: ChunkData, a: number, newId: () => string): NormalizationPlan {
  return planNormalization({
    rows: data.values,
    formulas: data.formulas,
    headerMap: ctx.map,
    lists: ctx.lists,
    aliases: ctx.aliases,
    timeZone: ctx.tz,
    now: new Date(),
    newId,
    suggest: ctx.suggest,
    startRow: a,
    units: ctx.units,
  });
}

/**
 * Writes the changed cells of a chunk with ONE setValues over the rectangle that holds them.
 * Cells inside the rectangle that did not change are written back as they are: formulas as
 * formulas, strings literally, typed values as such (so their values never change).
 */
function writeChanged(ctx: Ctx, data: ChunkData, a: number, changes: readonly CellChange[]): void {
  if (changes.length === 0) return;
  let r0 = Infinity;
  let r1 = -1;
  let c0 = Infinity;
  let c1 = -1;
  for (const c of changes) {
    r0 = Math.min(r0, c.row - a);
    r1 = Math.max(r1, c.row - a);
    c0 = Math.min(c0, c.col);
    c1 = Math.max(c1, c.col);
  }
  const block: unknown[][] = [];
  for (let r = r0; r <= r1; r++) {
    const row: unknown[] = [];
    for (let c = c0; c <= c1; c++) {
      const f = data.formulas[r]?.[c];
      row.push(typeof f === 'string' && f !== '' ? f : toLiteralCell(data.values[r][c]));
    }
    block.push(row);
  }
  writeBlock(ctx.sheet, a + r0 + 2, c0 + 1, block);
}

function logRows(
  ctx: Ctx,
  data: ChunkData,
  a: number,
  changes: readonly CellChange[],
  runId: string,
  rule = (c: CellChange) => c.rule as string,
): unknown[][] {
  const now = new Date();
  const idCol = ctx.map.requestId;
  return changes.map((c) => {
    const id = data.values[c.row - a]?.[idCol];
    return [String(id ?? ''), c.row + 2, headerOf(c.field), c.from, c.to, rule(c), runId, now];
  });
}

/**
 * Drops the grid columns a generated tab never uses (a new tab has 26; one meta call): the
 * Change log of a large run has hundreds of thousands of rows and every grid cell counts toward the
 * workbook's 10-million-cell limit.
 */
export function fitColumns(sheet: Sheet, width: number): void {
  const max = sheet.getMaxColumns();
  if (max > width) sheet.deleteColumns(width + 1, max - width);
}

function appendLog(ss: Spreadsheet, rows: unknown[][]): number {
  const log = ensureSheet(ss, SHEETS.changeLog, CHANGE_LOG_HEADERS);
  fitColumns(log, CHANGE_LOG_HEADERS.length);
  if (rows.length === 0) return log.getLastRow();
  const first = appendRows(log, rows);
  return first + rows.length - 1;
}

function aliasKey(a: Pick<AliasRow, 'field' | 'raw'>): string {
  return `${a.field.trim().toLowerCase()}\u0000${a.raw.trim().toLowerCase()}`;
}

/** Appends the aliases a chunk learned (not already on the tab) to the Aliases tab. */
function appendLearned(ctx: Ctx, learned: readonly AliasRow[], known: Set<string>): void {
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
function idGenerator(tz: string): { next: () => string; save: () => void } {
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

function unresolvedView(u: Unresolved): UnresolvedView {
  return {
    field: headerOf(u.field),
    value: u.value,
    reason: u.reason,
    candidates: u.candidates ?? [],
    count: u.count,
    rows: u.rows.slice(0, MAX_ROWS_SHOWN).map((r) => r + 2),
  };
}

function rowList(rows: readonly number[]): string {
  const shown = rows.slice(0, 10).join(', ');
  return rows.length > 10 ? `${shown} and ${rows.length - 10} more` : shown;
}

/** Plain-language warnings for the bad-input cases that are left as they are. */
function warningsOf(plan: Pick<NormalizationPlan, 'unresolved' | 'blankRows'>): string[] {
  const out: string[] = [];
  if (plan.blankRows.length > 0) {
    const rows = plan.blankRows.map((r) => r + 2);
    out.push(
      `Blank row${rows.length > 1 ? 's' : ''} ${rowList(rows)} in the middle of the data: left as they are (no Request ID is given to a blank row).`,
    );
  }
  for (const u of plan.unresolved) {
    const rows = rowList(u.rows.map((r) => r + 2));
    if (u.reason === 'too-long')
      out.push(
        `${headerOf(u.field)} in row ${rows} holds 50,000 characters or more: left as it is.`,
      );
    if (u.reason === 'not-text')
      out.push(
        `${headerOf(u.field)} in row ${rows} holds a number or date where text is expected ('${u.value}'): left as it is.`,
      );
  }
  return out;
}

function getCheckpoint(): Checkpoint | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(CHECKPOINT_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Checkpoint;
  } catch {
    return null;
  }
}

function getLastRun(): LastRun | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(LAST_RUN_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as LastRun;
  } catch {
    return null;
  }
}

function isTriggerEvent(arg: unknown): boolean {
  return typeof arg === 'object' && arg !== null && ('triggerUid' in arg || 'authMode' in arg);
}

function blocked(dataTab: string, message: string): NormalizeReport {
  return {
    ok: false,
    status: 'blocked',
    message,
    dataTab,
    runId: '',
    rowsScanned: 0,
    cellsChanged: 0,
    changesByField: {},
    unresolved: [],
    blankRows: [],
    warnings: [],
    standardizedPct: null,
  };
}

/* ------------------------------------------------------------------ preview */

/**
 * What normalizeRequests would do, without writing anything: counts per field, 20 examples, the
 * values it cannot resolve, and the % of standardized rows before and after. JSON-safe (no Dates).
 */
export function previewNormalization(): PreviewReport {
  const ss = getSpreadsheet();
  const loaded = load(ss);
  if (!loaded.ok) {
    return {
      ok: false,
      message: loaded.message,
      dataTab: loaded.dataTab,
      rowsScanned: 0,
      cellsToChange: 0,
      changesByField: {},
      examples: [],
      unresolved: [],
      blankRows: [],
      warnings: [],
      standardizedNowPct: null,
      standardizedAfterPct: null,
    };
  }
  const ctx = loaded.ctx;
  const total = ctx.lastRow - 1;
  const plans: NormalizationPlan[] = [];
  const before = newQualityAccumulator(ctx.lists, ctx.map);
  const after = newQualityAccumulator(ctx.lists, ctx.map);
  let n = 0;
  const placeholderId = (): string => `(new ID ${++n})`;
  for (let a = 0; a < total; a += DEFAULT_CHUNK_ROWS) {
    const b = Math.min(total, a + DEFAULT_CHUNK_ROWS);
    const data = readChunk(ctx, a, b);
    const plan = planChunk(ctx, data, a, placeholderId);
    addQualityRows(before, data.values, a);
    applyChanges(data.values, plan.changes, a);
    addQualityRows(after, data.values, a);
    plans.push(plan);
  }
  const plan = mergePlans(plans);
  const cells = plan.changes.length;
  const pct = (q: QualityAccumulator): number | null =>
    q.rows === 0 ? null : Math.round((1000 * q.standardized) / q.rows) / 10;
  return {
    ok: true,
    message:
      cells === 0
        ? `Nothing to change: the ${total} rows of '${ctx.dataTab}' are already normalized.`
        : `${cells} cell${cells === 1 ? '' : 's'} in ${total} rows of '${ctx.dataTab}' will be standardized. ${plan.unresolved.length} value(s) cannot be resolved and will stay as typed.`,
    dataTab: ctx.dataTab,
    rowsScanned: total,
    cellsToChange: cells,
    changesByField: byHeader(plan.countsByField),
    examples: plan.examples.map((c) => ({
      row: c.row + 2,
      field: headerOf(c.field),
      from: showValue(c.from, ctx.tz),
      to: showValue(c.to, ctx.tz),
      rule: c.rule,
    })),
    unresolved: plan.unresolved.map(unresolvedView),
    blankRows: plan.blankRows.map((r) => r + 2),
    warnings: warningsOf(plan),
    standardizedNowPct: pct(before),
    standardizedAfterPct: pct(after),
  };
}

/* ------------------------------------------------------------------ run */

/**
 * Normalizes the data tab in place (block writes, chunk by chunk, each chunk under the document
 * lock) and returns a report. Needs no dialog, so triggers and tests call it directly. Continues a
 * checkpointed run if one exists (that is how the continuation trigger and a rerun after a kill
 * work). `options` lowers the time budget or chunk size (tests); a trigger passes its event.
 */
export function normalizeRequests(options?: NormalizeOptions): NormalizeReport {
  const started = Date.now();
  // The continuation trigger (installed by the admin who started the run) is not checked again;
  // a forged event object from google.script.run is not one of the caller's triggers.
  const fromTrigger = isTriggerEvent(options);
  // Admin-only, except its own continuation: the event of one of the caller's own triggers (the
  // scheduler's or a continuation trigger, installed by an admin). A triggerUid forged through
  // google.script.run is not one of the caller's triggers.
  if (
    !fromTrigger ||
    !(isOwnTriggerRun(options, 'normalizeRequests') || isOwnTriggerRun(options, SCHEDULER_HANDLER))
  )
    requireAdmin('normalize the rows');
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

  // Replay a chunk that was logged but not committed (the run was killed in between).
  const replay = withDocumentLock(LOCK_MS, () => replayUncommitted(ctx, state));
  if (!replay.ok) {
    // Nothing was written: a run that could not even start leaves no checkpoint behind.
    if (startedNow) props.deleteProperty(CHECKPOINT_KEY);
    return { ...blocked(ctx.dataTab, replay.message), status: 'busy' };
  }
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
      ids.save();
      if (plan.changes.length > 0) {
        state.logRow = appendLog(ss, logRows(ctx, data, a, plan.changes, state.runId));
        applyChanges(data.values, plan.changes, a);
        writeChanged(ctx, data, a, plan.changes);
      }
      appendLearned(ctx, plan.learned, learnedKeys);
      state.nextRow = b;
      for (const [k, v] of Object.entries(plan.countsByField))
        state.counts[k as FieldKey] = (state.counts[k as FieldKey] ?? 0) + (v ?? 0);
      state.cellsChanged += plan.changes.length;
      props.setProperty(CHECKPOINT_KEY, JSON.stringify(state));
      addQualityRows(quality, data.values, a);
      return plan;
    });
    if (!step.ok) {
      return {
        ...blocked(
          ctx.dataTab,
          `${step.message} The run is saved at row ${state.nextRow + 2} and continues when you run it again.`,
        ),
        status: 'busy',
        runId: state.runId,
      };
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
        warnings: warningsOf(merged),
        standardizedPct: null,
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
      state.cellsChanged === 0
        ? `Nothing to change: '${ctx.dataTab}' is already normalized. ${pct ?? 0}% of rows are standardized.`
        : `Standardized ${state.cellsChanged} cell${state.cellsChanged === 1 ? '' : 's'} in ${total} rows (run ${state.runId}); every change is in the Change log. ${unresolved.length} value(s) left as typed. ${pct ?? 0}% of rows are standardized.${refreshed ? ` ${refreshed}` : ''}`,
    dataTab: ctx.dataTab,
    runId: state.runId,
    rowsScanned: total,
    cellsChanged: state.cellsChanged,
    changesByField: byHeader(state.counts),
    unresolved,
    blankRows: final.blankRows.map((r) => r + 2),
    warnings,
    standardizedPct: pct,
    validation,
  };
}

interface LoggedChange extends CellChange {
  requestId: string;
}

/** Change log rows of a run (from row `afterRow` + 1 on), as cell changes of the data tab. */
function readLoggedChanges(ctx: Ctx, runId: string, afterRow: number): LoggedChange[] {
  const log = ctx.ss.getSheetByName(SHEETS.changeLog);
  if (!log) return [];
  const last = log.getLastRow();
  if (last <= Math.max(1, afterRow)) return [];
  const first = Math.max(2, afterRow + 1);
  const values = log
    .getRange(first, 1, last - first + 1, CHANGE_LOG_HEADERS.length)
    .getValues() as unknown[][];
  const out: LoggedChange[] = [];
  for (const r of values) {
    if (r[6] !== runId) continue;
    const def = FIELDS.find((f) => f.header === r[2]);
    if (!def || typeof r[1] !== 'number') continue;
    out.push({
      requestId: String(r[0]),
      row: r[1] - 2,
      col: ctx.map[def.key],
      field: def.key,
      from: r[3],
      to: r[4],
      rule: String(r[5]) as CellChange['rule'],
    });
  }
  return out;
}

/**
 * The Change log row just above the first row of run `runId` (1 when it is not found), found with
 * one TextFinder on the Run id column: undo then reads only that run's rows, not the whole log.
 */
function rowBeforeRun(ctx: Ctx, runId: string): number {
  const log = ctx.ss.getSheetByName(SHEETS.changeLog);
  if (!log) return 1;
  const runIdCol = CHANGE_LOG_HEADERS.indexOf('Run ID') + 1;
  const found = log
    .getRange(1, runIdCol, log.getMaxRows(), 1)
    .createTextFinder(runId)
    .matchEntireCell(true)
    .matchCase(true)
    .findNext();
  return found ? Math.max(1, found.getRow() - 1) : 1;
}

/** Re-applies logged changes whose chunk was not committed (a kill between log and checkpoint). */
function replayUncommitted(ctx: Ctx, state: Checkpoint): void {
  const pending = readLoggedChanges(ctx, state.runId, state.logRow);
  if (pending.length === 0) return;
  const rows = pending.map((c) => c.row);
  const a = Math.min(...rows);
  const b = Math.max(...rows) + 1;
  const data = readChunk(ctx, a, b);
  applyChanges(data.values, pending, a);
  writeChanged(ctx, data, a, pending);
  state.logRow = ctx.ss.getSheetByName(SHEETS.changeLog)?.getLastRow() ?? state.logRow;
  for (const c of pending) state.counts[c.field] = (state.counts[c.field] ?? 0) + 1;
  state.cellsChanged += pending.length;
  state.nextRow = Math.max(state.nextRow, b);
}

/* ------------------------------------------------------------------ undo */

/**
 * Reverts the last normalization run: every cell it changed gets its original value back, with its
 * type (a Date stays a Date, a number a number). A cell someone edited after the run is left alone
 * and reported. The undo itself is recorded in the Change log.
 */
export function undoLastNormalization(): UndoReport {
  requireAdmin('undo the last normalization');
  const ss = getSpreadsheet();
  const none = (message: string): UndoReport => ({
    ok: false,
    message,
    runId: '',
    restored: 0,
    conflicts: [],
  });
  if (getCheckpoint())
    return none(
      'A normalization is still in progress. Wait for it to finish (or run it again to finish it), then undo.',
    );
  const last = getLastRun();
  if (!last || last.undone) return none('There is no normalization run to undo.');
  const loaded = load(ss);
  if (!loaded.ok) return none(loaded.message);
  const ctx = loaded.ctx;
  const result = withDocumentLock(LOCK_MS, (): UndoReport => {
    const changes = readLoggedChanges(ctx, last.runId, rowBeforeRun(ctx, last.runId));
    if (changes.length === 0)
      return none(`The Change log holds no change of run ${last.runId}: nothing to undo.`);
    const undoId = newRunId('U', ctx.tz);
    let restored = 0;
    const conflicts: UndoReport['conflicts'] = [];
    const sorted = [...changes].sort((x, y) => x.row - y.row);
    for (let i = 0; i < sorted.length;) {
      const a = sorted[i].row;
      let j = i;
      while (j < sorted.length && sorted[j].row < a + DEFAULT_CHUNK_ROWS) j++;
      const part = sorted.slice(i, j);
      const b = part[part.length - 1].row + 1;
      const data = readChunk(ctx, a, Math.min(b, ctx.lastRow - 1));
      const res = undoChanges(data.values, part, { startRow: a });
      const done = part.filter((c) => !res.conflicts.includes(c));
      if (done.length > 0) writeChanged(ctx, data, a, done);
      restored += res.restored;
      for (const c of res.conflicts)
        conflicts.push({
          row: c.row + 2,
          field: headerOf(c.field),
          now: showValue(data.values[c.row - a][c.col], ctx.tz),
          runValue: showValue(c.to, ctx.tz),
        });
      i = j;
    }
    // The run's own Change log rows already hold every original value: the undo adds one summary
    // row (restored cells) and one row per conflict, so a large undo does not double the log.
    const now = new Date();
    appendLog(ss, [
      [
        '',
        '',
        '(all fields)',
        `run ${last.runId}`,
        `${restored} cell(s) restored to their original values`,
        `${UNDO_RULE_PREFIX}run`,
        undoId,
        now,
      ],
      ...conflicts.map((c) => [
        '',
        c.row,
        c.field,
        c.runValue,
        c.now,
        `${UNDO_RULE_PREFIX}conflict (edited after the run: kept)`,
        undoId,
        now,
      ]),
    ]);
    PropertiesService.getDocumentProperties().setProperty(
      LAST_RUN_KEY,
      JSON.stringify({ ...last, undone: true }),
    );
    restoreUnits(last.runId);
    return {
      ok: true,
      message:
        `Undid run ${last.runId}: ${restored} cell${restored === 1 ? '' : 's'} restored.` +
        (conflicts.length
          ? ` ${conflicts.length} cell(s) edited since the run were left as they are.`
          : ''),
      runId: last.runId,
      restored,
      conflicts,
    };
  });
  if (!result.ok) return none(result.message);
  if (result.value.ok) {
    const fresh = load(ss);
    if (fresh.ok) refreshQualityOf(fresh.ctx);
    // The Summary's notices and the sidebar's options must describe the rows as they are now.
    const refreshed = afterDataChanged(ss);
    if (refreshed) result.value.message += ` ${refreshed}`;
  }
  return result.value;
}

/**
 * Rebuilds the Data quality tab from the data tab now (for other features, e.g. a summary refresh).
 * Returns the KPI, or the reason the data tab cannot be read (nothing written then).
 */
export function refreshDataQuality(): {
  ok: boolean;
  message: string;
  standardizedPct: number | null;
} {
  const loaded = load(getSpreadsheet());
  if (!loaded.ok) return { ok: false, message: loaded.message, standardizedPct: null };
  const pct = refreshQualityOf(loaded.ctx);
  return { ok: true, message: `${pct ?? 0}% of rows are standardized.`, standardizedPct: pct };
}

/** Rebuilds the Data quality tab from the data tab (chunked reads); returns the KPI. */
function refreshQualityOf(ctx: Ctx): number | null {
  const q = newQualityAccumulator(ctx.lists, ctx.map);
  const total = ctx.lastRow - 1;
  for (let a = 0; a < total; a += DEFAULT_CHUNK_ROWS) {
    const b = Math.min(total, a + DEFAULT_CHUNK_ROWS);
    addQualityRows(
      q,
      ctx.sheet.getRange(a + 2, 1, b - a, ctx.lastCol).getValues() as unknown[][],
      a,
    );
  }
  // refreshSummaries rewrites the same tab under the document lock; a busy sheet skips the rewrite.
  withDocumentLock(LOCK_MS, () => writeDataQuality(ctx.ss, ctx.sheet, q, ctx.tz));
  return standardizedPct(q);
}

/* ------------------------------------------------------------------ dialog */

/** Menu item "Normalize existing rows": opens the preview dialog (its confirm calls normalizeRequests). */
export function showNormalizeDialog(): void {
  const html = HtmlService.createHtmlOutputFromFile('NormalizeDialog').setWidth(760).setHeight(600);
  const ui = tryGetUi();
  if (ui) ui.showModalDialog(html, 'Normalize existing rows');
}

/* ------------------------------------------------------------------ build lists from my data */

/** A proposed list entry: a canonical name and the spellings that become its aliases. */
export interface ListProposal {
  list: ListKey;
  /** Standard header of the field whose values were clustered. */
  field: string;
  canonical: string;
  aliases: string[];
  /** Cells holding one of the spellings. */
  count: number;
  /** True when `canonical` is already in the list (only aliases are added). */
  existing: boolean;
}

export interface ListProposalsReport {
  ok: boolean;
  message: string;
  proposals: ListProposal[];
}

/** Fields whose values are clustered, one per list (Suggested topic shares Topics with Topic). */
const CLUSTER_FIELDS: readonly FieldKey[] = FIELDS.filter(
  (f) => 'list' in f && f.key !== 'suggestedTopic',
).map((f) => f.key);

/**
 * "Build lists from my data": clusters the distinct values of every list field that normalization
 * cannot resolve yet ("tools-fe", "FE Tools", "Frontend tools") into proposed canonical names with
 * their aliases. Nothing is written: a person confirms them (confirmListProposals).
 */
export function proposeListsFromData(): ListProposalsReport {
  const ss = getSpreadsheet();
  const loaded = load(ss);
  if (!loaded.ok) return { ok: false, message: loaded.message, proposals: [] };
  const ctx = loaded.ctx;
  const values = new Map<FieldKey, string[]>(CLUSTER_FIELDS.map((k) => [k, []]));
  const total = ctx.lastRow - 1;
  for (let a = 0; a < total; a += DEFAULT_CHUNK_ROWS) {
    const b = Math.min(total, a + DEFAULT_CHUNK_ROWS);
    const rows = ctx.sheet.getRange(a + 2, 1, b - a, ctx.lastCol).getValues() as unknown[][];
    for (const k of CLUSTER_FIELDS) {
      const bucket = values.get(k) as string[];
      for (const r of rows) {
        const v = r[ctx.map[k]];
        if (typeof v === 'string' && v.trim() !== '') bucket.push(v);
      }
    }
  }
  const proposals: ListProposal[] = [];
  for (const k of CLUSTER_FIELDS) {
    const def = FIELD_BY_KEY[k];
    const list = def.list as ListKey;
    const matcher = buildMatcher(ctx.lists[list], {
      learned: ctx.aliases.filter((a) => a.field.trim().toLowerCase() === def.header.toLowerCase()),
      synonyms: builtinAliasRows(list, def.header),
      keywords:
        list === 'topics'
          ? ctx.lists.topics.map((t) => ({ value: t.value, keywords: t.keywords }))
          : undefined,
    });
    const open = (values.get(k) as string[]).filter((v) => matcher.match(v).kind !== 'match');
    for (const c of clusterValues(open, ctx.lists[list])) {
      proposals.push({
        list,
        field: def.header,
        canonical: c.canonical,
        aliases: c.aliases,
        count: c.count,
        existing: !!c.existing,
      });
    }
  }
  const fresh = proposals.filter((p) => !p.existing).length;
  return {
    ok: true,
    message:
      proposals.length === 0
        ? 'Every list value in the data is already known: nothing to propose.'
        : `${fresh} new list value(s) and ${proposals.length - fresh} set(s) of aliases proposed. Nothing is written until you confirm.`,
    proposals,
  };
}

export interface ConfirmListsReport {
  ok: boolean;
  message: string;
  valuesAdded: number;
  aliasesAdded: number;
}

const LIST_KEYS_ALL: readonly ListKey[] = [
  'teams',
  'topics',
  'channel',
  'vspTeam',
  'practiceArea',
  'requestType',
  'status',
  'resolution',
];

/**
 * Writes the proposals a person confirmed: new canonical names to their list tab (Teams, Topics or
 * Lists) and every alias to the Aliases tab (Source = person). Input is checked; nothing is written
 * when it is malformed.
 */
export function confirmListProposals(input: unknown): ConfirmListsReport {
  requireAdmin('add values to the lists');
  const bad = (message: string): ConfirmListsReport => ({
    ok: false,
    message,
    valuesAdded: 0,
    aliasesAdded: 0,
  });
  if (!Array.isArray(input)) return bad('Nothing to confirm: expected a list of proposals.');
  const items: Array<{ list: ListKey; canonical: string; aliases: string[] }> = [];
  for (const raw of input as unknown[]) {
    const p = raw as Partial<ListProposal> | null;
    if (!p || typeof p !== 'object' || !LIST_KEYS_ALL.includes(p.list as ListKey))
      return bad('A proposal names an unknown list. Nothing was written.');
    const canonical =
      typeof p.canonical === 'string' ? p.canonical.trim().replace(/\s+/g, ' ') : '';
    if (canonical === '' || canonical.length > 100)
      return bad('A proposal has an empty or too long name. Nothing was written.');
    const aliases = Array.isArray(p.aliases)
      ? p.aliases.filter(
          (a): a is string => typeof a === 'string' && a.trim() !== '' && a.length <= 200,
        )
      : [];
    items.push({ list: p.list as ListKey, canonical, aliases });
  }
  if (items.length === 0) return bad('Nothing to confirm.');
  const ss = getSpreadsheet();
  const result = withDocumentLock(LOCK_MS, (): ConfirmListsReport => {
    const lists = readLists(ss);
    const known = new Map<ListKey, Set<string>>(
      LIST_KEYS_ALL.map((k) => [
        k,
        new Set((lists[k] as ListEntry[]).map((e) => e.value.toLowerCase())),
      ]),
    );
    const newValues = new Map<ListKey, string[]>();
    for (const it of items) {
      const set = known.get(it.list) as Set<string>;
      if (set.has(it.canonical.toLowerCase())) continue;
      set.add(it.canonical.toLowerCase());
      newValues.set(it.list, [...(newValues.get(it.list) ?? []), it.canonical]);
    }
    let added = 0;
    for (const [list, names] of newValues) {
      if (list === 'teams')
        appendRows(
          ensureSheet(ss, SHEETS.teams, TEAMS_HEADERS),
          names.map((n) => [n, '', false]),
        );
      else if (list === 'topics')
        appendRows(
          ensureSheet(ss, SHEETS.topics, TOPICS_HEADERS),
          names.map((n) => [n, '', '', '', '', '', false]),
        );
      else
        appendRows(
          ensureSheet(ss, SHEETS.lists, LISTS_HEADERS),
          names.map((n) => [LIST_TAB_NAMES[list], n, '', false]),
        );
      added += names.length;
    }
    const existing = new Set(
      readAliases(ss).map((a) => `${a.field.toLowerCase()}\u0000${a.raw.trim().toLowerCase()}`),
    );
    const aliasRows: unknown[][] = [];
    for (const it of items) {
      const header = (FIELDS.find((f) => 'list' in f && f.list === it.list) as { header: string })
        .header;
      for (const a of it.aliases) {
        const key = `${header.toLowerCase()}\u0000${a.trim().toLowerCase()}`;
        if (existing.has(key) || a.trim().toLowerCase() === it.canonical.toLowerCase()) continue;
        existing.add(key);
        aliasRows.push([header, a.trim(), it.canonical, 'person']);
      }
    }
    if (aliasRows.length > 0)
      appendRows(ensureSheet(ss, SHEETS.aliases, ALIASES_HEADERS), aliasRows);
    if (added > 0 || aliasRows.length > 0) formOptionsChanged();
    return {
      ok: true,
      message: `Added ${added} list value(s) and ${aliasRows.length} alias(es). Run Normalize existing rows to apply them.`,
      valuesAdded: added,
      aliasesAdded: aliasRows.length,
    };
  });
  return result.ok ? result.value : bad(result.message);
}
