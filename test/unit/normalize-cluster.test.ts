import {
  clusterValues,
  HIGH_CONFIDENCE,
  isJunkValue,
  wellFormed,
  type ValueCluster,
} from '../../src/domain/normalize';
import type { ListEntry } from '../../src/domain/schema';

const rep = (v: string, n: number): string[] => Array.from({ length: n }, () => v);

/** A cluster without its confidence (tested on its own below). */
function withoutConfidence(c: ValueCluster): Omit<ValueCluster, 'confidence'> {
  const out: Partial<ValueCluster> = { ...c };
  delete out.confidence;
  return out as Omit<ValueCluster, 'confidence'>;
}

describe('clusterValues (Build lists from my data)', () => {
  test('groups spellings of one team and picks the most frequent well-formed name', () => {
    const values = [
      ...rep('tools-fe', 5),
      ...rep('FE Tools', 3),
      ...rep('Frontend tools', 4),
      ...rep('frontend tools', 2),
      ...rep('Benefits Intake', 6),
      ...rep('benefits-intake', 2),
      ...rep('Benefit Intake', 1),
      ...rep('Health Care Application', 3),
      ...rep('Health Care Aplication', 1),
      '',
      '  ',
    ];
    const clusters = clusterValues(values, []);
    expect(clusters.map(withoutConfidence)).toEqual([
      { canonical: 'Frontend tools', aliases: ['FE Tools', 'tools-fe'], count: 14 },
      { canonical: 'Benefits Intake', aliases: ['Benefit Intake', 'benefits-intake'], count: 9 },
      { canonical: 'Health Care Application', aliases: ['Health Care Aplication'], count: 4 },
    ]);
  });

  test('values of existing entries join them and only new aliases are proposed', () => {
    const existing: ListEntry[] = [
      { value: 'Frontend Tools', aliases: ['tools-fe'], disabled: false },
      { value: 'Identity', aliases: [], disabled: false },
    ];
    const clusters = clusterValues(
      ['tools-fe', 'FE tools', 'Frontend Tools', 'Identity', 'identity', 'Login.gov team'],
      existing,
    );
    expect(clusters.map(withoutConfidence)).toEqual([
      { canonical: 'Frontend Tools', aliases: ['FE tools'], count: 3, existing: true },
      { canonical: 'Login.gov team', aliases: [], count: 1 },
    ]);
  });

  test('different things stay apart; slugs are title-cased when nothing is well-formed', () => {
    const clusters = clusterValues(
      ['benefits-intake', 'benefits-claims', 'benefits-claims', 'appeals'],
      [],
    );
    expect(clusters.map((c) => c.canonical)).toEqual([
      'Benefits Claims',
      'Appeals',
      'Benefits Intake',
    ]);
    expect(
      clusters.every(
        (c) =>
          c.aliases.length === 0 || c.aliases.every((a) => a.toLowerCase().includes('benefits')),
      ),
    ).toBe(true);
  });

  test('topics: variants of one topic cluster, case-only variants are not listed as aliases', () => {
    const clusters = clusterValues(
      ['CI Error', 'CI error', 'ci errors', 'CI Errors', 'Datadog', 'DataDog', 'datadog'],
      [],
    );
    expect(clusters.map(withoutConfidence)).toEqual([
      { canonical: 'CI Error', aliases: ['CI Errors'], count: 4 },
      { canonical: 'Datadog', aliases: [], count: 3 },
    ]);
  });

  test('well-formedness ranks proper names above slugs, all-lowercase and abbreviations', () => {
    expect(wellFormed('Frontend Tools')).toBeGreaterThan(wellFormed('FE Tools'));
    expect(wellFormed('FE Tools')).toBeGreaterThan(wellFormed('frontend tools'));
    expect(wellFormed('frontend tools')).toBeGreaterThan(wellFormed('tools-fe'));
  });
});

describe('Build lists: no merges of distinct values, no junk, unsure proposals unticked', () => {
  test('numbers and form numbers must agree; number words count', () => {
    const c = clusterValues(
      [
        'Benefits Team 1',
        'Benefits Team 1',
        'Benefits Team One',
        'Benefits Team 2',
        'Benefits Team 2',
      ],
      [],
    );
    const one = c.find((x) => x.canonical === 'Benefits Team 1');
    expect(one?.aliases).toEqual(['Benefits Team One']);
    expect(c.find((x) => x.canonical === 'Benefits Team 2')?.aliases).toEqual([]);
    expect(
      clusterValues(['Form 21-526EZ', 'Form 21-526EZ', 'Form 21-0966'], []).map((x) => x.canonical),
    ).toEqual(['Form 21-526EZ', 'Form 21-0966']);
  });
  test('junk is never proposed', () => {
    const junk = ['??', 'Unknown', 'Idk', 'Stuff', 'Dunno', 'n/a', 'TBD', '-', 'not sure', 'misc'];
    expect(clusterValues([...junk, ...junk], [])).toEqual([]);
    for (const j of junk) expect(isJunkValue(j)).toBe(true);
    expect(isJunkValue('Identity')).toBe(false);
  });
  test('below high confidence a proposal is marked unsure', () => {
    const c = clusterValues(['Login.gov team'], []);
    expect(c[0].confidence).toBeLessThan(HIGH_CONFIDENCE);
    const sure = clusterValues(['Identity', 'Identity', 'identity'], []);
    expect(sure[0].confidence).toBeGreaterThanOrEqual(HIGH_CONFIDENCE);
  });
});
