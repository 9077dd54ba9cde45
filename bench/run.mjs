#!/usr/bin/env node
/**
 * `npm run bench`: the gate against the time to read and JSON.parse the same bytes, and against
 * a seed user's Python script, on three generated data sets (see bench/gen.mjs):
 *
 *   shards_5x1000     5 indicators x 1000 shard files
 *   hdr_100m          100 million latency values in 1000 HdrHistogram shards
 *   samples_near_cap  3 samples_ms files just under the 64 MiB file-size cap
 *   samples_8_files   8 such files: the memory bound (samples x 8 + 2 x largest file) vs file count
 *   staging           the MB/s of staging's content hash of a 1 GiB model next to sha256sum's (bench/staging.mjs)
 *
 * Every figure is the wall time of a child process, from spawn to exit:
 *   seconds        node dist/cli/index.js gate --results DIR --out TMP --baseline none [...]
 *   parse_seconds  node bench/parse_only.mjs DIR (readFileSync + JSON.parse of every file)
 *   python_seconds /usr/bin/python3 bench/python_gate.py (json.load + numpy), minus the phases
 *                  the script reports as setup or cross-check
 * Node start-up is inside both seconds and parse_seconds; _meta has the bare start-up time.
 * Peak RSS is GNU time's %M (/usr/bin/time -f %M) of the gate process.
 *
 * Options:
 *   --keep            keep the generated data (.bench-tmp/bench) for the next run, which reuses it
 *   --runs N          gate and parse runs per case, median reported (default 3)
 *   --python-runs N   python runs per case, median reported (default 1)
 *   --only a,b        only these cases (bench/latest.json is then left alone unless --out)
 *   --out FILE        where to write the results (default bench/latest.json)
 *   --fanout          also the wide fan-out figures (bench/fanout.mjs: 1,000 jobs per platform
 *                     against its fake, requests per minute and last end to verdict), as `fanout`
 *   --fanout-jobs N   jobs per platform for --fanout (default 1000)
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CASES, ensureCase } from './gen.mjs';
import { measureStartup } from './startup.mjs';
import { measureStaging } from './staging.mjs';
import { measureFanout } from './fanout.mjs';
import { distSha256, gitCommit } from '../scripts/dist-sha.mjs';
import { writePerfTables } from '../scripts/perf-table.mjs';
import { benchHttpVsWrk } from './http.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.dirname(BENCH);
const CLI = path.join(REPO, 'dist', 'cli', 'index.js');
const WORK = path.join(REPO, '.bench-tmp', 'bench');
const DATA = path.join(WORK, 'data');
const OUT = path.join(WORK, 'out');
const PYTHON = '/usr/bin/python3';
const GNU_TIME = '/usr/bin/time';
const NODE = process.execPath;

const { values: opts } = parseArgs({
  options: {
    keep: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    'python-runs': { type: 'string', default: '1' },
    only: { type: 'string' },
    out: { type: 'string' },
    fanout: { type: 'boolean', default: false },
    'fanout-jobs': { type: 'string', default: '1000' },
  },
});
const RUNS = Math.max(1, Number.parseInt(opts.runs, 10) || 1);
const PY_RUNS = Math.max(1, Number.parseInt(opts['python-runs'], 10) || 1);
const onlyNames = opts.only
  ? opts.only
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
  : null;
// `http` (evalgate bench http against wrk, bench/http.mjs) and `staging` (bench/staging.mjs) are not data sets
const SPECIAL = ['http', 'staging'];
const runHttp = !onlyNames || onlyNames.includes('http');
const withStaging = !onlyNames || onlyNames.includes('staging');
const caseNames = onlyNames ? onlyNames.filter((n) => !SPECIAL.includes(n)) : Object.keys(CASES);
for (const n of caseNames) if (!CASES[n]) die(`unknown case ${n} (cases: ${Object.keys(CASES).join(', ')}, ${SPECIAL.join(', ')})`);
const outFile = opts.out ? path.resolve(opts.out) : opts.only ? null : path.join(BENCH, 'latest.json');

function die(msg) {
  process.stderr.write(`bench: ${msg}\n`);
  process.exit(1);
}
const log = (msg) => process.stderr.write(`${msg}\n`);
const warnings = [];
function warn(msg) {
  warnings.push(msg);
  process.stderr.write(`WARNING: ${msg}\n`);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r3 = (x) => (x == null ? null : Math.round(x * 1000) / 1000);
const r2 = (x) => (x == null ? null : Math.round(x * 100) / 100);
const r1 = (x) => (x == null ? null : Math.round(x * 10) / 10);
const sha12 = (file) => createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 12);

// -------------------------------------------------------------------------------------------
// Child processes, timed from spawn to exit, with peak RSS

const haveGnuTime = fs.existsSync(GNU_TIME);
const RSS_METHOD = haveGnuTime
  ? "GNU time: /usr/bin/time -f '%M' wrapping the child (max resident set size, KiB / 1024)"
  : 'process.resourceUsage().maxRSS written on exit by bench/maxrss.cjs (node --require), KiB / 1024';

/**
 * Runs `cmd args` and resolves { seconds, rssMb, code, stdout, stderr }. Node children get the
 * RSS probe; others need GNU time (rssMb is null without it).
 */
