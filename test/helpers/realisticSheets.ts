/**
 * Seeded generator of realistic hand-kept support sheets (issue 10 accuracy test): varied header
 * words, column sets and orders, and for every cell of a normalized field the typed form people
 * really use plus its ground truth (the intended standard value, or ambiguous / unsupported / blank).
 *
 * The truth is decided here, independently of the product: a typo is only generated when it is
 * clearly closer to its value than to any other list value (own edit distance), an acronym only
 * when exactly one list value has those initials, and a form that fits two list entries (or a
 * weekday that contradicts its date) is "ambiguous". Dates are compared as wall-clock parts in the
 * sheet's time zone, computed here with Intl, not with the product's time helpers.
 */
import {
  DEFAULT_LISTS,
  DEFAULT_TOPICS,
  FIELD_BY_KEY,
  type FieldKey,
} from '../../src/domain/schema';
import { FIRST, Gen, LAST } from '../fixtures/mapping-sources';

export const SHEET_TZ = 'America/New_York';

/** Wall-clock date (and time) in the sheet's time zone. */
export interface Wall {
  y: number;
  m: number;
  d: number;
  h: number;
  mi: number;
}

export type Truth =
  /** The typed form names exactly this standard value (string, minutes, boolean or date). */
  | { kind: 'value'; value: string | number | boolean | Wall }
  /** Blank, and nothing in the row supports a value: must stay blank. */
  | { kind: 'blank' }
  /** Fits two or more standard values: must stay as typed and be listed in Data quality. */
  | { kind: 'ambiguous' }
  /** Junk or a value outside the list: must stay as typed. */
  | { kind: 'unsupported' };

export interface RealisticSheet {
  name: string;
  header: string[];
  rows: unknown[][];
  /** True field of each column (null: the user's own column). */
  fields: (FieldKey | null)[];
  /** Truth per data row per column (null: a column that is not a normalized field). */
  truth: (Truth | null)[][];
  /** Cells a person typed as a time ("0:25"): the test types them through the runtime. */
  timeCells: { row: number; col: number; text: string }[];
  /** The Teams tab this team keeps (name, aliases). */
  teams: { name: string; aliases: string }[];
}

/** Fields whose every cell is measured. */
export const MEASURED: readonly FieldKey[] = [
  'requestedAt',
  'vfsTeam',
  'channel',
  'topic',
  'vspTeam',
  'practiceArea',
  'requestType',
  'status',
  'resolution',
  'documentationGap',
  'automationCandidate',
  'timeSpentMin',
];

/** The fixtures' seeded generator, plus a weighted pick. */
class G extends Gen {
  /** Picks a key by weight. */
  weighted<K extends string>(w: Record<K, number>): K {
    const entries = Object.entries(w) as [K, number][];
    let x = this.next() * entries.reduce((n, [, v]) => n + v, 0);
    for (const [k, v] of entries) {
      x -= v;
      if (x < 0) return k;
    }
    return entries[entries.length - 1][0];
  }
}

/* ------------------------------------------------------------ independent oracles */

export function lev(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[n];
}

/** One realistic typo (swap, drop or double a letter inside a word of 5+ letters), or null. */
function typo(g: G, value: string, list: readonly string[]): string | null {
  const words = value.split(' ');
  const idx = words.map((w, i) => (/^[A-Za-z]{5,}$/.test(w) ? i : -1)).filter((i) => i >= 0);
  if (idx.length === 0) return null;
  const wi = g.pick(idx);
  const w = words[wi];
  const p = g.int(1, w.length - 2);
  const kind = g.int(0, 2);
  const t =
    kind === 0
      ? w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2)
      : kind === 1
        ? w.slice(0, p) + w.slice(p + 1)
        : w.slice(0, p) + w[p] + w.slice(p);
  if (t === w) return null;
  words[wi] = t;
  const typed = words.join(' ');
  const d = lev(typed.toLowerCase(), value.toLowerCase());
  // Clearly this value: every other list value is much further away.
  for (const o of list)
    if (o !== value && lev(typed.toLowerCase(), o.toLowerCase()) < d + 4) return null;
  return typed;
}

