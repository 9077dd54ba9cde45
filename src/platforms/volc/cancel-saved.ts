/**
 * The post step's half of the volc platform: stops the ML platform jobs the main step recorded as
 * still running, with the same key from the environment.
 */
import type { SavedJob } from '../platform.js';
import { DEFAULT_VOLC_ENDPOINT, DEFAULT_VOLC_REGION, parseEndpoint } from './config.js';
import { volcCredentials } from './credentials.js';
import { VolcOpenApi } from './openapi.js';
import { stopVolcJob } from './volc.js';
import type { RetryOptions } from './retry.js';

export type VolcCancelOutcome = { job: SavedJob; result: 'cancelled' | 'failed'; detail: string };

export async function cancelSavedVolc(
  jobs: SavedJob[],
  env: Record<string, string | undefined>,
  opts: { waitMs?: number; retry?: RetryOptions } = {},
): Promise<VolcCancelOutcome[]> {
  const out: VolcCancelOutcome[] = [];
  const clients = new Map<string, VolcOpenApi>();
  for (const job of jobs) {
    const endpoint = parseEndpoint(typeof job.endpoint === 'string' && job.endpoint ? job.endpoint : DEFAULT_VOLC_ENDPOINT).url;
    const region = typeof job.region === 'string' && job.region ? job.region : DEFAULT_VOLC_REGION;
    try {
      const key = `${endpoint} ${region}`;
      let api = clients.get(key);
      if (!api) {
        const creds = volcCredentials(env);
        api = new VolcOpenApi({ endpoint, region, credentials: () => creds, retry: opts.retry });
        clients.set(key, api);
      }
      const state = await stopVolcJob(api, job.id, { waitMs: opts.waitMs });
      out.push({ job, result: 'cancelled', detail: `Volcengine ML job ${job.id} in ${region}: ${state}` });
    } catch (e) {
      out.push({ job, result: 'failed', detail: (e as Error).message });
    }
  }
  return out;
}
