/**
 * Self-service answers (issue 14): the answer index behind the "Ask platform support" page, the
 * ranking of doc links for a question, the validation of an ask, the ask events log and the
 * Answers analytics (per topic and doc link: suggested, chosen, helpful; the self-service
 * resolution rate; the automated response rate from real ask events). Pure: no Apps Script globals.
 *
 * Curated without code:
 * - the Topics tab's Keywords and Doc link columns (one link per topic);
 * - an optional "Answer links" tab (Topic, Title, Link, Keywords, Disabled): more links per topic,
 *   each with its own title and keywords.
 * Sheet content is untrusted: only absolute http(s) links are ever suggested.
 */
import type { Block, Cell } from './kpi/render';
import { safeUrl } from './render/escape';
import type { TopicEntry } from './schema';
import { keywordMatches, modelPosterior, tokenize, type SuggestModel } from './suggest';

/** Name of the optional config tab holding more than one link per topic. */
export const ANSWER_LINKS_SHEET = 'Answer links';
export const ANSWER_LINKS_HEADERS = ['Topic', 'Title', 'Link', 'Keywords', 'Disabled'] as const;
/** Name of the ask events log (one row per ask; no question text). */
export const ASK_LOG_SHEET = 'Ask log';
export const ASK_LOG_HEADERS = [
  'Time',
  'Request ID',
  'Outcome',
  'Chosen topic',
  'Chosen link',
  'Suggested',
] as const;
/** Name of the generated Answers analytics tab. */
export const ANSWERS_SHEET = 'Answers';
/** The Ask log keeps at most this many events (refreshSummaries trims the oldest). */
export const ASK_LOG_MAX_ROWS = 20000;
/** Channel of every ask-page request. */
export const SELF_SERVICE_CHANNEL = 'Self-service';
/** Resolution of an ask answered by a suggestion. */
export const AUTOMATED_RESOLUTION = 'Automated answer';
/** Most suggestions shown for a question. */
export const MAX_SUGGESTIONS = 3;
/** Longest question accepted (the Summary limit of submitRequest). */
export const MAX_QUESTION = 2000;
/** A link is flagged in Data quality when judged unhelpful at least this often, more than helpful. */
export const UNHELPFUL_FLAG_MIN = 3;

export const OUTCOME_ANSWERED = 'Answered';
export const OUTCOME_NEEDS_HELP = 'Still needs help';

/** One doc link that can answer a topic. */
export interface AnswerLink {
  topic: string;
  title: string;
  url: string;
  /** Normalized keyword phrases of this link (the Answer links tab), in addition to the topic's. */
  keywords: string[];
}

/** What the ask page needs, cached as one JSON value (see src/gas/ask.ts). */
export interface AnswerIndex {
  v: 1;
  model: SuggestModel;
  links: AnswerLink[];
  /** Active VFS teams (the optional team picker). */
  teams: string[];
  /** Where to follow up when the answer did not help (Settings), '' when unset. */
  followUpUrl: string;
  /** Asks per user per hour (Settings). */
  rateLimit: number;
  /** Learned from recent asks: url -> [helpful, unhelpful] judgements (see linkFeedback). */
  feedback?: Record<string, [number, number]>;
}

/** Per link: how often it was judged helpful and unhelpful in these events. */
export function linkFeedback(events: readonly AskEvent[]): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const s of summarizeAnswers(events).links) {
    if (s.helpful || s.unhelpful) {
      const prev = out[s.url] ?? [0, 0];
      out[s.url] = [prev[0] + s.helpful, prev[1] + s.unhelpful];
    }
  }
  return out;
}

/**
 * Ranking weight of a link's feedback: 1 without any, up to 2 when always helpful, towards 0 when
 * repeatedly unhelpful (Laplace-smoothed share of helpful judgements, times 2).
 */
export function feedbackWeight(f: [number, number] | undefined): number {
  if (!f) return 1;
  return (2 * (f[0] + 1)) / (f[0] + f[1] + 2);
}

/** One suggestion, as returned by getAskSuggestions (JSON-safe). */
export interface AskSuggestion {
  topic: string;
  title: string;
  url: string;
  /** 0..1, higher is better. */
  score: number;
}

