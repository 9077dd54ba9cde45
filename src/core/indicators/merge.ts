/**
 * Merging the shards of each indicator (SPEC §2). Records are added one at a time and folded into
 * per-set accumulators, so memory holds the merged state (and a file list), not every file.
 *
 * Never averages percentiles or F1 scores: exact from detail (counts, samples, histograms) when
 * every shard has it, otherwise a documented approximation marked `approximate`.
 */
import type { Problem } from '../problem.js';
import { HistogramMerger, HistogramRangeError, PER_MS, type HdrUnit, type Histogram } from '../hdr.js';
import { nearestRank, valuesAtRanks, valuesAtRanksOfChunks } from '../percentile.js';
import { f1Bootstrap, orderStatisticRanks, roundInterval, wilson, type Interval } from '../intervals.js';
import { percentileField } from './names.js';
import type { IndicatorRecord, Repeat, Shard } from './record.js';
import {
  fingerprintOf,
  hardwareOfHost,
  HARDWARE_FIELDS,
  joinDistinct,
  shortValue,
  type Fingerprint,
  type Hardware,
} from '../fingerprint.js';

export { MERGE_STRATEGY_SYNTAX, parseMergeStrategy, type MergeStrategy } from './strategy.js';
import { MERGE_STRATEGY_SYNTAX, type MergeStrategy } from './strategy.js';

export interface MergedIndicator {
  fields: Record<string, unknown>;
  sources: string[];
  approximate: boolean;
  notes: string[];
  /** robustness_adv: one entry per attack type */
  attacks?: Record<string, MergedIndicator>;
  /** 95% intervals of the exact-merged values (SPEC §9), by field */
  intervals?: Record<string, Interval>;
  /** files in repeats: each field is the median over them (SPEC §9) */
  repeats?: RepeatSummary;
  /** fields that could not be computed from these files, with the reason (p95_ms without samples) */
  absent?: Record<string, string>;
  /** latency_p99 from samples or histograms: the percentile curve (DISTRIBUTION_QS), for report.html */
  distribution?: DistributionPoint[];
  /** what the files recorded of what they were measured on (`model`, `dataset`, `host`) */
  recorded?: Recorded;
  /** what it was measured on (SPEC §10): the files' record, with the run's facts once the engine adds them */
  fingerprint?: Fingerprint;
}

/** The files' own metadata of what an indicator was measured on (see core/fingerprint.ts). */
export interface Recorded {
  model?: string;
  dataset?: string;
  hardware?: Partial<Hardware>;
}

/** One point of a latency percentile curve: the nearest-rank value `ms` at percentile `q` (0: min, 100: max). */
export interface DistributionPoint {
  q: number;
  ms: number;
}

/** The percentiles of the curve report.json carries (bounded: these nine, whatever the sample count). */
export const DISTRIBUTION_QS: readonly number[] = [0, 50, 75, 90, 95, 99, 99.9, 99.99, 100];

/** How the repeats of an indicator spread: per numeric field, the min, the max and every repeat's value. */
export interface RepeatSummary {
  n: number;
  min: Record<string, number>;
  max: Record<string, number>;
  /** per field, the value of each repeat in repeat order */
  values: Record<string, number[]>;
}

export interface MergeOptions {
  /** latency_p99 percentiles to compute besides p50, p90, p99 (those the rules name: 95, 99.9) */
  percentiles?: readonly number[];
}

export interface MergeResult {
  indicators: Record<string, MergedIndicator>;
  problems: Problem[];
  /** indicators that had files but could not be merged, with the reason */
  unmerged: Record<string, string>;
}

/**
 * Fields that describe one file, not the merged indicator; and the report's own keys of an
 * indicator entry, which a file's extra fields must not replace.
 */
const PER_FILE = new Set([
  'indicator',
  'shard',
  'repeat',
  'run_id',
  'started_at',
  'finished_at',
  'sources',
  'approximate',
  'notes',
  'attacks',
  'intervals',
  'repeats',
  'distribution',
  'fingerprint',
  'deltas',
]);

interface Folded {
  fields: Record<string, unknown>;
  approximate: boolean;
  notes: string[];
  intervals?: Record<string, Interval>;
  absent?: Record<string, string>;
  distribution?: DistributionPoint[];
}

interface Fold {
  add(r: IndicatorRecord): void;
  /** `single` is true when the set is one file, taken as written where no detail says otherwise */
  finish(single: IndicatorRecord | null, n: number): Folded;
}

const num = (d: Record<string, unknown>, k: string): number | undefined => (typeof d[k] === 'number' ? (d[k] as number) : undefined);

/** The part of a single file that is taken as written. */
function asWritten(r: IndicatorRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r.data)) if (!PER_FILE.has(k)) out[k] = v;
  return out;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
const round = (x: number): number => Number(x.toPrecision(12));

