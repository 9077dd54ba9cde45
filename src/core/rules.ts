/**
 * Threshold rules (SPEC §3). One rule per line (or separated by `;`):
 *
 *   rule     = [ level ] target op expr
 *   level    = "warn" | "error"                       (default "error")
 *   target   = indicator "." field
 *   field    = a numeric field of the indicator; for latency_p99 also "p" q "_ms" (0 < q ≤ 100,
 *              as JavaScript writes q: p95_ms, p99.9_ms), any percentile
 *   op       = ">=" | "<=" | ">" | "<"
 *   expr     = number | sum                            (a sum must name the baseline)
 *   sum      = product { ( "+" | "-" ) product }       (left to right)
 *   product  = factor { ( "*" | "/" ) factor }         (binds tighter than + and -)
 *   factor   = number | "baseline" [ "." stat ] | "(" sum ")"
 *   stat     = "mean" | "median" | "min" | "max" | "stddev" | "n"
 *   number   = [ "-" | "+" ] digits [ "." digits ] [ ( "e" | "E" ) [ "+" | "-" ] digits ]
 *
 * A blank line is ignored, and so is a line whose first non-blank character is "#" (a comment),
 * before the line is split at ";": `# off; accuracy_f1.f1 >= 0.99` is one comment, not a comment
 * and a rule. After a ";", a part starting with "#" comments out the rest of its line. A limit
 * must be a finite number (`1e999` is a config error). Two-character operators are tried before
 * one-character ones, so `<=` is never read as `<` followed by a stray `=`. `baseline` is the same
 * field's value in the baseline report (for robustness_adv: of the same attack type). With
 * `history: K` (SPEC §9), `baseline.mean|median|min|max|stddev|n` are statistics of that value
 * over the last K base-branch reports that carry it (`baseline` stays the newest; stddev is the
 * sample standard deviation, so it needs two reports). `baseline * 1.1` keeps its simple form
 * (kind `baseline`); anything longer is a `formula`.
 */
import type { Problem } from './problem.js';
import {
  INDICATOR_NAME_RULE,
  NUMERIC_FIELDS,
  PERCENTILE_FIELD_RULE,
  isBuiltin,
  isIndicatorName,
  isReservedName,
  isRuleField,
} from './indicators/names.js';
import { didYouMean } from './suggest.js';

export type Level = 'warn' | 'error';
export type Op = '>=' | '<=' | '>' | '<';
export const OPS: readonly Op[] = ['>=', '<=', '>', '<'];

export type Stat = 'value' | 'mean' | 'median' | 'min' | 'max' | 'stddev' | 'n';
export const STATS: readonly Stat[] = ['mean', 'median', 'min', 'max', 'stddev', 'n'];
type Arith = '+' | '-' | '*' | '/';
/** a formula's tree: a number, a baseline statistic (`value`: `baseline` itself), or an operation */
export type Term = { n: number } | { stat: Stat } | { op: Arith; l: Term; r: Term };

export type Expr =
  | { kind: 'number'; value: number }
  | { kind: 'baseline'; op?: Arith; operand?: number }
  | { kind: 'formula'; term: Term };

export interface Rule {
  level: Level;
  indicator: string;
  field: string;
  op: Op;
  expr: Expr;
}

export const RULE_SYNTAX = '[warn|error] <indicator>.<field> <op> <expr>';
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;

const PREC: Record<Arith, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };

/** a term as written back: parentheses only where the tree needs them (parsing it gives the same tree) */
function formatTerm(t: Term, min = 0): string {
  if ('n' in t) return String(t.n);
  if ('stat' in t) return t.stat === 'value' ? 'baseline' : `baseline.${t.stat}`;
  const p = PREC[t.op];
  const text = `${formatTerm(t.l, p)} ${t.op} ${formatTerm(t.r, p + 1)}`;
  return p < min ? `(${text})` : text;
}

export function formatExpr(e: Expr): string {
  if (e.kind === 'number') return String(e.value);
  if (e.kind === 'formula') return formatTerm(e.term);
  return e.op === undefined ? 'baseline' : `baseline ${e.op} ${e.operand}`;
}

export function formatRule(r: Rule): string {
  return `${r.level === 'warn' ? 'warn ' : ''}${r.indicator}.${r.field} ${r.op} ${formatExpr(r.expr)}`;
}

export type RuleParse = { ok: true; rule: Rule } | { ok: false; expected: string; found: string };

