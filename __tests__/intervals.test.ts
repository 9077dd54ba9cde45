/**
 * The 95% intervals of SPEC §9 held against an independent computation: scipy and numpy from
 * Debian's python3-scipy (/usr/bin/python3; installed by scripts/ensure-debian.sh when missing).
 * fast-check draws the cases; one python process answers all the cases of a property at once.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { binomialDraw, f1Bootstrap, lgamma, orderStatisticRanks, seededRandom, wilson } from '../src/core/intervals.js';
import { IndicatorMerger } from '../src/core/indicators/merge.js';
import { nearestRank } from '../src/core/percentile.js';
import { encodeHistogram, newHistogram } from './hdr-reference.js';
import { record } from './helpers.js';

const PYTHON = '/usr/bin/python3';
const ENSURE = path.resolve(import.meta.dirname, '..', 'scripts', 'ensure-debian.sh');

beforeAll(() => {
  const r = spawnSync('bash', [ENSURE, 'python3-scipy', PYTHON, `${PYTHON} -c 'import scipy.stats, numpy'`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`python3-scipy is needed for these tests: ${r.stderr}`);
}, 300_000);

/** Runs `code` with the JSON of `input` on stdin; returns the JSON it prints. */
function python<T>(code: string, input: unknown): T {
  const out = execFileSync(PYTHON, ['-c', code], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out) as T;
}

/** l and u from scipy's binomial quantile function (ppf: the smallest k with F(k) ≥ level) */
const RANKS_PY = `
import json, sys
from scipy.stats import binom
out = []
for q, n in json.load(sys.stdin):
    if q >= 1:  # degenerate: every sample is below the 100th percentile (ppf answers 0 there)
        out.append([n, n])
        continue
    k = int(binom.ppf(0.025, n, q))
    lo = k if binom.cdf(k, n, q) <= 0.025 else k - 1   # l - 1: the largest k with F(k) <= 2.5%
    hi = int(binom.ppf(0.975, n, q))                    # u - 1: the smallest k with F(k) >= 97.5%
    out.append([min(max(lo + 1, 1), n), min(max(hi + 1, 1), n)])
print(json.dumps(out))
`;

const percentile = fc.oneof(
  fc.constantFrom(50, 90, 95, 99, 99.9, 99.99, 100, 0.1, 1, 25),
  fc.integer({ min: 1, max: 99_999 }).map((x) => x / 1000),
);

