// Realistic one-edit misspellings of a word: used by the data generator (noise in the messages)
// and by the robustness attack (the "typo" perturbation). `r` is a generator from prng.mjs.

const NEIGHBOURS = {
  a: 'qwsz',
  b: 'vghn',
  c: 'xdfv',
  d: 'serfcx',
  e: 'wsdr',
  f: 'drtgvc',
  g: 'ftyhbv',
  h: 'gyujnb',
  i: 'ujko',
  j: 'huikmn',
  k: 'jiolm',
  l: 'kop',
  m: 'njk',
  n: 'bhjm',
  o: 'iklp',
  p: 'ol',
  q: 'wa',
  r: 'edft',
  s: 'awedxz',
  t: 'rfgy',
  u: 'yhji',
  v: 'cfgb',
  w: 'qase',
  x: 'zsdc',
  y: 'tghu',
  z: 'asx',
};

export const TYPO_KINDS = ['swap', 'delete', 'double', 'neighbour', 'insert'];

/** The word with one edit of the given kind at a random position (letters only are touched). */
export function typo(word, r, kind = r.pick(TYPO_KINDS)) {
  const letters = [];
  for (let i = 0; i < word.length; i++) if (/[a-z]/i.test(word[i])) letters.push(i);
  if (letters.length < 2) return word;
  // keep the first letter: people rarely misspell it, and it keeps the word recognisable
  const at = letters[1 + r.int(letters.length - 1)];
  const c = word[at];
  const lower = c.toLowerCase();
  switch (kind) {
    case 'swap': {
      // with the next letter (or, at the end, the one before, unless that is the first letter)
      const other = at + 1 < word.length && /[a-z]/i.test(word[at + 1]) ? at + 1 : at - 1 > letters[0] ? at - 1 : -1;
      if (other < 0 || word[other] === c) return word.slice(0, at) + word.slice(at + 1);
      const [i, j] = other > at ? [at, other] : [other, at];
      return word.slice(0, i) + word[j] + word[i] + word.slice(j + 1);
    }
    case 'delete':
      return word.slice(0, at) + word.slice(at + 1);
    case 'double':
      return word.slice(0, at) + c + word.slice(at);
    case 'neighbour': {
      const n = NEIGHBOURS[lower];
      return n ? word.slice(0, at) + r.pick([...n]) + word.slice(at + 1) : word;
    }
    case 'insert': {
      const n = NEIGHBOURS[lower];
      return n ? word.slice(0, at) + r.pick([...n]) + word.slice(at) : word;
    }
    default:
      throw new Error(`unknown typo kind ${kind}`);
  }
}
