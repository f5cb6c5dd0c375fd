import { clip, escapeHtml, linkHtml, safeUrl } from '../../src/domain/render/escape';

describe('escapeHtml', () => {
  it('escapes the five HTML specials and the backtick', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\`</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;',
    );
  });
  it('stringifies non-strings and maps null/undefined to empty', () => {
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(42)).toBe('42');
    expect(escapeHtml(false)).toBe('false');
  });
  it('leaves no raw angle bracket or quote in hostile input', () => {
    const out = escapeHtml(
      '"><svg onload=alert(1)><img src=x onerror=alert(1)><script>alert(1)</script>',
    );
    expect(out).not.toMatch(/[<>"']/);
  });
});

describe('safeUrl', () => {
  it.each([
    'https://dsva.slack.com/archives/C0ABCDEFG/p1712345678123456',
    'http://example.org/a?b=c#d',
    'mailto:team@example.org',
    '  https://github.com/department-of-veterans-affairs/va.gov-team/issues/1  ',
  ])('accepts %s', (u) => {
    expect(safeUrl(u)).toBe(u.trim());
  });
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example/x',
    '/relative/path',
    'https://x.org/" onmouseover="alert(1)',
    "https://x.org/'onmouseover='alert(1)",
    'https://x.org/<script>',
    'https://',
    'mailto:',
    '',
  ])('rejects %j', (u) => {
    expect(safeUrl(u)).toBeNull();
  });
  it('rejects non-strings', () => {
    expect(safeUrl(42)).toBeNull();
    expect(safeUrl(null)).toBeNull();
  });
});

describe('linkHtml', () => {
  it('renders a safe link as an anchor with escaped label', () => {
    expect(linkHtml('https://x.org/a?b=1&c=2', 'A & B')).toBe(
      '<a href="https://x.org/a?b=1&amp;c=2">A &amp; B</a>',
    );
  });
  it('renders an unsafe link as inert escaped text', () => {
    const html = linkHtml('javascript:alert("x")');
    expect(html).toBe('javascript:alert(&quot;x&quot;)');
    expect(html).not.toContain('<a');
  });
});

describe('clip', () => {
  it('collapses whitespace and cuts with an ellipsis', () => {
    expect(clip('  a \n b  ', 10)).toBe('a b');
    expect(clip('abcdefghij', 5)).toBe('abcd…');
    expect(clip(null, 5)).toBe('');
  });
});
