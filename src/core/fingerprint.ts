/**
 * Fingerprints (SPEC §10): what an indicator was measured on, so that a baseline compares like
 * with like or not at all. Pure: no I/O.
 *
 * Every indicator of report.json carries one:
 *   model     the sha256 of the staged model (`sha256:<hex>`), else the files' own `model` metadata
 *   dataset   the same for the data (`data` in the config, `dataset` in the files)
 *   code      the sha256 of the code snapshot a platform uploaded (`<platform>.code`)
 *   hardware  latency_p99 and throughput_rps only: instance_type, gpu_model, cpu_model,
 *             cpu_governor, each where recorded (the platform's instance type, the runner's CPU, the
 *             files' own `host` metadata, which the dgx platform writes)
 * A value nobody recorded is null. Where the files of one indicator disagree, the value is every
 * distinct one, sorted and joined with " + " (so it differs from any single one), and a merge note
 * says so.
 *
 * A baseline rule compares only when the baseline's indicator was measured on the same dataset
 * and, for latency and throughput, the same hardware: a value known on both sides and different
 * makes the rule `incomparable`. A different model or code is what a pull request changes: it
 * never does. A value known on one side only is compared as it is (as Bencher compares every
 * result of an unnamed testbed with each other), and the gate says which (`oneSided`).
 */

export const HARDWARE_FIELDS = ['instance_type', 'gpu_model', 'cpu_model', 'cpu_governor'] as const;
export type HardwareField = (typeof HARDWARE_FIELDS)[number];
export type Hardware = Record<HardwareField, string | null>;

export interface Fingerprint {
  model: string | null;
  dataset: string | null;
  code: string | null;
  /** latency_p99 and throughput_rps only */
  hardware?: Hardware;
}

/** the indicators whose values depend on the machine they were measured on */
export const HARDWARE_INDICATORS: readonly string[] = ['latency_p99', 'throughput_rps'];
export const measuresHardware = (indicator: string): boolean => HARDWARE_INDICATORS.includes(indicator);

/** What a run knows besides the files: from staging, the code snapshot and the platform. */
export interface RunFacts {
  /** `sha256:<hex>` of the staged model and data */
  model?: string;
  dataset?: string;
  code?: string;
  /** per indicator, the hardware its jobs ran on as far as the platform knows */
  hardware?: Record<string, Partial<Hardware>>;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/**
 * The hardware a file records in its `host` metadata: `instance_type`, `cpu_model`,
 * `cpu_governor`, `gpu_model`, or, for the GPU, `gpus` as the dgx platform writes them (lines of
 * `nvidia-smi --query-gpu=index,name,…`, or plain names). "unknown" is not a record.
 */
export function hardwareOfHost(host: unknown): Partial<Hardware> {
  if (!isObject(host)) return {};
  const out: Partial<Hardware> = {};
  for (const f of HARDWARE_FIELDS) {
    const v = str(host[f]);
    if (v !== null && v !== 'unknown') out[f] = v;
  }
  if (out.gpu_model === undefined && Array.isArray(host.gpus)) {
    const model = gpuModel(host.gpus.filter((g): g is string => typeof g === 'string'));
    if (model) out.gpu_model = model;
  }
  return out;
}

/** `["0, NVIDIA A100-SXM4-80GB, 1410, …", "1, NVIDIA A100-SXM4-80GB, …"]` → "NVIDIA A100-SXM4-80GB ×2" */
export function gpuModel(lines: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const parts = line.split(',').map((s) => s.trim());
    const name = parts.length > 1 && /^\d+$/.test(parts[0]!) ? parts[1]! : line.trim();
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  if (!counts.size) return null;
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, n]) => (n > 1 ? `${name} ×${n}` : name))
    .join(' + ');
}

/** Every distinct value seen, sorted, as one value (" + " between them). */
export const joinDistinct = (values: Iterable<string>): string | null => {
  const all = [...new Set(values)].sort();
  return all.length ? all.join(' + ') : null;
};

