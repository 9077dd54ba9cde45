/**
 * HdrHistogram V2 compressed (base64) histograms: decode, merge, and read percentiles.
 *
 * Our own decoder into plain count arrays. Histograms are built, merged and read the way
 * hdr-histogram-js 3.0.1 (`JsHistogram`, a port of the Java reference) does: the bucket arithmetic
 * below is its code, float operations in the same order, so every count and every value at
 * percentile is the one it gives (the property tests in __tests__/hdr.test.ts hold the two side by
 * side). Building its histogram objects cost most of the time of a 1000-shard gate: one method call
 * per counter to fill them, three more passes to find their total, min and max.
 */
import { constants as zc, createInflate, inflateSync } from 'node:zlib';

export type HdrUnit = 'ns' | 'us' | 'ms';
export const HDR_UNITS: readonly HdrUnit[] = ['ns', 'us', 'ms'];
/** How many of each unit make one millisecond. */
export const PER_MS: Record<HdrUnit, number> = { ns: 1_000_000, us: 1_000, ms: 1 };

/** A decoded histogram of more counters than this is invalid (SPEC §2). */
export const MAX_HDR_COUNTERS = 2 ** 31;
/** A histogram whose payload inflates to more than this many bytes is invalid (SPEC §2). */
export const MAX_HDR_BYTES = 64 * 1024 * 1024;

const V2_COMPRESSED_COOKIE = 0x1c849304;
const V2_COOKIE = 0x1c849303;
const HEADER_BYTES = 40;

const { pow, floor, ceil, log2, max, min } = Math;

/**
 * Which value range each counter index stands for: HdrHistogram's buckets for a lowest
 * discernible value and a number of significant digits (JsHistogram's init()). Two layouts with
 * the same sub-bucket count and unit magnitude give index i the same meaning, whatever their
 * lengths.
 */
export class Layout {
  readonly unitMagnitude: number;
  readonly subBucketHalfCountMagnitude: number;
  readonly subBucketCount: number;
  readonly subBucketHalfCount: number;
  /** 2^unitMagnitude */
  readonly lowestRounded: number;

  constructor(
    readonly lowest: number,
    readonly digits: number,
  ) {
    const largestValueWithSingleUnitResolution = 2 * floor(pow(10, digits));
    this.unitMagnitude = floor(log2(lowest));
    this.lowestRounded = pow(2, this.unitMagnitude);
    const subBucketCountMagnitude = ceil(log2(largestValueWithSingleUnitResolution));
    this.subBucketHalfCountMagnitude = (subBucketCountMagnitude > 1 ? subBucketCountMagnitude : 1) - 1;
    this.subBucketCount = pow(2, this.subBucketHalfCountMagnitude + 1);
    this.subBucketHalfCount = this.subBucketCount / 2;
  }

  sameAs(o: Layout): boolean {
    return this.subBucketCount === o.subBucketCount && this.unitMagnitude === o.unitMagnitude;
  }

  /** The number of counters a histogram of this layout has to track values up to `highest`. */
  lengthFor(highest: number): number {
    let smallestUntrackableValue = this.subBucketCount * pow(2, this.unitMagnitude);
    let bucketsNeeded = 1;
    while (smallestUntrackableValue <= highest) {
      if (smallestUntrackableValue > Number.MAX_SAFE_INTEGER / 2) {
        bucketsNeeded++;
        break;
      }
      smallestUntrackableValue *= 2;
      bucketsNeeded++;
    }
    return (bucketsNeeded + 1) * (this.subBucketCount / 2);
  }

  private bucketIndex(value: number): number {
    return max(floor(log2(value)) - this.subBucketHalfCountMagnitude - this.unitMagnitude, 0);
  }
  private subBucketIndex(value: number, bucketIndex: number): number {
    return floor(value / pow(2, bucketIndex + this.unitMagnitude));
  }

  /** The counter of `value`. */
  index(value: number): number {
    if (value < 0) throw new Error('Histogram recorded value cannot be negative.');
    const bucketIndex = this.bucketIndex(value);
    const subBucketIndex = this.subBucketIndex(value, bucketIndex);
    return (bucketIndex + 1) * pow(2, this.subBucketHalfCountMagnitude) + (subBucketIndex - this.subBucketHalfCount);
  }