const STOP = new Set(['and', 'of', 'the', 'for', 'to', 'a']);
function initials(v: string): string {
  return v
    .split(/[\s/&-]+/)
    .filter((w) => /^[A-Za-z]/.test(w) && !STOP.has(w.toLowerCase()))
    .map((w) => w[0].toLowerCase())
    .join('');
}
/** The initials of `value` when they name exactly one list value (3+ letters), else null. */
function acronym(value: string, list: readonly string[]): string | null {
  const a = initials(value);
  if (a.length < 3 || value.split(/[\s/&-]+/).length < 2) return null;
  if (list.some((o) => o !== value && initials(o) === a)) return null;
  if (list.some((o) => o.toLowerCase() === a)) return null;
  return a.toUpperCase();
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const LONG_WEEKDAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Wall-clock parts of an instant in the sheet's zone (Intl). */
const WALL_FORMAT = new Intl.DateTimeFormat('en-US', {
  timeZone: SHEET_TZ,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});
export function wallOf(d: Date): Wall {
  const p = WALL_FORMAT.formatToParts(d);
  const n = (t: string): number => Number(p.find((x) => x.type === t)?.value);
  return { y: n('year'), m: n('month'), d: n('day'), h: n('hour'), mi: n('minute') };
}

/** The instant of a wall-clock time in the sheet's zone (Intl, fixed point of the offset). */
export function instantOf(w: Wall): Date {
  const utc = Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi);
  let t = utc + 5 * 3600000;
  for (let i = 0; i < 3; i++) {
    const got = wallOf(new Date(t));
    const diff = utc - Date.UTC(got.y, got.m - 1, got.d, got.h, got.mi);
    if (diff === 0) break;
    t += diff;
  }
  return new Date(t);
}

function ordinal(d: number): string {
  const s =
    d % 10 === 1 && d !== 11
      ? 'st'
      : d % 10 === 2 && d !== 12
        ? 'nd'
        : d % 10 === 3 && d !== 13
          ? 'rd'
          : 'th';
  return `${d}${s}`;
}

function weekday(w: Wall): number {
  return new Date(Date.UTC(w.y, w.m - 1, w.d)).getUTCDay();
}

/* ------------------------------------------------------------ vocabularies */

const TEAM_POOL = [
  'Benefits Intake',
  'Benefits Management',
  'Caregivers',
  'Check-in Experience',
  'Virtual Agent',
  'Veteran Facing Forms',
  'Pension & Burials',
  'Authenticated Experience',
  'Facilities',
  'My HealtheVet',
  'Sitewide Content',
  'Health Care Application',
  'Debt Resolution',
  'Appointments',
  'Claims Status',
  'Mobile App',
  'Education Benefits',
  'Public Websites',
  'Search & Discovery',
  'Accredited Representation',
];

const TOPICS = DEFAULT_TOPICS.map((t) => t.topic);

/** Field -> header words seen in hand-kept sheets (not the product's own vocabulary). */
const HEADERS: Partial<Record<FieldKey, readonly string[]>> = {
  requestedAt: [
    'Date',
    'Date asked',
    'Asked on',
    'When',
    'Opened',
    'Date opened',
    'Request date',
    'Reported on',
    'Date raised',
    'Received',
  ],
  requester: ['Requester', 'Asked by', 'Who asked', 'Person', 'Contact', 'Requestor'],
  vfsTeam: [
    'Team',
    'Their team',
    'Requesting team',
    'VFS team',
    'Product team',
    'Team name',
    'Client team',
    'From team',
  ],
  channel: ['Channel', 'Source', 'Came in via', 'Via', 'Intake channel', 'How they asked'],
  topic: ['Topic', 'Category', 'Subject area', 'Area', 'Theme', 'What about', 'Topic area'],
  vspTeam: ['VSP team', 'Platform team', 'Owning team', 'Assigned team', 'Handled by team', 'VSP'],
  practiceArea: ['Practice area', 'Practice', 'Discipline', 'Area of practice'],
  requestType: ['Request type', 'Type', 'Kind of ask', 'Type of request', 'Ask type'],
  summary: ['Summary', 'Description', 'The ask', 'Request', 'Details', 'What they asked'],
  link: ['Link', 'Thread', 'Slack link', 'URL', 'Thread link'],
  status: ['Status', 'State', 'Done?', 'Current status', 'Progress'],
  resolution: ['Resolution', 'Outcome', 'How resolved', 'Closed as', 'Result'],
  documentationGap: ['Documentation gap', 'Doc gap?', 'Docs gap', 'Missing docs?', 'Gap in docs?'],
  automationCandidate: ['Automation candidate', 'Automate?', 'Could automate?', 'Automatable?'],
  timeSpentMin: [
    'Time spent',
    'Mins',
    'Minutes',
    'Time (min)',
    'Time taken (mins)',
    'Mins spent',
    'Effort (min)',
  ],
  notes: ['Notes', 'Comments', 'Follow-up notes', 'Internal notes', 'Remarks'],
};

