/**
 * Jobs that cannot leak secrets, inject commands or destroy data, tried as an attacker and a
 * careless user would: through the bundled CLI, real shells and real child processes.
 * - evalgate removes only folders that carry its own marker (SPEC §1 collect; a user's
 *   `<out>/results/` survives `gate --results azblob://…`, `<out>/jobs/…` survives `run`)
 * - runs never collide (SPEC §1: a unique run id outside Actions; one run per --out)
 * - a job's time limit counts from its start, never while it waits for a slot
 * - text from jobs and files reaches the log without control characters or workflow commands
 *   (SPEC §6), and a job's log tail is kept in bounded memory
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { BlobServiceClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite, type Azurite } from './fakes/azurite.js';
import { jobProcesses, SEED, tempDir, waitFor } from './helpers.js';
import { printable, safeWriter } from '../src/core/sanitize.js';
import { LogTail } from '../src/platforms/log-tail.js';
import { OWNED_MARKER } from '../src/stores/owned.js';
import { LOCK_FILE } from '../src/stores/out-lock.js';

const CLI = path.resolve(import.meta.dirname, '..', 'dist', 'cli', 'index.js');
const baseEnv = { PATH: process.env.PATH ?? '', CI: 'true' };

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function evalgate(args: string[], cwd: string, env: Record<string, string> = {}): Ran {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...baseEnv, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function evalgateAsync(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...baseEnv, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const TOX = `printf '{"indicator":"toxicity","toxic_ratio":%s,"total_samples":100,"shard":{"index":%s,"count":%s}}' "$TOX" {shard_index} {shard_count} > {out}/toxicity.json`;

/** a project with one config; `jobs` is the YAML of its jobs mapping */
function project(jobs: string, extra = ''): string {
  const dir = tempDir('evalgate-integrity-');
  writeFileSync(
    path.join(dir, 'evalgate.yml'),
    `name: t\nindicators: [toxicity]\nthresholds: toxicity.toxic_ratio <= 0.5\n${extra}jobs:\n${jobs}`,
  );
  return dir;
}

const report = (dir: string, out = 'evalgate-report') => JSON.parse(readFileSync(path.join(dir, out, 'report.json'), 'utf8'));

/** every raw control character SPEC §6 names, and the bidi controls */
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
/** a line GitHub's runner would run as a workflow command (it trims leading white space) */
const COMMAND_LINE = /^\s*::/m;

describe('printable and safeWriter', () => {
  it.each([
    ['a CR that would start a new runner line', 'line1\r::error title=Spoof::X', 'line1::error title=Spoof::X'],
    ['a workflow command at the start of a line', '::add-mask::secret', ': :add-mask::secret'],
    ['one after leading white space (the runner trims it)', 'ok\n \t ::stop-commands::tok', 'ok\n \t : :stop-commands::tok'],
    ['the old ##[ form, anywhere', 'x ##[set-env name=A;]1', 'x # #[set-env name=A;]1'],
    [
      "Azure Pipelines' ##vso[, anywhere in a line (the agent looks for it there)",
      'x ##vso[task.setvariable variable=A]1 ##VSO[a.b]',
      'x # #vso[task.setvariable variable=A]1 # #VSO[a.b]',
    ],
    ['CSI colours and cursor moves', '\x1b[31mred\x1b[0m \x1b[2J\x1b[1;1H', 'red '],
    ['an OSC 8 link (BEL and ST ended)', '\x1b]8;;https://evil.example\x07click\x1b]8;;\x1b\\ here', 'click here'],
    ['an OSC title change without an end stops at the line', '\x1b]0;pwned\nnext', '\nnext'],
    ['bidi overrides and isolates', 'report\u202eexe.txt \u2066a\u2069', 'reportexe.txt a'],
    ['C1 controls (8-bit CSI, NEL)', 'a\u009b31mb\u0085c', 'a31mbc'],
    ['other C0 and DEL; tab and newline stay', 'a\x00b\x07c\x7fd\te\nf\r\n', 'abcd\te\nf\n'],
  ])('%s', (_what, input, expected) => {
    const out = printable(input);
    expect(out).toBe(expected);
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out).not.toMatch(COMMAND_LINE);
    expect(printable(out)).toBe(out); // idempotent
  });

  it.each([
    ['a :: split over two writes', [':', ':error::X\n']],
    ['white space, then :: in the next write', ['  ', '::add-mask::x\n']],
    ['a CR at the end of one write', ['line1\r', '::error::X\n']],
    ['after a newline in an earlier write', ['ok\n', ' :', ':warning::Y\n']],
  ])('the stream writer breaks %s', (_what, chunks) => {
    let out = '';
    const write = safeWriter((t) => (out += t));
    for (const c of chunks) write(c);
    expect(out).not.toMatch(COMMAND_LINE);
    expect(out).not.toMatch(RAW_CONTROL);
  });
});

