/** ContentService: text outputs (JSON, CSV...) returned by doGet. */
import { assertReal } from '../typing';
import { serviceClass } from '../tracker';
import { enumOf } from './env';

type TextOutputT = GoogleAppsScript.Content.TextOutput;

export const ContentMimeType = enumOf(
  'ATOM',
  'CSV',
  'ICAL',
  'JAVASCRIPT',
  'JSON',
  'RSS',
  'TEXT',
  'VCARD',
  'XML',
);

/** HTTP content type of a ContentService.MimeType member. */
export const CONTENT_TYPES: Record<string, string> = {
  ATOM: 'application/atom+xml',
  CSV: 'text/csv',
  ICAL: 'text/calendar',
  JAVASCRIPT: 'application/javascript',
  JSON: 'application/json',
  RSS: 'application/rss+xml',
  TEXT: 'text/plain',
  VCARD: 'text/vcard',
  XML: 'text/xml',
};

export class FakeTextOutput implements Pick<
  TextOutputT,
  'append' | 'clear' | 'getContent' | 'getMimeType' | 'setContent' | 'setMimeType'
> {
  _content: string;
  _mimeType: string = ContentMimeType.TEXT;
  _fileName: string | null = null;
  constructor(content = '') {
    this._content = content;
  }
  append(addedContent: string): TextOutputT {
    this._content += String(addedContent);
    return this.self();
  }
  clear(): TextOutputT {
    this._content = '';
    return this.self();
  }
  getContent(): string {
    return this._content;
  }
  getMimeType(): GoogleAppsScript.Content.MimeType {
    return this._mimeType as unknown as GoogleAppsScript.Content.MimeType;
  }
  setContent(content: string): TextOutputT {
    this._content = String(content);
    return this.self();
  }
  setMimeType(mimeType: GoogleAppsScript.Content.MimeType): TextOutputT {
    const m = String(mimeType);
    if (!(m in CONTENT_TYPES)) throw new Error(`Invalid argument: mimeType (${m})`);
    this._mimeType = m;
    return this.self();
  }
  private self(): TextOutputT {
    return this as unknown as TextOutputT;
  }
}
assertReal<FakeTextOutput, TextOutputT>(true);
serviceClass(FakeTextOutput, 'TextOutput', {}, 'local');

export class FakeContentService implements Pick<
  GoogleAppsScript.Content.ContentService,
  'createTextOutput' | 'MimeType'
> {
  MimeType = ContentMimeType as unknown as typeof GoogleAppsScript.Content.MimeType;
  createTextOutput(content?: string): TextOutputT {
    return new FakeTextOutput(
      content === undefined ? '' : String(content),
    ) as unknown as TextOutputT;
  }
}
assertReal<FakeContentService, GoogleAppsScript.Content.ContentService>(true);
serviceClass(FakeContentService, 'ContentService', {}, 'local');
