/**
 * Deterministic generator of the sample legacy support sheet (samples/legacy-support.csv).
 *
 * It imitates the hand-kept Google Sheet a platform support team really had: a "Support log" tab
 * with headers people typed, VA.gov-style VFS team names with variants and typos, mixed date
 * formats, free-text categories, durations written as text, Slack permalinks whose timestamp is the
 * row's own time, GitHub issue links, blanks and an extra "Priority" column the add-on must leave
 * alone. A seeded PRNG makes the output byte-for-byte reproducible.
 *
 * Regenerate:  node scripts/run-ts.mjs samples/generate.ts          (writes the CSV)
 * Verify:      node scripts/run-ts.mjs samples/generate.ts --check  (exits 1 if it differs)
 */
import fs from 'node:fs';
import path from 'node:path';
import { toCsv } from '../workbench/csv';
import { zonedParts, zonedTime } from '../src/domain/time';

/** The tab name of the legacy sheet in the sample workbook. */
export const SAMPLE_SHEET_NAME = 'Support log';
/** The spreadsheet time zone the sample was "typed" in. */
export const SAMPLE_TIME_ZONE = 'America/New_York';
/** Default seed of the committed CSV. */
export const SAMPLE_SEED = 20240301;
/**
 * "Now" of the sample workbook: the Tuesday after the sample period ends (9am Eastern), so the last
 * complete week, the last 12 weeks and the weekly email all fall inside the sample's data.
 */
export const SAMPLE_NOW = new Date('2024-09-03T13:00:00Z');
/** Default number of rows of the committed CSV. */
export const SAMPLE_ROWS = 1000;

/** The legacy headers, as the team typed them. "Priority" is an extra column nobody maps. */
export const LEGACY_HEADERS = [
  'Date',
  'Team',
  'Category',
  'Description',
  'Slack link',
  'Source',
  'Status',
  'Resolution',
  'Time spent',
  'Docs?',
  'Who',
  'Platform team',
  'Priority',
  'First reply',
  'Closed on',
] as const;

/** A VFS team of the sample workbook's Teams tab: canonical name and the aliases a lead would list. */
export interface SampleTeam {
  name: string;
  aliases: string[];
}

interface TeamSpec extends SampleTeam {
  /** Relative share of requests. */
  weight: number;
  /** How people actually typed it (besides the canonical name): case, spacing, typos, aliases. */
  typed: string[];
}

const TEAMS: TeamSpec[] = [
  team('Authenticated Experience', ['Auth Exp', 'AuthExp'], 9, [
    'authenticated experience',
    'Auth Exp',
    'AuthExp',
    'Authenticated Experiance',
    'Authenticated experience ',
  ]),
  team('Benefits Team 1', ['BAM 1', 'Benefits 1'], 6, [
    'benefits team 1',
    'Benefits 1',
    'BAM 1',
    'Benefits Team1',
  ]),
  team('Benefits Team 2', ['BAM 2', 'Benefits 2'], 5, [
    'benefits team 2',
    'Benefits 2',
    'BAM 2',
    'Benifits Team 2',
  ]),
  team('Check-in Experience', ['CIE', 'Check in'], 8, [
    'check-in experience',
    'Check in Experience',
    'CIE',
    'Checkin Experience',
    'Check-In Experience',
  ]),
  team('Debt Resolution', ['DMC', 'Debt'], 4, [
    'debt resolution',
    'Debt Resolution ',
    'DMC',
    'Debt Resoultion',
  ]),
  team('Decision Reviews', ['DR', 'Appeals'], 5, [
    'decision reviews',
    'Decision Review',
    'Appeals',
    'DR',
  ]),
  team('Disability Benefits', ['DBEX', '526'], 7, [
    'disability benefits',
    'DBEX',
    'Disability  Benefits',
    '526',
  ]),
  team('Education Benefits', ['EDU', 'Edu Benefits'], 4, [
    'education benefits',
    'EDU',
    'Edu Benefits',
    'Education Benfits',
  ]),
  team('Facilities', ['Facility Locator'], 5, [
    'facilities',
    'FACILITIES',
    'Facility Locator',
    'Facilites',
  ]),
  team('Health Apartment', ['Health APT'], 4, [
    'health apartment',
    'Health APT',
    'Health Appartment',
  ]),
  team('Identity', ['Login', 'Identity team'], 4, [
    'identity',
    'Identity team',
    'Login',
    'Identitiy',
  ]),
  team('IIR', ['Identity and Income Routing'], 2, ['iir', 'IIR ']),
  team('Mobile', ['VA Mobile App', 'Flagship Mobile'], 5, [
    'mobile',
    'VA Mobile App',
    'Flagship Mobile',
    'Moblie',
  ]),
  team('My HealtheVet', ['MHV', 'MHV on VA.gov'], 7, [
    'my healthevet',
    'MHV',
    'MHV on VA.gov',
    'My Health eVet',
    'MyHealtheVet',
  ]),
  team('Public Websites', ['PW', 'Public Web'], 5, [
    'public websites',
    'Public Website',
    'PW',
    'Public Web',
  ]),
  team('Sitewide', ['Sitewide Content'], 4, [
    'sitewide',
    'Sitewide Content',
    'Site wide',
    'SiteWide',
  ]),
  team('Caregivers', ['10-10CG', 'Caregiver'], 3, [
    'caregivers',
    'Caregiver',
    '10-10CG',
    'Care givers',
  ]),
  team('Virtual Agent', ['VA Chatbot', 'Chatbot'], 3, [
    'virtual agent',
    'Chatbot',
    'VA Chatbot',
    'Virtual Agnet',
  ]),
  team('Veteran Facing Forms', ['VFF', 'Forms team'], 4, [
    'veteran facing forms',
    'VFF',
    'Forms team',
    'Veteran-Facing Forms',
  ]),
  team('Pension & Burials', ['Pensions', 'Burials'], 3, [
    'pension & burials',
    'Pension and Burials',
    'Pensions',
    'Burials',
  ]),
];

