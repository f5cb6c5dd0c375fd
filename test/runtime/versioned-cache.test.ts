/**
 * src/gas/versionedCache.ts through the local runtime: a tiny bundle of just that module, so the
 * cache's freshness rules are tested with real CacheService/PropertiesService semantics.
 */
import * as esbuild from 'esbuild';
import path from 'node:path';
import type { Runtime } from '../../packages/gas-runtime/src';
import { runtimeFor } from '../helpers/runtime';

const root = path.resolve(__dirname, '../..');

function bundle(): string {
  const out = esbuild.buildSync({
    stdin: {
      contents: `
        import { cachedJson, bumpCacheVersion } from './src/gas/versionedCache';
        let builds = 0;
        export function read(scope, store) {
          return cachedJson(scope, 'k', () => ({ n: ++builds }), { store });
        }
        export function readWithBumpDuringBuild(scope) {
          // A refresh bumps the version while this cold reader is still building.
          return cachedJson(scope, 'k', () => { bumpCacheVersion(scope); return { n: ++builds, stale: true }; });
        }
        export function bump(scope, store) { return bumpCacheVersion(scope, store); }
        export function buildCount() { return builds; }
      `,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'VC',
    target: 'es2020',
    write: false,
  });
  const stubs = ['read', 'readWithBumpDuringBuild', 'bump', 'buildCount']
    .map((n) => `function ${n}(...a) { return VC.${n}(...a); }`)
    .join('\n');
  return `${out.outputFiles[0].text}\n${stubs}`;
}

describe('versioned cache', () => {
  let rt: Runtime;
  beforeEach(() => {
    rt = runtimeFor(bundle());
  });

  it('builds once, then serves the cached value with 4 service calls', () => {
    expect(rt.run('read', 'opts')).toEqual({ n: 1 });
    rt.tracker.reset();
    expect(rt.run('read', 'opts')).toEqual({ n: 1 });
    expect(rt.tracker.snapshot().calls).toBeLessThanOrEqual(4);
    expect(rt.run('buildCount')).toBe(1);
  });

  it('a bump makes every entry of the scope stale, other scopes keep theirs', () => {
    rt.run('read', 'a');
    rt.run('read', 'b');
    rt.run('bump', 'a');
    expect(rt.run('read', 'a')).toEqual({ n: 3 });
    expect(rt.run('read', 'b')).toEqual({ n: 2 });
  });

  it('a stale writer never replaces a newer entry', () => {
    expect(rt.run('readWithBumpDuringBuild', 'dash')).toEqual({ n: 1, stale: true });
    // The value built before the bump was stored under the old version: the next read rebuilds.
    expect(rt.run('read', 'dash')).toEqual({ n: 2 });
    expect(rt.run('read', 'dash')).toEqual({ n: 2 });
  });

  it('script store is separate from the document store', () => {
    rt.run('read', 's', 'script');
    rt.run('bump', 's', 'document');
    expect(rt.run('read', 's', 'script')).toEqual({ n: 1 });
    rt.run('bump', 's', 'script');
    expect(rt.run('read', 's', 'script')).toEqual({ n: 2 });
  });
});
