/**
 * `evalgate score f1` and `evalgate score toxicity` (SPEC §7): per-sample files in, one exactly
 * mergeable indicator file out.
 *
 * F1 (same definitions as scikit-learn's f1_score, zero_division=0):
 * - binary (`--positive P`): tp/fp/fn/tn of class P; precision, recall, F1 of P.
 * - multi-class micro (default): per_class {tp, fp, fn} and their sums as tp/fp/fn, so that
 *   precision = recall = F1 = the sums' ratios (for single-label data, the accuracy); shards merge
 *   exactly by summing the counts.
 * - multi-class macro: per_class only (no top-level counts: those would be read as micro), and
 *   precision, recall, F1 the unweighted means over the classes seen in either file; shards merge
 *   exactly by summing per_class counts and averaging again (merge.ts).
 * Rows are paired line by line, or by `--id COLUMN` (then the labels are held as id -> label,
 * labels interned: memory grows with the ids, never with the rows' other columns).
 */
import path from 'node:path';
import { EvalgateError, ExitCode, type Problem } from '../core/problem.js';
import type { Runtime } from '../runtime.js';
import { checkReadable, readRows, type Row } from './rows.js';
import { ensureDir, ensureNew, indicatorFileName, numberFlag, parseShard, writeIndicatorFiles } from './output.js';

export interface ScoreF1Flags {
  model?: string;
  dataset?: string;
  predictions?: string;
  labels?: string;
  positive?: string;
  average?: 'micro' | 'macro';
  id?: string;
  column?: string;
  shard?: string;
  out?: string;
}

export interface ClassCounts {
  tp: number;
  fp: number;
  fn: number;
}

const MAX_PROBLEMS = 20;
const LABEL_COLUMNS = ['label', 'y_true', 'target', 'class', 'prediction'];
const PREDICTION_COLUMNS = ['prediction', 'pred', 'y_pred', 'predicted', 'label', 'class'];

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
const round = (x: number): number => Number(x.toPrecision(12));

/** The label column of a file, from its first row. */
function pickColumn(row: Row, display: string, flag: string | undefined, candidates: string[], id: string | undefined): string {
  const cols = Object.keys(row.values);
  if (flag !== undefined) {
    if (!cols.includes(flag)) throw new EvalgateError([{ file: display, line: row.line, path: '--column', expected: `a column ${JSON.stringify(flag)}`, found: `columns ${cols.join(', ')}` }]);
    return flag;
  }
  const known = candidates.find((c) => cols.includes(c));
  if (known) return known;
  const others = cols.filter((c) => c !== id);
  if (others.length === 1) return others[0]!;
  throw new EvalgateError([
    {
      file: display,
      line: row.line,
      expected: `a label column (${candidates.join(', ')}) or --column NAME`,
      found: `columns ${cols.join(', ') || 'none'}`,
    },
  ]);
}

/** A cell as a label: strings as they are (CSV cells trimmed), numbers and booleans as JSON writes them. */
function labelOf(row: Row, column: string, display: string): string {
  const v = row.values[column];
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new EvalgateError([
    { file: display, line: row.line, path: column, expected: 'a label (a non-empty string, a number or a boolean)', found: v === undefined ? 'no such field' : JSON.stringify(v) },
  ]);
}

function idOf(row: Row, column: string, display: string): string {
  const v = row.values[column];
  if ((typeof v === 'string' && v !== '') || typeof v === 'number') return String(v);
  throw new EvalgateError([
    { file: display, line: row.line, path: column, expected: 'an id (a non-empty string or a number)', found: v === undefined ? 'no such field' : JSON.stringify(v) },
  ]);
}

/** A pair of labels, with where each came from. */
interface Pair {
  truth: string;
  predicted: string;
  truthLine: number;
  predLine: number;
}

