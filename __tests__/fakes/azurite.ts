/**
 * Starts a private Azurite blob server (the real one, `node_modules/.bin/azurite-blob`, Azurite 3.35.0) for one
 * test file. Recipe: /work/shared/local-services.md §2.
 *
 *   const az = await startAzurite();   // { blobEndpoint, connectionString, account, accountKey, stop }
 *   ...
 *   await az.stop();
 *
 * - Port: `--blobPort 0`; the kernel picks a free port and Azurite prints it ("successfully listens on
 *   http://127.0.0.1:<port>"), which we parse. No bind-then-release race between parallel vitest forks.
 * - Flags: `--silent --disableTelemetry --skipApiVersionCheck --inMemoryPersistence --blobHost 127.0.0.1`.
 *   `--skipApiVersionCheck` is required for @azure/storage-blob 12.32 (API version 2026-04-06).
 * - Readiness: the "listens on" line, then one HTTP round trip.
 * - Cleanup: `stop()` sends SIGTERM (Azurite closes its server and exits), SIGKILL after 5 s, and resolves on
 *   exit. Every instance still running when the test process exits is SIGKILLed from an `exit` handler, and
 *   a preloaded watchdog (azurite-watchdog.cjs) makes Azurite exit by itself if its parent dies without
 *   running exit handlers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const AZURITE_ACCOUNT = 'devstoreaccount1';
/** The documented well-known key of the Azurite/Storage-emulator dev account. */
export const AZURITE_ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  /** `http://127.0.0.1:<port>/devstoreaccount1` */
  blobEndpoint: string;
  connectionString: string;
  account: 'devstoreaccount1';
  accountKey: string;
  /** The server's pid (for diagnostics). */
  pid: number;
  stop(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(ROOT, 'node_modules', '.bin', 'azurite-blob');
const WATCHDOG = path.join(import.meta.dirname, 'azurite-watchdog.cjs');
const READY = /successfully listens on (http:\/\/[^\s]+)/;

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

export async function startAzurite(opts: { startTimeoutMs?: number } = {}): Promise<Azurite> {
  installExitHook();
  const args = [
    '-r',
    WATCHDOG,
    BIN,
    '--silent',
    '--disableTelemetry',
    '--skipApiVersionCheck',
    '--inMemoryPersistence',
    '--blobHost',
    '127.0.0.1',
    '--blobPort',
    '0',
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: ROOT });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));

  let output = '';
  const origin = await new Promise<string>((resolve, reject) => {
    const timeoutMs = opts.startTimeoutMs ?? 20_000;
    const timer = setTimeout(() => fail(new Error(`Azurite did not start within ${timeoutMs} ms`)), timeoutMs);
    const onStdout = (chunk: Buffer): void => {
      output += chunk.toString();
      const m = READY.exec(output);
      if (m) {
        cleanup();
        resolve(m[1]!.replace(/\/$/, ''));
      }
    };
    const onStderr = (chunk: Buffer): void => {
      output += chunk.toString();
    };
    const onExit = (code: number | null, signal: string | null): void =>
      fail(new Error(`Azurite exited early (code ${code}, signal ${signal})`));
    const fail = (err: Error): void => {
      cleanup();
      child.kill('SIGKILL');
      reject(new Error(`${err.message}\n--- azurite output ---\n${output}`));
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      child.stdout!.off('data', onStdout);
      child.stderr!.off('data', onStderr);
      child.off('error', fail);
      child.off('exit', onExit);
    };
    child.stdout!.on('data', onStdout);
    child.stderr!.on('data', onStderr);
    child.once('error', fail);
    child.once('exit', onExit);
  });
  // Drain the pipes so a chatty child can never block on a full pipe.
  child.stdout!.resume();
  child.stderr!.resume();

  const blobEndpoint = `${origin}/${AZURITE_ACCOUNT}`;
  // One real round trip (any HTTP answer will do).
  try {
    await fetch(`${blobEndpoint}?comp=list`).then((r) => r.arrayBuffer());
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`Azurite at ${blobEndpoint} does not answer: ${(e as Error).message}`);
  }

  let stopping: Promise<void> | undefined;
  return {
    blobEndpoint,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_ACCOUNT_KEY};BlobEndpoint=${blobEndpoint};`,
    account: AZURITE_ACCOUNT,
    accountKey: AZURITE_ACCOUNT_KEY,
    pid: child.pid!,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}
