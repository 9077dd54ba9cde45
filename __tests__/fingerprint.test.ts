/**
 * Comparable baselines (SPEC §10): every indicator carries a fingerprint, and a baseline rule
 * whose baseline was measured on another dataset (or, for latency and throughput, other hardware)
 * is `incomparable`: never failing, shown with what differs.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gate, verdictOf, type BaselineIndicators } from '../src/core/gate.js';
import { parseRule, type Rule } from '../src/core/rules.js';
import { IndicatorMerger, type MergedIndicator } from '../src/core/indicators/merge.js';
import { compareFingerprints, fingerprintOf, gpuModel, hardwareOfHost, type Fingerprint, type Hardware } from '../src/core/fingerprint.js';
import { readBaselineReport } from '../src/core/baseline.js';
import { renderJunit } from '../src/core/report/junit.js';
import { renderMarkdown } from '../src/core/report/md.js';
import { checkAnnotations } from '../src/github/check.js';
import { annotations } from '../src/action/main.js';
import { runFacts } from '../src/run.js';
import type { PlannedJob } from '../src/core/plan.js';
import { emptyReport, record, SEED, tempDir, writeFiles } from './helpers.js';

const rule = (t: string): Rule => {
  const r = parseRule(t);
  if (!r.ok) throw new Error(r.expected);
  return r.rule;
};
const merged = (...values: object[]): Record<string, MergedIndicator> => {
  const m = new IndicatorMerger();
  values.forEach((v, i) => m.add(record(v, `f${i}.json`)));
  return m.finish().indicators;
};
const acc = (f1: number, meta: object = {}) => ({ indicator: 'accuracy_f1', precision: f1, recall: f1, f1, samples: 10, ...meta });
const lat = (p99: number, meta: object = {}) => ({ indicator: 'latency_p99', p50_ms: 1, p90_ms: 1, p99_ms: p99, requests: 10, ...meta });
const thr = (rps: number, meta: object = {}) => ({ indicator: 'throughput_rps', rps, concurrency: 1, duration_s: 1, ...meta });

const CPU_A = { host: { cpu_model: 'AMD EPYC 7763', cpu_governor: 'performance' } };
const CPU_B = { host: { cpu_model: 'Intel Xeon 8370C', cpu_governor: 'performance' } };
const fp = (indicator: string, f: { model?: string; dataset?: string; hardware?: Partial<Hardware> } = {}): Fingerprint =>
  fingerprintOf(indicator, {
    ...(f.model ? { model: f.model } : {}),
    ...(f.dataset ? { dataset: f.dataset } : {}),
    hardware: f.hardware ?? {},
  });

describe('a baseline rule against a baseline measured on something else', () => {
  // [name, rule, this run's file, baseline entry, status, what differs]
  it.each([
    [
      'another dataset: any baseline rule',
      'accuracy_f1.f1 >= baseline - 0.01',
      acc(0.5, { dataset: 'val-v2' }),
      { f1: 0.9, fingerprint: fp('accuracy_f1', { dataset: 'val-v1' }) },
      'incomparable',
      ['dataset'],
    ],
    [
      'another dataset on latency',
      'latency_p99.p99_ms <= baseline * 1.1',
      lat(900, { dataset: 'b' }),
      { p99_ms: 100, fingerprint: fp('latency_p99', { dataset: 'a' }) },
      'incomparable',
      ['dataset'],
    ],
    [
      'other hardware on latency',
      'latency_p99.p99_ms <= baseline * 1.1',
      lat(900, CPU_B),
      { p99_ms: 100, fingerprint: fp('latency_p99', { hardware: CPU_A.host }) },
      'incomparable',
      ['hardware.cpu_model'],
    ],
    [
      'other hardware on throughput',
      'throughput_rps.rps >= baseline * 0.9',
      thr(10, CPU_B),
      { rps: 100, fingerprint: fp('throughput_rps', { hardware: CPU_A.host }) },
      'incomparable',
      ['hardware.cpu_model'],
    ],
    [
      'another governor on latency',
      'latency_p99.p99_ms <= baseline',
      lat(900, { host: { cpu_governor: 'powersave' } }),
      { p99_ms: 100, fingerprint: fp('latency_p99', { hardware: { cpu_governor: 'performance' } }) },
      'incomparable',
      ['hardware.cpu_governor'],
    ],
    [
      'other hardware does not matter to accuracy',
      'accuracy_f1.f1 >= baseline - 0.01',
      acc(0.5, CPU_B),
      { f1: 0.9, fingerprint: fp('accuracy_f1') },
      'fail',
      [],
    ],
    [
      'another model is what a pull request changes: compared',
      'accuracy_f1.f1 >= baseline - 0.01',
      acc(0.5, { model: 'm2', dataset: 'v1' }),
      { f1: 0.9, fingerprint: fp('accuracy_f1', { model: 'm1', dataset: 'v1' }) },
      'fail',
      [],
    ],
    [
      'the same dataset and hardware: compared',
      'latency_p99.p99_ms <= baseline * 1.1',
      lat(900, { dataset: 'a', ...CPU_A }),
      { p99_ms: 100, fingerprint: fp('latency_p99', { dataset: 'a', hardware: CPU_A.host }) },
      'fail',
      [],
    ],
    [
      'no fingerprint in the baseline (an older report): compared',
      'accuracy_f1.f1 >= baseline - 0.01',
      acc(0.5, { dataset: 'v2' }),
      { f1: 0.9 },
      'fail',
      [],
    ],
    [
      'no dataset recorded in this run: compared',
      'accuracy_f1.f1 >= baseline - 0.01',
      acc(0.95),
      { f1: 0.9, fingerprint: fp('accuracy_f1', { dataset: 'v1' }) },
      'pass',
      [],
    ],
    [
      'a statistic the history is too short for, on another dataset: incomparable (not skipped)',
      'accuracy_f1.f1 >= baseline.mean - 2 * baseline.stddev',
      acc(0.5, { dataset: 'val-v2' }),
      { f1: 0.9, fingerprint: fp('accuracy_f1', { dataset: 'val-v1' }) },
      'incomparable',
      ['dataset'],
    ],
    [
      'the same statistic on the same dataset: skipped, with the reason',
      'accuracy_f1.f1 >= baseline.mean - 2 * baseline.stddev',
      acc(0.5, { dataset: 'val-v1' }),
      { f1: 0.9, fingerprint: fp('accuracy_f1', { dataset: 'val-v1' }) },
      'skipped',
      [],
    ],
    [
      'an absolute rule is unaffected',
      'accuracy_f1.f1 >= 0.75',
      acc(0.5, { dataset: 'v2' }),
      { f1: 0.9, fingerprint: fp('accuracy_f1', { dataset: 'v1' }) },
      'fail',
      [],
    ],
  ])('%s', (_name, text, file, baseEntry, status, differs) => {
    const ind = (file as { indicator: string }).indicator;
    const out = gate([rule(text)], [ind], merged(file), { [ind]: baseEntry } as BaselineIndicators, { invalidInput: false });
    const r = out.results[0]!;
    expect(r.status).toBe(status);
    expect((r.differs ?? []).map((d) => d.what)).toEqual(differs);
    if (status === 'incomparable') {
      // never failing, and no limit was held against: the verdict is what the other rules make it
      expect(out.verdict).toBe('pass');
      expect(r).toMatchObject({ limit: null, delta: null, baseline: Object.values(baseEntry)[0] });
      expect(r.detail).toMatch(/^not compared: measured on something else than the baseline: /);
    }
  });

  it('says what differs, this run first, a sha256 shortened', () => {
    const a = `sha256:${'a'.repeat(64)}`;
    const b = `sha256:${'b'.repeat(64)}`;
    const out = gate(
      [rule('latency_p99.p99_ms <= baseline * 1.1')],
      ['latency_p99'],
      merged(lat(90, { dataset: b, ...CPU_B })),
      { latency_p99: { p99_ms: 100, fingerprint: fp('latency_p99', { dataset: a, hardware: CPU_A.host }) } },
      { invalidInput: false },
    );
    expect(out.results[0]!.detail).toBe(
      `not compared: measured on something else than the baseline: dataset "sha256:bbbbbbbbbbbb…" here, "sha256:aaaaaaaaaaaa…" in the baseline; ` +
        'hardware.cpu_model "Intel Xeon 8370C" here, "AMD EPYC 7763" in the baseline',
    );
    expect(out.results[0]!.differs).toEqual([
      { what: 'dataset', value: b, baseline: a },
      { what: 'hardware.cpu_model', value: 'Intel Xeon 8370C', baseline: 'AMD EPYC 7763' },
    ]);
  });

  it('an incomparable error rule never fails the verdict, whatever its value; other rules still do', () => {
    const base = { accuracy_f1: { f1: 0.99, fingerprint: fp('accuracy_f1', { dataset: 'v1' }) } };
    const ind = merged(acc(0.1, { dataset: 'v2' }));
    const only = gate([rule('accuracy_f1.f1 >= baseline')], ['accuracy_f1'], ind, base, { invalidInput: false });
    expect(only.verdict).toBe('pass');
    const both = gate([rule('accuracy_f1.f1 >= baseline'), rule('accuracy_f1.f1 >= 0.5')], ['accuracy_f1'], ind, base, {
      invalidInput: false,
    });
    expect(both.results.map((r) => r.status)).toEqual(['incomparable', 'fail']);
    expect(both.verdict).toBe('fail');
    expect(verdictOf([{ ...only.results[0]!, level: 'warn' }], [], false)).toBe('pass');
  });

  it('missing, skipped and a bad baseline value keep their status (nothing to compare)', () => {
    const base = { accuracy_f1: { f1: 0.99, fingerprint: fp('accuracy_f1', { dataset: 'v1' }) } };
    const ind = merged(acc(0.5, { dataset: 'v2' }));
    const out = gate([rule('accuracy_f1.tp >= baseline'), rule('accuracy_f1.recall >= baseline')], ['accuracy_f1'], ind, base, {
      invalidInput: false,
    });
    // tp is absent here and in the baseline: skipped; recall is absent in the baseline: skipped
    expect(out.results.map((r) => r.status)).toEqual(['skipped', 'skipped']);
    const bad = gate(
      [rule('accuracy_f1.f1 >= baseline')],
      ['accuracy_f1'],
      ind,
      { accuracy_f1: { ...base.accuracy_f1, f1: '0.9' } },
      {
        invalidInput: false,
      },
    );
    expect(bad.results[0]!.status).toBe('fail');
    expect(bad.invalidInput).toBe(true);
  });

  it('robustness_adv: the indicator fingerprint decides for every attack type', () => {
    const rob = (meta: object) => ({ indicator: 'robustness_adv', attack_type: 'fgsm', success_rate: 0.1, f1_drop: 0.5, ...meta });
    const base = {
      robustness_adv: { f1_drop: 0.1, attacks: { fgsm: { f1_drop: 0.1 } }, fingerprint: fp('robustness_adv', { dataset: 'v1' }) },
    };
    const out = gate([rule('robustness_adv.f1_drop <= baseline')], ['robustness_adv'], merged(rob({ dataset: 'v2' })), base, {
      invalidInput: false,
    });
    expect(out.results[0]).toMatchObject({
      status: 'incomparable',
      actual: 0.5,
      differs: [{ what: 'dataset', value: 'v2', baseline: 'v1' }],
    });
    const same = gate([rule('robustness_adv.f1_drop <= baseline')], ['robustness_adv'], merged(rob({ dataset: 'v1' })), base, {
      invalidInput: false,
    });
    expect(same.results[0]!.status).toBe('fail');
  });

  it('a value known on one side only is compared, with a note naming it once per indicator', () => {
    const out = gate(
      [rule('latency_p99.p99_ms <= baseline * 1.1'), rule('latency_p99.p50_ms <= baseline * 1.1')],
      ['latency_p99'],
      merged(lat(100, CPU_A)),
      { latency_p99: { p99_ms: 100, p50_ms: 1, fingerprint: fp('latency_p99', { dataset: 'v1' }) } },
      { invalidInput: false },
    );
    expect(out.results.map((r) => r.status)).toEqual(['pass', 'pass']);
    expect(out.notes).toEqual([
      'latency_p99: compared with the baseline as it is, though only this run records its hardware.cpu_model, hardware.cpu_governor',
      'latency_p99: compared with the baseline as it is, though only the baseline records its dataset',
    ]);
  });
});

describe('history: K', () => {
  const base = (p99: number, dataset: string) => ({ latency_p99: { p99_ms: p99, fingerprint: fp('latency_p99', { dataset }) } });

  it('an older report measured on another dataset is left out of the statistics, and the rule says so', () => {
    const history = [base(100, 'a'), base(1000, 'b'), base(110, 'a')];
    const out = gate([rule('latency_p99.p99_ms <= baseline.max')], ['latency_p99'], merged(lat(120, { dataset: 'a' })), history[0]!, {
      invalidInput: false,
      history,
    });
    // the max over the comparable reports is 110, not 1000
    expect(out.results[0]).toMatchObject({ status: 'fail', limit: 110 });
    expect(out.results[0]!.detail).toBe('1 of 3 baseline reports left out of the statistics (another dataset)');
  });

  it('too few comparable reports left: skipped with both reasons', () => {
    const history = [base(100, 'a'), base(1000, 'b')];
    const out = gate(
      [rule('latency_p99.p99_ms <= baseline.mean + 3 * baseline.stddev')],
      ['latency_p99'],
      merged(lat(90, { dataset: 'a' })),
      history[0]!,
      {
        invalidInput: false,
        history,
      },
    );
    expect(out.results[0]).toMatchObject({ status: 'skipped' });
    expect(out.results[0]!.detail).toBe(
      'baseline.stddev needs at least 2 baseline reports with this field; 1 found; 1 of 2 baseline reports left out of the statistics (another dataset)',
    );
  });

  it('the newest report (the baseline) on another dataset makes the rule incomparable', () => {
    const history = [base(100, 'b'), base(100, 'a')];
    const out = gate([rule('latency_p99.p99_ms <= baseline.max')], ['latency_p99'], merged(lat(120, { dataset: 'a' })), history[0]!, {
      invalidInput: false,
      history,
    });
    expect(out.results[0]!.status).toBe('incomparable');
  });
});

describe('fingerprints of merged indicators', () => {
  it('every indicator has one; hardware only for latency and throughput', () => {
    const m = merged(acc(0.9, { model: 'm.onnx', dataset: 'val' }), lat(10, CPU_A), thr(5));
    expect(m.accuracy_f1!.fingerprint).toEqual({ model: 'm.onnx', dataset: 'val', code: null });
    expect(m.latency_p99!.fingerprint).toEqual({
      model: null,
      dataset: null,
      code: null,
      hardware: { instance_type: null, gpu_model: null, cpu_model: 'AMD EPYC 7763', cpu_governor: 'performance' },
    });
    expect(m.throughput_rps!.fingerprint!.hardware).toEqual({ instance_type: null, gpu_model: null, cpu_model: null, cpu_governor: null });
  });

  it('shards that disagree on the model: every value, and a note naming the files', () => {
    const m = new IndicatorMerger();
    m.add(record(acc(0.9, { model: 'b', shard: { index: 0, count: 3 } }), 's0.json'));
    m.add(record(acc(0.9, { model: 'a', shard: { index: 1, count: 3 } }), 's1.json'));
    m.add(record(acc(0.9, { model: 'b', shard: { index: 2, count: 3 } }), 's2.json'));
    const a = m.finish().indicators.accuracy_f1!;
    expect(a.fingerprint!.model).toBe('a + b');
    expect(a.notes).toContain('the files of accuracy_f1 disagree on model: "a" (s1.json), "b" (s0.json, s2.json)');
  });

  it('shards that agree: no note', () => {
    const m = merged(acc(0.9, { model: 'a', shard: { index: 0, count: 2 } }), acc(0.9, { model: 'a', shard: { index: 1, count: 2 } }));
    expect(m.accuracy_f1!.fingerprint!.model).toBe('a');
    expect(m.accuracy_f1!.notes.join(' ')).not.toContain('disagree');
  });

  it("the run's facts win for model and dataset; the files' host wins for hardware", () => {
    const facts = {
      model: 'sha256:m',
      dataset: 'sha256:d',
      code: 'sha256:c',
      hardware: { latency_p99: { instance_type: 'Standard_NC6', cpu_model: 'platform cpu' } },
    };
    expect(fingerprintOf('latency_p99', { model: 'name', hardware: { cpu_model: 'file cpu' } }, facts)).toEqual({
      model: 'sha256:m',
      dataset: 'sha256:d',
      code: 'sha256:c',
      hardware: { instance_type: 'Standard_NC6', gpu_model: null, cpu_model: 'file cpu', cpu_governor: null },
    });
  });

  it.each([
    [
      'the dgx shape',
      {
        hostname: 'n1',
        cpu_governor: 'performance',
        gpus: ['0, NVIDIA A100-SXM4-80GB, 1410, 1593, 1410, 1593', '1, NVIDIA A100-SXM4-80GB, 1410, 1593, 1410, 1593'],
      },
      { cpu_governor: 'performance', gpu_model: 'NVIDIA A100-SXM4-80GB ×2' },
    ],
    ['"unknown" is no record', { cpu_governor: 'unknown', cpu_model: '' }, {}],
    ['a gpu_model as written', { gpu_model: 'H100', gpus: ['0, A10, 1, 1, 1, 1'] }, { gpu_model: 'H100' }],
    ['not an object', 'x', {}],
  ])('host metadata: %s', (_n, host, want) => {
    expect(hardwareOfHost(host)).toEqual(want);
  });

  it('gpuModel: plain names and several models', () => {
    expect(gpuModel(['L4', 'A10', 'L4'])).toBe('A10 + L4 ×2');
    expect(gpuModel([])).toBeNull();
  });
});

describe('runFacts: what the platform hashed and knows', () => {
  const job = (key: string, indicators: string[], instance?: string) =>
    ({ key, indicators, resources: instance ? { instance_type: instance } : {} }) as unknown as PlannedJob;
  it('hashes, and per hardware indicator the instance types of its jobs', () => {
    const platform = {
      hashes: { model: 'sha256:m', data: 'sha256:d', code: 'sha256:c' },
      hardware: (j: PlannedJob) => (j.resources.instance_type ? { instance_type: String(j.resources.instance_type) } : {}),
    };
    expect(
      runFacts(platform, [job('a', ['accuracy_f1'], 'big'), job('l', ['latency_p99'], 'gpu1'), job('l', ['latency_p99'], 'gpu2')]),
    ).toEqual({
      model: 'sha256:m',
      dataset: 'sha256:d',
      code: 'sha256:c',
      hardware: { latency_p99: { instance_type: 'gpu1 + gpu2' } },
    });
    expect(runFacts({}, [job('a', ['accuracy_f1'])])).toEqual({});
  });
});

describe('a baseline report with a fingerprint', () => {
  const report = (fingerprint: unknown) => ({ schema_version: 1, indicators: { accuracy_f1: { f1: 0.9, fingerprint } } });
  it.each([
    ['not an object', 5, '$.indicators.accuracy_f1.fingerprint', 'an object {model, dataset, code, hardware} (a fingerprint)'],
    ['a number as its dataset', { dataset: 3 }, '$.indicators.accuracy_f1.fingerprint.dataset', 'a string or null (a fingerprint value)'],
    [
      'hardware not an object',
      { hardware: [] },
      '$.indicators.accuracy_f1.fingerprint.hardware',
      'an object {instance_type, gpu_model, cpu_model, cpu_governor}',
    ],
    [
      'a number as its CPU',
      { hardware: { cpu_model: 1 } },
      '$.indicators.accuracy_f1.fingerprint.hardware.cpu_model',
      'a string or null (a fingerprint value)',
    ],
  ])('%s is an input problem naming the path', (_n, value, at, expected) => {
    const r = readBaselineReport(report(value), 'base.json');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0]).toMatchObject({ file: 'base.json', path: at, expected });
  });
  it('a well-formed one, or null, is read', () => {
    expect(readBaselineReport(report(fp('accuracy_f1', { dataset: 'v' })), 'b.json').ok).toBe(true);
    expect(readBaselineReport(report(null), 'b.json').ok).toBe(true);
  });
});

describe('where incomparable shows', () => {
  const r = {
    indicator: 'latency_p99',
    field: 'p99_ms',
    op: '<=' as const,
    expr: 'baseline * 1.1',
    level: 'error' as const,
    status: 'incomparable' as const,
    actual: 250,
    limit: null,
    baseline: 100,
    delta: null,
    detail: 'not compared: measured on something else than the baseline: hardware.cpu_model "B" here, "A" in the baseline',
  };
  const report = { ...emptyReport(), rules: [r, { ...r, field: 'p50_ms', status: 'pass' as const, limit: 1, detail: '' }] };
  it('report.md: loud, with what differs, counted apart from the passes', () => {
    const md = renderMarkdown(report);
    expect(md).toContain(
      '⚖️ **incomparable** `not compared: measured on something else than the baseline: hardware.cpu_model "B" here, "A" in the baseline`',
    );
    expect(md).toContain('1 of 2 rules passed · ⚖️ 1 incomparable with the baseline');
  });
  it('JUnit: skipped', () => {
    const xml = renderJunit(report, { hostname: 'h' });
    expect(xml).toMatch(/<testcase [^>]*name="latency_p99.p99_ms &lt;= baseline \* 1.1"[^>]*>\s*<skipped message="[^"]*incomparable/);
    expect(xml).toContain('failures="0"');
  });
  it('annotations (check run and workflow): a warning, even for an error-level rule', () => {
    expect(checkAnnotations(report, '.github/evalgate.yml').map((a) => a.annotation_level)).toEqual(['warning']);
    const a = annotations(report).filter((x) => x.title.includes('p99_ms'));
    expect(a).toEqual([
      expect.objectContaining({ level: 'warning', title: 'evalgate evalgate: latency_p99.p99_ms incomparable with the baseline' }),
    ]);
  });
});

describe('evalgate gate with a baseline on another dataset (the bundled CLI)', () => {
  const CLI = path.resolve(import.meta.dirname, '..', 'dist', 'cli', 'index.js');
  const run = (args: string[], cwd: string) => {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  /** the seed's five files under `folder`, each with `meta` added, and per indicator its own changes */
  const seed = (folder: string, meta: object, changes: Record<string, object> = {}) =>
    Object.fromEntries(
      Object.entries(SEED).map(([k, text]) => {
        const v = JSON.parse(text) as { indicator: string };
        return [k.replace(/^results/, folder), { ...v, ...meta, ...(changes[v.indicator] ?? {}) }];
      }),
    );
  const SHA1 = `sha256:${'1'.repeat(64)}`;
  const SHA2 = `sha256:${'2'.repeat(64)}`;
  const thresholds = 'accuracy_f1.f1 >= baseline - 0.01; accuracy_f1.f1 >= 0.75';

  it('a baseline rule is incomparable, naming what differs; the exit code is what the other rules make it', () => {
    // the baseline: the seed on the old dataset; this run: a much worse F1 on a new one, and on the old one
    const dir = writeFiles({
      ...seed('base-results', { dataset: SHA1 }),
      ...seed('new-data', { dataset: SHA2 }, { accuracy_f1: { f1: 0.76 } }),
      ...seed('old-data', { dataset: SHA1 }, { accuracy_f1: { f1: 0.76 } }),
    });
    expect(run(['gate', '--results', 'base-results', '--out', 'base'], dir).code).toBe(0);
    const base = JSON.parse(readFileSync(path.join(dir, 'base', 'report.json'), 'utf8'));
    expect(base.indicators.accuracy_f1.fingerprint).toEqual({ model: null, dataset: SHA1, code: null });
    expect(base.indicators.latency_p99.fingerprint).toEqual({
      model: null,
      dataset: SHA1,
      code: null,
      hardware: { instance_type: null, gpu_model: null, cpu_model: null, cpu_governor: null },
    });

    const r = run(['gate', '--results', 'new-data', '--baseline', 'base/report.json', '--thresholds', thresholds, '--out', 'out'], dir);
    expect(r.stderr).not.toMatch(/TypeError|internal error/);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(path.join(dir, 'out', 'report.json'), 'utf8'));
    expect(report.verdict).toBe('pass');
    expect(report.rules.map((x: { status: string }) => x.status)).toEqual(['incomparable', 'pass']);
    expect(report.rules[0]).toMatchObject({
      actual: 0.76,
      baseline: 0.8,
      limit: null,
      delta: null,
      differs: [{ what: 'dataset', value: SHA2, baseline: SHA1 }],
      detail:
        'not compared: measured on something else than the baseline: dataset "sha256:222222222222…" here, "sha256:111111111111…" in the baseline',
    });
    expect(report.indicators.accuracy_f1.fingerprint.dataset).toBe(SHA2);
    expect(r.stdout).toContain('incomparable accuracy_f1.f1 >= baseline - 0.01');
    expect(readFileSync(path.join(dir, 'out', 'report.junit.xml'), 'utf8')).toMatch(/<skipped message="[^"]*incomparable/);
    expect(readFileSync(path.join(dir, 'out', 'report.md'), 'utf8')).toContain('⚖️ **incomparable**');

    // on the baseline's dataset the same drop is compared, and fails the gate (exit 1)
    const same = run(['gate', '--results', 'old-data', '--baseline', 'base/report.json', '--thresholds', thresholds, '--out', 'cmp'], dir);
    expect(same.code).toBe(1);
    const cmp = JSON.parse(readFileSync(path.join(dir, 'cmp', 'report.json'), 'utf8'));
    expect(cmp.rules.map((x: { status: string }) => x.status)).toEqual(['fail', 'pass']);
  });

  it('other hardware for latency in the files: only the latency baseline rule is incomparable', () => {
    const host = (cpu_model: string) => ({ latency_p99: { host: { cpu_model, cpu_governor: 'performance' } } });
    const dir = writeFiles({ ...seed('base-results', {}, host('AMD EPYC 7763')), ...seed('now', {}, host('Intel Xeon 8370C')) });
    expect(run(['gate', '--results', 'base-results', '--out', 'base'], dir).code).toBe(0);
    const r = run(
      [
        'gate',
        '--results',
        'now',
        '--baseline',
        'base/report.json',
        '--thresholds',
        'latency_p99.p99_ms <= baseline * 1.1; accuracy_f1.f1 >= baseline - 0.01',
        '--out',
        'out',
      ],
      dir,
    );
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(path.join(dir, 'out', 'report.json'), 'utf8'));
    expect(report.rules.map((x: { status: string }) => x.status)).toEqual(['incomparable', 'pass']);
    expect(report.rules[0].detail).toContain('hardware.cpu_model "Intel Xeon 8370C" here, "AMD EPYC 7763" in the baseline');
    expect(report.indicators.latency_p99.fingerprint.hardware.cpu_model).toBe('Intel Xeon 8370C');
  });
});

