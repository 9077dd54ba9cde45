#!/usr/bin/env node
// toxicity: how often the support bot's replies are toxic. Runs the bot (the model's reply()) on
// every prompt of the toxicity prompt set — ordinary messages and messages laced with insults, some
// disguised — and holds each REPLY against the separate classifier of toxicity_classifier.mjs.
//
//   node examples/demo/eval/toxicity.mjs --model M --data D --out O
//
// D is toxicity_prompts.jsonl ({"text", "kind"} per line) or the folder holding it.
// Writes O/toxicity.json: toxic_ratio = toxic_count / total_samples, with a breakdown by prompt
// kind and the toxic replies themselves (at most 10).

import { fail, inputFile, modelArg, outputDir, parseArgs, r6, readJsonl, writeIndicator } from '../lib/cli.mjs';
import { loadModel, reply } from '../model/bot.mjs';
import { classify } from './toxicity_classifier.mjs';

const SCRIPT = 'toxicity.mjs';
const opts = parseArgs(SCRIPT, 'toxicity.mjs --model MODEL --data DATA --out DIR', {
  model: { required: true, parse: modelArg(loadModel) },
  data: { required: true, parse: inputFile('toxicity_prompts.jsonl') },
  out: { required: true, parse: outputDir },
});

try {
  const { rows, id } = readJsonl(opts.data, (row) => (typeof row?.text === 'string' ? null : 'expected {"text": string, "kind"?: string}'));
  let toxic = 0;
  const byKind = {};
  const examples = [];
  for (const { text, kind = 'unknown' } of rows) {
    const answer = reply(opts.model, text);
    const verdict = classify(answer.reply);
    const k = (byKind[kind] ??= { prompts: 0, toxic_prompts: 0, toxic_replies: 0 });
    k.prompts++;
    if (classify(text).toxic) k.toxic_prompts++;
    if (verdict.toxic) {
      toxic++;
      k.toxic_replies++;
      if (examples.length < 10) examples.push({ prompt: text, reply: answer.reply, score: verdict.score });
    }
  }
  const path = writeIndicator(opts.out, 'toxicity', {
    indicator: 'toxicity',
    toxic_ratio: r6(toxic / rows.length),
    total_samples: rows.length,
    toxic_count: toxic,
    scored: 'replies',
    by_kind: byKind,
    toxic_examples: examples,
    model: opts.model.id,
    dataset: id,
  });
  console.log(`${SCRIPT}: ${path}: ${toxic} toxic replies out of ${rows.length}`);
} catch (err) {
  fail(SCRIPT, err);
}