function team(name: string, aliases: string[], weight: number, typed: string[]): TeamSpec {
  return { name, aliases, weight, typed };
}

/** The VFS teams of the sample workbook, to seed its Teams tab (Name, Aliases). */
export const SAMPLE_TEAMS: readonly SampleTeam[] = TEAMS.map((t) => ({
  name: t.name,
  aliases: [...t.aliases],
}));

/** Values typed in the Team column that match no team at all (genuinely unresolvable). */
const UNKNOWN_TEAMS = ['??', 'n/a', 'unknown', 'Contractor (not sure which team)', 'TBD'];

interface TopicSpec {
  /** Standard topic (src/domain/schema.ts DEFAULT_TOPICS). */
  topic: string;
  weight: number;
  /** How the team typed the category: variants, lowercase, abbreviations, typos. */
  typed: string[];
  /** Summaries; {app} and {n} are filled in. */
  summaries: string[];
  /** Typical minutes spent. */
  minutes: [number, number];
  /** Share answered with a pointer to existing docs. */
  docsShare: number;
  /** Where the request usually arrives. */
  github?: number;
}

const TOPICS: TopicSpec[] = [
  {
    topic: 'CI Error',
    weight: 11,
    typed: [
      'CI error',
      'ci failing',
      'Jenkins',
      'CI',
      'CI Error',
      'ci error',
      'GitHub Actions',
      'CI eror',
      'build failed',
    ],
    summaries: [
      'CI failing on {app} PR #{n}, "yarn install" times out on the runner',
      'GitHub Actions workflow stuck in queued for over an hour on {app}',
      'Jenkins build red on main after merge, not sure if it is us',
      'Lint step fails in CI but passes locally for {app}',
      'CI keeps failing on the unit test stage with exit code 137 (out of memory?)',
      'Build failed: cannot find module after dependency bump in {app}',
    ],
    minutes: [10, 60],
    docsShare: 0.2,
  },
  {
    topic: 'PR Review',
    weight: 10,
    typed: [
      'PR review',
      'pr review',
      'Code review',
      'review my PR',
      'PR Reveiw',
      'PR',
      'Pull request review',
    ],
    summaries: [
      'Need a platform review on vets-website PR #{n} for {app}',
      'Can someone approve my PR #{n}? Needs CODEOWNERS approval from platform',
      'PR #{n} touches shared components, requesting frontend tools review',
      'Backend PR #{n} for {app} needs a review before Thursday launch',
      'Review request: migration PR #{n} in vets-api',
    ],
    minutes: [15, 45],
    docsShare: 0,
    github: 0.35,
  },
  {
    topic: 'Access Request',
    weight: 9,
    typed: [
      'Access',
      'access request',
      'AWS access',
      'Github access',
      'acess request',
      'Access Request',
      'permissions',
    ],
    summaries: [
      'New engineer on {app} needs GitHub access to the department-of-veterans-affairs org',
      'Requesting AWS access for a new backend dev',
      'Please add me to the Sentry project for {app}',
      'Need access to Datadog for our new PM',
      'Lost access to the VA network resources after laptop swap',
    ],
    minutes: [5, 30],
    docsShare: 0.45,
  },
  {
    topic: 'Datadog',
    weight: 5,
    typed: ['datadog', 'DataDog', 'Datadog', 'DD dashboard', 'datadog monitor'],
    summaries: [
      'How do I set up a Datadog monitor for {app} error rate?',
      'Datadog dashboard for {app} shows no data since Friday',
      'APM traces missing for our new endpoint',
    ],
    minutes: [15, 45],
    docsShare: 0.4,
  },
  {
    topic: 'Design System',
    weight: 6,
    typed: [
      'design system',
      'Design System',
      'DS component',
      'design-system',
      'Design sytem',
      'va-button',
    ],
    summaries: [
      'Is there a Design System component for a multi-step progress bar?',
      'va-button web component not firing click in {app} form',
      'Which version of component-library should {app} be on?',
      'Design System pattern question: date input with a hint',
    ],
    minutes: [10, 40],
    docsShare: 0.5,
  },
  {
    topic: 'Environments',
    weight: 5,
    typed: ['staging', 'Environments', 'env', 'environment', 'Staging env', 'Enviroments'],
    summaries: [
      'Staging is returning 502s for {app} since this morning',
      'How do we add a new env var to staging and prod for vets-api?',
      'Dev environment data is out of date for {app}',
    ],
    minutes: [15, 90],
    docsShare: 0.25,
  },
  {
    topic: 'Failed Deployment',
    weight: 4,
    typed: [
      'deploy failed',
      'Failed deploy',
      'failed deployment',
      'Failed Deployment',
      'deployment failed',
    ],
    summaries: [
      "Today's deploy failed for vets-website, {app} changes not live",
      'Deployment failed at the smoke test step, please advise',
      'Rollback needed? Deploy of {app} failed halfway',
    ],
    minutes: [30, 120],
    docsShare: 0.05,
  },
  {
    topic: 'Review Instance',
    weight: 4,
    typed: ['review instance', 'RI', 'Review instances', 'Review Instance', 'review-instance'],
    summaries: [
      'Review instance for PR #{n} never came up',
      'How long do review instances stay alive?',
      'Review instance shows the old build of {app}',
    ],
    minutes: [10, 40],
    docsShare: 0.4,
  },
  {
    topic: 'Test Accounts/Data',
    weight: 5,
    typed: ['test accounts', 'test user', 'Test data', 'Test Accounts', 'test acct', 'test users'],
    summaries: [
      'Need a staging test user with a 526 claim in progress for {app}',
      'Test account for ID.me login is locked',
      'Looking for test data with multiple dependents',
    ],
    minutes: [10, 45],
    docsShare: 0.5,
  },
  {
    topic: 'App Logging/Monitoring',
    weight: 4,
    typed: ['sentry', 'logging', 'monitoring', 'Sentry errors', 'Logs', 'alerting'],
    summaries: [
      'Sentry is flooding with errors from {app}, how to filter?',
      'Where do vets-api logs for {app} end up?',
      'Set up a PagerDuty alert for our endpoint',
    ],
    minutes: [15, 60],
    docsShare: 0.35,
  },
  {
    topic: 'API',
    weight: 5,
    typed: ['API', 'api', 'vets-api', 'api question', 'Api', 'upstream API'],
    summaries: [
      'vets-api endpoint for {app} returns 500 from the upstream service',
      'Question about the API contract for the new {app} endpoint',
      'Swagger docs for the claims endpoint look out of date',
    ],
    minutes: [20, 90],
    docsShare: 0.15,
  },
  {
    topic: 'Forms',
    weight: 5,
    typed: ['forms', 'Forms', 'forms library', 'form system', 'Forms Library', 'formz'],
    summaries: [
      'Forms library: how to make a field conditionally required in {app}?',
      'Form submission for {app} stuck in "pending" state',
      'Save-in-progress not working on the new form',
    ],
    minutes: [15, 60],
    docsShare: 0.35,
  },
  {
    topic: 'Content & IA',
    weight: 4,
    typed: ['content', 'IA', 'Content/IA', 'content & ia', 'Content and IA', 'url change'],
    summaries: [
      'Need an IA review for the new {app} landing page URL',
      'Breadcrumbs wrong on the {app} page',
      'Content question: which term do we use, "claim" or "application"?',
    ],
    minutes: [10, 45],
    docsShare: 0.2,
    github: 0.6,
  },
  {
    topic: 'Google Analytics/Domo',
    weight: 3,
    typed: ['GA', 'analytics', 'Domo', 'google analytics', 'GA tagging'],
    summaries: [
      'Analytics tagging request for {app} launch',
      'Domo dashboard for {app} missing last week',
      'GA events not showing up for the new button',
    ],
    minutes: [15, 60],
    docsShare: 0.2,
    github: 0.7,
  },
  {
    topic: 'Orientation/Onboarding',
    weight: 3,
    typed: ['onboarding', 'orientation', 'Onboarding', 'new team onboarding', 'Orientation'],
    summaries: [
      'New vendor team starting on {app}, how do we schedule platform orientation?',
      'Onboarding checklist for a new designer',
    ],
    minutes: [20, 60],
    docsShare: 0.6,
  },
  {
    topic: 'Collaboration Cycle',
    weight: 4,
    typed: [
      'collab cycle',
      'Collaboration cycle',
      'collab cycle kickoff',
      'Collaboration Cycle',
      'collab-cycle',
    ],
    summaries: [
      'Requesting a Collaboration Cycle kickoff for {app}',
      'When is our staging review for {app}?',
      'Midpoint review feedback: do we need to address all of it before launch?',
    ],
    minutes: [15, 45],
    docsShare: 0.35,
    github: 0.5,
  },
  {
    topic: 'Accessibility',
    weight: 3,
    typed: ['a11y', '508', 'accessibility', 'Accessibility', 'A11Y'],
    summaries: [
      'Screen reader reads the {app} error message twice',
      'axe flags color contrast on our alert, is the DS color compliant?',
      'Need an accessibility review before launch',
    ],
    minutes: [15, 60],
    docsShare: 0.3,
  },
  {
    topic: 'SOCKS',
    weight: 3,
    typed: ['socks', 'SOCKS proxy', 'socks access', 'SOCKS', 'Socks'],
    summaries: [
      'SOCKS proxy connection refused since this morning',
      'Need SOCKS access to reach the staging console',
    ],
    minutes: [10, 30],
    docsShare: 0.6,
  },
  {
    topic: 'Security',
    weight: 2,
    typed: ['security', 'snyk', 'Security', 'dependabot alert', 'CVE'],
    summaries: [
      'Dependabot alert on a transitive dependency in {app}',
      'Is it ok to store this token in the parameter store?',
    ],
    minutes: [20, 90],
    docsShare: 0.2,
  },
  {
    topic: 'Off-Cycle Deployment',
    weight: 2,
    typed: ['off cycle deploy', 'hotfix', 'Off-cycle deployment', 'off-cycle', 'Off cycle deploy'],
    summaries: [
      'Requesting an off-cycle deploy for a {app} hotfix',
      'Urgent: need an off-cycle deployment to fix a broken link',
    ],
    minutes: [30, 120],
    docsShare: 0.1,
  },
  {
    topic: 'Pipeline',
    weight: 2,
    typed: ['pipeline', 'daily deploy', 'Pipeline', 'deploy pipeline'],
    summaries: ['Was the daily deploy skipped today?', 'When does a merged PR reach production?'],
    minutes: [5, 30],
    docsShare: 0.5,
  },
  {
    topic: 'Automated Tests',
    weight: 3,
    typed: ['cypress', 'e2e tests', 'Automated tests', 'unit tests', 'Cypress'],
    summaries: [
      'Cypress tests for {app} are flaky on CI',
      'How do we mock feature toggles in e2e tests?',
    ],
    minutes: [15, 60],
    docsShare: 0.35,
  },
  {
    topic: 'Test Failure',
    weight: 2,
    typed: ['test failing', 'test failure', 'Test Failure', 'failing test'],
    summaries: [
      'Unit test failing on main that we did not touch',
      'Test failed only in CI for {app}',
    ],
    minutes: [15, 60],
    docsShare: 0.1,
  },
  {
    topic: 'App Setup',
    weight: 2,
    typed: ['local setup', 'app setup', 'App Setup', 'setup'],
    summaries: [
      'vets-website local setup fails on yarn install (M1 mac)',
      'Scaffolding a new app in vets-website',
    ],
    minutes: [15, 60],
    docsShare: 0.6,
  },
  {
    topic: 'VA.gov Incident',
    weight: 1,
    typed: ['outage', 'incident', 'VA.gov incident', 'Incident'],
    summaries: ['VA.gov login is down for some users', 'Reports of 503s on {app} in production'],
    minutes: [60, 240],
    docsShare: 0,
  },
  {
    topic: 'Testing Tool Access',
    weight: 1,
    typed: ['testrail access', 'TestRail', 'browserstack access'],
    summaries: ['Need TestRail access for our QA', 'BrowserStack license for a new tester'],
    minutes: [5, 20],
    docsShare: 0.5,
  },
  {
    topic: 'Something Else',
    weight: 2,
    typed: ['other', 'Other', 'misc', 'something else'],
    summaries: [
      'Who owns the shared Slack channel for launches?',
      'Where can I find the platform roadmap?',
    ],
    minutes: [5, 20],
    docsShare: 0.2,
  },
];

