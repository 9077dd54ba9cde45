import { scratchFloat64 } from './scratch.js';

/**
 * Exact nearest-rank percentiles over raw samples: the smallest sample with at least p% of all
 * samples at or below it, i.e. the sample of rank ⌈p·N/100⌉ (1-based) in sorted order.
 *
 * The rank is computed in integer arithmetic on p written as an exact decimal (99.9 is 999 / 10),
 * so that 99 × 100 / 100 never becomes 98.99999 (and the rank 99) through floating point, and
 * any percentile a rule names (p99.9_ms, p99.99_ms) gets its own rank.
 */
export function nearestRank(p: number, n: number): number {
  if (n <= 0) throw new Error('no samples');
  // p as an exact decimal m / 10^d (99.9 -> 999 / 10): the rank is then ⌈m·N / (100·10^d)⌉
  const text = Number.isInteger(p) ? String(p) : p.toFixed(12).replace(/0+$/, '');
  const dot = text.indexOf('.');
  const decimals = dot < 0 ? 0 : text.length - dot - 1;
  const m = Number(dot < 0 ? text : text.slice(0, dot) + text.slice(dot + 1));
  const scale = 100 * 10 ** decimals;
  let rank: number;
  if (m * n < Number.MAX_SAFE_INTEGER) rank = Math.floor((m * n + scale - 1) / scale);
  else {
    const big = BigInt(m) * BigInt(n);
    const s = BigInt(scale);
    rank = Number((big + s - 1n) / s);
  }
  return Math.min(Math.max(rank, 1), n);
}

/**
 * The values at several percentiles of `values` (the array is reordered in place).
 * One quickselect for all the ranks at once (Hoare partition, median-of-three pivots): each
 * partition serves every rank on its side, so ranks close together (a percentile and its
 * interval's bounds) share their work. O(N) on average per cluster of ranks, no full sort.
 */
export function percentilesOf(values: Float64Array, ps: readonly number[]): number[] {
  return valuesAtRanks(
    values,
    ps.map((p) => nearestRank(p, values.length)),
  );
}

/** The values of several 1-based ranks of `values` in sorted order (the array is reordered in place). */
export function valuesAtRanks(values: Float64Array, ranks1: readonly number[]): number[] {
  const ks = [...new Set(ranks1.map((r) => r - 1))].sort((a, b) => a - b);
  selectMany(values, ks);
  return ranks1.map((r) => values[r - 1]!);
}

/**
 * Puts the value of each 0-based rank of `ks` (ascending, distinct, within the array) at its
 * index. A subrange with ranks in it is partitioned; the ranks left of the partition are pushed
 * with their side and the loop goes on with the right one, so no part of the array is partitioned
 * twice for two ranks. Sides are disjoint: a value put in place stays there. `stats` counts the
 * partitions (for tests).
 */
