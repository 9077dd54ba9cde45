/**
 * Exact nearest-rank percentiles over raw samples: the smallest sample with at least p% of all
 * samples at or below it, i.e. the sample of rank ⌈p·N/100⌉ (1-based) in sorted order.
 *
 * The rank is computed in integer arithmetic on p given in hundredths of a percent, so that
 * 99 × 100 / 100 never becomes 98.99999 (and the rank 99) through floating point.
 */
export function nearestRank(p: number, n: number): number {
  if (n <= 0) throw new Error('no samples');
  const hundredths = Math.round(p * 100); // p = 99.9 -> 9990
  // ⌈hundredths·N / 10000⌉ exactly: both factors are integers well below 2^53 / 10^4 for N ≤ 10^11.
  const num = hundredths * n;
  const rank = Math.floor((num + 9999) / 10000);
  return Math.min(Math.max(rank, 1), n);
}

/**
 * The values at several percentiles of `values` (the array is reordered in place).
 * Quickselect (Hoare partition, median-of-three pivots) for each rank in ascending order, each
 * search starting where the previous one left off: O(N) on average, no full sort.
 */
export function percentilesOf(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  const ranks = ps.map((p) => nearestRank(p, n) - 1);
  const order = ranks.map((_, i) => i).sort((a, b) => ranks[a]! - ranks[b]!);
  const out = new Array<number>(ps.length);
  let lo = 0;
  for (const idx of order) {
    const k = ranks[idx]!;
    select(values, lo, n - 1, k);
    out[idx] = values[k]!;
    lo = k; // everything before k is ≤ values[k]
  }
  return out;
}

function select(a: Float64Array, left: number, right: number, k: number): void {
  let lo = left;
  let hi = right;
  let rounds = 0;
  while (hi > lo) {
    if (++rounds > 64) {
      // introselect's guard: a pathological input that keeps pivots bad gets a real sort.
      a.subarray(lo, hi + 1).sort();
      return;
    }
    if (hi - lo < 16) {
      insertionSort(a, lo, hi);
      return;
    }
    const mid = lo + ((hi - lo) >> 1);
    // median of three as pivot
    if (a[mid]! < a[lo]!) swap(a, mid, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[hi]! < a[mid]!) swap(a, hi, mid);
    const pivot = a[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return; // j < k < i: a[k] equals the pivot
  }
}

function insertionSort(a: Float64Array, lo: number, hi: number): void {
  for (let i = lo + 1; i <= hi; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= lo && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** Candidates gathered for a quickselect at most (8-byte floats: 8 MiB), else one more radix level. */
const GATHER_LIMIT = 1 << 20;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * {@link percentilesOf} over samples held in several arrays (one per file), without copying them
 * into one: a copy would double the memory of the largest input there is (SPEC §8: the samples as
 * 8-byte floats plus 2× the largest file). Values are ≥ 0 (or -0, read as 0), so their IEEE 754
 * bit patterns, read as unsigned integers, sort as the values do. A radix selection over those
 * bits (16 at a time, one counting pass each) narrows each rank to the samples sharing a prefix;
 * once at most `gatherLimit` are left they are copied out and quickselected (tests lower it to
 * reach every level). Exact: the value of
 * rank ⌈p·N/100⌉, the same as sorting all the samples.
 */
export function percentilesOfChunks(chunks: readonly Float64Array[], ps: readonly number[], gatherLimit = GATHER_LIMIT): number[] {
  if (chunks.length === 1) return percentilesOf(chunks[0]!, ps);
  let n = 0;
  for (const c of chunks) n += c.length;
  if (n <= gatherLimit) {
    const all = new Float64Array(n);
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.length;
    }
    return percentilesOf(all, ps);
  }
  const words = chunks.map((c) => new Uint32Array(c.buffer, c.byteOffset, c.length * 2));
  const level0 = histogram(words, 0, 0, 0);
  return ps.map((p) => selectRank(words, level0, nearestRank(p, n) - 1, gatherLimit));
}

/** The 16-bit digit of level 0…3 (0: the top bits) of sample i; the sign bit is dropped (-0 is 0). */
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = 1 - HI;

/**
 * Counts per 16-bit digit at `level` of the samples whose higher digits equal `prefixHi` (the
 * high 32 bits so far) and `prefixLo16` (level 3: the top 16 bits of the low word).
 */
function histogram(words: readonly Uint32Array[], level: number, prefixHi: number, prefixLo16: number): Float64Array {
  const counts = new Float64Array(65536);
  for (const w of words) {
    const len = w.length;
    switch (level) {
      case 0:
        for (let i = HI; i < len; i += 2) counts[(w[i]! & 0x7fffffff) >>> 16]!++;
        break;
      case 1:
        for (let i = HI; i < len; i += 2) {
          const hi = w[i]! & 0x7fffffff;
          if (hi >>> 16 === prefixHi >>> 16) counts[hi & 0xffff]!++;
        }
        break;
      case 2:
        for (let i = 0; i < len; i += 2) if ((w[i + HI]! & 0x7fffffff) === prefixHi) counts[w[i + LO]! >>> 16]!++;
        break;
      default:
        for (let i = 0; i < len; i += 2) {
          if ((w[i + HI]! & 0x7fffffff) === prefixHi && w[i + LO]! >>> 16 === prefixLo16) counts[w[i + LO]! & 0xffff]!++;
        }
    }
  }
  return counts;
}

function selectRank(words: readonly Uint32Array[], level0: Float64Array, rank: number, gatherLimit: number): number {
  let counts = level0;
  let k = rank;
  let hi = 0;
  let lo16 = 0;
  for (let level = 0; ; level++) {
    let digit = 0;
    while (k >= counts[digit]!) k -= counts[digit++]!;
    const size = counts[digit]!;
    if (level === 0) hi = digit << 16;
    else if (level === 1) hi = (hi | digit) >>> 0;
    else if (level === 2) lo16 = digit;
    else {
      // every bit fixed: all these samples are one value
      const b = new Uint32Array(2);
      b[HI] = hi;
      b[LO] = ((lo16 << 16) | digit) >>> 0;
      return new Float64Array(b.buffer)[0]!;
    }
    if (size <= gatherLimit) return gather(words, level, hi, lo16, size, k);
    counts = histogram(words, level + 1, hi, lo16);
  }
}

/** Copies out the samples whose digits 0…level equal the prefix, and quickselects rank k there. */
function gather(words: readonly Uint32Array[], level: number, hi: number, lo16: number, size: number, k: number): number {
  const out = new Float64Array(size);
  const ow = new Uint32Array(out.buffer);
  let at = 0;
  for (const w of words) {
    const len = w.length;
    for (let i = 0; i < len; i += 2) {
      const h = w[i + HI]! & 0x7fffffff;
      const match = level === 0 ? h >>> 16 === hi >>> 16 : level === 1 ? h === hi : h === hi && w[i + LO]! >>> 16 === lo16;
      if (match) {
        ow[2 * at + HI] = h;
        ow[2 * at + LO] = w[i + LO]!;
        at++;
      }
    }
  }
  select(out, 0, size - 1, k);
  return out[k]!;
}
