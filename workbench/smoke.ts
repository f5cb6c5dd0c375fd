/**
 * `npm start -- --smoke`: the whole menu flow, headless, on a fresh copy of the sample workbook.
 * One line per step; any failure makes the result (and the exit code) fail. CI runs it.
 *
 * Steps: seed the sample workbook; onOpen under AuthMode.NONE and LIMITED; every Support menu
 * item's function in menu order (a menu item whose function is missing is a failure); the sample
 * Teams list; the sidebar and one request through google.script.run (when those globals exist);
 * doGet (when it exists); a persistence round trip; and the workbench page itself over HTTP.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TABS } from './tabs';
import { SAMPLE_TEAMS } from '../samples/generate';
import { openSession, type WorkbenchSession } from './session';
import { startServer } from './server';
import type { RunResultDto } from './types';

export interface SmokeStep {
  name: string;
  ok: boolean;
  detail: string;
}

export interface SmokeResult {
  ok: boolean;
  steps: SmokeStep[];
}

export interface SmokeOptions {
  root: string;
  dist?: string;
  /** Run the editor add-on build in the add-on context (issue 13). */
  addon?: boolean;
  /** Where each step's line goes (default console.log). */
  log?: (line: string) => void;
  /** Also start the HTTP server on an ephemeral port and fetch the page (default true). */
  http?: boolean;
}

