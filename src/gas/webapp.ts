/**
 * The public KPI dashboard web app (issue 6): `doGet(e)`.
 *
 * - Aggregates only: it serves a DashboardSnapshot (src/domain/render/fromReport.ts) that
 *   refreshSummaries stores with `saveDashboardSnapshot`; it never reads the data tab, so a page
 *   view costs the same on a 100,000-row sheet as on an empty one.
 * - Cached: the published flag, the small-count threshold and the snapshot are cached together in
 *   the script cache for 10 minutes. Saving a new snapshot clears the cache at once; a Settings
 *   change (e.g. unpublishing) takes effect within 10 minutes, or at once after a refresh.
 * - `?format=json` returns the same aggregates through ContentService.
 * - When Settings say the dashboard is not published (the default), a plain "not published" page.
 *
 * The snapshot lives in Script properties (chunked: 9 KB per value): they are readable in every
 * execution context, including a web app that runs as the deploying user.
 */
import type { Report } from '../domain/kpi/report';
import type { Lists } from '../domain/schema';
import { activeValues } from '../domain/schema';
import { fromChunks, staleChunkKeys, toChunks } from '../domain/render/chunks';
import {
  dashboardJson,
  type DashboardJson,
  notPublishedJson,
  renderDashboardHtml,
  renderMessagePage,
  renderNotPublishedHtml,
} from '../domain/render/dashboard';
import { utf8Length } from '../domain/render/email';
import {
  dashboardFromSnapshot,
  dashboardSnapshotFromReport,
  type DashboardSnapshot,
} from '../domain/render/fromReport';
import { ADDON } from './flavor';
import { getSpreadsheet, readSettings } from './sheets';
import { askPage } from './ask';

/** Script-properties prefix of the stored snapshot chunks. */
export const SNAPSHOT_PREFIX = 'supportTracker.dashboardSnapshot';
/** Script-cache key of the served state. */
export const DASHBOARD_CACHE_KEY = 'supportTracker.dashboard.v1';
/** Cache lifetime: 10 minutes. */
export const DASHBOARD_CACHE_SECONDS = 600;
/** CacheService value limit (100 KB); larger states are served uncached. */
const CACHE_MAX_BYTES = 100 * 1024;

/** What doGet needs, cached as one JSON value. */
interface DashboardState {
  published: boolean;
  threshold: number;
  snapshot: DashboardSnapshot | null;
}

type WebOutput = GoogleAppsScript.HTML.HtmlOutput | GoogleAppsScript.Content.TextOutput;

/**
 * Web app entry point: the dashboard page, its JSON (`?format=json`) or "not published". The
 * editor add-on build has no web app (an add-on request has no active spreadsheet, and the
 * snapshot would live in Script properties shared by every document using the add-on): it answers
 * with a page pointing to the Dashboard tab, without reading anything.
 */
export function doGet(e?: GoogleAppsScript.Events.DoGet): WebOutput {
  if (ADDON) {
    return htmlOutput(
      renderMessagePage(
        'No web app in the add-on',
        'The Support Tracker add-on keeps its public dashboard in the Dashboard tab of your sheet. Publish that tab with File > Share > Publish to web.',
      ),
      'Dashboard',
    );
  }
  // Issue 14: the "Ask platform support" page (signed-in domain users only), see ask.ts.
  if (String(e?.parameter?.page ?? '').toLowerCase() === 'ask') return askPage();
  const json = String(e?.parameter?.format ?? '').toLowerCase() === 'json';
  const state = dashboardState();
  if (!state.published) {
    return json
      ? jsonOutput(notPublishedJson())
      : htmlOutput(renderNotPublishedHtml(), 'Dashboard not published');
  }
  if (!state.snapshot) {
    const message =
      'The dashboard has no data yet: the support team has not refreshed the summaries.';
    return json
      ? jsonOutput({ version: 1, published: true, ready: false, message })
      : htmlOutput(renderMessagePage('Dashboard not ready', message), 'Dashboard not ready');
  }
  if (json) return jsonOutput(publicDashboardJson(state.snapshot, state.threshold));
  const data = dashboardFromSnapshot(state.snapshot, state.threshold);
  return htmlOutput(renderDashboardHtml(data), data.title);
}

