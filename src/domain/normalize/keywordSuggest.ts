/**
 * The default topic suggester used when no suggestion model is injected: counts the Topics tab
 * keywords found in a summary (whole words, case-insensitive) and proposes the topic with the most
 * distinct hits, only when it wins clearly. Longer keywords weigh more ("github actions" > "ci").
 */
import type { TopicEntry } from '../schema';
import { normKey } from './text';

/** What a suggester returns: a topic and a confidence in [0, 1], or null for "no idea". */
export interface Suggestion {
  topic: string;
  confidence: number;
}
export type SuggestFn = (summary: string) => Suggestion | null;

/** Builds the keyword suggester over the active topics. */
export function keywordSuggester(topics: readonly TopicEntry[]): SuggestFn {
  const compiled = topics
    .filter((t) => !t.disabled && t.value.trim() !== '')
    .map((t) => ({
      topic: t.value.trim(),
      keys: Array.from(new Set(t.keywords.map(normKey).filter((k) => k !== ''))),
    }))
    .filter((t) => t.keys.length > 0);
  return (summary: string): Suggestion | null => {
    const text = ` ${normKey(summary)} `;
    if (text.trim() === '') return null;
    const scores = compiled
      .map((t) => ({
        topic: t.topic,
        score: t.keys.reduce(
          (sum, k) => (text.includes(` ${k} `) ? sum + k.split(' ').length : sum),
          0,
        ),
      }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || a.topic.localeCompare(b.topic));
    const [first, second] = scores;
    if (!first || (second && second.score === first.score)) return null;
    const confidence = Math.min(0.95, first.score / (first.score + (second?.score ?? 0) + 1));
    return { topic: first.topic, confidence: Math.round(confidence * 100) / 100 };
  };
}
