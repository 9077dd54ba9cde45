#!/usr/bin/env node
// latency_p99 and throughput_rps: serves the model over HTTP and loads it for real.
//
//   node examples/demo/eval/serve_and_load.mjs --model M --out O [--duration 3] [--concurrency 8] [--warmup 0.5] [--data D]
//
// A worker thread runs the inference server on 127.0.0.1, on a port the system picks:
//   POST /predict {"text": "..."} -> 200 {"label": "complaint"|"other", "reply": "..."}   (real inference per request)
//   GET /healthz -> 200 ok
// The main thread then runs C keep-alive clients, each sending the held-out messages (D:
// test.jsonl or its folder; by default the demo's own) one request after the other, for the
// warm-up (not recorded) and then for S seconds. Every response is checked (status 200, a JSON body
// with a known label); anything else counts as an error. Each successful request's latency, from
// sending to the end of the response, is recorded in milliseconds (to the microsecond).
//
// Writes O/latency_p99.json (nearest-rank p50/p90/p99: the value at rank ceil(p·N/100) of the
// sorted samples, and every sample in samples_ms) and O/throughput_rps.json (successful responses
// per second of the measured window). Then closes the server and exits. Loopback only; the whole
// run is bounded by the warm-up plus the duration plus a 30 s guard.

import { Agent, request } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { UsageError, fail, inputFile, integer, labelled, number, outputDir, parseArgs, readJsonl, writeIndicator } from '../lib/cli.mjs';
import { loadModel, reply } from '../model/bot.mjs';

const SCRIPT = 'serve_and_load.mjs';
const HOST = '127.0.0.1';

if (isMainThread) await main();
else await serve(workerData);

