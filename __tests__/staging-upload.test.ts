/**
 * Staging uploads in parts (SPEC §8, issue #18 item 1), through the real SDKs against the real
 * local services: Azurite (block blobs), the OSS and TOS fakes (multipart as the services do it:
 * part-size minimums but for the last part, part numbers 1..10,000, ETags checked on complete),
 * and a real sshd (SFTP). For each: the parts and how many were in flight at once, the object's
 * sha256 against the file's, a second upload that sends nothing, and an upload cut off midway
 * (the run's AbortSignal) that leaves no object and is finished by the next run.
 */
import { BlobServiceClient, ContainerClient } from '@azure/storage-blob';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { TosClient } from '@volcengine/tos-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadPrefix as azureUpload } from '../src/platforms/azure/blob.js';
import { EvalgateAlibabaCredential } from '../src/platforms/bailian/credential.js';
import { ossClient, uploadPrefix as ossUpload } from '../src/platforms/bailian/oss.js';
import { SshShell } from '../src/platforms/dgx/shell.js';
import { fileSha256 } from '../src/platforms/templates.js';
import { TosBucket } from '../src/platforms/volc/tos.js';
import { parseSize, resolveStaging } from '../src/platforms/staging.js';
import { parseConfig } from '../src/config/file.js';
import { formatProblem } from '../src/core/problem.js';
import { startAzurite, type Azurite } from './fakes/azurite.js';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, startFakeOss, type FakeOss } from './fakes/oss.js';
import { startSshd, type Sshd } from './fakes/sshd.js';
import { startFakeTos, type FakeTos } from './fakes/tos.js';
import { tempDir } from './helpers.js';

const MiB = 1024 * 1024;
/** 12 parts of 16 MiB and a short last one */
const SIZE = 192 * MiB + 12_345;
const PART = 16 * MiB;
const PARTS = Math.ceil(SIZE / PART);
const CONCURRENCY = 4;
const staging = { partSize: PART, concurrency: CONCURRENCY };

const dir = tempDir('evalgate-staging-upload-');
const model = path.join(dir, 'model.safetensors');
let sha = '';

beforeAll(async () => {
  // random bytes, so that a part in the wrong place or sent twice changes the hash
  const fd = openSync(model, 'w');
  for (let left = SIZE; left > 0; left -= MiB) writeSync(fd, randomBytes(Math.min(MiB, left)));
  closeSync(fd);
  sha = await fileSha256(model);
});
// the model and its copies are hundreds of MiB: none is left behind
const cleanup: string[] = [dir];
afterAll(() => {
  for (const d of cleanup) rmSync(d, { recursive: true, force: true });
});

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** an AbortController that fires once `parts()` reaches `n` */
function abortAfter(parts: () => number, n: number): AbortController {
  const ac = new AbortController();
  const t = setInterval(() => {
    if (parts() >= n) {
      clearInterval(t);
      ac.abort(new Error('cancelled mid-upload'));
    }
  }, 5);
  ac.signal.addEventListener('abort', () => clearInterval(t));
  return ac;
}