  /** The lowest value of counter `index`. */
  valueFromIndex(index: number): number {
    let bucketIndex = floor(index / this.subBucketHalfCount) - 1;
    let subBucketIndex = (index % this.subBucketHalfCount) + this.subBucketHalfCount;
    if (bucketIndex < 0) {
      subBucketIndex -= this.subBucketHalfCount;
      bucketIndex = 0;
    }
    return subBucketIndex * pow(2, bucketIndex + this.unitMagnitude);
  }

  lowestEquivalentValue(value: number): number {
    const bucketIndex = this.bucketIndex(value);
    return this.subBucketIndex(value, bucketIndex) * pow(2, bucketIndex + this.unitMagnitude);
  }

  private sizeOfEquivalentValueRange(value: number): number {
    const bucketIndex = this.bucketIndex(value);
    const subBucketIndex = this.subBucketIndex(value, bucketIndex);
    return pow(2, this.unitMagnitude + (subBucketIndex >= this.subBucketCount ? bucketIndex + 1 : bucketIndex));
  }

  highestEquivalentValue(value: number): number {
    return this.lowestEquivalentValue(value) + this.sizeOfEquivalentValueRange(value) - 1;
  }

  medianEquivalentValue(value: number): number {
    return this.lowestEquivalentValue(value) + floor(this.sizeOfEquivalentValueRange(value) / 2);
  }
}

/**
 * HdrHistogram's value at percentile over `counts` (JsHistogram.getValueAtPercentile): the
 * highest value equivalent to the first counter at which the running count reaches
 * max(1, ⌈p/100·total − 1 ulp⌉) (the ulp keeps float noise from skipping a count), the lowest
 * one for p = 0; 0 when the counts never reach it.
 */
export function valueAtPercentile(layout: Layout, counts: Float64Array, total: number, percentile: number): number {
  const fp = (min(percentile, 100) / 100.0) * total;
  const countAtPercentile = max(ceil(fp - pow(2, floor(log2(fp)) - 52)), 1);
  let running = 0;
  for (let i = 0; i < counts.length; i++) {
    running += counts[i]!;
    if (running >= countAtPercentile) {
      const v = layout.valueFromIndex(i);
      return percentile === 0.0 ? layout.lowestEquivalentValue(v) : layout.highestEquivalentValue(v);
    }
  }
  return 0;
}

/**
 * A decoded histogram: its layout, and its counts as the payload's words, checked and summed
 * once, expanded into counters where needed (into the merge's own array, mostly). A thousand
 * shards of a few kilobytes each would otherwise each hold (and allocate, zeroed) an array of
 * every counter up to their highest: that allocation alone was half the decoding time.
 */
export class Histogram {
  /** What JsHistogram's getMaxValue() gives after a decode: the value at the 100th percentile. */
  readonly maxValue: number;
  private expanded: Float64Array | null = null;

  constructor(
    readonly layout: Layout,
    /** the payload's ZigZag LEB128 words, every one within the layout */
    private readonly words: Uint8Array,
    readonly totalCount: number,
    /** the highest non-zero counter, -1 if none */
    readonly lastIndex: number,
    /** the first non-zero counter past counter 0, -1 if none */
    readonly minNonZeroIndex: number,
    /** the count of counter 0 (values below the unit), read by every file's agreement check */
    private readonly zeroCount: number,
  ) {
    if (totalCount <= 0) this.maxValue = 0;
    else if (totalCount < 2 ** 52) {
      // The 100th percentile's count is then the total itself (its ulp is under 1, so ⌈total −
      // ulp⌉ = total), first reached at the last non-zero counter: no pass needed.
      this.maxValue = layout.highestEquivalentValue(layout.valueFromIndex(lastIndex));
    } else this.maxValue = this.getValueAtPercentile(100);
  }

  /** Every counter up to the highest non-zero one. */
  get counts(): Float64Array {
    if (this.expanded === null) {
      const counts = new Float64Array(this.lastIndex + 1);
      this.addTo(counts); // from the words: `expanded` is still null
      this.expanded = counts;
    }
    return this.expanded;
  }

