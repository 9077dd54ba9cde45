// What the evaluation scripts share: argument parsing (a bad argument is one line on stderr and
// exit code 2), reading the data sets, F1 arithmetic and writing indicator files.

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

export class UsageError extends Error {}

/**
 * Parses `--name value` / `--name=value` options against a spec
 * `{ name: { required?, default?, parse?(string) -> value (throws UsageError) } }`.
 * `--help` prints the usage and exits 0; anything wrong prints `script: message` and exits 2.
 */
export function parseArgs(script, usage, spec, argv = process.argv.slice(2)) {
  try {
    const values = {};
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i];
      if (arg === '--help' || arg === '-h') {
        process.stdout.write(`usage: ${usage}\n`);
        process.exit(0);
      }
      const m = arg.match(/^--([a-z-]+)(?:=(.*))?$/s);
      if (!m) throw new UsageError(`unexpected argument "${arg}"`);
      const [, name, inline] = m;
      if (!(name in spec)) throw new UsageError(`unknown option --${name}`);
      if (name in values) throw new UsageError(`--${name} given twice`);
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
      values[name] = value;
    }
    const out = {};
    for (const [name, s] of Object.entries(spec)) {
      const raw = values[name] ?? s.default;
      if (raw === undefined) {
        if (s.required) throw new UsageError(`--${name} is required`);
        continue;
      }
      out[name] = s.parse ? s.parse(String(raw), `--${name}`) : String(raw);
    }
    return out;
  } catch (err) {
    fail(script, err);
  }
}

/** Prints `script: message` (one line) and exits: 2 for a usage problem, 1 otherwise. */
export function fail(script, err) {
  const message = String(err?.message ?? err).replace(/\s*\n\s*/g, ' ');
  process.stderr.write(`${script}: ${err instanceof UsageError ? '' : 'error: '}${message}\n`);
  process.exit(err instanceof UsageError ? 2 : 1);
}

/** Option parsers. */
export const number = (min, max) => (raw, flag) => {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max)
    throw new UsageError(`${flag}: expected a number from ${min} to ${max}, got "${raw}"`);
  return n;
};
export const integer = (min, max) => (raw, flag) => {
  const n = Number(raw);
  if (!/^\s*-?\d+\s*$/.test(raw) || n < min || n > max)
    throw new UsageError(`${flag}: expected an integer from ${min} to ${max}, got "${raw}"`);
  return n;
};
export const oneOf =
  (...choices) =>
  (raw, flag) => {
    if (!choices.includes(raw)) throw new UsageError(`${flag}: expected one of ${choices.join(', ')}, got "${raw}"`);
    return raw;
  };
/** `I/N` with 0 <= I < N. */
export const shard = (raw, flag) => {
  const m = raw.match(/^(\d+)\/(\d+)$/);
  if (!m) throw new UsageError(`${flag}: expected INDEX/COUNT such as 0/2, got "${raw}"`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index >= count) throw new UsageError(`${flag}: expected 0 <= INDEX < COUNT, got "${raw}"`);
  return { index, count };
};
/** An existing file, or a file of the given name inside an existing folder. */
export const inputFile = (defaultName) => (raw, flag) => {
  const path = resolve(raw);
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new UsageError(`${flag}: no such file or folder: ${raw}`);
  }
  if (!st.isDirectory()) return path;
  const inner = join(path, defaultName);
  try {
    statSync(inner);
  } catch {
    throw new UsageError(`${flag}: the folder ${raw} has no ${defaultName}`);
  }
  return inner;
};
/** The output folder (created when missing). */
export const outputDir = (raw, flag) => {
  const path = resolve(raw);
  try {
    mkdirSync(path, { recursive: true });
  } catch (err) {
    throw new UsageError(`${flag}: cannot create the folder ${raw}: ${err.code ?? err.message}`);
  }
  return path;
};

