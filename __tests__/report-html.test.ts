/**
 * report.html (SPEC §11, issue #20 item 2) as a user opens it: a report produced by the bundled CLI
 * (dist/, `npm run build`) with `evalgate run` on local (latency from samples in 3 repeats, a
 * failing first attempt confirmed twice, a 3-report baseline history), opened over file:// in
 * Debian's Chromium (/usr/bin/chromium, through playwright-core). The page must load with no
 * console error and no request beyond itself, and every chart must draw the marks its data has:
 * one point per percentile, one bar per attempt and per repeat, one point per history report plus
 * this run. The screenshot is kept in test-artifacts/report-html.png (docs/img/ has a copy).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP, chartLibrary, chartsOf, escapeHtml, renderHtml, scriptJson } from '../src/core/report/html.js';
import { DISTRIBUTION_QS, IndicatorMerger } from '../src/core/indicators/merge.js';
import { encodeHistogram, newHistogram } from './hdr-reference.js';
import { emptyReport, record, tempDir } from './helpers.js';
import { ensureDebian } from './third-party.js';

// the page's globals, in the functions page.evaluate runs there (the tests compile without the DOM's types)
declare const document: any;

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const EVIL = '</script><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

/** the job: 200 latency samples whose p99 is `base` (+5 ms per repeat); attempt 1 is slow */
const JOB = `
import { mkdirSync, writeFileSync } from 'node:fs';
const out = process.argv[2];
const attempt = Number(process.env.EVALGATE_ATTEMPT ?? '1');
const repeat = Number(process.env.EVALGATE_REPEAT_INDEX ?? '0');
const base = (attempt === 1 ? 320 : 250) + 5 * repeat;
const samples = Array.from({ length: 200 }, (_, i) => Math.round((base * (i + 1)) / 198 * 1000) / 1000);
const at = (p) => [...samples].sort((a, b) => a - b)[Math.ceil((p / 100) * samples.length) - 1];
mkdirSync(out, { recursive: true });
writeFileSync(out + '/latency.json', JSON.stringify({ indicator: 'latency_p99', p50_ms: at(50), p90_ms: at(90), p99_ms: at(99), requests: 200, samples_ms: samples }));
`;

let browser: Browser;

