/**
 * Azure Pipelines logging commands (SPEC §12), written by the CLI when `TF_BUILD` is `True` (the
 * variable every Azure Pipelines agent sets). Loaded only then, so other runs never read it.
 *
 *   ##vso[task.logissue type=error]latency_p99.p99_ms = 412, expected <= 300: over by 112 (37.3%)
 *   ##vso[task.uploadsummary]/abs/path/evalgate-report/report.md
 *
 * Escaping is the agent's own (azure-pipelines-agent `CommandStringConvertor`, and what
 * azure-pipelines-task-lib's `taskcommand.ts` writes): in the data and in property values `%`
 * becomes `%AZP25`, CR `%0D`, LF `%0A`, `]` `%5D`, `;` `%3B`, so a message is always one line and a
 * property can neither end the command's brackets nor start another property.
 *
 * Why that is enough and what more is done: the agent reads at most one command per line, found by
 * the first `##vso[` anywhere in it (`Command.TryParse`: `IndexOf("##vso[")`). With no line break
 * left, text from an indicator file can only be the data of our own command, never a second one.
 * It also goes through `printable` first (as everything the CLI prints does): escape sequences and
 * control characters are dropped, and a `##vso[` or `##[` in it is broken (`# #vso[`), so no later
 * reader of the log that splits differently can take it for a command either.
 */
import type { RuleResult } from '../core/gate.js';
import type { Report } from '../core/report/report.js';
import { ruleMessage, ruleName } from '../core/report/junit.js';
import { printable } from '../core/sanitize.js';

export { isAzurePipelines } from './detect.js';

/** The agent's escaping (see the header); `%` first, so no replacement is escaped twice. */
export function escapeCommandValue(text: string): string {
  return text.replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/]/g, '%5D').replace(/;/g, '%3B');
}

/** `##vso[area.event k=v;…]data`, every value and the data escaped; always a single line. */
export function loggingCommand(command: string, properties: Record<string, string | undefined>, data: string): string {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeCommandValue(printable(v!))};`)
    .join('');
  return `##vso[${command}${props ? ` ${props}` : ''}]${escapeCommandValue(printable(data))}`;
}

export type IssueType = 'error' | 'warning';

/** One issue per problem, per rule that did not pass (warning for a warn-level one) and per absent required indicator. */
export function issues(report: Report): { type: IssueType; message: string }[] {
  const out: { type: IssueType; message: string }[] = [];
  const gate = `evalgate ${report.name}`;
  for (const p of report.problems) out.push({ type: 'error', message: `${gate}: ${p}` });
  const absent = new Set(report.missing_indicators);
  for (const r of report.rules) {
    const status = String(r.status);
    if (status === 'pass' || status === 'skipped') continue;
    // an absent required indicator is one issue below, not one per rule on it
    if (status === 'missing' && absent.has(r.indicator)) continue;
    out.push({ type: issueType(r), message: `${gate}: ${ruleName(r)}: ${ruleMessage(r)}` });
  }
  for (const i of report.missing_indicators)
    out.push({ type: 'error', message: `${gate}: required indicator ${i} is absent: no file reported it (its rules count as missing)` });
  return out;
}

/** incomparable never fails the gate (SPEC §10) but is shown loudly: a warning */
function issueType(r: RuleResult): IssueType {
  return r.level === 'warn' || String(r.status) === 'incomparable' ? 'warning' : 'error';
}

/** The lines to write to stdout: the issues, then the summary upload of report.md (an absolute path). */
export function azureCommands(report: Report, markdownPath: string): string[] {
  return [
    ...issues(report).map((i) => loggingCommand('task.logissue', { type: i.type }, i.message)),
    loggingCommand('task.uploadsummary', {}, markdownPath),
  ];
}