function cellText(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

function phraseOf(s: string): string {
  return String(s ?? '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .join(' ');
}

function splitPhrases(s: string): string[] {
  return String(s ?? '')
    .split(/[,;\n]/)
    .map(phraseOf)
    .filter((p) => p.length > 0);
}

function isTrue(v: unknown): boolean {
  return v === true || /^(true|yes|y|x|1)$/i.test(cellText(v));
}

/** A readable title for a link without one: its last path segment, else its host. */
export function titleFromUrl(url: string): string {
  const m = /^https?:\/\/([^/?#]+)([^?#]*)/i.exec(url);
  if (!m) return url;
  const seg = m[2]
    .split('/')
    .filter((s) => s.length > 0)
    .pop();
  if (!seg) return m[1];
  let text = seg;
  try {
    text = decodeURIComponent(seg);
  } catch {
    // keep the raw segment
  }
  text = text.replace(/\.[a-z0-9]{2,5}$/i, '').replace(/[-_+]+/g, ' ');
  return text.length ? text[0].toUpperCase() + text.slice(1) : m[1];
}

/**
 * The answer links: each active topic's Doc link (titled by the topic), then the active rows of the
 * optional Answer links tab whose Topic is an active topic. Links that are not absolute http(s)
 * URLs are ignored; a (topic, url) pair is kept once.
 */
export function buildAnswerLinks(
  topics: readonly TopicEntry[],
  answerTab: readonly (readonly unknown[])[] | undefined,
): AnswerLink[] {
  const active = new Map<string, TopicEntry>();
  for (const t of topics) if (!t.disabled) active.set(t.value.toLowerCase(), t);
  const out: AnswerLink[] = [];
  const seen = new Set<string>();
  const add = (link: AnswerLink): void => {
    const key = `${link.topic}\u0000${link.url}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(link);
  };
  for (const t of active.values()) {
    const url = safeHttpUrl(t.docLink);
    if (url) add({ topic: t.value, title: t.description || t.value, url, keywords: [] });
  }
  if (answerTab && answerTab.length > 1) {
    const header = answerTab[0].map((h) => cellText(h).toLowerCase());
    const col = (name: string, fallback: number): number => {
      const i = header.indexOf(name.toLowerCase());
      return i >= 0 ? i : fallback;
    };
    const c = {
      topic: col('Topic', 0),
      title: col('Title', 1),
      link: col('Link', 2),
      keywords: col('Keywords', 3),
      disabled: col('Disabled', 4),
    };
    for (const row of answerTab.slice(1)) {
      if (isTrue(row[c.disabled])) continue;
      const topic = active.get(cellText(row[c.topic]).toLowerCase());
      const url = safeHttpUrl(cellText(row[c.link]));
      if (!topic || !url) continue;
      const title = cellText(row[c.title]).slice(0, 200) || titleFromUrl(url);
      add({ topic: topic.value, title, url, keywords: splitPhrases(cellText(row[c.keywords])) });
    }
  }
  return out;
}

/** An absolute http(s) URL (trimmed), else null: javascript:, data:, mailto: and relative are out. */
export function safeHttpUrl(value: unknown): string | null {
  const url = safeUrl(typeof value === 'string' ? value : cellText(value));
  return url && /^https?:\/\//i.test(url) ? url : null;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Up to MAX_SUGGESTIONS doc links for a question, best first. A topic scores by its Keywords
 * (share of keyword weight matched, as in the sidebar) blended with the sidebar's naive Bayes
 * posterior; a link adds its own keywords, and its learned feedback (helpful vs unhelpful asks)
 * weighs the result. Links of topics with no signal are not suggested.
 */
export function rankAnswers(index: AnswerIndex, question: string): AskSuggestion[] {
  const text = String(question ?? '');
  if (text.trim().length < 3 || index.links.length === 0) return [];
  const model = index.model;
  const kw = keywordMatches(model, text);
  const kwTotal = kw.reduce((a, k) => a + k.score, 0);
  const kwScore = new Map<string, number>();
  for (const k of kw) kwScore.set(k.topic, kwTotal ? k.score / kwTotal : 0);
  const posterior = modelPosterior(model, text);
  const post = new Map<string, number>();
  if (posterior) model.topics.forEach((t, i) => post.set(t, posterior[i]));
  const padded = ` ${phraseOf(text)} `;
  const tokens = new Set(tokenize(text));
  const scored: AskSuggestion[] = [];
  for (const link of index.links) {
    const k = kwScore.get(link.topic) ?? 0;
    const p = post.get(link.topic) ?? 0;
    let own = 0;
    for (const phrase of link.keywords) if (padded.includes(` ${phrase} `)) own++;
    // Words of the link's title count a little (curated titles are often the best keywords).
    let titleHits = 0;
    for (const w of tokenize(link.title)) if (tokens.has(w)) titleHits++;
    const ownScore = Math.min(1, own * 0.5 + titleHits * 0.1);
    const hasSignal = k > 0 || own > 0 || p >= 0.35 || titleHits >= 2;
    if (!hasSignal) continue;
    const base = 0.55 * k + 0.3 * p + 0.15 * ownScore + (k > 0 ? 0.1 : 0) + (own > 0 ? 0.1 : 0);
    const score = Math.min(1, base * feedbackWeight(index.feedback?.[link.url]));
    scored.push({ topic: link.topic, title: link.title, url: link.url, score: round3(score) });
  }
  scored.sort((a, b) => b.score - a.score || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
  return scored.slice(0, MAX_SUGGESTIONS).map((s) => ({ ...s, score: Math.min(1, s.score) }));
}

/* ------------------------------------------------------------------ submitAsk input */

export const ASK_KEYS = [
  'question',
  'vfsTeam',
  'topic',
  'answered',
  'docUrl',
  'clientRequestId',
] as const;

export interface AskInput {
  question: string;
  vfsTeam: string;
  topic: string;
  answered: boolean;
  docUrl: string;
  clientRequestId: string;
}

export type AskValidation = { ok: true; value: AskInput } | { ok: false; message: string };

const CLIENT_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** Shape checks of submitAsk's input (list values are checked by submitRequest's validation). */
export function validateAskInput(input: unknown): AskValidation {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    return { ok: false, message: 'The question is missing.' };
  const o = input as Record<string, unknown>;
  const extra = Object.keys(o).filter((k) => !(ASK_KEYS as readonly string[]).includes(k));
  if (extra.length)
    return { ok: false, message: `Unknown field(s): ${extra.slice(0, 5).join(', ')}.` };
  const str = (k: string): string | null => {
    const v = o[k];
    if (v === undefined || v === null) return '';
    return typeof v === 'string' ? v : null;
  };
  const question = str('question');
  if (question === null || question.trim() === '')
    return { ok: false, message: 'Type your question first.' };
  if (question.trim().length > MAX_QUESTION)
    return { ok: false, message: `The question is too long (at most ${MAX_QUESTION} characters).` };
  const vfsTeam = str('vfsTeam');
  const topic = str('topic');
  const docUrl = str('docUrl');
  if (vfsTeam === null || topic === null || docUrl === null)
    return { ok: false, message: 'Team, topic and link must be text.' };
  if (typeof o.answered !== 'boolean')
    return { ok: false, message: 'Say whether the answer helped (answered: true or false).' };
  const cid = o.clientRequestId;
  if (typeof cid !== 'string' || !CLIENT_ID.test(cid))
    return { ok: false, message: 'clientRequestId must be 8-64 letters, digits, "-" or "_".' };
  const url = docUrl.trim();
  if (url && !safeHttpUrl(url))
    return { ok: false, message: 'The doc link must be an https:// link.' };
  if (o.answered && !topic.trim())
    return { ok: false, message: 'Choose the suggestion that answered your question.' };
  return {
    ok: true,
    value: {
      question: question.replace(/\r\n?/g, '\n').trim(),
      vfsTeam: vfsTeam.trim(),
      topic: topic.trim(),
      answered: o.answered,
      docUrl: url,
      clientRequestId: cid,
    },
  };
}

/* ------------------------------------------------------------------ events */

/** One ask, as logged on the Ask log tab (no question text). */
export interface AskEvent {
  at: Date;
  requestId: string;
  answered: boolean;
  /** The topic and link chosen ("This answered it"), or judged unhelpful ("I still need help"). */
  topic: string;
  url: string;
  /** What the page suggested for the question. */
  suggested: { topic: string; url: string }[];
}

/** The Ask log row of an event (strings are made literal by the adapter). */
export function askEventRow(e: AskEvent): unknown[] {
  return [
    e.at,
    e.requestId,
    e.answered ? OUTCOME_ANSWERED : OUTCOME_NEEDS_HELP,
    e.topic,
    e.url,
    e.suggested.map((s) => `${s.topic}\t${s.url}`).join('\n'),
  ];
}

function isDateValue(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]' && !isNaN((v as Date).getTime());
}

/** Events from the Ask log's values (row 1 = header); malformed rows are skipped. */
export function parseAskLog(values: readonly (readonly unknown[])[] | undefined): AskEvent[] {
  if (!values) return [];
  const out: AskEvent[] = [];
  for (const row of values.slice(1)) {
    const at = row[0];
    if (!isDateValue(at)) continue;
    const outcome = cellText(row[2]);
    if (outcome !== OUTCOME_ANSWERED && outcome !== OUTCOME_NEEDS_HELP) continue;
    const suggested = cellText(row[5])
      .split('\n')
      .map((line) => line.split('\t'))
      .filter((p) => p.length === 2 && p[0] && p[1])
      .map(([topic, url]) => ({ topic, url }));
    out.push({
      at,
      requestId: cellText(row[1]),
      answered: outcome === OUTCOME_ANSWERED,
      topic: cellText(row[3]),
      url: cellText(row[4]),
      suggested,
    });
  }
  return out;
}

/* ------------------------------------------------------------------ analytics */

/** Answers analytics of one (topic, doc link). */
export interface AnswerStat {
  topic: string;
  url: string;
  /** Asks where the link was suggested. */
  suggested: number;
  /** Asks where the person picked it (helpful or not). */
  chosen: number;
  /** Asks answered by it ("This answered it"). */
  helpful: number;
  /** Asks where it was judged unhelpful ("I still need help" with it shown or picked). */
  unhelpful: number;
  /** helpful ÷ suggested: the self-service resolution rate of the link; null when never suggested. */
  resolutionRate: number | null;
}

export interface AnswersSummary {
  asks: number;
  answered: number;
  /** answered ÷ asks, null without asks. */
  resolutionRate: number | null;
  links: AnswerStat[];
  /** Links judged unhelpful at least UNHELPFUL_FLAG_MIN times and more often than helpful. */
  flagged: AnswerStat[];
}

function rate(n: number, d: number): number | null {
  return d === 0 ? null : n / d;
}

/**
 * Per (topic, link): suggested / chosen / helpful / unhelpful counts and the self-service resolution
 * rate. "I still need help" judges the picked link unhelpful, or every suggested link when none was
 * picked. Curated links that were never suggested are listed with zeros (so gaps show).
 */
export function summarizeAnswers(
  events: readonly AskEvent[],
  links: readonly AnswerLink[] = [],
): AnswersSummary {
  const stats = new Map<string, AnswerStat>();
  const stat = (topic: string, url: string): AnswerStat => {
    const key = `${topic}\u0000${url}`;
    let s = stats.get(key);
    if (!s) {
      s = { topic, url, suggested: 0, chosen: 0, helpful: 0, unhelpful: 0, resolutionRate: null };
      stats.set(key, s);
    }
    return s;
  };
  for (const l of links) stat(l.topic, l.url);
  let answered = 0;
  for (const e of events) {
    if (e.answered) answered++;
    for (const s of e.suggested) stat(s.topic, s.url).suggested++;
    if (e.url) {
      const picked = stat(e.topic, e.url);
      picked.chosen++;
      if (e.answered) picked.helpful++;
      else picked.unhelpful++;
    } else if (!e.answered) {
      for (const s of e.suggested) stat(s.topic, s.url).unhelpful++;
    }
  }
  const all = [...stats.values()];
  for (const s of all) s.resolutionRate = rate(s.helpful, s.suggested);
  all.sort(
    (a, b) =>
      (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0) ||
      b.suggested - a.suggested ||
      (a.url < b.url ? -1 : a.url > b.url ? 1 : 0),
  );
  return {
    asks: events.length,
    answered,
    resolutionRate: rate(answered, events.length),
    links: all,
    flagged: all.filter((s) => s.unhelpful >= UNHELPFUL_FLAG_MIN && s.unhelpful > s.helpful),
  };
}

/** The automated response rate of one period, from real ask events. */
export interface SelfServicePeriod {
  /** Asks on the ask page in the period. */
  asks: number;
  /** Asks answered by a suggested doc ("This answered it"): automated responses. */
  automated: number;
  /** Requests resolved by a person in the period (resolved rows minus "Automated answer" rows). */
  humanResolved: number;
  /** automated ÷ (automated + humanResolved); null when both are 0. */
  automatedRate: number | null;
  /** automated ÷ asks; null without asks. */
  selfServiceRate: number | null;
}

export type SelfServiceKpi = Record<'lastWeek' | 'last4Weeks' | 'allTime', SelfServicePeriod>;

/** Label of the KPI, everywhere it is shown. */
export const SELF_SERVICE_KPI_LABEL = 'Automated response rate (ask-page events)';

/** A period of the Report, as far as this KPI needs it. */
export interface PeriodWindow {
  from: Date | null;
  to: Date | null;
  /** Rows with any Resolution, and rows whose Resolution is Automated answer, in the period. */
  resolved: number;
  automated: number;
}

/**
 * The automated response rate per period from the ask events: automated responses are asks answered
 * by a suggestion (events in [from, to)); every other response is a request a person resolved (the
 * Report's resolved rows minus its "Automated answer" rows, so neither hand-set nor self-service
 * automated rows are counted twice).
 */
export function selfServiceKpi(
  events: readonly AskEvent[],
  periods: Record<keyof SelfServiceKpi, PeriodWindow>,
): SelfServiceKpi {
  const one = (p: PeriodWindow): SelfServicePeriod => {
    let asks = 0;
    let automated = 0;
    for (const e of events) {
      const t = e.at.getTime();
      if (p.from && t < p.from.getTime()) continue;
      if (p.to && t >= p.to.getTime()) continue;
      asks++;
      if (e.answered) automated++;
    }
    const humanResolved = Math.max(0, p.resolved - p.automated);
    return {
      asks,
      automated,
      humanResolved,
      automatedRate: rate(automated, automated + humanResolved),
      selfServiceRate: rate(automated, asks),
    };
  };
  return {
    lastWeek: one(periods.lastWeek),
    last4Weeks: one(periods.last4Weeks),
    allTime: one(periods.allTime),
  };
}

/** The Answers tab (a generated block): overall figures, then one row per (topic, doc link). */
export function answersBlock(summary: AnswersSummary, kpi: SelfServiceKpi | null): Block {
  const width = 8;
  const values: Cell[][] = [];
  const formats: string[][] = [];
  const row = (cells: [Cell, string][]): void => {
    const v: Cell[] = [];
    const f: string[] = [];
    for (let i = 0; i < width; i++) {
      v.push(cells[i] ? cells[i][0] : '');
      f.push(cells[i] ? cells[i][1] : '@');
    }
    values.push(v);
    formats.push(f);
  };
  const T = (s: string): [Cell, string] => [s, '@'];
  const N = (n: number): [Cell, string] => [n, '0'];
  const R = (r: number | null): [Cell, string] => (r === null ? ['n/a', '@'] : [r, '0.0%']);
  row([
    T('Answers'),
    T('Self-service answers from the ask page: generated by refresh, edits are overwritten.'),
  ]);
  row([T('Asks (logged events)'), N(summary.asks)]);
  row([T('Answered by a suggestion'), N(summary.answered)]);
  row([T('Self-service resolution rate'), R(summary.resolutionRate)]);
  row([T(`${SELF_SERVICE_KPI_LABEL}, all time`), R(kpi ? kpi.allTime.automatedRate : null)]);
  row([]);
  const start = values.length + 1;
  row(
    [
      'Topic',
      'Doc link',
      'Suggested',
      'Chosen',
      'Helpful',
      'Unhelpful',
      'Self-service resolution rate',
      'Flag',
    ].map(T),
  );
  for (const s of summary.links) {
    row([
      T(s.topic),
      T(s.url),
      N(s.suggested),
      N(s.chosen),
      N(s.helpful),
      N(s.unhelpful),
      R(s.resolutionRate),
      T(summary.flagged.includes(s) ? 'Often unhelpful: review this link' : ''),
    ]);
  }
  return {
    values,
    formats,
    sections: { links: { row: start, col: 1, numRows: values.length - start + 1, numCols: width } },
  };
}

/** Row (1-based) of the Answers table header. */
export const ANSWERS_TABLE_ROW = 7;

/** Data quality lines for links judged unhelpful too often. */
export function flaggedLinkMessages(summary: AnswersSummary): string[] {
  return summary.flagged.map(
    (s) =>
      `Answer link often unhelpful: ${s.url} (topic ${s.topic}) was judged unhelpful ${s.unhelpful} ` +
      `time(s) and helpful ${s.helpful}: review it on the Topics or Answer links tab.`,
  );
}
