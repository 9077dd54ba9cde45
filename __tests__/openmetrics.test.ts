/**
 * report.prom is valid OpenMetrics (SPEC §12: GitLab's artifacts:reports:metrics reads it), proved
 * with a real parser: the OpenMetrics parser of the Prometheus Python client
 * (`prometheus_client.openmetrics.parser`, Debian's python3-prometheus-client, run by
 * /usr/bin/python3 and installed here when missing). It checks what the text format 0.0.4 does not:
 * the closing `# EOF`, one TYPE per family, families not interleaved, no duplicate series.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runGate } from '../src/engine.js';
import { resolveSettings } from '../src/config/settings.js';
import { renderProm } from '../src/core/report/prom.js';
import { FIXTURES, captureRuntime, emptyReport, tempDir } from './helpers.js';

const PYTHON = '/usr/bin/python3';
const PARSE = `
import json, math, sys
from prometheus_client.openmetrics.parser import text_string_to_metric_families
out = []
for f in text_string_to_metric_families(sys.stdin.read()):
    out.append({"name": f.name, "type": f.type, "samples": [{"name": s.name, "labels": s.labels, "value": s.value if math.isfinite(s.value) else repr(s.value)} for s in f.samples]})
print(json.dumps(out))
`;

interface Family {
  name: string;
  type: string;
  samples: { name: string; labels: Record<string, string>; value: number | string }[];
}

function parseOpenMetrics(text: string): { ok: true; families: Family[] } | { ok: false; error: string } {
  const r = spawnSync(PYTHON, ['-c', PARSE], { input: text, encoding: 'utf8' });
  if (r.status !== 0) return { ok: false, error: r.stderr.trim().split('\n').pop() ?? r.stderr };
  return { ok: true, families: JSON.parse(r.stdout) as Family[] };
}

beforeAll(() => {
  const probe = spawnSync(PYTHON, ['-c', 'import prometheus_client.openmetrics.parser']);
  if (probe.status !== 0) {
    const r = spawnSync(
      'bash',
      [
        '-c',
        'apt-get install -y --no-install-recommends python3-prometheus-client || (apt-get update && apt-get install -y --no-install-recommends python3-prometheus-client)',
      ],
      {
        encoding: 'utf8',
      },
    );
    if (r.status !== 0) throw new Error(`python3-prometheus-client is needed and could not be installed:\n${r.stderr}`);
  }
});

describe('report.prom is OpenMetrics', () => {
  it('the parser itself rejects text without the closing # EOF (what the 0.0.4 format has no need of)', () => {
    const text = renderProm(emptyReport());
    expect(parseOpenMetrics(text).ok).toBe(true);
    expect(parseOpenMetrics(renderProm(emptyReport(), { eof: false }))).toEqual({ ok: false, error: expect.stringContaining('EOF') });
    expect(
      parseOpenMetrics(text.replace('# TYPE evalgate_problems gauge', '# TYPE evalgate_problems gauge\n# TYPE evalgate_problems gauge')).ok,
    ).toBe(false);
  });

  it("a real run's report.prom parses, with every merged value, the verdict and each rule's status", async () => {
    const dir = tempDir();
    cpSync(path.join(FIXTURES, 'golden'), dir, { recursive: true });
    const { settings, problems } = resolveSettings(
      { results: 'results', baseline: 'baseline.json', 'rps-target': '150' },
      {
        flag: (n) => `--${n}`,
        defaultBaseline: 'none',
      },
    );
    expect(problems).toEqual([]);
    const run = await runGate(settings, captureRuntime(dir));
    const parsed = parseOpenMetrics(readFileSync(run.paths.prom, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error);
    const byName = Object.fromEntries(parsed.families.map((f) => [f.name, f]));
    expect(Object.keys(byName).sort()).toEqual([
      'evalgate_indicator_approximate',
      'evalgate_indicator_value',
      'evalgate_problems',
      'evalgate_rule_status',
      'evalgate_verdict',
    ]);
    for (const f of parsed.families) expect(f.type).toBe('gauge');
    const value = (labels: Record<string, string>) =>
      byName.evalgate_indicator_value!.samples.find((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
    expect(value({ indicator: 'latency_p99', field: 'p99_ms' })).toBe(run.report.indicators.latency_p99!.p99_ms);
    expect(value({ indicator: 'robustness_adv', attack_type: 'pgd', field: 'f1_drop' })).toBe(0.09);
    expect(byName.evalgate_verdict!.samples.find((s) => s.labels.verdict === run.report.verdict)!.value).toBe(1);
    expect(byName.evalgate_rule_status!.samples).toHaveLength(run.report.rules.length);
  });

  it('label values with quotes, backslashes and newlines, and non-finite values, stay valid', () => {
    const text = renderProm({
      ...emptyReport(),
      indicators: { 'a"b\\c\nd': { x: 1, inf: Infinity, nan: NaN, sources: [], approximate: false, notes: [] } },
    });
    const parsed = parseOpenMetrics(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const samples = parsed.families.find((f) => f.name === 'evalgate_indicator_value')!.samples;
    expect(samples.map((s) => s.labels.indicator)).toEqual(['a"b\\c\nd', 'a"b\\c\nd', 'a"b\\c\nd']);
    expect(samples.map((s) => String(s.value))).toEqual(['1', 'inf', 'nan']);
  });
});
