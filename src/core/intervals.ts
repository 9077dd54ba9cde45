/**
 * 95% intervals of exact-merged values (SPEC §9). Pure arithmetic, computed once per merged value:
 *
 * - a percentile: distribution-free, from order statistics. With B ~ Binomial(N, q) the number of
 *   samples below the true q-quantile, the sorted samples X(l) and X(u) (1-based ranks) hold it
 *   with probability P(l ≤ B < u) = F(u−1) − F(l−1): l−1 is the largest k with F(k) ≤ 2.5% and
 *   u−1 the smallest k with F(k) ≥ 97.5% (each tail at most 2.5%, so at least 95% together).
 *   Ranks outside 1…N are clamped to the smallest and largest sample (too few samples for 95%
 *   there: the interval is then the sample's range on that side).
 * - a proportion (precision, recall, toxic_ratio): the Wilson score interval.
 * - F1: a percentile bootstrap (2.5%, 97.5%) over the confusion counts, resampled as a multinomial
 *   with a fixed seed (the same counts always give the same interval), BOOTSTRAP_RESAMPLES times.
 */

export type Interval = [number, number];

/** the two-sided 95% normal quantile, Φ⁻¹(0.975) */
export const Z95 = 1.959963984540054;
const TAIL = 0.025;

/** Wilson score interval of `x` successes out of `n` (null when n is 0). */
export function wilson(x: number, n: number, z = Z95): Interval | null {
  if (!(n > 0)) return null;
  const p = x / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // at x = 0 (or n) the bound is exactly 0 (1); rounding must not move it past
  return [x === 0 ? 0 : Math.max(0, center - half), x === n ? 1 : Math.min(1, center + half)];
}

/** ln Γ(x) for x > 0: Stirling's series from x ≥ 15 up, the recurrence below (|error| < 1e-14). */
export function lgamma(x: number): number {
  let shift = 0;
  while (x < 15) {
    shift += Math.log(x);
    x += 1;
  }
  const x2 = x * x;
  const series = 1 / (12 * x) - 1 / (360 * x * x2) + 1 / (1260 * x * x2 * x2) - 1 / (1680 * x * x2 * x2 * x2);
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series - shift;
}

/** The binomial's standard deviation above which its CDF is taken from the normal (continuity-corrected). */
const EXACT_SD_LIMIT = 20_000;

/**
 * 1-based ranks [l, u] of the order statistics that hold the q-quantile (0 < q ≤ 1) of N samples
 * with at least 95% probability, clamped to 1…N. Exact binomial sums (weights from the mode
 * outward, normalised by their own sum, so no Γ-function error enters) up to a standard deviation
 * of 20,000 (N ≈ 1.6 billion at the median); beyond, the normal approximation, whose rank error is
 * then far below one part in a million of N.
 */
export function orderStatisticRanks(q: number, n: number): [number, number] {
  if (n <= 0) throw new Error('no samples');
  if (q >= 1) return [n, n];
  if (q <= 0) return [1, 1];
  const sd = Math.sqrt(n * q * (1 - q));
  let lo: number; // l − 1: the largest k with F(k) ≤ TAIL (−1 when even F(0) > TAIL)
  let hi: number; // u − 1: the smallest k with F(k) ≥ 1 − TAIL
  if (sd > EXACT_SD_LIMIT) {
    const mean = n * q;
    // F(k) ≈ Φ((k + 0.5 − mean) / sd)
    lo = Math.floor(mean - Z95 * sd - 0.5);
    hi = Math.ceil(mean + Z95 * sd - 0.5);
  } else {
    const { from, length, total } = binomialWeights(n, q);
    const weights = scratch;
    // one pass from the left: F(k) = acc / total, the same sums in the same order for both bounds
    lo = from - 1;
    hi = from + length - 1;
    let acc = 0;
    let below = true;
    for (let i = 0; i < length; i++) {
      acc += weights[i]!;
      const f = acc / total;
      if (below) {
        if (f <= TAIL) lo = from + i;
        else below = false;
      }
      if (f >= 1 - TAIL) {
        hi = from + i;
        break;
      }
    }
  }
  return [Math.min(Math.max(lo + 1, 1), n), Math.min(Math.max(hi + 1, 1), n)];
}

/** Where {@link binomialWeights} writes (grown as needed, kept: the gate computes a few intervals per run). */
let scratch = new Float64Array(0);

/**
 * The Binomial(n, q) probabilities relative to the mode's, from the mode out in both directions
 * until they fall below 1e-20 of it (what is left beyond is below double precision of the sum),
 * written in ascending k into {@link scratch}[0, length) (k = from + i), and their sum (each side
 * summed from the mode out, as its terms are made). Typed-array writes, no array growth: the gate runs this once per percentile, cold, over
 * up to ~2·10⁵ terms (N = 10⁸ at the median).
 */
