/**
 * The public KPI dashboard: a complete, accessible HTML page (no script, no external resource)
 * and the same aggregates as JSON. Pure. It renders DashboardData, which by construction holds
 * aggregates only (see ./fromReport.ts): no summary, requester, email, link or notes.
 */
import { escapeHtml } from './escape';
import {
  formatDay,
  formatDayRange,
  formatGoal,
  formatKpiRowValue,
  formatKpiValue,
  formatN,
  meetsGoal,
  minNNote,
} from './format';
import type {
  DashboardData,
  KpiGoal,
  KpiRow,
  KpiUnit,
  SuppressedCount,
  TrendSeries,
} from './model';
import { sparklineSvg } from './svg';
import { countLabel } from './suppress';

/** The JSON shape served by `?format=json` (version 1). */
export interface DashboardJson {
  version: 1;
  published: true;
  title: string;
  generatedAt: string;
  timeZone: string;
  smallCountThreshold: number;
  week: { start: string; end: string };
  kpis: {
    key: string;
    label: string;
    unit: KpiUnit;
    value: number | null;
    goal: KpiGoal | null;
    /** Requests the value is computed from (null for counts and totals). */
    n: number | null;
    /** True when the value is hidden because n is below the minimum n. */
    tooFew: boolean;
  }[];
  /** The minimum n below which a median, p90 or rate shows "too few to tell". */
  minN: number | null;
  trends: {
    weeks: string[];
    series: {
      key: string;
      label: string;
      unit: KpiUnit;
      values: (number | null)[];
      goal: KpiGoal | null;
    }[];
  };
  breakdowns: {
    period: string;
    byTeam: BreakdownJson[];
    byTopic: BreakdownJson[];
  };
}

interface BreakdownJson {
  name: string;
  /** null when suppressed (under the threshold). */
  count: number | null;
  suppressed: boolean;
  display: string;
}

/** The JSON served when publishing is switched off. */
export interface NotPublishedJson {
  version: 1;
  published: false;
  message: string;
}

export const NOT_PUBLISHED_MESSAGE = 'This dashboard is not published.';

/** Builds the JSON aggregates (same numbers as the HTML page). */
export function dashboardJson(d: DashboardData): DashboardJson {
  const breakdown = (items: SuppressedCount[]): BreakdownJson[] =>
    items.map((c) => ({
      name: c.name,
      count: c.suppressed ? null : c.count,
      suppressed: c.suppressed,
      display: countLabel(c, d.threshold),
    }));
  return {
    version: 1,
    published: true,
    title: d.title,
    generatedAt: d.generatedAt,
    timeZone: d.timeZone,
    smallCountThreshold: d.threshold,
    week: { start: d.weekStart, end: d.weekEnd },
    kpis: d.kpis.map((k) => ({
      key: k.key,
      label: k.label,
      unit: k.unit,
      value: k.value,
      goal: k.goal ?? null,
      n: k.n ?? null,
      tooFew: k.tooFew === true,
    })),
    minN: d.minN ?? null,
    trends: {
      weeks: [...d.trends.weeks],
      series: d.trends.series.map((s) => ({
        key: s.key,
        label: s.label,
        unit: s.unit,
        values: [...s.values],
        goal: s.goal ?? null,
      })),
    },
    breakdowns: {
      period: d.breakdownPeriod,
      byTeam: breakdown(d.byTeam),
      byTopic: breakdown(d.byTopic),
    },
  };
}

/** JSON for the "not published" state. */
export function notPublishedJson(): NotPublishedJson {
  return { version: 1, published: false, message: NOT_PUBLISHED_MESSAGE };
}

const STYLE = `
body{margin:0;font-family:Arial,Helvetica,sans-serif;color:#1b1b1b;background:#ffffff;line-height:1.5}
main{max-width:1040px;margin:0 auto;padding:16px 20px 40px}
h1{font-size:1.75rem;margin:8px 0 4px}
h2{font-size:1.3rem;margin:32px 0 8px;border-bottom:2px solid #dfe1e2;padding-bottom:4px}
p.meta{color:#3d4551;margin:0}
table{border-collapse:collapse;width:100%;margin:8px 0 16px}
caption{text-align:left;font-weight:bold;padding:4px 0;color:#1b1b1b}
th,td{border-bottom:1px solid #dfe1e2;padding:6px 8px;text-align:left;vertical-align:middle}
thead th{background:#f0f0f0}
tbody th{font-weight:normal}
td.num,th.num{text-align:right}
.met{color:#00703c;font-weight:bold}
.missed{color:#b50909;font-weight:bold}
.suppressed{color:#3d4551;font-style:italic}
.cards{display:flex;flex-wrap:wrap;gap:12px;list-style:none;padding:0;margin:0}
.cards li{border:1px solid #a9aeb1;border-radius:4px;padding:10px 12px;min-width:240px;flex:1 1 240px}
.cards .label{font-weight:bold;display:block}
.cards .value{font-size:1.5rem;display:block}
.cards .n{display:block;font-size:.85rem;color:#565c65}
.note{color:#565c65;font-size:.9rem}
.cards .goal{color:#3d4551;display:block}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
footer{margin-top:32px;color:#3d4551;font-size:.9rem}
`;

