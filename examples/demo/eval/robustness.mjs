#!/usr/bin/env node
// robustness_adv: a greedy black-box attack on the complaint classifier over the held-out set.
//
//   node examples/demo/eval/robustness.mjs --model M --data D --out O [--attack typo|wordswap] [--eps 0.1]
//
// For every message the model classifies correctly, the attack repeatedly takes the word that
// contributes most to the correct class (the score drop when the word is left out), and replaces
// it by the candidate that lowers the score most: for `typo`, CANDIDATES seeded one-edit
// misspellings (swap, deletion, doubling, neighbouring key, insertion); for `wordswap`, its
// synonyms from synonyms.json (beside the data file, or --synonyms). It stops when the prediction
// flips or when the budget is spent: max(1, floor(eps × words)) words per message.
// Messages already misclassified are left as they are (they count as wrong in both F1s).
//
// success_rate = flipped / originally correct; f1_drop = F1(clean) − F1(attacked).
// Writes O/robustness_adv.json. Seeded per message, so the result never changes.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  fail,
  inputFile,
  integer,
  labelled,
  modelArg,
  number,
  oneOf,
  outputDir,
  parseArgs,
  r6,
  readJsonl,
  scores,
  UsageError,
  writeIndicator,
} from '../lib/cli.mjs';
import { rng } from '../lib/prng.mjs';
import { TYPO_KINDS, typo } from '../lib/typo.mjs';
import { loadModel, score } from '../model/bot.mjs';

const SCRIPT = 'robustness.mjs';
const opts = parseArgs(
  SCRIPT,
  'robustness.mjs --model MODEL --data DATA --out DIR [--attack typo|wordswap] [--eps 0.1] [--candidates 8] [--synonyms FILE]',
  {
    model: { required: true, parse: modelArg(loadModel) },
    data: { required: true, parse: inputFile('test.jsonl') },
    out: { required: true, parse: outputDir },
    attack: { default: 'typo', parse: oneOf('typo', 'wordswap') },
    eps: { default: '0.1', parse: number(0, 1) },
    candidates: { default: '8', parse: integer(1, 100) },
    synonyms: { parse: inputFile('synonyms.json') },
  },
);

try {
  const { rows, id } = readJsonl(opts.data, labelled);
  const synonyms = opts.attack === 'wordswap' ? readSynonyms(opts.synonyms ?? join(dirname(opts.data), 'synonyms.json')) : null;
  const model = opts.model;

  const labels = rows.map((r) => r.label);
  const clean = rows.map((r) => (score(model, r.text) >= 0 ? 1 : 0));
  const adversarial = [...clean];
  let attacked = 0;
  let flipped = 0;
  let wordsChanged = 0;
  let queries = 0;
  const examples = [];

  rows.forEach((row, n) => {
    if (clean[n] !== row.label) return; // already wrong: nothing to attack
    attacked++;
    const sign = row.label === 1 ? 1 : -1;
    const margin = (words) => {
      queries++;
      return sign * score(model, words.join(' '));
    };
    const r = rng(`evalgate-demo:attack:${opts.attack}:${n}`);
    const words = row.text.split(/\s+/);
    const budget = Math.max(1, Math.floor(opts.eps * words.length));
    const touched = new Set();
    let current = margin(words);
    for (let step = 0; step < budget && current >= 0; step++) {
      // the word whose removal lowers the margin most, among those the attack can change
      let target = -1;
      let best = -Infinity;
      words.forEach((w, i) => {
        if (touched.has(i) || candidatesFor(w, r, true).length === 0) return;
        const drop = current - margin(words.filter((_, j) => j !== i));
        if (drop > best) [best, target] = [drop, i];
      });
      if (target < 0) break;
      let choice = null;
      for (const candidate of candidatesFor(words[target], r)) {
        const m = margin(words.map((w, j) => (j === target ? candidate : w)));
        if (choice === null || m < choice.m) choice = { candidate, m };
      }
      touched.add(target);
      if (choice === null || choice.m >= current) continue; // no candidate helps; try the next word
      words[target] = choice.candidate;
      current = choice.m;
    }
    wordsChanged += [...touched].filter((i) => words[i] !== row.text.split(/\s+/)[i]).length;
    if (current < 0) {
      flipped++;
      adversarial[n] = 1 - row.label;
      if (examples.length < 5) examples.push({ original: row.text, adversarial: words.join(' ') });
    }
  });

  /** Replacement candidates for a word (its letters only; punctuation and case are kept). */
  function candidatesFor(word, r, probe = false) {
    const m = word.match(/^([^A-Za-z']*)([A-Za-z']+)([^A-Za-z']*)$/);
    if (!m) return [];
    const [, pre, core, post] = m;
    let out;
    if (opts.attack === 'typo') {
      if (core.length < 3) return [];
      if (probe) return [core];
      out = new Set();
      for (let k = 0; k < opts.candidates; k++) out.add(typo(core, r, TYPO_KINDS[k % TYPO_KINDS.length]));
      out.delete(core);
      out = [...out];
    } else {
      const alts = synonyms.get(core.toLowerCase()) ?? [];
      if (probe) return alts;
      const upper = core[0] !== core[0].toLowerCase();
      out = alts.map((a) => (upper ? a[0].toUpperCase() + a.slice(1) : a));
    }
    return out.map((c) => pre + c + post);
  }

  const s0 = scores(labels, clean);
  const s1 = scores(labels, adversarial);
  const path = writeIndicator(opts.out, 'robustness_adv', {
    indicator: 'robustness_adv',
    attack_type: opts.attack,
    success_rate: attacked ? r6(flipped / attacked) : 0,
    f1_drop: r6(s0.f1 - s1.f1),
    samples: rows.length,
    eps: opts.eps,
    f1_clean: r6(s0.f1),
    f1_adv: r6(s1.f1),
    attacked,
    flipped,
    words_changed: wordsChanged,
    model_queries: queries,
    examples,
    model: model.id,
    dataset: id,
  });
  console.log(`${SCRIPT}: ${path}: ${opts.attack} attack flipped ${flipped}/${attacked}, f1 ${r6(s0.f1)} -> ${r6(s1.f1)}`);
} catch (err) {
  fail(SCRIPT, err);
}

function readSynonyms(path) {
  let table;
  try {
    table = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new UsageError(`cannot read the synonyms ${path}: ${err.code ?? err.message}`);
  }
  return new Map(Object.entries(table).filter(([k, v]) => !k.startsWith('_') && Array.isArray(v)));
}
