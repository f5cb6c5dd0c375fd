import {
  LIST_KEYS,
  defaultLists,
  defaultListsValues,
  defaultTeamsValues,
  defaultTopicsValues,
  findListEntry,
  isDisabledCell,
  listKeyOfName,
  parseLists,
  parseListsTab,
  parseTeams,
  parseTopics,
  resolveListValue,
  splitAliases,
} from '../../src/domain/lists';
import {
  DEFAULT_LISTS,
  DEFAULT_TOPICS,
  LISTS_HEADERS,
  TEAMS_HEADERS,
  TOPICS_HEADERS,
  activeValues,
} from '../../src/domain/schema';

describe('cells', () => {
  it('splits aliases on commas, semicolons and newlines', () => {
    expect(splitAliases('tools-fe, FE Tools;Frontend tools\nfe')).toEqual([
      'tools-fe',
      'FE Tools',
      'Frontend tools',
      'fe',
    ]);
    expect(splitAliases(' , ;')).toEqual([]);
    expect(splitAliases(null)).toEqual([]);
    expect(splitAliases('a, a')).toEqual(['a']);
  });

  it.each([true, 'TRUE', 'true', 'yes', 'Y', 'x', 'X', '✓', 1, 'disabled'])(
    '%j is disabled',
    (v) => {
      expect(isDisabledCell(v)).toBe(true);
    },
  );
  it.each([false, 'FALSE', '', 'no', 0, null, undefined, 'maybe'])('%j is active', (v) => {
    expect(isDisabledCell(v)).toBe(false);
  });
});

describe('parseTeams', () => {
  it('reads Name, Aliases, Disabled and skips blanks and duplicates', () => {
    const teams = parseTeams([
      [...TEAMS_HEADERS],
      ['Benefits Team 1', 'bt1, benefits-1', false],
      ['', 'orphan alias', ''],
      ['Old team', '', true],
      ['benefits team 1', 'dupe', ''],
      ['  Facilities  ', '', 'x'],
    ]);
    expect(teams).toEqual([
      { value: 'Benefits Team 1', aliases: ['bt1', 'benefits-1'], disabled: false },
      { value: 'Old team', aliases: [], disabled: true },
      { value: 'Facilities', aliases: [], disabled: true },
    ]);
  });

  it('finds columns by header even when reordered, and by position without headers', () => {
    expect(
      parseTeams([
        ['Disabled', 'Name', 'Aliases'],
        ['yes', 'A', 'a1'],
      ]),
    ).toEqual([{ value: 'A', aliases: ['a1'], disabled: true }]);
    expect(
      parseTeams([
        ['Team', 'Other', 'Off'],
        ['B', 'b1', ''],
      ]),
    ).toEqual([{ value: 'B', aliases: ['b1'], disabled: false }]);
    expect(parseTeams([])).toEqual([]);
  });
});

describe('parseTopics', () => {
  it('reads routing, keywords, doc link and Disabled', () => {
    const topics = parseTopics([
      [...TOPICS_HEADERS],
      [
        'CI Error',
        'CI failures',
        'Operations/DevOps',
        'DevOps',
        'ci, jenkins; build failed',
        'https://docs/ci',
        '',
      ],
      ['SOCKS', 'proxy', 'Operations/DevOps', 'DevOps', '', '', true],
    ]);
    expect(topics[0]).toEqual({
      value: 'CI Error',
      aliases: [],
      disabled: false,
      description: 'CI failures',
      vspTeam: 'Operations/DevOps',
      practiceArea: 'DevOps',
      keywords: ['ci', 'jenkins', 'build failed'],
      docLink: 'https://docs/ci',
    });
    expect(topics[1].disabled).toBe(true);
  });

  it('reads an optional Aliases column a lead added', () => {
    const topics = parseTopics([
      ['Topic', 'Aliases', 'Disabled'],
      ['CI Error', 'ci failing, Jenkins', ''],
    ]);
    expect(topics[0].aliases).toEqual(['ci failing', 'Jenkins']);
  });
});

