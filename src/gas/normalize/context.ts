// Normalization context: what a run, a preview or an undo reads once per execution (the data
// tab's columns, lists, aliases, settings), its constants, and the chunked reads and plans.
import { readUnits } from '../mapping';
import { FIELDS, SHEETS, type FieldKey, type Lists } from '../../domain/schema';
import {
  planNormalization,
  type AliasRow,
  type AliasSource,
  type NormalizationPlan,
} from '../../domain/normalize';
import { buildSuggestModel, suggestTopic } from '../../domain/suggest';
import { zonedParts, pad } from '../../domain/time';
import { columnLetter } from '../../domain/a1';
import { type ListValidationMode } from '../../domain/settings';
import type { ApostropheReading } from '../../domain/literal';
import {
  dataSheetName,
  getTimeZone,
  readHeaderRow,
  readLists,
  readSettings,
  readTabValues,
} from '../sheets';
import { headerOf } from '../../domain/normalize/report';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Default time budget of one execution (Apps Script stops scripts at 6 minutes). */
export const DEFAULT_BUDGET_MS = 270000;
/** Rows per chunk (one read, one log append and one write each). */
export const DEFAULT_CHUNK_ROWS = 2000;
/** Earliest start of a continuation (the hourly scheduler runs it on its next run after that). */
export const CONTINUE_AFTER_MS = 60000;
/** How long a chunk waits for the document lock. */
export const LOCK_MS = 30000;

/** Options of normalizeRequests (tests lower the budget; a trigger passes its event instead). */
export interface NormalizeOptions {
  /** Time budget of one execution, ms. */
  budgetMs?: number;
  /** Rows per chunk. */
  chunkRows?: number;
}

/** Everything a run or a preview needs, read once per execution. */
export interface Ctx {
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
  /** The apostrophe reading (read once per execution). */
  reading?: ApostropheReading;
}

export type Loaded = { ok: true; ctx: Ctx } | { ok: false; message: string; dataTab: string };

export function newRunId(prefix: string, tz: string): string {
  const p = zonedParts(new Date(), tz);
  const stamp = `${p.year}${pad(p.month)}${pad(p.day)}-${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
  return `${prefix}-${stamp}-${Math.floor(Math.random() * 46656)
    .toString(36)
    .padStart(3, '0')}`;
}

/** Rows of the Aliases tab (only its first `maxRows` rows when given). */
export function readAliases(ss: Spreadsheet, maxRows = Infinity): AliasRow[] {
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
export function aliasTabRows(ss: Spreadsheet): number {
  return ss.getSheetByName(SHEETS.aliases)?.getLastRow() ?? 0;
}

/** Reads and checks the data tab; every bad-input case gets a clear message and no change. */
export function load(ss: Spreadsheet): Loaded {
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

export interface ChunkData {
  values: unknown[][];
  formulas: string[][];
}

/** One read of values and one of formulas for data rows [a, b) (0-based). */
export function readChunk(ctx: Ctx, a: number, b: number): ChunkData {
  const range = ctx.sheet.getRange(a + 2, 1, b - a, ctx.lastCol);
  return { values: range.getValues() as unknown[][], formulas: range.getFormulas() };
}

export function planChunk(
  ctx: Ctx,
  data: ChunkData,
  a: number,
  newId: () => string,
): NormalizationPlan {
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

/** A Request ID cell as text ('' when the row has none). */
export function idText(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return '';
}

export function aliasKey(a: Pick<AliasRow, 'field' | 'raw'>): string {
  return `${a.field.trim().toLowerCase()}\u0000${a.raw.trim().toLowerCase()}`;
}

export function isTriggerEvent(arg: unknown): boolean {
  return typeof arg === 'object' && arg !== null && ('triggerUid' in arg || 'authMode' in arg);
}
