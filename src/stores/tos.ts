/**
 * `tos://<bucket>/<prefix>`: indicator files in Volcano Engine TOS. The key: VOLCENGINE_ACCESS_KEY /
 * VOLCENGINE_SECRET_KEY (+ VOLCENGINE_SESSION_TOKEN), else VOLC_ACCESSKEY / VOLC_SECRETKEY, as for
 * the volc platform. Where the bucket is, from the environment too (a URI names no region):
 * - VOLCENGINE_REGION: the bucket's region, default cn-beijing;
 * - VOLCENGINE_TOS_ENDPOINT: the TOS endpoint, default tos-<region>.volces.com (a host, or an
 *   http(s):// URL, e.g. a private endpoint or a local emulator).
 */
import { parseEndpoint } from '../platforms/volc/config.js';
import { volcCredentials } from '../platforms/volc/credentials.js';
import { parseTosUri, TosBucket, tosClient } from '../platforms/volc/tos.js';
import type { RemoteDownload } from './remote.js';

export async function downloadTos(uri: string, dest: string, env: Record<string, string | undefined>): Promise<RemoteDownload> {
  const { bucket, key } = parseTosUri(uri);
  const prefix = key && !key.endsWith('/') ? `${key}/` : key;
  const region = env.VOLCENGINE_REGION?.trim() || 'cn-beijing';
  const endpoint = parseEndpoint(env.VOLCENGINE_TOS_ENDPOINT?.trim() || `tos-${region}.volces.com`);
  const creds = volcCredentials(env);
  return new TosBucket(tosClient(creds, region, endpoint), bucket, creds.source).download(prefix, dest, ['.json']);
}
