/**
 * A real OpenSSH sshd (Debian's openssh-server, 9.2p1 on bookworm) for one test: 127.0.0.1:<free port>,
 * throwaway ed25519 host and client keys, public-key login as the current user (root here), no
 * passwords, no PAM, sftp through internal-sftp. Recipe: /work/shared/local-services.md §4.
 *
 *   const sshd = await startSshd();                      // or startSshd({ env: slurm.env }) for a Slurm "login node"
 *   new Client().connect({ host: sshd.host, port: sshd.port, username: sshd.user, privateKey: sshd.clientKey,
 *     hostVerifier: (key: Buffer) => 'SHA256:' + createHash('sha256').update(key).digest('base64').replace(/=+$/, '') === sshd.hostKeyFingerprint });
 *   spawn('ssh', [...sshd.sshArgs(), 'echo hi']);        // the OpenSSH client, host key pinned
 *   await sshd.rotateHostKey();                          // same port, new host key: pinned clients must now refuse
 *   await sshd.stop();
 *
 * - When /usr/sbin/sshd is missing, scripts/ensure-debian.sh installs openssh-server (one apt at a time
 *   across parallel test files, through the lock /tmp/evalgate-apt.lock).
 * - Files (keys, authorized_keys, sshd_config, pid file, log) live in a fresh 0700 directory under
 *   /run/evalgate-sshd (root) or ~/.cache/evalgate-sshd (otherwise), not /tmp: with StrictModes (kept on)
 *   sshd refuses an AuthorizedKeysFile below a group/world-writable directory such as /tmp.
 * - sshd runs in the foreground (-D) as a child of the test process, under `setpriv --pdeathsig SIGKILL`,
 *   so it dies with the test process even when no exit handler runs. `stop()` ends the listener and every
 *   session process under it, and deletes the directory; an `exit` handler does the same, and the next
 *   startSshd() deletes directories whose owning test process died without it.
 * - Several sshd may run at once (each test file its own); the port is picked free and a start that
 *   loses the port race is retried on another one.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { exited, freePort, waitExit } from './process.js';

export interface Sshd {
  host: '127.0.0.1';
  port: number;
  /** the login user: the user running the tests */
  user: string;
  /** the client's private key, OpenSSH format ("-----BEGIN OPENSSH PRIVATE KEY-----"; ssh2's `privateKey` takes it) */
  clientKey: string;
  clientKeyPath: string;
  /** "ssh-ed25519 AAAA... evalgate-test-client" */
  clientPublicKey: string;
  /** the current host key's fingerprint as `ssh-keygen -lf` prints it: "SHA256:<base64 without padding>" */
  hostKeyFingerprint: string;
  /** "ssh-ed25519 AAAA..." (the current host key, without comment) */
  hostPublicKey: string;
  /** "[127.0.0.1]:<port> ssh-ed25519 AAAA..." */
  knownHostsLine: string;
  /** a known_hosts file holding knownHostsLine (rewritten by rotateHostKey) */
  knownHostsPath: string;
  /** the directory with keys, config and log */
  dir: string;
  /** ms from startSshd() to the first SSH banner (diagnostics) */
  startMs: number;
  /**
   * Arguments for the OpenSSH client up to and including `user@127.0.0.1`; append the remote command.
   * BatchMode, this key only, the host key pinned through knownHostsPath (StrictHostKeyChecking=yes),
   * no ~/.ssh/config. `extra` options come first, so they override these (OpenSSH uses the first value
   * it gets for an option), e.g. `['-o', 'UserKnownHostsFile=/path/with/the/old/key']`.
   */
  sshArgs(extra?: string[]): string[];
  /** sshd's log so far (-E) */
  log(): string;
  /** a new host key; sshd restarted on the same port (open sessions are closed) */
  rotateHostKey(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartSshdOptions {
  /** environment variables for every session (sshd_config SetEnv), e.g. `{ SLURM_CONF }` from startSlurm() */
  env?: Record<string, string>;
  /** more sshd_config lines (e.g. 'MaxSessions 2') */
  extraConfig?: string[];
  /** default 15 s (plus a first-time apt install) */
  startTimeoutMs?: number;
}

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const ENSURE = path.join(ROOT, 'scripts', 'ensure-debian.sh');
const SSHD = '/usr/sbin/sshd';
const APT_LOCK = path.join(os.tmpdir(), 'evalgate-apt.lock');

const running = new Set<() => void>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const kill of running) kill();
  });
}

