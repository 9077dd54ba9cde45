#!/usr/bin/env node
// latency_p99 and throughput_rps: serves the model over HTTP and loads it for real with evalgate's
// own load generator.
//
//   node examples/demo/eval/serve_and_load.mjs --model M --out O [--duration 3] [--concurrency 8] [--warmup 0.5] [--data D] [--evalgate CLI]
//
// A worker thread runs the inference server on 127.0.0.1, on a port the system picks:
//   POST /predict {"text": "..."} -> 200 {"label": "complaint"|"other", "reply": "..."}   (real inference per request)
//   GET /healthz -> 200 ok
// The main thread then runs
//   evalgate bench http --url http://127.0.0.1:PORT/predict --method POST --header 'content-type: application/json'
//     --body-file O/request-body.txt --concurrency C --duration S --warmup W --model ID --out O
// (closed loop: C keep-alive connections, each sending its next request when the last one ended;
// the body is the first held-out message of D, test.jsonl or its folder, by default the demo's
// own). It writes O/latency_p99.json (an HdrHistogram of every measured request's latency, and
// p50/p90/p99 read from it) and O/throughput_rps.json (responses per second of the measured window,
// with the status classes and transport errors). Then the server is closed. Loopback only; the
// whole run is bounded by the warm-up plus the duration plus a 30 s guard.

import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
import { DEFAULT_EVALGATE, UsageError, fail, inputFile, integer, labelled, number, outputDir, parseArgs, readJsonl, runEvalgateAsync } from '../lib/cli.mjs';
import { loadModel, reply } from '../model/bot.mjs';

const SCRIPT = 'serve_and_load.mjs';
const HOST = '127.0.0.1';

if (isMainThread) await main();
else await serve(workerData);

async function main() {
  const here = dirname(fileURLToPath(import.meta.url));
  const opts = parseArgs(SCRIPT, 'serve_and_load.mjs --model MODEL --out DIR [--duration S] [--concurrency C] [--warmup S] [--data DATA] [--evalgate CLI]', {
    model: { required: true, parse: inputFile('model.json') },
    out: { required: true, parse: outputDir },
    duration: { default: '3', parse: number(0.1, 300) },
    concurrency: { default: '8', parse: integer(1, 256) },
    warmup: { default: '0.5', parse: number(0, 30) },
    data: { default: join(here, '..', 'data'), parse: inputFile('test.jsonl') },
    evalgate: { default: DEFAULT_EVALGATE },
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
    const body = join(opts.out, 'request-body.txt');
    writeFileSync(body, JSON.stringify({ text: rows[0].text }));

    worker = new Worker(fileURLToPath(import.meta.url), { workerData: { model: opts.model } });
    const port = await new Promise((resolve, reject) => {
      worker.once('message', (m) => (m.error ? reject(new Error(m.error)) : resolve(m.port)));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the server stopped (exit code ${code})`)));
    });
    // asynchronously: the server runs in this process's worker thread
    await runEvalgateAsync(opts.evalgate, [
      'bench', 'http',
      '--url', `http://${HOST}:${port}/predict`,
      '--method', 'POST',
      '--header', 'content-type: application/json',
      '--body-file', body,
      '--concurrency', String(opts.concurrency),
      '--duration', String(opts.duration),
      '--warmup', String(opts.warmup),
      '--model', model.id,
      '--out', opts.out,
    ]);
    worker.postMessage('close');
    await new Promise((resolve) => worker.once('exit', resolve));
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