export function parseRule(text: string): RuleParse {
  let rest = text.trim();
  const bad = (expected: string, found: string): RuleParse => ({ ok: false, expected, found });

  let level: Level = 'error';
  const lm = /^(warn|error)\s+/.exec(rest);
  if (lm) {
    level = lm[1] as Level;
    rest = rest.slice(lm[0].length);
  }
  const tm = /^[^\s<>=!]+/.exec(rest);
  if (!tm) return bad(RULE_SYNTAX, JSON.stringify(text.trim()));
  const target = tm[0];
  rest = rest.slice(target.length).trimStart();
  const dot = target.indexOf('.');
  if (dot <= 0 || dot === target.length - 1) {
    return bad(`<indicator>.<field> as in ${RULE_SYNTAX}`, JSON.stringify(target));
  }
  const indicator = target.slice(0, dot);
  const field = target.slice(dot + 1);
  if (!isIndicatorName(indicator)) return bad(INDICATOR_NAME_RULE, JSON.stringify(indicator));
  if (isBuiltin(indicator)) {
    const fields = NUMERIC_FIELDS[indicator];
    if (!isRuleField(indicator, field)) {
      const any = indicator === 'latency_p99' ? `, or ${PERCENTILE_FIELD_RULE}` : '';
      // a p<q>_ms that is no valid percentile is not "did you mean p90_ms"
      const hint = indicator === 'latency_p99' && /^p[\d.]+_ms$/.test(field) ? '' : didYouMean(field, fields);
      return bad(`a numeric field of ${indicator} (${fields.join(', ')}${any})`, `${JSON.stringify(field)}${hint}`);
    }
  } else if (!NAME.test(field) || isReservedName(field)) {
    return bad('a field name of letters, digits, "_" and "-" (not a built-in object property)', JSON.stringify(field));
  }

  const op = OPS.find((o) => rest.startsWith(o) && !/^[<>=!]/.test(rest.slice(o.length)));
  if (!op) {
    const found = /^[<>=!]+/.exec(rest)?.[0] ?? rest.split(/\s+/)[0] ?? '';
    return bad('one of >=, <=, >, <', found ? JSON.stringify(found) : 'nothing');
  }
  rest = rest.slice(op.length).trim();
  const expr = parseExpr(rest);
  if ('expected' in expr) return bad(expr.expected, expr.found);
  return { ok: true, rule: { level, indicator, field, op, expr } };
}

export const FINITE_LIMIT = 'a limit that evaluates to a finite number';

function parseExpr(text: string): Expr | { expected: string; found: string } {
  const syntax = {
    expected: 'a number or an expression in baseline (baseline - 0.02, baseline * 1.10)',
    found: text ? JSON.stringify(text) : 'nothing',
  };
  const nonFinite = (literal: string) => ({ expected: FINITE_LIMIT, found: `${JSON.stringify(literal)} (${Number(literal)})` });
  if (NUMBER.test(text)) {
    const value = Number(text);
    return Number.isFinite(value) ? { kind: 'number', value } : nonFinite(text);
  }
  const simple = /^baseline(?:\s*([-+*/])\s*(\S+))?$/.exec(text);
  // `baseline + baseline.n` is a formula, not the simple form with a bad operand
  const m = simple && (simple[2] === undefined || NUMBER.test(simple[2])) ? simple : null;
  if (!m) {
    if (!/\bbaseline\b/.test(text)) return syntax;
    const f = parseFormula(text);
    if ('expected' in f) return f;
    return simplify(f);
  }
  if (m[1] === undefined) return { kind: 'baseline' };
  if (!NUMBER.test(m[2]!)) return syntax;
  const operand = Number(m[2]);
  if (!Number.isFinite(operand)) return nonFinite(m[2]!);
  if (m[1] === '/' && operand === 0) return { expected: FINITE_LIMIT, found: `${JSON.stringify(text)} (a division by zero)` };
  return { kind: 'baseline', op: m[1] as '+' | '-' | '*' | '/', operand };
}

const FORMULA = 'an expression in baseline (baseline * 1.1, baseline.mean + 3 * baseline.stddev)';

