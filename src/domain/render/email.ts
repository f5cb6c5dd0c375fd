/**
 * The weekly summary email: subject, HTML body (tables and inline styles only, no scripts, no
 * external CSS) and a plain-text alternative. Pure: it renders a WeeklyDigest (see ./model.ts).
 * Every piece of user text is escaped, and only http(s)/mailto links become anchors.
 */
import { clip, escapeHtml, linkHtml, safeUrl } from './escape';
import {
  formatChange,
  formatDay,
  formatDayRange,
  formatGoal,
  formatKpiRowValue,
  formatN,
  formatNumber,
  minNNote,
  meetsGoal,
  plural,
} from './format';
import type { DigestRequest, FlaggedRequests, NamedCount, WeekCount, WeeklyDigest } from './model';

/** The content id the weekly-volume PNG is attached under (`inlineImages` key). */
export const WEEKLY_VOLUME_CID = 'weeklyVolume';
/** Topics shown with bars. */
export const TOP_TOPICS = 5;
/** Requests listed per flagged section; the rest are counted with a link to the sheet. */
export const MAX_LISTED_REQUESTS = 25;
/** Characters of a summary shown in the email. */
export const SUMMARY_CHARS = 200;
/** Hard size limit of the HTML body, in bytes (UTF-8). */
export const MAX_EMAIL_BYTES = 100 * 1024;

export interface RenderedEmail {
  subject: string;
  htmlBody: string;
  textBody: string;
}

/** The section headings, in the order the issue fixes. Tests check this order. */
export const EMAIL_SECTIONS = [
  'Requests this week',
  'KPIs against goals',
  'Top topics',
  'New documentation gaps',
  'Automation candidates',
  'Data quality',
  'Links',
] as const;

/** `Support requests, week of Nov 16–22: 47 (+12%)`. */
export function weeklySubject(
  d: Pick<WeeklyDigest, 'weekStart' | 'weekEnd' | 'count' | 'previousCount'>,
): string {
  const change = formatChange(d.count, d.previousCount);
  const range = formatDayRange(d.weekStart, d.weekEnd);
  return `Support requests, week of ${range}: ${formatNumber(d.count)}${change ? ` (${change})` : ''}`;
}

/** Renders the weekly email. The HTML body is kept under MAX_EMAIL_BYTES by capping lists. */
export function renderWeeklyEmail(d: WeeklyDigest): RenderedEmail {
  let listed = MAX_LISTED_REQUESTS;
  let htmlBody = renderHtml(d, listed);
  // Degrade gracefully instead of exceeding the size limit: list fewer requests.
  while (utf8Length(htmlBody) > MAX_EMAIL_BYTES && listed > 0) {
    listed = Math.floor(listed / 2);
    htmlBody = renderHtml(d, listed);
  }
  return { subject: weeklySubject(d), htmlBody, textBody: renderText(d, listed) };
}

