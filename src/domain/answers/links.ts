/**
 * The answer index and its ranking: the Answers config (tab names, limits, outcomes), answer links
 * from the Topics and Answer links tabs, feedback weights, and the doc links ranked for a question.
 */
import { safeUrl } from '../render/escape';
import type { TopicEntry } from '../schema';
import { keywordMatches, modelPosterior, tokenize, type SuggestModel } from '../suggest';

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

/** A cell as trimmed text (null and undefined: empty). */
export function cellText(v: unknown): string {
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
