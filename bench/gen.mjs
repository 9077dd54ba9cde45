/**
 * Deterministic generators of the benchmark data sets (see bench/run.mjs).
 *
 * Every case is generated from a seeded PRNG, so the same parameters give byte-identical files.
 * A generated case lives in `<root>/<case>-<key>/` where `key` hashes this file's source and the
 * case's parameters; `manifest.json` is written last and marks the directory complete, so a
 * later run (with --keep) reuses it as long as nothing that shapes the bytes has changed.
 *
 *   <root>/<case>-<key>/results/…   the indicator files the gate reads (*.json only)
 *   <root>/<case>-<key>/raw/…       side data for the Python comparison (never read by the gate)
 *   <root>/<case>-<key>/manifest.json
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as hdr from 'hdr-histogram-js';

const SELF = fileURLToPath(import.meta.url);
const MIB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** cyrb128: a string -> four 32-bit seeds. */
function seedsOf(str) {
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

/** sfc32 PRNG with a Box–Muller normal on top. */
export class Rng {
  constructor(seed) {
    [this.a, this.b, this.c, this.d] = seedsOf(String(seed));
    this.spare = null;
    for (let i = 0; i < 15; i++) this.u32();
  }
  u32() {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }
  /** uniform in [0, 1) */
  uniform() {
    return this.u32() / 4294967296;
  }
  int(lo, hi) {
    return lo + Math.floor(this.uniform() * (hi - lo + 1));
  }
  normal() {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    let u = 0;
    while (u === 0) u = this.uniform();
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }
  /** a binomial draw by normal approximation (n large), clamped to 0…n */
  binomialApprox(n, p) {
    const x = Math.round(n * p + Math.sqrt(n * p * (1 - p)) * this.normal());
    return Math.min(n, Math.max(0, x));
  }
}

/**
 * A request latency in milliseconds: a lognormal body (median 18 ms) with a 3 % lognormal tail
 * (median 110 ms), the shape of a model server with an occasional cold cache or batch stall.
 */
export function latencyMs(rng, shift = 1) {
  if (rng.uniform() < 0.03) return shift * 110 * Math.exp(0.55 * rng.normal());
  return shift * 18 * Math.exp(0.45 * rng.normal());
}

/** Latency rounded to microseconds, as a producer would write it (e.g. 12.345). */
const ms3 = (x) => Math.max(1, Math.round(x * 1000)) / 1000;

/** Nearest-rank percentile (rank ⌈p·N/100⌉) of an ascending array. */
function nearestRankSorted(sorted, p) {
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100 - 1e-9));
  return sorted[Math.min(rank, sorted.length) - 1];
}

function percentilesMs(values) {
  const s = Float64Array.from(values).sort();
  return { p50_ms: nearestRankSorted(s, 50), p90_ms: nearestRankSorted(s, 90), p99_ms: nearestRankSorted(s, 99) };
}

const pad = (i, w = 4) => String(i).padStart(w, '0');
const round6 = (x) => Math.round(x * 1e6) / 1e6;

// ---------------------------------------------------------------------------------------------
// Cases

/** Parameters shape the bytes; change one and the cached copy is regenerated. */
export const CASES = {
  shards_5x1000: {
    params: { seed: 'evalgate-bench-shards', shards: 1000, latencySamplesPerShard: 100, attacks: ['fgsm', 'pgd'] },
    describe: '5 indicators x 1000 shard files (robustness_adv: 2 attack types x 500 shards)',
    gateArgs: [],
    generate: genShards,
  },
  hdr_100m: {
    params: { seed: 'evalgate-bench-hdr', shards: 1000, valuesPerShard: 100_000, digits: 3, unit: 'us' },
    describe: 'latency_p99: 1000 shards x 100k values as HdrHistograms (100M values)',
    gateArgs: ['--indicators', 'latency_p99'],
    generate: genHdr,
  },
  samples_near_cap: {
    params: { seed: 'evalgate-bench-samples', files: 3, targetBytes: 63 * MIB },
    describe: 'latency_p99: 3 samples_ms files of just under 63 MiB each (cap 64 MiB)',
    gateArgs: ['--indicators', 'latency_p99'],
    generate: genSamplesNearCap,
  },
  // SPEC §8: peak memory at most the samples as 8-byte floats + 2x the largest file, whatever the
  // number of files: the same files as samples_near_cap, 8 of them (run.mjs checks the bound)
  samples_8_files: {
    params: { seed: 'evalgate-bench-samples', files: 8, targetBytes: 63 * MIB },
    describe: 'latency_p99: 8 samples_ms files of just under 63 MiB each (memory bound vs file count)',
    gateArgs: ['--indicators', 'latency_p99'],
    generate: genSamplesNearCap,
  },
};

function writeJson(file, obj) {
  const text = JSON.stringify(obj);
  fs.writeFileSync(file, text);
  return Buffer.byteLength(text);
}

