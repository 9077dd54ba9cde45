/**
 * The action's post step: cancels every job the main step recorded as still running (a cancelled
 * workflow or a timeout still runs `post`). It warns and never fails.
 */
import * as core from '@actions/core';
import { rmSync } from 'node:fs';
import type { SavedJob } from '../platforms/platform.js';
import { readSavedJobs } from './jobs-state.js';

/** what every platform's post-step cancel reports for a job */
type CancelOutcome = { job: SavedJob; result: string; detail?: string };

export async function cleanup(env: Record<string, string | undefined> = process.env): Promise<void> {
  try {
    const { jobs, files } = readSavedJobs(env, (t) => core.warning(t));
    if (jobs.length === 0) {
      core.info('evalgate: no job was left running; nothing to cancel');
    } else {
      const byPlatform = new Map<string, SavedJob[]>();
      for (const j of jobs) byPlatform.set(j.platform, [...(byPlatform.get(j.platform) ?? []), j]);
      const cancellers: Record<string, (list: SavedJob[], env: Record<string, string | undefined>) => Promise<CancelOutcome[]>> = {
        // a platform's SDK is loaded only when it has jobs to cancel
        local: async (list) => (await import('../platforms/local/cancel-saved.js')).cancelSavedLocal(list),
        dgx: async (list, e) => (await import('../platforms/dgx/cancel-saved.js')).cancelSavedDgx(list, e),
        azure: async (list, e) => (await import('../platforms/azure/cancel-saved.js')).cancelSavedAzure(list, e),
        volc: async (list, e) => (await import('../platforms/volc/cancel-saved.js')).cancelSavedVolc(list, e),
        bailian: async (list, e) => (await import('../platforms/bailian/cancel-saved.js')).cancelSavedBailian(list, e),
      };
      for (const [platform, list] of byPlatform) {
        const cancel = cancellers[platform];
        if (!cancel) {
          core.warning(`evalgate: cannot cancel ${platform} jobs in this version: ${list.map((j) => `${j.name} (${j.id})`).join(', ')}`);
          continue;
        }
        for (const o of await cancel(list, env)) {
          const text = `evalgate: job ${o.job.name}: ${o.result}${o.detail ? ` (${o.detail})` : ''}`;
          if (o.result === 'failed') core.warning(text);
          else core.info(text);
        }
      }
    }
    for (const f of files) rmSync(f, { force: true });
  } catch (e) {
    core.warning(`evalgate: post step: ${(e as Error)?.message ?? String(e)}`);
  }
}