describe('staging settings', () => {
  it.each([
    ['64MiB', 64 * MiB],
    ['512 KiB', 512 * 1024],
    ['1GiB', 1024 * MiB],
    ['100MB', 100_000_000],
    ['1.5MiB', 1.5 * MiB],
    [1048576, MiB],
    ['64', 64],
  ])('%j is %d bytes', (text, bytes) => expect(parseSize(text)).toBe(bytes));

  it.each(['64 megs', '-1MiB', '0', '', '64M', 1.5, 'MiB'])('%j is not a size', (text) => expect(parseSize(text)).toBeUndefined());

  it('takes the platform section over the top level over the defaults, and names the field of a size out of range', () => {
    expect(resolveStaging('volc', undefined, undefined, 'evalgate.yml')).toEqual({
      staging: { partSize: 16 * MiB, concurrency: 4 },
      problems: [],
    });
    expect(resolveStaging('volc', { part_size: '64MiB', concurrency: 2 }, { concurrency: 8 }, 'evalgate.yml').staging).toEqual({
      partSize: 64 * MiB,
      concurrency: 8,
    });
    expect(resolveStaging('volc', { part_size: '1MiB' }, undefined, 'evalgate.yml').problems).toEqual([
      { file: 'evalgate.yml', path: 'staging.part_size', expected: 'a TOS part of 5 MiB to 5 GiB on volc', found: '"1MiB"' },
    ]);
    expect(resolveStaging('bailian', undefined, { part_size: '6GiB' }, 'evalgate.yml').problems).toEqual([
      { file: 'evalgate.yml', path: 'bailian.staging.part_size', expected: 'an OSS part of 100 KiB to 5 GiB on bailian', found: '"6GiB"' },
    ]);
    // SFTP writes: a top-level part size for object stores is capped for dgx, its own section's is held to the limit
    expect(resolveStaging('dgx', { part_size: '64MiB' }, undefined, 'c').staging.partSize).toBe(MiB);
    expect(resolveStaging('dgx', undefined, { part_size: '64MiB' }, 'c').problems[0]!.expected).toBe(
      'an SFTP write of 4 KiB to 1 MiB on dgx',
    );
  });
});

describe('staging in the config file', () => {
  it('a size that is not one names the file, line and field, and what a size looks like', () => {
    const r = parseConfig(['indicators: [toxicity]', 'staging:', '  part_size: 64 megs', '  concurrency: 0'].join('\n'), 'evalgate.yml');
    expect(r.ok).toBe(false);
    expect(r.problems.map(formatProblem)).toEqual([
      'evalgate.yml:3: staging.part_size: expected a size such as "64MiB" (B, KiB, MiB, GiB, or KB, MB, GB), or a whole number of bytes, got "64 megs"',
      'evalgate.yml:4: staging.concurrency: expected an integer from 1 to 64, got 0',
    ]);
  });

  it('the top level and a platform section are both read', () => {
    const r = parseConfig(
      ['staging: {part_size: 64MiB, concurrency: 8}', 'volc: {staging: {part_size: 32MiB}}'].join('\n'),
      'evalgate.yml',
    );
    expect(r.ok && r.config.staging).toEqual({ part_size: '64MiB', concurrency: 8 });
    expect(r.ok && r.config.volc).toEqual({ staging: { part_size: '32MiB' } });
  });
});

