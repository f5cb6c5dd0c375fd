/** Issue 11: the pure admin and mail-policy rules (src/domain/admin.ts). */
import {
  applyRecipientPolicy,
  defangText,
  defaultMailPolicy,
  isAdmin,
  isAllowedHost,
  isAllowedLink,
  parseAdminList,
  parseMailPolicy,
  refusalMessage,
  validateAdminInput,
} from '../../src/domain/admin';

describe('admins', () => {
  it('compares emails case-insensitively and drops junk from the stored list', () => {
    const admins = parseAdminList(
      JSON.stringify(['Lead@Example.gov', 'nope', 42, 'lead@example.gov']),
    );
    expect(admins).toEqual(['lead@example.gov']);
    expect(isAdmin(admins, ' LEAD@example.gov ')).toBe(true);
    expect(isAdmin(admins, '')).toBe(false);
    expect(parseAdminList('{not json')).toEqual([]);
    expect(parseAdminList(null)).toEqual([]);
  });

  it('a refusal names the action, the caller, that nothing changed, and the admins', () => {
    expect(refusalMessage('install the triggers', ['a@x.gov', 'b@x.gov'], 'm@x.gov')).toBe(
      'Only a Support Tracker admin can install the triggers. m@x.gov is not an admin, so nothing was changed. Admins: a@x.gov, b@x.gov. Ask one of them.',
    );
    expect(refusalMessage('x', [], '')).toMatch(/You are not an admin.*No admin is set yet/);
  });

  it('validates the Admin dialog input as a whole; the caller cannot remove themselves', () => {
    const ok = validateAdminInput(
      {
        admins: 'a@x.gov\nB@x.gov',
        domains: '@x.gov, y.org',
        maxRecipients: 10,
        linkHosts: 'github.com *.x.gov',
      },
      'b@x.gov',
    );
    expect(ok).toEqual({
      ok: true,
      value: {
        admins: ['a@x.gov', 'b@x.gov'],
        policy: {
          domains: ['x.gov', 'y.org'],
          maxRecipients: 10,
          linkHosts: ['github.com', '*.x.gov'],
        },
      },
    });
    const bad = validateAdminInput(
      { admins: 'a@x.gov', domains: 'bad domain!', maxRecipients: 500, linkHosts: 'http://x' },
      'b@x.gov',
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(Object.keys(bad.errors).sort()).toEqual([
        'admins',
        'domains',
        'linkHosts',
        'maxRecipients',
      ]);
    expect(
      validateAdminInput({ admins: '', domains: 'x.gov', maxRecipients: 1 }, ''),
    ).toMatchObject({
      ok: false,
      errors: { admins: 'Keep at least one admin.' },
    });
  });
});

describe('mail policy', () => {
  it('defaults to the installer domain, 25 recipients and the default link hosts', () => {
    const p = defaultMailPolicy('Lead@Example.GOV');
    expect(p.domains).toEqual(['example.gov']);
    expect(p.maxRecipients).toBe(25);
    expect(p.linkHosts).toContain('github.com');
    expect(parseMailPolicy('{"broken', 'lead@example.gov')).toEqual(p);
  });

  it('drops outside domains (subdomains too) and caps the rest', () => {
    const policy = { domains: ['example.gov'], maxRecipients: 2, linkHosts: [] };
    expect(
      applyRecipientPolicy(
        [
          'a@example.gov',
          'spy@evil.example',
          'b@EXAMPLE.gov',
          'c@mail.example.gov',
          'd@example.gov',
        ],
        policy,
      ),
    ).toEqual({
      allowed: ['a@example.gov', 'b@EXAMPLE.gov'],
      outside: ['spy@evil.example', 'c@mail.example.gov'],
      overCap: ['d@example.gov'],
    });
  });

  it('allows link hosts exactly, or by explicit *. wildcard', () => {
    const hosts = ['github.com', '*.slack.com'];
    expect(isAllowedLink('https://github.com/org/repo', hosts)).toBe(true);
    expect(isAllowedLink('https://GITHUB.com./x', hosts)).toBe(true);
    expect(isAllowedLink('https://evil.github.com.evil.example/', hosts)).toBe(false);
    expect(isAllowedLink('https://github.com@evil.example/', hosts)).toBe(false);
    expect(isAllowedLink('https://gist.github.com/', hosts)).toBe(false);
    expect(isAllowedHost('dsva.slack.com', hosts)).toBe(true);
    expect(isAllowedHost('slack.com', hosts)).toBe(false);
    expect(isAllowedLink('javascript:alert(1)', hosts)).toBe(false);
  });

  it('defangs URLs of other hosts in text so mail clients do not link them', () => {
    const hosts = ['github.com'];
    expect(
      defangText('see https://evil.example/a?b, www.evil.example and https://github.com/x', hosts),
    ).toBe('see https[:]//evil[.]example/a?b, www[.]evil[.]example and https://github.com/x');
    expect(defangText('ftp://files.example/x', hosts)).toBe('ftp[:]//files[.]example/x');
    expect(defangText('no links here', hosts)).toBe('no links here');
  });
});
