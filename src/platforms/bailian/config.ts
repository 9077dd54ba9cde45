/**
 * The `bailian` section of the config (platform `bailian`, alias `bairui`): the PAI-DLC workspace
 * the jobs run in, what they run on, the OSS bucket they read and write, and how to reach both.
 *
 * Bailian (Model Studio) itself runs no custom jobs: an evaluation in a custom container on
 * Alibaba Cloud is a PAI-DLC job (Deep Learning Containers) reading and writing OSS.
 */
import { z } from 'zod';
import { stagingSchema, type StagingSection } from '../staging.js';
import type { Problem } from '../../core/problem.js';
import { sectionProblems } from '../section.js';

/** The PAI-DLC API version evalgate speaks (product `pai-dlc`, ROA style). */
export const DLC_API_VERSION = '2020-12-03';

/** JobType values CreateJob takes (case-sensitive; pai-dlc-20201203 CreateJobRequest.ts). */
export const DLC_JOB_TYPES = [
  'TFJob',
  'PyTorchJob',
  'MPIJob',
  'XGBoostJob',
  'OneFlowJob',
  'ElasticBatchJob',
  'SlurmJob',
  'RayJob',
] as const;

/** the audience aliyun/configure-aliyun-credentials-action asks GitHub for, and RAM's OIDC providers expect by default */
export const DEFAULT_OIDC_AUDIENCE = 'sts.aliyuncs.com';
/** the public STS endpoint (what @alicloud/credentials uses without a region) */
export const DEFAULT_STS_ENDPOINT = 'sts.aliyuncs.com';

const name = (what: string) => z.string({ error: what }).min(1, { error: what });
const host = (what: string) =>
  z
    .string({ error: what })
    .regex(/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\d{1,5})?$/, { error: `${what} (a host name and optional port, without https://)` });
const positive = (what: string) => z.number({ error: what }).positive({ error: what });

const dataSource = z.union(
  [
    name('a registered data source id'),
    z.strictObject(
      {
        id: name('a registered data source id (DataSourceId)'),
        mount_path: z
          .string({ error: 'an absolute path in the container' })
          .regex(/^\/[^\0]*[^/]$/, { error: 'an absolute path in the container' })
          .optional(),
      },
      { error: 'a mapping of id and mount_path' },
    ),
  ],
  { error: 'a data source id, or a mapping of id and mount_path' },
);

export const schema = z.strictObject(
  {
    region: z
      .string({ error: 'a region id such as cn-hangzhou' })
      .regex(/^[a-z]{2,}-[a-z0-9-]+$/, { error: 'a region id such as cn-hangzhou' })
      .optional(),
    workspace_id: z.union([name('a PAI workspace id'), z.number().int().positive()], { error: 'a PAI workspace id' }),
    image: name('a container image (e.g. registry-vpc.cn-hangzhou.aliyuncs.com/<namespace>/<repo>:<tag>)'),
    job_type: z.enum(DLC_JOB_TYPES, { error: `one of ${DLC_JOB_TYPES.join(', ')}` }).optional(),
    ecs_spec: name('an ECS instance type (e.g. ecs.g6.xlarge)').optional(),
    resource_id: name('a resource quota id').optional(),
    cpu: positive('a number of CPU cores').optional(),
    memory_gb: positive('a memory size in GiB').optional(),
    gpus: z.number({ error: 'a whole number ≥ 0' }).int({ error: 'a whole number ≥ 0' }).min(0, { error: 'a whole number ≥ 0' }).optional(),
    gpu_type: name('a GPU type').optional(),
    shared_memory_gb: positive('a shared memory size in GiB').optional(),
    oss_bucket: z
      .string({ error: 'an OSS bucket name' })
      .regex(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/, { error: 'an OSS bucket name (3 to 63 lower-case letters, digits and -)' }),
    oss_prefix: z
      .string({ error: 'a path prefix in the bucket' })
      .regex(/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/, { error: 'a path prefix of letters, digits, . _ - and /' })
      .optional(),
    oss_endpoint: z
      .string({ error: 'an OSS endpoint' })
      .regex(/^(https?:\/\/)?[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\d{1,5})?\/?$/, {
        error: 'an OSS endpoint (oss-<region>.aliyuncs.com, or an http(s):// URL)',
      })
      .optional(),
    endpoint: host('the PAI-DLC endpoint').optional(),
    protocol: z.enum(['HTTPS', 'HTTP', 'https', 'http'], { error: 'HTTPS or HTTP' }).optional(),
    sts_endpoint: host('the STS endpoint').optional(),
    oidc_role_arn: z
      .string({ error: 'a RAM role ARN' })
      .regex(/^acs:ram::\d+:role\/.+$/, { error: 'a RAM role ARN (acs:ram::<account id>:role/<name>)' })
      .optional(),
    oidc_provider_arn: z
      .string({ error: 'a RAM OIDC provider ARN' })
      .regex(/^acs:ram::\d+:oidc-provider\/.+$/, { error: 'a RAM OIDC provider ARN (acs:ram::<account id>:oidc-provider/<name>)' })
      .optional(),
    oidc_audience: name('the OIDC audience').optional(),
    data_sources: z.array(dataSource, { error: 'a list of data source ids' }).optional(),
    code: z.union([name('a path'), z.array(name('a path')).min(1)], { error: 'a path or a list of paths' }).optional(),
    poll_interval_seconds: positive('a number of seconds').max(300, { error: 'at most 300 seconds' }).optional(),
    staging: stagingSchema.optional(),
  },
  { error: 'a mapping' },
);

export interface BailianResourceConfig {
  cpu: number;
  memoryGb: number;
  gpus: number;
  gpuType?: string;
  sharedMemoryGb?: number;
}