describe('LogTail', () => {
  it.each([
    ['lines split over chunks', ['a\nb', 'c\nd\n'], 3, 'a\nbc\nd'],
    ['the unfinished last line counts', ['1\n2\n3'], 2, '2\n3'],
    ['a chunk with more lines than are kept', ['old\n', Array.from({ length: 10 }, (_, i) => `l${i}`).join('\n') + '\n'], 3, 'l7\nl8\nl9'],
  ])('%s', (_what, chunks, n, expected) => {
    const t = new LogTail(n, 4096);
    for (const c of chunks) t.push(Buffer.from(c));
    expect(t.text()).toBe(expected);
  });

  it('cuts a line at its byte cap, however long it grows', () => {
    const t = new LogTail(2, 16);
    for (let i = 0; i < 1000; i++) t.push(Buffer.from('x'.repeat(1000)));
    t.push(Buffer.from('\nlast\n'));
    const [first, second] = t.text().split('\n');
    expect(first).toBe(`${'x'.repeat(16)} [… line cut at 16 bytes]`);
    expect(second).toBe('last');
  });
});

describe('evalgate never deletes what it did not create', () => {
  let az: Azurite;
  beforeAll(async () => {
    az = await startAzurite();
    const container = BlobServiceClient.fromConnectionString(az.connectionString).getContainerClient('results');
    await container.create();
    for (const [name, text] of Object.entries(SEED))
      await container.getBlockBlobClient(name.replace('results/', 'run1/')).upload(text, text.length);
  }, 60_000);
  afterAll(async () => {
    await az?.stop();
  });

  it("gate --results azblob://… --out . leaves the user's own results/ folder alone and downloads beside it", () => {
    const dir = tempDir('evalgate-integrity-');
    // the user's own folder, where remote results used to be downloaded
    mkdirSync(path.join(dir, 'results', 'deep'), { recursive: true });
    writeFileSync(path.join(dir, 'results', 'precious.txt'), 'mine');
    writeFileSync(path.join(dir, 'results', 'deep', 'thesis.tex'), 'mine too');
    writeFileSync(path.join(dir, 'results', 'toxicity.json'), '{"indicator":"toxicity","toxic_ratio":0.9,"total_samples":1}');
    writeFileSync(path.join(dir, 'notes.md'), 'mine');
    const env = { AZURE_STORAGE_CONNECTION_STRING: az.connectionString };
    const args = ['gate', '--results', 'azblob://devstoreaccount1/results/run1', '--out', '.', '--baseline', 'none'];
    for (let round = 0; round < 2; round++) {
      const r = evalgate(args, dir, env);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(readFileSync(path.join(dir, 'results', 'precious.txt'), 'utf8')).toBe('mine');
      expect(readFileSync(path.join(dir, 'results', 'deep', 'thesis.tex'), 'utf8')).toBe('mine too');
      expect(readFileSync(path.join(dir, 'notes.md'), 'utf8')).toBe('mine');
      // the download went to a folder of evalgate's own, the same one the second time
      const rep = report(dir, '.');
      expect(rep.indicators.toxicity.sources).toEqual(['results-2/toxicity.json']);
      expect(rep.indicators.toxicity.toxic_ratio).toBe(0.003);
      expect(existsSync(path.join(dir, 'results-2', OWNED_MARKER))).toBe(true);
      expect(readdirSync(dir).filter((f) => f.startsWith('results'))).toEqual(['results', 'results-2']);
    }
    // its own reports are replaced; a lock is not left behind
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('a folder it created (with its marker) is reused: <out>/results, emptied of the last download', () => {
    const dir = tempDir('evalgate-integrity-');
    const env = { AZURE_STORAGE_CONNECTION_STRING: az.connectionString };
    const args = ['gate', '--results', 'azblob://devstoreaccount1/results/run1', '--baseline', 'none'];
    expect(evalgate(args, dir, env).code).toBe(0);
    writeFileSync(
      path.join(dir, 'evalgate-report', 'results', 'stale.json'),
      '{"indicator":"toxicity","toxic_ratio":0.9,"total_samples":1}',
    );
    const r = evalgate(args, dir, env);
    expect(r.code).toBe(0);
    expect(existsSync(path.join(dir, 'evalgate-report', 'results', 'stale.json'))).toBe(false);
    expect(report(dir).indicators.toxicity.sources).toEqual(['evalgate-report/results/toxicity.json']);
  });

  it("run leaves the user's files at every path it writes to: <out>/jobs/<job>, <out>/results, beside the reports", () => {
    const dir = project(`  toxicity:\n    command: ${JSON.stringify(TOX)}\n`);
    const env = { EVALGATE_RUN_ID: 'fixed', TOX: '0.1' };
    const args = ['run', '--config', 'evalgate.yml', '--out', 'o'];
    expect(evalgate(args, dir, env).code).toBe(0);
    const jobs = path.join(dir, 'o', 'jobs');
    const [name] = readdirSync(jobs);
    expect(existsSync(path.join(jobs, name!, OWNED_MARKER))).toBe(true);
    // the job's folder becomes the user's (no marker), with files in it; more files all around
    rmSync(path.join(jobs, name!, OWNED_MARKER));
    writeFileSync(path.join(jobs, name!, 'precious.txt'), 'mine');
    writeFileSync(path.join(jobs, name!, 'out', 'toxicity.json'), '{"indicator":"toxicity","toxic_ratio":0.9,"total_samples":1}');
    writeFileSync(path.join(jobs, 'mine.txt'), 'mine');
    mkdirSync(path.join(dir, 'o', 'results'));
    writeFileSync(path.join(dir, 'o', 'results', 'mine.txt'), 'mine');
    writeFileSync(path.join(dir, 'o', 'notes.txt'), 'mine');
    writeFileSync(path.join(dir, 'o', 'report.md'), 'an old report: evalgate replaces it');

    const r = evalgate(args, dir, { ...env, TOX: '0.2' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const f of [
      path.join(jobs, name!, 'precious.txt'),
      path.join(jobs, 'mine.txt'),
      path.join(dir, 'o', 'results', 'mine.txt'),
      path.join(dir, 'o', 'notes.txt'),
    ])
      expect(readFileSync(f, 'utf8')).toBe('mine');
    expect(readFileSync(path.join(jobs, name!, 'out', 'toxicity.json'), 'utf8')).toContain('0.9');
    // the job ran in a fresh folder of evalgate's beside it, and only its output was gated
    const rep = report(dir, 'o');
    expect(rep.indicators.toxicity.toxic_ratio).toBe(0.2);
    expect(rep.indicators.toxicity.sources).toEqual([`o/jobs/${name}-2/out/toxicity.json`]);
    expect(existsSync(path.join(jobs, `${name}-2`, OWNED_MARKER))).toBe(true);
    expect(readFileSync(path.join(dir, 'o', 'report.md'), 'utf8')).toContain('toxicity');
  });
});

describe('runs never collide', () => {
  // each job sleeps long enough for two runs started together to overlap
  const jobs = `  toxicity:\n    command: ${JSON.stringify(`sleep 1.5; ${TOX}`)}\n`;

  it('two runs started in the same second have their own run ids and their own results', async () => {
    const dir = project(jobs);
    const [a, b] = await Promise.all([
      evalgateAsync(['run', '--config', 'evalgate.yml', '--out', 'a'], dir, { TOX: '0.1' }),
      evalgateAsync(['run', '--config', 'evalgate.yml', '--out', 'b'], dir, { TOX: '0.3' }),
    ]);
    expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, '', '']);
    const [ra, rb] = [report(dir, 'a'), report(dir, 'b')];
    expect(ra.indicators.toxicity.toxic_ratio).toBe(0.1);
    expect(rb.indicators.toxicity.toxic_ratio).toBe(0.3);
    expect(ra.jobs[0].platform_id).toMatch(/^evalgate-.*-local\d{14}-[0-9a-f]{8}-1-t-toxicity-0$/);
    expect(ra.jobs[0].platform_id).not.toBe(rb.jobs[0].platform_id);
  });

  it('a second run into the same --out refuses clearly while the first holds it; the first keeps its own results', async () => {
    const dir = project(jobs);
    const first = evalgateAsync(['run', '--config', 'evalgate.yml', '--out', 'o'], dir, { TOX: '0.1' });
    const lock = path.join(dir, 'o', LOCK_FILE);
    const end = Date.now() + 10_000;
    while (!existsSync(lock) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    const holder = JSON.parse(readFileSync(lock, 'utf8')).pid as number;
    const second = await evalgateAsync(['run', '--config', 'evalgate.yml', '--out', 'o'], dir, { TOX: '0.3' });
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(
      `error: --out: expected a folder no other evalgate is using (wait for it, or give another --out), got "o" in use: evalgate pid ${holder} has held it since`,
    );
    const a = await first;
    expect([a.code, a.stderr]).toEqual([0, '']);
    const rep = report(dir, 'o');
    expect(rep.indicators.toxicity.toxic_ratio).toBe(0.1);
    expect(rep.indicators.toxicity.sources).toHaveLength(1);
    expect(existsSync(lock)).toBe(false);
  });

  it('the lock of a run that died (its pid is gone) is taken over', () => {
    const dir = project(`  toxicity:\n    command: ${JSON.stringify(TOX)}\n`);
    const dead = spawnSync('/bin/sh', ['-c', 'echo $$'], { encoding: 'utf8' }).stdout.trim();
    mkdirSync(path.join(dir, 'o'));
    writeFileSync(path.join(dir, 'o', LOCK_FILE), JSON.stringify({ pid: Number(dead), host: hostname(), started_at: 'then' }));
    const r = evalgate(['run', '--config', 'evalgate.yml', '--out', 'o'], dir, { TOX: '0.1' });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(existsSync(path.join(dir, 'o', LOCK_FILE))).toBe(false);
  });
});

describe('time limits mean what they say', () => {
  it('with concurrency 1, queued shards do not time out while they wait: 8 × sleep 1 under a 1.5 s limit all succeed', () => {
    // 8 s in all: the last shard waits 7 s for its slot, longer than limit and grace together
    const dir = project(
      `  toxicity:\n    shards: 8\n    timeout_minutes: 0.025\n    command: ${JSON.stringify(`sleep 1; ${TOX}`)}\n`,
      'concurrency: 1\n',
    );
    const r = evalgate(['run', '--config', 'evalgate.yml'], dir, { TOX: '0.1' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rep = report(dir);
    expect(rep.jobs.map((j: { status: string }) => j.status)).toEqual(Array(8).fill('succeeded'));
    expect(Math.max(...rep.jobs.map((j: { duration_s: number }) => j.duration_s))).toBeLessThan(1.5);
  }, 40_000);

  it('a shard that runs past its limit still times out, counted from its own start', () => {
    const dir = project(
      `  toxicity:\n    shards: 2\n    timeout_minutes: 0.025\n    command: ${JSON.stringify(`if [ {shard_index} = 1 ]; then sleep 30; else sleep 1; fi; ${TOX}`)}\n`,
      'concurrency: 1\n',
    );
    const r = evalgate(['run', '--config', 'evalgate.yml'], dir, { TOX: '0.1' });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('timed out after 0.025 min');
    const rep = report(dir);
    expect(rep.jobs.map((j: { status: string }) => j.status)).toEqual(['succeeded', 'failed']);
  }, 40_000);
});

describe('logs are safe and bounded', () => {
  /** what the CLI printed, both streams */
  const printed = (r: Ran): string => r.stdout + r.stderr;

  it("a failing job's log tail reaches the CLI's output without control characters or workflow commands", () => {
    const dir = project(`  toxicity:\n    command: sh evil.sh\n`);
    writeFileSync(
      path.join(dir, 'evil.sh'),
      [
        "printf 'line1\\r::error title=Spoof::X\\n'",
        "printf '\\033[31mred\\033[0m \\033]8;;https://evil.example\\007click\\033]8;;\\007\\n'",
        "printf 'report\\342\\200\\256txt.exe\\n'", // U+202E RIGHT-TO-LEFT OVERRIDE
        "printf '  ::add-mask::hunter2\\n::stop-commands::tok\\n'",
        "printf 'c1\\302\\233 31m ##[set-env name=A;]1\\n'", // U+009B, the 8-bit CSI
        "printf '\\033]0;title without an end\\n'",
        'exit 1',
      ].join('\n'),
    );
    const r = evalgate(['run', '--config', 'evalgate.yml'], dir);
    expect(r.code).toBe(3);
    const out = printed(r);
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out).not.toMatch(COMMAND_LINE);
    expect(out).not.toContain('##[');
    // the text itself is still there to read
    for (const text of [
      '| line1::error title=Spoof::X',
      '|   : :add-mask::hunter2',
      '| : :stop-commands::tok',
      '| red click',
      '| reporttxt.exe',
      '| c1 31m # #[set-env',
    ])
      expect(out).toContain(text);
    // the log file keeps what the job wrote, byte for byte
    const [name] = readdirSync(path.join(dir, 'evalgate-report', 'jobs'));
    expect(readFileSync(path.join(dir, 'evalgate-report', 'jobs', name!, 'log.txt'), 'utf8')).toContain('line1\r::error title=Spoof::X');
  });

  it('text from indicator files (file names, attack_type, problems) reaches it the same way', () => {
    const dir = tempDir('evalgate-integrity-');
    mkdirSync(path.join(dir, 'r'));
    const evil = 'fgsm\u001b[31m\r::add-mask::x\u202e\u001b]8;;https://evil.example\u0007';
    writeFileSync(
      path.join(dir, 'r', 'a\u001b]0;pwned\u0007\r::error::name.json'),
      JSON.stringify({ indicator: 'robustness_adv', attack_type: evil, success_rate: 0.9, f1_drop: 0.1 }),
    );
    writeFileSync(
      path.join(dir, 'r', 'b.json'),
      JSON.stringify({ indicator: 'toxicity', toxic_ratio: '\u001b[2J\n::error::x', total_samples: 1 }),
    );
    const r = evalgate(
      ['gate', '--results', 'r', '--indicators', 'robustness_adv,toxicity', '--thresholds', 'robustness_adv.success_rate <= 0.2'],
      dir,
    );
    expect(r.code).toBe(2);
    const out = printed(r);
    expect(out).toContain('robustness_adv.success_rate');
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out).not.toMatch(COMMAND_LINE);
  });

  it('a job that writes 700 MB still reports its last 50 lines, and the CLI stays small', () => {
    const dir = project(
      `  toxicity:\n    command: ${JSON.stringify('yes \'padding line of some text\' | head -c 700000000; echo; i=1; while [ $i -le 50 ]; do echo "tail line $i"; i=$((i+1)); done; exit 1')}\n`,
    );
    const started = Date.now();
    const r = spawnSync('/usr/bin/time', ['-v', process.execPath, CLI, 'run', '--config', 'evalgate.yml'], {
      cwd: dir,
      encoding: 'utf8',
      env: baseEnv,
    });
    const seconds = (Date.now() - started) / 1000;
    expect(r.status).toBe(3);
    const tail = r.stderr.split('\n').filter((l) => l.startsWith('  | '));
    expect(tail).toEqual(Array.from({ length: 50 }, (_, i) => `  | tail line ${i + 1}`));
    const peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1]);
    expect(peakKb).toBeGreaterThan(0);
    expect(peakKb / 1024).toBeLessThan(300);
    // the whole log is on disk
    const [name] = readdirSync(path.join(dir, 'evalgate-report', 'jobs'));
    const log = path.join(dir, 'evalgate-report', 'jobs', name!, 'log.txt');
    expect(statSync(log).size).toBeGreaterThan(700_000_000);
    rmSync(log);
    console.log(`700 MB job: ${seconds.toFixed(1)} s, peak RSS ${(peakKb / 1024).toFixed(0)} MB`);
  }, 60_000);
});

