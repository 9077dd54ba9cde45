/**
 * `oss://<bucket>/<prefix>` (or `oss://<bucket>.<endpoint>/<prefix>`): indicator files in Alibaba
 * Cloud OSS, read with ali-oss. Credentials from the environment, as the bailian platform reads them:
 * ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (with ALIBABA_CLOUD_SECURITY_TOKEN
 * for STS keys), or ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN and
 * ALIBABA_CLOUD_OIDC_TOKEN_FILE. The bucket's region is ALIBABA_CLOUD_REGION (default cn-hangzhou)
 * and the endpoint ALIBABA_CLOUD_OSS_ENDPOINT (default https://oss-<region>.aliyuncs.com; a host
 * name or an http(s):// URL), unless the URI names an endpoint itself.
 */
import { alibabaCredential } from '../platforms/bailian/credential.js';
import { downloadPrefix, ossClient, parseOssUri } from '../platforms/bailian/oss.js';
import type { RemoteDownload } from './remote.js';

export function ossLocation(
  uri: string,
  env: Record<string, string | undefined>,
): { bucket: string; prefix: string; region: string; endpoint: string } {
  const { bucket, endpoint, key } = parseOssUri(uri);
  const region = env.ALIBABA_CLOUD_REGION?.trim() || 'cn-hangzhou';
  const host = endpoint ?? (env.ALIBABA_CLOUD_OSS_ENDPOINT?.trim() || `oss-${region}.aliyuncs.com`);
  return {
    bucket,
    prefix: key && !key.endsWith('/') ? `${key}/` : key,
    region: endpoint ? (/^oss-([a-z0-9-]+?)(-internal)?\.aliyuncs\.com$/.exec(endpoint)?.[1] ?? region) : region,
    endpoint: /^https?:\/\//.test(host) ? host.replace(/\/+$/, '') : `https://${host}`,
  };
}

export async function downloadOss(uri: string, dest: string, env: Record<string, string | undefined>): Promise<RemoteDownload> {
  const { bucket, prefix, region, endpoint } = ossLocation(uri, env);
  const credential = alibabaCredential(env);
  try {
    const oss = await ossClient({ bucket, region, endpoint }, credential);
    return await downloadPrefix(oss, prefix, dest, ['.json']);
  } finally {
    credential.close();
  }
}
