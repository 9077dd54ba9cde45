/**
 * `evalgate bench http`: flags -> a load run (load.ts) -> `latency_p99` (with `hdr_histogram`) and
 * `throughput_rps`, exactly mergeable over shards (SPEC §2, §7).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { EvalgateError, ExitCode, type Problem } from '../core/problem.js';
import type { Runtime } from '../runtime.js';
import { RESERVED_HEADERS } from './http1.js';
import { runLoad, type LoadResult } from './load.js';
import { durationFlag, ensureDir, ensureNew, indicatorFileName, numberFlag, parseShard, writeIndicatorFiles } from './output.js';

export interface BenchHttpFlags {
  url?: string;
  rate?: string;
  concurrency?: string;
  connections?: string;
  duration?: string;
  warmup?: string;
  shard?: string;
  method?: string;
  header?: string[];
  bodyFile?: string;
  timeout?: string;
  out?: string;
  model?: string;
  dataset?: string;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Checks every flag and lists every problem, before any request is sent. */
async function parseFlags(f: BenchHttpFlags, cwd: string) {
  const problems: Problem[] = [];
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof EvalgateError) problems.push(...e.problems);
      else throw e;
      return undefined;
    }
  };
  let url: URL | undefined;
  if (f.url === undefined) problems.push({ file: '--url', expected: 'the URL to load (http://host:port/path)', found: 'nothing' });
  else {
    try {
      url = new URL(f.url);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
    } catch {
      problems.push({ file: '--url', expected: 'an http:// or https:// URL', found: JSON.stringify(f.url) });
      url = undefined;
    }
  }
  if ((f.rate === undefined) === (f.concurrency === undefined)) {
    problems.push({
      file: '--rate/--concurrency',
      expected: 'exactly one of --rate R (fixed rate, requests per second) and --concurrency C (closed loop)',
      found: f.rate === undefined ? 'neither' : 'both',
    });
  }
  const rate = attempt(() => numberFlag('--rate', f.rate, { min: 0, gt: true, max: 10_000_000 }));
  const concurrency = attempt(() => numberFlag('--concurrency', f.concurrency, { min: 1, max: 10_000, int: true }));
  const connections = attempt(() => numberFlag('--connections', f.connections, { min: 1, max: 10_000, int: true }));
  if (connections !== undefined && f.rate === undefined) {
    problems.push({
      file: '--connections',
      expected: 'only with --rate (with --concurrency, the concurrency is the connection count)',
      found: f.connections!,
    });
  }
  const durationS = attempt(() => durationFlag('--duration', f.duration, 0.1));
  if (f.duration === undefined) problems.push({ file: '--duration', expected: 'how long to measure (10, 10s, 2m)', found: 'nothing' });
  const warmupS = attempt(() => durationFlag('--warmup', f.warmup ?? '0', 0)) ?? 0;
  const timeoutS = attempt(() => durationFlag('--timeout', f.timeout ?? '30', 0.001)) ?? 30;
  const shard = attempt(() => parseShard(f.shard));
  const method = (f.method ?? 'GET').toUpperCase();
  if (!/^[A-Z]+$/.test(method))
    problems.push({ file: '--method', expected: 'an HTTP method (GET, POST, …)', found: JSON.stringify(f.method) });
  const headers: Record<string, string> = {};
  for (const h of f.header ?? []) {
    const m = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):\s*(.*)$/.exec(h);
    if (!m) problems.push({ file: '--header', expected: '"Name: value"', found: JSON.stringify(h) });
    else if (RESERVED_HEADERS.includes(m[1]!.toLowerCase()))
      problems.push({
        file: '--header',
        expected: `a header other than ${RESERVED_HEADERS.join(', ')} (the connection sets those itself)`,
        found: JSON.stringify(h),
      });
    else if (/[\0-\x08\x0a-\x1f\x7f]/.test(m[2]!))
      problems.push({ file: '--header', expected: 'a value with no control character (CR, LF, NUL)', found: JSON.stringify(h) });
    else headers[m[1]!.toLowerCase()] = m[2]!.trimEnd();
  }
  let body: Buffer | undefined;
  if (f.bodyFile !== undefined) {
    try {
      body = await fs.readFile(path.resolve(cwd, f.bodyFile));
    } catch (e) {
      problems.push({
        file: f.bodyFile,
        path: '--body-file',
        expected: 'a readable file',
        found: (e as NodeJS.ErrnoException).code ?? String(e),
      });
    }
  }
  if (problems.length) throw new EvalgateError(problems);
  return {
    url: url!,
    rate,
    connections: rate !== undefined ? (connections ?? 10) : concurrency!,
    durationS: durationS!,
    warmupS,
    timeoutS,
    shard,
    method,
    headers,
    body,
    out: path.resolve(cwd, f.out ?? '.'),
    model: f.model,
    dataset: f.dataset,
  };
}

/** The target as written into the files: no credentials, no query string (it may carry tokens). */
const target = (u: URL): string => `${u.origin}${u.pathname}`;

