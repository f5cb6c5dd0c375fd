/**
 * Doc links learned from use (issue 12, item 14): when people log requests with a Topic and a Docs
 * link, the most used link of a topic that has no Doc link yet is proposed as its Doc link. Data
 * quality lists the proposals; one click accepts one (src/gas/docLinks.ts). Pure.
 */
import type { TopicEntry } from './schema';

/** A proposed Doc link for a topic. */
export interface DocLinkProposal {
  topic: string;
  link: string;
  /** Requests of that topic logged with that Docs link. */
  uses: number;
}

/** Counts (topic, docs link) pairs as rows are scanned. Keys are the topic as typed, trimmed. */
export class DocLinkCounter {
  readonly byTopic = new Map<string, Map<string, number>>();

  add(topic: unknown, link: unknown): void {
    if (typeof topic !== 'string' || typeof link !== 'string') return;
    const t = topic.trim().toLowerCase();
    const l = link.trim();
    if (!t || !/^https?:\/\/\S+$/i.test(l) || l.length > 2000) return;
    let links = this.byTopic.get(t);
    if (!links) {
      links = new Map();
      this.byTopic.set(t, links);
    }
    links.set(l, (links.get(l) ?? 0) + 1);
  }
}

/** Most proposals listed (the most used first). */
export const MAX_PROPOSALS = 50;

/**
 * For every active topic without a Doc link, the link its requests used most (ties: the
 * alphabetically first link), most used first.
 */
export function proposeDocLinks(
  counter: DocLinkCounter,
  topics: readonly TopicEntry[],
): DocLinkProposal[] {
  const out: DocLinkProposal[] = [];
  for (const t of topics) {
    if (t.disabled || t.docLink.trim()) continue;
    const links = counter.byTopic.get(t.value.trim().toLowerCase());
    if (!links) continue;
    let best: [string, number] | null = null;
    for (const [link, n] of links)
      if (!best || n > best[1] || (n === best[1] && link < best[0])) best = [link, n];
    if (best) out.push({ topic: t.value, link: best[0], uses: best[1] });
  }
  out.sort((a, b) => b.uses - a.uses || (a.topic < b.topic ? -1 : 1));
  return out.slice(0, MAX_PROPOSALS);
}
