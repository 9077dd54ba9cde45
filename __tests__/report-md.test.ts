/**
 * The PR comment and report.md as a reviewer reads them (SPEC §4, §11; issue #20 item 1): a golden
 * file per case, each rendered the way GitHub renders it (micromark with its GFM extension, the
 * CommonMark + GFM reference parser) and checked for its table's shape: the header, one row per
 * rule with every cell filled, failing and inconclusive rules first, no HTML from indicator text,
 * and links that are https anchors.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { runGate } from '../src/engine.js';
import { resolveSettings } from '../src/config/settings.js';
import { parseConfig } from '../src/config/file.js';
import { gate } from '../src/core/gate.js';
import { parseRule, type Rule } from '../src/core/rules.js';
import type { MergedIndicator } from '../src/core/indicators/merge.js';
import { GITHUB_COMMENT_LIMIT, orderRules, renderMarkdown, sparkline, type ReportLinks } from '../src/core/report/md.js';
import type { Report } from '../src/core/report/report.js';
import { FIXTURES, SEED, captureRuntime, emptyReport, tempDir, writeFiles } from './helpers.js';

const GOLDEN = path.join(FIXTURES, 'report-md');
const cli = { flag: (n: string) => `--${n}`, defaultBaseline: 'none' as const };

/** what the action passes for the comment: the run, the uploaded artifact and the files in it */
const COMMENT: ReportLinks = {
  run: 'https://github.com/octo-org/model/actions/runs/4242',
  artifact: 'https://github.com/octo-org/model/actions/runs/4242/artifacts/9001',
  artifactName: 'evalgate-evalgate',
  files: ['report.json', 'report.md', 'report.html'],
};

/** a gate over files, as `evalgate gate` runs it (the config text for settings only a config has) */
async function gateFiles(files: Record<string, unknown>, inputs: Record<string, string>, config?: string): Promise<Report> {
  const dir = writeFiles(files);
  let loaded;
  if (config !== undefined) {
    const parsed = parseConfig(config, path.join(dir, 'evalgate.yml'));
    if (!parsed.ok) throw new Error('config');
    loaded = parsed.config;
  }
  const { settings, problems } = resolveSettings({ results: 'results', out: tempDir(), ...inputs }, cli, loaded);
  expect(problems).toEqual([]);
  return (await runGate(settings, captureRuntime(dir))).report;
}

const baselineReport = (day: number, indicators: Record<string, Record<string, unknown>>) =>
  JSON.stringify({
    schema_version: 1,
    name: 'evalgate',
    verdict: 'pass',
    generated_at: `2026-11-${String(day).padStart(2, '0')}T12:00:00Z`,
    commit: `${String(day).padStart(2, '0')}${'a'.repeat(38)}`,
    indicators,
  });

const rule = (text: string): Rule => {
  const r = parseRule(text);
  if (!r.ok) throw new Error(r.expected);
  return r.rule;
};
const latency = (p99: number): MergedIndicator => ({
  fields: { p50_ms: Number((p99 * 0.4).toFixed(2)), p90_ms: Number((p99 * 0.8).toFixed(2)), p99_ms: p99, requests: 2000 },
  sources: ['results/latency_p99.json'],
  approximate: false,
  notes: [],
});

interface Case {
  name: string;
  report: () => Promise<Report>;
  links?: ReportLinks;
  maxLength?: number;
  /** the first row's status cell */
  first: RegExp;
}

