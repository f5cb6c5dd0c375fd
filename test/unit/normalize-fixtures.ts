/** Shared fixtures of the normalize unit tests (not a test file itself). */
import { defaultLists } from '../../src/domain/lists';
import { planNormalization, type PlanInput } from '../../src/domain/normalize';
import { FIELDS, type FieldKey, type Lists } from '../../src/domain/schema';

export const TZ = 'America/New_York';
/** Fixed "now": 2024-06-15 12:00 in New York. */
export const NOW = new Date('2024-06-15T16:00:00Z');

/** Default lists plus a few VFS teams with aliases. */
export function testLists(): Lists {
  const lists = defaultLists();
  lists.teams = [
    { value: 'Frontend Tools', aliases: ['tools-fe'], disabled: false },
    { value: 'Benefits Intake', aliases: [], disabled: false },
    { value: 'Benefits Claims', aliases: [], disabled: false },
    { value: 'Health Care Application', aliases: ['HCA'], disabled: false },
    { value: 'Legacy Team', aliases: [], disabled: true },
  ];
  return lists;
}

/** headerMap for a sheet whose columns are exactly the standard headers, in order. */
export const STANDARD_MAP: Partial<Record<FieldKey, number>> = Object.fromEntries(
  FIELDS.map((f, i) => [f.key, i]),
) as Partial<Record<FieldKey, number>>;

/** A data row (standard columns) from a partial record. */
export function row(values: Partial<Record<FieldKey, unknown>>): unknown[] {
  return FIELDS.map((f) => (f.key in values ? values[f.key] : ''));
}

/** Sequential ID generator: SR-TEST-0001, SR-TEST-0002, ... */
export function seqIds(prefix = 'SR-TEST-'): () => string {
  let n = 0;
  return () => `${prefix}${String(++n).padStart(4, '0')}`;
}

/** Column index of a field in STANDARD_MAP rows. */
export const col = (k: FieldKey): number => STANDARD_MAP[k] as number;

/** planNormalization over standard-column rows with the test lists, tz, clock and IDs. */
export function plan(rows: unknown[][], extra: Partial<PlanInput> = {}) {
  return planNormalization({
    rows,
    headerMap: STANDARD_MAP,
    lists: testLists(),
    aliases: [],
    timeZone: TZ,
    now: NOW,
    newId: seqIds(),
    ...extra,
  });
}
