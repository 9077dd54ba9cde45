/** Every input, output and state key of the action, in one place (as actions/cache's constants.ts). */
export const Inputs = {
  Platform: 'platform',
  Config: 'config',
  Indicators: 'indicators',
  Thresholds: 'thresholds',
  RpsTarget: 'rps-target',
  Model: 'model',
  Data: 'data',
  Results: 'results',
  Baseline: 'baseline',
  Comment: 'comment',
  Check: 'check',
  Mode: 'mode',
  Name: 'name',
  FailOn: 'fail-on',
  TimeoutMinutes: 'timeout-minutes',
  Pushgateway: 'pushgateway',
  GithubToken: 'github-token',
  DryRun: 'dry-run',
} as const;

export const Outputs = {
  Verdict: 'verdict',
  Passed: 'passed',
  ReportJson: 'report-json',
  ReportMarkdown: 'report-markdown',
  Violations: 'violations',
  Metrics: 'metrics',
  CommentUrl: 'comment-url',
} as const;

export const State = {
  /** JSON list of remote jobs the main step started, for the post step to cancel */
  Jobs: 'evalgate-jobs',
  Platform: 'evalgate-platform',
  /** the run's `--out` folder (absolute), whose record of running jobs the post step updates */
  Out: 'evalgate-out',
} as const;