/** Categories typed that mean nothing (genuinely unresolvable). */
const UNKNOWN_CATEGORIES = ['see thread', 'idk', 'stuff', '???', 'follow up w/ Tom'];

const APPS = [
  'claim status',
  'appointments',
  'direct deposit',
  'profile',
  'GI Bill comparison tool',
  'facility locator',
  'secure messaging',
  'prescriptions',
  'HLR form',
  '10-10EZ',
  'check-in',
  'debt letters',
];

const PEOPLE = [
  ['Jane', 'Smith'],
  ['Ravi', 'Patel'],
  ['Maria', 'Gonzalez'],
  ['Kevin', "O'Brien"],
  ['Aisha', 'Johnson'],
  ['Tom', 'Nguyen'],
  ['Lena', 'Fischer'],
  ['Marcus', 'Lee'],
  ['Priya', 'Rao'],
  ['Sam', 'Cohen'],
  ['Dana', 'Brooks'],
  ['Chris', 'Alvarez'],
  ['Emily', 'Wright'],
  ['Omar', 'Haddad'],
  ['Grace', 'Kim'],
];

/** How the "Platform team" (VSP team) column was typed, by standard VSP team. */
const VSP_TYPED: Record<string, string[]> = {
  'Frontend Tools': [
    'Frontend Tools',
    'Frontend tools',
    'FE Tools',
    'frontend tools',
    'Frontend Tools ',
  ],
  'Backend Tools': ['Backend Tools', 'backend tools', 'Backend tools', 'BE Tools'],
  'Operations/DevOps': ['Operations/DevOps', 'DevOps', 'devops', 'Operations', 'Ops/DevOps'],
  'Analytics & Insights': [
    'Analytics & Insights',
    'Analytics and Insights',
    'analytics & insights',
  ],
  'Content & IA': ['Content & IA', 'content & ia', 'Content and IA'],
  'Service Design': ['Service Design', 'service design'],
  'Product Support': ['Product Support', 'product support', 'Product support'],
  'Collaboration Cycle': ['Collaboration Cycle', 'collaboration cycle', 'Collab Cycle'],
  Other: ['Other', 'other'],
};

