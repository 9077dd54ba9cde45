#!/usr/bin/env node
import '../esm-shim.js';
import { main } from './main.js';
import { processRuntime } from '../runtime.js';

// Fail closed: if the event loop ever empties before main() settles (a promise that can no longer
// resolve), the process must not exit 0 as if the gate had passed.
let settled = false;
process.exitCode = 3;
// A reader that goes away (`evalgate gate … | head -1`) ends the output, not the run: the gate
// still finishes, writes its report and exits with its own code (not 1 with a stack trace).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
  });
}
process.on('exit', () => {
  if (!settled) process.stderr.write('internal error: evalgate stopped before it finished (exit code 3)\n');
});

main(process.argv.slice(2), processRuntime()).then(
  (code) => {
    settled = true;
    process.exitCode = code;
  },
  (e: unknown) => {
    settled = true;
    process.stderr.write(`internal error: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 3;
  },
);