/** Byte length of a string in UTF-8. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

// ---- HTML ---------------------------------------------------------------------------------------

const FONT = 'font-family:Arial,Helvetica,sans-serif;color:#1b1b1b;';
const H2 = `${FONT}font-size:18px;font-weight:bold;margin:24px 0 8px 0;`;
const TD = `${FONT}font-size:14px;padding:4px 8px;border-bottom:1px solid #dfe1e2;vertical-align:top;`;
const TH = `${FONT}font-size:13px;padding:4px 8px;border-bottom:2px solid #565c65;text-align:left;`;
const MUTED = `${FONT}font-size:13px;color:#565c65;`;
const LINK = 'color:#005ea2;text-decoration:underline;';
const BAR = '#005ea2';

function renderHtml(d: WeeklyDigest, listed: number): string {
  const range = formatDayRange(d.weekStart, d.weekEnd, true);
  const parts: string[] = [];
  parts.push(section(0, headlineHtml(d)));
  parts.push(section(1, kpiTableHtml(d)));
  parts.push(section(2, topTopicsHtml(d.topTopics)));
  parts.push(
    section(3, flaggedHtml(d.docGaps, listed, d.sheetUrl, 'No new documentation gaps this week.')),
  );
  parts.push(
    section(
      4,
      flaggedHtml(
        d.automationCandidates,
        listed,
        d.sheetUrl,
        'No new automation candidates this week.',
      ),
    ),
  );
  parts.push(section(5, dataQualityHtml(d)));
  parts.push(section(6, linksHtml(d)));
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(weeklySubject(d))}</title></head>`,
    `<body style="margin:0;padding:0;background:#ffffff;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#ffffff;"><tr><td align="center" style="padding:16px;">`,
    `<table role="presentation" width="640" cellpadding="0" cellspacing="0" border="0" style="max-width:640px;width:100%;"><tr><td>`,
    `<h1 style="${FONT}font-size:22px;margin:0 0 4px 0;">Support requests, week of ${escapeHtml(range)}</h1>`,
    `<p style="${MUTED}margin:0;">Weekly summary from Support Tracker.</p>`,
    parts.join('\n'),
    '</td></tr></table>',
    '</td></tr></table>',
    '</body></html>',
  ].join('\n');
}

function section(index: number, body: string): string {
  return `<h2 style="${H2}">${escapeHtml(EMAIL_SECTIONS[index])}</h2>\n${body}`;
}

function headlineHtml(d: WeeklyDigest): string {
  const change = formatChange(d.count, d.previousCount);
  const vs =
    d.previousCount === null
      ? 'No earlier week to compare with.'
      : `${change === 'no change' ? 'No change' : escapeHtml(change ?? '')} vs the week before (${formatNumber(d.previousCount)}).`;
  const chart = d.chartCid
    ? `<img src="cid:${escapeHtml(d.chartCid)}" width="600" alt="${escapeHtml(volumeAlt(d.weeklyVolume))}" style="display:block;width:100%;max-width:600px;height:auto;border:0;margin-top:8px;">`
    : volumeBarsHtml(d.weeklyVolume);
  return [
    `<p style="${FONT}font-size:36px;font-weight:bold;margin:0;">${formatNumber(d.count)} <span style="font-size:16px;font-weight:normal;">${d.count === 1 ? 'request' : 'requests'}</span></p>`,
    `<p style="${FONT}font-size:14px;margin:4px 0 8px 0;">${vs}</p>`,
    chart,
  ].join('\n');
}

function volumeAlt(weeks: WeekCount[]): string {
  if (weeks.length === 0) return 'Weekly volume chart';
  return `Weekly volume, ${weeks.length} weeks: ${weeks.map((w) => `${formatDay(w.weekStart)} ${w.count}`).join(', ')}`;
}

/** Horizontal HTML bars: the fallback weekly-volume chart (and what clients without images see). */
function volumeBarsHtml(weeks: WeekCount[]): string {
  if (weeks.length === 0) return '';
  const max = Math.max(1, ...weeks.map((w) => w.count));
  const rows = weeks.map((w) => barRow(`Week of ${formatDay(w.weekStart)}`, w.count, max));
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin-top:8px;">${rows.join('')}</table>`;
}

function barRow(label: string, count: number, max: number): string {
  const pct = count <= 0 ? 0 : Math.max(1, Math.round((count / max) * 100));
  const bar =
    pct === 0
      ? ''
      : `<table role="presentation" width="${pct}%" cellpadding="0" cellspacing="0" border="0"><tr><td style="background:${BAR};height:14px;font-size:1px;line-height:1px;">&nbsp;</td></tr></table>`;
  return (
    `<tr><td style="${TD}width:40%;">${escapeHtml(label)}</td>` +
    `<td style="${TD}width:45%;">${bar}</td>` +
    `<td style="${TD}width:15%;text-align:right;">${formatNumber(count)}</td></tr>`
  );
}

