import { describe, expect, it } from 'vitest';
import { defaultRules, evaluateExpr, parseRule, parseRules } from '../src/core/rules.js';
import { formatProblem } from '../src/core/problem.js';

describe('parseRule', () => {
  it.each([
    ['accuracy_f1.f1 >= 0.75', { level: 'error', indicator: 'accuracy_f1', field: 'f1', op: '>=', expr: { kind: 'number', value: 0.75 } }],
    [
      'warn latency_p99.p99_ms<=300',
      { level: 'warn', indicator: 'latency_p99', field: 'p99_ms', op: '<=', expr: { kind: 'number', value: 300 } },
    ],
    [
      'error toxicity.toxic_ratio < 5e-3',
      { level: 'error', indicator: 'toxicity', field: 'toxic_ratio', op: '<', expr: { kind: 'number', value: 0.005 } },
    ],
    [
      'accuracy_f1.f1 >= baseline - 0.02',
      { level: 'error', indicator: 'accuracy_f1', field: 'f1', op: '>=', expr: { kind: 'baseline', op: '-', operand: 0.02 } },
    ],
    [
      'latency_p99.p99_ms <= baseline*1.10',
      { level: 'error', indicator: 'latency_p99', field: 'p99_ms', op: '<=', expr: { kind: 'baseline', op: '*', operand: 1.1 } },
    ],
    ['bleu.score > baseline', { level: 'error', indicator: 'bleu', field: 'score', op: '>', expr: { kind: 'baseline' } }],
    [
      'throughput_rps.rps >= -1',
      { level: 'error', indicator: 'throughput_rps', field: 'rps', op: '>=', expr: { kind: 'number', value: -1 } },
    ],
  ])('%s', (text, rule) => {
    expect(parseRule(text)).toEqual({ ok: true, rule });
  });

  it.each([
    ['accuracy_f1.f1 => 0.7', 'one of >=, <=, >, <', '"=>"'],
    ['accuracy_f1.f1 == 0.7', 'one of >=, <=, >, <', '"=="'],
    ['accuracy_f1.f1 >== 0.7', 'one of >=, <=, >, <', '">=="'],
    ['accuracy_f1.f1 0.7', 'one of >=, <=, >, <', '"0.7"'],
    ['accuracy_f1.f1 >=', 'a number or an expression in baseline (baseline - 0.02, baseline * 1.10)', 'nothing'],
    ['accuracy_f1.f1 >= fast', 'a number or an expression in baseline (baseline - 0.02, baseline * 1.10)', '"fast"'],
    ['accuracy_f1.f1 >= baseline / 0', 'a limit that evaluates to a finite number', '"baseline / 0" (a division by zero)'],
    ['accuracy_f1.f1 >= 1e999', 'a limit that evaluates to a finite number', '"1e999" (Infinity)'],
    ['accuracy_f1.f1 >= -1e999', 'a limit that evaluates to a finite number', '"-1e999" (-Infinity)'],
    ['accuracy_f1.f1 >= baseline * 1e999', 'a limit that evaluates to a finite number', '"1e999" (Infinity)'],
    ['accuracy_f1 >= 0.7', '<indicator>.<field> as in [warn|error] <indicator>.<field> <op> <expr>', '"accuracy_f1"'],
    ['critical accuracy_f1.f1 >= 0.7', '<indicator>.<field> as in [warn|error] <indicator>.<field> <op> <expr>', '"critical"'],
    [
      'accuracy_f1.F1 >= 0.7',
      'a numeric field of accuracy_f1 (precision, recall, f1, samples, tp, fp, fn, tn)',
      '"F1" (did you mean "f1"?)',
    ],
    [
      'latency_p99.p99 <= 300',
      'a numeric field of latency_p99 (p50_ms, p90_ms, p99_ms, requests, or any percentile p<q>_ms, 0 < q ≤ 100: p95_ms, p99.9_ms)',
      '"p99" (did you mean "p99_ms"?)',
    ],
    [
      'robustness_adv.attack_type <= 1',
      'a numeric field of robustness_adv (success_rate, f1_drop, samples, eps, f1_clean, f1_adv)',
      '"attack_type"',
    ],
  ])('rejects %s', (text, expected, found) => {
    expect(parseRule(text)).toEqual({ ok: false, expected, found });
  });
});

describe('parseRules', () => {
  it('splits on newlines and ";", skips blanks and comments, and names every bad rule with its line', () => {
    const { rules, problems } = parseRules(
      'accuracy_f1.f1 >= 0.7; latency_p99.p99_ms <= 300\n\n# a comment\ntoxicity.toxic_ratio => 1;x',
      'evalgate.yml',
      10,
    );
    expect(rules.map((r) => `${r.indicator}.${r.field}`)).toEqual(['accuracy_f1.f1', 'latency_p99.p99_ms']);
    expect(problems.map(formatProblem)).toEqual([
      'evalgate.yml:13: rule "toxicity.toxic_ratio => 1": expected one of >=, <=, >, <, got "=>"',
      'evalgate.yml:13: rule "x": expected <indicator>.<field> as in [warn|error] <indicator>.<field> <op> <expr>, got "x"',
    ]);
  });
});

describe('default rules', () => {
  it('apply to the required indicators only, and rps only with a target', () => {
    const names = (rs: ReturnType<typeof defaultRules>) =>
      rs.map((r) => `${r.indicator}.${r.field} ${r.op} ${r.expr.kind === 'number' ? r.expr.value : ''}`);
    expect(names(defaultRules(['accuracy_f1', 'latency_p99', 'throughput_rps', 'robustness_adv', 'toxicity']))).toEqual([
      'accuracy_f1.f1 >= 0.75',
      'latency_p99.p99_ms <= 300',
      'toxicity.toxic_ratio <= 0.005',
      'robustness_adv.f1_drop <= 0.1',
    ]);
    expect(names(defaultRules(['latency_p99'], 250))).toEqual(['latency_p99.p99_ms <= 300', 'throughput_rps.rps >= 250']);
  });
});

describe('baseline expressions', () => {
  it.each([
    [{ kind: 'baseline' as const, op: '-' as const, operand: 0.02 }, 0.8, 0.78],
    [{ kind: 'baseline' as const, op: '*' as const, operand: 1.1 }, 0.8, 0.88],
    [{ kind: 'baseline' as const, op: '+' as const, operand: 5 }, 100, 105],
    [{ kind: 'baseline' as const, op: '/' as const, operand: 2 }, 3, 1.5],
    [{ kind: 'baseline' as const }, 7, 7],
  ])('%j with baseline %d is %d (no floating-point noise)', (expr, base, want) => {
    expect(evaluateExpr(expr, base)).toBe(want);
  });
  it('needs a baseline', () => {
    expect(evaluateExpr({ kind: 'baseline' }, undefined)).toBeNull();
  });
});