  /**
   * Adds each count to `dst` at its index (dst holds at least lastIndex + 1 counters) and
   * returns their sum: the decode's total, summed over the same counts in the same (index) order,
   * so the same number to the last bit without a second sum here. The words were checked by the
   * decode: no bound here.
   */
  addTo(dst: Float64Array): number {
    if (this.expanded !== null) {
      const c = this.expanded;
      for (let i = 0; i < c.length; i++) dst[i]! += c[i]!;
      return this.totalCount;
    }
    const w = this.words;
    const end = w.length;
    let at = 0;
    let index = 0;
    while (at < end) {
      let b = w[at++]!;
      if (b < 0x80) {
        if ((b & 1) === 0) {
          if (b !== 0) dst[index]! += b >> 1;
          index++;
        } else index += (b + 1) >> 1;
        continue;
      }
      let value = b & 0x7f;
      let scale = 128;
      for (let k = 1; k < 9; k++) {
        b = w[at++]!;
        value += (k < 8 ? b & 0x7f : b) * scale;
        scale *= 128;
        if (k < 8 && (b & 0x80) === 0) break;
      }
      if (value % 2 === 0) {
        if (value !== 0) dst[index]! += value / 2;
        index++;
      } else index += (value + 1) / 2;
    }
    return this.totalCount;
  }

  get numberOfSignificantValueDigits(): number {
    return this.layout.digits;
  }
  /** JsHistogram's minNonZeroValue after a decode (Number.MAX_VALUE when only counter 0 holds counts). */
  get minNonZeroValue(): number {
    if (this.minNonZeroIndex < 0) return Number.MAX_VALUE;
    const v = this.layout.valueFromIndex(this.minNonZeroIndex);
    if (v <= this.layout.lowestRounded - 1) return Number.MAX_VALUE;
    return floor(v / this.layout.lowestRounded) * this.layout.lowestRounded;
  }
  /** JsHistogram's mean: each counter at the middle of its value range. */
  get mean(): number {
    if (this.totalCount === 0) return 0;
    let sum = 0;
    const l = this.layout;
    const counts = this.counts;
    for (let i = 0; i < counts.length; i++) {
      const c = counts[i]!;
      if (c !== 0) sum += l.medianEquivalentValue(l.highestEquivalentValue(l.valueFromIndex(i))) * c;
    }
    return sum / this.totalCount;
  }
  getCountAtIndex(i: number): number {
    if (i === 0) return this.zeroCount; // without expanding the words
    return i <= this.lastIndex ? this.counts[i]! : 0;
  }
  getValueAtPercentile(p: number): number {
    return valueAtPercentile(this.layout, this.counts, this.totalCount, p);
  }
  lowestEquivalentValue(v: number): number {
    return this.layout.lowestEquivalentValue(v);
  }
  highestEquivalentValue(v: number): number {
    return this.layout.highestEquivalentValue(v);
  }
}