class AccuracyFold implements Fold {
  private tp = 0;
  private fp = 0;
  private fn = 0;
  private tn = 0;
  private allCounts = true;
  private allTn = true;
  private samples = 0;
  private wP = 0;
  private wR = 0;
  /** per_class counts summed, while every shard carries them */
  private perClass: Map<string, { tp: number; fp: number; fn: number }> | null = new Map();
  private allMacro = true;
  add(r: IndicatorRecord): void {
    const d = r.data;
    const s = num(d, 'samples')!;
    if (d.average !== 'macro') this.allMacro = false;
    const pc = d.per_class as Record<string, { tp: number; fp: number; fn: number }> | undefined;
    if (pc === undefined) this.perClass = null;
    else if (this.perClass) {
      for (const [label, c] of Object.entries(pc)) {
        const sum = this.perClass.get(label) ?? { tp: 0, fp: 0, fn: 0 };
        sum.tp += c.tp;
        sum.fp += c.fp;
        sum.fn += c.fn;
        this.perClass.set(label, sum);
      }
    }
    this.samples += s;
    this.wP += s * num(d, 'precision')!;
    this.wR += s * num(d, 'recall')!;
    if (d.tp === undefined) this.allCounts = false;
    else {
      this.tp += num(d, 'tp')!;
      this.fp += num(d, 'fp')!;
      this.fn += num(d, 'fn')!;
    }
    if (d.tn === undefined) this.allTn = false;
    else this.tn += num(d, 'tn')!;
  }
  /** the summed per_class, labels sorted */
  private perClassFields(): Record<string, { tp: number; fp: number; fn: number }> {
    const out: Record<string, { tp: number; fp: number; fn: number }> = {};
    for (const k of [...this.perClass!.keys()].sort()) out[k] = this.perClass!.get(k)!;
    return out;
  }
  finish(single: IndicatorRecord | null) {
    const notes: string[] = [];
    if (this.allMacro && this.perClass && this.perClass.size > 0) {
      // macro: the unweighted mean over classes of each class's precision, recall and F1
      let p = 0;
      let rc = 0;
      let f = 0;
      for (const c of this.perClass.values()) {
        p += ratio(c.tp, c.tp + c.fp);
        rc += ratio(c.tp, c.tp + c.fn);
        f += ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn);
      }
      const n = this.perClass.size;
      if (single && Math.abs(num(single.data, 'f1')! - f / n) > 0.005) {
        notes.push(`f1 recomputed from per_class as ${round(f / n)} (the file says ${num(single.data, 'f1')})`);
      }
      return {
        fields: {
          ...(single ? asWritten(single) : {}),
          precision: round(p / n),
          recall: round(rc / n),
          f1: round(f / n),
          samples: this.samples,
          average: 'macro',
          per_class: this.perClassFields(),
        },
        approximate: false,
        notes,
      };
    }
    if (this.allCounts) {
      const precision = ratio(this.tp, this.tp + this.fp);
      const recall = ratio(this.tp, this.tp + this.fn);
      const f1 = ratio(2 * this.tp, 2 * this.tp + this.fp + this.fn);
      const fields: Record<string, unknown> = {
        ...(single ? asWritten(single) : {}),
        precision: round(precision),
        recall: round(recall),
        f1: round(f1),
        samples: this.samples,
        tp: this.tp,
        fp: this.fp,
        fn: this.fn,
      };
      if (this.allTn) fields.tn = this.tn;
      if (this.perClass && this.perClass.size > 0) fields.per_class = this.perClassFields();
      const intervals: Record<string, Interval> = {};
      const p = wilson(this.tp, this.tp + this.fp);
      const r = wilson(this.tp, this.tp + this.fn);
      const f = f1Bootstrap(this.tp, this.fp, this.fn, this.allTn ? this.tn : 0);
      if (p) intervals.precision = roundInterval(p);
      if (r) intervals.recall = roundInterval(r);
      if (f) intervals.f1 = roundInterval(f);
      if (single) {
        const written = num(single.data, 'f1')!;
        if (Math.abs(written - f1) > 0.005) {
          notes.push(`f1 recomputed from tp/fp/fn as ${round(f1)} (the file says ${written})`);
        }
      }
      return { fields, approximate: false, notes, intervals };
    }
    if (single) return { fields: asWritten(single), approximate: false, notes };
    const p = this.wP / this.samples;
    const rc = this.wR / this.samples;
    notes.push('not every shard carries tp/fp/fn: precision and recall are sample-weighted, f1 is computed from them');
    return {
      fields: { precision: round(p), recall: round(rc), f1: round(ratio(2 * p * rc, p + rc)), samples: this.samples },
      approximate: true,
      notes,
    };
  }
}

const LATENCY_PS = [50, 90, 99] as const;

