/** Builds the volc platform from the config's `volc` section; the key is read from the environment when first needed. */
import type { Problem } from '../../core/problem.js';
import type { Settings } from '../../config/settings.js';
import { parseVolcConfig } from './config.js';
import { VolcPlatform } from './volc.js';

export function createVolcPlatform(
  settings: Settings,
  opts: { cwd: string; env: Record<string, string | undefined>; workDir: string },
): { platform: VolcPlatform | null; problems: Problem[] } {
  const file = settings.configFile ?? 'config';
  const { config, problems } = parseVolcConfig(settings.platformConfig.volc, file, opts.env);
  if (!config) return { platform: null, problems };
  return {
    platform: new VolcPlatform({
      config,
      env: opts.env,
      cwd: opts.cwd,
      workDir: opts.workDir,
      gate: settings.name,
      dryRun: settings.dryRun,
    }),
    problems: [],
  };
}
