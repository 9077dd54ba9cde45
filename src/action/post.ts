/**
 * The action's post step: cancels every job the main step recorded as still running (a cancelled
 * workflow or a timeout still runs `post`). It warns and never fails.
 */
import * as core from '@actions/core';
import { rmSync } from 'node:fs';
import type { SavedJob } from '../platforms/platform.js';
import { cancelSavedLocal } from '../platforms/local/cancel-saved.js';
import { cancelSavedDgx } from '../platforms/dgx/cancel-saved.js';
import { cancelSavedAzure } from '../platforms/azure/cancel-saved.js';
import { cancelSavedVolc } from '../platforms/volc/cancel-saved.js';
import { cancelSavedBailian } from '../platforms/bailian/cancel-saved.js';
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
        local: (list) => cancelSavedLocal(list),
        dgx: cancelSavedDgx,
        azure: cancelSavedAzure,
        volc: cancelSavedVolc,
        bailian: cancelSavedBailian,
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