class LatencyFold implements Fold {
  private requests = 0;
  private max = [0, 0, 0];
  private allDetail = true;
  private chunks: Float64Array[] = [];
  private sampleCount = 0;
  private hist = new HistogramMerger();
  private histCount = 0;
  private rangeError: string | null = null;
  /** p50, p90, p99, then the other percentiles the rules name */
  private readonly ps: number[];
  constructor(extra: readonly number[] = []) {
    this.ps = [...LATENCY_PS, ...[...new Set(extra)].filter((q) => !(LATENCY_PS as readonly number[]).includes(q)).sort((a, b) => a - b)];
  }
  /** the histograms of files with detail, for the upper bound when not every file has detail */
  private histograms: Array<{ h: Histogram; unit: HdrUnit }> = [];
  /** lets go of the files' detail once it is folded */
  private drop(): void {
    this.chunks = [];
    this.histograms = [];
  }
  add(r: IndicatorRecord): void {
    const d = r.data;
    this.requests += num(d, 'requests')!;
    if (!r.samples && !r.histogram) {
      // a summary-only file: its written percentiles (a file with detail: its detail's, in finish)
      this.allDetail = false;
      LATENCY_PS.forEach((p, i) => {
        this.max[i] = Math.max(this.max[i]!, num(d, `p${p}_ms`)!);
      });
    }
    if (r.histogram) this.histograms.push({ h: r.histogram, unit: r.hdrUnit ?? 'us' });
    if (r.samples) {
      this.chunks.push(r.samples);
      this.sampleCount += r.samples.length;
    }
    if (r.histogram) {
      try {
        this.hist.add(r.histogram, r.hdrUnit ?? 'us');
      } catch (e) {
        if (!(e instanceof HistogramRangeError)) throw e;
        this.rangeError ??= `${e.message} (in ${r.file})`;
      }
      this.histCount++;
    }
  }
  /** the percentile fields beyond p50/p90/p99 that these files cannot give, with the reason */
  private absent(): Record<string, string> | undefined {
    const extra = this.ps.slice(LATENCY_PS.length);
    if (!extra.length) return undefined;
    const out: Record<string, string> = {};
    for (const q of extra) {
      out[percentileField(q)] =
        `${percentileField(q)} is computed from samples_ms or hdr_histogram, and not every latency_p99 file carries them (summary fields p50_ms, p90_ms, p99_ms only)`;
    }
    return out;
  }
  finish(single: IndicatorRecord | null, n: number): Folded {
    const notes: string[] = [];
    if (this.allDetail) {
      let ps: number[];
      let bounds: Interval[];
      let curve: number[];
      const total = this.sampleCount + this.hist.totalCount;
      // each percentile's value and its interval's ranks, all selected in one go
      const ci = this.ps.map((p) => orderStatisticRanks(p / 100, total));
      if (this.histCount === 0) {
        // selected across the files' arrays: one array of them all would double the memory
        const ranks = [
          ...this.ps.map((p) => nearestRank(p, total)),
          ...ci.map((c) => c[0]),
          ...ci.map((c) => c[1]),
          ...DISTRIBUTION_QS.map((q) => nearestRank(q, total)),
        ];
        const vs = valuesAtRanksOfChunks(this.chunks, ranks);
        const k = this.ps.length;
        ps = vs.slice(0, k);
        bounds = ps.map((_, i) => [vs[k + i]!, vs[2 * k + i]!]);
        curve = vs.slice(3 * k);
        notes.push(`exact nearest-rank percentiles over ${total} samples`);
      } else {
        try {
          for (const c of this.chunks) this.hist.addSamplesMs(c);
        } catch (e) {
          if (!(e instanceof HistogramRangeError)) throw e;
          this.rangeError ??= e.message;
        }
        if (this.rangeError !== null) {
          throw new SetProblem('latencies a merged histogram can hold exactly (samples_ms next to hdr_histogram)', this.rangeError);
        }
        ps = this.ps.map((p) => this.hist.percentileMs(p));
        curve = DISTRIBUTION_QS.map((q) => this.hist.percentileMs(q));
        // to the histogram's precision: from the lowest value of the lower rank's counter to the highest of the upper's
        const vs = this.hist.valuesAtRanksMs(
          ci.flatMap((c) => c),
          ci.flatMap(() => [true, false]),
        );
        bounds = ps.map((_, i) => [vs[2 * i]!, vs[2 * i + 1]!]);
        notes.push(
          `percentiles from ${this.histCount === n ? '' : 'samples recorded into '}merged HdrHistograms (${total} values, ${this.hist.digits} significant digits)`,
        );
      }
      this.drop();
      const core = ps.slice(0, LATENCY_PS.length);
      if (!core.every((v, i) => Number.isFinite(v) && v >= 0 && (i === 0 || v >= core[i - 1]!))) {
        // never a p99 below p90: a merge that cannot order its percentiles is refused, not reported
        throw new SetProblem('merged percentiles p50 ≤ p90 ≤ p99', core.map((v, i) => `p${LATENCY_PS[i]} ${v}`).join(', '));
      }
      const fields: Record<string, unknown> = { ...(single ? asWritten(single) : {}) };
      delete fields.hdr_unit;
      const intervals: Record<string, Interval> = {};
      this.ps.forEach((p, i) => {
        const v = ps[i]!;
        fields[percentileField(p)] = round(v);
        // the value itself always lies inside (a histogram's value at percentile is its counter's highest)
        intervals[percentileField(p)] = roundInterval([Math.min(bounds[i]![0], v), Math.max(bounds[i]![1], v)]);
      });
      fields.requests = this.requests;
      const distribution = DISTRIBUTION_QS.map((q, i) => ({ q, ms: round(curve[i]!) }));
      return { fields, approximate: false, notes, intervals, distribution };
    }
    const absent = this.absent();
    if (single) {
      this.drop();
      const fields = asWritten(single);
      const missing = absent && Object.fromEntries(Object.entries(absent).filter(([k]) => typeof fields[k] !== 'number'));
      return { fields, approximate: false, notes, ...(missing && Object.keys(missing).length ? { absent: missing } : {}) };
    }
    // Each file with detail counts with its detail's percentiles (SPEC §2: merged values come from
    // the detail), not the ones it wrote: nearest rank of its samples, its histogram's value at
    // percentile. A file with both counts with the higher of the two, still an upper bound of its own.
    for (const c of this.chunks) {
      const vs = valuesAtRanks(c, LATENCY_PS.map((p) => nearestRank(p, c.length)));
      LATENCY_PS.forEach((_, i) => (this.max[i] = Math.max(this.max[i]!, vs[i]!)));
    }
    for (const { h, unit } of this.histograms) {
      LATENCY_PS.forEach((p, i) => (this.max[i] = Math.max(this.max[i]!, round(h.getValueAtPercentile(p) / PER_MS[unit]))));
    }
    this.drop();
    notes.push('not every shard carries samples_ms or hdr_histogram: each percentile is the maximum over shards (an upper bound)');
    return {
      fields: { p50_ms: this.max[0], p90_ms: this.max[1], p99_ms: this.max[2], requests: this.requests },
      approximate: true,
      notes,
      ...(absent ? { absent } : {}),
    };
  }
}