/**
 * Decodes a base64 V2 compressed histogram; throws with the reason when it cannot. Untrusted
 * input, so every size is checked before work is spent on it: the compressed length against the
 * bytes there are, the inflated size against {@link MAX_HDR_BYTES} while inflating (zlib stops
 * there), the header's payload length against what was inflated, and every count against the
 * bucket layout the header declares (a count past the header's highest trackable value would be
 * dropped silently by the reference decoders). 64-bit (Float64) counts: 32-bit counts wrap past
 * 2^32. Nothing is allocated for the counters: the words are kept, expanded where used.
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
  let raw: Buffer | null = inflateReused(bytes, 8, compressed);
  try {
    // what the shared inflater does not vouch for (an error, more than 64 MiB, no inflater): the
    // ordinary way, for its verdict
    raw ??= inflateSync(bytes.subarray(8, 8 + compressed), { maxOutputLength: MAX_HDR_BYTES });
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
  // Java's `new Histogram(1, Long.MAX_VALUE, 3)` declares 2^63 − 1 (read here as 2^63): a valid
  // header. Counters are laid out up to 2^53 (lengthFor), past which no value is exact anyway; a
  // count recorded there does not fit, and is said so.
  if (!(lowest >= 1 && highest >= 2 * lowest && highest <= 2 ** 63)) {
    throw new Error(`its header declares a value range [${lowest}, ${highest}] no histogram has`);
  }
  const layout = new Layout(lowest, digits);
  const length = layout.lengthFor(highest);
  // the counts: ZigZag LEB128 words (at most 9 bytes), a negative word a run of zeros
  let at = HEADER_BYTES;
  const end = HEADER_BYTES + payload;
  let index = 0;
  let misfit = false;
  let total = 0;
  let last = -1;
  let minNonZero = -1;
  let zero = 0;
  while (at < end) {
    let b = raw[at++]!;
    let value: number;
    if (b < 0x80) {
      // one-byte words are most of them (counts under 64, runs under 65): integer arithmetic
      if ((b & 1) === 0) {
        if (++index > MAX_HDR_COUNTERS) throw new Error(`it decodes to more than 2^31 counters`);
        if (index > length) misfit = true;
        else if (b !== 0) {
          const i = index - 1;
          total += b >> 1;
          last = i;
          if (i === 0) zero = b >> 1;
          else if (minNonZero === -1) minNonZero = i;
        }
        continue;
      }
      value = b;
    } else {
      value = b & 0x7f;
      let scale = 128;
      for (let k = 1; k < 9; k++) {
        if (at >= end) throw new Error('its payload ends inside a count');
        b = raw[at++]!;
        value += (k < 8 ? b & 0x7f : b) * scale;
        scale *= 128;
        if (k < 8 && (b & 0x80) === 0) break;
      }
    }
    const count = value % 2 === 0 ? value / 2 : -(value + 1) / 2;
    // every word, a count or a run of zeros, adds counters; checked before they are stored
    index += count < 0 ? -count : 1;
    if (index > MAX_HDR_COUNTERS) throw new Error(`it decodes to more than 2^31 counters`);
    if (index > length)
      misfit = true; // said once the payload's counters are known to be at most 2^31
    else if (count > 0) {
      const i = index - 1;
      total += count; // in index order, as the reference sums it
      last = i;
      if (i === 0) zero = count;
      else if (minNonZero === -1) minNonZero = i;
    }
  }
  if (misfit) {
    throw new Error(
      `its counts do not fit its own header (highest trackable value ${highest}: ${length} counters, the payload has ${index})`,
    );
  }
  if (!Number.isFinite(total) || total < 0) throw new Error('its total count is not a count');
  // a copy: `raw` may be the shared inflater's buffer, which the next histogram overwrites
  return new Histogram(layout, Uint8Array.prototype.slice.call(raw, HEADER_BYTES, end), total, last, minNonZero, zero);
}

/** The part of node:zlib's native handle {@link inflateReused} drives (what inflateSync drives too). */
interface ZlibHandle {
  writeSync(flush: number, input: Uint8Array, inOff: number, inLen: number, out: Uint8Array, outOff: number, outLen: number): void;
  reset(): void;
  close(): void;
  onerror: ((message: string, errno: number) => void) | undefined;
}

/**
 * One zlib inflater for every histogram. inflateSync builds a stream object and a zlib state per
 * call: over a thousand shards that cost more than the inflating (~60 µs a histogram). Here one
 * native handle, the one a node:zlib Inflate drives, is reset between histograms (inflateReset)
 * and writes into one growing buffer. `undefined`: not made yet; null: not available on this Node
 * (then every histogram takes inflateSync).
 */
let shared: { handle: ZlibHandle; state: Uint32Array; failed: boolean } | null | undefined;
let sharedOut = Buffer.allocUnsafe(0);
/** The most the shared inflater's buffer grows to (histograms of the bench inflate to ~4 KiB). */
const SHARED_MAX_BYTES = 1024 * 1024;

/**
 * `len` bytes of `input` from `at` inflated (a zlib stream), into the shared buffer (valid until
 * the next call); null when it fails to inflate, inflates to more than {@link MAX_HDR_BYTES}, or
 * no shared inflater can be had: the caller then takes inflateSync, whose verdict stands.
 */