const CASES: Case[] = [
  {
    // every rule passes; the baseline is older and worse, so each Δ is better
    name: 'pass',
    report: () =>
      gateFiles(
        {
          ...SEED,
          'baseline.json': baselineReport(20, {
            accuracy_f1: { f1: 0.78 },
            latency_p99: { p99_ms: 135 },
            throughput_rps: { rps: 230 },
            toxicity: { toxic_ratio: 0.003 },
          }),
        },
        {
          baseline: 'baseline.json',
          'rps-target': '200',
          thresholds:
            'accuracy_f1.f1 >= 0.75; accuracy_f1.f1 >= baseline - 0.02; latency_p99.p99_ms <= 300; toxicity.toxic_ratio <= 0.005; robustness_adv.f1_drop <= 0.1; throughput_rps.rps >= baseline * 0.9',
        },
      ),
    links: COMMENT,
    first: /^✅ pass$/,
  },
  {
    // the case: a 17% throughput drop fails its baseline rule; it is row 1, ▼ and worse
    name: 'fail-baseline',
    report: () =>
      gateFiles(
        {
          ...SEED,
          'results/accuracy_f1.json': {
            indicator: 'accuracy_f1',
            precision: 0.8,
            recall: 0.78,
            f1: 0.79,
            tp: 780,
            fp: 195,
            fn: 220,
            samples: 2000,
          },
          'results/throughput_rps.json': { indicator: 'throughput_rps', rps: 207.5, concurrency: 16, duration_s: 60 },
          'baseline.json': baselineReport(22, {
            accuracy_f1: { f1: 0.81 },
            latency_p99: { p99_ms: 118 },
            throughput_rps: { rps: 250 },
            robustness_adv: { f1_drop: 0.08, attacks: { fgsm: { f1_drop: 0.08 } } },
          }),
        },
        {
          baseline: 'baseline.json',
          thresholds: [
            'accuracy_f1.f1 >= 0.75',
            'warn accuracy_f1.f1 >= baseline - 0.01',
            'latency_p99.p99_ms <= 300',
            'warn latency_p99.p99_ms <= baseline * 1.1',
            'toxicity.toxic_ratio <= 0.005',
            'robustness_adv.f1_drop <= baseline + 0.02',
            'throughput_rps.rps >= 150',
            'throughput_rps.rps >= baseline * 0.9',
          ].join('\n'),
        },
      ),
    links: COMMENT,
    first: /^❌ fail$/,
  },
  {
    // confirm: 2 on a noisy latency job: the median fails, one attempt passed
    name: 'inconclusive',
    report: async () => {
      const out = gate(
        [rule('latency_p99.p99_ms <= 300'), rule('throughput_rps.rps >= 100')],
        ['latency_p99', 'throughput_rps'],
        {
          latency_p99: latency(318),
          throughput_rps: { fields: { rps: 140 }, sources: ['results/throughput_rps.json'], approximate: false, notes: [] },
        },
        null,
        { invalidInput: false, attempts: { latency_p99: [latency(289), latency(322)], throughput_rps: [] } },
      );
      return {
        ...emptyReport(),
        verdict: out.verdict,
        platform: 'azure',
        required: ['latency_p99', 'throughput_rps'],
        indicators: {
          latency_p99: {
            ...latency(318).fields,
            sources: ['results/latency_p99.json'],
            approximate: false,
            notes: ['the median of 3 attempts'],
          },
          throughput_rps: { rps: 140, sources: ['results/throughput_rps.json'], approximate: false, notes: [] },
        },
        rules: out.results,
        jobs: [1, 2, 3].map((attempt) => ({
          indicator: 'latency_p99',
          shard: 0,
          platform_id: `evalgate-latency-${attempt}`,
          platform_url: `https://ml.azure.com/runs/evalgate-latency-${attempt}?wsid=/subscriptions/s/ws(1)`,
          status: 'succeeded',
          duration_s: 312 + attempt,
          ...(attempt > 1 ? { attempt } : {}),
        })),
      };
    },
    links: COMMENT,
    first: /^❓ inconclusive/,
  },
  {
    // history: 4 base-branch reports: every rule has a trend, oldest to newest, then this run
    name: 'history',
    report: () => {
      const base = tempDir();
      const reports: Array<[number, number, number, number]> = [
        [18, 0.8, 112, 262],
        [19, 0.81, 115, 255],
        [20, 0.8, 119, 251],
        [21, 0.82, 121, 248],
      ];
      for (const [day, f1, p99, rps] of reports) {
        mkdirSync(path.join(base, String(day)));
        writeFileSync(
          path.join(base, String(day), 'report.json'),
          baselineReport(day, { accuracy_f1: { f1 }, latency_p99: { p99_ms: p99 }, throughput_rps: { rps } }),
        );
      }
      return gateFiles(
        SEED,
        {
          baseline: base,
          indicators: 'accuracy_f1,latency_p99,throughput_rps',
          thresholds:
            'accuracy_f1.f1 >= baseline.min - 0.01; latency_p99.p99_ms <= baseline.mean + 3 * baseline.stddev; throughput_rps.rps >= baseline.median * 0.9',
        },
        'history: 4\n',
      ).then((r) => ({ ...r, baseline: { ...r.baseline, path: 'baseline/', note: r.baseline.note?.replace(base, 'baseline/') ?? null } }));
    },
    links: COMMENT,
    first: /^✅ pass$/,
  },
  {
    // a NaN in an indicator file and a limit that overflows: both rules say why, the problems are open
    name: 'problems',
    report: () =>
      gateFiles(
        {
          ...SEED,
          'results/accuracy_f1.json': '{"indicator":"accuracy_f1","precision":0.82,"recall":0.78,"f1":NaN,"samples":1000}',
          'baseline.json': baselineReport(22, { latency_p99: { p99_ms: 118 } }),
        },
        {
          baseline: 'baseline.json',
          thresholds: 'accuracy_f1.f1 >= 0.75; latency_p99.p99_ms <= baseline * 1e308; throughput_rps.rps >= 100',
        },
      ),
    links: COMMENT,
    first: /^❌ (missing|fail) — input problem, see <strong>Problems<\/strong>/,
  },
  {
    // text from indicator files that tries markup, a mention and a broken row
    name: 'escaping',
    report: () =>
      gateFiles(
        {
          'results/a|b@team.json': {
            indicator: 'robustness_adv',
            attack_type: 'x|y<img src=x onerror=alert(1)>@octocat `tick` ``` \n| --- |',
            success_rate: 0.9,
            f1_drop: 0.5,
          },
        },
        { indicators: 'robustness_adv' },
      ),
    links: { ...COMMENT, run: 'javascript:alert(1)', artifact: 'http://example.com/not-https' },
    first: /^❌ fail/,
  },
  {
    // report.md in the artifact, cut to a small size: the details go, the rule table stays whole
    name: 'cut',
    report: async () => ({
      ...emptyReport(),
      rules: [
        {
          indicator: 'bleu',
          field: 'score',
          op: '>=',
          expr: '30',
          level: 'error',
          status: 'pass',
          actual: 31.5,
          limit: 30,
          baseline: null,
          delta: null,
          detail: '',
        },
        {
          indicator: 'bleu',
          field: 'brevity',
          op: '>=',
          expr: '0.9',
          level: 'error',
          status: 'fail',
          actual: 0.85,
          limit: 0.9,
          baseline: null,
          delta: null,
          detail: '',
        },
      ],
      problems: Array.from({ length: 400 }, (_, i) => `results/bad-${i}.json: $.score: expected a number, got NaN`),
      jobs: Array.from({ length: 100 }, (_, i) => ({
        indicator: 'bleu',
        shard: i,
        platform_id: `job-${i}`,
        platform_url: `https://ml.azure.com/runs/job-${i}`,
        status: 'succeeded',
        duration_s: 60,
      })),
    }),
    links: { run: COMMENT.run, artifactName: 'evalgate-evalgate', files: ['report.json', 'report.md'], inArtifact: true },
    maxLength: 4000,
    first: /^❌ fail$/,
  },
];

