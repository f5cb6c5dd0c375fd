// Asserts that `clasp status --json` would push exactly the files in dist/ (no more, no fewer).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function claspStatus(cwd = process.cwd()) {
  const out = execFileSync('npx', ['--no-install', 'clasp', 'status', '--json'], {
    cwd,
    encoding: 'utf8',
  });
  return JSON.parse(out.slice(out.indexOf('{')));
}

export function compareWithDist(cwd = process.cwd()) {
  const status = claspStatus(cwd);
  const dist = fs
    .readdirSync(path.join(cwd, 'dist'))
    .map((f) => `dist/${f}`)
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
  const r = compareWithDist();
  console.log(`clasp would push: ${r.pushed.join(', ')}`);
  if (!r.same || r.untracked.length) {
    console.error(`mismatch: dist/ has ${r.dist.join(', ')}; untracked: ${r.untracked.join(', ')}`);
    process.exit(1);
  }
}
