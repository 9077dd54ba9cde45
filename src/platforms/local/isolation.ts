/**
 * How a local job is kept from the action's secrets (SPEC §6).
 *
 * Removing the tokens from a job's environment is not enough: the initial environment of every
 * process stays readable in /proc/<pid>/environ by any process of the same user, and the action's
 * own process (the job's parent) was started with INPUT_GITHUB-TOKEN, ACTIONS_RUNTIME_TOKEN and the
 * platform credentials in it. So a job runs in a PID namespace of its own, with /proc mounted for
 * that namespace: it sees its own processes and nothing else, and its parent is not there (getppid
 * is 0). The first of these that works on the machine is used:
 *
 *   pidns   as root: `unshare --pid --mount-proc`, with CAP_SYS_ADMIN, CAP_SYS_PTRACE,
 *           CAP_SYS_RAWIO and CAP_SYS_MODULE dropped from the job's bounding set (so that it cannot
 *           unmount its /proc to uncover the host's, nor read other processes' memory);
 *   userns  unprivileged: `unshare --user --map-current-user --pid --mount-proc` (a user namespace
 *           in which the job keeps its own uid and holds no capability);
 *   sudo    unprivileged with passwordless sudo (GitHub-hosted runners, where AppArmor may refuse
 *           unprivileged user namespaces): `sudo unshare --pid --mount-proc`, then back to the
 *           user's own uid, gid and groups with `setpriv` before the job starts;
 *   none    none of these: the job runs as before, and a warning in the log and the report says that
 *           it can read this process's environment.
 *
 * In the namespace, process 1 is a small /bin/sh that starts the job's command, forwards TERM, INT
 * and HUP to it and exits with its status (the init of a PID namespace ignores signals it has no
 * handler for, so the job itself must not be process 1). When process 1 exits, the kernel kills
 * whatever the job left in its namespace.
 *
 * EVALGATE_LOCAL_ISOLATION chooses one (`pidns`, `userns`, `sudo` or `none`) instead of the first
 * that works; a chosen one that does not work on this machine is an error, never a silent downgrade.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export type IsolationMode = 'pidns' | 'userns' | 'sudo' | 'none';
export const ISOLATION_MODES: readonly IsolationMode[] = ['pidns', 'userns', 'sudo', 'none'];
export const ISOLATION_ENV = 'EVALGATE_LOCAL_ISOLATION';

export const NO_ISOLATION_WARNING =
  'local: jobs run as this user without a PID namespace of their own (no unshare, no user namespaces, no passwordless sudo): ' +
  "a job can read this process's environment in /proc, the action's tokens among them";

/**
 * Process 1 of the job's namespace: runs "$@" in the background, passes TERM/INT/HUP on, waits
 * until it is gone (a trapped signal interrupts `wait`) and exits with its status.
 */
const INIT =
  '"$@" & c=$!; ' +
  'trap \'kill -TERM "$c" 2>/dev/null\' TERM; trap \'kill -INT "$c" 2>/dev/null\' INT; trap \'kill -HUP "$c" 2>/dev/null\' HUP; ' +
  'while :; do wait "$c"; s=$?; kill -0 "$c" 2>/dev/null || exit "$s"; done';

/** with sudo: the job's environment comes from a file of `export` lines (sudo would filter it), removed once read */
const INIT_FROM_FILE = `f=$1; shift; . "$f" || exit 126; rm -f -- "$f"; ${INIT}`;

const DROPPED_AS_ROOT = '-sys_admin,-sys_ptrace,-sys_rawio,-sys_module';

export interface Launch {
  file: string;
  args: string[];
  env: Record<string, string | undefined>;
}

export interface Isolation {
  readonly mode: IsolationMode;
  /** set when the jobs are not isolated */
  readonly warning?: string;
  /** how to start `command` with `env` (the sudo mode writes the environment to a file in `dir` first) */
  launch(command: string, env: Record<string, string | undefined>, dir: string): Launch;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const sq = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** the job's environment as lines a POSIX shell sources (names it cannot export are named in a comment and left out) */
export function envScript(env: Record<string, string | undefined>): string {
  const lines: string[] = [];
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) continue;
    if (!ENV_NAME.test(k)) continue;
    lines.push(`export ${k}=${sq(v)}`);
  }
  return lines.join('\n') + '\n';
}

