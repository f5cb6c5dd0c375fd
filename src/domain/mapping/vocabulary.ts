/**
 * Header evidence for the column-mapping engine: the words people use for each standard field
 * (synonyms, abbreviations, questions, common typos, loan words) and the fixed column names of known
 * exports (presets). Pure: no Apps Script globals.
 *
 * A header is scored against every field in three ways, the best one counting:
 * 1. exact name (standard header, synonym or preset column), ignoring case and punctuation;
 * 2. the same with one or two typos (edit distance, for longer names);
 * 3. word rules over the header's words (camelCase split, accents stripped, loan words and typos
 *    mapped to English), e.g. "Which team are you on?" -> team.
 */
import { FIELDS, type FieldKey } from '../schema';
import { HEADER_SYNONYMS, headerKey } from '../headers';
import { editDistance } from '../normalize/text';

/** Extra names (beyond HEADER_SYNONYMS) and the names HEADER_SYNONYMS gets wrong for adoption. */
const EXTRA_NAMES: Partial<Record<FieldKey, readonly string[]>> = {
  requestId: ['Ticket no', 'Req #', 'Ref', 'Reference', 'Ref #', 'Key', 'Issue key', 'Issue #'],
  loggedAt: ['Logged on date', 'Log date', 'Entry date', 'Date entered', 'Date logged'],
  loggedBy: [
    'Submitted by',
    'SubmittedBy',
    'Submitter',
    'Logged by',
    'Entered by',
    'Creator',
    'Author',
    'Support engineer',
    'Handler',
  ],
  requester: [
    'Requestor name',
    'Requested by',
    'Requesting user',
    'Users',
    'Asked by',
    'Who asked',
  ],
  vfsTeam: ['Team', 'Which team', 'Your team', 'Requesting team'],
  requestedAt: ['Date asked', 'Asked on', 'Request received', 'Created', 'Created at'],
  summary: [
    'Summary',
    'Subject',
    'Title',
    'Short summary',
    'Request details',
    'Describe your request',
  ],
  notes: ['Notes', 'Body', 'Comments', 'Internal comments'],
  timeSpentMin: [
    'Time spent',
    'Time worked',
    'Work time',
    'Minutes spent',
    'Mins spent',
    'Hours spent',
  ],
  resolvedAt: ['Solved at', 'Closed', 'Resolved', 'Closed at', 'Resolution date'],
  firstResponseAt: ['First response at', 'First replied at', 'Replied at'],
};

/** Names that must NOT keep the field HEADER_SYNONYMS gives them (the submitter logs, not asks). */
const REMOVED_NAMES: Partial<Record<FieldKey, readonly string[]>> = {
  requester: ['Submitted by', 'SubmittedBy', 'Email address', 'Email', 'User'],
};

export interface Preset {
  id: string;
  /** Human name, shown in reasons ("Jira Cloud CSV export column"). */
  name: string;
  /** Column name -> field (null: a known column that is no standard field). */
  columns: Readonly<Record<string, FieldKey | null>>;
  /** How many of its signature columns must appear for the preset to apply (exact, ignoring case). */
  minHits: number;
  /** Column names typical of this source only. */
  signature: readonly string[];
}

/**
 * Known sources, from their public documentation: the columns of a Jira Cloud CSV export, a Zendesk
 * ticket export, a Google Forms responses sheet, a GitHub issues export (gh CLI JSON fields and the
 * Projects CSV export) and the responses sheet of the VA platform-support Slack bot (the keys its
 * `captureResponses` passes to `addRow`, plus the first-reply columns it updates).
 */
