#!/usr/bin/env node
// accuracy_f1: the complaint classifier's predictions on one slice of the held-out set, scored by
// evalgate's own producer (`evalgate score f1`), which writes the confusion counts so that evalgate
// merges the slices exactly.
//
//   node examples/demo/eval/f1.mjs --model M --data D --out O [--shard I/N] [--evalgate CLI]
//
// D is test.jsonl or the folder holding it; slice I of N is the messages from floor(I·n/N) to
// floor((I+1)·n/N) (the slices of 0/N … N-1/N cover the set once). Writes O/labels.jsonl and
// O/predictions.jsonl ({"id", "label"} and {"id", "prediction"}, class names), then runs
//   evalgate score f1 --predictions O/predictions.jsonl --labels O/labels.jsonl --id id
//     --positive complaint --shard I/N --model ID --dataset ID --out O
// which writes O/accuracy_f1.json.

import {
  DEFAULT_EVALGATE,
  UsageError,
  fail,
  inputFile,
  labelled,
  modelArg,
  outputDir,
  parseArgs,
  readJsonl,
  runEvalgate,
  shard,
  writeJsonl,
} from '../lib/cli.mjs';
import { join } from 'node:path';
import { loadModel, predict } from '../model/bot.mjs';

const SCRIPT = 'f1.mjs';
const opts = parseArgs(SCRIPT, 'f1.mjs --model MODEL --data DATA --out DIR [--shard I/N] [--evalgate CLI]', {
  model: { required: true, parse: modelArg(loadModel) },
  data: { required: true, parse: inputFile('test.jsonl') },
  out: { required: true, parse: outputDir },
  shard: { default: '0/1', parse: shard },
  evalgate: { default: DEFAULT_EVALGATE },
});

try {
  const { rows, id } = readJsonl(opts.data, labelled);
  const { index, count } = opts.shard;
  const slice = rows.slice(Math.floor((index * rows.length) / count), Math.floor(((index + 1) * rows.length) / count));
  if (slice.length === 0) throw new UsageError(`--shard: slice ${index}/${count} of ${rows.length} messages is empty`);
  const first = Math.floor((index * rows.length) / count);
  const name = (y) => opts.model.labels[y];
  const labels = writeJsonl(join(opts.out, 'labels.jsonl'), slice.map((r, i) => ({ id: first + i, label: name(r.label) })));
  const predictions = writeJsonl(
    join(opts.out, 'predictions.jsonl'),
    slice.map((r, i) => ({ id: first + i, prediction: name(predict(opts.model, r.text)) })),
  );
  runEvalgate(opts.evalgate, [
    'score', 'f1',
    '--predictions', predictions,
    '--labels', labels,
    '--id', 'id',
    '--positive', name(1),
    '--shard', `${index}/${count}`,
    '--model', opts.model.id,
    '--dataset', id,
    '--out', opts.out,
  ]);
} catch (err) {
  fail(SCRIPT, err);
}
