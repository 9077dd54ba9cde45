/**
 * A process that stages one file the way `evalgate run` does (the platforms' own upload functions,
 * the real SDKs), for tests that SIGKILL it midway: bundled by ncc at test time (the project runs
 * no TypeScript directly). argv[2] is a JSON job:
 *   {platform: 'bailian'|'volc'|'azure', file, prefix, checkpointDir, partSize, concurrency, ...where}
 * Prints `sent <n>` and exits 0.
 */
import '../../src/esm-shim.js';
import { BlobServiceClient } from '@azure/storage-blob';
import { TosClient } from '@volcengine/tos-sdk';
import path from 'node:path';
import { uploadPrefix as azureUpload } from '../../src/platforms/azure/blob.js';
import { EvalgateAlibabaCredential } from '../../src/platforms/bailian/credential.js';
import { ossClient, uploadPrefix as ossUpload } from '../../src/platforms/bailian/oss.js';
import { TosBucket } from '../../src/platforms/volc/tos.js';

interface Job {
  platform: 'bailian' | 'volc' | 'azure';
  file: string;
  prefix: string;
  checkpointDir: string;
  partSize: number;
  concurrency: number;
  /** bailian: the fake's URL; volc: TosClient options; azure: a connection string */
  endpoint?: string;
  tos?: Record<string, unknown>;
  connectionString?: string;
  container?: string;
  bucket: string;
  accessKeyId?: string;
  accessKeySecret?: string;
}

const job = JSON.parse(process.argv[2]!) as Job;
const staging = { partSize: job.partSize, concurrency: job.concurrency };
const files: Array<[string, string]> = [[path.basename(job.file), job.file]];
let sent: number;
if (job.platform === 'bailian') {
  const oss = await ossClient(
    { bucket: job.bucket, region: 'cn-hangzhou', endpoint: job.endpoint! },
    new EvalgateAlibabaCredential({ ALIBABA_CLOUD_ACCESS_KEY_ID: job.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: job.accessKeySecret }),
    { maxRetries: 0, baseMs: 1, maxMs: 1 },
  );
  sent = await ossUpload(oss, job.prefix, files, { staging, checkpointDir: job.checkpointDir });
} else if (job.platform === 'volc') {
  const bucket = new TosBucket(new TosClient({ ...(job.tos as object), maxRetryCount: 0 } as never), job.bucket, 'test', { maxRetries: 0 });
  sent = await bucket.upload(job.prefix, files, { staging, checkpointDir: job.checkpointDir });
} else {
  const container = BlobServiceClient.fromConnectionString(job.connectionString!).getContainerClient(job.container!);
  sent = await azureUpload(container, job.prefix, files, { staging });
}
process.stdout.write(`sent ${sent}\n`);
