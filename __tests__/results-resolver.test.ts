/**
 * The one resolver of result paths (--results DIR|FILE|GLOB, validate FILE…), through the bundled
 * CLI: every input error is exit 2 with report.json written (verdict fail, the problem listed),
 * nothing outside the folder is read through a link, nothing special is opened, nothing hangs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED, tempDir, writeFiles } from './helpers.js';
import { matchName, parseGlob } from '../src/stores/fs.js';

const CLI = path.resolve(import.meta.dirname, '..', 'dist', 'cli', 'index.js');
const SECRET = 'TOP-SECRET-7f3a9c';

function evalgate(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 20_000, env: { PATH: process.env.PATH ?? '' } });
  const file = path.join(cwd, 'evalgate-report', 'report.json');
  const report = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
  const md = existsSync(path.join(cwd, 'evalgate-report', 'report.md'))
    ? readFileSync(path.join(cwd, 'evalgate-report', 'report.md'), 'utf8')
    : '';
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, report, md };
}

/** A folder holding the seed's files, plus whatever `setup` adds (links, FIFOs). */
function fixture(setup: (dir: string) => void): string {
  const dir = writeFiles(SEED);
  setup(dir);
  return dir;
}

const outsideSecret = (dir: string): string => {
  const outside = tempDir('evalgate-outside-');
  const f = path.join(outside, 'secret.json');
  writeFileSync(f, JSON.stringify({ indicator: 'toxicity', toxic_ratio: 0, total_samples: 1, note: SECRET }));
  return f;
};

