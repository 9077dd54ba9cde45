#!/usr/bin/env node
import '../esm-shim.js';
import { main } from './main.js';
import { processRuntime } from '../runtime.js';

// Fail closed: if the event loop ever empties before main() settles (a promise that can no longer
// resolve), the process must not exit 0 as if the gate had passed.
let settled = false;
process.exitCode = 3;
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