class ThroughputFold implements Fold {
  private rps = 0;
  private concurrency = 0;
  private duration = 0;
  private sums: Record<'requests' | 'errors', number | null> = { requests: 0, errors: 0 };
  add(r: IndicatorRecord): void {
    const d = r.data;
    this.rps += num(d, 'rps')!;
    this.concurrency += num(d, 'concurrency')!;
    this.duration = Math.max(this.duration, num(d, 'duration_s')!);
    for (const k of ['requests', 'errors'] as const) {
      const v = num(d, k);
      const cur = this.sums[k];
      this.sums[k] = v === undefined || cur === null ? null : cur + v;
    }
  }
  finish(single: IndicatorRecord | null) {
    if (single) return { fields: asWritten(single), approximate: false, notes: [] };
    const fields: Record<string, unknown> = { rps: round(this.rps), concurrency: this.concurrency, duration_s: this.duration };
    for (const k of ['requests', 'errors'] as const) if (this.sums[k] !== null) fields[k] = this.sums[k];
    return {
      fields,
      approximate: false,
      notes: ['shards ran side by side: rps and concurrency summed, duration_s is the longest'],
    };
  }
}

class ToxicityFold implements Fold {
  private toxic = 0;
  private total = 0;
  private allCounts = true;
  add(r: IndicatorRecord): void {
    const d = r.data;
    const total = num(d, 'total_samples')!;
    const count = num(d, 'toxic_count');
    this.total += total;
    if (count === undefined) {
      this.allCounts = false;
      this.toxic += Math.round(num(d, 'toxic_ratio')! * total);
    } else this.toxic += count;
  }
  finish(single: IndicatorRecord | null): Folded {
    // exact only from counts: a ratio times a total is not a count anyone observed
    const interval = this.allCounts ? wilson(this.toxic, this.total) : null;
    const intervals = interval ? { intervals: { toxic_ratio: roundInterval(interval) } } : {};
    if (single) {
      const fields = asWritten(single);
      if (this.allCounts) fields.toxic_ratio = round(this.toxic / this.total);
      else fields.toxic_count = this.toxic;
      return { fields, approximate: false, notes: [], ...intervals };
    }
    const notes = this.allCounts ? [] : ['not every shard carries toxic_count: it is round(toxic_ratio × total_samples) there'];
    return {
      fields: { toxic_ratio: round(this.toxic / this.total), total_samples: this.total, toxic_count: this.toxic },
      approximate: !this.allCounts,
      notes,
      ...intervals,
    };
  }
}

const ROBUSTNESS_WEIGHTED = ['success_rate', 'f1_drop', 'f1_clean', 'f1_adv'] as const;

class RobustnessFold implements Fold {
  private n = 0;
  private samples = 0;
  private allSamples = true;
  /** sums weighted by samples, and plain sums (used when some shard does not say its samples) */
  private weighted: Record<string, number | null> = { success_rate: 0, f1_drop: 0, f1_clean: 0, f1_adv: 0 };
  private plain: Record<string, number | null> = { ...this.weighted };
  private eps = new Set<number>();
  add(r: IndicatorRecord): void {
    const d = r.data;
    const s = num(d, 'samples');
    this.n++;
    if (s === undefined) this.allSamples = false;
    else this.samples += s;
    for (const k of ROBUSTNESS_WEIGHTED) {
      const v = num(d, k);
      const w = this.weighted[k];
      const p = this.plain[k];
      this.weighted[k] = v === undefined || w == null ? null : w + (s ?? 0) * v;
      this.plain[k] = v === undefined || p == null ? null : p + v;
    }
    const e = num(d, 'eps');
    this.eps.add(e === undefined ? Number.NaN : e);
  }
  finish(single: IndicatorRecord | null) {
    if (single) return { fields: asWritten(single), approximate: false, notes: [] };
    const notes: string[] = [];
    const fields: Record<string, unknown> = {};
    const sums = this.allSamples ? this.weighted : this.plain;
    const total = this.allSamples ? this.samples : this.n;
    for (const k of ROBUSTNESS_WEIGHTED) {
      const s = sums[k];
      if (s != null) fields[k] = round(s / total);
    }
    if (this.allSamples) fields.samples = this.samples;
    else notes.push('not every shard carries samples: shards are weighted equally');
    const eps = [...this.eps];
    if (eps.length === 1 && !Number.isNaN(eps[0])) fields.eps = eps[0];
    else if (eps.length > 1) notes.push(`shards used different eps (${eps.map((e) => (Number.isNaN(e) ? 'none' : e)).join(', ')})`);
    return { fields, approximate: !this.allSamples, notes };
  }
}

