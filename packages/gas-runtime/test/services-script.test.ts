/** ScriptApp triggers: creation, listing, deletion, limits and deterministic firing. */
import { TOO_MANY_TRIGGERS_MESSAGE, nextFireTime } from '../src/services';
import { runtimeFor } from './helpers';

const CODE = `
function install() {
  ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(6).nearMinute(0).create();
  ScriptApp.newTrigger('weekly').timeBased().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(8).create();
  return ScriptApp.getProjectTriggers().map(function (t) {
    return [t.getHandlerFunction(), String(t.getEventType()), String(t.getTriggerSource()), t.getUniqueId().length > 0];
  });
}
function once(ms) { return ScriptApp.newTrigger('oneOff').timeBased().after(ms).create().getUniqueId(); }
function onEditTrigger() {
  return String(ScriptApp.newTrigger('edited').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create().getEventType());
}
function log(name, e) {
  var p = PropertiesService.getScriptProperties();
  var list = JSON.parse(p.getProperty('fired') || '[]');
  list.push([name, Utilities.formatDate(new Date(), 'America/New_York', 'EEE yyyy-MM-dd HH:mm'), e.triggerUid === undefined ? 'no uid' : 'uid',
    Session.getEffectiveUser().getEmail(), String(e.authMode)]);
  p.setProperty('fired', JSON.stringify(list));
}
function daily(e) { log('daily', e); }
function weekly(e) { log('weekly', e); }
function oneOff(e) { log('oneOff', e); }
function broken() { throw new Error('Boom'); }
function installBroken() { ScriptApp.newTrigger('broken').timeBased().everyHours(1).create(); }
function removeNamed(name) {
  ScriptApp.getProjectTriggers().forEach(function (t) { if (t.getHandlerFunction() === name) ScriptApp.deleteTrigger(t); });
  return ScriptApp.getProjectTriggers().length;
}
function many(n) { for (var i = 0; i < n; i++) ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(1).create(); }
function bad(kind) {
  var b = ScriptApp.newTrigger('daily').timeBased();
  if (kind === 'hours') b.everyHours(3);
  if (kind === 'minutes') b.everyMinutes(7);
  if (kind === 'hour') b.everyDays(1).atHour(24);
  if (kind === 'none') b.create();
}
function info() { return [ScriptApp.getScriptId(), ScriptApp.getService().getUrl(), String(ScriptApp.AuthMode.FULL)]; }
`;

function fired(rt: ReturnType<typeof runtimeFor>): string[][] {
  return JSON.parse(rt.properties.script.get('fired') ?? '[]');
}

