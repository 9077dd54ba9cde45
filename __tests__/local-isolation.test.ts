/**
 * No local job can read the action's secrets (SPEC §6, issue #16 item 1). The bundled action (under
 * Node 24 when scripts/test.sh fetched it) and the CLI run a local job that looks for marker
 * secrets everywhere a process of the same user can look: its environment, /proc/$PPID/environ
 * and every /proc/<pid>/environ it can read. As root the job gets a PID namespace; as an
 * unprivileged user (a user this test creates when it runs as root, else the user running it) a
 * user namespace, or `sudo unshare` where user namespaces are refused. The control case runs the
 * same job without isolation and must find the secrets: a probe that cannot find them proves
 * nothing.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileCommands, writeFiles } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const NODE24 = process.env.EVALGATE_NODE24 || process.execPath;
const IS_ROOT = process.getuid?.() === 0;
const LINUX = process.platform === 'linux';
const USER = 'evalgate-test';
const SUDOERS = `/etc/sudoers.d/${USER}`;

const tag = Math.random().toString(36).slice(2);
/** the credentials the action's process holds, each with a value the probe looks for */
const SECRETS: Record<string, string> = Object.fromEntries(
  [
    'INPUT_GITHUB-TOKEN',
    'GITHUB_TOKEN',
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'AZURE_CLIENT_SECRET',
    'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
    'VOLC_SECRETKEY',
  ].map((k) => [k, `evalgate-marker-${tag}-${k.toLowerCase().replace(/[^a-z]/g, '')}`]),
);

/**
 * The probe: a POSIX shell job that counts the files holding a marker, writes what it found to
 * $PROBE and an indicator file to {out}.
 */
const PROBE_COMMAND = [
  `m=evalgate-marker-${tag}`,
  'n=0; where=""',
  'for f in /proc/self/environ /proc/$PPID/environ /proc/[0-9]*/environ; do',
  '  [ -r "$f" ] || continue',
  '  if tr "\\000" "\\n" < "$f" 2>/dev/null | grep -q "$m"; then n=$((n+1)); where="$where $f"; fi',
  'done',
  'e=$(env | grep -c "$m")',
  'p=$(ls -d /proc/[0-9]* | wc -l)',
  'printf "found=%s env=%s ppid=%s procs=%s uid=%s where=%s\\n" "$n" "$e" "$PPID" "$p" "$(id -u)" "$where" > "$PROBE"',
  'printf \'{"indicator":"toxicity","toxic_ratio":0,"total_samples":1}\' > "$EVALGATE_OUT/toxicity.json"',
].join('\n');

interface Probe {
  found: number;
  env: number;
  ppid: number;
  procs: number;
  uid: number;
  where: string;
}
function readProbe(file: string): Probe {
  const text = readFileSync(file, 'utf8').trim();
  const get = (k: string): string => new RegExp(`${k}=(\\S*)`).exec(text)?.[1] ?? '';
  return {
    found: Number(get('found')),
    env: Number(get('env')),
    ppid: Number(get('ppid')),
    procs: Number(get('procs')),
    uid: Number(get('uid')),
    where: text.slice(text.indexOf('where=') + 6),
  };
}

function project(owner?: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'evalgate-isolation-'));
  const probe = path.join(dir, 'probe.txt');
  writeFiles(
    {
      'evalgate.yml': [
        'indicators: [toxicity]',
        'thresholds: ["toxicity.toxic_ratio <= 0.01"]',
        'jobs:',
        '  toxicity:',
        `    env: {PROBE: ${JSON.stringify(probe)}}`,
        '    command: |',
        ...PROBE_COMMAND.split('\n').map((l) => `      ${l}`),
      ].join('\n'),
    },
    dir,
  );
  for (const f of ['output', 'summary', 'state']) writeFileSync(path.join(dir, f), '');
  if (owner !== undefined) {
    spawnSync('chown', ['-R', `${owner}:${owner}`, dir]);
    chmodSync(dir, 0o700);
  }
  return dir;
}

type As = { uid: number; gid: number } | null;