/** The dashboard page. */
export function renderDashboardHtml(d: DashboardData): string {
  const week = formatDayRange(d.weekStart, d.weekEnd, true);
  const body = [
    `<header><h1>${escapeHtml(d.title)}</h1>`,
    `<p class="meta">Last complete week: ${escapeHtml(week)}. Updated ${escapeHtml(formatGenerated(d.generatedAt))} (${escapeHtml(d.timeZone)}).</p></header>`,
    '<main>',
    kpiSection(d),
    trendSection(d),
    breakdownSection('By VFS team', 'teams', d.byTeam, d),
    breakdownSection('By topic', 'topics', d.byTopic, d),
    `<footer><p>Aggregates only: no request text, requester, email address or link is published. Counts under ${escapeHtml(
      d.threshold,
    )} are shown as “fewer than ${escapeHtml(d.threshold)}”, and when one could be worked out from the total, another count is shown as “${escapeHtml(
      d.threshold,
    )} or more”. The same numbers are available as JSON with <code>?format=json</code>.</p></footer>`,
    '</main>',
  ].join('\n');
  return page(d.title, body);
}

/** The plain page shown when Settings say the dashboard is not published. */
export function renderNotPublishedHtml(): string {
  return renderMessagePage(
    'Dashboard not published',
    `${NOT_PUBLISHED_MESSAGE} Ask the support team if you need the numbers.`,
  );
}

/** A plain page with a heading and one escaped message (not published, not ready...). */
export function renderMessagePage(title: string, message: string): string {
  return page(title, `<main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main>`);
}

function page(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
  ].join('\n');
}

function formatGenerated(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

function statusHtml(k: Pick<KpiRow, 'value' | 'goal'>): string {
  const met = meetsGoal(k);
  if (met === null) return '';
  return met ? '<span class="met">Meets goal</span>' : '<span class="missed">Below goal</span>';
}

function kpiSection(d: DashboardData): string {
  if (d.kpis.length === 0)
    return '<section aria-labelledby="kpis-h"><h2 id="kpis-h">Key indicators</h2><p>No data yet.</p></section>';
  const cards = d.kpis.map((k) => {
    const goal = formatGoal(k.goal, k.unit);
    const n = formatN(k);
    return `<li><span class="label">${escapeHtml(k.label)}</span><span class="value">${escapeHtml(
      formatKpiRowValue(k),
    )}</span>${n ? `<span class="n">${escapeHtml(n)}</span>` : ''}${goal ? `<span class="goal">Goal ${escapeHtml(goal)} ${statusHtml(k)}</span>` : ''}</li>`;
  });
  return [
    '<section aria-labelledby="kpis-h">',
    '<h2 id="kpis-h">Key indicators</h2>',
    `<ul class="cards">${cards.join('')}</ul>`,
    `<p class="note">${escapeHtml(minNNote(d.minN))}</p>`,
    '</section>',
  ].join('\n');
}

function trendSection(d: DashboardData): string {
  const { weeks, series } = d.trends;
  if (weeks.length === 0 || series.length === 0) {
    return '<section aria-labelledby="trends-h"><h2 id="trends-h">12-week trends</h2><p>No data yet.</p></section>';
  }
  const first = formatDay(weeks[0]);
  const last = formatDay(weeks[weeks.length - 1]);
  const charts = series.map((s, i) => {
    const lastValue = s.values[s.values.length - 1] ?? null;
    const title = `${s.label}, weekly from ${first} to ${last}; latest ${formatKpiValue(lastValue, s.unit)}`;
    const svg = sparklineSvg(s.values, {
      title,
      id: `trend-${i}`,
      goal: s.goal,
      ...(s.unit === 'rate' ? { min: 0, max: 1 } : {}),
    });
    return `<li><span class="label">${escapeHtml(s.label)}</span>${svg}<span class="goal">Latest ${escapeHtml(
      formatKpiValue(lastValue, s.unit),
    )}${s.goal ? `, goal ${escapeHtml(formatGoal(s.goal, s.unit))}` : ''}</span></li>`;
  });
  return [
    '<section aria-labelledby="trends-h">',
    '<h2 id="trends-h">12-week trends</h2>',
    `<ul class="cards">${charts.join('')}</ul>`,
    trendTable(weeks, series),
    '</section>',
  ].join('\n');
}

function trendTable(weeks: string[], series: TrendSeries[]): string {
  const head = `<tr><th scope="col">Week of</th>${series
    .map((s) => `<th scope="col" class="num">${escapeHtml(s.label)}</th>`)
    .join('')}</tr>`;
  const rows = weeks.map(
    (w, i) =>
      `<tr><th scope="row">${escapeHtml(w)}</th>${series
        .map(
          (s) => `<td class="num">${escapeHtml(formatKpiValue(s.values[i] ?? null, s.unit))}</td>`,
        )
        .join('')}</tr>`,
  );
  return `<table><caption>Weekly values of each indicator, last ${weeks.length} weeks</caption><thead>${head}</thead><tbody>${rows.join(
    '',
  )}</tbody></table>`;
}

function breakdownSection(
  title: string,
  id: string,
  items: SuppressedCount[],
  d: DashboardData,
): string {
  const hId = `${id}-h`;
  if (items.length === 0) {
    return `<section aria-labelledby="${hId}"><h2 id="${hId}">${escapeHtml(title)}</h2><p>No requests in the ${escapeHtml(
      d.breakdownPeriod,
    )}.</p></section>`;
  }
  const rows = items.map(
    (c) =>
      `<tr><th scope="row">${escapeHtml(c.name)}</th><td class="num${c.suppressed ? ' suppressed' : ''}">${escapeHtml(
        countLabel(c, d.threshold),
      )}</td></tr>`,
  );
  return [
    `<section aria-labelledby="${hId}">`,
    `<h2 id="${hId}">${escapeHtml(title)}</h2>`,
    `<table><caption>Requests by ${id === 'teams' ? 'VFS team' : 'topic'}, ${escapeHtml(d.breakdownPeriod)}</caption>`,
    `<thead><tr><th scope="col">${id === 'teams' ? 'VFS team' : 'Topic'}</th><th scope="col" class="num">Requests</th></tr></thead>`,
    `<tbody>${rows.join('')}</tbody></table>`,
    '</section>',
  ].join('\n');
}
