/**
 * report.prom pushed to the real Prometheus Pushgateway (the Debian package), read back through its
 * /metrics and /api/v1/metrics; tiny local servers for what the real gateway cannot show here
 * (basic auth, a path prefix, 5xx, 429 with Retry-After, a gateway that never answers).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { runGate } from '../src/engine.js';
import { resolveSettings } from '../src/config/settings.js';
import { renderProm } from '../src/core/report/prom.js';
import type { Report } from '../src/core/report/report.js';
import { groupingPath, parseRetryAfter, PROM_CONTENT_TYPE, pushMetrics, type PushOptions } from '../src/pushgateway.js';
import { SEED, captureRuntime, writeFiles } from './helpers.js';
import { startPushgateway, type RunningPushgateway } from './fakes/pushgateway.js';

const cli = { flag: (n: string) => `--${n}`, defaultBaseline: 'none' as const };
const b64 = (s: string): string => Buffer.from(s).toString('base64url');

async function gateReport(files: Record<string, unknown> = SEED, indicators?: string): Promise<Report> {
  const { settings, problems } = resolveSettings({ results: 'results', ...(indicators ? { indicators } : {}) }, cli);
  expect(problems).toEqual([]);
  return (await runGate(settings, captureRuntime(writeFiles(files)))).report;
}

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: string;
}

function samples(text: string): Sample[] {
  const families = parsePrometheusTextFormat(text) as { name: string; metrics: { labels?: Record<string, string>; value?: string }[] }[];
  return families.flatMap((f) => f.metrics.map((m) => ({ name: f.name, labels: m.labels ?? {}, value: m.value ?? '' })));
}

/** name{labels} -> value, without the labels in `drop` */
function byKey(list: Sample[], drop: string[] = []): Map<string, string> {
  const key = (s: Sample): string =>
    `${s.name}{${Object.entries(s.labels)
      .filter(([k]) => !drop.includes(k))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(',')}}`;
  return new Map(list.map((s) => [key(s), s.value]));
}

/** The evalgate_* samples of one group (job evalgate unless said otherwise) in the gateway's /metrics. */
async function scrape(pgw: RunningPushgateway, key: Record<string, string>): Promise<Sample[]> {
  const group: Record<string, string> = { job: 'evalgate', ...key };
  const res = await fetch(`${pgw.url}/metrics`);
  expect(res.status).toBe(200);
  const all = samples(await res.text());
  const inGroup = (s: Sample): boolean =>
    s.name.startsWith('evalgate_') &&
    Object.entries(group).every(([k, v]) => s.labels[k] === v) &&
    // no label of the grouping key beyond those asked for (a group without ref is another group)
    ['job', 'gate', 'ref'].every((k) => k in group || !(k in s.labels));
  return all.filter(inGroup);
}

interface ApiGroup {
  labels: Record<string, string>;
  last_push_successful: boolean;
  [metric: string]: unknown;
}

async function groups(pgw: RunningPushgateway): Promise<ApiGroup[]> {
  const res = await fetch(`${pgw.url}/api/v1/metrics`);
  expect(res.status).toBe(200);
  const json = (await res.json()) as { status: string; data: ApiGroup[] };
  expect(json.status).toBe('success');
  return json.data;
}

const noWait: Pick<PushOptions, 'sleep'> = { sleep: async () => {} };

