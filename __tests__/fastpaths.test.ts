/**
 * The fast paths of `gate` (issue #17) against the reference paths they stand for: the result
 * must be the same, byte for byte, on random valid and invalid input.
 *
 * - radix selection across the files' sample arrays vs sorting all of them (nearest rank);
 * - the streaming samples_ms reader vs JSON.parse and the one reader of untrusted JSON;
 * - the quick schema check vs the zod schemas (it may only accept what zod accepts);
 * - collect() through the fast paths vs parseJsonText + validateIndicator + IndicatorMerger.
 */
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { nearestRank, percentilesOfChunks } from '../src/core/percentile.js';
import { readWithSamples } from '../src/core/json-samples.js';
import { parseJsonText } from '../src/core/json.js';
import { quickSchemaOk } from '../src/core/indicators/quick.js';
import { SCHEMAS, custom } from '../src/core/indicators/schemas.js';
import { isBuiltin } from '../src/core/indicators/names.js';
import { validateIndicator } from '../src/core/indicators/validate.js';
import { IndicatorMerger } from '../src/core/indicators/merge.js';
import { collect, FAST_SAMPLES_BYTES } from '../src/engine.js';
import { formatProblem } from '../src/core/problem.js';
import { captureRuntime, writeFiles } from './helpers.js';

// the streaming reader, watched: collect() must take it for large files (a property that compares
// it with the reference is vacuous if collect() never calls it)
vi.mock('../src/core/json-samples.js', async (original) => {
  const m = await original<typeof import('../src/core/json-samples.js')>();
  return { ...m, readWithSamples: vi.fn(m.readWithSamples) };
});

const PS = [50, 90, 99, 99.9, 100, 0.1];
const bySort = (values: number[], ps: readonly number[]): number[] => {
  const s = Float64Array.from(values).sort();
  return ps.map((p) => s[nearestRank(p, s.length) - 1]!);
};
/** samples as producers write them: ms with 3 decimals, integers, ties, zeros, huge and tiny ones */
const sample = fc.oneof(
  fc.integer({ min: 0, max: 2_000_000 }).map((x) => x / 1000),
  fc.integer({ min: 0, max: 50 }),
  fc.constantFrom(0, 1e-300, 5e-324, 1e300, 18.5, 18.5000001),
  fc.double({ min: 0, max: 1e6, noNaN: true }),
);

describe('radix selection across arrays = nearest rank of the sorted union', () => {
  it.each([1, 2, 3, 64, 1 << 20])('gather limit %i (every radix level is reached)', (limit) => {
    fc.assert(
      fc.property(fc.array(fc.array(sample, { minLength: 1, maxLength: 60 }), { minLength: 2, maxLength: 6 }), (chunks) => {
        const want = bySort(chunks.flat(), PS);
        const got = percentilesOfChunks(
          chunks.map((c) => Float64Array.from(c)),
          PS,
          limit,
        );
        // -0 and 0 are one value (the report writes both as 0)
        expect(got.map((v) => v + 0)).toEqual(want.map((v) => v + 0));
      }),
      { numRuns: 150 },
    );
  });

  it('2.5 million samples in 3 arrays (the default limit: radix, then quickselect)', () => {
    let seed = 7;
    const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const chunks = [0, 1, 2].map(() => Float64Array.from({ length: 850_000 }, () => Math.round(18_000 * Math.exp(0.45 * rand())) / 1000));
    const want = bySort(
      chunks.flatMap((c) => [...c]),
      PS,
    );
    expect(percentilesOfChunks(chunks, PS)).toEqual(want);
  });
});

// ---------------------------------------------------------------------------------------------

