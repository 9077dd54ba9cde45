/**
 * argv -> Settings -> engine -> exit code. Everything printed goes through the Runtime.
 */
import { Command, CommanderError, Option } from 'commander';
import { ExitCode, EvalgateError, formatProblem, type Problem } from '../core/problem.js';
import { DEFAULT_CONFIG, resolveSettings, type RawSettings, type Settings } from '../config/settings.js';
import { formatReport } from './print.js';
import { HELP_TEXT } from './help.js';
import { INIT_PLATFORMS, init, type InitPlatform } from './init.js';
import { listResults } from '../stores/fs.js';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { safeRuntime, type Runtime } from '../runtime.js';
import type { Report } from '../core/report/report.js';
import { isAzurePipelines } from '../ci/detect.js';

// A command loads only the code it uses (SPEC §8: start-up within 2x of `node -e 0`): the engine,
// the YAML config reader, the platforms of `run` and the Pushgateway client come when needed.
const engine = () => import('../engine.js');

/** The config file; the YAML reader (and zod) only when there is one. */
async function loadConfig(file: string | undefined, cwd: string) {
  if (file === undefined) {
    try {
      await fs.stat(path.resolve(cwd, DEFAULT_CONFIG));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    }
  }
  return (await import('../config/file.js')).loadConfig(file, cwd);
}

// inlined by the bundler: the installed CLI reads no file outside its bundle
import pkg from '../../package.json' with { type: 'json' };
const VERSION = pkg.version;

function printProblems(rt: Runtime, problems: readonly Problem[]): void {
  for (const p of problems) rt.stderr(`error: ${formatProblem(p)}\n`);
}

const collectList = (v: string, prev: string[] = []): string[] => [...prev, v];

function gateOptions(cmd: Command): Command {
  return (
    cmd
      .option('--indicators <list>', 'required indicators, comma-separated (default: the five built-in ones)')
      .option('--thresholds <rules>', 'threshold rules, separated by newlines or ";" (replace the defaults)')
      .option('--rps-target <n>', 'add the rule throughput_rps.rps >= N')
      // No commander defaults here: a flag overrides the config file, which overrides the defaults
      // (applied in resolveSettings), so an unset flag must stay unset.
      .option('--baseline <path|none>', 'a baseline report.json, or none (default: none)')
      .addOption(new Option('--fail-on <level>', 'which verdicts fail the command (default: error)').choices(['error', 'warn', 'never']))
      .option('--name <name>', 'gate name: report title, artifact and comment marker (default: evalgate)')
      .option('--out <dir>', 'where report.json, report.md, report.prom, report.junit.xml and report.html go (default: evalgate-report)')
      .option('--max-file-size <MiB>', 'largest indicator file accepted, in MiB (default: 64)')
      .option('--pushgateway <url>', 'push report.prom to this Prometheus Pushgateway (grouped by gate and ref)')
      .option(
        '--merge <indicator=strategy>',
        'merge strategy of a custom indicator (sum, mean, max, min, weighted_mean:FIELD); repeatable',
        collectList,
      )
  );
}

async function settingsFrom(opts: Record<string, unknown>, rt: Runtime) {
  const loaded = await loadConfig(typeof opts.config === 'string' ? opts.config : undefined, rt.cwd);
  if (loaded && !loaded.ok) throw new EvalgateError(loaded.problems);
  const { settings, problems } = resolveSettings(toRaw(opts), cliSource, loaded?.config);
  return { settings, problems, configLoaded: loaded !== null };
}

/**
 * A run that stopped before its gate (a config that does not load, nothing to run) still ends with
 * report.json (SPEC §5): verdict fail, nothing gated, the problems listed. Settings come from the
 * flags alone, so `--out` is honoured even when the config is what is wrong.
 */
async function writeStoppedReport(
  opts: Record<string, unknown>,
  rt: Runtime,
  problems: readonly Problem[],
): Promise<{ report: Report; paths: { markdown: string } } | null> {
  const { settings } = resolveSettings(toRaw(opts), cliSource);
  try {
    const { failRun } = await engine();
    return await failRun(null, settings, rt, [...problems], ExitCode.InvalidInput);
  } catch {
    return null; // an unusable --out is itself among the problems already printed
  }
}

