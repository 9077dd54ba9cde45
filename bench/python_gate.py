#!/usr/bin/python3
"""The same merge done the way a seed user's Python script would: json.load every file, sum the
counts, concatenate the latency samples and take numpy percentiles.

    /usr/bin/python3 bench/python_gate.py CASE RESULTS_DIR RAW_DIR

Prints one JSON object on stdout:
  setup_seconds  time spent preparing input the script would not have to prepare in real life (0)
  check_seconds  time spent on cross-checks after the timed work (exact integer-rank
                 percentiles, the HdrHistogram decode of hdr_100m)
  merged         the merged indicators, as the seed script computes them
  verdict        the default rules over `merged`
  checks         independent values for the harness to compare with the gate's report.json
The harness times the whole process and subtracts setup_seconds and check_seconds, so
python_seconds = interpreter start-up + `import numpy` + the seed script's work.

Python has no HdrHistogram package in Debian, so for hdr_100m the script decodes the histogram
files in numpy (V2 compressed: zlib + ZigZag LEB128 counts, vectorised), independently of
hdr-histogram-js, and merges their counts: the faster of the Python ways (holding the 100M raw
values is slower), so the one the gate must beat. The exact nearest rank of the raw values (from
raw/pairs.u32) is a check, not timed.

Uses Debian's python3-numpy with /usr/bin/python3 and nothing else.
"""
import base64
import json
import math
import os
import sys
import time
import zlib

import numpy as np

PS = (50, 90, 99)


def json_files(d):
    out = []
    for root, _dirs, files in os.walk(d):
        out.extend(os.path.join(root, f) for f in files if f.endswith('.json'))
    return sorted(out)


def load(path):
    with open(path, 'rb') as fh:
        return json.load(fh)


def round12(x):
    """Twelve significant digits, as the gate rounds merged values (Number(x.toPrecision(12)))."""
    return float('%.12g' % x)


def np_percentiles(values):
    """What a seed script writes: numpy's nearest-rank method ('inverted_cdf')."""
    return [float(v) for v in np.percentile(values, PS, method='inverted_cdf')]


