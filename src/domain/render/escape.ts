/**
 * HTML escaping and link sanitising for every renderer (email, dashboard, dialogs). Pure.
 * Everything that came from a user (summaries, team and topic names, links) goes through these.
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/**
 * Escapes a value for HTML text and for a double- or single-quoted attribute value.
 * `null`/`undefined` become the empty string; other non-strings are stringified first.
 */
export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Schemes a rendered link may use. Anything else (javascript:, data:, vbscript:, relative) is text. */
const SAFE_URL = /^(?:https?:\/\/[^\s/?#]+|mailto:[^\s]+@)/i;

/**
 * The URL if it is safe to put in an `href` (absolute http(s) with a host, or mailto), else null.
 * Leading/trailing whitespace is trimmed; URLs containing whitespace or control characters are
 * rejected, so tricks like `java\tscript:` or `" onmouseover=` cannot slip through.
 */
export function safeUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const url = value.trim();
  if (url === '' || url.length > 2048) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f<>"'`\\]/.test(url)) return null;
  return SAFE_URL.test(url) ? url : null;
}

/**
 * A link as HTML: `<a href>` when the URL is safe, otherwise the escaped text (inert).
 * `label` defaults to the URL itself; `style` is an inline style attribute value.
 */
export function linkHtml(url: unknown, label?: string, style?: string): string {
  const safe = safeUrl(url);
  const text = escapeHtml(label ?? (typeof url === 'string' ? url : ''));
  if (!safe) return text;
  const styleAttr = style ? ` style="${escapeHtml(style)}"` : '';
  return `<a href="${escapeHtml(safe)}"${styleAttr}>${text}</a>`;
}

/** Collapses whitespace and cuts text to `max` characters (with an ellipsis), for one-line display. */
export function clip(value: unknown, max: number): string {
  const s = (value === null || value === undefined ? '' : String(value))
    .replace(/\s+/g, ' ')
    .trim();
  return s.length <= max ? s : `${s.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}
