/**
 * Untrusted input, tried as an attacker would (SPEC §2, §5): every case ends with the right verdict
 * or a problem naming the file and the JSON path (or config line), within a bounded time, and
 * each limit is tried at the limit and one past it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, parseJsonText } from '../src/core/json.js';
import { MAX_HDR_BYTES, decodeHistogram } from '../src/core/hdr.js';
import { encodeHistogram, newHistogram } from './hdr-reference.js';
import { collect } from '../src/engine.js';
import { MAX_CONFIG_BYTES, parseConfig } from '../src/config/file.js';
import { formatProblem } from '../src/core/problem.js';
import { captureRuntime, growthOver4x, writeFiles } from './helpers.js';

const CLI = path.resolve(import.meta.dirname, '..', 'dist', 'cli', 'index.js');

/** A histogram of `values` (in µs), base64. */
function histogram(values: number[]): string {
  const h = newHistogram(3);
  for (const v of values) h.recordValue(v);
  return encodeHistogram(h);
}

/** A V2 compressed histogram built by hand: header fields and the raw payload bytes. */
function rawHistogram(opts: { payload: Buffer; payloadLength?: number; lowest?: number; highest?: number; digits?: number }): string {
  const header = Buffer.alloc(40);
  header.writeInt32BE(0x1c849313, 0);
  header.writeInt32BE(opts.payloadLength ?? opts.payload.length, 4);
  header.writeInt32BE(0, 8);
  header.writeInt32BE(opts.digits ?? 3, 12);
  header.writeBigInt64BE(BigInt(opts.lowest ?? 1), 16);
  header.writeBigInt64BE(BigInt(opts.highest ?? 3_600_000_000), 24);
  header.writeDoubleBE(1, 32);
  return wrap(Buffer.concat([header, opts.payload]));
}
function wrap(raw: Buffer): string {
  const z = deflateSync(raw);
  const head = Buffer.alloc(8);
  head.writeInt32BE(0x1c849314, 0);
  head.writeInt32BE(z.length, 4);
  return Buffer.concat([head, z]).toString('base64');
}
/** ZigZag LEB128 of one count (negative: a run of zeros). */
function word(count: number): Buffer {
  let v = count >= 0 ? count * 2 : -count * 2 - 1;
  const out: number[] = [];
  while (v >= 128) {
    out.push((v % 128) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return Buffer.from(out);
}
/** A real histogram's encoding with its highest trackable value replaced in the header. */
function withHighest(base64: string, highest: number): string {
  const bytes = Buffer.from(base64, 'base64');
  const raw = inflateSync(bytes.subarray(8));
  raw.writeBigInt64BE(BigInt(highest), 24);
  return wrap(raw);
}

const latency = (extra: Record<string, unknown>) => ({
  indicator: 'latency_p99',
  p50_ms: 100,
  p90_ms: 200,
  p99_ms: 365.6,
  requests: 1000,
  ...extra,
});

/** Collects `files` (name -> JSON value or raw text) through the engine; returns the problems' text. */
async function problemsOf(files: Record<string, unknown>) {
  const dir = writeFiles(files);
  const rt = captureRuntime(dir);
  const names = Object.keys(files);
  const t0 = Date.now();
  const c = await collect(names, { maxFileSizeMb: 64, merge: {} }, rt);
  return { text: c.problems.map(formatProblem), merged: c.merge.indicators, ms: Date.now() - t0 };
}

const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  .concat(['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`))
  .join('\n');
const deep = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
const outliers = histogram([...Array.from({ length: 990 }, (_, i) => 1000 + i), ...Array(10).fill(900_000)]);

describe('each attack ends in a problem naming the file and the JSON path', () => {
  it.each<[string, Record<string, unknown>, RegExp[]]>([
    [
      'seconds written into samples_ms',
      { 'l.json': latency({ samples_ms: [0.1, 0.2, 0.3, 0.4] }) },
      [
        /^l\.json: \$\.p99_ms: expected a value within the range of \$\.samples_ms: 0\.1 to 0\.4 ms, got 365\.6 \(seconds written into samples_ms\?\)$/,
      ],
    ],
    [
      'more samples than requests',
      { 'l.json': latency({ p50_ms: 1, p90_ms: 1, p99_ms: 1, requests: 2, samples_ms: [1, 1, 1] }) },
      [/^l\.json: \$\.requests: .*\(3\), got 2$/],
    ],
    [
      'a histogram in the wrong unit',
      { 'l.json': latency({ hdr_histogram: histogram([100, 200, 365]) }) },
      [/^l\.json: \$\.p99_ms: expected a value within the range of \$\.hdr_histogram.*got 365\.6 \(the wrong hdr_unit\?\)$/],
    ],
    [
      'f1 that disagrees with its counts',
      { 'a.json': { indicator: 'accuracy_f1', precision: 0.5, recall: 0.5, f1: 0.9, samples: 30, tp: 10, fp: 10, fn: 10 } },
      [/^a\.json: \$\.f1: expected 0\.5 \(from tp 10, fp 10, fn 10, within 0\.0005\), got 0\.9$/],
    ],
    [
      'toxic_ratio that disagrees with toxic_count',
      { 't.json': { indicator: 'toxicity', toxic_ratio: 0.001, total_samples: 1000, toxic_count: 100 } },
      [/^t\.json: \$\.toxic_ratio: expected 0\.1 \(from toxic_count 100 \/ total_samples 1000, within 0\.0005\), got 0\.001$/],
    ],
    [
      'huge samples next to a histogram',
      {
        'h.json': latency({ p50_ms: 1, p90_ms: 1.5, p99_ms: 1.99, requests: 3, hdr_histogram: histogram([1000, 1500, 1990]) }),
        's.json': latency({ p50_ms: 1e300, p90_ms: 1e300, p99_ms: 1e300, requests: 2, samples_ms: [1e300, 1e300] }),
      },
      [
        /^latency_p99 \(h\.json, s\.json\): expected latencies a merged histogram can hold exactly .*got a latency of 1e\+300 ms cannot be merged/,
      ],
    ],
    [
      'a histogram whose header lost its highest trackable value',
      { 'l.json': latency({ p50_ms: 1.2, p90_ms: 1.9, p99_ms: 900, hdr_histogram: withHighest(outliers, 2000) }) },
      [/^l\.json: \$\.hdr_histogram: .*its counts do not fit its own header \(highest trackable value 2000/],
    ],
    [
      'a duplicate key',
      { 'a.json': '{"indicator":"accuracy_f1","f1":0.1,"precision":0.9,"recall":0.9,"samples":1,"f1":0.9}' },
      [/^a\.json: \$\.f1: expected each key at most once in an object, got "f1" again/],
    ],
    [
      'a nested duplicate key',
      { 'a.json': '{"indicator":"toxicity","toxic_ratio":0.1,"total_samples":10,"shard":{"index":0,"count":1,"index":0}}' },
      [/^a\.json: \$\.shard\.index: expected each key at most once/],
    ],
    [
      'a file nested 5,000 levels deep',
      { 'd.json': deep(5000) },
      [/^d\.json: \$(\.a){64}: expected nesting at most 64 levels deep, got nesting deeper than 64$/],
    ],
    [
      'NaN',
      { 'l.json': '{"indicator":"latency_p99","p50_ms":1,"p90_ms":NaN,"p99_ms":3,"requests":1}' },
      [/^l\.json: \$\.p90_ms: expected a finite number, got NaN/],
    ],
    [
      'Infinity in samples',
      { 'l.json': '{"indicator":"latency_p99","p50_ms":1,"p90_ms":2,"p99_ms":3,"requests":3,"samples_ms":[1,2,Infinity]}' },
      [/^l\.json: \$\.samples_ms\[2\]: expected a finite number, got Infinity/],
    ],
    [
      '-Infinity',
      { 'r.json': '{"indicator":"robustness_adv","attack_type":"fgsm","success_rate":0.1,"f1_drop":-Infinity}' },
      [/^r\.json: \$\.f1_drop: expected a finite number, got -Infinity/],
    ],
    [
      '1e999',
      { 'r.json': '{"indicator":"robustness_adv","attack_type":"fgsm","success_rate":0.1,"f1_drop":0.1,"eps":1e999}' },
      [/^r\.json: \$\.eps: expected a finite number, got a literal too large/],
    ],
  ])('%s', async (_name, files, want) => {
    const r = await problemsOf(files);
    for (const w of want)
      expect(
        r.text.some((t) => w.test(t)),
        `${w}\n${r.text.join('\n')}`,
      ).toBe(true);
    expect(r.ms).toBeLessThan(5000);
  });

  it('a set of one histogram file and one samples file of ordinary values merges, p50 ≤ p90 ≤ p99', async () => {
    const r = await problemsOf({
      'h.json': latency({ p50_ms: 1, p90_ms: 1.5, p99_ms: 1.99, requests: 3, hdr_histogram: histogram([1000, 1500, 1990]) }),
      's.json': latency({ p50_ms: 300, p90_ms: 300, p99_ms: 400, requests: 2, samples_ms: [300, 400] }),
    });
    expect(r.text).toEqual([]);
    const f = r.merged.latency_p99!.fields as Record<string, number>;
    expect(f.p50_ms).toBeLessThanOrEqual(f.p90_ms!);
    expect(f.p90_ms).toBeLessThanOrEqual(f.p99_ms!);
    expect(f.p99_ms).toBeGreaterThan(399);
  });
});

describe('summary and detail agree within 0.0005 (a value rounded to 3 decimals)', () => {
  const f1 = (v: number) => ({
    'a.json': { indicator: 'accuracy_f1', precision: 0.5, recall: 0.5, f1: v, samples: 30, tp: 10, fp: 10, fn: 10 },
  });
  it.each([
    [0.5004, true],
    [0.5006, false],
    [0.4996, true],
    [0.4994, false],
  ])('f1 %s next to counts giving 0.5: accepted %s', async (v, ok) => {
    expect((await problemsOf(f1(v))).text.length === 0).toBe(ok);
  });
  it.each([
    [0.4, true],
    [0.4 - 0.0006, false],
  ])('p50 %s next to samples from 0.4: accepted %s', async (p50, ok) => {
    const r = await problemsOf({ 'l.json': latency({ p50_ms: p50, p90_ms: 0.5, p99_ms: 0.5, requests: 2, samples_ms: [0.4, 0.5] }) });
    expect(r.text.length === 0).toBe(ok);
  });
});

describe('duplicate keys that JSON.parse would hide, whatever the text around them', () => {
  // parseJsonText takes JSON.parse first and counts keys against the text's ":"s: these texts try
  // to balance that count with ":"s in strings, escaped ones, and values dropped with their key
  it.each([
    ['{"a":1,"a":2}', '$.a'],
    ['{"t":"12:00","t":"1"}', '$.t'],
    ['{"a":1,"a":"\\u003a"}', '$.a'],
    ['{"a":{"b:c":1},"a":{"d":"::"}}', '$.a'],
    ['{"x":[{"k":1,"k":1}],"y":"a:b"}', '$.x[0].k'],
    ['{"a":1,"\\u0061":2}', '$.a'],
  ])('%s: a duplicate key at %s', (text, at) => {
    const r = parseJsonText(text, 'x.json');
    expect(r.ok && r.problems.map((p) => p.path)).toEqual([at]);
  });

  it.each(['{"t":"12:00:01","u":{"v":"a:b"},"w":["c:d",{"e:f":1}]}', '{"a":"\\u003a","b":1}', '[1,2,{"a":null}]'])(
    '%s: accepted, as JSON.parse reads it',
    (text) => {
      const r = parseJsonText(text, 'x.json');
      expect(r.ok && r.problems).toEqual([]);
      expect(r.ok && r.value).toEqual(JSON.parse(text));
    },
  );
});

describe('limits, at the limit and one past it', () => {
  it.each([
    [MAX_DEPTH, true],
    [MAX_DEPTH + 1, false],
  ])('nesting %i levels deep: accepted %s', (n, ok) => {
    const r = parseJsonText('['.repeat(n) + ']'.repeat(n), 'x.json');
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(formatProblem(r.problems[0]!)).toMatch(/nesting deeper than 64$/);
  });

  it.each([
    [1000, true],
    [1001, false],
  ])('a text of 1000-byte cap, %i bytes: accepted %s', (size, ok) => {
    const text = `{"a":"${'x'.repeat(size - 8)}"}`;
    expect(Buffer.byteLength(text)).toBe(size);
    const r = parseJsonText(text, 'x.json', { maxBytes: 1000 });
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(formatProblem(r.problems[0]!)).toBe('x.json: expected a file of at most 1000 bytes, got 1001 bytes');
  });

  it.each([
    [MAX_HDR_BYTES, /do not fit its own header/],
    [MAX_HDR_BYTES + 1, /more than 64 MiB/],
  ])('a histogram inflating to %i bytes', (size, want) => {
    const t0 = Date.now();
    expect(() => decodeHistogram(rawHistogram({ payload: Buffer.alloc(size - 40) }))).toThrow(want);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it.each([
    [2 ** 31, /do not fit its own header/],
    [2 ** 31 + 1, /more than 2\^31 counters/],
  ])('a histogram of %i counters (a run of zeros)', (n, want) => {
    const t0 = Date.now();
    expect(() => decodeHistogram(rawHistogram({ payload: Buffer.concat([word(-(n - 1)), word(1)]) }))).toThrow(want);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('a 155-byte histogram claiming a 2 GiB payload is refused at once', () => {
    const t0 = Date.now();
    const b64 = rawHistogram({ payload: Buffer.concat([word(5), word(3)]), payloadLength: 2 ** 31 - 1 });
    expect(() => decodeHistogram(b64)).toThrow(/declares a payload of 2147483647 bytes, 2 are there/);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('an inflate bomb of 2 GiB of zeros stops at 64 MiB', () => {
    const b64 = rawHistogram({ payload: Buffer.alloc(256 * 1024 * 1024) });
    const t0 = Date.now();
    expect(() => decodeHistogram(b64)).toThrow(/more than 64 MiB/);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('a hand-built histogram within its header decodes to its counts', () => {
    const h = decodeHistogram(rawHistogram({ payload: Buffer.concat([word(-5), word(2), word(3)]) }));
    expect(h.totalCount).toBe(5);
    expect(h.getValueAtPercentile(100)).toBe(6);
  });

  it('a file of 40,000 keys and a 5,000-deep file are read in linear time', () => {
    const keysText = (n: number) => `{${Array.from({ length: n }, (_, i) => `"k${i}":${i}`).join(',')},"k7":0}`;
    const keys = parseJsonText(keysText(40_000), 'k.json');
    expect(keys.ok && keys.problems.map((p) => p.path)).toEqual(['$.k7']);
    expect(parseJsonText('['.repeat(5000) + ']'.repeat(5000), 'd.json').ok).toBe(false);
    // 4× the keys (one repeated) or 4× the depth cost about 4× the time, never 16×
    const texts = new Map([10_000, 40_000].map((n) => [n, keysText(n)]));
    expect(growthOver4x((n) => parseJsonText(texts.get(n)!, 'k.json'), 40_000)).toBeLessThan(10);
    // nesting is cut at MAX_DEPTH (64), so what must scale is many nests just under it, each
    // scanned to its end: 4× as many cost about 4× the time
    const nests = (n: number) => `[${Array.from({ length: n }, () => '['.repeat(60) + ']'.repeat(60)).join(',')}]`;
    const deep = new Map([1250, 5000].map((n) => [n, nests(n)]));
    expect(parseJsonText(deep.get(5000)!, 'd.json').ok).toBe(true);
    expect(growthOver4x((n) => parseJsonText(deep.get(n)!, 'd.json'), 5000)).toBeLessThan(10);
  });
});

describe('the config (YAML)', () => {
  it('a billion-laughs document is an input error naming the file', () => {
    const t0 = Date.now();
    const r = parseConfig(bomb + '\n', 'evalgate.yml');
    expect(r.ok).toBe(false);
    expect(formatProblem(r.problems[0]!)).toMatch(/^evalgate\.yml: expected YAML whose aliases expand at most 100 times, got .*alias/i);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
  it('a few aliases (a repeated job section) are fine', () => {
    const r = parseConfig('jobs:\n  accuracy_f1: &job\n    command: echo\n  toxicity: *job\n', 'evalgate.yml');
    expect(r.ok).toBe(true);
  });
  it('40,000 unknown keys are listed in linear time', () => {
    const textOf = (n: number) => Array.from({ length: n }, (_, i) => `key${i}: 1`).join('\n') + '\n';
    const r = parseConfig(textOf(40_000), 'evalgate.yml');
    // 4× the keys cost about 4× the time, never 16× (a problem list built in quadratic time)
    const texts = new Map([5_000, 20_000].map((n) => [n, textOf(n)]));
    expect(growthOver4x((n) => parseConfig(texts.get(n)!, 'evalgate.yml'), 20_000)).toBeLessThan(10);
    expect(r.ok).toBe(false);
    expect(formatProblem(r.problems[1]!)).toMatch(/^evalgate\.yml:2: key1: expected one of the known keys/);
  });
  it.each([
    [MAX_CONFIG_BYTES, true],
    [MAX_CONFIG_BYTES + 1, false],
  ])('a config of %i bytes (the cap is inclusive): size accepted %s', (size, ok) => {
    const text = `name: a\n#${'x'.repeat(size - 10)}\n`;
    expect(Buffer.byteLength(text)).toBe(size);
    const r = parseConfig(text, 'evalgate.yml');
    expect(r.ok).toBe(ok);
  });
});

describe('through the CLI: exit 2, the problem named, report.json with verdict fail', () => {
  const run = (args: string[], cwd: string) => {
    const r = spawnSync(process.execPath, [CLI, ...args], {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
      timeout: 20_000,
    });
    return { code: r.status, out: r.stdout + r.stderr };
  };
  it.each<[string, Record<string, unknown>, string[], RegExp]>([
    [
      'seconds in samples_ms',
      { 'results/latency_p99.json': latency({ samples_ms: [0.1, 0.2, 0.3, 0.4] }) },
      [],
      /results\/latency_p99\.json: \$\.p99_ms: .*got 365\.6 \(seconds written into samples_ms\?\)/,
    ],
    [
      'a duplicate key',
      { 'results/accuracy_f1.json': '{"indicator":"accuracy_f1","f1":0.1,"precision":0.9,"recall":0.9,"samples":1,"f1":0.9}' },
      [],
      /results\/accuracy_f1\.json: \$\.f1: expected each key at most once/,
    ],
    ['a file nested 5,000 deep', { 'results/x.json': deep(5000) }, [], /results\/x\.json: \$\.a\.a\.a.*nesting deeper than 64/],
    [
      'a lowered highest trackable value',
      { 'results/latency_p99.json': latency({ p50_ms: 1.2, p90_ms: 1.9, p99_ms: 900, hdr_histogram: withHighest(outliers, 2000) }) },
      [],
      /results\/latency_p99\.json: \$\.hdr_histogram: .*do not fit its own header/,
    ],
    [
      'a YAML alias bomb',
      { 'results/toxicity.json': { indicator: 'toxicity', toxic_ratio: 0.1, total_samples: 10 }, 'bomb.yml': bomb + '\n' },
      ['--config', 'bomb.yml'],
      /bomb\.yml: expected YAML whose aliases expand/,
    ],
  ])('%s', (_name, files, extra, want) => {
    const dir = writeFiles(files);
    const r = run(['gate', '--results', 'results', ...extra], dir);
    expect(r.out).toMatch(want);
    expect(r.out).not.toMatch(/internal error|    at /);
    expect(r.code).toBe(2);
    const report = path.join(dir, 'evalgate-report', 'report.json');
    expect(existsSync(report)).toBe(true);
    expect(JSON.parse(readFileSync(report, 'utf8')).verdict).toBe('fail');
  });
});