async function main() {
  const here = dirname(fileURLToPath(import.meta.url));
  const opts = parseArgs(SCRIPT, 'serve_and_load.mjs --model MODEL --out DIR [--duration S] [--concurrency C] [--warmup S] [--data DATA]', {
    model: { required: true, parse: inputFile('model.json') },
    out: { required: true, parse: outputDir },
    duration: { default: '3', parse: number(0.1, 300) },
    concurrency: { default: '8', parse: integer(1, 256) },
    warmup: { default: '0.5', parse: number(0, 30) },
    data: { default: join(here, '..', 'data'), parse: inputFile('test.jsonl') },
  });
  const guard = setTimeout(() => fail(SCRIPT, new Error('the load run did not finish in time')), (opts.warmup + opts.duration + 30) * 1000);
  guard.unref();

  let model;
  try {
    model = loadModel(opts.model); // checked here too, so a bad model is a usage error, not a server crash
  } catch (err) {
    fail(SCRIPT, new UsageError(`--model: ${err.message}`));
  }
  let worker;
  try {
    const { rows } = readJsonl(opts.data, labelled);
    const bodies = rows.map((r) => Buffer.from(JSON.stringify({ text: r.text })));

    worker = new Worker(fileURLToPath(import.meta.url), { workerData: { model: opts.model } });
    const port = await new Promise((resolve, reject) => {
      worker.once('message', (m) => (m.error ? reject(new Error(m.error)) : resolve(m.port)));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the server stopped (exit code ${code})`)));
    });

    const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency });
    const labels = new Set(model.labels);
    let next = 0;
    const send = () => {
      const body = bodies[next++ % bodies.length];
      return new Promise((resolve) => {
        const t0 = process.hrtime.bigint();
        const req = request(
          {
            host: HOST,
            port,
            path: '/predict',
            method: 'POST',
            agent,
            headers: { 'content-type': 'application/json', 'content-length': body.length },
          },
          (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => {
              const ms = Number(process.hrtime.bigint() - t0) / 1e6;
              let ok = res.statusCode === 200;
              if (ok) {
                try {
                  const answer = JSON.parse(Buffer.concat(chunks).toString('utf8'));
                  ok = labels.has(answer.label) && typeof answer.reply === 'string';
                } catch {
                  ok = false;
                }
              }
              resolve({ ok, ms });
            });
            res.on('error', () => resolve({ ok: false, ms: 0 }));
          },
        );
        req.on('error', () => resolve({ ok: false, ms: 0 }));
        req.end(body);
      });
    };

    // C clients, each sending one request after the other, until `seconds` have passed
    const run = async (seconds, record) => {
      const until = performance.now() + seconds * 1000;
      const samples = [];
      let requests = 0;
      let errors = 0;
      const client = async () => {
        while (performance.now() < until) {
          const { ok, ms } = await send();
          requests++;
          if (ok) samples.push(ms);
          else errors++;
        }
      };
      const start = performance.now();
      await Promise.all(Array.from({ length: opts.concurrency }, client));
      const elapsed = (performance.now() - start) / 1000;
      return record ? { samples, requests, errors, elapsed } : null;
    };

    if (opts.warmup > 0) await run(opts.warmup, false);
    const { samples, requests, errors, elapsed } = await run(opts.duration, true);
    agent.destroy();
    worker.postMessage('close');
    await new Promise((resolve) => worker.once('exit', resolve));
    if (samples.length === 0) throw new Error(`no successful request out of ${requests}`);

    const samplesMs = samples.map((ms) => Math.round(ms * 1000) / 1000);
    const sorted = [...samplesMs].sort((a, b) => a - b);
    const rank = (p) => sorted[Math.max(1, Math.floor((p * sorted.length + 99) / 100)) - 1];
    const common = { model: model.id, host: HOST };
    writeIndicator(opts.out, 'latency_p99', {
      indicator: 'latency_p99',
      p50_ms: rank(50),
      p90_ms: rank(90),
      p99_ms: rank(99),
      max_ms: sorted[sorted.length - 1],
      requests: sorted.length,
      concurrency: opts.concurrency,
      ...common,
      samples_ms: samplesMs,
    });
    const rps = Math.round((sorted.length / elapsed) * 100) / 100;
    writeIndicator(opts.out, 'throughput_rps', {
      indicator: 'throughput_rps',
      rps,
      concurrency: opts.concurrency,
      duration_s: Math.round(elapsed * 1000) / 1000,
      requests,
      errors,
      warmup_s: opts.warmup,
      ...common,
    });
    console.log(
      `${SCRIPT}: ${requests} requests (${errors} errors) in ${elapsed.toFixed(2)} s with ${opts.concurrency} clients: ` +
        `${rps} rps, p50 ${rank(50)} ms, p90 ${rank(90)} ms, p99 ${rank(99)} ms`,
    );
    process.exit(0);
  } catch (err) {
    worker?.terminate();
    fail(SCRIPT, err);
  }
}

/** The worker thread: the inference server. */
async function serve({ model: path }) {
  const { createServer } = await import('node:http');
  let model;
  try {
    model = loadModel(path);
  } catch (err) {
    parentPort.postMessage({ error: err.message });
    return;
  }
  const send = (res, status, body) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, {
      'content-type': typeof body === 'string' ? 'text/plain' : 'application/json',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  };
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') return send(res, 200, 'ok\n');
    if (req.url !== '/predict') return send(res, 404, { error: 'not found' });
    if (req.method !== 'POST') return send(res, 405, { error: 'use POST' });
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > 65536) {
        send(res, 413, { error: 'body larger than 64 KiB' });
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      let text;
      try {
        text = JSON.parse(Buffer.concat(chunks).toString('utf8')).text;
      } catch {
        return send(res, 400, { error: 'expected a JSON body' });
      }
      if (typeof text !== 'string') return send(res, 400, { error: 'expected {"text": string}' });
      send(res, 200, reply(model, text));
    });
  });
  server.keepAliveTimeout = 10_000;
  server.listen(0, HOST, () => parentPort.postMessage({ port: server.address().port }));
  parentPort.on('message', (m) => {
    if (m === 'close') {
      server.close(() => process.exit(0));
      server.closeAllConnections();
    }
  });
}
