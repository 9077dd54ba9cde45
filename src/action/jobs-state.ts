/**
 * The jobs the main step started and that may still be running, kept where the post step finds
 * them: in the step's state (core.saveState → STATE_* in post) and, in case the runner killed the
 * main step before it could record its state, in a file under RUNNER_TEMP.
 */
import * as core from './workflow.js';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isSavedJob, savedJobKey, type SavedJob } from '../platforms/platform.js';
import { State } from './constants.js';

export function activeJobsDir(env: Record<string, string | undefined>): string {
  return path.join(env.RUNNER_TEMP || tmpdir(), 'evalgate-active-jobs');
}

export function jobsSaver(env: Record<string, string | undefined>, outDir?: string): (jobs: SavedJob[]) => void {
  const dir = activeJobsDir(env);
  const file = path.join(dir, `${process.pid}.json`);
  let warned = false;
  let outSaved = false;
  return (jobs) => {
    try {
      if (outDir && !outSaved) {
        core.saveState(State.Out, outDir);
        outSaved = true;
      }
      core.saveState(State.Jobs, JSON.stringify(jobs));
    } catch (e) {
      // the file below is the post step's other source
      if (!warned) core.warning(`evalgate: could not save the running jobs for the post step: ${(e as Error).message}`);
      warned = true;
    }
    try {
      if (jobs.length) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(file, JSON.stringify(jobs));
      } else rmSync(file, { force: true });
    } catch (e) {
      core.debug(`could not write ${file}: ${(e as Error).message}`);
    }
  };
}

function parseJobs(text: string, from: string, warn: (t: string) => void): SavedJob[] {
  try {
    const v = JSON.parse(text) as unknown;
    if (!Array.isArray(v)) throw new Error('not a list');
    return v.filter(isSavedJob);
  } catch (e) {
    warn(`evalgate: unreadable saved jobs in ${from}: ${(e as Error).message}`);
    return [];
  }
}

/** every saved job, each once, and the files they came from (removed once handled) */
export function readSavedJobs(env: Record<string, string | undefined>, warn: (t: string) => void): { jobs: SavedJob[]; files: string[] } {
  const byKey = new Map<string, SavedJob>();
  const add = (list: SavedJob[]): void => {
    for (const j of list) byKey.set(savedJobKey(j), j);
  };
  const state = core.getState(State.Jobs);
  if (state) add(parseJobs(state, 'the step state', warn));
  const dir = activeJobsDir(env);
  const files: string[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    // no file: nothing was left running
  }
  for (const n of names) {
    const file = path.join(dir, n);
    files.push(file);
    try {
      add(parseJobs(readFileSync(file, 'utf8'), file, warn));
    } catch {
      // removed meanwhile
    }
  }
  return { jobs: [...byKey.values()], files };
}
