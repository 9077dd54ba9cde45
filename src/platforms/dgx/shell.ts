/**
 * Where DGX jobs are started: on the runner itself (`mode: local`) or on a node over SSH (the
 * `ssh2` package; SFTP for files). Both give the same small interface, so the job logic (process
 * groups, Slurm) is written once. Paths on the node are POSIX.
 */
import { spawn } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client, type ConnectConfig, type SFTPWrapper } from 'ssh2';
import { STAGING_LIMITS, throwIfAborted, type Staging } from '../staging.js';

export interface ExecResult {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

export interface UploadOptions {
  staging?: Staging;
  signal?: AbortSignal;
}

export interface Shell {
  /** "the runner", "ciuser@dgx01:22": for messages */
  readonly where: string;
  exec(command: string): Promise<ExecResult>;
  writeFile(remote: string, content: string): Promise<void>;
  /**
   * copies a file or folder (recursively) to `remote`, creating its parents; over SFTP, each file in
   * writes of `staging.partSize` bytes, `staging.concurrency` of them in flight
   */
  upload(local: string, remote: string, opts?: UploadOptions): Promise<void>;
  /** copies every file under `remoteDir` whose name passes `keep` into `localDir`; returns the local paths */
  download(remoteDir: string, localDir: string, keep: (name: string) => boolean): Promise<string[]>;
  close(): Promise<void>;
}

/** a name from the node is one path segment, never `..` or a path: a listing cannot write outside the folder */
export function safeSegment(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !name.includes('/') && !name.includes('\\') && !name.includes('\0');
}

export class LocalShell implements Shell {
  readonly where = 'the runner';
  constructor(private readonly env: Record<string, string | undefined> = process.env) {}