// ---- reading the HTML GitHub makes of it ----

function toHtml(md: string): string {
  // raw HTML passes through, as GitHub's renderer lets it through to its sanitizer: what we check
  return micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });
}

type Table = { header: string[]; rows: string[][] };
function tables(html: string): Table[] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) => {
    const rows = [...t[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<t([hd])(?: align="(?:left|right|center)")?>([\s\S]*?)<\/t\1>/g)].map((c) => c[2]!.trim()),
    );
    return { header: rows[0]!, rows: rows.slice(1) };
  });
}

const TAGS = new Set([
  'h3',
  'p',
  'strong',
  'em',
  'code',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'a',
  'ul',
  'li',
  'br',
  'blockquote',
  'details',
  'summary',
]);
const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('the comment and report.md, rendered as GitHub renders them (one golden file per case)', () => {
  it.each(CASES)('$name', async (c) => {
    const report = await c.report();
    const md = renderMarkdown(report, c.maxLength ?? GITHUB_COMMENT_LIMIT, c.links ? { links: c.links } : {});
    const file = path.join(GOLDEN, `${c.name}.md`);
    if (process.env.UPDATE_FIXTURES === '1') {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(file, md);
    }
    expect(md).toBe(readFileSync(file, 'utf8'));
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(c.maxLength ?? GITHUB_COMMENT_LIMIT);
    expect(md.startsWith(`<!-- evalgate:${report.name} -->\n`)).toBe(true);

    const html = toHtml(md);
    // only the elements our writer makes; the one HTML comment is the marker
    for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)([^>]*)>/g)) {
      expect(TAGS, `element <${m[1]}${m[2]}${m[3]}>`).toContain(m[2]!.toLowerCase());
      const attrs = m[3]!.trim();
      if (m[1] === '/') expect(attrs).toBe('');
      else if (m[2] === 'a') expect(attrs).toMatch(/^href="https:\/\/[^"\s]+"$/);
      else if (m[2] === 'th' || m[2] === 'td') expect(attrs).toMatch(/^(align="(left|right)")?$/);
      else if (m[2] === 'details') expect(attrs).toMatch(/^(open)?$/);
      else expect(attrs).toBe('');
    }
    expect([...html.matchAll(/<!--([\s\S]*?)-->/g)].map((m) => m[1])).toEqual([` evalgate:${report.name} `]);
    // outside code spans nothing from the files: no @mention, no entity that becomes markup
    const outside = html.replace(/<code>[\s\S]*?<\/code>/g, '').replace(/<\/?[a-z][^>]*>|<!--[\s\S]*?-->/g, '');
    expect(outside).not.toContain('@');
    expect(outside).not.toMatch(/[<>]/);

    // the rule table: the header, one row per rule in the reviewer's order, every cell filled
    const ts = tables(html);
    const rules = ts.find((t) => t.header[0] === 'Status')!;
    const trend = report.rules.some((r) => (r.history?.length ?? 0) > 0);
    expect(rules.header).toEqual(['Status', 'Metric', 'Value', 'Threshold', 'Baseline', 'Δ', ...(trend ? ['Trend'] : [])]);
    expect(rules.rows).toHaveLength(report.rules.length);
    const ordered = orderRules(report.rules);
    rules.rows.forEach((row, i) => {
      expect(row).toHaveLength(rules.header.length);
      for (const cell of row) expect(cell).not.toBe('');
      const metric = `${ordered[i]!.indicator}.${ordered[i]!.field}`;
      expect(
        row[1] === '〃' ? `${ordered[i - 1]!.indicator}.${ordered[i - 1]!.field}` : unescape(row[1]!.replace(/^<code>|<\/code>$/g, '')),
      ).toBe(metric);
    });
    expect(rules.rows[0]![0]).toMatch(c.first);
    // every other table (the jobs) is whole too
    for (const t of ts) for (const row of t.rows) expect(row).toHaveLength(t.header.length);

    // the links: https anchors to the run and the artifact, where the action gave them
    const hrefs = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]!);
    for (const h of hrefs) expect(h).toMatch(/^https:\/\//);
    const https = (u: string | undefined) => (u?.startsWith('https://') ? [u] : []);
    if (c.links?.inArtifact) {
      expect(hrefs).toEqual(expect.arrayContaining(https(c.links.run)));
      expect(md).toContain('this file is in the artifact `evalgate-evalgate` of that run');
    } else if (c.links) {
      expect(hrefs).toEqual(expect.arrayContaining([...https(c.links.run), ...https(c.links.artifact)]));
    }
  });

  it('the CLI (no links) links nothing; report.md in the artifact cannot link its own artifact', async () => {
    const report = await CASES[1]!.report();
    expect(toHtml(renderMarkdown(report))).not.toContain('<a ');
    const inArtifact = renderMarkdown(report, GITHUB_COMMENT_LIMIT, { links: { ...COMMENT, inArtifact: true } });
    expect(inArtifact).not.toContain(COMMENT.artifact);
    expect(inArtifact).toContain(
      'this file is in the artifact `evalgate-evalgate` of that run (report.html in the artifact, with report.json, report.md)',
    );
  });

  it('the problems section is open when there are problems, and folded details otherwise', async () => {
    const md = renderMarkdown(await CASES[4]!.report());
    expect(md).toMatch(/<details open><summary>Problems \(\d+\)<\/summary>/);
    expect(md).toMatch(/<details><summary>Merge notes<\/summary>/);
  });
});

