/** MailApp, Utilities (formatDate across DST, digests, base64, blobs, sleep), Session, ContentService, Logger. */
import crypto from 'node:crypto';
import { MAIL_QUOTA_MESSAGE, formatDate } from '../src/services';
import { runtimeFor } from './helpers';

const CODE = `
function send(a, b, c, d) { MailApp.sendEmail(a, b, c, d); return MailApp.getRemainingDailyQuota(); }
function sendWithImage() {
  var png = Utilities.newBlob([137, 80, 78, 71], 'image/png', 'chart.png');
  MailApp.sendEmail({
    to: 'team@example.gov, lead@example.gov', cc: 'boss@example.gov', bcc: 'audit@example.gov',
    subject: 'Weekly', body: 'plain', htmlBody: '<img src="cid:chart">', name: 'Support Tracker',
    replyTo: 'noreply@example.gov', inlineImages: { chart: png },
    attachments: [Utilities.newBlob('a,b', 'text/csv', 'data.csv')],
  });
  return MailApp.getRemainingDailyQuota();
}
function fmt(ms, tz, p) { return Utilities.formatDate(new Date(ms), tz, p); }
function fmtBad() { return Utilities.formatDate('2026-01-01', 'UTC', 'yyyy'); }
function fstr() { return Utilities.formatString.apply(Utilities, arguments); }
function digest(alg, s) { return Utilities.computeDigest(Utilities.DigestAlgorithm[alg], s); }
function b64(s) { return [Utilities.base64Encode(s), Utilities.base64EncodeWebSafe(s), Utilities.newBlob(Utilities.base64Decode(Utilities.base64Encode(s))).getDataAsString()]; }
function blob() { var b = Utilities.newBlob('héllo', 'text/plain', 'a.txt'); return [b.getDataAsString(), b.getContentType(), b.getName(), b.getBytes().length]; }
function sleepy() { var t = Date.now(); Utilities.sleep(1500); return Date.now() - t; }
function uuid() { return Utilities.getUuid(); }
function session() {
  return [Session.getScriptTimeZone(), Session.getActiveUserLocale(), Session.getTemporaryActiveUserKey(), Session.getEffectiveUser().getEmail()];
}
function json(obj) {
  var out = ContentService.createTextOutput(JSON.stringify(obj)).setMimeType(ContentService.MimeType.JSON);
  return [out.getContent(), String(out.getMimeType()), out.getMimeType() === ContentService.MimeType.JSON];
}
function doGet(e) {
  if (e.parameter.format === 'json') return ContentService.createTextOutput(JSON.stringify({ q: e.parameter.q })).setMimeType(ContentService.MimeType.JSON);
  return HtmlService.createHtmlOutput('<h1>' + e.parameter.q + '</h1>').setTitle('Dash');
}
function logs() { Logger.log('a %s b', 1); Logger.log({ x: 1 }); console.log('c', 2); console.error('bad'); return Logger.getLog(); }
`;

describe('MailApp', () => {
  it('keeps every message in the outbox, with HTML, inline images and attachments; quota per recipient', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('sendWithImage')).toBe(96);
    const m = rt.outbox.last!;
    expect(m).toMatchObject({
      to: ['team@example.gov', 'lead@example.gov'],
      cc: ['boss@example.gov'],
      bcc: ['audit@example.gov'],
      subject: 'Weekly',
      body: 'plain',
      htmlBody: '<img src="cid:chart">',
      name: 'Support Tracker',
      replyTo: 'noreply@example.gov',
      from: 'lead@example.gov',
    });
    expect(m.inlineImages.chart).toEqual({
      name: 'chart.png',
      contentType: 'image/png',
      base64: 'iVBORw==',
      size: 4,
    });
    expect(m.attachments[0]).toMatchObject({ name: 'data.csv', contentType: 'text/csv', size: 3 });
    expect(m.sentAt.toISOString()).toBe('2026-03-03T15:00:00.000Z');
    expect(rt.outbox.to('BOSS@example.gov')).toHaveLength(1);
  });

  it('supports the (recipient, subject, body[, options]) and (to, replyTo, subject, body) forms', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('send', 'a@example.gov', 'S', 'B', { htmlBody: '<b>B</b>', noReply: true })).toBe(
      99,
    );
    expect(rt.outbox.last).toMatchObject({
      subject: 'S',
      body: 'B',
      htmlBody: '<b>B</b>',
      noReply: true,
    });
    rt.run('send', 'a@example.gov', 'r@example.gov', 'S2', 'B2');
    expect(rt.outbox.last).toMatchObject({ replyTo: 'r@example.gov', subject: 'S2', body: 'B2' });
  });

  it('rejects invalid addresses with "Invalid email: ..." and sends nothing', () => {
    const rt = runtimeFor(CODE);
    expect(() => rt.run('send', 'not-an-address', 'S', 'B')).toThrow(
      'Invalid email: not-an-address',
    );
    expect(() => rt.run('send', 'a@example.gov', 'S', 'B', { cc: 'x@y' })).toThrow(
      'Invalid email: x@y',
    );
    expect(rt.outbox.messages).toHaveLength(0);
    expect(rt.outbox.remainingQuota).toBe(100);
  });

  it('a short quota throws the real error and sends nothing', () => {
    const rt = runtimeFor(CODE);
    rt.outbox.setRemainingDailyQuota(3);
    expect(() => rt.run('sendWithImage')).toThrow(MAIL_QUOTA_MESSAGE);
    expect(rt.outbox.messages).toHaveLength(0);
    expect(rt.run('send', 'a@example.gov', 'S', 'B')).toBe(2);
  });
});

