/**
 * The shapes the sidebar form and My open requests exchange with the server over
 * google.script.run (plain JSON: no Dates), and the sticky form values.
 */
import { type ListKey } from '../schema';
import type { SuggestModel } from '../suggest';
import { type FieldErrors, type ListAliases, type ValidRequest } from './form';

/* ----- Shapes that travel over google.script.run (plain JSON: no Dates) ----- */

/** One active topic as the form shows it. */
export interface TopicOption {
  topic: string;
  description: string;
  vspTeam: string;
  practiceArea: string;
  keywords: string[];
  docLink: string;
}

/** Fields the form remembers per user (UserProperties) and keeps across resets. */
export const STICKY_KEYS = ['channel', 'requestType'] as const;
export type StickyKey = (typeof STICKY_KEYS)[number];
export type StickyValues = Partial<Record<StickyKey, string>>;

/** Everything the sidebar needs, returned by getFormOptions() in one call. */
export interface FormOptions {
  /** Spreadsheet time zone: the form shows and sends wall-clock times in it. */
  tz: string;
  /** Server time (ISO), to default Requested at. */
  now: string;
  user: string;
  lists: { [K in ListKey]: string[] };
  topics: TopicOption[];
  defaults: { channel: string; status: string; requestType: string };
  sticky: StickyValues;
  /** Suggestion model (see domain/suggest.ts). */
  model: SuggestModel;
  /** VFS team accepted as free text because the Teams list is empty. */
  freeTextTeams: boolean;
  /** Aliases of the Teams and Topics lists (lower-cased alias -> value). */
  aliases: ListAliases;
}

/** Result of submitRequest(form). */
export type SubmitResult =
  | { ok: true; requestId: string; row: number; duplicate: boolean }
  | { ok: false; busy: boolean; message: string; errors: FieldErrors };

/** One of the user's open requests (My open requests view). */
export interface OpenRequest {
  requestId: string;
  row: number;
  summary: string;
  topic: string;
  vfsTeam: string;
  /** ISO string or ''. */
  requestedAt: string;
  /** ISO string of First response at, or '' while nobody has replied. */
  firstResponseAt: string;
}

export interface OpenRequestsResult {
  requests: OpenRequest[];
  /** How many of the newest rows were searched (the read is bounded). */
  scannedRows: number;
}

/** Result of markRepliedNow(input): the First response at now stored (ISO). */
export type RepliedResult =
  | { ok: true; requestId: string; row: number; firstResponseAt: string; already: boolean }
  | { ok: false; message: string };

/** Result of closeMyRequest(input). */
export type CloseResult =
  | { ok: true; requestId: string; row: number }
  | { ok: false; message: string; errors: FieldErrors };

/** Server -> form: which sticky values a valid request sets. */
export function stickyFrom(req: Pick<ValidRequest, StickyKey>): StickyValues {
  const out: StickyValues = {};
  for (const k of STICKY_KEYS) if (req[k]) out[k] = req[k];
  return out;
}
