/**
 * Azure Pipelines (SPEC §12): with TF_BUILD=True the CLI writes one `##vso[task.logissue]` per
 * failed or warned rule (and per problem) and `##vso[task.uploadsummary]` with report.md's absolute
 * path. Text from indicator files can never start another logging command: the escaping is the
 * agent's (`%` → `%AZP25`, CR, LF, `]`, `;`), checked here against a reader that parses a line
 * the way the agent's `Command.TryParse` does (first `##vso[` anywhere in the line, the first `]`
 * after it, properties split on `;`, then unescaped).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { azureCommands, escapeCommandValue, isAzurePipelines, issues, loggingCommand } from '../src/ci/azure-pipelines.js';
import { main } from '../src/cli/main.js';
import { printable } from '../src/core/sanitize.js';
import type { RuleResult } from '../src/core/gate.js';
import { captureRuntime, emptyReport, writeFiles } from './helpers.js';

/** A logging command line read as the agent reads it; null when the line holds none. */
function agentParse(line: string): { command: string; properties: Record<string, string>; data: string } | null {
  const at = line.indexOf('##vso[');
  if (at < 0) return null;
  const end = line.indexOf(']', at);
  if (end < 0) return null;
  const info = line.slice(at + '##vso['.length, end);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  if (command.split('.').filter(Boolean).length !== 2) return null;
  const unescape = (s: string) =>
    s
      .replace(/%3B/g, ';')
      .replace(/%0D/g, '\r')
      .replace(/%0A/g, '\n')
      .replace(/%5D/g, ']')
      .replace(/%AZP25/g, '%');
  const properties: Record<string, string> = {};
  if (space > 0)
    for (const p of info
      .slice(space + 1)
      .split(';')
      .filter(Boolean)) {
      const eq = p.indexOf('=');
      if (eq > 0) properties[p.slice(0, eq)] = unescape(p.slice(eq + 1));
    }
  return { command, properties, data: unescape(line.slice(end + 1)) };
}

const HOSTILE = [
  'plain',
  'line one\nline two\r\nthree\rfour',
  'x\n##vso[task.setvariable variable=EVIL]1',
  '##vso[task.complete result=Succeeded]done',
  'a]b;c=d]##vso[task.setvariable variable=X]y',
  '::error::spoofed\n::add-mask::x',
  '100% %0A %AZP25 %3B %5D literally',
  '\u001b[31mred\u001b[0m \u202eexe.txt \u0007bell',
];

