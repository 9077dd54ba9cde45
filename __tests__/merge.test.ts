import { describe, expect, it } from 'vitest';
import { IndicatorMerger, parseMergeStrategy, type MergeStrategy } from '../src/core/indicators/merge.js';
import { formatProblem } from '../src/core/problem.js';
import { encodeHistogram, newHistogram } from './hdr-reference.js';
import { record } from './helpers.js';

function merge(values: object[], strategies: Record<string, MergeStrategy> = {}) {
  const m = new IndicatorMerger(strategies);
  values.forEach((v, i) => m.add(record(v, `s${i}.json`)));
  const r = m.finish();
  return { ...r, messages: r.problems.map(formatProblem) };
}

const acc = (o: object) => ({ indicator: 'accuracy_f1', precision: 0.5, recall: 0.5, f1: 0.5, samples: 100, ...o });
const lat = (o: object) => ({ indicator: 'latency_p99', p50_ms: 1, p90_ms: 2, p99_ms: 3, requests: 10, ...o });
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe('accuracy_f1', () => {
  it('sums counts and recomputes precision, recall and F1 exactly when every shard has them', () => {
    const { indicators } = merge([
      acc({ precision: 0.75, recall: 0.6, f1: 0.667, tp: 30, fp: 10, fn: 20, samples: 60 }),
      acc({ precision: 1, recall: 0.625, f1: 0.769, tp: 50, fp: 0, fn: 30, samples: 80 }),
    ]);
    const a = indicators.accuracy_f1!;
    expect(a.approximate).toBe(false);
    expect(a.fields).toMatchObject({ tp: 80, fp: 10, fn: 50, samples: 140 });
    expect(a.fields.precision).toBeCloseTo(80 / 90, 12);
    expect(a.fields.recall).toBeCloseTo(80 / 130, 12);
    expect(a.fields.f1).toBeCloseTo(160 / (160 + 60), 12);
    expect(a.sources).toEqual(['s0.json', 's1.json']);
  });
  it('falls back to sample-weighted precision and recall, F1 from them, marked approximate', () => {
    const { indicators } = merge([
      acc({ precision: 0.9, recall: 0.6, f1: 0.72, samples: 300 }),
      acc({ precision: 0.5, recall: 0.8, f1: 0.615, samples: 100, tp: 4, fp: 4, fn: 1 }),
    ]);
    const a = indicators.accuracy_f1!;
    const p = (0.9 * 300 + 0.5 * 100) / 400;
    const r = (0.6 * 300 + 0.8 * 100) / 400;
    expect(a.approximate).toBe(true);
    expect(a.fields.precision).toBeCloseTo(p, 12);
    expect(a.fields.recall).toBeCloseTo(r, 12);
    expect(a.fields.f1).toBeCloseTo((2 * p * r) / (p + r), 12);
    expect(a.fields.f1).not.toBeCloseTo((0.72 + 0.615) / 2, 3); // never the average of F1s
  });
  it("takes a single file as written (the seed's F1 of 0.80 stays 0.80)", () => {
    const { indicators } = merge([{ indicator: 'accuracy_f1', precision: 0.82, recall: 0.78, f1: 0.8, samples: 1000 }]);
    expect(indicators.accuracy_f1).toMatchObject({ approximate: false, fields: { f1: 0.8, precision: 0.82, recall: 0.78, samples: 1000 } });
  });
  it('recomputes a single file from its counts (a written value within the rounding tolerance)', () => {
    // a written value further off is a problem: see untrusted-input.test.ts
    const { indicators } = merge([acc({ f1: 0.5004, tp: 10, fp: 10, fn: 10 })]);
    expect(indicators.accuracy_f1!.fields.f1).toBe(0.5);
  });
});

