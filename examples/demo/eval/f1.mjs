#!/usr/bin/env node
// accuracy_f1: precision, recall and F1 of the complaint classifier on one slice of the held-out
// set, with the confusion counts so that evalgate can merge the slices exactly.
//
//   node examples/demo/eval/f1.mjs --model M --data D --out O [--shard I/N]
//
// D is test.jsonl or the folder holding it; slice I of N is the messages from floor(I·n/N) to
// floor((I+1)·n/N) (the slices of 0/N … N-1/N cover the set once). Writes O/accuracy_f1.json.

import {
  UsageError,
  fail,
  inputFile,
  labelled,
  modelArg,
  outputDir,
  parseArgs,
  r6,
  readJsonl,
  scores,
  shard,
  writeIndicator,
} from '../lib/cli.mjs';
import { loadModel, predict } from '../model/bot.mjs';

const SCRIPT = 'f1.mjs';
const opts = parseArgs(SCRIPT, 'f1.mjs --model MODEL --data DATA --out DIR [--shard I/N]', {
  model: { required: true, parse: modelArg(loadModel) },
  data: { required: true, parse: inputFile('test.jsonl') },
  out: { required: true, parse: outputDir },
  shard: { default: '0/1', parse: shard },
});

try {
  const { rows, id } = readJsonl(opts.data, labelled);
  const { index, count } = opts.shard;
  const slice = rows.slice(Math.floor((index * rows.length) / count), Math.floor(((index + 1) * rows.length) / count));
  if (slice.length === 0) throw new UsageError(`--shard: slice ${index}/${count} of ${rows.length} messages is empty`);
  const s = scores(
    slice.map((r) => r.label),
    slice.map((r) => predict(opts.model, r.text)),
  );
  const path = writeIndicator(opts.out, 'accuracy_f1', {
    indicator: 'accuracy_f1',
    precision: r6(s.precision),
    recall: r6(s.recall),
    f1: r6(s.f1),
    samples: slice.length,
    tp: s.tp,
    fp: s.fp,
    fn: s.fn,
    tn: s.tn,
    positive_label: opts.model.labels[1],
    shard: { index, count },
    model: opts.model.id,
    dataset: id,
  });
  console.log(`${SCRIPT}: ${path}: f1 ${r6(s.f1)} on ${slice.length} messages (shard ${index}/${count})`);
} catch (err) {
  fail(SCRIPT, err);
}