/** Pairs of (true, predicted) labels, line by line or joined by id. */
async function* pairs(f: Required<Pick<ScoreF1Flags, 'predictions' | 'labels'>> & ScoreF1Flags, files: { pred: string; labels: string }): AsyncGenerator<Pair> {
  let labelCol: string | undefined;
  let predCol: string | undefined;
  if (f.id === undefined) {
    const li = readRows(files.labels, f.labels);
    const pi = readRows(files.pred, f.predictions);
    let n = 0;
    for (;;) {
      const [l, p] = await Promise.all([li.next(), pi.next()]);
      if (l.done && p.done) return;
      if (l.done || p.done) {
        const [ended, other, row] = l.done ? [f.labels, f.predictions, p.value as Row] : [f.predictions, f.labels, l.value as Row];
        throw new EvalgateError([
          {
            file: other,
            line: row.line,
            expected: `as many rows as ${ended} (paired line by line; or join them with --id COLUMN)`,
            found: `row ${n + 1} here, ${ended} has ${n}`,
          },
        ]);
      }
      n++;
      labelCol ??= pickColumn(l.value, f.labels, f.column, LABEL_COLUMNS, undefined);
      predCol ??= pickColumn(p.value, f.predictions, f.column, PREDICTION_COLUMNS, undefined);
      yield { truth: labelOf(l.value, labelCol, f.labels), predicted: labelOf(p.value, predCol, f.predictions), truthLine: l.value.line, predLine: p.value.line };
    }
  }
  // by id: id -> [label, line] of the labels file, labels interned
  const intern = new Map<string, string>();
  const truth = new Map<string, { label: string; line: number; used: boolean }>();
  const problems: Problem[] = [];
  let unlisted = 0;
  const push = (p: Problem): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
    else unlisted++;
  };
  for await (const row of readRows(files.labels, f.labels)) {
    labelCol ??= pickColumn(row, f.labels, f.column, LABEL_COLUMNS, f.id);
    const id = idOf(row, f.id, f.labels);
    let label = labelOf(row, labelCol, f.labels);
    label = intern.get(label) ?? (intern.set(label, label), label);
    const seen = truth.get(id);
    if (seen) push({ file: f.labels, line: row.line, path: f.id, expected: `each id once (${JSON.stringify(id)} is also on line ${seen.line})`, found: 'a duplicate id' });
    else truth.set(id, { label, line: row.line, used: false });
  }
  const predicted = new Set<string>();
  for await (const row of readRows(files.pred, f.predictions)) {
    predCol ??= pickColumn(row, f.predictions, f.column, PREDICTION_COLUMNS, f.id);
    const id = idOf(row, f.id, f.predictions);
    const label = labelOf(row, predCol, f.predictions);
    const t = truth.get(id);
    if (!t) {
      push({ file: f.predictions, line: row.line, path: f.id, expected: `an id that ${f.labels} has`, found: JSON.stringify(id) });
      continue;
    }
    if (t.used || predicted.has(id)) {
      push({ file: f.predictions, line: row.line, path: f.id, expected: 'each id once', found: `${JSON.stringify(id)} again` });
      continue;
    }
    t.used = true;
    predicted.add(id);
    if (problems.length === 0) yield { truth: t.label, predicted: label, truthLine: t.line, predLine: row.line };
  }
  for (const [id, t] of truth) {
    if (t.used) continue;
    push({ file: f.labels, line: t.line, path: f.id, expected: `a prediction for every id (none in ${f.predictions})`, found: JSON.stringify(id) });
  }
  if (problems.length) {
    if (unlisted > 0) problems.push({ file: f.predictions, path: f.id, expected: 'ids that match', found: `${unlisted} more problems like these` });
    throw new EvalgateError(problems);
  }
}