/** Rows of a JSON Lines file, each checked by `check(row) -> error message | null`. */
export function readJsonl(path, check) {
  const raw = readFileSync(path);
  const rows = [];
  raw
    .toString('utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let row;
      try {
        row = JSON.parse(line);
      } catch (err) {
        throw new UsageError(`${path}:${i + 1}: not valid JSON (${err.message})`);
      }
      const problem = check(row);
      if (problem) throw new UsageError(`${path}:${i + 1}: ${problem}`);
      rows.push(row);
    });
  if (rows.length === 0) throw new UsageError(`${path}: no rows`);
  const id = `${basename(path)}@sha256:${createHash('sha256').update(raw).digest('hex').slice(0, 12)}`;
  return { rows, id };
}

export const labelled = (row) =>
  typeof row?.text !== 'string'
    ? 'expected {"text": string, "label": 0 or 1}'
    : row.label === 0 || row.label === 1
      ? null
      : 'expected "label": 0 or 1';

/** Confusion counts and scores, "complaint" (1) being the positive class; 0/0 counts as 0. */
export function scores(labels, predictions) {
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0;
  labels.forEach((y, i) => {
    const p = predictions[i];
    if (p === 1 && y === 1) tp++;
    else if (p === 1) fp++;
    else if (y === 1) fn++;
    else tn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, tp, fp, fn, tn };
}

/** Rounds to 6 decimals (what the indicator files carry). */
export const r6 = (x) => Math.round(x * 1e6) / 1e6;

/** Writes one indicator file: one top-level field per line, each value on one line. */
export function writeIndicator(outDir, name, fields) {
  const body = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(',\n');
  const path = join(outDir, `${name}.json`);
  writeFileSync(path, `{\n${body}\n}\n`);
  return path;
}

/** --model: a model.json (or a folder holding one), loaded; a bad file is a usage error. */
export const modelArg = (loadModel) => (raw, flag) => {
  const path = inputFile('model.json')(raw, flag);
  try {
    return loadModel(path);
  } catch (err) {
    throw new UsageError(`${flag}: ${err.message}`);
  }
};

/**
 * --evalgate: the evalgate CLI to run the built-in producers with. evalgate.yml passes
 * `--evalgate {evalgate}`: the CLI that runs the gate (a local job has a cleaned environment, so
 * evalgate hands it the path in EVALGATE_CLI). By hand, the default is this checkout's build.
 */
export const DEFAULT_EVALGATE = fileURLToPath(new URL('../../../dist/cli/index.js', import.meta.url));

/**
 * The CLI to run: `{evalgate}` is `evalgate` on the remote platforms (installed in the job's image);
 * a demo run from this checkout whose node has none on its PATH uses the checkout's bundled CLI.
 */
function cliCommand(cli) {
  if (!cli.includes('/') && existsSync(DEFAULT_EVALGATE)) {
    const onPath = (process.env.PATH ?? '').split(':').some((d) => d && existsSync(`${d}/${cli}`));
    if (!onPath) cli = DEFAULT_EVALGATE;
  } else if (cli === DEFAULT_EVALGATE && !existsSync(cli)) {
    // the demo's scripts without the checkout around them (a platform's code snapshot): the installed CLI
    cli = 'evalgate';
  }
  return cli.endsWith('.js') ? [process.execPath, [cli]] : [cli, []];
}

/** Runs `evalgate ARGS…` (a .js file with this node), its output passed through; throws on a non-zero exit. */
export function runEvalgate(cli, args) {
  const [cmd, pre] = cliCommand(cli);
  const argv = [...pre, ...args];
  const r = spawnSync(cmd, argv, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.error) throw new Error(`could not run ${cli}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`evalgate ${args.slice(0, 2).join(' ')} failed (exit ${r.status ?? r.signal})`);
}

/** runEvalgate without blocking this thread (a server in a worker thread of this process keeps serving). */
export function runEvalgateAsync(cli, args) {
  const [cmd, pre] = cliCommand(cli);
  const argv = [...pre, ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', (e) => reject(new Error(`could not run ${cli}: ${e.message}`)));
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`evalgate ${args.slice(0, 2).join(' ')} failed (exit ${code ?? signal})`)),
    );
  });
}

/** Writes rows as JSONL. */
export function writeJsonl(path, rows) {
  writeFileSync(path, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return path;
}
