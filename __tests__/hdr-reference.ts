/**
 * The reference for src/core/hdr.ts: the hdr_histogram path evalgate had before its own decoder
 * (issue #17), built on hdr-histogram-js's JsHistogram objects, kept verbatim so the property
 * tests hold the new decoder, merge and percentiles against it. Also the helpers tests use to
 * write histograms (hdr-histogram-js's encoder, as producers of indicator files would).
 */
import { inflateSync } from 'node:zlib';
import * as hdr from 'hdr-histogram-js';

/** The parts of hdr-histogram-js's JsHistogram used here (its `JsHistogram` type is not exported). */
export interface HistogramIterationValue {
  valueIteratedTo: number;
  countAtValueIteratedTo: number;
}
export interface JsHistogram {
  readonly totalCount: number;
  /** writable: see fixMaxValue in hdr.ts */
  maxValue: number;
  readonly minNonZeroValue: number;
  readonly numberOfSignificantValueDigits: number;
  recordValue(value: number): void;
  recordValueWithCount(value: number, count: number): void;
  getValueAtPercentile(percentile: number): number;
  highestEquivalentValue(value: number): number;
  add(other: never): void;
  recordedValuesIterator: { reset(): void; hasNext(): boolean; next(): HistogramIterationValue };
  // internals of JsHistogram used by addCounts (public in its JS, absent from its Histogram type)
  readonly countsArrayLength: number;
  readonly subBucketCount: number;
  readonly unitMagnitude: number;
  getCountAtIndex(index: number): number;
  setCountAtIndex(index: number, value: number): void;
  establishInternalTackingValues(lengthToCover?: number): void;
  addToCountAtIndex(index: number, value: number): void;
  setTotalCount(total: number): void;
  updatedMaxValue(value: number): void;
  updateMinNonZeroValue(value: number): void;
  valueFromIndex(index: number): number;
  resize(newHighestTrackableValue: number): void;
}

export type HdrUnit = 'ns' | 'us' | 'ms';
export const HDR_UNITS: readonly HdrUnit[] = ['ns', 'us', 'ms'];
/** How many of each unit make one millisecond. */
export const PER_MS: Record<HdrUnit, number> = { ns: 1_000_000, us: 1_000, ms: 1 };

export type Histogram = JsHistogram;

/** A decoded histogram of more counters than this is invalid (SPEC §2). */
export const MAX_HDR_COUNTERS = 2 ** 31;
/** A histogram whose payload inflates to more than this many bytes is invalid (SPEC §2). */
export const MAX_HDR_BYTES = 64 * 1024 * 1024;

const V2_COMPRESSED_COOKIE = 0x1c849304;
const V2_COOKIE = 0x1c849303;
const HEADER_BYTES = 40;

/**
 * Decodes a base64 V2 compressed histogram; throws with the reason when it cannot. Untrusted
 * input, so every size is checked before work is spent on it: the compressed length against the
 * bytes there are, the inflated size against {@link MAX_HDR_BYTES} while inflating (zlib stops
 * there), the header's payload length against what was inflated, and every count against the
 * bucket layout the header declares (a count past the header's highest trackable value would be
 * dropped silently by the library). 64-bit (Float64) counts: 32-bit counts wrap past 2^32.
 */
