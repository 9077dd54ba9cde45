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
