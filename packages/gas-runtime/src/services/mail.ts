/**
 * MailApp: sends nothing, keeps every message in an Outbox (host side) with its HTML, plain text,
 * inline images and attachments, for tests and the workbench. Enforces address validity ("Invalid
 * email: ...") and the daily recipient quota (default 100, configurable), counting each To, Cc and
 * Bcc recipient.
 */
import { assertReal } from '../typing';
import { serviceClass } from '../tracker';
import { requireFullAuth, SCOPES, type ServiceEnv } from './env';

export const MAIL_QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';

/** A file part of a message (inline image or attachment), bytes as base64. */
export interface MailPart {
  name: string;
  contentType: string;
  base64: string;
  size: number;
}

export interface SentMail {
  /** 1-based sequence number. */
  id: number;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply: boolean;
  inlineImages: Record<string, MailPart>;
  attachments: MailPart[];
  sentAt: Date;
}

/** Host-side outbox and quota of one runtime. */
export class Outbox {
  messages: SentMail[] = [];
  remainingQuota = 100;

  /** Messages sent to an address (To, Cc or Bcc). */
  to(address: string): SentMail[] {
    const a = address.toLowerCase();
    return this.messages.filter((m) =>
      [...m.to, ...m.cc, ...m.bcc].some((x) => x.toLowerCase() === a),
    );
  }
  get last(): SentMail | undefined {
    return this.messages[this.messages.length - 1];
  }
  setRemainingDailyQuota(n: number): void {
    this.remainingQuota = n;
  }
  clear(): void {
    this.messages = [];
  }
  toJSON(): unknown {
    return { messages: this.messages, remainingQuota: this.remainingQuota };
  }
  load(json: unknown): void {
    const j = (json ?? {}) as { messages?: SentMail[]; remainingQuota?: number };
    this.messages = (j.messages ?? []).map((m) => ({ ...m, sentAt: new Date(m.sentAt) }));
    if (typeof j.remainingQuota === 'number') this.remainingQuota = j.remainingQuota;
  }
}

interface BlobLike {
  getBytes(): number[];
  getContentType(): string | null;
  getName(): string | null;
}

const EMAIL_RE = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;

/** Splits a comma-separated recipient list and validates each address ("Name <a@b.c>" allowed). */
export function parseRecipients(list: unknown, onInvalid: (bad: string) => never): string[] {
  if (list === undefined || list === null || list === '') return [];
  const out: string[] = [];
  for (const raw of String(list).split(',')) {
    const s = raw.trim();
    if (!s) continue;
    const m = /^.*<([^>]+)>$/.exec(s);
    const addr = m ? m[1].trim() : s;
    if (!EMAIL_RE.test(addr)) onInvalid(s);
    out.push(addr);
  }
  return out;
}

type Options = {
  to?: string;
  subject?: string;
  body?: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  cc?: string;
  bcc?: string;
  noReply?: boolean;
  inlineImages?: Record<string, unknown>;
  attachments?: unknown[];
};

export class FakeMailApp implements Pick<
  GoogleAppsScript.Mail.MailApp,
  'sendEmail' | 'getRemainingDailyQuota'
> {
  constructor(
    private readonly _env: ServiceEnv,
    readonly _outbox: Outbox,
  ) {}

  getRemainingDailyQuota(): number {
    requireFullAuth(this._env, 'MailApp.getRemainingDailyQuota', SCOPES.mail);
    return this._outbox.remainingQuota;
  }

  sendEmail(message: GoogleAppsScript.Mail.MailAdvancedParameters): void;
  sendEmail(recipient: string, subject: string, body: string): void;
  sendEmail(
    recipient: string,
    subject: string,
    body: string,
    options: GoogleAppsScript.Mail.MailAdvancedParameters,
  ): void;
  sendEmail(to: string, replyTo: string, subject: string, body: string): void;
  sendEmail(a: unknown, b?: unknown, c?: unknown, d?: unknown): void {
    requireFullAuth(this._env, 'MailApp.sendEmail', SCOPES.mail);
    let o: Options;
    if (a && typeof a === 'object') o = { ...(a as Options) };
    else if (typeof d === 'string')
      o = { to: String(a), replyTo: String(b), subject: String(c), body: d };
    else
      o = {
        ...((d as Options | undefined) ?? {}),
        to: String(a),
        subject: String(b ?? ''),
        body: String(c ?? ''),
      };
    this.send(o);
  }

  private send(o: Options): void {
    const invalid = (bad: string): never => {
      throw this._env.error(`Invalid email: ${bad}`);
    };
    const to = parseRecipients(o.to, invalid);
    const cc = parseRecipients(o.cc, invalid);
    const bcc = parseRecipients(o.bcc, invalid);
    if (o.replyTo) parseRecipients(o.replyTo, invalid);
    const count = to.length + cc.length + bcc.length;
    if (count === 0) throw this._env.error('Failed to send email: no recipient');
    if (o.body === undefined && o.htmlBody === undefined)
      throw this._env.error('Invalid argument: body');
    if (count > this._outbox.remainingQuota) throw this._env.error(MAIL_QUOTA_MESSAGE);
    this._outbox.remainingQuota -= count;
    const inlineImages: Record<string, MailPart> = {};
    for (const [cid, blob] of Object.entries(o.inlineImages ?? {}))
      inlineImages[cid] = part(blob, cid);
    const exec = this._env.exec.current();
    this._outbox.messages.push({
      id: this._outbox.messages.length + 1,
      from: exec.effectiveUser,
      to,
      cc,
      bcc,
      subject: String(o.subject ?? ''),
      body: String(o.body ?? ''),
      htmlBody: o.htmlBody === undefined ? undefined : String(o.htmlBody),
      name: o.name === undefined ? undefined : String(o.name),
      replyTo: o.replyTo === undefined ? undefined : String(o.replyTo),
      noReply: Boolean(o.noReply),
      inlineImages,
      attachments: (o.attachments ?? []).map((b, i) => part(b, `attachment-${i + 1}`)),
      sentAt: this._env.ctx.now(),
    });
  }
}
assertReal<FakeMailApp, GoogleAppsScript.Mail.MailApp>(true);
serviceClass(FakeMailApp, 'MailApp', { getRemainingDailyQuota: 'properties' }, 'mail');

function part(blob: unknown, fallbackName: string): MailPart {
  let b = blob as BlobLike & { getBlob?: () => BlobLike };
  if (b && typeof b.getBytes !== 'function' && typeof b.getBlob === 'function')
    b = b.getBlob() as typeof b;
  if (!b || typeof b.getBytes !== 'function')
    throw new Error('Invalid argument: attachment or inline image is not a Blob');
  const bytes = Buffer.from(b.getBytes().map((x) => x & 0xff));
  return {
    name: b.getName() ?? fallbackName,
    contentType: b.getContentType() ?? 'application/octet-stream',
    base64: bytes.toString('base64'),
    size: bytes.length,
  };
}
