/**
 * Threshold rules (SPEC §3). One rule per line (or separated by `;`):
 *
 *   rule     = [ level ] target op expr
 *   level    = "warn" | "error"                       (default "error")
 *   target   = indicator "." field
 *   field    = a numeric field of the indicator; for latency_p99 also "p" q "_ms" (0 < q ≤ 100,
 *              as JavaScript writes q: p95_ms, p99.9_ms), any percentile
 *   op       = ">=" | "<=" | ">" | "<"
 *   expr     = number | "baseline" [ ( "+" | "-" | "*" | "/" ) number ]
 *   number   = [ "-" | "+" ] digits [ "." digits ] [ ( "e" | "E" ) [ "+" | "-" ] digits ]
 *
 * A blank line is ignored, and so is a line whose first non-blank character is "#" (a comment),
 * before the line is split at ";": `# off; accuracy_f1.f1 >= 0.99` is one comment, not a comment
 * and a rule. After a ";", a part starting with "#" comments out the rest of its line. A limit
 * must be a finite number (`1e999` is a config error). Two-character operators are tried before
 * one-character ones, so `<=` is never read as `<` followed by a stray `=`. `baseline` is the same
 * field's value in the baseline report (for robustness_adv: of the same attack type).
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

export type Expr = { kind: 'number'; value: number } | { kind: 'baseline'; op?: '+' | '-' | '*' | '/'; operand?: number };

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

export function formatExpr(e: Expr): string {
  if (e.kind === 'number') return String(e.value);
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
  const m = /^baseline(?:\s*([-+*/])\s*(\S+))?$/.exec(text);
  if (!m) return syntax;
  if (m[1] === undefined) return { kind: 'baseline' };
  if (!NUMBER.test(m[2]!)) return syntax;
  const operand = Number(m[2]);
  if (!Number.isFinite(operand)) return nonFinite(m[2]!);
  if (m[1] === '/' && operand === 0) return { expected: FINITE_LIMIT, found: `${JSON.stringify(text)} (a division by zero)` };
  return { kind: 'baseline', op: m[1] as '+' | '-' | '*' | '/', operand };
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

/** The limit a rule sets, given the baseline's value (undefined: none). Null when it needs one. */
export function evaluateExpr(e: Expr, baseline: number | undefined): number | null {
  if (e.kind === 'number') return e.value;
  if (baseline === undefined) return null;
  let v: number;
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
