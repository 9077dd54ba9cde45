/**
 * Start-up figures (SPEC §8: `gate`/`validate`/`--version`, and the action's start to its first
 * platform request, within 2x of `node -e 0`), each the median wall time of `runs` child processes
 * measured side by side with `node -e 0`, and the size of each bundle entry.
 *
 *   version     node dist/cli/index.js --version
 *   validate    node dist/cli/index.js validate <one indicator file>
 *   gate        node dist/cli/index.js gate --results <one indicator file>
 *   action      node dist/main/index.js (platform local) from spawn to the moment its first job
 *               starts (the job writes the clock): the action's first platform request
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r3 = (x) => Math.round(x * 1000) / 1000;

function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const wall0 = Date.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], ...opts });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      resolve({ code, seconds, wall0, err });
    });
  });
}

function dirBytes(dir) {
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    n += e.isDirectory() ? dirBytes(p) : e.name.endsWith('.js') ? fs.statSync(p).size : 0;
  }
  return n;
}

/** the figures, and problems (a command that did not do what it is timed for) */
export async function measureStartup(repo, node, runs = 7) {
  const cli = path.join(repo, 'dist', 'cli', 'index.js');
  const main = path.join(repo, 'dist', 'main', 'index.js');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evalgate-bench-startup-'));
  const file = path.join(dir, 'toxicity.json');
  fs.writeFileSync(file, '{"indicator":"toxicity","toxic_ratio":0.001,"total_samples":1000}');
  const stamp = path.join(dir, 'first-job');
  fs.writeFileSync(
    path.join(dir, 'evalgate.yml'),
    [
      'indicators: [toxicity]',
      'jobs:',
      '  toxicity:',
      `    command: date +%s%N > ${stamp}; cp ${file} "$EVALGATE_OUT/"`,
    ].join('\n'),
  );
  const problems = [];
  const times = { node: [], version: [], validate: [], gate: [], action: [] };
  const actionEnv = () => {
    for (const f of ['output', 'summary', 'state']) fs.writeFileSync(path.join(dir, f), '');
    return {
      PATH: process.env.PATH,
      GITHUB_OUTPUT: path.join(dir, 'output'),
      GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
      GITHUB_STATE: path.join(dir, 'state'),
      RUNNER_TEMP: dir,
      INPUT_CONFIG: 'evalgate.yml',
      INPUT_BASELINE: 'none',
    };
  };
  for (let i = 0; i < runs; i++) {
    times.node.push((await run(node, ['-e', '0'])).seconds);
    const v = await run(node, [cli, '--version']);
    times.version.push(v.seconds);
    const val = await run(node, [cli, 'validate', file], { cwd: dir });
    if (val.code !== 0) problems.push(`validate exited ${val.code}: ${val.err.trim()}`);
    times.validate.push(val.seconds);
    const g = await run(node, [cli, 'gate', '--results', file, '--indicators', 'toxicity', '--baseline', 'none', '--out', path.join(dir, 'o')], { cwd: dir });
    if (g.code !== 0) problems.push(`gate exited ${g.code}: ${g.err.trim()}`);
    times.gate.push(g.seconds);
    fs.rmSync(stamp, { force: true });
    const a = await run(node, [main], { cwd: dir, env: actionEnv() });
    if (!fs.existsSync(stamp)) problems.push(`the action's job did not start (exit ${a.code}): ${a.err.trim().slice(-300)}`);
    else times.action.push(Number(BigInt(fs.readFileSync(stamp, 'utf8').trim()) / 1000n) / 1e6 - a.wall0 / 1000);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const base = median(times.node);
  const row = (k) => (times[k].length ? { seconds: r3(median(times[k])), ratio: r3(median(times[k]) / base) } : null);
  const entries = {};
  for (const e of ['cli', 'main', 'post']) {
    const d = path.join(repo, 'dist', e);
    if (!fs.existsSync(d)) continue;
    entries[e] = { index_bytes: fs.statSync(path.join(d, 'index.js')).size, all_chunks_bytes: dirBytes(d) };
  }
  return {
    figures: {
      node_seconds: r3(base),
      version: row('version'),
      validate: row('validate'),
      gate: row('gate'),
      action_first_request: row('action'),
    },
    bundles: entries,
    runs,
    problems: [...new Set(problems)],
  };
}
