/**
 * Volcengine credentials from the environment: an AccessKey pair (and, for a temporary STS key,
 * its session token). The names are those of Volcengine's own SDKs: VOLCENGINE_ACCESS_KEY /
 * VOLCENGINE_SECRET_KEY / VOLCENGINE_SESSION_TOKEN (the Go SDK's environment provider), then
 * VOLC_ACCESSKEY / VOLC_SECRETKEY (the Node SDK's). The same key signs the ML platform's OpenAPI
 * and TOS. A secret never goes into a message; the action masks these variables in the log.
 */

export interface VolcCredentials {
  accessKeyId: string;
  secretKey: string;
  sessionToken?: string;
  /** which variables the key came from, for messages ("VOLCENGINE_ACCESS_KEY/VOLCENGINE_SECRET_KEY") */
  source: string;
}

export class VolcCredentialsError extends Error {
  override name = 'VolcCredentialsError';
}

const NAMES = [
  ['VOLCENGINE_ACCESS_KEY', 'VOLCENGINE_SECRET_KEY'],
  ['VOLC_ACCESSKEY', 'VOLC_SECRETKEY'],
] as const;

/** the key pair from the environment, or a VolcCredentialsError naming the variables to set */
export function volcCredentials(env: Record<string, string | undefined>): VolcCredentials {
  // a secret pasted with a trailing newline is still the secret
  const get = (k: string): string | undefined => env[k]?.trim() || undefined;
  for (const [akName, skName] of NAMES) {
    const ak = get(akName);
    const sk = get(skName);
    if (!ak && !sk) continue;
    if (!ak || !sk)
      throw new VolcCredentialsError(`Volcengine credentials: ${ak ? skName : akName} is not set (${ak ? akName : skName} is); set both`);
    const sessionToken = get('VOLCENGINE_SESSION_TOKEN');
    return { accessKeyId: ak, secretKey: sk, ...(sessionToken ? { sessionToken } : {}), source: `${akName}/${skName}` };
  }
  throw new VolcCredentialsError(
    'no Volcengine credentials: set VOLCENGINE_ACCESS_KEY and VOLCENGINE_SECRET_KEY (and VOLCENGINE_SESSION_TOKEN for a temporary STS key), ' +
      'or VOLC_ACCESSKEY and VOLC_SECRETKEY, in the environment of the step (from repository secrets)',
  );
}