function timed(cmd, args, { cwd = REPO } = {}) {
  const rssFile = path.join(os.tmpdir(), `evalgate-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  let file = cmd;
  let argv = args;
  const env = { ...process.env };
  if (haveGnuTime) {
    file = GNU_TIME;
    argv = ['-f', '%M', '-o', rssFile, cmd, ...args];
  } else if (cmd === NODE) {
    argv = ['--require', path.join(BENCH, 'maxrss.cjs'), ...args];
    env.BENCH_RSS_FILE = rssFile;
  }
  return new Promise((resolve, reject) => {
    const out = [];
    const err = [];
    const t0 = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let seconds = 0;
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    child.on('error', reject);
    child.on('exit', () => {
      seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    });
    child.on('close', (code, signal) => {
      let rssMb = null;
      try {
        const kib = Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop());
        if (Number.isFinite(kib)) rssMb = kib / 1024;
        fs.rmSync(rssFile, { force: true });
      } catch {
        /* no RSS figure */
      }
      let stderr = Buffer.concat(err).toString();
      // GNU time adds "Command exited with non-zero status N" for exits other than 0
      stderr = stderr.replace(/^Command exited with non-zero status \d+\n?/m, '');
      resolve({ seconds, rssMb, code: signal ? `signal ${signal}` : code, stdout: Buffer.concat(out).toString(), stderr });
    });
  });
}

function tail(text, lines = 15) {
  return text.trim().split('\n').slice(-lines).join('\n');
}

// -------------------------------------------------------------------------------------------
// Preconditions

function ensureDist() {
  if (fs.existsSync(CLI)) return;
  log(`bench: ${path.relative(REPO, CLI)} is missing: running npm run build`);
  const r = spawnSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0 || !fs.existsSync(CLI)) die('npm run build failed');
}

/** A build elsewhere (scripts/build.mjs empties dist/ first) may be under way: wait for it. */
async function waitForDist() {
  for (let i = 0; i < 120 && !fs.existsSync(CLI); i++) {
    if (i === 0) log(`bench: ${path.relative(REPO, CLI)} vanished (a build in progress?): waiting up to 2 minutes`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  if (!fs.existsSync(CLI)) die(`${path.relative(REPO, CLI)} is missing`);
}

/** Debian's python3-numpy under /usr/bin/python3: installed when missing and running as root. */
function ensurePython() {
  const probe = () =>
    spawnSync(PYTHON, ['-c', 'import sys, numpy; print(sys.version.split()[0], numpy.__version__)'], { encoding: 'utf8' });
  let r = probe();
  if (r.status === 0) return r.stdout.trim().split(' ');
  if (process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) {
    log('bench: /usr/bin/python3 cannot import numpy; installing Debian python3-numpy (apt-get install -y python3-numpy)');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    let a = spawnSync('apt-get', ['install', '-y', 'python3-numpy'], { stdio: 'inherit', env });
    if (a.status !== 0) {
      spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
      a = spawnSync('apt-get', ['install', '-y', 'python3-numpy'], { stdio: 'inherit', env });
    }
    r = probe();
    if (r.status === 0) return r.stdout.trim().split(' ');
  }
  warn(
    'python_seconds skipped: /usr/bin/python3 with numpy is not available. ' +
      'Install it with `sudo apt-get install -y python3 python3-numpy` (Debian/Ubuntu) and run again.',
  );
  return null;
}

// -------------------------------------------------------------------------------------------
// Cross-checks of the gate's report.json against the independent Python figures

function compare(caseName, report, py) {
  const problems = [];
  const eq = (what, a, b) => {
    if (a !== b) problems.push(`${what}: gate ${a}, python ${b}`);
  };
  const close = (what, a, b, rel = 1e-9) => {
    if (typeof a !== 'number' || typeof b !== 'number' || Math.abs(a - b) > rel * Math.max(Math.abs(a), Math.abs(b))) {
      problems.push(`${what}: gate ${a}, python ${b}`);
    }
  };
  const lat = report.indicators.latency_p99;
  const ps = ['p50_ms', 'p90_ms', 'p99_ms'];
  eq('verdict', report.verdict, py.verdict);
  if (!lat) problems.push('latency_p99 missing from report.json');
  else {
    eq('latency_p99.requests', lat.requests, py.merged.latency_p99.requests);
    const exact = py.checks.exact_nearest_rank_ms;
    if (caseName === 'hdr_100m') {
      // exact against the histogram files decoded in Python; within HdrHistogram's precision of
      // the raw values' exact nearest rank (highest equivalent value: at most 2^-10 above)
      ps.forEach((p, i) => eq(`latency_p99.${p} (vs HdrHistogram decoded in python)`, lat[p], py.checks.hdr_decoded_ms[i]));
      ps.forEach((p, i) => {
        const d = lat[p] - exact[i];
        if (!(d >= 0 && d <= exact[i] / 1024 + 0.001)) {
          problems.push(
            `latency_p99.${p}: gate ${lat[p]}, exact nearest rank of the raw values ${exact[i]} (beyond 3-digit HDR precision)`,
          );
        }
      });
      eq('HdrHistogram total count', py.checks.hdr_total_count, py.checks.samples);
    } else {
      ps.forEach((p, i) => eq(`latency_p99.${p} (vs numpy exact nearest rank)`, lat[p], exact[i]));
      // the seed script's np.percentile(method='inverted_cdf') should agree with both
      ps.forEach((p, i) => eq(`numpy inverted_cdf vs integer nearest rank, ${p}`, py.merged.latency_p99[p], exact[i]));
    }
  }
  if (caseName === 'shards_5x1000') {
    const a = report.indicators.accuracy_f1;
    for (const k of ['precision', 'recall', 'f1']) close(`accuracy_f1.${k}`, a?.[k], py.merged.accuracy_f1[k]);
    for (const k of ['tp', 'fp', 'fn', 'samples']) eq(`accuracy_f1.${k}`, a?.[k], py.merged.accuracy_f1[k]);
    const t = report.indicators.throughput_rps;
    close('throughput_rps.rps', t?.rps, py.merged.throughput_rps.rps);
    for (const k of ['concurrency', 'duration_s', 'requests', 'errors']) eq(`throughput_rps.${k}`, t?.[k], py.merged.throughput_rps[k]);
    const x = report.indicators.toxicity;
    close('toxicity.toxic_ratio', x?.toxic_ratio, py.merged.toxicity.toxic_ratio);
    eq('toxicity.toxic_count', x?.toxic_count, py.merged.toxicity.toxic_count);
    const attacks = report.indicators.robustness_adv?.attacks ?? {};
    for (const [name, m] of Object.entries(py.merged.robustness_adv)) {
      close(`robustness_adv[${name}].success_rate`, attacks[name]?.success_rate, m.success_rate);
      close(`robustness_adv[${name}].f1_drop`, attacks[name]?.f1_drop, m.f1_drop);
      eq(`robustness_adv[${name}].samples`, attacks[name]?.samples, m.samples);
    }
  }
  for (const [k, v] of Object.entries(report.indicators))
    if (v.approximate) problems.push(`${k} merged approximately: ${v.notes.join('; ')}`);
  return problems;
}

// -------------------------------------------------------------------------------------------

async function main() {
  ensureDist();
  const distHash = sha12(CLI);
  const pyVersions = ensurePython();
  fs.mkdirSync(DATA, { recursive: true });
  fs.mkdirSync(OUT, { recursive: true });

  const loadAtStart = os.loadavg()[0];
  const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown';
  log(
    `bench: node ${process.version}, ${cpu} x${os.cpus().length}, ${RUNS} run(s) per case (median), peak RSS by ${haveGnuTime ? 'GNU time' : 'resourceUsage probe'}`,
  );
  if (loadAtStart > 0.5 * os.cpus().length)
    log(`bench: note: load average ${loadAtStart.toFixed(2)} at start: other work on this machine will show in the figures`);

  // bare start-up figures: node itself, and node loading the CLI bundle
  const startup = [];
  const cliStartup = [];
  for (let i = 0; i < 5; i++) {
    startup.push((await timed(NODE, ['-e', '0'])).seconds);
    cliStartup.push((await timed(NODE, [CLI, '--version'])).seconds);
  }

  // start-up of each command, and of the action to its first platform request (SPEC §8)
  const start = await measureStartup(REPO, NODE);
  for (const p of start.problems) warn(`start-up: ${p}`);

  // staging's content hash next to sha256sum of the same file (SPEC §8)
  let staging = null;
  if (withStaging) {
    log('\n[staging] the content hash of a 1 GiB model: evalgate run --dry-run next to sha256sum');
    staging = await measureStaging(REPO, NODE, WORK, { runs: RUNS });
    for (const p of staging.problems) warn(`staging: ${p}`);
    log(
      `  evalgate ${staging.evalgate_mb_s} MB/s (${staging.evalgate_seconds} s), sha256sum ${staging.sha256sum_mb_s} MB/s (${staging.sha256sum_seconds} s), ratio ${staging.ratio}`,
    );
  }

  const results = {};
  const metaCases = {};
  if (runHttp) {
    log('\n[http] evalgate bench http vs wrk against the same local nginx (bench/http.mjs)');
    try {
      results.http = await benchHttpVsWrk({}, (m) => log(m));
      const h = results.http;
      log(`  wrk ${h.wrk_rps} req/s, evalgate ${h.evalgate_rps} req/s: ratio ${h.ratio} (budget >= ${h.budget_ratio}, ${h.connections} connections, ${h.duration_s} s)`);
      if (!h.within_budget) warn(`http: evalgate bench http reached ${h.ratio} of wrk's request rate (budget ${h.budget_ratio})`);
    } catch (e) {
      warn(`http: not measured: ${e?.message ?? e}`);
    }
  }
  for (const name of caseNames) {
    const c = CASES[name];
    log(`\n[${name}] ${c.describe}`);
    const data = ensureCase(DATA, name);
    const m = data.manifest;
    log(
      data.cached
        ? `  data: cached (${path.relative(REPO, data.dir)})`
        : `  data: generated in ${data.seconds.toFixed(1)} s (${path.relative(REPO, data.dir)})`,
    );
    log(`  ${m.files} files, ${(m.bytes / 1024 / 1024).toFixed(1)} MiB`);

    const outDir = path.join(OUT, name);
    const gateArgs = ['gate', '--results', data.resultsDir, '--out', outDir, '--baseline', 'none', ...c.gateArgs];
    const gateRuns = [];
    const parseRuns = [];
    for (let i = 0; i < RUNS; i++) {
      await waitForDist();
      fs.rmSync(path.join(outDir, 'report.json'), { force: true });
      const g = await timed(NODE, [CLI, ...gateArgs]);
      if (g.code !== 0 && g.code !== 1) {
        log(tail(g.stderr + g.stdout, 30));
        die(`[${name}] the gate exited with ${g.code}: the bench data is wrong or the gate broke (0 or 1 expected)`);
      }
      if (!fs.existsSync(path.join(outDir, 'report.json'))) {
        log(tail(g.stderr + g.stdout, 30));
        die(`[${name}] the gate exited with ${g.code} but wrote no report.json: it did not run`);
      }
      gateRuns.push(g);
      const p = await timed(NODE, [path.join(BENCH, 'parse_only.mjs'), data.resultsDir]);
      if (p.code !== 0) {
        log(tail(p.stderr));
        die(`[${name}] parse_only.mjs exited with ${p.code}`);
      }
      const seen = JSON.parse(p.stdout);
      if (seen.files !== m.files || seen.bytes !== m.bytes) {
        die(`[${name}] parse_only read ${seen.files} files / ${seen.bytes} bytes, the manifest says ${m.files} / ${m.bytes}`);
      }
      parseRuns.push(p);
      log(
        `  run ${i + 1}/${RUNS}: gate ${g.seconds.toFixed(3)} s (exit ${g.code}, ${g.rssMb?.toFixed(0)} MiB), ` +
          `parse ${p.seconds.toFixed(3)} s (${p.rssMb?.toFixed(0)} MiB)`,
      );
    }
    const codes = [...new Set(gateRuns.map((g) => g.code))];
    if (codes.length > 1) warn(`[${name}] the gate exited with different codes across runs: ${codes.join(', ')}`);
    const report = JSON.parse(fs.readFileSync(path.join(outDir, 'report.json'), 'utf8'));
    if (report.problems.length) warn(`[${name}] report.json lists problems: ${report.problems.slice(0, 3).join(' | ')}`);

    let python = null;
    const pyRuns = [];
    if (pyVersions) {
      for (let i = 0; i < PY_RUNS; i++) {
        const r = await timed(PYTHON, [path.join(BENCH, 'python_gate.py'), name, data.resultsDir, data.rawDir]);
        if (r.code !== 0) {
          log(tail(r.stderr));
          die(`[${name}] python_gate.py exited with ${r.code}`);
        }
        const out = JSON.parse(r.stdout);
        const seconds = r.seconds - out.setup_seconds - out.check_seconds;
        pyRuns.push({ seconds, rssMb: r.rssMb, out });
        log(
          `  python ${i + 1}/${PY_RUNS}: ${seconds.toFixed(3)} s (process ${r.seconds.toFixed(3)} s, minus setup ${out.setup_seconds.toFixed(3)} s and checks ${out.check_seconds.toFixed(3)} s)`,
        );
      }
      python = pyRuns[pyRuns.length - 1].out;
    }

    let checks = 'not run (no python)';
    if (python) {
      const problems = compare(name, report, python);
      for (const p of problems) warn(`[${name}] correctness: ${p}`);
      checks = problems.length ? problems : 'ok';
      if (!problems.length) {
        const lat = report.indicators.latency_p99;
        log(
          `  check: ok (gate p50/p90/p99 ${lat.p50_ms}/${lat.p90_ms}/${lat.p99_ms} ms = ${name === 'hdr_100m' ? 'HdrHistogram decoded in python' : 'numpy nearest rank'})`,
        );
      }
    }
    if (!fs.existsSync(CLI) || sha12(CLI) !== distHash) warn(`dist/cli/index.js changed during the run: figures mix two builds`);

    const seconds = median(gateRuns.map((g) => g.seconds));
    const parseSeconds = median(parseRuns.map((p) => p.seconds));
    const pySeconds = pyRuns.length ? median(pyRuns.map((p) => p.seconds)) : null;
    const rss = Math.max(...gateRuns.map((g) => g.rssMb ?? 0)) || null;
    // SPEC §8 for samples_ms files: peak memory at most the samples as 8-byte floats + 2x the largest file
    let memoryBoundMb = null;
    if (m.samples !== undefined && m.per_file) {
      memoryBoundMb = (8 * m.samples + 2 * Math.max(...m.per_file.map((f) => f.bytes))) / 2 ** 20;
      if (rss !== null && rss > memoryBoundMb)
        warn(
          `[${name}] peak RSS ${rss.toFixed(1)} MiB is over the bound of ${memoryBoundMb.toFixed(1)} MiB (samples x 8 + 2 x largest file)`,
        );
    }
    results[name] = {
      seconds: r3(seconds),
      parse_seconds: r3(parseSeconds),
      python_seconds: r3(pySeconds),
      ratio: r2(seconds / parseSeconds),
      peak_rss_mb: r1(rss),
      ...(memoryBoundMb !== null ? { memory_bound_mb: r1(memoryBoundMb) } : {}),
    };
    metaCases[name] = {
      description: c.describe,
      files: m.files,
      bytes: m.bytes,
      ...(m.values !== undefined ? { values: m.values, recorded_pairs: m.recorded_pairs } : {}),
      ...(m.samples !== undefined ? { samples: m.samples } : {}),
      gate_args: ['gate', '--results', 'DIR', '--out', 'TMP', '--baseline', 'none', ...c.gateArgs].join(' '),
      exit_code: gateRuns[0].code,
      verdict: report.verdict,
      p99_ms: report.indicators.latency_p99?.p99_ms ?? null,
      seconds_runs: gateRuns.map((g) => r3(g.seconds)),
      parse_seconds_runs: parseRuns.map((p) => r3(p.seconds)),
      parse_peak_rss_mb: r1(Math.max(...parseRuns.map((p) => p.rssMb ?? 0)) || null),
      python_seconds_runs: pyRuns.map((p) => r3(p.seconds)),
      python_peak_rss_mb: pyRuns.length ? r1(Math.max(...pyRuns.map((p) => p.rssMb ?? 0))) : null,
      python_method: pythonMethod(name),
      ...(python?.checks.hdr_decode_seconds !== undefined ? { python_hdr_decode_seconds: r3(python.checks.hdr_decode_seconds) } : {}),
      generation_seconds: m.generation_seconds,
      checks,
    };
  }

  // ---------------------------------------------------------------------------------------
  const rows = [['case', 'seconds', 'parse_s', 'ratio', '<=2x', 'python_s', 'peak RSS MiB', 'files', 'MiB']];
  for (const name of caseNames) {
    const r = results[name];
    const m = metaCases[name];
    rows.push([
      name,
      r.seconds.toFixed(3),
      r.parse_seconds.toFixed(3),
      r.ratio.toFixed(2),
      r.ratio <= 2 ? 'yes' : 'NO',
      r.python_seconds == null ? '-' : r.python_seconds.toFixed(3),
      r.peak_rss_mb == null ? '-' : r.peak_rss_mb.toFixed(1),
      String(m.files),
      (m.bytes / 1024 / 1024).toFixed(1),
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  process.stdout.write('\n' + line(rows[0]) + '\n' + widths.map((w) => '-'.repeat(w)).join('  ') + '\n');
  for (const r of rows.slice(1)) process.stdout.write(line(r) + '\n');
  process.stdout.write(
    `\nnode start-up ${median(startup).toFixed(3)} s, CLI start-up (--version) ${median(cliStartup).toFixed(3)} s; ` +
      `median of ${RUNS} run(s); RSS: ${RSS_METHOD}\n`,
  );

  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    python: pyVersions?.[0] ?? null,
    numpy: pyVersions?.[1] ?? null,
    cpu,
    cpus: os.cpus().length,
    mem_gib: r1(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadavg_1m_at_start: r2(loadAtStart),
    dist_cli_sha256_12: distHash,
    dist_sha256: distSha256(REPO),
    commit: gitCommit(REPO),
    runs: RUNS,
    python_runs: PY_RUNS,
    statistic: 'median over runs (peak RSS: max over runs)',
    timing:
      'wall clock of a child process from spawn to exit; node start-up is included in both seconds and parse_seconds. ' +
      'python_seconds: the python child from spawn to exit (interpreter start-up and `import numpy` included) minus the phases it reports as setup or cross-check.',
    rss: RSS_METHOD,
    node_startup_seconds: r3(median(startup)),
    cli_startup_seconds: r3(median(cliStartup)),
    cases: metaCases,
    warnings,
  };
  if (opts.fanout) {
    log('\nbench: fan-out (bench/fanout.mjs) ...');
    results.fanout = await measureFanout({ jobs: Math.max(1, Number.parseInt(opts['fanout-jobs'], 10) || 1000) });
    log(`bench: fan-out ${JSON.stringify(results.fanout)}`);
  }
  if (outFile) {
    const doc = { ...results, startup: start, ...(staging ? { staging } : {}), _meta: meta };
    fs.writeFileSync(outFile, JSON.stringify(doc, null, 2) + '\n');
    log(`\nbench: wrote ${path.relative(process.cwd(), outFile) || outFile}`);
    if (path.resolve(outFile) === path.join(BENCH, 'latest.json')) {
      for (const f of writePerfTables(REPO)) log(`bench: table regenerated in ${f}`);
    }
  } else log('\nbench: --only given: bench/latest.json left as it was (use --out FILE to write these figures)');

  if (opts.keep) log(`bench: data kept in ${path.relative(REPO, WORK)} (reused by the next run)`);
  else {
    fs.rmSync(WORK, { recursive: true, force: true });
    try {
      fs.rmdirSync(path.dirname(WORK)); // .bench-tmp, if nothing else is in it
    } catch {
      /* not empty */
    }
  }
  if (warnings.length) log(`bench: ${warnings.length} warning(s), see above`);
}

function pythonMethod(name) {
  switch (name) {
    case 'hdr_100m':
      return (
        'json.load each file, decode its hdr_histogram in numpy (base64, zlib, ZigZag LEB128 vectorised), add the counts, ' +
        'HdrHistogram value at percentile (the peer to beat: faster than holding the 100M raw values). ' +
        'Check, not timed: np.partition over the same 100M raw values (from raw/pairs.u32)'
      );
    case 'samples_near_cap':
    case 'samples_8_files':
      return 'json.load each file, np.asarray(samples_ms), np.concatenate, np.percentile(method="inverted_cdf")';
    default:
      return 'json.load each file, group by indicator (and attack_type), check shard sets, sum counts, np.percentile(method="inverted_cdf") over the concatenated samples_ms';
  }
}

main().catch((e) => die(e?.stack ?? String(e)));