/** Free text people write, hostile forms included (kept byte-identical). */
const TEXTS = [
  'Need help with the staging deploy of our form',
  'CI failing on main since this morning, see thread',
  '+1 from our team too',
  '- step 1: open the page\n- step 2: click submit',
  '@alice can you take this?',
  "'quoted on purpose'",
  '0012',
  '3/5',
  'TRUE',
  '  leading and trailing spaces  ',
  'Datadog dashboard for claims is empty',
  'How do I get a test user for login.gov?',
  'Review instance for PR 1234 not building',
  'Accessibility review before launch (508)',
  'Access to Sentry for new contractor',
  'why is the Jenkins job red again???',
  'Thanks! resolved in thread',
  'asked in #vfs-platform-support',
  'Figma file for the new appointments flow',
  '',
];
const EXTRA_COLS: { header: string; value: (g: G) => unknown }[] = [
  { header: 'Priority', value: (g) => g.pick(['P1', 'P2', 'P3', '']) },
  { header: 'Owner', value: (g) => g.pick(FIRST) },
  { header: 'Sprint', value: (g) => g.int(10, 40) },
  { header: 'Jira', value: (g) => (g.chance(0.5) ? `SUP-${g.int(100, 999)}` : '') },
  {
    header: 'Follow up by',
    value: (g) => (g.chance(0.4) ? new Date(Date.UTC(2025, g.int(0, 11), g.int(1, 28), 15)) : ''),
  },
  { header: 'Reviewed', value: (g) => g.chance(0.5) },
  { header: 'Ticket ref', value: (g) => g.pick(['0012', '007', '1e3', '12/5', '-', '']) },
  { header: 'Est. points', value: (g) => g.pick([1, 2, 3, 5, 8, '']) },
];

/* ------------------------------------------------------------ typed forms per field */

type Form = { typed: unknown; truth: Truth; time?: string };
const val = (value: string | number | boolean | Wall): Truth => ({ kind: 'value', value });
const AMB: Truth = { kind: 'ambiguous' };
const UNS: Truth = { kind: 'unsupported' };
const BLANK: Truth = { kind: 'blank' };

function caseForm(g: G, v: string): string {
  return g.pick([
    v.toLowerCase(),
    v.toUpperCase(),
    v.toLowerCase().replace(/^./, (c) => c.toUpperCase()),
  ]);
}
function spacing(g: G, v: string): string {
  return g.pick([` ${v}`, `${v} `, v.replace(' ', '  '), `  ${v}  `]);
}

/** A list value as people type it: exact, case, spacing, typo or one of `extra` forms. */
function listForm(g: G, v: string, list: readonly string[], extra: readonly string[] = []): string {
  const k = g.weighted({ exact: 50, case: 18, space: 8, typo: 8, extra: extra.length ? 16 : 0 });
  if (k === 'case') return caseForm(g, v);
  if (k === 'space') return spacing(g, v);
  if (k === 'typo') return typo(g, v, list) ?? v;
  if (k === 'extra') return g.pick(extra);
  return v;
}