beforeAll(async () => {
  ensureDebian('chromium', 'chromium');
  // root in a container has no user namespace for Chromium's sandbox
  browser = await chromium.launch({ executablePath: CHROMIUM, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

interface Loaded {
  page: Page;
  errors: string[];
  requests: string[];
  /** the http(s) requests that got past the page's policy to the network (all refused here) */
  routed: string[];
}

/** Opens a file in a fresh page, recording console errors, page errors and every request. */
async function open(file: string): Promise<Loaded> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  const routed: string[] = [];
  const self = pathToFileURL(file).href;
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  // every request the page issues (file: ones too), and any http(s) one is refused before it leaves
  page.on('request', (r) => {
    if (r.url() !== self) requests.push(r.url());
  });
  await page.route(/^https?:/, (route) => {
    routed.push(route.request().url());
    return route.abort();
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e: { violatedDirective: string; blockedURI: string }) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(self, { waitUntil: 'load' });
  return { page, errors, requests, routed };
}

interface Drawn {
  id: string;
  kind: string;
  marks: number;
  painted: number;
}

/** Per chart: its first dataset's drawn elements (inside the chart area), and how many are painted on the canvas. */
function drawn(page: Page): Promise<Drawn[]> {
  return page.evaluate(() => {
    const g = globalThis as unknown as { Chart: { getChart(c: unknown): any } };
    return [...document.querySelectorAll('canvas')].map((canvas: any) => {
      const chart = g.Chart.getChart(canvas);
      const area = chart.chartArea;
      const els = (chart.getDatasetMeta(0).data as Array<{ x: number; y: number; skip?: boolean; base?: number }>).filter(
        (e) =>
          !e.skip &&
          Number.isFinite(e.x) &&
          Number.isFinite(e.y) &&
          e.x >= area.left - 1 &&
          e.x <= area.right + 1 &&
          e.y >= area.top - 1 &&
          e.y <= area.bottom + 1,
      );
      const ctx = canvas.getContext('2d')!;
      const ratio = chart.currentDevicePixelRatio as number;
      // a bar is painted at its middle, a point at its centre
      const painted = els.filter((e) => {
        const y = e.base !== undefined ? (e.y + e.base) / 2 : e.y;
        return ctx.getImageData(Math.round(e.x * ratio), Math.round(y * ratio), 1, 1).data[3]! > 0;
      }).length;
      return { id: canvas.id, kind: canvas.dataset.kind!, marks: els.length, painted };
    });
  });
}

describe('report.html from the bundled CLI, in Chromium', () => {
  let dir = '';
  let report: any;
  let loaded: Loaded;

  beforeAll(async () => {
    dir = tempDir('evalgate-html-');
    writeFileSync(path.join(dir, 'job.mjs'), JOB);
    // three base-branch reports, oldest first: accuracy_f1.f1 0.90, 0.92, 0.91
    [0.9, 0.92, 0.91].forEach((f1, i) => {
      mkdirSync(path.join(dir, 'base', `r${i}`), { recursive: true });
      writeFileSync(
        path.join(dir, 'base', `r${i}`, 'report.json'),
        JSON.stringify({
          schema_version: 1,
          name: 'evalgate',
          generated_at: `2026-11-1${i}T00:00:00Z`,
          commit: `${i}`.repeat(40),
          indicators: { accuracy_f1: { f1, precision: f1, recall: f1, samples: 100 } },
        }),
      );
    });
    writeFileSync(
      path.join(dir, 'evalgate.yml'),
      [
        'indicators: [latency_p99, accuracy_f1]',
        'thresholds: |',
        '  latency_p99.p99_ms <= 300',
        '  accuracy_f1.f1 >= baseline.mean - 0.05',
        'confirm: 2',
        'history: 3',
        'jobs:',
        '  latency_p99:',
        `    command: node ${path.join(dir, 'job.mjs')} {out}`,
        '    repeats: 3',
        '  accuracy_f1:',
        `    command: printf '{"indicator":"accuracy_f1","precision":0.93,"recall":0.93,"f1":0.93,"samples":100}' > {out}/f1.json`,
        '',
      ].join('\n'),
    );
    const r = spawnSync(process.execPath, [CLI, 'run', '--config', 'evalgate.yml', '--baseline', 'base'], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', EVALGATE_LOCAL_ISOLATION: 'none', CI: 'true' },
    });
    expect(r.status, r.stderr + r.stdout).toBe(0);
    report = JSON.parse(readFileSync(path.join(dir, 'evalgate-report', 'report.json'), 'utf8'));
    loaded = await open(path.join(dir, 'evalgate-report', 'report.html'));
  }, 120_000);

  afterAll(async () => {
    await loaded?.page.close();
  });

  it('report.json carries what the page draws: the curve, the attempts, the repeats, the history', () => {
    const lat = report.indicators.latency_p99;
    expect(lat.distribution.map((p: { q: number }) => p.q)).toEqual(DISTRIBUTION_QS);
    // repeat 0 of attempt 1: 200 samples up to 320 * 200/198 ms; the curve is the median over repeats (repeat 1: +5 ms)
    expect(lat.distribution.at(-1).ms).toBeCloseTo((325 * 200) / 198, 2);
    expect(lat.repeats.n).toBe(3);
    const [latency, f1] = report.rules;
    expect(latency.attempts.map((a: { status: string }) => a.status)).toEqual(['fail', 'pass', 'pass']);
    expect(f1.history).toEqual([0.91, 0.92, 0.9]);
    expect(report.verdict).toBe('pass');
  });

  it('loads with no console error, no page error and no request beyond itself', async () => {
    expect(await loaded.page.getAttribute('html', 'data-charts')).toBe('4');
    expect(loaded.errors).toEqual([]);
    expect(loaded.requests).toEqual([]);
  });

  it('every chart draws one mark per value: percentiles, attempts, repeats, history + this run', async () => {
    const charts = await drawn(loaded.page);
    const expected = [
      { kind: 'distribution', marks: report.indicators.latency_p99.distribution.length },
      { kind: 'attempts', marks: report.rules[0].attempts.length },
      { kind: 'repeats', marks: report.indicators.latency_p99.repeats.n },
      { kind: 'trend', marks: report.rules[1].history.length + 1 },
    ];
    expect(charts.map(({ kind, marks }) => ({ kind, marks }))).toEqual(expected);
    expect(expected.map((e) => e.marks)).toEqual([9, 3, 3, 4]);
    for (const c of charts) expect(c.painted, c.id).toBe(c.marks);
  });

  it('shows the rule table, and the screenshot is kept as a test artifact', async () => {
    const rows = await loaded.page.$$eval('table:first-of-type tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent)),
    );
    expect(rows).toEqual([
      ['pass', 'latency_p99.p99_ms', '<= 300'],
      ['pass', 'accuracy_f1.f1', '>= baseline.mean - 0.05'],
    ]);
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, 'report-html.png');
    await loaded.page.screenshot({ path: file, fullPage: true });
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
    // the top of the page, down to the charts: the README's picture (docs/img/report-html.png is a copy)
    const charts = (await loaded.page.locator('.charts').boundingBox())!;
    await loaded.page.screenshot({
      path: path.join(ARTIFACTS, 'report-html-top.png'),
      fullPage: true,
      clip: { x: 0, y: 0, width: 1200, height: charts.y + charts.height + 16 },
    });
    copyFileSync(path.join(dir, 'evalgate-report', 'report.html'), path.join(ARTIFACTS, 'report.html'));
  });

  it('the policy blocks what a page could fetch: an image added to it is refused, and the check sees it', async () => {
    const html = readFileSync(path.join(dir, 'evalgate-report', 'report.html'), 'utf8').replace(
      '<body>',
      '<body><img src="https://example.invalid/x.png">',
    );
    const file = path.join(dir, 'tampered.html');
    writeFileSync(file, html);
    const t = await open(file);
    await t.page.close();
    // attempted, and stopped by the policy before the network
    expect([t.requests, t.routed]).toEqual([['https://example.invalid/x.png'], []]);
    expect(t.errors.join('\n')).toMatch(/Content Security Policy|CSP violation: img-src https:\/\/example\.invalid\/x\.png/);
    // the control: without the policy the same page does request it, and the check sees that too
    const open2 = path.join(dir, 'no-policy.html');
    writeFileSync(open2, html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''));
    const u = await open(open2);
    await u.page.close();
    expect([u.requests, u.routed]).toEqual([['https://example.invalid/x.png'], ['https://example.invalid/x.png']]);
  });
});

describe('the percentile curve report.json carries (indicators.latency_p99.distribution)', () => {
  const merged = (...files: Record<string, unknown>[]) => {
    const m = new IndicatorMerger();
    files.forEach((f, i) => m.add(record({ indicator: 'latency_p99', requests: 1000, ...f }, `f${i}.json`)));
    return m.finish().indicators.latency_p99!;
  };
  // a file's summary fields: within its values (the validator checks)
  const summary = (lo: number, hi: number) => ({ p50_ms: lo, p90_ms: hi, p99_ms: hi });
  const histogram = (from: number, to: number) => {
    const h = newHistogram(3);
    for (let v = from; v <= to; v++) h.recordValue(v * 1000); // µs
    return { ...summary(from, to), hdr_histogram: encodeHistogram(h), hdr_unit: 'us' };
  };
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const samples = (from: number, to: number, k = 1) => ({ ...summary(from * k, to * k), samples_ms: range(from, to).map((v) => v * k) });
  // 1…1000 ms in two shards: nearest rank ⌈q·N/100⌉, the minimum at q 0 and the maximum at 100
  const EXACT = [1, 500, 750, 900, 950, 990, 999, 1000, 1000];

  it.each([
    ['samples in two shards', [samples(1, 400), samples(401, 1000)]],
    ['histograms in two shards (to their 3 digits)', [histogram(1, 400), histogram(401, 1000)]],
    ['a histogram and samples', [histogram(1, 400), samples(401, 1000)]],
  ])('%s: nine points, min to max', (_name, files) => {
    const d = merged(...files).distribution!;
    expect(d.map((p) => p.q)).toEqual(DISTRIBUTION_QS);
    d.forEach((p, i) => expect(Math.abs(p.ms - EXACT[i]!), `q ${p.q}`).toBeLessThanOrEqual(EXACT[i]! * 1e-3));
  });

  it('repeats: at each percentile the median over the repeats; summary-only files: no curve', () => {
    const repeats = [1, 3, 2].map((k, index) => ({ ...samples(1, 100, k), repeat: { index, count: 3 } }));
    expect(merged(...repeats).distribution!.map((p) => p.ms)).toEqual([2, 100, 150, 180, 190, 198, 200, 200, 200]);
    expect(merged(summary(1, 2), summary(3, 4)).distribution).toBeUndefined();
  });
});

describe('the charting library is read only when a report is written', () => {
  it('a bundle without dist/assets/: validate and --version never miss it; gate warns, writes the rest and passes', () => {
    const dist = path.join(tempDir('evalgate-noassets-'), 'dist');
    cpSync(path.join(ROOT, 'dist', 'cli'), path.join(dist, 'cli'), { recursive: true });
    const dir = tempDir();
    writeFileSync(path.join(dir, 'f1.json'), '{"indicator":"accuracy_f1","precision":0.9,"recall":0.9,"f1":0.9,"samples":10}');
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(dist, 'cli', 'index.js'), ...args], { cwd: dir, encoding: 'utf8' });
    for (const args of [['--version'], ['validate', 'f1.json']]) {
      const r = cli(...args);
      expect([r.status, r.stderr]).toEqual([0, '']);
    }
    const g = cli('gate', '--results', 'f1.json', '--indicators', 'accuracy_f1', '--thresholds', 'accuracy_f1.f1 >= 0.5');
    expect(g.status).toBe(0);
    expect(g.stderr).toMatch(
      /^warning: report\.html not written: the charting library chart\.umd\.min\.js is missing \(looked in .*assets.chart\.umd\.min\.js/m,
    );
    expect(existsSync(path.join(dir, 'evalgate-report', 'report.json'))).toBe(true);
    expect(existsSync(path.join(dir, 'evalgate-report', 'report.html'))).toBe(false);
  });
});