const number = fc.oneof(
  fc.integer({ min: 0, max: 10 ** 9 }).map(String),
  fc.double({ min: 0, max: 1e12, noNaN: true }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 30 })).map(([m, e]) => `${m}e${e - 15}`),
  fc.tuple(fc.nat(999), fc.stringMatching(/^[0-9]{1,25}$/)).map(([a, b]) => `${a}.${b}`),
  fc.constantFrom(
    '0',
    '0.0',
    '1E2',
    '1e+2',
    '2.5E-3',
    '123456789012345678901234567890',
    '0.1000000000000000055511151231257827',
    '1e999',
    '-0',
    '-1',
    '01',
    '1.',
    '.5',
    '+1',
    'NaN',
    'Infinity',
    '1e',
    '0x10',
    'true',
    '"1"',
    '[]',
    '{}',
  ),
);
const space = fc.constantFrom('', ' ', '\n', '\t ', '\r\n');
const arrayText = fc
  .tuple(fc.array(fc.tuple(space, number, space), { maxLength: 12 }), fc.constantFrom(',', ', ', ',,', ''))
  .map(([items, sep]) => `[${items.map(([a, n, b]) => a + n + b).join(sep || ',')}]`);
const otherField = fc.oneof(
  fc.constant('"p50_ms":1'),
  fc.constant('"requests":3'),
  fc.constant('"samples_ms":[1]'),
  fc.constant('"nested":{"samples_ms":[1,2]}'),
  fc.constant('"note":"\\"samples_ms\\":[1,2]"'),
  fc.constant('"marker":"\\u0000evalgate:samples_ms"'),
  fc.constant('"x":NaN'),
  fc.constant('"deep":' + '['.repeat(70) + ']'.repeat(70)),
  fc.constant('"big":1e999'),
  fc.constant('"s":"ü€"'),
);
const fileText = fc
  .tuple(
    fc.array(otherField, { maxLength: 3 }),
    fc.constantFrom('"samples_ms"', '"samples_ms" ', '"samples_ms"\n'),
    space,
    arrayText,
    fc.array(otherField, { maxLength: 3 }),
    fc.constantFrom('', '\ufeff'),
  )
  .map(([before, key, sp, arr, after, bom]) => `${bom}{${[...before, `${key}:${sp}${arr}`, ...after].join(',')}}`);