function kpiTableHtml(d: WeeklyDigest): string {
  if (d.kpis.length === 0) return `<p style="${MUTED}">No KPI data yet.</p>`;
  const rows = d.kpis.map((k) => {
    const met = meetsGoal(k);
    const status =
      met === null
        ? ''
        : met
          ? '<span style="color:#00703c;font-weight:bold;">Met</span>'
          : '<span style="color:#b50909;font-weight:bold;">Below goal</span>';
    return (
      `<tr><td style="${TD}">${escapeHtml(k.label)}</td>` +
      `<td style="${TD}text-align:right;">${escapeHtml(formatKpiRowValue(k))}</td>` +
      `<td style="${TD}text-align:right;${MUTED}">${escapeHtml(formatN(k))}</td>` +
      `<td style="${TD}text-align:right;">${escapeHtml(formatGoal(k.goal, k.unit))}</td>` +
      `<td style="${TD}">${status}</td></tr>`
    );
  });
  return (
    `<table width="100%" cellpadding="0" cellspacing="0" border="0">` +
    `<tr><th style="${TH}">KPI</th><th style="${TH}text-align:right;">This week</th><th style="${TH}text-align:right;">n</th><th style="${TH}text-align:right;">Goal</th><th style="${TH}">Status</th></tr>` +
    rows.join('') +
    '</table>' +
    `<p style="${MUTED}">${escapeHtml(minNNote(d.minN))}</p>`
  );
}

