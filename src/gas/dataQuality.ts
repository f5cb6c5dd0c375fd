/**
 * The **Data quality** tab (issue #4): every non-standard row of the data tab with its reasons and
 * a link that jumps to the row, under the KPI "% of rows standardized". The definition of a
 * standardized row is the domain's (src/domain/standard.ts). Written with one clear and one
 * setValues, whatever the row count.
 */
import { FIELDS, SHEETS, type FieldKey, type Lists } from '../domain/schema';
import { standardReasons, type StandardRow } from '../domain/standard';
import { ambiguityNotes } from '../domain/normalize/ambiguity';
import { isBlank } from '../domain/normalize';
import { toLiteralCell } from '../domain/literal';
import { DocLinkCounter, proposeDocLinks, type DocLinkProposal } from '../domain/docLinks';
import { withDocumentLock } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Header of the problem table (below the KPI block). */
export const DATA_QUALITY_TABLE_HEADERS = ['Row', 'Request ID', 'Reasons', 'Go to row'] as const;
/** Sheet row of the table header. */
export const DATA_QUALITY_TABLE_ROW = 8;

/** Running totals of a quality scan (rows may be fed chunk by chunk). */
export interface QualityAccumulator {
  lists: Lists;
  /** Field -> 0-based column. */
  map: Record<FieldKey, number>;
  /** Non-blank data rows seen. */
  rows: number;
  standardized: number;
  problems: Array<{ row: number; requestId: string; reasons: string[] }>;
  /** Request ID -> first sheet row holding it (duplicate detection). */
  ids: Map<string, number>;
  /** Sheet rows whose Request ID is also on another row. */
  duplicateRows: number;
  /** Sheet row -> its entry in `problems`. */
  byRow: Map<number, { row: number; requestId: string; reasons: string[] }>;
  /** Problems that are not a data row (e.g. answer links judged unhelpful too often, issue 14). */
  notices: string[];
  /** (Topic, Docs link) pairs seen: the source of the doc link proposals. */
  docLinks: DocLinkCounter;
  /** Notes for values that fit several list entries, with their candidates. */
  ambiguity: (row: StandardRow) => string[];
}

/** The reason listed for a row whose Request ID is on another row too. */
export const DUPLICATE_ID_REASON = 'Duplicate Request ID';

export function newQualityAccumulator(
  lists: Lists,
  map: Record<FieldKey, number>,
): QualityAccumulator {
  return {
    lists,
    map,
    rows: 0,
    standardized: 0,
    problems: [],
    ids: new Map(),
    duplicateRows: 0,
    byRow: new Map(),
    notices: [],
    docLinks: new DocLinkCounter(),
    ambiguity: ambiguityNotes(lists),
  };
}

/** Adds data rows (0-based data row `startRow` = rows[0]) to the scan. */
export function addQualityRows(
  q: QualityAccumulator,
  rows: readonly (readonly unknown[])[],
  startRow: number,
): void {
  rows.forEach((values, i) => {
    if (values.every((v) => isBlank(v))) return;
    q.rows++;
    const row: StandardRow = {};
    for (const f of FIELDS) {
      const c = q.map[f.key];
      if (c !== undefined) row[f.key] = values[c];
    }
    q.docLinks.add(row.topic, row.docsLink);
    const reasons = standardReasons(row, q.lists);
    // A value that fits several list entries is named with its candidates (issue 10).
    if (reasons.length > 0) reasons.push(...q.ambiguity(row));
    if (reasons.length === 0) q.standardized++;
    const sheetRow = startRow + i + 2;
    const id = String(row.requestId ?? '').trim();
    const first = id ? q.ids.get(id) : undefined;
    if (id && first === undefined) q.ids.set(id, sheetRow);
    if (first !== undefined) {
      // Reported on both rows: closeMyRequest refuses an ID that names more than one row.
      reasons.push(`${DUPLICATE_ID_REASON} (also in row ${first})`);
      const firstEntry = q.byRow.get(first);
      const note = `${DUPLICATE_ID_REASON} (also in row ${sheetRow})`;
      if (firstEntry) {
        if (!firstEntry.reasons.some((r) => r.startsWith(DUPLICATE_ID_REASON)))
          firstEntry.reasons.push(note);
      } else {
        const entry = { row: first, requestId: id, reasons: [note] };
        q.problems.push(entry);
        q.byRow.set(first, entry);
        q.duplicateRows++;
      }
      q.duplicateRows++;
    }
    if (reasons.length) {
      const entry = { row: sheetRow, requestId: String(row.requestId ?? ''), reasons };
      q.problems.push(entry);
      q.byRow.set(sheetRow, entry);
    }
  });
}

/** % of rows standardized (one decimal), or null without rows. */
export function standardizedPct(q: QualityAccumulator): number | null {
  return q.rows === 0 ? null : Math.round((1000 * q.standardized) / q.rows) / 10;
}