describe('latency_p99', () => {
  it('merges samples and takes exact nearest-rank percentiles', () => {
    const { indicators } = merge([
      lat({ p50_ms: 75, p90_ms: 95, p99_ms: 100, samples_ms: range(51, 100), requests: 50 }),
      lat({ p50_ms: 25, p90_ms: 45, p99_ms: 50, samples_ms: range(1, 50), requests: 50 }),
    ]);
    expect(indicators.latency_p99).toMatchObject({ approximate: false, fields: { p50_ms: 50, p90_ms: 90, p99_ms: 99, requests: 100 } });
  });
  it('uses the maximum over shards (an upper bound) when a shard has no detail, marked approximate', () => {
    const { indicators } = merge([
      lat({ p50_ms: 10, p90_ms: 50, p99_ms: 90, samples_ms: [10, 90] }),
      lat({ p50_ms: 20, p90_ms: 40, p99_ms: 100 }),
    ]);
    // the first file's p90 is its samples' (nearest rank 2 of 2: 90), not the 50 it wrote
    expect(indicators.latency_p99).toMatchObject({ approximate: true, fields: { p50_ms: 20, p90_ms: 90, p99_ms: 100, requests: 20 } });
  });
  describe('a shard with detail counts in the upper bound with its detail, not its written summary (SPEC §2)', () => {
    const summaryOnly = lat({ p50_ms: 20, p90_ms: 45, p99_ms: 120, requests: 100 });
    const h = newHistogram(3);
    for (let i = 0; i < 90; i++) h.recordValue(10_000); // µs: 90 values of 10 ms and one of 500 ms
    h.recordValue(500_000);
    it.each([
      ['samples_ms', lat({ p50_ms: 1, p90_ms: 2, p99_ms: 3, requests: 5, samples_ms: [1, 2, 3, 30, 500] }), [20, 500, 500]],
      ['hdr_histogram', lat({ p50_ms: 10, p90_ms: 10, p99_ms: 10, requests: 91, hdr_histogram: encodeHistogram(h), hdr_unit: 'us' }), [20, 45, 500.223]],
    ])('%s written lower than its detail', (_, detailed, [p50, p90, p99]) => {
      for (const order of [
        [summaryOnly, detailed],
        [detailed, summaryOnly],
      ]) {
        const { indicators } = merge(order);
        expect(indicators.latency_p99).toMatchObject({ approximate: true, fields: { p50_ms: p50, p90_ms: p90 } });
        // HdrHistogram's value at percentile is the highest value of its counter (3 digits)
        expect(indicators.latency_p99!.fields.p99_ms).toBeCloseTo(p99!, 0);
        expect(indicators.latency_p99!.fields.p99_ms as number).toBeGreaterThanOrEqual(500);
      }
    });
  });
  it('merges samples with histograms (values in the histogram unit)', () => {
    const h = newHistogram(3);
    for (const v of range(1, 50)) h.recordValue(v * 1000); // microseconds
    const { indicators } = merge([
      lat({ hdr_histogram: encodeHistogram(h), hdr_unit: 'us', requests: 50 }),
      lat({ p50_ms: 75, p90_ms: 95, p99_ms: 100, samples_ms: range(51, 100), requests: 50 }),
    ]);
    const f = indicators.latency_p99!.fields;
    expect(indicators.latency_p99!.approximate).toBe(false);
    // HdrHistogram reports the highest value equivalent to the bucket (3 significant digits)
    expect(f.p50_ms).toBeCloseTo(50, 1);
    expect(f.p99_ms).toBeCloseTo(99, 1);
  });
  it('merges histograms of different units in the finest one', () => {
    const ms = newHistogram(3);
    for (const v of range(1, 50)) ms.recordValue(v);
    const ns = newHistogram(3);
    for (const v of range(51, 100)) ns.recordValue(v * 1_000_000);
    const { indicators } = merge([
      lat({ hdr_histogram: encodeHistogram(ms), hdr_unit: 'ms', requests: 50 }),
      lat({ p50_ms: 75, p90_ms: 95, p99_ms: 100, hdr_histogram: encodeHistogram(ns), hdr_unit: 'ns', requests: 50 }),
    ]);
    const f = indicators.latency_p99!.fields;
    expect(f.p50_ms).toBeCloseTo(50, 1);
    expect(f.p90_ms).toBeCloseTo(90, 0);
  });
  it('recomputes a single file from its samples', () => {
    const { indicators } = merge([lat({ p50_ms: 1, p90_ms: 1, p99_ms: 1, samples_ms: range(1, 10) })]);
    expect(indicators.latency_p99!.fields).toMatchObject({ p50_ms: 5, p90_ms: 9, p99_ms: 10 });
  });
});