/** The values of some `--flag value` / `--flag=value` options, read from argv as it is (commander refused it). */
function flagValues(argv: readonly string[], names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    for (const n of names) {
      const a = argv[i]!;
      if (a.startsWith(`--${n}=`)) out[n] = a.slice(n.length + 3);
      else if (a === `--${n}` && i + 1 < argv.length && !argv[i + 1]!.startsWith('-')) out[n] = argv[i + 1]!;
    }
  }
  return out;
}

function toRaw(opts: Record<string, unknown>): RawSettings {
  const s = (k: string): string | undefined => (typeof opts[k] === 'string' ? (opts[k] as string) : undefined);
  return {
    name: s('name'),
    indicators: s('indicators'),
    thresholds: s('thresholds'),
    'rps-target': s('rpsTarget'),
    baseline: s('baseline'),
    'fail-on': s('failOn'),
    out: s('out'),
    'max-file-size': s('maxFileSize'),
    merge: (opts.merge as string[] | undefined) ?? [],
    results: s('results'),
    platform: s('platform'),
    model: s('model'),
    data: s('data'),
    'timeout-minutes': s('timeoutMinutes'),
    'dry-run': opts.dryRun === true ? 'true' : undefined,
    pushgateway: s('pushgateway'),
  };
}

async function push(settings: Settings, report: Report, rt: Runtime, signal?: AbortSignal): Promise<void> {
  if (!settings.pushgateway) return;
  const { pushIfConfigured } = await import('../pushgateway.js');
  const r = await pushIfConfigured(settings.pushgateway, report, signal);
  if (r && 'warning' in r) rt.stderr(`warning: ${r.warning}\n`);
  else if (r) rt.stdout(`pushed the metrics to ${r.pushed}\n`);
}

/**
 * CI systems other than GitHub that read the log (SPEC §12): on Azure Pipelines (TF_BUILD=True) an
 * issue per failed rule and the summary upload of report.md. The module is loaded only there. The
 * commands go to the raw stdout (`raw`): the safe writer would break their `##vso[` on purpose,
 * and the module escapes every piece of text in them itself.
 */
async function publishToCi(report: Report, paths: { markdown: string }, rt: Runtime, raw: (text: string) => void): Promise<void> {
  if (!isAzurePipelines(rt.env)) return;
  const { azureCommands } = await import('../ci/azure-pipelines.js');
  for (const line of azureCommands(report, path.resolve(rt.cwd, paths.markdown))) raw(`${line}\n`);
}

const cliSource = { flag: (name: string) => `--${name}`, defaultBaseline: 'none' as const };

