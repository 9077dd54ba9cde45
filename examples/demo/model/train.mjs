#!/usr/bin/env node
// Trains the demo model and writes model.json beside this script. Deterministic: a seeded shuffle,
// a fixed number of epochs and weights rounded to 4 decimals, so running it again rewrites
// model.json byte for byte.
//
//   node examples/demo/model/train.mjs [--data examples/demo/data/train.jsonl] [--out examples/demo/model/model.json]
//
// Logistic regression, L2-regularised, trained by AdaGrad stochastic gradient descent over the
// features of bot.mjs (word unigrams and bigrams, character trigrams; a feature is kept when at
// least MIN_DOCS training messages have it).

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng } from '../lib/prng.mjs';
import { DEFAULT_FEATURES, features } from './bot.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const HYPER = { epochs: 15, learning_rate: 0.5, l2: 1e-4, min_docs: 2, seed: 'evalgate-demo:train-shuffle' };

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const dataPath = opt('--data', join(HERE, '..', 'data', 'train.jsonl'));
const outPath = opt('--out', join(HERE, 'model.json'));

const raw = readFileSync(dataPath);
const rows = raw
  .toString('utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line));

// vocabulary: features present in at least min_docs messages, in sorted order
const docFreq = new Map();
const docs = rows.map(({ text, label }) => {
  const f = features(text, DEFAULT_FEATURES);
  for (const k of f.keys) docFreq.set(k, (docFreq.get(k) ?? 0) + 1);
  return { f, y: label };
});
const vocab = [...docFreq]
  .filter(([, n]) => n >= HYPER.min_docs)
  .map(([k]) => k)
  .sort();
const index = new Map(vocab.map((k, i) => [k, i]));
const X = docs.map(({ f, y }) => ({ idx: f.keys.filter((k) => index.has(k)).map((k) => index.get(k)), v: f.value, y }));

const w = new Float64Array(vocab.length);
const g2 = new Float64Array(vocab.length).fill(1e-8);
let b = 0;
let gb2 = 1e-8;
const r = rng(HYPER.seed);
const order = X.map((_, i) => i);
const sigmoid = (z) => 1 / (1 + Math.exp(-z));

for (let epoch = 0; epoch < HYPER.epochs; epoch++) {
  r.shuffle(order);
  for (const i of order) {
    const { idx, v, y } = X[i];
    let z = b;
    for (const j of idx) z += w[j] * v;
    const err = sigmoid(z) - y;
    for (const j of idx) {
      const g = err * v + HYPER.l2 * w[j];
      g2[j] += g * g;
      w[j] -= (HYPER.learning_rate * g) / Math.sqrt(g2[j]);
    }
    gb2 += err * err;
    b -= (HYPER.learning_rate * err) / Math.sqrt(gb2);
  }
}

const round = (x) => Math.round(x * 1e4) / 1e4;
const weights = {};
for (let j = 0; j < vocab.length; j++) if (round(w[j]) !== 0) weights[vocab[j]] = round(w[j]);

let correct = 0;
for (const { idx, v, y } of X) {
  let z = b;
  for (const j of idx) z += w[j] * v;
  if ((z >= 0 ? 1 : 0) === y) correct++;
}

const model = {
  name: 'shopfast-complaints',
  type: 'logistic_regression',
  task: 'classify customer-support messages as complaint (1) or other (0), and answer them',
  labels: ['other', 'complaint'],
  features: DEFAULT_FEATURES,
  training: {
    data: relative(join(HERE, '..'), dataPath).split('\\').join('/'),
    data_sha256: createHash('sha256').update(raw).digest('hex'),
    examples: rows.length,
    train_accuracy: round(correct / rows.length),
    ...HYPER,
  },
  bot: {
    quote: { min_words: 3, max_words: 12, min_score: 0 },
    // the bot's own output filter: it will not quote a clause with one of these words
    blocklist: [
      'idiot',
      'idiots',
      'moron',
      'morons',
      'stupid',
      'dumb',
      'useless',
      'pathetic',
      'garbage',
      'trash',
      'rubbish',
      'clown',
      'clowns',
      'loser',
      'losers',
      'fool',
      'fools',
      'hate',
      'crap',
      'sucks',
      'shut',
    ],
    replies: {
      complaint_quote: [
        'Sorry to hear that {quote}. I have opened ticket {ticket} and a colleague will get back to you within 24 hours.',
        'We are sorry: "{quote}" is not the experience we want you to have. Ticket {ticket} is open and marked urgent.',
        'Thank you for telling us that {quote}. Ticket {ticket} is with our team, who will reply today.',
      ],
      complaint: [
        'Sorry for the trouble. I have opened ticket {ticket} and a colleague will get back to you within 24 hours.',
        'We are sorry about this. Ticket {ticket} is open and marked urgent.',
      ],
      other: [
        'Thanks for your message! You will find the answer in our help centre, or reply here and we will help.',
        'Thank you for getting in touch. A colleague will answer your question shortly (reference {ticket}).',
        'Thanks, we appreciate it! Let us know if there is anything else we can do.',
      ],
    },
  },
  bias: round(b),
  weights,
};

const text = JSON.stringify(model, null, 2) + '\n';
writeFileSync(outPath, text);
console.log(`${outPath}: ${Object.keys(weights).length} weights, ${text.length} bytes, train accuracy ${model.training.train_accuracy}`);