function onPath(bin: string): boolean {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .concat('/usr/bin', '/usr/sbin', '/bin', '/sbin')
    .some((d) => d && existsSync(path.join(d, bin)));
}

/** Installs openssh-server (sshd, and with it openssh-client: ssh, ssh-keygen) when missing. */
function ensureOpenssh(): void {
  if (existsSync(SSHD) && onPath('ssh-keygen')) return;
  const env = { ...process.env, PATH: `${process.env.PATH ?? ''}:/usr/sbin:/sbin` };
  const args = onPath('flock') ? ['flock', APT_LOCK, 'bash', ENSURE] : ['bash', ENSURE];
  const steps: [string, string, boolean][] = [
    ['openssh-server', 'sshd', existsSync(SSHD)],
    ['openssh-client', 'ssh-keygen', false],
  ];
  for (const [pkg, bin, done] of steps) {
    if (done || (bin === 'ssh-keygen' && onPath(bin))) continue;
    const r = spawnSync(args[0]!, [...args.slice(1), pkg, bin], { env, encoding: 'utf8', timeout: 600_000 });
    if (r.status !== 0) {
      throw new Error(
        `OpenSSH (${pkg}) is not installed and scripts/ensure-debian.sh could not install it (exit ${r.status ?? r.signal}):\n` +
          (r.stderr || r.error?.message || '').trim(),
      );
    }
  }
  if (!existsSync(SSHD)) throw new Error(`openssh-server was installed but ${SSHD} is missing`);
}

/** Every directory from `dir` up to / (or the home directory) is owned by root or us and not group/world-writable. */
function strictModesSafe(dir: string): boolean {
  const uid = process.getuid?.() ?? 0;
  const home = os.homedir();
  for (let p = dir; ; p = path.dirname(p)) {
    const st = statSync(p);
    if ((st.uid !== 0 && st.uid !== uid) || (st.mode & 0o022) !== 0) return false;
    if ((uid !== 0 && p === home) || p === path.dirname(p)) return true;
  }
}

/** alive and not a zombie */
function alive(pid: number): boolean {
  try {
    return !/^State:\s*Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

/** Deletes the directories of test processes that died without their exit handlers (their sshd died with them). */
function sweepStale(base: string): void {
  for (const name of readdirSync(base)) {
    const dir = path.join(base, name);
    try {
      const owner = Number(readFileSync(path.join(dir, 'owner'), 'utf8'));
      if (owner && !alive(owner)) rmSync(dir, { recursive: true, force: true });
    } catch {
      // being created, or not ours
    }
  }
}

function workDir(): { dir: string; strictModes: boolean } {
  const base =
    process.env.EVALGATE_SSHD_DIR ?? (process.getuid?.() === 0 ? '/run/evalgate-sshd' : path.join(os.homedir(), '.cache', 'evalgate-sshd'));
  try {
    mkdirSync(base, { recursive: true, mode: 0o700 });
    chmodSync(base, 0o700);
    sweepStale(base);
    const dir = mkdtempSync(path.join(base, 'sshd-'));
    writeFileSync(path.join(dir, 'owner'), String(process.pid));
    if (strictModesSafe(dir)) return { dir, strictModes: true };
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // fall through
  }
  // No safe place: a temp dir, with StrictModes off (sshd would refuse the keys below /tmp otherwise).
  return { dir: mkdtempSync(path.join(os.tmpdir(), 'evalgate-sshd-')), strictModes: false };
}

function keygen(file: string, comment: string): void {
  rmSync(file, { force: true });
  rmSync(`${file}.pub`, { force: true });
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', file], { stdio: ['ignore', 'ignore', 'pipe'] });
}

function fingerprint(pubFile: string): string {
  const out = execFileSync('ssh-keygen', ['-l', '-f', pubFile], { encoding: 'utf8' });
  const m = /\b(SHA256:[A-Za-z0-9+/]+)/.exec(out);
  if (!m) throw new Error(`unexpected ssh-keygen -lf output: ${out}`);
  return m[1]!;
}

/** The SHA256 fingerprint of a raw public key blob, the way ssh-keygen prints it (what an ssh2 hostVerifier sees). */
export function sshFingerprint(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** One TCP connection that reads the server's identification line. */
function banner(port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const sock = connect({ host: '127.0.0.1', port });
    let data = '';
    const done = (v: string | null): void => {
      clearTimeout(timer);
      sock.destroy();
      resolve(v);
    };
    const timer = setTimeout(() => done(null), 1_000);
    sock.on('data', (b) => {
      data += b.toString('latin1');
      if (data.includes('\n')) done(data.split('\n')[0]!.trim());
    });
    sock.on('error', () => done(null));
    sock.on('close', () => done(null));
  });
}

/** pid and all its descendants (children first found through /proc/<pid>/stat's ppid). */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // exited meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number): void => {
    out.push(p);
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return out;
}

