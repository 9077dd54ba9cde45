/**
 * hdr_histogram decoding and merging, proven on encodings produced by the reference
 * implementations (Java, C, Go, Python: see fixtures/hdr/reference.json for each case's source
 * and what asserts its numbers). Percentiles use Java's definition, which hdr-histogram-js shares:
 * the highest value equivalent to the bucket holding rank ⌈p·N/100⌉.
 */
import { readFileSync } from 'node:fs';
import { deflateSync, inflateSync } from 'node:zlib';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as hdr from 'hdr-histogram-js';
import { HistogramMerger, MIN_MERGE_DIGITS, decodeHistogram, type HdrUnit, type Histogram } from '../src/core/hdr.js';
import * as ref from './hdr-reference.js';
import { FIXTURES } from './helpers.js';

const { encodeHistogram, newHistogram } = ref;

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
const lowestEquivalent = (h: Histogram, v: number): number => h.lowestEquivalentValue(v);

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

describe('a header up to 2^63 (Java: new Histogram(1, Long.MAX_VALUE, 3))', () => {
  // encoded by HdrHistogram Java 2.2.2: 1..100 recorded once each, highestTrackableValue Long.MAX_VALUE
  const JAVA_LONG_MAX = 'HISTFAAAACF4nJNpmSzMwMCQygABzFCasf4/BNh/gIow0QEAAN69Cx8=';
  it('decodes, with the counts and percentiles Java gives', () => {
    const h = decodeHistogram(JAVA_LONG_MAX);
    expect(h.totalCount).toBe(100);
    expect(h.maxValue).toBe(100);
    expect(h.getValueAtPercentile(50)).toBe(50);
    expect(h.getValueAtPercentile(99)).toBe(99);
    const m = new HistogramMerger();
    m.add(h, 'ms');
    expect(m.percentileMs(99)).toBe(99);
  });
  it('a header past 2^63 is still refused, naming its range', () => {
    // the same histogram with its highest trackable value's top bit set (negative as a Java long)
    const raw = inflateSync(Buffer.from(JAVA_LONG_MAX, 'base64').subarray(8));
    raw[24] = 0xff;
    const body = deflateSync(raw);
    const head = Buffer.alloc(8);
    head.writeInt32BE(0x1c849304, 0);
    head.writeInt32BE(body.length, 4);
    expect(() => decodeHistogram(Buffer.concat([head, body]).toString('base64'))).toThrow(/declares a value range \[1, -/);
  });
});

describe('merging histograms', () => {
  const histogramOf = (values: number[], digits = 3): ref.Histogram => {
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
    const of = (digits: number) => decodeHistogram(encodeHistogram(histogramOf(values, digits)));
    a.add(of(2), 'us');
    a.add(of(4), 'us');
    const b = new HistogramMerger();
    b.add(of(4), 'us');
    b.add(of(2), 'us');
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

/**
 * The decoder, merge and percentiles of src/core/hdr.ts against hdr-histogram-js (its decoder and
 * percentiles) and against the path evalgate had before its own decoder (hdr-reference.ts: JsHistogram
 * objects merged with their own add()): every count, total and value at percentile equal, on
 * histograms of any layout (1 to 5 digits, lowest discernible value 1 to 1000, autoresized or
 * of a fixed range), merged in any mix of layouts and units.
 */
describe('our decoder and merge equal hdr-histogram-js (property)', () => {
  const PS = [0, 50, 90, 99, 99.9, 100];
  interface Spec {
    digits: number;
    lowest: number;
    autoResize: boolean;
    highestFactor: number;
    values: [number, number][];
  }
  const specUpTo = (top: number): fc.Arbitrary<Spec> =>
    fc.record({
      digits: fc.integer({ min: 1, max: 5 }),
      lowest: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 1000 })),
      autoResize: fc.boolean(),
      highestFactor: fc.integer({ min: 1, max: 16 }),
      values: fc.array(
        fc.tuple(
          fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: top })),
          fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 1_000_000 })),
        ),
        { minLength: 1, maxLength: 300 },
      ),
    });
  const spec = specUpTo(2 ** 40);
  /** The histogram `s` describes, encoded by hdr-histogram-js (as producers of indicator files do). */
  const encode = (s: Spec): string => {
    const top = Math.max(...s.values.map(([v]) => v));
    const h = hdr.build({
      bitBucketSize: 64,
      autoResize: s.autoResize,
      lowestDiscernibleValue: s.lowest,
      highestTrackableValue: s.autoResize ? 2 * s.lowest : Math.max(2 * s.lowest, top * s.highestFactor),
      numberOfSignificantValueDigits: s.digits as 1 | 2 | 3 | 4 | 5,
      useWebAssembly: false,
    });
    for (const [v, c] of s.values) h.recordValueWithCount(v, c);
    return hdr.encodeIntoCompressedBase64(h);
  };

  /** What `f` returns, or the message it throws. */
  const outcome = <T>(f: () => T): { ok: T } | { error: string } => {
    try {
      return { ok: f() };
    } catch (e) {
      return { error: (e as Error).message };
    }
  };

  it('decodes to the counts, total, extremes and percentiles hdr-histogram-js decodes', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const b64 = encode(s);
        // hdr-histogram-js writes a maxValue in the last bucket of a lowest > 1 histogram one
        // bucket past its own header: refused as a misfit, by both decoders alike
        const got = outcome(() => decodeHistogram(b64));
        const was = outcome(() => ref.decodeHistogram(b64));
        if ('error' in was) {
          expect(got).toEqual(was);
          return;
        }
        expect('ok' in got).toBe(true);
        const ours = (got as { ok: Histogram }).ok;
        const before = was.ok;
        const theirs = hdr.decodeFromCompressedBase64(b64, 64, false) as unknown as ref.Histogram;
        expect(ours.totalCount).toBe(s.values.reduce((a, [, c]) => a + c, 0));
        expect(ours.totalCount).toBe(theirs.totalCount);
        expect(ours.numberOfSignificantValueDigits).toBe(theirs.numberOfSignificantValueDigits);
        // every counter: ours up to the highest non-zero one, nothing but zeros past it
        const all = (before as unknown as { _counts: Float64Array })._counts;
        expect(all.length).toBe(before.countsArrayLength);
        expect(ours.counts.length).toBeLessThanOrEqual(all.length);
        let differs = -1; // the first counter that differs (a plain loop: toEqual on millions of counters is slow)
        for (let i = 0; i < all.length && differs < 0; i++) if (ours.getCountAtIndex(i) !== all[i]) differs = i;
        expect(differs).toBe(-1);
        for (const p of PS) {
          expect(ours.getValueAtPercentile(p), `p${p}`).toBe(theirs.getValueAtPercentile(p));
          expect(ours.getValueAtPercentile(p), `p${p}`).toBe(before.getValueAtPercentile(p));
        }
        expect(ours.maxValue).toBe(before.maxValue);
        expect(ours.minNonZeroValue).toBe(before.minNonZeroValue);
        expect(ours.highestEquivalentValue(ours.maxValue)).toBe(before.highestEquivalentValue(before.maxValue));
        expect(ours.mean).toBe((before as unknown as { mean: number }).mean);
      }),
      { numRuns: 60 },
    );
  });

  it("adds every counter from the words and returns the sum of exactly those counts (the decode's total)", () => {
    // counts up to 2^52 each: totals past 2^53, where a sum in another order would round differently
    const big = fc.record({
      digits: fc.integer({ min: 1, max: 3 }),
      lowest: fc.constant(1),
      autoResize: fc.constant(true),
      highestFactor: fc.constant(1),
      values: fc.array(fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 2 ** 52 }))), {
        minLength: 1,
        maxLength: 300,
      }),
    });
    fc.assert(
      fc.property(fc.oneof(specUpTo(10_000_000), big), (s) => {
        const b64 = encode(s);
        const got = outcome(() => decodeHistogram(b64));
        if ('error' in got) return;
        const fresh = got.ok;
        // the counters of the reference decoder (hdr-reference.ts), up to our highest one
        const was = ref.decodeHistogram(b64);
        const expanded = (was as unknown as { _counts: Float64Array })._counts.subarray(0, fresh.lastIndex + 1);
        const dst = new Float64Array(fresh.lastIndex + 2).fill(1); // a counter already holding 1
        const returned = fresh.addTo(dst);
        let sum = 0;
        let differs = -1; // the first counter that differs (a plain loop: expect() per counter is slow)
        for (let i = 0; i < expanded.length; i++) {
          if (differs < 0 && dst[i] !== 1 + expanded[i]!) differs = i;
          if (expanded[i]! > 0) sum += expanded[i]!;
        }
        expect(differs).toBe(-1);
        expect(dst[fresh.lastIndex + 1]).toBe(1); // nothing past the highest counter
        expect(returned).toBe(sum);
        expect(returned).toBe(fresh.totalCount);
      }),
      { numRuns: 60 },
    );
  });

  it('merges shards of any layouts and units to the total and percentiles of the path before it', () => {
    const unit = fc.constantFrom<HdrUnit>('ns', 'us', 'ms');
    const samples = fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { minLength: 1, maxLength: 50 });
    // values up to about an hour in each unit: a 5-digit histogram in ns past that is millions of
    // counters, too slow for the reference's counter-by-counter rescaling to try many times
    const shard = unit.chain((u) => fc.tuple(specUpTo({ ns: 2 ** 32, us: 2 ** 22, ms: 2 ** 12 }[u]), fc.constant(u)));
    fc.assert(
      fc.property(fc.array(shard, { minLength: 1, maxLength: 6 }), fc.option(samples), (shards, raw) => {
        const ours = new HistogramMerger();
        const before = new ref.HistogramMerger();
        // each step's outcome: the same error (a misfit, a value too large for the merge) or the same numbers
        const state = () => (ours.totalCount ? [ours.totalCount, ours.digits, ...PS.map((p) => ours.percentileMs(p))] : []);
        const stateBefore = () => (before.totalCount ? [before.totalCount, before.digits, ...PS.map((p) => before.percentileMs(p))] : []);
        for (const [s, u] of shards) {
          const b64 = encode(s);
          const decoded = outcome(() => ref.decodeHistogram(b64));
          if ('error' in decoded) continue;
          expect(outcome(() => ours.add(decodeHistogram(b64), u))).toEqual(outcome(() => before.add(decoded.ok, u)));
        }
        expect(state()).toEqual(stateBefore());
        if (raw) {
          expect(outcome(() => ours.addSamplesMs(Float64Array.from(raw)))).toEqual(
            outcome(() => before.addSamplesMs(Float64Array.from(raw))),
          );
          expect(state()).toEqual(stateBefore());
        }
      }),
      { numRuns: 50 },
    );
  });

  it('merges shards of one layout (3 digits or more) to what hdr-histogram-js gives for their union', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MIN_MERGE_DIGITS, max: 5 }),
        fc.array(
          fc.array(fc.tuple(fc.integer({ min: 0, max: 2 ** 30 }), fc.integer({ min: 1, max: 1000 })), { minLength: 1, maxLength: 200 }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        (digits, shards) => {
          const merger = new HistogramMerger();
          const union = newHistogram(digits);
          for (const s of shards) {
            const h = newHistogram(digits);
            for (const [v, c] of s) {
              h.recordValueWithCount(v, c);
              union.recordValueWithCount(v, c);
            }
            merger.add(decodeHistogram(encodeHistogram(h)), 'us');
          }
          expect(merger.totalCount).toBe(union.totalCount);
          for (const p of PS) expect(merger.percentileMs(p), `p${p}`).toBe(union.getValueAtPercentile(p) / 1000);
        },
      ),
      { numRuns: 40 },
    );
  });
});
