// A small seeded pseudo-random generator (mulberry32), so the data generator, the training
// shuffle and the robustness attack give the same result on every machine and every run.

/** 32-bit FNV-1a hash of a string: turns a readable seed ("train", "attack:typo") into a number. */
export function hash32(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A generator of floats in [0, 1) with helpers; the same seed gives the same sequence. */
export function rng(seed) {
  let a = typeof seed === 'number' ? seed >>> 0 : hash32(String(seed));
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    next,
    /** integer in [0, n) */
    int: (n) => Math.floor(next() * n),
    /** true with probability p */
    chance: (p) => next() < p,
    /** one element of a non-empty array */
    pick: (list) => list[Math.floor(next() * list.length)],
    /** Fisher–Yates shuffle in place */
    shuffle(list) {
      for (let i = list.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [list[i], list[j]] = [list[j], list[i]];
      }
      return list;
    },
  };
  return r;
}