describe('ScriptApp triggers', () => {
  it('creates and lists time-driven triggers', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('install')).toEqual([
      ['daily', 'CLOCK', 'CLOCK', true],
      ['weekly', 'CLOCK', 'CLOCK', true],
    ]);
    expect(rt.triggers.handlers()).toEqual(['daily', 'weekly']);
    expect(rt.run('onEditTrigger')).toBe('ON_EDIT');
    expect(rt.triggers.triggers[2]).toMatchObject({
      source: 'SPREADSHEETS',
      eventType: 'ON_EDIT',
      nextFire: null,
    });
  });

  it('fires due triggers in time order in the spreadsheet time zone, across a DST change', () => {
    const rt = runtimeFor(CODE, {
      now: new Date('2026-03-03T15:00:00Z'),
      owner: 'lead@example.gov',
    }); // Tue 10:00 EST
    rt.run('install');
    const results = rt.fireDueTriggers(new Date('2026-03-10T00:00:00Z'));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(fired(rt).map((f) => `${f[0]} ${f[1]}`)).toEqual([
      'daily Wed 2026-03-04 06:00',
      'daily Thu 2026-03-05 06:00',
      'daily Fri 2026-03-06 06:00',
      'daily Sat 2026-03-07 06:00',
      'daily Sun 2026-03-08 06:00', // first day of EDT: still 06:00 local
      'daily Mon 2026-03-09 06:00',
      'weekly Mon 2026-03-09 08:00',
    ]);
    expect(fired(rt)[0].slice(2)).toEqual(['uid', 'lead@example.gov', 'FULL']);
    expect(results[4].at.toISOString()).toBe('2026-03-08T10:00:00.000Z');
    expect(rt.clock.now().toISOString()).toBe('2026-03-10T00:00:00.000Z');
    // Nothing more is due until the next morning (06:00 EDT = 10:00 UTC).
    expect(rt.fireDueTriggers(new Date('2026-03-10T09:59:00Z'))).toEqual([]);
    expect(rt.fireDueTriggers(new Date('2026-03-10T10:00:00Z')).map((r) => r.handler)).toEqual([
      'daily',
    ]);
  });

  it('one-off triggers fire once and stay listed until deleted', () => {
    const rt = runtimeFor(CODE);
    const id = rt.run('once', 60000);
    expect(rt.fireDueTriggers(rt.clock.now().getTime() + 59999)).toEqual([]);
    const r = rt.fireDueTriggers(rt.clock.now().getTime() + 10 * 60000);
    expect(r.map((x) => [x.handler, x.triggerId, x.ok])).toEqual([['oneOff', id, true]]);
    expect(rt.triggers.triggers[0]).toMatchObject({ fired: 1, nextFire: null });
    expect(rt.run('removeNamed', 'oneOff')).toBe(0);
  });

  it('reports a failing handler without stopping the others', () => {
    const rt = runtimeFor(CODE);
    rt.run('installBroken');
    rt.run('install');
    const r = rt.fireDueTriggers(rt.clock.now().getTime() + 24 * 3600000);
    expect(r.filter((x) => x.handler === 'broken')).toHaveLength(24);
    expect(r.find((x) => x.handler === 'broken')).toMatchObject({ ok: false, error: 'Boom' });
    expect(r.filter((x) => x.handler === 'daily' && x.ok)).toHaveLength(1);
  });

  it("deletes triggers; lists only the current user's; enforces 20 per user", () => {
    const rt = runtimeFor(CODE);
    rt.run('install');
    rt.runAs({ user: 'other@example.gov' }, 'once', 1000);
    expect(rt.run('removeNamed', 'weekly')).toBe(1);
    expect(rt.triggers.handlers()).toEqual(['daily', 'oneOff']);
    expect(() => rt.run('many', 20)).toThrow(TOO_MANY_TRIGGERS_MESSAGE);
    expect(rt.triggers.forUser('lead@example.gov')).toHaveLength(20);
  });

  it('validates schedules like Apps Script', () => {
    const rt = runtimeFor(CODE);
    expect(() => rt.run('bad', 'hours')).toThrow('Invalid argument: hours');
    expect(() => rt.run('bad', 'minutes')).toThrow('Invalid argument: minutes');
    expect(() => rt.run('bad', 'hour')).toThrow('Invalid argument: hour');
    expect(() => rt.run('bad', 'none')).toThrow(/needs a schedule/);
  });

  it('exposes script id, service URL and enums', () => {
    const rt = runtimeFor(CODE, { scriptId: 'abc123' });
    expect(rt.run('info')).toEqual([
      'abc123',
      'https://script.google.com/macros/s/abc123/exec',
      'FULL',
    ]);
  });

  it('nextFireTime handles every-n-days, weekly and hourly specs', () => {
    const created = Date.parse('2026-03-03T15:00:00Z');
    const tz = 'America/New_York';
    expect(
      new Date(
        nextFireTime({ kind: 'days', n: 2, hour: 9, timeZone: tz }, created, created)!,
      ).toISOString(),
    ).toBe('2026-03-04T14:00:00.000Z');
    const second = nextFireTime(
      { kind: 'days', n: 2, hour: 9, timeZone: tz },
      created,
      Date.parse('2026-03-04T14:00:00Z'),
    );
    expect(new Date(second!).toISOString()).toBe('2026-03-06T14:00:00.000Z');
    expect(nextFireTime({ kind: 'hours', n: 4, timeZone: tz }, created, created)).toBe(
      created + 4 * 3600000,
    );
    const weekly = nextFireTime(
      { kind: 'weeks', n: 2, weekday: 5, hour: 7, timeZone: tz },
      created,
      created,
    );
    expect(new Date(weekly!).toISOString()).toBe('2026-03-06T12:00:00.000Z');
  });
});

describe('installable spreadsheet triggers', () => {
  it('fireSpreadsheetEvent runs ON_EDIT handlers as their creator with the event', () => {
    const rt = runtimeFor(
      `${CODE}\nfunction edited(e) { PropertiesService.getScriptProperties().setProperty('edit', e.value + '|' + String(e.authMode) + '|' + e.source.getName()); }`,
      { spreadsheetName: 'Support' },
    );
    rt.run('onEditTrigger');
    const r = rt.fireSpreadsheetEvent('ON_EDIT', { value: 'x' });
    expect(r.map((x) => [x.handler, x.ok])).toEqual([['edited', true]]);
    expect(rt.properties.script.get('edit')).toBe('x|FULL|Support');
    expect(rt.fireSpreadsheetEvent('ON_OPEN')).toEqual([]);
  });
});
