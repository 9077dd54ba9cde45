/**
 * The post step's half of the bailian platform: stops the PAI-DLC jobs the main step recorded as
 * still running, signing in again from the environment (the AccessKey, or GitHub OIDC with the
 * role and provider the main step saved: ARNs, never a secret).
 */
import type { SavedJob } from '../platform.js';
import { cancelDlcJob } from './bailian.js';
import { DEFAULT_OIDC_AUDIENCE } from './config.js';
import { EvalgateAlibabaCredential } from './credential.js';
import { Dlc } from './dlc.js';
import type { RetryOptions } from './errors.js';

export type BailianCancelOutcome = { job: SavedJob; result: 'cancelled' | 'failed'; detail: string };

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

export async function cancelSavedBailian(
  jobs: SavedJob[],
  env: Record<string, string | undefined>,
  opts: { waitMs?: number; retry?: Partial<RetryOptions> } = {},
): Promise<BailianCancelOutcome[]> {
  const out: BailianCancelOutcome[] = [];
  const clients = new Map<string, Dlc>();
  const credentials = new Map<string, EvalgateAlibabaCredential>();
  try {
    for (const job of jobs) {
      const region = str(job.region) ?? 'cn-hangzhou';
      const where = {
        region,
        endpoint: str(job.endpoint) ?? `pai-dlc.${region}.aliyuncs.com`,
        protocol: str(job.protocol)?.toUpperCase() === 'HTTP' ? ('HTTP' as const) : ('HTTPS' as const),
      };
      const auth = {
        oidcRoleArn: str(job.oidc_role_arn),
        oidcProviderArn: str(job.oidc_provider_arn),
        oidcAudience: str(job.oidc_audience) ?? DEFAULT_OIDC_AUDIENCE,
        stsEndpoint: str(job.sts_endpoint),
      };
      const authKey = JSON.stringify(auth);
      let credential = credentials.get(authKey);
      if (!credential) {
        credential = new EvalgateAlibabaCredential(env, auth);
        credentials.set(authKey, credential);
      }
      const key = JSON.stringify([where, authKey]);
      let dlc = clients.get(key);
      if (!dlc) {
        dlc = new Dlc(where, credential, opts.retry);
        clients.set(key, dlc);
      }
      try {
        await cancelDlcJob(dlc, job.id, opts.waitMs);
        out.push({ job, result: 'cancelled', detail: `PAI-DLC job ${job.id} in workspace ${str(job.workspace_id) ?? '?'} (${region})` });
      } catch (e) {
        out.push({ job, result: 'failed', detail: (e as Error).message });
      }
    }
  } finally {
    for (const c of credentials.values()) c.close();
  }
  return out;
}
