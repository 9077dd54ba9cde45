#!/usr/bin/env node
import { main } from './main.js';
import { processRuntime } from '../runtime.js';

main(process.argv.slice(2), processRuntime()).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`internal error: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 3;
  },
);
