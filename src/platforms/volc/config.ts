/** The `volc` section of the config: where jobs run on the Volcano Engine ML platform, and the TOS bucket they read and write. */
import { z } from 'zod';
import { stagingSchema, type StagingSection } from '../staging.js';
import type { Problem } from '../../core/problem.js';
import { sectionProblems } from '../section.js';

/** The ML platform OpenAPI: service `ml_platform`, the "Job" API generation (CreateJob, GetJob, StopJob, ListJobs). */
export const VOLC_SERVICE = 'ml_platform';
export const VOLC_API_VERSION = '2024-07-01';
export const DEFAULT_VOLC_REGION = 'cn-beijing';
export const DEFAULT_VOLC_ENDPOINT = 'open.volcengineapi.com';
/** RuntimeConfig.Framework values CreateJob takes (the Go SDK's input enum; `Custom` is listed for GetJob output only, so on input it is [U]) */
export const VOLC_FRAMEWORKS = ['PyTorch', 'TensorFlow', 'MPI', 'Ray', 'Custom'] as const;

/** TOS bucket names: 3 to 63 lower-case letters, digits and `-`, not starting or ending with `-` (the TOS SDK's own check) */
export const TOS_BUCKET = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

const name = (what: string) => z.string({ error: what }).trim().min(1, { error: what });

/** a host[:port], or an http(s):// URL with nothing after the host */
const HOST = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\d{1,5})?$/;
const endpoint = (what: string) =>
  z.string({ error: what }).refine((v) => HOST.test(v) || /^https?:\/\/[^/?#\s]+\/?$/.test(v), { error: what });

export const schema = z.strictObject(
  {
    region: z
      .string({ error: 'a region id such as cn-beijing' })
      .regex(/^[a-z]{2,}(-[a-z0-9]+)+$/, { error: 'a region id such as cn-beijing' })
      .optional(),
    resource_queue_id: name('a resource queue id (q-…)'),
    image: name('a container image (e.g. vemlp-cn-beijing.cr.volces.com/<namespace>/<repository>:<tag>)'),
    instance_type: name('an instance type id (e.g. ml.g1e.large)'),
    tos_bucket: z
      .string({ error: 'a TOS bucket name' })
      .regex(TOS_BUCKET, { error: 'a TOS bucket name (3 to 63 lower-case letters, digits and -)' }),
    tos_prefix: z
      .string({ error: 'a path prefix in the bucket' })
      .regex(/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/, { error: 'a path prefix of letters, digits, . _ - and /' })
      .optional(),
    project: z
      .string({ error: 'a project name' })
      .min(1, { error: 'a project name (1 to 64 characters)' })
      .max(64, { error: 'a project name (1 to 64 characters)' })
      .optional(),
    framework: z.enum(VOLC_FRAMEWORKS, { error: `one of ${VOLC_FRAMEWORKS.join(', ')}` }).optional(),
    endpoint: endpoint(`the ML platform OpenAPI host, or an http(s):// URL (default ${DEFAULT_VOLC_ENDPOINT})`).optional(),
    tos_endpoint: endpoint('the TOS endpoint host, or an http(s):// URL (default tos-<region>.volces.com)').optional(),
    code: z
      .union([name('a path'), z.array(name('a path')).min(1, { error: 'a path or a list of paths' })], {
        error: 'a path or a list of paths',
      })
      .optional(),
    poll_interval_seconds: z
      .number({ error: 'a number of seconds' })
      .positive({ error: 'more than 0 seconds' })
      .max(300, { error: 'at most 300 seconds' })
      .optional(),
    staging: stagingSchema.optional(),
  },
  { error: 'a mapping' },
);

/** An endpoint as the clients take it: `url` for fetch (no trailing slash), `host` (host[:port]) and whether it is https. */
export interface Endpoint {
  url: string;
  host: string;
  secure: boolean;
}

export function parseEndpoint(value: string): Endpoint {
  const m = /^(https?):\/\/([^/?#\s]+)\/?$/.exec(value.trim());
  if (m) return { url: `${m[1]}://${m[2]}`, host: m[2]!, secure: m[1] === 'https' };
  return { url: `https://${value.trim()}`, host: value.trim(), secure: true };
}

export interface VolcConfig {
  region: string;
  resourceQueueId: string;
  image: string;
  instanceType: string;
  tosBucket: string;
  /** without a trailing slash */
  tosPrefix: string;
  project: string;
  framework: string;
  /** the ML platform OpenAPI */
  endpoint: Endpoint;
  tosEndpoint: Endpoint;
  /** paths relative to the working directory, uploaded and mounted at /mnt/evalgate/code (the command starts there) */
  code: string[];
  pollIntervalMs: number;
  /** the section's `staging` (resolved against the top-level one when the platform is built) */
  staging?: StagingSection;
}

export function parseVolcConfig(
  section: Record<string, unknown> | undefined,
  file: string,
  // the signature every platform section has; nothing of the volc section comes from the environment
  _env: Record<string, string | undefined> = {},
): { config: VolcConfig | null; problems: Problem[] } {
  const parsed = schema.safeParse(section ?? {});
  if (!parsed.success) {
    return {
      config: null,
      problems: sectionProblems(parsed.error.issues, section, file, 'volc', Object.keys(schema.shape)),
    };
  }
  const c = parsed.data;
  const region = c.region ?? DEFAULT_VOLC_REGION;
  const tosEndpoint = parseEndpoint(c.tos_endpoint ?? `tos-${region}.volces.com`);
  // the TOS SDK refuses an endpoint with "s3" in it (the S3-compatible tos-s3-… endpoints take S3 signatures)
  if (/s3/i.test(tosEndpoint.host)) {
    return {
      config: null,
      problems: [
        {
          file,
          path: 'volc.tos_endpoint',
          expected: `the TOS endpoint (tos-${region}.volces.com), not the S3-compatible one`,
          found: JSON.stringify(c.tos_endpoint),
        },
      ],
    };
  }
  return {
    config: {
      region,
      resourceQueueId: c.resource_queue_id,
      image: c.image,
      instanceType: c.instance_type,
      tosBucket: c.tos_bucket,
      tosPrefix: c.tos_prefix ?? 'evalgate',
      project: c.project ?? 'default',
      framework: c.framework ?? 'PyTorch',
      endpoint: parseEndpoint(c.endpoint ?? DEFAULT_VOLC_ENDPOINT),
      tosEndpoint,
      code: c.code === undefined ? [] : Array.isArray(c.code) ? c.code : [c.code],
      pollIntervalMs: Math.round((c.poll_interval_seconds ?? 10) * 1000),
      ...(c.staging ? { staging: c.staging } : {}),
    },
    problems: [],
  };
}
