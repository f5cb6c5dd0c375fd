/**
 * One ask: the validation of submitAsk input and the Ask log events (row layout and parsing;
 * no question text is ever logged).
 */
import { cellText, MAX_QUESTION, OUTCOME_ANSWERED, OUTCOME_NEEDS_HELP, safeHttpUrl } from './links';

export const ASK_KEYS = [
  'question',
  'vfsTeam',
  'topic',
  'answered',
  'docUrl',
  'clientRequestId',
] as const;

export interface AskInput {
  question: string;
  vfsTeam: string;
  topic: string;
  answered: boolean;
  docUrl: string;
  clientRequestId: string;
}

export type AskValidation = { ok: true; value: AskInput } | { ok: false; message: string };

const CLIENT_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** Shape checks of submitAsk's input (list values are checked by submitRequest's validation). */
export function validateAskInput(input: unknown): AskValidation {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    return { ok: false, message: 'The question is missing.' };
  const o = input as Record<string, unknown>;
  const extra = Object.keys(o).filter((k) => !(ASK_KEYS as readonly string[]).includes(k));
  if (extra.length)
    return { ok: false, message: `Unknown field(s): ${extra.slice(0, 5).join(', ')}.` };
  const str = (k: string): string | null => {
    const v = o[k];
    if (v === undefined || v === null) return '';
    return typeof v === 'string' ? v : null;
  };
  const question = str('question');
  if (question === null || question.trim() === '')
    return { ok: false, message: 'Type your question first.' };
  if (question.trim().length > MAX_QUESTION)
    return { ok: false, message: `The question is too long (at most ${MAX_QUESTION} characters).` };
  const vfsTeam = str('vfsTeam');
  const topic = str('topic');
  const docUrl = str('docUrl');
  if (vfsTeam === null || topic === null || docUrl === null)
    return { ok: false, message: 'Team, topic and link must be text.' };
  if (typeof o.answered !== 'boolean')
    return { ok: false, message: 'Say whether the answer helped (answered: true or false).' };
  const cid = o.clientRequestId;
  if (typeof cid !== 'string' || !CLIENT_ID.test(cid))
    return { ok: false, message: 'clientRequestId must be 8-64 letters, digits, "-" or "_".' };
  const url = docUrl.trim();
  if (url && !safeHttpUrl(url))
    return { ok: false, message: 'The doc link must be an https:// link.' };
  if (o.answered && !topic.trim())
    return { ok: false, message: 'Choose the suggestion that answered your question.' };
  return {
    ok: true,
    value: {
      question: question.replace(/\r\n?/g, '\n').trim(),
      vfsTeam: vfsTeam.trim(),
      topic: topic.trim(),
      answered: o.answered,
      docUrl: url,
      clientRequestId: cid,
    },
  };
}

/* ------------------------------------------------------------------ events */

/** One ask, as logged on the Ask log tab (no question text). */
export interface AskEvent {
  at: Date;
  requestId: string;
  answered: boolean;
  /** The topic and link chosen ("This answered it"), or judged unhelpful ("I still need help"). */
  topic: string;
  url: string;
  /** What the page suggested for the question. */
  suggested: { topic: string; url: string }[];
}

/** The Ask log row of an event (strings are made literal by the adapter). */
export function askEventRow(e: AskEvent): unknown[] {
  return [
    e.at,
    e.requestId,
    e.answered ? OUTCOME_ANSWERED : OUTCOME_NEEDS_HELP,
    e.topic,
    e.url,
    e.suggested.map((s) => `${s.topic}\t${s.url}`).join('\n'),
  ];
}

function isDateValue(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]' && !isNaN((v as Date).getTime());
}

/** Events from the Ask log's values (row 1 = header); malformed rows are skipped. */
export function parseAskLog(values: readonly (readonly unknown[])[] | undefined): AskEvent[] {
  if (!values) return [];
  const out: AskEvent[] = [];
  for (const row of values.slice(1)) {
    const at = row[0];
    if (!isDateValue(at)) continue;
    const outcome = cellText(row[2]);
    if (outcome !== OUTCOME_ANSWERED && outcome !== OUTCOME_NEEDS_HELP) continue;
    const suggested = cellText(row[5])
      .split('\n')
      .map((line) => line.split('\t'))
      .filter((p) => p.length === 2 && p[0] && p[1])
      .map(([topic, url]) => ({ topic, url }));
    out.push({
      at,
      requestId: cellText(row[1]),
      answered: outcome === OUTCOME_ANSWERED,
      topic: cellText(row[3]),
      url: cellText(row[4]),
      suggested,
    });
  }
  return out;
}