describe('parseListsTab', () => {
  it('groups rows by list name and warns on unknown lists', () => {
    const { lists, warnings } = parseListsTab([
      [...LISTS_HEADERS],
      ['Channel', 'Slack', 'slack dm, #support', ''],
      ['channel', 'Email', '', 'TRUE'],
      ['VSP team', 'Frontend Tools', 'FE Tools', ''],
      ['Colour', 'Red', '', ''],
      ['', '', '', ''],
      ['Channel', 'Slack', 'duplicate', ''],
    ]);
    expect(lists.channel).toEqual([
      { value: 'Slack', aliases: ['slack dm', '#support'], disabled: false },
      { value: 'Email', aliases: [], disabled: true },
    ]);
    expect(lists.vspTeam).toEqual([
      { value: 'Frontend Tools', aliases: ['FE Tools'], disabled: false },
    ]);
    expect(lists.status).toEqual([]);
    expect(warnings).toEqual(["Lists!A5: unknown list 'Colour' is ignored"]);
  });

  it('accepts list names by label or key', () => {
    expect(listKeyOfName('Practice  area')).toBe('practiceArea');
    expect(listKeyOfName('requestType')).toBe('requestType');
    expect(listKeyOfName('Teams')).toBeUndefined();
  });
});

describe('defaults', () => {
  it('ships Teams empty, every default topic with routing, and every default list', () => {
    expect(defaultTeamsValues()).toEqual([[...TEAMS_HEADERS]]);
    const topics = defaultTopicsValues();
    expect(topics[0]).toEqual([...TOPICS_HEADERS]);
    expect(topics).toHaveLength(DEFAULT_TOPICS.length + 1);
    expect(topics[1]).toEqual([
      'API',
      DEFAULT_TOPICS[0].description,
      'Backend Tools',
      'Backend',
      DEFAULT_TOPICS[0].keywords,
      '',
      false,
    ]);
    const lists = defaultListsValues();
    const total = Object.values(DEFAULT_LISTS).reduce((n, l) => n + l.length, 0);
    expect(lists).toHaveLength(total + 1);
  });

  it('round-trips: parsing the default tabs gives the default lists', () => {
    const { lists, warnings } = parseLists({
      teams: defaultTeamsValues(),
      topics: defaultTopicsValues(),
      lists: defaultListsValues(),
    });
    expect(warnings).toEqual([]);
    expect(lists).toEqual(defaultLists());
    expect(lists.teams).toEqual([]);
    expect(activeValues(lists, 'topics')).toEqual(DEFAULT_TOPICS.map((t) => t.topic));
    for (const k of [
      'channel',
      'vspTeam',
      'practiceArea',
      'requestType',
      'status',
      'resolution',
    ] as const) {
      expect(activeValues(lists, k)).toEqual([...DEFAULT_LISTS[k]]);
    }
    expect(Object.keys(lists).sort()).toEqual([...LIST_KEYS].sort());
  });

  it('routes every default topic to a VSP team and practice area of the default lists', () => {
    const lists = defaultLists();
    for (const t of lists.topics) {
      expect(activeValues(lists, 'vspTeam')).toContain(t.vspTeam);
      expect(activeValues(lists, 'practiceArea')).toContain(t.practiceArea);
    }
  });
});

describe('look-ups', () => {
  const { lists } = parseLists({
    teams: [
      [...TEAMS_HEADERS],
      ['Frontend Tools Team', 'tools-fe, FE Tools', ''],
      ['Retired', '', true],
    ],
  });

  it('finds exact values, disabled included', () => {
    expect(findListEntry(lists, 'teams', 'Retired')?.disabled).toBe(true);
    expect(findListEntry(lists, 'teams', 'retired')).toBeUndefined();
    expect(findListEntry(lists, 'channel', 'Slack')?.value).toBe('Slack');
  });

  it('resolves case, whitespace and aliases to the canonical value', () => {
    expect(resolveListValue(lists, 'teams', '  frontend   tools team ')?.value).toBe(
      'Frontend Tools Team',
    );
    expect(resolveListValue(lists, 'teams', 'TOOLS-FE')?.value).toBe('Frontend Tools Team');
    expect(resolveListValue(lists, 'channel', 'slack')?.value).toBe('Slack');
    expect(resolveListValue(lists, 'teams', 'nobody')).toBeUndefined();
  });
});
