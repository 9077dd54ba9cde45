/**
 * `evalgate alerts` (SPEC §12): Prometheus alerting rules from the gate's thresholds, on the series
 * report.prom and the Pushgateway carry. Checked with Prometheus' own tool (Debian's `prometheus`
 * package, installed here when missing): `promtool check rules` accepts the file, and
 * `promtool test rules` proves each alert fires once its series crosses the threshold (with the
 * series' labels and its severity) and stays silent before, and on the limit of an inclusive rule.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { main } from '../src/cli/main.js';
import { alertRules, renderAlerts } from '../src/core/alerts.js';
import { parseRules, type Op } from '../src/core/rules.js';
import { renderProm } from '../src/core/report/prom.js';
import { captureRuntime, emptyReport, tempDir, writeFiles } from './helpers.js';
import { ensureDebian } from './third-party.js';

beforeAll(() => ensureDebian('prometheus', 'promtool'));

const THRESHOLDS = [
  'accuracy_f1.f1 >= 0.75',
  'latency_p99.p99_ms <= 300',
  'warn latency_p99.p99_ms <= 250',
  'warn toxicity.toxic_ratio < 0.1',
  'robustness_adv.f1_drop <= 0.1',
  'throughput_rps.rps > 100',
  'my-metric.score >= -5',
  'warn accuracy_f1.f1 >= baseline - 0.02',
  'latency_p99.p99_ms <= baseline * 1.1',
].join('\n');

const promtool = (...args: string[]) => {
  const r = spawnSync('promtool', args, { encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
};

/** writes rules.yml with the CLI, as a user would */
async function writeRules(dir = tempDir('evalgate-alerts-')): Promise<{ dir: string; file: string; out: string }> {
  const rt = captureRuntime(dir);
  expect(await main(['alerts', '--thresholds', THRESHOLDS, '--indicators', 'accuracy_f1', '--out', 'rules.yml'], rt)).toBe(0);
  return { dir, file: path.join(dir, 'rules.yml'), out: rt.out.join('') };
}

interface Case {
  alert: string;
  op: Op;
  limit: number;
  severity: string;
  indicator: string;
  field: string;
  rule: string;
  level: string;
}

/** good then bad: the bad value is on the limit for a strict rule (which fails there), beyond it for an inclusive one */
function values(c: Case): { bad: string; good: string; boundary: string } {
  const floor = c.op.startsWith('>');
  const step = c.limit !== 0 ? Math.abs(c.limit) / 2 : 1;
  const goodV = floor ? c.limit + step : c.limit - step;
  const badV = c.op === '>' || c.op === '<' ? c.limit : floor ? c.limit - step : c.limit + step;
  // silent on the limit of an inclusive rule; a strict one is silent only on the good side
  const boundaryV = c.op === '>=' || c.op === '<=' ? c.limit : goodV;
  return { bad: String(badV), good: String(goodV), boundary: String(boundaryV) };
}

function promtoolTests(cases: Case[]): string {
  const tests = cases.map((c) => {
    const v = values(c);
    const series = (ref: string, extra = '') =>
      `evalgate_indicator_value{gate="evalgate",indicator="${c.indicator}",field="${c.field}",ref="${ref}"${extra}}`;
    const attack = c.indicator === 'robustness_adv' ? ',attack_type="pgd"' : '';
    const labels = {
      severity: c.severity,
      gate: 'evalgate',
      indicator: c.indicator,
      field: c.field,
      ref: 'refs/heads/bad',
      ...(attack ? { attack_type: 'pgd' } : {}),
    };
    return {
      interval: '1m',
      input_series: [
        // good for 5 minutes, then across the threshold
        { series: series('refs/heads/bad', attack), values: `${v.good}x4 ${v.bad}x5` },
        // never across: on an inclusive limit, or on the good side of a strict one
        { series: series('refs/heads/edge', attack), values: `${v.boundary}x9` },
      ],
      alert_rule_test: [
        { eval_time: '2m', alertname: c.alert, exp_alerts: [] },
        {
          eval_time: '8m',
          alertname: c.alert,
          exp_alerts: [
            {
              exp_labels: labels,
              exp_annotations: {
                summary: `evalgate evalgate: ${c.indicator}.${c.field} is ${v.bad}, the rule is ${c.op} ${c.limit}`,
                description: `The ${c.level}-level rule "${c.rule}" of the gate evalgate is broken${attack ? ' for attack_type pgd' : ''} on refs/heads/bad.`,
              },
            },
          ],
        },
      ],
    };
  });
  return JSON.stringify({ rule_files: ['rules.yml'], evaluation_interval: '1m', tests }, null, 2);
}

