import { describe, expect, it } from 'vitest';
import { evaluateRule, gate, verdictOf, type RuleResult } from '../src/core/gate.js';
import { parseRule, type Rule } from '../src/core/rules.js';
import { IndicatorMerger, type MergedIndicator } from '../src/core/indicators/merge.js';
import { exitCodeFor } from '../src/engine.js';
import type { Report } from '../src/core/report/report.js';
import { record } from './helpers.js';

const rule = (t: string): Rule => {
  const r = parseRule(t);
  if (!r.ok) throw new Error(r.expected);
  return r.rule;
};
const merged = (...values: object[]): Record<string, MergedIndicator> => {
  const m = new IndicatorMerger();
  values.forEach((v, i) => m.add(record(v, `f${i}.json`)));
  return m.finish().indicators;
};
const acc = (f1: number) => ({ indicator: 'accuracy_f1', precision: f1, recall: f1, f1, samples: 10 });
const lat = (p99: number) => ({ indicator: 'latency_p99', p50_ms: 1, p90_ms: 1, p99_ms: p99, requests: 10 });

describe('evaluateRule', () => {
  it.each([
    ['boundaries are inclusive as written', 'latency_p99.p99_ms <= 300', lat(300), 'pass'],
    ['just over fails', 'latency_p99.p99_ms <= 300', lat(300.0001), 'fail'],
    ['< is strict', 'latency_p99.p99_ms < 300', lat(300), 'fail'],
    ['> is strict', 'accuracy_f1.f1 > 0.75', acc(0.75), 'fail'],
    ['>= holds at the limit', 'accuracy_f1.f1 >= 0.75', acc(0.75), 'pass'],
    ['an absent indicator is missing', 'toxicity.toxic_ratio <= 0.005', acc(0.9), 'missing'],
    ['an absent field is missing', 'accuracy_f1.tp >= 1', acc(0.9), 'missing'],
  ])('%s', (_name, text, value, status) => {
    expect(evaluateRule(rule(text), merged(value), null).status).toBe(status);
  });

  it('a baseline rule without a baseline is skipped, with the reason', () => {
    const r = evaluateRule(rule('accuracy_f1.f1 >= baseline - 0.02'), merged(acc(0.5)), null);
    expect(r).toMatchObject({ status: 'skipped', limit: null, baseline: null, actual: 0.5, detail: 'no baseline' });
  });
  it('a baseline without that field skips the rule', () => {
    const r = evaluateRule(rule('accuracy_f1.f1 >= baseline - 0.02'), merged(acc(0.5)), { latency_p99: { p99_ms: 1 } });
    expect(r).toMatchObject({ status: 'skipped', detail: 'the baseline has no accuracy_f1.f1' });
  });
  it('evaluates baseline expressions and reports the delta', () => {
    const base = { accuracy_f1: { f1: 0.8 } };
    expect(evaluateRule(rule('accuracy_f1.f1 >= baseline - 0.02'), merged(acc(0.78)), base)).toMatchObject({
      status: 'pass',
      limit: 0.78,
      baseline: 0.8,
      delta: -0.02,
    });
    expect(evaluateRule(rule('accuracy_f1.f1 >= baseline - 0.02'), merged(acc(0.7799)), base).status).toBe('fail');
    // a plain-number rule still shows the delta against the baseline
    expect(evaluateRule(rule('accuracy_f1.f1 >= 0.5'), merged(acc(0.9)), base)).toMatchObject({ baseline: 0.8, delta: 0.1 });
  });
  it('latency_p99.p99_ms <= baseline * 1.10 at exactly 110%', () => {
    expect(evaluateRule(rule('latency_p99.p99_ms <= baseline * 1.10'), merged(lat(110)), { latency_p99: { p99_ms: 100 } }).status).toBe(
      'pass',
    );
  });

  describe('robustness_adv: holds only if it holds for every attack type', () => {
    const adv = (attack_type: string, f1_drop: number) => ({ indicator: 'robustness_adv', attack_type, success_rate: 0.1, f1_drop });
    it('fails on the worst attack and reports it', () => {
      const r = evaluateRule(rule('robustness_adv.f1_drop <= 0.1'), merged(adv('fgsm', 0.05), adv('pgd', 0.3), adv('noise', 0.2)), null);
      expect(r).toMatchObject({ status: 'fail', actual: 0.3 });
      expect(r.detail).toBe('worst attack_type: pgd; fgsm: 0.05 pass, noise: 0.2 fail, pgd: 0.3 fail');
    });
    it('passes when all pass, reporting the closest to its limit', () => {
      const r = evaluateRule(rule('robustness_adv.f1_drop <= 0.1'), merged(adv('fgsm', 0.05), adv('pgd', 0.09)), null);
      expect(r).toMatchObject({ status: 'pass', actual: 0.09 });
    });
    it('compares each attack with the same attack in the baseline', () => {
      const base = { robustness_adv: { f1_drop: 0.2, attacks: { fgsm: { f1_drop: 0.01 }, pgd: { f1_drop: 0.2 } } } };
      const r = evaluateRule(rule('robustness_adv.f1_drop <= baseline + 0.05'), merged(adv('fgsm', 0.1), adv('pgd', 0.22)), base);
      // fgsm got worse than its own baseline + 0.05 even though pgd's baseline would allow it
      expect(r).toMatchObject({ status: 'fail', actual: 0.1, baseline: 0.01, limit: 0.06 });
      expect(r.detail).toMatch(/^worst attack_type: fgsm/);
    });
    it('skips an attack the baseline does not have, and judges the others', () => {
      const base = { robustness_adv: { attacks: { fgsm: { f1_drop: 0.05 } } } };
      const r = evaluateRule(rule('robustness_adv.f1_drop <= baseline + 0.05'), merged(adv('fgsm', 0.06), adv('pgd', 0.5)), base);
      expect(r.status).toBe('pass');
      expect(r.detail).toMatch(/pgd: 0.5 skipped/);
    });
  });
});

