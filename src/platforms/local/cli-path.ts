/**
 * The evalgate CLI a local job can run, for the `{evalgate}` placeholder: the bundle this process
 * came from (dist/cli/index.js of the same checkout or package, found from this module's place:
 * dist/<entry>/… in the bundles, src/platforms/local/ in the sources). A job runs it as
 * `"${EVALGATE_CLI}" bench http …` (the file is executable, `#!/usr/bin/env node`): jobs run with a
 * cleaned environment and, where the machine allows, in their own PID namespace, so neither
 * `npx evalgate` nor a PATH entry of the runner's can be relied on there.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let found: string | undefined;

export function runnerCli(): string {
  if (found !== undefined) return found;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const cli = path.join(dir, 'dist', 'cli', 'index.js');
    if (existsSync(cli) && existsSync(path.join(dir, 'package.json'))) return (found = cli);
    dir = path.dirname(dir);
  }
  // not beside a build: the one on the job's PATH, if any
  return (found = 'evalgate');
}