describe('--results inputs that are errors: exit 2, report.json with the problem, no stack', () => {
  it.each([
    {
      name: 'a glob matching nothing',
      args: ['--results', 'results/*.jsn'],
      setup: () => {},
      problem:
        'results/*.jsn: expected a glob matching at least one indicator file, got no file matches it (did you mean "results/*.json"?)',
    },
    {
      name: 'a folder with no *.json below it',
      args: ['--results', 'empty'],
      setup: (d: string) => mkdirSync(path.join(d, 'empty', 'sub'), { recursive: true }),
      problem: 'empty: expected a folder with at least one indicator file (*.json) below it, got none',
    },
    {
      name: 'a character range out of order',
      args: ['--results', 'r/[z-a].json'],
      setup: () => {},
      problem: 'r/[z-a].json: expected a valid glob (*, **, ?, [a-z], {a,b}), got a character range out of order ("z-a") in "[z-a]"',
    },
    {
      name: 'an unclosed brace',
      args: ['--results', 'results/{a,b.json'],
      setup: () => {},
      problem: 'results/{a,b.json: expected a valid glob (*, **, ?, [a-z], {a,b}), got an unclosed "{" at offset 8',
    },
    {
      name: 'an unclosed bracket',
      args: ['--results', 'results/[ab.json'],
      setup: () => {},
      problem: 'results/[ab.json: expected a valid glob (*, **, ?, [a-z], {a,b}), got an unclosed "[" in "[ab.json"',
    },
    {
      name: '/dev/null (a device)',
      args: ['--results', '/dev/null'],
      setup: () => {},
      problem: '/dev/null: expected a folder, a regular file or a glob of indicator files, got a special file (FIFO, socket or device)',
    },
    {
      name: 'a FIFO named on the command line (never opened: no hang)',
      args: ['--results', 'pipe.json'],
      setup: (d: string) => execFileSync('mkfifo', [path.join(d, 'pipe.json')]),
      problem: 'pipe.json: expected a folder, a regular file or a glob of indicator files, got a special file (FIFO, socket or device)',
    },
    {
      name: 'a FIFO matched by a glob',
      args: ['--results', 'results/*.json'],
      setup: (d: string) => execFileSync('mkfifo', [path.join(d, 'results', 'pipe.json')]),
      problem: 'results/pipe.json: expected a regular file, got a special file (FIFO, socket or device)',
    },
    {
      name: 'a link below the folder to a file outside it',
      args: ['--results', 'results'],
      setup: (d: string) => symlinkSync(outsideSecret(d), path.join(d, 'results', 'leak.json')),
      problem:
        'results/leak.json: expected a symbolic link whose target is inside results (links are followed only within the folder read), got a link to a file outside it (not read)',
    },
    {
      name: 'a link to a folder outside it',
      args: ['--results', 'results'],
      setup: (d: string) => symlinkSync(path.dirname(outsideSecret(d)), path.join(d, 'results', 'more')),
      problem:
        'results/more: expected a symbolic link whose target is inside results (links are followed only within the folder read), got a link to a folder outside it (not read)',
    },
    {
      name: 'a link outside matched by a glob',
      args: ['--results', 'results/**/*.json'],
      setup: (d: string) => symlinkSync(outsideSecret(d), path.join(d, 'results', 'leak.json')),
      problem:
        'results/leak.json: expected a symbolic link whose target is inside results (links are followed only within the folder read), got a link to a file outside it (not read)',
    },
    {
      name: 'a symbolic link loop',
      args: ['--results', 'results'],
      setup: (d: string) => {
        symlinkSync(path.join(d, 'results', 'b.json'), path.join(d, 'results', 'a-loop.json'));
        symlinkSync(path.join(d, 'results', 'a-loop.json'), path.join(d, 'results', 'b.json'));
      },
      problem: 'results/a-loop.json: expected a symbolic link that resolves, got a symbolic link loop',
    },
  ])('$name', ({ args, setup, problem }) => {
    const dir = fixture(setup);
    const r = evalgate(['gate', ...args], dir);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: ${problem}`);
    expect(r.stderr + r.stdout).not.toMatch(/internal error|    at /);
    expect(r.report?.verdict).toBe('fail');
    expect(r.report?.problems).toContain(problem);
    // nothing of a link's target outside the folder is read
    expect(JSON.stringify(r.report) + r.md + r.stdout + r.stderr).not.toContain(SECRET);
  });
});

describe('what the resolver does read', () => {
  it('follows a link whose target is inside the folder, and reads a file reached twice once', () => {
    const dir = fixture((d) => {
      mkdirSync(path.join(d, 'results', 'sub'));
      symlinkSync(path.join(d, 'results', 'toxicity.json'), path.join(d, 'results', 'sub', 'tox-link.json'));
      symlinkSync(path.join(d, 'results'), path.join(d, 'results', 'sub', 'up')); // a folder cycle: read once
    });
    const r = evalgate(['gate', '--results', 'results'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.report.indicators.toxicity.sources).toEqual(['results/toxicity.json']);
  });

  it.each([
    ['results/**/*.json', 0],
    ['results/{accuracy_f1,latency_p99,throughput_rps,robustness_adv,toxicity}.json', 0],
    ['results/[a-z]*.json', 0],
    ['results/?oxicity.json', 1], // only toxicity: the others are absent
    ['./results/*.json', 0],
  ])('glob %s', (glob, code) => {
    const r = evalgate(['gate', '--results', glob], writeFiles(SEED));
    expect(r.stderr).not.toContain('error:');
    expect(r.code).toBe(code);
  });

  it('validate reads a folder argument through the same resolver', () => {
    const dir = fixture((d) => symlinkSync(outsideSecret(d), path.join(d, 'results', 'leak.json')));
    const r = evalgate(['validate', 'results'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: results/leak.json: expected a symbolic link whose target is inside results');
    expect(r.stderr + r.stdout).not.toContain(SECRET);
  });

  it('a pathological glob finishes fast (linear matching, capped brace expansion)', () => {
    const dir = writeFiles({ [`deep/${'a/'.repeat(30)}${'a'.repeat(60)}.json`]: SEED['results/toxicity.json'] });
    const t0 = Date.now();
    const stars = evalgate(['gate', '--results', `deep/${'**/'.repeat(40)}${'*a'.repeat(30)}b.json`], dir);
    expect(stars.code).toBe(2);
    expect(stars.stderr).toContain('got no file matches it');
    const braces = evalgate(['gate', '--results', `deep/${'{a,b}'.repeat(20)}.json`], dir);
    expect(braces.code).toBe(2);
    expect(braces.stderr).toContain('got its braces expand to more than 256 patterns');
    expect(Date.now() - t0).toBeLessThan(10_000); // two CLI runs, 5 s each at most;
  });
});

describe('the matcher', () => {
  it.each([
    ['*.json', 'a.json', true],
    ['*.json', 'a.jsonx', false],
    ['*a*a*a*a*a*a*a*a*b', 'a'.repeat(200), false],
    ['[!a]?.json', 'bc.json', true],
    ['[!a]?.json', 'ac.json', false],
    ['\\*.json', '*.json', true],
    ['\\*.json', 'x.json', false],
  ])('%s ~ %s: %s', (pattern, name, want) => {
    const g = parseGlob(pattern);
    if (!g.ok) throw new Error(g.reason);
    const seg = g.patterns[0]![0]!;
    expect(seg.kind).toBe('atoms');
    expect(matchName((seg as { atoms: Parameters<typeof matchName>[0] }).atoms, name)).toBe(want);
  });
});
