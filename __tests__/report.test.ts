import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { runGate, writeReport } from '../src/engine.js';
import { resolveSettings } from '../src/config/settings.js';
import { renderMarkdown, GITHUB_COMMENT_LIMIT } from '../src/core/report/md.js';
import { renderProm } from '../src/core/report/prom.js';
import { codeSpan } from '../src/core/report/escape.js';
import type { Report } from '../src/core/report/report.js';
import { FIXTURES, captureRuntime, emptyReport, tempDir, writeFiles } from './helpers.js';

const cli = { flag: (n: string) => `--${n}`, defaultBaseline: 'none' as const };

async function golden() {
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
      ].join('\n'),
    },
    cli,
  );
  expect(problems).toEqual([]);
  return runGate(settings, captureRuntime(dir));
}

describe('report.md', () => {
  it('matches the golden file for a mixed pass/warn/fail case', async () => {
    const run = await golden();
    const goldenPath = path.join(FIXTURES, 'golden', 'report.md');
    if (process.env.UPDATE_FIXTURES === '1') writeFileSync(goldenPath, run.markdown);
    expect(run.markdown).toBe(readFileSync(goldenPath, 'utf8'));
    expect(readFileSync(run.paths.markdown, 'utf8')).toBe(run.markdown);
    expect(run.report.verdict).toBe('fail');
    expect(run.report.rules.map((r) => `${r.level} ${r.status}`)).toEqual([
      'error pass',
      'warn fail',
      'error fail',
      'warn fail',
      'error pass',
      'error pass',
      'error pass',
    ]);
  });

  it('escapes text from indicator files: no broken row, no HTML, no @mention', async () => {
    const evil = 'x|y<img src=x onerror=alert(1)>@octocat `tick` ``` \n| --- |';
    const dir = writeFiles({
      [`results/${'a|b@team'}.json`]: { indicator: 'robustness_adv', attack_type: evil, success_rate: 0.9, f1_drop: 0.5 },
    });
    const { settings } = resolveSettings({ results: 'results', indicators: 'robustness_adv' }, cli);
    const run = await runGate(settings, captureRuntime(dir));
    const md = run.markdown;
    // every table row has exactly the 6 cells of the header (7 unescaped pipes); report-md.test.ts renders it
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    for (const row of rows) expect(row.replace(/\\\|/g, '').split('|').length - 1).toBe(7);
    // all such text sits inside code spans: outside them no '<' and no '@' remain
    const outsideCode = md
      .replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, '')
      .replace(/<!-- evalgate:[\w.-]+ -->|<details(?: open)?>|<\/details>|<\/?summary>/g, '');
    expect(outsideCode).not.toMatch(/[<>]/);
    expect(outsideCode).not.toContain('@');
    expect(md).toContain('````');
  });

  it('never exceeds 65,536 characters: details are cut with a note, the rule table never', async () => {
    const files: Record<string, unknown> = {};
    for (let i = 0; i < 3000; i++) files[`results/bad-${String(i).padStart(4, '0')}-${'x'.repeat(40)}.json`] = '{"indicator": NaN}';
    files['results/acc.json'] = { indicator: 'accuracy_f1', precision: 0.9, recall: 0.9, f1: 0.9, samples: 10 };
    const dir = writeFiles(files);
    const { settings } = resolveSettings({ results: 'results' }, cli);
    const run = await runGate(settings, captureRuntime(dir));
    expect(run.report.problems.length).toBe(3000);
    expect(run.markdown.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(run.markdown).toContain('| `accuracy_f1.f1`');
    expect(run.markdown).toMatch(/more cut to fit GitHub's comment size; every entry is in report\.json/);
    // report.json keeps every problem
    expect(JSON.parse(readFileSync(run.paths.json, 'utf8')).problems).toHaveLength(3000);
  });

  it('keeps the rule table whole even with many rules', () => {
    const rules = Array.from({ length: 300 }, (_, i) => ({
      indicator: 'bleu',
      field: `f${i}`,
      op: '>=' as const,
      expr: '1',
      level: 'error' as const,
      status: 'missing' as const,
      actual: null,
      limit: 1,
      baseline: null,
      delta: null,
      detail: 'no bleu indicator file',
    }));
    const report = { ...emptyReport(), rules, problems: Array.from({ length: 2000 }, (_, i) => `problem ${i} ${'y'.repeat(50)}`) };
    const md = renderMarkdown(report);
    expect(md.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    for (let i = 0; i < 300; i++) expect(md).toContain(`\`bleu.f${i}\``);
  });

  it('counts the limit in UTF-8 bytes: multi-byte problem text still fits a comment', () => {
    // 2,000 problems of 60 CJK characters: 3 bytes each, so a character count would overshoot 3x
    const report = { ...emptyReport(), problems: Array.from({ length: 2000 }, (_, i) => `问题 ${i} ${'指标'.repeat(30)}`) };
    const md = renderMarkdown(report);
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(Buffer.byteLength(md, 'utf8')).toBeGreaterThan(GITHUB_COMMENT_LIMIT - 2000);
    expect(md).toContain('more cut to fit');
  });
});

describe('codeSpan', () => {
  it.each([
    ['plain', '`plain`'],
    ['a `b` c', '``a `b` c``'],
    ['```', '```` ``` ````'],
    ['`start', '`` `start ``'],
    ['', '` `'],
    ['line\nbreak', '`line break`'],
  ])('%j -> %s', (text, want) => {
    expect(codeSpan(text)).toBe(want);
  });
  it('escapes pipes and backslashes in table cells', () => {
    expect(codeSpan('a|b\\', { inTable: true })).toBe('`a\\|b\\\\`');
  });
});

describe('report.json', () => {
  it('has every field of SPEC §4', async () => {
    const run = await golden();
    const json = JSON.parse(readFileSync(run.paths.json, 'utf8'));
    expect(json).toMatchObject({
      schema_version: 1,
      verdict: 'fail',
      generated_at: '2026-11-25T12:00:00.000Z',
      commit: null,
      ref: null,
      pull_request: null,
      platform: 'local',
      jobs: [],
      problems: [],
    });
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['indicators', 'rules', 'baseline']));
    expect(json.baseline).toEqual({
      source: 'file',
      run_id: null,
      commit: '0123456789abcdef0123456789abcdef01234567',
      created_at: '2026-11-20T12:00:00Z',
      path: 'baseline.json',
      note: null,
    });
    // SPEC §9 adds the interval of an exact-merged value (this f1 is one)
    expect(Object.keys(json.rules[0]).sort()).toEqual(
      ['actual', 'baseline', 'delta', 'detail', 'expr', 'field', 'indicator', 'interval', 'level', 'limit', 'op', 'status'].sort(),
    );
    expect(json.indicators.accuracy_f1).toMatchObject({
      tp: 650,
      fp: 160,
      fn: 155,
      approximate: false,
      sources: ['results/accuracy_f1-0.json', 'results/accuracy_f1-1.json'],
    });
    expect(Object.keys(json.indicators.robustness_adv.attacks)).toEqual(['fgsm', 'pgd']);
    expect(json.indicators.robustness_adv.attacks.pgd).toMatchObject({
      f1_drop: 0.09,
      sources: ['results/robustness_pgd.json'],
      approximate: false,
    });
  });

  it('can be read back as the baseline of a later run', async () => {
    const first = await golden();
    const dir = writeFiles({ 'r/acc.json': { indicator: 'accuracy_f1', precision: 0.5, recall: 0.5, f1: 0.79, samples: 10 } });
    const { settings } = resolveSettings(
      { results: 'r', baseline: first.paths.json, indicators: 'accuracy_f1', thresholds: 'accuracy_f1.f1 >= baseline - 0.01' },
      cli,
    );
    const run = await runGate(settings, captureRuntime(dir));
    expect(run.report.rules[0]).toMatchObject({ status: 'fail', baseline: first.report.indicators.accuracy_f1!.f1 });
  });
});