describe('order-statistic intervals of percentiles', () => {
  it('the ranks are those of scipy.stats.binom (at most 2.5% below, at most 2.5% above)', () => {
    const cases = fc.sample(fc.tuple(percentile, fc.integer({ min: 1, max: 4000 })), { numRuns: 300, seed: 19 });
    const want = python<[number, number][]>(
      RANKS_PY,
      cases.map(([p, n]) => [p / 100, n]),
    );
    const got = cases.map(([p, n]) => orderStatisticRanks(p / 100, n));
    expect(got).toEqual(want);
  });

  it('large N (histograms of millions of values) still matches scipy, exact sums and the normal tail alike', () => {
    const cases: [number, number][] = [
      [0.99, 1_000_000],
      [0.5, 10_000_000],
      [0.999, 50_000_000],
      [0.95, 123_457],
    ];
    const want = python<[number, number][]>(RANKS_PY, cases);
    cases.forEach(([q, n], i) => {
      const [l, u] = orderStatisticRanks(q, n);
      // the cdf of scipy itself is a float: allow one rank at a boundary
      expect(Math.abs(l - want[i]![0])).toBeLessThanOrEqual(1);
      expect(Math.abs(u - want[i]![1])).toBeLessThanOrEqual(1);
    });
  });

  it('samples_ms: the interval is the sorted samples at those ranks, and holds the value (numpy)', () => {
    const cases = fc.sample(
      fc.tuple(
        fc.array(fc.array(fc.integer({ min: 0, max: 500_000 }), { minLength: 1, maxLength: 300 }), { minLength: 1, maxLength: 4 }),
        percentile,
      ),
      { numRuns: 80, seed: 7 },
    );
    const want = python<{ value: number; lo: number; hi: number }[]>(
      `
import json, sys, math
import numpy as np
from scipy.stats import binom
out = []
for shards, p in json.load(sys.stdin):
    xs = np.sort(np.concatenate([np.array(s, dtype=float) / 1000 for s in shards]))
    n = len(xs)
    cdf = binom.cdf(np.arange(n + 1), n, p / 100)
    below = np.nonzero(cdf <= 0.025)[0]
    l = min(max((int(below[-1]) if len(below) else -1) + 1, 1), n)
    u = min(max(int(np.nonzero(cdf >= 0.975)[0][0]) + 1, 1), n)
    rank = min(max(-(-(round(p * 1000) * n) // 100000), 1), n)   # nearest rank, in integers
    out.append({"value": float(xs[rank - 1]), "lo": float(xs[l - 1]), "hi": float(xs[u - 1])})
print(json.dumps(out))
`,
      cases,
    );
    cases.forEach(([shards, p], i) => {
      const q = [50, 90, 99].includes(p) ? [] : [p];
      const m = new IndicatorMerger({}, { percentiles: q });
      shards.forEach((s, j) => {
        const samples = s.map((x) => x / 1000);
        const sorted = [...samples].sort((a, b) => a - b);
        const at = (pp: number) => sorted[nearestRank(pp, sorted.length) - 1];
        m.add(
          record(
            { indicator: 'latency_p99', p50_ms: at(50), p90_ms: at(90), p99_ms: at(99), requests: samples.length, samples_ms: samples },
            `s${j}.json`,
          ),
        );
      });
      const lat = m.finish().indicators.latency_p99!;
      const field = `p${p}_ms`;
      expect(lat.fields[field]).toBeCloseTo(want[i]!.value, 9);
      expect(lat.intervals![field]).toEqual([
        Number(Math.min(want[i]!.lo, want[i]!.value).toPrecision(12)),
        Number(Math.max(want[i]!.hi, want[i]!.value).toPrecision(12)),
      ]);
    });
  });

  it('hdr_histogram: the interval holds the samples at those ranks, to the histogram precision', () => {
    const cases = fc.sample(fc.tuple(fc.array(fc.integer({ min: 1, max: 2_000_000 }), { minLength: 1, maxLength: 2000 }), percentile), {
      numRuns: 40,
      seed: 11,
    });
    const ranks = python<[number, number][]>(
      RANKS_PY,
      cases.map(([xs, p]) => [p / 100, xs.length]),
    );
    cases.forEach(([us, p], i) => {
      const h = newHistogram(3);
      for (const v of us) h.recordValue(v);
      const m = new IndicatorMerger({}, { percentiles: [p] });
      const max = Math.max(...us) / 1000;
      m.add(
        record({
          indicator: 'latency_p99',
          p50_ms: Math.min(...us) / 1000,
          p90_ms: max,
          p99_ms: max,
          requests: us.length,
          hdr_histogram: encodeHistogram(h),
          hdr_unit: 'us',
        }),
      );
      const lat = m.finish().indicators.latency_p99!;
      const [lo, hi] = lat.intervals![`p${p}_ms`]!;
      const sorted = [...us].sort((a, b) => a - b).map((v) => v / 1000);
      const [l, u] = ranks[i]!;
      const exactLo = sorted[l - 1]!;
      const exactHi = sorted[u - 1]!;
      // it holds the exact order statistics, widened by at most one counter (3 significant digits)
      expect(lo).toBeLessThanOrEqual(exactLo);
      expect(hi).toBeGreaterThanOrEqual(exactHi);
      expect(lo).toBeGreaterThanOrEqual(exactLo * (1 - 2e-3) - 1e-3);
      expect(hi).toBeLessThanOrEqual(exactHi * (1 + 2e-3) + 1e-3);
      const value = lat.fields[`p${p}_ms`] as number;
      expect(lo).toBeLessThanOrEqual(value);
      expect(hi).toBeGreaterThanOrEqual(value);
    });
  });
});

