/** Issue 14: the pure answers module (ranking, input validation, events, analytics, the KPI). */
import {
  askEventRow,
  buildAnswerLinks,
  feedbackWeight,
  linkFeedback,
  parseAskLog,
  rankAnswers,
  safeHttpUrl,
  selfServiceKpi,
  summarizeAnswers,
  titleFromUrl,
  validateAskInput,
  ASK_LOG_HEADERS,
  type AnswerIndex,
  type AskEvent,
} from '../../src/domain/answers';
import { defaultLists } from '../../src/domain/lists';
import { buildSuggestModel } from '../../src/domain/suggest';

const lists = defaultLists();
const withLinks = lists.topics.map((t) =>
  t.value === 'CI Error'
    ? { ...t, docLink: 'https://docs.example.gov/ci' }
    : t.value === 'Datadog'
      ? { ...t, docLink: 'javascript:alert(1)' }
      : t,
);

function index(): AnswerIndex {
  const topics = withLinks.filter((t) => !t.disabled);
  return {
    v: 1,
    model: buildSuggestModel(
      topics.map((t) => ({ topic: t.value, keywords: t.keywords })),
      [
        { summary: 'jenkins build red again', topic: 'CI Error' },
        { summary: 'jenkins build broken', topic: 'CI Error' },
      ],
    ),
    links: buildAnswerLinks(withLinks, [
      ['Topic', 'Title', 'Link', 'Keywords', 'Disabled'],
      ['ci error', '', 'https://docs.example.gov/ci/actions-failures.html', 'workflow', ''],
      ['CI Error', 'Off', 'https://docs.example.gov/off', '', 'TRUE'],
      ['No such topic', 'X', 'https://docs.example.gov/x', '', ''],
      ['Forms', 'Data', 'data:text/html,<b>x</b>', '', ''],
    ]),
    teams: [],
    followUpUrl: '',
    rateLimit: 20,
  };
}

describe('answer links', () => {
  it('keeps only active topics and http(s) links; titles default from the URL', () => {
    const links = index().links;
    expect(links.map((l) => l.url)).toEqual([
      'https://docs.example.gov/ci',
      'https://docs.example.gov/ci/actions-failures.html',
    ]);
    expect(links[1]).toMatchObject({ topic: 'CI Error', title: 'Actions failures' });
    expect(links[1].keywords).toEqual(['workflow']);
    expect(safeHttpUrl('mailto:a@b.co')).toBeNull();
    expect(safeHttpUrl(' https://x.example/a ')).toBe('https://x.example/a');
    expect(titleFromUrl('https://x.example/')).toBe('x.example');
  });

  it('ranks at most 3 links with a signal, best first', () => {
    const idx = index();
    const r = rankAnswers(idx, 'the github actions workflow of CI failing');
    expect(r.length).toBeGreaterThan(0);
    expect(r.length).toBeLessThanOrEqual(3);
    expect(r[0].url).toBe('https://docs.example.gov/ci/actions-failures.html');
    expect(r.every((s) => s.score > 0 && s.score <= 1)).toBe(true);
    expect(rankAnswers(idx, 'my figma mockup')).toEqual([]);
    // Learned feedback: a link judged unhelpful again and again drops below its neighbour.
    const demoted = rankAnswers(
      { ...idx, feedback: { 'https://docs.example.gov/ci/actions-failures.html': [0, 6] } },
      'the github actions workflow of CI failing',
    );
    expect(demoted[0].url).toBe('https://docs.example.gov/ci');
    expect(feedbackWeight(undefined)).toBe(1);
    expect(feedbackWeight([3, 0])).toBeCloseTo(1.6, 10);
    expect(feedbackWeight([0, 3])).toBeCloseTo(0.4, 10);
    expect(rankAnswers(idx, 'ci')).toEqual([]);
  });
});

