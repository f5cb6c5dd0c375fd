import {
  buildSuggestModel,
  keywordMatches,
  modelPosterior,
  suggestTopic,
  tokenize,
  type TrainingRow,
} from '../../src/domain/suggest';

const topics = [
  { topic: 'Datadog', keywords: 'datadog, dd, apm' },
  { topic: 'Access Request', keywords: ['access', 'aws account'] },
  { topic: 'CI Error', keywords: 'github actions, build failed' },
  { topic: 'Forms', keywords: '' },
];

const rows: TrainingRow[] = [
  ...Array.from({ length: 20 }, (_, i) => ({
    summary: `form submission ${i} schemaform page broken`,
    topic: 'Forms',
  })),
  ...Array.from({ length: 20 }, (_, i) => ({
    summary: `jenkins pipeline red ${i} workflow`,
    topic: 'CI Error',
  })),
  ...Array.from({ length: 5 }, () => ({ summary: 'monitor dashboard latency', topic: 'Datadog' })),
  { summary: 'unique snowflake token', topic: 'Forms' },
  { summary: 'row of a disabled topic schemaform', topic: 'Retired topic' },
];

describe('tokenize', () => {
  it('lower-cases, strips punctuation, accents and stopwords', () => {
    expect(tokenize('How do I get ACCESS to the Café-API?')).toEqual(['access', 'cafe', 'api']);
  });
});

describe('buildSuggestModel', () => {
  const model = buildSuggestModel(topics, rows);

  it('is compact JSON: pruned rare tokens, counts per topic', () => {
    expect(model.topics).toEqual(['Datadog', 'Access Request', 'CI Error', 'Forms']);
    expect(model.vocab).not.toContain('snowflake'); // appears once: pruned
    expect(model.vocab).toContain('schemaform');
    expect(model.docs).toEqual([5, 0, 20, 21]);
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('caps the vocabulary', () => {
    const many = Array.from({ length: 400 }, (_, i) => ({
      summary: `word${i} word${i} shared`,
      topic: 'Forms',
    }));
    const capped = buildSuggestModel(topics, [...many, ...many], { maxVocab: 50 });
    expect(capped.vocab.length).toBe(50);
    expect(capped.vocab).toContain('shared');
    expect(JSON.stringify(capped).length).toBeLessThan(3000);
  });

  it('keywords are matched on word boundaries, longest phrase first', () => {
    expect(keywordMatches(model, 'Our Datadog APM is empty')[0]).toEqual({
      topic: 'Datadog',
      score: 2,
    });
    expect(keywordMatches(model, 'the address field')).toEqual([]); // "dd" inside a word does not match
    expect(keywordMatches(model, 'Build failed on GitHub Actions')[0].topic).toBe('CI Error');
  });
});

describe('suggestTopic', () => {
  const model = buildSuggestModel(topics, rows);

  it('suggests from keywords with source "keyword"', () => {
    const s = suggestTopic(model, 'Need access to the AWS account please');
    expect(s).toMatchObject({ topic: 'Access Request', source: 'keyword' });
    expect(s!.confidence).toBeGreaterThan(0.5);
    expect(s!.confidence).toBeLessThanOrEqual(1);
  });

  it('falls back to naive Bayes learned from the rows', () => {
    const s = suggestTopic(model, 'schemaform submission page shows an error');
    expect(s).toMatchObject({ topic: 'Forms', source: 'model' });
    expect(s!.confidence).toBeGreaterThan(0.9);
    expect(suggestTopic(model, 'jenkins workflow is red again')).toMatchObject({
      topic: 'CI Error',
      source: 'model',
    });
  });

  it('returns null when nothing is known or the summary is too short', () => {
    expect(suggestTopic(model, 'zzz qqq')).toBeNull();
    expect(suggestTopic(model, 'hi')).toBeNull();
    expect(modelPosterior(buildSuggestModel(topics, []), 'schemaform')).toBeNull();
  });

  it('posterior sums to 1 and ignores topics with no training rows', () => {
    const p = modelPosterior(model, 'dashboard schemaform')!;
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(p[1]).toBe(0);
  });
});
