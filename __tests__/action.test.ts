/**
 * The action as the runner runs it: dist/main/index.js and dist/post/index.js with INPUT_* set,
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY pointing at files, under Node 24 (`runs.using: node24`)
 * when scripts/test.sh has fetched it (EVALGATE_NODE24), else the current Node.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileCommands, SEED, writeFiles } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const NODE = process.env.EVALGATE_NODE24 || process.execPath;

function runAction(entry: 'main' | 'post', dir: string, inputs: Record<string, string>, extraEnv: Record<string, string> = {}) {
  const outputFile = path.join(dir, 'github_output');
  const summaryFile = path.join(dir, 'step_summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  writeFileSync(path.join(dir, 'state'), ''); // the runner creates it
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_STATE: path.join(dir, 'state'),
    ...extraEnv,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
  const r = spawnSync(NODE, [path.join(ROOT, 'dist', entry, 'index.js')], { cwd: dir, encoding: 'utf8', env });
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    outputs: readFileCommands(outputFile),
    summary: readFileSync(summaryFile, 'utf8'),
  };
}

describe('action main (results only)', () => {
  it(`gates results and sets every output (node ${NODE === process.execPath ? process.version : '24'})`, () => {
    const dir = writeFiles(SEED);
    const r = runAction('main', dir, { results: 'results', baseline: 'none', 'rps-target': '100', 'github-token': 'ghs_secret123' });
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('pass');
    expect(r.outputs.passed).toBe('true');
    expect(r.outputs['report-json']).toBe(path.join(dir, 'evalgate-report', 'report.json'));
    expect(r.outputs['report-markdown']).toBe(path.join(dir, 'evalgate-report', 'report.md'));
    expect(JSON.parse(r.outputs.violations!)).toEqual([]);
    expect(JSON.parse(r.outputs.metrics!).accuracy_f1).toMatchObject({ f1: 0.8, approximate: false });
    expect(r.outputs['comment-url']).toBe('');
    expect(r.summary).toContain('<!-- evalgate:evalgate -->');
    expect(r.summary).toContain('| `throughput_rps.rps`');
    // the token is masked and appears nowhere
    expect(r.stdout).toContain('::add-mask::ghs_secret123');
    expect(r.stdout.replace('::add-mask::ghs_secret123', '') + r.summary + readFileSync(r.outputs['report-json']!, 'utf8')).not.toContain(
      'ghs_secret123',
    );
  });

  it('fails the step with an annotation per failed rule; passed=false; violations listed', () => {
    const dir = writeFiles(SEED);
    const r = runAction('main', dir, {
      results: 'results',
      baseline: 'none',
      thresholds: 'accuracy_f1.f1 >= 0.9\nwarn latency_p99.p99_ms <= 100',
      name: 'nightly',
    });
    expect(r.code).toBe(1);
    expect(r.outputs.verdict).toBe('fail');
    expect(r.outputs.passed).toBe('false');
    expect(JSON.parse(r.outputs.violations!)).toEqual([
      expect.objectContaining({ indicator: 'accuracy_f1', field: 'f1', status: 'fail', level: 'error', actual: 0.8, limit: 0.9 }),
      expect.objectContaining({ indicator: 'latency_p99', field: 'p99_ms', status: 'fail', level: 'warn', actual: 120, limit: 100 }),
    ]);
    expect(r.stdout).toContain('::error title=evalgate nightly%3A accuracy_f1.f1 failed::accuracy_f1.f1 >= 0.9: fail (found 0.8)');
    expect(r.stdout).toContain(
      '::warning title=evalgate nightly%3A latency_p99.p99_ms failed::latency_p99.p99_ms <= 100: fail (found 120)',
    );
    expect(r.stdout).toContain('::error::evalgate nightly: fail (exit code 1)');
    expect(r.summary).toContain('<!-- evalgate:nightly -->');
  });

  it('fail-on never keeps the step green (passed=true) while the verdict stays fail', () => {
    const dir = writeFiles(SEED);
    const r = runAction('main', dir, { results: 'results', baseline: 'none', thresholds: 'accuracy_f1.f1 >= 0.9', 'fail-on': 'never' });
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('fail');
    expect(r.outputs.passed).toBe('true');
  });

  it('an invalid input fails with its message and no stack trace', () => {
    const dir = writeFiles(SEED);
    const r = runAction('main', dir, { results: 'results', 'fail-on': 'sometimes', baseline: 'none' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '::error title=evalgate evalgate%3A invalid input::input fail-on: expected one of error, warn, never, got "sometimes"',
    );
    expect(r.stdout + r.stderr).not.toContain('    at ');
    // the report is still written, and the outputs say fail (SPEC §5)
    expect(r.outputs.verdict).toBe('fail');
    expect(r.outputs.passed).toBe('false');
    const report = JSON.parse(readFileSync(r.outputs['report-json']!, 'utf8'));
    expect(report.problems).toEqual(['input fail-on: expected one of error, warn, never, got "sometimes"']);
    expect(r.summary).toContain('input fail-on');
  });

  it('a run that stops before any job (azure without its config section) names what is missing and still reports', () => {
    const dir = writeFiles({});
    const r = runAction('main', dir, { platform: 'azure', baseline: 'none' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '::error title=evalgate evalgate%3A invalid input::config: azure.resource_group: expected a resource group name (required), got nothing',
    );
    expect(r.stdout).not.toContain('--platform');
    expect(r.outputs.verdict).toBe('fail');
    expect(r.outputs.passed).toBe('false');
    expect(JSON.parse(readFileSync(r.outputs['report-json']!, 'utf8')).verdict).toBe('fail');
  });
});

describe('action main (jobs from the config)', () => {
  it("runs the config's jobs on the local platform and gates what they wrote", () => {
    const dir = writeFiles({
      'ci/evalgate.yml': [
        'name: from-config',
        'indicators: [toxicity]',
        'jobs:',
        '  toxicity:',
        `    command: echo '{"indicator":"toxicity","toxic_ratio":0.001,"total_samples":1000,"toxic_count":1}' > {out}/toxicity.json`,
      ].join('\n'),
    });
    const r = runAction('main', dir, { config: 'ci/evalgate.yml', baseline: 'none' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('pass');
    expect(JSON.parse(r.outputs.metrics!).toxicity).toMatchObject({ toxic_count: 1, total_samples: 1000 });
    expect(r.summary).toContain('<!-- evalgate:from-config -->');
  });

  it('a config error is an annotation on its file and line', () => {
    const dir = writeFiles({ 'ci/evalgate.yml': 'name: x\njobs:\n  toxicity:\n    comand: x\n' });
    const r = runAction('main', dir, { config: 'ci/evalgate.yml' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '::error title=evalgate%3A invalid config,file=ci/evalgate.yml,line=4::ci/evalgate.yml:4: jobs.toxicity.comand: expected one of the known keys',
    );
  });
});

describe('action post', () => {
  it('has nothing to cancel when main started no remote job', () => {
    const r = runAction('post', writeFiles({}), {});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no job was left running; nothing to cancel');
  });
});

describe('action secrets', () => {
  it('masks the token, platform credentials from the environment (each line of a key) and a pushgateway password', () => {
    const dir = writeFiles(SEED);
    const key =
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\nAAAAMwAAAAtzc2gtZWQyNTUxOQAAACBkZXVfa2V5\n-----END OPENSSH PRIVATE KEY-----';
    const r = runAction(
      'main',
      dir,
      { results: 'results', baseline: 'none', 'github-token': 'ghs_tok12345', pushgateway: 'http://ops:pg-s3cret@127.0.0.1:1/' },
      { AZURE_CLIENT_SECRET: 'az-secret-value', VOLCENGINE_SECRET_KEY: 'volc-secret-value', EVALGATE_SSH_KEY: key },
    );
    for (const s of [
      'ghs_tok12345',
      'az-secret-value',
      'volc-secret-value',
      'pg-s3cret',
      'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ',
      'AAAAMwAAAAtzc2gtZWQyNTUxOQAAACBkZXVfa2V5',
    ]) {
      expect(r.stdout).toContain(`::add-mask::${s}`);
    }
    // the push fails (nothing listens on port 1): a warning without the password, the verdict unchanged
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('pass');
    const warning = r.stdout.split('\n').find((l) => l.startsWith('::warning::pushgateway'));
    expect(warning).toContain('http://127.0.0.1:1');
    expect(warning).not.toContain('pg-s3cret');
    expect(warning).not.toContain('ops:');
  });

  it('an invalid comment mode or pushgateway URL is an input error naming the input, without echoing credentials', () => {
    const dir = writeFiles(SEED);
    const r = runAction('main', dir, { results: 'results', comment: 'sometimes', pushgateway: 'ftp://u:hunter2@host/' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('input comment: expected one of always, on-failure, never, on-change, new, got "sometimes"');
    expect(r.stdout).toContain('input pushgateway: expected an http:// or https:// Pushgateway URL, got ftp://host');
    expect(r.stdout.replaceAll('::add-mask::hunter2', '')).not.toContain('hunter2');
  });
});