describe('OSS (ali-oss multipartUpload against the OSS fake)', () => {
  let oss: FakeOss;
  beforeAll(async () => {
    oss = await startFakeOss({ buckets: ['evals'] });
  });
  afterAll(() => oss?.stop());
  const client = () =>
    ossClient(
      { bucket: 'evals', region: 'cn-hangzhou', endpoint: oss.url },
      new EvalgateAlibabaCredential({
        ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_ACCESS_KEY_ID,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_ACCESS_KEY_SECRET,
      }),
      { maxRetries: 0, baseMs: 1, maxMs: 1 },
    );
  const count = (op: string, from = 0): number => oss.requests.slice(from).filter((r) => r.op === op && r.status === 200).length;

  it(`sends ${PARTS} parts, ${CONCURRENCY} at a time, and a second run sends nothing`, async () => {
    const c = await client();
    const checkpointDir = path.join(dir, 'oss-cp');
    expect(await ossUpload(c, 'cas/a/', [['model.safetensors', model]], { staging, checkpointDir })).toBe(1);
    expect(count('UploadPart')).toBe(PARTS);
    expect(count('InitiateMultipartUpload')).toBe(1);
    expect(count('CompleteMultipartUpload')).toBe(1);
    expect(oss.peakInFlight.UploadPart).toBe(CONCURRENCY);
    expect(oss.object('evals', 'cas/a/model.safetensors')!.type).toBe('Multipart');
    expect(sha256(oss.get('evals', 'cas/a/model.safetensors')!)).toBe(sha);
    expect(oss.violations).toEqual([]);
    expect(readdirSync(checkpointDir)).toEqual([]);

    const before = oss.requests.length;
    expect(await ossUpload(c, 'cas/a/', [['model.safetensors', model]], { staging, checkpointDir })).toBe(0);
    expect(oss.requests.slice(before).map((r) => r.op)).toEqual(['ListObjectsV2']);
  });

  it('resumes an upload cut off midway from its checkpoint: no object until the last part, then the whole file', async () => {
    const c = await client();
    const checkpointDir = path.join(dir, 'oss-cp');
    const from = oss.requests.length;
    const ac = abortAfter(() => count('UploadPart', from), 5);
    await expect(ossUpload(c, 'cas/b/', [['model.safetensors', model]], { staging, checkpointDir, signal: ac.signal })).rejects.toThrow(
      /cancelled mid-upload/,
    );
    expect(oss.get('evals', 'cas/b/model.safetensors')).toBeUndefined();
    const [open] = oss.openUploads();
    expect(open?.key).toBe('cas/b/model.safetensors');
    const done = (JSON.parse(readFileSync(path.join(checkpointDir, readdirSync(checkpointDir)[0]!), 'utf8')) as { doneParts: unknown[] })
      .doneParts.length;
    // the parts whose answers came back before the cancel (the others may have reached OSS, and are sent again)
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(PARTS);

    const second = oss.requests.length;
    expect(await ossUpload(await client(), 'cas/b/', [['model.safetensors', model]], { staging, checkpointDir })).toBe(1);
    // the same upload id, only the parts the checkpoint did not have
    expect(count('InitiateMultipartUpload', second)).toBe(0);
    expect(count('UploadPart', second)).toBe(PARTS - done);
    expect(sha256(oss.get('evals', 'cas/b/model.safetensors')!)).toBe(sha);
    expect(oss.openUploads()).toEqual([]);
    expect(readdirSync(checkpointDir)).toEqual([]);
  });

  it('starts over when the checkpoint names an upload OSS no longer has', async () => {
    const c = await client();
    const checkpointDir = path.join(dir, 'oss-cp2');
    const from = oss.requests.length;
    const ac = abortAfter(() => count('UploadPart', from), 3);
    await expect(ossUpload(c, 'cas/c/', [['model.safetensors', model]], { staging, checkpointDir, signal: ac.signal })).rejects.toThrow();
    // e.g. a lifecycle rule aborted it
    for (const u of oss.openUploads()) await c.client.abortMultipartUpload(u.key, u.uploadId);
    expect(await ossUpload(await client(), 'cas/c/', [['model.safetensors', model]], { staging, checkpointDir })).toBe(1);
    expect(sha256(oss.get('evals', 'cas/c/model.safetensors')!)).toBe(sha);
  });
});