class CustomFold implements Fold {
  private datas: Record<string, unknown>[] = [];
  private files: string[] = [];
  constructor(
    private readonly name: string,
    private readonly strategy: MergeStrategy | undefined,
  ) {}
  add(r: IndicatorRecord): void {
    // Custom indicators are small summaries; only numeric fields are kept per shard.
    const d: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r.data)) if (!PER_FILE.has(k)) d[k] = v;
    this.datas.push(d);
    this.files.push(r.file);
  }
  finish(single: IndicatorRecord | null) {
    if (single) return { fields: asWritten(single), approximate: false, notes: [] };
    const s = this.strategy!;
    if (s.kind === 'weighted_mean') {
      const bad = this.datas.findIndex((d) => typeof d[s.field] !== 'number' || (d[s.field] as number) < 0);
      if (bad >= 0)
        throw new SetProblem(
          `${s.field} a number ≥ 0 in every file (the weight of weighted_mean:${s.field})`,
          `file ${bad + 1} of the set without it`,
        );
      if (this.datas.every((d) => d[s.field] === 0)) throw new SetProblem(`weights ${s.field} with a sum > 0`, 'all 0');
    }
    const numeric = Object.keys(this.datas[0]!).filter((k) => this.datas.every((d) => typeof d[k] === 'number'));
    const fields: Record<string, unknown> = {};
    const notes = [`merged with strategy ${s.kind === 'weighted_mean' ? `weighted_mean:${s.field}` : s.kind}`];
    for (const k of numeric) {
      const vs = this.datas.map((d) => d[k] as number);
      const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
      let v: number;
      switch (s.kind) {
        case 'sum':
          v = sum(vs);
          break;
        case 'mean':
          v = vs.reduce((a, x) => a + x / vs.length, 0); // divided first: no overflow near 1e308
          break;
        case 'max':
          v = vs.reduce((a, b) => Math.max(a, b), -Infinity);
          break;
        case 'min':
          v = vs.reduce((a, b) => Math.min(a, b), Infinity);
          break;
        case 'weighted_mean': {
          const ws = this.datas.map((d) => d[s.field] as number);
          // the weight field itself is summed; every other field is weighted by it
          v = k === s.field ? sum(ws) : vs.reduce((a, x, i) => a + x * ws[i]!, 0) / sum(ws);
          break;
        }
      }
      if (!Number.isFinite(v)) throw new SetProblem(`${k} merged to a finite number (strategy ${s.kind})`, String(v));
      fields[k] = round(v);
    }
    const dropped = [...new Set(this.datas.flatMap((d) => Object.keys(d)))].filter(
      (k) => !numeric.includes(k) && typeof this.datas.find((d) => d[k] !== undefined)?.[k] === 'number',
    );
    if (dropped.length) notes.push(`${dropped.join(', ')} not numeric in every file of ${this.name}: left out`);
    return { fields, approximate: false, notes };
  }
}

/** A problem of a whole set found while folding it. */
class SetProblem extends Error {
  constructor(
    readonly expected: string,
    readonly found: string,
  ) {
    super(expected);
  }
}

/** The files of one repeat (or of the whole set, without repeats): a shard set folded as it arrives. */
interface RepeatSet {
  files: { file: string; shard?: Shard }[];
  first: IndicatorRecord | null;
  fold: Fold;
}

interface Group {
  indicator: string;
  attack?: string;
  /** every file of the set, with its repeat metadata as the file wrote it or its job tagged it */
  files: { file: string; shard?: Shard; repeat?: Repeat; tagged?: boolean }[];
  /** by repeat index (-1: files without repeat metadata) */
  repeats: Map<number, RepeatSet>;
}

/** per value of one metadata key, the files that wrote it (the first few, and how many) */
type Seen = Map<string, { files: string[]; n: number }>;
const FILES_NAMED = 3;

function see(seen: Map<string, Seen>, key: string, value: string, file: string): void {
  let values = seen.get(key);
  if (!values) seen.set(key, (values = new Map()));
  const at = values.get(value);
  if (!at) values.set(value, { files: [file], n: 1 });
  else {
    at.n++;
    if (at.files.length < FILES_NAMED) at.files.push(file);
  }
}

/**
 * The files' record of one indicator, and a note for each key its files disagree on (shards of
 * one set measured on different models): the value is then every one of them (joinDistinct).
 */