export const PRESETS: readonly Preset[] = [
  {
    id: 'jira',
    name: 'Jira Cloud CSV export',
    minHits: 2,
    signature: [
      'Issue key',
      'Issue id',
      'Issue Type',
      'Project key',
      'Project name',
      'Project type',
      'Σ Time Spent',
      'Custom field (Team)',
      'Component/s',
      'Fix Version/s',
      'Affects Version/s',
      'Last Viewed',
    ],
    columns: {
      'Issue key': 'requestId',
      'Issue id': null,
      Summary: 'summary',
      'Issue Type': 'requestType',
      Status: 'status',
      Resolution: 'resolution',
      Reporter: 'requester',
      Creator: 'loggedBy',
      Assignee: null,
      Created: 'requestedAt',
      Updated: null,
      'Last Viewed': null,
      Resolved: 'resolvedAt',
      'Due Date': null,
      Labels: 'topic',
      Description: 'notes',
      'Time Spent': 'timeSpentMin',
      'Σ Time Spent': null,
      'Original Estimate': null,
      'Remaining Estimate': null,
      Priority: null,
      'Project key': null,
      'Project name': null,
      'Component/s': null,
      'Custom field (Team)': 'vfsTeam',
      'Custom field (Request Type)': 'requestType',
      'Custom field (Request participants)': null,
      Sprint: null,
      Watchers: null,
    },
  },
  {
    id: 'zendesk',
    name: 'Zendesk ticket export',
    minHits: 2,
    signature: [
      'Requester id',
      'Requester email',
      'Requester domain',
      'Solved at',
      'Satisfaction Score',
      'First reply time in minutes',
      'Full resolution time in minutes',
      'Agent wait time in minutes',
      'Requester wait time in minutes',
      'Ticket type',
      'Initially assigned at',
    ],
    columns: {
      Id: 'requestId',
      Requester: 'requester',
      'Requester id': null,
      'Requester email': null,
      'Requester domain': null,
      Submitter: 'loggedBy',
      Assignee: null,
      Group: 'vspTeam',
      Subject: 'summary',
      Tags: 'topic',
      Status: 'status',
      Priority: null,
      Via: 'channel',
      'Ticket type': 'requestType',
      'Created at': 'requestedAt',
      'Updated at': null,
      'Assigned at': null,
      'Solved at': 'resolvedAt',
      Organization: 'vfsTeam',
      'Due date': null,
      'First reply time in minutes': null,
      'First reply time in minutes within business hours': null,
      'First resolution time in minutes': null,
      'Full resolution time in minutes': null,
      'Agent wait time in minutes': null,
      'Requester wait time in minutes': null,
      'On hold time in minutes': null,
      Replies: null,
      Reopens: null,
      'Satisfaction Score': null,
    },
  },
  {
    id: 'github',
    name: 'GitHub issues export',
    minHits: 2,
    signature: ['createdAt', 'closedAt', 'updatedAt', 'Linked pull requests'],
    columns: {
      number: 'requestId',
      title: 'summary',
      state: 'status',
      author: 'requester',
      labels: 'topic',
      createdAt: 'requestedAt',
      closedAt: 'resolvedAt',
      url: 'link',
      body: 'notes',
      assignees: null,
      milestone: null,
      comments: null,
      updatedAt: null,
      Title: 'summary',
      URL: 'link',
      Assignees: null,
      Repository: null,
      Milestone: null,
      'Linked pull requests': null,
    },
  },
  {
    id: 'slackbot',
    name: 'VA platform-support Slack bot responses sheet',
    minHits: 2,
    signature: [
      'TicketId',
      'MessageId',
      'SubmittedBy',
      'DateTimeUTC',
      'DateTimeEST',
      'MessageLink',
      'FirstReplyTimeUTC',
      'SuggestedTopic',
      'GithubIssueId',
    ],
    columns: {
      TicketId: 'requestId',
      MessageId: null,
      SubmittedBy: 'loggedBy',
      DateTimeUTC: 'requestedAt',
      DateTimeEST: null,
      DateTime: 'requestedAt',
      Users: 'requester',
      Team: 'vspTeam',
      SuggestedTopic: 'suggestedTopic',
      Topic: 'topic',
      Summary: 'summary',
      MessageLink: 'link',
      GithubIssueId: null,
      FirstReplyTimeUTC: 'firstResponseAt',
      FirstReplyTimeEST: null,
      FirstReplyTime: 'firstResponseAt',
    },
  },
  {
    id: 'forms',
    name: 'Google Forms responses sheet',
    minHits: 1,
    signature: ['Timestamp'],
    columns: {
      Timestamp: 'requestedAt',
      'Email address': 'requester',
      'Email Address': 'requester',
    },
  },
];

