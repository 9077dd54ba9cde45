/**
 * The action's main step: the same pipeline as `evalgate run` (or a gate of `results`), then the
 * outputs, annotations and job summary. Cancelling the workflow sends SIGINT: every job is
 * cancelled before the step ends.
 */
import * as core from '@actions/core';
import { ExitCode, formatProblem } from '../core/problem.js';
import { resolveSettings } from '../config/settings.js';
import { loadConfig } from '../config/file.js';
import { runPipeline } from '../run.js';
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
    const loaded = await loadConfig(inputs.config, rt.cwd);
    if (loaded && !loaded.ok) {
      for (const p of loaded.problems) core.error(formatProblem(p), { title: 'evalgate: invalid config', file: p.file, startLine: p.line });
      core.setFailed(`evalgate: the config has ${loaded.problems.length} problem(s)`);
      return;
    }
    const { settings, problems } = resolveSettings(inputs, { flag: (n) => `input ${n}`, defaultBaseline: 'auto' }, loaded?.config);
    if (problems.length) {
      for (const p of problems) core.error(formatProblem(p), { title: 'evalgate: invalid input' });
      core.setFailed(`evalgate: ${problems.length} invalid input(s)`);
      return;
    }
    const abort = new AbortController();
    const onSignal = (): void => abort.abort();
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const result = await runPipeline(settings, rt, { signal: abort.signal }).finally(() => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    });
    const gateRun = result.gate;
    if (!gateRun) {
      // a dry run, or a run that stopped before the gate (its reasons were printed)
      if (result.exitCode !== ExitCode.Ok) core.setFailed(`evalgate: stopped with exit code ${result.exitCode}`);
      return;
    }
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
