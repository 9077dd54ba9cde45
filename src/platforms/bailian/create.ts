/** Builds the bailian platform (alias bairui) from the config's `bailian` section; credentials come from the environment on first use. */
import type { Problem } from '../../core/problem.js';
import type { Settings } from '../../config/settings.js';
import { resolveStaging } from '../staging.js';
import { parseBailianConfig } from './config.js';
import { BailianPlatform } from './bailian.js';
import type { RetryOptions } from './errors.js';

export function createBailianPlatform(
  settings: Settings,
  opts: {
    cwd: string;
    env: Record<string, string | undefined>;
    workDir: string;
    /** the run's cancel, handed to uploads */
    signal?: AbortSignal;
    /** the retry policy of every PAI-DLC and OSS call (tests shorten it) */
    retry?: Partial<RetryOptions>;
  },
): { platform: BailianPlatform | null; problems: Problem[] } {
  const file = settings.configFile ?? 'config';
  const { config, problems } = parseBailianConfig(settings.platformConfig.bailian, file, opts.env);
  if (!config) return { platform: null, problems };
  const { staging, problems: stagingProblems } = resolveStaging('bailian', settings.staging, config.staging, file);
  if (stagingProblems.length) return { platform: null, problems: stagingProblems };
  return {
    platform: new BailianPlatform({
      config,
      env: opts.env,
      cwd: opts.cwd,
      workDir: opts.workDir,
      gate: settings.name,
      dryRun: settings.dryRun,
      staging,
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.retry ? { retry: opts.retry } : {}),
    }),
    problems: [],
  };
}
