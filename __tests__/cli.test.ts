/**
 * The CLI as a user runs it: the bundled dist/cli/index.js in a child process.
 * (`npm test` builds dist/ first, so this is the code that ships.)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, SEED, writeFiles } from './helpers.js';

const CLI = path.resolve(import.meta.dirname, '..', 'dist', 'cli', 'index.js');

function evalgate(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Nothing a user did wrong may print a stack trace. */
function expectNoStack(out: { stdout: string; stderr: string }): void {
  expect(out.stderr + out.stdout).not.toContain('    at ');
  expect(out.stderr).not.toMatch(/TypeError|ReferenceError|internal error/);
}

describe('evalgate gate', () => {
  it("passes the seed's five example files with the default rules (exit 0)", () => {
    const dir = writeFiles(SEED);
    const r = evalgate(['gate', '--results', 'results'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('verdict: pass');
    const report = JSON.parse(readFileSync(path.join(dir, 'evalgate-report', 'report.json'), 'utf8'));
    expect(report.verdict).toBe('pass');
    expect(Object.keys(report.indicators).sort()).toEqual(['accuracy_f1', 'latency_p99', 'robustness_adv', 'throughput_rps', 'toxicity']);
    expect(report.indicators.accuracy_f1.f1).toBe(0.8);
    expect(existsSync(path.join(dir, 'evalgate-report', 'report.md'))).toBe(true);
    expect(existsSync(path.join(dir, 'evalgate-report', 'report.prom'))).toBe(true);
  });

  it('exits 1 when a rule fails, and --fail-on never turns that into 0 without changing the verdict', () => {
    const dir = writeFiles(SEED);
    const fail = evalgate(['gate', '--results', 'results', '--rps-target', '300', '--out', 'a'], dir);
    expect(fail.code).toBe(1);
    expect(fail.stdout).toMatch(/✗ fail\s+throughput_rps\.rps >= 300\s+found: 250/);
    const never = evalgate(['gate', '--results', 'results', '--rps-target', '300', '--fail-on', 'never', '--out', 'b'], dir);
    expect(never.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'b', 'report.json'), 'utf8')).verdict).toBe('fail');
  });

  it('exits 0 on warn, and 1 with --fail-on warn', () => {
    const dir = writeFiles(SEED);
    const args = ['gate', '--results', 'results', '--thresholds', 'warn accuracy_f1.f1 >= 0.9'];
    expect(evalgate(args, dir).code).toBe(0);
    expect(evalgate([...args, '--fail-on', 'warn'], dir).code).toBe(1);
  });

  it('exits 1 when a required indicator is absent (even one with no rule)', () => {
    const { 'results/throughput_rps.json': _dropped, ...rest } = SEED;
    const r = evalgate(['gate', '--results', 'results'], writeFiles(rest));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('required indicator throughput_rps is absent');
  });

  it('exits 2 on an invalid file, lists every problem, still writes the report with verdict fail', () => {
    const dir = writeFiles({
      ...SEED,
      'results/bad.json': '{"indicator":"latency_p99","p50_ms":NaN,"p90_ms":1,"p99_ms":"fast","requests":0}',
    });
    const r = evalgate(['gate', '--results', 'results', '--fail-on', 'never'], dir);
    expect(r.code).toBe(2);
    expectNoStack(r);
    expect(r.stderr).toContain('error: results/bad.json: $.p50_ms: expected a finite number, got NaN');
    expect(r.stderr).toContain('error: results/bad.json: $.p99_ms: expected a number ≥ 0, got "fast"');
    expect(r.stderr).toContain('error: results/bad.json: $.requests: expected an integer ≥ 1, got 0');
    const report = JSON.parse(readFileSync(path.join(dir, 'evalgate-report', 'report.json'), 'utf8'));
    expect(report.verdict).toBe('fail');
    expect(report.problems).toHaveLength(3);
  });

  it('exits 2 on a malformed rule, naming it', () => {
    const r = evalgate(['gate', '--results', 'results', '--thresholds', 'accuracy_f1.f1 => 0.7'], writeFiles(SEED));
    expect(r.code).toBe(2);
    expectNoStack(r);
    expect(r.stderr).toContain('error: --thresholds:1: rule "accuracy_f1.f1 => 0.7": expected one of >=, <=, >, <, got "=>"');
  });

  it('exits 2 on a baseline that does not exist or does not parse', () => {
    const dir = writeFiles({ ...SEED, 'base.json': '{"schema_version": 2}' });
    const missing = evalgate(['gate', '--results', 'results', '--baseline', 'nope.json'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('error: nope.json: expected a baseline report.json (--baseline PATH|none), got no such file');
    const wrong = evalgate(['gate', '--results', 'results', '--baseline', 'base.json'], dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('error: base.json: $.schema_version: expected 1 (an evalgate report.json), got 2');
  });

  it('exits 2 on a file over the size cap', () => {
    const r = evalgate(['gate', '--results', 'results', '--max-file-size', '0.00001'], writeFiles(SEED));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /error: results\/accuracy_f1\.json: expected a file of at most 0\.00001 MiB \(--max-file-size\), got \d+ bytes \(0\.0 MiB\)/,
    );
  });

  it('reads a glob', () => {
    const dir = writeFiles({ ...SEED, 'other/x.json': '{"not": "an indicator"}' });
    const r = evalgate(['gate', '--results', 'results/*.json'], dir);
    expect(r.code).toBe(0);
  });

  it('exits 2 when the results folder does not exist', () => {
    const r = evalgate(['gate', '--results', 'nowhere'], writeFiles({}));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: nowhere: expected a folder, a file or a glob of indicator files, got nothing at that path');
  });

  it.each([
    [['gate'], /--results: expected a folder, file or glob of indicator files, got nothing/],
    [['gate', '--results', 'r', '--fail-on', 'sometimes'], /argument 'sometimes' is invalid. Allowed choices are error, warn, never/],
    [['gate', '--results', 'r', '--bogus'], /unknown option '--bogus'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('exits 2 on bad arguments: %j', (args, message) => {
    const r = evalgate(args, writeFiles({}));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expectNoStack(r);
  });

  it('an indicator file that is not UTF-8 is refused, naming it; UTF-8 beyond ASCII is read', () => {
    const dir = writeFiles({ 'ok.json': '{"indicator":"bleu","v":1,"note":"naïve ✓ 模型"}' });
    writeFileSync(path.join(dir, 'bad.json'), Buffer.concat([Buffer.from('{"indicator":"bleu","v":1,"note":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]));
    const r = evalgate(['validate', 'ok.json', 'bad.json', '--merge', 'bleu=mean'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.json: expected UTF-8 text (an indicator file is JSON, which is UTF-8), got bytes that are not UTF-8');
    expect(r.stderr).not.toContain('ok.json');
    expectNoStack(r);
  });

  it('a file just over the size cap says its size in bytes where the MiB would read as the cap', () => {
    const dir = writeFiles({});
    const text = '{"indicator":"toxicity","toxic_ratio":0.001,"total_samples":1000,"pad":"';
    writeFileSync(path.join(dir, 'big.json'), text + 'x'.repeat(1024 * 1024 + 1 - text.length - 2) + '"}');
    const r = evalgate(['validate', 'big.json', '--max-file-size', '1'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('big.json: expected a file of at most 1 MiB (--max-file-size), got 1048577 bytes (1.0 MiB)');
  });

  it('a line feed in an attack type or a file name stays on the line it is quoted in', () => {
    const dir = writeFiles({
      ...SEED,
      'results/robustness_adv.json': JSON.stringify({ indicator: 'robustness_adv', attack_type: 'fgsm\n::error title=pwned::x', success_rate: 0.1, f1_drop: 0.5 }),
      'results/bad\nname.json': '{"indicator":"toxicity","toxic_ratio":"high","total_samples":10}',
    });
    const r = evalgate(['gate', '--results', 'results', '--out', 'o'], dir);
    expect(r.code).toBe(2);
    const lines = (r.stdout + r.stderr).split('\n');
    // nothing quoted from the files starts a line of its own
    expect(lines.filter((l) => /^\s*(::|: :|error title|name\.json)/.test(l))).toEqual([]);
    expect(r.stdout).toContain('attack_type fgsm\\n::error title=pwned::x');
    expect(r.stderr).toContain('bad\\nname.json: $.toxic_ratio: expected');
  });

  it('every indicator value shows its delta against the baseline (report.json deltas, report.md)', () => {
    const dir = writeFiles({
      ...SEED,
      'base/accuracy_f1.json': '{"indicator":"accuracy_f1","precision":0.9,"recall":0.9,"f1":0.85,"samples":1000}',
      'base/latency_p99.json': '{"indicator":"latency_p99","p50_ms":25,"p90_ms":45,"p99_ms":100,"requests":8000}',
      'base/robustness_adv.json': '{"indicator":"robustness_adv","attack_type":"fgsm","success_rate":0.1,"f1_drop":0.1}',
    });
    expect(evalgate(['gate', '--results', 'base', '--out', 'b', '--indicators', 'accuracy_f1,latency_p99,robustness_adv'], dir).code).toBe(0);
    const r = evalgate(['gate', '--results', 'results', '--out', 'o', '--baseline', 'b/report.json'], dir);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(path.join(dir, 'o', 'report.json'), 'utf8'));
    expect(report.indicators.accuracy_f1.deltas).toEqual({ precision: -0.08, recall: -0.12, f1: -0.05, samples: 0 });
    expect(report.indicators.latency_p99.deltas).toEqual({ p50_ms: -5, p90_ms: 0, p99_ms: 20, requests: 2000 });
    expect(report.indicators.robustness_adv.attacks.fgsm.deltas).toEqual({ success_rate: 0.02, f1_drop: -0.02 });
    // no baseline entry: no deltas
    expect(report.indicators.toxicity.deltas).toBeUndefined();
    const md = readFileSync(path.join(dir, 'o', 'report.md'), 'utf8');
    expect(md).toContain('| `accuracy_f1` | `recall` | 0.78 | 0.9 | ▼ -0.12 (-13.3%) |');
    expect(md).toContain('| `latency_p99` | `p99_ms` | 120 | 100 | ▲ +20 (+20.0%) |');
    expect(md).toContain('| `robustness_adv[fgsm]` | `f1_drop` | 0.08 | 0.1 | ▼ -0.02 (-20.0%) |');
    // the report without a baseline has none
    const alone = JSON.parse(readFileSync(path.join(dir, 'b', 'report.json'), 'utf8'));
    expect(alone.indicators.accuracy_f1.deltas).toBeUndefined();
  });

  it.each([
    [[], 0],
    [['--thresholds', 'accuracy_f1.f1 >= 0.99'], 1],
  ])('a reader that goes away early (| head -1) does not change the exit code %j', async (extra, want) => {
    const dir = writeFiles(SEED);
    // many rules: more output than the pipe holds, so the writes after the reader closed fail (EPIPE)
    const rules = [...Array.from({ length: 3000 }, () => 'accuracy_f1.f1 >= 0.5'), ...extra.slice(1)].join(';');
    const child = spawn(process.execPath, [CLI, 'gate', '--results', 'results', '--out', 'o', '--thresholds', rules], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '' },
    });
    child.stdout.destroy(); // the read end closed before anything was read
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled|    at /);
    expect(code).toBe(want);
    expect(JSON.parse(readFileSync(path.join(dir, 'o', 'report.json'), 'utf8')).verdict).toBe(want === 0 ? 'pass' : 'fail');
  });

  it.each([
    [['--fail-on', 'bogus'], /argument 'bogus' is invalid/],
    [['--bogus'], /unknown option '--bogus'/],
    [['--thresholds'], /argument missing/],
    [['extra'], /too many arguments/],
  ])('an argument error %j replaces an earlier pass in --out with a failing report', (bad, message) => {
    const dir = writeFiles(SEED);
    for (const out of [['--out', 'o'], ['--out=o']]) {
      const good = evalgate(['gate', '--results', 'results', ...out], dir);
      expect(good.code).toBe(0);
      expect(JSON.parse(readFileSync(path.join(dir, 'o', 'report.json'), 'utf8')).verdict).toBe('pass');
      // the flag with the error last: `--out` is read before it, as commander stops there
      const r = evalgate(['gate', '--results', 'results', ...out, ...bad], dir);
      expect(r.code).toBe(2);
      expectNoStack(r);
      const report = JSON.parse(readFileSync(path.join(dir, 'o', 'report.json'), 'utf8'));
      expect(report.verdict).toBe('fail');
      expect(report.problems.join('\n')).toMatch(message);
      expect(report.problems[0]).toMatch(/^arguments: expected arguments `evalgate gate` accepts/);
    }
  });
});

describe('evalgate validate', () => {
  it('lists every problem of every file, never a stack trace, exit 2', () => {
    const invalid = path.join(FIXTURES, 'indicators', 'invalid');
    const expected = JSON.parse(readFileSync(path.join(invalid, 'expected.json'), 'utf8')) as Record<string, string[]>;
    const r = evalgate(['validate', ...Object.keys(expected)], invalid);
    expect(r.code).toBe(2);
    expectNoStack(r);
    for (const messages of Object.values(expected)) for (const m of messages) expect(r.stderr).toContain(`error: ${m}\n`);
  });
  it('exits 0 on valid files', () => {
    const dir = writeFiles(SEED);
    const r = evalgate(['validate', ...Object.keys(SEED)], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('5 files valid (accuracy_f1, latency_p99, robustness_adv, throughput_rps, toxicity)\n');
  });
  it('rejects a huge deeply nested file without crashing', () => {
    const dir = writeFiles({});
    writeFileSync(path.join(dir, 'deep.json'), '['.repeat(100_000) + ']'.repeat(100_000));
    const r = evalgate(['validate', 'deep.json'], dir);
    expect(r.code).toBe(2);
    expectNoStack(r);
    expect(r.stderr).toMatch(/deep\.json: \$(\[0\]){20}.*: expected nesting at most 64 levels deep, got nesting deeper than 64/);
  });
});

describe('--help', () => {
  it.each([[[]], [['gate']], [['validate']]])('evalgate %j --help prints usage and exits 0', (cmd) => {
    const r = evalgate([...cmd, '--help'], writeFiles({}));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: evalgate/);
  });
  it('gate --help documents every flag', () => {
    const r = evalgate(['gate', '--help'], writeFiles({}));
    for (const flag of [
      '--results',
      '--indicators',
      '--thresholds',
      '--rps-target',
      '--baseline',
      '--fail-on',
      '--name',
      '--out',
      '--max-file-size',
      '--merge',
    ]) {
      expect(r.stdout).toContain(flag);
    }
  });
});
