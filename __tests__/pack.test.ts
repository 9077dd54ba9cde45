/**
 * The CLI as a user installs it: `npm pack` of this checkout, `npm install -g` of the tarball
 * offline (the bundle in dist/ needs no dependency), then the installed `evalgate` run in an empty
 * folder outside any checkout. EVALGATE_TRANSCRIPT=1 prints the commands and their output.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, tempDir } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const SEEDS = readdirSync(path.join(FIXTURES, 'indicators', 'valid'))
  .filter((f) => f.startsWith('seed_'))
  .sort();

const tmp = tempDir('evalgate-pack-');
const prefix = path.join(tmp, 'prefix');
const bin = path.join(prefix, 'bin', 'evalgate');
let transcript = '';

// No npm_* variables of a surrounding `npm test`, a cache of its own: what a user's shell has.
const env: Record<string, string> = {
  PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
  HOME: tmp,
  npm_config_cache: path.join(tmp, 'npm-cache'),
  npm_config_update_notifier: 'false',
};

/** Runs a command and adds it to the transcript (its output too, unless `summary` stands for it). */
function sh(cmd: string, args: string[], cwd: string, summary?: (stdout: string) => string) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
  const shown = [cmd === bin ? 'evalgate' : cmd, ...args].join(' ').replaceAll(tmp, '<tmp>');
  let out = (summary && r.status === 0 ? summary(r.stdout) : r.stdout + r.stderr).replaceAll(tmp, '<tmp>');
  if (out && !out.endsWith('\n')) out += '\n';
  transcript += `$ ${shown}\n${out}(exit ${r.status})\n\n`;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let files: string[] = [];
let tarball = '';

beforeAll(() => {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'index.js'))) {
    throw new Error('dist/cli/index.js is missing: run npm run build first');
  }
  type PackInfo = { filename: string; size: number; entryCount: number; files: { path: string }[] };
  const pack = sh('npm', ['pack', '--pack-destination', tmp, '--json', '--silent'], ROOT, (stdout) => {
    const [i] = JSON.parse(stdout) as PackInfo[];
    return `(the JSON of ${i!.filename}: ${i!.size} bytes, ${i!.entryCount} files)`;
  });
  expect(pack.code, pack.stderr).toBe(0);
  const [info] = JSON.parse(pack.stdout) as PackInfo[];
  files = info!.files.map((f) => f.path);
  tarball = path.join(tmp, info!.filename);
}, 120_000);

afterAll(() => {
  if (process.env.EVALGATE_TRANSCRIPT === '1') console.log(transcript);
  rmSync(tmp, { recursive: true, force: true });
});

describe('npm pack', () => {
  it.each([
    'dist/cli/index.js',
    'dist/main/index.js',
    'dist/post/index.js',
    'dist/assets/chart.umd.min.js',
    'schema/evalgate.schema.json',
    'schema/indicator.schema.json',
    'platforms/job_templates/dgx/run.sh',
    'action.yml',
    'README.md',
    'LICENSE',
    'CHANGELOG.md',
    'package.json',
  ])('the tarball has %s', (file) => {
    expect(files).toContain(file);
  });

  it('has nothing but what the installed CLI and action read', () => {
    const top = new Set(files.map((f) => f.split('/')[0]));
    expect([...top].sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'action.yml', 'dist', 'package.json', 'platforms', 'schema']);
    for (const dir of ['src/', '__tests__/', '.ci/', 'bench/', 'examples/', 'scripts/', 'node_modules/']) {
      expect(files.filter((f) => f.startsWith(dir))).toEqual([]);
    }
  });
});

describe('npm install -g of the tarball, then evalgate in an empty folder', () => {
  let work = '';

  beforeAll(() => {
    const r = sh('npm', ['install', '-g', '--prefix', prefix, tarball, '--offline', '--no-audit', '--no-fund'], tmp);
    expect(r.code, r.stderr).toBe(0);
    work = path.join(tmp, 'work');
    mkdirSync(work);
  }, 120_000);

  it('installs the package alone, with no node_modules of its own', () => {
    const lib = path.join(prefix, 'lib', 'node_modules');
    expect(readdirSync(lib)).toEqual(['evalgate']);
    expect(existsSync(path.join(lib, 'evalgate', 'node_modules'))).toBe(false);
    // nothing the bundle could resolve a package from above the folder it runs in
    for (let d = work; d !== path.dirname(d); d = path.dirname(d)) {
      expect(existsSync(path.join(d, 'node_modules')), d).toBe(false);
      expect(existsSync(path.join(d, 'package.json')), d).toBe(false);
    }
  });

  it('--version is the version of package.json and of the newest CHANGELOG.md entry', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const newest = /^## (\d+\.\d+\.\d+)\b/m.exec(readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8'))?.[1];
    const r = sh(bin, ['--version'], work);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
    expect(newest).toBe(pkg.version);
  });

  it('--help lists the commands', () => {
    const r = sh(bin, ['--help'], work);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: evalgate /);
    for (const cmd of ['validate', 'gate', 'run']) expect(r.stdout).toMatch(new RegExp(`^  ${cmd} `, 'm'));
  });

  it('validate checks two indicator files', () => {
    const dir = path.join(work, 'validate');
    mkdirSync(dir);
    for (const f of ['seed_accuracy_f1.json', 'seed_latency_p99.json'])
      copyFileSync(path.join(FIXTURES, 'indicators', 'valid', f), path.join(dir, f));
    const r = sh(bin, ['validate', 'seed_accuracy_f1.json', 'seed_latency_p99.json'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('2 files valid (accuracy_f1, latency_p99)\n');
  });

  it('gate --results . passes the five seed files and writes the report', () => {
    const dir = path.join(work, 'gate');
    mkdirSync(dir);
    expect(SEEDS).toHaveLength(5);
    for (const f of SEEDS) copyFileSync(path.join(FIXTURES, 'indicators', 'valid', f), path.join(dir, f));
    const r = sh(bin, ['gate', '--results', '.'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^verdict: pass$/m);
    const report = JSON.parse(readFileSync(path.join(dir, 'evalgate-report', 'report.json'), 'utf8')) as {
      verdict: string;
      indicators: Record<string, unknown>;
    };
    expect(report.verdict).toBe('pass');
    expect(Object.keys(report.indicators).sort()).toEqual(['accuracy_f1', 'latency_p99', 'robustness_adv', 'throughput_rps', 'toxicity']);
    // report.html with the charting library the package ships in dist/assets/ inlined
    const html = readFileSync(path.join(dir, 'evalgate-report', 'report.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain(readFileSync(path.join(ROOT, 'dist', 'assets', 'chart.umd.min.js'), 'utf8'));
  });
});