describe('TOS (tos-sdk uploadFile against the TOS fake)', () => {
  let tos: FakeTos;
  beforeAll(async () => {
    tos = await startFakeTos({ buckets: ['evals'] });
  });
  afterAll(() => tos?.stop());
  const bucket = () => new TosBucket(new TosClient({ ...tos.clientOptions(), maxRetryCount: 0 }), 'evals', 'test', { maxRetries: 0 });
  const count = (op: string, from = 0): number => tos.requests.slice(from).filter((r) => r.op === op && r.status === 200).length;

  it(`sends ${PARTS} parts, ${CONCURRENCY} at a time, and a second run sends nothing`, async () => {
    const checkpointDir = path.join(dir, 'tos-cp');
    expect(await bucket().upload('cas/a/', [['model.safetensors', model]], { staging, checkpointDir })).toBe(1);
    expect(count('UploadPart')).toBe(PARTS);
    expect(count('CreateMultipartUpload')).toBe(1);
    expect(count('CompleteMultipartUpload')).toBe(1);
    expect(tos.peakInFlight.UploadPart).toBe(CONCURRENCY);
    expect(sha256(tos.get('evals', 'cas/a/model.safetensors')!)).toBe(sha);
    expect(tos.violations).toEqual([]);
    expect(readdirSync(checkpointDir)).toEqual([]);

    const before = tos.requests.length;
    expect(await bucket().upload('cas/a/', [['model.safetensors', model]], { staging, checkpointDir })).toBe(0);
    expect(tos.requests.slice(before).map((r) => r.op)).toEqual(['ListObjectsType2']);
  });

  it('resumes an upload cut off midway from its checkpoint file: no object until the last part, then the whole file', async () => {
    const checkpointDir = path.join(dir, 'tos-cp');
    const from = tos.requests.length;
    const ac = abortAfter(() => count('UploadPart', from), 5);
    await expect(
      bucket().upload('cas/b/', [['model.safetensors', model]], { staging, checkpointDir, signal: ac.signal }),
    ).rejects.toThrow();
    expect(tos.get('evals', 'cas/b/model.safetensors')).toBeUndefined();
    expect(tos.openUploads().map((u) => u.key)).toEqual(['cas/b/model.safetensors']);
    const record = JSON.parse(readFileSync(path.join(checkpointDir, readdirSync(checkpointDir)[0]!), 'utf8')) as {
      parts_info: Array<{ is_completed: boolean }>;
    };
    const done = record.parts_info.filter((p) => p.is_completed).length;
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(PARTS);

    const second = tos.requests.length;
    expect(await bucket().upload('cas/b/', [['model.safetensors', model]], { staging, checkpointDir })).toBe(1);
    expect(count('CreateMultipartUpload', second)).toBe(0);
    expect(count('UploadPart', second)).toBe(PARTS - done);
    expect(sha256(tos.get('evals', 'cas/b/model.safetensors')!)).toBe(sha);
    expect(tos.openUploads()).toEqual([]);
    expect(readdirSync(checkpointDir)).toEqual([]);
  });
});