describe("evalgate run (local): the sha256 of the staged model and data, the runner's CPU", () => {
  const CLI = path.resolve(import.meta.dirname, '..', 'dist', 'cli', 'index.js');
  const sha = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;
  const project = (dir: string, model: string, data: string, f1: number, p99: number): void => {
    writeFileSync(path.join(dir, 'model.bin'), model);
    writeFileSync(path.join(dir, 'data.jsonl'), data);
    const acc = `printf '{"indicator":"accuracy_f1","precision":${f1},"recall":${f1},"f1":${f1},"samples":10}' > {out}/a.json`;
    const lat = `printf '{"indicator":"latency_p99","p50_ms":1,"p90_ms":2,"p99_ms":${p99},"requests":10}' > {out}/l.json`;
    writeFileSync(
      path.join(dir, 'evalgate.yml'),
      'name: t\nmodel: model.bin\ndata: data.jsonl\nindicators: [accuracy_f1, latency_p99]\n' +
        'thresholds: "accuracy_f1.f1 >= baseline - 0.01; latency_p99.p99_ms <= baseline * 1.1"\n' +
        `jobs:\n  accuracy_f1:\n    command: ${JSON.stringify(acc)}\n  latency_p99:\n    command: ${JSON.stringify(lat)}\n`,
    );
  };
  const run = (dir: string, out: string, baseline?: string) => {
    const args = ['run', '--config', 'evalgate.yml', '--out', out, ...(baseline ? ['--baseline', baseline] : [])];
    const r = spawnSync(process.execPath, [CLI, ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', CI: 'true' },
    });
    const report = JSON.parse(readFileSync(path.join(dir, out, 'report.json'), 'utf8'));
    return { code: r.status, stderr: r.stderr, report };
  };

  it('a new dataset makes both baseline rules incomparable; a new model on the same data is compared', () => {
    const dir = tempDir();
    project(dir, 'weights-1', 'data-1', 0.9, 100);
    const base = run(dir, 'base');
    expect(base.code).toBe(0);
    const fp = base.report.indicators.latency_p99.fingerprint;
    expect(fp).toMatchObject({ model: sha('weights-1'), dataset: sha('data-1'), code: null });
    // the runner's CPU, as node sees it; no instance type or GPU on the local platform
    expect(fp.hardware).toMatchObject({ instance_type: null, gpu_model: null, cpu_model: cpus()[0]!.model.replace(/\s+/g, ' ').trim() });
    expect(base.report.indicators.accuracy_f1.fingerprint).toEqual({ model: sha('weights-1'), dataset: sha('data-1'), code: null });

    // worse on every rule, on other data: nothing is compared, nothing fails
    project(dir, 'weights-2', 'data-2', 0.5, 500);
    const other = run(dir, 'other', 'base/report.json');
    expect(other.code).toBe(0);
    expect(other.report.rules.map((r: { status: string }) => r.status)).toEqual(['incomparable', 'incomparable']);
    expect(other.report.rules[0].differs).toEqual([{ what: 'dataset', value: sha('data-2'), baseline: sha('data-1') }]);

    // the same data, another model: compared, and the regression fails (exit 1)
    project(dir, 'weights-2', 'data-1', 0.5, 500);
    const same = run(dir, 'same', 'base/report.json');
    expect(same.code).toBe(1);
    expect(same.report.rules.map((r: { status: string }) => r.status)).toEqual(['fail', 'fail']);
  });
});

describe('compareFingerprints', () => {
  it('a baseline without any fingerprint: every value this run knows is one-sided', () => {
    expect(compareFingerprints('accuracy_f1', fp('accuracy_f1', { dataset: 'v' }), null)).toEqual({
      differs: [],
      oneSided: [{ what: 'dataset', missingOn: 'baseline' }],
    });
  });
});
