/** Property-based tests (fast-check): merging shards equals computing on their union. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IndicatorMerger } from '../src/core/indicators/merge.js';
import { nearestRank, percentilesOf, selectMany, valuesAtRanks, valuesAtRanksOfChunks } from '../src/core/percentile.js';
import { parseJsonText } from '../src/core/json.js';
import { validateIndicator } from '../src/core/indicators/validate.js';
import { formatRule, parseRule, type Rule } from '../src/core/rules.js';
import { record } from './helpers.js';

/** Nearest rank by sorting a copy: the obviously-correct reference. */
function sortedReference(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  // rank ⌈p·N/100⌉ with BigInt so the reference has no floating point at all
  const n = BigInt(s.length);
  const hundredths = BigInt(Math.round(p * 100));
  const rank = (hundredths * n + 9999n) / 10000n;
  return s[Math.max(Number(rank), 1) - 1]!;
}

function shuffle<T>(xs: T[], seed: number): T[] {
  const a = [...xs];
  let s = seed;
  for (let i = a.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

const sampleArb = fc.double({ min: 0, max: 1e5, noNaN: true, noDefaultInfinity: true });

describe('percentiles', () => {
  it('nearest rank is ⌈p·N/100⌉ in exact arithmetic', () => {
    expect(nearestRank(99, 100)).toBe(99);
    expect(nearestRank(99, 101)).toBe(100);
    expect(nearestRank(50, 1)).toBe(1);
    expect(nearestRank(90, 10)).toBe(9);
    expect(nearestRank(99.9, 1000)).toBe(999);
    expect(nearestRank(100, 7)).toBe(7);
  });
  it('quickselect agrees with sorting, for any data and several percentiles at once', () => {
    fc.assert(
      fc.property(fc.array(sampleArb, { minLength: 1, maxLength: 500 }), (values) => {
        const ps = [99, 50, 90, 99.9];
        const got = percentilesOf(Float64Array.from(values), ps);
        expect(got).toEqual(ps.map((p) => sortedReference(values, p)));
      }),
      { numRuns: 300 },
    );
  });
  it('one selection for many ranks agrees with sorting: any ranks, repeated, unordered, on data with many ties', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(sampleArb, fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 3000 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (values, fractions) => {
          const all = [...values].sort((a, b) => a - b);
          const n = all.length;
          const ranks = [...fractions.map((f) => 1 + Math.floor(f * (n - 1))), 1, n, 1 + Math.floor(fractions[0]! * (n - 1))];
          expect(valuesAtRanks(Float64Array.from(values), ranks)).toEqual(ranks.map((r) => all[r - 1]!));
        },
      ),
      { numRuns: 300 },
    );
  });
  it('one selection for every rank of inputs that defeat median-of-three pivots (organ pipe, sawtooth, sorted, reversed)', () => {
    const n = 4096;
    const inputs = [
      Array.from({ length: n }, (_, i) => (i < n / 2 ? i : n - i)),
      Array.from({ length: n }, (_, i) => i % 17),
      Array.from({ length: n }, (_, i) => i),
      Array.from({ length: n }, (_, i) => n - i),
    ];
    for (const values of inputs) {
      const all = [...values].sort((a, b) => a - b);
      const ranks = Array.from({ length: 101 }, (_, p) => nearestRank(p === 0 ? 0.001 : p, n));
      expect(valuesAtRanks(Float64Array.from(values), ranks)).toEqual(ranks.map((r) => all[r - 1]!));
    }
  });
  it('an input crafted against median-of-three pivots meets the guard: at most 64 partitions, then a sort', () => {
    // McIlroy's adversary ("A killer adversary for quicksort"), mirrored for this partition: it
    // decides each compared value as late as it can, so that every pivot splits off almost nothing
    const n = 5000;
    const GAS = -1;
    const val = new Float64Array(n).fill(GAS);
    let next = n;
    let cand = -1;
    const cmp = (x: number, y: number): number => {
      if (val[x] === GAS && val[y] === GAS) val[x === cand ? x : y] = next--;
      if (val[x] === GAS) cand = x;
      else if (val[y] === GAS) cand = y;
      return val[x]! - val[y]!;
    };
    const a = Int32Array.from({ length: n }, (_, i) => i);
    const sw = (i: number, j: number) => ([a[i], a[j]] = [a[j]!, a[i]!]);
    const k = n >> 1;
    let lo = 0;
    let hi = n - 1;
    let rounds = 0;
    while (hi - lo >= 16) {
      rounds++;
      const mid = lo + ((hi - lo) >> 1);
      if (cmp(a[mid]!, a[lo]!) < 0) sw(mid, lo);
      if (cmp(a[hi]!, a[lo]!) < 0) sw(hi, lo);
      if (cmp(a[hi]!, a[mid]!) < 0) sw(hi, mid);
      const p = a[mid]!;
      let i = lo;
      let j = hi;
      while (i <= j) {
        while (cmp(a[i]!, p) < 0) i++;
        while (cmp(a[j]!, p) > 0) j--;
        if (i <= j) sw(i++, j--);
      }
      if (k <= j) hi = j;
      else if (k >= i) lo = i;
      else break;
    }
    let gas = 0;
    for (let i = 0; i < n; i++) if (val[i] === GAS) val[i] = -++gas;
    const sorted = [...val].sort((x, y) => x - y);
    const stats = { partitions: 0 };
    const got = Float64Array.from(val);
    selectMany(got, [k], stats);
    expect(got[k]).toBe(sorted[k]);
    // the adversary works: the same partitions, unguarded, take over a thousand rounds
    expect(rounds).toBeGreaterThan(1000);
    expect(stats.partitions).toBeLessThanOrEqual(64);
  });
  it('selection across chunks (the radix path, buffers reused) agrees with sorting, any ranks, the ends included', () => {
    fc.assert(
      fc.property(
        // values close together too (100…105 ms), so that groups of one digit need the next level
        fc.array(
          fc.array(
            fc.oneof(
              sampleArb,
              fc.integer({ min: 0, max: 40 }).map((i) => 100 + i / 8),
            ),
            { minLength: 1, maxLength: 200 },
          ),
          {
            minLength: 2,
            maxLength: 5,
          },
        ),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 64 }),
        (chunks, fractions, gatherLimit) => {
          const all = chunks.flat().sort((a, b) => a - b);
          const n = all.length;
          const ranks = [1, n, ...fractions.map((f) => 1 + Math.floor(f * (n - 1)))];
          const got = valuesAtRanksOfChunks(
            chunks.map((c) => Float64Array.from(c)),
            ranks,
            gatherLimit,
          );
          expect(got).toEqual(ranks.map((r) => all[r - 1]! + 0));
        },
      ),
      { numRuns: 300 },
    );
  });
  it('selection across chunks: every rank of values close together, each digit group one level deeper', () => {
    const chunks = [0, 1, 2].map((c) => Float64Array.from({ length: 300 }, (_, i) => 100 + ((i * 7 + c * 13) % 97) / 16 + (i % 5) * 1e-9));
    const all = chunks.flatMap((c) => [...c]).sort((a, b) => a - b);
    const ranks = all.map((_, i) => i + 1);
    for (const limit of [2, 8, 64]) expect(valuesAtRanksOfChunks(chunks, ranks, limit)).toEqual(all);
  });
  it('handles many duplicates and sorted input', () => {
    const dup = Float64Array.from({ length: 10_000 }, (_, i) => i % 3);
    expect(percentilesOf(dup, [50, 99])).toEqual([1, 2]);
    const sorted = Float64Array.from({ length: 100_000 }, (_, i) => i + 1);
    expect(percentilesOf(sorted, [50, 90, 99])).toEqual([50_000, 90_000, 99_000]);
  });
});