function binomialWeights(n: number, q: number): { from: number; length: number; total: number } {
  const mode = Math.min(n, Math.floor((n + 1) * q));
  const odds = q / (1 - q);
  const CUT = 1e-20;
  // each side ends within ~9.6 standard deviations (1e-20 = e^(−z²/2) at z ≈ 9.6): room for 11
  const sd = Math.sqrt(n * q * (1 - q));
  const side = Math.ceil(11 * sd) + 64;
  const room = 2 * side + 1;
  if (scratch.length < room) scratch = new Float64Array(room);
  let buf = scratch;
  // downward from the mode, written backwards from the middle
  let mid = side;
  let at = mid;
  buf[at] = 1;
  let w = 1;
  // the sums of each side as they are made (no third pass over the terms), smallest terms last
  let below = 0;
  let above = 0;
  for (let k = mode; k > 0; k--) {
    // P(k−1) / P(k) = k / ((n − k + 1) · odds)
    w *= k / ((n - k + 1) * odds);
    if (w < CUT) break;
    if (at === 0) {
      // more terms than the bound (it holds; kept safe): shift right into a bigger buffer
      const grown = new Float64Array(buf.length * 2);
      grown.set(buf, buf.length);
      at += buf.length;
      mid += buf.length;
      buf = scratch = grown;
    }
    buf[--at] = w;
    below += w;
  }
  let end = mid + 1;
  w = 1;
  for (let k = mode; k < n; k++) {
    // P(k+1) / P(k) = (n − k) / (k + 1) · odds
    w *= ((n - k) / (k + 1)) * odds;
    if (w < CUT) break;
    if (end === buf.length) {
      const grown = new Float64Array(buf.length * 2);
      grown.set(buf);
      buf = scratch = grown;
    }
    buf[end++] = w;
    above += w;
  }
  const from = mode - (mid - at);
  const length = end - at;
  if (at > 0) buf.copyWithin(0, at, end);
  return { from, length, total: below + 1 + above };
}

/** sfc32: a small, fast, seedable generator (PractRand-clean); uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

/**
 * One Binomial(n, p) draw: inversion for n·min(p, 1−p) < 10, else Hörmann's BTRS transformed
 * rejection (exact; a few uniforms per draw whatever n is).
 */
export function binomialDraw(n: number, p: number, random: () => number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomialDraw(n, 1 - p, random);
  const q = 1 - p;
  if (n * p < 10) {
    // inversion: walk the pmf from 0 (P(0) = qⁿ ≥ e^−10.6 here)
    let u = random();
    let k = 0;
    let pmf = Math.exp(n * Math.log1p(-p));
    const odds = p / q;
    while (u > pmf && k < n) {
      u -= pmf;
      pmf *= ((n - k) / (k + 1)) * odds;
      k++;
    }
    return k;
  }
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const lpq = Math.log(p / q);
  const m = Math.floor((n + 1) * p);
  const h = lgamma(m + 1) + lgamma(n - m + 1);
  for (;;) {
    const u = random() - 0.5;
    let v = random();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    if (v <= h - lgamma(k + 1) - lgamma(n - k + 1) + (k - m) * lpq) return k;
  }
}

export const BOOTSTRAP_RESAMPLES = 2000;
/** the bootstrap's seed; mixed with the counts, so each set of counts has its own stream */
export const BOOTSTRAP_SEED = 0x5eed_f1;

/**
 * F1 = 2tp / (2tp + fp + fn) by a percentile bootstrap: the confusion counts (with tn when known,
 * which changes how tp, fp and fn vary together) resampled as one multinomial of their total.
 * Null when tp + fp + fn is 0 (F1 is then 0 by convention, with nothing to resample).
 */
export function f1Bootstrap(tp: number, fp: number, fn: number, tn = 0, resamples = BOOTSTRAP_RESAMPLES): Interval | null {
  if (tp + fp + fn === 0) return null;
  const n = tp + fp + fn + tn;
  let seed = BOOTSTRAP_SEED;
  for (const x of [tp, fp, fn, tn]) seed = Math.imul(seed ^ (x % 4294967296), 0x85ebca6b) ^ Math.floor(x / 4294967296);
  const random = seededRandom(seed);
  const f1s = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    // a multinomial as successive binomials of what is left
    const t = binomialDraw(n, tp / n, random);
    let left = n - t;
    let rest = n - tp;
    const f = rest > 0 ? binomialDraw(left, fp / rest, random) : 0;
    left -= f;
    rest -= fp;
    const m = rest > 0 ? binomialDraw(left, fn / rest, random) : 0;
    const d = 2 * t + f + m;
    f1s[r] = d === 0 ? 0 : (2 * t) / d;
  }
  f1s.sort();
  // the percentile method's bounds: ranks ⌈2.5%·B⌉ and ⌈97.5%·B⌉ (nearest rank)
  const at = (p: number): number => f1s[Math.min(resamples, Math.max(1, Math.ceil(p * resamples))) - 1]!;
  return [at(TAIL), at(1 - TAIL)];
}

const round = (x: number): number => Number(x.toPrecision(12));
export const roundInterval = (i: Interval): Interval => [round(i[0]), round(i[1])];