function inflateReused(input: Uint8Array, at: number, len: number): Buffer | null {
  if (shared === undefined) {
    shared = null;
    try {
      const z = createInflate() as unknown as { _handle?: ZlibHandle; _writeState?: Uint32Array };
      const handle = z._handle;
      const state = z._writeState;
      if (handle && typeof handle.writeSync === 'function' && typeof handle.reset === 'function' && state instanceof Uint32Array) {
        const s = { handle, state, failed: false };
        handle.onerror = () => {
          s.failed = true;
        };
        shared = s;
      }
    } catch {
      /* no shared inflater: inflateSync for every histogram */
    }
  }
  const z = shared;
  if (z === null) return null;
  if (sharedOut.length < 64 * 1024) sharedOut = Buffer.allocUnsafe(64 * 1024);
  let out = sharedOut;
  let inOff = at;
  let inLen = len;
  let outOff = 0;
  z.failed = false;
  try {
    for (;;) {
      z.handle.writeSync(zc.Z_FINISH, input, inOff, inLen, out, outOff, out.length - outOff);
      if (z.failed) break;
      const availOut = z.state[0]!;
      const availIn = z.state[1]!;
      outOff = out.length - availOut;
      inOff += inLen - availIn;
      inLen = availIn;
      // room left in the output: the stream ended (a truncated one is an error, above)
      if (availOut > 0) {
        z.handle.reset();
        sharedOut = out;
        return out.subarray(0, outOff);
      }
      // the output is full: more room, up to SHARED_MAX_BYTES; a bigger histogram (rare; a
      // crafted one up to the 64 MiB cap) takes inflateSync, from the start
      if (out.length >= SHARED_MAX_BYTES) {
        z.handle.reset();
        return null;
      }
      const grown = Buffer.allocUnsafe(Math.min(out.length * 4, SHARED_MAX_BYTES));
      out.copy(grown, 0, 0, outOff);
      out = grown;
    }
  } catch {
    z.failed = true;
  }
  // failed: this handle is not used again (its state is the error's)
  shared = undefined;
  try {
    z.handle.close();
  } catch {
    /* closed already */
  }
  return null;
}