describe('Wilson score intervals of proportions', () => {
  it('equal scipy.stats.binomtest(x, n).proportion_ci(method="wilson")', () => {
    const cases = fc.sample(
      fc.integer({ min: 1, max: 100_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
      { numRuns: 300, seed: 3 },
    );
    const want = python<[number, number][]>(
      `
import json, sys
from scipy.stats import binomtest
out = []
for x, n in json.load(sys.stdin):
    ci = binomtest(x, n).proportion_ci(confidence_level=0.95, method='wilson')
    out.append([float(ci.low), float(ci.high)])
print(json.dumps(out))
`,
      cases,
    );
    cases.forEach(([x, n], i) => {
      const [lo, hi] = wilson(x, n)!;
      expect(lo).toBeCloseTo(want[i]![0], 10);
      expect(hi).toBeCloseTo(want[i]![1], 10);
    });
    expect(wilson(0, 0)).toBeNull();
  });

  it('precision, recall and toxic_ratio of a merge carry them; an approximate merge carries none', () => {
    const m = new IndicatorMerger();
    m.add(record({ indicator: 'accuracy_f1', precision: 0.8, recall: 0.8, f1: 0.8, samples: 100, tp: 80, fp: 20, fn: 20 }, 'a.json'));
    m.add(record({ indicator: 'toxicity', toxic_ratio: 0.003, total_samples: 1000, toxic_count: 3 }, 't0.json'));
    m.add(record({ indicator: 'toxicity', toxic_ratio: 0.001, total_samples: 1000, toxic_count: 1 }, 't1.json'));
    m.add(record({ indicator: 'latency_p99', p50_ms: 1, p90_ms: 2, p99_ms: 3, requests: 10 }, 'l0.json'));
    m.add(record({ indicator: 'latency_p99', p50_ms: 1, p90_ms: 2, p99_ms: 4, requests: 10 }, 'l1.json'));
    const { indicators } = m.finish();
    expect(indicators.accuracy_f1!.intervals!.precision).toEqual(wilson(80, 100)!.map((x) => Number(x.toPrecision(12))));
    expect(indicators.toxicity!.intervals!.toxic_ratio).toEqual(wilson(4, 2000)!.map((x) => Number(x.toPrecision(12))));
    expect(indicators.latency_p99!.approximate).toBe(true);
    expect(indicators.latency_p99!.intervals).toBeUndefined();
  });
});

describe('F1 by a seeded bootstrap over the confusion counts', () => {
  it('is deterministic: the same counts give the same interval', () => {
    expect(f1Bootstrap(650, 160, 180, 1000)).toEqual(f1Bootstrap(650, 160, 180, 1000));
    expect(f1Bootstrap(0, 0, 0)).toBeNull();
  });

  it('agrees with a numpy multinomial bootstrap (20,000 resamples) within its Monte Carlo error', () => {
    const cases = fc.sample(
      fc.tuple(
        fc.integer({ min: 20, max: 5000 }),
        fc.integer({ min: 0, max: 1500 }),
        fc.integer({ min: 0, max: 1500 }),
        fc.integer({ min: 0, max: 5000 }),
      ),
      { numRuns: 25, seed: 5 },
    );
    const want = python<{ lo: number; hi: number; sd: number }[]>(
      `
import json, sys
import numpy as np
rng = np.random.default_rng(12345)
out = []
for tp, fp, fn, tn in json.load(sys.stdin):
    n = tp + fp + fn + tn
    draws = rng.multinomial(n, np.array([tp, fp, fn, tn]) / n, size=20000)
    t, f, m = draws[:, 0], draws[:, 1], draws[:, 2]
    d = 2 * t + f + m
    f1 = np.where(d == 0, 0.0, 2 * t / np.maximum(d, 1))
    out.append({"lo": float(np.quantile(f1, 0.025)), "hi": float(np.quantile(f1, 0.975)), "sd": float(np.std(f1))})
print(json.dumps(out))
`,
      cases,
    );
    cases.forEach(([tp, fp, fn, tn], i) => {
      const [lo, hi] = f1Bootstrap(tp, fp, fn, tn)!;
      const { lo: wlo, hi: whi, sd } = want[i]!;
      const tol = 0.3 * sd + 2e-3;
      expect(Math.abs(lo - wlo)).toBeLessThanOrEqual(tol);
      expect(Math.abs(hi - whi)).toBeLessThanOrEqual(tol);
      expect(lo).toBeLessThanOrEqual((2 * tp) / (2 * tp + fp + fn) + 1e-12);
      expect(hi).toBeGreaterThanOrEqual((2 * tp) / (2 * tp + fp + fn) - 1e-12);
    });
  });

  it('the binomial draws have the binomial mean and variance (inversion and BTRS alike)', () => {
    const random = seededRandom(42);
    for (const [n, p] of [
      [30, 0.1],
      [1000, 0.3],
      [1_000_000, 0.7],
      [50, 0.5],
    ] as const) {
      const R = 20_000;
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < R; i++) {
        const k = binomialDraw(n, p, random);
        expect(k).toBeGreaterThanOrEqual(0);
        expect(k).toBeLessThanOrEqual(n);
        s += k;
        s2 += k * k;
      }
      const mean = s / R;
      const variance = s2 / R - mean * mean;
      const v = n * p * (1 - p);
      expect(Math.abs(mean - n * p)).toBeLessThan(5 * Math.sqrt(v / R));
      expect(Math.abs(variance / v - 1)).toBeLessThan(0.06);
    }
  });

  it('lgamma matches scipy.special.gammaln', () => {
    const xs = [0.5, 1, 2, 3.5, 10, 14.9, 15, 100.25, 1e4, 1e8];
    const want = python<number[]>(
      'import json,sys\nfrom scipy.special import gammaln\nprint(json.dumps([float(gammaln(x)) for x in json.load(sys.stdin)]))',
      xs,
    );
    xs.forEach((x, i) => expect(Math.abs(lgamma(x) - want[i]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want[i]!))));
  });
});