export function indicatorsOf(
  r: LoadResult,
  o: Awaited<ReturnType<typeof parseFlags>>,
): { latency: Record<string, unknown>; throughput: Record<string, unknown> } {
  const h = r.latency;
  const ms = (p: number, hist = h): number => hist.valueAtPercentile(p) / 1000;
  const st = r.status;
  const responses = st['1xx'] + st['2xx'] + st['3xx'] + st['4xx'] + st['5xx'];
  const errors = st['4xx'] + st['5xx'] + r.transportErrors;
  const common = {
    mode: o.rate !== undefined ? 'fixed_rate' : 'closed_loop',
    target: target(o.url),
    method: o.method,
    ...(o.model !== undefined ? { model: o.model } : {}),
    ...(o.dataset !== undefined ? { dataset: o.dataset } : {}),
    ...(o.shard ? { shard: o.shard } : {}),
    started_at: r.startedAt.toISOString(),
    finished_at: r.finishedAt.toISOString(),
  };
  const latency: Record<string, unknown> = {
    indicator: 'latency_p99',
    p50_ms: ms(50),
    p90_ms: ms(90),
    p99_ms: ms(99),
    max_ms: ms(100),
    requests: h.totalCount,
    ...common,
    ...(o.rate !== undefined ? { corrected: true, target_rate: o.rate } : {}),
    ...(r.uncorrected
      ? {
          uncorrected: {
            p50_ms: ms(50, r.uncorrected),
            p90_ms: ms(90, r.uncorrected),
            p99_ms: ms(99, r.uncorrected),
            max_ms: ms(100, r.uncorrected),
          },
        }
      : {}),
    hdr_unit: 'us',
    hdr_histogram: h.encode(),
  };
  const throughput: Record<string, unknown> = {
    indicator: 'throughput_rps',
    rps: round3(responses / r.elapsedS),
    concurrency: o.connections,
    duration_s: round3(r.elapsedS),
    requests: responses + r.transportErrors,
    errors,
    status: st,
    transport_errors: r.transportErrors,
    ...(o.rate !== undefined ? { target_rate: o.rate, unsent: r.unsent } : {}),
    warmup_s: o.warmupS,
    ...common,
  };
  return { latency, throughput };
}

export async function benchHttp(flags: BenchHttpFlags, rt: Runtime, signal?: AbortSignal): Promise<ExitCode> {
  const o = await parseFlags(flags, rt.cwd);
  const files = {
    latency: path.join(o.out, indicatorFileName('latency_p99', o.shard)),
    throughput: path.join(o.out, indicatorFileName('throughput_rps', o.shard)),
  };
  await ensureNew([files.latency, files.throughput]);
  await ensureDir(o.out);
  const tty = rt.isTTY === true;
  const draw = tty ? (rt.terminal ?? rt.stdout) : null;
  const r = await runLoad({
    ...o,
    signal,
    onProgress: draw
      ? (p) =>
          draw(
            `\r\x1b[K  ${p.elapsedS.toFixed(0)}/${o.durationS} s  ${p.requests} requests  ${(p.requests / Math.max(p.elapsedS, 0.001)).toFixed(0)} req/s  ${p.errors} errors`,
          )
      : undefined,
  });
  if (draw) draw('\r\x1b[K');
  if (signal?.aborted) {
    rt.stderr('evalgate bench http: interrupted; no file written\n');
    return ExitCode.PlatformFailure;
  }
  if (r.latency.totalCount === 0) {
    throw new EvalgateError(
      [
        {
          file: '--url',
          expected: `at least one response from ${target(o.url)}`,
          found: r.transportErrors
            ? `${r.transportErrors} transport errors (${r.transportErrorSamples.join('; ')})`
            : 'no request completed in the window',
        },
      ],
      ExitCode.PlatformFailure,
    );
  }
  const { latency, throughput } = indicatorsOf(r, o);
  await writeIndicatorFiles([
    { file: files.latency, value: latency },
    { file: files.throughput, value: throughput },
  ]);
  const st = r.status;
  rt.stdout(
    `${throughput.requests} requests in ${throughput.duration_s} s over ${o.connections} connection${o.connections === 1 ? '' : 's'}: ${throughput.rps} req/s` +
      `${o.rate !== undefined ? ` (target ${o.rate})` : ''}; p50 ${latency.p50_ms} ms, p90 ${latency.p90_ms} ms, p99 ${latency.p99_ms} ms, max ${latency.max_ms} ms\n` +
      `status 2xx ${st['2xx']}, 3xx ${st['3xx']}, 4xx ${st['4xx']}, 5xx ${st['5xx']}; transport errors ${r.transportErrors}` +
      `${r.transportErrorSamples.length ? ` (${r.transportErrorSamples.join('; ')})` : ''}\n` +
      (r.unsent ? `warning: ${r.unsent} requests due in the window were not sent (too few --connections for the rate and latency)\n` : '') +
      `wrote ${files.latency}\nwrote ${files.throughput}\n`,
  );
  return ExitCode.Ok;
}
