/**
 * The action's main step in this process (src/action/main.ts run()), as the runner drives it:
 * INPUT_* variables, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, a config file; a tiny GitHub REST
 * API and Pushgateway on 127.0.0.1 record what was posted and pushed. Every path must write
 * report.json and set every output, and the verdict comes from the gate alone.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileCommands, SEED, tempDir, writeFiles } from './helpers.js';
import { parseConfig } from '../src/config/file.js';
import { PRECEDENCE, resolveSettings, type RawSettings } from '../src/config/settings.js';

const boom = vi.hoisted(() => ({ in: '' as '' | 'collect' | 'publish', uploads: [] as string[][] }));

vi.mock('../src/stores/fs.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/stores/fs.js')>();
  return {
    ...actual,
    listResults: (...args: Parameters<typeof actual.listResults>) => {
      if (boom.in === 'collect') throw new TypeError("Cannot read properties of undefined (reading 'simulated')");
      return actual.listResults(...args);
    },
  };
});
vi.mock('../src/github/artifact.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/github/artifact.js')>();
  return {
    ...actual,
    uploadReport: (...args: Parameters<typeof actual.uploadReport>) => {
      if (boom.in === 'publish') throw new Error('simulated failure while publishing');
      boom.uploads.push(args[1]);
      return actual.uploadReport(...args);
    },
  };
});

const { run } = await import('../src/action/main.js');

const OUTPUTS = ['verdict', 'passed', 'report-json', 'report-markdown', 'violations', 'metrics', 'comment-url'];

/** A GitHub REST API with one pull request (#7 of o/r), and a Pushgateway: both record requests. */
interface Fakes {
  url: string;
  comments: { body: string }[];
  pushes: string[];
  close(): Promise<void>;
}

