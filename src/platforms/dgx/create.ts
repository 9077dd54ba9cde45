/** Builds the dgx platform from the config: its section, the shell to reach the node, the SSH key and host key pins. */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import type { Problem } from '../../core/problem.js';
import type { Settings } from '../../config/settings.js';
import { resolveStaging } from '../staging.js';
import { parseDgxConfig, type DgxConfig } from './config.js';
import { DgxPlatform } from './dgx.js';
import { fingerprint, knownHostKeys, LocalShell, SshShell, type Shell } from './shell.js';

export function dgxShell(
  cfg: DgxConfig,
  env: Record<string, string | undefined>,
  jobEnv: Record<string, string | undefined>,
  file: string,
): { shell: Shell | null; problems: Problem[] } {
  if (!cfg.host) return { shell: new LocalShell(jobEnv), problems: [] };
  const problems: Problem[] = [];
  let privateKey = env[cfg.keyEnv];
  if (!privateKey && cfg.keyFile) {
    try {
      privateKey = readFileSync(cfg.keyFile, 'utf8');
    } catch (e) {
      problems.push({
        file,
        path: 'dgx.key_file',
        expected: 'a readable private key file',
        found: `${JSON.stringify(cfg.keyFile)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      });
    }
  }
  if (!privateKey && !problems.length) {
    problems.push({
      file,
      path: 'dgx',
      expected: `an SSH private key in the environment variable ${cfg.keyEnv} (or dgx.key_file)`,
      found: 'nothing',
    });
  }
  const pins = [...cfg.hostKeys];
  let pinnedBy = cfg.hostKeys.length ? 'dgx.host_key' : '';
  if (cfg.knownHosts) {
    try {
      const keys = knownHostKeys(readFileSync(cfg.knownHosts, 'utf8'), cfg.host, cfg.port);
      pins.push(...keys.map(fingerprint));
      pinnedBy = pinnedBy ? `${pinnedBy} and ${cfg.knownHosts}` : cfg.knownHosts;
    } catch (e) {
      problems.push({
        file,
        path: 'dgx.known_hosts',
        expected: 'a readable known_hosts file',
        found: `${JSON.stringify(cfg.knownHosts)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      });
    }
  }
  if (problems.length) return { shell: null, problems };
  return {
    shell: new SshShell({
      host: cfg.host,
      port: cfg.port,
      user: cfg.user,
      privateKey: privateKey!,
      passphrase: env.EVALGATE_SSH_PASSPHRASE,
      hostKeys: pins,
      pinnedBy: pinnedBy || 'nothing',
    }),
    problems: [],
  };
}

export function createDgxPlatform(
  settings: Settings,
  opts: {
    cwd: string;
    env: Record<string, string | undefined>;
    jobEnv: Record<string, string | undefined>;
    workDir: string;
    signal?: AbortSignal;
  },
): { platform: DgxPlatform | null; problems: Problem[] } {
  const file = settings.configFile ?? 'config';
  let user = 'root';
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry: root as a default
  }
  const { config, problems } = parseDgxConfig(settings.platformConfig.dgx, file, { workdir: path.join(opts.workDir, 'dgx'), user });
  if (!config) return { platform: null, problems };
  const { staging, problems: stagingProblems } = resolveStaging('dgx', settings.staging, config.staging, file);
  if (stagingProblems.length) return { platform: null, problems: stagingProblems };
  const { shell, problems: shellProblems } = settings.dryRun
    ? { shell: new LocalShell(opts.jobEnv), problems: [] }
    : dgxShell(config, opts.env, opts.jobEnv, file);
  if (!shell) return { platform: null, problems: shellProblems };
  return {
    platform: new DgxPlatform({
      config,
      shell,
      cwd: opts.cwd,
      localDir: opts.workDir,
      gate: settings.name,
      dryRun: settings.dryRun,
      staging,
      ...(opts.signal ? { signal: opts.signal } : {}),
    }),
    problems: [],
  };
}