describe('Δ: absolute and relative, its direction judged per rule', () => {
  const row = (op: '>=' | '<=' | '>' | '<', actual: number, baseline: number) => {
    const report = {
      ...emptyReport(),
      rules: [
        {
          indicator: 'm',
          field: 'x',
          op,
          expr: 'baseline',
          level: 'error' as const,
          status: 'pass' as const,
          actual,
          limit: baseline,
          baseline,
          delta: Number((actual - baseline).toPrecision(12)),
          detail: '',
        },
      ],
    };
    return tables(toHtml(renderMarkdown(report)))[0]!.rows[0]![5];
  };
  it.each([
    // the throughput drop: 250 -> 207.5 rps is -17%, worse for a floor
    ['>=', 207.5, 250, '▼ -42.5 (-17.0%) <strong>worse</strong>'],
    ['>', 260, 250, '▲ +10 (+4.0%) better'],
    ['<=', 351.15, 300, '▲ +51.15 (+17.1%) <strong>worse</strong>'],
    ['<', 90, 120, '▼ -30 (-25.0%) better'],
    ['>=', 0.79, 0.81, '▼ -0.02 (-2.5%) <strong>worse</strong>'],
    ['<=', 0.004, 0.004, '0 (0%)'],
    // a baseline of 0: no relative change
    ['<=', 0.01, 0, '▲ +0.01 <strong>worse</strong>'],
    // a negative baseline: the percentage follows the sign of the change
    ['>=', -1, -2, '▲ +1 (+50.0%) better'],
    ['<=', 100.3, 100, '▲ +0.3 (+0.3%) <strong>worse</strong>'],
  ] as const)('%s: %d against %d -> %s', (op, actual, baseline, want) => {
    expect(row(op, actual, baseline)).toBe(want);
  });
});

