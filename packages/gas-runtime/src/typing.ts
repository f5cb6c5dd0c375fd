/**
 * Keeps the fakes honest: a fake class `implements Pick<Real, ...>` so every method it offers has the
 * real signature, and `assertReal<Fake, Real>(true)` fails to compile when the fake declares a
 * public member the real interface does not have (an invented method). Host-side helpers that the
 * runtime needs are named with a leading underscore: they are excluded here, never counted as
 * service calls, and never part of the Apps Script surface.
 */
type PublicKeys<T> = Exclude<keyof T, `_${string}`>;

export type OnlyRealMembers<Fake, Real> =
  Exclude<PublicKeys<Fake>, keyof Real> extends never
    ? true
    : { inventedMembers: Exclude<PublicKeys<Fake>, keyof Real> };

export function assertReal<Fake, Real>(_ok: OnlyRealMembers<Fake, Real>): void {}