describe('Utilities.formatDate', () => {
  const rt = runtimeFor(CODE);
  const NY = 'America/New_York';

  it('renders Java SimpleDateFormat patterns across the spring-forward DST change', () => {
    const before = Date.parse('2026-03-08T06:59:00Z');
    const after = Date.parse('2026-03-08T07:00:00Z');
    const p = 'yyyy-MM-dd HH:mm z Z XXX';
    expect(rt.run('fmt', before, NY, p)).toBe('2026-03-08 01:59 EST -0500 -05:00');
    expect(rt.run('fmt', after, NY, p)).toBe('2026-03-08 03:00 EDT -0400 -04:00');
  });

  it('and across the fall-back change (01:30 happens twice)', () => {
    expect(formatDate(Date.parse('2026-11-01T05:30:00Z'), NY, 'HH:mm z')).toBe('01:30 EDT');
    expect(formatDate(Date.parse('2026-11-01T06:30:00Z'), NY, 'HH:mm z')).toBe('01:30 EST');
  });

  it('supports names, 12-hour clock, milliseconds, two-digit years and quoted literals', () => {
    const t = Date.parse('2026-03-03T15:04:05.007Z');
    expect(rt.run('fmt', t, NY, 'EEEE, MMMM d, yyyy h:mm a')).toBe(
      'Tuesday, March 3, 2026 10:04 AM',
    );
    expect(rt.run('fmt', t, NY, 'EEE MMM dd yy M/d/y')).toBe('Tue Mar 03 26 3/3/2026');
    expect(rt.run('fmt', t, NY, "''yyyy'' 'at' HH:mm:ss.SSS 'o''clock'")).toBe(
      "'2026' at 10:04:05.007 o'clock",
    );
    expect(rt.run('fmt', t, NY, 'hh:mm:ss S')).toBe('10:04:05 7');
    expect(rt.run('fmt', t, 'UTC', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe('2026-03-03T15:04:05Z');
    expect(rt.run('fmt', t, 'Asia/Kolkata', 'HH:mm XXX Z')).toBe('20:34 +05:30 +0530');
    expect(rt.run('fmt', Date.parse('2026-03-03T04:00:00Z'), NY, 'h a, H')).toBe('11 PM, 23');
    expect(rt.run('fmt', Date.parse('2026-03-03T05:00:00Z'), NY, 'hh a HH')).toBe('12 AM 00');
  });

  it('falls back to GMT for unknown zones and rejects non-Date arguments like Apps Script', () => {
    expect(rt.run('fmt', Date.parse('2026-03-03T15:00:00Z'), 'Not/AZone', 'HH:mm')).toBe('15:00');
    expect(() => rt.run('fmtBad')).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
    expect(() => formatDate(0, 'UTC', 'yyyy-qq')).toThrow("Illegal pattern character 'q'");
  });
});

describe('Utilities', () => {
  const rt = runtimeFor(CODE);
  it('formatString follows Java String.format for the common conversions', () => {
    expect(rt.run('fstr', '%s has %d items, %.2f%%', 'VSP', 3, 12.345)).toBe(
      'VSP has 3 items, 12.35%',
    );
    expect(rt.run('fstr', '[%5s|%-5s|%05d]', 'ab', 'cd', 42)).toBe('[   ab|cd   |00042]');
  });
  it('computeDigest returns signed bytes; base64 and blobs round-trip', () => {
    const expected = Array.from(crypto.createHash('sha256').update('abc').digest(), (b) =>
      b > 127 ? b - 256 : b,
    );
    expect(rt.run('digest', 'SHA_256', 'abc')).toEqual(expected);
    const md5 = (rt.run('digest', 'MD5', '') as number[])
      .map((b) => (b & 0xff).toString(16).padStart(2, '0'))
      .join('');
    expect(md5).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(rt.run('b64', 'hi?>')).toEqual(['aGk/Pg==', 'aGk_Pg==', 'hi?>']);
    expect(rt.run('blob')).toEqual(['héllo', 'text/plain', 'a.txt', 6]);
  });
  it('sleep advances the virtual clock; getUuid gives RFC 4122 ids', () => {
    const t0 = rt.clock.now().getTime();
    expect(rt.run('sleepy')).toBe(1500);
    expect(rt.clock.now().getTime() - t0).toBe(1500);
    expect(rt.run('uuid')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe('Session, ContentService, doGet, Logger', () => {
  it('Session reports the script time zone, locale and a stable per-user key', () => {
    const rt = runtimeFor(CODE, { scriptTimeZone: 'America/Chicago' });
    const [tz, locale, key, eff] = rt.run('session') as string[];
    expect([tz, locale, eff]).toEqual(['America/Chicago', 'en', 'lead@example.gov']);
    expect((rt.run('session') as string[])[2]).toBe(key);
    expect((rt.runAs({ user: 'x@example.gov' }, 'session') as string[])[2]).not.toBe(key);
  });

  it('ContentService text outputs carry their MIME type; rt.get runs doGet like a web request', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('json', { a: 1 })).toEqual(['{"a":1}', 'JSON', true]);
    expect(rt.get({ format: 'json', q: 'x' })).toMatchObject({
      kind: 'text',
      content: '{"q":"x"}',
      mimeType: 'application/json',
    });
    expect(rt.get({ q: 'hi' })).toMatchObject({
      kind: 'html',
      content: '<h1>hi</h1>',
      mimeType: 'text/html',
      title: 'Dash',
    });
  });

  it('Logger and console are captured quietly', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('logs')).toBe('a 1 b\n{"x":1}\n');
    expect(rt.logs.messages()).toEqual(['a 1 b', '{"x":1}', 'c 2', 'bad']);
    expect(rt.logs.messages('error')).toEqual(['bad']);
  });
});
