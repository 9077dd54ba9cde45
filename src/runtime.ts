import { safeWriter } from './core/sanitize.js';

/**
 * Process globals in one object passed down (as k6's GlobalState), so tests can swap them.
 */
export interface Runtime {
  env: Record<string, string | undefined>;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  now: () => Date;
  /** stdout is a terminal (live progress lines) */
  isTTY?: boolean;
  /** stdout as it is, for the live progress lines' own cursor moves (safeRuntime keeps it) */
  terminal?: (text: string) => void;
}

export function processRuntime(): Runtime {
  return {
    env: process.env,
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    now: () => new Date(),
    isTTY: Boolean(process.stdout.isTTY) && process.env.CI !== 'true',
  };
}

/**
 * The same runtime with stdout and stderr passed through `safeWriter`: whatever a job or a file
 * put into a message, no control character and no workflow command reaches the log or terminal.
 */
export function safeRuntime(rt: Runtime): Runtime {
  if (rt.terminal) return rt;
  return { ...rt, stdout: safeWriter(rt.stdout), stderr: safeWriter(rt.stderr), terminal: rt.stdout };
}