/** The fingerprint of an indicator: the run's facts over what its files recorded. */
export function fingerprintOf(
  indicator: string,
  files: { model?: string; dataset?: string; hardware?: Partial<Hardware> },
  facts: RunFacts = {},
): Fingerprint {
  const fp: Fingerprint = {
    // staging hashed the bytes: it wins over a name a file wrote
    model: facts.model ?? files.model ?? null,
    dataset: facts.dataset ?? files.dataset ?? null,
    code: facts.code ?? null,
  };
  if (measuresHardware(indicator)) {
    const platform = facts.hardware?.[indicator] ?? {};
    // what the files recorded where they ran is more exact than what the platform was asked for
    fp.hardware = Object.fromEntries(HARDWARE_FIELDS.map((f) => [f, files.hardware?.[f] ?? platform[f] ?? null])) as Hardware;
  }
  return fp;
}

/** A fingerprint as a baseline report carries it; null when it has none (a report from before fingerprints). */
export function readFingerprint(v: unknown): Partial<Fingerprint> | null {
  if (!isObject(v)) return null;
  const out: Partial<Fingerprint> = {};
  for (const k of ['model', 'dataset', 'code'] as const) out[k] = str(v[k]);
  if (isObject(v.hardware)) out.hardware = Object.fromEntries(HARDWARE_FIELDS.map((f) => [f, str(v.hardware![f as never])])) as Hardware;
  return out;
}

/** Problems of a baseline report's fingerprint: an object of strings or nulls (path relative to the entry). */
export function fingerprintProblems(v: unknown): Array<{ path: string; expected: string; found: unknown }> {
  const expected = 'a string or null (a fingerprint value)';
  if (!isObject(v)) return [{ path: '', expected: 'an object {model, dataset, code, hardware} (a fingerprint)', found: v }];
  const out: Array<{ path: string; expected: string; found: unknown }> = [];
  for (const k of ['model', 'dataset', 'code'] as const) {
    if (Object.hasOwn(v, k) && v[k] !== null && typeof v[k] !== 'string') out.push({ path: `.${k}`, expected, found: v[k] });
  }
  if (Object.hasOwn(v, 'hardware') && v.hardware !== null) {
    const h = v.hardware;
    if (!isObject(h)) out.push({ path: '.hardware', expected: `an object {${HARDWARE_FIELDS.join(', ')}}`, found: h });
    else
      for (const f of HARDWARE_FIELDS)
        if (Object.hasOwn(h, f) && h[f] !== null && typeof h[f] !== 'string') out.push({ path: `.hardware.${f}`, expected, found: h[f] });
  }
  return out;
}

export interface Difference {
  /** `dataset`, or `hardware.<field>` */
  what: string;
  /** this run's value */
  value: string | null;
  baseline: string | null;
}

export interface Comparison {
  /** known on both sides and different: the rule is incomparable */
  differs: Difference[];
  /** known on one side only: compared as it is; `what` and the side that lacks it */
  oneSided: Array<{ what: string; missingOn: 'baseline' | 'this run' }>;
}

/** What makes `ours` and the baseline's fingerprint of `indicator` incomparable (SPEC §10). */
export function compareFingerprints(indicator: string, ours: Fingerprint | undefined, theirs: Partial<Fingerprint> | null): Comparison {
  const out: Comparison = { differs: [], oneSided: [] };
  const pairs: Array<[string, string | null, string | null]> = [['dataset', ours?.dataset ?? null, theirs?.dataset ?? null]];
  if (measuresHardware(indicator)) {
    for (const f of HARDWARE_FIELDS) pairs.push([`hardware.${f}`, ours?.hardware?.[f] ?? null, theirs?.hardware?.[f] ?? null]);
  }
  for (const [what, value, baseline] of pairs) {
    if (value !== null && baseline !== null) {
      if (value !== baseline) out.differs.push({ what, value, baseline });
    } else if (value !== null || baseline !== null) out.oneSided.push({ what, missingOn: value === null ? 'this run' : 'baseline' });
  }
  return out;
}

/** `sha256:<64 hex>` shortened for a sentence; anything else quoted as it is (bounded) */
export function shortValue(v: string | null): string {
  if (v === null) return 'none';
  const short = v.replace(/\bsha256:([0-9a-f]{12})[0-9a-f]{52}\b/g, 'sha256:$1…');
  return JSON.stringify(short.length > 80 ? `${short.slice(0, 79)}…` : short);
}

/** `dataset "b" here, "a" in the baseline; hardware.cpu_model "X" here, "Y" in the baseline` */
export function describeDifferences(differs: readonly Difference[]): string {
  return differs.map((d) => `${d.what} ${shortValue(d.value)} here, ${shortValue(d.baseline)} in the baseline`).join('; ');
}