/** The presets a header row matches (exact names, ignoring case and punctuation). */
export function detectPresets(headers: readonly string[]): Preset[] {
  const keys = new Set(headers.map((h) => headerKey(h)));
  const second = headers.filter((h) => isQuestion(h)).length;
  return PRESETS.filter((p) => {
    const hits = p.signature.filter((c) => keys.has(headerKey(c))).length;
    if (p.id === 'forms') {
      // A Forms sheet starts with Timestamp and asks questions in its other headers.
      return headerKey(headers[0] ?? '') === 'timestamp' && second >= 1;
    }
    return hits >= p.minHits;
  });
}

/** A question-style header ("Which team are you on?", "What do you need help with"). */
export function isQuestion(h: string): boolean {
  const s = h.trim().toLowerCase();
  return (
    s.endsWith('?') || /^(which|what|who|when|where|how|why|is|are|do|does|did|please)\b/.test(s)
  );
}

/** Loan words and other-language words -> English words the rules know. */
const LOAN: Readonly<Record<string, string>> = {
  equipo: 'team',
  equipe: 'team',
  squadra: 'team',
  mannschaft: 'team',
  fecha: 'date',
  cierre: 'closed',
  cerrado: 'closed',
  fermeture: 'closed',
  geschlossen: 'closed',
  apertura: 'opened',
  erledigt: 'done',
  datum: 'date',
  data: 'date',
  date: 'date',
  hora: 'time',
  heure: 'time',
  zeit: 'time',
  tiempo: 'time',
  temps: 'time',
  tema: 'topic',
  thema: 'topic',
  sujet: 'topic',
  categoria: 'category',
  categorie: 'category',
  kategorie: 'category',
  estado: 'status',
  estatus: 'status',
  statut: 'status',
  stato: 'status',
  resumen: 'summary',
  resume: 'summary',
  zusammenfassung: 'summary',
  descripcion: 'description',
  beschreibung: 'description',
  enlace: 'link',
  lien: 'link',
  notas: 'notes',
  notiz: 'notes',
  notizen: 'notes',
  remarques: 'notes',
  kommentar: 'comments',
  canal: 'channel',
  kanal: 'channel',
  minutos: 'minutes',
  minuten: 'minutes',
  solicitante: 'requester',
  demandeur: 'requester',
  antragsteller: 'requester',
  tipo: 'type',
  typ: 'type',
  resolucion: 'resolution',
  losung: 'resolution',
  resultado: 'result',
  correo: 'email',
  courriel: 'email',
  mail: 'email',
  plataforma: 'platform',
  plateforme: 'platform',
  pregunta: 'question',
  demande: 'request',
  solicitud: 'request',
  anfrage: 'request',
};

/** Abbreviations -> words. */
const ABBREV: Readonly<Record<string, string>> = {
  req: 'request',
  reqs: 'request',
  rqst: 'request',
  tkt: 'ticket',
  desc: 'description',
  descr: 'description',
  cat: 'category',
  cats: 'category',
  mins: 'minutes',
  min: 'minutes',
  mns: 'minutes',
  hrs: 'hours',
  hr: 'hours',
  h: 'hours',
  secs: 'seconds',
  sec: 'seconds',
  s: 'seconds',
  no: 'number',
  num: 'number',
  nr: 'number',
  dt: 'date',
  ts: 'timestamp',
  url: 'link',
  href: 'link',
  msg: 'message',
  org: 'organization',
  doc: 'docs',
  documentation: 'docs',
  kb: 'docs',
  resp: 'response',
  ack: 'response',
  acknowledged: 'response',
  reply: 'response',
  replied: 'response',
  responded: 'response',
  res: 'resolution',
  reso: 'resolution',
  stat: 'status',
  automate: 'automation',
  automatable: 'automation',
  automated: 'automation',
  requestor: 'requester',
  requestee: 'requester',
  asker: 'requester',
  info: 'notes',
  ppl: 'people',
  dept: 'organization',
  grp: 'group',
  lbl: 'label',
  labels: 'label',
  tags: 'tag',
  topics: 'topic',
  categories: 'category',
  comment: 'comments',
  note: 'notes',
  remark: 'notes',
  remarks: 'notes',
  links: 'link',
  teams: 'team',
  minute: 'minutes',
  hour: 'hours',
  second: 'seconds',
  utc: 'utc',
  est: 'eastern',
  et: 'eastern',
  edt: 'eastern',
  pst: 'pacific',
  kind: 'type',
  suggestion: 'suggested',
  suggest: 'suggested',
  needs: 'need',
  needed: 'need',
};

