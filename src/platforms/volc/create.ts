/** Builds the volc platform from the config's `volc` section; the key is read from the environment when first needed. */
import type { Problem } from '../../core/problem.js';
import type { Settings } from '../../config/settings.js';
import { resolveStaging } from '../staging.js';
import { parseVolcConfig } from './config.js';
import { VolcPlatform } from './volc.js';

export function createVolcPlatform(
  settings: Settings,
  opts: { cwd: string; env: Record<string, string | undefined>; workDir: string; signal?: AbortSignal },
): { platform: VolcPlatform | null; problems: Problem[] } {
  const file = settings.configFile ?? 'config';
  const { config, problems } = parseVolcConfig(settings.platformConfig.volc, file, opts.env);
  if (!config) return { platform: null, problems };
  const { staging, problems: stagingProblems } = resolveStaging('volc', settings.staging, config.staging, file);
  if (stagingProblems.length) return { platform: null, problems: stagingProblems };
  return {
    platform: new VolcPlatform({
      config,
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
