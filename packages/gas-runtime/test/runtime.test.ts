/**
 * The runtime itself: loading a bundle with gas-local, executions (run / runAs / runFromClient),
 * AuthMode.NONE, the virtual clock, interleaved executions and persistence.
 */
import { createRuntime } from '../src';
import { runtimeFor, tempBundle } from './helpers';

const CODE = `
var SupportTracker = (function () {
  return {
    hello: function (name) { return 'Hello, ' + name + ' from ' + Session.getActiveUser().getEmail(); },
  };
})();
function hello() { return SupportTracker.hello.apply(null, arguments); }
function whoAmI() { return { active: Session.getActiveUser().getEmail(), effective: Session.getEffectiveUser().getEmail() }; }
function today() { return new Date(); }
function isDate(x) { return x instanceof Date; }
function echo(x) { return x; }
function withDate() { return { when: new Date(), n: 1 }; }
function fail() { throw new Error('Nope: ' + 42); }
function privateFn_() { return 1; }
function onOpen(e) {
  SpreadsheetApp.getUi().createMenu('Support').addItem('Log a request', 'showSidebar').addToUi();
  return String(e && e.authMode);
}
function onOpenGreedy(e) {
  SpreadsheetApp.getUi().createMenu('Support').addItem('Log', 'x').addToUi();
  return PropertiesService.getDocumentProperties().getProperty('k');
}
function readSheet() { return SpreadsheetApp.getActiveSpreadsheet(); }
function mail() { MailApp.sendEmail('a@example.gov', 's', 'b'); }
function setProp(k, v) { PropertiesService.getScriptProperties().setProperty(k, v); return Utilities.getUuid(); }
function counter() {
  var lock = LockService.getDocumentLock();
  if (!lock.tryLock(5000)) return 'busy';
  var p = PropertiesService.getScriptProperties();
  var n = Number(p.getProperty('n') || 0);
  p.setProperty('n', String(n + 1));
  return 'ok:' + (n + 1);
}
function errorIsRealmError() { try { LockService.getDocumentLock().waitLock(-1); } catch (e) { return e instanceof Error && e.name; } }
`;

describe('createRuntime: loading a bundle', () => {
  it('loads Code.js through gas-local and runs a top-level function', () => {
    const rt = createRuntime({ distDir: tempBundle(CODE), user: 'ana@example.gov' });
    expect(rt.run('hello', 'Ana')).toBe('Hello, Ana from ana@example.gov');
    expect(typeof rt.globals.SupportTracker).toBe('object');
    expect(rt.tracker.snapshot().byMethod['Session.getActiveUser']).toBe(1);
  });

  it('fails clearly when the bundle was not built', () => {
    expect(() => createRuntime({ distDir: '/nonexistent/dist' })).toThrow(
      /Code\.js not found: run `npm run build`/,
    );
  });

  it('throws "Script function not found" for unknown functions', () => {
    const rt = runtimeFor(CODE);
    expect(() => rt.run('nope')).toThrow('Script function not found: nope');
  });

  it('service errors are created in the bundle realm, named Exception', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('errorIsRealmError')).toBe('Exception');
  });
});