/** Counts of every pair, then the indicator (exported for tests). */
export async function computeF1(f: ScoreF1Flags, cwd: string): Promise<Record<string, unknown>> {
  const problems: Problem[] = [];
  if (f.predictions === undefined) problems.push({ file: '--predictions', expected: 'a JSONL or CSV file of predicted labels', found: 'nothing' });
  if (f.labels === undefined) problems.push({ file: '--labels', expected: 'a JSONL or CSV file of true labels', found: 'nothing' });
  if (f.positive !== undefined && f.average !== undefined) {
    problems.push({ file: '--positive/--average', expected: 'one of --positive LABEL (binary) and --average micro|macro (multi-class)', found: 'both' });
  }
  if (problems.length) throw new EvalgateError(problems);
  const files = { pred: path.resolve(cwd, f.predictions!), labels: path.resolve(cwd, f.labels!) };
  for (const [file, flag] of [
    [files.pred, '--predictions'],
    [files.labels, '--labels'],
  ] as const) {
    const p = await checkReadable(file, flag);
    if (p) problems.push({ ...p, file: flag === '--predictions' ? f.predictions! : f.labels! });
  }
  if (problems.length) throw new EvalgateError(problems);

  const classes = new Map<string, ClassCounts>();
  const cls = (label: string): ClassCounts => {
    let c = classes.get(label);
    if (!c) classes.set(label, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  };
  let samples = 0;
  const binary = f.positive !== undefined;
  /** binary: the two labels, with the first line each was seen on */
  const seen = new Map<string, string>();
  for await (const p of pairs({ ...f, predictions: f.predictions!, labels: f.labels! }, files)) {
    samples++;
    if (binary) {
      for (const [label, where] of [
        [p.truth, `${f.labels}:${p.truthLine}`],
        [p.predicted, `${f.predictions}:${p.predLine}`],
      ] as const) {
        if (seen.has(label)) continue;
        if (seen.size === 2) {
          const [file, line] = [where.slice(0, where.lastIndexOf(':')), Number(where.slice(where.lastIndexOf(':') + 1))];
          throw new EvalgateError([
            {
              file,
              line,
              expected: `one of the two labels of a binary F1 (${[...seen.keys()].map((k) => JSON.stringify(k)).join(', ')}; for more classes use --average micro|macro)`,
              found: JSON.stringify(label),
            },
          ]);
        }
        seen.set(label, where);
      }
    }
    if (p.truth === p.predicted) cls(p.truth).tp++;
    else {
      cls(p.truth).fn++;
      cls(p.predicted).fp++;
    }
  }
  if (samples === 0) throw new EvalgateError([{ file: f.labels!, expected: 'at least one row', found: 'none' }]);

  if (binary) {
    const pos = f.positive!;
    if (!classes.has(pos)) {
      throw new EvalgateError([
        { file: '--positive', expected: `a label of the files (${[...classes.keys()].map((k) => JSON.stringify(k)).join(', ')})`, found: JSON.stringify(pos) },
      ]);
    }
    const c = classes.get(pos)!;
    const tn = samples - c.tp - c.fp - c.fn;
    return {
      indicator: 'accuracy_f1',
      precision: round(ratio(c.tp, c.tp + c.fp)),
      recall: round(ratio(c.tp, c.tp + c.fn)),
      f1: round(ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn)),
      samples,
      tp: c.tp,
      fp: c.fp,
      fn: c.fn,
      tn,
      average: 'binary',
      positive: pos,
    };
  }
  const perClass: Record<string, ClassCounts> = {};
  for (const k of [...classes.keys()].sort()) perClass[k] = classes.get(k)!;
  if (f.average === 'macro') {
    const m = macroOf(perClass);
    return { indicator: 'accuracy_f1', precision: round(m.precision), recall: round(m.recall), f1: round(m.f1), samples, average: 'macro', per_class: perClass };
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const c of classes.values()) {
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  return {
    indicator: 'accuracy_f1',
    precision: round(ratio(tp, tp + fp)),
    recall: round(ratio(tp, tp + fn)),
    f1: round(ratio(2 * tp, 2 * tp + fp + fn)),
    samples,
    tp,
    fp,
    fn,
    average: 'micro',
    per_class: perClass,
  };
}

/** Unweighted means over the classes of per-class precision, recall and F1 (scikit-learn's macro). */
export function macroOf(perClass: Record<string, ClassCounts>): { precision: number; recall: number; f1: number } {
  const cs = Object.values(perClass);
  let p = 0;
  let r = 0;
  let f1 = 0;
  for (const c of cs) {
    p += ratio(c.tp, c.tp + c.fp);
    r += ratio(c.tp, c.tp + c.fn);
    f1 += ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn);
  }
  const n = cs.length || 1;
  return { precision: p / n, recall: r / n, f1: f1 / n };
}

interface CommonFlags {
  out?: string;
  shard?: string;
  model?: string;
  dataset?: string;
}

async function writeOne(rt: Runtime, f: CommonFlags, value: Record<string, unknown>, summary: string): Promise<ExitCode> {
  const shard = parseShard(f.shard);
  const outFlag = f.out;
  const out = path.resolve(rt.cwd, outFlag ?? '.');
  const file = path.join(out, indicatorFileName(value.indicator as string, shard));
  await ensureNew([file]);
  await ensureDir(out);
  const meta = { ...(f.model !== undefined ? { model: f.model } : {}), ...(f.dataset !== undefined ? { dataset: f.dataset } : {}), ...(shard ? { shard } : {}) };
  await writeIndicatorFiles([{ file, value: { ...value, ...meta } }]);
  rt.stdout(`${summary}\nwrote ${file}\n`);
  return ExitCode.Ok;
}

