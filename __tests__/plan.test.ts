import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PLACEHOLDER_ENV, jobName, plan, renderCommand, shellQuote, type RunIdentity } from '../src/core/plan.js';
import { tempDir } from './helpers.js';

const id: RunIdentity = { repository: 'acme/models', runId: '123456', runAttempt: '2', gate: 'evalgate' };

/** The rendered command and the environment that carries the values it references. */
function rendered(template: string, values: Record<string, string>): [string, { env: NodeJS.ProcessEnv }] {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH };
  for (const [k, v] of Object.entries(values)) env[PLACEHOLDER_ENV[k]!] = v;
  return [renderCommand(template), { env }];
}

describe('placeholders are substituted shell-quoted', () => {
  it('a model path holding $(…), backticks, quotes and spaces stays one literal argument', () => {
    const dir = tempDir();
    const marker = path.join(dir, 'pwned');
    const evil = `m $(touch ${marker}) \`touch ${marker}\` "it's" ; touch ${marker} #.onnx`;
    const [cmd, opts] = rendered(`printf '%s\\n' {model} > {out}/arg.txt; printf '%s\\n' {shard_index}/{shard_count} >> {out}/arg.txt`, {
      model: evil,
      data: '',
      out: dir,
      shard_index: '1',
      shard_count: '4',
    });
    execFileSync('/bin/sh', ['-c', cmd], opts);
    expect(readFileSync(path.join(dir, 'arg.txt'), 'utf8')).toBe(`${evil}\n1/4\n`);
    expect(existsSync(marker)).toBe(false);
  });

  it('any string survives the shell as one argument (property)', () => {
    const dir = tempDir();
    fc.assert(
      fc.property(
        fc.string({ minLength: 0, maxLength: 40 }).filter((s) => !s.includes('\0')),
        (s) => {
          const out = execFileSync('/bin/sh', ['-c', `printf '%s' ${shellQuote(s)}`], { encoding: 'utf8', cwd: dir });
          expect(out).toBe(s);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('stays literal inside double quotes and next to other text (property)', () => {
    const dir = tempDir();
    const marker = path.join(dir, 'pwned');
    const valueArb = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(`$(touch ${marker})`, `\`touch ${marker}\``, `it's "x" \\ $HOME`, `'; touch ${marker}; '`, `"; touch ${marker}; "`),
    );
    fc.assert(
      fc.property(
        valueArb.filter((v) => !v.includes('\0')),
        fc.constantFrom('"--model={model}/w"', '--model={model}/w', '"{model}"'),
        (v, shape) => {
          const [cmd, opts] = rendered(`printf '%s' ${shape}`, { model: v, data: '', out: dir, shard_index: '0', shard_count: '1' });
          const out = execFileSync('/bin/sh', ['-c', cmd], { encoding: 'utf8', cwd: dir, ...opts });
          expect(out).toBe(shape.includes('--model') ? `--model=${v}/w` : v);
          expect(existsSync(marker)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves ${VAR} and inline JSON alone', () => {
    expect(renderCommand(`echo \${HOME} '{"a":{"b":1}}' {out}`)).toBe(`echo \${HOME} '{"a":{"b":1}}' "\${EVALGATE_OUT}"`);
  });

  it('refuses a placeholder inside single quotes, where nothing would expand', () => {
    expect(() => renderCommand(`printf '%s' '--model={model}/w'`)).toThrow(/\{model\} inside single quotes/);
  });
});

describe('job names', () => {
  it('keep job keys that differ only in case apart', () => {
    const a = jobName(id, 'tp', { index: 0, count: 1 });
    const b = jobName(id, 'TP', { index: 0, count: 1 });
    expect(a).toBe('evalgate-acme-models-123456-2-evalgate-tp-0');
    expect(b).toMatch(/^evalgate-acme-models-123456-2-evalgate-tp-[0-9a-f]{6}-0$/);
  });

  it('are deterministic from repository, run, attempt, gate, job and shard', () => {
    expect(jobName(id, 'accuracy_f1', { index: 3, count: 4 })).toBe('evalgate-acme-models-123456-2-evalgate-accuracy_f1-3');
    expect(jobName(id, 'accuracy_f1', { index: 3, count: 4 })).toBe(jobName({ ...id }, 'accuracy_f1', { index: 3, count: 4 }));
    expect(jobName({ ...id, runAttempt: '3' }, 'accuracy_f1', { index: 3, count: 4 })).not.toBe(
      jobName(id, 'accuracy_f1', { index: 3, count: 4 }),
    );
  });
  it('stay within 100 characters of [a-z0-9_-], unique by a hash when cut', () => {
    const long = { ...id, repository: 'Some-Org/' + 'a'.repeat(150) };
    const a = jobName(long, 'latency_p99', { index: 0, count: 2 });
    const b = jobName({ ...long, repository: long.repository + 'b' }, 'latency_p99', { index: 0, count: 2 });
    expect(a.length).toBeLessThanOrEqual(100);
    expect(a).toMatch(/^[a-z0-9_-]+$/);
    expect(a).toMatch(/latency_p99-0$/);
    expect(a).not.toBe(b);
  });
});

describe('plan', () => {
  const locate = (_k: string, _s: unknown, name: string) => ({ model: '/m/model.onnx', data: '/d', out: `/o/${name}` });
  it('makes one job per indicator times shards, with env for each shard', () => {
    const { jobs, problems } = plan(
      {
        jobs: {
          accuracy_f1: { command: 'f1 --shard {shard_index}/{shard_count} --out {out}', shards: 2, env: { SEED: 7 } },
          latency_p99: { command: 'bench {model}', indicators: ['latency_p99', 'throughput_rps'], timeout_minutes: 5 },
        },
        required: ['accuracy_f1', 'latency_p99', 'throughput_rps'],
        timeoutMinutes: 60,
      },
      id,
      locate,
    );
    expect(problems).toEqual([]);
    expect(jobs.map((j) => [j.key, j.shard.index, j.timeoutMinutes])).toEqual([
      ['accuracy_f1', 0, 60],
      ['accuracy_f1', 1, 60],
      ['latency_p99', 0, 5],
    ]);
    expect(jobs[1]!.command).toBe('f1 --shard "${EVALGATE_SHARD_INDEX}"/"${EVALGATE_SHARD_COUNT}" --out "${EVALGATE_OUT}"');
    expect(jobs[2]!.env).toMatchObject({ EVALGATE_MODEL: '/m/model.onnx' });
    expect(jobs[1]!.env).toMatchObject({
      EVALGATE_OUT: `/o/${jobs[1]!.name}`,
      SEED: '7',
      EVALGATE_SHARD_INDEX: '1',
      EVALGATE_SHARD_COUNT: '2',
      EVALGATE_INDICATOR: 'accuracy_f1',
    });
    expect(jobs[2]!.indicators).toEqual(['latency_p99', 'throughput_rps']);
  });
  it('says which required indicator no job writes', () => {
    const { problems } = plan(
      { jobs: { accuracy_f1: { command: 'x' } }, required: ['accuracy_f1', 'toxicity'], timeoutMinutes: 60, configFile: 'c.yml' },
      id,
      locate,
    );
    expect(problems).toEqual([
      {
        file: 'c.yml',
        path: 'jobs.toxicity',
        expected: 'a job that writes the required indicator toxicity (or leave it out of indicators)',
        found: 'none',
      },
    ]);
  });
  it('needs at least one job', () => {
    expect(plan({ jobs: {}, required: [], timeoutMinutes: 1 }, id, locate).problems[0]!.expected).toMatch(/at least one job/);
  });
});
