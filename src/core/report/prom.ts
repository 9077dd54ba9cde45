/**
 * report.prom: the merged indicators and the verdict, one gauge family per kind of value, labelled
 * by gate name. The text is valid in both formats that read it: OpenMetrics 1.0 (GitLab's
 * artifacts:reports:metrics; it must end with `# EOF`) and the Prometheus text exposition format
 * 0.0.4 (the Pushgateway), where `# EOF` would be an ordinary comment. The push leaves it out all the
 * same (`eof: false`), as 0.0.4 has no such line.
 */
import type { Report } from './report.js';

const escapeLabel = (v: string): string => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const labels = (l: Record<string, string>): string =>
  `{${Object.entries(l)
    .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
    .join(',')}}`;
const value = (x: number): string => (Number.isFinite(x) ? String(x) : x > 0 ? '+Inf' : x < 0 ? '-Inf' : 'NaN');

export function renderProm(report: Report, opts: { eof?: boolean } = {}): string {
  const gate = report.name;
  const lines: string[] = [];
  const family = (name: string, help: string, samples: [Record<string, string>, number][]): void => {
    if (!samples.length) return;
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`);
    for (const [l, v] of samples) lines.push(`${name}${labels(l)} ${value(v)}`);
  };

  family(
    'evalgate_verdict',
    'The gate verdict: 1 for the verdict reached, 0 for the others.',
    (['pass', 'warn', 'inconclusive', 'fail'] as const).map((v) => [{ gate, verdict: v }, report.verdict === v ? 1 : 0]),
  );
  const values: [Record<string, string>, number][] = [];
  const approx: [Record<string, string>, number][] = [];
  for (const [indicator, entry] of Object.entries(report.indicators)) {
    approx.push([{ gate, indicator }, entry.approximate ? 1 : 0]);
    for (const [field, v] of Object.entries(entry)) {
      if (typeof v === 'number') values.push([{ gate, indicator, field }, v]);
    }
    for (const [attack, a] of Object.entries(entry.attacks ?? {})) {
      for (const [field, v] of Object.entries(a)) {
        if (typeof v === 'number') values.push([{ gate, indicator, attack_type: attack, field }, v]);
      }
    }
  }
  family('evalgate_indicator_value', 'A merged indicator field.', values);
  family('evalgate_indicator_approximate', '1 when the merged indicator is approximate (not every shard carried detail).', approx);
  family(
    'evalgate_rule_status',
    'Each threshold rule: 1 on its status.',
    report.rules.map((r, i) => [
      // the rule's position keeps two identical rules apart as two series
      { gate, rule: String(i + 1), indicator: r.indicator, field: r.field, op: r.op, expr: r.expr, level: r.level, status: r.status },
      1,
    ]),
  );
  family('evalgate_problems', 'Number of input problems (invalid files, config, baseline).', [[{ gate }, report.problems.length]]);
  if (opts.eof !== false) lines.push('# EOF');
  return lines.join('\n') + '\n';
}