/** A formula (see the grammar above), by recursive descent over its tokens. */
function parseFormula(text: string): Term | { expected: string; found: string } {
  const tokens = text.match(/\s+|[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?|[-+*/()]|\S/g) ?? [];
  const toks = tokens.filter((t) => !/^\s+$/.test(t));
  let i = 0;
  class Bad extends Error {
    constructor(readonly expected: string, readonly found: string) {
      super(expected);
    }
  }
  const peek = (): string | undefined => toks[i];
  const at = (): string => (peek() === undefined ? 'the end' : JSON.stringify(peek()));
  // `baseline -2` is baseline minus 2: a sign after a complete factor is an operator
  const splitSign = (): void => {
    const t = peek();
    if (t && /^[+-]./.test(t)) toks.splice(i, 1, t[0]!, t.slice(1));
  };
  const factor = (): Term => {
    const t = peek();
    if (t === undefined) throw new Bad('a number, baseline, baseline.<stat> or "("', 'the end');
    if (t === '(') {
      i++;
      const inner = sum();
      if (peek() !== ')') throw new Bad('")"', at());
      i++;
      return inner;
    }
    if (NUMBER.test(t)) {
      i++;
      const n = Number(t);
      if (!Number.isFinite(n)) throw new Bad(FINITE_LIMIT, `${JSON.stringify(t)} (${n})`);
      return { n };
    }
    if (t === 'baseline') {
      i++;
      return { stat: 'value' };
    }
    const sm = /^baseline\.(.+)$/.exec(t);
    if (sm) {
      i++;
      if ((STATS as readonly string[]).includes(sm[1]!)) return { stat: sm[1] as Stat };
      throw new Bad(`baseline.${STATS.join('|')}`, `${JSON.stringify(t)}${didYouMean(sm[1]!, STATS)}`);
    }
    throw new Bad('a number, baseline, baseline.<stat> or "("', JSON.stringify(t));
  };
  const product = (): Term => {
    let l = factor();
    splitSign();
    while (peek() === '*' || peek() === '/') {
      const op = toks[i++] as Arith;
      const r = factor();
      if (op === '/' && 'n' in r && r.n === 0) throw new Bad(FINITE_LIMIT, `${JSON.stringify(text)} (a division by zero)`);
      l = { op, l, r };
      splitSign();
    }
    return l;
  };
  function sum(): Term {
    let l = product();
    while (peek() === '+' || peek() === '-') {
      const op = toks[i++] as Arith;
      l = { op, l, r: product() };
    }
    return l;
  }
  try {
    const term = sum();
    if (i < toks.length) throw new Bad(`an operator (+, -, *, /) in ${FORMULA}`, at());
    return term;
  } catch (e) {
    if (e instanceof Bad) return { expected: e.expected, found: e.found };
    throw e;
  }
}

/** `baseline` and `baseline <op> <number>` keep their simple form; anything else is a formula. */
function simplify(t: Term): Expr {
  if ('stat' in t && t.stat === 'value') return { kind: 'baseline' };
  if ('op' in t && 'stat' in t.l && t.l.stat === 'value' && 'n' in t.r) return { kind: 'baseline', op: t.op, operand: t.r.n };
  return { kind: 'formula', term: t };
}

/** statistics of the history's values (newest first) */
function statOf(stat: Stat, values: readonly number[]): number | undefined {
  const n = values.length;
  if (stat === 'n') return n;
  if (n === 0) return undefined;
  if (stat === 'value') return values[0];
  if (stat === 'min') return Math.min(...values);
  if (stat === 'max') return Math.max(...values);
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (stat === 'mean') return mean;
  if (stat === 'median') {
    const s = [...values].sort((a, b) => a - b);
    return n % 2 ? s[n >> 1] : (s[n / 2 - 1]! + s[n / 2]!) / 2;
  }
  // stddev: the sample standard deviation (n - 1), so it needs two reports
  if (n < 2) return undefined;
  return Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
}

function statsIn(t: Term, into = new Set<Stat>()): Set<Stat> {
  if ('stat' in t) into.add(t.stat);
  else if ('op' in t) {
    statsIn(t.l, into);
    statsIn(t.r, into);
  }
  return into;
}

/** the reports a statistic needs */
const NEEDS: Record<Stat, number> = { value: 1, mean: 1, median: 1, min: 1, max: 1, stddev: 2, n: 0 };

/**
 * Why an expression cannot be evaluated over `count` baseline reports that carry its field (null:
 * it can): `baseline.stddev` needs two.
 */
export function statisticShortfall(e: Expr, count: number): string | null {
  if (e.kind !== 'formula') return null;
  for (const s of statsIn(e.term)) {
    if (count < NEEDS[s])
      return `baseline.${s} needs at least ${NEEDS[s]} baseline report${NEEDS[s] === 1 ? '' : 's'} with this field; ${count} found`;
  }
  return null;
}

/** A line of a rule block that holds no rule: empty, or a comment (`#` its first non-blank character). */
export function isCommentOrBlank(line: string): boolean {
  const t = line.trim();
  return t === '' || t.startsWith('#');
}

/** Rules separated by newlines or `;`; every malformed rule becomes a problem naming it. */
export function parseRules(text: string, source: string, firstLine = 1): { rules: Rule[]; problems: Problem[] } {
  const rules: Rule[] = [];
  const problems: Problem[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (isCommentOrBlank(line)) return;
    for (const part of line.split(';')) {
      const t = part.trim();
      if (t.startsWith('#')) break; // the rest of the line is a comment
      if (!t) continue;
      const r = parseRule(t);
      if (r.ok) rules.push(r.rule);
      else problems.push({ file: source, line: firstLine + i, path: `rule ${JSON.stringify(t)}`, expected: r.expected, found: r.found });
    }
  });
  return { rules, problems };
}