  exec(command: string): Promise<ExecResult> {
    return new Promise((resolve) => {
      const child = spawn('/bin/sh', ['-c', command], { env: this.env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.once('error', (e) => resolve({ code: null, signal: null, stdout, stderr: stderr + e.message }));
      child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    });
  }

  async writeFile(remote: string, content: string): Promise<void> {
    await fs.mkdir(path.dirname(remote), { recursive: true });
    await fs.writeFile(remote, content);
  }

  async upload(local: string, remote: string, opts: UploadOptions = {}): Promise<void> {
    throwIfAborted(opts.signal);
    await fs.mkdir(path.dirname(remote), { recursive: true });
    await fs.cp(local, remote, { recursive: true, dereference: true });
  }

  async download(remoteDir: string, localDir: string, keep: (name: string) => boolean): Promise<string[]> {
    const out: string[] = [];
    const walk = async (from: string, to: string): Promise<void> => {
      let entries;
      try {
        entries = await fs.readdir(from, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (!safeSegment(e.name)) continue;
        if (e.isDirectory()) await walk(path.join(from, e.name), path.join(to, e.name));
        else if (e.isFile() && keep(e.name)) {
          await fs.mkdir(to, { recursive: true });
          await fs.copyFile(path.join(from, e.name), path.join(to, e.name));
          out.push(path.join(to, e.name));
        }
      }
    };
    await walk(remoteDir, localDir);
    return out.sort();
  }

  async close(): Promise<void> {}
}

/** OpenSSH's fingerprint of a host key blob: `SHA256:` and unpadded base64 */
export function fingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** the keys known_hosts lists for host:port (plain or hashed `|1|salt|hash` names, `[host]:port` for other ports) */
export function knownHostKeys(text: string, host: string, port: number): Buffer[] {
  const names = port === 22 ? [host, `[${host}]:22`] : [`[${host}]:${port}`];
  const keys: Buffer[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const parts = line.split(/\s+/);
    if (parts[0]!.startsWith('@')) continue; // @cert-authority / @revoked: not for pinning
    const [hosts, , blob] = parts;
    if (!hosts || !blob) continue;
    const matches = hosts.split(',').some((h) => {
      const hashed = /^\|1\|([^|]+)\|([^|]+)$/.exec(h);
      if (!hashed) return names.includes(h);
      return names.some((n) => createHmacSha1(Buffer.from(hashed[1]!, 'base64'), n) === hashed[2]);
    });
    if (matches) keys.push(Buffer.from(blob, 'base64'));
  }
  return keys;
}

function createHmacSha1(salt: Buffer, name: string): string {
  return createHmac('sha1', salt).update(name).digest('base64');
}

export interface SshOptions {
  host: string;
  port: number;
  user: string;
  privateKey: string;
  passphrase?: string;
  /** `SHA256:…` fingerprints the host key may have */
  hostKeys: string[];
  /** where the pinned keys came from, for messages */
  pinnedBy: string;
  readyTimeoutMs?: number;
}

export class HostKeyError extends Error {}

export class SshShell implements Shell {
  readonly where: string;
  private conn: Promise<Client> | null = null;
  private sftpP: Promise<SFTPWrapper> | null = null;

  constructor(private readonly opts: SshOptions) {
    this.where = `${opts.user}@${opts.host}:${opts.port}`;
  }

  private connect(): Promise<Client> {
    if (this.conn) return this.conn;
    const o = this.opts;
    this.conn = new Promise<Client>((resolve, reject) => {
      const c = new Client();
      let presented: string | null = null;
      const config: ConnectConfig = {
        host: o.host,
        port: o.port,
        username: o.user,
        privateKey: o.privateKey,
        passphrase: o.passphrase,
        readyTimeout: o.readyTimeoutMs ?? 20_000,
        keepaliveInterval: 15_000,
        keepaliveCountMax: 4,
        hostVerifier: (key: Buffer) => {
          presented = fingerprint(key);
          return o.hostKeys.includes(presented);
        },
      };
      c.once('ready', () => resolve(c));
      c.once('error', (e: Error & { level?: string }) => {
        this.conn = null;
        if (presented && !o.hostKeys.includes(presented)) {
          const how =
            o.hostKeys.length === 0
              ? `it is not pinned: check it (ssh-keyscan -p ${o.port} ${o.host} | ssh-keygen -lf -) and pin it with dgx.host_key: ${presented} or a dgx.known_hosts file`
              : `${o.pinnedBy} expects ${o.hostKeys.join(' or ')}: the host key changed (a new node, or someone in between); if the change is expected, pin the new key`;
          reject(new HostKeyError(`refused ${this.where}: its host key is ${presented}; ${how}`));
          return;
        }
        reject(new Error(`cannot connect to ${this.where}: ${e.message}`));
      });
      c.once('close', () => {
        this.conn = null;
        this.sftpP = null;
      });
      c.connect(config);
    });
    return this.conn;
  }

  async exec(command: string): Promise<ExecResult> {
    const c = await this.connect();
    return new Promise((resolve, reject) => {
      c.exec(command, (err, stream) => {
        if (err) return reject(new Error(`${this.where}: ${err.message}`));
        let stdout = '';
        let stderr = '';
        stream.on('data', (d: Buffer) => (stdout += d));
        stream.stderr.on('data', (d: Buffer) => (stderr += d));
        stream.once('close', (code: number | null, signal?: string) =>
          resolve({ code: code ?? null, signal: signal ?? null, stdout, stderr }),
        );
      });
    });
  }

  private sftp(): Promise<SFTPWrapper> {
    if (this.sftpP) return this.sftpP;
    this.sftpP = this.connect().then(
      (c) =>
        new Promise<SFTPWrapper>((resolve, reject) => {
          c.sftp((err, s) => (err ? reject(new Error(`${this.where}: sftp: ${err.message}`)) : resolve(s)));
        }),
    );
    this.sftpP.catch(() => (this.sftpP = null));
    return this.sftpP;
  }

  private async mkdirp(dir: string): Promise<void> {
    const r = await this.exec(`mkdir -p -- ${quote(dir)}`);
    if (r.code !== 0) throw new Error(`${this.where}: mkdir ${dir}: ${r.stderr.trim()}`);
  }

  async writeFile(remote: string, content: string): Promise<void> {
    await this.mkdirp(path.posix.dirname(remote));
    const s = await this.sftp();
    await new Promise<void>((resolve, reject) =>
      s.writeFile(remote, content, (e) => (e ? reject(new Error(`${this.where}: write ${remote}: ${e.message}`)) : resolve())),
    );
  }

  async upload(local: string, remote: string, opts: UploadOptions = {}): Promise<void> {
    throwIfAborted(opts.signal);
    const st = await fs.stat(local);
    if (st.isFile()) {
      await this.mkdirp(path.posix.dirname(remote));
      const s = await this.sftp();
      const staging = opts.staging ?? STAGING_LIMITS.dgx.defaults;
      const signal = opts.signal;
      await new Promise<void>((resolve, reject) => {
        // fastPut has no cancel of its own: a cancel ends the connection (the next command opens another)
        const onAbort = (): void => {
          reject(signal!.reason instanceof Error ? signal!.reason : new Error('staging was cancelled'));
          void this.close();
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        s.fastPut(local, remote, { chunkSize: staging.partSize, concurrency: staging.concurrency }, (e) => {
          signal?.removeEventListener('abort', onAbort);
          if (e) reject(new Error(`${this.where}: upload ${remote}: ${e.message}`));
          else resolve();
        });
      });
      return;
    }
    await this.mkdirp(remote);
    for (const e of await fs.readdir(local, { withFileTypes: true })) {
      const from = path.join(local, e.name);
      const to = path.posix.join(remote, e.name);
      if (e.isDirectory() || e.isFile() || e.isSymbolicLink()) await this.upload(from, to, opts);
    }
  }

  async download(remoteDir: string, localDir: string, keep: (name: string) => boolean): Promise<string[]> {
    const s = await this.sftp();
    const out: string[] = [];
    const list = (dir: string) =>
      new Promise<{ filename: string; attrs: { isDirectory(): boolean; isFile(): boolean } }[]>((resolve) =>
        s.readdir(dir, (e, items) => resolve(e ? [] : (items as never))),
      );
    const walk = async (from: string, to: string): Promise<void> => {
      for (const item of await list(from)) {
        if (!safeSegment(item.filename)) continue;
        const src = path.posix.join(from, item.filename);
        const dst = path.join(to, item.filename);
        if (item.attrs.isDirectory()) await walk(src, dst);
        else if (item.attrs.isFile() && keep(item.filename)) {
          await fs.mkdir(to, { recursive: true });
          await new Promise<void>((resolve, reject) =>
            s.fastGet(src, dst, (e) => (e ? reject(new Error(`${this.where}: download ${src}: ${e.message}`)) : resolve())),
          );
          out.push(dst);
        }
      }
    };
    await walk(remoteDir, localDir);
    return out.sort();
  }

  async close(): Promise<void> {
    const c = this.conn;
    this.conn = null;
    this.sftpP = null;
    if (!c) return;
    try {
      (await c).end();
    } catch {
      // never connected
    }
  }
}

/** POSIX single-quote quoting for a path in a command on the node */
export function quote(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function readKnownHosts(file: string): string {
  return readFileSync(file, 'utf8');
}
