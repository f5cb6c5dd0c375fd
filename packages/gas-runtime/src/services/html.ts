/**
 * HtmlService with real scriptlet templates.
 *
 * A template is compiled to JavaScript the way Apps Script does it: literal HTML is appended to the
 * output, `<?= expr ?>` appends the contextually escaped value, `<?!= expr ?>` the raw value and
 * `<? code ?>` runs statements (so loops can span several scriptlets). The compiled code runs in
 * the bundle's global scope (the vm context), with the template's properties visible as variables.
 *
 * Contextual escaping (`<?= ?>`): inside a `<script>` element the value is emitted as a JavaScript
 * literal (JSON, with `<`, `>`, `&`, U+2028/9 escaped so it cannot close the script); inside an
 * attribute or element text it is HTML-escaped; a `javascript:` URL in an href/src/action attribute
 * is neutralised.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { assertReal } from '../typing';
import { serviceClass } from '../tracker';
import { enumOf, type ServiceEnv } from './env';

type HtmlOutputT = GoogleAppsScript.HTML.HtmlOutput;
type HtmlTemplateT = GoogleAppsScript.HTML.HtmlTemplate;

export const XFrameOptionsMode = enumOf('ALLOWALL', 'DEFAULT');
export const SandboxMode = enumOf('EMULATED', 'IFRAME', 'NATIVE');

/** HTML-escapes text for element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A value as a JavaScript literal that is safe inside a <script> element. */
export function escapeJs(v: unknown): string {
  const json = JSON.stringify(v === undefined ? null : v) ?? 'null';
  return json
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export class FakeHtmlOutput implements Pick<
  HtmlOutputT,
  | 'addMetaTag'
  | 'append'
  | 'appendUntrusted'
  | 'clear'
  | 'getContent'
  | 'getFaviconUrl'
  | 'getHeight'
  | 'getTitle'
  | 'getWidth'
  | 'setContent'
  | 'setFaviconUrl'
  | 'setHeight'
  | 'setSandboxMode'
  | 'setTitle'
  | 'setWidth'
  | 'setXFrameOptionsMode'
> {
  _content: string;
  _title = '';
  _width = 0;
  _height = 0;
  _favicon = '';
  _metaTags: Array<{ name: string; content: string }> = [];
  _xFrameOptions: string = XFrameOptionsMode.DEFAULT;
  _sandbox: string = SandboxMode.IFRAME;

  constructor(content = '') {
    this._content = content;
  }
  addMetaTag(name: string, content: string): HtmlOutputT {
    const allowed = [
      'apple-mobile-web-app-capable',
      'google-site-verification',
      'mobile-web-app-capable',
      'viewport',
    ];
    if (!allowed.includes(String(name))) throw new Error(`Invalid argument: name (${name})`);
    this._metaTags.push({ name: String(name), content: String(content) });
    return this.self();
  }
  append(addedContent: string): HtmlOutputT {
    this._content += String(addedContent);
    return this.self();
  }
  appendUntrusted(addedContent: string): HtmlOutputT {
    this._content += escapeHtml(String(addedContent));
    return this.self();
  }
  clear(): HtmlOutputT {
    this._content = '';
    return this.self();
  }
  getContent(): string {
    return this._content;
  }
  getFaviconUrl(): string {
    return this._favicon;
  }
  getHeight(): number {
    return this._height;
  }
  getTitle(): string {
    return this._title;
  }
  getWidth(): number {
    return this._width;
  }
  setContent(content: string): HtmlOutputT {
    this._content = String(content);
    return this.self();
  }
  setFaviconUrl(iconUrl: string): HtmlOutputT {
    this._favicon = String(iconUrl);
    return this.self();
  }
  setHeight(height: number): HtmlOutputT {
    this._height = Number(height);
    return this.self();
  }
  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): HtmlOutputT {
    this._sandbox = String(mode);
    return this.self();
  }
  setTitle(title: string): HtmlOutputT {
    this._title = String(title);
    return this.self();
  }
  setWidth(width: number): HtmlOutputT {
    this._width = Number(width);
    return this.self();
  }
  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): HtmlOutputT {
    this._xFrameOptions = String(mode);
    return this.self();
  }
  private self(): HtmlOutputT {
    return this as unknown as HtmlOutputT;
  }
}
assertReal<FakeHtmlOutput, HtmlOutputT>(true);
serviceClass(FakeHtmlOutput, 'HtmlOutput', {}, 'local');

type Segment = { kind: 'text' | 'print' | 'raw' | 'code'; text: string };

/** Splits template source into literal text and scriptlets. */
export function parseTemplate(src: string): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('<?', i);
    if (open < 0) {
      out.push({ kind: 'text', text: src.slice(i) });
      break;
    }
    if (open > i) out.push({ kind: 'text', text: src.slice(i, open) });
    const close = src.indexOf('?>', open + 2);
    if (close < 0) throw new Error('Unterminated scriptlet: missing ?>');
    let body = src.slice(open + 2, close);
    let kind: Segment['kind'] = 'code';
    if (body.startsWith('!=')) {
      kind = 'raw';
      body = body.slice(2);
    } else if (body.startsWith('=')) {
      kind = 'print';
      body = body.slice(1);
    }
    out.push({ kind, text: body });
    i = close + 2;
  }
  return out;
}

type EscapeContext = 'html' | 'js' | 'url';