describe('report.prom', () => {
  it('parses back as Prometheus text format with the verdict and every merged value', async () => {
    const run = await golden();
    const text = readFileSync(run.paths.prom, 'utf8');
    const families = parsePrometheusTextFormat(text) as {
      name: string;
      type: string;
      metrics: { labels: Record<string, string>; value: string }[];
    }[];
    const byName = Object.fromEntries(families.map((f) => [f.name, f]));
    expect(byName.evalgate_verdict!.metrics.find((m) => m.labels.verdict === 'fail')!.value).toBe('1');
    const value = (labels: Record<string, string>) =>
      Number(byName.evalgate_indicator_value!.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels[k] === v))!.value);
    expect(value({ indicator: 'latency_p99', field: 'p99_ms' })).toBe(run.report.indicators.latency_p99!.p99_ms);
    expect(value({ indicator: 'robustness_adv', attack_type: 'pgd', field: 'f1_drop' })).toBe(0.09);
    // the format's own line grammar: every sample line is name{labels} value
    for (const line of text.trimEnd().split('\n')) {
      expect(line).toMatch(
        /^(# EOF|# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+|[a-zA-Z_:][a-zA-Z0-9_:]*\{([a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*",?)*\} [-+0-9.eE]+|[-+]Inf|NaN)$/,
      );
    }
    expect(text.endsWith('\n')).toBe(true);
  });
  it('escapes label values', () => {
    const text = renderProm({ ...emptyReport(), indicators: { 'a"b\\c': { x: 1, sources: [], approximate: false, notes: [] } } });
    expect(text).toContain('indicator="a\\"b\\\\c"');
    const families = parsePrometheusTextFormat(text) as { name: string; metrics: { labels: Record<string, string> }[] }[];
    expect(families.find((f) => f.name === 'evalgate_indicator_value')!.metrics[0]!.labels.indicator).toBe('a"b\\c');
  });
});

describe('writing the reports', () => {
  it('one report that cannot be written fails the write, and every other report is still this run’s', async () => {
    const out = tempDir();
    for (const f of ['report.md', 'report.prom', 'report.junit.xml', 'report.html']) writeFileSync(path.join(out, f), 'an earlier run');
    mkdirSync(path.join(out, 'report.json')); // EISDIR
    const rt = captureRuntime(out);
    await expect(writeReport({ ...emptyReport(), name: 'this-run' }, out, rt)).rejects.toMatchObject({ code: 'EISDIR' });
    for (const f of ['report.md', 'report.prom', 'report.junit.xml', 'report.html']) {
      expect(readFileSync(path.join(out, f), 'utf8'), f).not.toBe('an earlier run');
    }
  });
});
