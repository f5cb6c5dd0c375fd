// Runs a TypeScript entry (workbench, bench) on Node: esbuild bundles it to a temporary CommonJS
// file, keeping node_modules external, then runs it with the remaining arguments.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <entry.ts> [args...]');
  process.exit(2);
}
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'st-run-'));
const outfile = path.join(outDir, path.basename(entry).replace(/\.ts$/, '.cjs'));
await esbuild.build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: 'inline',
  outfile,
  logLevel: 'error',
  absWorkingDir: process.cwd(),
  nodePaths: [path.join(process.cwd(), 'node_modules')],
});
process.argv = [process.argv[0], path.resolve(entry), ...rest];
process.on('exit', () => fs.rmSync(outDir, { recursive: true, force: true }));
process.setSourceMapsEnabled?.(true);
// The bundle lives in a temporary folder: let its external requires resolve from the repo.
process.env.NODE_PATH = [path.join(process.cwd(), 'node_modules'), process.env.NODE_PATH]
  .filter(Boolean)
  .join(path.delimiter);
createRequire(import.meta.url)('node:module')._initPaths();
createRequire(path.join(process.cwd(), 'package.json'))(outfile);
