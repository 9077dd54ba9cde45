/** The `dgx` section of the config: where jobs run (the runner, a node over SSH, Slurm) and how to reach it. */
import { z } from 'zod';
import { stagingSchema, type StagingSection } from '../staging.js';
import type { Problem } from '../../core/problem.js';
import { pathValue } from '../section.js';

export const DGX_MODES = ['local', 'ssh', 'slurm'] as const;

export const schema = z.strictObject(
  {
    mode: z.enum(DGX_MODES, { error: 'one of local, ssh, slurm' }).optional(),
    host: z.string({ error: 'a host name' }).min(1, { error: 'a host name' }).optional(),
    user: z.string({ error: 'a user name' }).min(1, { error: 'a user name' }).optional(),
    port: z.number({ error: 'a port number' }).int({ error: 'a port number' }).min(1).max(65535, { error: 'a port number' }).optional(),
    workdir: z.string({ error: 'an absolute path' }).startsWith('/', { error: 'an absolute path on the node' }).optional(),
    /** the older name of workdir (the shared folder) */
    shared_dir: z.string({ error: 'an absolute path' }).startsWith('/', { error: 'an absolute path on the node' }).optional(),
    cwd: z.string({ error: 'a path' }).optional(),
    partition: z.string({ error: 'a Slurm partition' }).optional(),
    account: z.string({ error: 'a Slurm account' }).optional(),
    known_hosts: z.string({ error: 'a known_hosts file' }).optional(),
    host_key: z.union([z.string(), z.array(z.string())], { error: 'a SHA256:… fingerprint or a list of them' }).optional(),
    key_file: z.string({ error: 'a private key file' }).optional(),
    key_env: z
      .string({ error: 'an environment variable name' })
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
      .optional(),
    staging: stagingSchema.optional(),
  },
  { error: 'a mapping' },
);

export interface DgxConfig {
  mode: (typeof DGX_MODES)[number];
  /** set: commands run on this host over SSH (mode ssh, or slurm through a login node) */
  host?: string;
  user: string;
  port: number;
  /** the shared folder: staged inputs, job folders, scripts */
  workdir: string;
  /** where each job's command runs; default the workdir (the runner's checkout in mode local) */
  cwd?: string;
  partition?: string;
  account?: string;
  knownHosts?: string;
  hostKeys: string[];
  keyFile?: string;
  keyEnv: string;
  /** the section's `staging` (resolved against the top-level one when the platform is built) */
  staging?: StagingSection;
}

export function parseDgxConfig(
  section: Record<string, unknown> | undefined,
  file: string,
  defaults: { workdir: string; user: string },
): { config: DgxConfig | null; problems: Problem[] } {
  const parsed = schema.safeParse(section ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({
      file,
      path: ['dgx', ...i.path.map(String)].join('.'),
      expected: i.code === 'unrecognized_keys' ? `one of the known keys (${Object.keys(schema.shape).join(', ')})` : i.message,
      found:
        i.code === 'unrecognized_keys' ? ((i as { keys?: string[] }).keys?.join(', ') ?? '') : JSON.stringify(pathValue(section, i.path)),
    }));
    return { config: null, problems };
  }
  const c = parsed.data;
  const mode = c.mode ?? (c.host ? 'ssh' : 'local');
  const problems: Problem[] = [];
  if (mode === 'ssh' && !c.host)
    problems.push({ file, path: 'dgx.host', expected: 'the node to reach over SSH (mode: ssh)', found: 'nothing' });
  if (mode === 'local' && c.host) {
    problems.push({
      file,
      path: 'dgx.mode',
      expected: 'ssh or slurm when dgx.host is set (mode local runs on the runner itself)',
      found: '"local"',
    });
  }
  const workdir = c.workdir ?? c.shared_dir;
  if (!workdir && (mode !== 'local' || c.host)) {
    problems.push({ file, path: 'dgx.workdir', expected: 'the shared folder on the node (an absolute path)', found: 'nothing' });
  }
  const hostKeys = c.host_key === undefined ? [] : Array.isArray(c.host_key) ? c.host_key : [c.host_key];
  for (const k of hostKeys) {
    if (!/^SHA256:[A-Za-z0-9+/]{43}$/.test(k)) {
      problems.push({
        file,
        path: 'dgx.host_key',
        expected: 'a fingerprint as ssh-keygen -lf prints it (SHA256: and 43 characters)',
        found: JSON.stringify(k),
      });
    }
  }
  if (problems.length) return { config: null, problems };
  return {
    config: {
      mode,
      host: c.host,
      user: c.user ?? defaults.user,
      port: c.port ?? 22,
      workdir: (workdir ?? defaults.workdir).replace(/\/+$/, '') || '/',
      cwd: c.cwd,
      partition: c.partition,
      account: c.account,
      knownHosts: c.known_hosts,
      hostKeys,
      keyFile: c.key_file,
      keyEnv: c.key_env ?? 'EVALGATE_SSH_KEY',
      ...(c.staging ? { staging: c.staging } : {}),
    },
    problems: [],
  };
}
