/**
 * Attempts of one deterministic job name (SPEC §1): a retried submission attaches to the job found
 * under its name, but a job found there that already failed or was cancelled is not reused: the
 * job is submitted again as `<name>-r2`, then `-r3`, … The names are looked up in that order, so a
 * re-run of a re-run attaches to the newest attempt that is live (queued, running) or succeeded
 * instead of starting yet another.
 */

/** attempts looked up before evalgate gives up (a job that failed this often needs a person) */
export const MAX_ATTEMPTS = 50;

/** `<name>` for the first attempt, `<name>-r<n>` after it (at most 5 characters longer) */
export function attemptName(name: string, attempt: number): string {
  return attempt <= 1 ? name : `${name}-r${attempt}`;
}

/** what a platform found under one name: nothing, a job to attach to, or a dead one (failed, cancelled) */
export type Found<T> = { live: T } | 'dead' | null;

/**
 * The attempt to use: the first name in order with no job under it (submit there), unless a live
 * or succeeded job is found first (attach to it). `lookup` says what is under a name.
 */
export async function findAttempt<T>(
  name: string,
  lookup: (name: string, attempt: number) => Promise<Found<T>>,
): Promise<{ name: string; attempt: number; existing?: T }> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const n = attemptName(name, attempt);
    const found = await lookup(n, attempt);
    if (found === null) return { name: n, attempt };
    if (found !== 'dead') return { name: n, attempt, existing: found.live };
  }
  throw new Error(
    `job ${name}: ${MAX_ATTEMPTS} attempts under this run id already failed or were cancelled; not submitting another (set another EVALGATE_RUN_ID or re-run the workflow)`,
  );
}

/** the job as its attempt runs: its name (and EVALGATE_JOB_NAME) that of the attempt */
export function asAttempt<J extends { name: string; env: Record<string, string> }>(job: J, name: string): J {
  if (name === job.name) return job;
  return { ...job, name, env: { ...job.env, EVALGATE_JOB_NAME: name } };
}

/**
 * The name of a job's confirm attempt (SPEC §9 `confirm`): `<name>-c2`, `-c3`, … A rerun for
 * confirmation is a new measurement, so it never attaches to the first attempt (which succeeded);
 * it is still deterministic, so a retried workflow attaches to the rerun it started, and a rerun
 * that failed is submitted again as `<name>-c2-r2` by the ordinary lookup above.
 */
export function confirmName(name: string, attempt: number): string {
  return `${name}-c${attempt}`;
}
