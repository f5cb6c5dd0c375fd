/**
 * A mergeable accumulator of KPI inputs: `computeReport` feeds each row to at most two of these
 * (its week and "all time") in one pass, then merges weeks into periods and finalizes.
 */
import type { RowFacts } from './definitions';
import { medianAndP90, rate } from './stats';

/** A label with a number, for ranked breakdowns. */
export interface Ranked {
  label: string;
  value: number;
}

/** First response time statistics (hours). */
export interface FirstResponseStats {
  /** Rows where both Requested at and First response at are date-times (FR >= requested). */
  n: number;
  medianHours: number | null;
  p90Hours: number | null;
  medianBusinessHours: number | null;
  p90BusinessHours: number | null;
  /** Of those n rows, how many were acknowledged within the SLA (business hours <= SLA). */
  withinSla: number;
  withinSlaRate: number | null;
}

/** Time to resolution statistics (days of 24 h). */
export interface ResolutionStats {
  n: number;
  medianDays: number | null;
  p90Days: number | null;
  /** The "closed within N days" threshold used below. */
  withinDays: number;
  /** Of those n rows, how many were resolved within `withinDays` days. */
  resolvedWithinDays: number;
  resolvedWithinDaysRate: number | null;
}

/** The KPI values of one set of rows (a week, a period, all time). */
export interface KpiValues {
  requests: number;
  standardized: number;
  /** standardized ÷ requests */
  standardizedRate: number | null;
  /** Rows with a non-blank Resolution ("resolved"). */
  resolved: number;
  automated: number;
  /** Resolution = Automated answer ÷ resolved */
  automatedRate: number | null;
  docsAnswered: number;
  /** Resolution ∈ {Pointed to existing docs, Automated answer} ÷ resolved */
  docsAnswerRate: number | null;
  misrouted: number;
  /** Resolution = Not a platform request ÷ resolved */
  misroutedRate: number | null;
  firstResponse: FirstResponseStats;
  resolution: ResolutionStats;
  /** Total Time spent (min). */
  minutes: number;
  documentationGaps: number;
  automationCandidates: number;
}

/** Ranked breakdowns of one set of rows (descending value, ties by label A-Z). */
export interface Breakdowns {
  topics: Ranked[];
  channels: Ranked[];
  vfsTeams: Ranked[];
  minutesByVspTeam: Ranked[];
  minutesByTopic: Ranked[];
  documentationGapsByTopic: Ranked[];
  automationCandidatesByTopic: Ranked[];
}