function dateForm(g: G, w: Wall, withTime: boolean): Form {
  const yy = String(w.y % 100).padStart(2, '0');
  const md = `${w.m}/${w.d}`;
  const wd = WEEKDAYS[weekday(w)];
  const k = g.weighted({
    date: 30,
    mdy: 14,
    mdyy: 8,
    iso: 7,
    mon: 6,
    month: 3,
    dmon: 3,
    wdShort: 6,
    wdLong: 3,
    wdMonth: 2,
    yearless: 5,
    yearlessMd: 3,
    wdYearless: 2,
    ordinal: 2,
    time: 4,
    more: 4,
    wrongWeekday: 1,
    junk: 2,
  });
  const day = { ...w, h: 0, mi: 0 };
  switch (k) {
    case 'date':
      return { typed: instantOf(withTime ? w : day), truth: val(withTime ? w : day) };
    case 'mdy':
      return { typed: `${md}/${w.y}`, truth: val(day) };
    case 'mdyy':
      return { typed: `${md}/${yy}`, truth: val(day) };
    case 'iso':
      return {
        typed: `${w.y}-${String(w.m).padStart(2, '0')}-${String(w.d).padStart(2, '0')}`,
        truth: val(day),
      };
    case 'mon':
      return { typed: `${MONTHS[w.m - 1]} ${w.d}, ${w.y}`, truth: val(day) };
    case 'month':
      return { typed: `${LONG_MONTHS[w.m - 1]} ${w.d}, ${w.y}`, truth: val(day) };
    case 'dmon':
      return { typed: `${w.d} ${MONTHS[w.m - 1]} ${w.y}`, truth: val(day) };
    case 'wdShort':
      return { typed: `${wd} ${md}/${g.chance(0.5) ? yy : w.y}`, truth: val(day) };
    case 'wdLong':
      return {
        typed: `${LONG_WEEKDAYS[weekday(w)]}, ${LONG_MONTHS[w.m - 1]} ${w.d}, ${w.y}`,
        truth: val(day),
      };
    case 'wdMonth':
      return { typed: `${wd}, ${MONTHS[w.m - 1]} ${w.d} ${w.y}`, truth: val(day) };
    case 'yearless':
      return { typed: `${MONTHS[w.m - 1]} ${w.d}`, truth: val(day) };
    case 'yearlessMd':
      return { typed: md, truth: val(day) };
    case 'wdYearless':
      return { typed: `${wd} ${md}`, truth: val(day) };
    case 'ordinal':
      return { typed: `${LONG_MONTHS[w.m - 1]} ${ordinal(w.d)}, ${w.y}`, truth: val(day) };
    case 'time': {
      const h12 = w.h % 12 === 0 ? 12 : w.h % 12;
      return {
        typed: `${md}/${w.y} ${h12}:${String(w.mi).padStart(2, '0')} ${w.h < 12 ? 'AM' : 'PM'}`,
        truth: val(w),
      };
    }
    case 'more': {
      const forms = [
        `${w.d}-${MONTHS[w.m - 1]}-${w.y}`,
        `${MONTHS[w.m - 1]}. ${w.d}, ${w.y}`,
        `${w.y}/${String(w.m).padStart(2, '0')}/${String(w.d).padStart(2, '0')}`,
        `${md}/${w.y}`,
        `${MONTHS[w.m - 1]} ${w.d} '${yy}`,
        `${MONTHS[w.m - 1]} ${w.d} ${w.y}`,
      ];
      return { typed: g.pick(forms), truth: val(day) };
    }
    case 'wrongWeekday':
      // The weekday contradicts the date: which one did they mean?
      return { typed: `${WEEKDAYS[(weekday(w) + g.int(1, 6)) % 7]} ${md}/${yy}`, truth: AMB };
    default:
      return { typed: g.pick(['??', 'last week', 'TBD', 'ASAP', '2/30/2025', 'Q1']), truth: UNS };
  }
}

function durationForm(g: G): Form {
  const n = g.pick([5, 10, 15, 20, 25, 30, 30, 45, 60, 60, 90, 120, 180]);
  const k = g.weighted({
    number: 30,
    text: 6,
    min: 8,
    m: 5,
    mins: 5,
    minutes: 4,
    approx: 5,
    ish: 5,
    about: 2,
    hours: 12,
    timeCell: 8,
    hmm: 3,
    words: 4,
    junk: 5,
  });
  const h = Math.floor(n / 60);
  const rest = n % 60;
  switch (k) {
    case 'number':
      return { typed: n, truth: val(n) };
    case 'text':
      return { typed: String(n), truth: val(n) };
    case 'min':
      return { typed: `${n} min`, truth: val(n) };
    case 'm':
      return { typed: `${n}m`, truth: val(n) };
    case 'mins':
      return { typed: `${n} mins`, truth: val(n) };
    case 'minutes':
      return { typed: `${n} minutes`, truth: val(n) };
    case 'approx':
      return { typed: g.pick([`~${n} min`, `~${n}`, `~${n}m`]), truth: val(n) };
    case 'ish':
      return { typed: g.pick([`${n}ish`, `${n}-ish`, `${n} ish`]), truth: val(n) };
    case 'about':
      return { typed: g.pick([`about ${n} min`, `approx ${n} mins`]), truth: val(n) };
    case 'hours': {
      if (n < 60) return { typed: `${n} min`, truth: val(n) };
      const forms =
        rest === 0
          ? [`${h}h`, `${h} hr`, `${h} hrs`, `${h} hour${h > 1 ? 's' : ''}`, `${h}hr`]
          : [
              `${h}h ${rest}m`,
              `${h} hr ${rest} min`,
              `${n / 60} hrs`,
              `${h}h${rest}m`,
              `${h} hour ${rest} minutes`,
            ];
      return { typed: g.pick(forms), truth: val(n) };
    }
    case 'timeCell': {
      const text = `${h}:${String(rest).padStart(2, '0')}`;
      return { typed: '', truth: val(n), time: text };
    }
    case 'hmm':
      return { typed: `${h}:${String(rest).padStart(2, '0')}`, truth: val(n) };
    case 'words':
      if (n === 30)
        return { typed: g.pick(['half an hour', '30 min.', '30 mins.']), truth: val(n) };
      if (n === 60)
        return {
          typed: g.pick([
            'an hour',
            '1 hr.',
            '60 minutes',
            '~1hr',
            '1 Hour',
            '2 h'.replace('2', '1'),
          ]),
          truth: val(n),
        };
      if (n === 90)
        return {
          typed: g.pick(['1.5h', '1 1/2 hrs', '1h30', '90 mins', '1.5 hours', '1 hr 30']),
          truth: val(n),
        };
      return { typed: g.pick([`${n} min.`, `${n}min`, `${n} Min`, `${n} MINS`]), truth: val(n) };
    default:
      return {
        typed: g.pick(['a while', 'quick', '?', 'n/a', 'half day', '15-20 min', 'TBD', '1-2 hrs']),
        truth: UNS,
      };
  }
}