describe('report.html rule table', () => {
  it.each(['pass', 'fail', 'missing', 'skipped', 'inconclusive', 'incomparable'] as const)('a %s rule shows its own status', (status) => {
    const r = emptyReport();
    r.rules = [
      {
        indicator: 'latency_p99',
        field: 'p99_ms',
        op: '<=',
        expr: 'baseline * 1.1',
        level: 'error',
        status,
        actual: 120,
        limit: null,
        baseline: 110,
        delta: null,
        detail: '',
      },
    ];
    const html = renderHtml(r, '');
    expect(html).toContain(`<td class="status ${status}">${status}</td>`);
    expect(html).not.toContain('unknown');
  });
});

describe('report.html escapes what the indicator files wrote', () => {
  const evilReport = () => {
    const r = emptyReport();
    r.indicators = {
      [`custom${EVIL}`]: {
        score: 1,
        sources: [`results/${EVIL}.json`],
        approximate: false,
        notes: [EVIL],
        repeats: { n: 2, min: { score: 1 }, max: { score: 1 }, values: { score: [1, 1] } },
      },
    };
    r.rules = [
      {
        indicator: `custom${EVIL}`,
        field: 'score',
        op: '>=',
        expr: '0.5',
        level: 'error',
        status: 'pass',
        actual: 1,
        limit: 0.5,
        baseline: null,
        delta: null,
        detail: EVIL,
      },
    ];
    r.problems = [EVIL];
    r.warnings = [EVIL];
    return r;
  };

  it.each([
    ['<', '&lt;'],
    ['>', '&gt;'],
    ['&', '&amp;'],
    ['"', '&quot;'],
    ["'", '&#39;'],
  ])('escapeHtml(%s) is %s', (c, e) => {
    expect(escapeHtml(`a${c}b`)).toBe(`a${e}b`);
  });

  it('the page holds no raw <img, no extra <script, and the data block parses back to the names', () => {
    const html = renderHtml(evilReport(), chartLibrary());
    expect(html.match(/<img[^>]*>/g)).toBeNull();
    // the page's own three scripts: the data, the library, the charts
    expect(html.match(/<script/g)).toHaveLength(3);
    const block = /<script type="application\/json" id="evalgate-data">([^]*?)<\/script>/.exec(html)![1]!;
    expect(block).not.toMatch(/[<>&]/);
    expect(JSON.parse(block).charts[0].rule).toBe(`custom${EVIL}.score >= 0.5`);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">`);
    expect(scriptJson('\u2028</script>')).toBe('"\\u2028\\u003c/script\\u003e"');
  });

  it('in Chromium the names show as text and nothing of them runs', async () => {
    const dir = tempDir('evalgate-html-evil-');
    const file = path.join(dir, 'report.html');
    writeFileSync(file, renderHtml(evilReport(), chartLibrary()));
    const { page, errors, requests } = await open(file);
    const state = await page.evaluate(() => ({
      pwned: (globalThis as { __pwned?: number }).__pwned ?? null,
      imgs: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('script').length,
      detail: document.querySelector('tbody td:last-child')!.textContent,
      caption: document.querySelector('figcaption')!.textContent,
    }));
    await page.close();
    expect(state).toEqual({ pwned: null, imgs: 0, scripts: 3, detail: EVIL, caption: `custom${EVIL}.score >= 0.5: each repeat` });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it.each([
    ['no distribution, attempts, repeats or history: no chart', {}, []],
    ['a distribution of nine points', { distribution: DISTRIBUTION_QS.map((q) => ({ q, ms: q })) }, ['distribution']],
    ['a distribution that is not points is left out', { distribution: [{ q: 'x' as unknown as number, ms: 1 }] }, []],
  ])('chartsOf: %s', (_name, extra, kinds) => {
    const r = emptyReport();
    r.indicators = { latency_p99: { p99_ms: 1, sources: [], approximate: false, notes: [], ...extra } };
    expect(chartsOf(r).map((c) => c.kind)).toEqual(kinds);
  });
});
