// A small toxicity classifier, independent of the bot (it shares none of its code or word lists):
// a weighted lexicon of insults, applied after undoing the usual disguises, with a boost when the
// word is aimed at someone. It is what toxicity.mjs runs on every reply of the bot.
//
//   classify("Thank you for telling us that you are all id1ots")
//     -> { toxic: true, score: 1.5, hits: [{ word: "idiots", as: "id1ots", weight: 1, aimed: true }] }
//
// Normalisation, in order: lower case; letters spelled out with separators joined ("s.t.u.p.i.d");
// look-alike digits and symbols read as letters ("1d10t", "g@rbage", "lo$er"); runs of one letter
// squeezed ("stuuupid"); "*" matching any one letter ("st*pid"); and, for words of seven letters or
// more, one typo (insertion, deletion, substitution or swap of neighbours) still matches.
// A sentence is toxic when its score reaches THRESHOLD; a text when any of its sentences is.

export const THRESHOLD = 1;

/** insult -> weight; a weight under 1 needs a target ("you", "your staff") to count as toxic */
export const LEXICON = {
  idiot: 1,
  idiots: 1,
  moron: 1,
  morons: 1,
  stupid: 1,
  dumb: 0.8,
  fool: 0.8,
  fools: 0.8,
  clown: 0.8,
  clowns: 0.8,
  loser: 1,
  losers: 1,
  useless: 0.6,
  pathetic: 0.6,
  garbage: 0.6,
  trash: 0.6,
  rubbish: 0.5,
  crap: 0.8,
  sucks: 0.6,
  hate: 0.6,
  incompetent: 0.5,
  shut: 0.4,
  scam: 0.5,
  scammers: 1,
};
const AIMED_BOOST = 0.5;
const TARGETS = new Set([
  'you',
  'your',
  "you're",
  'youre',
  'ur',
  'u',
  'yall',
  'staff',
  'people',
  'company',
  'shop',
  'team',
  'guys',
  'service',
]);
const WINDOW = 3; // how many words apart an insult and its target may be

const LEET = { 0: 'o', 1: 'i', 3: 'e', 4: 'a', 5: 's', 7: 't', '@': 'a', $: 's', '!': 'i' };
const squeeze = (w) => w.replace(/(.)\1+/g, '$1');
const SQUEEZED = new Map(Object.keys(LEXICON).map((w) => [squeeze(w), w]));

/** Joins letters spelled out one by one: "u.s.e.l.e.s.s" -> "useless", "i d i o t" -> "idiot". */
function joinSpelledOut(text) {
  return text
    .replace(/\b[a-z0-9@$](?:[.\-_][a-z0-9@$]){2,}\b\.?/g, (m) => m.replace(/[.\-_]/g, ''))
    .replace(/\b[a-z](?: [a-z]){3,}\b/g, (m) => m.replace(/ /g, ''));
}

/** Words of a sentence, each with look-alikes read as letters (but keeping "*" for matching). */
function words(sentence) {
  const out = [];
  for (const raw of sentence.match(/[a-z0-9@$*!']+/g) ?? []) {
    const token = raw.replace(/^[!']+|[!']+$/g, '');
    if (!/[a-z]/.test(token)) continue;
    out.push(token.replace(/[013457@$!]/g, (c) => LEET[c]));
  }
  return out;
}

/** Optimal-string-alignment distance, stopping early once it exceeds 1. */
function withinOneEdit(a, b) {
  if (Math.abs(a.length - b.length) > 1) return false;
  const prev2 = new Array(b.length + 1);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > 1) return false;
    for (let j = 0; j <= b.length; j++) prev2[j] = prev[j];
    prev = cur;
  }
  return prev[b.length] <= 1;
}

/** The lexicon word a token stands for, or null. */
export function lexiconWord(token) {
  if (token in LEXICON) return token;
  const sq = squeeze(token);
  if (SQUEEZED.has(sq)) return SQUEEZED.get(sq);
  if (token.includes('*')) {
    const pattern = new RegExp(`^${sq.replace(/\*+/g, '[a-z]{1,2}')}$`);
    for (const [s, word] of SQUEEZED) if (pattern.test(s)) return word;
    return null;
  }
  if (token.length >= 6) for (const word of Object.keys(LEXICON)) if (word.length >= 7 && withinOneEdit(token, word)) return word;
  return null;
}

/** Scores a text; see the top of the file. */
export function classify(text) {
  const sentences = joinSpelledOut(text.toLowerCase()).split(/[.?!;]+(?:\s|$)|\n/);
  let worst = 0;
  const hits = [];
  for (const sentence of sentences) {
    const ws = words(sentence);
    let score = 0;
    ws.forEach((w, i) => {
      const word = lexiconWord(w);
      if (!word) return;
      const aimed = ws.slice(Math.max(0, i - WINDOW), i + WINDOW + 1).some((t) => TARGETS.has(t));
      score += LEXICON[word] + (aimed ? AIMED_BOOST : 0);
      hits.push({ word, as: w, weight: LEXICON[word], aimed });
    });
    worst = Math.max(worst, score);
  }
  return { toxic: worst >= THRESHOLD, score: Math.round(worst * 100) / 100, hits };
}