describe('validateAskInput', () => {
  const ok = { question: ' How? ', answered: false, clientRequestId: 'abcdefgh12' };
  it('accepts a minimal ask and trims', () => {
    expect(validateAskInput(ok)).toEqual({
      ok: true,
      value: {
        question: 'How?',
        vfsTeam: '',
        topic: '',
        answered: false,
        docUrl: '',
        clientRequestId: 'abcdefgh12',
      },
    });
  });
  it.each([
    [null],
    [{ ...ok, question: '   ' }],
    [{ ...ok, question: 'x'.repeat(2001) }],
    [{ ...ok, answered: 'true' }],
    [{ ...ok, clientRequestId: 'bad id!' }],
    [{ ...ok, docUrl: 'javascript:alert(1)' }],
    [{ ...ok, answered: true }],
    [{ ...ok, vfsTeam: 5 }],
    [{ ...ok, other: 1 }],
  ])('refuses bad input #%# with a message', (input) => {
    const r = validateAskInput(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.length).toBeGreaterThan(5);
  });
});

describe('events and analytics', () => {
  const at = (s: string): Date => new Date(s);
  const events: AskEvent[] = [
    {
      at: at('2026-02-24T16:00:00Z'),
      requestId: 'a',
      answered: true,
      topic: 'T',
      url: 'u1',
      suggested: [
        { topic: 'T', url: 'u1' },
        { topic: 'T', url: 'u2' },
      ],
    },
    {
      at: at('2026-02-25T16:00:00Z'),
      requestId: 'b',
      answered: false,
      topic: '',
      url: '',
      suggested: [{ topic: 'T', url: 'u2' }],
    },
    {
      at: at('2026-01-05T16:00:00Z'),
      requestId: 'c',
      answered: false,
      topic: 'T',
      url: 'u2',
      suggested: [{ topic: 'T', url: 'u2' }],
    },
    {
      at: at('2026-01-06T16:00:00Z'),
      requestId: 'd',
      answered: false,
      topic: '',
      url: '',
      suggested: [{ topic: 'T', url: 'u2' }],
    },
  ];

  it('round-trips through the Ask log row', () => {
    const values = [
      [...ASK_LOG_HEADERS],
      ...events.map(askEventRow),
      ['not a date', 'x', 'Answered'],
    ];
    expect(parseAskLog(values)).toEqual(events);
  });

  it('counts suggested / chosen / helpful / unhelpful and flags a link', () => {
    const s = summarizeAnswers(events, [{ topic: 'T', url: 'u3', title: '', keywords: [] }]);
    expect(s.asks).toBe(4);
    expect(s.answered).toBe(1);
    expect(s.resolutionRate).toBe(0.25);
    const by = Object.fromEntries(s.links.map((l) => [l.url, l]));
    expect(by.u1).toMatchObject({
      suggested: 1,
      chosen: 1,
      helpful: 1,
      unhelpful: 0,
      resolutionRate: 1,
    });
    expect(by.u2).toMatchObject({
      suggested: 4,
      chosen: 1,
      helpful: 0,
      unhelpful: 3,
      resolutionRate: 0,
    });
    expect(by.u3).toMatchObject({ suggested: 0, resolutionRate: null });
    expect(s.flagged.map((f) => f.url)).toEqual(['u2']);
    expect(linkFeedback(events)).toEqual({ u1: [1, 0], u2: [0, 3] });
  });

  it('computes the automated response rate per period from events and resolved rows', () => {
    const k = selfServiceKpi(events, {
      lastWeek: {
        from: at('2026-02-23T05:00:00Z'),
        to: at('2026-03-02T05:00:00Z'),
        resolved: 5,
        automated: 1,
      },
      last4Weeks: {
        from: at('2026-02-02T05:00:00Z'),
        to: at('2026-03-02T05:00:00Z'),
        resolved: 5,
        automated: 1,
      },
      allTime: { from: null, to: null, resolved: 9, automated: 1 },
    });
    expect(k.lastWeek).toEqual({
      asks: 2,
      automated: 1,
      humanResolved: 4,
      automatedRate: 0.2,
      selfServiceRate: 0.5,
    });
    expect(k.allTime.automatedRate).toBeCloseTo(1 / 9, 10);
    const none = selfServiceKpi([], {
      lastWeek: { from: null, to: null, resolved: 0, automated: 0 },
      last4Weeks: { from: null, to: null, resolved: 0, automated: 0 },
      allTime: { from: null, to: null, resolved: 0, automated: 0 },
    });
    expect(none.allTime).toMatchObject({ automatedRate: null, selfServiceRate: null });
  });
});
