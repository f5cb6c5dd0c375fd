/**
 * The data-tab row of a validated request: server-assigned fields (RowMeta), the values in schema
 * order, and their layout under a team's own header row.
 */
import { toLiteralCell } from '../literal';
import { FIELDS, type FieldKey, type RowValues } from '../schema';
import { type ValidRequest } from './form';

/** Fields assigned by the server, never by the client. */
export interface RowMeta {
  requestId: string;
  loggedAt: Date;
  loggedBy: string;
}

/**
 * The values of the new row by field. User text goes through `toLiteralCell`, so Sheets stores it
 * as typed (never a formula, number or date).
 */
export function requestRowValues(
  req: ValidRequest,
  meta: RowMeta,
  encode: (s: string) => unknown = toLiteralCell,
): RowValues {
  const lit = (s: string): unknown => (s === '' ? '' : encode(s));
  return {
    requestId: meta.requestId,
    loggedAt: meta.loggedAt,
    loggedBy: lit(meta.loggedBy),
    requestedAt: req.requestedAt,
    requester: lit(req.requester),
    vfsTeam: lit(req.vfsTeam),
    channel: lit(req.channel),
    topic: lit(req.topic),
    suggestedTopic: lit(req.suggestedTopic),
    vspTeam: lit(req.vspTeam),
    practiceArea: lit(req.practiceArea),
    requestType: lit(req.requestType),
    summary: lit(req.summary),
    link: lit(req.link),
    status: lit(req.status),
    resolution: lit(req.resolution),
    docsLink: lit(req.docsLink),
    documentationGap: req.documentationGap,
    automationCandidate: req.automationCandidate,
    timeSpentMin: req.timeSpentMin,
    firstResponseAt: req.firstResponseAt,
    resolvedAt: req.resolvedAt,
    notes: lit(req.notes),
  };
}

/** Row values in standard schema order (FIELDS). */
export function inSchemaOrder(values: RowValues): unknown[] {
  return FIELDS.map((f) => values[f.key]);
}

/**
 * Row values laid out for a sheet whose header row is `headers` (standard names, possibly in a
 * different order, possibly with extra user columns, which stay empty). Null when a standard
 * header is missing.
 */
export function layoutRow(values: RowValues, headers: readonly unknown[]): unknown[] | null {
  const pos = new Map<string, number>();
  headers.forEach((h, i) => {
    const k = String(h ?? '').trim();
    if (k && !pos.has(k)) pos.set(k, i);
  });
  const row: unknown[] = headers.map(() => '');
  for (const f of FIELDS) {
    const i = pos.get(f.header);
    if (i === undefined) return null;
    row[i] = values[f.key as FieldKey];
  }
  return row;
}