function topTopicsHtml(topics: NamedCount[]): string {
  const top = topics.slice(0, TOP_TOPICS);
  if (top.length === 0) return `<p style="${MUTED}">No requests this week.</p>`;
  const max = Math.max(1, ...top.map((t) => t.count));
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">${top
    .map((t) => barRow(t.name, t.count, max))
    .join('')}</table>`;
}

function flaggedHtml(f: FlaggedRequests, listed: number, sheetUrl: string, empty: string): string {
  if (f.total === 0) return `<p style="${MUTED}">${escapeHtml(empty)}</p>`;
  const out: string[] = [];
  out.push(
    `<p style="${FONT}font-size:14px;margin:0 0 8px 0;">${escapeHtml(plural(f.total, 'request'))}${
      f.byTopic.length > 0
        ? `: ${f.byTopic
            .slice(0, 10)
            .map((t) => `${escapeHtml(t.name)} (${formatNumber(t.count)})`)
            .join(', ')}`
        : ''
    }.</p>`,
  );
  const shown = f.requests.slice(0, listed);
  if (shown.length > 0) {
    out.push(
      `<table width="100%" cellpadding="0" cellspacing="0" border="0"><tr><th style="${TH}">Topic</th><th style="${TH}">Request</th></tr>${shown
        .map((r) => requestRowHtml(r))
        .join('')}</table>`,
    );
  }
  const rest = f.total - shown.length;
  if (rest > 0) {
    out.push(
      `<p style="${MUTED}margin:8px 0 0 0;">…and ${escapeHtml(plural(rest, 'more request'))}: ${linkHtml(sheetUrl, 'see the sheet', LINK)}.</p>`,
    );
  }
  return out.join('\n');
}

function requestRowHtml(r: DigestRequest): string {
  const summary = escapeHtml(clip(r.summary, SUMMARY_CHARS) || '(no summary)');
  const url = safeUrl(r.link);
  const link = url
    ? ` <a href="${escapeHtml(url)}" style="${LINK}">open link</a>`
    : r.link.trim()
      ? ` <span style="${MUTED}">(${escapeHtml(clip(r.link, 80))})</span>`
      : '';
  const id = r.requestId ? `<span style="${MUTED}">${escapeHtml(r.requestId)}</span><br>` : '';
  return `<tr><td style="${TD}width:30%;">${escapeHtml(r.topic || '(no topic)')}</td><td style="${TD}">${id}${summary}${link}</td></tr>`;
}

function dataQualityHtml(d: WeeklyDigest): string {
  if (d.needsLabel.count === 0)
    return `<p style="${FONT}font-size:14px;">Every row is labelled. Thank you!</p>`;
  return `<p style="${FONT}font-size:14px;">${escapeHtml(plural(d.needsLabel.count, 'row'))} ${
    d.needsLabel.count === 1 ? 'needs' : 'need'
  } a label: ${linkHtml(d.needsLabel.url, 'review them in the sheet', LINK)}.</p>`;
}

function linksHtml(d: WeeklyDigest): string {
  const items = [
    `<li style="${FONT}font-size:14px;">${linkHtml(d.sheetUrl, 'Open the support sheet', LINK)}</li>`,
  ];
  if (safeUrl(d.dashboardUrl)) {
    items.push(
      `<li style="${FONT}font-size:14px;">${linkHtml(d.dashboardUrl, 'Open the public KPI dashboard', LINK)}</li>`,
    );
  }
  return `<ul style="margin:0;padding-left:20px;">${items.join('')}</ul>`;
}

// ---- Plain text ---------------------------------------------------------------------------------

function renderText(d: WeeklyDigest, listed: number): string {
  const out: string[] = [];
  const change = formatChange(d.count, d.previousCount);
  out.push(`Support requests, week of ${formatDayRange(d.weekStart, d.weekEnd, true)}`);
  const heading = (i: number): void => {
    out.push('');
    out.push(EMAIL_SECTIONS[i].toUpperCase());
  };
  heading(0);
  out.push(
    `${plural(d.count, 'request')}` +
      (d.previousCount === null
        ? ' (no earlier week to compare with)'
        : ` (${change === 'no change' ? 'no change' : change} vs the week before: ${formatNumber(d.previousCount)})`),
  );
  if (d.weeklyVolume.length > 0) {
    out.push(`Weekly volume, last ${d.weeklyVolume.length} weeks:`);
    const max = Math.max(1, ...d.weeklyVolume.map((w) => w.count));
    for (const w of d.weeklyVolume)
      out.push(`  ${formatDay(w.weekStart).padEnd(7)} ${textBar(w.count, max)} ${w.count}`);
  }
  heading(1);
  if (d.kpis.length === 0) out.push('No KPI data yet.');
  for (const k of d.kpis) {
    const goal = formatGoal(k.goal, k.unit);
    const met = meetsGoal(k);
    const notes = [formatN(k)].filter((x) => x !== '');
    if (goal) notes.push(`goal ${goal}${met === null ? '' : met ? ', met' : ', below goal'}`);
    out.push(
      `- ${k.label}: ${formatKpiRowValue(k)}${notes.length ? ` (${notes.join('; ')})` : ''}`,
    );
  }
  if (d.kpis.length > 0) out.push(minNNote(d.minN));
  heading(2);
  const top = d.topTopics.slice(0, TOP_TOPICS);
  if (top.length === 0) out.push('No requests this week.');
  const max = Math.max(1, ...top.map((t) => t.count));
  top.forEach((t, i) =>
    out.push(`${i + 1}. ${oneLine(t.name)}: ${t.count} ${textBar(t.count, max)}`),
  );
  heading(3);
  flaggedText(out, d.docGaps, listed, d.sheetUrl, 'No new documentation gaps this week.');
  heading(4);
  flaggedText(
    out,
    d.automationCandidates,
    listed,
    d.sheetUrl,
    'No new automation candidates this week.',
  );
  heading(5);
  out.push(
    d.needsLabel.count === 0
      ? 'Every row is labelled. Thank you!'
      : `${plural(d.needsLabel.count, 'row')} ${d.needsLabel.count === 1 ? 'needs' : 'need'} a label: ${d.needsLabel.url}`,
  );
  heading(6);
  out.push(`Support sheet: ${d.sheetUrl}`);
  if (safeUrl(d.dashboardUrl)) out.push(`Public KPI dashboard: ${d.dashboardUrl}`);
  return out.join('\n') + '\n';
}

function flaggedText(
  out: string[],
  f: FlaggedRequests,
  listed: number,
  sheetUrl: string,
  empty: string,
): void {
  if (f.total === 0) {
    out.push(empty);
    return;
  }
  out.push(
    `${plural(f.total, 'request')}${
      f.byTopic.length
        ? `: ${f.byTopic
            .slice(0, 10)
            .map((t) => `${oneLine(t.name)} (${t.count})`)
            .join(', ')}`
        : ''
    }`,
  );
  const shown = f.requests.slice(0, listed);
  for (const r of shown) {
    const link = r.link.trim() ? ` <${oneLine(r.link)}>` : '';
    out.push(
      `- [${oneLine(r.topic || 'no topic')}] ${r.requestId ? `${r.requestId}: ` : ''}${clip(r.summary, SUMMARY_CHARS) || '(no summary)'}${link}`,
    );
  }
  const rest = f.total - shown.length;
  if (rest > 0) out.push(`...and ${plural(rest, 'more request')}: ${sheetUrl}`);
}

function textBar(count: number, max: number): string {
  return '#'.repeat(count <= 0 ? 0 : Math.max(1, Math.round((count / max) * 20)));
}

function oneLine(s: string): string {
  return clip(s, 120);
}