/** Routing of topics to VSP teams (mirrors DEFAULT_TOPICS). */
const TOPIC_VSP: Record<string, string> = {
  API: 'Backend Tools',
  'Access Request': 'Operations/DevOps',
  Accessibility: 'Collaboration Cycle',
  'App Logging/Monitoring': 'Operations/DevOps',
  'App Setup': 'Frontend Tools',
  'Automated Tests': 'Frontend Tools',
  'CI Error': 'Operations/DevOps',
  'Collaboration Cycle': 'Collaboration Cycle',
  'Content & IA': 'Content & IA',
  Datadog: 'Operations/DevOps',
  'Design System': 'Frontend Tools',
  Environments: 'Operations/DevOps',
  'Failed Deployment': 'Operations/DevOps',
  Forms: 'Frontend Tools',
  'Google Analytics/Domo': 'Analytics & Insights',
  'Off-Cycle Deployment': 'Operations/DevOps',
  'Orientation/Onboarding': 'Product Support',
  'PR Review': 'Frontend Tools',
  Pipeline: 'Operations/DevOps',
  'Review Instance': 'Operations/DevOps',
  SOCKS: 'Operations/DevOps',
  Security: 'Operations/DevOps',
  'Test Accounts/Data': 'Product Support',
  'Test Failure': 'Frontend Tools',
  'Testing Tool Access': 'Product Support',
  'VA.gov Incident': 'Operations/DevOps',
  'Something Else': 'Other',
};