function killAll(pids: number[], signal: NodeJS.Signals): void {
  for (const p of pids) {
    try {
      process.kill(p, signal);
    } catch {
      // gone
    }
  }
}

export async function startSshd(opts: StartSshdOptions = {}): Promise<Sshd> {
  const t0 = Date.now();
  ensureOpenssh();
  installExitHook();
  const user = os.userInfo().username;
  const isRoot = process.getuid?.() === 0;
  if (isRoot) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 }); // privilege separation directory

  const { dir, strictModes } = workDir();
  const f = (name: string): string => path.join(dir, name);
  const hostKey = f('host_ed25519');
  const clientKeyPath = f('client_ed25519');
  keygen(hostKey, 'evalgate-test-host');
  keygen(clientKeyPath, 'evalgate-test-client');
  const clientPublicKey = readFileSync(`${clientKeyPath}.pub`, 'utf8').trim();
  writeFileSync(f('authorized_keys'), `${clientPublicKey}\n`, { mode: 0o600 });

  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) || /[\s"'\\]/.test(v)) throw new Error(`startSshd: unsupported env entry ${k}=${v}`);
  }
  const config = (port: number): string =>
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      'AddressFamily inet',
      `HostKey ${hostKey}`,
      `PidFile ${f('sshd.pid')}`,
      `AuthorizedKeysFile ${f('authorized_keys')}`,
      `StrictModes ${strictModes ? 'yes' : 'no'}`,
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      `AllowUsers ${user}`,
      'UsePAM no',
      'UseDNS no',
      'PrintMotd no',
      'PrintLastLog no',
      'LogLevel VERBOSE',
      // tests may open many connections and channels at once
      'MaxStartups 100:30:200',
      'MaxSessions 64',
      'Subsystem sftp internal-sftp',
      ...Object.entries(opts.env ?? {}).map(([k, v]) => `SetEnv ${k}=${v}`),
      ...(opts.extraConfig ?? []),
      '',
    ].join('\n');

  let child: ChildProcess | undefined;
  let port = 0;
  const logFile = f('sshd.log');
  const log = (): string => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');

  const kill = (): void => {
    if (child?.pid && !exited(child)) killAll(processTree(child.pid), 'SIGKILL');
  };
  const halt = async (): Promise<void> => {
    const c = child;
    if (!c?.pid || exited(c)) return;
    const tree = processTree(c.pid);
    killAll(tree, 'SIGTERM');
    if (!(await waitExit(c, 3_000))) killAll(processTree(c.pid), 'SIGKILL');
    killAll(tree.slice(1), 'SIGKILL'); // session processes that ignored SIGTERM
    await waitExit(c, 3_000);
  };
  const cleanupOnExit = (): void => {
    kill();
    rmSync(dir, { recursive: true, force: true });
  };
  running.add(cleanupOnExit);

  /** starts sshd on `fixedPort` or a free port; retries another port when it lost the race for it */
  const launch = async (fixedPort?: number): Promise<void> => {
    const deadline = Date.now() + (opts.startTimeoutMs ?? 15_000);
    for (let attempt = 0; ; attempt++) {
      port = fixedPort ?? (await freePort());
      writeFileSync(f('sshd_config'), config(port), { mode: 0o600 });
      writeFileSync(logFile, '');
      const argv = [SSHD, '-D', '-f', f('sshd_config'), '-E', logFile];
      const c = onPath('setpriv')
        ? spawn('setpriv', ['--pdeathsig', 'SIGKILL', '--', ...argv], { stdio: 'ignore' })
        : spawn(argv[0]!, argv.slice(1), { stdio: 'ignore' });
      child = c;
      let spawnError: Error | undefined;
      c.once('error', (e) => (spawnError = e));
      for (;;) {
        const b = await banner(port);
        if (b?.startsWith('SSH-2.0-') && !exited(c)) return;
        if (spawnError || exited(c)) break;
        if (Date.now() > deadline) {
          await halt();
          throw new Error(`sshd did not answer on 127.0.0.1:${port} within ${opts.startTimeoutMs ?? 15_000} ms:\n${log()}`);
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      const text = log();
      const taken = /Address already in use|Cannot bind any address/.test(text);
      if (!taken || attempt >= 5 || Date.now() > deadline) {
        throw new Error(`sshd exited (${spawnError?.message ?? `code ${c.exitCode}, signal ${c.signalCode}`}) on port ${port}:\n${text}`);
      }
      if (fixedPort) await new Promise((r) => setTimeout(r, 200)); // same port: wait for it to be free
    }
  };

  const readHostKey = (): Pick<Sshd, 'hostKeyFingerprint' | 'hostPublicKey' | 'knownHostsLine'> => {
    const pub = readFileSync(`${hostKey}.pub`, 'utf8').trim().split(/\s+/).slice(0, 2).join(' ');
    const knownHostsLine = `[127.0.0.1]:${port} ${pub}`;
    writeFileSync(f('known_hosts'), `${knownHostsLine}\n`);
    return { hostKeyFingerprint: fingerprint(`${hostKey}.pub`), hostPublicKey: pub, knownHostsLine };
  };

  try {
    await launch();
  } catch (e) {
    running.delete(cleanupOnExit);
    cleanupOnExit();
    throw e;
  }

  let stopping: Promise<void> | undefined;
  const sshd: Sshd = {
    host: '127.0.0.1',
    port,
    user,
    clientKey: readFileSync(clientKeyPath, 'utf8'),
    clientKeyPath,
    clientPublicKey,
    ...readHostKey(),
    knownHostsPath: f('known_hosts'),
    dir,
    startMs: Date.now() - t0,
    sshArgs: (extra = []) => [
      // OpenSSH takes the FIRST value given for an option: `extra` goes first so it can override ours
      ...extra,
      '-F',
      '/dev/null',
      '-p',
      String(sshd.port),
      '-i',
      clientKeyPath,
      '-o',
      'IdentitiesOnly=yes',
      '-o',
      'BatchMode=yes',
      '-o',
      'StrictHostKeyChecking=yes',
      '-o',
      `UserKnownHostsFile=${f('known_hosts')}`,
      '-o',
      'GlobalKnownHostsFile=/dev/null',
      '-o',
      'ConnectTimeout=10',
      '-o',
      'LogLevel=ERROR',
      `${user}@127.0.0.1`,
    ],
    log,
    async rotateHostKey() {
      if (stopping) throw new Error('sshd is stopped');
      await halt();
      keygen(hostKey, 'evalgate-test-host');
      await launch(sshd.port);
      Object.assign(sshd, readHostKey());
    },
    stop() {
      stopping ??= (async () => {
        await halt();
        running.delete(cleanupOnExit);
        rmSync(dir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
  return sshd;
}
