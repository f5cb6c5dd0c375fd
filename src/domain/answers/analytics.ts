/**
 * Answers analytics: per topic and doc link counts, the self-service and automated response rates
 * of a period, the Answers tab block and the flagged-link messages.
 */
import type { Block, Cell } from '../kpi/block';
import { UNHELPFUL_FLAG_MIN, type AnswerLink } from './links';
import type { AskEvent } from './askLog';

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