export interface BailianConfig {
  region: string;
  workspaceId: string;
  image: string;
  jobType: (typeof DLC_JOB_TYPES)[number];
  /** public resources: the instance type (absent when a quota is sized by resourceConfig) */
  ecsSpec?: string;
  /** a resource quota (ResourceId) */
  resourceId?: string;
  /** with a quota: the ResourceConfig of each pod */
  resourceConfig?: BailianResourceConfig;
  ossBucket: string;
  ossPrefix: string;
  /** where evalgate reaches OSS (ali-oss `endpoint`): a URL with its scheme */
  ossEndpoint: string;
  /** where jobs reach OSS: the region's internal endpoint, in DataSources `oss://<bucket>.<endpoint>/…` */
  ossMountEndpoint: string;
  /** the PAI-DLC OpenAPI endpoint, host[:port] */
  endpoint: string;
  protocol: 'HTTPS' | 'HTTP';
  /** STS for OIDC (absent: sts.aliyuncs.com, or sts.<ALIBABA_CLOUD_STS_REGION>.aliyuncs.com) */
  stsEndpoint?: string;
  oidcRoleArn?: string;
  oidcProviderArn?: string;
  oidcAudience: string;
  /** registered data sources mounted as well */
  dataSources: Array<{ id: string; mountPath?: string }>;
  /** paths under the working directory uploaded and mounted at /mnt/evalgate/code */
  code: string[];
  pollIntervalMs: number;
  /** the section's `staging` (resolved against the top-level one when the platform is built) */
  staging?: StagingSection;
}

export function parseBailianConfig(
  section: Record<string, unknown> | undefined,
  file: string,
  env: Record<string, string | undefined>,
): { config: BailianConfig | null; problems: Problem[] } {
  const parsed = schema.safeParse(section ?? {});
  if (!parsed.success) {
    return {
      config: null,
      problems: sectionProblems(parsed.error.issues, section, file, 'bailian', Object.keys(schema.shape)),
    };
  }
  const c = parsed.data;
  const problems: Problem[] = [];
  const problem = (key: string, expected: string, found: unknown): void => {
    problems.push({ file, path: `bailian.${key}`, expected, found: found === undefined ? 'nothing' : JSON.stringify(found) });
  };
  if (Boolean(c.oidc_role_arn) !== Boolean(c.oidc_provider_arn)) {
    if (c.oidc_role_arn)
      problem('oidc_provider_arn', 'the RAM OIDC provider of GitHub (needed with bailian.oidc_role_arn)', c.oidc_provider_arn);
    else problem('oidc_role_arn', 'the RAM role to assume (needed with bailian.oidc_provider_arn)', c.oidc_role_arn);
  }
  const sizing = (['cpu', 'memory_gb', 'gpus', 'gpu_type', 'shared_memory_gb'] as const).filter((k) => c[k] !== undefined);
  if (sizing.length && !c.resource_id)
    problem(
      sizing[0]!,
      'nothing without bailian.resource_id: public resources are sized by bailian.ecs_spec (cpu, memory_gb, gpus, gpu_type and shared_memory_gb size the pods of a quota)',
      c[sizing[0]!],
    );
  if (sizing.length && c.resource_id && c.ecs_spec)
    problem('ecs_spec', `either bailian.ecs_spec or bailian.${sizing.join('/')} (the ResourceConfig of a quota), not both`, c.ecs_spec);
  if (problems.length) return { config: null, problems };

  const region = c.region ?? env.ALIBABA_CLOUD_REGION ?? 'cn-hangzhou';
  const ossEndpoint = (c.oss_endpoint ?? `oss-${region}.aliyuncs.com`).replace(/\/+$/, '');
  const config: BailianConfig = {
    region,
    workspaceId: String(c.workspace_id),
    image: c.image,
    jobType: c.job_type ?? 'PyTorchJob',
    ossBucket: c.oss_bucket,
    ossPrefix: c.oss_prefix ?? 'evalgate',
    ossEndpoint: /^https?:\/\//.test(ossEndpoint) ? ossEndpoint : `https://${ossEndpoint}`,
    ossMountEndpoint: `oss-${region}-internal.aliyuncs.com`,
    endpoint: c.endpoint ?? `pai-dlc.${region}.aliyuncs.com`,
    protocol: (c.protocol ?? 'HTTPS').toUpperCase() as 'HTTPS' | 'HTTP',
    oidcAudience: c.oidc_audience ?? DEFAULT_OIDC_AUDIENCE,
    dataSources: (c.data_sources ?? []).map((d) => (typeof d === 'string' ? { id: d } : { id: d.id, mountPath: d.mount_path })),
    code: c.code === undefined ? [] : Array.isArray(c.code) ? c.code : [c.code],
    pollIntervalMs: Math.round((c.poll_interval_seconds ?? 10) * 1000),
    ...(c.staging ? { staging: c.staging } : {}),
  };
  if (c.resource_id) {
    config.resourceId = c.resource_id;
    if (c.ecs_spec) config.ecsSpec = c.ecs_spec;
    else
      config.resourceConfig = {
        cpu: c.cpu ?? 4,
        memoryGb: c.memory_gb ?? 16,
        gpus: c.gpus ?? 0,
        ...(c.gpu_type ? { gpuType: c.gpu_type } : {}),
        ...(c.shared_memory_gb ? { sharedMemoryGb: c.shared_memory_gb } : {}),
      };
  } else config.ecsSpec = c.ecs_spec ?? 'ecs.g6.xlarge';
  if (c.sts_endpoint) config.stsEndpoint = c.sts_endpoint;
  if (c.oidc_role_arn) config.oidcRoleArn = c.oidc_role_arn;
  if (c.oidc_provider_arn) config.oidcProviderArn = c.oidc_provider_arn;
  return { config, problems: [] };
}
