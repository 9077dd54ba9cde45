#!/usr/bin/env node
/**
 * A deliberately noisy latency job (the noise-proof verdicts demonstration, SPEC §9): writes a
 * `latency_p99` file whose p99 is a seeded random draw around a true value, as a shared CI runner's
 * measurement wanders from run to run. The draw depends on --seed and the attempt (EVALGATE_ATTEMPT,
 * set by `confirm` on a rerun; 1 otherwise), so every run is reproducible and every attempt is a
 * new measurement.
 *
 *   node noisy-latency.mjs --out DIR [--p99 280] [--sd 20] [--seed 1] [--count FILE]
 *
 * --count FILE: one line is appended per execution (tests count how often the job ran).
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** mulberry32: a small seeded generator, the same in every Node */
export function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** the p99 (ms, 3 decimals) that run `seed`'s attempt `attempt` measures: normal around `p99` with `sd` */
export function noisyP99(seed, attempt, p99, sd) {
  const next = generator(seed * 7919 + attempt * 104729);
  const u = 1 - next();
  const v = next();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v); // Box–Muller
  return Math.max(1, Math.round((p99 + sd * z) * 1000) / 1000);
}

function main(argv) {
  const arg = (name, fallback) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && i + 1 < argv.length ? argv[i + 1] : fallback;
  };
  const out = arg('out');
  if (!out) {
    process.stderr.write('usage: noisy-latency.mjs --out DIR [--p99 MS] [--sd MS] [--seed N] [--count FILE]\n');
    process.exit(2);
  }
  const attempt = Number(process.env.EVALGATE_ATTEMPT ?? '1');
  const p99 = noisyP99(Number(arg('seed', '1')), attempt, Number(arg('p99', '280')), Number(arg('sd', '20')));
  const count = arg('count');
  if (count) appendFileSync(count, `${process.env.EVALGATE_JOB_NAME ?? 'job'} attempt ${attempt} p99 ${p99}\n`);
  mkdirSync(out, { recursive: true });
  const file = path.join(out, 'latency_p99.json');
  const r = (x) => Math.round(x * 1000) / 1000;
  writeFileSync(file, JSON.stringify({ indicator: 'latency_p99', p50_ms: r(p99 * 0.5), p90_ms: r(p99 * 0.8), p99_ms: p99, requests: 1000 }) + '\n');
  process.stdout.write(`${file}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
