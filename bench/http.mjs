#!/usr/bin/env node
/**
 * `evalgate bench http` against wrk (SPEC §8: at least 80% of wrk's request rate against the same
 * local server, with the same connections and duration).
 *
 * Starts Debian's nginx on a free loopback port with a temporary config (one worker, keep-alive,
 * `return 200 "ok\n"`, no access log), then runs, alternately and `runs` times each:
 *   wrk -t T -c C -d D --latency http://127.0.0.1:PORT/
 *   node dist/cli/index.js bench http --url http://127.0.0.1:PORT/ --concurrency C --duration D
 * and compares the median request rates (wrk's "Requests/sec", our throughput_rps.rps). nginx is
 * stopped after, its folder removed. wrk and nginx are installed with scripts/ensure-debian.sh
 * when missing.
 *
 *   node bench/http.mjs [--connections 10] [--duration 5] [--runs 3] [--threads 1]
 * (also run by `npm run bench`, whose bench/latest.json records the result under "http")
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.dirname(BENCH);
const CLI = path.join(REPO, 'dist', 'cli', 'index.js');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r2 = (x) => Math.round(x * 100) / 100;

function ensure(pkg, bin) {
  execFileSync('bash', [path.join(REPO, 'scripts', 'ensure-debian.sh'), pkg, bin], { stdio: ['ignore', 'inherit', 'inherit'] });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function nginxBinary() {
  for (const p of ['/usr/sbin/nginx', '/usr/bin/nginx']) if (fs.existsSync(p)) return p;
  return 'nginx';
}

export async function startNginx(dir) {
  const port = await freePort();
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 100000000;
  keepalive_timeout 120s;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    location / { default_type text/plain; return 200 "ok\\n"; }
  }
}
`,
  );
  const child = spawn(nginxBinary(), ['-p', dir, '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${err.trim()}`);
    try {
      const r = await fetch(url);
      if (r.status === 200 && (await r.text()) === 'ok\n') break;
    } catch {
      /* not yet listening */
    }
    if (Date.now() > deadline) throw new Error(`nginx did not answer on ${url}: ${err.trim()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGQUIT'); // graceful: the master stops its worker
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

function capture(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')}: exit ${code}: ${err.trim()}`))));
  });
}

async function wrkRun(url, o) {
  const out = await capture('wrk', ['-t', String(o.threads), '-c', String(o.connections), '-d', `${o.duration}s`, url]);
  const m = /Requests\/sec:\s+([\d.]+)/.exec(out);
  if (!m) throw new Error(`no Requests/sec in wrk's output:\n${out}`);
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  return { rps: Number(m[1]), errors: errors ? Number(errors[1]) : 0 };
}

async function oursRun(url, o, dir, i) {
  const out = path.join(dir, `ours-${i}`);
  await capture(process.execPath, [CLI, 'bench', 'http', '--url', url, '--concurrency', String(o.connections), '--duration', `${o.duration}s`, '--out', out]);
  const t = JSON.parse(fs.readFileSync(path.join(out, 'throughput_rps.json'), 'utf8'));
  const l = JSON.parse(fs.readFileSync(path.join(out, 'latency_p99.json'), 'utf8'));
  return { rps: t.rps, errors: t.errors, p99_ms: l.p99_ms };
}

/** The comparison; `log` gets progress lines. */
export async function benchHttpVsWrk(opts = {}, log = (m) => process.stderr.write(`${m}\n`)) {
  const o = { connections: 10, duration: 5, runs: 3, threads: 1, ...opts };
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  ensure('wrk', 'wrk');
  if (!fs.existsSync('/usr/sbin/nginx') && !fs.existsSync('/usr/bin/nginx')) ensure('nginx', 'nginx');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evalgate-bench-http-'));
  const nginx = await startNginx(dir);
  try {
    const wrk = [];
    const ours = [];
    for (let i = 0; i < o.runs; i++) {
      // alternate which goes first, so that neither always meets a warmer or a busier machine
      const pair = i % 2 === 0 ? ['wrk', 'ours'] : ['ours', 'wrk'];
      for (const who of pair) {
        if (who === 'wrk') wrk.push(await wrkRun(nginx.url, o));
        else ours.push(await oursRun(nginx.url, o, dir, i));
      }
      log(`  http run ${i + 1}/${o.runs}: wrk ${wrk.at(-1).rps} req/s, evalgate bench http ${ours.at(-1).rps} req/s`);
    }
    const w = median(wrk.map((r) => r.rps));
    const e = median(ours.map((r) => r.rps));
    return {
      server: 'nginx (Debian), 1 worker, return 200 "ok\\n", keep-alive, 127.0.0.1',
      connections: o.connections,
      duration_s: o.duration,
      wrk_threads: o.threads,
      runs: o.runs,
      wrk_command: `wrk -t ${o.threads} -c ${o.connections} -d ${o.duration}s URL`,
      evalgate_command: `node dist/cli/index.js bench http --url URL --concurrency ${o.connections} --duration ${o.duration}s`,
      wrk_rps: r2(w),
      evalgate_rps: r2(e),
      ratio: r2(e / w),
      budget_ratio: 0.8,
      within_budget: e / w >= 0.8,
      wrk_runs: wrk,
      evalgate_runs: ours,
    };
  } finally {
    await nginx.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { connections: { type: 'string' }, duration: { type: 'string' }, runs: { type: 'string' }, threads: { type: 'string' } },
  });
  const num = (v) => (v === undefined ? undefined : Number(v));
  const given = Object.fromEntries(
    Object.entries({ connections: num(values.connections), duration: num(values.duration), runs: num(values.runs), threads: num(values.threads) }).filter(([, v]) => v !== undefined),
  );
  const r = await benchHttpVsWrk(given);
  const { wrk_runs, evalgate_runs, ...summary } = r;
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  if (!r.within_budget) process.exitCode = 1;
}
