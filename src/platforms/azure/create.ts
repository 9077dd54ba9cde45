/** Builds the azure platform from the config's `azure` section and the environment's credentials. */
import type { Problem } from '../../core/problem.js';
import type { Settings } from '../../config/settings.js';
import { resolveStaging } from '../staging.js';
import { parseAzureConfig } from './config.js';
import { azureCredential } from './credential.js';
import { AzurePlatform } from './azure.js';

export function createAzurePlatform(
  settings: Settings,
  opts: { cwd: string; env: Record<string, string | undefined>; workDir: string; signal?: AbortSignal },
): { platform: AzurePlatform | null; problems: Problem[] } {
  const file = settings.configFile ?? 'config';
  const { config, problems } = parseAzureConfig(settings.platformConfig.azure, file, opts.env);
  if (!config) return { platform: null, problems };
  const { staging, problems: stagingProblems } = resolveStaging('azure', settings.staging, config.staging, file);
  if (stagingProblems.length) return { platform: null, problems: stagingProblems };
  return {
    platform: new AzurePlatform({
      config,
      credential: azureCredential(opts.env, { authorityHost: config.authorityHost }),
      env: opts.env,
      cwd: opts.cwd,
      workDir: opts.workDir,
      gate: settings.name,
      dryRun: settings.dryRun,
      staging,
      ...(opts.signal ? { signal: opts.signal } : {}),
    }),
    problems: [],
  };
}