/** A big-endian signed 64-bit integer as a number (exact up to 2^53; the sign kept beyond). */
function readInt64(b: Buffer, at: number): number {
  return b.readInt32BE(at) * 2 ** 32 + b.readUInt32BE(at + 4);
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

/**
 * The merged histogram's precision is at least this many significant digits (HdrHistogram's usual
 * default, and what the Java reference merges its logs into), more if an input has more.
 */
export const MIN_MERGE_DIGITS = 3;

/**
 * A histogram being merged into: lowest discernible value 1, growing as values arrive (an
 * autoresizing JsHistogram). `top` is its highest non-zero counter.
 */
class Accumulator {
  readonly layout: Layout;
  counts: Float64Array;
  total = 0;
  top = -1;

  constructor(digits: number) {
    this.layout = new Layout(1, digits);
    this.counts = new Float64Array(this.layout.lengthFor(2));
  }

  private grow(index: number, value: number): void {
    const grown = new Float64Array(max(this.layout.lengthFor(value), index + 1));
    grown.set(this.counts);
    this.counts = grown;
  }

  /** recordValueWithCount(value, count) */
  record(value: number, count: number): void {
    const i = this.layout.index(value);
    if (i >= this.counts.length) this.grow(i, value);
    this.counts[i]! += count;
    this.total += count;
    if (i > this.top) this.top = i;
  }

  /**
   * Adds `counts` of the same layout index by index (JsHistogram.add's fast path, taken here
   * whatever the two lengths are: autoresized shards seldom have the same).
   */
  addSameLayout(h: Histogram): void {
    const top = h.lastIndex;
    if (top < 0) return;
    if (top >= this.counts.length) this.grow(top, this.layout.valueFromIndex(top));
    this.total += h.addTo(this.counts);
    if (top > this.top) this.top = top;
  }

  /**
   * Adds counts of another layout, each at the lowest value of its counter (JsHistogram.add's
   * value-by-value path: the highest counter first, then the others in order).
   */
  addByValue(layout: Layout, counts: Float64Array, top: number): void {
    if (top < 0) return;
    this.record(layout.valueFromIndex(top), counts[top]!);
    for (let i = 0; i < top; i++) {
      const c = counts[i]!;
      if (c > 0) this.record(layout.valueFromIndex(i), c);
    }
  }

  /**
   * Adds counts in a coarser unit: each counter at its highest equivalent value times `factor`
   * (what the source would have reported for those values, in the finer unit).
   */
  addScaled(layout: Layout, counts: Float64Array, factor: number): void {
    for (let i = 0; i < counts.length; i++) {
      const c = counts[i]!;
      if (c !== 0) this.record(layout.highestEquivalentValue(layout.highestEquivalentValue(layout.valueFromIndex(i))) * factor, c);
    }
  }

  /** The highest value equivalent to the highest non-zero counter (0 when empty). */
  highestValue(): number {
    return this.top < 0 ? 0 : this.layout.highestEquivalentValue(this.layout.valueFromIndex(this.top));
  }
}

/** A running merge of histograms (and raw samples) in the finest unit seen. */
export class HistogramMerger {
  private acc: Accumulator | null = null;
  private unit: HdrUnit = 'ms';

  get digits(): number {
    return this.acc?.layout.digits ?? MIN_MERGE_DIGITS;
  }
  get totalCount(): number {
    return this.acc?.total ?? 0;
  }

  add(h: Histogram, unit: HdrUnit): void {
    const digits = h.layout.digits;
    if (this.acc === null) {
      this.acc = new Accumulator(max(MIN_MERGE_DIGITS, digits));
      this.unit = unit;
    }
    if (PER_MS[unit] > PER_MS[this.unit] || digits > this.acc.layout.digits) {
      // A finer unit or a more precise histogram arrived: move what we have into a histogram
      // that can hold both, so nothing already merged loses precision it had.
      const finer = PER_MS[unit] > PER_MS[this.unit] ? unit : this.unit;
      const next = new Accumulator(max(digits, this.acc.layout.digits));
      const from = this.acc;
      checkRange(from.highestValue() * (PER_MS[finer] / PER_MS[this.unit]), finer);
      const counts = from.counts.subarray(0, from.top + 1);
      if (finer === this.unit) next.addByValue(from.layout, counts, from.top);
      else next.addScaled(from.layout, counts, PER_MS[finer] / PER_MS[this.unit]);
      this.acc = next;
      this.unit = finer;
    }
    const acc = this.acc;
    const factor = PER_MS[this.unit] / PER_MS[unit];
    checkRange(h.highestEquivalentValue(h.maxValue) * factor, this.unit);
    if (unit !== this.unit) acc.addScaled(h.layout, h.counts, factor);
    else if (acc.layout.sameAs(h.layout)) acc.addSameLayout(h);
    // from the counter of maxValue, as JsHistogram.add does (the last one unless 2^53 counts blur it)
    else acc.addByValue(h.layout, h.counts, min(h.layout.index(h.maxValue), h.lastIndex));
  }

  /** Records raw samples given in milliseconds, rounded to the histogram's unit. */
  addSamplesMs(samples: Float64Array): void {
    if (this.acc === null) {
      this.acc = new Accumulator(MIN_MERGE_DIGITS);
      this.unit = 'us';
    } else if (PER_MS[this.unit] < PER_MS.us) {
      // raw samples carry sub-millisecond detail: a histogram in ms would round 300.4 to 300
      const from = this.acc;
      const finer = new Accumulator(from.layout.digits);
      const factor = PER_MS.us / PER_MS[this.unit];
      checkRange(from.highestValue() * factor, 'us');
      finer.addScaled(from.layout, from.counts.subarray(0, from.top + 1), factor);
      this.acc = finer;
      this.unit = 'us';
    }
    const acc = this.acc;
    const f = PER_MS[this.unit];
    let top = 0;
    for (let i = 0; i < samples.length; i++) if (samples[i]! > top) top = samples[i]!;
    checkRange(Math.round(top * f), this.unit);
    for (let i = 0; i < samples.length; i++) acc.record(Math.round(samples[i]! * f), 1);
  }

  /**
   * The values at 1-based ranks (ascending or not) in milliseconds, to the histogram's precision:
   * the lowest (`low[i]`) or highest value equivalent to the counter that holds rank `ranks[i]`.
   * One pass over the counters for all of them.
   */
  valuesAtRanksMs(ranks: readonly number[], low: readonly boolean[]): number[] {
    if (this.acc === null) throw new Error('no histogram was merged');
    const { layout, counts, top } = this.acc;
    const order = ranks.map((_, i) => i).sort((a, b) => ranks[a]! - ranks[b]!);
    const out = new Array<number>(ranks.length).fill(0);
    let running = 0;
    let j = 0;
    for (let i = 0; i <= top && j < order.length; i++) {
      running += counts[i]!;
      while (j < order.length && running >= ranks[order[j]!]!) {
        const v = layout.valueFromIndex(i);
        const k = order[j++]!;
        out[k] = (low[k] ? layout.lowestEquivalentValue(v) : layout.highestEquivalentValue(v)) / PER_MS[this.unit];
      }
    }
    return out;
  }

  /** HdrHistogram's value at percentile, in milliseconds. */
  percentileMs(p: number): number {
    if (this.acc === null) throw new Error('no histogram was merged');
    const acc = this.acc;
    return valueAtPercentile(acc.layout, acc.counts.subarray(0, acc.top + 1), acc.total, p) / PER_MS[this.unit];
  }
}
