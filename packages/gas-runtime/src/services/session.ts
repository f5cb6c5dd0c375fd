/** Session: the active and effective user of the current execution, the script time zone. */
import crypto from 'node:crypto';
import { assertReal } from '../typing';
import { serviceClass } from '../tracker';
import { requireAuth, SCOPES, type ServiceEnv } from './env';

export class FakeUser implements Pick<GoogleAppsScript.Base.User, 'getEmail'> {
  constructor(private readonly _email: string) {}
  getEmail(): string {
    return this._email;
  }
}
assertReal<FakeUser, GoogleAppsScript.Base.User>(true);
serviceClass(FakeUser, 'User', {}, 'local');

export class FakeSession implements Pick<
  GoogleAppsScript.Base.Session,
  | 'getActiveUser'
  | 'getEffectiveUser'
  | 'getActiveUserLocale'
  | 'getScriptTimeZone'
  | 'getTemporaryActiveUserKey'
> {
  constructor(
    private readonly _env: ServiceEnv,
    private readonly _scriptTimeZone: string,
    private readonly _locale = 'en',
  ) {}
  getActiveUser(): GoogleAppsScript.Base.User {
    requireAuth(this._env, 'Session.getActiveUser', SCOPES.email);
    return new FakeUser(this._env.exec.current().user) as unknown as GoogleAppsScript.Base.User;
  }
  getEffectiveUser(): GoogleAppsScript.Base.User {
    requireAuth(this._env, 'Session.getEffectiveUser', SCOPES.email);
    return new FakeUser(
      this._env.exec.current().effectiveUser,
    ) as unknown as GoogleAppsScript.Base.User;
  }
  getActiveUserLocale(): string {
    return this._locale;
  }
  getScriptTimeZone(): string {
    return this._scriptTimeZone;
  }
  /** A stable, anonymous key per user and script (Apps Script rotates it every 30 days). */
  getTemporaryActiveUserKey(): string {
    const user = this._env.exec.current().user;
    return crypto
      .createHash('sha256')
      .update(`${this._env.scriptId}:${user}`)
      .digest('base64url')
      .slice(0, 43);
  }
}
assertReal<FakeSession, GoogleAppsScript.Base.Session>(true);
serviceClass(FakeSession, 'Session', {}, 'session');