describe('throughput_rps, toxicity, robustness_adv', () => {
  it('sums rps and concurrency, takes the longest duration', () => {
    const t = (o: object) => ({ indicator: 'throughput_rps', rps: 100, concurrency: 4, duration_s: 60, ...o });
    const { indicators } = merge([t({ requests: 6000, errors: 3 }), t({ rps: 150, duration_s: 61, requests: 9000, errors: 0 })]);
    expect(indicators.throughput_rps).toMatchObject({
      approximate: false,
      fields: { rps: 250, concurrency: 8, duration_s: 61, requests: 15000, errors: 3 },
    });
  });
  it('sums toxic counts over summed totals', () => {
    const t = (o: object) => ({ indicator: 'toxicity', toxic_ratio: 0, total_samples: 1000, ...o });
    const { indicators } = merge([
      t({ toxic_count: 3, toxic_ratio: 0.003 }),
      t({ toxic_count: 7, toxic_ratio: 0.0023, total_samples: 3000 }),
    ]);
    expect(indicators.toxicity).toMatchObject({
      approximate: false,
      fields: { toxic_count: 10, total_samples: 4000, toxic_ratio: 0.0025 },
    });
  });
  it('derives a missing toxic_count as round(ratio × total), marked approximate', () => {
    const t = (o: object) => ({ indicator: 'toxicity', total_samples: 1000, ...o });
    const { indicators } = merge([t({ toxic_ratio: 0.0034 }), t({ toxic_ratio: 0.001, toxic_count: 1 })]);
    expect(indicators.toxicity).toMatchObject({ approximate: true, fields: { toxic_count: 4, total_samples: 2000, toxic_ratio: 0.002 } });
  });
  it('keeps a single toxicity file as written and carries toxic_count', () => {
    const { indicators } = merge([{ indicator: 'toxicity', toxic_ratio: 0.003, total_samples: 20000 }]);
    expect(indicators.toxicity!.fields).toMatchObject({ toxic_ratio: 0.003, total_samples: 20000, toxic_count: 60 });
  });
  it('keeps one row per attack type, sample-weighted within one, worst on top', () => {
    const r = (o: object) => ({ indicator: 'robustness_adv', attack_type: 'fgsm', success_rate: 0.1, f1_drop: 0.05, ...o });
    const { indicators } = merge([
      r({ samples: 100, success_rate: 0.1, f1_drop: 0.02 }),
      r({ samples: 300, success_rate: 0.2, f1_drop: 0.06 }),
      r({ attack_type: 'pgd', success_rate: 0.4, f1_drop: 0.09 }),
    ]);
    const ra = indicators.robustness_adv!;
    expect(Object.keys(ra.attacks!)).toEqual(['fgsm', 'pgd']);
    expect(ra.attacks!.fgsm!.fields.success_rate).toBeCloseTo(0.175, 12);
    expect(ra.attacks!.fgsm!.fields.f1_drop).toBeCloseTo(0.05, 12);
    expect(ra.attacks!.fgsm!.fields.samples).toBe(400);
    expect(ra.fields).toMatchObject({ attack_types: ['fgsm', 'pgd'], success_rate: 0.4, f1_drop: 0.09 });
  });
});