/** Runs the smoke flow. Never throws for a failing step: the result says what failed. */
export async function runSmoke(options: SmokeOptions): Promise<SmokeResult> {
  const log = options.log ?? ((l: string) => console.log(l));
  // The bound script's top-level menu, or the add-on menu named after the product (issue 13).
  const MENU_CAPTION = options.addon ? 'Support Tracker' : 'Support';
  const steps: SmokeStep[] = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'st-smoke-'));
  const file = path.join(tmp, 'workbook.json');

  const step = async (name: string, fn: () => string | Promise<string>): Promise<boolean> => {
    const t0 = performance.now();
    let ok = true;
    let detail: string;
    try {
      detail = await fn();
    } catch (e) {
      ok = false;
      detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
    const ms = Math.round(performance.now() - t0);
    steps.push({ name, ok, detail });
    log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` \u2014 ${detail}` : ''} (${ms} ms)`);
    return ok;
  };
  const cost = (r: RunResultDto): string =>
    `${r.stats.calls} calls, ${r.stats.cellsWritten} cells written, ~${Math.round(r.stats.estimatedMs)} ms Apps Script`;
  const mustOk = (r: RunResultDto): RunResultDto => {
    if (!r.ok)
      throw new Error(`${r.error?.name ?? 'Error'}: ${r.error?.message ?? '(no message)'}`);
    return r;
  };

  try {
    let session: WorkbenchSession | undefined;
    const seeded = await step('seed a fresh copy of the sample workbook', async () => {
      session = await openSession({
        root: options.root,
        dist: options.dist,
        addon: options.addon,
        file,
        runOnOpen: false,
      });
      const tab = session.rt.spreadsheet.getSheets()[0];
      return `"${tab.getName()}": ${tab.getLastRow() - 1} rows \u00D7 ${tab.getLastColumn()} columns, globals: ${session.rt.globalNames().join(', ')}`;
    });
    if (!seeded || !session) return finish();
    const s = session;

    await step('onOpen under AuthMode.NONE (no authorized services)', () => {
      if (!s.rt.hasGlobal('onOpen')) throw new Error('onOpen is not a public global');
      s.rt.runTrigger('onOpen', 'NONE');
      return `${s.rt.ui.menuFunctions(MENU_CAPTION).length} menu items`;
    });
    let items: { caption: string; functionName: string }[] = [];
    await step('onOpen under AuthMode.LIMITED builds the Support menu', () => {
      const r = mustOk(s.openEvent());
      const menu = s.rt.ui.menu(MENU_CAPTION);
      if (!menu) throw new Error(`no "${MENU_CAPTION}" menu was added`);
      items = flatten(menu.items);
      if (items.length === 0) throw new Error('the menu has no items');
      return `${items.map((i) => i.caption).join(' | ')} (${cost(r)})`;
    });

    for (const it of items) {
      await step(`menu "${it.caption}" -> ${it.functionName}()`, async () => {
        if (!s.rt.hasGlobal(it.functionName))
          throw new Error(`${it.functionName} is not in the bundle`);
        const r = mustOk(await s.runMenu(it.functionName));
        const shown = [
          ...r.alerts.map((a) => `alert "${truncate(a.title || a.prompt)}"`),
          ...r.pages.map((p) => `${p.kind} "${p.title}"`),
        ];
        return `${cost(r)}${shown.length ? `; showed ${shown.join(', ')}` : ''}`;
      });
    }

    if (s.rt.hasGlobal('previewNormalization') && s.rt.hasGlobal('normalizeRequests')) {
      await step(
        'normalization through google.script.run (preview, then run to completion)',
        async () => {
          const preview = mustOk(await s.runFromClient('previewNormalization', []))
            .value as NormalizeLike;
          let report: NormalizeLike = {};
          let runs = 0;
          let calls = 0;
          do {
            const r = mustOk(await s.runFromClient('normalizeRequests', []));
            calls += r.stats.calls;
            report = r.value as NormalizeLike;
            runs++;
          } while (report.status === 'continuing' && runs < 50);
          if (report.status === 'continuing')
            throw new Error('normalizeRequests still continuing after 50 runs');
          return (
            `preview ${pct(preview.standardizedNowPct)} -> ${pct(preview.standardizedAfterPct)} standardized; ` +
            `run: ${report.status}, ${report.cellsChanged ?? 0} cells changed, ${pct(report.standardizedPct)} standardized ` +
            `(${runs} execution${runs > 1 ? 's' : ''}, ${calls} calls)`
          );
        },
      );
    }

    if (s.rt.hasGlobal('refreshSummaries')) {
      await step('refresh summaries on the normalized data', async () => {
        const r = mustOk(await s.runMenu('refreshSummaries'));
        const charts = s.state().sheets.reduce((n, sh) => n + sh.charts, 0);
        return `${cost(r)}; ${charts} charts`;
      });
    }

    if (s.rt.hasGlobal('installTriggers')) {
      await step('installed triggers fire over a simulated week', () => {
        const until = s.rt.runtime.clock.now().getTime() + 8 * 24 * 3600 * 1000;
        const fired = s.rt.runtime.fireDueTriggers(until);
        s.persist();
        const failed = fired.filter((f) => !f.ok);
        if (failed.length > 0) {
          throw new Error(
            failed.map((f) => `${f.handler} at ${f.at.toISOString()}: ${f.error ?? ''}`).join('; '),
          );
        }
        const by = new Map<string, number>();
        for (const f of fired) by.set(f.handler, (by.get(f.handler) ?? 0) + 1);
        return fired.length
          ? [...by].map(([h, n]) => `${h} x${n}`).join(', ')
          : 'no trigger was due';
      });
    }

    if (s.rt.spreadsheet.getSheetByName(TABS.teams)) {
      await step('sample Teams list seeded', () => {
        const teams = s.rt.spreadsheet.getSheetByName(TABS.teams);
        const n = teams ? teams.getLastRow() - 1 : 0;
        if (n < SAMPLE_TEAMS.length)
          throw new Error(`Teams tab has ${n} rows, expected >= ${SAMPLE_TEAMS.length}`);
        return `${n} teams`;
      });
    }

    if (s.rt.hasGlobal('showSidebar')) {
      await step('sidebar opens with its HtmlService page', async () => {
        mustOk(await s.runMenu('showSidebar'));
        const sb = s.rt.ui.sidebar;
        if (!sb) throw new Error('showSidebar showed no sidebar');
        if (!/<html|<body|<form|<script/i.test(sb.html))
          throw new Error('the sidebar HTML looks empty');
        return `"${sb.title}", ${Math.round(sb.html.length / 1024)} KB`;
      });
    }
    if (s.rt.hasGlobal('getFormOptions') && s.rt.hasGlobal('submitRequest')) {
      await step('one request submitted through google.script.run', async () => {
        const opts = mustOk(await s.runFromClient('getFormOptions', [])).value as FormOptionsLike;
        const team = opts.lists?.teams?.[0] ?? SAMPLE_TEAMS[0].name;
        const topic = opts.lists?.topics?.[0] ?? 'CI Error';
        const form = {
          summary: 'Smoke test: CI failing on vets-website, yarn install times out',
          vfsTeam: team,
          topic,
          channel: opts.lists?.channel?.[0] ?? 'Slack',
          // The runtime's clock (the sample workbook lives in 2024), as the sidebar defaults it.
          requestedAt: opts.now ?? s.rt.runtime.clock.now().toISOString(),
          clientRequestId: `smoke-${s.rt.runtime.clock.now().getTime()}`,
        };
        const r = mustOk(await s.runFromClient('submitRequest', [form]));
        const res = r.value as {
          ok?: boolean;
          requestId?: string;
          row?: number;
          message?: string;
          errors?: unknown;
        };
        if (!res || res.ok === false || !res.requestId) {
          throw new Error(
            `submitRequest refused it: ${res?.message ?? ''} ${JSON.stringify(res?.errors ?? res)}`,
          );
        }
        // The row must hold the new Request ID, on whichever tab setUpSheet adopted as the data tab.
        const rowOf = res.row ?? 0;
        const tab = s.rt.spreadsheet.getSheets().find(
          (sh) =>
            rowOf >= 1 &&
            rowOf <= sh.getLastRow() &&
            sh
              .getRange(rowOf, 1, 1, sh.getLastColumn())
              .getDisplayValues()[0]
              .includes(res.requestId as string),
        );
        if (!tab) throw new Error(`no tab holds ${res.requestId} at row ${rowOf}`);
        return `${res.requestId} at ${tab.getName()}!${rowOf} (${cost(r)})`;
      });
    }

    if (options.addon) {
      await step('the add-on keeps its public dashboard in the Dashboard tab', () => {
        const tab = s.rt.spreadsheet.getSheetByName(TABS.dashboard);
        if (!tab) throw new Error('refreshSummaries made no Dashboard tab');
        if (s.rt.runtime.triggers.triggers.length > 1)
          throw new Error('the add-on owns more than one trigger');
        return `${tab.getLastRow()} rows; 1 scheduler trigger`;
      });
    } else if (s.rt.hasGlobal('doGet')) {
      await step('doGet serves the dashboard (HTML and ?format=json)', async () => {
        const html = await s.doGet({}, '');
        const jsonOut = await s.doGet({ format: ['json'] }, 'format=json');
        if (!html || html.content.length === 0) throw new Error('doGet returned no content');
        if (!jsonOut) throw new Error('doGet ?format=json returned nothing');
        return `${html.mimeType} ${Math.round(html.content.length / 1024)} KB; ${jsonOut.mimeType} ${jsonOut.content.length} B`;
      });
    }

    if (s.rt.outbox.messages.length > 0) {
      await step('outbox renders every sent email', () => {
        for (const m of s.rt.outbox.messages) {
          const html = s.outboxHtml(m.id);
          if (!html) throw new Error(`message ${m.id} does not render`);
          if (/src=["']cid:/i.test(html))
            throw new Error(`message ${m.id} has an unresolved cid: image`);
        }
        return `${s.rt.outbox.messages.length} messages`;
      });
    }

    await step('workbook persists and reloads', async () => {
      s.persist();
      const again = await openSession({
        root: options.root,
        dist: options.dist,
        addon: options.addon,
        file,
        runOnOpen: false,
      });
      const a = s.state().sheets.map((x) => `${x.name}:${x.rows}x${x.cols}`);
      const b = again.state().sheets.map((x) => `${x.name}:${x.rows}x${x.cols}`);
      if (JSON.stringify(a) !== JSON.stringify(b))
        throw new Error(`reloaded ${b.join(', ')} != ${a.join(', ')}`);
      return `${a.length} tabs: ${s
        .state()
        .sheets.map((x) => x.name)
        .join(', ')}`;
    });

    if (options.http ?? true) {
      await step('workbench page serves over HTTP on 127.0.0.1', async () => {
        const server = await startServer({ session: s, root: options.root, port: 0 });
        try {
          const page = await fetch(server.url);
          const html = await page.text();
          if (page.status !== 200 || !html.includes('Support Tracker workbench'))
            throw new Error(`GET / -> ${page.status}`);
          const state = (await (await fetch(`${server.url}api/state`)).json()) as {
            sheets: unknown[];
          };
          const first = s.state().sheets[0]?.name ?? '';
          const sheet = await fetch(
            `${server.url}api/sheet?name=${encodeURIComponent(first)}&offset=0&limit=100`,
          );
          if (sheet.status !== 200) throw new Error(`GET /api/sheet -> ${sheet.status}`);
          return `${server.url} (${state.sheets.length} tabs)`;
        } finally {
          await server.close();
        }
      });
    }
    return finish();
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  function finish(): SmokeResult {
    const ok = steps.length > 0 && steps.every((x) => x.ok);
    const failed = steps.filter((x) => !x.ok).length;
    log(
      ok
        ? `smoke: all ${steps.length} steps passed`
        : `smoke: ${failed} of ${steps.length} steps FAILED`,
    );
    return { ok, steps };
  }
}

interface NormalizeLike {
  status?: string;
  cellsChanged?: number;
  standardizedPct?: number | null;
  standardizedNowPct?: number | null;
  standardizedAfterPct?: number | null;
}

function pct(v: number | null | undefined): string {
  return typeof v === 'number' ? `${Math.round(v * 10) / 10}%` : 'n/a';
}

interface FormOptionsLike {
  now?: string;
  lists?: { teams?: string[]; topics?: string[]; channel?: string[] };
}

function flatten(items: readonly MenuEntryLike[]): { caption: string; functionName: string }[] {
  const out: { caption: string; functionName: string }[] = [];
  for (const it of items) {
    if (it.type === 'item') out.push({ caption: it.caption, functionName: it.functionName });
    else if (it.type === 'submenu') out.push(...flatten(it.items));
  }
  return out;
}

type MenuEntryLike =
  | { type: 'item'; caption: string; functionName: string }
  | { type: 'separator' }
  | { type: 'submenu'; caption: string; items: MenuEntryLike[] };

function truncate(s: string, n = 60): string {
  return s.length > n ? `${s.slice(0, n - 1)}\u2026` : s;
}
