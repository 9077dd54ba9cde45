/**
 * The real Prometheus Pushgateway (Debian's prometheus-pushgateway, 1.5.1 on bookworm) on
 * 127.0.0.1:<free port> with its own persistence file in a temp dir. When the binary is missing,
 * scripts/ensure-debian.sh installs it (as root, or with `sudo -n`), else the start fails saying so.
 * `stop()` kills it and waits for it to exit; a process exit handler kills it too, so a crashed
 * test run never leaves a gateway behind.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exited, freePort, waitExit } from './process.js';

export interface RunningPushgateway {
  /** http://127.0.0.1:<port>, no trailing slash */
  url: string;
  /** what the gateway printed so far (for failure messages) */
  log: () => string;
  stop(): Promise<void>;
}

const PACKAGE = 'prometheus-pushgateway';
const ENSURE = path.resolve(import.meta.dirname, '..', '..', 'scripts', 'ensure-debian.sh');

function findBinary(): string | null {
  const override = process.env.EVALGATE_PUSHGATEWAY_BIN;
  if (override) return existsSync(override) ? override : null;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).concat('/usr/bin')) {
    const p = path.join(dir, PACKAGE);
    if (dir && existsSync(p)) return p;
  }
  return null;
}

function ensureBinary(): string {
  let bin = findBinary();
  if (bin) return bin;
  const r = spawnSync('bash', [ENSURE, PACKAGE, PACKAGE], { encoding: 'utf8', timeout: 180_000 });
  bin = findBinary();
  if (!bin) {
    throw new Error(
      `the Prometheus Pushgateway (${PACKAGE}) is not installed and ${path.relative(process.cwd(), ENSURE)} could not install it ` +
        `(exit ${r.status ?? r.signal}):\n${(r.stderr || r.error?.message || '').trim()}`,
    );
  }
  return bin;
}

async function startOnce(bin: string): Promise<RunningPushgateway | { portTaken: string }> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'evalgate-pgw-'));
  const child = spawn(
    bin,
    [`--web.listen-address=127.0.0.1:${port}`, `--persistence.file=${path.join(dir, 'metrics.db')}`, '--persistence.interval=5s'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  const keep = (b: Buffer): void => {
    log = (log + b.toString('utf8')).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let spawnError: Error | null = null;
  child.once('error', (e) => (spawnError = e));
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    if (!exited(child) && !spawnError) {
      child.kill('SIGTERM');
      if (!(await waitExit(child, 5_000))) {
        child.kill('SIGKILL');
        await waitExit(child, 5_000);
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (spawnError || exited(child)) {
      await stop();
      // another process took the port between freePort() and the gateway's bind: try another
      if (/address already in use/.test(log)) return { portTaken: log };
      throw new Error(`the Pushgateway (${bin}) exited before it was ready: ${(spawnError as Error | null)?.message ?? ''}\n${log}`);
    }
    try {
      const res = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1_000) });
      await res.body?.cancel();
      if (res.ok) return { url, log: () => log, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  await stop();
  throw new Error(`the Pushgateway (${bin}) was not ready on ${url}/-/ready within 15 s:\n${log}`);
}

export async function startPushgateway(): Promise<RunningPushgateway> {
  const bin = ensureBinary();
  let last = '';
  for (let i = 0; i < 3; i++) {
    const started = await startOnce(bin);
    if (!('portTaken' in started)) return started;
    last = started.portTaken;
  }
  throw new Error(`the Pushgateway found no free port in 3 tries:\n${last}`);
}
