import { DEFAULT_LISTS, FIELDS, HEADERS } from '../../src/domain/schema';
import {
  FORM_KEYS,
  inSchemaOrder,
  listAliases,
  layoutRow,
  requestRowValues,
  validateClose,
  validateSubmitForm,
  type SubmitContext,
} from '../../src/domain/submit';

const now = new Date('2024-06-03T15:00:00Z');
const ctx: SubmitContext = {
  lists: {
    ...DEFAULT_LISTS,
    teams: ['Benefits Team', 'Health Apps'],
    topics: ['API', 'Forms', 'Datadog'],
  },
  tz: 'America/New_York',
  now,
  routing: { Forms: { vspTeam: 'Frontend Tools', practiceArea: 'Frontend' } },
};
const minimal = {
  summary: 'Form page broken',
  vfsTeam: 'Benefits Team',
  topic: 'Forms',
  channel: 'Slack',
};

describe('validateSubmitForm', () => {
  it('contract: exactly the 21 documented keys', () => {
    expect([...FORM_KEYS].sort()).toEqual(
      [
        'requestedAt',
        'requester',
        'vfsTeam',
        'channel',
        'topic',
        'suggestedTopic',
        'vspTeam',
        'practiceArea',
        'requestType',
        'summary',
        'link',
        'status',
        'resolution',
        'docsLink',
        'documentationGap',
        'automationCandidate',
        'timeSpentMin',
        'firstResponseAt',
        'resolvedAt',
        'notes',
        'clientRequestId',
      ].sort(),
    );
  });

  it('accepts a minimal form and applies defaults and routing', () => {
    const r = validateSubmitForm(minimal, ctx);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value).toMatchObject({
      status: 'Open',
      vspTeam: 'Frontend Tools',
      practiceArea: 'Frontend',
      resolvedAt: '',
      documentationGap: false,
      timeSpentMin: '',
    });
    expect(r.value.requestedAt.getTime()).toBe(now.getTime());
  });

  it('canonicalises list values case-insensitively and parses ISO and local dates', () => {
    const r = validateSubmitForm(
      {
        ...minimal,
        vfsTeam: 'benefits team',
        channel: 'slack',
        requestedAt: '2024-06-01T09:30',
        timeSpentMin: '15',
      },
      ctx,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.vfsTeam).toBe('Benefits Team');
    expect(r.value.channel).toBe('Slack');
    expect(r.value.requestedAt.toISOString()).toBe('2024-06-01T13:30:00.000Z');
    expect(r.value.timeSpentMin).toBe(15);
    const iso = validateSubmitForm({ ...minimal, requestedAt: '2024-06-01T13:30:00.000Z' }, ctx);
    expect(iso.ok && iso.value.requestedAt.toISOString()).toBe('2024-06-01T13:30:00.000Z');
  });

  it('returns field-level errors for required, list, date, number, url and unknown keys', () => {
    const r = validateSubmitForm(
      {
        summary: ' ',
        vfsTeam: 'Nope',
        topic: 'Retired',
        channel: 'Slack',
        requestedAt: 'tomorrow-ish',
        timeSpentMin: -3,
        link: 'javascript:alert(1)',
        documentationGap: 'maybe',
        clientRequestId: 'x',
        sneaky: 1,
      },
      ctx,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(
      [
        'clientRequestId',
        'documentationGap',
        'form',
        'link',
        'requestedAt',
        'summary',
        'timeSpentMin',
        'topic',
        'vfsTeam',
      ].sort(),
    );
    expect(r.errors.summary).toBe('Summary is required.');
    expect(r.errors.form).toContain('sneaky');
    expect(r.errors.vfsTeam).toContain('not an active VFS team');
  });

  it('rejects non-object forms, future dates, non-text values and out-of-order dates', () => {
    expect(validateSubmitForm(null, ctx).ok).toBe(false);
    expect(validateSubmitForm([], ctx).ok).toBe(false);
    const r = validateSubmitForm(
      { ...minimal, summary: 42, requestedAt: '2030-01-01T00:00:00Z' },
      ctx,
    );
    expect(!r.ok && r.errors).toMatchObject({
      summary: 'Summary must be text.',
      requestedAt: 'Requested at is in the future.',
    });
    const r2 = validateSubmitForm(
      { ...minimal, requestedAt: '2024-06-02T10:00:00Z', resolvedAt: '2024-06-01T10:00:00Z' },
      ctx,
    );
    expect(!r2.ok && r2.errors.resolvedAt).toBe('Resolved at cannot be before Requested at.');
  });

  it('sets Status Resolved and Resolved at = now when a resolution is given', () => {
    const r = validateSubmitForm(
      {
        ...minimal,
        resolution: 'Pointed to existing docs',
        docsLink: 'https://depo-platform-documentation.scrollhelp.site/x',
      },
      ctx,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.status).toBe('Resolved');
    expect(r.value.resolvedAt).toEqual(now);
  });

  it('accepts free-text VFS team only while the Teams list is empty', () => {
    const empty = { ...ctx, lists: { ...ctx.lists, teams: [] } };
    expect(validateSubmitForm({ ...minimal, vfsTeam: 'New team' }, empty).ok).toBe(true);
    expect(
      validateSubmitForm(
        { ...minimal, vfsTeam: 'New team' },
        { ...empty, allowFreeTeamWhenEmpty: false },
      ).ok,
    ).toBe(false);
  });
});