/** The escaping context at the end of the literal HTML emitted so far. */
function contextAt(html: string): EscapeContext {
  const lower = html.toLowerCase();
  const openScript = lower.lastIndexOf('<script');
  const closeScript = lower.lastIndexOf('</script');
  if (openScript > closeScript && lower.indexOf('>', openScript) >= 0) return 'js';
  // Inside an open tag, in a URL attribute value?
  const lt = html.lastIndexOf('<');
  const gt = html.lastIndexOf('>');
  if (lt > gt) {
    const m = /\b(href|src|action|formaction)\s*=\s*["']?[^"'\s]*$/i.exec(html.slice(lt));
    if (m) return 'url';
  }
  return 'html';
}

/** Compiles a template to a function body; also what HtmlTemplate.getCode() shows. */
export function compileTemplate(src: string): string {
  const lines: string[] = [];
  let literal = '';
  for (const seg of parseTemplate(src)) {
    if (seg.kind === 'text') {
      literal += seg.text;
      lines.push(`__st_out.push(${JSON.stringify(seg.text)});`);
    } else if (seg.kind === 'print') {
      lines.push(`__st_out.push(__st_esc((${seg.text}), ${JSON.stringify(contextAt(literal))}));`);
    } else if (seg.kind === 'raw') {
      lines.push(`__st_out.push(__st_raw((${seg.text})));`);
    } else {
      lines.push(seg.text);
    }
  }
  return lines.join('\n');
}

function printValue(v: unknown, context: EscapeContext): string {
  if (context === 'js') return escapeJs(v);
  const s = v === undefined || v === null ? '' : String(v);
  if (context === 'url' && /^\s*javascript:/i.test(s)) return '#';
  return escapeHtml(s);
}

function rawValue(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

export class FakeHtmlTemplate implements Pick<HtmlTemplateT, 'evaluate' | 'getCode'> {
  [variable: string]: unknown;

  constructor(
    private readonly _env: ServiceEnv,
    private readonly _source: string,
  ) {}

  evaluate(): HtmlOutputT {
    const code = compileTemplate(this._source);
    const vars: Record<string, unknown> = {};
    for (const k of Object.keys(this)) {
      if (!k.startsWith('_')) vars[k] = this[k];
    }
    const chunks: string[] = [];
    const output = {
      append: (s: unknown) => chunks.push(rawValue(s)),
      appendUntrusted: (s: unknown) => chunks.push(escapeHtml(rawValue(s))),
    };
    const fnSource = `(function (__st_vars, __st_out, __st_esc, __st_raw, output) { with (__st_vars) {\n${code}\n} })`;
    const globals = this._env.globals();
    const fn = (
      vm.isContext(globals)
        ? vm.runInContext(fnSource, globals)
        : vm.runInNewContext(fnSource, globals)
    ) as (...a: unknown[]) => void;
    fn(vars, chunks, printValue, rawValue, output);
    return new FakeHtmlOutput(chunks.join('')) as unknown as HtmlOutputT;
  }
  getCode(): string {
    return compileTemplate(this._source);
  }
}
assertReal<FakeHtmlTemplate, HtmlTemplateT>(true);
serviceClass(FakeHtmlTemplate, 'HtmlTemplate', {}, 'local');

export class FakeHtmlService implements Pick<
  GoogleAppsScript.HTML.HtmlService,
  | 'createHtmlOutput'
  | 'createHtmlOutputFromFile'
  | 'createTemplate'
  | 'createTemplateFromFile'
  | 'XFrameOptionsMode'
  | 'SandboxMode'
> {
  XFrameOptionsMode =
    XFrameOptionsMode as unknown as typeof GoogleAppsScript.HTML.XFrameOptionsMode;
  SandboxMode = SandboxMode as unknown as typeof GoogleAppsScript.HTML.SandboxMode;

  constructor(private readonly _env: ServiceEnv) {}

  createHtmlOutput(html?: unknown): HtmlOutputT {
    return new FakeHtmlOutput(toText(html)) as unknown as HtmlOutputT;
  }
  createHtmlOutputFromFile(filename: string): HtmlOutputT {
    return new FakeHtmlOutput(this._readFile(filename)) as unknown as HtmlOutputT;
  }
  createTemplate(html: unknown): HtmlTemplateT {
    return new FakeHtmlTemplate(this._env, toText(html)) as unknown as HtmlTemplateT;
  }
  createTemplateFromFile(filename: string): HtmlTemplateT {
    return new FakeHtmlTemplate(this._env, this._readFile(filename)) as unknown as HtmlTemplateT;
  }

  /** Reads `<name>.html` from the loaded bundle folder (Apps Script accepts the name with or without .html). */
  _readFile(filename: string): string {
    const base = String(filename).replace(/\.html$/, '');
    const file = path.join(this._env.distDir, `${base}.html`);
    if (!/^[\w .\-/]+$/.test(base) || base.includes('..') || !fs.existsSync(file)) {
      throw this._env.error(`No HTML file named ${base} was found.`);
    }
    return fs.readFileSync(file, 'utf8');
  }
}
assertReal<FakeHtmlService, GoogleAppsScript.HTML.HtmlService>(true);
serviceClass(FakeHtmlService, 'HtmlService', {}, 'local');

function toText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (
    typeof v === 'object' &&
    typeof (v as { getDataAsString?: unknown }).getDataAsString === 'function'
  ) {
    return (v as { getDataAsString(): string }).getDataAsString();
  }
  return String(v);
}
