import '../esm-shim.js';
import * as core from './workflow.js';
import { run } from './main.js';

// Fail closed: a main step whose event loop empties before run() settles must not pass.
let settled = false;
process.on('beforeExit', () => {
  if (!settled) core.setFailed('evalgate: internal error: stopped before it finished');
});
void run().finally(() => {
  settled = true;
});
