/**
 * `evalgate score f1` and `score toxicity` (SPEC §7): F1 against scikit-learn's f1_score /
 * precision_score / recall_score (Debian's python3-sklearn, installed here when missing) on
 * generated data, binary and multi-class micro and macro, CSV and JSONL, by line and by id; shards
 * merge exactly (macro through per_class); bad input is a problem with file:line.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { collect } from '../src/engine.js';
import { resolveSettings } from '../src/config/settings.js';
import { captureRuntime, tempDir } from './helpers.js';

const PY = '/usr/bin/python3';

/** Debian's scikit-learn under Debian's python (the pyenv python3 on PATH has none). */
function ensureSklearn(): void {
  if (spawnSync(PY, ['-c', 'import sklearn'], { stdio: 'ignore' }).status === 0) return;
  const root = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const [cmd, ...args] = [...root, 'apt-get', 'install', '-y', '--no-install-recommends', 'python3-sklearn'];
  const r = spawnSync(cmd!, args, { encoding: 'utf8' });
  if (spawnSync(PY, ['-c', 'import sklearn'], { stdio: 'ignore' }).status !== 0) {
    throw new Error(`python3-sklearn is missing and could not be installed: ${r.stderr}`);
  }
}

/** scikit-learn's scores of label lists (strings), all in one python process (its import costs seconds). */
function sklearnAll(sets: Array<{ truth: string[]; pred: string[]; average: string; pos?: string }>): Array<{ precision: number; recall: number; f1: number }> {
  const dir = tempDir();
  const f = path.join(dir, 'in.json');
  writeFileSync(f, JSON.stringify(sets.map((s) => ({ ...s, pos: s.pos ?? null }))));
  const code = `
import json, sys
from sklearn.metrics import f1_score, precision_score, recall_score
out = []
for d in json.load(open(sys.argv[1])):
    kw = {'average': d['average'], 'zero_division': 0}
    if d['pos'] is not None: kw['pos_label'] = d['pos']
    out.append({'precision': precision_score(d['truth'], d['pred'], **kw), 'recall': recall_score(d['truth'], d['pred'], **kw), 'f1': f1_score(d['truth'], d['pred'], **kw)})
print(json.dumps(out))`;
  const r = spawnSync(PY, ['-c', code, f], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

/** A seeded generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n labelled samples over `classes` and a noisy classifier's predictions (some classes only predicted). */
function generate(seed: number, n: number, classes: string[], predictedOnly: string[] = []) {
  const r = rng(seed);
  const truth: string[] = [];
  const pred: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = classes[Math.floor(r() * r() * classes.length)]!; // skewed class sizes
    truth.push(t);
    const u = r();
    const all = [...classes, ...predictedOnly];
    pred.push(u < 0.7 ? t : all[Math.floor(r() * all.length)]!);
  }
  return { truth, pred };
}

const csvCell = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

async function score(args: string[], cwd: string) {
  const rt = captureRuntime(cwd);
  const code = await main(['score', ...args], rt);
  return { code, out: rt.out.join(''), err: rt.err.join('') };
}
const json = (f: string): Record<string, any> => JSON.parse(readFileSync(f, 'utf8'));
const settings = resolveSettings({ merge: [] }, { flag: (n) => `--${n}`, defaultBaseline: 'none' }, undefined).settings;

interface F1Case {
  name: string;
  seed: number;
  classes: string[];
  predictedOnly?: string[];
  positive?: string;
  average?: 'micro' | 'macro';
  format: 'csv' | 'jsonl';
  byId: boolean;
}
const F1_CASES: F1Case[] = [
  { name: 'binary, CSV by line', seed: 1, classes: ['spam', 'ham'], positive: 'spam', format: 'csv', byId: false },
  { name: 'binary, JSONL by id (shuffled), numeric labels', seed: 2, classes: ['1', '0'], positive: '1', format: 'jsonl', byId: true },
  { name: 'micro, JSONL by line', seed: 3, classes: ['a', 'b', 'c', 'd, "quoted"'], average: 'micro', format: 'jsonl', byId: false },
  { name: 'macro, CSV by id, a class only predicted', seed: 4, classes: ['cat', 'dog', 'bird', 'fish, "x"'], predictedOnly: ['lizard'], average: 'macro', format: 'csv', byId: true },
  { name: 'micro, CSV by id, a class only predicted', seed: 5, classes: ['x', 'y', 'z'], predictedOnly: ['w'], average: 'micro', format: 'csv', byId: true },
];
const f1Data = F1_CASES.map((c) => generate(c.seed, 3000, c.classes, c.predictedOnly));
const SHARD_AVERAGES = ['micro', 'macro', 'binary'] as const;
const shardData = SHARD_AVERAGES.map((a) => generate(11, 2000, a === 'binary' ? ['pos', 'neg'] : ['a', 'b', 'c', 'd', 'e']));
let expected: Array<{ precision: number; recall: number; f1: number }> = [];

beforeAll(() => {
  ensureSklearn();
  expected = sklearnAll([
    ...F1_CASES.map((c, i) => ({ ...f1Data[i]!, average: c.average ?? 'binary', pos: c.positive })),
    ...SHARD_AVERAGES.map((a, i) => ({ ...shardData[i]!, average: a, pos: a === 'binary' ? 'pos' : undefined })),
  ]);
}, 300_000);

describe('score f1 = scikit-learn', () => {
  it.each(F1_CASES.map((c, i) => ({ ...c, i })))('$name', async (c) => {
    const { truth, pred } = f1Data[c.i]!;
    const dir = tempDir();
    const order = truth.map((_, i) => i);
    if (c.byId) order.sort((a, b) => ((a * 7919) % 3001) - ((b * 7919) % 3001)); // another order than the labels'
    const write = (file: string, col: string, values: string[], rows: number[]): void => {
      const numeric = c.classes[0] === '1';
      if (c.format === 'csv') {
        writeFileSync(file, [`${c.byId ? 'id,' : ''}${col}`, ...rows.map((i) => `${c.byId ? `s${i},` : ''}${csvCell(values[i]!)}`)].join('\n') + '\n');
      } else {
        writeFileSync(
          file,
          rows.map((i) => JSON.stringify({ ...(c.byId ? { id: i } : {}), [col]: numeric ? Number(values[i]) : values[i] })).join('\n') + '\n',
        );
      }
    };
    const labels = path.join(dir, `labels.${c.format}`);
    const preds = path.join(dir, `preds.${c.format}`);
    write(labels, 'label', truth, truth.map((_, i) => i));
    write(preds, 'prediction', pred, order);
    const args = ['f1', '--predictions', preds, '--labels', labels, '--out', dir];
    if (c.positive) args.push('--positive', c.positive);
    if (c.average) args.push('--average', c.average);
    if (c.byId) args.push('--id', 'id');
    const r = await score(args, dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const got = json(path.join(dir, 'accuracy_f1.json'));
    const want = expected[c.i]!;
    for (const k of ['precision', 'recall', 'f1'] as const) expect(got[k]).toBeCloseTo(want[k], 10);
    expect(got.samples).toBe(3000);
    if (c.average) {
      const classes = new Set([...truth, ...pred]);
      expect(Object.keys(got.per_class).sort()).toEqual([...classes].sort());
    }
    const v = await collect([path.join(dir, 'accuracy_f1.json')], settings, captureRuntime(dir));
    expect(v.problems).toEqual([]);
    expect(v.merge.indicators.accuracy_f1!.fields.f1).toBeCloseTo(want.f1, 10);
  });

  it.each(SHARD_AVERAGES.map((average, i) => ({ average, i })))('$average: shards scored apart merge to the F1 of the whole set', async ({ average, i }) => {
    const { truth, pred } = shardData[i]!;
    const dir = tempDir();
    const out = path.join(dir, 'out');
    const cuts = [0, 300, 1100, 2000];
    for (let s = 0; s < 3; s++) {
      const rows = truth.slice(cuts[s], cuts[s + 1]).map((t, i) => ({ t, p: pred[cuts[s]! + i]! }));
      writeFileSync(path.join(dir, `l${s}.jsonl`), rows.map((x) => JSON.stringify({ label: x.t })).join('\n'));
      writeFileSync(path.join(dir, `p${s}.jsonl`), rows.map((x) => JSON.stringify({ prediction: x.p })).join('\n'));
      const kind = average === 'binary' ? ['--positive', 'pos'] : ['--average', average];
      const r = await score(['f1', '--labels', path.join(dir, `l${s}.jsonl`), '--predictions', path.join(dir, `p${s}.jsonl`), ...kind, '--shard', `${s}/3`, '--out', out], dir);
      expect(r.code, r.err).toBe(0);
    }
    const files = [0, 1, 2].map((s) => path.join(out, `accuracy_f1-${s}of3.json`));
    const m = await collect(files, settings, captureRuntime(dir));
    expect(m.problems).toEqual([]);
    const merged = m.merge.indicators.accuracy_f1!;
    expect(merged.approximate).toBe(false);
    const want = expected[F1_CASES.length + i]!;
    for (const k of ['precision', 'recall', 'f1'] as const) expect(merged.fields[k]).toBeCloseTo(want[k], 10);
  });
});

describe('score f1: bad input names the file and line', () => {
  const cases: Array<{ name: string; labels: [string, string]; preds: [string, string]; args: string[]; err: RegExp[] }> = [
    {
      name: 'unmatched ids, both ways, and a duplicate',
      labels: ['l.csv', 'id,label\n1,a\n2,b\n3,a\n'],
      preds: ['p.csv', 'id,prediction\n1,a\n9,b\n1,b\n'],
      args: ['--id', 'id', '--average', 'micro'],
      err: [/p\.csv:3: \$?id: expected an id that l\.csv has, got "9"/, /p\.csv:4: \$?id: expected each id once, got "1" again/, /l\.csv:3: \$?id: expected a prediction for every id/, /l\.csv:4: \$?id: expected a prediction for every id/],
    },
    { name: 'a third label in a binary F1', labels: ['l.jsonl', '{"label":"a"}\n{"label":"b"}\n{"label":"a"}\n'], preds: ['p.jsonl', '{"prediction":"a"}\n{"prediction":"a"}\n{"prediction":"c"}\n'], args: ['--positive', 'a'], err: [/p\.jsonl:3: expected one of the two labels of a binary F1 \("a", "b"; for more classes use --average micro\|macro\), got "c"/] },
    { name: 'a positive label no file has', labels: ['l.csv', 'label\nx\ny\n'], preds: ['p.csv', 'prediction\nx\nx\n'], args: ['--positive', 'z'], err: [/--positive: expected a label of the files \("x", "y"\), got "z"/] },
    { name: 'a CSV row with too many fields', labels: ['l.csv', 'label\nx\ny,z\n'], preds: ['p.csv', 'prediction\nx\nx\n'], args: [], err: [/l\.csv:3: expected 1 fields \(as the header row has\), got 2/] },
    { name: 'a JSONL line that is not JSON', labels: ['l.jsonl', '{"label":"x"}\n{"label":\n'], preds: ['p.jsonl', '{"prediction":"x"}\n{"prediction":"x"}\n'], args: [], err: [/l\.jsonl:2: expected a JSON object on this line \(JSONL\)/] },
    { name: 'a missing label', labels: ['l.jsonl', '{"label":"x"}\n{"label":null}\n'], preds: ['p.jsonl', '{"prediction":"x"}\n{"prediction":"x"}\n'], args: [], err: [/l\.jsonl:2: label: expected a label \(a non-empty string, a number or a boolean\), got null/] },
    { name: 'files of different lengths paired by line', labels: ['l.csv', 'label\nx\ny\nx\n'], preds: ['p.csv', 'prediction\nx\nx\n'], args: [], err: [/l\.csv:4: expected as many rows as p\.csv \(paired line by line; or join them with --id COLUMN\), got row 3 here, p\.csv has 2/] },
  ];
  it.each(cases)('$name', async (c) => {
    const dir = tempDir();
    writeFileSync(path.join(dir, c.labels[0]), c.labels[1]);
    writeFileSync(path.join(dir, c.preds[0]), c.preds[1]);
    const r = await score(['f1', '--labels', c.labels[0], '--predictions', c.preds[0], ...c.args, '--out', 'o'], dir);
    expect(r.code).toBe(2);
    for (const e of c.err) expect(r.err).toMatch(e);
    expect(r.err).not.toContain('    at ');
  });

  it('never overwrites, and says which flags are missing', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'l.csv'), 'label\nx\n');
    writeFileSync(path.join(dir, 'p.csv'), 'prediction\nx\n');
    writeFileSync(path.join(dir, 'accuracy_f1.json'), 'mine');
    const r = await score(['f1', '--labels', 'l.csv', '--predictions', 'p.csv'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('accuracy_f1.json: expected no file there');
    expect(readFileSync(path.join(dir, 'accuracy_f1.json'), 'utf8')).toBe('mine');
    const m = await score(['f1'], dir);
    expect(m.err).toContain('--predictions: expected a JSONL or CSV file of predicted labels, got nothing');
    expect(m.err).toContain('--labels: expected a JSONL or CSV file of true labels, got nothing');
  });
});

describe('score toxicity', () => {
  it('counts labels and scores, at a threshold, and shards merge exactly', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.jsonl'), ['{"toxic":true}', '{"toxic":false}', '{"toxic":1}', '{"toxic":"no"}'].join('\n'));
    writeFileSync(path.join(dir, 'b.csv'), 'id,score\n1,0.9\n2,0.2\n3,0.71\n4,0.7\n5,0.05\n');
    const a = await score(['toxicity', '--labels', 'a.jsonl', '--shard', '0/2', '--out', 'o'], dir);
    expect(a.code, a.err).toBe(0);
    const b = await score(['toxicity', '--labels', 'b.csv', '--threshold', '0.7', '--shard', '1/2', '--out', 'o'], dir);
    expect(b.code, b.err).toBe(0);
    const fa = json(path.join(dir, 'o', 'toxicity-0of2.json'));
    const fb = json(path.join(dir, 'o', 'toxicity-1of2.json'));
    expect(fa).toMatchObject({ toxic_count: 2, total_samples: 4, toxic_ratio: 0.5, shard: { index: 0, count: 2 } });
    expect(fb).toMatchObject({ toxic_count: 3, total_samples: 5, toxic_ratio: 0.6, threshold: 0.7 });
    const m = await collect([path.join(dir, 'o', 'toxicity-0of2.json'), path.join(dir, 'o', 'toxicity-1of2.json')], settings, captureRuntime(dir));
    expect(m.problems).toEqual([]);
    expect(m.merge.indicators.toxicity!.fields).toMatchObject({ toxic_count: 5, total_samples: 9 });
    expect(m.merge.indicators.toxicity!.approximate).toBe(false);
  });

  it('a value that is neither a label nor a score is a problem with its line', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 't.csv'), 'toxic\ntrue\nmaybe\n');
    const r = await score(['toxicity', '--labels', 't.csv'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/t\.csv:3: toxic: expected a toxic label .*got "maybe"/);
  });
});