/** runs `argv` in `dir` with the secrets in its initial environment, as `as` (null: this process's user) */
function run(argv: string[], dir: string, as: As, extra: Record<string, string> = {}) {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    ...SECRETS,
    ...extra,
  };
  const [file, args] = as
    ? ['setpriv', [`--reuid=${as.uid}`, `--regid=${as.gid}`, '--init-groups', '--', ...argv]]
    : [argv[0]!, argv.slice(1)];
  const r = spawnSync(file, args, { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}`, probe: existsSync(path.join(dir, 'probe.txt')) ? readProbe(path.join(dir, 'probe.txt')) : null };
}

/** the bundled action's main step, as the runner starts it */
function action(dir: string, as: As, extra: Record<string, string> = {}) {
  return run([NODE24, path.join(ROOT, 'dist/main/index.js')], dir, as, {
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    GITHUB_STATE: path.join(dir, 'state'),
    RUNNER_TEMP: dir,
    INPUT_CONFIG: 'evalgate.yml',
    INPUT_BASELINE: 'none',
    INPUT_COMMENT: 'never',
    ...extra,
  });
}

function cli(dir: string, as: As, extra: Record<string, string> = {}) {
  return run([process.execPath, path.join(as ? distForUser : path.join(ROOT, 'dist'), 'cli/index.js'), 'run', '--config', 'evalgate.yml', '--baseline', 'none'], dir, as, extra);
}

const isolated = (p: Probe | null): void => {
  expect(p, 'the probe job did not run').not.toBeNull();
  // nothing anywhere: not its environment, not its parent's, not any process it can see
  expect(p!.where.trim()).toBe('');
  expect(p!.found).toBe(0);
  expect(p!.env).toBe(0);
  // process 1 of its own namespace is its parent; it sees its own processes only
  expect(p!.ppid).toBe(1);
  expect(p!.procs).toBeLessThan(8);
};

let unprivileged: As = null;
let node24ForUser = NODE24;
/** the bundles as the unprivileged user reaches them (a copy when the checkout is in a folder only root can enter) */
let distForUser = path.join(ROOT, 'dist');

beforeAll(() => {
  if (!LINUX || !IS_ROOT) return;
  if (spawnSync('id', ['-u', USER]).status !== 0) {
    const r = spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', USER], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`useradd ${USER}: ${r.stderr}`);
  }
  const id = (flag: string): number => Number(spawnSync('id', [flag, USER], { encoding: 'utf8' }).stdout.trim());
  unprivileged = { uid: id('-u'), gid: id('-g') };
  // Node 24 is fetched under root's cache, which another user cannot reach: that user runs Node 24
  // from a copy it can execute, or this Node
  if (NODE24 !== process.execPath && spawnSync('setpriv', [`--reuid=${unprivileged.uid}`, '--', 'test', '-x', NODE24]).status !== 0) {
    const copy = path.join(mkdtempSync(path.join(tmpdir(), 'evalgate-node24-')), 'node');
    writeFileSync(copy, readFileSync(NODE24));
    chmodSync(copy, 0o755);
    chmodSync(path.dirname(copy), 0o755);
    node24ForUser = copy;
  }
  if (spawnSync('setpriv', [`--reuid=${unprivileged.uid}`, '--', 'test', '-r', path.join(ROOT, 'dist', 'main', 'index.js')]).status !== 0) {
    const copy = mkdtempSync(path.join(tmpdir(), 'evalgate-dist-'));
    cpSync(path.join(ROOT, 'dist'), path.join(copy, 'dist'), { recursive: true });
    spawnSync('chmod', ['-R', 'a+rX', copy]);
    distForUser = path.join(copy, 'dist');
  }
});
afterAll(() => {
  rmSync(SUDOERS, { force: true });
  if (node24ForUser !== NODE24) rmSync(path.dirname(node24ForUser), { recursive: true, force: true });
  if (distForUser !== path.join(ROOT, 'dist')) rmSync(path.dirname(distForUser), { recursive: true, force: true });
});

describe.runIf(LINUX)('local jobs cannot read the action’s secrets', () => {
  it.runIf(IS_ROOT)('as root: the bundled action runs the job in a PID namespace; it finds no secret anywhere', () => {
    const dir = project();
    const r = action(dir, null);
    expect(r.code, r.out).toBe(0);
    isolated(r.probe);
    expect(r.out).not.toMatch(/can read this process's environment/);
    expect(readFileCommands(path.join(dir, 'output')).verdict).toBe('pass');
  });

  it.runIf(IS_ROOT)('control: the same job without isolation finds them in its parent, and the run warns', () => {
    const dir = project();
    const r = action(dir, null, { EVALGATE_LOCAL_ISOLATION: 'none' });
    expect(r.code, r.out).toBe(0);
    expect(r.probe!.where).toContain(`/proc/${r.probe!.ppid}/environ`);
    expect(r.probe!.found).toBeGreaterThan(0);
    // the job's own environment never had them (they are taken out of it)
    expect(r.probe!.env).toBe(0);
    expect(r.out).toMatch(/warning: local: jobs run as this user without a PID namespace.*can read this process's environment/);
    const report = JSON.parse(readFileSync(path.join(dir, 'evalgate-report', 'report.json'), 'utf8'));
    expect(report.warnings.join('\n')).toMatch(/can read this process's environment/);
  });

  it('as an unprivileged user: the action runs the job in a user and PID namespace; it finds no secret', () => {
    const dir = project(unprivileged?.uid);
    const r = unprivileged
      ? run([node24ForUser, path.join(distForUser, 'main/index.js')], dir, unprivileged, {
          GITHUB_OUTPUT: path.join(dir, 'output'),
          GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
          GITHUB_STATE: path.join(dir, 'state'),
          RUNNER_TEMP: dir,
          INPUT_CONFIG: 'evalgate.yml',
          INPUT_BASELINE: 'none',
          INPUT_COMMENT: 'never',
        })
      : action(dir, null);
    expect(r.code, r.out).toBe(0);
    isolated(r.probe);
    expect(r.probe!.uid).toBe(unprivileged?.uid ?? process.getuid?.());
  });

  it.runIf(IS_ROOT)('as an unprivileged user with passwordless sudo (where user namespaces are refused): the CLI uses `sudo unshare` and gives the job back its own uid', () => {
    const ensure = spawnSync('bash', [path.join(ROOT, 'scripts/ensure-debian.sh'), 'sudo', 'sudo'], { encoding: 'utf8' });
    expect(ensure.status, ensure.stderr).toBe(0);
    writeFileSync(SUDOERS, `${USER} ALL=(ALL) NOPASSWD:ALL\n`, { mode: 0o440 });
    const dir = project(unprivileged!.uid);
    const r = cli(dir, unprivileged, { EVALGATE_LOCAL_ISOLATION: 'sudo', PYTHONPATH: '/kept/as/is' });
    expect(r.code, r.out).toBe(0);
    isolated(r.probe);
    expect(r.probe!.uid).toBe(unprivileged!.uid);
    // the file that carried the job's environment past sudo is gone
    expect(spawnSync('find', [dir, '-name', '.evalgate-env.sh'], { encoding: 'utf8' }).stdout).toBe('');
  });

  it('a choice that does not work here is an input error naming the variable (exit 2), never a silent downgrade', () => {
    const dir = project(unprivileged?.uid);
    const bad = cli(dir, unprivileged, { EVALGATE_LOCAL_ISOLATION: 'chroot' });
    expect(bad.code).toBe(2);
    expect(bad.out).toMatch(/EVALGATE_LOCAL_ISOLATION: expected one of auto, pidns, userns, sudo, none, got "chroot"/);
    if (unprivileged || !IS_ROOT) {
      const r = cli(dir, unprivileged, { EVALGATE_LOCAL_ISOLATION: 'pidns' });
      expect(r.code).toBe(2);
      expect(r.out).toMatch(/EVALGATE_LOCAL_ISOLATION=pidns does not work on this machine \(it needs root/);
    }
  });
});

describe.runIf(LINUX)('a job in a namespace still behaves as a job', () => {
  it.runIf(IS_ROOT)('its environment arrives byte for byte through sudo (the env file), PYTHONPATH and odd bytes included', () => {
    writeFileSync(SUDOERS, `${USER} ALL=(ALL) NOPASSWD:ALL\n`, { mode: 0o440 });
    const dir = project(unprivileged!.uid);
    const value = `a'b"c$(touch PWNED)\`x\`\\n\n é`;
    writeFileSync(
      path.join(dir, 'evalgate.yml'),
      [
        'indicators: [toxicity]',
        'jobs:',
        '  toxicity:',
        `    env: {ODD: ${JSON.stringify(value)}}`,
        '    command: |',
        '      printf %s "$ODD" > odd.txt; printf %s "$PYTHONPATH" > pp.txt',
        `      printf '{"indicator":"toxicity","toxic_ratio":0,"total_samples":1}' > "$EVALGATE_OUT/t.json"`,
      ].join('\n'),
    );
    chownSync(path.join(dir, 'evalgate.yml'), unprivileged!.uid, unprivileged!.gid);
    const r = cli(dir, unprivileged, { EVALGATE_LOCAL_ISOLATION: 'sudo', PYTHONPATH: '/kept/as/is' });
    expect(r.code, r.out).toBe(0);
    expect(readFileSync(path.join(dir, 'odd.txt'), 'utf8')).toBe(value);
    expect(readFileSync(path.join(dir, 'pp.txt'), 'utf8')).toBe('/kept/as/is');
    expect(existsSync(path.join(dir, 'PWNED'))).toBe(false);
  });
});
