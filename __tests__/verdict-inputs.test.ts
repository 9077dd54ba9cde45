/**
 * Verdicts that cannot be fooled: inputs that used to pass a gate with no real evidence, through
 * the engine (runGate, as the CLI's gate and the action call it), with the exact messages.
 */
import { describe, expect, it } from 'vitest';
import { captureRuntime, SEED, tempDir, writeFiles } from './helpers.js';
import { resolveSettings } from '../src/config/settings.js';
import { parseConfig } from '../src/config/file.js';
import { runGate } from '../src/engine.js';
import { gate } from '../src/core/gate.js';
import { parseRules } from '../src/core/rules.js';
import { formatProblem } from '../src/core/problem.js';
import { IndicatorMerger } from '../src/core/indicators/merge.js';
import { record } from './helpers.js';

const cli = { flag: (n: string) => `--${n}`, defaultBaseline: 'none' as const };

async function gateOf(files: Record<string, unknown>, raw: Record<string, string>, configText?: string) {
  const dir = writeFiles(files);
  let config;
  const before: ReturnType<typeof parseConfig>['problems'] = [];
  if (configText !== undefined) {
    // as the action does: an invalid config still ends with a report, its problems listed
    const loaded = parseConfig(configText, 'evalgate.yml');
    if (loaded.ok) config = loaded.config;
    else before.push(...loaded.problems);
  }
  const { settings, problems } = resolveSettings({ results: 'results', out: tempDir(), ...raw }, cli, config);
  const rt = captureRuntime(dir);
  const run = await runGate(settings, rt, { problems: [...before, ...problems] });
  return { problems: run.report.problems, exitCode: run.exitCode, report: run.report, err: rt.err };
}

const report = (name: string | undefined, indicators: Record<string, unknown>) =>
  JSON.stringify({ schema_version: 1, ...(name !== undefined ? { name } : {}), verdict: 'pass', indicators });

describe('limits that are not finite numbers', () => {
  it.each([
    [
      'a literal that overflows',
      'throughput_rps.rps >= 1e999',
      '--thresholds:1: rule "throughput_rps.rps >= 1e999": expected a limit that evaluates to a finite number, got "1e999" (Infinity)',
    ],
    [
      'a negative overflow',
      'latency_p99.p99_ms <= -1e400',
      '--thresholds:1: rule "latency_p99.p99_ms <= -1e400": expected a limit that evaluates to a finite number, got "-1e400" (-Infinity)',
    ],
    [
      'baseline arithmetic that overflows at gate time',
      'throughput_rps.rps >= baseline * 1e308',
      '--thresholds: rule "throughput_rps.rps >= baseline * 1e+308": expected a limit that evaluates to a finite number, got Infinity (baseline 250 * 1e+308)',
    ],
    [
      'baseline arithmetic that divides into infinity',
      'throughput_rps.rps >= baseline / 1e-320',
      '--thresholds: rule "throughput_rps.rps >= baseline / 1e-320": expected a limit that evaluates to a finite number, got Infinity (baseline 250 / 1e-320)',
    ],
  ])('%s is a config error naming the rule (exit 2, verdict fail)', async (_what, rule, message) => {
    const r = await gateOf(
      { ...SEED, 'base.json': report('evalgate', { throughput_rps: { rps: 250 } }) },
      { thresholds: rule, baseline: 'base.json' },
    );
    expect(r.problems).toEqual([message]);
    expect(r.exitCode).toBe(2);
    expect(r.report.verdict).toBe('fail');
  });

  it('the rule itself fails closed with the reason, its limit null', async () => {
    const r = await gateOf(
      { ...SEED, 'base.json': report('evalgate', { throughput_rps: { rps: 50 } }) },
      { thresholds: 'warn throughput_rps.rps >= baseline * 1e308', baseline: 'base.json' },
    );
    expect(r.report.rules).toEqual([
      expect.objectContaining({ status: 'fail', limit: null, baseline: 50, detail: 'the limit baseline * 1e+308 evaluates to Infinity' }),
    ]);
    expect(r.report.verdict).toBe('fail'); // a config error fails the verdict even on a warn rule
  });

  it('in the config: named by its file', async () => {
    const r = await gateOf(
      { ...SEED, 'base.json': report('evalgate', { throughput_rps: { rps: 50 } }) },
      { baseline: 'base.json' },
      'thresholds: |\n  throughput_rps.rps >= baseline * 1e308\n',
    );
    expect(r.problems).toEqual([
      'evalgate.yml: rule "throughput_rps.rps >= baseline * 1e+308": expected a limit that evaluates to a finite number, got Infinity (baseline 50 * 1e+308)',
    ]);
  });
});