/** Words the rules know (typos are corrected towards these). */
const KNOWN = [
  'id',
  'ticket',
  'key',
  'case',
  'number',
  'reference',
  'request',
  'requested',
  'requester',
  'logged',
  'logger',
  'created',
  'creator',
  'submitted',
  'submitter',
  'entered',
  'recorded',
  'date',
  'time',
  'timestamp',
  'when',
  'received',
  'opened',
  'reported',
  'reporter',
  'asked',
  'who',
  'person',
  'name',
  'user',
  'users',
  'customer',
  'contact',
  'email',
  'team',
  'vfs',
  'vsp',
  'platform',
  'product',
  'organization',
  'group',
  'squad',
  'channel',
  'source',
  'via',
  'medium',
  'intake',
  'topic',
  'category',
  'label',
  'tag',
  'area',
  'suggested',
  'predicted',
  'bot',
  'practice',
  'discipline',
  'specialty',
  'type',
  'summary',
  'subject',
  'title',
  'description',
  'question',
  'issue',
  'problem',
  'message',
  'details',
  'link',
  'thread',
  'permalink',
  'slack',
  'github',
  'status',
  'state',
  'progress',
  'resolution',
  'outcome',
  'resolved',
  'result',
  'disposition',
  'closed',
  'solved',
  'completed',
  'done',
  'docs',
  'gap',
  'missing',
  'automation',
  'candidate',
  'spent',
  'minutes',
  'hours',
  'seconds',
  'duration',
  'effort',
  'worked',
  'first',
  'response',
  'notes',
  'comments',
  'internal',
  'help',
  'need',
  'assigned',
  'assignee',
  'owner',
  'routed',
  'responsible',
  'support',
  'answer',
  'answered',
  'handled',
  'triaged',
  'estimate',
  'updated',
  'priority',
  'urgent',
  'wait',
  'people',
];
const KNOWN_SET = new Set(KNOWN);

