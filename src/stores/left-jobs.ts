/**
 * The jobs a run started and that may still be running, kept in its `--out` folder
 * (`<out>/.evalgate-jobs.json`) while it runs, so that the next run in that folder finds what a
 * killed run (SIGKILL, a lost machine) left: it attaches to the remote jobs it plans again under
 * the same names, and cancels every other one (SPEC §1; issue #16 item 7). The file is rewritten
 * atomically whenever the set changes and removed when nothing is left running.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isSavedJob, type SavedJob } from '../platforms/platform.js';

export const LEFT_JOBS_FILE = '.evalgate-jobs.json';

export interface LeftJobs {
  /** the run that recorded them */
  run_id: string;
  pid: number;
  jobs: SavedJob[];
}

/** what an earlier run left in `outDir` (null: nothing); an unreadable file is named in `problem` */
export function readLeftJobs(outDir: string): { left: LeftJobs | null; problem?: string } {
  const file = path.join(outDir, LEFT_JOBS_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { left: null };
  }
  try {
    const v = JSON.parse(text) as Partial<LeftJobs>;
    if (!v || typeof v !== 'object' || !Array.isArray(v.jobs)) throw new Error('expected {"run_id", "pid", "jobs": [...]}');
    const jobs = v.jobs.filter(isSavedJob);
    return { left: { run_id: String(v.run_id ?? ''), pid: Number(v.pid) || 0, jobs } };
  } catch (e) {
    return { left: null, problem: `${file}: ${(e as Error).message}` };
  }
}

/** records the jobs of run `runId` that may still be running (`carried`: an earlier run's that could not be cancelled) */
export function leftJobsRecorder(outDir: string, runId: string, carried: SavedJob[] = []): (jobs: SavedJob[]) => void {
  const file = path.join(outDir, LEFT_JOBS_FILE);
  return (jobs) => writeRecord(file, { run_id: runId, pid: process.pid, jobs: [...carried, ...jobs] });
}

/** The record written atomically, or removed when it lists no job; a folder gone away is no error. */
function writeRecord(file: string, record: LeftJobs): void {
  try {
    if (record.jobs.length === 0) {
      rmSync(file, { force: true });
      return;
    }
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(record) + '\n');
    renameSync(tmp, file);
  } catch {
    // the folder went away: the action's post step has its own record
  }
}

/**
 * Drops from `outDir`'s record the jobs `settled` says are dealt with (cancelled, gone, not ours):
 * what the action's post step cancelled is not cancelled again, with a warning, by the next run in
 * that folder (a self-hosted runner keeps its workspace). The rest stay for the next run to try.
 */
export function forgetLeftJobs(outDir: string, settled: (job: SavedJob) => boolean): void {
  const { left } = readLeftJobs(outDir);
  if (!left) return;
  const keep = left.jobs.filter((j) => !settled(j));
  if (keep.length < left.jobs.length) writeRecord(path.join(outDir, LEFT_JOBS_FILE), { ...left, jobs: keep });
}