/** Columns of the doc link proposals (right of the problem table, same header row). */
export const DOC_LINK_HEADERS = [
  'Topic without a doc link',
  'Proposed doc link',
  'Requests',
] as const;
/** 1-based column of the proposals table (column F: one blank column after the problems). */
export const DOC_LINK_COL = 6;

/** The doc link proposals of a finished scan. */
export function docLinkProposals(q: QualityAccumulator): DocLinkProposal[] {
  return proposeDocLinks(q.docLinks, q.lists.topics);
}

/** Rewrites the Data quality tab from a finished scan. */
export function writeDataQuality(
  ss: Spreadsheet,
  dataSheet: Sheet,
  q: QualityAccumulator,
  tz: string,
): Sheet {
  void tz;
  const sheet = ss.getSheetByName(SHEETS.dataQuality) ?? ss.insertSheet(SHEETS.dataQuality);
  q.problems.sort((a, b) => a.row - b.row);
  const gid = dataSheet.getSheetId();
  const pct = standardizedPct(q);
  const proposals = docLinkProposals(q);
  const width = DOC_LINK_COL - 1 + DOC_LINK_HEADERS.length;
  const pad = (r: unknown[]): unknown[] => [...r, ...Array<unknown>(width - r.length).fill('')];
  const notices = q.duplicateRows
    ? [
        ...q.notices,
        `${q.duplicateRows} rows have a Request ID that another row has too ("${DUPLICATE_ID_REASON}" below): closing them from the sidebar is refused until an admin fixes the ID.`,
      ]
    : q.notices;
  const problems: unknown[][] = [
    [...DATA_QUALITY_TABLE_HEADERS],
    ...notices.map((n) => ['', '', toLiteralCell(n), '']),
    ...q.problems.map((p) => [
      p.row,
      toLiteralCell(p.requestId),
      toLiteralCell(p.reasons.join('; ')),
      `=HYPERLINK("#gid=${gid}&range=A${p.row}","Go to row ${p.row}")`,
    ]),
  ];
  const learned: unknown[][] = [
    [...DOC_LINK_HEADERS],
    ...proposals.map((p) => [toLiteralCell(p.topic), toLiteralCell(p.link), p.uses]),
  ];
  const tableRows = Math.max(problems.length, learned.length);
  const table: unknown[][] = [];
  for (let i = 0; i < tableRows; i++)
    table.push([...(problems[i] ?? ['', '', '', '']), '', ...(learned[i] ?? ['', '', ''])]);
  const block: unknown[][] = [
    pad(['Data quality', `of the data tab '${dataSheet.getName()}'`]),
    pad(['% of rows standardized', pct === null ? '' : pct / 100]),
    pad(['Rows', q.rows]),
    pad(['Standardized rows', q.standardized]),
    pad(['Rows to fix', q.rows - q.standardized]),
    pad(['Updated', new Date()]),
    pad([
      'Doc link proposals',
      proposals.length === 0
        ? 'none: no topic without a doc link has requests logged with a Docs link'
        : `${proposals.length}: accept them in Support > Getting started (one click each)`,
    ]),
    ...table,
  ];
  sheet.clearContents();
  if (sheet.getMaxColumns() > width) sheet.deleteColumns(width + 1, sheet.getMaxColumns() - width);
  const need = block.length - sheet.getMaxRows();
  if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need);
  sheet.getRange(1, 1, block.length, width).setValues(block);
  sheet.getRange(2, 2).setNumberFormat('0.0%');
  if (sheet.getFrozenRows() !== DATA_QUALITY_TABLE_ROW) sheet.setFrozenRows(DATA_QUALITY_TABLE_ROW);
  return sheet;
}

/** The data tab as a normalization context holds it (the part a quality scan needs). */
export interface QualitySource {
  ss: Spreadsheet;
  sheet: Sheet;
  tz: string;
  lists: Lists;
  /** Field -> 0-based column. */
  map: Record<FieldKey, number>;
  lastRow: number;
  lastCol: number;
}

/**
 * Rebuilds the Data quality tab from the data tab (reads of `chunkRows` rows); returns the KPI.
 * The rewrite waits at most `lockMs` for the document lock.
 */
export function refreshQualityOf(
  ctx: QualitySource,
  chunkRows: number,
  lockMs: number,
): number | null {
  const q = newQualityAccumulator(ctx.lists, ctx.map);
  const total = ctx.lastRow - 1;
  for (let a = 0; a < total; a += chunkRows) {
    const b = Math.min(total, a + chunkRows);
    addQualityRows(
      q,
      ctx.sheet.getRange(a + 2, 1, b - a, ctx.lastCol).getValues() as unknown[][],
      a,
    );
  }
  // refreshSummaries rewrites the same tab under the document lock; a busy sheet skips the rewrite.
  withDocumentLock(lockMs, () => writeDataQuality(ctx.ss, ctx.sheet, q, ctx.tz));
  return standardizedPct(q);
}
