/** The `azure` section of the config: the workspace, where jobs run, and how to reach Azure. */
import { z } from 'zod';
import { stagingSchema, type StagingSection } from '../staging.js';
import type { Problem } from '../../core/problem.js';
import { sectionProblems } from '../section.js';

/** The ARM api-version evalgate speaks (the newest stable with the same CommandJob shape as 2022-10-01). */
export const AZURE_API_VERSION = '2025-09-01';

const name = (what: string) => z.string({ error: what }).min(1, { error: what });

export const schema = z.strictObject(
  {
    subscription: name('a subscription id').optional(),
    subscription_id: name('a subscription id').optional(),
    resource_group: name('a resource group name'),
    workspace: z
      .string({ error: 'a workspace name' })
      .regex(/^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/, { error: 'a workspace name (3 to 33 letters, digits, - and _)' }),
    compute: name('a compute name or ARM id'),
    environment: name('an environment (azureml:<name>:<version>, an azureml://registries/… id or an ARM id)').optional(),
    image: name('a container image').optional(),
    experiment: name('an experiment name').optional(),
    datastore: name('a datastore name').optional(),
    prefix: z
      .string({ error: 'a path prefix in the datastore' })
      .regex(/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/, { error: 'a path prefix of letters, digits, . _ - and /' })
      .optional(),
    code: z.union([name('a path'), z.array(name('a path')).min(1)], { error: 'a path or a list of paths' }).optional(),
    instance_type: name('a VM size').optional(),
    instance_count: z.number({ error: 'a whole number' }).int({ error: 'a whole number' }).min(1).optional(),
    poll_interval_seconds: z.number({ error: 'a number of seconds' }).positive({ error: 'more than 0 seconds' }).max(300).optional(),
    arm_endpoint: z.url({ protocol: /^https$/, error: 'an https:// URL' }).optional(),
    authority_host: z.url({ protocol: /^https$/, error: 'an https:// URL' }).optional(),
    blob_endpoint: z.url({ protocol: /^https?$/, error: 'an http(s):// URL' }).optional(),
    staging: stagingSchema.optional(),
  },
  { error: 'a mapping' },
);

export interface AzureConfig {
  subscription: string;
  resourceGroup: string;
  workspace: string;
  compute: string;
  environment?: string;
  image?: string;
  experiment: string;
  datastore: string;
  prefix: string;
  code: string[];
  instanceType?: string;
  instanceCount?: number;
  pollIntervalMs: number;
  armEndpoint: string;
  authorityHost?: string;
  blobEndpoint?: string;
  /** the section's `staging` (resolved against the top-level one when the platform is built) */
  staging?: StagingSection;
}

export function parseAzureConfig(
  section: Record<string, unknown> | undefined,
  file: string,
  env: Record<string, string | undefined>,
): { config: AzureConfig | null; problems: Problem[] } {
  const parsed = schema.safeParse(section ?? {});
  if (!parsed.success) {
    return {
      config: null,
      problems: sectionProblems(parsed.error.issues, section, file, 'azure', Object.keys(schema.shape)),
    };
  }
  const c = parsed.data;
  const problems: Problem[] = [];
  const subscription = c.subscription ?? c.subscription_id ?? env.AZURE_SUBSCRIPTION_ID;
  if (!subscription)
    problems.push({
      file,
      path: 'azure.subscription',
      expected: 'a subscription id (or AZURE_SUBSCRIPTION_ID in the environment)',
      found: 'nothing',
    });
  if (!c.environment && !c.image)
    problems.push({
      file,
      path: 'azure.environment',
      expected: 'an Azure ML environment, or azure.image (a container image evalgate registers as one)',
      found: 'nothing',
    });
  if (c.environment && c.image)
    problems.push({
      file,
      path: 'azure.image',
      expected: 'either azure.environment or azure.image, not both',
      found: JSON.stringify(c.image),
    });
  if (problems.length) return { config: null, problems };
  return {
    config: {
      subscription: subscription!,
      resourceGroup: c.resource_group,
      workspace: c.workspace,
      compute: c.compute,
      environment: c.environment,
      image: c.image,
      experiment: c.experiment ?? 'evalgate',
      datastore: c.datastore ?? 'workspaceblobstore',
      prefix: c.prefix ?? 'evalgate',
      code: c.code === undefined ? [] : Array.isArray(c.code) ? c.code : [c.code],
      instanceType: c.instance_type,
      instanceCount: c.instance_count,
      pollIntervalMs: Math.round((c.poll_interval_seconds ?? 10) * 1000),
      armEndpoint: (c.arm_endpoint ?? 'https://management.azure.com').replace(/\/+$/, ''),
      authorityHost: c.authority_host ?? env.AZURE_AUTHORITY_HOST,
      blobEndpoint: c.blob_endpoint?.replace(/\/+$/, ''),
      ...(c.staging ? { staging: c.staging } : {}),
    },
    problems: [],
  };
}
