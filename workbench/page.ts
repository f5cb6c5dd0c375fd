/**
 * The workbench page shell and the client bundles, built once per server with esbuild from
 * workbench/client/*.ts (browser code, no CDN).
 */
import * as esbuild from 'esbuild';
import path from 'node:path';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: unknown): string {
  return String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Bundles a browser entry of workbench/client into one IIFE script. */
export function bundleClient(root: string, entry: 'app' | 'bridge'): string {
  const out = esbuild.buildSync({
    entryPoints: [path.join(root, 'workbench', 'client', `${entry}.ts`)],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    minify: true,
    write: false,
    logLevel: 'silent',
    charset: 'utf8',
  });
  // Never let inlined code close its own <script> element.
  return out.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
}

/**
 * Injects the google.script shim into an HtmlService page, before any of the page's own scripts:
 * right after <head> when there is one, else at the very start.
 */
export function injectBridge(html: string, bridgeJs: string): string {
  const tag = `<script data-workbench-bridge>${bridgeJs}</script>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head)
    return (
      html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length)
    );
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  if (doctype) return doctype[0] + tag + html.slice(doctype[0].length);
  return tag + html;
}

const CSS = `
:root { --fg:#1b1b1b; --muted:#565c65; --bg:#fff; --line:#dfe1e2; --accent:#005ea2; --accent-dark:#1a4480; --err:#b50909; --head:#f0f0f0; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--fg); background:var(--bg); }
header { display:flex; flex-wrap:wrap; align-items:baseline; gap:.5rem 1rem; padding:.5rem 1rem; border-bottom:1px solid var(--line); }
header h1 { font-size:1.15rem; margin:0; }
.muted { color:var(--muted); }
#menus { display:flex; flex-wrap:wrap; gap:.5rem; padding:.5rem 1rem; border-bottom:1px solid var(--line); }
.menu, .submenu { display:flex; flex-wrap:wrap; align-items:center; gap:.35rem; }
.menu-caption { font-weight:600; margin-right:.25rem; }
.sep { width:1px; height:1.5rem; background:var(--line); }
button { font:inherit; padding:.3rem .7rem; border:1px solid var(--accent); border-radius:4px; background:var(--bg); color:var(--accent-dark); cursor:pointer; }
button:hover:not([disabled]) { background:#e7f2f9; }
button[disabled] { color:var(--muted); border-color:var(--line); cursor:not-allowed; }
button.small { padding:.1rem .5rem; font-size:.85rem; }
:focus-visible { outline:3px solid #2491ff; outline-offset:2px; }
#status { padding:.35rem 1rem; min-height:1.9rem; }
#status.error { color:var(--err); font-weight:600; }
#alerts { padding:0 1rem; }
.alert { border-left:4px solid var(--accent); background:#f3f8fc; padding:.4rem .8rem; margin:.4rem 0; }
.alert p { margin:.2rem 0; white-space:pre-wrap; }
main { display:flex; gap:1rem; padding:0 1rem 1rem; align-items:flex-start; }
#content { flex:1; min-width:0; }
#tabs { display:flex; flex-wrap:wrap; gap:.25rem; margin:.5rem 0; }
.tab[aria-selected=true], .tab[aria-selected=true]:hover:not([disabled]) { background:var(--accent-dark); color:#fff; }
.pager { display:flex; align-items:center; gap:.75rem; margin:.5rem 0; }
.table-wrap { overflow:auto; max-height:70vh; border:1px solid var(--line); }
table.grid { border-collapse:collapse; font-size:13px; }
table.grid caption { text-align:left; padding:.3rem; color:var(--muted); caption-side:top; }
table.grid th, table.grid td { border:1px solid var(--line); padding:2px 6px; max-width:28rem; white-space:pre-wrap; vertical-align:top; text-align:left; }
table.grid thead th { position:sticky; background:var(--head); z-index:1; }
table.grid thead tr.letters th { top:0; color:var(--muted); font-weight:400; }
table.grid thead tr.frozen th { top:1.45rem; }
.rownum { color:var(--muted); font-weight:400; background:var(--head); text-align:right; }
#sidebar { width:320px; flex:none; border:1px solid var(--line); position:sticky; top:.5rem; }
#sidebar .bar, dialog .bar { display:flex; justify-content:space-between; align-items:center; padding:.3rem .5rem; border-bottom:1px solid var(--line); background:var(--head); }
#sidebar h2, dialog h2 { font-size:1rem; margin:0; }
#sidebar-frame { width:300px; height:calc(100vh - 7rem); border:0; display:block; margin:0 auto; }
dialog { padding:0; border:1px solid var(--line); }
#dialog-frame { width:min(760px, 90vw); height:min(560px, 75vh); border:0; display:block; }
.charts { display:grid; grid-template-columns:repeat(auto-fill, minmax(360px, 1fr)); gap:1rem; margin:.5rem 0; }
.chart { margin:0; height:280px; display:flex; flex-direction:column; }
.chart canvas { flex:1; min-height:0; }
.chart figcaption { color:var(--muted); font-size:.85rem; }
.mail { border:1px solid var(--line); margin:.5rem 0; padding:.5rem; }
.mail h3 { margin:.2rem 0; font-size:1rem; }
.mail-frame { width:100%; height:80vh; border:1px solid var(--line); resize:vertical; overflow:auto; }
a { color:var(--accent-dark); }
`;

/** The workbench page: a static shell; workbench/client/app.ts fills it from /api/state. */
export function renderShell(appJs: string, title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} \u2014 Support Tracker workbench</title>
<style>${CSS}</style>
</head>
<body>
<header>
  <h1>Support Tracker workbench</h1>
  <span id="workbook" class="muted">${escapeHtml(title)}</span>
  <a id="dashboard-link" href="/dashboard" target="_blank" rel="noopener" hidden>Public dashboard</a>
</header>
<nav id="menus" aria-label="Add-on menus"></nav>
<div id="status" role="status" aria-live="polite"></div>
<div id="alerts" aria-live="assertive"></div>
<main>
  <div id="content">
    <div id="tabs" role="tablist" aria-label="Sheets"></div>
    <section id="view" aria-label="Sheet contents"></section>
  </div>
  <aside id="sidebar" aria-labelledby="sidebar-title" hidden>
    <div class="bar"><h2 id="sidebar-title">Sidebar</h2><button type="button" id="sidebar-close" class="small" aria-label="Close sidebar">\u2715</button></div>
    <iframe id="sidebar-frame" title="Sidebar"></iframe>
  </aside>
</main>
<dialog id="dialog" aria-labelledby="dialog-title">
  <div class="bar"><h2 id="dialog-title">Dialog</h2><button type="button" id="dialog-close" class="small" aria-label="Close dialog">\u2715</button></div>
  <iframe id="dialog-frame" title="Dialog"></iframe>
</dialog>
<script>${appJs}</script>
</body>
</html>`;
}
