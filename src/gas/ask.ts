/**
 * The "Ask platform support" page (issue 14), server side: `doGet` with `?page=ask` (see webapp.ts),
 * `getAskPageOptions()`, `getAskSuggestions(text)` and `submitAsk(ask)`.
 *
 * - Signed-in users only: the web app runs as its owner, and Session.getActiveUser() is the visitor's
 *   email only for people of the owner's domain ('' for anonymous visitors). '' is refused everywhere.
 * - The answer index (topic model, doc links, teams, the follow-up link and the rate limit) is one
 *   JSON value in the script cache through the shared versioned cache (scope `ask`, script store:
 *   a web app has no document cache). refreshSummaries bumps the scope; otherwise it expires after
 *   ASK_CACHE_SECONDS, so Topics edits show within 30 minutes. Warm: 4 service calls at any size.
 * - submitAsk writes through THE request write path (sidebar/submit.ts writeRequest): the same validation,
 *   lock, idempotency by clientRequestId and literal text as submitRequest. Under the same lock it
 *   checks the per-user rate limit (CacheService, script cache keyed by email) and appends one event
 *   to the Ask log tab (no question text). A refused ask writes nothing.
 */
import {
  ASK_LOG_HEADERS,
  ASK_LOG_SHEET,
  ANSWER_LINKS_SHEET,
  AUTOMATED_RESOLUTION,
  MAX_QUESTION,
  SELF_SERVICE_CHANNEL,
  askEventRow,
  buildAnswerLinks,
  linkFeedback,
  parseAskLog,
  rankAnswers,
  validateAskInput,
  type AnswerIndex,
  type AskEvent,
  type AskSuggestion,
} from '../domain/answers';
import { toLiteralCell } from '../domain/literal';
import { renderMessagePage } from '../domain/render/dashboard';
import { activeValues } from '../domain/schema';
import { buildSuggestModel } from '../domain/suggest';
import type { FieldErrors } from '../domain/submit';
import { bumpCacheVersion, cachedJson } from './versionedCache';
import { ADDON } from './flavor';
import { getSpreadsheet, readSettings, readTabValues } from './sheets';
import { dataTab, readListsCompact, trainingRows, writeRequest } from './sidebar';

/** Versioned-cache scope of the answer index. */
export const ASK_SCOPE = 'ask';
/** Lifetime of the cached answer index. */
export const ASK_CACHE_SECONDS = 1800;
/** The ranking learns from at most this many of the newest asks. */
export const FEEDBACK_EVENTS = 2000;
/** Script-cache key prefix of the per-user rate-limit window. */
export const ASK_RATE_PREFIX = 'supportTracker.askRate.';
const HOUR_MS = 3600 * 1000;

export const SIGN_IN_MESSAGE =
  'Sign in with your organisation account to ask platform support (anonymous access is not allowed).';

/** What the page shows besides suggestions (one call after the first render). */
export interface AskPageOptions {
  user: string;
  teams: string[];
  followUpUrl: string;
  rateLimit: number;
}

export type AskResult =
  | { ok: true; requestId: string; duplicate: boolean; followUpUrl: string }
  | { ok: false; message: string };

/**
 * The ask page belongs to the bound build's web app. The editor add-on has no web app, and its
 * Script properties and script cache are shared by every document using it, so there the ask
 * globals refuse and the answer index is never cached.
 */
export const ADDON_ASK_MESSAGE =
  "The ask page is not part of the Support Tracker add-on: it is served by the bound script's web app.";

/** The signed-in visitor's email, '' when anonymous or unknown. 2 service calls. */
function signedInUser(): string {
  try {
    return String(Session.getActiveUser().getEmail() || '').trim();
  } catch {
    return '';
  }
}

function buildIndex(): AnswerIndex {
  const ss = getSpreadsheet();
  const lists = readListsCompact(ss);
  const settings = readSettings(ss, { strict: false });
  const { data } = dataTab(ss);
  const topics = lists.topics.filter((t) => !t.disabled);
  const rows = trainingRows(data.sheet, data.map, data.header.length, lists);
  return {
    v: 1,
    model: buildSuggestModel(
      topics.map((t) => ({ topic: t.value, keywords: t.keywords })),
      rows,
    ),
    links: buildAnswerLinks(lists.topics, readTabValues(ss, ANSWER_LINKS_SHEET)),
    teams: activeValues(lists, 'teams'),
    followUpUrl: settings.askFollowUpUrl,
    rateLimit: settings.askRateLimitPerHour,
    feedback: linkFeedback(recentAskEvents(ss)),
  };
}

/** The newest FEEDBACK_EVENTS events of the Ask log (one bounded read), for the ranking. */
function recentAskEvents(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): AskEvent[] {
  const log = ss.getSheetByName(ASK_LOG_SHEET);
  if (!log) return [];
  const last = log.getLastRow();
  if (last < 2) return [];
  const first = Math.max(2, last - FEEDBACK_EVENTS + 1);
  const values = log.getRange(first, 1, last - first + 1, ASK_LOG_HEADERS.length).getValues();
  return parseAskLog([[...ASK_LOG_HEADERS], ...values]);
}

/** The answer index: cached (4 service calls warm), built from the sheet on a miss. */
export function answerIndex(): AnswerIndex {
  return cachedJson(ASK_SCOPE, 'index', buildIndex, {
    store: 'script',
    seconds: ASK_CACHE_SECONDS,
  });
}

/** Makes the cached answer index stale (refreshSummaries, setup). 2 service calls. */
export function invalidateAnswerIndex(): void {
  if (ADDON) return;
  bumpCacheVersion(ASK_SCOPE, 'script');
}