async function startFakes(): Promise<Fakes> {
  const comments: { body: string }[] = [];
  const pushes: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const send = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      const url = req.url ?? '';
      if (req.method === 'PUT' && url.includes('/metrics/job/')) {
        pushes.push(url);
        return send(200, {});
      }
      if (url.startsWith('/repos/o/r/issues/7/comments')) {
        if (req.method === 'GET') return send(200, []);
        if (req.method === 'POST') {
          comments.push(JSON.parse(body) as { body: string });
          const id = comments.length;
          return send(201, { id, html_url: `https://github.com/o/r/pull/7#issuecomment-${id}`, body: '' });
        }
      }
      send(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    comments,
    pushes,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

let fakes: Fakes;
let summaryFile: string;
beforeAll(async () => {
  fakes = await startFakes();
  // @actions/core keeps the summary file it first wrote to: one file for every run of this file
  summaryFile = path.join(tempDir(), 'summary');
});
afterAll(() => fakes.close());

interface Step {
  outputs: Record<string, string>;
  stdout: string;
  summary: string;
  report: Record<string, any>;
  failed: boolean;
}

/** run() with these inputs in `dir`; `pr` makes it a pull_request event on o/r#7 */
async function main(dir: string, inputs: Record<string, string>, opts: { pr?: boolean } = {}): Promise<Step> {
  const saved = { ...process.env };
  for (const k of Object.keys(process.env)) if (/^(INPUT_|GITHUB_|ACTIONS_|RUNNER_)/.test(k)) delete process.env[k];
  const output = path.join(dir, 'github_output');
  writeFileSync(output, '');
  writeFileSync(summaryFile, '');
  writeFileSync(path.join(dir, 'github_state'), '');
  Object.assign(process.env, {
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_STATE: path.join(dir, 'github_state'),
    RUNNER_TEMP: dir,
    GITHUB_API_URL: fakes.url,
    GITHUB_REPOSITORY: 'o/r',
  });
  if (opts.pr) {
    const event = path.join(dir, 'event.json');
    writeFileSync(event, JSON.stringify({ number: 7, pull_request: { number: 7, head: { sha: 'b'.repeat(40) }, base: { ref: 'main' } } }));
    Object.assign(process.env, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event });
  }
  for (const [k, v] of Object.entries(inputs)) process.env[`INPUT_${k.toUpperCase()}`] = v;
  const out: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  try {
    await run({
      env: process.env,
      cwd: dir,
      stdout: (t) => out.push(t),
      stderr: (t) => out.push(t),
      now: () => new Date('2026-11-25T12:00:00Z'),
    });
  } finally {
    write.mockRestore();
    process.env = saved;
  }
  const failed = process.exitCode === 1;
  process.exitCode = undefined;
  const outputs = readFileCommands(output);
  const reportFile = outputs['report-json'] || path.join(dir, 'evalgate-report', 'report.json');
  return {
    outputs,
    stdout: out.join(''),
    summary: readFileSync(summaryFile, 'utf8'),
    report: JSON.parse(readFileSync(reportFile, 'utf8')),
    failed,
  };
}

function expectEveryOutput(r: Step): void {
  expect(Object.keys(r.outputs).sort()).toEqual([...OUTPUTS].sort());
  expect(r.outputs.verdict).toBe(r.report.verdict);
  expect(r.outputs.passed).toBe(String(!r.failed));
  expect(() => JSON.parse(r.outputs.violations!)).not.toThrow();
  expect(() => JSON.parse(r.outputs.metrics!)).not.toThrow();
}

describe('a failed job fails the verdict, whatever the surviving shards say', () => {
  it('one of three shards fails: report.json, the outputs, the comment and the summary say fail; the job is listed', async () => {
    // each shard writes exact counts, so two survivors alone would merge and pass
    const shard = `{"indicator":"accuracy_f1","precision":0.9,"recall":0.9,"f1":0.9,"samples":100,"tp":90,"fp":10,"fn":10}`;
    const dir = writeFiles({
      'evalgate.yml': [
        'indicators: [accuracy_f1]',
        'jobs:',
        '  accuracy_f1:',
        '    shards: 3',
        `    command: if [ {shard_index} = 1 ]; then sleep 1; echo boom >&2; exit 7; fi; echo '${shard}' > {out}/f1.json`,
      ].join('\n'),
    });
    const r = await main(dir, { config: 'evalgate.yml', baseline: 'none', 'github-token': 'ghs_token' }, { pr: true });
    expectEveryOutput(r);
    expect(r.report.verdict).toBe('fail');
    expect(r.outputs.verdict).toBe('fail');
    expect(r.outputs.passed).toBe('false');
    expect(r.failed).toBe(true);
    const failedJob = r.report.jobs.find((j: { shard: number }) => j.shard === 1);
    expect(failedJob).toMatchObject({ indicator: 'accuracy_f1', status: 'failed' });
    const line = r.report.problems.find((p: string) => p.startsWith('job accuracy_f1 shard 1'));
    expect(line).toMatch(
      /^job accuracy_f1 shard 1 \(.+\): expected status succeeded \(a run with a failed job fails, whatever the other shards say\), got failed/,
    );
    expect(fakes.comments.at(-1)!.body).toContain('**fail**');
    expect(fakes.comments.at(-1)!.body).toContain('job accuracy_f1 shard 1');
    expect(r.summary).toContain('**fail**');
    expect(r.stdout).toContain('exit code 3');
  });
});

describe('the artifact', () => {
  it('carries report.json, report.md and report.html, from the folder the report was written to', async () => {
    const dir = writeFiles({ 'results/accuracy_f1.json': SEED['results/accuracy_f1.json'] });
    boom.uploads.length = 0;
    const r = await main(dir, { results: 'results', indicators: 'accuracy_f1', baseline: 'none', thresholds: 'accuracy_f1.f1 >= 0.5' });
    expect(r.report.verdict).toBe('pass');
    const out = path.join(dir, 'evalgate-report');
    expect(boom.uploads).toEqual([['report.json', 'report.md', 'report.html'].map((f) => path.join(out, f))]);
    expect(readFileSync(path.join(out, 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>[^]*Chart\.js v4/);
  });
});

describe('every path writes report.json and sets every output', () => {
  it.each([
    [
      'an invalid config',
      { 'evalgate.yml': 'name: x\njobs:\n  toxicity:\n    comand: x\n' },
      { config: 'evalgate.yml' },
      /jobs\.toxicity\.comand/,
    ],
    ['an invalid input', SEED, { results: 'results', 'fail-on': 'sometimes' }, /input fail-on: expected one of error, warn, never/],
    [
      'an empty indicator list in the config',
      { ...SEED, 'evalgate.yml': 'indicators: []\n' },
      { config: 'evalgate.yml', results: 'results' },
      /^evalgate\.yml:1: indicators: expected at least one indicator name, got an array of 0 items$/,
    ],
    [
      'an empty indicator list in the input',
      SEED,
      { results: 'results', indicators: ' , ' },
      /^input indicators: expected at least one indicator name, got ","$/,
    ],
    [
      'an empty indicator list in the config, as text',
      { ...SEED, 'evalgate.yml': 'name: x\nindicators: " , "\n' },
      { config: 'evalgate.yml', results: 'results' },
      /^evalgate\.yml:2: indicators: expected at least one indicator name, got " , "$/,
    ],
  ])('%s', async (_what, files, inputs, problem) => {
    const dir = writeFiles(files as Record<string, unknown>);
    const r = await main(dir, { baseline: 'none', ...inputs });
    expectEveryOutput(r);
    expect(r.report.verdict).toBe('fail');
    expect(r.outputs.passed).toBe('false');
    expect(r.report.problems.some((p: string) => problem.test(p))).toBe(true);
    expect(r.stdout).not.toMatch(/\n\s+at /);
  });

  it('a config error is still annotated on its file and line', async () => {
    const dir = writeFiles({ 'ci/evalgate.yml': 'name: x\njobs:\n  toxicity:\n    comand: x\n' });
    const r = await main(dir, { config: 'ci/evalgate.yml' });
    expect(r.stdout).toContain(
      '::error title=evalgate%3A invalid config,file=ci/evalgate.yml,line=4::ci/evalgate.yml:4: jobs.toxicity.comand',
    );
  });

  it.each([
    ['while collecting', 'collect' as const],
    ['while publishing, after a passing report was written', 'publish' as const],
  ])('an internal error %s: verdict fail, the problem listed, no stack trace', async (_what, where) => {
    const dir = writeFiles(SEED);
    boom.in = where;
    let r: Step;
    try {
      r = await main(dir, { results: 'results', baseline: 'none', 'rps-target': '100' });
    } finally {
      boom.in = '';
    }
    expectEveryOutput(r);
    expect(r.report.verdict).toBe('fail');
    expect(r.outputs.passed).toBe('false');
    const problem = r.report.problems.find((p: string) => p.startsWith('internal error: '));
    expect(problem).toMatch(/^internal error: expected the run to finish \(please report this\), got ".*simulated.*"$/);
    expect(r.stdout).toContain('::error::evalgate: internal error: expected the run to finish');
    if (where === 'publish') expect(r.report.indicators.accuracy_f1.f1).toBe(0.8); // the report as far as it got
    expect(r.stdout).not.toMatch(/\n\s+at /);
  });
});

describe('an input given in the workflow wins over the config, which wins over the default (every setting)', () => {
  const baselineReport = (name: string, f1: number) =>
    JSON.stringify({ schema_version: 1, name, verdict: 'pass', indicators: { accuracy_f1: { f1 } } });
  // setting, the input's value, the config's line, what is observed, and what input / config / default give
  type Row = [string, string, string, (r: Step) => unknown, { input: unknown; config: unknown; default: unknown }, Record<string, string>?];
  const rows: Row[] = [
    ['name', 'from-input', 'name: from-config', (r) => r.report.name, { input: 'from-input', config: 'from-config', default: 'evalgate' }],
    ['platform', 'dgx', 'platform: volc', (r) => r.report.platform, { input: 'dgx', config: 'volc', default: 'local' }],
    [
      'indicators',
      'accuracy_f1',
      'indicators: [toxicity]',
      (r) => r.report.required,
      {
        input: ['accuracy_f1'],
        config: ['toxicity'],
        default: ['accuracy_f1', 'latency_p99', 'throughput_rps', 'robustness_adv', 'toxicity'],
      },
    ],
    [
      'thresholds',
      '# off; accuracy_f1.f1 >= 0.99\naccuracy_f1.f1 >= 0.1',
      'thresholds: |\n  accuracy_f1.f1 >= 0.2',
      (r) => r.report.rules.map((x: { expr: string }) => x.expr),
      { input: ['0.1'], config: ['0.2'], default: ['0.75', '300', '0.005', '0.1'] },
    ],
    [
      'rps-target',
      '10',
      'rps_target: 20',
      (r) => r.report.rules.filter((x: { indicator: string }) => x.indicator === 'throughput_rps').map((x: { limit: number }) => x.limit),
      { input: [10], config: [20], default: [] },
    ],
    [
      'baseline',
      'base-in.json',
      'baseline: base-cfg.json',
      (r) => r.report.baseline.path ?? r.report.baseline.note,
      { input: 'base-in.json', config: 'base-cfg.json', default: 'baseline: auto finds one only on pull requests' },
    ],
    [
      'fail-on',
      'never',
      'fail_on: warn',
      (r) => r.outputs.passed,
      { input: 'true', config: 'false', default: 'true' },
      { thresholds: 'warn accuracy_f1.f1 >= 0.99' },
    ],
    [
      'comment',
      'always',
      'comment: never',
      (r) => r.outputs['comment-url'] !== '',
      { input: true, config: false, default: true },
      { 'github-token': 'ghs_token' },
    ],
    [
      'pushgateway',
      '<url>/from-input',
      'pushgateway: <url>/from-config',
      () => fakes.pushes.splice(0).map((u) => u.split('/metrics/')[0]),
      { input: ['/from-input'], config: ['/from-config'], default: [] },
    ],
    [
      'results',
      'results',
      'results: other',
      (r) => r.report.indicators.accuracy_f1?.sources,
      { input: ['results/accuracy_f1.json'], config: ['other/accuracy_f1.json'], default: undefined },
    ],
  ];
  const cases = rows.flatMap(([setting, input, configLine, observe, want, extra]) =>
    (['input', 'config', 'default'] as const).map(
      (layer) => [setting, layer, input, configLine, observe, want[layer], extra ?? {}] as const,
    ),
  );
  it.each(cases)('%s from the %s', async (setting, layer, input, configLine, observe, want, extra) => {
    const dir = writeFiles({
      ...SEED,
      'other/accuracy_f1.json': SEED['results/accuracy_f1.json'],
      'base-in.json': baselineReport('evalgate', 0.8),
      'base-cfg.json': baselineReport('evalgate', 0.8),
      // the config sets this setting unless the case is the default; the input wins when given
      'evalgate.yml': layer === 'default' ? '{}\n' : configLine.replace('<url>', fakes.url) + '\n',
    });
    fakes.pushes.splice(0);
    const inputs: Record<string, string> = { config: 'evalgate.yml', ...extra };
    if (setting !== 'results') inputs.results = 'results';
    if (setting !== 'baseline') inputs.baseline = 'none';
    if (layer === 'input') inputs[setting] = input.replace('<url>', fakes.url);
    const r = await main(dir, inputs, { pr: setting === 'comment' });
    expectEveryOutput(r);
    expect(observe(r)).toEqual(want);
  });
});

describe('resolveSettings: the same order for the settings the action cannot show from outside', () => {
  const cli = { flag: (n: string) => `--${n}`, defaultBaseline: 'none' as const };
  it.each([
    ['model', 'm-in', 'model: m-cfg', (x: any) => x.model, 'm-in', 'm-cfg', undefined],
    ['data', 'd-in', 'data: d-cfg', (x: any) => x.data, 'd-in', 'd-cfg', undefined],
    ['timeout-minutes', '5', 'timeout_minutes: 7', (x: any) => x.timeoutMinutes, 5, 7, 60],
    ['max-file-size', '3', 'max_file_size_mb: 4', (x: any) => x.maxFileSizeMb, 3, 4, 64],
    ['comment', 'on-failure', 'comment: never', (x: any) => x.comment, 'on-failure', 'never', 'always'],
    [
      'pushgateway',
      'http://in:9091',
      'pushgateway: http://cfg:9091',
      (x: any) => x.pushgateway,
      'http://in:9091',
      'http://cfg:9091',
      undefined,
    ],
  ] as const)('%s', (name, input, configLine, get, fromInput, fromConfig, fromDefault) => {
    expect(Object.keys(PRECEDENCE)).toContain(name);
    const loaded = parseConfig(configLine + '\n', 'c.yml');
    if (!loaded.ok) throw new Error('bad test config');
    const given = { [name]: input } as RawSettings;
    const at = (raw: RawSettings, config?: typeof loaded.config) => {
      const r = resolveSettings(raw, cli, config);
      expect(r.problems).toEqual([]);
      return get(r.settings);
    };
    expect(at(given, loaded.config)).toEqual(fromInput);
    expect(at({}, loaded.config)).toEqual(fromConfig);
    expect(at({})).toEqual(fromDefault);
    // an input left out arrives as an empty string or blanks: not given
    expect(at({ [name]: '  ' } as RawSettings, loaded.config)).toEqual(fromConfig);
  });

  it.each([
    ['--indicators', { indicators: '' }, undefined, '--indicators: expected at least one indicator name, got ""'],
    ['--indicators', { indicators: ' , ' }, undefined, '--indicators: expected at least one indicator name, got " , "'],
  ])('an empty indicator list from %s is a config error naming it', (_from, raw, config, message) => {
    const r = resolveSettings(raw as RawSettings, cli, config);
    expect(r.problems.map((p) => `${p.file}: expected ${p.expected}, got ${p.found}`)).toEqual([message]);
  });

  it('a config pushgateway that is not http(s) names the config, without its password', () => {
    const loaded = parseConfig('pushgateway: ftp://u:hunter2@host/\n', 'c.yml');
    if (!loaded.ok) throw new Error('bad test config');
    const r = resolveSettings({}, cli, loaded.config);
    expect(r.problems).toEqual([
      { file: 'c.yml', path: 'pushgateway', expected: 'an http:// or https:// Pushgateway URL', found: 'ftp://host' },
    ]);
  });
});
