/** report.json (SPEC §4): the shape a later run reads back as its baseline. */
import type { DistributionPoint, MergedIndicator, RepeatSummary } from '../indicators/merge.js';
import type { Interval } from '../intervals.js';
import type { RuleResult, Verdict } from '../gate.js';
import type { Fingerprint } from '../fingerprint.js';

export interface JobRecord {
  indicator: string;
  shard: number;
  /** the job's repeat (`repeats: N`), absent when the job is not repeated */
  repeat?: number;
  platform_id: string | null;
  platform_url: string | null;
  status: string;
  duration_s: number | null;
  /** why a job failed or was cancelled, in the platform's words */
  message?: string;
  /** `confirm`: the attempt this job ran for (absent: the first) */
  attempt?: number;
}

export interface BaselineInfo {
  source: 'artifact' | 'file' | 'none';
  run_id: number | string | null;
  commit: string | null;
  created_at: string | null;
  path: string | null;
  note: string | null;
  /** `history: K`: every report the statistics are over, newest first (the first is the baseline) */
  history?: Array<{ run_id: number | string | null; commit: string | null; created_at: string | null; path: string | null }>;
}

export interface IndicatorEntry {
  [field: string]: unknown;
  sources: string[];
  approximate: boolean;
  notes: string[];
  attacks?: Record<string, IndicatorEntry>;
  /** 95% intervals of the exact-merged values, by field (SPEC §9) */
  intervals?: Record<string, Interval>;
  /** the spread over repeats, where files were repeats: n, and per field min, max and each value */
  repeats?: RepeatSummary;
  /** latency_p99 from samples or histograms: nearest-rank values at 0 (min), 50, 75, 90, 95, 99, 99.9, 99.99 and 100 (max) */
  distribution?: DistributionPoint[];
  /** what it was measured on (SPEC §10); on every indicator, not on each attack type */
  fingerprint?: Fingerprint;
  /** per numeric field the baseline also has: this value − the baseline's (SPEC §3), as rules' `delta` */
  deltas?: Record<string, number>;
}

export interface Report {
  schema_version: 1;
  name: string;
  verdict: Verdict;
  generated_at: string;
  commit: string | null;
  ref: string | null;
  pull_request: number | null;
  platform: string;
  required: string[];
  missing_indicators: string[];
  indicators: Record<string, IndicatorEntry>;
  rules: RuleResult[];
  problems: string[];
  /** what the reader should know that does not change the verdict (a latency job without the performance governor) */
  warnings: string[];
  jobs: JobRecord[];
  baseline: BaselineInfo;
}

/**
 * An indicator as report.json holds it; with the baseline's entry, each numeric field's delta
 * against it (SPEC §3: every indicator value shows its delta against the baseline when one exists).
 */
export function indicatorEntry(m: MergedIndicator, base?: Record<string, unknown>): IndicatorEntry {
  const entry: IndicatorEntry = { ...m.fields, sources: m.sources, approximate: m.approximate, notes: m.notes };
  if (base) {
    const deltas: Record<string, number> = {};
    for (const [k, v] of Object.entries(m.fields)) {
      const b = Object.hasOwn(base, k) ? base[k] : undefined;
      if (typeof v === 'number' && Number.isFinite(v) && typeof b === 'number' && Number.isFinite(b)) deltas[k] = Number((v - b).toPrecision(12));
    }
    if (Object.keys(deltas).length) entry.deltas = deltas;
  }
  if (m.intervals && Object.keys(m.intervals).length) entry.intervals = m.intervals;
  if (m.repeats) entry.repeats = m.repeats;
  if (m.distribution) entry.distribution = m.distribution;
  if (m.fingerprint) entry.fingerprint = m.fingerprint;
  if (m.attacks) {
    entry.attacks = Object.create(null) as Record<string, IndicatorEntry>;
    const baseAttacks = base?.attacks && typeof base.attacks === 'object' ? (base.attacks as Record<string, unknown>) : undefined;
    for (const [k, a] of Object.entries(m.attacks)) {
      const b = baseAttacks && Object.hasOwn(baseAttacks, k) ? baseAttacks[k] : undefined;
      entry.attacks[k] = indicatorEntry(a, b && typeof b === 'object' ? (b as Record<string, unknown>) : undefined);
    }
  }
  return entry;
}

export function renderJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
