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