/**
 * The public dashboard JSON of a snapshot (suppression applied): what `?format=json` serves and
 * what the add-on's Dashboard tab holds. The one model function of both.
 */
export function publicDashboardJson(snapshot: DashboardSnapshot, threshold: number): DashboardJson {
  return dashboardJson(dashboardFromSnapshot(snapshot, threshold));
}

/** The cached state, or a fresh read (Settings tab + Script properties) cached for 10 minutes. */
function dashboardState(): DashboardState {
  const cache = CacheService.getScriptCache();
  const hit = cache ? cache.get(DASHBOARD_CACHE_KEY) : null;
  if (hit) {
    try {
      return JSON.parse(hit) as DashboardState;
    } catch {
      // A corrupt entry is ignored and replaced below.
    }
  }
  const settings = readSettings(getSpreadsheet(), { strict: false });
  const state: DashboardState = {
    published: settings.dashboardPublished,
    threshold: settings.smallCountThreshold,
    // Nothing of the data is read when the dashboard is not published.
    snapshot: settings.dashboardPublished ? readDashboardSnapshot() : null,
  };
  const value = JSON.stringify(state);
  if (cache && utf8Length(value) <= CACHE_MAX_BYTES)
    cache.put(DASHBOARD_CACHE_KEY, value, DASHBOARD_CACHE_SECONDS);
  return state;
}

/** The stored snapshot, or null when none was saved (or it is unreadable). */
export function readDashboardSnapshot(): DashboardSnapshot | null {
  const raw = fromChunks(SNAPSHOT_PREFIX, PropertiesService.getScriptProperties().getProperties());
  if (raw === null) return null;
  try {
    const snap = JSON.parse(raw) as DashboardSnapshot;
    return snap && snap.version === 1 ? snap : null;
  } catch {
    return null;
  }
}

/**
 * Stores the public dashboard snapshot of a freshly computed Report (called by refreshSummaries)
 * and clears the dashboard cache. Only list values are kept as team and topic names (see
 * dashboardSnapshotFromReport). Service calls: 2-3 (plus 1 when stale chunks are removed).
 */
export function saveDashboardSnapshot(report: Report, lists: Lists): void {
  const snapshot = buildDashboardSnapshot(report, lists);
  const chunks = toChunks(SNAPSHOT_PREFIX, JSON.stringify(snapshot));
  const props = PropertiesService.getScriptProperties();
  const before = props.getProperties();
  props.setProperties(chunks);
  const keep = Number(chunks[`${SNAPSHOT_PREFIX}.n`]);
  for (const key of staleChunkKeys(SNAPSHOT_PREFIX, before, keep)) props.deleteProperty(key);
  clearDashboardCache();
}

/** The public snapshot of a Report: only list values are kept as team and topic names. */
export function buildDashboardSnapshot(report: Report, lists: Lists): DashboardSnapshot {
  return dashboardSnapshotFromReport(report, {
    teams: activeValues(lists, 'teams'),
    topics: activeValues(lists, 'topics'),
    generatedAt: report.now,
  });
}

/** Drops the cached dashboard state (after a refresh or a Settings change). */
export function clearDashboardCache(): void {
  const cache = CacheService.getScriptCache();
  if (cache) cache.remove(DASHBOARD_CACHE_KEY);
}

/** The deployed web app URL, or '' when the script is not deployed as a web app (or is the add-on). */
export function dashboardUrl(): string {
  if (ADDON) return '';
  try {
    const service = ScriptApp.getService();
    return service ? String(service.getUrl() ?? '') : '';
  } catch {
    return '';
  }
}

function htmlOutput(html: string, title: string): GoogleAppsScript.HTML.HtmlOutput {
  return HtmlService.createHtmlOutput(html)
    .setTitle(title)
    .addMetaTag('viewport', 'width=device-width, initial-scale=1');
}

function jsonOutput(value: unknown): GoogleAppsScript.Content.TextOutput {
  return ContentService.createTextOutput(JSON.stringify(value)).setMimeType(
    ContentService.MimeType.JSON,
  );
}