/** Runs `fn` with a signal that Ctrl-C (or SIGTERM) aborts; a second Ctrl-C exits at once. */
async function withInterrupt(fn: (signal: AbortSignal) => Promise<ExitCode>): Promise<ExitCode> {
  const abort = new AbortController();
  const onSignal = (): void => {
    if (abort.signal.aborted) process.exit(130);
    abort.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await fn(abort.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

export async function main(argv: readonly string[], given: Runtime): Promise<ExitCode> {
  // job and file text reaches the terminal without control characters or workflow commands
  const rt = safeRuntime(given);
  /** stdout as it is, for logging commands the CLI writes itself (their text escaped where they are made) */
  const raw = rt.terminal ?? given.stdout;
  let exitCode: ExitCode = ExitCode.Ok;
  /** the flags of a run or gate command, for the report of a run that stops before its gate */
  let stoppedOpts: Record<string, unknown> | null = null;
  const debug = argv.includes('--debug') || rt.env.ACTIONS_STEP_DEBUG === 'true' || rt.env.EVALGATE_DEBUG === '1';
  const program = new Command('evalgate')
    .description('Gate a machine-learning model on its evaluation indicators.')
    .version(VERSION)
    .option('--debug', 'print stack traces of internal errors')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: rt.stdout, writeErr: rt.stderr })
    // one text after every command's help (and the top level's): examples, rule grammar, exit codes
    .addHelpText('afterAll', HELP_TEXT);

  program
    .command('init')
    .description(`write a starter ${DEFAULT_CONFIG} and .github/workflows/evalgate.yml (an existing file is kept)`)
    .addOption(new Option('--platform <name>', 'where the jobs will run').choices(INIT_PLATFORMS).default('local'))
    .option('--dir <dir>', 'the repository to write into', '.')
    .action(async (opts: { platform: InitPlatform; dir: string }) => {
      exitCode = (await init(opts, rt)).exitCode;
    });

  program
    .command('validate')
    .description('check indicator files and list every problem (exit 0 when all are valid, 2 otherwise)')
    .argument('<files...>', 'indicator JSON files')
    .option('--max-file-size <MiB>', 'largest indicator file accepted, in MiB (default: 64)')
    .option('--merge <indicator=strategy>', 'merge strategy of a custom indicator; repeatable', collectList)
    .option('--config <file>', 'config file for merge strategies and max_file_size_mb (default .github/evalgate.yml when it exists)')
    .action(async (files: string[], opts: Record<string, unknown>) => {
      const { settings, problems } = await settingsFrom(opts, rt);
      if (problems.length) throw new EvalgateError(problems);
      // the same resolver as --results: a folder, a glob, special files and links checked
      const listed: string[] = [];
      const listingProblems: Problem[] = [];
      for (const f of files) {
        const l = await listResults(f, rt.cwd);
        listed.push(...l.files);
        listingProblems.push(...l.problems);
      }
      const { collect } = await engine();
      const result = await collect([...new Set(listed)], settings, rt);
      result.problems.unshift(...listingProblems);
      if (result.problems.length) {
        printProblems(rt, result.problems);
        rt.stderr(
          `${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}\n`,
        );
        exitCode = ExitCode.InvalidInput;
      } else {
        const names = Object.keys(result.merge.indicators).sort().join(', ');
        rt.stdout(`${files.length} file${files.length === 1 ? '' : 's'} valid${names ? ` (${names})` : ''}\n`);
      }
    });

  program
    .command('alerts')
    .description('write Prometheus alerting rules from the threshold rules, on the metrics report.prom and the Pushgateway carry')
    .option('--config <file>', 'config file whose thresholds to use (default .github/evalgate.yml when it exists)')
    .option('--thresholds <rules>', 'threshold rules, separated by newlines or ";" (replace the defaults)')
    .option('--indicators <list>', 'required indicators, comma-separated (the default rules are those of these)')
    .option('--rps-target <n>', 'add the rule throughput_rps.rps >= N')
    .option('--name <name>', 'gate name: the gate label the alerts select (default: evalgate)')
    .option('--out <file>', 'write the rules to this file instead of stdout (an existing file is kept unless --force)')
    .option('--force', 'replace an existing --out file')
    .action(async (opts: Record<string, unknown>) => {
      const { settings, problems } = await settingsFrom(opts, rt);
      if (problems.length) throw new EvalgateError(problems);
      const { renderAlerts } = await import('../core/alerts.js');
      const result = renderAlerts(settings.rules, settings.name, settings.rulesSource);
      const summary = `${result.alerts.length} alert${result.alerts.length === 1 ? '' : 's'}${
        result.skipped.length
          ? `, ${result.skipped.length} baseline rule${result.skipped.length === 1 ? '' : 's'} skipped (no fixed limit)`
          : ''
      }`;
      if (typeof opts.out !== 'string') {
        rt.stdout(result.yaml);
        rt.stderr(`${summary}\n`);
        return;
      }
      const file = path.resolve(rt.cwd, opts.out);
      const existed =
        opts.force === true &&
        (await fs.stat(file).then(
          () => true,
          () => false,
        ));
      try {
        // 'wx': created only when nothing is there (as init does), unless --force says to replace it
        await fs.writeFile(file, result.yaml, { flag: opts.force === true ? 'w' : 'wx' });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') {
          throw new EvalgateError([
            {
              file: opts.out,
              expected: 'a file that does not exist yet (pass --force to replace it)',
              found: 'an existing file; kept as it is',
            },
          ]);
        }
        throw new EvalgateError([{ file: opts.out, expected: 'a file evalgate alerts can write', found: code ?? (e as Error).message }]);
      }
      rt.stdout(`${existed ? 'replaced' : 'wrote'} ${opts.out}: ${summary}\n`);
    });

  gateOptions(
    program
      .command('gate')
      .description('gate existing indicator files: merge, hold against thresholds and baseline, report')
      .option('--results <dir|glob>', 'a folder (every *.json below it), a file or a glob of indicator files (or results: in the config)')
      .option('--config <file>', 'config file (default .github/evalgate.yml when it exists)'),
  ).action(async (opts: Record<string, unknown>) => {
    stoppedOpts = opts;
    const { settings, problems } = await settingsFrom(opts, rt);
    if (!settings.results)
      throw new EvalgateError([{ file: '--results', expected: 'a folder, file or glob of indicator files', found: 'nothing' }]);
    const { runGate } = await engine();
    const run = await runGate(settings, rt, { problems });
    for (const p of run.report.problems) rt.stderr(`error: ${p}\n`);
    rt.stdout(formatReport(run.report, run.paths));
    await publishToCi(run.report, run.paths, rt, raw);
    await push(settings, run.report, rt);
    exitCode = run.exitCode;
  });

  gateOptions(
    program
      .command('run')
      .description('run the evaluation jobs on the platform, then merge, gate and report (plan → stage → submit → wait → collect → gate)')
      .option('--config <file>', 'config file (default .github/evalgate.yml when it exists)')
      .option('--platform <name>', 'local (default), azure, volc, bailian (alias bairui), dgx')
      .option('--model <path|uri>', 'the model; a local path is staged to the platform')
      .option('--data <path|uri>', 'the data; a local path is staged to the platform')
      .option('--results <dir|glob>', 'gate these indicator files instead of running jobs')
      .option('--timeout-minutes <n>', 'per-job timeout unless the job sets timeout_minutes', undefined)
      .option('--dry-run', "print each job's rendered platform spec and stop"),
  ).action(async (opts: Record<string, unknown>) => {
    stoppedOpts = opts;
    const { settings, problems, configLoaded } = await settingsFrom(opts, rt);
    if (!configLoaded && !settings.results) {
      // a bare `evalgate run` in a repository not set up yet: say where it looked and what to do
      throw new EvalgateError([
        {
          file: path.resolve(rt.cwd, DEFAULT_CONFIG),
          expected:
            'a config file with the jobs to run (write a starter one with "evalgate init", or pass --config FILE; --results DIR gates indicator files that already exist)',
          found: 'no such file',
        },
      ]);
    }
    if (problems.length) throw new EvalgateError(problems);
    // Ctrl-C or a CI cancel: every job is cancelled (its whole process group on local), then report.
    const abort = new AbortController();
    const onSignal = (): void => {
      if (abort.signal.aborted) {
        // a second Ctrl-C: stop waiting for jobs to wind down
        rt.stderr('evalgate: interrupted again; exiting without waiting\n');
        process.exit(ExitCode.PlatformFailure);
      }
      abort.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      const { runPipeline } = await import('../run.js');
      const result = await runPipeline(settings, rt, { signal: abort.signal });
      if (result.gate) {
        for (const p of result.gate.report.problems) rt.stderr(`error: ${p}\n`);
        rt.stdout(formatReport(result.gate.report, result.gate.paths));
        await publishToCi(result.gate.report, result.gate.paths, rt, raw);
        await push(settings, result.gate.report, rt, abort.signal);
      } else if (result.problems?.length && !settings.dryRun) {
        // stopped before any job ran (already printed): the report still says why
        const stopped = await writeStoppedReport(opts, rt, result.problems);
        if (stopped) {
          rt.stdout(`report: ${stopped.paths.markdown}\nverdict: fail\n`);
          await publishToCi(stopped.report, stopped.paths, rt, raw);
        }
      }
      exitCode = result.exitCode;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  });

  // the built-in producers (SPEC §7): registered here, their code loaded only when run
  const bench = program.command('bench').description('built-in load generators that write indicator files');
  bench
    .command('http')
    .description('HTTP load test: writes latency_p99 (with hdr_histogram) and throughput_rps')
    .option('--url <url>', 'the URL to load')
    .option('--rate <rps>', 'fixed rate, requests per second (latency from each due time: coordinated omission corrected)')
    .option('--concurrency <n>', 'closed loop: n connections, each sending its next request when the last one ended')
    .option('--connections <n>', 'connections of a --rate run (default 10)')
    .option('--duration <time>', 'how long to measure: 10, 10s, 500ms, 2m')
    .option('--warmup <time>', 'load sent first and not recorded (default 0)')
    .option('--shard <i/n>', 'this generator is shard i of n run side by side (their files merge exactly)')
    .option('--method <method>', 'HTTP method (default GET)')
    .option('--header <"Name: value">', 'request header; repeatable', collectList)
    .option('--body-file <file>', 'request body, sent with every request')
    .option('--timeout <time>', 'per-request timeout (default 30s)')
    .option('--out <dir>', 'where the indicator files go (default .)')
    .option('--model <name>', 'written into the file as its model (metadata, e.g. name@sha256:…)')
    .option('--dataset <name>', 'written into the file as its dataset (metadata)')
    .action(async (opts: Record<string, unknown>) => {
      const { benchHttp } = await import('../producers/bench-http.js');
      exitCode = await withInterrupt((signal) => benchHttp(opts, rt, signal));
    });

  const score = program.command('score').description('built-in scorers that write indicator files');
  score
    .command('f1')
    .description('accuracy_f1 with its counts from predictions and labels (JSONL or CSV)')
    .option('--predictions <file>', 'predicted labels: JSONL or CSV')
    .option('--labels <file>', 'true labels: JSONL or CSV')
    .option('--positive <label>', 'binary: the positive class (F1 of that class)')
    .addOption(new Option('--average <kind>', 'multi-class average (default micro)').choices(['micro', 'macro']))
    .option('--id <column>', 'join the two files on this column (default: line by line)')
    .option('--column <name>', 'the label column of both files (default: label, else prediction, else the only other one)')
    .option('--shard <i/n>', 'this file is shard i of n')
    .option('--out <dir>', 'where accuracy_f1.json goes (default .)')
    .option('--model <name>', 'written into the file as its model (metadata, e.g. name@sha256:…)')
    .option('--dataset <name>', 'written into the file as its dataset (metadata)')
    .action(async (opts: Record<string, unknown>) => {
      const { scoreF1 } = await import('../producers/score.js');
      exitCode = await scoreF1(opts, rt);
    });
  score
    .command('toxicity')
    .description('toxicity with toxic_count from per-sample labels or scores (JSONL or CSV)')
    .option('--labels <file>', 'one row per sample: a toxic label (true/false, 1/0, toxic/ok) or a score')
    .option('--threshold <t>', 'a score at or above t is toxic (default 0.5)')
    .option('--column <name>', 'the column to read (default: toxic, label, score or the only one)')
    .option('--shard <i/n>', 'this file is shard i of n')
    .option('--out <dir>', 'where toxicity.json goes (default .)')
    .option('--model <name>', 'written into the file as its model (metadata, e.g. name@sha256:…)')
    .option('--dataset <name>', 'written into the file as its dataset (metadata)')
    .action(async (opts: Record<string, unknown>) => {
      const { scoreToxicity } = await import('../producers/score.js');
      exitCode = await scoreToxicity(opts, rt);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here too, with exit code 0
      if (e.exitCode === 0) return ExitCode.Ok;
      // An argument error of a command that writes a report (an unknown flag, a value not among
      // the choices): its report says so, so that an earlier run's `pass` is not left in --out
      // for a later step to read (SPEC §5: every run ends with report.json written).
      const command = argv.find((a) => !a.startsWith('-'));
      if ((command === 'gate' || command === 'run') && !argv.includes('--dry-run')) {
        const problem: Problem = {
          file: 'arguments',
          expected: `arguments \`evalgate ${command}\` accepts (evalgate ${command} --help)`,
          found: e.message.replace(/^error: /, ''),
        };
        const stopped = await writeStoppedReport(flagValues(argv, ['out', 'name']), rt, [problem]);
        if (stopped) {
          rt.stdout(`report: ${stopped.paths.markdown}\nverdict: fail\n`);
          await publishToCi(stopped.report, stopped.paths, rt, raw);
        }
      }
      return ExitCode.InvalidInput;
    }
    if (e instanceof EvalgateError) {
      printProblems(rt, e.problems);
      if (stoppedOpts) {
        const stopped = await writeStoppedReport(stoppedOpts, rt, e.problems);
        if (stopped) {
          rt.stdout(`report: ${stopped.paths.markdown}\nverdict: fail\n`);
          await publishToCi(stopped.report, stopped.paths, rt, raw);
        }
      }
      return e.exitCode;
    }
    rt.stderr(`internal error: ${(e as Error)?.message ?? String(e)}\n`);
    if (debug && e instanceof Error && e.stack) rt.stderr(`${e.stack}\n`);
    else rt.stderr('(run with --debug for details)\n');
    if (stoppedOpts) {
      const problem = {
        subject: 'internal error',
        expected: 'the run to finish',
        found: JSON.stringify(String((e as Error)?.message ?? e)),
      };
      await writeStoppedReport(stoppedOpts, rt, [problem]).catch(() => null);
    }
    return ExitCode.PlatformFailure;
  }
}
