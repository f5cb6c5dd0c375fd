/**
 * Text primitives for normalization: whitespace cleanup, comparison keys, tokens with common
 * abbreviations expanded, and the edit-distance / token-overlap similarity used by fuzzy matching
 * and clustering. Pure functions, no Apps Script globals.
 */

/** Longest cell Sheets accepts; longer or equal values are never rewritten. */
export const MAX_CELL_CHARS = 50000;

/**
 * Trims a value and collapses runs of whitespace to one space. With `keepLines`, line breaks are
 * kept (each line trimmed, blank-line runs squeezed to one blank line) so multi-line notes survive.
 */
export function cleanText(s: string, keepLines = false): string {
  if (!keepLines) return s.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v\u00a0\u200b\ufeff]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Abbreviations expanded before comparing tokens ("tools-fe" ~ "Frontend tools"). Kept small on
 * purpose: every entry must be unambiguous in a support-tracking context.
 */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  fe: 'frontend',
  'front-end': 'frontend',
  be: 'backend',
  'back-end': 'backend',
  ops: 'operations',
  a11y: 'accessibility',
  mgmt: 'management',
  svc: 'service',
  svcs: 'services',
  eng: 'engineering',
  auth: 'authentication',
  admin: 'administration',
  info: 'information',
  collab: 'collaboration',
  acct: 'account',
  accts: 'accounts',
  env: 'environment',
  apps: 'applications',
  app: 'application',
  envs: 'environments',
  db: 'database',
  docs: 'documentation',
  doc: 'documentation',
  req: 'request',
  reqs: 'requests',
};

/** Words that carry no meaning when comparing names. */
const STOPWORDS: ReadonlySet<string> = new Set([
  'the',
  'and',
  'of',
  'for',
  'a',
  'an',
  'team',
  'teams',
]);

/** Lower-case comparison key: punctuation becomes space, `&` becomes "and", whitespace collapsed. */
export function normKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Light stemming: plural "s" and "ing"/"ed" endings, so "errors" ~ "error", "failing" ~ "fail". */
export function stem(token: string): string {
  if (token.length > 5 && token.endsWith('ing')) return token.slice(0, -3);
  if (token.length > 4 && token.endsWith('ies')) return `${token.slice(0, -3)}y`;
  if (token.length > 4 && token.endsWith('ed')) return token.slice(0, -2);
  if (token.length > 3 && token.endsWith('s') && !token.endsWith('ss')) return token.slice(0, -1);
  return token;
}

/**
 * Significant tokens of a value: lower-cased, abbreviations expanded, stop words removed (unless
 * nothing else is left), stemmed.
 */
export function tokens(s: string): string[] {
  // Expand multi-character abbreviations that contain punctuation before splitting.
  const lowered = s
    .toLowerCase()
    .replace(/front-end/g, 'frontend')
    .replace(/back-end/g, 'backend');
  const raw = normKey(lowered)
    .split(' ')
    .filter((t) => t.length > 0)
    .flatMap((t) => (ABBREVIATIONS[t] ?? t).split(' '));
  const significant = raw.filter((t) => !STOPWORDS.has(t));
  return (significant.length > 0 ? significant : raw).map(stem);
}

/**
 * Edit distance (optimal string alignment: insertions, deletions, substitutions and transpositions
 * of adjacent characters, each costing 1, so the typo "reveiw" is 1 from "review"), with an
 * optional early exit once it exceeds `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      )
        d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length];
}

/** 1 - distance / longer length, in [0, 1]. */
export function editSimilarity(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  if (len === 0) return 1;
  return 1 - editDistance(a, b) / len;
}

/** Two tokens are the same word, allowing one typo in words of 5+ letters. */
function tokenEq(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5) return false;
  return editDistance(a, b, 1) <= 1;
}

/** Dice coefficient of two token lists, where tokens may differ by one typo. */
export function tokenOverlap(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const used = new Array<boolean>(b.length).fill(false);
  let common = 0;
  for (const t of a) {
    const j = b.findIndex((u, k) => !used[k] && tokenEq(t, u));
    if (j >= 0) {
      used[j] = true;
      common++;
    }
  }
  return (2 * common) / (a.length + b.length);
}

/** Every token of `small` is found in `big` (and big has more). */
export function tokensContained(small: readonly string[], big: readonly string[]): boolean {
  if (small.length === 0 || small.length >= big.length) return false;
  return small.every((t) => big.some((u) => tokenEq(t, u)));
}

/** A prepared comparison form of a string, so repeated comparisons do not re-tokenize. */
export interface Prepared {
  key: string;
  tokens: string[];
  /** Sorted, de-duplicated tokens joined: order-insensitive key. */
  bag: string;
}

export function prepare(s: string): Prepared {
  const toks = tokens(s);
  return { key: normKey(s), tokens: toks, bag: Array.from(new Set(toks)).sort().join(' ') };
}

/**
 * Similarity of two prepared strings in [0, 1]: the best of edit similarity on the comparison keys,
 * edit similarity on the order-insensitive token bags, and token overlap. Keys shorter than 4
 * characters only match exactly (so "QA" never becomes "IA").
 */
export function similarity(a: Prepared, b: Prepared): number {
  if (a.key === b.key || (a.bag !== '' && a.bag === b.bag)) return 1;
  if (a.key.length < 4 || b.key.length < 4) return 0;
  return Math.max(
    editSimilarity(a.key, b.key),
    editSimilarity(a.bag, b.bag),
    tokenOverlap(a.tokens, b.tokens),
  );
}

const NUMBER_WORDS: Readonly<Record<string, string>> = {
  zero: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  first: '1',
  second: '2',
  third: '3',
  i: '1',
  ii: '2',
  iii: '3',
  iv: '4',
};

/**
 * The numbers of a value ("Benefits Team 2" -> "2", "Form 21-526EZ" -> "21 526ez", "Team One" ->
 * "1"), order-insensitive. Two values whose signatures differ are never the same list value: a
 * number or form number is what tells them apart.
 */
export function numberSignature(toks: readonly string[]): string {
  const out: string[] = [];
  for (const t of toks) {
    if (NUMBER_WORDS[t]) out.push(NUMBER_WORDS[t]);
    // "team1" -> 1, "526ez" -> 526ez, "007" -> 7.
    else for (const m of t.match(/\d+[a-z]*/g) ?? []) out.push(m.replace(/^0+(?=\d)/, ''));
  }
  return out.sort().join(' ');
}
