/**
 * The action's post step: cancels every job the main step recorded as still running (a cancelled
 * workflow or a timeout still runs `post`). It warns and never fails.
 */
import * as core from './workflow.js';
import { rmSync } from 'node:fs';
import { cancelSavedJobs } from '../platforms/cancel-saved.js';
import { savedJobKey } from '../platforms/platform.js';
import { forgetLeftJobs } from '../stores/left-jobs.js';
import { readSavedJobs } from './jobs-state.js';
import { State } from './constants.js';

export async function cleanup(env: Record<string, string | undefined> = process.env): Promise<void> {
  try {
    const { jobs, files } = readSavedJobs(env, (t) => core.warning(t));
    if (jobs.length === 0) {
      core.info('evalgate: no job was left running; nothing to cancel');
    } else {
      const settled = new Set<string>();
      for (const o of await cancelSavedJobs(jobs, env)) {
        const text = `evalgate: job ${o.job.name}: ${o.result}${o.detail ? ` (${o.detail})` : ''}`;
        if (o.result === 'failed') core.warning(text);
        else {
          core.info(text);
          settled.add(savedJobKey(o.job));
        }
      }
      // the out folder's record no longer lists them: the next run there does not cancel them again
      const out = core.getState(State.Out);
      if (out) forgetLeftJobs(out, (j) => settled.has(savedJobKey(j)));
    }
    for (const f of files) rmSync(f, { force: true });
  } catch (e) {
    core.warning(`evalgate: post step: ${(e as Error)?.message ?? String(e)}`);
  }
}