export async function scoreF1(f: ScoreF1Flags, rt: Runtime): Promise<ExitCode> {
  parseShard(f.shard); // a bad flag is said before the files are read
  const v = await computeF1(f, rt.cwd);
  const counts = v.tp !== undefined ? `; tp ${v.tp}, fp ${v.fp}, fn ${v.fn}${v.tn !== undefined ? `, tn ${v.tn}` : ''}` : '';
  const classes = v.per_class ? `, ${Object.keys(v.per_class as object).length} classes` : '';
  return writeOne(rt, f, v, `accuracy_f1 (${v.average}${classes}): f1 ${v.f1}, precision ${v.precision}, recall ${v.recall} over ${v.samples} samples${counts}`);
}

export interface ScoreToxicityFlags {
  model?: string;
  dataset?: string;
  labels?: string;
  threshold?: string;
  column?: string;
  shard?: string;
  out?: string;
}

const TOXIC_COLUMNS = ['toxic', 'is_toxic', 'label', 'toxicity', 'score'];
const TRUE_WORDS = new Set(['true', 'yes', 'toxic']);
const FALSE_WORDS = new Set(['false', 'no', 'ok', 'clean', 'safe', 'non-toxic', 'non_toxic', 'not_toxic', 'nontoxic']);

export async function computeToxicity(f: ScoreToxicityFlags, cwd: string): Promise<Record<string, unknown>> {
  if (f.labels === undefined) throw new EvalgateError([{ file: '--labels', expected: 'a JSONL or CSV file with one row per sample', found: 'nothing' }]);
  const threshold = numberFlag('--threshold', f.threshold, { min: 0 }) ?? 0.5;
  const file = path.resolve(cwd, f.labels);
  const p = await checkReadable(file, '--labels');
  if (p) throw new EvalgateError([{ ...p, file: f.labels }]);
  let column: string | undefined;
  let total = 0;
  let toxic = 0;
  let scored = false;
  for await (const row of readRows(file, f.labels)) {
    column ??= pickColumn(row, f.labels, f.column, TOXIC_COLUMNS, 'id');
    const v = row.values[column];
    let isToxic: boolean | null = null;
    if (typeof v === 'boolean') isToxic = v;
    else if (typeof v === 'number' && Number.isFinite(v)) {
      isToxic = v >= threshold;
      if (v !== 0 && v !== 1) scored = true;
    } else if (typeof v === 'string') {
      const w = v.trim().toLowerCase();
      if (TRUE_WORDS.has(w)) isToxic = true;
      else if (FALSE_WORDS.has(w)) isToxic = false;
      else if (w !== '' && Number.isFinite(Number(w))) {
        const n = Number(w);
        isToxic = n >= threshold;
        if (n !== 0 && n !== 1) scored = true;
      }
    }
    if (isToxic === null) {
      throw new EvalgateError([
        {
          file: f.labels,
          line: row.line,
          path: column,
          expected: 'a toxic label (true/false, 1/0, yes/no, toxic/ok) or a score (a number, toxic at or above --threshold)',
          found: v === undefined ? 'no such field' : JSON.stringify(v),
        },
      ]);
    }
    total++;
    if (isToxic) toxic++;
  }
  if (total === 0) throw new EvalgateError([{ file: f.labels, expected: 'at least one row', found: 'none' }]);
  return {
    indicator: 'toxicity',
    toxic_ratio: round(toxic / total),
    toxic_count: toxic,
    total_samples: total,
    ...(scored || f.threshold !== undefined ? { threshold } : {}),
  };
}

export async function scoreToxicity(f: ScoreToxicityFlags, rt: Runtime): Promise<ExitCode> {
  parseShard(f.shard);
  const v = await computeToxicity(f, rt.cwd);
  return writeOne(rt, f, v, `toxicity: ${v.toxic_count} of ${v.total_samples} toxic (ratio ${v.toxic_ratio})`);
}
