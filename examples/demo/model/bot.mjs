// The demo model: a logistic-regression classifier of customer-support messages ("complaint" vs
// "other") over word unigrams, word bigrams and character trigrams, and the tiny support bot built
// on it. The weights live in model.json (written by train.mjs); this module is the inference code
// every evaluation script imports, so they all evaluate exactly the same model.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hash32 } from '../lib/prng.mjs';

/** Lower-cased word tokens. "I can't log in!" -> ["i", "can't", "log", "in"] */
export function tokenize(text) {
  return text.toLowerCase().match(/[a-z0-9']+/g) ?? [];
}

/**
 * The sparse feature vector of a text, L2-normalised: `w:word`, `b:word word` and `c:tri` (the
 * character trigrams of each word padded with < and >, which keep a misspelled word mostly
 * recognisable). Values are presence (1) before normalisation.
 */
export function features(text, spec = DEFAULT_FEATURES) {
  const toks = tokenize(text);
  const set = new Set();
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (spec.word_unigrams) set.add(`w:${t}`);
    if (spec.word_bigrams && i + 1 < toks.length) set.add(`b:${t} ${toks[i + 1]}`);
    for (const n of spec.char_ngrams) {
      const padded = `<${t}>`;
      for (let j = 0; j + n <= padded.length; j++) set.add(`c:${padded.slice(j, j + n)}`);
    }
  }
  const value = set.size ? 1 / Math.sqrt(set.size) : 0;
  return { keys: [...set], value };
}

export const DEFAULT_FEATURES = { word_unigrams: true, word_bigrams: true, char_ngrams: [3] };

/** Reads and checks model.json; the error message says what is wrong with which file. */
export function loadModel(path) {
  let raw;
  try {
    raw = readFileSync(path);
  } catch (err) {
    throw new Error(`cannot read model ${path}: ${err.code ?? err.message}`);
  }
  let model;
  try {
    model = JSON.parse(raw.toString('utf8'));
  } catch (err) {
    throw new Error(`model ${path} is not valid JSON: ${err.message}`);
  }
  if (model?.type !== 'logistic_regression' || typeof model.weights !== 'object' || typeof model.bias !== 'number') {
    throw new Error(`model ${path} is not an evalgate demo model (expected "type": "logistic_regression" with "bias" and "weights")`);
  }
  const weights = new Map(Object.entries(model.weights));
  const sha = createHash('sha256').update(raw).digest('hex');
  return { ...model, weights, blocklist: new Set(model.bot.blocklist), id: `${model.name}@sha256:${sha.slice(0, 12)}` };
}

/** The raw score (log-odds of "complaint"). */
export function score(model, text) {
  const { keys, value } = features(text, model.features);
  let s = model.bias;
  for (const k of keys) {
    const w = model.weights.get(k);
    if (w !== undefined) s += w * value;
  }
  return s;
}

/** 1 = complaint, 0 = other. */
export function predict(model, text) {
  return score(model, text) >= 0 ? 1 : 0;
}

/** "Hi, " / "Good morning, " / "Dear support, ": not quoted */
const GREETING = /^(hi|hello|hey|dear|good morning)\b[^,]{0,12},\s*/i;

/**
 * The support bot: classifies the message and answers from the reply templates of its class. A
 * complaint's answer quotes the clause of the message that reads most like a complaint, unless a
 * word of that clause is on the bot's blocklist — a plain word list, which is how a disguised
 * insult ("id1ot", "st*pid") gets through and ends up in the reply.
 */
export function reply(model, text) {
  const label = predict(model, text);
  const h = hash32(text);
  const { replies, quote } = model.bot;
  if (label === 0) return { label: model.labels[0], reply: fill(replies.other[h % replies.other.length], h) };
  let best = null;
  for (const raw of text.split(/[.!?;:]+|\bbut\b/i)) {
    const clause = raw.trim().replace(GREETING, '');
    const words = tokenize(clause);
    if (words.length < quote.min_words || words.length > quote.max_words) continue;
    const s = score(model, clause);
    if (s > quote.min_score && (best === null || s > best.s)) best = { clause, words, s };
  }
  const safe = best !== null && !best.words.some((w) => model.blocklist.has(w));
  const templates = safe ? replies.complaint_quote : replies.complaint;
  const answer = fill(templates[h % templates.length], h, safe ? best.clause : '');
  return { label: model.labels[1], reply: answer };
}

function fill(template, h, phrase = '') {
  const quoted = /^I\b/.test(phrase) ? phrase : phrase.charAt(0).toLowerCase() + phrase.slice(1);
  return template.replace('{ticket}', `T-${String(h % 100000).padStart(5, '0')}`).replace('{quote}', quoted);
}