function recordedOf(indicator: string, seen: Map<string, Seen> | undefined): { recorded: Recorded; notes: string[] } {
  const recorded: Recorded = {};
  const notes: string[] = [];
  if (!seen) return { recorded, notes };
  const value = (key: string): string | undefined => {
    const values = seen.get(key);
    if (!values) return undefined;
    if (values.size > 1) {
      const each = [...values]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([v, at]) => `${shortValue(v)} (${at.files.join(', ')}${at.n > at.files.length ? `, … ${at.n} files` : ''})`);
      notes.push(`the files of ${indicator} disagree on ${key}: ${each.join(', ')}`);
    }
    return joinDistinct(values.keys()) ?? undefined;
  };
  const model = value('model');
  const dataset = value('dataset');
  if (model !== undefined) recorded.model = model;
  if (dataset !== undefined) recorded.dataset = dataset;
  const hardware: Partial<Hardware> = {};
  for (const f of HARDWARE_FIELDS) {
    const v = value(`host.${f}`);
    if (v !== undefined) hardware[f] = v;
  }
  if (Object.keys(hardware).length) recorded.hardware = hardware;
  return { recorded, notes };
}

export class IndicatorMerger {
  private groups = new Map<string, Group>();
  private invalidFiles = new Map<string, string[]>();
  /** per indicator, the metadata values its files recorded (SPEC §10 fingerprints) */
  private meta = new Map<string, Map<string, Seen>>();

  constructor(
    private readonly strategies: Record<string, MergeStrategy> = {},
    private readonly options: MergeOptions = {},
  ) {}

  /** the file's `model`, `dataset` and `host` hardware, for the indicator's fingerprint */
  private seeMeta(r: IndicatorRecord): void {
    const d = r.data;
    const model = typeof d.model === 'string' && d.model.trim() ? d.model.trim() : undefined;
    const dataset = typeof d.dataset === 'string' && d.dataset.trim() ? d.dataset.trim() : undefined;
    const hardware = d.host === undefined ? {} : hardwareOfHost(d.host);
    if (model === undefined && dataset === undefined && Object.keys(hardware).length === 0) return;
    let seen = this.meta.get(r.indicator);
    if (!seen) this.meta.set(r.indicator, (seen = new Map()));
    if (model !== undefined) see(seen, 'model', model, r.file);
    if (dataset !== undefined) see(seen, 'dataset', dataset, r.file);
    for (const [f, v] of Object.entries(hardware)) see(seen, `host.${f}`, v!, r.file);
  }

  add(r: IndicatorRecord): void {
    this.seeMeta(r);
    const attack = r.indicator === 'robustness_adv' ? String(r.data.attack_type) : undefined;
    const key = attack === undefined ? r.indicator : `${r.indicator}\u0000${attack}`;
    let g = this.groups.get(key);
    if (!g) {
      g = { indicator: r.indicator, attack, files: [], repeats: new Map() };
      this.groups.set(key, g);
    }
    g.files.push({
      file: r.file,
      ...(r.shard ? { shard: r.shard } : {}),
      ...(r.repeat ? { repeat: r.repeat } : {}),
      ...(r.repeatTagged ? { tagged: true } : {}),
    });
    const index = r.repeat?.index ?? -1;
    let set = g.repeats.get(index);
    if (!set) {
      set = { files: [], first: r, fold: this.foldFor(r.indicator) };
      g.repeats.set(index, set);
    } else if (set.files.length === 1) {
      set.first = null; // more than one file: nothing is taken as written
    }
    set.files.push(r.shard ? { file: r.file, shard: r.shard } : { file: r.file });
    set.fold.add(r);
    // Keep the first record only while it may be the set's single file; drop its detail now.
    if (set.first === r) set.first = { ...r, samples: undefined, histogram: undefined };
  }

  /** A file of `indicator` did not validate: the indicator is not merged from the rest. */
  invalid(indicator: string, file: string): void {
    const list = this.invalidFiles.get(indicator) ?? [];
    list.push(file);
    this.invalidFiles.set(indicator, list);
  }

