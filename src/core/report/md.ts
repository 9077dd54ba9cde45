/**
 * report.md and the PR comment (SPEC §4, §11): a verdict line, one table row per rule (failing and
 * inconclusive rules first; value ± its 95% interval, threshold, baseline, Δ absolute and relative
 * with the direction judged per rule, a trend sparkline when there is a history), the latency
 * percentiles, the baseline, links to the run and the artifact, then collapsible details (problems,
 * open; attempts, jobs, merge notes). It must fit a GitHub comment (65,536): details are cut, with a
 * note, before anything of the rule table is.
 *
 * A report read back from an artifact (`mode: publish`) is a fork's to write: every value drawn
 * here is checked to be a finite number before it is formatted, and every text is a code span.
 */
import { markdownTable } from 'markdown-table';
import type { RuleResult } from '../gate.js';
import type { IndicatorEntry, Report } from './report.js';
import { codeSpan } from './escape.js';

/** GitHub's comment limit; counted in UTF-8 bytes, which satisfies either reading of its unit */
export const GITHUB_COMMENT_LIMIT = 65_536;

const encoder = new TextEncoder();
const size = (s: string): number => encoder.encode(s).length;

export function markerFor(name: string): string {
  return `<!-- evalgate:${name} -->`;
}

/** Where the report's run and files are; every link is https or left out. */
export interface ReportLinks {
  /** the workflow run that made the report */
  run?: string;
  /** the run's `evalgate-<name>` artifact (a zip: GitHub cannot link to a file inside it) */
  artifact?: string;
  /** report.html at a URL of its own, where it is served from one */
  html?: string;
  /** the artifact's name */
  artifactName?: string;
  /** the files the artifact holds (report.html is named when it is one of them) */
  files?: readonly string[];
  /** this is report.md in the artifact, which cannot link to its own artifact */
  inArtifact?: boolean;
}

export interface RenderOptions {
  links?: ReportLinks;
}

const VERDICT_ICON: Record<string, string> = { pass: '✅', warn: '⚠️', inconclusive: '❓', fail: '❌' };

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

export function formatNumber(x: number | null): string {
  if (x === null || !finite(x)) return '–';
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(6)));
}