function cases(): Case[] {
  const { rules } = parseRules(THRESHOLDS, 'test');
  return alertRules(rules, 'evalgate').map((a) => {
    const r = rules.find(
      (x) =>
        x.expr.kind === 'number' &&
        a.rule === `${x.level === 'warn' ? 'warn ' : ''}${x.indicator}.${x.field} ${x.op} ${(x.expr as { value: number }).value}`,
    )!;
    return {
      alert: a.alert,
      op: r.op,
      limit: (r.expr as { value: number }).value,
      severity: a.labels.severity!,
      indicator: r.indicator,
      field: r.field,
      rule: a.rule,
      level: r.level,
    };
  });
}

describe('evalgate alerts', () => {
  it('one alert per threshold rule, the severity from its level; baseline rules skipped with a comment saying why', async () => {
    const { file, out } = await writeRules();
    expect(out).toBe('wrote rules.yml: 7 alerts, 2 baseline rules skipped (no fixed limit)\n');
    const text = readFileSync(file, 'utf8');
    const doc = parseYaml(text) as { groups: { name: string; rules: { alert: string; expr: string; labels: Record<string, string> }[] }[] };
    expect(doc.groups).toHaveLength(1);
    expect(doc.groups[0]!.rules.map((r) => [r.alert, r.labels.severity, r.expr])).toEqual([
      ['EvalgateAccuracyF1F1TooLow', 'critical', 'evalgate_indicator_value{gate="evalgate", indicator="accuracy_f1", field="f1"} < 0.75'],
      [
        'EvalgateLatencyP99P99MsTooHigh',
        'critical',
        'evalgate_indicator_value{gate="evalgate", indicator="latency_p99", field="p99_ms"} > 300',
      ],
      [
        'EvalgateLatencyP99P99MsTooHigh2',
        'warning',
        'evalgate_indicator_value{gate="evalgate", indicator="latency_p99", field="p99_ms"} > 250',
      ],
      [
        'EvalgateToxicityToxicRatioTooHigh',
        'warning',
        'evalgate_indicator_value{gate="evalgate", indicator="toxicity", field="toxic_ratio"} >= 0.1',
      ],
      [
        'EvalgateRobustnessAdvF1DropTooHigh',
        'critical',
        'evalgate_indicator_value{gate="evalgate", indicator="robustness_adv", field="f1_drop"} > 0.1',
      ],
      [
        'EvalgateThroughputRpsRpsTooLow',
        'critical',
        'evalgate_indicator_value{gate="evalgate", indicator="throughput_rps", field="rps"} <= 100',
      ],
      ['EvalgateMyMetricScoreTooLow', 'critical', 'evalgate_indicator_value{gate="evalgate", indicator="my-metric", field="score"} < -5'],
    ]);
    expect(text).toContain(
      "    # skipped: warn accuracy_f1.f1 >= baseline - 0.02\n    #   a baseline rule: its limit is the base branch's value, which no pushed series carries\n",
    );
    expect(text).toContain('    # skipped: latency_p99.p99_ms <= baseline * 1.1\n');
  });

  it('the alerts select the metric names and labels report.prom carries', () => {
    const prom = renderProm({
      ...emptyReport(),
      indicators: { accuracy_f1: { f1: 0.7, sources: [], approximate: false, notes: [] } },
    });
    const [alert] = alertRules(parseRules('accuracy_f1.f1 >= 0.75', 't').rules, 'evalgate');
    const selector = /^(\w+)\{(.*)\} /.exec(alert!.expr)!;
    const line = prom.split('\n').find((l) => l.startsWith(`${selector[1]}{`) && l.includes('indicator="accuracy_f1"'))!;
    for (const m of selector[2]!.split(', ')) expect(line).toContain(m);
  });

  it('promtool check rules accepts the file', async () => {
    const { file } = await writeRules();
    const r = promtool('check', 'rules', file);
    expect(r, r.out).toMatchObject({ code: 0 });
    expect(r.out).toContain('SUCCESS: 7 rules found');
  });

  it('promtool test rules: each alert fires when its series crosses the threshold, and stays silent otherwise', async () => {
    const { dir } = await writeRules();
    const all = cases();
    expect(all).toHaveLength(7);
    writeFileSync(path.join(dir, 'tests.yml'), promtoolTests(all));
    const r = promtool('test', 'rules', path.join(dir, 'tests.yml'));
    if (process.env.EVALGATE_SHOW_PROMTOOL) process.stdout.write(`\n$ promtool test rules tests.yml\n${r.out}`);
    expect(r, r.out).toMatchObject({ code: 0 });
    expect(r.out).toContain('SUCCESS');

    // the check can fail: a threshold moved, or an alert that fires on the good side, is caught
    const rules = readFileSync(path.join(dir, 'rules.yml'), 'utf8');
    writeFileSync(path.join(dir, 'rules.yml'), rules.replace('field=\\"f1\\"} < 0.75', 'field=\\"f1\\"} < 0.3'));
    expect(promtool('test', 'rules', path.join(dir, 'tests.yml')).code).not.toBe(0);
    writeFileSync(path.join(dir, 'rules.yml'), rules.replace('field=\\"p99_ms\\"} > 300', 'field=\\"p99_ms\\"} >= 300'));
    const edge = promtool('test', 'rules', path.join(dir, 'tests.yml'));
    if (process.env.EVALGATE_SHOW_PROMTOOL)
      process.stdout.write(`\n$ promtool test rules tests.yml   # with p99_ms > 300 changed to >= 300\n${edge.out}`);
    expect(edge.code).not.toBe(0);
    expect(edge.out).toContain('refs/heads/edge');
  });

  it('never replaces an existing --out unless --force, and says which it did', async () => {
    const { dir, file } = await writeRules();
    writeFileSync(file, 'mine\n');
    const kept = captureRuntime(dir);
    expect(await main(['alerts', '--out', 'rules.yml'], kept)).toBe(2);
    expect(kept.err.join('')).toBe(
      'error: rules.yml: expected a file that does not exist yet (pass --force to replace it), got an existing file; kept as it is\n',
    );
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
    const forced = captureRuntime(dir);
    expect(await main(['alerts', '--out', 'rules.yml', '--force'], forced)).toBe(0);
    expect(forced.out.join('')).toMatch(/^replaced rules\.yml: 4 alerts\n$/);
    expect(readFileSync(file, 'utf8')).toContain('EvalgateAccuracyF1F1TooLow');
  });

  it('without --out the rules go to stdout; a config file gives its thresholds and name; a bad one is a clear error', async () => {
    const dir = writeFiles({
      '.github/evalgate.yml': 'name: nightly\nindicators: [latency_p99]\nthresholds: |\n  latency_p99.p99_ms <= 120\n',
      'bad.yml': 'thresholds: |\n  latency_p99.p99 <= 1\n',
    });
    const rt = captureRuntime(dir);
    expect(await main(['alerts'], rt)).toBe(0);
    const doc = parseYaml(rt.out.join('')) as { groups: { name: string; rules: { expr: string }[] }[] };
    expect(doc.groups[0]!.name).toBe('evalgate-nightly');
    expect(doc.groups[0]!.rules.map((r) => r.expr)).toEqual([
      'evalgate_indicator_value{gate="nightly", indicator="latency_p99", field="p99_ms"} > 120',
    ]);
    expect(rt.out.join('')).toContain('from .github/evalgate.yml');
    expect(existsSync(path.join(dir, 'rules.yml'))).toBe(false);
    const bad = captureRuntime(dir);
    expect(await main(['alerts', '--config', 'bad.yml'], bad)).toBe(2);
    expect(bad.err.join('')).toMatch(/^error: bad\.yml:2: .*p99.*\n/);
    expect(bad.err.join('')).not.toMatch(/TypeError|at .*\.ts:\d+/);
  });

  it('no threshold rule at all is still a valid (empty) rule file', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'rules.yml'), renderAlerts([], 'evalgate', 'test').yaml);
    expect(promtool('check', 'rules', path.join(dir, 'rules.yml'))).toMatchObject({ code: 0 });
  });
});