function prefix(mode: IsolationMode, ids: { uid: number; gid: number }, mapCurrent: boolean): string[] {
  const ns = ['--pid', '--fork', '--mount-proc', '--kill-child'];
  switch (mode) {
    case 'pidns':
      return ['unshare', ...ns, '--', 'setpriv', `--bounding-set=${DROPPED_AS_ROOT}`, '--'];
    case 'userns':
      // util-linux before 2.38 has only --map-root-user: root in the namespace, so every
      // capability is dropped from the bounding set before the job starts
      return mapCurrent
        ? ['unshare', '--user', '--map-current-user', ...ns, '--']
        : ['unshare', '--user', '--map-root-user', ...ns, '--', 'setpriv', '--bounding-set=-all', '--'];
    case 'sudo':
      return [
        'sudo',
        '-n',
        '--',
        'unshare',
        ...ns,
        '--',
        'setpriv',
        `--reuid=${ids.uid}`,
        `--regid=${ids.gid}`,
        '--init-groups',
        `--bounding-set=-all`,
        '--',
        'env',
        '-i',
      ];
    case 'none':
      return [];
  }
}

/** runs a probe command as a job would run; true when its shell is process 1's child in a namespace of its own, as `uid` */
function works(argv: string[], uid: number): boolean {
  const r = spawnSync(argv[0]!, [...argv.slice(1), '/bin/sh', '-c', INIT, 'evalgate-init', '/bin/sh', '-c', 'test "$PPID" = 1 && id -u'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 10_000,
    env: { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin' },
  });
  return r.status === 0 && r.stdout.trim() === String(uid);
}

let cached: Map<string, Isolation> | undefined;

/**
 * The isolation local jobs get on this machine (probed once per process). `choice` is the value
 * of EVALGATE_LOCAL_ISOLATION; an unknown or unworkable choice throws an Error saying why.
 */
export function chooseIsolation(choice?: string): Isolation {
  cached ??= new Map();
  const key = choice ?? '';
  const hit = cached.get(key);
  if (hit) return hit;
  const made = probe(choice);
  cached.set(key, made);
  return made;
}

function probe(choice: string | undefined): Isolation {
  const want = choice?.trim() || 'auto';
  if (want !== 'auto' && !ISOLATION_MODES.includes(want as IsolationMode))
    throw new Error(`${ISOLATION_ENV}: expected one of auto, ${ISOLATION_MODES.join(', ')}, got ${JSON.stringify(choice)}`);
  if (process.platform !== 'linux') {
    if (want !== 'auto' && want !== 'none') throw new Error(`${ISOLATION_ENV}=${want}: PID namespaces exist on Linux only`);
    return make('none', [], NO_ISOLATION_WARNING);
  }
  const ids = { uid: process.getuid?.() ?? -1, gid: process.getgid?.() ?? -1 };
  const root = ids.uid === 0;
  const candidates: IsolationMode[] = want === 'auto' ? (root ? ['pidns', 'userns'] : ['userns', 'sudo']) : [want as IsolationMode];
  for (const mode of candidates) {
    if (mode === 'none') return make('none', [], NO_ISOLATION_WARNING);
    if (mode === 'userns') {
      for (const mapCurrent of [true, false]) {
        const argv = prefix(mode, ids, mapCurrent);
        if (works(argv, mapCurrent ? ids.uid : 0)) return make(mode, argv);
      }
      continue;
    }
    const argv = prefix(mode, ids, true);
    if (works(mode === 'sudo' ? [...argv, `PATH=${process.env.PATH ?? '/usr/bin:/bin'}`] : argv, ids.uid)) return make(mode, argv);
  }
  if (want !== 'auto')
    throw new Error(
      `${ISOLATION_ENV}=${want} does not work on this machine (${
        want === 'pidns'
          ? 'it needs root and unshare(1)'
          : want === 'userns'
            ? 'unprivileged user namespaces are refused (kernel.unprivileged_userns_clone, AppArmor) or unshare(1) is missing'
            : 'it needs passwordless sudo (sudo -n), unshare(1) and setpriv(1)'
      })`,
    );
  return make('none', [], NO_ISOLATION_WARNING);
}

function make(mode: IsolationMode, argv: string[], warning?: string): Isolation {
  return {
    mode,
    warning,
    launch(command, env, dir) {
      if (mode === 'none') return { file: '/bin/sh', args: ['-c', command], env };
      if (mode === 'sudo') {
        // sudo resets and filters the environment (PATH, PYTHONPATH, LD_*): the job's comes from a
        // file only this user can read, which process 1 sources and removes
        const file = path.join(dir, '.evalgate-env.sh');
        writeFileSync(file, envScript(env), { mode: 0o600 });
        return {
          file: argv[0]!,
          args: [...argv.slice(1), '/bin/sh', '-c', INIT_FROM_FILE, 'evalgate-init', file, '/bin/sh', '-c', command],
          env: { PATH: env.PATH ?? process.env.PATH },
        };
      }
      return { file: argv[0]!, args: [...argv.slice(1), '/bin/sh', '-c', INIT, 'evalgate-init', '/bin/sh', '-c', command], env };
    },
  };
}
