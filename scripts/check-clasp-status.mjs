// Asserts that `clasp status --json` would push exactly the files of a build (no more, no fewer):
// dist/ with .clasp.json (bound script), or with --addon dist-addon/ with .clasp.addon.json.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The clasp project file and build folder of each build. */
export function claspTarget(addon = false) {
  return addon
    ? { project: '.clasp.addon.json', dir: 'dist-addon' }
    : { project: '.clasp.json', dir: 'dist' };
}

export function claspStatus(cwd = process.cwd(), addon = false) {
  const args = ['--no-install', 'clasp'];
  if (addon) args.push('-P', claspTarget(true).project);
  args.push('status', '--json');
  const out = execFileSync('npx', args, { cwd, encoding: 'utf8' });
  return JSON.parse(out.slice(out.indexOf('{')));
}

export function compareWithDist(cwd = process.cwd(), addon = false) {
  const { dir } = claspTarget(addon);
  const status = claspStatus(cwd, addon);
  const dist = fs
    .readdirSync(path.join(cwd, dir))
    .map((f) => `${dir}/${f}`)
    .sort();
  const pushed = [...status.filesToPush].sort();
  return {
    dist,
    pushed,
    untracked: status.untrackedFiles ?? [],
    same: JSON.stringify(dist) === JSON.stringify(pushed),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const addon = process.argv.includes('--addon');
  const r = compareWithDist(process.cwd(), addon);
  console.log(`clasp would push: ${r.pushed.join(', ')}`);
  if (!r.same || r.untracked.length) {
    console.error(
      `mismatch: ${claspTarget(addon).dir}/ has ${r.dist.join(', ')}; untracked: ${r.untracked.join(', ')}`,
    );
    process.exit(1);
  }
}
