/** The terminal view of a report: failures first (as Lighthouse CI prints), then the rest. */
import type { RuleResult } from '../core/gate.js';
import type { Report } from '../core/report/report.js';
import { formatNumber } from '../core/report/md.js';
import { indicatorHint } from '../core/suggest.js';
import { oneLine, printable } from '../core/sanitize.js';

const ORDER: Record<string, number> = { fail: 0, missing: 0, inconclusive: 0, incomparable: 2, skipped: 2, pass: 3 };
const rank = (r: RuleResult): number => ORDER[r.status]! + (r.level === 'warn' && ORDER[r.status] === 0 ? 1 : 0);

export function formatRuleLine(r: RuleResult): string {
  const mark = {
    pass: '✓',
    fail: r.level === 'warn' ? '!' : '✗',
    missing: r.level === 'warn' ? '!' : '✗',
    skipped: '-',
    inconclusive: '?',
    incomparable: '≠',
  }[r.status];
  const limit = r.expr.startsWith('baseline') && r.limit !== null ? `${r.expr} = ${formatNumber(r.limit)}` : r.expr;
  let line = `  ${mark} ${r.status.padEnd(7)} ${r.indicator}.${r.field} ${r.op} ${limit}`;
  if (r.status !== 'skipped') line += `   found: ${r.actual === null ? 'nothing' : formatNumber(r.actual)}`;
  if (r.baseline !== null)
    line += `   baseline: ${formatNumber(r.baseline)}${r.delta !== null ? ` (Δ ${r.delta > 0 ? '+' : ''}${formatNumber(r.delta)})` : ''}`;
  if (r.level === 'warn' && r.status !== 'pass') line += '   [warn]';
  if (r.detail && (r.status !== 'pass' || r.attempts)) line += `\n      ${oneLine(r.detail)}`;
  return line;
}

export function formatReport(report: Report, paths: { markdown: string }): string {
  const lines: string[] = [];
  const sorted = [...report.rules].sort((a, b) => rank(a) - rank(b));
  lines.push(`evalgate ${report.name}: ${report.verdict.toUpperCase()}`);
  for (const r of sorted) lines.push(formatRuleLine(r));
  const known = { indicators: Object.fromEntries(Object.keys(report.indicators).map((k) => [k, { fields: {}, sources: [] }])), rules: [] };
  for (const i of report.missing_indicators) {
    const hint = indicatorHint(i, known);
    lines.push(`  ✗ required indicator ${i} is absent${hint ? ` (did you mean "${hint}"?)` : ''}`);
  }
  if (report.problems.length)
    lines.push(`  ✗ ${report.problems.length} input problem${report.problems.length === 1 ? '' : 's'} (listed above)`);
  lines.push(`report: ${paths.markdown}`);
  lines.push(`verdict: ${report.verdict}`);
  // names, details and problems quote indicator files
  return printable(lines.join('\n') + '\n');
}
