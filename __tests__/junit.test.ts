/**
 * report.junit.xml (SPEC §12): validated against the common JUnit XSD (the Ant schema of
 * windyroad/JUnit-Schema) with a real validator, xmllint --schema (Debian's libxml2-utils, installed
 * here when missing); each failing rule's message says what failed and by how much; text from
 * indicator files cannot break the XML; statuses the noise work adds are read as strings.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runGate } from '../src/engine.js';
import { resolveSettings } from '../src/config/settings.js';
import { renderJunit, ruleMessage, shortfall } from '../src/core/report/junit.js';
import type { RuleResult } from '../src/core/gate.js';
import type { Report } from '../src/core/report/report.js';
import { FIXTURES, captureRuntime, emptyReport, tempDir, writeFiles } from './helpers.js';
import { ensureDebian, thirdParty } from './third-party.js';

const cli = { flag: (n: string) => `--${n}`, defaultBaseline: 'none' as const };
const XSD = thirdParty('JUnit.xsd');

beforeAll(() => ensureDebian('libxml2-utils', 'xmllint'));

/**
 * xmllint --schema on a file: its exit code and what it said. Without the XSD (see
 * third-party.ts) only well-formedness is checked, and the schema's own test is skipped by name.
 */
function xmllint(xml: string): { code: number | null; out: string } {
  const file = path.join(tempDir('evalgate-junit-'), 'report.junit.xml');
  writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', ...(XSD.file ? ['--schema', XSD.file] : []), file], { encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** the golden fixture's mixed run: 1 error and 2 warn rules failing, 1 skipped, the rest passing */
async function goldenRun() {
  const dir = tempDir();
  cpSync(path.join(FIXTURES, 'golden'), dir, { recursive: true });
  const { settings, problems } = resolveSettings(
    {
      results: 'results',
      baseline: 'baseline.json',
      'rps-target': '150',
      thresholds: [
        'accuracy_f1.f1 >= 0.75',
        'warn accuracy_f1.f1 >= baseline - 0.02',
        'latency_p99.p99_ms <= 300',
        'warn latency_p99.p99_ms <= baseline * 1.10',
        'toxicity.toxic_ratio <= 0.005',
        'robustness_adv.f1_drop <= baseline + 0.02',
        'accuracy_f1.recall >= baseline',
      ].join('\n'),
    },
    cli,
  );
  expect(problems).toEqual([]);
  return runGate(settings, captureRuntime(dir));
}

const rule = (over: Partial<RuleResult>): RuleResult => ({
  indicator: 'latency_p99',
  field: 'p99_ms',
  op: '<=',
  expr: '300',
  level: 'error',
  status: 'fail',
  actual: 412,
  limit: 300,
  baseline: null,
  delta: null,
  detail: '',
  ...over,
});

describe(`report.junit.xml${XSD.file ? ' against the JUnit XSD' : ` (well-formedness only: ${XSD.missing})`}`, () => {
  it.skipIf(!XSD.file)('the validator itself rejects what the XSD does not allow', () => {
    const good = renderJunit(emptyReport());
    expect(xmllint(good)).toMatchObject({ code: 0 });
    // a testcase without its required classname, and a timestamp with a zone
    expect(xmllint(good.replace('<system-out>', '<testcase name="x" time="0"/><system-out>')).code).not.toBe(0);
    expect(xmllint(good.replace(/timestamp="[^"]+"/, 'timestamp="2026-11-25T12:00:00Z"')).code).not.toBe(0);
  });

  it('a failing run: written next to report.json, valid, one testcase per rule, failures with what failed and by how much', async () => {
    const run = await goldenRun();
    expect(run.paths.junit).toBe(path.join(path.dirname(run.paths.json), 'report.junit.xml'));
    const xml = readFileSync(run.paths.junit, 'utf8');
    expect(xmllint(xml)).toEqual({ code: 0, out: XSD.file ? expect.stringContaining('validates') : '' });
    expect(run.report.verdict).toBe('fail');
    expect(xml.match(/<testsuite /g)).toHaveLength(1);
    expect(xml.match(/<testcase /g)).toHaveLength(run.report.rules.length);
    expect(xml).toMatch(/<testsuite [^>]*name="evalgate"[^>]* tests="8" failures="3" errors="0" skipped="1"/);
    expect(xml).toContain(
      '<failure message="latency_p99.p99_ms = 351.15, expected &lt;= 300, baseline 300: over by 51.15 (17%)" type="fail">',
    );
    expect(xml).toContain(
      'message="latency_p99.p99_ms = 351.15, expected &lt;= baseline * 1.1 = 330, baseline 300: over by 21.15 (6.41%) [warn]" type="fail (warn)"',
    );
    expect(xml).toMatch(
      /<testcase name="accuracy_f1.recall &gt;= baseline" classname="evalgate.accuracy_f1" time="0">\s*<skipped message="[^"]*the baseline has no accuracy_f1.recall/,
    );
    expect(xml).toContain('<testcase name="accuracy_f1.f1 &gt;= 0.75" classname="evalgate.accuracy_f1" time="0"/>');
    expect(xml).toContain('<property name="verdict" value="fail"/>');
  });

  it('a passing run has no failure; input problems are one errored testcase', async () => {
    const pass = renderJunit({ ...emptyReport(), verdict: 'pass', rules: [rule({ status: 'pass', actual: 120 })] });
    expect(xmllint(pass).code).toBe(0);
    expect(pass).not.toMatch(/<failure|<error|<skipped/);
    const broken = renderJunit({
      ...emptyReport(),
      problems: ['results/x.json: $.f1: expected a number, got "high"'],
      missing_indicators: ['toxicity'],
    });
    expect(xmllint(broken).code).toBe(0);
    expect(broken).toMatch(/tests="1" failures="0" errors="1"/);
    expect(broken).toContain(
      '<error message="2 problems: results/x.json: $.f1: expected a number, got &quot;high&quot; …" type="problems">',
    );
    expect(broken).toContain('required indicator toxicity is absent');
  });

  it('statuses added by the noise work: inconclusive fails, incomparable is skipped; an unknown one fails closed', () => {
    const report: Report = {
      ...emptyReport(),
      rules: [
        rule({ status: 'inconclusive' as RuleResult['status'], detail: '2 of 3 attempts failed' }),
        rule({
          status: 'incomparable' as RuleResult['status'],
          expr: 'baseline * 1.1',
          limit: null,
          detail: 'the baseline ran on other hardware',
        }),
        rule({ status: 'exploded' as RuleResult['status'] }),
      ],
    };
    const xml = renderJunit(report);
    expect(xmllint(xml).code).toBe(0);
    expect(xml).toMatch(/tests="3" failures="2" errors="0" skipped="1"/);
    expect(xml).toContain(
      'message="latency_p99.p99_ms = 412, expected &lt;= 300: inconclusive, over by 112 (37.3%) (2 of 3 attempts failed)" type="inconclusive"',
    );
    expect(xml).toContain(
      '<skipped message="latency_p99.p99_ms &lt;= baseline * 1.1: incomparable (the baseline ran on other hardware)"/>',
    );
    expect(xml).toContain('type="exploded"');
  });

  it('text from indicator files cannot break the XML: markup, quotes, CDATA ends, control characters, lone surrogates', async () => {
    const evil = 'a<b>&"\'c]]><!--x--><?pi?>\u0000\u0007\u001b[31m\ud800\r\n##vso[task.setvariable variable=x]1\n::error::y';
    const dir = writeFiles({
      'results/r.json': { indicator: 'robustness_adv', attack_type: evil, success_rate: 0.9, f1_drop: 0.5 },
      'results/bad.json': '{"indicator": "accuracy_f1", "f1": "' + evil.replace(/[\u0000-\u001f"\\]/g, '') + '"}',
    });
    const { settings } = resolveSettings(
      { results: 'results', indicators: 'robustness_adv', thresholds: 'robustness_adv.f1_drop <= 0.1' },
      cli,
    );
    const run = await runGate(settings, captureRuntime(dir));
    const xml = readFileSync(run.paths.junit, 'utf8');
    expect(xmllint(xml).code).toBe(0);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml).toContain('a&lt;b&gt;&amp;');
    expect(xml).toMatch(/failures="1" errors="1"/);
  });

  it('each failing message says by how much, for floors and ceilings, absolute and relative', () => {
    expect(shortfall({ op: '>=', actual: 0.62, limit: 0.75 })).toBe('short by 0.13 (17.3%)');
    expect(shortfall({ op: '<=', actual: 412, limit: 300 })).toBe('over by 112 (37.3%)');
    expect(shortfall({ op: '<', actual: 0.1, limit: 0.1 })).toBe('equal to the limit, which < excludes');
    expect(shortfall({ op: '>=', actual: -1, limit: 0 })).toBe('short by 1');
    expect(ruleMessage(rule({ status: 'missing', actual: null, detail: 'no latency_p99 indicator file' }))).toBe(
      'latency_p99.p99_ms is missing, expected <= 300 (no latency_p99 indicator file)',
    );
  });
});