describe('the action prints job and file text the same way', () => {
  const ROOT = path.resolve(import.meta.dirname, '..');
  function runAction(dir: string, inputs: Record<string, string>): Ran {
    for (const f of ['github_output', 'step_summary', 'state']) writeFileSync(path.join(dir, f), '');
    const env: Record<string, string> = {
      ...baseEnv,
      GITHUB_OUTPUT: path.join(dir, 'github_output'),
      GITHUB_STEP_SUMMARY: path.join(dir, 'step_summary'),
      GITHUB_STATE: path.join(dir, 'state'),
    };
    for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'main', 'index.js')], { cwd: dir, encoding: 'utf8', env });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }
  /** the workflow commands the step issued: only evalgate's own annotations and debug lines */
  const commands = (r: Ran): string[] => (r.stdout + r.stderr).split('\n').filter((l) => /^\s*::/.test(l));

  it.each([
    [
      'a failing job whose log spoofs annotations and masks',
      (dir: string) => {
        writeFileSync(
          path.join(dir, 'evil.sh'),
          "printf 'x\\r::add-mask::hunter2\\n \\033]8;;https://evil.example\\007::stop-commands::tok\\n'; exit 1\n",
        );
        writeFileSync(path.join(dir, 'evalgate.yml'), 'indicators: [toxicity]\njobs:\n  toxicity:\n    command: sh evil.sh\n');
        return { config: 'evalgate.yml' };
      },
    ],
    [
      'an indicator file whose attack_type and file name carry escapes and commands',
      (dir: string) => {
        mkdirSync(path.join(dir, 'r'));
        const evil = 'fgsm\u001b[31m\r::add-mask::x\u202e';
        writeFileSync(
          path.join(dir, 'r', 'a\r::error::spoof\u001b[2J.json'),
          JSON.stringify({ indicator: 'robustness_adv', attack_type: evil, success_rate: 0.9, f1_drop: 0.1 }),
        );
        return { results: 'r', indicators: 'robustness_adv', thresholds: 'robustness_adv.success_rate <= 0.2', comment: 'never' };
      },
    ],
  ])('%s', (_what, setup) => {
    const dir = tempDir('evalgate-integrity-');
    const r = runAction(dir, setup(dir));
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
    const issued = commands(r);
    expect(issued.length).toBeGreaterThan(0);
    // evalgate's own annotations, warnings and debug lines only: no mask, no stop, no spoof
    for (const line of issued) expect(line).toMatch(/^::(error|warning|debug)( title=evalgate[^:]*)?::/);
    expect(issued.join('\n')).not.toMatch(/^::(add-mask|stop-commands)|^::(error|warning)::spoof/m);
  });
});

