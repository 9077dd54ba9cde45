/**
 * Cancels jobs a run recorded as possibly running, after that run is gone: the action's post step
 * (a cancelled workflow, a killed main step) and the next run in the same `--out` (a CLI that was
 * SIGKILLed). Each platform's canceller signs in again from the environment; its SDK is loaded only
 * when it has jobs to cancel.
 */
import type { SavedJob } from './platform.js';

/** what every platform's cancel of a saved job reports */
export type SavedCancelOutcome = { job: SavedJob; result: string; detail?: string };

type Canceller = (list: SavedJob[], env: Record<string, string | undefined>) => Promise<SavedCancelOutcome[]>;

const CANCELLERS: Record<string, Canceller> = {
  local: async (list) => (await import('./local/cancel-saved.js')).cancelSavedLocal(list),
  dgx: async (list, e) => (await import('./dgx/cancel-saved.js')).cancelSavedDgx(list, e),
  azure: async (list, e) => (await import('./azure/cancel-saved.js')).cancelSavedAzure(list, e),
  volc: async (list, e) => (await import('./volc/cancel-saved.js')).cancelSavedVolc(list, e),
  bailian: async (list, e) => (await import('./bailian/cancel-saved.js')).cancelSavedBailian(list, e),
};

/** every job's outcome, in the order given per platform; a canceller that throws fails its jobs with its message */
export async function cancelSavedJobs(jobs: SavedJob[], env: Record<string, string | undefined>): Promise<SavedCancelOutcome[]> {
  const byPlatform = new Map<string, SavedJob[]>();
  for (const j of jobs) byPlatform.set(j.platform, [...(byPlatform.get(j.platform) ?? []), j]);
  const out: SavedCancelOutcome[] = [];
  for (const [platform, list] of byPlatform) {
    const cancel = CANCELLERS[platform];
    if (!cancel) {
      for (const job of list) out.push({ job, result: 'failed', detail: `cannot cancel ${platform} jobs in this version` });
      continue;
    }
    try {
      out.push(...(await cancel(list, env)));
    } catch (e) {
      for (const job of list) out.push({ job, result: 'failed', detail: (e as Error)?.message ?? String(e) });
    }
  }
  return out;
}
