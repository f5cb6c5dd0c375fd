/**
 * The workbench HTTP server (node:http, no framework), bound to 127.0.0.1 only.
 *
 *   GET  /                      the page (workbench/client/app.ts)
 *   GET  /api/state             tabs, menus, pages, outbox count, globals
 *   GET  /api/sheet?name&offset&limit   one page of a tab's display values
 *   GET  /api/charts?sheet      the tab's charts, resolved for chart.js
 *   POST /api/menu {name}       run a global as a menu click (editor execution)
 *   POST /api/run {name,args}   google.script.run bridge: runtime.runFromClient(name, ...args)
 *   POST /api/edit {sheet,row,col,value,confirmed}   a person's cell edit (validation, onEdit)
 *   GET  /ui/page/:i            a recorded sidebar/dialog page with the google.script shim
 *   GET  /api/outbox, /outbox/:id   MailApp messages (inline images as data: URLs)
 *   GET  /dashboard             doGet(e) output, when the bundle defines doGet
 *   GET  /vendor/chart.umd.js   chart.js from node_modules (no CDN)
 *
 * Requests whose Host is not this loopback address are refused (DNS-rebinding guard), and POSTs
 * must be JSON from this origin.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { bundleClient, injectBridge, renderShell } from './page';
import type { WorkbenchSession } from './session';

export interface ServerOptions {
  session: WorkbenchSession;
  /** Repository root (for workbench/client and node_modules). */
  root: string;
  /** 0 picks a free port. */
  port: number;
  host?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  server: http.Server;
  close(): Promise<void>;
}

const MAX_BODY = 5 * 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Starts the server; resolves once it listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const { session, root } = options;
  const appJs = bundleClient(root, 'app');
  const bridgeJs = bundleClient(root, 'bridge');
  const chartJsPath = path.join(root, 'node_modules', 'chart.js', 'dist', 'chart.umd.js');
  let port = options.port;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      const message = e instanceof Error ? e.message : String(e);
      if (status === 500) console.error(e);
      if (!res.headersSent) send(res, status, 'text/plain; charset=utf-8', message);
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const allowed = new Set([`${host}:${port}`, `localhost:${port}`]);
    if (!req.headers.host || !allowed.has(req.headers.host))
      throw new HttpError(403, 'Forbidden host');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const p = url.pathname;

    if (req.method === 'POST') {
      const origin = req.headers.origin;
      if (origin && origin !== `http://${req.headers.host}`)
        throw new HttpError(403, 'Cross-origin request refused');
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
        throw new HttpError(415, 'Expected application/json');
      }
      const body = (await readJson(req)) as {
        name?: unknown;
        args?: unknown;
        sheet?: unknown;
        row?: unknown;
        col?: unknown;
        value?: unknown;
        confirmed?: unknown;
      };
      if (p === '/api/edit') {
        const row = Number(body.row);
        const col = Number(body.col);
        if (typeof body.sheet !== 'string' || typeof body.value !== 'string')
          throw new HttpError(400, 'Expected {sheet, row, col, value}');
        if (!Number.isInteger(row) || !Number.isInteger(col) || row < 1 || col < 1)
          throw new HttpError(400, 'Invalid cell');
        return json(
          res,
          await session.editCell(body.sheet, row, col, body.value, body.confirmed === true),
        );
      }
      const name = typeof body.name === 'string' ? body.name : '';
      if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new HttpError(400, 'Invalid function name');
      if (p === '/api/menu') return json(res, await session.runMenu(name));
      if (p === '/api/run') {
        const args = Array.isArray(body.args) ? body.args : [];
        return json(res, await session.runFromClient(name, args));
      }
      throw new HttpError(404, 'Not found');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      throw new HttpError(405, 'Method not allowed');

    if (p === '/')
      return send(res, 200, 'text/html; charset=utf-8', renderShell(appJs, session.workbookName()));
    if (p === '/api/state') return json(res, session.state());
    if (p === '/api/sheet') {
      const name = url.searchParams.get('name') ?? '';
      const offset = clampInt(url.searchParams.get('offset'), 0, 0, Number.MAX_SAFE_INTEGER);
      const limit = clampInt(url.searchParams.get('limit'), 100, 1, 1000);
      const page = session.sheetPage(name, offset, limit);
      if (!page) throw new HttpError(404, `No sheet named ${name}`);
      return json(res, page);
    }
    if (p === '/api/charts') return json(res, session.charts(url.searchParams.get('sheet') ?? ''));
    if (p === '/api/outbox') return json(res, session.outbox());
    let m = /^\/outbox\/(\d+)$/.exec(p);
    if (m) {
      const html = session.outboxHtml(Number(m[1]));
      if (html === null) throw new HttpError(404, 'No such message');
      // Email HTML is shown in a sandboxed frame; forbid scripts here too.
      res.setHeader(
        'Content-Security-Policy',
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'",
      );
      return send(res, 200, 'text/html; charset=utf-8', html);
    }
    m = /^\/ui\/page\/(\d+)$/.exec(p);
    if (m) {
      const html = session.pageHtml(Number(m[1]));
      if (html === null) throw new HttpError(404, 'No such page');
      return send(res, 200, 'text/html; charset=utf-8', injectBridge(html, bridgeJs));
    }
    if (p === '/dashboard') {
      const params: Record<string, string[]> = {};
      url.searchParams.forEach((v, k) => (params[k] = [...(params[k] ?? []), v]));
      const out = await session.doGet(params, url.search.replace(/^\?/, ''));
      if (!out) throw new HttpError(404, 'This bundle defines no doGet');
      const body = out.html ? injectBridge(out.content, bridgeJs) : out.content;
      return send(res, 200, out.mimeType, body);
    }
    if (p === '/vendor/chart.umd.js') {
      res.setHeader('Cache-Control', 'max-age=3600');
      return send(res, 200, 'text/javascript; charset=utf-8', fs.readFileSync(chartJsPath));
    }
    if (p === '/favicon.ico') return send(res, 204, 'text/plain', '');
    throw new HttpError(404, 'Not found');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}/`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections?.();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

function clampInt(raw: string | null, dflt: number, lo: number, hi: number): number {
  const n = raw === null ? dflt : Number.parseInt(raw, 10);
  if (!Number.isFinite(n)) return dflt;
  return Math.min(hi, Math.max(lo, n));
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', res.getHeader('Cache-Control') ?? 'no-store');
  res.end(body);
}

function json(res: http.ServerResponse, value: unknown): void {
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(value));
}

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, 'Request too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch {
        reject(new HttpError(400, 'Invalid JSON'));
      }
    });
    req.on('error', reject);
  });
}
