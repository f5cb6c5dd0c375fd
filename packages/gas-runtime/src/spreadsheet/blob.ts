/** A minimal Blob (Utilities.newBlob, EmbeddedChart.getAs) holding real bytes. */
import { assertReal } from '../typing';
import { serviceClass } from '../tracker';
import { asReal } from './types';

type GBlob = GoogleAppsScript.Base.Blob;

export class FakeBlob implements Pick<
  GBlob,
  'getBytes' | 'getContentType' | 'getName' | 'setName' | 'getDataAsString' | 'copyBlob' | 'getAs'
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
  getContentType(): string | null {
    return this._contentType;
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
  copyBlob(): GBlob {
    return asReal(new FakeBlob(new Uint8Array(this._data), this._contentType, this._name));
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
