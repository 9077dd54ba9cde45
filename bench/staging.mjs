/**
 * Staging's content hash (SPEC §8: "hashed as a stream at disk speed"): the MB/s at which evalgate
 * hashes a model, next to `sha256sum` of the same file, in the same run.
 *
 *   evalgate   node dist/cli/index.js run --config C --platform volc --dry-run
 *              (stage() hashes the model with fileSha256 and prints the content-addressed prefix;
 *              --dry-run sends nothing), from spawn to exit: CLI start-up included
 *   sha256sum  sha256sum FILE (GNU coreutils), from spawn to exit
 *   openssl    openssl dgst -sha256 FILE, where openssl is installed (the SHA-256 code Node itself uses:
 *              coreutils' own C code is slower on CPUs with SHA extensions), for reference
 *
 * The file is 1 GiB of random bytes (not sparse: a sparse file reads as zeros from no disk) in the
 * bench's temp folder; it is read once before timing, so that the page cache is warm for both, and
 * the two commands alternate, `runs` times each (median reported). Both must print the same hash.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const MiB = 1024 * 1024;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r3 = (x) => Math.round(x * 1000) / 1000;
const r1 = (x) => Math.round(x * 10) / 10;

function run(cmd, args, cwd, { discard = false } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', discard ? 'ignore' : 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '' } });
    let out = '';
    let err = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, seconds: Number(process.hrtime.bigint() - t0) / 1e9, out, err }));
  });
}

/** `bytes` of random data at `file` (kept when it is already that size: --keep reuses it) */
function ensureFile(file, bytes) {
  try {
    if (fs.statSync(file).size === bytes) return false;
  } catch {
    /* not there */
  }
  const fd = fs.openSync(file, 'w');
  const block = randomBytes(4 * MiB);
  for (let left = bytes, i = 0; left > 0; left -= block.length, i++) {
    // a different block each time (the first bytes changed), so no two parts of the file are alike
    block.writeUInt32LE(i, 0);
    fs.writeSync(fd, block, 0, Math.min(block.length, left));
  }
  fs.closeSync(fd);
  return true;
}

export async function measureStaging(repo, node, workDir, { runs = 3, bytes = 1024 * MiB } = {}) {
  const cli = path.join(repo, 'dist', 'cli', 'index.js');
  const dir = path.join(workDir, 'staging');
  fs.mkdirSync(dir, { recursive: true });
  const model = path.join(dir, 'model.safetensors');
  const generated = ensureFile(model, bytes);
  fs.writeFileSync(
    path.join(dir, 'evalgate.yml'),
    [
      'model: model.safetensors',
      'indicators: [toxicity]',
      'volc: {resource_queue_id: q-1, image: "vemlp-cn-beijing.cr.volces.com/ns/eval:1", tos_bucket: evals, instance_type: ml.g1e.large}',
      'jobs:',
      '  toxicity:',
      '    command: python tox.py --model {model} --out {out}',
    ].join('\n') + '\n',
  );
  const problems = [];
  // warm the page cache: both commands then read from memory, so the figure is the hashing, not the disk
  await run('cat', [model], dir, { discard: true });
  const evalgateArgs = [cli, 'run', '--config', 'evalgate.yml', '--platform', 'volc', '--dry-run'];
  const ours = [];
  const theirs = [];
  const ssl = [];
  let hashes = { evalgate: null, sha256sum: null };
  for (let i = 0; i < runs; i++) {
    const e = await run(node, evalgateArgs, dir);
    if (e.code !== 0) problems.push(`evalgate run --dry-run exited ${e.code}: ${e.err.trim().split('\n').pop()}`);
    hashes.evalgate = /cas\/([0-9a-f]{64})\//.exec(e.out)?.[1] ?? null;
    ours.push(e.seconds);
    const s = await run('sha256sum', [model], dir);
    if (s.code !== 0) problems.push(`sha256sum exited ${s.code}: ${s.err.trim()}`);
    hashes.sha256sum = s.out.split(' ')[0] || null;
    theirs.push(s.seconds);
    const o = await run('openssl', ['dgst', '-sha256', model], dir).catch(() => null);
    if (o?.code === 0) ssl.push(o.seconds);
  }
  if (!hashes.evalgate || hashes.evalgate !== hashes.sha256sum)
    problems.push(`the hashes differ: evalgate ${hashes.evalgate}, sha256sum ${hashes.sha256sum}`);
  const mb = bytes / 1e6;
  const evalgateSeconds = median(ours);
  const shaSeconds = median(theirs);
  return {
    file_bytes: bytes,
    file_generated: generated,
    evalgate_seconds: r3(evalgateSeconds),
    sha256sum_seconds: r3(shaSeconds),
    evalgate_mb_s: r1(mb / evalgateSeconds),
    sha256sum_mb_s: r1(mb / shaSeconds),
    openssl_mb_s: ssl.length ? r1(mb / median(ssl)) : null,
    /** evalgate's time over sha256sum's: 1 is as fast */
    ratio: Math.round((evalgateSeconds / shaSeconds) * 100) / 100,
    hash_match: Boolean(hashes.evalgate) && hashes.evalgate === hashes.sha256sum,
    runs,
    evalgate_seconds_runs: ours.map(r3),
    sha256sum_seconds_runs: theirs.map(r3),
    commands: {
      evalgate: 'node dist/cli/index.js run --config evalgate.yml --platform volc --dry-run (model: a 1 GiB file; start-up included)',
      sha256sum: 'sha256sum model.safetensors',
      openssl: 'openssl dgst -sha256 model.safetensors',
    },
    method: 'wall clock from spawn to exit, page cache warmed by one read before, the two alternating; MB = 10^6 bytes',
    problems,
  };
}

// `node bench/staging.mjs [--runs N] [--keep]`: this figure alone
if (import.meta.url === `file://${process.argv[1]}`) {
  const { fileURLToPath } = await import('node:url');
  const repo = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  const runsArg = process.argv.indexOf('--runs');
  const work = path.join(repo, '.bench-tmp', 'bench');
  try {
    const r = await measureStaging(repo, process.execPath, work, { runs: runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3 });
    process.stdout.write(JSON.stringify(r, null, 2) + '\n');
  } finally {
    // the 1 GiB file goes unless --keep (as npm run bench does with its data)
    if (!process.argv.includes('--keep')) fs.rmSync(path.join(work, 'staging'), { recursive: true, force: true });
  }
}