def exact_nearest_rank(values):
    """The sample of rank ceil(p*N/100), in integer arithmetic (the check)."""
    n = len(values)
    ranks = [max(1, (p * n + 99) // 100) - 1 for p in PS]
    part = np.partition(values, ranks)
    return [float(part[r]) for r in ranks]


def check_shard_set(name, objs):
    shards = [o.get('shard') for o in objs]
    if all(s is None for s in shards):
        return
    counts = {s['count'] for s in shards}
    indices = sorted(s['index'] for s in shards)
    if len(counts) != 1 or indices != list(range(counts.pop())):
        raise SystemExit('%s: incomplete or duplicated shard set' % name)


def verdict(merged):
    rules = [
        ('accuracy_f1', 'f1', lambda v: v >= 0.75),
        ('latency_p99', 'p99_ms', lambda v: v <= 300),
        ('toxicity', 'toxic_ratio', lambda v: v <= 0.005),
    ]
    ok = all(rule(merged[i][f]) for i, f, rule in rules if i in merged)
    if 'robustness_adv' in merged:
        ok = ok and all(a['f1_drop'] <= 0.1 for a in merged['robustness_adv'].values())
    return 'pass' if ok else 'fail'


def merge_latency_samples(objs):
    arrays = [np.asarray(o['samples_ms'], dtype=np.float64) for o in objs]
    samples = np.concatenate(arrays)
    p50, p90, p99 = np_percentiles(samples)
    return samples, {'p50_ms': p50, 'p90_ms': p90, 'p99_ms': p99,
                     'requests': sum(o['requests'] for o in objs)}


def case_shards(results):
    groups = {}
    for f in json_files(results):
        o = load(f)
        key = o['indicator']
        if key == 'robustness_adv':
            key = (key, o['attack_type'])
        groups.setdefault(key, []).append(o)
    for k, objs in groups.items():
        check_shard_set(str(k), objs)
        if k == 'latency_p99':
            for o in objs:
                if not o['p50_ms'] <= o['p90_ms'] <= o['p99_ms']:
                    raise SystemExit('latency_p99: p50 <= p90 <= p99 violated')

    merged = {}
    acc = groups['accuracy_f1']
    tp, fp, fn = (sum(o[k] for o in acc) for k in ('tp', 'fp', 'fn'))
    merged['accuracy_f1'] = {
        'precision': tp / (tp + fp), 'recall': tp / (tp + fn), 'f1': 2 * tp / (2 * tp + fp + fn),
        'samples': sum(o['samples'] for o in acc), 'tp': tp, 'fp': fp, 'fn': fn,
    }
    samples, merged['latency_p99'] = merge_latency_samples(groups['latency_p99'])
    thr = groups['throughput_rps']
    merged['throughput_rps'] = {
        'rps': sum(o['rps'] for o in thr), 'concurrency': sum(o['concurrency'] for o in thr),
        'duration_s': max(o['duration_s'] for o in thr),
        'requests': sum(o['requests'] for o in thr), 'errors': sum(o['errors'] for o in thr),
    }
    attacks = {}
    for k, objs in groups.items():
        if isinstance(k, tuple):
            n = sum(o['samples'] for o in objs)
            attacks[k[1]] = {
                'success_rate': sum(o['samples'] * o['success_rate'] for o in objs) / n,
                'f1_drop': sum(o['samples'] * o['f1_drop'] for o in objs) / n,
                'samples': n,
            }
    merged['robustness_adv'] = attacks
    tox = groups['toxicity']
    toxic, total = sum(o['toxic_count'] for o in tox), sum(o['total_samples'] for o in tox)
    merged['toxicity'] = {'toxic_ratio': toxic / total, 'total_samples': total, 'toxic_count': toxic}
    return merged, samples


def case_samples(results):
    objs = [load(f) for f in json_files(results)]
    check_shard_set('latency_p99', objs)
    samples, merged = merge_latency_samples(objs)
    return {'latency_p99': merged}, samples


# --- HdrHistogram V2 (compressed, base64) decoding, for the hdr_100m check -------------------

def hdr_decode_counts(b64):
    """-> (counts as int64 array indexed like the histogram's counts array, significant digits)"""
    raw = base64.b64decode(b64)
    cookie, length = int.from_bytes(raw[0:4], 'big'), int.from_bytes(raw[4:8], 'big')
    if cookie & ~0xf0 != 0x1c849304:
        raise ValueError('not a V2 compressed histogram')
    data = zlib.decompress(raw[8:8 + length])
    if int.from_bytes(data[0:4], 'big') & ~0xf0 != 0x1c849303:
        raise ValueError('not a V2 histogram')
    payload_len = int.from_bytes(data[4:8], 'big')
    digits = int.from_bytes(data[12:16], 'big')
    lowest = int.from_bytes(data[16:24], 'big')
    if lowest != 1:
        raise ValueError('this check handles lowestDiscernibleValue 1 only')
    b = np.frombuffer(data, dtype=np.uint8, offset=40, count=payload_len)
    # ZigZag LEB128: a word ends at a byte without the continuation bit.
    ends = (b & 0x80) == 0
    word = np.concatenate(([0], np.cumsum(ends)[:-1]))
    starts = np.flatnonzero(np.concatenate(([True], ends[:-1])))
    pos = np.arange(len(b)) - starts[word]
    if len(b) and pos.max() >= 7:
        raise ValueError('counts too large for this check')
    v = np.bincount(word, weights=(b & 0x7f) * np.exp2(7.0 * pos)).astype(np.int64)
    tokens = np.where(v & 1, -((v + 1) >> 1), v >> 1)  # negative: a run of that many zeros
    widths = np.where(tokens < 0, -tokens, 1)
    at = np.cumsum(widths) - widths
    counts = np.zeros(int(widths.sum()), dtype=np.int64)
    counts[at[tokens > 0]] = tokens[tokens > 0]
    return counts, digits


def hdr_percentiles_ms(counts, digits, per_ms):
    """HdrHistogram getValueAtPercentile (highest equivalent value of the rank's bucket)."""
    half_mag = max(math.ceil(math.log2(2 * 10 ** digits)), 1) - 1
    half = 1 << half_mag
    total = int(counts.sum())
    cum = np.cumsum(counts)
    out = []
    for p in PS:
        rank = max(1, (p * total + 99) // 100)
        i = int(np.searchsorted(cum, rank, side='left'))
        bucket = i // half - 1
        sub = i % half + half
        if bucket < 0:
            sub -= half
            bucket = 0
        value = sub << bucket
        out.append(round12((value + (1 << bucket) - 1) / per_ms))
    return out, total


def hdr_merge(results):
    """Decodes and merges the histogram files in numpy: the way to beat for hdr_100m."""
    acc = None
    digits = None
    unit = 'us'
    for f in json_files(results):
        o = load(f)
        counts, d = hdr_decode_counts(o['hdr_histogram'])
        if digits is None:
            digits = d
        elif d != digits:
            raise SystemExit('histograms of different precision: not handled here')
        if acc is None or len(acc) < len(counts):
            grown = np.zeros(len(counts), dtype=np.int64)
            if acc is not None:
                grown[:len(acc)] += acc
            acc = grown
        acc[:len(counts)] += counts
        unit = o.get('hdr_unit', 'us')
    per_ms = {'ns': 1e6, 'us': 1e3, 'ms': 1.0}[unit]
    ps, total = hdr_percentiles_ms(acc, digits, per_ms)
    return ps, total


def main():
    case, results, raw = sys.argv[1], sys.argv[2], sys.argv[3]
    setup = 0.0
    if case == 'hdr_100m':
        # timed: the histograms decoded and merged in numpy
        (p50, p90, p99), total = hdr_merge(results)
        merged = {'latency_p99': {'p50_ms': p50, 'p90_ms': p90, 'p99_ms': p99, 'requests': total}}
        v = verdict(merged)
        t0 = time.perf_counter()
        # check, not timed: the exact nearest rank of the raw values the histograms were made of
        pairs = np.fromfile(os.path.join(raw, 'pairs.u32'), dtype='<u4').reshape(-1, 2)
        values = np.repeat(pairs[:, 0].astype(np.float64) / 1000.0, pairs[:, 1])
        del pairs
        checks = {'exact_nearest_rank_ms': exact_nearest_rank(values), 'samples': len(values),
                  'hdr_decoded_ms': [p50, p90, p99], 'hdr_total_count': total}
        del values
        check = time.perf_counter() - t0
    else:
        if case == 'shards_5x1000':
            merged, samples = case_shards(results)
        elif case in ('samples_near_cap', 'samples_8_files'):
            merged, samples = case_samples(results)
        else:
            raise SystemExit('unknown case ' + case)
        v = verdict(merged)
        t0 = time.perf_counter()
        checks = {'exact_nearest_rank_ms': exact_nearest_rank(samples), 'samples': len(samples)}
        del samples
        check = time.perf_counter() - t0

    json.dump({'setup_seconds': setup, 'check_seconds': check, 'merged': merged, 'verdict': v,
               'checks': checks, 'python': sys.version.split()[0], 'numpy': np.__version__},
              sys.stdout)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
