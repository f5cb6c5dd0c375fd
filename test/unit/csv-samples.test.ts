/** The sample legacy sheet: deterministic, committed, realistic and messy in resolvable ways. */
import fs from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../../workbench/csv';
import {
  LEGACY_HEADERS,
  SAMPLE_CSV_FILE,
  SAMPLE_TEAMS,
  generateSampleCsv,
  generateSampleRows,
  mulberry32,
} from '../../samples/generate';
import { DEFAULT_TOPICS } from '../../src/domain/schema';
import { zonedParts } from '../../src/domain/time';

const root = path.resolve(__dirname, '../..');
const committed = fs.readFileSync(path.join(root, SAMPLE_CSV_FILE), 'utf8');
const rows = parseCsv(committed);
const col = (h: (typeof LEGACY_HEADERS)[number]): string[] =>
  rows.slice(1).map((r) => r[LEGACY_HEADERS.indexOf(h)]);

describe('samples/legacy-support.csv', () => {
  it('is exactly what the seeded generator produces (regenerate with run-ts samples/generate.ts)', () => {
    expect(generateSampleCsv()).toBe(committed);
    expect(generateSampleCsv({ seed: 7, rows: 50 })).toBe(generateSampleCsv({ seed: 7, rows: 50 }));
    expect(generateSampleCsv({ seed: 7, rows: 50 })).not.toBe(
      generateSampleCsv({ seed: 8, rows: 50 }),
    );
  });

  it('mulberry32 is a deterministic PRNG in [0, 1)', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(new Set(xs).size).toBe(1000);
  });

  it('has the legacy headers and 1,000 rows over six months (Mar-Aug 2024)', () => {
    expect(rows[0]).toEqual([...LEGACY_HEADERS]);
    expect(rows.length - 1).toBe(1000);
    const truth = generateSampleRows();
    const months = new Set(
      truth.map((r) => zonedParts(r.truth.requestedAt, 'America/New_York').month),
    );
    expect([...months].sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8]);
  });

  it('mixes date formats, with a few blanks', () => {
    const dates = col('Date');
    const kinds = {
      us: dates.filter((d) => /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(d)).length,
      noYear: dates.filter((d) => /^\d{1,2}\/\d{1,2}$/.test(d)).length,
      iso: dates.filter((d) => /^\d{4}-\d\d-\d\d$/.test(d)).length,
      words: dates.filter((d) => /^[A-Z][a-z]+ \d{1,2}(, \d{4})?$/.test(d)).length,
      dateTime: dates.filter((d) => /\d{1,2}:\d\d/.test(d)).length,
      blank: dates.filter((d) => d === '').length,
    };
    for (const [k, n] of Object.entries(kinds)) expect([k, n > 0]).toEqual([k, true]);
    expect(kinds.blank).toBeLessThan(30);
  });

  it('Slack permalinks carry the timestamp of the row they belong to', () => {
    const truth = generateSampleRows();
    let slack = 0;
    for (const r of truth) {
      const link = r.cells[LEGACY_HEADERS.indexOf('Slack link')];
      const m = /^https:\/\/dsva\.slack\.com\/archives\/C[A-Z0-9]{8,10}\/p(\d{16})$/.exec(link);
      if (!m) continue;
      slack++;
      const micros = Number(m[1]);
      expect(Math.floor(micros / 1000)).toBe(r.truth.requestedAt.getTime());
    }
    expect(slack).toBeGreaterThan(700);
    const gh = col('Slack link').filter((l) =>
      /^https:\/\/github\.com\/department-of-veterans-affairs\//.test(l),
    );
    expect(gh.length).toBeGreaterThan(50);
  });

  it('teams: variants and typos of the seeded Teams list, plus a few unknowns', () => {
    const team = col('Team');
    const names = new Set(SAMPLE_TEAMS.map((t) => t.name));
    const exact = team.filter((t) => names.has(t)).length;
    expect(exact / team.length).toBeGreaterThan(0.35);
    expect(exact / team.length).toBeLessThan(0.7);
    expect(team).toEqual(
      expect.arrayContaining(['CIE', 'authenticated experience', 'Authenticated Experiance', '??']),
    );
    expect(SAMPLE_TEAMS.length).toBeGreaterThanOrEqual(15);
    for (const t of SAMPLE_TEAMS) expect(t.name.trim()).toBe(t.name);
  });

  it('categories are free text whose truth is a default topic; a few rows are unresolvable', () => {
    const topics = new Set(DEFAULT_TOPICS.map((t) => t.topic));
    const truth = generateSampleRows();
    for (const r of truth) if (r.truth.topic) expect(topics.has(r.truth.topic)).toBe(true);
    const cats = col('Category');
    expect(cats).toEqual(expect.arrayContaining(['CI error', 'ci failing', 'Jenkins']));
    const resolvable = truth.filter((r) => r.truth.resolvable).length / truth.length;
    expect(resolvable).toBeGreaterThan(0.93);
    expect(resolvable).toBeLessThan(1);
  });

  it('durations are written as text in several ways', () => {
    const t = col('Time spent');
    for (const re of [/^\d+$/, /^\d+m$/, /^\d+(\.\d+)? hrs$/, /^\d+:\d\d$/, /^\d+ min$/]) {
      expect([String(re), t.some((x) => re.test(x))]).toEqual([String(re), true]);
    }
  });

  it('descriptions include commas, quotes and multi-line text; Priority is an extra column', () => {
    const d = col('Description');
    expect(d.some((x) => x.includes(','))).toBe(true);
    expect(d.some((x) => x.includes('"'))).toBe(true);
    expect(d.some((x) => x.includes('\n'))).toBe(true);
    expect(new Set(col('Priority'))).toEqual(new Set(['', 'P1', 'P2', 'P3', 'high', 'low', 'Med']));
  });
});