/** The seed's thresholds, in force for the required indicators unless replaced. */
export function defaultRules(required: readonly string[], rpsTarget?: number): Rule[] {
  const n = (value: number): Expr => ({ kind: 'number', value });
  const all: Rule[] = [
    { level: 'error', indicator: 'accuracy_f1', field: 'f1', op: '>=', expr: n(0.75) },
    { level: 'error', indicator: 'latency_p99', field: 'p99_ms', op: '<=', expr: n(300) },
    { level: 'error', indicator: 'toxicity', field: 'toxic_ratio', op: '<=', expr: n(0.005) },
    { level: 'error', indicator: 'robustness_adv', field: 'f1_drop', op: '<=', expr: n(0.1) },
  ];
  const rules = all.filter((r) => required.includes(r.indicator));
  if (rpsTarget !== undefined) rules.push(rpsRule(rpsTarget));
  return rules;
}

export function rpsRule(target: number): Rule {
  return { level: 'error', indicator: 'throughput_rps', field: 'rps', op: '>=', expr: { kind: 'number', value: target } };
}

const apply = (op: Arith, a: number, b: number): number => (op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : a / b);

function evaluateTerm(t: Term, history: readonly number[]): number | undefined {
  if ('n' in t) return t.n;
  if ('stat' in t) return statOf(t.stat, history);
  const l = evaluateTerm(t.l, history);
  const r = evaluateTerm(t.r, history);
  return l === undefined || r === undefined ? undefined : apply(t.op, l, r);
}

/**
 * The limit a rule sets, given the baseline's value (undefined: none) and, for a formula, that
 * value in each of the last reports (newest first; by default the baseline alone). Null when it
 * needs a baseline, or a statistic that the reports cannot give (see statisticShortfall).
 */
export function evaluateExpr(e: Expr, baseline: number | undefined, history?: readonly number[]): number | null {
  if (e.kind === 'number') return e.value;
  if (baseline === undefined) return null;
  let v: number;
  if (e.kind === 'formula') {
    const r = evaluateTerm(e.term, history ?? [baseline]);
    if (r === undefined) return null;
    return Number(r.toPrecision(12));
  }
  switch (e.op) {
    case undefined:
      v = baseline;
      break;
    case '+':
      v = baseline + e.operand!;
      break;
    case '-':
      v = baseline - e.operand!;
      break;
    case '*':
      v = baseline * e.operand!;
      break;
    case '/':
      v = baseline / e.operand!;
      break;
  }
  // 0.8 * 1.1 is 0.8800000000000001 in binary floating point: round away such noise so an
  // inclusive boundary holds at the value a person computes.
  return Number(v.toPrecision(12));
}

/**
 * Two numbers closer than this (relative) are the same number: `baseline * 1.10` or a limit
 * rounded for display must not turn an inclusive boundary the user wrote into a failure, nor a
 * strict one into a pass. Far below any meaningful difference in a metric.
 */
const SAME = 1e-11;
const same = (a: number, b: number): boolean => Math.abs(a - b) <= SAME * Math.max(Math.abs(a), Math.abs(b));

export function holds(actual: number, op: Op, limit: number): boolean {
  if (same(actual, limit)) return op === '>=' || op === '<=';
  switch (op) {
    case '>=':
    case '>':
      return actual > limit;
    case '<=':
    case '<':
      return actual < limit;
  }
}