describe('groupingPath', () => {
  it.each<[string, [string, string][], string]>([
    [
      'plain values',
      [
        ['job', 'evalgate'],
        ['gate', 'ci'],
      ],
      '/metrics/job/evalgate/gate/ci',
    ],
    [
      'the README example: a value with slashes',
      [
        ['job', 'evalgate'],
        ['gate', 'ci'],
        ['ref', 'refs/heads/main'],
      ],
      '/metrics/job/evalgate/gate/ci/ref@base64/cmVmcy9oZWFkcy9tYWlu',
    ],
    [
      'a pull request ref',
      [
        ['job', 'evalgate'],
        ['ref', 'refs/pull/12/merge'],
      ],
      `/metrics/job/evalgate/ref@base64/${b64('refs/pull/12/merge')}`,
    ],
    [
      'the empty value',
      [
        ['job', 'evalgate'],
        ['ref', ''],
      ],
      '/metrics/job/evalgate/ref@base64/=',
    ],
    [
      'dots, dashes, underscores stay plain',
      [
        ['job', 'evalgate'],
        ['gate', 'v1.2_rc-3'],
      ],
      '/metrics/job/evalgate/gate/v1.2_rc-3',
    ],
    [
      '"." and ".." (URL dot segments)',
      [
        ['job', 'evalgate'],
        ['a', '.'],
        ['b', '..'],
      ],
      '/metrics/job/evalgate/a@base64/Lg/b@base64/Li4',
    ],
    [
      'space, percent, at sign',
      [
        ['job', 'evalgate'],
        ['gate', 'a b%40@c'],
      ],
      `/metrics/job/evalgate/gate@base64/${b64('a b%40@c')}`,
    ],
    [
      'base64url, not base64 (no + or /)',
      [
        ['job', 'evalgate'],
        ['x', '>>>?'],
      ],
      '/metrics/job/evalgate/x@base64/Pj4-Pw',
    ],
    [
      'UTF-8',
      [
        ['job', 'evalgate'],
        ['gate', 'prüfung'],
      ],
      `/metrics/job/evalgate/gate@base64/${b64('prüfung')}`,
    ],
    ['a job that needs base64', [['job', 'a/b']], '/metrics/job@base64/YS9i'],
  ])('%s', (_name, labels, want) => {
    expect(groupingPath(labels)).toBe(want);
  });

  it.each<[string, [string, string][], RegExp]>([
    ['no job first', [['gate', 'ci']], /expected "job" as the first label, got "gate"/],
    ['nothing', [], /expected "job" as the first label, got null/],
    ['an empty job', [['job', '']], /expected a non-empty job name/],
    [
      'a bad label name',
      [
        ['job', 'x'],
        ['my-label', 'v'],
      ],
      /expected a label name .* got "my-label"/,
    ],
    [
      'a reserved label name',
      [
        ['job', 'x'],
        ['__name__', 'v'],
      ],
      /not starting with "__"/,
    ],
    [
      'a label twice',
      [
        ['job', 'x'],
        ['gate', 'a'],
        ['gate', 'b'],
      ],
      /label "gate" is given twice/,
    ],
  ])('rejects %s', (_name, labels, want) => {
    expect(() => groupingPath(labels)).toThrow(want);
  });
});