describe('the streaming samples_ms reader is JSON.parse, or says nothing', () => {
  it('random valid and invalid texts: its value is exactly the reference reader value', () => {
    let taken = 0;
    fc.assert(
      fc.property(fileText, (text) => {
        const fast = readWithSamples(Buffer.from(text), 'f.json');
        if (fast === null) return; // read the ordinary way: nothing to compare
        taken++;
        const ref = parseJsonText(text, 'f.json');
        expect(ref.ok && ref.problems).toEqual([]);
        const want = JSON.parse(text) as Record<string, unknown>;
        const got = { ...fast.value, samples_ms: Array.from(fast.samples) };
        expect(Object.keys(got)).toEqual(Object.keys(want));
        // Object.is per sample: the same doubles, bit for bit
        const ws = want.samples_ms as number[];
        expect(got.samples_ms.length).toBe(ws.length);
        got.samples_ms.forEach((v, i) => expect(Object.is(v, ws[i])).toBe(true));
        expect({ ...got, samples_ms: null }).toEqual({ ...want, samples_ms: null });
      }),
      { numRuns: 3000 },
    );
    // the property is about the fast way: some of these mostly broken texts must take it
    expect(taken).toBeGreaterThan(50);
  });

  it('random valid arrays of numbers in every notation: read the fast way, the same doubles as JSON.parse', () => {
    const valid = fc.oneof(
      fc.integer({ min: 0, max: 10 ** 12 }).map(String),
      fc.double({ min: 0, max: 1e300, noNaN: true }).map(String),
      fc
        .tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: -330, max: 300 }), fc.constantFrom('e', 'E', 'e+'))
        .map(([m, e, x]) => `${m}${e < 0 ? 'e' : x}${e}`),
      fc.tuple(fc.nat(999), fc.stringMatching(/^[0-9]{1,25}$/)).map(([a, b]) => `${a}.${b}`),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(space, valid, space), { minLength: 1, maxLength: 30 }), (items) => {
        const text = `{"indicator":"latency_p99","samples_ms":[${items.map(([a, n, b]) => a + n + b).join(',')}],"requests":1}`;
        const fast = readWithSamples(Buffer.from(text), 'f.json');
        const want = (JSON.parse(text) as { samples_ms: number[] }).samples_ms;
        if (want.some((v) => !Number.isFinite(v))) return expect(fast).toBeNull();
        expect(fast).not.toBeNull();
        expect(fast!.samples.length).toBe(want.length);
        fast!.samples.forEach((v, i) => expect(Object.is(v, want[i])).toBe(true));
      }),
      { numRuns: 2000 },
    );
  });

  it('takes the fast way on the plain files producers write', () => {
    const text = JSON.stringify({ indicator: 'latency_p99', samples_ms: [12.345, 0, 7, 1e-7, 2.5e21], p50_ms: 7, requests: 5 });
    const fast = readWithSamples(Buffer.from(text), 'f.json');
    expect(fast && Array.from(fast.samples)).toEqual([12.345, 0, 7, 1e-7, 2.5e21]);
    expect(fast?.value).toEqual({ indicator: 'latency_p99', samples_ms: expect.any(String), p50_ms: 7, requests: 5 });
  });

  it.each([
    ['a duplicate samples_ms', '{"samples_ms":[1],"samples_ms":[2]}'],
    ['a nested samples_ms first', '{"a":{"samples_ms":[1]},"samples_ms":"\\u0000evalgate:samples_ms"}'],
    ['a negative sample', '{"samples_ms":[1,-2]}'],
    ['NaN after the array', '{"samples_ms":[1],"p50_ms":NaN}'],
    ['an overflowing sample', '{"samples_ms":[1e999]}'],
    ['an empty array', '{"samples_ms":[]}'],
    ['a trailing comma', '{"samples_ms":[1,]}'],
  ])('%s: read the ordinary way', (_, text) => {
    expect(readWithSamples(Buffer.from(text), 'f.json')).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------

const anyValue = fc.oneof(
  fc.double(),
  fc.integer({ min: -5, max: 200_000 }),
  fc.constantFrom(0, 1, 0.5, 2 ** 53, 2 ** 53 + 2, -0, 1.5, 100_000, 100_001),
  fc.string({ maxLength: 3 }),
  fc.constantFrom('', 'ns', 'us', 'ms', 's'),
  fc.constant(null),
  fc.boolean(),
  fc.constant([]),
  fc.record({ index: fc.integer({ min: -1, max: 5 }), count: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ index: fc.double(), count: fc.double() }, { requiredKeys: [] }),
);
const FIELD_NAMES = [
  'precision',
  'recall',
  'f1',
  'samples',
  'tp',
  'fp',
  'fn',
  'tn',
  'p50_ms',
  'p90_ms',
  'p99_ms',
  'requests',
  'hdr_unit',
  'rps',
  'concurrency',
  'duration_s',
  'errors',
  'attack_type',
  'success_rate',
  'f1_drop',
  'eps',
  'f1_clean',
  'f1_adv',
  'toxic_ratio',
  'total_samples',
  'toxic_count',
  'shard',
  'model',
  'dataset',
  'platform',
  'run_id',
  'started_at',
  'finished_at',
  'extra',
];
const candidate = fc
  .tuple(
    fc.constantFrom('accuracy_f1', 'latency_p99', 'throughput_rps', 'robustness_adv', 'toxicity', 'custom_x'),
    fc.dictionary(fc.constantFrom(...FIELD_NAMES), anyValue),
  )
  .map(([indicator, fields]) => ({ ...fields, indicator }) as Record<string, unknown>);
/** a valid file of each built-in, with one field replaced at random */
const VALID: Record<string, Record<string, unknown>> = {
  accuracy_f1: {
    indicator: 'accuracy_f1',
    precision: 0.8,
    recall: 0.7,
    f1: 0.74,
    samples: 100,
    tp: 1,
    fp: 0,
    fn: 0,
    shard: { index: 0, count: 2 },
  },
  latency_p99: { indicator: 'latency_p99', p50_ms: 1, p90_ms: 2, p99_ms: 3, requests: 10, hdr_unit: 'ms', model: 'm' },
  throughput_rps: { indicator: 'throughput_rps', rps: 5, concurrency: 2, duration_s: 1, requests: 5, errors: 0 },
  robustness_adv: { indicator: 'robustness_adv', attack_type: 'fgsm', success_rate: 0.1, f1_drop: -0.1, samples: 3, eps: 0, run_id: 7 },
  toxicity: { indicator: 'toxicity', toxic_ratio: 0.01, total_samples: 100, toxic_count: 1, started_at: 'x' },
};
const mutated = fc
  .tuple(fc.constantFrom(...Object.keys(VALID)), fc.constantFrom(...FIELD_NAMES), anyValue)
  .map(([name, k, v]) => ({ ...VALID[name], [k]: v }) as Record<string, unknown>);

describe('the quick schema check accepts only what the zod schemas accept', () => {
  it('random and mutated files', () => {
    fc.assert(
      fc.property(fc.oneof(candidate, mutated), (obj) => {
        const name = obj.indicator as string;
        if (!quickSchemaOk(name, obj)) return;
        const schema = isBuiltin(name) ? SCHEMAS[name] : custom;
        expect(schema.safeParse(obj).success).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
  it.each(Object.entries(VALID))('accepts a valid %s file', (name, obj) => {
    expect(quickSchemaOk(name, obj)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

/** The reference path of collect(): the text, the one JSON reader, validateIndicator, the merger. */
function referenceCollect(files: Record<string, string>) {
  const problems: string[] = [];
  const merger = new IndicatorMerger({});
  for (const [file, raw] of Object.entries(files)) {
    const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    const parsed = parseJsonText(text, file);
    if (!parsed.ok) {
      problems.push(...parsed.problems.map(formatProblem));
      continue;
    }
    const v = validateIndicator(parsed.value, file);
    if (v.ok && parsed.problems.length === 0) merger.add(v.record);
    else {
      const seen = new Set(parsed.problems.map((p) => p.path));
      problems.push(...[...parsed.problems, ...(v.ok ? [] : v.problems.filter((p) => !seen.has(p.path)))].map(formatProblem));
      const indicator = v.ok ? v.record.indicator : v.indicator;
      if (indicator) merger.invalid(indicator, file);
    }
  }
  const merge = merger.finish();
  problems.push(...merge.problems.map(formatProblem));
  return { problems, indicators: JSON.parse(JSON.stringify(merge.indicators)) as unknown };
}

const latencyFile = fc
  .tuple(
    fc.array(
      fc.integer({ min: 0, max: 500_000 }).map((x) => x / 1000),
      { minLength: 1, maxLength: 40 },
    ),
    arrayText,
    fc.nat(4),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([samples, junk, variant, shard, large]) => {
    const s = [...samples].sort((a, b) => a - b);
    const at = (p: number) => s[nearestRank(p, s.length) - 1]!;
    // a large file (past FAST_SAMPLES_BYTES) takes readWithSamples in collect(), a small one JSON.parse
    const pad = large ? `,"note":"${'x'.repeat(FAST_SAMPLES_BYTES)}"` : '';
    const base = `"indicator":"latency_p99","p50_ms":${at(50)},"p90_ms":${at(90)},"p99_ms":${at(99)},"requests":${variant === 3 ? 1 : s.length}${pad}`;
    const arr = variant === 4 ? junk : `[${samples.join(variant === 1 ? ', ' : ',')}]`;
    return { text: variant === 2 ? `{"samples_ms":${arr},${base}}` : `{${base},"samples_ms":${arr}}`, shard };
  });

describe('collect() through the fast paths = the reference path', () => {
  it('random sets of valid and invalid latency files (problems and merged indicators)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(latencyFile, { minLength: 1, maxLength: 4 }), async (list) => {
        const files: Record<string, string> = {};
        list.forEach((f, i) => (files[`l${i}.json`] = f.text));
        const dir = writeFiles(files);
        const calls = vi.mocked(readWithSamples).mock.calls.length;
        const got = await collect(Object.keys(files), { maxFileSizeMb: 64, merge: {} }, captureRuntime(dir));
        const large = Object.values(files).filter((t) => Buffer.byteLength(t) > FAST_SAMPLES_BYTES).length;
        expect(vi.mocked(readWithSamples).mock.calls.length - calls).toBe(large);
        const want = referenceCollect(files);
        expect(got.problems.map(formatProblem)).toEqual(want.problems);
        expect(JSON.parse(JSON.stringify(got.merge.indicators))).toEqual(want.indicators);
      }),
      { numRuns: 150 },
    );
  });
});