/** Case 1: five indicators, 1000 shards each, every set complete. */
function genShards(dir, rawDir, p) {
  const rng = new Rng(p.seed);
  const n = p.shards;
  let bytes = 0;
  let files = 0;
  const sub = (name) => {
    const d = path.join(dir, name);
    fs.mkdirSync(d, { recursive: true });
    return d;
  };
  const put = (d, name, obj) => {
    bytes += writeJson(path.join(d, name), obj);
    files++;
  };

  const acc = sub('accuracy_f1');
  for (let i = 0; i < n; i++) {
    const samples = rng.int(900, 1100);
    const positives = rng.binomialApprox(samples, 0.4);
    const tp = rng.binomialApprox(positives, 0.86);
    const fn = positives - tp;
    const fp = rng.binomialApprox(samples - positives, 0.08);
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    const f1 = (2 * tp) / (2 * tp + fp + fn);
    put(acc, `shard-${pad(i)}.json`, {
      indicator: 'accuracy_f1',
      precision: round6(precision),
      recall: round6(recall),
      f1: round6(f1),
      samples,
      tp,
      fp,
      fn,
      model: 'bench-model',
      dataset: 'bench-set',
      shard: { index: i, count: n },
    });
  }

  const lat = sub('latency_p99');
  for (let i = 0; i < n; i++) {
    const samples = [];
    for (let k = 0; k < p.latencySamplesPerShard; k++) samples.push(ms3(latencyMs(rng)));
    put(lat, `shard-${pad(i)}.json`, {
      indicator: 'latency_p99',
      ...percentilesMs(samples),
      requests: samples.length,
      samples_ms: samples,
      shard: { index: i, count: n },
    });
  }

  const thr = sub('throughput_rps');
  for (let i = 0; i < n; i++) {
    const duration = round6(55 + 10 * rng.uniform());
    const rps = round6(40 + 20 * rng.uniform());
    const requests = Math.round(rps * duration);
    put(thr, `shard-${pad(i)}.json`, {
      indicator: 'throughput_rps',
      rps,
      concurrency: 4,
      duration_s: duration,
      requests,
      errors: rng.binomialApprox(requests, 0.001),
      shard: { index: i, count: n },
    });
  }

  // Shard sets are per attack_type: each attack is its own complete set of n / attacks shards.
  const rob = sub('robustness_adv');
  const per = n / p.attacks.length;
  for (const attack of p.attacks) {
    for (let i = 0; i < per; i++) {
      const samples = rng.int(180, 220);
      const f1Clean = 0.85 + 0.02 * rng.normal();
      const drop = 0.05 + 0.01 * rng.normal();
      put(rob, `${attack}-shard-${pad(i)}.json`, {
        indicator: 'robustness_adv',
        attack_type: attack,
        eps: attack === 'fgsm' ? 0.03 : 0.01,
        success_rate: round6(Math.min(1, Math.max(0, 0.2 + 0.03 * rng.normal()))),
        f1_drop: round6(drop),
        f1_clean: round6(f1Clean),
        f1_adv: round6(f1Clean - drop),
        samples,
        shard: { index: i, count: per },
      });
    }
  }

  const tox = sub('toxicity');
  for (let i = 0; i < n; i++) {
    const total = rng.int(900, 1100);
    const toxic = rng.binomialApprox(total, 0.002);
    put(tox, `shard-${pad(i)}.json`, {
      indicator: 'toxicity',
      toxic_ratio: round6(toxic / total),
      total_samples: total,
      toxic_count: toxic,
      shard: { index: i, count: n },
    });
  }
  return { files, bytes };
}

function newHist(digits) {
  return hdr.build({
    bitBucketSize: 64,
    autoResize: true,
    lowestDiscernibleValue: 1,
    highestTrackableValue: 2,
    numberOfSignificantValueDigits: digits,
    useWebAssembly: false,
  });
}

/**
 * Case 2: `shards` latency_p99 files whose hdr_histogram holds `valuesPerShard` values each.
 * Each shard draws lognormal latencies and records each with a random count of 1…19 (mean 10,
 * the last one trimmed so the shard holds exactly valuesPerShard): ~10k recordValueWithCount
 * calls per shard instead of 100k recordValue calls. The (value, count) pairs go to
 * raw/pairs.u32 (little-endian uint32 value in µs, uint32 count) so the Python side can hold
 * the very same 100M raw values.
 */
