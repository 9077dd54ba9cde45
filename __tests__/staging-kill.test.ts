/**
 * An upload killed midway (SIGKILL: no handler runs, nothing is cleaned up) and run again, as a
 * re-run after a cancelled workflow or a lost runner would: the object ends whole and correct
 * (its sha256 is the file's), and no half object is ever at the staged name. OSS and TOS resume
 * from the checkpoint the killed process left (only the missing parts are sent); Azure starts over
 * (uncommitted blocks are not reused). The child is __tests__/children/stage.ts, bundled with ncc
 * here (the project runs no TypeScript directly): the platforms' own upload code and the real SDKs.
 */
import { BlobServiceClient } from '@azure/storage-blob';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileSha256 } from '../src/platforms/templates.js';
import { startAzurite, type Azurite } from './fakes/azurite.js';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, startFakeOss, type FakeOss } from './fakes/oss.js';
import { startFakeTos, type FakeTos } from './fakes/tos.js';
import { tempDir } from './helpers.js';

const MiB = 1024 * 1024;
const SIZE = 96 * MiB + 777;
const PART = 8 * MiB;
const PARTS = Math.ceil(SIZE / PART);
const ROOT = path.resolve(import.meta.dirname, '..');

const dir = tempDir('evalgate-staging-kill-');
const model = path.join(dir, 'model.safetensors');
let child = '';
let sha = '';
const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  const fd = openSync(model, 'w');
  for (let left = SIZE; left > 0; left -= MiB) writeSync(fd, randomBytes(Math.min(MiB, left)));
  closeSync(fd);
  sha = await fileSha256(model);
  const out = path.join(dir, 'child');
  execFileSync('npx', ['--no-install', 'ncc', 'build', '__tests__/children/stage.ts', '-o', out, '--quiet', '--target', 'es2022'], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  child = path.join(out, 'index.js');
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(job: Record<string, unknown>): {
  proc: ChildProcess;
  done: Promise<{ code: number | null; signal: string | null; out: string }>;
} {
  const proc = spawn(process.execPath, [child, JSON.stringify({ file: model, partSize: PART, concurrency: 3, ...job })], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const done = new Promise<{ code: number | null; signal: string | null; out: string }>((resolve) =>
    proc.once('close', (code, signal) => resolve({ code, signal, out })),
  );
  return { proc, done };
}

/** SIGKILL once `parts()` reaches n */
async function killAfter(proc: ChildProcess, parts: () => number, n: number): Promise<void> {
  while (parts() < n) {
    if (proc.exitCode !== null) throw new Error('the upload ended before it could be killed');
    await new Promise((r) => setTimeout(r, 5));
  }
  proc.kill('SIGKILL');
}

describe('OSS: killed mid-upload, then run again', () => {
  let oss: FakeOss;
  beforeAll(async () => {
    oss = await startFakeOss({ buckets: ['evals'] });
  });
  afterAll(() => oss?.stop());
  const parts = (from = 0) => oss.requests.slice(from).filter((r) => r.op === 'UploadPart' && r.status === 200).length;

  it('resumes from the checkpoint the killed process left: only the missing parts, then the whole object', async () => {
    const checkpointDir = path.join(dir, 'oss-cp');
    const job = {
      platform: 'bailian',
      bucket: 'evals',
      prefix: 'cas/k/',
      checkpointDir,
      endpoint: oss.url,
      accessKeyId: DEFAULT_ACCESS_KEY_ID,
      accessKeySecret: DEFAULT_ACCESS_KEY_SECRET,
    };
    const first = start(job);
    await killAfter(first.proc, () => parts(), 5);
    expect((await first.done).signal).toBe('SIGKILL');
    expect(oss.get('evals', 'cas/k/model.safetensors')).toBeUndefined();
    expect(readdirSync(checkpointDir)).toHaveLength(1);

    const from = oss.requests.length;
    const second = await start(job).done;
    expect(second.out).toContain('sent 1');
    expect(second.code).toBe(0);
    expect(oss.requests.slice(from).filter((r) => r.op === 'InitiateMultipartUpload')).toHaveLength(0);
    const resent = parts(from);
    expect(resent).toBeLessThan(PARTS);
    expect(sha256(oss.get('evals', 'cas/k/model.safetensors')!)).toBe(sha);
    expect(oss.openUploads()).toEqual([]);
    expect(readdirSync(checkpointDir).filter((f) => f.endsWith('.json'))).toEqual([]);
    process.stdout.write(`OSS: ${PARTS} parts; killed after 5 answered; the re-run sent ${resent}\n`);
  });
});

describe('TOS: killed mid-upload, then run again', () => {
  let tos: FakeTos;
  beforeAll(async () => {
    tos = await startFakeTos({ buckets: ['evals'] });
  });
  afterAll(() => tos?.stop());
  const parts = (from = 0) => tos.requests.slice(from).filter((r) => r.op === 'UploadPart' && r.status === 200).length;

  it('resumes from uploadFile’s checkpoint file: only the missing parts, then the whole object', async () => {
    const checkpointDir = path.join(dir, 'tos-cp');
    const job = { platform: 'volc', bucket: 'evals', prefix: 'cas/k/', checkpointDir, tos: tos.clientOptions() };
    const first = start(job);
    await killAfter(first.proc, () => parts(), 5);
    expect((await first.done).signal).toBe('SIGKILL');
    expect(tos.get('evals', 'cas/k/model.safetensors')).toBeUndefined();

    const from = tos.requests.length;
    const second = await start(job).done;
    expect(second.out).toContain('sent 1');
    expect(second.code).toBe(0);
    const resent = parts(from);
    expect(resent).toBeLessThan(PARTS);
    expect(sha256(tos.get('evals', 'cas/k/model.safetensors')!)).toBe(sha);
    expect(tos.openUploads()).toEqual([]);
    process.stdout.write(`TOS: ${PARTS} parts; killed after 5 answered; the re-run sent ${resent}\n`);
  });
});

describe('Azure Blob: killed mid-upload, then run again', () => {
  let az: Azurite;
  beforeAll(async () => {
    az = await startAzurite();
    await BlobServiceClient.fromConnectionString(az.connectionString).getContainerClient('staging').create();
  });
  afterAll(() => az?.stop());

  it('leaves no blob (uncommitted blocks only); the re-run uploads the whole file again', async () => {
    const container = BlobServiceClient.fromConnectionString(az.connectionString).getContainerClient('staging');
    const job = {
      platform: 'azure',
      bucket: '',
      prefix: 'cas/k/',
      checkpointDir: '',
      connectionString: az.connectionString,
      container: 'staging',
    };
    const blob = container.getBlockBlobClient('cas/k/model.safetensors');
    const uncommitted = async (): Promise<number> => {
      try {
        return (await blob.getBlockList('uncommitted')).uncommittedBlocks?.length ?? 0;
      } catch {
        return 0; // no block yet
      }
    };
    const first = start(job);
    let n = 0;
    const t0 = Date.now();
    // 4 blocks staged (or, should the emulator not list uncommitted blocks, 3 s into the upload)
    while (n < 4 && Date.now() - t0 < 3000) {
      if (first.proc.exitCode !== null) throw new Error('the upload ended before it could be killed');
      n = await uncommitted();
    }
    first.proc.kill('SIGKILL');
    expect((await first.done).signal).toBe('SIGKILL');
    expect(await blob.exists()).toBe(false);

    const second = await start(job).done;
    expect(second.out).toContain('sent 1');
    expect(second.code).toBe(0);
    expect(sha256(await blob.downloadToBuffer())).toBe(sha);
    expect((await blob.getBlockList('committed')).committedBlocks).toHaveLength(PARTS);
  });
});