describe('the trend sparkline', () => {
  it.each([
    [[1, 2, 3], 4, '▁▃▆ █'],
    [[5, 5], 5, '▄▄ ▄'],
    [[300, 100], 200, '█▁ ▅'],
    [[], 7, '▄'],
    [[1, 2], null, '▁█'],
  ] as const)('%j then %s -> %s', (history, current, want) => {
    expect(sparkline(history, current)).toBe(want);
  });

  it('is drawn from rules[].history (newest first), oldest to newest, then this run', async () => {
    const report = await CASES[3]!.report();
    const lat = report.rules.find((r) => r.indicator === 'latency_p99')!;
    expect(lat.history).toEqual([121, 119, 115, 112]);
    const cells = tables(toHtml(renderMarkdown(report)))[0]!;
    const row = cells.rows.find((r) => r[1] === '<code>latency_p99.p99_ms</code>')!;
    expect(row[6]).toBe(sparkline([112, 115, 119, 121], lat.actual));
  });

  it('a report read back with text where numbers belong draws nothing from it and does not throw', () => {
    const bad = {
      ...emptyReport(),
      indicators: { latency_p99: { p50_ms: '<b>', p90_ms: 2, p99_ms: 3, sources: [], approximate: false, notes: [] } },
      rules: [
        {
          indicator: 'latency_p99',
          field: 'p99_ms',
          op: '<=',
          expr: '300',
          level: 'error',
          status: 'pass',
          actual: 3,
          limit: 300,
          baseline: null,
          delta: null,
          detail: '',
          interval: ['<img>', 2],
          history: ['<script>', 1],
          attempts: [{ attempt: '<i>', actual: 'x', status: 'pass' }],
        },
      ],
    } as unknown as Report;
    const md = renderMarkdown(bad);
    expect(md).not.toMatch(/<(img|script|b|i)>/);
    expect(md).toContain('p90 / p99 = 2 / 3 ms');
  });
});

