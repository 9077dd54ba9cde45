/**
 * The run's signal in every retry loop and wait (SPEC §8): an abort during a backoff, a
 * Retry-After of 5 minutes included, ends the call with an AbortError after that one attempt,
 * never another request. (The end-to-end latency per platform is cancel-e2e.test.ts.)
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withRetries } from '../src/platforms/volc/retry.js';
import { VolcApiError, classifyVolc } from '../src/platforms/volc/openapi.js';
import { AlibabaError, withRetry } from '../src/platforms/bailian/errors.js';
import { RateLimiter } from '../src/platforms/rate.js';
import { isAbort, raceAbort } from '../src/platforms/abort.js';
import { contentHash, fileSha256 } from '../src/platforms/templates.js';
import { LocalPlatform } from '../src/platforms/local/local.js';
import { codeSnapshot } from '../src/platforms/snapshot.js';

const throttledVolc = (): VolcApiError => new VolcApiError('ListJobs', 429, 'FlowLimitExceeded', 'flow limit', undefined, 300_000);
const throttledAli = (): AlibabaError => new AlibabaError('PAI-DLC', 'ListJobs', 'Throttling.User', 400, 'flow control', undefined, true);

const loops: Array<{ name: string; call: (fn: () => Promise<never>, signal: AbortSignal) => Promise<unknown>; error: () => Error }> = [
  { name: 'volc (Retry-After: 300)', call: (fn, signal) => withRetries(fn, classifyVolc, { signal }), error: throttledVolc },
  {
    name: 'bailian (30 s backoff ceiling)',
    call: (fn, signal) => withRetry(fn, (e) => e as AlibabaError, { maxRetries: 6, baseMs: 30_000, maxMs: 30_000 }, undefined, signal),
    error: throttledAli,
  },
];

describe('an abort ends a throttled call at once, after one attempt', () => {
  it.each(loops)('$name', async ({ call, error }) => {
    const ac = new AbortController();
    let attempts = 0;
    const p = call(async () => {
      attempts++;
      // the answer is read (throttled), the client starts to back off, and then the run is cancelled
      setImmediate(() => ac.abort());
      throw error();
    }, ac.signal);
    const e = await p.then(
      () => null,
      (x: unknown) => x,
    );
    expect(isAbort(e, ac.signal)).toBe(true);
    expect(attempts).toBe(1);
  });

  it('a request in flight is dropped when the signal fires (a client that takes no signal)', async () => {
    const ac = new AbortController();
    const never = new Promise<string>(() => {});
    const p = raceAbort(never, ac.signal);
    ac.abort();
    await expect(p).rejects.toSatisfy((e: unknown) => isAbort(e, ac.signal));
    await expect(raceAbort(Promise.resolve('answer'), new AbortController().signal)).resolves.toBe('answer');
  });

  it('a wait for a rate-limit token ends at once', async () => {
    const rate = new RateLimiter(0.001, 1);
    await rate.take();
    const ac = new AbortController();
    const p = rate.take(ac.signal);
    ac.abort();
    await p;
    expect(rate.taken).toBe(1);
  });
});

describe("staging's content hash stops at the run's cancel", () => {
  const big = (): string => {
    const dir = mkdtempSync(path.join(tmpdir(), 'evalgate-hash-'));
    const file = path.join(dir, 'model.safetensors');
    writeFileSync(file, '');
    truncateSync(file, 512 * 1024 * 1024); // sparse: 128 pieces of 4 MiB, none on disk
    return file;
  };
  it('a file: the hash rejects with the abort between two pieces, before reading the rest', async () => {
    const file = big();
    const ac = new AbortController();
    const p = fileSha256(file, ac.signal);
    setImmediate(() => ac.abort());
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    rmSync(path.dirname(file), { recursive: true, force: true });
  });
  it('a folder and an already cancelled run: nothing is read', async () => {
    const file = big();
    const ac = new AbortController();
    ac.abort();
    await expect(contentHash(path.dirname(file), ac.signal)).rejects.toMatchObject({ name: 'AbortError' });
    // the local platform stages with it too
    const local = new LocalPlatform({ cwd: path.dirname(file), workDir: path.dirname(file) });
    await expect(local.stage(file, 'model', ac.signal)).rejects.toMatchObject({ name: 'AbortError' });
    // and the code snapshot the cloud platforms upload
    await expect(codeSnapshot(path.dirname(file), ['.'], 'volc.code', ac.signal)).rejects.toMatchObject({ name: 'AbortError' });
    rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