  finish(): MergeResult {
    const indicators: Record<string, MergedIndicator> = {};
    const problems: Problem[] = [];
    const unmerged: Record<string, string> = {};
    const attacks = new Map<string, Record<string, MergedIndicator>>();

    for (const [indicator, files] of this.invalidFiles) {
      unmerged[indicator] = `not merged: ${files.length} of its files ${files.length === 1 ? 'is' : 'are'} invalid (${files.join(', ')})`;
    }
    for (const g of this.groups.values()) {
      const subject = g.attack === undefined ? g.indicator : `${g.indicator} (attack_type ${JSON.stringify(g.attack)})`;
      const repeatProblems = checkRepeats(subject, g.files);
      const entries = [...g.repeats].sort((a, b) => a[0] - b[0]);
      const sets = entries.map(([, set]) => set);
      // each repeat is a whole shard set of its own
      const setProblems = repeatProblems.length
        ? repeatProblems
        : entries.flatMap(([index, set]) => checkShardSet(index < 0 ? subject : `${subject} repeat ${index}`, set.files));
      if (unmerged[g.indicator]) {
        // an invalid file keeps the set out of the merge; its set problems are still listed
        problems.push(...setProblems);
        continue;
      }
      if (sets.some((set) => set.files.length > 1) && !isBuiltinName(g.indicator) && !this.strategies[g.indicator]) {
        setProblems.push({
          subject,
          files: g.files.map((f) => f.file),
          expected: `a merge strategy for custom indicator ${g.indicator} in the config (merge: {${g.indicator}: ${MERGE_STRATEGY_SYNTAX}})`,
          found: `${Math.max(...sets.map((set) => set.files.length))} files${sets.length > 1 ? ' in one repeat' : ''} and no strategy`,
        });
      }
      if (setProblems.length) {
        problems.push(...setProblems);
        unmerged[g.indicator] = repeatProblems.length ? 'not merged: its repeats are invalid' : 'not merged: its shard set is invalid';
        continue;
      }
      let merged: MergedIndicator;
      try {
        const folded = sets.map((set) => ({ ...set.fold.finish(set.first, set.files.length), sources: set.files.map((f) => f.file) }));
        merged = folded.length === 1 ? folded[0]! : medianOfRepeats(folded);
      } catch (e) {
        if (!(e instanceof SetProblem)) throw e;
        problems.push({ subject, files: g.files.map((f) => f.file), expected: e.expected, found: e.found });
        unmerged[g.indicator] = 'not merged: its files cannot be merged';
        continue;
      }
      if (g.attack === undefined) indicators[g.indicator] = merged;
      else {
        // attack types are free text: a null-prototype map keeps "constructor" or "__proto__" an attack
        const byAttack = attacks.get(g.indicator) ?? (Object.create(null) as Record<string, MergedIndicator>);
        byAttack[g.attack] = merged;
        attacks.set(g.indicator, byAttack);
      }
    }
    for (const [indicator, byAttack] of attacks) {
      if (unmerged[indicator]) continue;
      indicators[indicator] = combineAttacks(byAttack);
    }
    for (const [indicator, m] of Object.entries(indicators)) {
      const { recorded, notes } = recordedOf(indicator, this.meta.get(indicator));
      m.recorded = recorded;
      m.fingerprint = fingerprintOf(indicator, recorded);
      m.notes.push(...notes);
    }
    return { indicators, problems, unmerged };
  }

  private foldFor(indicator: string): Fold {
    switch (indicator) {
      case 'accuracy_f1':
        return new AccuracyFold();
      case 'latency_p99':
        return new LatencyFold(this.options.percentiles);
      case 'throughput_rps':
        return new ThroughputFold();
      case 'toxicity':
        return new ToxicityFold();
      case 'robustness_adv':
        return new RobustnessFold();
      default:
        return new CustomFold(indicator, this.strategies[indicator]);
    }
  }
}

/** The median of a sorted list: its middle value, or the mean of the two middle ones. */
export function median(sorted: readonly number[]): number {
  const n = sorted.length;
  const mid = n >> 1;
  return n % 2 ? sorted[mid]! : sorted[mid - 1]! / 2 + sorted[mid]! / 2;
}

/**
 * Repeats are independent measurements (SPEC §9): each numeric field is the median over them,
 * with its min, max and every value; other fields are the first repeat's. A numeric field some
 * repeat lacks is left out (with a note): a median of fewer repeats would not be that median.
 * Intervals are those of one exact merge: a median over repeats carries its spread instead.
 */
function medianOfRepeats(repeats: (Folded & { sources: string[] })[]): MergedIndicator {
  const n = repeats.length;
  const first = repeats[0]!;
  const fields: Record<string, unknown> = {};
  const summary: RepeatSummary = { n, min: {}, max: {}, values: {} };
  const dropped: string[] = [];
  for (const [k, v] of Object.entries(first.fields)) {
    if (typeof v !== 'number') {
      fields[k] = v;
      continue;
    }
    const values = repeats.map((r) => r.fields[k]);
    if (!values.every((x): x is number => typeof x === 'number')) {
      dropped.push(k);
      continue;
    }
    const sorted = [...values].sort((a, b) => a - b);
    fields[k] = round(median(sorted));
    summary.min[k] = sorted[0]!;
    summary.max[k] = sorted[n - 1]!;
    summary.values[k] = values;
  }
  const notes = [`each field is the median over ${n} repeats (min and max in repeats)`];
  if (dropped.length) notes.push(`${dropped.join(', ')} not a number in every repeat: left out`);
  for (const r of repeats) for (const note of r.notes) if (!notes.includes(note)) notes.push(note);
  const absent: Record<string, string> = {};
  for (const r of repeats) for (const [k, why] of Object.entries(r.absent ?? {})) if (!(k in fields)) absent[k] = why;
  // the curve of repeats: at each percentile, the median over the repeats (as each field is)
  const curves = repeats.map((r) => r.distribution);
  const distribution = curves.every((c): c is DistributionPoint[] => c !== undefined)
    ? DISTRIBUTION_QS.map((q, i) => ({ q, ms: round(median(curves.map((c) => c[i]!.ms).sort((a, b) => a - b))) }))
    : undefined;
  return {
    fields,
    sources: repeats.flatMap((r) => r.sources),
    approximate: repeats.some((r) => r.approximate),
    notes,
    repeats: summary,
    ...(Object.keys(absent).length ? { absent } : {}),
    ...(distribution ? { distribution } : {}),
  };
}

/**
 * Repeats (SPEC §9): where files carry `repeat`, every file of the set must, with one `count` and
 * indices 0…count−1, each at least once. Files a job of `evalgate run` wrote are tagged with its
 * repeat, and those of one repeat are its shards as §2 says; files that wrote `repeat` themselves
 * and share an index must each carry `shard` (else the same repeat was given twice).
 */