const DOCS_BASE = 'https://depo-platform-documentation.scrollhelp.site';
const SLACK_CHANNELS = ['C0ABCDEFG', 'C01LX5T8QRA', 'C02HN4PVB7K'];
const GITHUB_REPOS = ['va.gov-team', 'vets-website', 'vets-api', 'va.gov-team'];

/** Mulberry32: a small, fast, seedable PRNG (deterministic across platforms). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(readonly next: () => number) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  weighted<T extends { weight: number }>(xs: readonly T[]): T {
    const total = xs.reduce((s, x) => s + x.weight, 0);
    let r = this.next() * total;
    for (const x of xs) {
      r -= x.weight;
      if (r < 0) return x;
    }
    return xs[xs.length - 1];
  }
}

const MONTHS = [
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
const MON = MONTHS.map((m) => m.slice(0, 3));

/** One generated row, plus the truth behind it (what a perfect normalization would produce). */
export interface SampleRow {
  cells: string[];
  truth: {
    requestedAt: Date;
    team: string | null;
    topic: string | null;
    channel: string;
    /** True when a perfect normalization could standardize the row (date, team, channel, topic, summary). */
    resolvable: boolean;
  };
}

export interface GenerateOptions {
  seed?: number;
  rows?: number;
  /** First and last day (inclusive), ISO dates in the sample time zone. */
  from?: string;
  to?: string;
}

/** Generates the legacy rows (without the header row), deterministically from the seed. */
export function generateSampleRows(options: GenerateOptions = {}): SampleRow[] {
  const rng = new Rng(mulberry32(options.seed ?? SAMPLE_SEED));
  const count = options.rows ?? SAMPLE_ROWS;
  const tz = SAMPLE_TIME_ZONE;
  const days = businessDays(options.from ?? '2024-03-01', options.to ?? '2024-08-30', tz);

  // Request times: a business day (a few on weekends), mostly 8am-6pm Eastern.
  const times: Date[] = [];
  for (let i = 0; i < count; i++) {
    const [y, m, d] = rng.pick(days);
    const late = rng.chance(0.08);
    const hour = late ? rng.pick([6, 7, 18, 19, 20, 21]) : rng.int(8, 17);
    times.push(zonedTime(tz, y, m, d, hour, rng.int(0, 59), rng.int(0, 59), rng.int(0, 999)));
  }
  times.sort((a, b) => a.getTime() - b.getTime());

  // First replies and closing times come from their own stream, so adding them left every other
  // column of the sample exactly as it was.
  const timing = new Rng(mulberry32(((options.seed ?? SAMPLE_SEED) ^ 0x5eed1e) >>> 0));
  return times.map((at) => {
    const row = makeRow(rng, at, tz);
    row.cells.push(...replyAndClose(timing, at, row.cells[6], row.cells[7], tz));
    return row;
  });
}