const STATUS_SYN: Record<string, readonly string[]> = {
  Open: [
    'in progress',
    'In Progress',
    'new',
    'WIP',
    'open',
    'in-progress',
    'investigating',
    'Working on it',
  ],
  'Waiting on requester': [
    'waiting on requester',
    'waiting on them',
    'Waiting on reply',
    'waiting for reply',
    'waiting on customer',
    'need more info',
    'Awaiting reply',
  ],
  Resolved: [
    'done',
    'Done',
    'DONE',
    'closed',
    'Closed',
    'complete',
    'resolved',
    'Resolved!',
    'Resolved ✅',
    'Resolved.',
    'closed (dupe)',
    'closed/done',
    'fixed',
    'answered',
  ],
  Escalated: ['escalated', 'Escalated to ops', 'escalated to devops', 'handed off to ops'],
};
const RES_SUFFIX: [string, string][] = [
  ['pointed to docs', 'Pointed to existing docs'],
  ['answered', 'Answered'],
  ['answered in thread', 'Answered'],
  ['sent doc link', 'Pointed to existing docs'],
  ['fixed', 'Fixed'],
  ['not a platform request', 'Not a platform request'],
  ['wont do', "Won't do"],
];
const RES_SYN: Record<string, readonly string[]> = {
  Answered: ['answered in thread', 'answered in slack', 'answered', 'replied in thread'],
  'Pointed to existing docs': [
    'pointed to docs',
    'sent doc link',
    'linked docs',
    'pointed to the docs',
    'linked to docs',
    'sent docs',
  ],
  Fixed: ['fixed it', 'fix merged'],
  'Not a platform request': ['not platform', 'wrong channel', 'not a platform ask'],
  "Won't do": ['wont do', "won't fix", 'wontfix'],
  'Automated answer': ['bot answered', 'auto answer'],
};
const CHANNEL_SYN: Record<string, readonly string[]> = {
  Slack: [
    'slack message',
    'Slack thread',
    'via Slack',
    'slack DM',
    'DM',
    'slack msg',
    'in slack',
    'slack (dm)',
    'Slack - #vfs-platform-support',
    'Slack: #vfs-platform-support',
    'slack thread ',
  ],
  GitHub: [
    'via GitHub issue',
    'github issue',
    'GH issue',
    'GH',
    'Github',
    'gh issue',
    'GitHub PR',
    'github comment',
  ],
  Email: ['email', 'e-mail', 'by email', 'via email', 'Email thread', 'E-mail', 'email from PM'],
  Meeting: ['in a meeting', 'meeting', 'zoom call', 'standup', 'huddle', 'Zoom', 'sync meeting'],
  'Office hours': ['office hours', 'OH', 'at office hours', 'Office Hours', 'office hrs'],
  'Self-service': ['self service', 'Self Service', 'self-service'],
};
const VSP_SYN: Record<string, readonly string[]> = {
  'Operations/DevOps': ['DevOps', 'Ops', 'platform ops', 'Operations'],
  'Frontend Tools': ['FE tools', 'front end tools', 'frontend tools', 'Front-end Tools'],
  'Backend Tools': ['BE tools', 'backend tools', 'back end tools'],
  'Content & IA': ['Content and IA', 'content & ia', 'Content/IA'],
  'Collaboration Cycle': ['collab cycle', 'Collab Cycle'],
  'Analytics & Insights': ['A&I', 'analytics and insights'],
};
const PRACTICE_SYN: Record<string, readonly string[]> = {
  Backend: ['back end', 'back-end', 'Back End'],
  Frontend: ['front end', 'front-end', 'Front End'],
  DevOps: ['dev ops', 'Dev Ops'],
  Accessibility: ['a11y', 'A11y'],
  'Contact center': ['Contact Center', 'contact centre'],
};
const TYPE_SYN: Record<string, readonly string[]> = {
  Question: ['q', 'how-to', 'how to', 'questions', 'general question'],
  Bug: ['bug report', 'defect', 'bugs', 'Bug fix'],
  'Access request': ['access', 'access req'],
  'Feature request': ['feature req', 'feature', 'enhancement'],
  Incident: ['outage'],
  Review: ['review request'],
};
/** Topic forms naming exactly one topic by its words (truth decided by a person reading them). */
const TOPIC_SYN: Record<string, readonly string[]> = {
  'CI Error': ['jenkins', 'ci failing', 'CI error', 'CI errors'],
  Accessibility: ['a11y', 'accessibility review'],
  'Automated Tests': ['cypress'],
  Design: ['figma'],
  SOCKS: ['socks proxy', 'Socks'],
  'Off-Cycle Deployment': ['off cycle deployment', 'Off-cycle deploy', 'hotfix'],
  'Test Accounts/Data': ['test accounts', 'test user', 'Test accounts / data'],
  'App Logging/Monitoring': ['app logging / monitoring', 'App logging'],
  'Google Analytics/Domo': ['Google Analytics', 'domo'],
  'Orientation/Onboarding': ['onboarding', 'orientation'],
  'PR Review': ['pr review', 'PR reviews'],
  'Review Instance': ['review instance'],
};