/** doGet(?page=ask): the page for signed-in users, a refusal page for anonymous visitors. */
export function askPage(): GoogleAppsScript.HTML.HtmlOutput {
  if (!signedInUser()) {
    return HtmlService.createHtmlOutput(
      renderMessagePage('Sign in required', SIGN_IN_MESSAGE),
    ).setTitle('Sign in required');
  }
  return HtmlService.createHtmlOutputFromFile('Ask')
    .setTitle('Ask platform support')
    .addMetaTag('viewport', 'width=device-width, initial-scale=1');
}

/** Public global: the page's team list, follow-up link and limit (signed-in users only). */
export function getAskPageOptions(): AskPageOptions {
  if (ADDON) throw new Error(ADDON_ASK_MESSAGE);
  const user = signedInUser();
  if (!user) throw new Error(SIGN_IN_MESSAGE);
  const index = answerIndex();
  return {
    user,
    teams: index.teams,
    followUpUrl: index.followUpUrl,
    rateLimit: index.rateLimit,
  };
}

/** Public global: up to 3 doc links for a question, best first (signed-in users only). */
export function getAskSuggestions(text: unknown): { suggestions: AskSuggestion[] } {
  if (ADDON) throw new Error(ADDON_ASK_MESSAGE);
  if (!signedInUser()) throw new Error(SIGN_IN_MESSAGE);
  if (typeof text !== 'string' || text.trim().length < 3) return { suggestions: [] };
  return { suggestions: rankAnswers(answerIndex(), text.slice(0, MAX_QUESTION)) };
}

function rateKey(user: string): string {
  return ASK_RATE_PREFIX + user.toLowerCase().slice(0, 200);
}

function errorsText(errors: FieldErrors): string {
  return Object.values(errors).filter(Boolean).join(' ');
}

/**
 * Public global: logs an ask. "This answered it" (answered: true) appends a Resolved Self-service
 * request with Resolution "Automated answer"; "I still need help" appends an Open one with the
 * suggested topic. Returns `{ok, requestId}` or `{ok: false, message}` (nothing written).
 */
export function submitAsk(input: unknown): AskResult {
  if (ADDON) return { ok: false, message: ADDON_ASK_MESSAGE };
  const user = signedInUser();
  if (!user) return { ok: false, message: SIGN_IN_MESSAGE };
  const checked = validateAskInput(input);
  if (!checked.ok) return { ok: false, message: checked.message };
  const ask = checked.value;
  const index = answerIndex();
  const suggested = rankAnswers(index, ask.question);
  if (ask.docUrl && !index.links.some((l) => l.url === ask.docUrl)) {
    return { ok: false, message: 'That link is not one of the curated answers.' };
  }
  const suggestedTopic = ask.topic || suggested[0]?.topic || '';
  const at = new Date();
  const form: Record<string, unknown> = {
    requestedAt: at,
    requester: user,
    vfsTeam: ask.vfsTeam,
    channel: SELF_SERVICE_CHANNEL,
    topic: ask.answered ? ask.topic : '',
    suggestedTopic,
    summary: ask.question,
    status: ask.answered ? 'Resolved' : 'Open',
    resolution: ask.answered ? AUTOMATED_RESOLUTION : '',
    docsLink: ask.answered ? ask.docUrl : '',
    firstResponseAt: ask.answered ? at : '',
    resolvedAt: ask.answered ? at : '',
    clientRequestId: ask.clientRequestId,
  };
  const cache = CacheService.getScriptCache();
  let recent: number[] = [];
  const result = writeRequest(form, {
    optional: ask.answered ? ['vfsTeam'] : ['vfsTeam', 'topic'],
    extraValues: { channel: [SELF_SERVICE_CHANNEL] },
    sticky: false,
    webApp: true,
    admit: () => {
      const raw = cache ? cache.get(rateKey(user)) : null;
      try {
        const parsed = raw ? (JSON.parse(raw) as unknown) : [];
        recent = Array.isArray(parsed)
          ? parsed.filter((t): t is number => typeof t === 'number' && at.getTime() - t < HOUR_MS)
          : [];
      } catch {
        recent = [];
      }
      return recent.length >= index.rateLimit
        ? `You have asked ${index.rateLimit} questions in the last hour, the most allowed. ` +
            'Nothing was saved: please try again later' +
            (index.followUpUrl ? ' or follow up in the support channel.' : '.')
        : null;
    },
    afterAppend: (requestId) => {
      if (cache) cache.put(rateKey(user), JSON.stringify([...recent, at.getTime()]), 3600);
      const ss = getSpreadsheet();
      let log = ss.getSheetByName(ASK_LOG_SHEET);
      if (!log) {
        log = ss.insertSheet(ASK_LOG_SHEET);
        log.getRange(1, 1, 1, ASK_LOG_HEADERS.length).setValues([[...ASK_LOG_HEADERS]]);
        log.hideSheet();
      }
      const row = askEventRow({
        at,
        requestId,
        answered: ask.answered,
        topic: ask.docUrl ? ask.topic : ask.answered ? ask.topic : '',
        url: ask.docUrl,
        suggested: suggested.map((s) => ({ topic: s.topic, url: s.url })),
      });
      log.appendRow(row.map((v) => toLiteralCell(v)));
    },
  });
  if (!result.ok) {
    const message =
      result.message + (errorsText(result.errors) ? ` ${errorsText(result.errors)}` : '');
    return { ok: false, message };
  }
  return {
    ok: true,
    requestId: result.requestId,
    duplicate: result.duplicate,
    followUpUrl: index.followUpUrl,
  };
}
