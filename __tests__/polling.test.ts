/**
 * Polling many jobs (SPEC §8: one throttled job never delays the status of the others; issue #18
 * items 2 and 5): every job is polled on its own with a bound on calls in flight, and a status read
 * that fails is tried again on the next poll instead of ending the run. Runs runJobs against a
 * scripted platform whose status calls can hang, fail or succeed on cue.
 */
import { describe, expect, it } from 'vitest';
import type { PlannedJob } from '../src/core/plan.js';
import type { JobHandle, JobStatus, Platform } from '../src/platforms/platform.js';
import { POLL_CONCURRENCY, runJobs, semaphore, STATUS_READ_LIMIT } from '../src/run.js';
import { captureRuntime } from './helpers.js';

const job = (name: string): PlannedJob => ({
  key: 'toxicity',
  indicators: ['toxicity'],
  shard: { index: 0, count: 1 },
  name,
  command: 'true',
  env: {},
  timeoutMinutes: 10,
  resources: {},
});

type Script = (call: number) => Promise<JobStatus>;
const ok = (state: JobStatus['state']): JobStatus => ({ state, platformStatus: state });

function scripted(scripts: Record<string, Script>) {
  const calls: Record<string, number[]> = {};
  let inFlight = 0;
  let maxInFlight = 0;
  const platform: Platform = {
    name: 'scripted',
    pollIntervalMs: 10,
    maxPollIntervalMs: 20,
    locate: () => ({ model: '', data: '', out: '' }),
    stage: async (p) => p,
    submit: async (j) => ({ job: j, id: j.name }),
    async status(h: JobHandle) {
      const list = (calls[h.id] ??= []);
      list.push(Date.now());
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        return await scripts[h.id]!(list.length);
      } finally {
        inFlight--;
      }
    },
    logs: async () => '',
    collect: async () => [],
    cancel: async () => {},
  };
  return { platform, calls, maxInFlight: () => maxInFlight };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('polling', () => {
  it('a status call that hangs (a throttled call backing off) does not delay the others: they finish meanwhile', async () => {
    const { platform, calls } = scripted({
      slow: async (n) => (n === 1 ? (await sleep(1500), ok('running')) : ok('succeeded')),
      a: async (n) => ok(n < 4 ? 'running' : 'succeeded'),
      b: async (n) => ok(n < 6 ? 'running' : 'succeeded'),
    });
    const rt = captureRuntime('/tmp');
    const started = Date.now();
    const out = await runJobs(platform, [job('slow'), job('a'), job('b')], rt);
    expect(out.map((o) => o.status.state)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    // a and b were polled to their end while slow's first call was still out
    expect(calls.a!.at(-1)! - started).toBeLessThan(1500);
    expect(calls.b!.at(-1)! - started).toBeLessThan(1500);
    expect(calls.slow).toHaveLength(2);
  });

  it(`at most ${POLL_CONCURRENCY} status calls are in flight, however many jobs`, async () => {
    const scripts: Record<string, Script> = {};
    for (let i = 0; i < 100; i++) scripts[`j${i}`] = async (n) => (await sleep(5), ok(n < 3 ? 'running' : 'succeeded'));
    const s = scripted(scripts);
    const out = await runJobs(s.platform, Object.keys(scripts).map(job), captureRuntime('/tmp'));
    expect(out.every((o) => o.status.state === 'succeeded')).toBe(true);
    expect(s.maxInFlight()).toBe(POLL_CONCURRENCY);
  });

  it('a status read that fails is tried again on the next poll, with one warning; the run goes on', async () => {
    const { platform } = scripted({
      flaky: async (n) => {
        if (n <= 2) throw new Error('503 Service Unavailable after 6 retries');
        return ok(n < 4 ? 'running' : 'succeeded');
      },
      other: async () => ok('succeeded'),
    });
    const rt = captureRuntime('/tmp');
    const out = await runJobs(platform, [job('flaky'), job('other')], rt);
    expect(out.map((o) => o.status.state)).toEqual(['succeeded', 'succeeded']);
    const warnings = rt.err.join('').match(/warning: job flaky: its status could not be read \(503 Service Unavailable after 6 retries\); trying again on the next poll/g);
    expect(warnings).toHaveLength(1);
  });

  it(`${STATUS_READ_LIMIT} failed reads in a row fail the job, naming why; the others are cancelled`, async () => {
    const cancelled: string[] = [];
    const { platform } = scripted({
      broken: async () => {
        throw new Error('AuthorizationFailed');
      },
      other: async () => ok('running'),
    });
    platform.cancel = async (h) => void cancelled.push(h.id);
    const out = await runJobs(platform, [job('broken'), job('other')], captureRuntime('/tmp'));
    expect(out[0]!.status).toMatchObject({
      state: 'failed',
      platformStatus: 'status unreadable',
      message: `its status could not be read ${STATUS_READ_LIMIT} times in a row: AuthorizationFailed`,
    });
    expect(out[1]!.status.state).toBe('cancelled');
    expect(cancelled).toEqual(['other']);
  });

  it('an abort stops every poller at once, even mid-backoff', async () => {
    const s = scripted({ a: async () => ok('running'), b: async () => ok('running') });
    const platform: Platform = { ...s.platform, maxPollIntervalMs: 60_000 };
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 300);
    const started = Date.now();
    const out = await runJobs(platform, [job('a'), job('b')], captureRuntime('/tmp'), { signal: ac.signal });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(out.map((o) => o.status.state)).toEqual(['cancelled', 'cancelled']);
  });

  it('semaphore: never more than its limit at once, every call runs, in order of arrival', async () => {
    const take = semaphore(3);
    let active = 0;
    let peak = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        take(async () => {
          active++;
          peak = Math.max(peak, active);
          order.push(i);
          await sleep(2);
          active--;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});

describe('a stop does not wait for status calls still out', () => {
  it('an abort while a status call backs off (a long Retry-After) cancels every job at once, and the late answer changes nothing', async () => {
    const cancelled: string[] = [];
    const { platform } = scripted({
      throttled: async (n) => (n === 1 ? ok('running') : (await sleep(4000), ok('running'))),
      other: async () => ok('running'),
    });
    platform.cancel = async (h) => void cancelled.push(h.id);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 400);
    const started = Date.now();
    const out = await runJobs(platform, [job('throttled'), job('other')], captureRuntime('/tmp'), { signal: ac.signal });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(cancelled.sort()).toEqual(['other', 'throttled']);
    await sleep(4000);
    expect(out.map((o) => o.status.state)).toEqual(['cancelled', 'cancelled']);
  });
});

describe('a platform with a list call (statusMany)', () => {
  it('reads every job from the list; a job the list leaves out is polled on its own', async () => {
    let listCalls = 0;
    const { platform, calls } = scripted({ a: async () => ok('succeeded'), b: async () => ok('succeeded'), missing: async () => ok('succeeded') });
    platform.statusMany = async (hs) => {
      listCalls++;
      return new Map(hs.filter((h) => h.id !== 'missing').map((h) => [h.id, ok(listCalls < 3 ? 'running' : 'succeeded')]));
    };
    const out = await runJobs(platform, [job('a'), job('b'), job('missing')], captureRuntime('/tmp'));
    expect(out.map((o) => o.status.state)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(listCalls).toBe(3);
    expect(Object.keys(calls)).toEqual(['missing']);
  });

  it(`a list that fails is tried again on the next poll, with one warning; after ${STATUS_READ_LIMIT} in a row its jobs are polled one by one`, async () => {
    const { platform, calls } = scripted({ a: async () => ok('succeeded'), b: async () => ok('succeeded') });
    let listCalls = 0;
    platform.statusMany = async () => {
      listCalls++;
      throw new Error('429 Too Many Requests after 6 retries');
    };
    const rt = captureRuntime('/tmp');
    const out = await runJobs(platform, [job('a'), job('b')], rt);
    expect(out.map((o) => o.status.state)).toEqual(['succeeded', 'succeeded']);
    expect(listCalls).toBe(STATUS_READ_LIMIT);
    expect(Object.keys(calls).sort()).toEqual(['a', 'b']);
    expect(rt.err.join('').match(/the scripted job list could not be read \(429 Too Many Requests after 6 retries\)/g)).toHaveLength(1);
    expect(rt.err.join('')).toContain(`the scripted job list failed ${STATUS_READ_LIMIT} times in a row; polling its 2 job(s) one by one`);
  });
});