describe('executions and users', () => {
  it('runAs switches the active user; triggers use the creator as effective user', () => {
    const rt = runtimeFor(CODE, { user: 'lead@example.gov' });
    expect(rt.run('whoAmI')).toEqual({ active: 'lead@example.gov', effective: 'lead@example.gov' });
    expect(
      rt.runAs({ user: 'bo@example.gov', effectiveUser: 'lead@example.gov' }, 'whoAmI'),
    ).toEqual({
      active: 'bo@example.gov',
      effective: 'lead@example.gov',
    });
  });

  it('the global Date follows the virtual clock and produces host Dates', () => {
    const rt = runtimeFor(CODE, { now: new Date('2026-01-05T10:00:00Z') });
    const d = rt.run('today') as Date;
    expect(d).toBeInstanceOf(Date);
    expect(d.toISOString()).toBe('2026-01-05T10:00:00.000Z');
    rt.clock.advance(90_000);
    expect((rt.run('today') as Date).toISOString()).toBe('2026-01-05T10:01:30.000Z');
    expect(rt.run('isDate', new Date())).toBe(true);
    rt.clock.set(new Date('2027-01-01T00:00:00Z'));
    expect(rt.clock.now().toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('without `now`, the clock follows real time', () => {
    const rt = runtimeFor(CODE, { now: undefined });
    const d = rt.run('today') as Date;
    expect(Math.abs(d.getTime() - Date.now())).toBeLessThan(5000);
  });
});

describe('AuthMode.NONE (onOpen of an unauthorized add-on)', () => {
  it('menus work; data, properties, mail and the active user throw the authorization error', () => {
    const rt = runtimeFor(CODE);
    expect(rt.runAs({ authMode: 'NONE' }, 'onOpen', { authMode: 'NONE' })).toBe('NONE');
    expect(rt.ui.menuFunctions('Support')).toEqual(['showSidebar']);
    expect(() => rt.runAs({ authMode: 'NONE' }, 'onOpenGreedy')).toThrow(
      /^You do not have permission to call PropertiesService\.getDocumentProperties\. Required permissions: /,
    );
    expect(() => rt.runAs({ authMode: 'NONE' }, 'readSheet')).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly',
    );
    expect(() => rt.runAs({ authMode: 'NONE' }, 'mail')).toThrow(
      /permission to call MailApp\.sendEmail/,
    );
    expect(() => rt.runAs({ authMode: 'NONE' }, 'whoAmI')).toThrow(
      /permission to call Session\.getActiveUser/,
    );
    expect(rt.outbox.messages).toHaveLength(0);
    // The same calls work under FULL.
    expect(rt.runAs({ authMode: 'FULL' }, 'onOpenGreedy')).toBeNull();
  });
});

describe('AuthMode.LIMITED (simple triggers of a bound script)', () => {
  it('may read the document and properties, but not send mail or manage triggers', () => {
    const rt = runtimeFor(CODE);
    expect(rt.runAs({ authMode: 'LIMITED' }, 'onOpenGreedy')).toBeNull();
    expect(rt.runAs({ authMode: 'LIMITED' }, 'readSheet')).toBeTruthy();
    expect(() => rt.runAs({ authMode: 'LIMITED' }, 'mail')).toThrow(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(rt.outbox.messages).toHaveLength(0);
  });
});

describe('runFromClient: google.script.run semantics', () => {
  it('rejects Dates and functions in arguments, also nested, like the client library', () => {
    const rt = runtimeFor(CODE);
    expect(() => rt.runFromClient('echo', new Date())).toThrow(
      'Failed due to illegal value in property: 0',
    );
    expect(() => rt.runFromClient('echo', { a: { when: new Date() } })).toThrow(
      'Failed due to illegal value in property: when',
    );
    expect(() => rt.runFromClient('echo', 'ok', { f: () => 1 })).toThrow(
      'illegal value in property: f',
    );
    expect(() => rt.runFromClient('echo', 'ok', () => 1)).toThrow('illegal value in property: 1');
    let caught: unknown;
    try {
      rt.runFromClient('echo', [1, new Date()]);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(TypeError);
    expect((caught as { path?: string }).path).toBe('0.1');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => rt.runFromClient('echo', cyclic)).toThrow('Failed due to circular reference.');
  });

  it('copies arguments and return values (undefined array entries become null)', () => {
    const rt = runtimeFor(CODE);
    const arg = { list: [1, undefined, 'x'], nested: { ok: true }, gone: undefined };
    const out = rt.runFromClient('echo', arg) as typeof arg;
    expect(out).toEqual({ list: [1, null, 'x'], nested: { ok: true } });
    expect(out).not.toBe(arg);
    expect(out.nested).not.toBe(arg.nested);
  });

  it('a return value containing a Date reaches the client as null (and is reported)', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('withDate')).toMatchObject({ n: 1 });
    expect(rt.runFromClient('withDate')).toBeNull();
    expect(rt.clientWarnings).toEqual([{ name: 'withDate', path: 'when' }]);
  });

  it('server errors reach the failure handler as an Error with the message; private functions are not callable', () => {
    const rt = runtimeFor(CODE);
    expect(() => rt.runFromClient('fail')).toThrow('Nope: 42');
    expect(() => rt.runFromClient('privateFn_')).toThrow('Script function not found: privateFn_');
  });
});

describe('concurrency emulation', () => {
  it('a nested execution started at a service call has its own lock identity', () => {
    const rt = runtimeFor(CODE);
    let nested: unknown;
    // When the outer execution reads the property (it holds the document lock), a second
    // execution starts; it cannot get the lock, waits 5 s of virtual time, and gives up.
    rt.interleave(
      (c) => c.name === 'Properties.getProperty',
      () => {
        nested = rt.run('counter');
      },
    );
    const before = rt.clock.now().getTime();
    expect(rt.run('counter')).toBe('ok:1');
    expect(nested).toBe('busy');
    expect(rt.clock.now().getTime() - before).toBe(5000);
    // Locks are released when the execution ends: the next run gets it.
    expect(rt.locks.snapshot()).toEqual({});
    expect(rt.run('counter')).toBe('ok:2');
  });
});

describe('persistence', () => {
  it('toJSON captures properties, triggers and outbox; a new runtime restores them', () => {
    const rt = runtimeFor(CODE);
    rt.run('setProp', 'k', 'v');
    rt.run('mail');
    const state = JSON.parse(JSON.stringify(rt.toJSON()));
    const rt2 = createRuntime({
      distDir: tempBundle(CODE),
      state,
      now: new Date('2026-03-03T15:00:00Z'),
    });
    expect(rt2.properties.script.get('k')).toBe('v');
    expect(rt2.outbox.messages).toHaveLength(1);
    expect(rt2.outbox.messages[0].sentAt).toBeInstanceOf(Date);
    expect(rt2.toJSON().timeZone).toBe('America/New_York');
  });
});

describe('kills, latency and the execution time limit', () => {
  const KILL_CODE = `
function work(n) {
  var p = PropertiesService.getScriptProperties();
  try {
    for (var i = 1; i <= n; i++) p.setProperty('step', String(i));
  } catch (e) {
    p.setProperty('caught', e.message); // a catch-all cannot write after a kill
  }
  return 'done';
}
function elapsed(n) {
  var t = Date.now();
  var p = PropertiesService.getScriptProperties();
  for (var i = 0; i < n; i++) p.getProperty('x');
  return Date.now() - t;
}`;

  it('killAt stops an execution at an exact call; later calls of that execution fail too', () => {
    const rt = runtimeFor(KILL_CODE);
    let seen = 0;
    rt.killAt((c) => c.name === 'Properties.setProperty' && ++seen === 3);
    expect(() => rt.run('work', 5)).toThrow('Execution killed');
    expect(rt.properties.script.get('step')).toBe('2');
    expect(rt.properties.script.has('caught')).toBe(false);
    // The next execution is not affected.
    expect(rt.run('work', 5)).toBe('done');
    expect(rt.properties.script.get('step')).toBe('5');
  });

  it('simulateLatency advances the clock by the estimated time; the 6-minute limit kills', () => {
    const rt = runtimeFor(KILL_CODE, { simulateLatency: true });
    expect(rt.run('elapsed', 10)).toBe(10 * 30 + 30); // 10 getProperty + 1 getScriptProperties, 30 ms each
    expect(() => rt.run('elapsed', 13000)).toThrow('Exceeded maximum execution time');
    expect(rt.run('elapsed', 1)).toBe(60);
  });
});
