/**
 * Issue #2 acceptance 2: dist/ holds Code.js, the .html pages and appsscript.json, and
 * `clasp status --json` lists exactly those. Plus the bundle-shape rules Apps Script needs.
 * Issue 13: the same for the editor add-on build (ST_ADDON=1: dist-addon/, .clasp.addon.json),
 * whose manifest alone asks for `spreadsheets` (its time trigger opens the sheet by ID).
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { execFileSync } from 'node:child_process';
import { ADDON_BUILD, buildDir } from '../helpers/runtime';

const root = path.resolve(__dirname, '../..');
const dist = buildDir(ADDON_BUILD);
const dirName = ADDON_BUILD ? 'dist-addon' : 'dist';
const code = fs.readFileSync(path.join(dist, 'Code.js'), 'utf8');

describe('built dist/', () => {
  it('holds exactly Code.js, the pages and appsscript.json', () => {
    const files = fs.readdirSync(dist).sort();
    const pages = fs
      .readdirSync(path.join(root, 'src/client/pages'))
      .filter((d) => fs.statSync(path.join(root, 'src/client/pages', d)).isDirectory())
      .map((d) => `${d}.html`);
    expect(files).toEqual(['Code.js', 'appsscript.json', ...pages].sort());
  });

  it('clasp status --json lists exactly the files in dist/', () => {
    // clasp reads .clasp.json (rootDir dist/) or .clasp.addon.json (rootDir dist-addon/).
    if (dist !== path.join(root, dirName)) return;
    const project = ADDON_BUILD ? ['-P', '.clasp.addon.json'] : [];
    const out = execFileSync('npx', ['--no-install', 'clasp', ...project, 'status', '--json'], {
      cwd: root,
      encoding: 'utf8',
    });
    const status = JSON.parse(out.slice(out.indexOf('{'))) as {
      filesToPush: string[];
      untrackedFiles: string[];
    };
    const expected = fs.readdirSync(dist).map((f) => `${dirName}/${f}`);
    expect([...status.filesToPush].sort()).toEqual(expected.sort());
    expect(status.untrackedFiles).toEqual([]);
  });

  it('Code.js is one IIFE global plus a top-level function stub per public global', () => {
    expect(code).toMatch(/^var SupportTracker = \(\(\) => \{/m);
    const ctx = vm.createContext({});
    vm.runInContext(code, ctx);
    const lib = (ctx as Record<string, Record<string, unknown>>).SupportTracker;
    const exported = Object.keys(lib).filter((k) => typeof lib[k] === 'function');
    const stubs = [...code.matchAll(/^function (\w+)\(\.\.\.args\) \{$/gm)].map((m) => m[1]);
    expect(stubs.sort()).toEqual(exported.sort());
    for (const name of exported)
      expect(typeof (ctx as Record<string, unknown>)[name]).toBe('function');
  });

  it('is V8-safe: parses as a plain script, never opens other files, loads no CDN', () => {
    expect(() => new vm.Script(code)).not.toThrow();
    expect(code).not.toMatch(/openByUrl/);
    // Only the add-on's time trigger opens a spreadsheet, its own, by the ID stored at setup.
    expect((code.match(/\bopenById\(/g) ?? []).length).toBe(ADDON_BUILD ? 1 : 0);
    for (const f of fs.readdirSync(dist).filter((x) => x.endsWith('.html'))) {
      const html = fs.readFileSync(path.join(dist, f), 'utf8');
      expect(html).not.toMatch(/<script[^>]+src=["']?https?:/i);
      expect(html).not.toMatch(/<link[^>]+href=["']?https?:/i);
    }
  });

  it('manifest: V8, New York, exception logging, least-privilege scopes', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('America/New_York');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect([...manifest.oauthScopes].sort()).toEqual(
      [
        'https://www.googleapis.com/auth/script.container.ui',
        'https://www.googleapis.com/auth/script.scriptapp',
        'https://www.googleapis.com/auth/script.send_mail',
        ADDON_BUILD
          ? 'https://www.googleapis.com/auth/spreadsheets'
          : 'https://www.googleapis.com/auth/spreadsheets.currentonly',
        'https://www.googleapis.com/auth/userinfo.email',
      ].sort(),
    );
    // The bound build deploys the dashboard web app; an editor add-on has none.
    expect(manifest.webapp === undefined).toBe(ADDON_BUILD);
  });
});
