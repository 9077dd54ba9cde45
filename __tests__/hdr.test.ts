/**
 * hdr_histogram decoding and merging, proven on encodings produced by the reference
 * implementations (Java, C, Go, Python: see fixtures/hdr/reference.json for each case's source
 * and what asserts its numbers). Percentiles use Java's definition, which hdr-histogram-js shares:
 * the highest value equivalent to the bucket holding rank ⌈p·N/100⌉.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HistogramMerger, decodeHistogram, encodeHistogram, newHistogram, type Histogram } from '../src/core/hdr.js';
import { FIXTURES } from './helpers.js';

interface Case {
  id: string;
  implementation: string;
  encoding: string;
  base64: string | string[];
  expect: {
    totalCount?: number;
    maxValue?: number;
    minNonZeroValue?: number;
    mean?: number;
    percentiles?: Record<string, number>;
    decodeError?: boolean;
  };
  tolerance?: { percentiles?: { relative: number }; maxValue?: unknown };
}

const cases = JSON.parse(readFileSync(path.join(FIXTURES, 'hdr', 'reference.json'), 'utf8')) as Case[];
const lowestEquivalent = (h: Histogram, v: number): number =>
  (h as unknown as { lowestEquivalentValue(v: number): number }).lowestEquivalentValue(v);

describe('reference encodings decode to the numbers their producers assert', () => {
  it('covers Java, C, Go and Python producers', () => {
    expect(new Set(cases.map((c) => c.implementation))).toEqual(new Set(['java', 'c', 'go', 'python', 'unknown']));
  });

  it.each(cases.filter((c) => c.expect.decodeError))('$id: a V1 encoding is refused with a reason', (c) => {
    expect(() => decodeHistogram(c.base64 as string)).toThrow(/only V2/);
  });

  it.each(cases.filter((c) => !c.expect.decodeError && typeof c.base64 === 'string'))('$id ($implementation)', (c) => {
    const h = decodeHistogram(c.base64 as string);
    const e = c.expect;
    if (e.totalCount !== undefined) expect(h.totalCount).toBe(e.totalCount);
    if (e.mean !== undefined) expect((h as unknown as { mean: number }).mean).toBeCloseTo(e.mean, 6);
    const rel = c.tolerance?.percentiles?.relative;
    for (const [p, want] of Object.entries(e.percentiles ?? {})) {
      const got = h.getValueAtPercentile(Number(p));
      if (rel) expect(Math.abs(got - want)).toBeLessThan(want * rel);
      else expect(got, `p${p}`).toBe(want);
    }
    if (e.maxValue !== undefined) {
      if (c.tolerance?.maxValue) expect(lowestEquivalent(h, h.maxValue)).toBe(lowestEquivalent(h, e.maxValue));
      else expect(h.maxValue).toBe(e.maxValue);
    }
  });

  it.each(cases.filter((c) => Array.isArray(c.base64) && c.expect.totalCount !== undefined))(
    '$id: merging every line of the log gives the asserted total, max and percentiles',
    (c) => {
      const merger = new HistogramMerger();
      for (const line of c.base64 as string[]) merger.add(decodeHistogram(line), 'ms');
      expect(merger.totalCount).toBe(c.expect.totalCount);
      for (const [p, want] of Object.entries(c.expect.percentiles ?? {})) expect(merger.percentileMs(Number(p))).toBe(want);
      if (c.expect.maxValue !== undefined) expect(merger.percentileMs(100)).toBe(c.expect.maxValue);
    },
  );
});

describe('merging histograms', () => {
  const histogramOf = (values: number[], digits = 3): Histogram => {
    const h = newHistogram(digits);
    for (const v of values) h.recordValue(v);
    return h;
  };

  it('merging shards equals one histogram of the union, at every percentile (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 200 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(50, 90, 99, 99.9, 100),
        (shards, p) => {
          const merger = new HistogramMerger();
          for (const s of shards) merger.add(decodeHistogram(encodeHistogram(histogramOf(s))), 'us');
          const union = histogramOf(shards.flat());
          expect(merger.totalCount).toBe(union.totalCount);
          expect(merger.percentileMs(p)).toBe(union.getValueAtPercentile(p) / 1000);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps the precision of the most precise input whatever the order', () => {
    const values = [1234567, 2345678, 3456789];
    const a = new HistogramMerger();
    a.add(histogramOf(values, 2), 'us');
    a.add(histogramOf(values, 4), 'us');
    const b = new HistogramMerger();
    b.add(histogramOf(values, 4), 'us');
    b.add(histogramOf(values, 2), 'us');
    expect(a.digits).toBe(4);
    expect(b.digits).toBe(4);
    expect(a.totalCount).toBe(6);
  });

  it('does not lose counts past 2^32 (64-bit counts)', () => {
    const big = cases.find((c) => c.id === 'gen-java-big-counts')!;
    const merger = new HistogramMerger();
    merger.add(decodeHistogram(big.base64 as string), 'us');
    merger.add(decodeHistogram(big.base64 as string), 'us');
    expect(merger.totalCount).toBe(2 * big.expect.totalCount!);
  });
});