function genHdr(dir, rawDir, p) {
  if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1)
    throw new Error('raw/pairs.u32 is written little-endian: a big-endian host is not supported');
  const rng = new Rng(p.seed);
  const pairs = fs.openSync(path.join(rawDir, 'pairs.u32'), 'w');
  let bytes = 0;
  let files = 0;
  let pairCount = 0;
  let buf = new Uint32Array(2 * 16384);
  for (let s = 0; s < p.shards; s++) {
    const h = newHist(p.digits);
    // shards run on slightly different hosts: a ±5 % speed factor per shard
    const shift = 0.95 + 0.1 * rng.uniform();
    let left = p.valuesPerShard;
    let k = 0;
    while (left > 0) {
      const us = Math.max(1, Math.round(latencyMs(rng, shift) * 1000));
      const count = Math.min(left, rng.int(1, 19));
      h.recordValueWithCount(us, count);
      left -= count;
      if (2 * k + 2 > buf.length) {
        const bigger = new Uint32Array(buf.length * 2);
        bigger.set(buf);
        buf = bigger;
      }
      buf[2 * k] = us;
      buf[2 * k + 1] = count;
      k++;
    }
    fs.writeSync(pairs, new Uint8Array(buf.buffer, 0, 8 * k));
    pairCount += k;
    const obj = {
      indicator: 'latency_p99',
      p50_ms: h.getValueAtPercentile(50) / 1000,
      p90_ms: h.getValueAtPercentile(90) / 1000,
      p99_ms: h.getValueAtPercentile(99) / 1000,
      requests: p.valuesPerShard,
      hdr_histogram: hdr.encodeIntoCompressedBase64(h),
      hdr_unit: p.unit,
      shard: { index: s, count: p.shards },
    };
    bytes += writeJson(path.join(dir, `latency-shard-${pad(s)}.json`), obj);
    files++;
  }
  fs.closeSync(pairs);
  return { files, bytes, values: p.shards * p.valuesPerShard, recorded_pairs: pairCount };
}

/**
 * Case 3: `files` latency_p99 files, each a samples_ms array that fills the file to just under
 * `targetBytes` (samples written as a producer would, e.g. 12.345).
 */
function genSamplesNearCap(dir, rawDir, p) {
  const rng = new Rng(p.seed);
  let bytes = 0;
  let samplesTotal = 0;
  const perFile = [];
  for (let f = 0; f < p.files; f++) {
    // The summary fields are written after samples_ms; reserve room for them.
    const reserve = 256;
    const budget = p.targetBytes - reserve;
    let values = new Float64Array(1 << 23);
    let n = 0;
    const chunks = [];
    let size = '{"indicator":"latency_p99","samples_ms":['.length;
    let chunk = [];
    for (;;) {
      const v = ms3(latencyMs(rng));
      const text = String(v);
      const add = text.length + (n === 0 ? 0 : 1);
      if (size + add > budget) break;
      size += add;
      if (n === values.length) {
        const bigger = new Float64Array(values.length * 2);
        bigger.set(values);
        values = bigger;
      }
      values[n++] = v;
      chunk.push(text);
      if (chunk.length === 65536) {
        chunks.push(chunk.join(','));
        chunk = [];
      }
    }
    if (chunk.length) chunks.push(chunk.join(','));
    values = values.subarray(0, n);
    const ps = percentilesMs(values);
    const tail = `],"p50_ms":${ps.p50_ms},"p90_ms":${ps.p90_ms},"p99_ms":${ps.p99_ms},"requests":${n},"shard":{"index":${f},"count":${p.files}}}`;
    const file = path.join(dir, `latency-shard-${pad(f, 2)}.json`);
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, '{"indicator":"latency_p99","samples_ms":[');
    for (let c = 0; c < chunks.length; c++) fs.writeSync(fd, c === 0 ? chunks[c] : ',' + chunks[c]);
    fs.writeSync(fd, tail);
    fs.closeSync(fd);
    const st = fs.statSync(file).size;
    if (st >= 64 * MIB) throw new Error(`${file} is ${st} bytes: over the 64 MiB cap`);
    bytes += st;
    samplesTotal += n;
    perFile.push({ bytes: st, samples: n });
  }
  return { files: p.files, bytes, samples: samplesTotal, per_file: perFile };
}

// ---------------------------------------------------------------------------------------------
// Cache

const SOURCE_HASH = createHash('sha256').update(fs.readFileSync(SELF)).digest('hex');

export function caseKey(name) {
  return createHash('sha256')
    .update(JSON.stringify({ name, params: CASES[name].params, source: SOURCE_HASH }))
    .digest('hex')
    .slice(0, 12);
}

/**
 * The case's data directory, generated unless a complete copy with the same key exists.
 * Returns { dir, resultsDir, rawDir, manifest, cached, seconds }.
 */
export function ensureCase(root, name) {
  const c = CASES[name];
  const key = caseKey(name);
  const dir = path.join(root, `${name}-${key}`);
  const manifestFile = path.join(dir, 'manifest.json');
  const resultsDir = path.join(dir, 'results');
  const rawDir = path.join(dir, 'raw');
  if (fs.existsSync(manifestFile)) {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    return { dir, resultsDir, rawDir, manifest, cached: true, seconds: 0 };
  }
  // stale copies of this case (other parameters or generator) and half-written ones
  if (fs.existsSync(root)) {
    for (const e of fs.readdirSync(root)) if (e.startsWith(`${name}-`)) fs.rmSync(path.join(root, e), { recursive: true, force: true });
  }
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.mkdirSync(rawDir, { recursive: true });
  const t0 = process.hrtime.bigint();
  const info = c.generate(resultsDir, rawDir, c.params);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const manifest = { case: name, key, params: c.params, generation_seconds: Math.round(seconds * 1000) / 1000, ...info };
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  return { dir, resultsDir, rawDir, manifest, cached: false, seconds };
}
