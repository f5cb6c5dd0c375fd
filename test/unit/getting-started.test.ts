/** Issue 12 items 1 and 14: the checklist from sheet facts, and doc link proposals (pure). */
import { checklist, type SetupFacts } from '../../src/domain/gettingStarted';
import { DocLinkCounter, proposeDocLinks } from '../../src/domain/docLinks';
import type { TopicEntry } from '../../src/domain/schema';

const NONE: SetupFacts = {
  columnsMapped: false,
  dataTab: '',
  teams: 0,
  rows: 120,
  normalized: false,
  refreshedAt: '',
  triggersInstalled: false,
  recipients: 0,
  dashboardPublished: false,
  topics: 30,
  topicsWithoutDocLink: 30,
  proposals: [],
};

describe('Getting started checklist', () => {
  it('lists the seven steps in order, none done on a new sheet', () => {
    const c = checklist(NONE);
    expect(c.steps.map((s) => s.id)).toEqual([
      'mapColumns',
      'teams',
      'normalize',
      'refresh',
      'triggers',
      'recipients',
      'dashboard',
    ]);
    expect(c.done).toBe(0);
    expect(c.total).toBe(7);
    expect(c.steps[2].detail).toBe('120 rows not normalized yet.');
  });

  it('marks each step done from its own fact', () => {
    const c = checklist({
      ...NONE,
      columnsMapped: true,
      dataTab: 'Support log',
      teams: 1,
      normalized: true,
      refreshedAt: '2026-11-24T15:00:00.000Z',
      triggersInstalled: true,
      recipients: 2,
      dashboardPublished: true,
      topicsWithoutDocLink: 4,
    });
    expect(c.done).toBe(7);
    expect(c.steps[1].detail).toBe('1 VFS team on the Teams tab.');
    expect(c.steps[3].detail).toBe('Last refreshed 2026-11-24 15:00 UTC.');
    expect(c.steps[5].detail).toBe('The weekly email goes to 2 addresses.');
    expect(c.topicsWithoutDocLink).toBe(4);
  });

  it('an empty mapped sheet needs no normalization', () => {
    expect(checklist({ ...NONE, columnsMapped: true, rows: 0 }).steps[2].done).toBe(true);
  });
});

function topic(value: string, docLink = '', disabled = false): TopicEntry {
  return {
    value,
    aliases: [],
    disabled,
    description: '',
    vspTeam: '',
    practiceArea: '',
    keywords: [],
    docLink,
  };
}

describe('doc link proposals', () => {
  it('proposes the most used http(s) link of each topic without a doc link', () => {
    const c = new DocLinkCounter();
    for (let i = 0; i < 3; i++) c.add('Forms', 'https://docs.example/forms');
    c.add('forms ', 'https://docs.example/other');
    c.add('Forms', 'not a link');
    c.add('Datadog', 'https://docs.example/dd');
    c.add('CI Error', 'https://docs.example/ci'); // already has a doc link
    c.add('Old', 'https://docs.example/old'); // disabled topic
    c.add('', 'https://docs.example/none');
    const out = proposeDocLinks(c, [
      topic('Forms'),
      topic('Datadog'),
      topic('CI Error', 'https://existing'),
      topic('Old', '', true),
    ]);
    expect(out).toEqual([
      { topic: 'Forms', link: 'https://docs.example/forms', uses: 3 },
      { topic: 'Datadog', link: 'https://docs.example/dd', uses: 1 },
    ]);
  });

  it('breaks ties by the alphabetically first link', () => {
    const c = new DocLinkCounter();
    c.add('API', 'https://b.example');
    c.add('API', 'https://a.example');
    expect(proposeDocLinks(c, [topic('API')])[0].link).toBe('https://a.example');
  });
});
