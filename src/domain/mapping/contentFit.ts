/**
 * Content evidence of the mapping engine: how well a column's profiled values fit each standard
 * field (a score, a reason, a veto, or "distinctive" when the content alone names the field).
 */
import { FIELD_BY_KEY, type FieldKey, type ListKey } from '../schema';
import type { HeaderEvidence } from './vocabulary';
import { LIST_LABELS, type ColumnProfile } from './profile';

const LIST_OF: Partial<Record<FieldKey, ListKey>> = {
  vfsTeam: 'teams',
  channel: 'channel',
  topic: 'topics',
  suggestedTopic: 'topics',
  vspTeam: 'vspTeam',
  practiceArea: 'practiceArea',
  requestType: 'requestType',
  status: 'status',
  resolution: 'resolution',
};
export const TIME_FIELDS: readonly FieldKey[] = [
  'loggedAt',
  'requestedAt',
  'firstResponseAt',
  'resolvedAt',
];

export interface Fit {
  score: number;
  reason?: string;
  /** The content alone identifies the field (no header needed). */
  distinctive?: boolean;
}

const VETO: Fit = { score: -10 };
const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** The best list for a column's values and its share, with the runner-up share. */
function bestList(p: ColumnProfile): { list: ListKey | null; share: number; second: number } {
  let list: ListKey | null = null;
  let share = 0;
  let second = 0;
  for (const [k, v] of Object.entries(p.lists) as [ListKey, number][]) {
    if (v > share) {
      second = share;
      share = v;
      list = k;
    } else if (v > second) second = v;
  }
  return { list, share, second };
}

/** How well a column's content fits a field; a handful of values weighs less (not vetoes). */
export function contentFit(field: FieldKey, p: ColumnProfile, ev: HeaderEvidence): Fit {
  const fit = rawContentFit(field, p, ev);
  if (p.filled >= 5 || fit.score <= -10) return fit;
  return { ...fit, score: fit.score * (p.filled / 5), distinctive: false };
}