/** `[text](url)` for an https URL, encoded as a Markdown link destination; null for any other */
export function httpsLink(text: string, url: string | null | undefined): string | null {
  if (!url || !/^https:\/\/[^\s]+$/.test(url)) return null;
  // encodeURIComponent leaves ( and ) alone: an unbalanced one would end the link destination
  const dest = encodeURI(url).replace(/[()|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${text}](${dest})`;
}

/** which way is better for a rule: up for `>=` / `>`, down for `<=` / `<`, none for anything else */
function better(op: string): 1 | -1 | 0 {
  if (op === '>=' || op === '>') return 1;
  if (op === '<=' || op === '<') return -1;
  return 0;
}

function percent(raw: number): string {
  // 51.15 / 300 is 17.049999… in binary: rounded to 12 digits first, it shows as 17.1
  const rel = Number(raw.toPrecision(12));
  const shown = Math.abs(rel) >= 1 ? rel.toFixed(1) : String(Number(rel.toPrecision(2)));
  return `${rel > 0 ? '+' : ''}${shown}%`;
}

/**
 * Δ: the sign as ▲/▼, the absolute and relative change (relative to the baseline; none when the
 * baseline is 0), and whether that is better or worse for this rule's operator.
 */
/** Δ as ▲/▼, absolute and relative; with `way` (1: higher is better, −1: lower), better or **worse** */
function deltaText(d: number | null, baseline: number | null, way: 1 | -1 | 0 = 0): string {
  if (!finite(d)) return '–';
  const rel = finite(baseline) && baseline !== 0 ? (d / Math.abs(baseline)) * 100 : null;
  const pct = rel === null ? '' : ` (${percent(rel)})`;
  if (d === 0) return `0${pct}`;
  const abs = d > 0 ? `+${formatNumber(d)}` : formatNumber(d);
  const judged = way === 0 ? '' : Math.sign(d) === way ? ' better' : ' **worse**';
  return `${d > 0 ? '▲' : '▼'} ${abs}${pct}${judged}`;
}

function deltaCell(r: RuleResult): string {
  return deltaText(r.delta, r.baseline, better(r.op));
}

const STATUS_LABEL: Record<string, { error: string; warn: string }> = {
  pass: { error: '✅ pass', warn: '✅ pass' },
  fail: { error: '❌ fail', warn: '⚠️ fail (warn)' },
  missing: { error: '❌ missing', warn: '⚠️ missing (warn)' },
  skipped: { error: '⏭️ skipped', warn: '⏭️ skipped' },
  inconclusive: { error: '❓ inconclusive', warn: '❓ inconclusive' },
  // loud, never failing (SPEC §10): the detail says what differs
  incomparable: { error: '⚖️ **incomparable**', warn: '⚖️ **incomparable**' },
};

/** a rule left without a value or a limit by an input problem: its row points at the problems */
function byProblem(r: RuleResult, report: Report): boolean {
  if (!report.problems.length) return false;
  return r.detail.startsWith('not merged:') || (r.status === 'fail' && r.limit === null);
}

function statusCell(r: RuleResult, report: Report): string {
  const label = STATUS_LABEL[r.status]?.[r.level === 'warn' ? 'warn' : 'error'] ?? codeSpan(String(r.status), { inTable: true });
  const why = byProblem(r, report) ? ' — input problem, see **Problems**' : '';
  // a confirmed rule that passed keeps its note of the failed attempts
  const detail = r.detail && (r.status !== 'pass' || r.attempts) ? ` ${codeSpan(r.detail, { inTable: true, max: 160 })}` : '';
  return `${label}${why}${detail}`;
}

function thresholdCell(r: RuleResult): string {
  const rule = codeSpan(`${r.op} ${r.expr}`, { inTable: true });
  return r.expr.startsWith('baseline') && finite(r.limit) ? `${rule} (${formatNumber(r.limit)})` : rule;
}

function intervalOf(r: RuleResult): [number, number] | null {
  const i: unknown = r.interval;
  return Array.isArray(i) && i.length === 2 && finite(i[0]) && finite(i[1]) ? [i[0], i[1]] : null;
}

/** the value with its 95% interval wherever the merge gave one (SPEC §11: every value keeps it) */
function valueCell(r: RuleResult, report: Report): string {
  if (!finite(r.actual)) return byProblem(r, report) ? '– (input problem)' : '–';
  const i = intervalOf(r);
  return i ? `${formatNumber(r.actual)} (95%: ${formatNumber(i[0])}–${formatNumber(i[1])})` : formatNumber(r.actual);
}

const BARS = '▁▂▃▄▅▆▇█';
/** at most this many history values are drawn (SPEC §9: `history` is at most 20) */
const TREND_MAX = 20;

/** the history values, oldest first, of a rule (a report read back may hold anything there) */
function historyOf(r: RuleResult): number[] {
  const h: unknown = r.history;
  return Array.isArray(h) ? h.filter(finite).slice(0, TREND_MAX).reverse() : [];
}

/** the trend: the history oldest to newest, a space, then this run's value (each scaled to the range of all) */
export function sparkline(history: readonly number[], current: number | null): string {
  const all = finite(current) ? [...history, current] : [...history];
  if (all.length === 0) return '';
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const bar = (v: number): string => (hi === lo ? BARS[3]! : BARS[Math.round(((v - lo) / (hi - lo)) * (BARS.length - 1))]!);
  const past = history.map(bar).join('');
  return finite(current) ? `${past}${past ? ' ' : ''}${bar(current)}` : past;
}

/** the order rules are listed in, as a reviewer reads them: what fails first, then the rest as configured */
function rank(r: RuleResult): number {
  const bad = r.status === 'fail' || r.status === 'missing';
  if (bad && r.level !== 'warn') return 0;
  if (r.status === 'inconclusive') return 1;
  if (bad) return 2;
  if ((r.status as string) === 'incomparable') return 3;
  return 4;
}

/** failing and inconclusive rules first; within a rank the rules of one metric together, else as configured */
export function orderRules(rules: readonly RuleResult[]): RuleResult[] {
  const key = (r: RuleResult): string => `${r.indicator}\u0000${r.field}`;
  const first = new Map<string, number>();
  rules.forEach((r, i) => {
    const k = `${rank(r)}\u0000${key(r)}`;
    if (!first.has(k)) first.set(k, i);
  });
  return rules
    .map((r, i) => ({ r, i, rank: rank(r), group: first.get(`${rank(r)}\u0000${key(r)}`)! }))
    .sort((a, b) => a.rank - b.rank || a.group - b.group || a.i - b.i)
    .map((x) => x.r);
}

/** the ditto mark: this cell is the one above (the same metric, the same value) */
const DITTO = '〃';

function ruleTable(report: Report): string {
  const rules = orderRules(report.rules);
  const trend = rules.some((r) => historyOf(r).length > 0);
  const header = ['Status', 'Metric', 'Value', 'Threshold', 'Baseline', 'Δ', ...(trend ? ['Trend'] : [])];
  let prev: { metric: string; value: string } | null = null;
  const rows = rules.map((r) => {
    const metric = codeSpan(`${r.indicator}.${r.field}`, { inTable: true });
    const value = valueCell(r, report);
    // one metric judged by several rules is named once: the rows under it say 〃
    const same = prev?.metric === metric;
    const row = [
      statusCell(r, report),
      same ? DITTO : metric,
      same && prev?.value === value ? DITTO : value,
      thresholdCell(r),
      formatNumber(r.baseline),
      deltaCell(r),
      ...(trend ? [sparkline(historyOf(r), r.actual) || '–'] : []),
    ];
    prev = { metric, value };
    return row;
  });
  return markdownTable([header, ...rows], { align: ['l', 'l', 'r', 'l', 'r', 'r', 'l'] });
}

const PERCENTILE = /^p(\d+(?:\.\d+)?)_ms$/;
/** the percentiles the latency line shows when the indicator has them, with any a rule names */
const SHOWN_PERCENTILES = new Set(['p50_ms', 'p90_ms', 'p99_ms']);

/** per indicator with latency percentiles: `p50 / p90 / p99 = 120 / 210 / 351.15 ms` */
function latencyLines(report: Report): string[] {
  const lines: string[] = [];
  for (const [name, entry] of Object.entries(report.indicators)) {
    const named = new Set(report.rules.filter((r) => r.indicator === name).map((r) => r.field));
    const fields = Object.keys(entry)
      .filter((k) => PERCENTILE.test(k) && finite(entry[k]) && (SHOWN_PERCENTILES.has(k) || named.has(k)))
      .sort((a, b) => Number(PERCENTILE.exec(a)![1]) - Number(PERCENTILE.exec(b)![1]));
    if (fields.length < 2) continue;
    const names = fields.map((f) => f.replace(/_ms$/, '')).join(' / ');
    const values = fields.map((f) => formatNumber(entry[f] as number)).join(' / ');
    const requests = finite(entry.requests) ? ` over ${formatNumber(entry.requests)} requests` : '';
    lines.push(`Latency ${codeSpan(name)}: ${names} = ${values} ms${requests}${entry.approximate === true ? ' (approximate)' : ''}`);
  }
  return lines;
}

/** the run, the artifact and report.html; report.md in the artifact says it is there */
function linksLine(links: ReportLinks | undefined): string | null {
  if (!links) return null;
  const bits: string[] = [];
  const run = httpsLink('workflow run', links.run);
  if (run) bits.push(run);
  const name = links.artifactName ? `artifact ${codeSpan(links.artifactName)}` : 'artifact';
  // the report's own files (pull_request.json is for `mode: publish`, not for the reader)
  const files = (links.files ?? []).filter((f) => /^report\.[\w.-]+$/.test(f));
  const holds = files.length
    ? ` (${files.includes('report.html') ? 'report.html in the artifact, with ' : ''}${files.filter((f) => f !== 'report.html').join(', ')})`
    : '';
  const html = httpsLink('report.html', links.html);
  if (links.inArtifact) bits.push(`this file is in the ${name}${run ? ' of that run' : ''}${holds}`);
  else {
    const artifact = httpsLink(name, links.artifact);
    if (artifact) bits.push(`${artifact}${holds}`);
  }
  if (html) bits.push(html);
  return bits.length ? `🔗 ${bits.join(' · ')}` : null;
}

function summaryLine(report: Report): string {
  const count = (s: string, level?: string) =>
    report.rules.filter((r) => r.status === s && (level === undefined || r.level === level)).length;
  const parts: string[] = [];
  const failed = count('fail', 'error') + count('missing', 'error');
  const warned = count('fail', 'warn') + count('missing', 'warn');
  const unsure = count('inconclusive');
  const apart = count('incomparable');
  parts.push(`${report.rules.length - failed - warned - unsure - apart - count('skipped')} of ${report.rules.length} rules passed`);
  if (failed) parts.push(`${failed} failed`);
  if (unsure) parts.push(`${unsure} inconclusive`);
  if (apart) parts.push(`⚖️ ${apart} incomparable with the baseline`);
  if (warned) parts.push(`${warned} warning${warned === 1 ? '' : 's'}`);
  if (count('skipped')) parts.push(`${count('skipped')} skipped`);
  if (report.missing_indicators.length) {
    parts.push(
      `required indicator${report.missing_indicators.length === 1 ? '' : 's'} absent: ${report.missing_indicators.map((i) => codeSpan(i)).join(', ')}`,
    );
  }
  if (report.problems.length) parts.push(`${report.problems.length} input problem${report.problems.length === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

function baselineLine(report: Report): string {
  const b = report.baseline;
  if (b.source === 'none') return `Baseline: none${b.note ? ` (${codeSpan(b.note)})` : ''}`;
  const bits: string[] = [];
  if (b.run_id !== null) bits.push(`run ${codeSpan(String(b.run_id))}`);
  if (b.commit) bits.push(`commit ${codeSpan(b.commit.slice(0, 12))}`);
  if (b.created_at) {
    const days = (Date.parse(report.generated_at) - Date.parse(b.created_at)) / 86_400_000;
    if (Number.isFinite(days))
      bits.push(`${days < 1 ? 'less than a day' : `${Math.floor(days)} day${Math.floor(days) === 1 ? '' : 's'}`} old`);
  }
  if (b.path) bits.push(codeSpan(b.path));
  return `Baseline: ${b.source}${bits.length ? ` (${bits.join(', ')})` : ''}`;
}

interface Section {
  title: string;
  /** shown unfolded (problems: the reader must not have to find them) */
  open?: boolean;
  /** the lines of the section; each is kept whole or cut with the rest */
  items: string[];
  /** text before the items (a table header), kept with the first item */
  head?: string;
}

function jobsSection(report: Report): Section {
  return {
    title: `Jobs (${report.jobs.length})`,
    head: '| Indicator | Shard | Platform job | Status | Duration |\n|:--|--:|:--|:--|--:|',
    items: report.jobs.map((j) => {
      const id = j.platform_id ? codeSpan(j.platform_id, { inTable: true }) : '–';
      const link = httpsLink(id, j.platform_url) ?? id;
      return `| ${codeSpan(j.indicator, { inTable: true })}${j.attempt ? ` (attempt ${j.attempt})` : ''} | ${j.shard}${j.repeat === undefined ? '' : ` (repeat ${j.repeat})`} | ${link} | ${codeSpan(j.status, { inTable: true })} | ${j.duration_s === null ? '–' : `${formatNumber(j.duration_s)} s`} |`;
    }),
  };
}

/** confirm (SPEC §9): every attempt of every confirmed rule */
function attemptsSection(report: Report): Section {
  const items = report.rules
    .filter((r) => r.attempts?.length)
    .map((r) => {
      const each = r.attempts!.map((a) => `attempt ${formatNumber(a.attempt)}: ${formatNumber(a.actual)} ${a.status}`).join('; ');
      return `- ${codeSpan(`${r.indicator}.${r.field} ${r.op} ${r.expr}`)}: ${r.status} on the median ${formatNumber(r.actual)} — ${codeSpan(each)}`;
    });
  return { title: `Attempts (${items.length} confirmed rule${items.length === 1 ? '' : 's'})`, items };
}

/** SPEC §3: every indicator value with its delta against the baseline, where the baseline has it */
function deltasSection(report: Report): Section {
  const items: string[] = [];
  const rows = (name: string, e: IndicatorEntry): void => {
    for (const [field, d] of Object.entries(e.deltas ?? {})) {
      const v = e[field] as number;
      const b = Number((v - d).toPrecision(12));
      items.push(`| ${codeSpan(name, { inTable: true })} | ${codeSpan(field, { inTable: true })} | ${formatNumber(v)} | ${formatNumber(b)} | ${deltaText(d, b)} |`);
    }
  };
  for (const [name, ind] of Object.entries(report.indicators)) {
    rows(name, ind);
    for (const [attack, a] of Object.entries(ind.attacks ?? {})) rows(`${name}[${attack}]`, a);
  }
  return {
    title: `Indicators against the baseline (${items.length} value${items.length === 1 ? '' : 's'})`,
    head: '| Indicator | Field | Value | Baseline | Δ |\n|:--|:--|--:|--:|--:|',
    items,
  };
}

function notesSection(report: Report): Section {
  const items: string[] = [];
  for (const [name, ind] of Object.entries(report.indicators)) {
    const head = `${codeSpan(name)}${ind.approximate ? ' (approximate)' : ''}, from ${ind.sources.length} file${ind.sources.length === 1 ? '' : 's'}`;
    const notes = [...ind.notes];
    for (const [attack, a] of Object.entries(ind.attacks ?? {})) {
      notes.push(
        `attack_type ${attack}${a.approximate ? ' (approximate)' : ''}, from ${a.sources.length} file${a.sources.length === 1 ? '' : 's'}${a.notes.length ? `: ${a.notes.join('; ')}` : ''}`,
      );
    }
    items.push(notes.length ? `- ${head}: ${notes.map((n) => codeSpan(n)).join('; ')}` : `- ${head}`);
  }
  return { title: 'Merge notes', items };
}

function problemsSection(report: Report): Section {
  return {
    title: `Problems (${report.problems.length})`,
    open: true,
    items: report.problems.map((p) => `- ${codeSpan(p, { max: 500 })}`),
  };
}

function renderSection(s: Section, items: string[], cut: number): string {
  const body = [...(s.head && items.length ? [s.head] : []), ...items];
  if (cut) body.push(`${s.head ? '\n' : ''}_… ${cut} more cut to fit GitHub's comment size; every entry is in report.json._`);
  return `<details${s.open ? ' open' : ''}><summary>${s.title}</summary>\n\n${body.join('\n')}\n\n</details>`;
}

/** `maxLength` is in UTF-8 bytes; without `links` (the CLI) the report links nothing */
export function renderMarkdown(report: Report, maxLength = GITHUB_COMMENT_LIMIT, opts: RenderOptions = {}): string {
  const title = `${markerFor(report.name)}\n### ${VERDICT_ICON[report.verdict] ?? ''} evalgate ${codeSpan(report.name)}: **${report.verdict}**`;
  const latency = latencyLines(report);
  const links = linksLine(opts.links);
  const head = [
    title,
    '',
    summaryLine(report),
    '',
    ...(report.warnings?.length ? [...report.warnings.map((w) => `> ⚠️ ${codeSpan(w, { max: 500 })}`), ''] : []),
    report.rules.length ? ruleTable(report) : '_No rules._',
    '',
    ...(latency.length ? [latency.join('  \n'), ''] : []),
    baselineLine(report),
    ...(links ? ['', links] : []),
  ].join('\n');
  const sections = [problemsSection(report), attemptsSection(report), deltasSection(report), jobsSection(report), notesSection(report)].filter(
    (s) => s.items.length,
  );
  // Problems first: when space runs short, they matter more than job rows or merge notes.
  let out = head;
  const rendered: string[] = [];
  const reserve = 200; // room for each section's cut note
  for (const s of sections) {
    const budget = maxLength - size(out) - rendered.reduce((a, r) => a + size(r) + 2, 0) - reserve;
    const items: string[] = [];
    let used = size(s.title) + 60 + size(s.head ?? '');
    for (const item of s.items) {
      const n = size(item);
      if (used + n + 1 > budget) break;
      items.push(item);
      used += n + 1;
    }
    if (items.length === 0 && budget < 300) {
      rendered.push(`_${s.title}: cut to fit GitHub's comment size; see report.json._`);
      continue;
    }
    rendered.push(renderSection(s, items, s.items.length - items.length));
  }
  out = [head, ...rendered].join('\n\n') + '\n';
  return out;
}