export function selectMany(a: Float64Array, ks: readonly number[], stats?: { partitions: number }): void {
  if (ks.length === 0) return;
  // each range carries the rounds spent on it so far: a side pushed for later keeps its count, so
  // that an input crafted against median-of-three pivots meets the guard below (no fresh 64 rounds
  // for every side split off)
  const stack: number[] = [0, a.length - 1, 0, ks.length - 1, 0];
  while (stack.length > 0) {
    let rounds = stack.pop()!;
    let rhi = stack.pop()!;
    let rlo = stack.pop()!;
    let hi = stack.pop()!;
    let lo = stack.pop()!;
    while (rlo <= rhi && hi > lo) {
      if (++rounds > 64) {
        // introselect's guard: a pathological input that keeps pivots bad gets a real sort.
        a.subarray(lo, hi + 1).sort();
        break;
      }
      if (hi - lo < 16) {
        insertionSort(a, lo, hi);
        break;
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
      // [lo, j] ≤ pivot, [i, hi] ≥ pivot, and between them (j < k < i) every value is the pivot
      if (stats) stats.partitions++;
      let m = rlo;
      while (m <= rhi && ks[m]! <= j) m++;
      let q = m;
      while (q <= rhi && ks[q]! < i) q++;
      if (q > rhi) {
        // no rank right of the partition: go on with the left side, in this loop
        hi = j;
        rhi = m - 1;
        continue;
      }
      if (m > rlo) stack.push(lo, j, rlo, m - 1, rounds);
      lo = i;
      rlo = q;
    }
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
  let n = 0;
  for (const c of chunks) n += c.length;
  return valuesAtRanksOfChunks(
    chunks,
    ps.map((p) => nearestRank(p, n)),
    gatherLimit,
  );
}

/** {@link valuesAtRanks} over samples held in several arrays (see percentilesOfChunks). */
export function valuesAtRanksOfChunks(chunks: readonly Float64Array[], ranks: readonly number[], gatherLimit = GATHER_LIMIT): number[] {
  if (chunks.length === 1) return valuesAtRanks(chunks[0]!, ranks);
  let n = 0;
  for (const c of chunks) n += c.length;
  if (n <= gatherLimit) {
    const all = scratchFloat64(n);
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.length;
    }
    return valuesAtRanks(all, ranks);
  }
  const result = new Array<number>(ranks.length);
  // the smallest and the largest (the curve's ends) in one scan, not one radix descent each
  if (ranks.some((r) => r === 1 || r === n)) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const c of chunks) {
      for (let i = 0; i < c.length; i++) {
        const v = c[i]!;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    ranks.forEach((r, i) => {
      if (r === 1) result[i] = lo === 0 ? 0 : lo;
      else if (r === n) result[i] = hi === 0 ? 0 : hi;
    });
  }
  const rest = ranks.flatMap((r, out) => (r === 1 || r === n ? [] : [{ k: r - 1, out }]));
  if (!rest.length) return result;
  const words = chunks.map((c) => new Uint32Array(c.buffer, c.byteOffset, c.length * 2));
  const scratch: Scratch = { hist: [] };
  selectRanks(words, histogram(words, 0, 0, 0, scratch), 0, 0, 0, rest, result, gatherLimit, scratch);
  return result;
}

/** The 16-bit digit of level 0…3 (0: the top bits) of sample i; the sign bit is dropped (-0 is 0). */
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = 1 - HI;

/**
 * Counts per 16-bit digit at `level` of the samples whose higher digits equal `prefixHi` (the
 * high 32 bits so far) and `prefixLo16` (level 3: the top 16 bits of the low word).
 */
function histogram(words: readonly Uint32Array[], level: number, prefixHi: number, prefixLo16: number, scratch?: Scratch): Float64Array {
  // one array per level: a level's histogram is done with once its group's ranks are selected
  let counts = scratch?.hist[level];
  if (counts) counts.fill(0);
  else {
    counts = new Float64Array(65536);
    if (scratch) scratch.hist[level] = counts;
  }
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

/**
 * The values of several 0-based ranks. Ranks that fall under the same prefix share its work: one
 * histogram per level and one gather for all of them (an interval's ranks sit next to its
 * percentile's, so a percentile with its interval costs about what the percentile alone does).
 */
function selectRanks(
  words: readonly Uint32Array[],
  counts: Float64Array,
  level: number,
  hi: number,
  lo16: number,
  ranks: readonly { k: number; out: number }[],
  result: number[],
  gatherLimit: number,
  scratch: Scratch,
): void {
  // group the ranks by the digit of this level they fall in (ranks in ascending order)
  const sorted = [...ranks].sort((x, y) => x.k - y.k);
  let digit = 0;
  let before = 0; // samples under this prefix with a smaller digit
  let i = 0;
  while (i < sorted.length) {
    while (sorted[i]!.k >= before + counts[digit]!) before += counts[digit++]!;
    const group: { k: number; out: number }[] = [];
    while (i < sorted.length && sorted[i]!.k < before + counts[digit]!) {
      group.push({ k: sorted[i]!.k - before, out: sorted[i]!.out });
      i++;
    }
    const size = counts[digit]!;
    let h = hi;
    let l16 = lo16;
    if (level === 0) h = digit << 16;
    else if (level === 1) h = (hi | digit) >>> 0;
    else if (level === 2) l16 = digit;
    else {
      // every bit fixed: all these samples are one value
      const b = new Uint32Array(2);
      b[HI] = hi;
      b[LO] = ((lo16 << 16) | digit) >>> 0;
      const v = new Float64Array(b.buffer)[0]!;
      for (const g of group) result[g.out] = v;
      continue;
    }
    if (size <= gatherLimit) {
      const vs = gather(
        words,
        level,
        h,
        l16,
        size,
        group.map((g) => g.k),
      );
      group.forEach((g, j) => (result[g.out] = vs[j]!));
    } else selectRanks(words, histogram(words, level + 1, h, l16, scratch), level + 1, h, l16, group, result, gatherLimit, scratch);
  }
}

/**
 * What the groups of one selection reuse: the counts of each radix level, one after another.
 * Their candidates are copied out into the shared scratch block (core/scratch.ts, the memory the
 * files were read into), so that many ranks in many groups (the percentile curve) cost no buffer
 * of their own beside the samples (SPEC §8's memory bound).
 */
interface Scratch {
  hist: Float64Array[];
}

/** Copies out the samples whose digits 0…level equal the prefix, and quickselects ranks `ks` there. */
function gather(
  words: readonly Uint32Array[],
  level: number,
  hi: number,
  lo16: number,
  size: number,
  ks: readonly number[],
): number[] {
  const out = scratchFloat64(size);
  const ow = new Uint32Array(out.buffer, out.byteOffset, size * 2);
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
  return valuesAtRanks(
    out,
    ks.map((k) => k + 1),
  );
}
