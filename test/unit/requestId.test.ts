import {
  encodeSuffix,
  isRequestId,
  nextRequestId,
  randomRequestId,
  requestIdFor,
  scramble,
} from '../../src/domain/requestId';

const NY = 'America/New_York';

describe('Request IDs', () => {
  it('have the SR-YYYYMMDD-xxxx shape with the local day', () => {
    // 2024-03-10 03:30Z is still March 9 in New York.
    const id = requestIdFor(new Date(Date.UTC(2024, 2, 10, 3, 30)), NY, 0, 12345);
    expect(id).toMatch(/^SR-20240309-[0-9A-Z]{4}$/);
    expect(isRequestId(id)).toBe(true);
    expect(isRequestId('SR-2024-1')).toBe(false);
    expect(isRequestId(42)).toBe(false);
  });

  it('never repeat within a day: scramble is a bijection of 32^4', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 1 << 20; i++) seen.add(scramble(i, 987654));
    expect(seen.size).toBe(1 << 20);
    expect(encodeSuffix(0)).toBe('0000');
    expect(encodeSuffix((1 << 20) - 1)).toBe('ZZZZ');
  });

  it('nextRequestId issues distinct IDs and restarts the sequence on a new day', () => {
    const t = new Date(Date.UTC(2024, 5, 1, 15));
    let state = null as Parameters<typeof nextRequestId>[0];
    const ids = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const r = nextRequestId(state, t, NY, () => 0.5);
      ids.add(r.id);
      state = r.state;
    }
    expect(ids.size).toBe(500);
    expect(state).toMatchObject({ day: '20240601', seq: 500 });
    const next = nextRequestId(state, new Date(Date.UTC(2024, 5, 2, 15)), NY, () => 0.25);
    expect(next.state).toMatchObject({ day: '20240602', seq: 1 });
    expect(next.id.startsWith('SR-20240602-')).toBe(true);
  });

  it('never looks like a number or date to Sheets', () => {
    const id = randomRequestId(new Date(), NY);
    expect(isRequestId(id)).toBe(true);
    expect(Number.isNaN(Number(id))).toBe(true);
  });
});