function rawContentFit(field: FieldKey, p: ColumnProfile, ev: HeaderEvidence): Fit {
  if (p.filled === 0) return { score: 0 };
  const dates = p.date;
  const textish = 1 - dates - p.number - p.boolean - p.duration;
  const def = FIELD_BY_KEY[field];
  if (TIME_FIELDS.includes(field)) {
    if (ev.elapsed || p.duration > 0.3) return VETO;
    if (dates >= 0.8)
      return {
        score: 0.4,
        reason: `${pct(dates)} of values are ${p.dateTime >= 0.5 ? 'date-times' : 'dates'}`,
        distinctive: false,
      };
    return dates < 0.3 ? VETO : { score: -0.3 };
  }
  if (dates >= 0.5) return VETO;
  switch (def.type) {
    case 'id': {
      if (p.distinct >= 0.95 && (p.idLike >= 0.8 || (p.integer >= 0.9 && p.number >= 0.9)))
        return { score: 0.4, reason: `values are unique IDs (${pct(p.distinct)} distinct)` };
      if (p.longText > 0.3 || p.boolean > 0.5) return VETO;
      if (p.email + p.url + p.person + p.duration >= 0.5 || p.avgWords >= 2.5)
        return { score: -0.6 };
      return p.distinct < 0.8 ? { score: -0.6 } : { score: 0 };
    }
    case 'email': {
      const l = bestList(p);
      if (l.list && l.share >= 0.5)
        return { score: -0.8, reason: `${pct(l.share)} of values are ${LIST_LABELS[l.list]}` };
      if (p.idLike >= 0.5 || p.duration >= 0.5) return VETO;
      if (p.email >= 0.6) return { score: 0.35, reason: `${pct(p.email)} of values are emails` };
      if (p.person >= 0.6) return { score: 0.2, reason: `values look like people` };
      if (p.number > 0.5 || p.url > 0.3 || p.longText > 0.3 || p.boolean > 0.5) return VETO;
      return { score: -0.3 };
    }
    case 'text': {
      if (field === 'requester') {
        const l = bestList(p);
        if (l.list && l.share >= 0.5)
          return { score: -0.8, reason: `${pct(l.share)} of values are ${LIST_LABELS[l.list]}` };
        if (p.idLike >= 0.5 || p.duration >= 0.5) return VETO;
        if (p.email >= 0.6) return { score: 0.35, reason: `${pct(p.email)} of values are emails` };
        if (p.person >= 0.6) return { score: 0.3, reason: `values look like people's names` };
        if (p.number > 0.5 || p.url > 0.3 || p.longText > 0.3 || p.boolean > 0.5) return VETO;
        return { score: -0.3 };
      }
      if (p.number > 0.5 || p.boolean > 0.5 || p.url > 0.5 || p.email > 0.5) return VETO;
      if (p.idLike >= 0.7) return { score: -0.6, reason: 'values are IDs' };
      if (p.person >= 0.7 && p.longText < 0.2)
        return { score: -0.5, reason: "values are people's names" };
      const list = bestList(p);
      if (list.share >= 0.6) return { score: -0.6 };
      if (field === 'summary') {
        if (p.longText >= 0.5 && p.distinct >= 0.6 && p.filled / Math.max(1, p.rows) >= 0.6)
          return {
            score: 0.4,
            reason: `long free text (${pct(p.longText)} of values), nearly all different`,
            distinctive: true,
          };
        if (p.distinct >= 0.7 && p.avgLength >= 15) return { score: 0.2, reason: 'free text' };
        if (p.distinct < 0.5 && p.avgWords < 2.5) return { score: -0.5 };
        return { score: 0 };
      }
      // notes
      if (p.longText >= 0.3 || p.avgLength >= 20) return { score: 0.2, reason: 'free text' };
      if (p.distinct < 0.3) return { score: -0.15 };
      return { score: 0 };
    }
    case 'url': {
      if (p.url < 0.5) return p.filled >= 3 && textish > 0.5 ? VETO : { score: -0.5 };
      if (field === 'link') {
        if (p.slackUrl + p.githubUrl >= 0.5)
          return {
            score: 0.5,
            reason: `values are ${p.slackUrl >= p.githubUrl ? 'Slack' : 'GitHub'} links`,
            distinctive: true,
          };
        return { score: 0.2, reason: 'values are links' };
      }
      if (p.slackUrl >= 0.5) return { score: -0.6 };
      return { score: 0.3, reason: 'values are links (not Slack threads)' };
    }
    case 'checkbox': {
      if (p.boolean >= 0.8)
        return { score: 0.35, reason: `${pct(p.boolean)} of values are yes/no or check marks` };
      return VETO;
    }
    case 'minutes': {
      if (ev.elapsed) return VETO;
      if (p.number > 0 && p.median !== null && p.median < 0) return VETO;
      if (p.number + p.duration >= 0.6)
        return {
          score: 0.3,
          reason: p.duration >= 0.5 ? 'values are durations' : 'values are numbers (a duration)',
        };
      if (p.number + p.duration >= 0.3) return { score: 0, reason: 'some values are durations' };
      return VETO;
    }
    case 'list': {
      const own = LIST_OF[field] as ListKey;
      const share = p.lists[own] ?? 0;
      const best = bestList(p);
      if (p.number > 0.5 || p.url > 0.3 || p.email > 0.3 || p.boolean > 0.7) return VETO;
      if (p.longText > 0.5 && share < 0.3) return VETO;
      if (share < 0.3 && p.idLike >= 0.5) return { score: -0.6, reason: 'values are IDs' };
      if (
        share < 0.1 &&
        p.person >= 0.6 &&
        p.filled >= 10 &&
        p.configured.includes(own) &&
        (own === 'teams' || own === 'vspTeam')
      )
        return {
          score: -0.4,
          reason: `values look like people's names, none is in ${LIST_LABELS[own]}`,
        };
      // Team names look like people's names; other labels do not.
      if (share < 0.3 && p.person >= 0.6 && own !== 'teams' && own !== 'vspTeam')
        return { score: -0.5, reason: "values are people's names" };
      if (share < 0.4 && (p.longText >= 0.25 || p.avgWords >= 3.5))
        return { score: -0.6, reason: 'values are sentences (not labels)' };
      if (share < 0.3 && p.filled >= 10 && p.distinct >= 0.9)
        return { score: -0.4, reason: 'values are nearly all different (not labels)' };
      // Another list's values contradict the header (strong headers need strong evidence).
      const against = (ev.scores[field]?.score ?? 0) >= 0.95 ? 0.8 : 0.5;
      if (best.list && best.list !== own && best.share >= against && best.share >= share + 0.25)
        return {
          score: -0.8 * best.share,
          reason: `${pct(best.share)} of values are ${LIST_LABELS[best.list]}`,
        };
      if (share >= 0.5)
        return {
          score: 0.3 + share * 0.7,
          reason: `${pct(share)} of values are ${LIST_LABELS[own]}`,
          distinctive:
            (share >= 0.7 || (share >= 0.5 && (p.listsAny[own] ?? 0) >= 0.8)) &&
            share >= best.second + 0.3,
        };
      if (share >= 0.2)
        return { score: share * 0.6, reason: `${pct(share)} of values are ${LIST_LABELS[own]}` };
      if (p.distinct <= 0.5 && p.avgLength <= 40 && p.filled >= 10)
        return { score: 0.05, reason: 'short repeated labels' };
      if (p.avgLength <= 40 && p.longText < 0.2) return { score: 0 };
      return { score: -0.3 };
    }
    default:
      return { score: 0 };
  }
}