describe('baseline values that are not finite numbers', () => {
  it.each([
    [
      'a built-in field as a string',
      { accuracy_f1: { f1: '0.95' } },
      'accuracy_f1.f1 >= baseline - 0.02',
      'base.json: $.indicators.accuracy_f1.f1: expected a finite number (a baseline value), got "0.95"',
    ],
    [
      'a built-in field as null',
      { accuracy_f1: { f1: null } },
      'accuracy_f1.f1 >= baseline',
      'base.json: $.indicators.accuracy_f1.f1: expected a finite number (a baseline value), got null',
    ],
    [
      'an attack type field',
      { robustness_adv: { f1_drop: 0.1, attacks: { fgsm: { f1_drop: '0.1' } } } },
      'robustness_adv.f1_drop <= baseline',
      'base.json: $.indicators.robustness_adv.attacks.fgsm.f1_drop: expected a finite number (a baseline value), got "0.1"',
    ],
    [
      'a custom indicator field a rule reads',
      { custom: { score: '0.9' } },
      'custom.score >= baseline',
      'base.json: $.indicators.custom.score: expected a finite number (a baseline value), got "0.9"',
    ],
  ])('%s is an input error naming the file and the JSON path (exit 2)', async (_what, indicators, rule, message) => {
    const files = { ...SEED, 'results/custom.json': { indicator: 'custom', score: 0.95 }, 'base.json': report('evalgate', indicators) };
    const r = await gateOf(files, { thresholds: rule, baseline: 'base.json', indicators: 'accuracy_f1,custom' });
    expect(r.problems).toEqual([message]);
    expect(r.exitCode).toBe(2);
    expect(r.report.verdict).toBe('fail');
  });
});

describe('a baseline written by another gate', () => {
  it('is not used: no baseline, with a note saying whose it was', async () => {
    const r = await gateOf(
      { ...SEED, 'base.json': report('perf', { accuracy_f1: { f1: 0.99 } }) },
      { thresholds: 'accuracy_f1.f1 >= baseline - 0.01', baseline: 'base.json', indicators: 'accuracy_f1' },
    );
    expect(r.report.baseline).toMatchObject({ source: 'none', note: 'baseline: base.json is from gate "perf", not "evalgate"; not used' });
    expect(r.report.rules[0]).toMatchObject({ status: 'skipped', detail: 'no baseline' });
    expect(r.err.join('')).toContain('warning: baseline: base.json is from gate "perf", not "evalgate"; not used');
  });

  it.each([
    ['the same name', 'nightly'],
    ['no name (a report of an older evalgate)', undefined],
  ])('with %s it is used', async (_what, name) => {
    const r = await gateOf(
      { ...SEED, 'base.json': report(name, { accuracy_f1: { f1: 0.99 } }) },
      { thresholds: 'accuracy_f1.f1 >= baseline - 0.01', baseline: 'base.json', indicators: 'accuracy_f1', name: 'nightly' },
    );
    expect(r.report.baseline.source).toBe('file');
    expect(r.report.rules[0]).toMatchObject({ status: 'fail', baseline: 0.99, limit: 0.98 });
  });

  it('report.json names its gate, as a later run reads it back', async () => {
    const r = await gateOf(SEED, { name: 'perf' });
    expect(r.report.name).toBe('perf');
  });
});