describe('verdict', () => {
  const res = (level: 'warn' | 'error', status: RuleResult['status']) => ({ level, status }) as RuleResult;
  it.each([
    [[res('error', 'pass'), res('warn', 'pass')], [], false, 'pass'],
    [[res('error', 'pass'), res('warn', 'fail')], [], false, 'warn'],
    [[res('error', 'pass'), res('warn', 'missing')], [], false, 'warn'],
    [[res('error', 'fail'), res('warn', 'fail')], [], false, 'fail'],
    [[res('error', 'missing')], [], false, 'fail'],
    [[res('error', 'skipped')], [], false, 'pass'],
    [[res('error', 'pass')], ['throughput_rps'], false, 'fail'],
    [[res('error', 'pass')], [], true, 'fail'],
  ])('%j, absent %j, invalid %s -> %s', (results, missing, invalid, want) => {
    expect(verdictOf(results, missing, invalid)).toBe(want);
  });

  it('a required indicator with no rule must still be present', () => {
    const out = gate([rule('accuracy_f1.f1 >= 0.5')], ['accuracy_f1', 'throughput_rps'], merged(acc(0.9)), null, { invalidInput: false });
    expect(out.missingIndicators).toEqual(['throughput_rps']);
    expect(out.verdict).toBe('fail');
  });
});

describe('exit codes (SPEC §5)', () => {
  const rep = (verdict: Report['verdict']) => ({ verdict }) as Report;
  it.each([
    ['pass', 'error', false, false, 0],
    ['warn', 'error', false, false, 0],
    ['fail', 'error', false, false, 1],
    ['warn', 'warn', false, false, 1],
    ['fail', 'never', false, false, 0],
    ['fail', 'never', true, false, 2],
    ['fail', 'error', true, false, 2],
    ['fail', 'error', true, true, 3],
    ['pass', 'error', false, true, 3],
  ] as const)('verdict %s, fail-on %s, invalid %s, platform failed %s -> %d', (verdict, failOn, invalid, platform, code) => {
    expect(exitCodeFor(rep(verdict), failOn, invalid, platform)).toBe(code);
  });
});

describe('a job that did not succeed (SPEC §3: a partial shard set is never gated as if it were whole)', () => {
  it.each([['failed'], ['timed_out'], ['cancelled']])('%s: the rules of its indicators are missing, the others judged', (status) => {
    const out = gate(
      [rule('accuracy_f1.f1 >= 0.5'), rule('latency_p99.p99_ms <= 300'), rule('throughput_rps.rps >= 1')],
      ['accuracy_f1', 'latency_p99', 'throughput_rps'],
      // what the shard that succeeded wrote: it would pass on its own
      merged(acc(0.8), lat(100), { indicator: 'throughput_rps', rps: 10, concurrency: 1, duration_s: 1 }),
      null,
      {
        invalidInput: false,
        jobs: [
          { indicator: 'accuracy_f1', shard: 0, status: 'succeeded' },
          { indicator: 'accuracy_f1', shard: 1, status },
          { indicator: 'latency_p99,throughput_rps', shard: 0, status: 'succeeded' },
        ],
      },
    );
    expect(out.results.map((r) => r.status)).toEqual(['missing', 'pass', 'pass']);
    expect(out.results[0]!.detail).toBe(`not judged: its job (shard 1) ${status}, and a partial shard set is never gated as if it were whole`);
    expect(out.results[0]!.actual).toBeNull();
    expect(out.missingIndicators).toEqual([]); // not absent: its job said why
    expect(out.verdict).toBe('fail');
    expect(out.platformFailed).toBe(true);
  });

  it('a job of two indicators: both are missing', () => {
    const out = gate(
      [rule('latency_p99.p99_ms <= 300'), rule('throughput_rps.rps >= 1')],
      ['latency_p99', 'throughput_rps'],
      merged(lat(100), { indicator: 'throughput_rps', rps: 10, concurrency: 1, duration_s: 1 }),
      null,
      { invalidInput: false, jobs: [{ indicator: 'latency_p99,throughput_rps', shard: 2, status: 'failed' }] },
    );
    expect(out.results.map((r) => r.status)).toEqual(['missing', 'missing']);
  });
});
