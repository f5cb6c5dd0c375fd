/** A minimal Blob (Utilities.newBlob, EmbeddedChart.getAs) holding real bytes. */
import { assertReal } from '../typing';
import { serviceClass } from '../tracker';
import { asReal } from './types';

type GBlob = GoogleAppsScript.Base.Blob;

const EXT_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  html: 'text/html',
  json: 'application/json',
};

export class FakeBlob implements Pick<
  GBlob,
  | 'getBytes'
  | 'setBytes'
  | 'getContentType'
  | 'setContentType'
  | 'setContentTypeFromExtension'
  | 'getName'
  | 'setName'
  | 'getDataAsString'
  | 'setDataFromString'
  | 'copyBlob'
  | 'isGoogleType'
  | 'getAs'
> {
  constructor(
    public _data: Uint8Array,
    public _contentType: string | null = null,
    public _name: string | null = null,
  ) {}

  /** Host-side: the raw bytes (unsigned). */
  _bytes(): Uint8Array {
    return this._data;
  }

  /** Apps Script bytes are signed (-128..127). */
  getBytes(): number[] {
    return Array.from(this._data, (b) => (b > 127 ? b - 256 : b));
  }
  setBytes(data: number[]): GBlob {
    this._data = Uint8Array.from(data, (b) => b & 0xff);
    return asReal(this);
  }
  getContentType(): string | null {
    return this._contentType;
  }
  setContentType(contentType: string | null): GBlob {
    this._contentType = contentType;
    return asReal(this);
  }
  setContentTypeFromExtension(): GBlob {
    const ext = (this._name ?? '').split('.').pop()?.toLowerCase() ?? '';
    const t = EXT_TYPES[ext];
    if (!t)
      throw new Error(`Could not determine a content type from the file name: ${this._name ?? ''}`);
    this._contentType = t;
    return asReal(this);
  }
  getName(): string | null {
    return this._name;
  }
  setName(name: string): GBlob {
    this._name = name;
    return asReal(this);
  }
  getDataAsString(charset?: string): string {
    return Buffer.from(this._data).toString(
      charset && /^utf-?16/i.test(charset) ? 'utf16le' : 'utf8',
    );
  }
  setDataFromString(string: string, charset?: string): GBlob {
    this._data = new Uint8Array(
      Buffer.from(string, charset && /^utf-?16/i.test(charset) ? 'utf16le' : 'utf8'),
    );
    return asReal(this);
  }
  copyBlob(): GBlob {
    return asReal(new FakeBlob(new Uint8Array(this._data), this._contentType, this._name));
  }
  isGoogleType(): boolean {
    return false;
  }
  /** Only same-type conversion is supported locally. */
  getAs(contentType: string): GBlob {
    if (contentType !== this._contentType) {
      throw new Error(
        `Converting from ${this._contentType ?? 'unknown'} to ${contentType} is not supported.`,
      );
    }
    return this.copyBlob();
  }
}

assertReal<FakeBlob, GBlob>(true);
serviceClass(FakeBlob, 'Blob', {}, 'local');
