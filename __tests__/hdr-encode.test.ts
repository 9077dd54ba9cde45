/**
 * The producers' HdrHistogram encoder (src/core/hdr-encode.ts): what it writes decodes, in our
 * decoder and in hdr-histogram-js, to the counts recorded; and a histogram hdr-histogram-js records
 * from the same values gives the same counts and the same values at every percentile.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as hdr from 'hdr-histogram-js';
import { HistogramRecorder } from '../src/core/hdr-encode.js';
import { decodeHistogram } from '../src/core/hdr.js';
import { encodeHistogram, newHistogram } from './hdr-reference.js';

const PS = [0, 1, 25, 50, 90, 99, 99.9, 99.99, 100];
const values = fc.array(fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2 ** 40 })), { minLength: 1, maxLength: 400 });

/** [value, count] of every non-zero bucket of a decoded histogram. */
function bucketsOf(base64: string): [number, number][] {
  const h = decodeHistogram(base64);
  const out: [number, number][] = [];
  const c = h.counts;
  for (let i = 0; i < c.length; i++) if (c[i] !== 0) out.push([h.layout.valueFromIndex(i), c[i]!]);
  return out;
}

describe('HistogramRecorder.encode', () => {
  it('round-trips through our decoder: the same buckets, total and percentiles', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const r = new HistogramRecorder();
        for (const v of vs) r.record(v);
        const enc = r.encode();
        expect(bucketsOf(enc)).toEqual([...r.buckets()]);
        const d = decodeHistogram(enc);
        expect(d.totalCount).toBe(vs.length);
        for (const p of PS) expect(d.getValueAtPercentile(p)).toBe(r.valueAtPercentile(p));
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with hdr-histogram-js: it decodes ours, and ours decodes its encoding of the same values', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const mine = new HistogramRecorder();
        const theirs = newHistogram(3);
        for (const v of vs) {
          mine.record(v);
          theirs.recordValue(v);
        }
        const decodedByThem = hdr.decodeFromCompressedBase64(mine.encode(), 64, false) as unknown as typeof theirs;
        expect(decodedByThem.totalCount).toBe(vs.length);
        for (const p of PS) {
          expect(decodedByThem.getValueAtPercentile(p)).toBe(theirs.getValueAtPercentile(p));
          expect(mine.valueAtPercentile(p)).toBe(theirs.getValueAtPercentile(p));
        }
        expect(bucketsOf(encodeHistogram(theirs))).toEqual([...mine.buckets()]);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps counts past 2^32 and runs of zero counters', () => {
    const r = new HistogramRecorder();
    r.record(5, 2 ** 33 + 1);
    r.record(10_000_000, 3);
    const d = decodeHistogram(r.encode());
    expect(d.totalCount).toBe(2 ** 33 + 4);
    expect(d.getValueAtPercentile(50)).toBe(5);
    expect(d.getValueAtPercentile(100)).toBe(r.valueAtPercentile(100));
  });

  it('add() is the union of two recordings', () => {
    fc.assert(
      fc.property(values, values, (a, b) => {
        const ra = new HistogramRecorder();
        const rb = new HistogramRecorder();
        const all = new HistogramRecorder();
        for (const v of a) (ra.record(v), all.record(v));
        for (const v of b) (rb.record(v), all.record(v));
        ra.add(rb);
        expect(ra.encode()).toBe(all.encode());
      }),
      { numRuns: 100 },
    );
  });
});