export function decodeHistogram(base64: string): Histogram {
  const text = base64.trim();
  if (text.length % 4 !== 0) throw new Error('Invalid string. Length must be a multiple of 4');
  if (/[^A-Za-z0-9+/=]/.test(text)) throw new Error('it is not base64');
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length < 8) throw new Error('it is too short for a histogram');
  const cookie = bytes.readInt32BE(0);
  if ((cookie & ~0xf0) !== V2_COMPRESSED_COOKIE) throw new Error('Encoding not supported, only V2 is supported');
  const compressed = bytes.readInt32BE(4);
  if (compressed <= 0 || compressed > bytes.length - 8) {
    throw new Error(`its header declares ${compressed} compressed bytes, ${bytes.length - 8} are there`);
  }
  let raw: Buffer;
  try {
    raw = inflateSync(bytes.subarray(8, 8 + compressed), { maxOutputLength: MAX_HDR_BYTES });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw new Error(`it decodes to more than ${MAX_HDR_BYTES / 2 ** 20} MiB`);
    throw new Error('its compressed payload does not inflate');
  }
  if (raw.length < HEADER_BYTES || (raw.readInt32BE(0) & ~0xf0) !== V2_COOKIE) throw new Error('no V2 histogram header in its payload');
  let payload = raw.readInt32BE(4);
  // some HdrHistogram_c versions counted the 40 header bytes into the payload length
  if (payload === raw.length && payload >= HEADER_BYTES) payload -= HEADER_BYTES;
  const digits = raw.readInt32BE(12);
  const lowest = readInt64(raw, 16);
  const highest = readInt64(raw, 24);
  if (payload < 0 || HEADER_BYTES + payload > raw.length) {
    throw new Error(`its header declares a payload of ${payload} bytes, ${raw.length - HEADER_BYTES} are there`);
  }
  if (!(digits >= 0 && digits <= 5)) throw new Error(`its header declares ${digits} significant digits (0 to 5 are valid)`);
  if (!(lowest >= 1 && highest >= 2 * lowest && highest <= Number.MAX_SAFE_INTEGER)) {
    throw new Error(`its header declares a value range [${lowest}, ${highest}] no histogram has`);
  }
  const h = hdr.build({
    bitBucketSize: 64,
    autoResize: false,
    lowestDiscernibleValue: lowest,
    highestTrackableValue: highest,
    numberOfSignificantValueDigits: digits as 1 | 2 | 3 | 4 | 5,
    useWebAssembly: false,
  }) as unknown as Histogram;
  const length = h.countsArrayLength;
  // the counts: ZigZag LEB128 words (at most 9 bytes), a negative word a run of zeros
  let at = HEADER_BYTES;
  const end = HEADER_BYTES + payload;
  let index = 0;
  let misfit = false;
  while (at < end) {
    let value = 0;
    let scale = 1;
    let b = 0;
    for (let k = 0; k < 9; k++) {
      if (at >= end) throw new Error('its payload ends inside a count');
      b = raw[at++]!;
      value += (k < 8 ? b & 0x7f : b) * scale;
      scale *= 128;
      if (k < 8 && (b & 0x80) === 0) break;
    }
    const count = value % 2 === 0 ? value / 2 : -(value + 1) / 2;
    // every word, a count or a run of zeros, adds counters; checked before they are stored
    index += count < 0 ? -count : 1;
    if (index > MAX_HDR_COUNTERS) throw new Error(`it decodes to more than 2^31 counters`);
    if (index > length)
      misfit = true; // said once the payload's counters are known to be at most 2^31
    else if (count > 0) h.setCountAtIndex(index - 1, count);
  }
  if (misfit) {
    throw new Error(
      `its counts do not fit its own header (highest trackable value ${highest}: ${length} counters, the payload has ${index})`,
    );
  }
  h.establishInternalTackingValues(index);
  if (!Number.isFinite(h.totalCount) || h.totalCount < 0) throw new Error('its total count is not a count');
  fixMaxValue(h);
  return h;
}

/** A big-endian signed 64-bit integer as a number (exact up to 2^53; the sign kept beyond). */
function readInt64(b: Buffer, at: number): number {
  return b.readInt32BE(at) * 2 ** 32 + b.readUInt32BE(at + 4);
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
  checkRange(src.highestEquivalentValue(src.maxValue) * (PER_MS[dstUnit] / PER_MS[srcUnit]), dstUnit);
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

/**
 * A value a merged histogram cannot hold exactly: HdrHistogram indexes values in float arithmetic,
 * exact up to 2^53 in the histogram's unit. Beyond that (samples_ms of 1e300 recorded next to a
 * histogram) the merge would be garbage, so it is refused.
 */
export class HistogramRangeError extends Error {
  constructor(
    readonly valueMs: number,
    readonly maxMs: number,
  ) {
    super(`a latency of ${valueMs} ms cannot be merged into a histogram (at most ${maxMs} ms)`);
  }
}

const checkRange = (value: number, unit: HdrUnit): void => {
  if (!(value <= Number.MAX_SAFE_INTEGER))
    throw new HistogramRangeError(value / PER_MS[unit], Math.floor(Number.MAX_SAFE_INTEGER / PER_MS[unit]));
};

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
    let max = 0;
    for (let i = 0; i < samples.length; i++) if (samples[i]! > max) max = samples[i]!;
    checkRange(Math.round(max * f), this.unit);
    for (let i = 0; i < samples.length; i++) this.acc.recordValue(Math.round(samples[i]! * f));
  }

  /** HdrHistogram's value at percentile, in milliseconds. */
  percentileMs(p: number): number {
    if (this.acc === null) throw new Error('no histogram was merged');
    return this.acc.getValueAtPercentile(p) / PER_MS[this.unit];
  }
}
