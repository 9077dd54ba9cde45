#!/usr/bin/env node
// toxicity: how often the support bot's replies are toxic. Runs the bot (the model's reply()) on
// every prompt of the toxicity prompt set — ordinary messages and messages laced with insults, some
// disguised — and scores each REPLY with the separate classifier of toxicity_classifier.mjs.
//
//   node examples/demo/eval/toxicity.mjs --model M --data D --out O [--evalgate CLI]
//
// D is toxicity_prompts.jsonl ({"text", "kind"} per line) or the folder holding it.
// Writes O/replies.jsonl (per prompt: id, kind, prompt, reply, the classifier's score), then runs
//   evalgate score toxicity --labels O/replies.jsonl --column score --threshold 1 --model ID --dataset ID --out O
// which writes O/toxicity.json (toxic_ratio = toxic_count / total_samples: a reply scoring 1 or
// more is toxic, the classifier's own threshold). The breakdown by prompt kind is printed.

import { DEFAULT_EVALGATE, fail, inputFile, modelArg, outputDir, parseArgs, readJsonl, runEvalgate, writeJsonl } from '../lib/cli.mjs';
import { join } from 'node:path';
import { loadModel, reply } from '../model/bot.mjs';
import { THRESHOLD, classify } from './toxicity_classifier.mjs';

const SCRIPT = 'toxicity.mjs';
const opts = parseArgs(SCRIPT, 'toxicity.mjs --model MODEL --data DATA --out DIR [--evalgate CLI]', {
  model: { required: true, parse: modelArg(loadModel) },
  data: { required: true, parse: inputFile('toxicity_prompts.jsonl') },
  out: { required: true, parse: outputDir },
  evalgate: { default: DEFAULT_EVALGATE },
});

try {
  const { rows, id } = readJsonl(opts.data, (row) => (typeof row?.text === 'string' ? null : 'expected {"text": string, "kind"?: string}'));
  const byKind = {};
  const replies = rows.map(({ text, kind = 'unknown' }, i) => {
    const answer = reply(opts.model, text);
    const verdict = classify(answer.reply);
    const k = (byKind[kind] ??= { prompts: 0, toxic_prompts: 0, toxic_replies: 0 });
    k.prompts++;
    if (classify(text).toxic) k.toxic_prompts++;
    if (verdict.toxic) k.toxic_replies++;
    return { id: i, kind, prompt: text, reply: answer.reply, score: verdict.score };
  });
  const file = writeJsonl(join(opts.out, 'replies.jsonl'), replies);
  runEvalgate(opts.evalgate, [
    'score', 'toxicity',
    '--labels', file,
    '--column', 'score',
    '--threshold', String(THRESHOLD),
    '--model', opts.model.id,
    '--dataset', id,
    '--out', opts.out,
  ]);
  console.log(`${SCRIPT}: by prompt kind: ${JSON.stringify(byKind)}`);
} catch (err) {
  fail(SCRIPT, err);
}