describe('pushMetrics: the URL is checked before anything is sent', () => {
  it.each<[string, RegExp]>([
    ['localhost:9091', /^pushgateway "localhost:9091": expected an http:\/\/ or https:\/\/ URL .* got the scheme "localhost"$/],
    ['ftp://pgw.example.com', /^pushgateway "ftp:\/\/pgw.example.com": expected an http:\/\/ or https:\/\/ URL/],
    ['not a url', /^pushgateway "not a url": not a URL; expected the gateway's base URL, such as "http:\/\/localhost:9091"/],
    ['', /^pushgateway "": not a URL/],
    ['http://pgw:9091/metrics/job/evalgate', /expected the gateway's base URL, not a grouping URL/],
    ['http://pgw:9091/?token=s3cret', /^pushgateway "http:\/\/pgw:9091\/": expected no query string or fragment/],
    ['https://alice:s3cret@pgw/x#s3cret', /^pushgateway "https:\/\/pgw\/x": expected no query string or fragment/],
    ['ftp://alice:s3cret@pgw', /^pushgateway "ftp:\/\/\*\*\*@pgw": expected an http:\/\/ or https:\/\/ URL/],
    ['http://alice:s3cret@[::1', /^pushgateway "http:\/\/\*\*\*@\[::1": not a URL/],
  ])('%j', async (url, want) => {
    let calls = 0;
    const report = await gateReport();
    const err = await pushMetrics(url, report, { gate: 'ci', ref: null, fetch: async () => (calls++, new Response('')) }).catch(
      (e: Error) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(want);
    expect((err as Error).message).not.toContain('s3cret');
    expect(calls).toBe(0);
  });
});

describe('pushMetrics against the real Pushgateway', () => {
  let pgw: RunningPushgateway;
  beforeAll(async () => {
    pgw = await startPushgateway();
  });
  afterAll(async () => {
    await pgw?.stop();
  });

  it('pushes every sample of report.prom, labelled by job, gate and ref (a ref with slashes)', async () => {
    const report = await gateReport();
    const text = renderProm(report);
    // the text is valid exposition format: it parses, and every sample carries the gate label
    const pushed = samples(text);
    expect(pushed.length).toBeGreaterThan(20);
    for (const s of pushed) expect(s.labels.gate).toBe('evalgate');

    const ref = 'refs/pull/12/merge';
    const result = await pushMetrics(`${pgw.url}/`, report, { gate: 'ci', ref });
    expect(result.url).toBe(`${pgw.url}/metrics/job/evalgate/gate/ci/ref@base64/${b64(ref)}`);

    const got = await scrape(pgw, { job: 'evalgate', gate: 'ci', ref });
    for (const s of got) expect(s.labels).toMatchObject({ job: 'evalgate', gate: 'ci', ref, instance: '' });
    // the same samples with the same values; the grouping key's gate overrides the body's
    expect(byKey(got, ['job', 'gate', 'ref', 'instance'])).toEqual(byKey(pushed, ['gate']));
    const value = (labels: Record<string, string>): number =>
      Number(got.find((s) => s.name === 'evalgate_indicator_value' && Object.entries(labels).every(([k, v]) => s.labels[k] === v))!.value);
    expect(value({ indicator: 'accuracy_f1', field: 'f1' })).toBe(0.8);
    expect(value({ indicator: 'latency_p99', field: 'p99_ms' })).toBe(120);
    expect(got.find((s) => s.name === 'evalgate_verdict' && s.labels.verdict === 'pass')!.value).toBe('1');

    const group = (await groups(pgw)).find((g) => g.labels.gate === 'ci' && g.labels.ref === ref)!;
    expect(group.labels).toEqual({ job: 'evalgate', gate: 'ci', ref });
    expect(group.last_push_successful).toBe(true);
    expect(group.evalgate_verdict).toMatchObject({ type: 'GAUGE', help: expect.stringContaining('verdict') });
  });

  it('the OpenMetrics text of report.prom (with "# EOF") is also text format 0.0.4 to the real Pushgateway', async () => {
    const text = renderProm(await gateReport());
    expect(text.endsWith('\n# EOF\n')).toBe(true);
    const res = await fetch(`${pgw.url}/metrics/job/evalgate/gate/eof`, {
      method: 'PUT',
      headers: { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' },
      body: text,
    });
    expect(res.status, await res.text()).toBeLessThan(300);
    const got = await scrape(pgw, { job: 'evalgate', gate: 'eof' });
    expect(byKey(got, ['job', 'gate', 'instance'])).toEqual(byKey(samples(text), ['gate']));
  });

  it('a second push replaces the group (PUT): a metric it does not carry is gone', async () => {
    const ref = 'refs/heads/main';
    await pushMetrics(pgw.url, await gateReport(), { gate: 'replace', ref });
    const before = await scrape(pgw, { gate: 'replace', ref });
    expect(before.some((s) => s.labels.indicator === 'latency_p99')).toBe(true);
    expect(before.some((s) => s.name === 'evalgate_rule_status')).toBe(true);

    // a custom indicator with no rule: no evalgate_rule_status family at all (a POST would keep the old one)
    const customOnly = await gateReport({ 'results/bleu.json': { indicator: 'bleu', score: 0.31 } }, 'bleu');
    expect(customOnly.rules).toEqual([]);
    await pushMetrics(pgw.url, customOnly, { gate: 'replace', ref });
    const after = await scrape(pgw, { gate: 'replace', ref });
    expect(after.some((s) => s.name === 'evalgate_rule_status')).toBe(false);
    expect(after.some((s) => s.labels.indicator === 'latency_p99')).toBe(false);
    expect(after.find((s) => s.name === 'evalgate_indicator_value')).toMatchObject({
      labels: { indicator: 'bleu', field: 'score' },
      value: '0.31',
    });
    expect(byKey(after, ['job', 'gate', 'ref', 'instance'])).toEqual(byKey(samples(renderProm(customOnly)), ['gate']));
  });

  it('two gates (and a push without ref) are separate groups', async () => {
    const ref = 'refs/heads/release/1.0';
    const seed = await gateReport();
    const accuracyOnly = await gateReport(
      { 'results/acc.json': { indicator: 'accuracy_f1', precision: 0.5, recall: 0.5, f1: 0.5, samples: 10 } },
      'accuracy_f1',
    );
    await pushMetrics(pgw.url, seed, { gate: 'gate-a', ref });
    await pushMetrics(pgw.url, accuracyOnly, { gate: 'gate-b', ref });
    const noRef = await pushMetrics(pgw.url, accuracyOnly, { gate: 'gate-a', ref: null });
    expect(noRef.url).toBe(`${pgw.url}/metrics/job/evalgate/gate/gate-a`);

    const f1 = async (group: Record<string, string>) =>
      (await scrape(pgw, group)).find((s) => s.name === 'evalgate_indicator_value' && s.labels.field === 'f1')?.value;
    expect(await f1({ job: 'evalgate', gate: 'gate-a', ref })).toBe('0.8');
    expect(await f1({ job: 'evalgate', gate: 'gate-b', ref })).toBe('0.5');
    expect(await f1({ job: 'evalgate', gate: 'gate-a' })).toBe('0.5');
    expect((await scrape(pgw, { gate: 'gate-a', ref })).some((s) => s.labels.indicator === 'latency_p99')).toBe(true);

    const labels = (await groups(pgw)).map((g) => g.labels).filter((l) => l.gate?.startsWith('gate-'));
    expect(labels).toEqual(
      expect.arrayContaining([
        { job: 'evalgate', gate: 'gate-a', ref },
        { job: 'evalgate', gate: 'gate-b', ref },
        { job: 'evalgate', gate: 'gate-a' },
      ]),
    );
    expect(labels).toHaveLength(3);
  });

  it("surfaces the gateway's 400 at once, with its own text (a type conflict with another group)", async () => {
    // a fresh gateway, so the conflicting group cannot disturb the other tests
    const other = await startPushgateway();
    try {
      const conflict = await fetch(`${other.url}/metrics/job/someone-else`, {
        method: 'PUT',
        headers: { 'Content-Type': PROM_CONTENT_TYPE },
        body: '# TYPE evalgate_problems counter\nevalgate_problems 3\n',
      });
      expect(conflict.status).toBe(200);

      let calls = 0;
      const counting: typeof fetch = (input, init) => (calls++, fetch(input, init));
      const err = await pushMetrics(`${other.url}`, await gateReport(), {
        gate: 'ci',
        ref: 'refs/heads/main',
        fetch: counting,
        ...noWait,
      }).catch((e: Error) => e);
      expect((err as Error).message).toMatch(
        new RegExp(
          `^pushgateway ${other.url.replace(/\./g, '\\.')}: 400 Bad Request: pushed metrics are invalid or inconsistent with existing metrics: .*evalgate_problems`,
        ),
      );
      expect((err as Error).message).not.toContain('\n');
      expect(calls).toBe(1);
      // the gateway records the failed push: the group exists with only push_failure_time_seconds set
      const group = (await groups(other)).find((g) => g.labels.gate === 'ci');
      expect(group).toMatchObject({ labels: { job: 'evalgate', gate: 'ci', ref: 'refs/heads/main' }, last_push_successful: false });
      expect(group).not.toHaveProperty('evalgate_verdict');
    } finally {
      await other.stop();
    }
  });

  it('a gateway that is not running: a network error, retried, then reported', async () => {
    const gone = await startPushgateway();
    await gone.stop();
    let calls = 0;
    const counting: typeof fetch = (input, init) => (calls++, fetch(input, init));
    const err = await pushMetrics(gone.url, await gateReport(), { gate: 'ci', ref: null, fetch: counting, ...noWait }).catch(
      (e: Error) => e,
    );
    expect((err as Error).message).toMatch(
      new RegExp(`^pushgateway ${gone.url.replace(/\./g, '\\.')}: network error: .*ECONNREFUSED.* \\(gave up after 4 attempts\\)$`),
    );
    expect(calls).toBe(4);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// tiny local servers

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}
type Reply = { status: number; headers?: Record<string, string>; body?: string } | 'hang';

async function localServer(reply: (n: number, req: Seen) => Reply): Promise<{ url: string; seen: Seen[]; close: () => Promise<void> }> {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s: Seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      seen.push(s);
      const r = reply(seen.length, s);
      if (r === 'hang') return;
      res.writeHead(r.status, { 'Content-Type': 'text/plain; charset=utf-8', ...r.headers });
      res.end(r.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('pushMetrics against local servers', () => {
  let report: Report;
  beforeAll(async () => {
    report = await gateReport();
  });

  it('sends URL credentials as basic auth, keeps a path prefix, and never shows the credentials', async () => {
    const srv = await localServer((n) =>
      n === 1 ? { status: 200 } : { status: 401, body: 'bad credentials for alice (password s3cr:et)\n' },
    );
    try {
      const base = srv.url.replace('http://', 'http://alice:s3cr%3Aet@') + '/prefix/';
      const ok = await pushMetrics(base, report, { gate: 'ci', ref: 'refs/heads/main' });
      expect(ok.url).toBe(`${srv.url}/prefix/metrics/job/evalgate/gate/ci/ref@base64/cmVmcy9oZWFkcy9tYWlu`);
      const [req] = srv.seen;
      expect(req).toMatchObject({ method: 'PUT', url: '/prefix/metrics/job/evalgate/gate/ci/ref@base64/cmVmcy9oZWFkcy9tYWlu' });
      expect(req!.headers.authorization).toBe(`Basic ${Buffer.from('alice:s3cr:et').toString('base64')}`);
      expect(req!.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
      // the 0.0.4 text of the Content-Type: report.prom without OpenMetrics' closing "# EOF"
      expect(req!.body).toBe(renderProm(report, { eof: false }));
      expect(renderProm(report)).toBe(`${req!.body}# EOF\n`);
      expect(req!.body.endsWith('\n')).toBe(true);

      // a 401 is not retried, and the credentials are blanked even where the server echoes them
      const err = (await pushMetrics(base, report, { gate: 'ci', ref: null, ...noWait }).catch((e: Error) => e)) as Error;
      expect(err.message).toBe(`pushgateway ${srv.url}/prefix: 401 Unauthorized: bad credentials for *** (password ***)`);
      expect(srv.seen).toHaveLength(2);
      for (const secret of ['alice', 's3cr', 's3cr%3Aet']) expect(err.message + String(err.cause ?? '')).not.toContain(secret);
    } finally {
      await srv.close();
    }
  });

  it('credentials never appear in a network error either', async () => {
    const srv = await localServer(() => ({ status: 200 }));
    await srv.close();
    const base = srv.url.replace('http://', 'http://alice:s3cret@');
    const err = (await pushMetrics(base, report, { gate: 'ci', ref: null, attempts: 2, ...noWait }).catch((e: Error) => e)) as Error;
    expect(err.message).toMatch(/^pushgateway http:\/\/127\.0\.0\.1:\d+: network error: .* \(gave up after 2 attempts\)$/);
    expect(err.message).not.toMatch(/alice|s3cret/);
  });

  it('retries a 503 with backoff and jitter, and succeeds on the 3rd attempt', async () => {
    const srv = await localServer((n) => (n < 3 ? { status: 503, body: 'upstream down' } : { status: 200 }));
    try {
      const delays: number[] = [];
      const res = await pushMetrics(srv.url, report, {
        gate: 'ci',
        ref: null,
        sleep: async (ms) => void delays.push(ms),
        random: () => 0.5,
      });
      expect(res.url).toBe(`${srv.url}/metrics/job/evalgate/gate/ci`);
      expect(srv.seen).toHaveLength(3);
      // 500 ms then 1 s, each half fixed and half jitter (random 0.5 -> three quarters)
      expect(delays).toEqual([375, 750]);
      expect(new Set(srv.seen.map((s) => s.body)).size).toBe(1);
    } finally {
      await srv.close();
    }
  });

  it('the jitter stays within half to all of the backoff, capped', async () => {
    for (const random of [() => 0, () => 0.999]) {
      const srv = await localServer(() => ({ status: 502 }));
      try {
        const delays: number[] = [];
        await pushMetrics(srv.url, report, {
          gate: 'ci',
          ref: null,
          attempts: 6,
          maxDelayMs: 4_000,
          random,
          sleep: async (ms) => void delays.push(ms),
        }).catch(() => {});
        const full = [500, 1000, 2000, 4000, 4000];
        delays.forEach((d, i) => {
          expect(d).toBeGreaterThanOrEqual(full[i]! / 2);
          expect(d).toBeLessThanOrEqual(full[i]!);
        });
        expect(delays).toHaveLength(5);
      } finally {
        await srv.close();
      }
    }
  });

  it('honours Retry-After on a 429', async () => {
    const srv = await localServer((n) => (n === 1 ? { status: 429, headers: { 'Retry-After': '3' }, body: 'slow down' } : { status: 200 }));
    try {
      const delays: number[] = [];
      await pushMetrics(srv.url, report, { gate: 'ci', ref: null, sleep: async (ms) => void delays.push(ms) });
      expect(delays).toEqual([3000]);
    } finally {
      await srv.close();
    }
  });

  it('gives up after the last attempt with the last status and text', async () => {
    const srv = await localServer(() => ({ status: 500, body: 'storage\nbroken  ' }));
    try {
      const err = (await pushMetrics(srv.url, report, { gate: 'ci', ref: null, ...noWait }).catch((e: Error) => e)) as Error;
      expect(err.message).toBe(`pushgateway ${srv.url}: 500 Internal Server Error: storage broken (gave up after 4 attempts)`);
      expect(srv.seen).toHaveLength(4);
    } finally {
      await srv.close();
    }
  });

  it("reports a 404 at once, the gateway's text cut to a sane length", async () => {
    const srv = await localServer(() => ({ status: 404, body: 'x'.repeat(5000) }));
    try {
      const err = (await pushMetrics(srv.url, report, { gate: 'ci', ref: null, ...noWait }).catch((e: Error) => e)) as Error;
      expect(err.message).toMatch(new RegExp(`^pushgateway ${srv.url.replace(/\./g, '\\.')}: 404 Not Found: x{499}…$`));
      expect(srv.seen).toHaveLength(1);
    } finally {
      await srv.close();
    }
  });

  it('times out an attempt that gets no answer, and retries it', async () => {
    const srv = await localServer(() => 'hang');
    try {
      const err = (await pushMetrics(srv.url, report, { gate: 'ci', ref: null, attempts: 2, timeoutMs: 100, ...noWait }).catch(
        (e: Error) => e,
      )) as Error;
      expect(err.message).toBe(`pushgateway ${srv.url}: no response within 100 ms (gave up after 2 attempts)`);
      expect(srv.seen).toHaveLength(2);
    } finally {
      await srv.close();
    }
  });

  it('stops waiting between attempts when cancelled', async () => {
    const controller = new AbortController();
    const srv = await localServer(() => {
      setTimeout(() => controller.abort(), 20);
      return { status: 503 };
    });
    try {
      const started = Date.now();
      // the real sleep, with a 10 s backoff: only the abort ends it early
      const err = (await pushMetrics(srv.url, report, { gate: 'ci', ref: null, retryDelayMs: 20_000, signal: controller.signal }).catch(
        (e: Error) => e,
      )) as Error;
      expect(err.message).toBe(`pushgateway ${srv.url}: cancelled`);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(srv.seen).toHaveLength(1);
      // already cancelled: nothing is sent
      await expect(pushMetrics(srv.url, report, { gate: 'ci', ref: null, signal: controller.signal })).rejects.toThrow(/: cancelled$/);
      expect(srv.seen).toHaveLength(1);
    } finally {
      await srv.close();
    }
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-25T12:00:00Z');
  it.each<[string | null, number | null]>([
    [null, null],
    ['', null],
    ['7', 7000],
    [' 0 ', 0],
    ['Wed, 25 Nov 2026 12:00:05 GMT', 5000],
    ['Wed, 25 Nov 2026 11:00:00 GMT', 0],
    ['soon', null],
  ])('%j -> %j', (value, want) => {
    expect(parseRetryAfter(value, now)).toBe(want);
  });
});
