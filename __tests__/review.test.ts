/**
 * Regressions from a review of the engine: each case reproduces a defect that was found and fixed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateRule } from '../src/core/gate.js';
import { parseRule } from '../src/core/rules.js';
import { IndicatorMerger } from '../src/core/indicators/merge.js';
import { encodeHistogram, newHistogram } from './hdr-reference.js';
import { record, tempDir, writeFiles } from './helpers.js';

const CLI = path.resolve(import.meta.dirname, '..', 'dist', 'cli', 'index.js');
const evalgate = (args: string[], cwd: string, env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', CI: 'true', ...env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const ACC = `printf '{"indicator":"accuracy_f1","precision":0.8,"recall":0.8,"f1":0.8,"samples":10}' > {out}/a.json`;
const project = (jobs: string, extra = '') => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'evalgate.yml'), `indicators: [accuracy_f1]\nthresholds: accuracy_f1.f1 >= 0.5\n${extra}jobs:\n${jobs}`);
  return dir;
};

describe('review regressions', () => {
  it('>= baseline holds when the value equals the baseline exactly (no rounding of one side only)', () => {
    const third = 2 / 3;
    const m = new IndicatorMerger();
    m.add(record({ indicator: 'accuracy_f1', precision: third, recall: third, f1: third, samples: 3 }));
    const merged = m.finish().indicators;
    for (const text of ['accuracy_f1.f1 >= baseline', 'accuracy_f1.f1 <= baseline', 'accuracy_f1.f1 >= baseline - 0']) {
      const r = parseRule(text);
      if (!r.ok) throw new Error(r.expected);
      expect(evaluateRule(r.rule, merged, { accuracy_f1: { f1: third } }).status).toBe('pass');
    }
    const strict = parseRule('accuracy_f1.f1 > baseline');
    if (!strict.ok) throw new Error(strict.expected);
    expect(evaluateRule(strict.rule, merged, { accuracy_f1: { f1: third } }).status).toBe('fail');
  });

  it('raw samples merged with an ms histogram keep their sub-millisecond values', () => {
    const h = newHistogram(3);
    h.recordValueWithCount(100, 1000);
    const m = new IndicatorMerger();
    m.add(
      record(
        {
          indicator: 'latency_p99',
          p50_ms: 100,
          p90_ms: 100,
          p99_ms: 100,
          requests: 1000,
          hdr_histogram: encodeHistogram(h),
          hdr_unit: 'ms',
        },
        'a.json',
      ),
    );
    m.add(
      record(
        { indicator: 'latency_p99', p50_ms: 300.4, p90_ms: 300.4, p99_ms: 300.4, requests: 20, samples_ms: Array(20).fill(300.4) },
        'b.json',
      ),
    );
    const p99 = m.finish().indicators.latency_p99!.fields.p99_ms as number;
    expect(p99).toBeGreaterThan(300); // was 300: the gate passed p99_ms <= 300
    expect(p99).toBeCloseTo(300.4, 0);
  });

  it('a shard.count such as 1e15 is a clear error, not a crash', () => {
    const dir = writeFiles({
      'a.json': { indicator: 'accuracy_f1', precision: 1, recall: 1, f1: 1, samples: 1, shard: { index: 0, count: 1e15 } },
    });
    const r = evalgate(['validate', 'a.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: a.json: $.shard.count: expected an integer in [1, 100000], got 1000000000000000\n1 problem in 1 file\n');
  });

  it("a file field named attacks, sources or notes cannot replace the report's own", () => {
    const dir = writeFiles({
      'r/a.json': {
        indicator: 'accuracy_f1',
        precision: 0.9,
        recall: 0.9,
        f1: 0.9,
        samples: 5,
        attacks: { x: 1 },
        sources: 'me',
        notes: 3,
      },
    });
    const r = evalgate(['gate', '--results', 'r', '--indicators', 'accuracy_f1'], dir);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(path.join(dir, 'evalgate-report', 'report.json'), 'utf8'));
    expect(report.indicators.accuracy_f1.sources).toEqual(['r/a.json']);
    expect(report.indicators.accuracy_f1.attacks).toBeUndefined();
  });

  it("--out . leaves a folder of the user's named jobs alone", () => {
    const dir = project(`  accuracy_f1:\n    command: ${JSON.stringify(ACC)}\n`);
    mkdirSync(path.join(dir, 'jobs'));
    writeFileSync(path.join(dir, 'jobs', 'important.txt'), 'precious');
    expect(evalgate(['run', '--config', 'evalgate.yml', '--out', '.'], dir).code).toBe(0);
    expect(readFileSync(path.join(dir, 'jobs', 'important.txt'), 'utf8')).toBe('precious');
  });

  it('jobs waiting for a slot are not timed out by the time they spent waiting', () => {
    const dir = project(
      `  accuracy_f1:\n    shards: 3\n    timeout_minutes: 0.03\n    command: ${JSON.stringify(`sleep 1; printf '{"indicator":"accuracy_f1","precision":0.8,"recall":0.8,"f1":0.8,"samples":10,"shard":{"index":%s,"count":3}}' {shard_index} > {out}/a.json`)}\n`,
      'concurrency: 1\n',
    );
    const r = evalgate(['run', '--config', 'evalgate.yml'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('a process that escapes the job (setsid) cannot hold the run open', () => {
    const dir = project(`  accuracy_f1:\n    command: ${JSON.stringify(`${ACC}; setsid sleep 30 & echo $! > {out}/../escaped.pid`)}\n`);
    const started = Date.now();
    const r = evalgate(['run', '--config', 'evalgate.yml'], dir);
    expect(r.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
    // it left the job's process group, so it is out of evalgate's reach: stop it here
    const report = JSON.parse(readFileSync(path.join(dir, 'evalgate-report', 'report.json'), 'utf8'));
    const pidFile = path.join(dir, 'evalgate-report', 'jobs', report.jobs[0].platform_id, 'escaped.pid');
    if (existsSync(pidFile)) execFileSync('/bin/sh', ['-c', `kill ${readFileSync(pidFile, 'utf8').trim()} 2>/dev/null || true`]);
  });

  it("jobs do not inherit the action's tokens or inputs", () => {
    const dir = project(
      `  accuracy_f1:\n    command: ${JSON.stringify(`node -e 'console.log(Object.keys(process.env).join(" "))' > {out}/../env.txt; ${ACC}`)}\n    env:\n      MINE: 1\n`,
    );
    const r = evalgate(['run', '--config', 'evalgate.yml'], dir, {
      GITHUB_TOKEN: 'ghs_x',
      ACTIONS_RUNTIME_TOKEN: 'rt',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
      INPUT_FOO: 'bar',
      KEEP_ME: '1',
      GITHUB_OUTPUT: '/tmp/out',
      GITHUB_STATE: '/tmp/state',
      GITHUB_ENV: '/tmp/env',
      GITHUB_STEP_SUMMARY: '/tmp/summary',
      AZURE_CLIENT_SECRET: 'sp-secret',
      EVALGATE_SSH_KEY: 'key',
    });
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(path.join(dir, 'evalgate-report', 'report.json'), 'utf8'));
    const names = readFileSync(path.join(dir, 'evalgate-report', 'jobs', report.jobs[0].platform_id, 'env.txt'), 'utf8')
      .trim()
      .split(' ');
    expect(names).toEqual(expect.arrayContaining(['KEEP_ME', 'MINE', 'EVALGATE_OUT']));
    for (const secret of [
      'GITHUB_TOKEN',
      'ACTIONS_RUNTIME_TOKEN',
      'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
      'INPUT_FOO',
      // the step's file commands, and platform credentials
      'GITHUB_OUTPUT',
      'GITHUB_STATE',
      'GITHUB_ENV',
      'GITHUB_STEP_SUMMARY',
      'AZURE_CLIENT_SECRET',
      'EVALGATE_SSH_KEY',
    ])
      expect(names).not.toContain(secret);
  });

  it('baseline: auto on a pull request says out loud that baseline rules were skipped', () => {
    const dir = writeFiles({ 'r/a.json': { indicator: 'accuracy_f1', precision: 0.9, recall: 0.9, f1: 0.9, samples: 5 } });
    const r = evalgate(
      ['gate', '--results', 'r', '--indicators', 'accuracy_f1', '--baseline', 'auto', '--thresholds', 'accuracy_f1.f1 >= baseline - 0.01'],
      dir,
      {
        GITHUB_EVENT_NAME: 'pull_request',
      },
    );
    expect(r.stderr).toContain("warning: baseline: auto looks up the base branch's report artifact only in the GitHub Action");
    expect(JSON.parse(readFileSync(path.join(dir, 'evalgate-report', 'report.json'), 'utf8')).baseline.note).toMatch(
      /baseline rules were skipped/,
    );
  });

  it('an empty --indicators list and a bad --out are input errors (exit 2)', () => {
    const dir = writeFiles({ 'r/a.json': { indicator: 'accuracy_f1', precision: 0.9, recall: 0.9, f1: 0.9, samples: 5 } });
    expect(evalgate(['gate', '--results', 'r', '--indicators', ','], dir).stderr).toContain(
      'error: --indicators: expected at least one indicator name, got ","',
    );
    const bad = evalgate(['gate', '--results', 'r', '--out', '/dev/null/x'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/error: --out: expected a folder evalgate can create and write, got "\/dev\/null\/x" \(ENOTDIR\)/);
  });

  it('a FIFO named *.json is reported, not read forever', () => {
    const dir = writeFiles({ 'r/a.json': { indicator: 'accuracy_f1', precision: 0.9, recall: 0.9, f1: 0.9, samples: 5 } });
    execFileSync('mkfifo', [path.join(dir, 'r', 'pipe.json')]);
    const r = evalgate(['gate', '--results', 'r', '--indicators', 'accuracy_f1'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: r/pipe.json: expected a regular file, got a special file (FIFO, socket or device)');
  });
});
