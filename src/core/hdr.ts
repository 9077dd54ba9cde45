/**
 * HdrHistogram V2 compressed (base64) histograms: decode, merge, and read percentiles.
 * Uses hdr-histogram-js's pure-JS histograms (no WebAssembly, so nothing to initialise and the
 * bundle stays a plain JS file).
 */
import * as hdr from 'hdr-histogram-js';
import type { JsHistogram } from './hdr-types.js';

export type HdrUnit = 'ns' | 'us' | 'ms';
export const HDR_UNITS: readonly HdrUnit[] = ['ns', 'us', 'ms'];
/** How many of each unit make one millisecond. */
export const PER_MS: Record<HdrUnit, number> = { ns: 1_000_000, us: 1_000, ms: 1 };

export type Histogram = JsHistogram;

/**
 * Decodes a base64 V2 compressed histogram; throws with the library's reason when it cannot.
 * 64-bit (Float64) counts: the library's default of 32-bit counts wraps silently past 2^32.
 */
export function decodeHistogram(base64: string): Histogram {
  const h = hdr.decodeFromCompressedBase64(base64.trim(), 64, false) as unknown as Histogram;
  if (!Number.isFinite(h.totalCount) || h.totalCount < 0) throw new Error('its total count is not a count');
  fixMaxValue(h);
  return h;
}

/**
 * hdr-histogram-js 3.0.1 overstates `maxValue` by up to one bucket when lowestDiscernibleValue > 1
 * (it adds the unit magnitude mask where Java ORs it). `add()` trusts that value to size the
 * target, and with a max in the last bucket the merged total becomes NaN or the add throws. The
 * value at the 100th percentile is what Java's getMaxValue() returns, so set it to that.
 */
export function fixMaxValue(h: Histogram): void {
  h.maxValue = h.totalCount > 0 ? h.getValueAtPercentile(100) : 0;
}

export function newHistogram(significantDigits: number): Histogram {
  return hdr.build({
    bitBucketSize: 64,
    autoResize: true,
    lowestDiscernibleValue: 1,
    highestTrackableValue: 2,
    numberOfSignificantValueDigits: significantDigits as 1 | 2 | 3 | 4 | 5,
    useWebAssembly: false,
  }) as unknown as Histogram;
}

export function encodeHistogram(h: Histogram): string {
  return hdr.encodeIntoCompressedBase64(h as unknown as hdr.Histogram);
}

/**
 * Adds `src` (values in `srcUnit`) into `dst` (values in `dstUnit`, which must be the same or
 * finer). Same unit: HdrHistogram's own `add`, exact. Coarser source: every recorded bucket is
 * re-recorded at its highest equivalent value scaled to the finer unit, so the merged histogram
 * reports the same value the source would have for those samples.
 */
export function addScaled(dst: Histogram, dstUnit: HdrUnit, src: Histogram, srcUnit: HdrUnit): void {
  if (srcUnit === dstUnit) {
    if (!addCounts(dst, src)) dst.add(src as never);
    return;
  }
  const factor = PER_MS[dstUnit] / PER_MS[srcUnit];
  const it = src.recordedValuesIterator;
  it.reset();
  while (it.hasNext()) {
    const v = it.next();
    dst.recordValueWithCount(src.highestEquivalentValue(v.valueIteratedTo) * factor, v.countAtValueIteratedTo);
  }
}

/**
 * The merged histogram's precision is at least this many significant digits (HdrHistogram's usual
 * default, and what the Java reference merges its logs into), more if an input has more.
 */
export const MIN_MERGE_DIGITS = 3;

/**
 * Adds `src` into `dst` count by count when both have the same bucket layout (sub-bucket count and
 * unit magnitude): then index i means the same value range in both, whatever their lengths.
 * hdr-histogram-js's own add() takes that path only when the bucket counts are equal too, which
 * autoresized shards seldom are; its value-by-value path was 20 times slower on 1000 shards.
 * Returns false (nothing done) when the layouts differ.
 */
export function addCounts(dst: Histogram, src: Histogram): boolean {
  if (dst.subBucketCount !== src.subBucketCount || dst.unitMagnitude !== src.unitMagnitude) return false;
  if (src.totalCount === 0) return true;
  const highest = dst.highestEquivalentValue(dst.valueFromIndex(dst.countsArrayLength - 1));
  if (highest < src.maxValue) dst.resize(src.maxValue);
  let total = 0;
  const n = src.countsArrayLength;
  for (let i = 0; i < n; i++) {
    const c = src.getCountAtIndex(i);
    if (c > 0) {
      dst.addToCountAtIndex(i, c);
      total += c;
    }
  }
  dst.setTotalCount(dst.totalCount + total);
  dst.updatedMaxValue(Math.max(dst.maxValue, src.maxValue));
  dst.updateMinNonZeroValue(Math.min(dst.minNonZeroValue, src.minNonZeroValue));
  return true;
}

/** A running merge of histograms (and raw samples) in the finest unit seen. */
export class HistogramMerger {
  private acc: Histogram | null = null;
  private unit: HdrUnit = 'ms';

  get digits(): number {
    return this.acc?.numberOfSignificantValueDigits ?? MIN_MERGE_DIGITS;
  }
  get totalCount(): number {
    return this.acc?.totalCount ?? 0;
  }

  add(h: Histogram, unit: HdrUnit): void {
    if (this.acc === null) {
      this.acc = newHistogram(Math.max(MIN_MERGE_DIGITS, h.numberOfSignificantValueDigits));
      this.unit = unit;
    }
    if (PER_MS[unit] > PER_MS[this.unit] || h.numberOfSignificantValueDigits > this.acc.numberOfSignificantValueDigits) {
      // A finer unit or a more precise histogram arrived: move what we have into a histogram
      // that can hold both, so nothing already merged loses precision it had.
      const finer = PER_MS[unit] > PER_MS[this.unit] ? unit : this.unit;
      const next = newHistogram(Math.max(h.numberOfSignificantValueDigits, this.acc.numberOfSignificantValueDigits));
      addScaled(next, finer, this.acc, this.unit);
      this.acc = next;
      this.unit = finer;
    }
    addScaled(this.acc, this.unit, h, unit);
  }

  /** Records raw samples given in milliseconds, rounded to the histogram's unit. */
  addSamplesMs(samples: Float64Array): void {
    if (this.acc === null) {
      this.acc = newHistogram(MIN_MERGE_DIGITS);
      this.unit = 'us';
    } else if (PER_MS[this.unit] < PER_MS.us) {
      // raw samples carry sub-millisecond detail: a histogram in ms would round 300.4 to 300
      const finer = newHistogram(this.acc.numberOfSignificantValueDigits);
      addScaled(finer, 'us', this.acc, this.unit);
      this.acc = finer;
      this.unit = 'us';
    }
    const f = PER_MS[this.unit];
    for (let i = 0; i < samples.length; i++) this.acc.recordValue(Math.round(samples[i]! * f));
  }

  /** HdrHistogram's value at percentile, in milliseconds. */
  percentileMs(p: number): number {
    if (this.acc === null) throw new Error('no histogram was merged');
    return this.acc.getValueAtPercentile(p) / PER_MS[this.unit];
  }
}