/** "M/D/YYYY H:MM:SS" in the sample's zone, as Sheets shows a date-time typed by a person. */
function typedDateTime(t: Date, tz: string): string {
  const p = zonedParts(t, tz);
  const mi = String(p.minute).padStart(2, '0');
  const ss = String(p.second).padStart(2, '0');
  return `${p.month}/${p.day}/${p.year} ${p.hour}:${mi}:${ss}`;
}

/**
 * First reply and Closed on for one request: most requests got a first reply (minutes to hours
 * later, a few the next day); most closed ones record when (hours to days later, never before the
 * first reply). Open requests are often still waiting for a reply.
 */
function replyAndClose(
  rng: Rng,
  at: Date,
  statusCell: string,
  resolutionCell: string,
  tz: string,
): [string, string] {
  const open = /^open$/i.test(statusCell.trim()) || statusCell.trim() === '';
  const MIN = 60000;
  let reply = '';
  let replyAt = at.getTime();
  if (rng.chance(open ? 0.55 : 0.9)) {
    const r = rng.next();
    const minutes = r < 0.7 ? rng.int(4, 150) : r < 0.92 ? rng.int(150, 420) : rng.int(900, 2800);
    replyAt += minutes * MIN + rng.int(0, 59) * 1000;
    reply = typedDateTime(new Date(replyAt), tz);
  }
  let closed = '';
  if (!open && resolutionCell.trim() !== '' && rng.chance(0.88)) {
    const r = rng.next();
    const hours = r < 0.5 ? rng.int(1, 8) : r < 0.8 ? rng.int(9, 72) : rng.int(73, 240);
    const closedAt = Math.max(replyAt + 5 * MIN, at.getTime() + hours * 60 * MIN);
    closed = typedDateTime(new Date(closedAt), tz);
  }
  return [reply, closed];
}

