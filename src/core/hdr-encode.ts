/**
 * Recording HdrHistogram values and encoding them as V2 compressed base64 (SPEC §2 `hdr_histogram`),
 * for the built-in producers (`evalgate bench http`). The counterpart of the decoder in hdr.ts,
 * with the same bucket layout (its {@link Layout}): what is recorded here decodes there, and in
 * every reference implementation, to the same counts (__tests__/hdr-encode.test.ts holds it
 * against hdr-histogram-js both ways).
 *
 * Layout of an encoding (HdrHistogram's `encodeIntoCompressedByteBuffer`):
 *   outer: int32 cookie 0x1c849314 | int32 compressed length | zlib(inner)
 *   inner: int32 cookie 0x1c849313 | int32 payload length | int32 normalizing offset (0) |
 *          int32 significant digits | int64 lowest | int64 highest | float64 ratio (1.0) | payload
 *   payload: each counter up to the last non-zero one as a ZigZag LEB128 word; a run of k zero
 *            counters is one word, −k.
 */
import { deflateSync } from 'node:zlib';
import { Layout, valueAtPercentile } from './hdr.js';

const V2_COMPRESSED_COOKIE = 0x1c849304 | 0x10;
const V2_COOKIE = 0x1c849303 | 0x10;
const HEADER_BYTES = 40;

/**
 * An autoresizing histogram of non-negative integers (lowest discernible value 1), 64-bit counts
 * (Float64, exact to 2^53).
 */
export class HistogramRecorder {
  readonly layout: Layout;
  private counts: Float64Array;
  totalCount = 0;
  /** highest non-zero counter, -1 when empty */
  private top = -1;
  minValue = Number.POSITIVE_INFINITY;
  maxValue = 0;

  constructor(readonly digits = 3) {
    this.layout = new Layout(1, digits);
    this.counts = new Float64Array(this.layout.lengthFor(2 ** 20));
  }

  /** Records `value` (rounded to an integer, negative values as 0) `count` times. */
  record(value: number, count = 1): void {
    const v = value > 0 ? Math.round(value) : 0;
    const i = this.layout.index(v);
    if (i >= this.counts.length) {
      const grown = new Float64Array(Math.max(this.layout.lengthFor(v), i + 1));
      grown.set(this.counts);
      this.counts = grown;
    }
    this.counts[i]! += count;
    this.totalCount += count;
    if (i > this.top) this.top = i;
    if (v < this.minValue) this.minValue = v;
    if (v > this.maxValue) this.maxValue = v;
  }

  /** Adds every count of `other` (same digits): the union of both recordings. */
  add(other: HistogramRecorder): void {
    if (other.digits !== this.digits) throw new Error('histograms of different precision');
    for (let i = 0; i <= other.top; i++) {
      const c = other.counts[i]!;
      if (c !== 0) this.record(this.layout.valueFromIndex(i), c);
    }
    this.minValue = Math.min(this.minValue, other.minValue);
    this.maxValue = Math.max(this.maxValue, other.maxValue);
  }

  /** HdrHistogram's value at percentile (0 when empty). */
  valueAtPercentile(p: number): number {
    return valueAtPercentile(this.layout, this.counts.subarray(0, this.top + 1), this.totalCount, p);
  }

  /** Every non-zero counter as [lowest value of its bucket, count], in value order. */
  *buckets(): Generator<[number, number]> {
    for (let i = 0; i <= this.top; i++) if (this.counts[i] !== 0) yield [this.layout.valueFromIndex(i), this.counts[i]!];
  }

  /** The V2 compressed encoding, base64. */
  encode(): string {
    const words: number[] = [];
    let zeros = 0;
    for (let i = 0; i <= this.top; i++) {
      const c = this.counts[i]!;
      if (c === 0) {
        zeros++;
        continue;
      }
      if (zeros > 0) {
        words.push(-zeros);
        zeros = 0;
      }
      words.push(c);
    }
    const payload = Buffer.allocUnsafe(words.length * 9);
    let at = 0;
    for (const w of words) {
      // ZigZag on numbers (exact to 2^53): n ≥ 0 → 2n, −k → 2k − 1; then LEB128, 7 bits a byte
      let z = w >= 0 ? w * 2 : -w * 2 - 1;
      while (z >= 0x80) {
        payload[at++] = (z % 0x80) | 0x80;
        z = Math.floor(z / 0x80);
      }
      payload[at++] = z;
    }
    const inner = Buffer.alloc(HEADER_BYTES + at);
    inner.writeInt32BE(V2_COOKIE, 0);
    inner.writeInt32BE(at, 4);
    inner.writeInt32BE(0, 8);
    inner.writeInt32BE(this.digits, 12);
    inner.writeBigInt64BE(1n, 16);
    // the highest trackable value: the top of the last non-zero counter's range (at least 2)
    const highest = this.top < 0 ? 2 : Math.max(2, this.layout.highestEquivalentValue(this.layout.valueFromIndex(this.top)));
    inner.writeBigInt64BE(BigInt(highest), 24);
    inner.writeDoubleBE(1.0, 32);
    payload.copy(inner, HEADER_BYTES, 0, at);
    const compressed = deflateSync(inner);
    const outer = Buffer.allocUnsafe(8 + compressed.length);
    outer.writeInt32BE(V2_COMPRESSED_COOKIE, 0);
    outer.writeInt32BE(compressed.length, 4);
    compressed.copy(outer, 8);
    return outer.toString('base64');
  }
}