describe('merging shards equals computing on the union', () => {
  it('latency_p99 with samples: merged percentiles are the union’s nearest-rank percentiles, in any shard order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(sampleArb, { minLength: 1, maxLength: 60 }), { minLength: 1, maxLength: 6 }),
        fc.integer(),
        (shards, seed) => {
          const m = new IndicatorMerger();
          shuffle(shards, seed).forEach((s, i) => {
            const sorted = [...s].sort((a, b) => a - b);
            m.add(
              record(
                { indicator: 'latency_p99', p50_ms: sorted[0], p90_ms: sorted[0], p99_ms: sorted[0], requests: s.length, samples_ms: s },
                `s${i}.json`,
              ),
            );
          });
          const f = m.finish().indicators.latency_p99!.fields;
          const all = shards.flat();
          expect([f.p50_ms, f.p90_ms, f.p99_ms]).toEqual([50, 90, 99].map((p) => Number(sortedReference(all, p).toPrecision(12))));
          expect(f.requests).toBe(all.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('accuracy_f1 with counts: merged scores are those of the summed confusion counts, in any order', () => {
    const shardArb = fc.record({ tp: fc.nat(1000), fp: fc.nat(1000), fn: fc.nat(1000) });
    fc.assert(
      fc.property(fc.array(shardArb, { minLength: 1, maxLength: 8 }), fc.integer(), (shards, seed) => {
        const m = new IndicatorMerger();
        shuffle(shards, seed).forEach((c, i) => {
          // each shard's scores as its own counts give them (a file's summary must agree with them)
          const r = (x: number, d: number) => (d === 0 ? 0 : x / d);
          const scores = { precision: r(c.tp, c.tp + c.fp), recall: r(c.tp, c.tp + c.fn), f1: r(2 * c.tp, 2 * c.tp + c.fp + c.fn) };
          m.add(record({ indicator: 'accuracy_f1', ...scores, samples: c.tp + c.fn + c.fp + 1, ...c }, `a${i}.json`));
        });
        const f = m.finish().indicators.accuracy_f1!.fields;
        const tp = shards.reduce((a, c) => a + c.tp, 0);
        const fp = shards.reduce((a, c) => a + c.fp, 0);
        const fn = shards.reduce((a, c) => a + c.fn, 0);
        expect(f.tp).toBe(tp);
        expect(f.f1).toBeCloseTo(tp + fp + fn === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn), 10);
        expect(f.precision).toBeCloseTo(tp + fp === 0 ? 0 : tp / (tp + fp), 10);
        expect(f.recall).toBeCloseTo(tp + fn === 0 ? 0 : tp / (tp + fn), 10);
      }),
      { numRuns: 200 },
    );
  });

  it('toxicity with counts: the merged ratio is total toxic over total samples', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 8 }),
        (shards) => {
          const m = new IndicatorMerger();
          const rows = shards.map(([total, r]) => ({ total, toxic: Math.floor(total * r) }));
          rows.forEach((s, i) =>
            m.add(
              record({ indicator: 'toxicity', toxic_ratio: s.toxic / s.total, total_samples: s.total, toxic_count: s.toxic }, `t${i}.json`),
            ),
          );
          const f = m.finish().indicators.toxicity!.fields;
          const total = rows.reduce((a, s) => a + s.total, 0);
          const toxic = rows.reduce((a, s) => a + s.toxic, 0);
          expect(f.toxic_count).toBe(toxic);
          expect(f.toxic_ratio).toBeCloseTo(toxic / total, 10);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('rules', () => {
  const ruleArb: fc.Arbitrary<Rule> = fc
    .record({
      level: fc.constantFrom('warn' as const, 'error' as const),
      indicator: fc.constantFrom('accuracy_f1', 'bleu', 'my-metric_2'),
      field: fc.constantFrom('f1', 'precision', 'score'),
      op: fc.constantFrom('>=' as const, '<=' as const, '>' as const, '<' as const),
      expr: fc.oneof(
        fc
          .double({ noNaN: true, noDefaultInfinity: true })
          .map((value) => ({ kind: 'number' as const, value: Object.is(value, -0) ? 0 : value })),
        fc.constant({ kind: 'baseline' as const }),
        fc
          .tuple(fc.constantFrom('+' as const, '-' as const, '*' as const), fc.double({ min: 0.001, max: 1000, noNaN: true }))
          .map(([op, operand]) => ({ kind: 'baseline' as const, op, operand })),
      ),
    })
    .filter((r) => r.indicator !== 'accuracy_f1' || r.field !== 'score');
  it('parseRule(formatRule(r)) equals r', () => {
    fc.assert(
      fc.property(ruleArb, (r) => {
        const parsed = parseRule(formatRule(r));
        expect(parsed).toEqual({ ok: true, rule: r });
      }),
      { numRuns: 500 },
    );
  });
});

describe('arbitrary input never crashes validation', () => {
  it('any JSON value yields a record or problems, never an exception', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.dictionary(fc.constantFrom('indicator', 'p50_ms', 'samples_ms', 'shard', 'tp', 'hdr_histogram', 'f1'), fc.jsonValue()),
          fc.record({ indicator: fc.constantFrom('accuracy_f1', 'latency_p99', 'toxicity', 'robustness_adv', 'throughput_rps') }),
        ),
        (v) => {
          const parsed = parseJsonText(JSON.stringify(v) ?? 'null', 'x.json');
          if (!parsed.ok) return;
          const r = validateIndicator(parsed.value, 'x.json');
          if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 1000 },
    );
  });
  it('any text yields a value or problems, never an exception', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (t) => {
        const parsed = parseJsonText(t, 'x.json');
        if (!parsed.ok) expect(parsed.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});
