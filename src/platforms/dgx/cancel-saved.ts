/**
 * The post step's half of the dgx platform: cancels the shards the main step recorded as running
 * (scancel under Slurm; the process group, while the job's pid file still names it, otherwise),
 * reaching the node again with the same key (from the environment) and host key pins.
 */
import type { SavedJob } from '../platform.js';
import { dgxShell } from './create.js';
import type { DgxConfig } from './config.js';
import { quote, type Shell } from './shell.js';
import { killGroupCommand } from './dgx.js';

export type DgxCancelOutcome = { job: SavedJob; result: 'cancelled' | 'failed'; detail: string };

export async function cancelSavedDgx(jobs: SavedJob[], env: Record<string, string | undefined>): Promise<DgxCancelOutcome[]> {
  const out: DgxCancelOutcome[] = [];
  const shells = new Map<string, Shell>();
  for (const job of jobs) {
    const host = typeof job.host === 'string' ? job.host : undefined;
    const key = `${host ?? ''}:${job.port}:${job.user}`;
    let shell = shells.get(key);
    if (!shell) {
      const cfg: DgxConfig = {
        mode: job.mode === 'slurm' ? 'slurm' : job.mode === 'ssh' ? 'ssh' : 'local',
        host,
        port: Number(job.port) || 22,
        user: String(job.user ?? 'root'),
        workdir: '/',
        hostKeys: Array.isArray(job.host_keys) ? job.host_keys.map(String) : [],
        knownHosts: typeof job.known_hosts === 'string' ? job.known_hosts : undefined,
        keyEnv: typeof job.key_env === 'string' ? job.key_env : 'EVALGATE_SSH_KEY',
        keyFile: typeof job.key_file === 'string' ? job.key_file : undefined,
      };
      const made = dgxShell(cfg, env, env, 'saved job');
      if (!made.shell) {
        out.push({ job, result: 'failed', detail: made.problems.map((p) => `${p.path}: expected ${p.expected}`).join('; ') });
        continue;
      }
      shell = made.shell;
      shells.set(key, shell);
    }
    try {
      if (job.mode === 'slurm') {
        const r = await shell.exec(`scancel ${quote(job.id)}`);
        out.push({ job, result: r.code === 0 ? 'cancelled' : 'failed', detail: r.code === 0 ? `scancel ${job.id}` : r.stderr.trim() });
      } else {
        const pgid = Number(job.id);
        const r = await shell.exec(killGroupCommand(String(job.run_dir), pgid));
        out.push({
          job,
          result: r.code === 0 ? 'cancelled' : 'failed',
          detail: r.code === 0 ? `process group ${pgid} on ${shell.where}` : r.stderr.trim(),
        });
      }
    } catch (e) {
      out.push({ job, result: 'failed', detail: (e as Error).message });
    }
  }
  for (const s of shells.values()) await s.close();
  return out;
}
