/**
 * The run's cancel (Ctrl-C, SIGTERM, a cancelled workflow) as it reaches a platform call: every
 * retry's backoff (a Retry-After of minutes included) and every request still out ends at once
 * when the signal fires, so that the runner can cancel the jobs within SPEC §8's 10 s.
 */

/** what an aborted call throws: the signal's reason when it is an Error, else an AbortError */
export function abortError(signal: AbortSignal): Error {
  if (signal.reason instanceof Error) return signal.reason;
  const e = new Error('the run was cancelled');
  e.name = 'AbortError';
  return e;
}

/** true for what an aborted call throws (ours, fetch's, an Azure SDK's) */
export function isAbort(e: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted && (e === signal.reason || (e as Error)?.name === 'AbortError')) return true;
  return (e as Error)?.name === 'AbortError';
}

/** waits `ms`; resolves at once when the signal fires (the caller checks it) */
export function sleepUnlessAborted(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * `p`, or the abort error as soon as the signal fires: for a client that takes no signal (the
 * Alibaba and TOS SDKs). The request itself may still finish in the background; its answer is
 * dropped.
 */
export function raceAbort<T>(p: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) {
    p.catch(() => {});
    return Promise.reject(abortError(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      p.catch(() => {});
      reject(abortError(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** throws the abort error when the signal has fired (before a request that should not start) */
export function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortError(signal);
}

/** both signals as one (either fires it); undefined when neither is given */
export function anySignal(...signals: Array<AbortSignal | undefined>): AbortSignal | undefined {
  const given = signals.filter((s): s is AbortSignal => s !== undefined);
  if (given.length <= 1) return given[0];
  return AbortSignal.any(given);
}

/** how long cancel() of one job may take after the run's abort (its own budget, never the run's signal) */
export const CANCEL_BUDGET_MS = 6_000;
