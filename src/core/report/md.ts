/**
 * report.md: a verdict line, one table row per rule, then collapsible details (jobs, merge notes,
 * problems). It must fit a GitHub comment (65,536): details are cut, with a note,
 * before anything of the rule table is.
 */
import { markdownTable } from 'markdown-table';
import type { RuleResult } from '../gate.js';
import type { Report } from './report.js';
import { codeSpan } from './escape.js';

/** GitHub's comment limit; counted in UTF-8 bytes, which satisfies either reading of its unit */
export const GITHUB_COMMENT_LIMIT = 65_536;

const encoder = new TextEncoder();
const size = (s: string): number => encoder.encode(s).length;

export function markerFor(name: string): string {
  return `<!-- evalgate:${name} -->`;
}

const VERDICT_ICON = { pass: '✅', warn: '⚠️', inconclusive: '❓', fail: '❌' } as const;

export function formatNumber(x: number | null): string {
  if (x === null) return '–';
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(6)));
}

function formatDelta(d: number | null): string {
  if (d === null) return '–';
  return d > 0 ? `+${formatNumber(d)}` : formatNumber(d);
}

function statusCell(r: RuleResult): string {
  const label = {
    pass: '✅ pass',
    fail: r.level === 'warn' ? '⚠️ fail (warn)' : '❌ fail',
    missing: r.level === 'warn' ? '⚠️ missing (warn)' : '❌ missing',
    skipped: '⏭️ skipped',
    inconclusive: '❓ inconclusive',
    // loud, never failing (SPEC §10): the detail says what differs
    incomparable: '⚖️ **incomparable**',
  }[r.status];
  // a confirmed rule that passed keeps its note of the failed attempts
  return r.detail && (r.status !== 'pass' || r.attempts) ? `${label} ${codeSpan(r.detail, { inTable: true, max: 160 })}` : label;
}

function thresholdCell(r: RuleResult): string {
  const rule = codeSpan(`${r.op} ${r.expr}`, { inTable: true });
  return r.expr.startsWith('baseline') && r.limit !== null ? `${rule} (${formatNumber(r.limit)})` : rule;
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

/**
 * The value, with its 95% interval where the interval straddles the limit (SPEC §9): the verdict
 * there could go either way on another run, and the reader should see it.
 */
function valueCell(r: RuleResult): string {
  const value = formatNumber(r.actual);
  const i = r.interval;
  if (!i || r.limit === null || !(i[0] < r.limit && r.limit < i[1])) return value;
  return `${value} (95%: ${formatNumber(i[0])}–${formatNumber(i[1])})`;
}

function ruleTable(rules: readonly RuleResult[]): string {
  const rows = rules.map((r) => [
    codeSpan(r.indicator, { inTable: true }),
    codeSpan(r.field, { inTable: true }),
    valueCell(r),
    thresholdCell(r),
    formatNumber(r.baseline),
    formatDelta(r.delta),
    statusCell(r),
  ]);
  return markdownTable([['Indicator', 'Metric', 'Value', 'Threshold', 'Baseline', 'Δ', 'Status'], ...rows], {
    align: ['l', 'l', 'r', 'l', 'r', 'r', 'l'],
  });
}

interface Section {
  title: string;
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
      const link =
        j.platform_url && /^https:\/\//.test(j.platform_url)
          ? `[${id}](${encodeURI(j.platform_url).replace(/[()|]/g, encodeURIComponent)})`
          : id;
      return `| ${codeSpan(j.indicator, { inTable: true })}${j.attempt ? ` (attempt ${j.attempt})` : ''} | ${j.shard}${j.repeat === undefined ? '' : ` (repeat ${j.repeat})`} | ${link} | ${codeSpan(j.status, { inTable: true })} | ${j.duration_s === null ? '–' : `${formatNumber(j.duration_s)} s`} |`;
    }),
  };
}

/** confirm (SPEC §9): every attempt of every confirmed rule */
function attemptsSection(report: Report): Section {
  const items = report.rules
    .filter((r) => r.attempts?.length)
    .map((r) => {
      const each = r.attempts!.map((a) => `attempt ${a.attempt}: ${formatNumber(a.actual)} ${a.status}`).join('; ');
      return `- ${codeSpan(`${r.indicator}.${r.field} ${r.op} ${r.expr}`)}: ${r.status} on the median ${formatNumber(r.actual)} — ${codeSpan(each)}`;
    });
  return { title: `Attempts (${items.length} confirmed rule${items.length === 1 ? '' : 's'})`, items };
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
  return { title: `Problems (${report.problems.length})`, items: report.problems.map((p) => `- ${codeSpan(p, { max: 500 })}`) };
}

function renderSection(s: Section, items: string[], cut: number): string {
  const body = [...(s.head && items.length ? [s.head] : []), ...items];
  if (cut) body.push(`${s.head ? '\n' : ''}_… ${cut} more cut to fit GitHub's comment size; every entry is in report.json._`);
  return `<details><summary>${s.title}</summary>\n\n${body.join('\n')}\n\n</details>`;
}

/** `maxLength` is in UTF-8 bytes */
export function renderMarkdown(report: Report, maxLength = GITHUB_COMMENT_LIMIT): string {
  const title = `${markerFor(report.name)}\n### ${VERDICT_ICON[report.verdict]} evalgate ${codeSpan(report.name)}: **${report.verdict}**`;
  const head = [
    title,
    '',
    summaryLine(report),
    '',
    ...(report.warnings?.length ? [...report.warnings.map((w) => `> ⚠️ ${codeSpan(w, { max: 500 })}`), ''] : []),
    report.rules.length ? ruleTable(report.rules) : '_No rules._',
    '',
    baselineLine(report),
  ].join('\n');
  const sections = [problemsSection(report), attemptsSection(report), jobsSection(report), notesSection(report)].filter(
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
