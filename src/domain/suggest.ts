/**
 * Topic suggestion for the sidebar. Pure: no Apps Script globals.
 *
 * Two sources, in order:
 * 1. the Topics tab's Keywords column: a keyword phrase found in the summary (on word boundaries);
 * 2. a multinomial naive Bayes model over word tokens, learned server-side from the sheet's own
 *    standardized rows (Summary -> Topic), shipped compactly in getFormOptions.
 *
 * `suggestTopic` runs in the browser on every keystroke: no server call.
 */
import { round2 } from './round';

/** Compact, JSON-serialisable suggestion model. */
export interface SuggestModel {
  v: 1;
  /** Active topics, by index. */
  topics: string[];
  /** Keyword phrases (normalized tokens joined by a space) -> topic indexes. */
  keywords: [string, number][];
  /** Vocabulary, by token index. */
  vocab: string[];
  /** Per topic: number of training documents. */
  docs: number[];
  /** Per topic: total token count (over vocab tokens). */
  totals: number[];
  /** Per topic: sparse token counts as a flat [tokenIndex, count, tokenIndex, count, ...]. */
  counts: number[][];
}

export interface Suggestion {
  topic: string;
  /** 0..1 */
  confidence: number;
  source: 'keyword' | 'model';
}

export interface BuildOptions {
  /** Maximum vocabulary size (most frequent tokens kept). Default 1500. */
  maxVocab?: number;
  /** A token must appear in at least this many training summaries. Default 2. */
  minDocFreq?: number;
}

export interface TrainingRow {
  summary: string;
  topic: string;
}

export interface TopicKeywords {
  topic: string;
  /** Keywords as listed on the Topics tab (already split, or one comma-separated string). */
  keywords: string[] | string;
}

const STOPWORDS = new Set(
  (
    'a an and are as at be been but by can could do does for from has have hi hello how i if in ' +
    'into is it its me my need needs no not of on or our please so some that the their them then ' +
    'there these they this to up us was we were what when where which who why will with would you ' +
    'your thanks thank hey anyone help question get got just about any also'
  ).split(' '),
);