function makeRow(rng: Rng, at: Date, tz: string): SampleRow {
  const p = zonedParts(at, tz);
  const teamSpec = rng.weighted(TEAMS);
  const unknownTeam = rng.chance(0.01);
  const teamCell = unknownTeam
    ? rng.pick(UNKNOWN_TEAMS)
    : rng.chance(0.01)
      ? ''
      : rng.chance(0.45)
        ? teamSpec.name
        : rng.pick(teamSpec.typed);
  const teamTruth = unknownTeam || teamCell === '' ? null : teamSpec.name;

  const topicSpec = rng.weighted(TOPICS);
  const unknownTopic = rng.chance(0.015);
  const topicCell = unknownTopic
    ? rng.pick(UNKNOWN_CATEGORIES)
    : rng.chance(0.008)
      ? ''
      : rng.chance(0.35)
        ? topicSpec.topic
        : rng.pick(topicSpec.typed);
  const topicTruth = unknownTopic || topicCell === '' ? null : topicSpec.topic;

  const app = rng.pick(APPS);
  const prNum = rng.int(18000, 31999);
  let summary = rng.pick(topicSpec.summaries).replace('{app}', app).replace('{n}', String(prNum));
  if (rng.chance(0.03))
    summary += `\nUpdate: ${rng.pick(['still happening', 'resolved itself?', 'thread has details'])}`;
  if (rng.chance(0.08)) summary = summary.toLowerCase();
  if (rng.chance(0.007)) summary = '';

  // Where it arrived, and its link.
  const github = rng.chance(topicSpec.github ?? 0.06);
  const channel = github
    ? 'GitHub'
    : rng.chance(0.9)
      ? 'Slack'
      : rng.pick(['Email', 'Meeting', 'Office hours']);
  let link = '';
  if (channel === 'Slack' && rng.chance(0.93)) link = slackPermalink(rng, at);
  if (channel === 'GitHub') {
    const repo = rng.pick(GITHUB_REPOS);
    link =
      repo === 'va.gov-team'
        ? `https://github.com/department-of-veterans-affairs/va.gov-team/issues/${rng.int(70000, 89999)}`
        : `https://github.com/department-of-veterans-affairs/${repo}/pull/${prNum}`;
  }
  const sourceCell = typedChannel(rng, channel, link !== '');

  // Status and resolution: old requests are closed, recent ones more often open.
  const ageDays = (Date.UTC(2024, 8, 1) - at.getTime()) / 86400000;
  const open = rng.chance(ageDays < 14 ? 0.35 : 0.04);
  const waiting = !open && rng.chance(ageDays < 14 ? 0.1 : 0.01);
  const escalated = !open && !waiting && rng.chance(0.04);
  const docs = !open && !waiting && !escalated && rng.chance(topicSpec.docsShare);
  const notPlatform = !open && !waiting && !escalated && !docs && rng.chance(0.05);
  const status = open
    ? 'Open'
    : waiting
      ? 'Waiting on requester'
      : escalated
        ? 'Escalated'
        : 'Resolved';
  const resolution =
    open || waiting
      ? ''
      : escalated
        ? 'Escalated'
        : docs
          ? 'Pointed to existing docs'
          : notPlatform
            ? 'Not a platform request'
            : topicSpec.topic.includes('Deploy') || topicSpec.topic === 'Test Failure'
              ? rng.pick(['Fixed', 'Fixed', 'Answered'])
              : rng.pick(
                  ['Answered', 'Answered', 'Answered', 'Fixed', "Won't do"].slice(
                    0,
                    rng.chance(0.97) ? 4 : 5,
                  ),
                );

  const minutes = open
    ? rng.chance(0.5)
      ? 0
      : rng.int(5, 20)
    : rng.int(topicSpec.minutes[0], topicSpec.minutes[1]);
  const timeCell = typedMinutes(rng, minutes);

  let docsCell = '';
  if (docs)
    docsCell = rng.chance(0.8)
      ? `${DOCS_BASE}/${slug(topicSpec.topic)}`
      : rng.pick(['yes', 'Y', 'sent docs']);
  else if (!open && rng.chance(0.08)) docsCell = rng.pick(['no', 'none', 'no docs', 'N']);

  const person = rng.pick(PEOPLE);
  const whoCell = rng.pick([
    `${person[0]} ${person[1]}`,
    `${person[0]} ${person[1]}`,
    `@${(person[0][0] + person[1]).toLowerCase().replace(/'/g, '')}`,
    `${person[0].toLowerCase()}.${person[1].toLowerCase().replace(/'/g, '')}@va.gov`,
    person[0],
  ]);

  const vsp = TOPIC_VSP[topicSpec.topic] ?? 'Other';
  const vspCell = rng.chance(0.4) ? '' : rng.chance(0.6) ? vsp : rng.pick(VSP_TYPED[vsp] ?? [vsp]);

  const priority = rng.pick(['', '', '', 'P2', 'P3', 'P1', 'high', 'low', 'Med']);

  const cells = [
    typedDate(rng, at, p),
    teamCell,
    topicCell,
    summary,
    link,
    sourceCell,
    typedStatus(rng, status),
    typedResolution(rng, resolution),
    timeCell,
    docsCell,
    whoCell,
    vspCell,
    priority,
  ];
  const resolvable =
    teamTruth !== null &&
    topicTruth !== null &&
    summary !== '' &&
    (cells[0] !== '' || link.includes('slack.com')) &&
    (sourceCell !== '' || link !== '');
  return {
    cells,
    truth: { requestedAt: at, team: teamTruth, topic: topicTruth, channel, resolvable },
  };
}

/** Weekdays between two ISO dates, plus a few weekend days (people do log on Saturdays). */
function businessDays(from: string, to: string, tz: string): [number, number, number][] {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  const out: [number, number, number][] = [];
  const end = Date.UTC(ty, tm - 1, td);
  for (let t = Date.UTC(fy, fm - 1, fd); t <= end; t += 86400000) {
    const d = new Date(t);
    const dow = d.getUTCDay();
    const triple: [number, number, number] = [
      d.getUTCFullYear(),
      d.getUTCMonth() + 1,
      d.getUTCDate(),
    ];
    if (dow !== 0 && dow !== 6) out.push(triple);
    else if (d.getUTCDate() % 9 === 0) out.push(triple);
  }
  void tz;
  return out;
}

/** A Slack message permalink whose p-timestamp is the message time in microseconds. */
function slackPermalink(rng: Rng, at: Date): string {
  const ch = rng.pick(SLACK_CHANNELS);
  const micros =
    String(at.getTime() % 1000).padStart(3, '0') + String(rng.int(0, 999)).padStart(3, '0');
  const seconds = Math.floor(at.getTime() / 1000);
  return `https://dsva.slack.com/archives/${ch}/p${seconds}${micros}`;
}

