// Build: TypeScript -> one Apps Script bundle (dist/Code.js) + one inlined .html per page.
//
// Code.js is an IIFE (target es2020) assigned to the single global `SupportTracker`, followed by a
// real top-level `function name(...args)` stub for every export of src/main.ts. Apps Script's
// function picker, menus, triggers and google.script.run only see top-level function
// declarations, which is why the stubs exist.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GLOBAL = 'SupportTracker';

/**
 * Two builds from one source (issue 13): the bound script (default, dist/, appsscript.json) and the
 * editor add-on (`--addon` or ST_ADDON=1: dist-addon/, appsscript.addon.json, add-on menu). The
 * bundle reads the flavor through the ST_ADDON_BUILD constant (src/gas/flavor.ts). ST_DIST lets
 * parallel developers build into their own folder.
 */
export function buildTarget(
  addon = process.argv.includes('--addon') || process.env.ST_ADDON === '1',
) {
  return {
    addon,
    dist: path.resolve(root, process.env.ST_DIST || (addon ? 'dist-addon' : 'dist')),
    manifest: path.join(root, addon ? 'appsscript.addon.json' : 'appsscript.json'),
  };
}

export async function build({ quiet = false, addon } = {}) {
  const target = buildTarget(addon);
  const dist = target.dist;
  fs.rmSync(dist, { recursive: true, force: true });
  fs.mkdirSync(dist, { recursive: true });

  // 1. Server bundle.
  const server = await esbuild.build({
    entryPoints: [path.join(root, 'src/main.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2020',
    platform: 'neutral',
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
    define: { ST_ADDON_BUILD: target.addon ? 'true' : 'false' },
  });
  let code = server.outputFiles[0].text;
  // esbuild emits `var SupportTracker = (() => {...})();`; keep it a var so it is a true global.
  const names = exportNames(code);
  if (names.length === 0) throw new Error('src/main.ts exports no public globals');
  const stubs = names
    .map(
      (n) =>
        `/** Public global: see src/main.ts. */\nfunction ${n}(...args) {\n  return ${GLOBAL}.${n}(...args);\n}\n`,
    )
    .join('\n');
  const flavor = target.addon ? 'editor add-on' : 'bound script';
  code = `// Support Tracker (${flavor}) - built bundle. Do not edit: generated from src/ by scripts/build.mjs.\n${code}\n${stubs}`;
  fs.writeFileSync(path.join(dist, 'Code.js'), code);

  // 2. Pages: every folder under src/client/pages/ is one page -> dist/<Folder>.html.
  const pagesDir = path.join(root, 'src/client/pages');
  const pages = fs.existsSync(pagesDir)
    ? fs.readdirSync(pagesDir).filter((d) => fs.statSync(path.join(pagesDir, d)).isDirectory())
    : [];
  for (const page of pages) {
    const html = await buildPage(path.join(pagesDir, page));
    fs.writeFileSync(path.join(dist, `${page}.html`), html);
  }

  // 3. Manifest.
  fs.copyFileSync(target.manifest, path.join(dist, 'appsscript.json'));
  if (!quiet) {
    const files = fs
      .readdirSync(dist)
      .map((f) => `${f} (${fs.statSync(path.join(dist, f)).size} B)`);
    const where = path.relative(root, dist) || dist;
    console.log(
      `built ${where}/ (${flavor}): ${files.join(', ')}\npublic globals: ${names.join(', ')}`,
    );
  }
  return { names, pages };
}

/** Evaluates the IIFE in an empty context to read the names it exports. Nothing runs at load. */
function exportNames(code) {
  const ctx = vm.createContext({});
  vm.runInContext(code, ctx);
  const lib = ctx[GLOBAL];
  if (!lib) throw new Error(`bundle did not define ${GLOBAL}`);
  return Object.keys(lib).filter((k) => typeof lib[k] === 'function');
}

/**
 * A page folder holds index.html (with the markers <!-- inline:css --> and <!-- inline:js -->),
 * main.ts and optionally style.css. JS and CSS are inlined: Apps Script serves one file, no CDN.
 */
async function buildPage(dir) {
  const template = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const js = await esbuild.build({
    entryPoints: [path.join(dir, 'main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  let script = js.outputFiles[0].text;
  // Never let inlined code close its own <script> element or open an HtmlService scriptlet.
  script = script.replace(/<\/(script)/gi, '<\\/$1').replace(/<\?/g, '<\\?');
  const cssPath = path.join(dir, 'style.css');
  const css = fs.existsSync(cssPath) ? inlineCssImports(fs.readFileSync(cssPath, 'utf8')) : '';
  if (!template.includes('<!-- inline:js -->'))
    throw new Error(`${dir}/index.html lacks <!-- inline:js -->`);
  return template
    .replace('<!-- inline:css -->', () => `<style>\n${css}</style>`)
    .replace('<!-- inline:js -->', () => `<script>\n${script}</script>`);
}

/**
 * A page's style.css may start with `@import '../../lib/<name>.css';` lines: the shared base of a
 * family of pages (src/client/lib/). They are inlined in place, so the page stays one file.
 */
function inlineCssImports(css) {
  return css.replace(/^@import '\.\.\/\.\.\/lib\/([\w-]+\.css)';[ \t]*$/gm, (_, file) =>
    fs.readFileSync(path.join(root, 'src/client/lib', file), 'utf8').trimEnd(),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  build().catch((e) => {
    console.error(e.message || e);
    process.exit(1);
  });
}