describe('comments in a block of rules', () => {
  const block = [
    '# disabled; accuracy_f1.f1 >= 0.99',
    '   # indented; latency_p99.p99_ms <= 1',
    '',
    'accuracy_f1.f1 >= 0.5 ; # off; toxicity.toxic_ratio <= 0',
  ];
  it('a line whose first non-blank character is # is a comment, before any ";" splitting', () => {
    const r = parseRules(block.join('\n'), '--thresholds');
    expect(r.problems).toEqual([]);
    expect(r.rules.map((x) => `${x.indicator}.${x.field}`)).toEqual(['accuracy_f1.f1']);
  });

  it.each([
    ['--thresholds', { thresholds: block.join('\n') }, undefined],
    ['config thresholds (a block)', {}, `thresholds: |\n${block.map((l) => `  ${l}`).join('\n')}\n`],
    ['config thresholds (a YAML list)', {}, `thresholds:\n${block.map((l) => `  - ${JSON.stringify(l)}`).join('\n')}\n`],
  ])('in %s the commented rule is not enforced', async (_from, raw, config) => {
    const r = await gateOf(SEED, { ...raw, indicators: 'accuracy_f1' }, config);
    expect(r.problems).toEqual([]);
    expect(r.report.rules.map((x) => `${x.indicator}.${x.field} ${x.status}`)).toEqual(['accuracy_f1.f1 pass']);
    expect(r.report.verdict).toBe('pass');
  });
});

describe('the list of required indicators is never empty', () => {
  it.each([
    ['--indicators ""', { indicators: '' }, undefined, '--indicators: expected at least one indicator name, got ""'],
    [
      'config indicators: []',
      {},
      'indicators: []\n',
      'evalgate.yml:1: indicators: expected at least one indicator name, got an array of 0 items',
    ],
  ])('%s with an empty results folder is a config error (exit 2), never a pass', async (_what, raw, config, message) => {
    const r = await gateOf({ 'results/notes.txt': 'nothing here' }, raw, config);
    expect(r.problems).toContain(message);
    expect(r.exitCode).toBe(2);
    expect(r.report.verdict).toBe('fail');
  });
});

describe('failed jobs (the gate alone)', () => {
  const merger = new IndicatorMerger({});
  merger.add(record({ indicator: 'accuracy_f1', precision: 0.9, recall: 0.9, f1: 0.9, samples: 10, tp: 9, fp: 1, fn: 1 }, 'a.json'));
  const { indicators } = merger.finish();
  const [rule] = parseRules('accuracy_f1.f1 >= 0.5', 'x').rules;
  it.each(['failed', 'cancelled', 'queued', 'running'])('a job left %s fails the verdict and names itself', (status) => {
    const jobs = [
      { indicator: 'accuracy_f1', shard: 0, status: 'succeeded' },
      { indicator: 'accuracy_f1', shard: 1, status, platform_id: 'pid 42', message: 'exit code 7' },
    ];
    const out = gate([rule!], ['accuracy_f1'], indicators, null, { invalidInput: false, jobs });
    // the shard that succeeded is half a set: its rule is not judged on it (SPEC §3)
    expect(out.results[0]!.status).toBe('missing');
    expect(out.results[0]!.detail).toBe(`not judged: its job (shard 1) ${status}, and a partial shard set is never gated as if it were whole`);
    expect(out.verdict).toBe('fail');
    expect(out.platformFailed).toBe(true);
    expect(out.problems.map(formatProblem)).toEqual([
      `job accuracy_f1 shard 1 (pid 42): expected status succeeded (a run with a failed job fails, whatever the other shards say), got ${status}: exit code 7`,
    ]);
  });
  it('every job succeeded: the rules decide', () => {
    const out = gate([rule!], ['accuracy_f1'], indicators, null, {
      invalidInput: false,
      jobs: [{ indicator: 'accuracy_f1', shard: 0, status: 'succeeded' }],
    });
    expect(out.verdict).toBe('pass');
    expect(out.problems).toEqual([]);
  });
});