/** Words of a header: camelCase and digits split, accents stripped, lower case. */
export function headerWords(header: string): string[] {
  const spaced = header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/#/g, ' number ')
    .replace(/&/g, ' and ')
    .replace(/σ/g, ' sigma ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return spaced === '' ? [] : spaced.split(' ');
}

/** A header's words mapped to the English words the rules know (loan words, abbreviations, typos). */
export function canonicalWords(header: string): string[] {
  return headerWords(header).map((w) => {
    const loan = LOAN[w] ?? ABBREV[w] ?? w;
    if (KNOWN_SET.has(loan) || loan.length < 4) return loan;
    const max = loan.length >= 7 ? 2 : 1;
    let best = loan;
    let bestD = max + 1;
    for (const k of KNOWN) {
      if (Math.abs(k.length - loan.length) > max) continue;
      const d = editDistance(loan, k, max);
      if (d < bestD) {
        best = k;
        bestD = d;
      }
    }
    return best;
  });
}

type Rule = [FieldKey, readonly string[], number];

/** Word rules: every listed word must be in the header; the best-weighted match counts. */
const RULES: readonly Rule[] = [
  ['requestId', ['id'], 0.6],
  ['requestId', ['ticket'], 0.55],
  ['requestId', ['key'], 0.45],
  ['requestId', ['case'], 0.45],
  ['requestId', ['reference'], 0.5],
  ['requestId', ['number'], 0.45],
  ['requestId', ['ticket', 'id'], 0.85],
  ['requestId', ['ticket', 'number'], 0.85],
  ['requestId', ['request', 'id'], 0.85],
  ['requestId', ['request', 'number'], 0.85],
  ['requestId', ['issue', 'key'], 0.85],
  ['loggedAt', ['logged'], 0.55],
  ['loggedAt', ['timestamp'], 0.7],
  ['loggedAt', ['logged', 'date'], 0.85],
  ['loggedAt', ['logged', 'time'], 0.85],
  ['loggedAt', ['entered', 'date'], 0.8],
  ['loggedAt', ['submitted', 'date'], 0.75],
  ['loggedAt', ['submitted', 'time'], 0.75],
  ['loggedAt', ['created'], 0.5],
  ['loggedBy', ['logged', 'by'], 0.85],
  ['loggedBy', ['logger'], 0.8],
  ['loggedBy', ['submitted', 'by'], 0.85],
  ['loggedBy', ['submitter'], 0.8],
  ['loggedBy', ['entered', 'by'], 0.8],
  ['loggedBy', ['recorded', 'by'], 0.8],
  ['loggedBy', ['created', 'by'], 0.8],
  ['loggedBy', ['creator'], 0.7],
  ['loggedBy', ['handled', 'by'], 0.75],
  ['loggedBy', ['triaged', 'by'], 0.75],
  ['loggedBy', ['support', 'person'], 0.7],
  ['requestedAt', ['date'], 0.55],
  ['requestedAt', ['when'], 0.5],
  ['requestedAt', ['requested', 'date'], 0.85],
  ['requestedAt', ['request', 'date'], 0.85],
  ['requestedAt', ['requested', 'time'], 0.8],
  ['requestedAt', ['requested', 'on'], 0.85],
  ['requestedAt', ['requested', 'at'], 0.9],
  ['requestedAt', ['received'], 0.7],
  ['requestedAt', ['opened'], 0.7],
  ['requestedAt', ['asked', 'on'], 0.75],
  ['requestedAt', ['asked', 'date'], 0.8],
  ['requestedAt', ['created'], 0.6],
  ['requestedAt', ['date', 'time'], 0.65],
  ['requester', ['requester'], 0.85],
  ['requester', ['requested', 'by'], 0.9],
  ['requester', ['asked', 'by'], 0.85],
  ['requester', ['who'], 0.55],
  ['requester', ['who', 'asked'], 0.85],
  ['requester', ['person'], 0.5],
  ['requester', ['customer'], 0.6],
  ['requester', ['contact'], 0.55],
  ['requester', ['reporter'], 0.7],
  ['requester', ['reported', 'by'], 0.8],
  ['requester', ['user'], 0.45],
  ['requester', ['users'], 0.5],
  ['requester', ['people'], 0.45],
  ['requester', ['name'], 0.45],
  ['requester', ['your', 'name'], 0.8],
  ['requester', ['email'], 0.35],
  ['vfsTeam', ['team'], 0.6],
  ['vfsTeam', ['vfs'], 0.85],
  ['vfsTeam', ['product', 'team'], 0.85],
  ['vfsTeam', ['requesting', 'team'], 0.9],
  ['vfsTeam', ['your', 'team'], 0.85],
  ['vfsTeam', ['team', 'you'], 0.85],
  ['vfsTeam', ['organization'], 0.5],
  ['vfsTeam', ['squad'], 0.55],
  ['vfsTeam', ['product'], 0.45],
  ['channel', ['channel'], 0.85],
  ['channel', ['source'], 0.6],
  ['channel', ['via'], 0.65],
  ['channel', ['medium'], 0.6],
  ['channel', ['intake'], 0.6],
  ['channel', ['came', 'in'], 0.6],
  ['channel', ['how', 'did', 'reach'], 0.6],
  ['topic', ['topic'], 0.85],
  ['topic', ['category'], 0.75],
  ['topic', ['label'], 0.6],
  ['topic', ['tag'], 0.6],
  ['topic', ['subject', 'area'], 0.7],
  ['topic', ['area'], 0.4],
  ['topic', ['what', 'about'], 0.55],
  ['topic', ['help', 'with'], 0.55],
  ['suggestedTopic', ['suggested'], 0.8],
  ['suggestedTopic', ['suggested', 'topic'], 0.95],
  ['suggestedTopic', ['suggested', 'category'], 0.95],
  ['suggestedTopic', ['suggested', 'label'], 0.95],
  ['suggestedTopic', ['suggested', 'tag'], 0.95],
  ['suggestedTopic', ['predicted'], 0.8],
  ['suggestedTopic', ['predicted', 'topic'], 0.95],
  ['suggestedTopic', ['predicted', 'category'], 0.95],
  ['suggestedTopic', ['predicted', 'label'], 0.95],
  ['suggestedTopic', ['bot', 'topic'], 0.95],
  ['suggestedTopic', ['bot', 'category'], 0.95],
  ['suggestedTopic', ['auto', 'topic'], 0.9],
  ['suggestedTopic', ['auto', 'category'], 0.9],
  ['suggestedTopic', ['auto', 'label'], 0.9],
  ['vspTeam', ['vsp'], 0.85],
  ['vspTeam', ['platform', 'team'], 0.9],
  ['vspTeam', ['platform'], 0.55],
  ['vspTeam', ['assigned', 'team'], 0.85],
  ['vspTeam', ['support', 'team'], 0.8],
  ['vspTeam', ['routed'], 0.7],
  ['vspTeam', ['owning', 'team'], 0.8],
  ['vspTeam', ['responsible', 'team'], 0.8],
  ['vspTeam', ['group'], 0.5],
  ['practiceArea', ['practice'], 0.85],
  ['practiceArea', ['discipline'], 0.8],
  ['practiceArea', ['specialty'], 0.75],
  ['requestType', ['type'], 0.65],
  ['requestType', ['request', 'type'], 0.9],
  ['requestType', ['ticket', 'type'], 0.85],
  ['requestType', ['issue', 'type'], 0.8],
  ['requestType', ['type', 'request'], 0.85],
  ['summary', ['summary'], 0.85],
  ['summary', ['subject'], 0.75],
  ['summary', ['title'], 0.75],
  ['summary', ['question'], 0.6],
  ['summary', ['ask'], 0.65],
  ['summary', ['problem'], 0.6],
  ['summary', ['issue'], 0.5],
  ['summary', ['request'], 0.45],
  ['summary', ['message'], 0.55],
  ['summary', ['description'], 0.55],
  ['summary', ['describe'], 0.6],
  ['summary', ['what', 'need'], 0.65],
  ['summary', ['what', 'help'], 0.5],
  ['link', ['link'], 0.7],
  ['link', ['thread'], 0.7],
  ['link', ['permalink'], 0.85],
  ['link', ['slack', 'link'], 0.9],
  ['link', ['message', 'link'], 0.9],
  ['link', ['github', 'link'], 0.85],
  ['link', ['issue', 'link'], 0.8],
  ['link', ['ticket', 'link'], 0.8],
  ['link', ['slack'], 0.5],
  ['status', ['status'], 0.9],
  ['status', ['state'], 0.75],
  ['status', ['progress'], 0.65],
  ['status', ['open', 'closed'], 0.7],
  ['resolution', ['resolution'], 0.85],
  ['resolution', ['outcome'], 0.8],
  ['resolution', ['result'], 0.6],
  ['resolution', ['disposition'], 0.8],
  ['resolution', ['how', 'resolved'], 0.85],
  ['resolution', ['resolution', 'type'], 0.9],
  ['docsLink', ['docs'], 0.7],
  ['docsLink', ['docs', 'link'], 0.9],
  ['docsLink', ['answer', 'link'], 0.75],
  ['docsLink', ['article'], 0.6],
  ['documentationGap', ['gap'], 0.75],
  ['documentationGap', ['docs', 'gap'], 0.95],
  ['documentationGap', ['missing', 'docs'], 0.9],
  ['documentationGap', ['no', 'docs'], 0.85],
  ['documentationGap', ['need', 'docs'], 0.85],
  ['automationCandidate', ['automation'], 0.8],
  ['automationCandidate', ['automation', 'candidate'], 0.95],
  ['automationCandidate', ['auto', 'candidate'], 0.85],
  ['automationCandidate', ['could', 'automation'], 0.9],
  ['timeSpentMin', ['spent'], 0.75],
  ['timeSpentMin', ['time'], 0.45],
  ['timeSpentMin', ['time', 'spent'], 0.9],
  ['timeSpentMin', ['minutes'], 0.6],
  ['timeSpentMin', ['hours'], 0.5],
  ['timeSpentMin', ['duration'], 0.7],
  ['timeSpentMin', ['effort'], 0.7],
  ['timeSpentMin', ['worked'], 0.65],
  ['timeSpentMin', ['time', 'taken'], 0.8],
  ['timeSpentMin', ['how', 'long'], 0.75],
  ['firstResponseAt', ['first', 'response'], 0.85],
  ['firstResponseAt', ['response'], 0.6],
  ['firstResponseAt', ['first', 'answer'], 0.8],
  ['firstResponseAt', ['first', 'response', 'time'], 0.8],
  ['resolvedAt', ['resolved'], 0.7],
  ['resolvedAt', ['resolved', 'date'], 0.9],
  ['resolvedAt', ['resolved', 'on'], 0.9],
  ['resolvedAt', ['resolved', 'at'], 0.9],
  ['resolvedAt', ['closed'], 0.65],
  ['resolvedAt', ['closed', 'date'], 0.85],
  ['resolvedAt', ['closed', 'at'], 0.85],
  ['resolvedAt', ['solved'], 0.7],
  ['resolvedAt', ['completed'], 0.6],
  ['resolvedAt', ['done', 'date'], 0.75],
  ['resolvedAt', ['resolution', 'date'], 0.85],
  ['notes', ['notes'], 0.85],
  ['notes', ['comments'], 0.75],
  ['notes', ['details'], 0.6],
  ['notes', ['internal'], 0.5],
  ['notes', ['follow', 'up'], 0.6],
  ['notes', ['description'], 0.5],
  ['notes', ['anything', 'else'], 0.7],
];

/** Words that, when present, mean the column measures a wait or SLA time (never time spent). */
const ELAPSED_WORDS = [
  'response',
  'resolution',
  'wait',
  'hold',
  'reply',
  'estimate',
  'remaining',
  'sigma',
];

interface NameEntry {
  key: string;
  field: FieldKey;
  weight: number;
  source: string;
}

const NAME_ENTRIES: readonly NameEntry[] = (() => {
  const out: NameEntry[] = [];
  const seen = new Set<string>();
  const add = (name: string, field: FieldKey, weight: number, source: string): void => {
    const k = headerKey(name);
    if (k === '' || seen.has(`${k}|${field}`)) return;
    seen.add(`${k}|${field}`);
    out.push({ key: k, field, weight, source });
  };
  for (const f of FIELDS) add(f.header, f.key, 1.2, 'the standard header');
  for (const f of FIELDS) {
    const removed = new Set((REMOVED_NAMES[f.key] ?? []).map((n) => headerKey(n)));
    for (const s of [...HEADER_SYNONYMS[f.key], ...(EXTRA_NAMES[f.key] ?? [])]) {
      if (!removed.has(headerKey(s))) add(s, f.key, 1, `a common name for ${f.header}`);
    }
  }
  return out;
})();

export interface HeaderEvidence {
  /** Field -> score (0..1.2) with the reason of the best match. */
  scores: Partial<Record<FieldKey, { score: number; reason: string; typo?: boolean }>>;
  /** True when the header is exactly a standard header. */
  standard: FieldKey | null;
  /** A known column of a preset that holds no standard field. */
  presetExtra: string | null;
  /** Unit the header names for a duration ("Time spent (hours)"), if any. */
  unit: 'seconds' | 'minutes' | 'hours' | null;
  /** The header says it measures an elapsed wait/SLA time rather than work. */
  elapsed: boolean;
  /** The header names a time zone (a rendering of an instant: "DateTimeEST"). */
  zoneWord: string | null;
}

function put(
  ev: HeaderEvidence['scores'],
  field: FieldKey,
  score: number,
  reason: string,
  typo = false,
): void {
  const cur = ev[field];
  if (!cur || cur.score < score) ev[field] = typo ? { score, reason, typo } : { score, reason };
}

/** Does the header's parenthetical name another field ("Topic (suggested)")? */
function noteNames(header: string, field: FieldKey): boolean {
  const notes = (header.match(/\(([^)]*)\)/g) ?? []).join(' ');
  if (!notes) return false;
  const words = canonicalWords(notes);
  return RULES.some(
    ([f, need, w]) => f !== field && w >= 0.75 && need.every((x) => words.includes(x)),
  );
}