function bump(map: Map<string, number>, key: string, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** Map -> entries ranked by value descending, then label ascending (code-point order); zeros dropped. */
export function rankMap(map: Map<string, number>): Ranked[] {
  const out: Ranked[] = [];
  map.forEach((value, label) => {
    if (value > 0) out.push({ label, value });
  });
  out.sort((a, b) => b.value - a.value || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return out;
}

export class KpiAccumulator {
  requests = 0;
  standardized = 0;
  resolved = 0;
  automated = 0;
  docsAnswered = 0;
  misrouted = 0;
  frtHours: number[] = [];
  frtBusinessHours: number[] = [];
  ttrDays: number[] = [];
  minutes = 0;
  documentationGaps = 0;
  automationCandidates = 0;
  topics = new Map<string, number>();
  channels = new Map<string, number>();
  vfsTeams = new Map<string, number>();
  minutesByVspTeam = new Map<string, number>();
  minutesByTopic = new Map<string, number>();
  gapsByTopic = new Map<string, number>();
  automationByTopic = new Map<string, number>();

  add(f: RowFacts): void {
    this.requests++;
    if (f.standardized) this.standardized++;
    if (f.resolved) this.resolved++;
    if (f.automated) this.automated++;
    if (f.docsAnswered) this.docsAnswered++;
    if (f.misrouted) this.misrouted++;
    if (f.frtHours !== null && f.frtBusinessHours !== null) {
      this.frtHours.push(f.frtHours);
      this.frtBusinessHours.push(f.frtBusinessHours);
    }
    if (f.ttrDays !== null) this.ttrDays.push(f.ttrDays);
    this.minutes += f.minutes;
    bump(this.topics, f.topic, 1);
    bump(this.channels, f.channel, 1);
    bump(this.vfsTeams, f.vfsTeam, 1);
    if (f.minutes > 0) {
      bump(this.minutesByVspTeam, f.vspTeam, f.minutes);
      bump(this.minutesByTopic, f.topic, f.minutes);
    }
    if (f.documentationGap) {
      this.documentationGaps++;
      bump(this.gapsByTopic, f.topic, 1);
    }
    if (f.automationCandidate) {
      this.automationCandidates++;
      bump(this.automationByTopic, f.topic, 1);
    }
  }

  /** Adds another accumulator's content into this one. */
  merge(o: KpiAccumulator): this {
    this.requests += o.requests;
    this.standardized += o.standardized;
    this.resolved += o.resolved;
    this.automated += o.automated;
    this.docsAnswered += o.docsAnswered;
    this.misrouted += o.misrouted;
    for (const v of o.frtHours) this.frtHours.push(v);
    for (const v of o.frtBusinessHours) this.frtBusinessHours.push(v);
    for (const v of o.ttrDays) this.ttrDays.push(v);
    this.minutes += o.minutes;
    this.documentationGaps += o.documentationGaps;
    this.automationCandidates += o.automationCandidates;
    const pairs: [Map<string, number>, Map<string, number>][] = [
      [this.topics, o.topics],
      [this.channels, o.channels],
      [this.vfsTeams, o.vfsTeams],
      [this.minutesByVspTeam, o.minutesByVspTeam],
      [this.minutesByTopic, o.minutesByTopic],
      [this.gapsByTopic, o.gapsByTopic],
      [this.automationByTopic, o.automationByTopic],
    ];
    for (const [into, from] of pairs) from.forEach((v, k) => bump(into, k, v));
    return this;
  }

  /**
   * The KPI values. `slaHours`: the acknowledgement SLA in business hours; `withinDays`: the
   * "resolved within N days" threshold.
   */
  values(slaHours: number, withinDays = 1): KpiValues {
    const frt = medianAndP90(this.frtHours);
    const frtB = medianAndP90(this.frtBusinessHours);
    const ttr = medianAndP90(this.ttrDays);
    // Compare in ms-rounded hours so 3 h computed from ms is exactly 3.
    const limit = slaHours + 1e-9;
    let withinSla = 0;
    for (const h of this.frtBusinessHours) if (h <= limit) withinSla++;
    let fast = 0;
    for (const d of this.ttrDays) if (d <= withinDays + 1e-9) fast++;
    return {
      requests: this.requests,
      standardized: this.standardized,
      standardizedRate: rate(this.standardized, this.requests),
      resolved: this.resolved,
      automated: this.automated,
      automatedRate: rate(this.automated, this.resolved),
      docsAnswered: this.docsAnswered,
      docsAnswerRate: rate(this.docsAnswered, this.resolved),
      misrouted: this.misrouted,
      misroutedRate: rate(this.misrouted, this.resolved),
      firstResponse: {
        n: frt.n,
        medianHours: frt.median,
        p90Hours: frt.p90,
        medianBusinessHours: frtB.median,
        p90BusinessHours: frtB.p90,
        withinSla,
        withinSlaRate: rate(withinSla, frt.n),
      },
      resolution: {
        n: ttr.n,
        medianDays: ttr.median,
        p90Days: ttr.p90,
        withinDays,
        resolvedWithinDays: fast,
        resolvedWithinDaysRate: rate(fast, ttr.n),
      },
      minutes: this.minutes,
      documentationGaps: this.documentationGaps,
      automationCandidates: this.automationCandidates,
    };
  }

  breakdowns(): Breakdowns {
    return {
      topics: rankMap(this.topics),
      channels: rankMap(this.channels),
      vfsTeams: rankMap(this.vfsTeams),
      minutesByVspTeam: rankMap(this.minutesByVspTeam),
      minutesByTopic: rankMap(this.minutesByTopic),
      documentationGapsByTopic: rankMap(this.gapsByTopic),
      automationCandidatesByTopic: rankMap(this.automationByTopic),
    };
  }
}
