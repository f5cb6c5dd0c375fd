/**
 * PropertiesService: script, document and per-user stores, with the published quotas enforced
 * (9 KB per value, 500 KB per store; sizes counted as UTF-8 bytes of key + value).
 */
import { assertReal } from '../typing';
import { serviceClass } from '../tracker';
import { requireAuth, SCOPES, utf8Length, type ServiceEnv } from './env';

type PropertiesT = GoogleAppsScript.Properties.Properties;

export const PROPERTY_VALUE_MAX_BYTES = 9 * 1024;
export const PROPERTY_STORE_MAX_BYTES = 500 * 1024;
export const PROPERTY_QUOTA_MESSAGE =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

/** Host-side property stores of one runtime. */
export class PropertyStores {
  script = new Map<string, string>();
  document = new Map<string, string>();
  private users = new Map<string, Map<string, string>>();

  user(email: string): Map<string, string> {
    let m = this.users.get(email);
    if (!m) {
      m = new Map();
      this.users.set(email, m);
    }
    return m;
  }
  toJSON(): {
    script: Record<string, string>;
    document: Record<string, string>;
    users: Record<string, Record<string, string>>;
  } {
    const users: Record<string, Record<string, string>> = {};
    for (const [k, m] of this.users) users[k] = Object.fromEntries(m);
    return {
      script: Object.fromEntries(this.script),
      document: Object.fromEntries(this.document),
      users,
    };
  }
  load(json: unknown): void {
    const j = (json ?? {}) as ReturnType<PropertyStores['toJSON']>;
    this.script = new Map(Object.entries(j.script ?? {}));
    this.document = new Map(Object.entries(j.document ?? {}));
    this.users = new Map(
      Object.entries(j.users ?? {}).map(([k, v]) => [k, new Map(Object.entries(v))]),
    );
  }
}

function storeBytes(m: Map<string, string>): number {
  let n = 0;
  for (const [k, v] of m) n += utf8Length(k) + utf8Length(v);
  return n;
}

export class FakeProperties implements Pick<
  PropertiesT,
  | 'getProperty'
  | 'setProperty'
  | 'getProperties'
  | 'setProperties'
  | 'deleteProperty'
  | 'deleteAllProperties'
  | 'getKeys'
> {
  constructor(
    private readonly _env: ServiceEnv,
    readonly _store: Map<string, string>,
  ) {}

  getProperty(key: string): string | null {
    return this._store.get(String(key)) ?? null;
  }
  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this._store);
  }
  getKeys(): string[] {
    return [...this._store.keys()];
  }
  setProperty(key: string, value: string): PropertiesT {
    this.apply({ [String(key)]: value }, false);
    return this.self();
  }
  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): PropertiesT {
    if (!properties || typeof properties !== 'object')
      throw this._env.error('Invalid argument: properties');
    this.apply(properties, Boolean(deleteAllOthers));
    return this.self();
  }
  deleteProperty(key: string): PropertiesT {
    this._store.delete(String(key));
    return this.self();
  }
  deleteAllProperties(): PropertiesT {
    this._store.clear();
    return this.self();
  }

  private apply(props: Record<string, unknown>, deleteAllOthers: boolean): void {
    const next = new Map(deleteAllOthers ? [] : this._store);
    for (const [k, raw] of Object.entries(props)) {
      if (k === '' || k === 'undefined') throw this._env.error('Invalid argument: key');
      // Apps Script stores the string form of any value.
      const v = String(raw);
      if (utf8Length(v) > PROPERTY_VALUE_MAX_BYTES)
        throw this._env.error('Argument too large: value');
      next.set(k, v);
    }
    if (storeBytes(next) > PROPERTY_STORE_MAX_BYTES) throw this._env.error(PROPERTY_QUOTA_MESSAGE);
    this._store.clear();
    for (const [k, v] of next) this._store.set(k, v);
  }
  private self(): PropertiesT {
    return this as unknown as PropertiesT;
  }
}
assertReal<FakeProperties, PropertiesT>(true);
serviceClass(FakeProperties, 'Properties', {}, 'properties');

export class FakePropertiesService implements Pick<
  GoogleAppsScript.Properties.PropertiesService,
  'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties'
> {
  constructor(
    private readonly _env: ServiceEnv,
    readonly _stores: PropertyStores,
  ) {}
  getDocumentProperties(): PropertiesT {
    requireAuth(this._env, 'PropertiesService.getDocumentProperties', SCOPES.spreadsheets);
    return new FakeProperties(this._env, this._stores.document) as unknown as PropertiesT;
  }
  getScriptProperties(): PropertiesT {
    requireAuth(this._env, 'PropertiesService.getScriptProperties', SCOPES.storage);
    return new FakeProperties(this._env, this._stores.script) as unknown as PropertiesT;
  }
  getUserProperties(): PropertiesT {
    requireAuth(this._env, 'PropertiesService.getUserProperties', SCOPES.storage);
    return new FakeProperties(
      this._env,
      this._stores.user(this._env.exec.current().user),
    ) as unknown as PropertiesT;
  }
}
assertReal<FakePropertiesService, GoogleAppsScript.Properties.PropertiesService>(true);
serviceClass(FakePropertiesService, 'PropertiesService', {}, 'properties');