/** a pass-through proxy in front of Azurite that counts Put Block / Put Block List / Put Blob and the blocks in flight */
async function countingProxy(target: string): Promise<{
  url: string;
  ops: string[];
  peak: Record<string, number>;
  stop(): Promise<void>;
}> {
  const t = new URL(target);
  const ops: string[] = [];
  const inFlight: Record<string, number> = {};
  const peak: Record<string, number> = {};
  const server = http.createServer((req, res) => {
    const q = new URL(req.url!, 'http://x').searchParams;
    const op =
      req.method === 'PUT'
        ? q.get('comp') === 'block'
          ? 'PutBlock'
          : q.get('comp') === 'blocklist'
            ? 'PutBlockList'
            : (q.get('comp') ?? (q.get('restype') ? 'CreateContainer' : 'PutBlob'))
        : `${req.method} ${q.get('comp') ?? ''}`.trim();
    inFlight[op] = (inFlight[op] ?? 0) + 1;
    peak[op] = Math.max(peak[op] ?? 0, inFlight[op]);
    const up = http.request({ host: t.hostname, port: t.port, method: req.method, path: req.url, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode!, r.headers);
      r.pipe(res);
      // counted when the client got the whole answer (a request the client gave up on is not)
      res.once('finish', () => {
        if (r.statusCode! < 300) ops.push(op);
      });
    });
    res.once('close', () => void (inFlight[op] = inFlight[op]! - 1));
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${t.pathname}`,
    ops,
    peak,
    stop: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

describe('Azure Blob (uploadFile in blocks against Azurite)', () => {
  let az: Azurite;
  let proxy: Awaited<ReturnType<typeof countingProxy>>;
  let container: ContainerClient;
  beforeAll(async () => {
    az = await startAzurite();
    proxy = await countingProxy(az.blobEndpoint);
    const cs = az.connectionString.replace(az.blobEndpoint, proxy.url);
    container = BlobServiceClient.fromConnectionString(cs).getContainerClient('azureml-blobstore');
    await container.create();
  });
  afterAll(async () => {
    await proxy?.stop();
    await az?.stop();
  });
  const count = (op: string, from = 0): number => proxy.ops.slice(from).filter((o) => o === op).length;
  const blobSha = async (name: string): Promise<string> => sha256(await container.getBlobClient(name).downloadToBuffer());

  it(`sends ${PARTS} blocks, ${CONCURRENCY} at a time, then one block list; a second run sends nothing`, async () => {
    expect(await azureUpload(container, 'cas/a/', [['model.safetensors', model]], { staging })).toBe(1);
    expect(count('PutBlock')).toBe(PARTS);
    expect(count('PutBlockList')).toBe(1);
    expect(count('PutBlob')).toBe(0);
    expect(proxy.peak.PutBlock).toBe(CONCURRENCY);
    expect(await blobSha('cas/a/model.safetensors')).toBe(sha);

    const before = proxy.ops.length;
    expect(await azureUpload(container, 'cas/a/', [['model.safetensors', model]], { staging })).toBe(0);
    expect(proxy.ops.slice(before)).toEqual(['GET list']);
  });

  it('an upload cut off midway leaves no blob (the blocks are uncommitted); the next run sends the file again, whole', async () => {
    const from = proxy.ops.length;
    const ac = abortAfter(() => count('PutBlock', from), 5);
    await expect(azureUpload(container, 'cas/b/', [['model.safetensors', model]], { staging, signal: ac.signal })).rejects.toThrow();
    expect(await container.getBlobClient('cas/b/model.safetensors').exists()).toBe(false);
    const second = proxy.ops.length;
    expect(await azureUpload(container, 'cas/b/', [['model.safetensors', model]], { staging })).toBe(1);
    expect(count('PutBlock', second)).toBe(PARTS);
    expect(await blobSha('cas/b/model.safetensors')).toBe(sha);
  });
});

describe('SFTP (ssh2 fastPut against a real sshd)', () => {
  let sshd: Sshd;
  let shell: SshShell;
  // the SFTP writes in flight, counted at the client (sshd keeps no count): ssh2's SFTP.write, as fastPut calls it
  const SFTP = (
    createRequire(import.meta.url)('ssh2/lib/protocol/SFTP.js') as { SFTP: { prototype: { write: (...a: unknown[]) => unknown } } }
  ).SFTP;
  const original = SFTP.prototype.write;
  const writes = { n: 0, inFlight: 0, peak: 0 };
  beforeAll(async () => {
    sshd = await startSshd();
    shell = new SshShell({
      host: sshd.host,
      port: sshd.port,
      user: sshd.user,
      privateKey: sshd.clientKey,
      hostKeys: [sshd.hostKeyFingerprint],
      pinnedBy: 'test',
    });
    SFTP.prototype.write = function (this: unknown, ...args: unknown[]) {
      const cb = args[args.length - 1] as (...r: unknown[]) => void;
      writes.n++;
      writes.peak = Math.max(writes.peak, ++writes.inFlight);
      return original.apply(this, [
        ...args.slice(0, -1),
        (...r: unknown[]) => {
          writes.inFlight--;
          cb(...r);
        },
      ]);
    };
  });
  afterAll(async () => {
    SFTP.prototype.write = original;
    await shell?.close();
    await sshd?.stop();
  });

  it('writes the file in part_size writes, concurrency of them in flight, to the same sha256', async () => {
    const remoteDir = tempDir('evalgate-sftp-');
    cleanup.push(remoteDir);
    const remote = path.join(remoteDir, 'cas', 'model.safetensors');
    const sftpStaging = { partSize: 128 * 1024, concurrency: 16 };
    await shell.upload(model, remote, { staging: sftpStaging });
    expect(writes.n).toBe(Math.ceil(SIZE / sftpStaging.partSize));
    expect(writes.peak).toBe(16);
    expect(await fileSha256(remote)).toBe(sha);
  });

  it('a cancelled upload stops; the partial file is only ever in its temporary folder', async () => {
    const remoteDir = tempDir('evalgate-sftp-');
    cleanup.push(remoteDir);
    const remote = path.join(remoteDir, 'x.tmp-1', 'model.safetensors');
    const start = writes.n;
    const ac = abortAfter(() => writes.n - start, 50);
    await expect(shell.upload(model, remote, { staging: { partSize: 64 * 1024, concurrency: 4 }, signal: ac.signal })).rejects.toThrow(
      /cancelled mid-upload/,
    );
    expect(existsSync(remote) ? readFileSync(remote).length : 0).toBeLessThan(SIZE);
  });
});