describe('re-runs pick up what a killed run left (local)', () => {
  const jobPids = (dir: string): number[] => jobProcesses(dir).map((p) => p.pid);
  // the first run's jobs wait for a file that only the test creates: they outlive their CLI
  const JOBS = `  toxicity:\n    shards: 2\n    command: ${JSON.stringify(`if [ -f go ]; then ${TOX}; else sleep 300; fi`)}\n    env: {TOX: "0.1"}\n`;

  for (const sameRunId of [false, true]) {
    it(`a run SIGKILLed with jobs running: the next run in its --out${sameRunId ? ' (same EVALGATE_RUN_ID)' : ''} kills them before it starts its own`, async () => {
      const dir = project(JOBS);
      const env: Record<string, string> = sameRunId ? { EVALGATE_RUN_ID: 'r-7' } : {};
      const first = spawn(process.execPath, [CLI, 'run', '--config', 'evalgate.yml'], {
        cwd: dir,
        env: { ...baseEnv, ...env },
        stdio: 'ignore',
      });
      const record = path.join(dir, 'evalgate-report', '.evalgate-jobs.json');
      await waitFor(() => existsSync(record) && JSON.parse(readFileSync(record, 'utf8')).jobs.length === 2, 'the record of 2 jobs');
      await waitFor(() => jobPids(dir).length >= 2, 'the 2 jobs running');
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));
      const orphans = jobPids(dir);
      expect(orphans.length).toBeGreaterThanOrEqual(2);

      writeFileSync(path.join(dir, 'go'), '');
      const second = await evalgateAsync(['run', '--config', 'evalgate.yml'], dir, env);
      expect(second.code, second.stderr).toBe(0);
      expect(second.stderr).toMatch(
        /an earlier run here \(run id \S+, pid \d+\) ended with 2 job\(s\) still recorded as running: attaching to 0, cancelling 2/,
      );
      expect(second.stderr.match(/\(left by run \S+\): killed \(process group \d+\)/g)).toHaveLength(2);
      // nothing of the first run is left, and the record is gone with the second run's jobs
      expect(orphans.filter((p) => existsSync(`/proc/${p}`) && jobPids(dir).includes(p))).toEqual([]);
      expect(existsSync(record)).toBe(false);
      const report = JSON.parse(readFileSync(path.join(dir, 'evalgate-report', 'report.json'), 'utf8'));
      expect(report.verdict).toBe('pass');
      expect(report.jobs.map((j: { status: string }) => j.status)).toEqual(['succeeded', 'succeeded']);
    });
  }

  it('an unreadable record is a warning naming the file, never a crash; the run goes on', () => {
    const dir = project(`  toxicity:\n    command: ${JSON.stringify(TOX)}\n    env: {TOX: "0.1"}\n`);
    mkdirSync(path.join(dir, 'evalgate-report'), { recursive: true });
    writeFileSync(path.join(dir, 'evalgate-report', '.evalgate-jobs.json'), '{"jobs": 3');
    const r = evalgate(['run', '--config', 'evalgate.yml'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: .*\.evalgate-jobs\.json: .*not a record of jobs; ignored/);
  });
});
