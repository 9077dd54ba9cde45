/**
 * The post step's half of the local platform: kills the process groups of jobs the main step
 * recorded as running, after the main step itself is gone (a cancelled workflow, a killed step).
 * On Linux a group is signalled only when one of its processes carries the job's marker in its
 * environment, so a process group id the system has since reused is never touched.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { SavedJob } from '../platform.js';
import { JOB_MARKER } from './local.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** the live pids in process group `pgid` (Linux /proc), or null where /proc is not there */
function groupMembers(pgid: number): number[] | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return null;
  }
  const pids: number[] = [];
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses: split after the last ')'
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // a zombie has ended; only its parent's wait() is missing
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') pids.push(Number(e));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

function carriesMarker(pid: number, name: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(`${JOB_MARKER}=${name}`);
  } catch {
    return false;
  }
}

function alive(pgid: number): boolean {
  const members = groupMembers(pgid);
  if (members !== null) return members.length > 0;
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export type CancelOutcome = { job: SavedJob; result: 'killed' | 'gone' | 'not ours' | 'failed'; detail?: string };

export async function cancelSavedLocal(jobs: SavedJob[], graceMs = 5000): Promise<CancelOutcome[]> {
  const out: CancelOutcome[] = [];
  const toKill: { job: SavedJob; pgid: number }[] = [];
  for (const job of jobs) {
    const pgid = Number(job.pgid);
    if (!Number.isSafeInteger(pgid) || pgid <= 1) {
      out.push({ job, result: 'failed', detail: `no usable process group id (${JSON.stringify(job.pgid)})` });
      continue;
    }
    const members = groupMembers(pgid);
    if (members !== null) {
      if (members.length === 0) {
        out.push({ job, result: 'gone' });
        continue;
      }
      if (!members.some((pid) => carriesMarker(pid, job.name))) {
        out.push({ job, result: 'not ours', detail: `process group ${pgid} now belongs to another program` });
        continue;
      }
    } else if (!alive(pgid)) {
      out.push({ job, result: 'gone' });
      continue;
    }
    try {
      process.kill(-pgid, 'SIGTERM');
      toKill.push({ job, pgid });
    } catch (e) {
      out.push({ job, result: (e as NodeJS.ErrnoException).code === 'ESRCH' ? 'gone' : 'failed', detail: (e as Error).message });
    }
  }
  const deadline = Date.now() + graceMs;
  while (toKill.some((k) => alive(k.pgid)) && Date.now() < deadline) await sleep(100);
  for (const { job, pgid } of toKill) {
    if (alive(pgid)) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        // gone between the check and the kill
      }
    }
    out.push({ job, result: 'killed', detail: `process group ${pgid}` });
  }
  return out;
}
