/**
 * The post step's half of the azure platform: cancels the Azure ML jobs the main step recorded as
 * still running, signing in again with the same credentials from the environment.
 */
import type { SavedJob } from '../platform.js';
import { Arm } from './arm.js';
import { cancelAzureJob } from './azure.js';
import { azureCredential } from './credential.js';

export type AzureCancelOutcome = { job: SavedJob; result: 'cancelled' | 'failed'; detail: string };

export async function cancelSavedAzure(
  jobs: SavedJob[],
  env: Record<string, string | undefined>,
  opts: { waitMs?: number } = {},
): Promise<AzureCancelOutcome[]> {
  const out: AzureCancelOutcome[] = [];
  const clients = new Map<string, Arm>();
  for (const job of jobs) {
    const ws = {
      armEndpoint: String(job.arm_endpoint ?? 'https://management.azure.com'),
      subscription: String(job.subscription ?? ''),
      resourceGroup: String(job.resource_group ?? ''),
      workspace: String(job.workspace ?? ''),
    };
    const authorityHost = typeof job.authority_host === 'string' ? job.authority_host : undefined;
    const key = JSON.stringify([ws, authorityHost]);
    let arm = clients.get(key);
    if (!arm) {
      arm = new Arm(ws, azureCredential(env, { authorityHost }));
      clients.set(key, arm);
    }
    try {
      await cancelAzureJob(arm, job.id, opts.waitMs);
      out.push({ job, result: 'cancelled', detail: `Azure ML job ${job.id} in ${ws.workspace}` });
    } catch (e) {
      out.push({ job, result: 'failed', detail: (e as Error).message });
    }
  }
  return out;
}