/** Scores one header against every field (presets already detected for the sheet). */
export function headerEvidence(
  header: string,
  presets: readonly Preset[],
  questionSheet: boolean,
): HeaderEvidence {
  const scores: HeaderEvidence['scores'] = {};
  const k = headerKey(header);
  const words = canonicalWords(header);
  const has = (w: string): boolean => words.includes(w) || headerWords(header).includes(w);
  const unit: HeaderEvidence['unit'] = has('seconds')
    ? 'seconds'
    : has('hours')
      ? 'hours'
      : has('minutes')
        ? 'minutes'
        : null;
  const zone =
    words.find((w) => w === 'utc' || w === 'eastern' || w === 'pacific' || w === 'gmt') ?? null;
  const elapsed = ELAPSED_WORDS.some((w) => words.includes(w)) && unit !== null;
  const ev: HeaderEvidence = {
    scores,
    standard: null,
    presetExtra: null,
    unit,
    elapsed,
    zoneWord: zone,
  };
  if (k === '') return ev;

  const std = FIELDS.find((f) => f.header === header.trim());
  if (std) ev.standard = std.key;

  for (const p of presets) {
    for (const [name, field] of Object.entries(p.columns)) {
      if (headerKey(name) !== k) continue;
      if (field) put(scores, field, 1.05, `a ${p.name} column`);
      else ev.presetExtra = `a ${p.name} column with no standard meaning`;
    }
  }

  const bare = headerKey(
    header
      .replace(/\([^)]*\)/g, ' ')
      .replace(/^\s*(the|a|an|our|their|your|his|her)\s+/i, '')
      .replace(/[?:]\s*$/, ''),
  );
  const exact = NAME_ENTRIES.some((e) => e.key === k);
  for (const e of NAME_ENTRIES) {
    if (e.key === k) put(scores, e.field, e.weight, `the header "${header.trim()}" is ${e.source}`);
    else if (bare !== '' && bare !== k && e.key === bare)
      put(
        scores,
        e.field,
        Math.min(e.weight, 1) * (noteNames(header, e.field) ? 0.6 : 0.95),
        `the header "${header.trim()}" is ${e.source}`,
      );
    else if (
      !exact &&
      k.length >= 5 &&
      Math.abs(e.key.length - k.length) <= 2 &&
      e.key[0] === k[0]
    ) {
      const max = k.length >= 12 ? 2 : 1;
      const d = editDistance(k, e.key, max);
      if (d <= max)
        put(
          scores,
          e.field,
          0.8,
          `the header "${header.trim()}" looks like a typo of ${e.source}`,
          true,
        );
    }
  }

  for (const [field, need, weight] of RULES) {
    if (need.every((w) => has(w))) {
      put(scores, field, weight, `the header mentions "${need.join(' ')}"`);
    }
  }

  if (questionSheet && (k === 'emailaddress' || k === 'email')) {
    delete scores.loggedBy;
    put(scores, 'requester', 0.85, 'the form asks the requester, so its Email address is theirs');
  }
  // Elapsed-time measures ("First reply time in minutes") are neither work time nor timestamps.
  if (elapsed) {
    for (const f of [
      'timeSpentMin',
      'firstResponseAt',
      'resolvedAt',
      'requestedAt',
      'loggedAt',
    ] as FieldKey[])
      delete scores[f];
  }
  return ev;
}
