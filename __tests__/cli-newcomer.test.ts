/**
 * What a newcomer meets first: a bare `evalgate run`, a typo in a name, a job that wrote nothing,
 * and `--help`. Through the CLI's main() with a captured runtime (the same code the bundle runs).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { HELP_TEXT } from '../src/cli/help.js';
import { captureRuntime, SEED, tempDir, writeFiles } from './helpers.js';

const report = (dir: string, out = 'evalgate-report') => {
  const f = path.join(dir, out, 'report.json');
  return existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null;
};

describe('a bare evalgate run', () => {
  it('with no config and no --results: exit 2, where it looked, what to do, and a report', async () => {
    const dir = tempDir();
    const rt = captureRuntime(dir);
    expect(await main(['run'], rt)).toBe(2);
    const err = rt.err.join('');
    expect(err).toContain(`error: ${path.join(dir, '.github', 'evalgate.yml')}: expected a config file with the jobs to run`);
    expect(err).toContain('evalgate init');
    expect(err).toContain('--config FILE');
    expect(err).toContain('--results DIR');
    expect(report(dir)).toMatchObject({ verdict: 'fail', problems: [expect.stringContaining('evalgate init')] });
  });

  it('a --config that does not exist: exit 2 naming it', async () => {
    const dir = tempDir();
    const rt = captureRuntime(dir);
    expect(await main(['run', '--config', 'ci/nope.yml'], rt)).toBe(2);
    expect(rt.err.join('')).toContain('error: ci/nope.yml: expected a readable config file (--config), got no such file');
    expect(report(dir)?.verdict).toBe('fail');
  });
});

const BLEU = { 'results/bleu.json': { indicator: 'bleu', score: 0.5 } };

describe('"did you mean" wherever a name is looked up', () => {
  it.each([
    { args: ['--thresholds', 'accuracy.f1 >= 0.7'], files: {}, want: 'no accuracy indicator file (did you mean "accuracy_f1.f1"?)' },
    { args: ['--thresholds', 'Accuracy_F1.f1 >= 0.7'], files: {}, want: '(did you mean "accuracy_f1.f1"?)' },
    { args: ['--thresholds', 'latency_p95.p99_ms <= 300'], files: {}, want: '(did you mean "latency_p99.p99_ms"?)' },
    { args: ['--thresholds', 'bleu.scor >= 0.3'], files: BLEU, want: 'bleu.scor is absent (did you mean "bleu.score"?)' },
    {
      args: ['--indicators', 'accuracy_f1,latency_p95'],
      files: {},
      want: 'required indicator latency_p95 is absent (did you mean "latency_p99"?)',
    },
    {
      args: ['--indicators', 'accuracy_f1', '--thresholds', 'accuracy_f1.f1 >= 0.7'],
      files: { 'results/accuracy_f1.json': { ...JSON.parse(SEED['results/accuracy_f1.json']), indicator: 'Accuracy_F1' } },
      want: 'warning: results/accuracy_f1.json: $.indicator: "Accuracy_F1" is not a built-in indicator (did you mean "accuracy_f1"?)',
    },
  ])('$args.1', async ({ args, files, want }) => {
    const dir = writeFiles({ ...SEED, ...files });
    const rt = captureRuntime(dir);
    const code = await main(['gate', '--results', 'results', ...args], rt);
    expect(code).toBe(1); // a typo fails the gate on what is then missing; it is not invalid input
    expect(rt.out.join('') + rt.err.join('')).toContain(want);
    const r = report(dir);
    expect(JSON.stringify([r.rules, r.warnings])).toContain('did you mean');
  });

  it('a platform name', async () => {
    const rt = captureRuntime(writeFiles(SEED));
    expect(await main(['run', '--results', 'results', '--platform', 'azur'], rt)).toBe(2);
    expect(rt.err.join('')).toContain(
      'error: --platform: expected one of local, azure, volc, bailian, dgx, got "azur" (did you mean "azure"?)',
    );
  });
});

describe('a job that succeeded but wrote no indicator file', () => {
  it('names the job, its {out} folder and the tail of its log (local)', async () => {
    const dir = writeFiles({
      'evalgate.yml': `indicators: [accuracy_f1]
jobs:
  accuracy_f1:
    command: echo "evaluating…"; printf 'done, wrote results.json\\n\\033[31m::error::x\\n'; exit 0
`,
    });
    const rt = captureRuntime(dir, { PATH: process.env.PATH });
    const code = await main(['run', '--config', 'evalgate.yml'], rt);
    expect(code).toBe(2);
    const err = rt.err.join('');
    expect(err).toMatch(
      /error: job evalgate-\S+-accuracy_f1-0 \(accuracy_f1, shard 1\/1\): expected an indicator file \(\*\.json\) written to its \{out\} folder \S+evalgate-report\/jobs\/evalgate-\S+\/out/,
    );
    expect(err).toContain(
      'none: the job succeeded but wrote nothing there; the last 3 lines of its log:\n  | evaluating…\n  | done, wrote results.json\n  | ?[31m::error::x',
    );
    expect(err).not.toMatch(/^::/m);
    const r = report(dir);
    expect(r.problems.join('\n')).toContain('the job succeeded but wrote nothing there');
    expect(r.verdict).toBe('fail');
  });
});

describe('--help', () => {
  it.each([[[]], [['run']], [['gate']], [['validate']], [['init']], [['alerts']]])(
    '%j shows examples, the rule grammar and the exit codes',
    async (cmd) => {
      const rt = captureRuntime(tempDir());
      expect(await main([...cmd, '--help'], rt)).toBe(0);
      const out = rt.out.join('');
      expect(out).toContain(HELP_TEXT.trim());
      for (const s of ['Examples:', '[warn|error] <indicator>.<field> <op> <expr>', '>=  <=  >  <', 'baseline', '#', 'Exit codes:'])
        expect(out).toContain(s);
      for (const code of ['0  pass or warn', '1  the gate failed', '2  invalid config', '3  platform or job failure'])
        expect(out).toContain(code);
      expect(out.split('Exit codes:')).toHaveLength(2); // once, not once per level
    },
  );
});