describe('rules[].history in report.json (what the sparkline and report.html draw)', () => {
  const base = (p99: number | undefined) => ({ latency_p99: p99 === undefined ? {} : { p99_ms: p99 } });
  const judged = (history: ReturnType<typeof base>[], indicators: Record<string, MergedIndicator> = { latency_p99: latency(225) }) =>
    gate([rule('latency_p99.p99_ms <= baseline * 1.1')], [], indicators, history[0] ?? null, {
      invalidInput: false,
      ...(history.length ? { history } : {}),
    }).results[0]!;
  it.each([
    ['no history', [], undefined],
    ['one report: the baseline alone, no trend', [base(210)], undefined],
    ['two reports, newest first', [base(210), base(200)], [210, 200]],
    ['a report without the field adds no value', [base(210), base(undefined), base(190)], [210, 190]],
  ] as const)('%s', (_name, history, want) => {
    const r = judged([...history]);
    if (want === undefined) expect(r).not.toHaveProperty('history');
    else expect(r.history).toEqual(want);
  });
  it('an absent indicator keeps its trend (the values before it went missing)', () => {
    expect(judged([base(210), base(200)], {})).toMatchObject({ status: 'missing', history: [210, 200] });
  });
  it('robustness_adv: the trend of the attack type reported', () => {
    const adv = (drops: Record<string, number>) => ({
      robustness_adv: {
        f1_drop: Math.max(...Object.values(drops)),
        attacks: Object.fromEntries(Object.entries(drops).map(([k, v]) => [k, { f1_drop: v }])),
      },
    });
    const attack = (f1_drop: number): MergedIndicator => ({
      fields: { f1_drop, success_rate: 0.1 },
      sources: [],
      approximate: false,
      notes: [],
    });
    const r = gate(
      [rule('robustness_adv.f1_drop <= 0.1')],
      [],
      {
        robustness_adv: {
          fields: { f1_drop: 0.09 },
          sources: [],
          approximate: false,
          notes: [],
          attacks: { fgsm: attack(0.05), pgd: attack(0.09) },
        },
      },
      adv({ fgsm: 0.04, pgd: 0.08 }),
      { invalidInput: false, history: [adv({ fgsm: 0.04, pgd: 0.08 }), adv({ fgsm: 0.03, pgd: 0.07 })] },
    ).results[0]!;
    expect(r.detail).toMatch(/^worst attack_type: pgd/);
    expect(r.history).toEqual([0.08, 0.07]);
  });
});