/** Lower-cased word tokens of a text, without stopwords and one-letter tokens. */
export function tokenize(text: string): string[] {
  const words = String(text ?? '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/);
  return words.filter((w) => w.length > 1 && !STOPWORDS.has(w));
}

/** Tokens including stopwords (used for keyword phrase matching). */
function words(text: string): string[] {
  return String(text ?? '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

function splitKeywords(k: string[] | string): string[] {
  const list = Array.isArray(k) ? k : String(k ?? '').split(/[,;\n]/);
  return list.map((s) => words(s).join(' ')).filter((s) => s.length > 0);
}

/**
 * Builds the suggestion model from the active topics (with their keywords) and the standardized
 * rows of the sheet. Rows whose topic is not an active topic are ignored.
 */
export function buildSuggestModel(
  topics: TopicKeywords[],
  rows: TrainingRow[],
  options: BuildOptions = {},
): SuggestModel {
  const maxVocab = options.maxVocab ?? 1500;
  const minDocFreq = options.minDocFreq ?? 2;
  const names = topics.map((t) => t.topic);
  const index = new Map<string, number>();
  names.forEach((n, i) => index.set(n.toLowerCase(), i));

  const keywords: [string, number][] = [];
  const seen = new Set<string>();
  topics.forEach((t, i) => {
    for (const k of splitKeywords(t.keywords)) {
      const key = `${k}\u0000${i}`;
      if (seen.has(key)) continue;
      seen.add(key);
      keywords.push([k, i]);
    }
  });

  // Document frequency and total frequency per token.
  const docs = names.map(() => 0);
  const docTokens: { t: number; tokens: string[] }[] = [];
  const df = new Map<string, number>();
  const tf = new Map<string, number>();
  for (const row of rows) {
    const ti = index.get(String(row.topic ?? '').toLowerCase());
    if (ti === undefined) continue;
    const tokens = tokenize(row.summary);
    if (tokens.length === 0) continue;
    docs[ti]++;
    docTokens.push({ t: ti, tokens });
    for (const tok of new Set(tokens)) df.set(tok, (df.get(tok) ?? 0) + 1);
    for (const tok of tokens) tf.set(tok, (tf.get(tok) ?? 0) + 1);
  }
  const vocab = [...df.entries()]
    .filter(([, n]) => n >= minDocFreq)
    .sort((a, b) => (tf.get(b[0]) ?? 0) - (tf.get(a[0]) ?? 0) || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxVocab)
    .map(([tok]) => tok)
    .sort();
  const vIndex = new Map(vocab.map((t, i) => [t, i]));

  const perTopic = names.map(() => new Map<number, number>());
  const totals = names.map(() => 0);
  for (const { t, tokens } of docTokens) {
    for (const tok of tokens) {
      const vi = vIndex.get(tok);
      if (vi === undefined) continue;
      perTopic[t].set(vi, (perTopic[t].get(vi) ?? 0) + 1);
      totals[t]++;
    }
  }
  const counts = perTopic.map((m) =>
    [...m.entries()].sort((a, b) => a[0] - b[0]).flatMap(([i, c]) => [i, c]),
  );
  return { v: 1, topics: names, keywords, vocab, docs, totals, counts };
}

/** Topics whose Keywords match the summary, best first (longest, then most matches). */
export function keywordMatches(
  model: SuggestModel,
  summary: string,
): { topic: string; score: number }[] {
  const text = ` ${words(summary).join(' ')} `;
  if (text.trim().length === 0) return [];
  const scores = new Map<number, number>();
  for (const [kw, ti] of model.keywords) {
    if (text.includes(` ${kw} `)) scores.set(ti, (scores.get(ti) ?? 0) + kw.split(' ').length);
  }
  return [...scores.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([ti, score]) => ({ topic: model.topics[ti], score }));
}

/** Naive Bayes posterior over topics for a summary, or null when no token is known. */
export function modelPosterior(model: SuggestModel, summary: string): number[] | null {
  const nTopics = model.topics.length;
  const totalDocs = model.docs.reduce((a, b) => a + b, 0);
  if (nTopics === 0 || totalDocs === 0) return null;
  const vIndex = new Map(model.vocab.map((t, i) => [t, i]));
  const tokens = tokenize(summary)
    .map((t) => vIndex.get(t))
    .filter((i): i is number => i !== undefined);
  if (tokens.length === 0) return null;
  const V = model.vocab.length;
  const alpha = 1;
  const scores: number[] = [];
  for (let t = 0; t < nTopics; t++) {
    if (model.docs[t] === 0) {
      scores.push(-Infinity);
      continue;
    }
    const c = new Map<number, number>();
    const flat = model.counts[t];
    for (let i = 0; i + 1 < flat.length; i += 2) c.set(flat[i], flat[i + 1]);
    const denom = Math.log(model.totals[t] + alpha * V);
    let s = Math.log(model.docs[t] / totalDocs);
    for (const tok of tokens) s += Math.log((c.get(tok) ?? 0) + alpha) - denom;
    scores.push(s);
  }
  const max = Math.max(...scores);
  const exps = scores.map((s) => (s === -Infinity ? 0 : Math.exp(s - max)));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** Minimum model confidence for a suggestion to be shown. */
export const MIN_MODEL_CONFIDENCE = 0.35;

/**
 * Suggests a topic for a summary: a Keywords match first, otherwise the naive Bayes model when it
 * is confident enough; null when neither has anything to say.
 */
export function suggestTopic(model: SuggestModel, summary: string): Suggestion | null {
  if (!model || typeof summary !== 'string' || summary.trim().length < 3) return null;
  const posterior = modelPosterior(model, summary);
  const kw = keywordMatches(model, summary);
  if (kw.length > 0) {
    const best = kw[0];
    const total = kw.reduce((a, k) => a + k.score, 0);
    let confidence = 0.5 + 0.45 * (best.score / total);
    if (posterior) {
      const ti = model.topics.indexOf(best.topic);
      confidence = Math.min(
        0.99,
        confidence * 0.7 + posterior[ti] * 0.3 + (kw.length === 1 ? 0.1 : 0),
      );
    }
    return { topic: best.topic, confidence: round2(confidence), source: 'keyword' };
  }
  if (!posterior) return null;
  let bi = 0;
  for (let i = 1; i < posterior.length; i++) if (posterior[i] > posterior[bi]) bi = i;
  if (posterior[bi] < MIN_MODEL_CONFIDENCE) return null;
  return { topic: model.topics[bi], confidence: round2(posterior[bi]), source: 'model' };
}
