/**
 * The text every `--help` ends with (the top level and each command): examples, the rule grammar
 * and the exit codes. One text, shown by commander's `afterAll` hook, so no copy can drift.
 */
import { OPS, RULE_SYNTAX } from '../core/rules.js';
import { ExitCode } from '../core/problem.js';

export const HELP_TEXT = `
Examples:
  evalgate init --platform local              write .github/evalgate.yml and a workflow to start from
  evalgate run --dry-run                      print each job of .github/evalgate.yml as it would run
  evalgate run --config ci/evalgate.yml       run the jobs, merge, gate and report
  evalgate gate --results results/            gate indicator files that already exist (every *.json below)
  evalgate gate --results 'out/**/*.json' --thresholds 'accuracy_f1.f1 >= baseline - 0.02' --baseline main/report.json
  evalgate validate results/*.json            list every problem of every file
  evalgate alerts --out rules.yml             Prometheus alerting rules from the thresholds (promtool check rules rules.yml)

Built-in producers (write exactly-mergeable indicator files; never overwrite one):
  evalgate bench http --url http://127.0.0.1:8080/predict --concurrency 8 --duration 10s --warmup 2s --out results/
  evalgate bench http --url http://127.0.0.1:8080/ --rate 500 --connections 16 --duration 30s --shard 0/3 --out results/
  evalgate score f1 --predictions preds.csv --labels labels.csv --id id --positive spam --out results/
  evalgate score f1 --predictions preds.jsonl --labels labels.jsonl --average macro --out results/
  evalgate score toxicity --labels scores.jsonl --threshold 0.5 --out results/

Rules (--thresholds, config thresholds), one per line or separated by ";":
  ${RULE_SYNTAX}
  op:    ${OPS.join('  ')}   (boundaries inclusive as written; < and > are strict)
  expr:  a number, or baseline [+|-|*|/ number]: that field's value in the baseline report
  level: error (default) or warn; an empty line is ignored, a line starting with # is a comment
    accuracy_f1.f1 >= 0.75
    warn latency_p99.p99_ms <= baseline * 1.10
    # toxicity.toxic_ratio <= 0.005

Exit codes:
  ${ExitCode.Ok}  pass or warn (or --fail-on allows the failure)
  ${ExitCode.GateFailed}  the gate failed on its rules, or a required indicator is absent
  ${ExitCode.InvalidInput}  invalid config, arguments, baseline or indicator files (report.json is still written)
  ${ExitCode.PlatformFailure}  platform or job failure
  When several apply, the highest wins.
`;
