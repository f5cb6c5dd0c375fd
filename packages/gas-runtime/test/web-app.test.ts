/**
 * The runtime's web-app context (issue 14): `rt.get(params, { visitor })` runs doGet as the owner
 * with the visitor as the active user ('' = anonymous), and a web app has no containing document:
 * getDocumentLock() and getDocumentCache() are null there (also for google.script.run calls made
 * from a web-app page, `runFromClientAs({ webApp: true })`), as documented for Apps Script.
 */
import { runtimeFor } from './helpers';

const CODE = `
function probe() {
  return {
    active: Session.getActiveUser().getEmail(),
    effective: Session.getEffectiveUser().getEmail(),
    docLock: LockService.getDocumentLock() === null ? 'null' : 'lock',
    docCache: CacheService.getDocumentCache() === null ? 'null' : 'cache',
    scriptLock: LockService.getScriptLock() === null ? 'null' : 'lock',
    docProps: PropertiesService.getDocumentProperties() === null ? 'null' : 'props',
  };
}
function doGet(e) {
  return ContentService.createTextOutput(JSON.stringify(probe()));
}
`;

describe('web-app executions', () => {
  it('doGet sees the visitor as the active user and the owner as the effective user', () => {
    const rt = runtimeFor(CODE, { user: 'owner@example.gov' });
    const visitor = JSON.parse(rt.get({}, { visitor: 'dev@example.gov' }).content);
    expect(visitor).toEqual({
      active: 'dev@example.gov',
      effective: 'owner@example.gov',
      docLock: 'null',
      docCache: 'null',
      scriptLock: 'lock',
      docProps: 'props',
    });
    expect(JSON.parse(rt.get({}, { visitor: '' }).content).active).toBe('');
    // Default: the owner visits.
    expect(JSON.parse(rt.get().content).active).toBe('owner@example.gov');
  });

  it('google.script.run from a web-app page has no document lock or cache; from the sheet it has', () => {
    const rt = runtimeFor(CODE, { user: 'owner@example.gov' });
    expect(rt.runFromClientAs({ user: 'dev@example.gov', webApp: true }, 'probe')).toMatchObject({
      active: 'dev@example.gov',
      docLock: 'null',
      docCache: 'null',
    });
    expect(rt.runFromClient('probe')).toMatchObject({ docLock: 'lock', docCache: 'cache' });
  });
});
