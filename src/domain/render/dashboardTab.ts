/**
 * The add-on's Dashboard tab (issue 13), pure: the public dashboard's JSON (the very object
 * `doGet ?format=json` serves, suppression included) laid out as rows for a sheet tab, so that
 * the tab can be published on its own with File > Share > Publish to web. It holds exactly the
 * JSON's aggregates: no row text, requester, email or link can reach it.
 */
import type { DashboardJson } from './dashboard';
import { formatGoal, formatKpiValue } from './format';

export type TabCell = string | number;

export interface DashboardTab {
  values: TabCell[][];
  formats: string[][];
}

const TEXT = '@';
// Whole numbers get '0': Sheets shows '0.###' on 15 as "15." (a trailing point).
const NUMBER = '0.###';
const WHOLE = '0';

/** The Dashboard tab of a dashboard JSON. Numbers stay numbers (the same values as the JSON). */
export function dashboardTab(j: DashboardJson): DashboardTab {
  const rows: TabCell[][] = [];
  const period = j.breakdowns.period;
  rows.push([j.title]);
  rows.push(['Generated at', j.generatedAt, 'Time zone', j.timeZone]);
  rows.push(['Week', j.week.start, j.week.end]);
  rows.push(['Small-count threshold', j.smallCountThreshold, 'Smaller counts are hidden']);
  rows.push([]);
  rows.push(['KPI (last complete week)', 'Value', 'Shown as', 'Goal']);
  for (const k of j.kpis)
    rows.push([
      k.label,
      k.value ?? '',
      formatKpiValue(k.value, k.unit),
      formatGoal(k.goal ?? undefined, k.unit),
    ]);
  rows.push([]);
  rows.push(['Week starting', ...j.trends.series.map((s) => s.label)]);
  j.trends.weeks.forEach((w, i) => {
    rows.push([w, ...j.trends.series.map((s) => s.values[i] ?? '')]);
  });
  for (const [title, items] of [
    [`Requests by VFS team (${period})`, j.breakdowns.byTeam],
    [`Requests by topic (${period})`, j.breakdowns.byTopic],
  ] as const) {
    rows.push([]);
    rows.push([title, 'Count', 'Shown as']);
    for (const b of items) rows.push([b.name, b.count ?? '', b.display]);
  }
  const width = Math.max(4, ...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...new Array<TabCell>(width - r.length).fill('')]);
  const formats = values.map((r) =>
    r.map((v) => (typeof v === 'number' ? (Number.isInteger(v) ? WHOLE : NUMBER) : TEXT)),
  );
  return { values, formats };
}