export function checkRepeats(subject: string, files: { file: string; shard?: Shard; repeat?: Repeat; tagged?: boolean }[]): Problem[] {
  const withRepeat = files.filter((f) => f.repeat);
  if (withRepeat.length === 0) return [];
  const names = files.map((f) => f.file);
  const problems: Problem[] = [];
  const at = (expected: string, found: string): void => {
    problems.push({ subject, files: names, path: '$.repeat', expected, found });
  };
  if (withRepeat.length < files.length) {
    const without = files.filter((f) => !f.repeat).map((f) => f.file);
    at('every file of a repeated indicator to carry repeat {index, count}', `none in ${without.join(', ')}`);
    return problems;
  }
  const counts = [...new Set(withRepeat.map((f) => f.repeat!.count))];
  if (counts.length > 1) {
    at('one repeat.count for all the files of an indicator', `counts ${counts.sort((a, b) => a - b).join(', ')}`);
    return problems;
  }
  const n = counts[0]!;
  const seen = new Map<number, typeof files>();
  for (const f of withRepeat) {
    const list = seen.get(f.repeat!.index) ?? [];
    list.push(f);
    seen.set(f.repeat!.index, list);
  }
  for (const [index, list] of [...seen].sort((a, b) => a[0] - b[0])) {
    const written = list.filter((f) => !f.tagged && !f.shard);
    if (list.length > 1 && written.length > 0) {
      at(
        `repeat index ${index} once, or shard {index, count} on every file of repeat ${index}`,
        `it ${list.length} times (${list.map((f) => f.file).join(', ')})`,
      );
    }
  }
  const missing: number[] = [];
  for (let i = 0; i < n; i++) if (!seen.has(i)) missing.push(i);
  if (missing.length) {
    const shown = missing.length > 10 ? `${missing.slice(0, 10).join(', ')}, … (${missing.length} in all)` : missing.join(', ');
    at(`repeat indices 0…${n - 1} (repeat.count ${n})`, `no file for repeat ${shown}`);
  }
  return problems;
}

const isBuiltinName = (n: string): boolean => ['accuracy_f1', 'latency_p99', 'throughput_rps', 'robustness_adv', 'toxicity'].includes(n);

/**
 * robustness_adv over all attack types: the worst success_rate and f1_drop (higher is worse for
 * both), the attack list and the summed samples. Rules look at every attack, not at these.
 */
function combineAttacks(byAttack: Record<string, MergedIndicator>): MergedIndicator {
  const names = Object.keys(byAttack).sort();
  const all = names.map((n) => byAttack[n]!);
  const fields: Record<string, unknown> = { attack_types: names };
  for (const k of ['success_rate', 'f1_drop']) {
    const vs = all.map((a) => a.fields[k]).filter((v): v is number => typeof v === 'number');
    if (vs.length) fields[k] = Math.max(...vs);
  }
  const samples = all.map((a) => a.fields.samples);
  if (samples.every((s) => typeof s === 'number')) fields.samples = (samples as number[]).reduce((a, b) => a + b, 0);
  const sorted = Object.create(null) as Record<string, MergedIndicator>;
  for (const n of names) sorted[n] = byAttack[n]!;
  return {
    fields,
    sources: all.flatMap((a) => a.sources),
    approximate: all.some((a) => a.approximate),
    notes: names.length > 1 ? [`${names.length} attack types; top-level success_rate and f1_drop are the worst of them`] : [],
    attacks: sorted,
  };
}

/**
 * Where files carry `shard`, every file of the set must, with indices 0…count−1, each exactly
 * once, and one `count`. Files without `shard` are each one shard.
 */
export function checkShardSet(subject: string, files: { file: string; shard?: Shard }[]): Problem[] {
  const withShard = files.filter((f) => f.shard);
  if (withShard.length === 0) return [];
  const names = files.map((f) => f.file);
  const problems: Problem[] = [];
  const at = (expected: string, found: string): void => {
    problems.push({ subject, files: names, path: '$.shard', expected, found });
  };
  if (withShard.length < files.length) {
    const without = files.filter((f) => !f.shard).map((f) => f.file);
    at('every file of a shard set to carry shard {index, count}', `none in ${without.join(', ')}`);
    return problems;
  }
  const counts = [...new Set(withShard.map((f) => f.shard!.count))];
  if (counts.length > 1) {
    at('one shard.count for the whole set', `counts ${counts.sort((a, b) => a - b).join(', ')}`);
    return problems;
  }
  const n = counts[0]!;
  const seen = new Map<number, string[]>();
  for (const f of withShard) {
    const list = seen.get(f.shard!.index) ?? [];
    list.push(f.file);
    seen.set(f.shard!.index, list);
  }
  for (const [index, list] of [...seen].sort((a, b) => a[0] - b[0])) {
    if (list.length > 1) at(`shard index ${index} exactly once`, `it ${list.length} times (${list.join(', ')})`);
  }
  const missing: number[] = [];
  for (let i = 0; i < n; i++) if (!seen.has(i)) missing.push(i);
  if (missing.length) {
    const shown = missing.length > 10 ? `${missing.slice(0, 10).join(', ')}, … (${missing.length} in all)` : missing.join(', ');
    at(`indices 0…${n - 1} (shard.count ${n})`, `no file for index ${shown}`);
  }
  return problems;
}