/* ------------------------------------------------------------ the sheet */

export function realisticSheet(seed: number): RealisticSheet {
  const g = new G(seed);
  const n = g.int(150, 300);
  const teams = g.shuffle([...TEAM_POOL]).slice(0, g.int(8, 14));
  if (g.chance(0.5) && !teams.includes('Benefits Intake')) teams.push('Benefits Intake');
  if (g.chance(0.5) && !teams.includes('Benefits Management')) teams.push('Benefits Management');
  const benefits = teams.filter((t) => t.startsWith('Benefits '));

  // Columns: the core ones always, the rest by chance; then the user's own ones; shuffled.
  const core: FieldKey[] = ['requestedAt', 'vfsTeam', 'topic', 'summary', 'status'];
  const optional: [FieldKey, number][] = [
    ['requester', 0.7],
    ['channel', 0.8],
    ['vspTeam', 0.6],
    ['practiceArea', 0.4],
    ['requestType', 0.6],
    ['link', 0.6],
    ['resolution', 0.6],
    ['documentationGap', 0.5],
    ['automationCandidate', 0.4],
    ['timeSpentMin', 0.85],
    ['notes', 0.6],
  ];
  const fields: (FieldKey | null)[] = [...core];
  for (const [f, p] of optional) if (g.chance(p)) fields.push(f);
  const extras = g.shuffle([...EXTRA_COLS]).slice(0, g.int(1, 3));
  for (let i = 0; i < extras.length; i++) fields.push(null);
  g.shuffle(fields);
  let extraIdx = 0;
  const colExtra = fields.map((f) => (f === null ? extras[extraIdx++] : null));
  const header = fields.map((f, i) =>
    f ? g.pick(HEADERS[f] ?? [FIELD_BY_KEY[f].header]) : (colExtra[i]?.header as string),
  );
  const has = (f: FieldKey): number => fields.indexOf(f);

  const rows: unknown[][] = [];
  const truth: (Truth | null)[][] = [];
  const timeCells: RealisticSheet['timeCells'] = [];
  let t = Date.UTC(g.int(2024, 2025), g.int(0, 11), g.int(1, 28), 14);
  const withTimes = g.chance(0.3);

  for (let r = 0; r < n; r++) {
    t += g.int(0, 40) * 3600000;
    const w = wallOf(new Date(t));
    const row: unknown[] = new Array(fields.length).fill('');
    const tr: (Truth | null)[] = new Array(fields.length).fill(null);
    const set = (f: FieldKey, form: Form): void => {
      const c = has(f);
      if (c < 0) return;
      row[c] = form.typed;
      tr[c] = form.truth;
      if (form.time) timeCells.push({ row: r, col: c, text: form.time });
    };
    const topic = g.pick(TOPICS);
    const team = g.pick(teams);
    const slack = g.chance(0.6);
    const link = slack
      ? `https://dsva.slack.com/archives/C0${g.int(1000000, 9999999)}/p${t}${g.int(100, 999)}`
      : g.chance(0.4)
        ? `https://github.com/department-of-veterans-affairs/va.gov-team/issues/${g.int(1000, 99999)}`
        : '';
    const linkChannel = has('link') >= 0 && link ? (slack ? 'Slack' : 'GitHub') : null;

    set(
      'requestedAt',
      dateForm(g, { ...w, h: withTimes ? w.h : 0, mi: withTimes ? w.mi : 0 }, withTimes),
    );

    // VFS team
    {
      const k = g.weighted({
        list: 78,
        phrase: 6,
        acronym: 4,
        benefits: benefits.length > 1 ? 3 : 0,
        blank: 5,
        junk: 4,
      });
      if (k === 'list') set('vfsTeam', { typed: listForm(g, team, teams), truth: val(team) });
      else if (k === 'phrase')
        set('vfsTeam', {
          typed: g.pick([
            `${team} team`,
            `the ${team} team`,
            `${team} Team`,
            team.includes(' & ') ? team.replace(' & ', ' and ') : `${team} team`,
          ]),
          truth: val(team),
        });
      else if (k === 'acronym') {
        const a = acronym(team, teams);
        set('vfsTeam', a ? { typed: a, truth: val(team) } : { typed: team, truth: val(team) });
      } else if (k === 'benefits')
        set('vfsTeam', { typed: g.pick(['Benefits', 'benefits team']), truth: AMB });
      else if (k === 'blank') set('vfsTeam', { typed: '', truth: BLANK });
      else
        set('vfsTeam', {
          typed: g.pick(['??', 'unknown', 'n/a', 'Contractor (not sure which team)', 'idk']),
          truth: UNS,
        });
    }

    // Topic
    {
      const k = g.weighted({ list: 75, syn: 10, amb: 4, blank: 6, junk: 5 });
      if (k === 'list') set('topic', { typed: listForm(g, topic, TOPICS), truth: val(topic) });
      else if (k === 'syn') {
        const [v, forms] = g.pick(Object.entries(TOPIC_SYN));
        set('topic', { typed: g.pick(forms), truth: val(v) });
      } else if (k === 'amb')
        set('topic', {
          typed: g.pick(['Deployment', 'deploy', 'Platform website', 'Testing', 'Test']),
          truth: AMB,
        });
      else if (k === 'blank') set('topic', { typed: '', truth: BLANK });
      else
        set('topic', {
          typed: g.pick(['??', 'idk', 'see thread', 'stuff', 'misc question from team']),
          truth: UNS,
        });
    }

    // Channel
    {
      const v = g.pick([
        'Slack',
        'Slack',
        'Slack',
        'GitHub',
        'Email',
        'Meeting',
        'Office hours',
        'Self-service',
        'Other',
      ]);
      const k = g.weighted({ list: 55, syn: 25, blank: 12, amb: 2, junk: 4 });
      if (k === 'list')
        set('channel', { typed: listForm(g, v, DEFAULT_LISTS.channel), truth: val(v) });
      else if (k === 'syn' && CHANNEL_SYN[v])
        set('channel', { typed: g.pick(CHANNEL_SYN[v]), truth: val(v) });
      else if (k === 'amb')
        // A Slack huddle or call is a meeting held in Slack: which channel is meant is unclear.
        set('channel', {
          typed: g.pick(['slack huddle', 'Slack call', 'Slack/GitHub', 'email + slack']),
          truth: AMB,
        });
      else if (k === 'blank' || k === 'syn')
        set('channel', { typed: '', truth: linkChannel ? val(linkChannel) : BLANK });
      else
        set('channel', { typed: g.pick(['phone', '??', 'word of mouth', 'hallway']), truth: UNS });
    }

    // VSP team: a blank one stays blank (routing is only a suggestion).
    {
      const v = g.pick(DEFAULT_LISTS.vspTeam.slice(0, 9));
      const k = g.weighted({ list: 50, syn: 15, blank: 30, junk: 3 });
      if (k === 'list')
        set('vspTeam', { typed: listForm(g, v, DEFAULT_LISTS.vspTeam), truth: val(v) });
      else if (k === 'syn' && VSP_SYN[v])
        set('vspTeam', { typed: g.pick(VSP_SYN[v]), truth: val(v) });
      else if (k === 'junk')
        set('vspTeam', { typed: g.pick(['??', 'platform', 'VSP']), truth: UNS });
      else set('vspTeam', { typed: '', truth: BLANK });
    }

    // Practice area
    {
      const v = g.pick(DEFAULT_LISTS.practiceArea);
      const k = g.weighted({ list: 60, syn: 12, blank: 25, junk: 3 });
      if (k === 'list')
        set('practiceArea', { typed: listForm(g, v, DEFAULT_LISTS.practiceArea), truth: val(v) });
      else if (k === 'syn' && PRACTICE_SYN[v])
        set('practiceArea', { typed: g.pick(PRACTICE_SYN[v]), truth: val(v) });
      else if (k === 'junk')
        set('practiceArea', { typed: g.pick(['eng', '??', 'tbd']), truth: UNS });
      else set('practiceArea', { typed: '', truth: BLANK });
    }

    // Request type
    {
      const v = g.pick(DEFAULT_LISTS.requestType);
      const k = g.weighted({ list: 65, syn: 15, blank: 15, amb: 2, junk: 3 });
      if (k === 'amb')
        set('requestType', {
          typed: g.pick(['question/bug', 'Bug or feature request']),
          truth: AMB,
        });
      else if (k === 'list')
        set('requestType', { typed: listForm(g, v, DEFAULT_LISTS.requestType), truth: val(v) });
      else if (k === 'syn' && TYPE_SYN[v])
        set('requestType', { typed: g.pick(TYPE_SYN[v]), truth: val(v) });
      else if (k === 'junk')
        set('requestType', { typed: g.pick(['misc', '??', 'idk']), truth: UNS });
      else set('requestType', { typed: '', truth: BLANK });
    }

    // Status and Resolution (a resolution suffix in Status fills a blank Resolution).
    {
      const v = g.pick([
        'Open',
        'Waiting on requester',
        'Resolved',
        'Resolved',
        'Resolved',
        'Escalated',
      ]);
      const k = g.weighted({ list: 55, syn: 25, suffix: 10, amb: 3, junk: 2 });
      const rv = g.pick(DEFAULT_LISTS.resolution);
      const rk = g.weighted({ blank: 40, list: 40, syn: 15, junk: 3 });
      let resolution: Form =
        rk === 'list'
          ? { typed: listForm(g, rv, DEFAULT_LISTS.resolution), truth: val(rv) }
          : rk === 'syn' && RES_SYN[rv]
            ? { typed: g.pick(RES_SYN[rv]), truth: val(rv) }
            : rk === 'junk'
              ? { typed: g.pick(['dupe', 'n/a', '??']), truth: UNS }
              : { typed: '', truth: BLANK };
      if (k === 'list')
        set('status', { typed: listForm(g, v, DEFAULT_LISTS.status), truth: val(v) });
      else if (k === 'syn') set('status', { typed: g.pick(STATUS_SYN[v]), truth: val(v) });
      else if (k === 'suffix') {
        const [suffix, res] = g.pick(RES_SUFFIX);
        const head = g.pick(['resolved', 'Resolved', 'done', 'Closed']);
        const sep = g.pick([' - ', ' – ', ': ', ' (']);
        set('status', {
          typed: `${head}${sep}${suffix}${sep === ' (' ? ')' : ''}`,
          truth: val('Resolved'),
        });
        resolution = { typed: '', truth: val(res) };
      } else if (k === 'amb')
        set('status', { typed: g.pick(['pending', 'Pending', 'on hold', 'blocked']), truth: AMB });
      else set('status', { typed: g.pick(['??', 'idk', 'ask Sam']), truth: UNS });
      set('resolution', resolution);
    }

    // Checkboxes
    for (const f of ['documentationGap', 'automationCandidate'] as const) {
      const k = g.weighted({ bool: 40, blank: 25, yes: 16, no: 16, junk: 3 });
      if (k === 'bool') {
        const b = g.chance(0.3);
        set(f, { typed: b, truth: val(b) });
      } else if (k === 'yes')
        set(f, {
          typed: g.pick(['y', 'Y', 'yes', 'Yes', 'x', 'X', 'TRUE', 'true', '✓', 'Y ', 'yep']),
          truth: val(true),
        });
      else if (k === 'no')
        set(f, {
          typed: g.pick(['n', 'N', 'no', 'No', 'FALSE', 'false', 'nope']),
          truth: val(false),
        });
      else if (k === 'junk') set(f, { typed: g.pick(['maybe', '?', 'partly']), truth: UNS });
      else set(f, { typed: '', truth: BLANK });
    }

    set('timeSpentMin', durationForm(g));

    // Text and the user's own columns (never normalized).
    const text = (f: FieldKey, v: unknown): void => {
      const c = has(f);
      if (c >= 0) row[c] = v;
    };
    text('summary', g.pick(TEXTS.filter((x) => x !== '')) + (g.chance(0.5) ? ` #${r}` : ''));
    text('notes', g.chance(0.5) ? '' : g.pick(TEXTS));
    text(
      'requester',
      g.chance(0.2) ? `@${g.pick(FIRST).toLowerCase()}` : `${g.pick(FIRST)} ${g.pick(LAST)}`,
    );
    text('link', link);
    fields.forEach((f, c) => {
      if (f === null) row[c] = (colExtra[c] as (typeof EXTRA_COLS)[number]).value(g);
    });
    rows.push(row);
    truth.push(tr);
  }
  return {
    name: g.pick(['Support log', 'Requests', 'Tracker', 'Platform support', 'Asks 2025', 'Log']),
    header,
    rows,
    fields,
    truth,
    timeCells,
    teams: teams.map((name) => ({ name, aliases: '' })),
  };
}
