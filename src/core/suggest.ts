/**
 * "Did you mean" for names: the closest candidate within a small edit distance. One mechanism for
 * every name a newcomer types (config keys, placeholders, rules, indicator lists, indicator files):
 * case-insensitive, and `.`, `-` and `_` are the same character (`accuracy.f1` is `accuracy_f1`).
 */
import { BUILTIN_INDICATORS, NUMERIC_FIELDS, isBuiltin } from './indicators/names.js';

const fold = (s: string): string => s.toLowerCase().replace(/[.\-\s]/g, '_');

export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = fold(word);
  const others = candidates.filter((c) => c !== word);
  // the same name but for case or separators
  const same = others.find((c) => fold(c) === w);
  if (same) return same;
  // "p99" means "p99_ms": a unique candidate that the word starts (a unit suffix left off).
  const prefixed = others.filter((c) => fold(c).startsWith(w));
  if (word.length >= 2 && prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestDist = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of others) {
    const d = distance(w, fold(c));
    if (d < bestDist) {
      best = c;
      bestDist = d;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

export const didYouMean = (word: string, candidates: readonly string[]): string => {
  const c = closest(word, candidates);
  return c ? ` (did you mean "${c}"?)` : '';
};

/** What is known by name in a gate: the merged indicators with their fields and files. */
export interface KnownNames {
  indicators: Record<string, { fields: Record<string, unknown>; sources: string[] }>;
  /** every `<indicator>.<field>` the rules name */
  rules: readonly { indicator: string; field: string }[];
}

const numericKeys = (o: Record<string, unknown>): string[] => Object.keys(o).filter((k) => typeof o[k] === 'number');

/** The fields an indicator has: built-in, in its files, named by the rules (but for the rule asking, `self`). */
function fieldsOf(name: string, known: KnownNames, self?: string): string[] {
  const out = new Set<string>(isBuiltin(name) ? NUMERIC_FIELDS[name] : []);
  for (const k of numericKeys(known.indicators[name]?.fields ?? {})) out.add(k);
  for (const r of known.rules) if (r.indicator === name && r.field !== self) out.add(r.field);
  return [...out];
}

/** Indicator names a typed one may have meant: the built-in ones, those of the files, those of the rules. */
const indicatorNames = (known: KnownNames): string[] => [
  ...new Set([...BUILTIN_INDICATORS, ...Object.keys(known.indicators), ...known.rules.map((r) => r.indicator)]),
];

/** The indicator a missing one was probably meant to be (among the files and the built-ins), or undefined. */
export function indicatorHint(name: string, known: KnownNames): string | undefined {
  if (known.indicators[name]) return undefined;
  return closest(
    name,
    indicatorNames(known).filter((n) => n !== name),
  );
}

/**
 * The `<indicator>.<field>` a rule that found nothing was probably meant to name: the indicator
 * corrected when no file carries it, then the field when that indicator has no such field.
 * Undefined when nothing close exists (or the field is an optional one of a built-in indicator,
 * absent for a reason the rule's detail already gives).
 */
export function ruleTargetHint(indicator: string, field: string, known: KnownNames): string | undefined {
  let ind = indicator;
  if (!known.indicators[indicator]) {
    const other = closest(
      indicator,
      indicatorNames(known).filter((n) => n !== indicator && (known.indicators[n] || isBuiltin(n))),
    );
    if (!other) return undefined;
    ind = other;
  } else if (isBuiltin(indicator)) return undefined;
  const fields = fieldsOf(ind, known, ind === indicator ? field : undefined);
  const f = fields.includes(field) ? field : (closest(field, fields) ?? field);
  return ind === indicator && f === field ? undefined : `${ind}.${f}`;
}

/**
 * The gate's names checked against each other: a file whose indicator is close to a built-in name
 * (it stays a custom indicator, SPEC §2, so a note), and each required indicator no file carries.
 * Rule results get their hint in their own detail (ruleTargetHint).
 */
export function nameNotes(known: KnownNames, missingRequired: readonly string[]): string[] {
  const notes: string[] = [];
  for (const [name, ind] of Object.entries(known.indicators)) {
    if (isBuiltin(name)) continue;
    const b = closest(name, BUILTIN_INDICATORS);
    if (!b || known.indicators[b]) continue;
    const where = ind.sources.length > 1 ? `${ind.sources[0]} (and ${ind.sources.length - 1} more)` : (ind.sources[0] ?? name);
    notes.push(
      `${where}: $.indicator: ${JSON.stringify(name)} is not a built-in indicator (did you mean "${b}"?); it is gated as a custom one`,
    );
  }
  for (const r of missingRequired) {
    const hint = indicatorHint(r, known);
    if (hint) notes.push(`required indicator ${JSON.stringify(r)} is absent (did you mean "${hint}"?)`);
  }
  return notes;
}

/** Adds "did you mean" to the detail of each rule that found nothing; returns the gate's name notes. */
export function hintNames(
  results: { indicator: string; field: string; status: string; detail: string }[],
  missingRequired: readonly string[],
  known: KnownNames,
): string[] {
  for (const r of results) {
    if (r.status !== 'missing') continue;
    const hint = ruleTargetHint(r.indicator, r.field, known);
    if (hint) r.detail = `${r.detail}${r.detail ? ' ' : ''}(did you mean "${hint}"?)`;
  }
  return nameNotes(known, missingRequired);
}