function typedDate(
  rng: Rng,
  at: Date,
  p: { year: number; month: number; day: number; hour: number; minute: number; second: number },
): string {
  if (rng.chance(0.01)) return '';
  const hh = String(p.hour).padStart(2, '0');
  const mi = String(p.minute).padStart(2, '0');
  const ss = String(p.second).padStart(2, '0');
  const iso = `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
  const r = rng.next();
  // Year-less dates ("3/5", "March 5") are rarer: Sheets gives them the current year on import.
  if (r < 0.36) return `${p.month}/${p.day}/${p.year}`;
  if (r < 0.42) return `${p.month}/${p.day}`;
  if (r < 0.6) return iso;
  if (r < 0.63) return `${MONTHS[p.month - 1]} ${p.day}`;
  if (r < 0.73) return `${MON[p.month - 1]} ${p.day}, ${p.year}`;
  if (r < 0.88) return `${p.month}/${p.day}/${p.year} ${p.hour}:${mi}:${ss}`;
  if (r < 0.96) return `${iso} ${hh}:${mi}`;
  void at;
  return `${String(p.month).padStart(2, '0')}/${String(p.day).padStart(2, '0')}/${String(p.year).slice(2)}`;
}

function typedChannel(rng: Rng, channel: string, hasLink: boolean): string {
  // With a link, people often left Source blank: the link says where it came from.
  if (hasLink && rng.chance(0.35)) return '';
  const variants: Record<string, string[]> = {
    Slack: ['Slack', 'slack', '#vfs-platform-support', 'Slack thread', 'slack '],
    GitHub: ['GitHub', 'github', 'GH issue', 'Github'],
    Email: ['Email', 'email', 'e-mail'],
    Meeting: ['Meeting', 'meeting', 'standup'],
    'Office hours': ['Office hours', 'office hours', 'OH', 'Office Hours'],
  };
  if (!hasLink && rng.chance(0.03)) return '';
  return rng.chance(0.5) ? channel : rng.pick(variants[channel] ?? [channel]);
}

function typedStatus(rng: Rng, status: string): string {
  const variants: Record<string, string[]> = {
    Open: ['Open', 'open', 'In progress', 'in progress', 'WIP', 'new'],
    'Waiting on requester': [
      'Waiting on requester',
      'waiting',
      'Waiting on team',
      'blocked on them',
    ],
    Resolved: ['Resolved', 'resolved', 'Done', 'done', 'Closed', 'closed', 'Complete', 'fixed'],
    Escalated: ['Escalated', 'escalated', 'Escalated to ops'],
  };
  return rng.chance(0.45) ? status : rng.pick(variants[status]);
}

function typedResolution(rng: Rng, resolution: string): string {
  if (resolution === '') return '';
  const variants: Record<string, string[]> = {
    Answered: ['Answered', 'answered', 'Answered in thread', 'answered in slack'],
    'Pointed to existing docs': [
      'Pointed to existing docs',
      'pointed to docs',
      'Docs',
      'linked docs',
      'sent doc link',
    ],
    Fixed: ['Fixed', 'fixed', 'Fixed it'],
    Escalated: ['Escalated', 'escalated'],
    'Not a platform request': [
      'Not a platform request',
      'not platform',
      'Not platform',
      'wrong channel',
    ],
    "Won't do": ["Won't do", 'wont do', "won't fix"],
  };
  return rng.chance(0.5) ? resolution : rng.pick(variants[resolution] ?? [resolution]);
}

function typedMinutes(rng: Rng, minutes: number): string {
  if (rng.chance(0.06)) return '';
  if (minutes === 0) return rng.pick(['0', '', '-']);
  const h = minutes / 60;
  const r = rng.next();
  if (r < 0.3) return String(minutes);
  if (r < 0.5) return `${minutes}m`;
  if (r < 0.6) return `${minutes} min`;
  if (r < 0.72) return `${Math.round(h * 4) / 4} hrs`;
  if (r < 0.82) return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
  if (r < 0.9) return `${Math.round(h * 2) / 2}h`;
  if (r < 0.98) return minutes >= 60 ? `${Math.round(h * 10) / 10} hours` : `${minutes} mins`;
  return rng.pick(['a while', 'quick', 'half day']);
}

function slug(topic: string): string {
  return topic
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The full sample sheet: header row plus rows, as strings (what the CSV holds). */
export function generateSampleSheet(options: GenerateOptions = {}): string[][] {
  return [[...LEGACY_HEADERS], ...generateSampleRows(options).map((r) => r.cells)];
}

/** The CSV text of the committed sample (RFC 4180, CRLF). */
export function generateSampleCsv(options: GenerateOptions = {}): string {
  return toCsv(generateSampleSheet(options));
}

/** Path of the committed sample CSV, relative to the repository root. */
export const SAMPLE_CSV_FILE = 'samples/legacy-support.csv';

function main(argv: string[]): number {
  const csv = generateSampleCsv();
  const target = path.resolve(process.cwd(), SAMPLE_CSV_FILE);
  if (argv.includes('--check')) {
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (current !== csv) {
      console.error(`${target} is stale: run node scripts/run-ts.mjs samples/generate.ts`);
      return 1;
    }
    console.log(`${target} is up to date`);
    return 0;
  }
  fs.writeFileSync(target, csv);
  console.log(`wrote ${target} (${csv.split('\r\n').length - 2} rows)`);
  return 0;
}

if (process.argv[1] && /samples[\\/]generate\.ts$/.test(process.argv[1])) {
  process.exitCode = main(process.argv.slice(2));
}