describe('custom indicators', () => {
  const b = (score: number, n: number) => ({ indicator: 'bleu', score, n });
  it.each([
    ['sum', { score: 60, n: 4 }],
    ['mean', { score: 30, n: 2 }],
    ['max', { score: 40, n: 3 }],
    ['min', { score: 20, n: 1 }],
    ['weighted_mean:n', { score: (20 * 1 + 40 * 3) / 4, n: 4 }],
  ])('merges with %s', (strategy, want) => {
    const { indicators } = merge([b(20, 1), b(40, 3)], { bleu: parseMergeStrategy(strategy)! });
    expect(indicators.bleu!.fields).toEqual(want);
  });
  it('needs a strategy for several files', () => {
    const { messages, unmerged } = merge([b(20, 1), b(40, 3)]);
    expect(messages).toEqual([
      'bleu (s0.json, s1.json): expected a merge strategy for custom indicator bleu in the config (merge: {bleu: one of sum, mean, max, min, weighted_mean:FIELD}), got 2 files and no strategy',
    ]);
    expect(unmerged.bleu).toMatch(/not merged/);
  });
  it('takes one file as written without a strategy', () => {
    expect(merge([b(20, 1)]).indicators.bleu!.fields).toEqual({ score: 20, n: 1 });
  });
  it('rejects unknown strategies', () => {
    expect(parseMergeStrategy('median')).toBeNull();
    expect(parseMergeStrategy('weighted_mean:')).toBeNull();
  });
});

describe('shard sets', () => {
  const s = (index: number, count: number) => acc({ shard: { index, count } });
  it.each([
    [
      'a duplicate index',
      [s(0, 2), s(0, 2), s(1, 2)],
      ['accuracy_f1 (s0.json, s1.json, s2.json): $.shard: expected shard index 0 exactly once, got it 2 times (s0.json, s1.json)'],
    ],
    [
      'a gap',
      [s(0, 3), s(2, 3)],
      ['accuracy_f1 (s0.json, s1.json): $.shard: expected indices 0…2 (shard.count 3), got no file for index 1'],
    ],
    [
      'mixed counts',
      [s(0, 2), s(1, 3)],
      ['accuracy_f1 (s0.json, s1.json): $.shard: expected one shard.count for the whole set, got counts 2, 3'],
    ],
    [
      'a file without shard',
      [s(0, 2), acc({})],
      ['accuracy_f1 (s0.json, s1.json): $.shard: expected every file of a shard set to carry shard {index, count}, got none in s1.json'],
    ],
  ])('rejects %s, naming the indicator and every file', (_name, files, want) => {
    const r = merge(files);
    expect(r.messages).toEqual(want);
    expect(r.indicators.accuracy_f1).toBeUndefined();
  });
  it('accepts a complete set in any order', () => {
    const r = merge([s(2, 3), s(0, 3), s(1, 3)]);
    expect(r.messages).toEqual([]);
    expect(r.indicators.accuracy_f1!.sources).toHaveLength(3);
  });
  it('checks each attack type of robustness_adv as its own set', () => {
    const r = (attack: string, index: number) => ({
      indicator: 'robustness_adv',
      attack_type: attack,
      success_rate: 0.1,
      f1_drop: 0.01,
      shard: { index, count: 2 },
    });
    expect(merge([r('fgsm', 0), r('fgsm', 1), r('pgd', 0), r('pgd', 1)]).messages).toEqual([]);
    expect(merge([r('fgsm', 0), r('fgsm', 1), r('pgd', 0)]).messages[0]).toMatch(/^robustness_adv \(attack_type "pgd"\) \(s2.json\)/);
  });
});

describe('names that are properties of every object', () => {
  it('keep an attack_type such as "constructor" or "__proto__" as an attack', () => {
    const r = (attack_type: string, f1_drop: number) => ({ indicator: 'robustness_adv', attack_type, success_rate: 0.1, f1_drop });
    const m = new IndicatorMerger();
    [r('constructor', 0.2), r('__proto__', 0.3), r('toString', 0.05)].forEach((v, i) => m.add(record(v, `r${i}.json`)));
    const ra = m.finish().indicators.robustness_adv!;
    expect(Object.keys(ra.attacks!)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(ra.fields.f1_drop).toBe(0.3);
    expect(JSON.parse(JSON.stringify(ra.attacks)).__proto__.fields.f1_drop).toBe(0.3);
  });
});
