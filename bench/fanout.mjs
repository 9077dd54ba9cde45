#!/usr/bin/env node
/**
 * Wide fan-out (SPEC §8): per platform, N jobs (shards, default 1,000) running at once against its
 * fake, polled by runJobs: requests per minute by kind (list pages vs per-job reads), the peak in
 * any one second next to the platform's documented limit, and the time from the last job's end to
 * the verdict (runJobs returning) next to the poll interval. The measuring harness is the test
 * file __tests__/fanout.test.ts (it also asserts the behaviour); this runs it once through vitest
 * with EVALGATE_FANOUT_REPORT and reads the figures back. Sources run from src/ (vitest transforms
 * them), not dist/: polling is the same code either way.
 *
 *   node bench/fanout.mjs [--jobs N]            prints the figures as JSON
 *   npm run bench -- --fanout [--fanout-jobs N] adds them to bench/latest.json as `fanout`
 *
 * About 1.5 min at 1,000 jobs on 2 cores (submitting 1,000 jobs one by one is most of it); opt-in.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const REPO = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** runs the fan-out tests once; resolves to { <platform>: figures, seconds } */
export async function measureFanout({ jobs = 1000, log = (s) => process.stderr.write(s) } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evalgate-fanout-'));
  const report = path.join(dir, 'fanout.json');
  const started = Date.now();
  try {
    const vitest = path.join(REPO, 'node_modules', 'vitest', 'vitest.mjs');
    const code = await new Promise((resolve) => {
      const child = spawn(process.execPath, [vitest, 'run', '__tests__/fanout.test.ts'], {
        cwd: REPO,
        env: { ...process.env, EVALGATE_FANOUT_REPORT: report, FANOUT_JOBS: String(jobs) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let tail = '';
      const keep = (d) => (tail = (tail + d).slice(-4000));
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      child.once('close', (c) => {
        if (c !== 0) log(`bench fanout: vitest exited ${c}:\n${tail}\n`);
        resolve(c);
      });
    });
    const figures = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, 'utf8')) : {};
    return { ...figures, seconds: Math.round((Date.now() - started) / 100) / 10, tests_passed: code === 0 };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { jobs: { type: 'string', default: '1000' } } });
  const out = await measureFanout({ jobs: Math.max(1, Number.parseInt(values.jobs, 10) || 1000) });
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  if (!out.tests_passed) process.exitCode = 1;
}
