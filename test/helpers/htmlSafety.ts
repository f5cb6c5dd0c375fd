/**
 * Test helper (NAME=report): structural checks that rendered HTML carries no active content.
 * It lists every real tag of the markup (escaped user text never forms a tag) and reports
 * scripts, event-handler attributes, javascript:/data: URLs and tags outside an allow-list.
 */

export interface HtmlTag {
  name: string;
  attrs: Record<string, string>;
}

/** Every start tag of `html`, with its attributes (names lower-cased). */
export function tagsOf(html: string): HtmlTag[] {
  const out: HtmlTag[] = [];
  const tagRe =
    /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g;
  const attrRe = /([^\s=>/]+)(?:\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  let m: RegExpExecArray | null;
  while ((m = tagRe.exec(html))) {
    const attrs: Record<string, string> = {};
    let a: RegExpExecArray | null;
    while ((a = attrRe.exec(m[2]))) attrs[a[1].toLowerCase()] = a[3] ?? a[4] ?? a[5] ?? '';
    out.push({ name: m[1].toLowerCase(), attrs });
  }
  return out;
}

/** Problems found: active tags, handler attributes, script URLs, tags not in `allowed`. */
export function activeContent(html: string, allowed: readonly string[]): string[] {
  const problems: string[] = [];
  for (const t of tagsOf(html)) {
    if (!allowed.includes(t.name)) problems.push(`tag <${t.name}>`);
    for (const [k, v] of Object.entries(t.attrs)) {
      if (k.startsWith('on')) problems.push(`handler ${k} on <${t.name}>`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(k)) {
        const url = v
          .replace(/&#?\w+;/g, '')
          .trim()
          .toLowerCase();
        if (!/^(https?:\/\/|mailto:|cid:)/.test(url)) problems.push(`${k}="${v}" on <${t.name}>`);
      }
    }
  }
  if (/<script/i.test(html)) problems.push('<script> present');
  return problems;
}

/** The tags the weekly email's HTML may contain (inline-styled tables, the chart image, links). */
export const EMAIL_TAGS: readonly string[] = [
  'html',
  'head',
  'meta',
  'title',
  'body',
  'table',
  'tr',
  'td',
  'th',
  'h1',
  'h2',
  'p',
  'span',
  'br',
  'a',
  'img',
  'ul',
  'li',
];

/** The tags the public dashboard page may contain (semantic layout, tables, inline SVG). */
export const DASHBOARD_TAGS: readonly string[] = [
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'header',
  'main',
  'footer',
  'section',
  'h1',
  'h2',
  'p',
  'ul',
  'li',
  'span',
  'table',
  'caption',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'code',
  'svg',
  'line',
  'polyline',
  'circle',
];
