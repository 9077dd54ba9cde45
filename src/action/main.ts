/**
 * The action's main step. This version gates existing indicator files (`results`); running jobs
 * on a platform arrives with the platform work.
 */
import * as core from '@actions/core';
import { ExitCode } from '../core/problem.js';
import { resolveSettings } from '../config/settings.js';
import { runGate } from '../engine.js';
import { processRuntime, type Runtime } from '../runtime.js';
import { Outputs } from './constants.js';
import { readInputs } from './inputs.js';
import type { Report } from '../core/report/report.js';

export function violations(report: Report): object[] {
  return report.rules
    .filter((r) => r.status === 'fail' || r.status === 'missing')
    .map(({ indicator, field, op, expr, level, status, actual, limit, detail }) => ({
      indicator,
      field,
      op,
      expr,
      level,
      status,
      actual,
      limit,
      detail,
    }));
}

export function metrics(report: Report): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [k, v] of Object.entries(report.indicators)) {
    const { sources: _s, notes: _n, ...fields } = v;
    out[k] = fields;
  }
  return out;
}

export async function run(rt: Runtime = processRuntime()): Promise<void> {
  try {
    const inputs = readInputs();
    const { settings, problems } = resolveSettings(inputs, { flag: (n) => `input ${n}`, defaultBaseline: 'auto' });
    if (!settings.results) {
      problems.push({
        file: 'input results',
        expected: 'a folder, file or glob of indicator files (this version gates existing results; running platform jobs comes next)',
        found: 'nothing',
      });
    }
    const gateRun = await runGate(settings, rt, { problems });
    const { report } = gateRun;

    core.setOutput(Outputs.Verdict, report.verdict);
    core.setOutput(Outputs.Passed, String(gateRun.exitCode === ExitCode.Ok));
    core.setOutput(Outputs.ReportJson, gateRun.paths.json);
    core.setOutput(Outputs.ReportMarkdown, gateRun.paths.markdown);
    core.setOutput(Outputs.Violations, JSON.stringify(violations(report)));
    core.setOutput(Outputs.Metrics, JSON.stringify(metrics(report)));
    core.setOutput(Outputs.CommentUrl, '');

    for (const p of report.problems) core.error(p, { title: 'evalgate: invalid input' });
    for (const r of report.rules.filter((x) => x.status === 'fail' || x.status === 'missing')) {
      const text = `${r.indicator}.${r.field} ${r.op} ${r.expr}: ${r.status}${r.actual !== null ? ` (found ${r.actual})` : ''}${r.detail ? ` — ${r.detail}` : ''}`;
      if (r.level === 'error') core.error(text, { title: `evalgate ${report.name}` });
      else core.warning(text, { title: `evalgate ${report.name}` });
    }
    try {
      await core.summary.addRaw(gateRun.markdown).write();
    } catch (e) {
      core.warning(`could not write the job summary: ${(e as Error).message}`);
    }
    if (gateRun.exitCode !== ExitCode.Ok) {
      core.setFailed(`evalgate ${report.name}: ${report.verdict} (exit code ${gateRun.exitCode})`);
    }
  } catch (e) {
    core.setFailed(`evalgate: internal error: ${(e as Error)?.message ?? String(e)}`);
    if (e instanceof Error && e.stack) core.debug(e.stack);
  }
}