describe('row building', () => {
  const r = validateSubmitForm(
    {
      ...minimal,
      summary: '=IMPORTXML("http://x","//a")',
      requester: '+1',
      notes: '-2',
      link: 'jane@va.gov',
    },
    ctx,
  );
  if (!r.ok) throw new Error('invalid');
  const meta = { requestId: 'SR-20240603-ABCD', loggedAt: now, loggedBy: 'me@va.gov' };
  const values = requestRowValues(r.value, meta);

  it('makes user text literal and keeps the schema order', () => {
    const row = inSchemaOrder(values);
    expect(row).toHaveLength(FIELDS.length);
    expect(row[HEADERS.indexOf('Summary')]).toBe('\'=IMPORTXML("http://x","//a")');
    expect(row[HEADERS.indexOf('Requester')]).toBe("'+1");
    expect(row[HEADERS.indexOf('Notes')]).toBe("'-2");
    expect(row[HEADERS.indexOf('Link')]).toBe('mailto:jane@va.gov');
    expect(row[0]).toBe('SR-20240603-ABCD');
    expect(row[HEADERS.indexOf('Logged at')]).toBe(now);
  });

  it('lays the row out under a sheet header row with extra columns', () => {
    const headers = ['Extra', ...[...HEADERS].reverse()];
    const row = layoutRow(values, headers)!;
    expect(row[0]).toBe('');
    expect(row[headers.indexOf('Request ID')]).toBe('SR-20240603-ABCD');
    expect(layoutRow(values, HEADERS.slice(1))).toBeNull();
  });
});

describe('validateClose', () => {
  const lists = { status: DEFAULT_LISTS.status, resolution: DEFAULT_LISTS.resolution };
  it('defaults Status to Resolved and Resolved at to now', () => {
    const r = validateClose(
      { requestId: 'SR-20240603-ABCD', resolution: 'answered', timeSpentMin: '10' },
      lists,
      now,
    );
    expect(r).toEqual({
      ok: true,
      value: {
        requestId: 'SR-20240603-ABCD',
        status: 'Resolved',
        resolution: 'Answered',
        timeSpentMin: 10,
        resolvedAt: now,
      },
    });
  });
  it('requires a resolution from the list', () => {
    const r = validateClose({ requestId: 'SR-1', resolution: 'Whatever', extra: 1 }, lists, now);
    expect(!r.ok && Object.keys(r.errors).sort()).toEqual(['form', 'resolution']);
  });
});

describe('aliases', () => {
  it('accepts an active alias of a team or topic and stores the list value', () => {
    const aliases = listAliases({
      teams: [
        { value: 'Benefits Team', aliases: ['BAM 1', 'benefits'], disabled: false },
        { value: 'Old Team', aliases: ['old'], disabled: true },
        { value: 'Health Apps', aliases: ['benefits team'], disabled: false },
      ],
    });
    expect(aliases.teams).toEqual({ 'bam 1': 'Benefits Team', benefits: 'Benefits Team' });
    const r = validateSubmitForm({ ...minimal, vfsTeam: 'bam 1' }, { ...ctx, aliases });
    expect(r.ok && r.value.vfsTeam).toBe('Benefits Team');
    const disabled = validateSubmitForm({ ...minimal, vfsTeam: 'old' }, { ...ctx, aliases });
    expect(disabled.ok).toBe(false);
  });
});