describe('the escaping', () => {
  it.each(HOSTILE)('%j is one line, one command, and reads back as the text', (text) => {
    const line = loggingCommand('task.logissue', { type: 'error', code: text }, text);
    expect(line).not.toMatch(/[\r\n]/);
    expect(line.startsWith('##vso[task.logissue ')).toBe(true);
    // the agent reads one command per line: ours, with the text as its data and the property intact
    const parsed = agentParse(line)!;
    expect(parsed.command).toBe('task.logissue');
    expect(parsed.properties).toEqual({ type: 'error', code: printable(text) });
    expect(parsed.data).toBe(printable(text));
    // and no ##vso[ or ##[ survives in the text for any other reader of the log
    expect(parsed.data).not.toMatch(/##vso\[|##\[/i);
  });

  it("is the agent's mapping, % first", () => {
    expect(escapeCommandValue('%;\r\n]')).toBe('%AZP25%3B%0D%0A%5D');
    expect(escapeCommandValue('%3B')).toBe('%AZP253B');
  });

  it('TF_BUILD=True (any case) is Azure Pipelines; anything else is not', () => {
    expect(isAzurePipelines({ TF_BUILD: 'True' })).toBe(true);
    expect(isAzurePipelines({ TF_BUILD: 'true' })).toBe(true);
    expect(isAzurePipelines({ TF_BUILD: 'False' })).toBe(false);
    expect(isAzurePipelines({})).toBe(false);
  });
});

const rule = (over: Partial<RuleResult>): RuleResult => ({
  indicator: 'latency_p99',
  field: 'p99_ms',
  op: '<=',
  expr: '300',
  level: 'error',
  status: 'fail',
  actual: 412,
  limit: 300,
  baseline: null,
  delta: null,
  detail: '',
  ...over,
});

describe('the issues', () => {
  it('an error per failed error rule and problem, a warning per warn rule (and incomparable), nothing for pass or skipped', () => {
    const report = {
      ...emptyReport(),
      problems: ['results/x.json: $.f1: expected a number ≤ 1, got 2'],
      rules: [
        rule({}),
        rule({ level: 'warn', expr: 'baseline * 1.1', limit: 330, baseline: 300 }),
        rule({ status: 'pass', actual: 100 }),
        rule({ status: 'skipped', actual: 100, limit: null, detail: 'no baseline' }),
        rule({ status: 'inconclusive' as RuleResult['status'] }),
        rule({ status: 'incomparable' as RuleResult['status'], limit: null }),
      ],
    };
    expect(issues(report)).toEqual([
      { type: 'error', message: 'evalgate evalgate: results/x.json: $.f1: expected a number ≤ 1, got 2' },
      {
        type: 'error',
        message: 'evalgate evalgate: latency_p99.p99_ms <= 300: latency_p99.p99_ms = 412, expected <= 300: over by 112 (37.3%)',
      },
      {
        type: 'warning',
        message:
          'evalgate evalgate: warn latency_p99.p99_ms <= baseline * 1.1: latency_p99.p99_ms = 412, expected <= baseline * 1.1 = 330, baseline 300: over by 82 (24.8%) [warn]',
      },
      {
        type: 'error',
        message:
          'evalgate evalgate: latency_p99.p99_ms <= 300: latency_p99.p99_ms = 412, expected <= 300: inconclusive, over by 112 (37.3%)',
      },
      { type: 'warning', message: 'evalgate evalgate: latency_p99.p99_ms <= 300: latency_p99.p99_ms <= 300: incomparable' },
    ]);
    const lines = azureCommands(report, '/abs/report.md');
    expect(lines.at(-1)).toBe('##vso[task.uploadsummary]/abs/report.md');
    expect(lines.slice(0, -1).every((l) => /^##vso\[task\.logissue type=(error|warning);\]/.test(l))).toBe(true);
  });
});

describe('the CLI under TF_BUILD', () => {
  afterEach(() => {
    vi.doUnmock('../src/ci/azure-pipelines.js');
    vi.resetModules();
  });

  const hostileRun = () =>
    writeFiles({
      'results/accuracy_f1.json': { indicator: 'accuracy_f1', precision: 0.6, recall: 0.6, f1: 0.6, samples: 100 },
      'results/adv.json': {
        indicator: 'robustness_adv',
        attack_type: 'fgsm\n##vso[task.setvariable variable=EVIL]1\r::error::pwned]%;',
        success_rate: 0.9,
        f1_drop: 0.5,
      },
    });
  const args = [
    'gate',
    '--results',
    'results',
    '--indicators',
    'accuracy_f1,robustness_adv',
    '--thresholds',
    'accuracy_f1.f1 >= 0.75; warn robustness_adv.f1_drop <= 0.1',
  ];

  it('writes an issue per failed rule and the summary upload; text from files starts no command of its own', async () => {
    const dir = hostileRun();
    const rt = captureRuntime(dir, { TF_BUILD: 'True' });
    const code = await main(args, rt);
    expect(code, rt.err.join('')).toBe(1);
    const lines = rt.out.join('').split(/\r\n|\r|\n/);
    const commands = lines.filter((l) => l.includes('##vso['));
    // every line that the agent would read as a command is one of ours, from its first character
    for (const l of commands) expect(l).toMatch(/^##vso\[task\.(logissue type=(error|warning);|uploadsummary)\]/);
    expect(commands.map((l) => agentParse(l)!.command)).toEqual(['task.logissue', 'task.logissue', 'task.uploadsummary']);
    const [f1, adv, summary] = commands.map((l) => agentParse(l)!);
    expect(f1!.properties.type).toBe('error');
    expect(f1!.data).toContain('accuracy_f1.f1 = 0.6, expected >= 0.75: short by 0.15 (20%)');
    expect(adv!.properties.type).toBe('warning');
    expect(adv!.data).toContain('# #vso[task.setvariable variable=EVIL]1');
    expect(summary!.data).toBe(path.join(dir, 'evalgate-report', 'report.md'));
    expect(path.isAbsolute(summary!.data) && existsSync(summary!.data)).toBe(true);
    // nor in what the CLI prints around them (the rule lines quote the attack type too)
    expect(lines.filter((l) => /^\s*::/.test(l))).toEqual([]);
  });

  it('without TF_BUILD: no logging command, and the Azure module is never loaded', async () => {
    const loaded = vi.fn();
    vi.doMock('../src/ci/azure-pipelines.js', async (importOriginal) => {
      loaded();
      return importOriginal();
    });
    const { main: freshMain } = await import('../src/cli/main.js');
    const rt = captureRuntime(hostileRun(), {});
    expect(await freshMain(args, rt)).toBe(1);
    expect(rt.out.join('')).not.toContain('##vso[');
    expect(loaded).not.toHaveBeenCalled();
    const az = captureRuntime(hostileRun(), { TF_BUILD: 'True' });
    expect(await freshMain(args, az)).toBe(1);
    expect(loaded).toHaveBeenCalledTimes(1);
  });

  it('a run that stops on a bad config still reports its problem to Azure', async () => {
    const dir = writeFiles({ 'bad.yml': 'jobz: {}\n' });
    const rt = captureRuntime(dir, { TF_BUILD: 'True' });
    expect(await main(['gate', '--results', 'results', '--config', 'bad.yml'], rt)).toBe(2);
    const commands = rt.out
      .join('')
      .split('\n')
      .filter((l) => l.includes('##vso['));
    expect(commands[0]).toMatch(/^##vso\[task\.logissue type=error;\]evalgate evalgate: bad\.yml/);
    expect(commands.at(-1)).toMatch(/^##vso\[task\.uploadsummary\]\/.*report\.md$/);
  });
});
